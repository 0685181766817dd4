package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"responsibilities", "level_guidelines", "skills", "warning", "error", "name"}
	for in, want := range map[string]string{
		"responsibilites":  "responsibilities", // a letter left out
		"nmae":             "name",             // two letters swapped
		"Level-Guidelines": "level_guidelines", // case and separators
		"skill":            "skills",           // plural
		"warn":             "warning",          // prefix
		"erorr":            "error",
		"provenance":       "", // nothing close
		"xy":               "",
	} {
		if got := Closest(in, names); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3}, {"straße", "strasse", 2}, {"", "ab", 2}} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
