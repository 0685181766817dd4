// Package lsp is profilelint's language server: every rule's findings as
// diagnostics while an author types, the corpus-wide rules judged against
// the whole workspace folder, fixes and suppressions as code actions, and
// hover with a rule's doc or the schema's word on a key.
//
// The JSON-RPC framing is github.com/sourcegraph/jsonrpc2; the protocol
// types are the few this server needs (protocol.go).
package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
)

// Store is a result cache that a workspace run fills and then saves.
type Store interface {
	Save() error
}

// Options configure a server.
type Options struct {
	// Rules are the rules that may run (rules.All()).
	Rules []*lint.Rule
	// Version names the build, for serverInfo.
	Version string
	// Cache, when set, opens the result store for a configuration and
	// sets cfg.Store; nil means no cache.
	Cache func(conf *config.Config, cfg *lint.Config) Store
	// Debounce is how long after a change the document is linted, so
	// that a burst of keystrokes costs one lint.
	Debounce time.Duration
	// NoConfig ignores any .profilelint.yaml, as lint --no-config does.
	NoConfig bool
	// Published, when set, is called after diagnostics are sent (tests
	// and benchmarks wait on it).
	Published func(uri string)
	// WorkspaceLinted, when set, is called after each workspace run with
	// the number of files linted.
	WorkspaceLinted func(files int)
}

// DefaultDebounce is the wait after a change that profilelint lsp uses:
// short, since a seed-sized profile lints in a few milliseconds, and
// long enough that a burst of keystrokes is linted once.
const DefaultDebounce = 10 * time.Millisecond

// Serve runs a server on a stream (standard input and output) until the
// client says exit or the stream closes.
func Serve(ctx context.Context, rw io.ReadWriteCloser, opt Options) error {
	s := newServer(opt)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rw, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(s.handle))
	go s.workspaceLoop()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.stop()
	return nil
}

// server is the state of one session.
type server struct {
	opt   Options
	conn  *jsonrpc2.Conn
	rules map[string]*lint.Rule // every rule, by id, for hover
	// corpusRules are the ids of the rules that compare files: judged in
	// the workspace run, off when one document is linted alone.
	corpusRules map[string]bool

	mu       sync.Mutex
	enc      encoding
	root     string // absolute; "" without a workspace folder
	conf     *config.Config
	confDiag map[string]bool // the configuration files with diagnostics shown
	docs     map[string]*document
	// corpus holds, by file, the corpus-wide findings of the last
	// workspace run, with the text they were judged on.
	corpus    map[string][]placed
	watch     bool // the client watches files for us
	shutdown  bool
	wsTrigger chan struct{}
	stopped   chan struct{}
	stopOnce  sync.Once
	connOnce  sync.Once
}

// document is an open document.
type document struct {
	uri, path string
	version   int
	text      *text
	timer     *time.Timer
	// fileFindings are the per-file findings of the last lint of the
	// document, judged on linted.
	fileFindings []lint.Finding
	linted       *text
	// published is what the client was last sent, in the same order as
	// its diagnostics.
	published []placed
}

// placed is a finding with the text its positions refer to.
type placed struct {
	f lint.Finding
	t *text
}

func newServer(opt Options) *server {
	s := &server{
		opt:         opt,
		rules:       map[string]*lint.Rule{},
		corpusRules: map[string]bool{},
		docs:        map[string]*document{},
		confDiag:    map[string]bool{},
		wsTrigger:   make(chan struct{}, 1),
		stopped:     make(chan struct{}),
	}
	for _, r := range append([]*lint.Rule{lint.Syntax, lint.UnusedSuppression, lint.InvalidSuppression}, opt.Rules...) {
		s.rules[r.ID] = r
		if r.Scope == lint.PerCorpus {
			s.corpusRules[r.ID] = true
		}
	}
	s.conf = config.Default(opt.Rules)
	return s
}

func (s *server) stop() {
	s.stopOnce.Do(func() { close(s.stopped) })
}

// handle answers one message. jsonrpc2 calls it for one message at a
// time, in order, so that changes to a document are applied as sent.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	// The connection is known once it reads; whatever sends later (the
	// debounce timers, the workspace runs) starts from a message.
	s.connOnce.Do(func() { s.conn = conn })
	decode := func(v any) error {
		if req.Params == nil {
			return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "no params"}
		}
		if err := json.Unmarshal(*req.Params, v); err != nil {
			return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
		}
		return nil
	}
	s.mu.Lock()
	down := s.shutdown
	s.mu.Unlock()
	if down && req.Method != "exit" {
		if req.Notif {
			return nil, nil
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down; only exit is answered"}
	}
	switch req.Method {
	case "initialize":
		var p InitializeParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case "initialized":
		s.initialized(ctx)
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		s.stop()
		return nil, conn.Close()
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didOpen(p)
		return nil, nil
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didChange(p)
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.changedOnDisk([]string{uriPath(p.TextDocument.URI)})
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didClose(p)
		return nil, nil
	case "workspace/didChangeWatchedFiles":
		var p DidChangeWatchedFilesParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		var paths []string
		for _, c := range p.Changes {
			paths = append(paths, uriPath(c.URI))
		}
		s.changedOnDisk(paths)
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p TextDocumentPositionParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		h := s.hover(p)
		if h == nil {
			return nil, nil // JSON null: nothing to say here
		}
		return h, nil
	}
	if req.Notif {
		return nil, nil // $/cancelRequest, $/setTrace and the like
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "profilelint does not answer " + req.Method}
}

