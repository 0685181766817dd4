package rules

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
	"github.com/rogpeppe/go-internal/diff"
)

func init() {
	register(SiblingDrift)
}

// SiblingDrift reports profiles of one focus that disagree with their
// siblings on a section they share.
var SiblingDrift = &lint.Rule{
	ID:       "sibling-drift",
	Summary:  "profiles of one focus agree on the sections they share",
	Severity: lint.Warning,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `Profiles of one focus (the same function.code and focus.code) at different
levels share focus.description, responsibilities, level_guidelines and
skills: these sections describe the focus, not the level, and must read the
same in every sibling.

Each section is compared in a canonical rendering, one line per entry
("P3: text" for a responsibility, "P3 knowledge: text" for a rubric cell,
"name: description" for a skill), with white space collapsed; case and
punctuation count, since the sections are meant to be copies. Among the
siblings that have a section, the version most of them hold is the
reference, and every sibling whose version differs is reported at the
section, with a unified diff from the reference to its version (and, for
focus.description, a word diff).

When no version is held by more siblings than any other (two siblings that
disagree, or a tie), there is no majority to drift from; the siblings still
disagree, so the reference is the version of the first file in sorted order
and the message says that no majority exists.`,
		Bad: `# file: INFRAS.INFRASTR5562.P3.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P3
function: {code: INFRAS}
focus: {code: INFRASTR5562}
responsibilities:
  - level: P1
    items: [Writes simple automation scripts for repetitive tasks]
# file: INFRAS.INFRASTR5562.P4.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P4
function: {code: INFRAS}
focus: {code: INFRASTR5562}
responsibilities:
  - level: P1
    items: [Writes simple automation scripts for repetitive tasks]
# file: INFRAS.INFRASTR5562.P5.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P5
function: {code: INFRAS}
focus: {code: INFRASTR5562}
responsibilities:
  - level: P1
    items: [Writes automation scripts in Python for repetitive tasks]
`,
		Good: `# file: INFRAS.INFRASTR5562.P3.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P3
function: {code: INFRAS}
focus: {code: INFRASTR5562}
responsibilities:
  - level: P1
    items: [Writes simple automation scripts for repetitive tasks]
# file: INFRAS.INFRASTR5562.P4.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P4
function: {code: INFRAS}
focus: {code: INFRASTR5562}
responsibilities:
  - level: P1
    items: [Writes simple automation scripts for repetitive tasks]
# file: INFRAS.SRE0042.P4.yaml
schema: profile/v1
id: INFRAS.SRE0042.P4
function: {code: INFRAS}
focus: {code: SRE0042}
responsibilities:
  - level: P1
    items: [Writes automation scripts in Python for repetitive tasks]
`,
	},
	Collect: driftFacts.Collect,
	Codec:   driftFacts.Codec(),
	Finish:  finishDrift,
}

// sharedSections are the sections siblings share, in the order they are
// judged, with the verb their messages take.
var sharedSections = []struct{ ptr, name, verb string }{
	{"/focus/description", "focus.description", "differs"},
	{"/responsibilities", "responsibilities", "differ"},
	{"/level_guidelines", "level_guidelines", "differ"},
	{"/skills", "skills", "differ"},
}

// driftFact is one file's shared sections, rendered.
type driftFact struct {
	Group    string // FUNCTION.FOCUS
	Sections []driftSection
}

type driftSection struct {
	Name string
	// Hash is the hash of the canonical rendering. The text itself is
	// rendered again, from the file, only for a section that drifted.
	Hash  uint64
	Place lint.Place
}

func (f *driftFact) EncodeFact(e lint.FactsWriter) {
	e.Text(f.Group)
	lint.WriteList(e, f.Sections, func(e lint.FactsWriter, s driftSection) {
		e.Text(s.Name)
		e.Uint64(s.Hash)
		e.Place(s.Place)
	})
}

func (f *driftFact) DecodeFact(d lint.FactsReader) {
	f.Group = d.Text()
	f.Sections = lint.ReadList(d, func(d lint.FactsReader) driftSection {
		return driftSection{Name: d.Text(), Hash: d.Uint64(), Place: d.Place()}
	})
}

