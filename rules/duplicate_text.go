package rules

import (
	"bytes"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
)

func init() { register(DuplicateText) }

// DuplicateText reports descriptive texts of one file that repeat each
// other: exact copies after normalising as errors, near copies as warnings.
var DuplicateText = &lint.Rule{
	ID:       "duplicate-text",
	Summary:  "no two descriptive texts of a profile are the same",
	Severity: lint.Error,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `Every descriptive text of a profile says something of its own: the summary,
focus.summary, focus.description, level.summary, every responsibility, every
skill description and every knowledge, complexity and collaboration cell of
level_guidelines. Names, codes, titles, education and the short level fields
(scope, impact, ...) are not compared.

Texts are compared after normalising: lower case, punctuation and symbols
turned into spaces, apostrophes dropped, white space collapsed. Every copy
after the first, in file order, is an error at its own place, naming the
first copy as a related place, so that each copy has its own finding (and
its own entry in a baseline or under --new-from-rev). When a copy is an
item of a list that holds an earlier copy (a responsibility given twice to
one level), its fix deletes the item's line.

A text given at two levels of the ladder (a responsibility or a rubric cell
of P3 repeated at P5) is left to duplicate-across, which reports it once for
every profile that carries it; this rule keeps the copies at one level and
those between the other texts (a summary and a description, two skills).

Near copies are warnings. Their similarity is the share of words the two
texts have in common, in order: 2·M / (words of one + words of the other),
where M counts the words of the longest common word sequence. A text is
reported when its similarity to an earlier text is above the option
"similarity" (default 0.9: one word in ten changed) and both texts have at
least "min_words" words; the finding carries a word diff. Only pairs whose
lengths and shared words allow that similarity are diffed.`,
		Bad: `schema: profile/v1
id: INFRAS.INFRASTR5562.P7
summary: Designs, builds and operates the cloud platform that software teams build on.
focus:
  code: INFRASTR5562
  description: "Designs, builds, and operates the cloud platform that software teams build on."
responsibilities:
  - level: P1
    items:
      - Writes simple automation scripts for repetitive operational tasks
      - Writes simple automation scripts for repetitive operational tasks
`,
		Good: `schema: profile/v1
id: INFRAS.INFRASTR5562.P7
summary: Staff platform engineer who sets the technical direction of the cloud platform.
focus:
  code: INFRASTR5562
  description: Designs, builds and operates the cloud platform that software teams build on.
responsibilities:
  - level: P1
    items:
      - Writes simple automation scripts for repetitive operational tasks
      - Troubleshoots defined issues and documents resolution steps
`,
	},
	Options: duplicateTextOptions.List(),
	Run:     runDuplicateText,
}

var duplicateTextOptions = lint.NewOptions(struct {
	Similarity float64 `option:"similarity" doc:"near copies above this share of common words (0..1) are warnings; 1 turns them off"`
	MinWords   int     `option:"min_words" doc:"texts shorter than this many words are compared only for exact copies"`
}{Similarity: 0.9, MinWords: 5})

// descText is one descriptive text of a file.
type descText struct {
	top   string // the pointer of a top-level text; others build theirs (pointer)
	node  *profiles.Node
	hash  uint64   // of the normalised text
	words []uint64 // of its words (textHashes)
	// what and where name the text in messages (see label), built only
	// when a finding needs them.
	what  string // "summary", "responsibility", a rubric cell, "skill"
	where string // the level code, or the skill's name
	level string // the level code of a responsibility or rubric cell, else ""
	entry int    // the place of its level in responsibilities or level_guidelines
	index int    // the item's place in its level, or the skill's, from 0
}

// pointer is the text's JSON pointer, built when a finding needs it.
func (t descText) pointer() string {
	switch {
	case t.top != "":
		return t.top
	case t.what == "responsibility":
		return profiles.Pointer("responsibilities", t.entry, "items", t.index)
	case t.what == "skill":
		return profiles.Pointer("skills", t.index, "description")
	}
	return profiles.Pointer("level_guidelines", t.entry, t.what) // a rubric cell
}

// label is how a message names a text: "summary", "P3 responsibility 2",
// "P4 knowledge", "description of skill \"Go\"".
func (t descText) label() string {
	switch t.what {
	case "responsibility":
		return t.where + " responsibility " + strconv.Itoa(t.index+1)
	case "skill":
		if t.where == "" {
			return "skills/" + strconv.Itoa(t.index) + "/description"
		}
		return fmt.Sprintf("description of skill %q", t.where)
	case "knowledge", "complexity", "collaboration":
		return t.where + " " + t.what
	}
	return t.what
}