func (s *server) initialize(p InitializeParams) InitializeResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.enc = chooseEncoding(p.Capabilities.General.PositionEncodings)
	switch {
	case len(p.WorkspaceFolders) > 0:
		// profilelint lints one folder as lint run there would: the
		// first folder is the workspace.
		s.root = uriPath(p.WorkspaceFolders[0].URI)
	case p.RootURI != "":
		s.root = uriPath(p.RootURI)
	case p.RootPath != "":
		s.root = p.RootPath
	}
	if s.root != "" {
		if abs, err := filepath.Abs(s.root); err == nil {
			s.root = abs
		}
	}
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	return InitializeResult{
		Capabilities: ServerCapabilities{
			PositionEncoding: s.enc.String(),
			TextDocumentSync: TextDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: SaveOptions{}},
			HoverProvider:    true,
			CodeActionProvider: CodeActionOptions{
				CodeActionKinds: []string{KindQuickFix, KindSourceFixAll},
			},
		},
		ServerInfo: ServerInfo{Name: "profilelint", Version: s.opt.Version},
	}
}

// initialized loads the configuration, asks the client to watch the
// workspace's files and lints the workspace.
func (s *server) initialized(ctx context.Context) {
	s.loadConfig()
	s.mu.Lock()
	watch := s.watch && s.root != ""
	s.mu.Unlock()
	if watch {
		// A request to the client, answered through the loop that called
		// us: it must not be waited on here.
		go func() {
			opts, _ := json.Marshal(map[string]any{"watchers": []map[string]any{
				{"globPattern": "**/*.{yaml,yml,json}"},
			}})
			_ = s.conn.Call(ctx, "client/registerCapability", RegistrationParams{Registrations: []Registration{{
				ID: "profilelint-watch", Method: "workspace/didChangeWatchedFiles", RegisterOptions: opts,
			}}}, nil)
		}()
	}
	s.triggerWorkspace()
}

func (s *server) didOpen(p DidOpenTextDocumentParams) {
	d := &document{
		uri:     p.TextDocument.URI,
		path:    uriPath(p.TextDocument.URI),
		version: p.TextDocument.Version,
		text:    newText([]byte(p.TextDocument.Text)),
	}
	s.mu.Lock()
	if old := s.docs[d.uri]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	s.docs[d.uri] = d
	s.mu.Unlock()
	s.lintDocument(d.uri)
}

func (s *server) didChange(p DidChangeTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		d.text = applyChange(d.text, c, s.enc)
	}
	d.version = p.TextDocument.Version
	if d.timer != nil {
		d.timer.Stop()
	}
	uri := d.uri
	d.timer = time.AfterFunc(s.opt.Debounce, func() { s.lintDocument(uri) })
}

// applyChange applies one change event. Full sync is what the server asks
// for; a client that sends ranges anyway is followed. A range whose end is
// before its start replaces nothing.
func applyChange(t *text, c TextDocumentContentChangeEvent, enc encoding) *text {
	if c.Range == nil {
		return newText([]byte(c.Text))
	}
	start, end := t.offset(c.Range.Start, enc), t.offset(c.Range.End, enc)
	src := make([]byte, 0, len(t.src)+len(c.Text))
	src = append(append(append(src, t.src[:start]...), c.Text...), t.src[max(start, end):]...)
	return newText(src)
}

func (s *server) didClose(p DidCloseTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	if d != nil && d.timer != nil {
		d.timer.Stop()
	}
	confDiag := s.confDiag[uriPath(p.TextDocument.URI)]
	s.mu.Unlock()
	if d != nil && !confDiag {
		// What is on disk is judged by lint; the editor shows only open
		// documents.
		s.publish(PublishDiagnosticsParams{URI: d.uri, Diagnostics: []Diagnostic{}})
	}
}

// changedOnDisk reloads the configuration when one of its files changed,
// and judges the workspace again: a save, a new or a deleted profile can
// change the corpus-wide findings of any file.
func (s *server) changedOnDisk(paths []string) {
	s.mu.Lock()
	reload := false
	for _, p := range paths {
		if isConfigName(p) || s.confDiag[p] {
			reload = true
		}
		for _, f := range s.conf.Files {
			if abs, err := filepath.Abs(f); err == nil && abs == p {
				reload = true
			}
		}
	}
	s.mu.Unlock()
	if reload {
		s.loadConfig()
		s.mu.Lock()
		var uris []string
		for u := range s.docs {
			uris = append(uris, u)
		}
		s.mu.Unlock()
		for _, u := range uris {
			s.lintDocument(u)
		}
	}
	s.triggerWorkspace()
}

func isConfigName(p string) bool {
	for _, n := range config.Names {
		if filepath.Base(p) == n {
			return true
		}
	}
	return false
}

// publish sends diagnostics, unless the session is over.
func (s *server) publish(p PublishDiagnosticsParams) {
	select {
	case <-s.stopped:
		return
	default:
	}
	// The connection's own context is enough: Notify does not wait.
	_ = s.conn.Notify(context.Background(), "textDocument/publishDiagnostics", p)
	if s.opt.Published != nil {
		s.opt.Published(p.URI)
	}
}

// pathURI and uriPath convert between file paths and file URIs.
func pathURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

// readText reads a file on disk for the positions of its findings; a file
// that cannot be read gives an empty text, and positions at line starts.
func readText(path string) *text {
	data, err := os.ReadFile(path)
	if err != nil {
		data = nil
	}
	return newText(data)
}

// sameText reports whether two texts hold the same bytes.
func sameText(a, b *text) bool {
	return a != nil && b != nil && bytes.Equal(a.src, b.src)
}
