package rules

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
)

func init() {
	register(DuplicateAcross)
}

// DuplicateAcross reports texts that the files linted together share where
// they must differ.
var DuplicateAcross = &lint.Rule{
	ID:       "duplicate-across",
	Summary:  "texts that must differ across profiles do",
	Severity: lint.Error,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `Across the files linted together, three texts must differ:
- the focus description of two different focuses (function.code and
  focus.code);
- one responsibility given at two different levels: a responsibility
  belongs to one level of the ladder, whichever profile lists it;
- the description of two differently named skills.

Copies are the same text after the normalising of duplicate-text (case,
punctuation, white space), found through a hash of the normalised text, so
no pair of files is compared. Profiles of one
focus repeat the same responsibilities at the same levels, which is
expected and not reported.

There is one finding per text and per extra focus, level or skill name,
however many files repeat it, at the later of two places in different files
(in file order), with the other as a related place. Copies inside a single
file are left to duplicate-text.

Near copies of the focus descriptions of different focuses are warnings,
measured as duplicate-text measures them: the share of words two texts have
in common, in order, above the option "similarity" (default 0.9: about one
word in ten changed), for texts of at least "min_words" words. The finding
names the most similar earlier description and carries a word diff.
Candidates come from an index of the texts' rarest words (prefix
filtering), which finds every pair above the threshold without comparing
all pairs. Skill descriptions and responsibilities are compared for exact
copies only: they are many, short and often written from one template
("Uses Kafka for…", "Uses Spark for…"), so near copies among them would be
mostly noise and costly to search.`,
		Bad: `# file: INFRAS.INFRASTR5562.P4.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P4
function: {code: INFRAS}
focus:
  code: INFRASTR5562
  description: Designs, builds and operates the cloud platform that software teams build on.
responsibilities:
  - level: P3
    items:
      - Mentors junior engineers and coordinates project activities
# file: INFRAS.SRE0042.P4.yaml
schema: profile/v1
id: INFRAS.SRE0042.P4
function: {code: INFRAS}
focus:
  code: SRE0042
  description: Designs, builds and operates the cloud platform that software teams build on.
responsibilities:
  - level: P4
    items:
      - Mentors junior engineers and coordinates project activities
# file: INFRAS.DEVPLAT0007.P4.yaml
schema: profile/v1
id: INFRAS.DEVPLAT0007.P4
function: {code: INFRAS}
focus:
  code: DEVPLAT0007
  description: Designs, builds and operates the developer platform that software teams build on.
`,
		Good: `# file: INFRAS.INFRASTR5562.P4.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P4
function: {code: INFRAS}
focus:
  code: INFRASTR5562
  description: Designs, builds and operates the cloud platform that software teams build on.
responsibilities:
  - level: P3
    items:
      - Mentors junior engineers and coordinates project activities
# file: INFRAS.INFRASTR5562.P7.yaml
schema: profile/v1
id: INFRAS.INFRASTR5562.P7
function: {code: INFRAS}
focus:
  code: INFRASTR5562
  description: Designs, builds and operates the cloud platform that software teams build on.
responsibilities:
  - level: P3
    items:
      - Mentors junior engineers and coordinates project activities
`,
	},
	Options: acrossOptions.List(),
	Collect: acrossFacts.Collect,
	Codec:   acrossFacts.Codec(),
	Finish:  finishAcross,
}

var acrossOptions = lint.NewOptions(struct {
	Similarity float64 `option:"similarity" doc:"focus descriptions of two focuses nearer than this share of common words (0..1) are warnings; 1 turns them off"`
	MinWords   int     `option:"min_words" doc:"descriptions shorter than this many words are compared only for exact copies"`
}{Similarity: 0.9, MinWords: 5})

