package lint

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/profilelint/profilelint/profiles"
)

func src(name, text string) Source {
	return Source{Name: name, Read: func() ([]byte, error) { return []byte(text), nil }}
}

var always = &Rule{ID: "always", Severity: Warning, Run: func(p *Pass) { p.Reportf("", "seen") }}

// A rule that panics is reported under its id, the run is marked
// internal, and the other rules and files still run.
func TestPanickingRule(t *testing.T) {
	boom := &Rule{ID: "boom", Severity: Error, Run: func(p *Pass) {
		if p.File.Path == "a.yaml" {
			panic("index out of range")
		}
	}}
	res := Run(Config{Rules: []*Rule{boom, always}}, []Source{src("a.yaml", "a: 1\n"), src("b.yaml", "b: 1\n")})
	if !res.Internal {
		t.Error("a panic did not mark the run internal")
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File+" "+f.Rule+" "+f.Message)
	}
	want := "a.yaml always seen|a.yaml boom internal error: rule panicked: index out of range|b.yaml always seen"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A rule past the time budget is reported under its id; the run goes on
// with the other files.
func TestRuleTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := &Rule{ID: "slow", Severity: Error, Run: func(p *Pass) {
		if p.File.Path == "a.yaml" {
			<-release // stands for a rule stuck on hostile input
		}
	}}
	// One worker: after the timeout on a.yaml, b.yaml needs a new runner.
	// The stuck rule is released only when the test ends, so a run that
	// waited for it would never return.
	res := Run(Config{Rules: []*Rule{always, slow}, RuleTimeout: 50 * time.Millisecond, Jobs: 1}, []Source{src("a.yaml", "a: 1\n"), src("b.yaml", "b: 1\n")})
	if !res.Internal {
		t.Error("a timeout did not mark the run internal")
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File+" "+f.Rule)
	}
	if want := "a.yaml always|a.yaml slow|b.yaml always"; strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	for _, f := range res.Findings {
		if f.Rule == "slow" && !strings.Contains(f.Message, "still running after 50ms") {
			t.Errorf("timeout message: %s", f.Message)
		}
	}
}

// A file whose parse runs past the time budget is reported, and the run
// goes on; a worker leaves at most one late parse behind, so that hostile
// files do not pile up parses.
func TestParseTimeout(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	running, most := 0, 0
	cfg := Config{Rules: []*Rule{always}, ParseTimeout: time.Millisecond, Jobs: 1}
	cfg.parse = func(name string, data []byte, lim profiles.Limits) (*profiles.File, error) {
		if strings.HasPrefix(name, "stuck") {
			mu.Lock()
			running++
			most = max(most, running)
			if running == 2 {
				// Two parses are late: the worker must now wait for the
				// first. Let them end in a while (not needed for the
				// outcome, only for the run to finish).
				time.AfterFunc(200*time.Millisecond, func() { close(release) })
			}
			mu.Unlock()
			<-release
			mu.Lock()
			running--
			mu.Unlock()
		}
		return profiles.ParseWithLimits(name, data, lim)
	}
	res := Run(cfg, []Source{src("stuck1.yaml", "a: 1\n"), src("stuck2.yaml", "a: 1\n"), src("stuck3.yaml", "a: 1\n"), src("z.yaml", "a: 1\n")})
	if most > 2 {
		t.Errorf("%d parses ran at once on one worker", most)
	}
	if !res.Internal {
		t.Error("a late parse did not mark the run internal")
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File+" "+f.Rule+" "+f.Message)
	}
	want := "stuck1.yaml syntax internal error: parsing stuck1.yaml took longer than 1ms; the file was not linted|" +
		"stuck2.yaml syntax internal error: parsing stuck2.yaml took longer than 1ms; the file was not linted|" +
		"stuck3.yaml always seen|z.yaml always seen"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A file far over the size limit is reported from its first bytes; it is
// never read whole.
func TestOversizeFileIsNotReadWhole(t *testing.T) {
	line := "description: " + strings.Repeat("x", 50) + "\n"
	head := []byte(strings.Repeat(line, 40)) // 2,560 bytes
	src := Source{
		Name: "huge.yaml",
		Read: func() ([]byte, error) {
			t.Error("the whole file was read")
			return nil, errors.New("too big")
		},
		Stat: func() (fs.FileInfo, error) { return bigFile(5 << 30), nil },
		Head: func(n int) ([]byte, error) { return head[:min(n, len(head))], nil },
	}
	cfg := Config{Limits: profiles.Limits{MaxBytes: 1000}}
	res := Run(cfg, []Source{src})
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %v", res.Findings)
	}
	// Byte 1,000 is on line 16 (64 bytes a line), at column 1000-15*64+1.
	want := "huge.yaml:16:41: error syntax: the file is 5368709120 bytes, over the limit of 1000"
	if got := res.Findings[0].String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

type bigFile int64

func (b bigFile) Name() string       { return "huge.yaml" }
func (b bigFile) Size() int64        { return int64(b) }
func (b bigFile) Mode() fs.FileMode  { return 0o644 }
func (b bigFile) ModTime() time.Time { return time.Now().Add(-time.Hour) }
func (b bigFile) IsDir() bool        { return false }
func (b bigFile) Sys() any           { return nil }

