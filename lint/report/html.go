package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/profilelint/profilelint/internal/htmlpage"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// HTML prints one self-contained page for a reviewer: an overview, then
// each focus's ladder as a table (levels as columns) with its findings
// marked on the texts, and a picture of the years of experience by level.
// The page needs no script, no network and no external file.
type HTML struct {
	W io.Writer
	Options

	visited sync.Map // file name → *page, from Visit
}

// Visit takes what the page shows of a file while the run has its tree
// (lint.Config.Visit), so that Print need not parse it again.
// With a memo, the page is kept with the file's results too, for the
// warm runs that will not parse the file.
func (h *HTML) Visit(f *profiles.File) {
	p := readPage(f.Path, f, true)
	h.visited.Store(f.Path, p)
	if h.Memo != nil {
		_, _ = h.Memo(f.Path, pageMemo, func() ([]byte, error) { return p.encode(), nil })
	}
}

// The names of the memos of a file's page: trimmed to its own level, and
// whole, for the fullest profile of a focus with levels of no profile.
const (
	pageMemo     = "html page"
	fullPageMemo = "html full page"
)

// focusView is one focus: its profiles and the findings in their files.
type focusView struct {
	key, label string
	pages      []*page
	findings   []int // indexes into the result's findings
	counts     [lint.Error + 1]int
	anchor     string
}

func (v *focusView) worse(o *focusView) int {
	return cmp.Or(
		cmp.Compare(o.counts[lint.Error], v.counts[lint.Error]),
		cmp.Compare(o.counts[lint.Warning], v.counts[lint.Warning]),
		cmp.Compare(o.counts[lint.Info], v.counts[lint.Info]),
		cmp.Compare(v.key, o.key),
	)
}

// Print writes the page.
func (h *HTML) Print(res *lint.Result) error {
	w := bufio.NewWriterSize(h.W, 64<<10)
	pages := h.pages(res)
	byFile := make(map[string]*page, len(pages))
	views := map[string]*focusView{}
	for _, p := range pages {
		byFile[p.name] = p
		v := views[p.focus]
		if v == nil {
			v = &focusView{key: p.focus, label: p.label}
			views[p.focus] = v
		}
		v.pages = append(v.pages, p)
	}
	var loose []int // findings of no file
	for i, f := range res.Findings {
		p := byFile[f.File]
		if p == nil {
			loose = append(loose, i)
			continue
		}
		v := views[p.focus]
		v.findings = append(v.findings, i)
		if f.Suppressed == nil {
			v.counts[f.Severity]++
		}
	}
	order := make([]*focusView, 0, len(views))
	for _, v := range views {
		order = append(order, v)
	}
	slices.SortFunc(order, (*focusView).worse)
	for i, v := range order {
		v.anchor = "focus-" + strconv.Itoa(i+1)
	}

	sum := Summarize(res)
	htmlpage.Start(w, "profilelint report")
	fmt.Fprintf(w, "<h1>profilelint report</h1>\n<p>%s</p>\n", htmlpage.Escape(sum.Line()))
	h.overview(w, res, sum, order, loose)
	for _, v := range order {
		h.focus(w, res, v)
	}
	htmlpage.End(w)
	return w.Flush()
}

