package htmlpage

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                      "plain",
		`<script>"x" & 'y'</script>`: "&lt;script&gt;&#34;x&#34; &amp; &#39;y&#39;&lt;/script&gt;",
		"a\u202eb":                   `a\u202eb`,
		"bell\x07":                   `bell\x07`,
		"bad\xffutf8":                `bad\xffutf8`,
		"tab\tand\nline":             "tab\tand\nline",
		"literal \ufffd kept":        "literal \ufffd kept",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEscape: escaped text holds no markup character and nothing that
// hides or reorders text, and unescapes to Visible's text.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "<b>", "\u202e\u2066", "\xff\xfe", "a\x00b", "&amp;", "\ufffd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if strings.ContainsAny(out, "<>\"'") || !utf8.ValidString(out) {
			t.Fatalf("Escape(%q) = %q", s, out)
		}
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("Escape(%q) keeps %U", s, r)
			}
		}
		if back := html.UnescapeString(out); back != Visible(s) {
			t.Fatalf("Escape(%q) unescapes to %q, not %q", s, back, Visible(s))
		}
	})
}

func TestRangeString(t *testing.T) {
	for r, want := range map[Range]string{{Min: 8}: "8+", {Min: 0, Max: 1, HasMax: true}: "0–1", {Min: 3, Max: 3, HasMax: true}: "3", {Min: 2.5}: "2.5+"} {
		if got := r.String(); got != want {
			t.Errorf("%+v: %q, want %q", r, got, want)
		}
	}
}
