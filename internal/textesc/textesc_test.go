package textesc

import (
	"bytes"
	"fmt"
	"testing"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"plain — text, ünïcode": "plain — text, ünïcode",
		"\x1b]0;owned\a\x1b[2J": `\x1b]0;owned\x07\x1b[2J`,
		"a\u202eb\u2066c":       `a\u202eb\u2066c`,
		"bad \xff byte":         `bad \xff byte`,
		"c1 \u0085 next":        `c1 \u0085 next`,
		"tab\tand\nline\r":      `tab\tand\nline\r`,
		"del \x7f":              `del \x7f`,
	} {
		if got := String(in, ""); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
	if got := String("keep\ttab\nline\x1b", "\n\t"); got != "keep\ttab\nline\\x1b" {
		t.Errorf("String with keep = %q", got)
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, "\n\t")
	n, err := fmt.Fprintf(w, "profilelint: %s: skipped\n", "a\x1b[2Jb.yaml")
	if err != nil || n != len("profilelint: a\x1b[2Jb.yaml: skipped\n") {
		t.Fatalf("Fprintf = %d, %v", n, err)
	}
	if got, want := b.String(), "profilelint: a\\x1b[2Jb.yaml: skipped\n"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func FuzzString(f *testing.F) {
	f.Add("\x1b]0;owned\a", "")
	f.Add("a\u202eb\xff", "\n")
	f.Fuzz(func(t *testing.T, s, keep string) {
		out := String(s, "\n\t")
		for _, r := range out {
			if Unsafe(r) && r != '\n' && r != '\t' {
				t.Fatalf("String(%q) left %U raw: %q", s, r, out)
			}
		}
		if String(out, "\n\t") != out {
			t.Fatalf("String is not idempotent on %q", s)
		}
	})
}