// descriptiveTexts returns the file's descriptive texts in file order,
// leaving out those that are empty after normalising.
func descriptiveTexts(p *lint.Pass) []descText {
	root := p.Root
	hashes := hashesOfFile(p)
	var out []descText
	add := func(n *profiles.Node, t descText) {
		if h, ok, words := hashes.of(n); ok {
			t.node, t.hash, t.words = n, h, words
			out = append(out, t)
		}
	}
	for _, top := range []struct{ ptr, label string }{
		{"/summary", "summary"}, {"/focus/summary", "focus.summary"},
		{"/focus/description", "focus.description"}, {"/level/summary", "level.summary"},
	} {
		add(root.Lookup(top.ptr), descText{what: top.label, top: top.ptr})
	}
	for i, lv := range root.Get("responsibilities").List() {
		level, code := entryLevelName(lv, "responsibilities", i), lv.Get("level").Text()
		for j, it := range lv.Get("items").List() {
			add(it, descText{what: "responsibility", where: level, level: code, entry: i, index: j})
		}
	}
	for i, row := range root.Get("level_guidelines").List() {
		level, code := entryLevelName(row, "level_guidelines", i), row.Get("level").Text()
		for _, cell := range rubricCells {
			add(row.Get(cell), descText{what: cell, where: level, level: code, entry: i})
		}
	}
	for i, sk := range root.Get("skills").List() {
		add(sk.Get("description"), descText{what: "skill", where: sk.Get("name").Text(), index: i})
	}
	slices.SortStableFunc(out, func(a, b descText) int { return a.node.Pos.Offset - b.node.Pos.Offset })
	return out
}

// rubricCells are the descriptive cells of a level_guidelines row.
var rubricCells = [...]string{"knowledge", "complexity", "collaboration"}

// entryLevelName names the level of a responsibilities or level_guidelines
// entry by its code, or by its place when it has none.
func entryLevelName(entry *profiles.Node, list string, i int) string {
	if code := entry.Get("level").Text(); code != "" {
		return code
	}
	return list + "/" + strconv.Itoa(i)
}

func runDuplicateText(p *lint.Pass) {
	texts := descriptiveTexts(p)
	// Group exact copies by the hash of their normalised text; groups and
	// their members stay in file order. A group is checked on the texts
	// themselves before it is reported, so a hash collision cannot make a
	// false copy.
	groups := make(map[uint64][]int)
	var reps []int // the first text of each group
	for i, t := range texts {
		if groups[t.hash] == nil {
			reps = append(reps, i)
		}
		groups[t.hash] = append(groups[t.hash], i)
	}
	for _, r := range reps {
		if g := sameText(texts, groups[texts[r].hash]); len(g) > 1 {
			reportCopies(p, texts, g)
		}
	}
	reportNearCopies(p, texts, reps)
}

// sameText keeps the members of a hash group whose normalised text is the
// first member's.
func sameText(texts []descText, group []int) []int {
	if len(group) < 2 {
		return group
	}
	first := text.Normal(texts[group[0]].node.Value)
	out := group[:1]
	for _, i := range group[1:] {
		if text.Normal(texts[i].node.Value) == first {
			out = append(out, i)
		}
	}
	return out
}

// reportCopies reports each copy of a group after the first, at its own
// place, so that every copy has its own finding (and its own key in a
// baseline or with --new-from-rev), naming the first earlier copy that it
// repeats. A text at two levels of the ladder is left to duplicate-across,
// which judges it once for all the profiles that carry it.
func reportCopies(p *lint.Pass, texts []descText, group []int) {
	for k, j := range group[1:] {
		this := texts[j]
		earlier := group[:k+1]
		at := slices.IndexFunc(earlier, func(i int) bool { return !crossLevel(texts[i], this) })
		if at < 0 {
			continue
		}
		first := texts[earlier[at]]
		f := p.At(this.pointer())
		f.Message = fmt.Sprintf("this text repeats %s (%s)", first.label(), lineCol(first.node))
		f.Related = []lint.Place{p.Place(first.pointer(), "first copy: "+first.label())}
		// A copy that is an item of a list holding an earlier copy can go.
		parent := parentPointer(this.pointer())
		inList := p.Root.Lookup(parent).Kind == profiles.Seq &&
			slices.ContainsFunc(earlier, func(i int) bool { return parentPointer(texts[i].pointer()) == parent })
		if inList {
			if start, end, ok := itemLines(p.File.Src, this.node); ok {
				f.Fixes = []lint.Fix{{Message: "delete the repeated " + this.label(), Edits: []lint.Edit{{Start: start, End: end}}}}
			}
		}
		p.Report(f)
	}
}

// crossLevel reports whether two texts are given at two different levels
// of the ladder (responsibilities or rubric cells): such a copy is
// duplicate-across's, and a copy between levels of one band is none.
func crossLevel(a, b descText) bool {
	return a.level != "" && b.level != "" && a.level != b.level
}

func parentPointer(ptr string) string {
	return ptr[:strings.LastIndexByte(ptr, '/')]
}