// pages reads every linted file's tree, in parallel: the run keeps only
// the files it reports on, and a ladder needs its clean levels too.
func (h *HTML) pages(res *lint.Result) []*page {
	names := fileNames(res, Options{}) // names as the run gave them, to load
	out := make([]*page, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				name := names[i]
				if name == noFile {
					continue
				}
				if p, ok := h.visited.Load(name); ok {
					out[i] = p.(*page)
					continue
				}
				// Through the memo, trimmed like a visited page: the
				// memo is then small, and so is the report's memory.
				out[i] = h.page(res, name, h.Memo != nil)
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return slices.DeleteFunc(out, func(p *page) bool { return p == nil })
}

// full reads a trimmed page again with the texts of every level, for a
// focus with levels that have no profile of their own.
func (h *HTML) full(res *lint.Result, p *page) *page {
	if full := h.page(res, p.name, false); full.parsed || !p.parsed {
		return full
	}
	return p // the file cannot be read again
}

// page is the page of a file that was not visited: from the memo when it
// holds it, else read from the file, kept with the run's findings or
// loaded again.
func (h *HTML) page(res *lint.Result, name string, trim bool) *page {
	var read *page
	compute := func() ([]byte, error) {
		f := res.Sources[name]
		if f == nil && h.Load != nil {
			f, _ = h.Load(name)
		}
		read = readPage(name, f, trim)
		if f == nil {
			// Not kept: the file may well be readable next time.
			return nil, fmt.Errorf("%s: cannot be read again", name)
		}
		if res.Sources[name] == nil {
			f.Release()
		}
		return read.encode(), nil
	}
	if h.Memo == nil {
		_, _ = compute()
		return read
	}
	memo := pageMemo
	if !trim {
		memo = fullPageMemo
	}
	b, err := h.Memo(name, memo, compute)
	if read != nil {
		return read
	}
	if err == nil {
		if p, err := decodePage(name, b); err == nil {
			return p
		}
	}
	_, _ = compute() // a page of another build's form, or damaged
	return read
}

var severitySymbol = [...]string{lint.Info: "●", lint.Warning: "▲", lint.Error: "✖"}

func sevLabel(s lint.Severity) string {
	if int(s) < len(severitySymbol) && severitySymbol[s] != "" {
		return severitySymbol[s] + " " + s.String()
	}
	return s.String()
}

func (h *HTML) overview(w *bufio.Writer, res *lint.Result, sum Summary, order []*focusView, loose []int) {
	fmt.Fprintf(w, "<h2 id=\"overview\">Overview</h2>\n<table>\n<tr><th scope=\"col\">files</th><th scope=\"col\">focuses</th><th scope=\"col\"><span class=\"sev error\">%ss</span></th><th scope=\"col\"><span class=\"sev warning\">%ss</span></th><th scope=\"col\"><span class=\"sev info\">%ss</span></th><th scope=\"col\">suppressed</th></tr>\n",
		sevLabel(lint.Error), sevLabel(lint.Warning), sevLabel(lint.Info))
	fmt.Fprintf(w, "<tr><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n</table>\n",
		sum.Files, len(order), sum.Errors, sum.Warnings, sum.Infos, sum.Suppressed)
	if ids := sum.rulesOf(); len(ids) > 0 {
		byRule := map[string]*[lint.Error + 1]int{}
		for _, f := range res.Findings {
			if f.Suppressed != nil {
				continue
			}
			if byRule[f.Rule] == nil {
				byRule[f.Rule] = new([lint.Error + 1]int)
			}
			byRule[f.Rule][f.Severity]++
		}
		fmt.Fprintf(w, "<h3>Findings by rule</h3>\n<table>\n<tr><th scope=\"col\">rule</th><th scope=\"col\">errors</th><th scope=\"col\">warnings</th><th scope=\"col\">infos</th><th scope=\"col\">summary</th></tr>\n")
		summaries := map[string]string{}
		for _, r := range h.Rules {
			summaries[r.ID] = r.Summary
		}
		for _, id := range ids {
			c := byRule[id]
			fmt.Fprintf(w, "<tr><th scope=\"row\"><code>%s</code></th><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td>%s</td></tr>\n",
				htmlpage.Escape(id), c[lint.Error], c[lint.Warning], c[lint.Info], htmlpage.Escape(summaries[id]))
		}
		fmt.Fprintf(w, "</table>\n")
	}
	if len(order) > 0 && countClean(order) < len(order) {
		h.worst(w, order)
	}
	if clean := countClean(order); clean > 0 {
		what := "focuses without findings follow"
		if clean == 1 {
			what = "focus without findings follows"
		}
		fmt.Fprintf(w, "<p class=\"muted\">%d %s the others.</p>\n", clean, what)
	}
	if len(loose) > 0 || len(res.Errors) > 0 {
		fmt.Fprintf(w, "<h3>Findings of the run</h3>\n<ol class=\"findings\">\n")
		for _, i := range loose {
			f := res.Findings[i]
			fmt.Fprintf(w, "<li id=\"f%d\">%s</li>\n", i, findingText(f))
		}
		for _, err := range res.Errors {
			fmt.Fprintf(w, "<li>not linted: %s</li>\n", htmlpage.Escape(err.Error()))
		}
		fmt.Fprintf(w, "</ol>\n")
	}
}

// worst lists the focuses with findings, worst first.
func (h *HTML) worst(w *bufio.Writer, order []*focusView) {
	fmt.Fprintf(w, "<h3>Focuses, worst first</h3>\n<table>\n<tr><th scope=\"col\">focus</th><th scope=\"col\">profiles</th><th scope=\"col\">errors</th><th scope=\"col\">warnings</th><th scope=\"col\">infos</th></tr>\n")
	for _, v := range order {
		c := v.counts
		if c[lint.Error]+c[lint.Warning]+c[lint.Info] == 0 {
			break
		}
		fmt.Fprintf(w, "<tr><th scope=\"row\"><a href=\"#%s\">%s</a> <code>%s</code></th><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
			v.anchor, htmlpage.Escape(v.label), htmlpage.Escape(v.key), len(v.pages), c[lint.Error], c[lint.Warning], c[lint.Info])
	}
	fmt.Fprintf(w, "</table>\n")
}

func countClean(order []*focusView) int {
	n := 0
	for _, v := range order {
		if v.counts[lint.Error]+v.counts[lint.Warning]+v.counts[lint.Info] == 0 {
			n++
		}
	}
	return n
}

// findingText is a finding as a line of text: symbol, severity, rule,
// message, and the reason when it is suppressed.
func findingText(f lint.Finding) string {
	var b strings.Builder
	cls := f.Severity.String()
	fmt.Fprintf(&b, "<span class=\"sev %s\">%s</span> <code>%s</code>: %s", cls, sevLabel(f.Severity), htmlpage.Escape(f.Rule), htmlpage.Escape(f.Message))
	if f.Suppressed != nil {
		fmt.Fprintf(&b, " <em>(suppressed: %s)</em>", htmlpage.Escape(f.Suppressed.Reason))
	}
	return b.String()
}

func where(f lint.Finding) string {
	if f.Line == 0 {
		return fileOrNoFile(f.File)
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
}

// table is one focus's ladder being drawn: the cells placed so far, by
// file and pointer, and the texts met, to link copies.
type table struct {
	res     *lint.Result
	v       *focusView
	id      string
	cells   map[string]string // file + "\x00" + pointer → anchor
	marks   map[int]string    // finding → anchor of the cell it is drawn on
	byPtr   map[string][]int  // file + "\x00" + pointer → findings at or under it
	copies  map[string][]copyRef
	pending []copyRef // the cells waiting for their links to copies
	ncells  int
}

type copyRef struct{ key, level, anchor string }

// copy notes a text of a cell and returns a placeholder that links its
// copies at other levels once the whole table is known.
func (t *table) copy(text, level, anchor string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	k := normal(text)
	ref := copyRef{k, level, anchor}
	t.copies[k] = append(t.copies[k], ref)
	t.pending = append(t.pending, ref)
	return "\x00" + strconv.Itoa(len(t.pending)-1) + "\x00"
}

// links replaces the placeholders of copy. Escaped text holds no NUL:
// Escape writes control characters as \x00.
func (t *table) links(s string) string {
	parts := strings.Split(s, "\x00")
	var b strings.Builder
	b.Grow(len(s))
	for i, part := range parts {
		if i%2 == 0 {
			b.WriteString(part)
			continue
		}
		n, _ := strconv.Atoi(part)
		ref := t.pending[n]
		var others []string
		for _, o := range t.copies[ref.key] {
			if o.level != ref.level {
				others = append(others, fmt.Sprintf("<a href=\"#%s\">%s</a>", o.anchor, htmlpage.Escape(o.level)))
			}
		}
		if len(others) > 0 {
			b.WriteString("<span class=\"copy\">⧉ the same text at " + strings.Join(others, ", ") + "</span>")
		}
	}
	return b.String()
}

func (t *table) key(file, ptr string) string { return file + "\x00" + ptr }

// claim gives a cell an anchor and returns it with the findings that
// concern the cell's node, not yet drawn elsewhere.
func (t *table) claim(file, ptr string) (string, []int) {
	t.ncells++
	a := t.id + "-" + strconv.Itoa(t.ncells)
	t.cells[t.key(file, ptr)] = a
	var fs []int
	for _, i := range t.byPtr[t.key(file, ptr)] {
		if _, done := t.marks[i]; !done {
			t.marks[i] = a
			fs = append(fs, i)
		}
	}
	return a, fs
}

func (h *HTML) focus(w *bufio.Writer, res *lint.Result, v *focusView) {
	t := &table{res: res, v: v, id: v.anchor, cells: map[string]string{}, marks: map[int]string{}, byPtr: map[string][]int{}, copies: map[string][]copyRef{}}
	for _, i := range v.findings {
		f := res.Findings[i]
		// A finding concerns its node and every node above it, up to the
		// cell that shows it.
		ptr := f.Pointer
		for {
			t.byPtr[t.key(f.File, ptr)] = append(t.byPtr[t.key(f.File, ptr)], i)
			j := strings.LastIndex(ptr, "/")
			if j < 0 {
				break
			}
			ptr = ptr[:j]
		}
	}
	slices.SortFunc(v.pages, func(a, b *page) int { return cmp.Compare(a.name, b.name) })
	// The texts of a level without its own profile come from the fullest
	// profile, and of those the one with the most findings, so that the
	// table shows the texts the findings are about.
	found := map[string]int{}
	for _, i := range v.findings {
		found[res.Findings[i].File]++
	}
	rep := v.pages[0]
	for _, p := range v.pages {
		if cmp.Or(cmp.Compare(len(p.resp)+len(p.rubric), len(rep.resp)+len(rep.rubric)), cmp.Compare(found[p.name], found[rep.name])) > 0 {
			rep = p
		}
	}
	levels := levelOrder(rep, v.pages)
	atLevel := map[string][]*page{}
	for _, p := range v.pages {
		atLevel[p.level] = append(atLevel[p.level], p)
	}
	if rep.trimmed {
		for _, l := range levels {
			if len(atLevel[l]) == 0 {
				rep = h.full(res, rep)
				break
			}
		}
	}

	fmt.Fprintf(w, "<section class=\"focus\" id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">%s <code>%s</code></h2>\n", v.anchor, v.anchor, v.anchor, htmlpage.Escape(v.label), htmlpage.Escape(v.key))
	c := v.counts
	fmt.Fprintf(w, "<p>%s; %s, %s, %s. <a href=\"#overview\">overview</a></p>\n", plural(len(v.pages), "profile"),
		plural(c[lint.Error], "error"), plural(c[lint.Warning], "warning"), plural(c[lint.Info], "info"))

	// The picture comes first: it is what shows the shape of the ladder.
	h.years(w, t, rep, levels, atLevel)

	tw := new(strings.Builder) // the table, until its copies are linked
	fmt.Fprintf(tw, "<div class=\"scroll\"><table class=\"ladder\">\n<caption class=\"muted\">The ladder: levels as columns; texts of %s unless the level has its own profile.</caption>\n<tr><th scope=\"col\">section</th>", htmlpage.Escape(rep.name))
	for _, l := range levels {
		fmt.Fprintf(tw, "<th scope=\"col\">%s</th>", htmlpage.Escape(l))
	}
	fmt.Fprintf(tw, "</tr>\n")

	// profile
	var buf strings.Builder
	var rows []string
	row := func(title string, cell func(level string) string) {
		var b strings.Builder
		fmt.Fprintf(&b, "<tr><th scope=\"row\">%s</th>", title)
		empty := true
		for _, l := range levels {
			c := cell(l)
			empty = empty && c == ""
			fmt.Fprintf(&b, "<td>%s</td>", c)
		}
		b.WriteString("</tr>\n")
		if empty && title != "profile" {
			return
		}
		rows = append(rows, b.String())
	}
	// The profile row is drawn last and shown first: it takes the
	// findings of its file that no other cell shows.
	profileRow := func(l string) string {
		buf.Reset()
		for _, p := range atLevel[l] {
			a, fs := t.claim(p.name, "")
			fmt.Fprintf(&buf, "<div id=\"%s\" class=\"%s\"><span class=\"path\">%s</span>", a, markClass(res, fs), htmlpage.Escape(p.name))
			if p.title != "" {
				fmt.Fprintf(&buf, "<br>%s", htmlpage.Escape(p.title))
			}
			if p.levelName != "" {
				fmt.Fprintf(&buf, "<br>%s", htmlpage.Escape(p.levelName))
			}
			if p.typical != nil {
				fmt.Fprintf(&buf, "<br>typical %s years", p.typical)
			}
			buf.WriteString(marks(res, fs))
			buf.WriteString("</div>")
		}
		return buf.String()
	}
	// responsibilities
	row("responsibilities", func(l string) string {
		p, r := respAt(l, atLevel[l], rep)
		if r == nil {
			return "<span class=\"muted\">none</span>"
		}
		buf.Reset()
		// The items take their findings first; the list, what is left.
		var items strings.Builder
		for _, it := range r.items {
			ia, ifs := t.claim(p.name, it.ptr)
			fmt.Fprintf(&items, "<li id=\"%s\" class=\"%s\"%s>%s%s%s</li>", ia, markClass(res, ifs), hover(res, ifs), htmlpage.Escape(it.text), marks(res, ifs), t.copy(it.text, l, ia))
		}
		a, fs := t.claim(p.name, r.ptr)
		fmt.Fprintf(&buf, "<div id=\"%s\" class=\"%s\"><ul>%s</ul>%s</div>", a, markClass(res, fs), items.String(), marks(res, fs))
		return buf.String()
	})
	keys := rubricKeys(rep, v.pages)
	for _, k := range keys {
		row(htmlpage.Escape(strings.ReplaceAll(k, "_", " ")), func(l string) string {
			p, r := rubricAt(l, atLevel[l], rep)
			if r == nil {
				return ""
			}
			cell, ok := r.cells[k]
			if !ok {
				return ""
			}
			a, fs := t.claim(p.name, cell.ptr)
			return fmt.Sprintf("<div id=\"%s\" class=\"%s\"%s>%s%s%s</div>", a, markClass(res, fs), hover(res, fs), htmlpage.Escape(cell.text), marks(res, fs), t.copy(cell.text, l, a))
		})
	}
	row("rubric years", func(l string) string {
		p, r := rubricAt(l, atLevel[l], rep)
		if r == nil || r.years == nil {
			return ""
		}
		a, fs := t.claim(p.name, r.yearsP)
		return fmt.Sprintf("<div id=\"%s\" class=\"%s\">%s years%s</div>", a, markClass(res, fs), r.years, marks(res, fs))
	})
	row("profile", profileRow)
	tw.WriteString(rows[len(rows)-1])
	for _, r := range rows[:len(rows)-1] {
		tw.WriteString(r)
	}
	fmt.Fprintf(tw, "</table></div>\n")
	w.WriteString(t.links(tw.String()))
	h.list(w, t)
	fmt.Fprintf(w, "</section>\n")
}

// list writes every finding of the focus, each linked to the cell it is
// drawn on, or placed here when no cell shows its node.
func (h *HTML) list(w *bufio.Writer, t *table) {
	if len(t.v.findings) == 0 {
		return
	}
	fmt.Fprintf(w, "<h3>Findings</h3>\n<ol class=\"findings\">\n")
	for _, i := range t.v.findings {
		f := t.res.Findings[i]
		cls := ""
		if f.Suppressed != nil {
			cls = " class=\"suppressed\""
		}
		place := htmlpage.Escape(where(f))
		if a, ok := t.marks[i]; ok {
			place = fmt.Sprintf("<a href=\"#%s\">%s</a>", a, place)
		}
		fmt.Fprintf(w, "<li id=\"f%d\"%s><span class=\"path\">%s</span> %s</li>\n", i, cls, place, findingText(f))
	}
	fmt.Fprintf(w, "</ol>\n")
}

func markClass(res *lint.Result, fs []int) string {
	worst, any := lint.Severity(0), false
	for _, i := range fs {
		f := res.Findings[i]
		if f.Suppressed == nil && (!any || f.Severity > worst) {
			worst, any = f.Severity, true
		}
	}
	if !any {
		return ""
	}
	return "has-" + worst.String()
}

func hover(res *lint.Result, fs []int) string {
	if len(fs) == 0 {
		return ""
	}
	var msgs []string
	for _, i := range fs {
		f := res.Findings[i]
		msgs = append(msgs, f.Severity.String()+" "+f.Rule+": "+f.Message)
	}
	return " title=\"" + htmlpage.Escape(strings.Join(msgs, "\n")) + "\""
}

// marks writes the findings drawn on a cell, as text, so that screen
// readers and print show them as well as the colour.
func marks(res *lint.Result, fs []int) string {
	var b strings.Builder
	for _, i := range fs {
		f := res.Findings[i]
		cls := "finding"
		if f.Suppressed != nil {
			cls += " suppressed"
		}
		fmt.Fprintf(&b, "<a class=\"%s\" href=\"#f%d\">%s</a>", cls, i, findingText(f))
	}
	return b.String()
}

func levelOrder(rep *page, pages []*page) []string {
	var levels []string
	seen := map[string]bool{}
	add := func(l string) {
		if l != "" && !seen[l] {
			seen[l] = true
			levels = append(levels, l)
		}
	}
	for _, r := range rep.rubric {
		add(r.level)
	}
	for _, r := range rep.resp {
		add(r.level)
	}
	for _, p := range pages {
		add(p.level)
	}
	if len(levels) == 0 {
		levels = append(levels, "")
	}
	return levels
}

func rubricKeys(rep *page, pages []*page) []string {
	var keys []string
	seen := map[string]bool{}
	for _, p := range append([]*page{rep}, pages...) {
		for _, r := range p.rubric {
			for _, k := range r.keys {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// respAt is the level's responsibilities: from the level's own profile
// when it lists them, else from the focus's fullest profile.
func respAt(level string, own []*page, rep *page) (*page, *respRow) {
	for _, p := range append(own, rep) {
		for i := range p.resp {
			if p.resp[i].level == level {
				return p, &p.resp[i]
			}
		}
	}
	return nil, nil
}

func rubricAt(level string, own []*page, rep *page) (*page, *rubricRow) {
	for _, p := range append(own, rep) {
		for i := range p.rubric {
			if p.rubric[i].level == level {
				return p, &p.rubric[i]
			}
		}
	}
	return nil, nil
}

// normal is a text as copies are matched: case and spacing ignored.
func normal(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (h *HTML) years(w *bufio.Writer, t *table, rep *page, levels []string, atLevel map[string][]*page) {
	res := t.res
	// experience-monotonic's findings on the fullest profile say which
	// steps fall or stay flat; experience-consistent's which typical
	// years disagree.
	steps := map[string]lint.Finding{}
	disagree := map[string]string{}
	for _, i := range t.v.findings {
		f := res.Findings[i]
		switch {
		case f.Rule == "experience-monotonic" && f.File == rep.name && strings.HasSuffix(f.Pointer, "/experience/min"):
			steps[strings.TrimSuffix(f.Pointer, "/experience/min")] = f
		case f.Rule == "experience-consistent":
			disagree[f.File] = f.Message
		}
	}
	var chart []htmlpage.Level
	anyYears := false
	for _, l := range levels {
		cl := htmlpage.Level{Code: l}
		for _, r := range rep.rubric {
			if r.level == l && r.years != nil {
				cl.Rubric = r.years
				if f, ok := steps[r.ptr]; ok {
					cl.Step, cl.StepNote = "falls", f.Message
					if f.Severity == lint.Warning || strings.Contains(f.Message, "the same as") {
						cl.Step = "flat"
					}
				}
				break
			}
		}
		for _, p := range atLevel[l] {
			if p.typical != nil {
				cl.Typical = append(cl.Typical, htmlpage.Typical{Range: *p.typical, Disagrees: disagree[p.name]})
			}
		}
		anyYears = anyYears || cl.Rubric != nil || len(cl.Typical) > 0
		chart = append(chart, cl)
	}
	if !anyYears {
		return
	}
	htmlpage.Years(w, "Years of experience by level: "+t.v.label, chart)
	fmt.Fprintf(w, "<p class=\"legend\">Bars: the rubric's years (an arrow: and more). Thin marks: each profile's typical years, ✖ where they disagree with the rubric (<code>experience-consistent</code>). ▼ a step that falls, = a step that stays flat (<code>experience-monotonic</code>).</p>\n")
}
