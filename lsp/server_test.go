package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/profilelint/profilelint/fix"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

// client drives a server over an in-memory pipe, as an editor would.
type client struct {
	t    *testing.T
	conn *jsonrpc2.Conn
	done chan struct{}

	mu    sync.Mutex
	diags map[string][]Diagnostic // the last published, by URI
	count map[string]int          // publications, by URI
	wake  chan struct{}
	// registered is set when the server asked to watch files.
	registered bool
}

func startServer(t *testing.T, opt Options) *client {
	t.Helper()
	a, b := streams()
	c := &client{t: t, done: make(chan struct{}), diags: map[string][]Diagnostic{}, count: map[string]int{}, wake: make(chan struct{}, 1)}
	if opt.Rules == nil {
		opt.Rules = rules.All()
	}
	go func() {
		_ = Serve(context.Background(), a, opt)
		close(c.done)
	}()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(b, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			switch req.Method {
			case "textDocument/publishDiagnostics":
				var p PublishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.mu.Lock()
				c.diags[p.URI] = p.Diagnostics
				c.count[p.URI]++
				c.mu.Unlock()
				select {
				case c.wake <- struct{}{}:
				default:
				}
			case "client/registerCapability":
				c.mu.Lock()
				c.registered = true
				c.mu.Unlock()
			}
			return nil, nil
		}))
	t.Cleanup(func() {
		c.conn.Close()
		select {
		case <-c.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop when the stream closed")
		}
	})
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// waitFor waits until the diagnostics of uri satisfy ok.
func (c *client) waitFor(uri string, what string, ok func([]Diagnostic) bool) []Diagnostic {
	c.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		c.mu.Lock()
		d, seen := c.diags[uri]
		c.mu.Unlock()
		if seen && ok(d) {
			return d
		}
		select {
		case <-c.wake:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			c.t.Fatalf("%s: never published %s; last: %+v", uri, what, d)
		}
	}
}

func has(rule string) func([]Diagnostic) bool {
	return func(ds []Diagnostic) bool { return find(ds, rule) != nil }
}

func hasNot(rule string) func([]Diagnostic) bool {
	return func(ds []Diagnostic) bool { return find(ds, rule) == nil }
}

func find(ds []Diagnostic, rule string) *Diagnostic {
	for i := range ds {
		if ds[i].Code == rule {
			return &ds[i]
		}
	}
	return nil
}

// workspace copies the example profiles into a temporary folder (a git
// root, so that no configuration above it is found).
func workspace(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "examples", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	p4 = "INFRAS.INFRASTR5562.P4.yaml"
	p7 = "INFRAS.INFRASTR5562.P7.yaml"
)

func initialize(c *client, root string, encodings ...string) InitializeResult {
	params := map[string]any{
		"rootUri": pathURI(root),
		"capabilities": map[string]any{
			"general":   map[string]any{"positionEncodings": encodings},
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
		},
	}
	var res InitializeResult
	c.call("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func open(c *client, path string, text string) string {
	uri := pathURI(path)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "yaml", Version: 1, Text: text}})
	return uri
}

func change(c *client, uri string, version int, text string) {
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: text}},
	})
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestOpenChange: diagnostics come on open from the editor's text, not
// the file, and follow every change.
func TestOpenChange(t *testing.T) {
	root := workspace(t, p4, p7)
	c := startServer(t, Options{})
	initialize(c, root)
	text := readFile(t, filepath.Join(root, p7))
	uri := open(c, filepath.Join(root, p7), text)
	ds := c.waitFor(uri, "experience-consistent", has("experience-consistent"))
	d := find(ds, "experience-consistent")
	// 31:29 in profilelint's terms (the README's example).
	if d.Range.Start != (Position{Line: 30, Character: 28}) || d.Severity != SeverityError || d.Source != "profilelint" {
		t.Errorf("experience-consistent at %+v severity %d; want 30:28, error", d.Range.Start, d.Severity)
	}
	if len(d.RelatedInformation) == 0 || !strings.HasSuffix(d.RelatedInformation[0].Location.URI, p7) {
		t.Errorf("no related place in the file: %+v", d.RelatedInformation)
	}
	// Not saved: the change alone makes the finding go.
	fixed := strings.Replace(text, "typical_experience: {min: 15, max: 22}", "typical_experience: {min: 20, max: 22}", 1)
	change(c, uri, 2, fixed)
	c.waitFor(uri, "no experience-consistent", hasNot("experience-consistent"))
	if got := readFile(t, filepath.Join(root, p7)); got != text {
		t.Error("the server wrote the file")
	}
}