// An error from parsing that is not a *profiles.SyntaxError (a wrapped one,
// or a library user's parser) is reported as a syntax finding, never a
// panic in the worker that met it.
func TestSyntaxFindingOfAnyError(t *testing.T) {
	wrapped := fmt.Errorf("reading: %w", &profiles.SyntaxError{Pos: profiles.Pos{Line: 3, Column: 4}, Msg: "bad"})
	if f := syntaxFinding("a.yaml", Error, wrapped); f.Line != 3 || f.Column != 4 || f.Message != "bad" {
		t.Errorf("wrapped syntax error: got %d:%d %q", f.Line, f.Column, f.Message)
	}
	if f := syntaxFinding("a.yaml", Error, errors.New("other")); f.Line != 1 || f.Column != 1 || f.Message != "other" || f.Rule != Syntax.ID {
		t.Errorf("other error: got %+v", f)
	}
}

// A cancelled run starts no more files and returns the context's error,
// with no result: a language server drops a run the user's next edit made
// stale.
func TestRunContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var read sync.Map
	sources := make([]Source, 50)
	for i := range sources {
		name := fmt.Sprintf("f%02d.yaml", i)
		sources[i] = Source{Name: name, Read: func() ([]byte, error) {
			read.Store(name, true)
			if name == "f02.yaml" {
				cancel()
			}
			return []byte("a: 1\n"), nil
		}}
	}
	res, err := RunContext(ctx, Config{Rules: []*Rule{always}, Jobs: 1}, sources)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("RunContext = %v, %v; want no result and context.Canceled", res, err)
	}
	n := 0
	read.Range(func(any, any) bool { n++; return true })
	if n > 4 {
		t.Errorf("%d files were read after the run was cancelled at the third", n)
	}
	// Not cancelled, the same run lints every file.
	res, err = RunContext(context.Background(), Config{Rules: []*Rule{always}, Jobs: 1}, sources)
	if err != nil || res.Files != len(sources) {
		t.Fatalf("RunContext = %d files, %v; want %d, nil", res.Files, err, len(sources))
	}
}

// A finding built whole with At and Report comes out as Reportf's would,
// with what the rule added.
func TestReportWholeFinding(t *testing.T) {
	var viaReportf, viaReport Finding
	whole := &Rule{ID: "whole", Severity: Warning, Run: func(p *Pass) {
		f := p.At("/b")
		f.Message = "b is set"
		f.Related = []Place{p.Place("/a", "a is here")}
		p.Report(f)
	}}
	after := &Rule{ID: "whole", Severity: Warning, Run: func(p *Pass) {
		p.Reportf("/b", "b is set")
	}}
	text := "a: 1\nb: two\n"
	for _, c := range []struct {
		rule *Rule
		got  *Finding
	}{{whole, &viaReport}, {after, &viaReportf}} {
		res := Run(Config{Rules: []*Rule{c.rule}}, []Source{src("x.yaml", text)})
		if len(res.Findings) != 1 {
			t.Fatalf("%d findings, want 1", len(res.Findings))
		}
		*c.got = res.Findings[0]
	}
	if viaReport.Line != 2 || viaReport.Column != 4 || viaReport.Severity != Warning {
		t.Errorf("Report gave %+v, want line 2, column 4, a warning", viaReport)
	}
	if want := []Place{{File: "x.yaml", Line: 1, Column: 4, Pointer: "/a", Message: "a is here"}}; !reflect.DeepEqual(viaReport.Related, want) {
		t.Errorf("Report gave related %+v, want %+v", viaReport.Related, want)
	}
	viaReportf.Related = viaReport.Related
	if !reflect.DeepEqual(viaReport, viaReportf) {
		t.Errorf("Report gave\n%+v\nReportf\n%+v", viaReport, viaReportf)
	}
}

// AtKey places a finding at the key of its entry, At at the value.
func TestAtKey(t *testing.T) {
	rule := &Rule{ID: "key", Severity: Warning, Run: func(p *Pass) {
		f := p.AtKey("/b")
		f.Message = "at the key"
		p.Report(f)
		f = p.At("/b")
		f.Message = "at the value"
		p.Report(f)
	}}
	res := Run(Config{Rules: []*Rule{rule}}, []Source{src("x.yaml", "a: 1\nb: two\n")})
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Message))
	}
	want := []string{"2:1-2:2 at the key", "2:4-2:7 at the value"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Pass.Memo keeps one value per file for all its rules: a per-file rule
// and a corpus rule's Collect see what the first of them made, and the
// next file starts afresh.
func TestPassMemoPerFile(t *testing.T) {
	type key struct{}
	var made atomic.Int32
	memo := func(p *Pass) string {
		return p.Memo(key{}, func() any { made.Add(1); return p.File.Path }).(string)
	}
	var mu sync.Mutex
	seen := map[string][]string{}
	note := func(p *Pass) {
		mu.Lock()
		defer mu.Unlock()
		seen[p.File.Path] = append(seen[p.File.Path], memo(p))
	}
	first := &Rule{ID: "first", Severity: Warning, Run: note}
	second := &Rule{ID: "second", Severity: Warning, Scope: PerCorpus,
		Collect: func(p *Pass) any { note(p); return nil }, Finish: func(*Corpus) {}}
	Run(Config{Rules: []*Rule{first, second}}, []Source{src("a.yaml", "a: 1\n"), src("b.yaml", "b: 1\n")})
	if n := made.Load(); n != 2 {
		t.Errorf("the memo was made %d times for two files, want 2", n)
	}
	for _, f := range []string{"a.yaml", "b.yaml"} {
		if got := strings.Join(seen[f], " "); got != f+" "+f {
			t.Errorf("%s: the rules saw %q, want the file's own memo twice", f, got)
		}
	}
}
