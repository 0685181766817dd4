package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// ladderSrc is a focus's P3 page: a rubric whose P3 step falls, typical
// years that disagree, a copied responsibility, and hostile text.
const ladderSrc = `schema: profile/v1
id: PLAT.CORE.P3
title: "Platform <script>alert(1)</script> — P3"
function: {code: PLAT, name: Platform}
focus: {code: CORE, name: "Core \"><img src=x onerror=alert(2)>"}
level:
  code: P3
  name: "Senior ` + "\u202e" + `reversed"
  typical_experience: {min: 1, max: 2}
responsibilities:
  - level: P1
    items:
      - Runs routine upgrades
  - level: P2
    items:
      - Runs routine upgrades
  - level: P3
    items:
      - "Plans upgrades </li></ul><script>alert(3)</script>"
level_guidelines:
  - level: P1
    knowledge: Knows the basics
    experience: {min: 0, max: 1}
  - level: P2
    knowledge: Knows the platform
    experience: {min: 4}
  - level: P3
    knowledge: Knows the industry
    experience: {min: 3, max: 9}
`

const ladderName = "ladder/PLAT.CORE.P3.yaml"

// ladderResult lints nothing: its findings are placed by hand, as the
// engine would, on a clean sibling too.
func ladderResult(t *testing.T) (*lint.Result, Options) {
	f := parse(t, ladderName, ladderSrc)
	clean := "ladder/PLAT.CORE.P1.yaml"
	cleanSrc := strings.Replace(strings.Replace(ladderSrc, "id: PLAT.CORE.P3", "id: PLAT.CORE.P1", 1), "code: P3\n  name", "code: P1\n  name", 1)
	fs := []lint.Finding{
		at(t, f, "/level_guidelines/2/experience/min", lint.Finding{Rule: "experience-monotonic", Severity: lint.Error,
			Message: "P3 requires 3+ years, fewer than P2's 4+"}),
		at(t, f, "/level/typical_experience/min", lint.Finding{Rule: "experience-consistent", Severity: lint.Error,
			Message: "typical experience 1–2 years is below the rubric's 3–9 years for P3"}),
		at(t, f, "/responsibilities/1/items/0", lint.Finding{Rule: "duplicate-text", Severity: lint.Warning,
			Message: "P2 responsibility repeats a P1 one <b>word</b> for word"}),
		at(t, f, "/level/name", lint.Finding{Rule: "level-name", Severity: lint.Warning, Message: "not the ladder's name",
			Suppressed: &lint.Suppression{Reason: "renamed next <i>quarter</i>", Line: 7}}),
		at(t, f, "/title", lint.Finding{Rule: "typography", Severity: lint.Info, Message: "em dash"}),
		{Rule: "duplicate-across", Severity: lint.Error, Message: "a corpus rule failed"},
	}
	lint.Sort(fs)
	res := &lint.Result{Files: 2, Findings: fs, Paths: []string{clean, ladderName},
		Sources: map[string]*profiles.File{ladderName: f}}
	opt := testOptions()
	opt.Load = func(name string) (*profiles.File, error) {
		if name != clean {
			t.Errorf("Load(%q): only the clean file needs reading", name)
		}
		return profiles.Parse(name, []byte(cleanSrc))
	}
	return res, opt
}

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(m *html.Node) {
		if m.Type == html.TextNode {
			b.WriteString(m.Data)
		}
	})
	return b.String()
}

// TestHTMLStructure: every finding is listed once, linked to the cell it
// is drawn on and back; every link has a target; nothing is fetched.
func TestHTMLStructure(t *testing.T) {
	res, opt := ladderResult(t)
	out := render(t, "html", res, opt)
	doc := parseHTML(t, out)
	ids := map[string]*html.Node{}
	var hrefs []string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id, ok := attr(n, "id"); ok {
			if ids[id] != nil {
				t.Errorf("id %q twice", id)
			}
			ids[id] = n
		}
		if h, ok := attr(n, "href"); ok {
			hrefs = append(hrefs, h)
		}
		switch n.Data {
		case "script", "img", "link", "iframe", "object", "embed":
			t.Errorf("the page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	})
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "#") || ids[h[1:]] == nil {
			t.Errorf("link %q has no target in the page", h)
		}
	}
	for i, f := range res.Findings {
		li := ids["f"+strconv.Itoa(i)]
		if li == nil {
			t.Errorf("finding %d (%s) is not listed", i, f.Rule)
			continue
		}
		if !strings.Contains(textOf(li), f.Message) {
			t.Errorf("finding %d's entry %q lacks its message %q", i, textOf(li), f.Message)
		}
		if f.Suppressed != nil && !strings.Contains(textOf(li), f.Suppressed.Reason) {
			t.Errorf("suppressed finding %d's entry lacks its reason", i)
		}
		if f.File == "" {
			continue
		}
		// Drawn on a cell: the entry links to it, and the cell back.
		var cell string
		walk(li, func(n *html.Node) {
			if h, ok := attr(n, "href"); ok && cell == "" {
				cell = h[1:]
			}
		})
		if cell == "" {
			t.Errorf("finding %d (%s %s) is not linked to its place", i, f.Rule, f.Pointer)
			continue
		}
		back := false
		walk(ids[cell], func(n *html.Node) {
			if h, _ := attr(n, "href"); h == "#f"+strconv.Itoa(i) {
				back = true
			}
		})
		if !back {
			t.Errorf("the cell of finding %d (%s) does not mark it", i, f.Rule)
		}
	}
	var csp string
	walk(doc, func(n *html.Node) {
		if v, _ := attr(n, "http-equiv"); n.Data == "meta" && v == "Content-Security-Policy" {
			csp, _ = attr(n, "content")
		}
	})
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
		t.Errorf("Content-Security-Policy %q is not strict", csp)
	}
	// The copy at P2 of P1's text links to it.
	if !strings.Contains(string(out), "the same text at") {
		t.Error("the copied responsibility is not linked to its copy")
	}
}

