package profiles_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/profiles"
)

// The direct path reads every generated profile of the quoted and folded
// styles but the ones planted with a syntax error, and gives the tree that
// the path through goccy's tokens gives, in every style.
func TestDirectReadsCorpus(t *testing.T) {
	for _, st := range corpus.Styles {
		files, planted := corpus.GenerateStyle(700, 1, 0.05, st)
		broken := map[string]bool{}
		for _, p := range planted {
			if p.Rule == "syntax" {
				broken[p.File] = true
			}
		}
		read := 0
		for _, file := range files {
			d, took, derr := profiles.ParseVia(file.Name, file.Data, true, true)
			tk, _, terr := profiles.ParseVia(file.Name, file.Data, true, false)
			if (derr == nil) != (terr == nil) || derr != nil && derr.Error() != terr.Error() {
				t.Fatalf("%s %s: direct path error %v, tokens' %v", st, file.Name, derr, terr)
			}
			if !reflect.DeepEqual(d.Root, tk.Root) {
				a, b := strings.Split(profiles.DumpTree(d.Root), "\n"), strings.Split(profiles.DumpTree(tk.Root), "\n")
				for i := range min(len(a), len(b)) {
					if a[i] != b[i] {
						t.Fatalf("%s %s: the direct path's tree differs at\n%s\nthe tokens':\n%s", st, file.Name, a[i], b[i])
					}
				}
				t.Fatalf("%s %s: the direct path's tree differs beyond what DumpTree shows", st, file.Name)
			}
			if took {
				read++
			} else if st != corpus.Mixed && !broken[file.Name] {
				t.Errorf("%s %s: the direct path gave up", st, file.Name)
			}
		}
		t.Logf("%s: the direct path read %d of %d files", st, read, len(files))
	}
}
