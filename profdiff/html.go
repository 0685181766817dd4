package profdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/profilelint/profilelint/internal/htmlpage"
	"github.com/profilelint/profilelint/lint"
)

// sideYears are the years of one version of a profile, kept for the
// picture of the html format.
type sideYears struct {
	level   string
	order   []string // the rubric's levels, in its order
	rubric  map[string]*years
	typical *years
	root    func(ptr string) string // the text at a pointer
}

func yearsOfProfile(p *profile) *sideYears {
	if p == nil || !p.parsed {
		return nil
	}
	s := &sideYears{rubric: map[string]*years{}, typical: p.typical, level: p.root.Lookup("/level/code").Text()}
	for _, r := range p.guidelines {
		s.order = append(s.order, r.level)
		s.rubric[r.level] = r.experience
	}
	root := p.root
	s.root = func(ptr string) string { return root.Lookup(ptr).Text() }
	return s
}

func toRange(y *years) *htmlpage.Range {
	if y == nil {
		return nil
	}
	return &htmlpage.Range{Min: y.min, Max: y.max, HasMax: y.hasMax}
}

// writeHTML prints the report as one self-contained page: each changed
// profile with its word diffs, its levels added and removed, its years
// before and after in one picture, and the findings the change
// introduces and resolves.
func writeHTML(out io.Writer, r *Report) error {
	bw := bufio.NewWriter(out)
	ew := &errWriter{w: bw}
	htmlpage.Start(bw, "Profile changes")
	ew.printf("<h1>Profile changes</h1>\n<p>%s</p>\n", htmlpage.Escape(r.Counts().String()))
	var shown []ProfileDiff
	for _, p := range r.Profiles {
		if p.shown() {
			shown = append(shown, p)
		}
	}
	if len(shown) > 0 {
		ew.printf("<h2 id=\"overview\">Overview</h2>\n<table>\n<tr><th scope=\"col\">profile</th><th scope=\"col\">status</th><th scope=\"col\">changes</th><th scope=\"col\">introduced</th><th scope=\"col\">resolved</th></tr>\n")
		for i, p := range shown {
			ew.printf("<tr><th scope=\"row\"><a href=\"#p%d\"><code>%s</code></a></th><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
				i+1, htmlpage.Escape(p.ID), statusLabel(p.Status), len(p.Changes), len(p.Introduced), len(p.Resolved))
		}
		ew.printf("</table>\n")
	}
	for i, p := range shown {
		htmlProfile(ew, i+1, p)
	}
	if ew.err == nil {
		htmlpage.End(bw)
		ew.err = bw.Flush()
	}
	return ew.err
}

// statusLabel gives each status a symbol as well as its word.
func statusLabel(s string) string {
	switch s {
	case "added":
		return "+ added"
	case "removed":
		return "− removed"
	case "changed":
		return "± changed"
	}
	return "= unchanged"
}

func htmlProfile(ew *errWriter, n int, p ProfileDiff) {
	e := htmlpage.Escape
	ew.printf("<section class=\"focus\" id=\"p%d\">\n<h2><code>%s</code> <span class=\"muted\">%s</span></h2>\n", n, e(p.ID), statusLabel(p.Status))
	ew.printf("<p>%s</p>\n", whereSentence(p, func(path string) string {
		return `<span class="path">` + e(path) + `</span>`
	}))
	htmlYears(ew, p)
	if len(p.Notes) > 0 || len(p.Changes) > 0 || p.Status == "changed" {
		ew.printf("<h3>Changes</h3>\n<ul>\n")
		for _, note := range p.Notes {
			ew.printf("<li>%s</li>\n", e(note))
		}
		if p.Status == "changed" && len(p.Changes) == 0 && len(p.Notes) == 0 {
			ew.printf("<li>no change in content (layout or comments only)</li>\n")
		}
		for _, c := range p.Changes {
			switch {
			case c.Section == "levels":
				sym := "+"
				if c.Kind == "removed" {
					sym = "−"
				}
				ew.printf("<li><strong>%s levels %s</strong>: %s</li>\n", sym, e(c.Kind), e(c.Subject))
			case c.Kind == "reworded":
				ew.printf("<li><strong>%s</strong>: reworded: %s</li>\n", e(c.where()), htmlWords(c.Words))
			default:
				ew.printf("<li><strong>%s</strong>: %s</li>\n", e(c.where()), e(c.detail()))
			}
		}
		ew.printf("</ul>\n")
	}
	htmlFindings(ew, "Findings introduced", p.Introduced)
	htmlFindings(ew, "Findings resolved", p.Resolved)
	ew.printf("</section>\n")
}

