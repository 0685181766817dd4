package report

import (
	"io"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
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