// nonASCII puts a whitespace finding after an accented letter, an emoji
// (two UTF-16 units, four bytes) and an em dash on the title's line.
func nonASCII(t *testing.T, root string) (path, text string) {
	path = filepath.Join(root, p4)
	text = readFile(t, path)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "title:") {
			lines[i] = `title: "Infrastructure é 😀 Platform — P4  x"`
		}
	}
	return path, strings.Join(lines, "\n")
}

func TestPositionsNonASCII(t *testing.T) {
	for _, tc := range []struct {
		offered []string
		want    string
	}{{nil, "utf-16"}, {[]string{"utf-16"}, "utf-16"}, {[]string{"utf-8", "utf-16"}, "utf-8"}} {
		t.Run(tc.want+"/"+strings.Join(tc.offered, ","), func(t *testing.T) {
			root := workspace(t, p4)
			c := startServer(t, Options{})
			res := initialize(c, root, tc.offered...)
			if res.Capabilities.PositionEncoding != tc.want {
				t.Fatalf("positionEncoding %q, want %q", res.Capabilities.PositionEncoding, tc.want)
			}
			path, text := nonASCII(t, root)
			uri := open(c, path, text)
			d := find(c.waitFor(uri, "whitespace", has("whitespace")), "whitespace")
			line := `title: "Infrastructure é 😀 Platform — P4  x"`
			at := strings.Index(line, "  x")
			want := len(line[:at])
			wantEnd := want + 2
			if tc.want == "utf-16" {
				want = len(utf16.Encode([]rune(line[:at])))
				wantEnd = want + 2
			}
			if d.Range.Start.Line != 6 || d.Range.Start.Character != want || d.Range.End.Character != wantEnd {
				t.Errorf("whitespace at %+v; want line 6, characters %d to %d", d.Range, want, wantEnd)
			}
			// The fix, applied as the client would, removes the space.
			var actions []CodeAction
			c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: d.Range}, &actions)
			var quick *CodeAction
			for i := range actions {
				if actions[i].Kind == KindQuickFix && actions[i].IsPreferred {
					quick = &actions[i]
				}
			}
			if quick == nil {
				t.Fatalf("no quick fix among %+v", actions)
			}
			got := applyEdits(t, text, quick.Edit.Changes[uri], tc.want)
			if !strings.Contains(got, `— P4 x"`) || strings.Contains(got, "  x") {
				t.Errorf("the fix made the line %q", strings.Split(got, "\n")[6])
			}
		})
	}
}

// applyEdits applies non-overlapping edits, converting positions in the
// encoding independently of the server's code.
func applyEdits(t *testing.T, src string, edits []TextEdit, enc string) string {
	t.Helper()
	offset := func(p Position) int {
		lines := strings.SplitAfter(src, "\n")
		off := 0
		for i := 0; i < p.Line; i++ {
			off += len(lines[i])
		}
		l := lines[p.Line]
		if enc == "utf-8" {
			return off + p.Character
		}
		n := 0
		for i, r := range l {
			if n >= p.Character {
				return off + i
			}
			n += len(utf16.Encode([]rune{r}))
		}
		return off + len(l)
	}
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offset(e.Range.Start), offset(e.Range.End), e.NewText})
	}
	// Last first, so that earlier offsets stay valid.
	for i := 0; i < len(spans); i++ {
		for j := i + 1; j < len(spans); j++ {
			if spans[j].start > spans[i].start {
				spans[i], spans[j] = spans[j], spans[i]
			}
		}
	}
	for _, s := range spans {
		src = src[:s.start] + s.text + src[s.end:]
	}
	return src
}