var driftFacts = lint.NewFacts(collectDrift)

func collectDrift(p *lint.Pass) *driftFact {
	f := &driftFact{Group: focusKey(p.Root)}
	if f.Group == "" {
		return f
	}
	for _, s := range sharedSections {
		n := p.Root.Lookup(s.ptr)
		if n == nil || n.Kind == profiles.Null {
			continue
		}
		f.Sections = append(f.Sections, driftSection{
			Name: s.name, Hash: sectionHash(s.name, n), Place: p.Place(s.ptr, ""),
		})
	}
	return f
}

// renderSection writes a section one entry per line, white space
// collapsed, so that the unified diff of two renderings shows entries.
func renderSection(name string, n *profiles.Node) string {
	var b strings.Builder
	writeSection(&b, name, n)
	return b.String()
}

// sectionHash is text.Hash64(renderSection(name, n)), without building it: the
// hash is all that every file keeps.
func sectionHash(name string, n *profiles.Node) uint64 {
	h := text.NewHashWriter()
	writeSection(&h, name, n)
	return h.Sum64()
}

// textWriter is what writeSection writes to: a strings.Builder, or a hash.
type textWriter interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

func writeSection(w textWriter, name string, n *profiles.Node) {
	if n.Kind == profiles.Seq && len(n.Items) == 0 {
		w.WriteString("(empty)\n")
		return
	}
	line := func(prefix, suffix string, v *profiles.Node) {
		if prefix != "" {
			w.WriteString(prefix)
			w.WriteString(suffix)
			w.WriteString(": ")
		}
		writeFlow(w, v)
		w.WriteByte('\n')
	}
	switch name {
	case "responsibilities":
		for i, lv := range n.List() {
			level := entryLevelName(lv, name, i)
			for _, it := range lv.Get("items").List() {
				line(level, "", it)
			}
		}
	case "level_guidelines":
		for i, row := range n.List() {
			level := entryLevelName(row, name, i)
			for _, f := range rubricFields(row) {
				line(level, " "+f.Key.Value, f.Value)
			}
		}
	case "skills":
		for _, sk := range n.List() {
			writeFlow(w, sk.Get("name"))
			w.WriteString(": ")
			writeFlow(w, sk.Get("description"))
			w.WriteByte('\n')
		}
	default:
		line("", "", n)
	}
}

// rubricFields returns a rubric row's fields but its level, the known ones
// in a fixed order, so that siblings that order keys differently agree.
func rubricFields(row *profiles.Node) []profiles.Field {
	known := []string{"knowledge", "complexity", "collaboration", "education", "experience"}
	var out []profiles.Field
	if row == nil || row.Kind != profiles.Map {
		return nil
	}
	for _, k := range known {
		if v := row.Get(k); v != nil {
			out = append(out, profiles.Field{Key: row.Key(k), Value: v})
		}
	}
	for _, f := range row.Fields {
		if f.Key.Value != "level" && !slices.Contains(known, f.Key.Value) {
			out = append(out, f)
		}
	}
	return out
}

// writeFlow writes a value on one line: scalars as their text with white
// space collapsed, mappings and lists in YAML flow style.
func writeFlow(w textWriter, n *profiles.Node) {
	if n == nil {
		return
	}
	switch n.Kind {
	case profiles.Map:
		w.WriteByte('{')
		for i, f := range n.Fields {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(f.Key.Value)
			w.WriteString(": ")
			writeFlow(w, f.Value)
		}
		w.WriteByte('}')
	case profiles.Seq:
		w.WriteByte('[')
		for i, it := range n.Items {
			if i > 0 {
				w.WriteString(", ")
			}
			writeFlow(w, it)
		}
		w.WriteByte(']')
	default:
		writeCollapsed(w, n.Value)
	}
}

// writeCollapsed writes s with runs of white space as single spaces and
// none at the ends, as strings.Join(strings.Fields(s), " ") would.
func writeCollapsed(w textWriter, s string) {
	if !suspectWhitespace(s) {
		w.WriteString(s) // most texts: nothing to collapse
		return
	}
	start, wrote := -1, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				if wrote {
					w.WriteByte(' ')
				}
				w.WriteString(s[start:i])
				start, wrote = -1, true
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if wrote {
			w.WriteByte(' ')
		}
		w.WriteString(s[start:])
	}
}

