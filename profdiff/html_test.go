package profdiff

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHTML: the picture has both versions' years, the word diff is del
// and ins, and the texts of the profiles stay text.
func TestHTML(t *testing.T) {
	old := []Input{{Name: "a/p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds CI pipelines for teams", 2, 4)}}
	new := []Input{{Name: "b/p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds <script>x</script> CI pipelines for teams", 3, 5)}}
	var buf bytes.Buffer
	if err := Write(&buf, "html", compare(old, new, true)); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	bars := map[string]string{} // level and class → min–max
	var del, ins, text strings.Builder
	var walk func(n *html.Node, level string)
	walk = func(n *html.Node, level string) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			if n.Data == "script" {
				t.Error("a <script> element")
			}
			if l, ok := a["data-level"]; ok {
				level = l
			}
			if n.Data == "rect" && strings.HasPrefix(a["class"], "bar") {
				bars[level+" "+a["class"]] = a["data-min"] + "–" + a["data-max"]
			}
			if n.Data == "del" && n.FirstChild != nil {
				del.WriteString(n.FirstChild.Data)
			}
			if n.Data == "ins" && n.FirstChild != nil {
				ins.WriteString(n.FirstChild.Data)
			}
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, level)
		}
	}
	walk(doc, "")
	want := map[string]string{
		"P1 bar before": "0–1", "P1 bar": "0–1",
		"P2 bar before open": "2–", "P2 bar open": "3–",
	}
	for k, v := range want {
		if bars[k] != v {
			t.Errorf("bar %q: %q, want %q (all: %v)", k, bars[k], v, bars)
		}
	}
	if !strings.Contains(ins.String(), "<script>x</script>") {
		t.Errorf("inserted words %q, want the script tag as text", ins.String())
	}
	if !strings.Contains(text.String(), "2+ years → 3+ years") {
		t.Error("the years change is not in the text")
	}
}

// TestWhereSentence: every format says where a changed profile is in the
// same words, "Changed in PATH." when its path stayed, not "PATH → PATH".
func TestWhereSentence(t *testing.T) {
	old := []Input{{Name: "p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds CI pipelines for teams", 2, 4)}}
	new := []Input{{Name: "p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds CD pipelines for teams", 2, 4)}}
	for _, format := range []string{"html", "markdown"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, compare(old, new, true)); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, "Changed in ") || strings.Contains(out, "→") {
			t.Errorf("%s: no \"Changed in\" sentence, or an arrow between one path:\n%s", format, out)
		}
	}
}
