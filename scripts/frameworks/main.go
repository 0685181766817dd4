// Command frameworks converts the public career frameworks kept under
// ../shared/data/ladders into profile/v1 files, one per role focus and
// level, the way a team adopting profilelint would: every text verbatim,
// the framework's own level codes, each file carrying its whole ladder.
// The profiles under testdata/frameworks are its output; the NOTICE.md and
// .profilelint.yaml beside them are written by hand.
//
//	go run ./scripts/frameworks [-src ../shared/data/ladders] [-out testdata/frameworks]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type framework struct {
	dir     string // under -out
	license string // the framework's LICENSE, under -src
	style   style
	convert func(src string) ([]*ladder, error)
}

var frameworks = []framework{
	{"dropbox", "dropbox-career-framework/LICENSE", style{long: "double", docStart: true,
		header: "Converted from the Dropbox Engineering Career Framework (Apache-2.0);\nsee NOTICE.md. Texts are the framework's, verbatim."}, dropbox},
	{"engineering-ladders", "engineering-ladders/LICENSE", style{long: "plain", crlf: true}, engineeringLadders},
	{"snowflake", "medium-snowflake/LICENSE", style{json: true}, snowflake},
	{"ft", "ft-engineering-progression/LICENSE", style{long: "folded", docStart: true}, ft},
	{"monzo", "monzo-progression-framework/LICENSE", style{long: "literal"}, monzo},
	{"pathway", "pathway/LICENSE", style{long: "single", header: "yaml-language-server: $schema=../../../schema/profile-v1.json"}, pathway},
}

func main() {
	src := flag.String("src", "../shared/data/ladders", "the folder holding the frameworks' files")
	out := flag.String("out", "testdata/frameworks", "the folder to write the profiles to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "frameworks:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	for _, fw := range frameworks {
		ladders, err := fw.convert(src)
		if err != nil {
			return fmt.Errorf("%s: %w", fw.dir, err)
		}
		dir := filepath.Join(out, fw.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		// The profiles are all this program writes there: drop the old ones
		// so that a level the framework removed goes too.
		old, _ := filepath.Glob(filepath.Join(dir, "*.*.*.*"))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
		lic, err := os.ReadFile(filepath.Join(src, fw.license))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), lic, 0o644); err != nil {
			return err
		}
		n := 0
		for _, l := range ladders {
			for i, lv := range l.levels {
				if !lv.emit {
					continue
				}
				ext := ".yaml"
				if fw.style.json {
					ext = ".json"
				}
				name := strings.Join([]string{l.function, l.focus, lv.code}, ".") + ext
				if err := os.WriteFile(filepath.Join(dir, name), render(fw.style, l.profile(i)), 0o644); err != nil {
					return err
				}
				n++
			}
		}
		fmt.Printf("%s: %d profiles\n", fw.dir, n)
	}
	return nil
}
