package baseline

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

// FuzzRead checks that the reader never panics on any bytes, and that a
// baseline it reads, written again, reads back equal.
// Seeds: testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		base, err := parse(data)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := base.encode(&buf); err != nil {
			t.Fatalf("writing what was read: %v", err)
		}
		again, err := parse(buf.Bytes())
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.Bytes())
		}
		if len(base.Entries) == 0 {
			base.Entries = nil
		}
		if len(again.Entries) == 0 {
			again.Entries = nil
		}
		if !reflect.DeepEqual(base, again) {
			t.Errorf("read back\n%+v\nwant\n%+v", again, base)
		}
	})
}

// FuzzRoundTrip checks that an entry written to a baseline, whatever its
// strings, is read back as an entry that matches it.
// Seeds: testdata/fuzz/FuzzRoundTrip.
func FuzzRoundTrip(f *testing.F) {
	f.Fuzz(func(t *testing.T, rule, id, pointer, file, message string) {
		e := EntryOf(lint.Finding{Rule: rule, File: file, Pointer: pointer, Message: message}, nil)
		if id != "" {
			e.ID = id
		}
		var buf bytes.Buffer
		if err := (&File{Version: Version, Entries: []Entry{e}}).encode(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := parse(buf.Bytes())
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, buf.Bytes())
		}
		if len(back.Entries) != 1 || back.Entries[0].key() != e.key() {
			t.Errorf("entry %+v read back as %+v", e, back.Entries)
		}
	})
}
