// Command profilegen writes a deterministic corpus of profile/v1 files for
// benchmarks: whole ladders (P1…P7) of many focuses, with realistic text
// varied from the shipped examples, and a share of files with planted
// defects listed in a manifest.
//
//	go run ./cmd/profilegen -n 10000 -o /tmp/corpus
//	go run ./cmd/profilegen -n 10000 -style folded -o /tmp/corpus-folded
//
// -style says how the texts are written: quoted (one double-quoted line
// each, the default), folded (">-" block scalars wrapped at 80 columns,
// after a comment and "---") or mixed (block, plain and quoted scalars,
// "---" or not, some CRLF files). The profiles and defects are the same in
// every style.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/profilelint/profilelint/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of profiles to write")
	out := flag.String("o", "corpus", "folder to write into (created)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same corpus")
	defects := flag.Float64("defects", 0.05, "share of files with a planted defect")
	style := flag.String("style", "quoted", "how texts are written: quoted, folded or mixed")
	flag.Parse()
	st, err := corpus.ParseStyle(*style)
	if err == nil {
		err = corpus.Write(*out, *n, *seed, *defects, st)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "profilegen: %v\n", err)
		os.Exit(1)
	}
}
