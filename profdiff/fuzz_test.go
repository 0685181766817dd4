package profdiff

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// FuzzCompare checks that comparing any two files never panics, in
// content or in any format, and that a file compared with itself has no
// change and no finding introduced or resolved.
// Seeds: testdata/fuzz/FuzzCompare.
func FuzzCompare(f *testing.F) {
	f.Fuzz(func(t *testing.T, a, b []byte) {
		lim := profiles.Limits{}
		pa, pb := load(Input{Name: "a.yaml", Path: "p.yaml", Data: a}, lim), load(Input{Name: "b.yaml", Path: "p.yaml", Data: b}, lim)
		if pa.parsed && pb.parsed {
			diffProfiles(pa, pb)
			if cs := diffProfiles(pa, load(Input{Name: "a2.yaml", Path: "p.yaml", Data: a}, lim)); len(cs) != 0 {
				t.Errorf("a file differs from itself: %+v", cs)
			}
		}
		cfg := lint.Config{Rules: []*lint.Rule{}}
		rep := Compare(cfg, []Input{{Name: "old/p.yaml", Path: "p.yaml", Data: a}}, []Input{{Name: "new/p.yaml", Path: "p.yaml", Data: b}}, true)
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, format, rep); err != nil {
				t.Errorf("%s: %v", format, err)
			}
		}
		same := Compare(cfg, []Input{{Name: "old/p.yaml", Path: "p.yaml", Data: a}}, []Input{{Name: "new/p.yaml", Path: "p.yaml", Data: a}}, true)
		if c := same.Counts(); c.Unchanged != 1 || c.Introduced+c.Resolved != 0 || len(same.Profiles[0].Changes) != 0 {
			t.Errorf("a file compared with itself: %+v", same.Profiles)
		}
	})
}

// FuzzReadBatchBlob checks that any answer of "git cat-file --batch" is
// read without a panic, and that a blob read is exactly the size the
// tree gave, followed by the newline git writes after it.
func FuzzReadBatchBlob(f *testing.F) {
	const oid = "0123456789abcdef0123456789abcdef01234567"
	f.Add([]byte(oid+" blob 3\nabc\n"), int64(3))
	f.Add([]byte(oid+" blob 0\n\n"), int64(0))
	f.Add([]byte(oid+" missing\n"), int64(3))
	f.Add([]byte(oid+" blob 5\nabc\n"), int64(5))
	f.Add([]byte(oid+" blob -1\n"), int64(-1))
	f.Add([]byte(oid+" tree 3\nabc\n"), int64(3))
	f.Fuzz(func(t *testing.T, answer []byte, size int64) {
		if size < 0 || size > 1<<16 {
			return // the tree's sizes: a blob's, bounded by the head limit
		}
		data, err := readBatchBlob(bufio.NewReader(bytes.NewReader(answer)), oid, size)
		if err != nil {
			return
		}
		if int64(len(data)) != size || !bytes.HasPrefix(answer[bytes.IndexByte(answer, '\n')+1:], data) {
			t.Fatalf("read %q of %q, size %d", data, answer, size)
		}
	})
}