// acrossFact is what one file contributes: hashes of normalised texts,
// each with its place and what it is given under. Every file of a corpus
// keeps tens of texts until the end of the run, so they are small: the
// keys and names each once, in Names, and the texts refer to them.
type acrossFact struct {
	Focus     string   // FUNCTION.FOCUS, "" when a code is missing
	Names     []string // the keys and names that texts refer to
	FocusDesc []acrossText
	Resps     []acrossText // Key: the level code
	Skills    []acrossText // Key: the normalised skill name
	// FocusWords are the focus description's words (hashes cut to 32
	// bits), kept when it is judged for near copies.
	FocusWords []uint32
}

// acrossText is a keyedText as every file keeps it: the place as line,
// column and the indexes of its pointer, not as strings, and its key and
// name (the key as written) as indexes in the file's Names.
type acrossText struct {
	Hash         uint64
	Line, Column int32
	I, J         uint16 // responsibilities/I/items/J, skills/I
	Key, Name    uint16
}

// maxAcross bounds the indexes that an acrossText holds; texts beyond it
// (past 65,535 skills in one file) are not compared across files.
const maxAcross = 1<<16 - 1

// keyed puts a file's text in the index. Its place (and the pointer,
// which costs a string) is only built for the texts reported.
func (f *acrossFact) keyed(t acrossText, file, kind string) keyedText {
	return keyedText{acrossText: t, File: file, kind: kind, Key: f.Names[t.Key], Name: f.Names[t.Name]}
}

// keyedText is one text under one key (a focus, a level, a skill name),
// in one file.
type keyedText struct {
	acrossText
	File      string
	kind      string // "focus", "responsibility" or "skill"
	Key, Name string
}

// place is where the text is.
func (t keyedText) place() lint.Place {
	var ptr string
	switch t.kind {
	case "focus":
		ptr = "/focus/description"
	case "responsibility":
		ptr = profiles.Pointer("responsibilities", int(t.I), "items", int(t.J))
	default:
		ptr = profiles.Pointer("skills", int(t.I), "description")
	}
	return lint.Place{File: t.File, Line: int(t.Line), Column: int(t.Column), Pointer: ptr}
}

func focusKey(root *profiles.Node) string {
	fn, fo := root.Get("function").Get("code").Text(), root.Get("focus").Get("code").Text()
	if fn == "" || fo == "" {
		return ""
	}
	return fn + "." + fo
}

var acrossFacts = lint.NewFacts(collectAcross)

func (f *acrossFact) EncodeFact(e lint.FactsWriter) {
	e.Text(f.Focus)
	lint.WriteList(e, f.Names, (lint.FactsWriter).Text)
	for _, ts := range [][]acrossText{f.FocusDesc, f.Resps, f.Skills} {
		lint.WriteList(e, ts, func(e lint.FactsWriter, t acrossText) {
			e.Uint64(t.Hash)
			e.Int(int64(t.Line))
			e.Int(int64(t.Column))
			for _, v := range [...]uint16{t.I, t.J, t.Key, t.Name} {
				e.Uint(uint64(v))
			}
		})
	}
	lint.WriteList(e, f.FocusWords, func(e lint.FactsWriter, w uint32) { e.Uint(uint64(w)) })
}

// DecodeFact fails on a value that does not fit its field, or an index
// past Names, rather than cut it to fit: a damaged entry is never trusted.
func (f *acrossFact) DecodeFact(d lint.FactsReader) {
	f.Focus = d.Text()
	f.Names = lint.ReadList(d, (lint.FactsReader).Text)
	readText := func(d lint.FactsReader) acrossText {
		t := acrossText{Hash: d.Uint64(), Line: readInt32(d), Column: readInt32(d)}
		t.I, t.J, t.Key, t.Name = readUint16(d), readUint16(d), readUint16(d), readUint16(d)
		if int(t.Key) >= len(f.Names) || int(t.Name) >= len(f.Names) {
			d.Fail()
		}
		return t
	}
	f.FocusDesc = lint.ReadList(d, readText)
	f.Resps = lint.ReadList(d, readText)
	f.Skills = lint.ReadList(d, readText)
	f.FocusWords = lint.ReadList(d, func(d lint.FactsReader) uint32 {
		v := d.Uint()
		if v > math.MaxUint32 {
			d.Fail()
		}
		return uint32(v)
	})
	if len(f.FocusWords) > 0 && len(f.FocusDesc) == 0 {
		d.Fail()
	}
}

