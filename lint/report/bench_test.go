package report

import (
	"io"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

// BenchmarkPrinters prints the result of a 1,000-profile corpus with many
// planted defects in every format, and markdown and github also whole
// (Options.Full): markdown's cut to a comment's size renders log(n) times.
//
//	go test -run '^$' -bench BenchmarkPrinters -benchmem ./lint/report
func BenchmarkPrinters(b *testing.B) {
	files, _ := corpus.Generate(1000, 1, 0.3)
	res := lint.Run(lint.Config{Rules: rules.All()}, corpus.Sources(files))
	b.Logf("%d findings", len(res.Findings))
	for _, format := range append(Formats, "markdown/full", "github/full") {
		b.Run(format, func(b *testing.B) {
			name, full := strings.CutSuffix(format, "/full")
			p, err := New(name, io.Discard, Options{Version: "bench", Rules: rules.All(), Full: full})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := p.Print(res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHTML writes the HTML report of a 10,000-profile corpus: the
// cost of the report beyond the lint (issue 20's target: under 2 s).
// "visited" takes each file's page while the run has its tree, as a cold
// run of the CLI does; "reparsed" reads every file again through Load,
// as a warm run from the cache, which parses nothing, did before the
// pages were kept; "warm" decodes the pages the cold run kept (Memo).
//
//	go test -run '^$' -bench BenchmarkHTML -benchtime 3x ./lint/report
func BenchmarkHTML(b *testing.B) {
	files, _ := corpus.Generate(10000, 1, 0.05)
	srcs := corpus.Sources(files)
	byName := make(map[string]lint.Source, len(srcs))
	for _, s := range srcs {
		byName[s.Name] = s
	}
	load := func(name string) (*profiles.File, error) {
		data, err := byName[name].Read()
		if err != nil {
			return nil, err
		}
		return profiles.Parse(name, data)
	}
	mm := &memoMap{m: map[string][]byte{}}
	visited := &HTML{Options: Options{Rules: rules.All(), Load: load, Memo: mm.memo}}
	res := lint.Run(lint.Config{Rules: rules.All(), Visit: visited.Visit}, srcs)
	reparsed := &HTML{Options: Options{Rules: rules.All(), Load: load}}
	warm := &HTML{Options: Options{Rules: rules.All(), Load: load, Memo: mm.memo}}
	for _, bc := range []struct {
		name string
		h    *HTML
	}{{"visited", visited}, {"reparsed", reparsed}, {"warm", warm}} {
		b.Run(bc.name, func(b *testing.B) {
			var size countingWriter
			bc.h.W = &size
			for b.Loop() {
				size = 0
				if err := bc.h.Print(res); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// BenchmarkHTMLVisit takes the pages of 1,000 parsed profiles, as a cold
// run does, without and with keeping them (Memo): what keeping the pages
// costs a cold run.
//
//	go test -run '^$' -bench BenchmarkHTMLVisit -benchmem ./lint/report
func BenchmarkHTMLVisit(b *testing.B) {
	files, _ := corpus.Generate(1000, 1, 0.05)
	var parsed []*profiles.File
	for _, s := range corpus.Sources(files) {
		data, err := s.Read()
		if err != nil {
			b.Fatal(err)
		}
		if f, err := profiles.Parse(s.Name, data); err == nil {
			parsed = append(parsed, f) // the planted syntax errors are not visited
		}
	}
	for _, keep := range []bool{false, true} {
		b.Run(map[bool]string{false: "page", true: "page+memo"}[keep], func(b *testing.B) {
			for b.Loop() {
				h := &HTML{}
				if keep {
					h.Memo = (&memoMap{m: map[string][]byte{}}).memo
				}
				for _, f := range parsed {
					h.Visit(f)
				}
			}
		})
	}
}