// driftEntry is one file's version of one section.
type driftEntry struct {
	file string
	sec  driftSection
}

func finishDrift(c *lint.Corpus) {
	groups := make(map[string]map[string][]driftEntry)
	for file, f := range driftFacts.Of(c.Facts) {
		if f.Group == "" {
			continue
		}
		g := groups[f.Group]
		if g == nil {
			g = make(map[string][]driftEntry)
			groups[f.Group] = g
		}
		for _, s := range f.Sections {
			g[s.Name] = append(g[s.Name], driftEntry{file: file, sec: s})
		}
	}
	names := make([]string, 0, len(groups))
	for k := range groups {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, group := range names {
		for _, s := range sharedSections {
			entries := groups[group][s.name]
			slices.SortStableFunc(entries, func(a, b driftEntry) int { return cmp.Compare(a.file, b.file) })
			judgeSection(c, group, s.name, s.verb, entries)
		}
	}
}

// judgeSection reports the siblings whose version of a section differs
// from the reference version: the one most siblings hold, the first file's
// on a tie. entries are in file order.
func judgeSection(c *lint.Corpus, group, name, verb string, entries []driftEntry) {
	if len(entries) < 2 {
		return
	}
	count := make(map[uint64]int)
	for _, e := range entries {
		count[e.sec.Hash]++
	}
	if len(count) == 1 {
		return
	}
	// The first entry of the most held version: ties go to the version met
	// first, since entries are in file order.
	var ref driftEntry
	best := 0
	for _, e := range entries {
		if n := count[e.sec.Hash]; n > best {
			ref, best = e, n
		}
	}
	majority := 2*best > len(entries)
	tied := 0
	for _, n := range count {
		if n == best {
			tied++
		}
	}
	var old string // the reference text, rendered on first need
	for _, e := range entries {
		if e.sec.Hash == ref.sec.Hash {
			continue
		}
		differ := len(entries) - count[e.sec.Hash]
		msg := fmt.Sprintf("%s %s from %d of %d sibling profiles of %s", name, verb, differ, len(entries)-1, group)
		relMsg := fmt.Sprintf("the majority version, held by %d of %d profiles", best, len(entries))
		switch {
		case majority:
		case tied == 1:
			msg += fmt.Sprintf("; compared with the most common version, held by %d of %d", best, len(entries))
			relMsg = fmt.Sprintf("the most common version, held by %d of %d profiles", best, len(entries))
		default:
			msg += "; no version is held by more siblings than another, compared with " + ref.file
			relMsg = "the version compared with; no version has a majority"
		}
		if old == "" {
			old = sectionText(c, ref)
		}
		cur := sectionText(c, e)
		d := &lint.Diff{Unified: string(diff.Diff(ref.file, []byte(old), e.file, []byte(cur)))}
		if name == "focus.description" {
			d.Words, _ = text.WordDiff(old, cur)
		}
		rel := ref.sec.Place
		rel.Message = relMsg
		c.Report(lint.Finding{
			File: e.sec.Place.File, Line: e.sec.Place.Line, Column: e.sec.Place.Column, Pointer: e.sec.Place.Pointer,
			Message: msg, Related: []lint.Place{rel}, Diff: d,
		})
	}
}

// sectionText renders an entry's section again from its file, once per
// content of the file (Memo), since parsing the file again is the cost.
func sectionText(c *lint.Corpus, e driftEntry) string {
	text, err := c.Memo(e.file, e.sec.Name, func() ([]byte, error) {
		f, err := c.Load(e.file)
		if err == nil && f.Root == nil {
			err = errors.New("no document")
		}
		if err != nil {
			return nil, err
		}
		for _, s := range sharedSections {
			if s.name == e.sec.Name {
				return []byte(renderSection(s.name, f.Root.Lookup(s.ptr))), nil
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Sprintf("(%s cannot be read again: %v)\n", e.file, err)
	}
	return string(text)
}