func readUint16(d lint.FactsReader) uint16 {
	v := d.Uint()
	if v > math.MaxUint16 {
		d.Fail()
	}
	return uint16(v)
}

func readInt32(d lint.FactsReader) int32 {
	v := d.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.Fail()
	}
	return int32(v)
}

func collectAcross(p *lint.Pass) *acrossFact {
	f := &acrossFact{Focus: focusKey(p.Root)}
	ids := make(map[string]uint16)
	id := func(s string) (uint16, bool) {
		if n, ok := ids[s]; ok {
			return n, true
		}
		if len(f.Names) >= maxAcross {
			return 0, false
		}
		ids[s] = uint16(len(f.Names))
		f.Names = append(f.Names, s)
		return ids[s], true
	}
	opts := acrossOptions.Of(p)
	threshold, minWords := opts.Similarity, opts.MinWords
	var words []uint64
	// text.KeyHash(s) is text.Hash64(text.Normal(s)), without building it;
	// textHashes also gives its words, for the texts judged for near copies.
	textOf := func(n *profiles.Node, key, name string, i, j int, withWords bool) (acrossText, bool) {
		var h uint64
		var ok bool
		if withWords {
			h, ok, words = text.Hashes(n.Text(), words[:0])
		} else {
			h, ok = text.KeyHash(n.Text())
		}
		if !ok || i > maxAcross || j > maxAcross {
			return acrossText{}, false // also for a missing node
		}
		k, ok1 := id(key)
		nm, ok2 := id(name)
		return acrossText{Hash: h, Key: k, Name: nm, Line: int32(n.Pos.Line), Column: int32(n.Pos.Column), I: uint16(i), J: uint16(j)}, ok1 && ok2
	}
	if f.Focus != "" {
		if t, ok := textOf(p.Root.Lookup("/focus/description"), f.Focus, f.Focus, 0, 0, threshold < 1); ok {
			f.FocusDesc = append(f.FocusDesc, t)
			if threshold < 1 && len(words) >= minWords {
				f.FocusWords = text.Words32(words)
			}
		}
	}
	for i, lv := range p.Root.Get("responsibilities").List() {
		level := lv.Get("level").Text()
		if level == "" {
			continue
		}
		for j, it := range lv.Get("items").List() {
			if t, ok := textOf(it, level, level, i, j, false); ok {
				f.Resps = append(f.Resps, t)
			}
		}
	}
	for i, sk := range p.Root.Get("skills").List() {
		name := sk.Get("name").Text()
		key := text.Normal(name)
		if key == "" {
			continue
		}
		if t, ok := textOf(sk.Get("description"), key, name, i, 0, false); ok {
			f.Skills = append(f.Skills, t)
		}
	}
	// Kept to the end of the run: copies without the growth's spare room
	// (FocusDesc, of one text at most, has none).
	f.Names, f.Resps, f.Skills = slices.Clone(f.Names), slices.Clone(f.Resps), slices.Clone(f.Skills)
	return f
}

func finishAcross(c *lint.Corpus) {
	facts := byFile(c.Facts)
	judgeAcross(facts, c.Report)
	judgeNearAcross(c, facts)
}

// byFile returns the facts in file order, whatever order they came in.
func byFile(facts []lint.Facts) []lint.Facts {
	all := slices.Clone(facts)
	slices.SortStableFunc(all, func(a, b lint.Facts) int { return cmp.Compare(a.File, b.File) })
	return all
}

