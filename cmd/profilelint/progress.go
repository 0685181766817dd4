package main

import (
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows a progress bar on standard error, but only on a terminal,
// never in CI, and only once a run has taken more than a second: short
// runs and logs stay clean.
type progress struct {
	start time.Time
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
}

// newProgress returns the progress callback for lint.Config, or nil when no
// bar should be shown.
func newProgress() func(done, total int) {
	if os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil
	}
	info, err := os.Stderr.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	p := &progress{start: time.Now()}
	return p.update
}

func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		if time.Since(p.start) < time.Second || done == total {
			return
		}
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("linting"),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
	if done == total {
		_ = p.bar.Finish()
	}
}