// itemLines returns the byte range of the line(s) holding a block sequence
// item, from its line's start through its newline, when the item is a
// single-line plain or quoted scalar written as "- text" alone on its line
// (a comment may follow). Anything else is not safe to delete by lines.
func itemLines(src []byte, n *profiles.Node) (start, end int, ok bool) {
	if n.End.Line != n.Pos.Line || n.End.Line == 0 {
		return 0, 0, false
	}
	switch n.Style {
	case profiles.StylePlain, profiles.StyleSingle, profiles.StyleDouble:
	default:
		return 0, 0, false
	}
	start = bytes.LastIndexByte(src[:n.Pos.Offset], '\n') + 1
	dash := bytes.TrimLeft(src[start:n.Pos.Offset], " ")
	if len(dash) < 2 || dash[0] != '-' || len(bytes.Trim(dash[1:], " \t")) != 0 {
		return 0, 0, false
	}
	rest := src[n.End.Offset:]
	end = len(src)
	if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
		rest, end = rest[:nl], n.End.Offset+nl+1
	}
	if rest = bytes.TrimSpace(rest); len(rest) > 0 && rest[0] != '#' {
		return 0, 0, false
	}
	return start, end, true
}

// reportNearCopies warns about texts that nearly repeat an earlier one,
// naming the most similar earlier text. reps holds one text of each group
// of exact copies, so a group is compared once.
func reportNearCopies(p *lint.Pass, texts []descText, reps []int) {
	opts := duplicateTextOptions.Of(p)
	threshold, minWords := opts.Similarity, opts.MinWords
	if threshold >= 1 {
		return
	}
	nearCandidates(texts, reps, threshold, minWords, func(j int, cands []int) {
		best, bestSim := -1, 0.0
		for _, i := range cands {
			if crossLevel(texts[i], texts[j]) {
				continue // duplicate-across's, where it is no level step
			}
			if text.IsReference(texts[i].words) && text.IsReference(texts[j].words) {
				continue // two lines that point at other levels are alike by form
			}
			if s := text.Similarity(texts[i].node.Value, texts[j].node.Value); s > threshold && s > bestSim {
				best, bestSim = i, s
			}
		}
		if best < 0 {
			return
		}
		other, this := texts[best], texts[j]
		ops, _ := text.WordDiff(other.node.Value, this.node.Value)
		f := p.At(this.pointer())
		f.Message = fmt.Sprintf("this text nearly repeats %s (%s): %d%% of their words are the same",
			other.label(), lineCol(other.node), int(bestSim*100))
		f.Severity = lint.Warning
		f.Related = []lint.Place{p.Place(other.pointer(), "similar text: "+other.label())}
		f.Diff = &lint.Diff{Words: ops}
		p.Report(f)
	})
}

// nearCandidates calls yield for each text of reps with enough words, in
// order, with the earlier texts that may be near copies of it, ascending.
func nearCandidates(texts []descText, reps []int, threshold float64, minWords int, yield func(j int, cands []int)) {
	// Words as 1-shingles numbered by occurrence: their overlap c is the
	// multiset intersection, which bounds the common word sequence M, so
	// 2c/(|a|+|b|) bounds the similarity and filters candidates soundly.
	// The texts of one file are few (tens): pairs are filtered by length,
	// then by a 64-bit signature of their words (a word of one text whose
	// bit the other lacks is certainly missing from it), then by overlap,
	// and only the survivors are diffed.
	type wordSetOf struct {
		text   int
		hashes []uint64 // the words' key hashes, in text order
		set    []uint64 // the multiset, built on first need
		sig    uint64
	}
	multiset := func(w *wordSetOf) []uint64 {
		if w.set == nil {
			w.set = text.Multiset(w.hashes)
		}
		return w.set
	}
	var seen []*wordSetOf
	var cands []int
	for _, j := range reps {
		hashes := texts[j].words
		if len(hashes) < minWords {
			continue
		}
		cur := &wordSetOf{text: j, hashes: hashes}
		for _, h := range hashes {
			cur.sig |= 1 << (h & 63)
		}
		cands = cands[:0]
		for _, o := range seen {
			n, m := len(o.hashes), len(cur.hashes)
			total := float64(n + m)
			if 2*float64(min(n, m))/total <= threshold {
				continue
			}
			// Each bit of cur's signature that o's lacks is a word of cur
			// that o certainly lacks.
			if nearSignature && 2*float64(m-bits.OnesCount64(cur.sig&^o.sig))/total <= threshold {
				continue
			}
			if text.OverlapReaches(multiset(o), multiset(cur), text.OverlapNeed(threshold, n+m)) {
				cands = append(cands, o.text)
			}
		}
		seen = append(seen, cur)
		slices.Sort(cands)
		yield(j, cands)
	}
}

// nearSignature turns the word signature on; BenchmarkNearSignature turns
// it off to measure what it saves.
var nearSignature = true
