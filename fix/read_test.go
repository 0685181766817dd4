package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// endless is input without end that counts what was read of it.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

func limited(max int) Options {
	o := opts()
	o.Config.Limits = profiles.Limits{MaxBytes: max}
	return o
}

func TestReadStopsAtTheLimit(t *testing.T) {
	for _, max := range []int{0, 100} {
		r := &endless{}
		_, err := Read(limited(max), "<stdin>", r)
		var tl *TooLargeError
		if !errors.As(err, &tl) {
			t.Fatalf("limit %d: err = %v, want a TooLargeError", max, err)
		}
		want := max
		if max == 0 {
			want = profiles.DefaultLimits.MaxBytes
		}
		if tl.Limit != want || r.n != int64(want)+1 {
			t.Errorf("limit %d: error names %d bytes, read %d; want %d and %d", max, tl.Limit, r.n, want, want+1)
		}
	}
}

// The limit counts bytes after a byte-order mark, as lint counts them.
func TestReadCountsAfterTheByteOrderMark(t *testing.T) {
	text := "\xef\xbb\xbf" + profile
	n := len(profile)
	r, err := Read(limited(n), "f.yaml", strings.NewReader(text))
	if err != nil || string(r.Old) != text {
		t.Fatalf("at the limit: %v, read %q", err, r.Old)
	}
	if _, err := Read(limited(n-1), "f.yaml", strings.NewReader(text)); err == nil {
		t.Fatal("one byte over the limit: no error")
	}
	r, err = Read(limited(-1), "f.yaml", strings.NewReader(text))
	if err != nil || string(r.Old) != text {
		t.Fatalf("no limit: %v, read %q", err, r.Old)
	}
}

func TestPathReportsAFileOverTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	write(t, path, "a: 1\nb: 2\n")
	// A sparse gigabyte: costs nothing on disk, but would to read.
	if err := os.Truncate(path, 1<<30); err != nil {
		t.Fatal(err)
	}
	r, err := Path(limited(6), path)
	if err != nil {
		t.Fatal(err)
	}
	want := lint.Finding{Rule: "syntax", Severity: lint.Error, File: path, Line: 2, Column: 2,
		Message: "the file is 1073741824 bytes, over the limit of 6"}
	if r.Syntax == nil || r.Syntax.Rule != want.Rule || r.Syntax.Severity != want.Severity || r.Syntax.File != want.File ||
		r.Syntax.Line != want.Line || r.Syntax.Column != want.Column || r.Syntax.Message != want.Message {
		t.Fatalf("syntax %+v, want %+v", r.Syntax, want)
	}
	if len(r.Old) != 7 || r.Changed() {
		t.Fatalf("read %d bytes, changed %v; want 7 and nothing changed", len(r.Old), r.Changed())
	}
}

func TestPathReportsAnEndlessFile(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	r, err := Path(limited(100), "/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	if r.Syntax == nil || r.Syntax.Message != "the file holds more than 100 bytes, the limit" || len(r.Old) != 101 {
		t.Fatalf("syntax %+v, read %d bytes", r.Syntax, len(r.Old))
	}
}

func TestPathFixesAFileWithinTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.yaml")
	write(t, path, profile)
	r, err := Path(limited(len(profile)), path)
	if err != nil || r.Syntax != nil || string(r.Old) != profile {
		t.Fatalf("%v, syntax %+v, read %q", err, r.Syntax, r.Old)
	}
	if _, err := Path(limited(1), filepath.Join(t.TempDir(), "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: err = %v", err)
	}
}