// TestCodeActions: suppress with a reason, and fix all in the file.
func TestCodeActions(t *testing.T) {
	root := workspace(t, p4)
	c := startServer(t, Options{})
	initialize(c, root)
	path, text := nonASCII(t, root)
	text = strings.Replace(text, "Works under close supervision", "Works  under close supervision", 1)
	uri := open(c, path, text)
	d := find(c.waitFor(uri, "whitespace", has("whitespace")), "whitespace")

	var actions []CodeAction
	c.call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: d.Range}, &actions)
	var suppress, all *CodeAction
	for i, a := range actions {
		switch {
		case strings.HasPrefix(a.Title, "Suppress whitespace"):
			suppress = &actions[i]
		case a.Kind == KindSourceFixAll:
			all = &actions[i]
		}
	}
	if suppress == nil || all == nil {
		t.Fatalf("want a suppression and a fix-all among %+v", actions)
	}
	fixed := applyEdits(t, text, all.Edit.Changes[uri], "utf-16")
	if strings.Contains(fixed, "  ") && strings.Count(fixed, "  x") > 0 {
		t.Errorf("fix all left a doubled space in the title")
	}
	if f := lintText(t, path, fixed); hasRule(f, "whitespace") {
		t.Errorf("fix all left whitespace findings: %v", f)
	}

	withDirective := applyEdits(t, text, suppress.Edit.Changes[uri], "utf-16")
	if !strings.Contains(withDirective, "# profilelint:ignore whitespace -- \ntitle:") {
		t.Fatalf("the directive is not before the title:\n%s", withDirective)
	}
	// The author writes the reason: the finding is then a hint.
	withReason := strings.Replace(withDirective, "whitespace -- \n", "whitespace -- quoted from the job board\n", 1)
	change(c, uri, 2, withReason)
	c.waitFor(uri, "a suppressed whitespace finding", func(ds []Diagnostic) bool {
		for _, d := range ds {
			if d.Code == "whitespace" && d.Range.Start.Line == 7 {
				return d.Severity == SeverityHint && strings.Contains(d.Message, "quoted from the job board")
			}
		}
		return false
	})
}

func lintText(t *testing.T, path, text string) []lint.Finding {
	t.Helper()
	src := lint.Source{Name: path, Read: func() ([]byte, error) { return []byte(text), nil }}
	return lint.Run(lint.Config{Rules: rules.All()}, []lint.Source{src}).Findings
}

func hasRule(fs []lint.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Suppressed == nil {
			return true
		}
	}
	return false
}

var _ = fix.Apply // fix-all edits are the fix package's selection

func TestHover(t *testing.T) {
	root := workspace(t, p7)
	c := startServer(t, Options{})
	initialize(c, root)
	text := readFile(t, filepath.Join(root, p7))
	uri := open(c, filepath.Join(root, p7), text)
	d := find(c.waitFor(uri, "experience-consistent", has("experience-consistent")), "experience-consistent")

	var h Hover
	c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: d.Range.Start}, &h)
	r := rules.Lookup("experience-consistent")
	if !strings.Contains(h.Contents.Value, r.Summary) || !strings.Contains(h.Contents.Value, "Bad:") {
		t.Errorf("hover on the finding says %q; want the rule's summary and doc", h.Contents.Value)
	}
	// On the key "track" (line 8): what the schema says of it.
	var k Hover
	c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: 7, Character: 2}}, &k)
	if !strings.Contains(k.Contents.Value, "**/track**") {
		t.Errorf("hover on track says %q", k.Contents.Value)
	}
}

// TestWatchedFiles: the corpus-wide rules follow files created and deleted
// in the workspace.
func TestWatchedFiles(t *testing.T) {
	root := workspace(t, p4)
	c := startServer(t, Options{})
	initialize(c, root)
	uri := open(c, filepath.Join(root, p4), readFile(t, filepath.Join(root, p4)))
	d := find(c.waitFor(uri, "adjacent-unresolved", has("adjacent-unresolved")), "adjacent-unresolved")
	if d.Severity == 0 {
		t.Error("no severity")
	}
	// The registration is a request of its own, sent beside the first
	// diagnostics.
	registered := false
	for wait := time.Now(); !registered && time.Since(wait) < 5*time.Second; time.Sleep(10 * time.Millisecond) {
		c.mu.Lock()
		registered = c.registered
		c.mu.Unlock()
	}
	if !registered {
		t.Error("the server did not ask to watch the workspace's files")
	}
	data := readFile(t, filepath.Join("..", "examples", p7))
	if err := os.WriteFile(filepath.Join(root, p7), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: pathURI(filepath.Join(root, p7)), Type: FileCreated}}})
	c.waitFor(uri, "no adjacent-unresolved", hasNot("adjacent-unresolved"))

	os.Remove(filepath.Join(root, p7))
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: pathURI(filepath.Join(root, p7)), Type: FileDeleted}}})
	c.waitFor(uri, "adjacent-unresolved again", has("adjacent-unresolved"))
}

