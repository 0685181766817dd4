package lsp

import (
	"bytes"
	"io"
	"sync"
)

// pipe is one direction of an in-memory stream whose writes never block,
// as the buffers of a real editor's pipes mostly keep them: with
// net.Pipe, a server writing a notification while the client writes a
// reply would wait on each other.
type pipe struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    bytes.Buffer
	closed bool
}

func newPipe() *pipe {
	p := &pipe{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *pipe) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return 0, io.ErrClosedPipe
	}
	p.buf.Write(b)
	p.cond.Broadcast()
	return len(b), nil
}

func (p *pipe) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.buf.Len() == 0 && !p.closed {
		p.cond.Wait()
	}
	if p.buf.Len() == 0 {
		return 0, io.EOF
	}
	return p.buf.Read(b)
}

func (p *pipe) close() {
	p.mu.Lock()
	p.closed = true
	p.cond.Broadcast()
	p.mu.Unlock()
}

// end is one end of a two-way stream.
type end struct {
	r, w *pipe
}

func (e end) Read(b []byte) (int, error)  { return e.r.Read(b) }
func (e end) Write(b []byte) (int, error) { return e.w.Write(b) }
func (e end) Close() error {
	e.r.close()
	e.w.close()
	return nil
}

// streams returns the two ends of an in-memory stream.
func streams() (a, b io.ReadWriteCloser) {
	ab, ba := newPipe(), newPipe()
	return end{r: ba, w: ab}, end{r: ab, w: ba}
}