// judgeAcross indexes the facts of all files (in file order) by text hash
// and reports the conflicts: one pass over the facts, then one over the
// distinct texts.
func judgeAcross(facts []lint.Facts, report func(lint.Finding)) {
	var descs, resps, skills keyedIndex
	for file, f := range acrossFacts.Of(facts) {
		for _, t := range f.FocusDesc {
			descs.add(f.keyed(t, file, "focus"))
		}
		for _, t := range f.Resps {
			resps.add(f.keyed(t, file, "responsibility"))
		}
		for _, t := range f.Skills {
			skills.add(f.keyed(t, file, "skill"))
		}
	}
	descs.conflicts(func(this, other keyedText) {
		report(acrossFinding(this, other, fmt.Sprintf("focus %s has the same description as focus %s (%s)",
			this.Name, other.Name, placeText(other.place())), "same description, focus "+other.Name))
	})
	resps.conflicts(func(this, other keyedText) {
		report(acrossFinding(this, other, fmt.Sprintf("responsibility at %s is also given at %s (%s); it belongs to one level",
			this.Name, other.Name, placeText(other.place())), "same responsibility at "+other.Name))
	})
	skills.conflicts(func(this, other keyedText) {
		report(acrossFinding(this, other, fmt.Sprintf("skill %q has the same description as skill %q (%s)",
			this.Name, other.Name, placeText(other.place())), fmt.Sprintf("same description, skill %q", other.Name)))
	})
}

func acrossFinding(this, other keyedText, msg, related string) lint.Finding {
	rel, at := other.place(), this.place()
	rel.Message = related
	return lint.Finding{
		File: at.File, Line: at.Line, Column: at.Column, Pointer: at.Pointer,
		Message: msg, Related: []lint.Place{rel},
	}
}

func placeText(pl lint.Place) string {
	return fmt.Sprintf("%s:%d:%d", pl.File, pl.Line, pl.Column)
}

// keyedIndex maps the hash of a text to the keys it is given under. Per
// key it keeps two places only: the first, and the first in another file,
// so a text repeated by many sibling files costs no more than two.
type keyedIndex struct {
	byHash map[uint64]*keyedVariants
	order  []uint64 // hashes in order of first appearance
}

type keyedVariants struct {
	// firsts holds the first place of each key, in order of first
	// appearance; others the first place of a key in a file other than
	// its first's. A text has one key or a few: slices, not maps.
	firsts []keyedText
	others []keyedText
}

func find(ts []keyedText, key string) (keyedText, bool) {
	for _, t := range ts {
		if t.Key == key {
			return t, true
		}
	}
	return keyedText{}, false
}

func (x *keyedIndex) add(t keyedText) {
	if x.byHash == nil {
		x.byHash = make(map[uint64]*keyedVariants)
	}
	v := x.byHash[t.Hash]
	if v == nil {
		v = &keyedVariants{}
		x.byHash[t.Hash] = v
		x.order = append(x.order, t.Hash)
	}
	f, ok := find(v.firsts, t.Key)
	switch {
	case !ok:
		v.firsts = append(v.firsts, t)
	case f.File != t.File:
		if _, ok := find(v.others, t.Key); !ok {
			v.others = append(v.others, t)
		}
	}
}

// conflicts calls report once for each key of a text after its first key
// k0, with two places of the text in different files: this, under the
// later key, and other, under k0. Keys met in one file only are skipped.
func (x *keyedIndex) conflicts(report func(this, other keyedText)) {
	for _, h := range x.order {
		v := x.byHash[h]
		if len(v.firsts) < 2 {
			continue
		}
		k0 := v.firsts[0].Key
		for _, t := range v.firsts[1:] {
			if a, b, ok := v.pair(k0, t.Key); ok {
				report(b, a)
			}
		}
	}
}

// pair finds places of keys k0 and k in different files.
func (v *keyedVariants) pair(k0, k string) (a, b keyedText, ok bool) {
	a, _ = find(v.firsts, k0)
	b, _ = find(v.firsts, k)
	if a.File != b.File {
		return a, b, true
	}
	if o, ok := find(v.others, k); ok {
		return a, o, true
	}
	if o, ok := find(v.others, k0); ok {
		return o, b, true
	}
	return a, b, false
}