// TestHTMLYears: the picture's bars and typical marks carry the years
// of the profile, and the falling step and the disagreeing typical years
// are marked.
func TestHTMLYears(t *testing.T) {
	res, opt := ladderResult(t)
	doc := parseHTML(t, render(t, "html", res, opt))
	want := map[string][2]string{"P1": {"0", "1"}, "P2": {"4", ""}, "P3": {"3", "9"}}
	got := map[string][2]string{}
	typical := 0
	var falls, bad bool
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "g" {
			return
		}
		level, _ := attr(n, "data-level")
		walk(n, func(m *html.Node) {
			cls, _ := attr(m, "class")
			lo, _ := attr(m, "data-min")
			hi, _ := attr(m, "data-max")
			switch {
			case m.Data == "rect" && strings.HasPrefix(cls, "bar"):
				got[level] = [2]string{lo, hi}
			case m.Data == "rect" && strings.HasPrefix(cls, "typical"):
				typical++
				if lo != "1" || hi != "2" {
					t.Errorf("typical mark at %s: %s–%s, want 1–2", level, lo, hi)
				}
				bad = bad || cls == "typical bad" && level == "P3"
			case m.Data == "polyline" && cls == "step falls":
				falls = falls || level == "P3"
			}
		})
	})
	for level, w := range want {
		if got[level] != w {
			t.Errorf("bar of %s: %q, want %q", level, got[level], w)
		}
	}
	if typical != 2 { // P1 and P3 each have their profile
		t.Errorf("%d typical marks, want 2", typical)
	}
	if !falls {
		t.Error("the falling step to P3 is not marked")
	}
	if !bad {
		t.Error("P3's disagreeing typical years are not marked")
	}
}

// TestHTMLEscapes: hostile text is text, and bidirectional overrides are
// shown as escapes.
func TestHTMLEscapes(t *testing.T) {
	res, opt := ladderResult(t)
	out := render(t, "html", res, opt)
	doc := parseHTML(t, out)
	all := textOf(doc)
	for _, s := range []string{"<script>alert(1)</script>", `"><img src=x onerror=alert(2)>`, "</li></ul><script>alert(3)</script>", "<b>word</b>", "<i>quarter</i>"} {
		if !strings.Contains(all, s) {
			t.Errorf("%q is not shown as text", s)
		}
	}
	if bytes.ContainsRune(out, '\u202e') || !strings.Contains(all, `\u202e`) {
		t.Error("the right-to-left override is not escaped")
	}
}

// TestHTMLVisited: pages taken during the run (trimmed to their own
// level) give the same report as files read again after it.
func TestHTMLVisited(t *testing.T) {
	res, opt := ladderResult(t)
	want := render(t, "html", res, opt)
	if got := printVisited(t, res, opt); !bytes.Equal(got, want) {
		t.Errorf("visited pages give another report:\n%s\nwant:\n%s", got, want)
	}
}

// printVisited prints the html report of res with every file handed to
// Visit first, as the run does, and returns it.
func printVisited(t *testing.T, res *lint.Result, opt Options) []byte {
	t.Helper()
	h := &HTML{Options: opt}
	for _, name := range res.Paths {
		var f *profiles.File
		var err error
		if name == ladderName {
			f, err = profiles.Parse(name, []byte(ladderSrc))
		} else {
			f, err = opt.Load(name)
		}
		if err != nil {
			t.Fatal(err)
		}
		h.Visit(f)
	}
	var buf bytes.Buffer
	h.W = &buf
	if err := h.Print(res); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkHTML fails on any element or attribute that would load or run
// something: whatever the profiles hold, the page has none.
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "img", "link", "iframe", "object", "embed", "base", "form", "image", "use":
				t.Fatalf("html: a <%s> element", tok.Data)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" || a.Key == "srcdoc" || strings.HasSuffix(a.Key, "href") && !strings.HasPrefix(a.Val, "#") {
					t.Fatalf("html: <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
			}
		}
	}
}