// TestConfig: the configuration is honoured, reloaded when it changes,
// and a broken one is a diagnostic on its file.
func TestConfig(t *testing.T) {
	root := workspace(t, p7)
	conf := filepath.Join(root, ".profilelint.yaml")
	if err := os.WriteFile(conf, []byte("rules:\n  experience-consistent: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	initialize(c, root)
	uri := open(c, filepath.Join(root, p7), readFile(t, filepath.Join(root, p7)))
	c.waitFor(uri, "experience-consistent as a warning", func(ds []Diagnostic) bool {
		d := find(ds, "experience-consistent")
		return d != nil && d.Severity == SeverityWarning
	})

	if err := os.WriteFile(conf, []byte("rules:\n  experience-consistent: off\n  no-such-rule: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: pathURI(conf), Type: FileChanged}}})
	cd := c.waitFor(pathURI(conf), "a configuration error", func(ds []Diagnostic) bool { return len(ds) > 0 })
	if cd[0].Range.Start.Line != 2 || !strings.Contains(cd[0].Message, "no-such-rule") {
		t.Errorf("configuration diagnostic %+v; want line 2 naming no-such-rule", cd[0])
	}
	// The defaults are in force meanwhile: an error again.
	c.waitFor(uri, "experience-consistent as an error", func(ds []Diagnostic) bool {
		d := find(ds, "experience-consistent")
		return d != nil && d.Severity == SeverityError
	})

	if err := os.WriteFile(conf, []byte("rules:\n  experience-consistent: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: pathURI(conf)}})
	c.waitFor(pathURI(conf), "the configuration error gone", func(ds []Diagnostic) bool { return len(ds) == 0 })
	c.waitFor(uri, "experience-consistent off", hasNot("experience-consistent"))
}

func TestShutdown(t *testing.T) {
	c := startServer(t, Options{})
	initialize(c, t.TempDir())
	var res any
	c.call("shutdown", nil, &res)
	// After shutdown, only exit (LSP: InvalidRequest for the rest).
	err := c.conn.Call(context.Background(), "textDocument/hover", TextDocumentPositionParams{}, &res)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.CodeInvalidRequest {
		t.Errorf("hover after shutdown: %v, want InvalidRequest", err)
	}
	c.notify("exit", nil)
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop on exit")
	}
}

// TestDebounce: a burst of changes is linted once, a quiet moment after
// the last.
func TestDebounce(t *testing.T) {
	const debounce = 300 * time.Millisecond
	root := workspace(t)
	c := startServer(t, Options{Debounce: debounce})
	initialize(c, root)
	path, text := nonASCII(t, workspace(t, p4))
	uri := open(c, filepath.Join(root, filepath.Base(path)), text)
	c.waitFor(uri, "whitespace", has("whitespace"))
	time.Sleep(100 * time.Millisecond) // the workspace run, over an empty folder
	c.mu.Lock()
	before := c.count[uri]
	c.mu.Unlock()
	for i := 2; i < 7; i++ {
		change(c, uri, i, strings.Replace(text, "  x", strings.Repeat(" ", i)+"x", 1))
	}
	last := time.Now()
	c.waitFor(uri, "the last change's finding", func(ds []Diagnostic) bool {
		d := find(ds, "whitespace")
		return d != nil && strings.Contains(d.Message, "(6 spaces)")
	})
	if waited := time.Since(last); waited < debounce {
		t.Errorf("linted %v after the last change, before the debounce of %v", waited, debounce)
	}
	time.Sleep(debounce)
	c.mu.Lock()
	after := c.count[uri]
	c.mu.Unlock()
	if after-before != 1 {
		t.Errorf("%d publications for a burst of 5 changes, want 1", after-before)
	}
}

// TestTwoConfigs: two configuration files in one folder, which lint
// refuses, are said on both.
func TestTwoConfigs(t *testing.T) {
	root := workspace(t, p4)
	for _, n := range []string{".profilelint.yaml", ".profilelint.yml"} {
		if err := os.WriteFile(filepath.Join(root, n), []byte("rules: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t, Options{})
	initialize(c, root)
	for _, n := range []string{".profilelint.yaml", ".profilelint.yml"} {
		ds := c.waitFor(pathURI(filepath.Join(root, n)), "the error", func(ds []Diagnostic) bool { return len(ds) > 0 })
		if !strings.Contains(ds[0].Message, "keep one") {
			t.Errorf("%s: %q", n, ds[0].Message)
		}
	}
}