// htmlWords writes a word diff with del and ins, which keep their
// meaning without colour (struck through, underlined) and in text.
func htmlWords(ops []lint.DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		t := htmlpage.Escape(op.Text)
		switch op.Op {
		case "delete":
			b.WriteString("<del>" + t + "</del>")
		case "insert":
			b.WriteString("<ins>" + t + "</ins>")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

var sevSymbol = map[lint.Severity]string{lint.Error: "✖", lint.Warning: "▲", lint.Info: "●"}

func htmlFindings(ew *errWriter, title string, fs []lint.Finding) {
	if len(fs) == 0 {
		return
	}
	ew.printf("<h3>%s (%d)</h3>\n<ol class=\"findings\">\n", title, len(fs))
	for _, f := range fs {
		ew.printf("<li><span class=\"path\">%s</span> <span class=\"sev %s\">%s %s</span> <code>%s</code>: %s</li>\n",
			htmlpage.Escape(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), f.Severity, sevSymbol[f.Severity], f.Severity, htmlpage.Escape(f.Rule), htmlpage.Escape(f.Message))
	}
	ew.printf("</ol>\n")
}

// htmlYears draws the rubric's years of both versions in one picture:
// the new version's bars, the old one's as dashed outlines beside them,
// and the steps and typical years the change's findings are about.
func htmlYears(ew *errWriter, p ProfileDiff) {
	o, n := p.oldYears, p.newYears
	if o == nil && n == nil {
		return
	}
	var order []string
	seen := map[string]bool{}
	for _, s := range []*sideYears{n, o} {
		if s == nil {
			continue
		}
		for _, l := range append(append([]string(nil), s.order...), s.level) {
			if l != "" && !seen[l] {
				seen[l] = true
				order = append(order, l)
			}
		}
	}
	steps := map[string]lint.Finding{}
	disagrees := ""
	for _, f := range p.Introduced {
		switch {
		case f.Rule == "experience-monotonic" && n != nil && strings.HasSuffix(f.Pointer, "/experience/min"):
			steps[n.root(strings.TrimSuffix(f.Pointer, "/experience/min")+"/level")] = f
		case f.Rule == "experience-consistent":
			disagrees = f.Message
		}
	}
	var levels []htmlpage.Level
	any := false
	for _, l := range order {
		cl := htmlpage.Level{Code: l}
		if n != nil {
			cl.Rubric = toRange(n.rubric[l])
			if n.level == l && n.typical != nil {
				cl.Typical = append(cl.Typical, htmlpage.Typical{Range: *toRange(n.typical), Disagrees: disagrees})
			}
		}
		if o != nil {
			cl.Before = toRange(o.rubric[l])
		}
		if f, ok := steps[l]; ok {
			cl.Step, cl.StepNote = "falls", f.Message
			if f.Severity == lint.Warning {
				cl.Step = "flat"
			}
		}
		any = any || cl.Rubric != nil || cl.Before != nil || len(cl.Typical) > 0
		levels = append(levels, cl)
	}
	if !any {
		return
	}
	var buf strings.Builder
	htmlpage.Years(&buf, "Years of experience by level, before and after: "+p.ID, levels)
	ew.printf("%s", buf.String())
	ew.printf("<p class=\"legend\">Filled bars: the rubric's years after the change; dashed outlines: before. Thin marks: the typical years after, ✖ where they disagree with the rubric. ▼ a step that falls, = one that stays flat, as the change introduces them.")
	if o != nil && n != nil && !sameYears(o.typical, n.typical) {
		ew.printf(" Typical years: %s before, %s after.", htmlpage.Escape(o.typical.String()), htmlpage.Escape(n.typical.String()))
	}
	ew.printf("</p>\n")
}
