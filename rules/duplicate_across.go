package rules

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

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
  focus.code) on one track and ladder (one job family split into two
  focuses by track may share its description);
- a text given at two different levels of one focus's ladder: a
  responsibility or a rubric cell (knowledge, complexity, collaboration)
  belongs to one level, whichever profile of the focus lists it;
- the description of two differently named skills.

Copies are the same text after the normalising of duplicate-text (case,
punctuation, white space), found through a hash of the normalised text, so
no pair of files is compared. Profiles of one focus repeat the same
responsibilities at the same levels, which is expected and not reported.

Levels compare only within one ladder: the track and its ladder (the
configuration's ladders:), and by default the focus, whose profiles make
one role's ladder. A text at IC5 of the professional ladder and at M3 of
the management ladder is no copy: the levels of two ladders have no order
between them, and values shared by the tracks are normal. So are
company-wide texts that two roles place at different levels; the option
"across_focuses" compares the focuses of one track and ladder too. Levels
of one band (levels the configuration says share their expectations) may
share texts. So may the lines of a cumulative ladder that point back at
other levels instead of stating an expectation ("Everything in the
previous level, plus:", "the expectations of the level below still
apply"): a pointer word and a level noun, a level noun and "below", or
"still" and "apply".

A text given at several levels belongs to the lowest. Every profile of a
focus carries the whole ladder, so one copy is in each of them: it is one
finding per focus and higher band, in the profile whose own level
(level.code) is the copy's level, else in the first profile of the focus
by name, naming the sibling profiles that carry the same copy, with the
copy at the lower level (in the same file when it has one) as the other
place. The choice depends on levels and file names only, not on the order
files are given in, and a file linted alone still gets its finding. Focus
descriptions and skills: one finding per text and per extra focus or skill
name, at the later of two places in different files (by file name), with
the other as a related place; copies inside a single file are
duplicate-text's.

Near copies are warnings, measured as duplicate-text measures them: the
share of words two texts have in common, in order, above the option
"similarity" (default 0.9: about one word in ten changed), for texts of at
least "min_words" words, with a word diff. Two kinds are judged:
- the focus descriptions of different focuses, naming the most similar
  earlier description. Candidates come from an index of the texts' rarest
  words (prefix filtering), which finds every pair above the threshold
  without comparing all pairs;
- two texts of one file at levels of different bands, once per focus as
  above, but only when what changed is not the level step. Ladders write
  neighbouring levels from one sentence and change the words that tell
  them apart: "some of my team's goals" and "many of my team's goals",
  "with guidance" and "independently", "the team" and "the organization".
  A pair is reported only when every change is trivial: a misspelt word
  (one edit, two in words over five letters), a British or American
  spelling, a word split or joined, a contraction written out ("I'm", "I
  am"), an article or preposition added, dropped or swapped, or an aside in
  parentheses, commas or dashes dropped. A changed word of the step
  vocabulary is never trivial: quantifiers (some, many, all, few, several,
  only, own), scope nouns (task, feature, project, system, team, group,
  department, organization, company, industry, across, within), seniority
  titles (junior, senior, staff, principal, lead, manager, director,
  executive), autonomy (guidance, supervision, independently, own,
  contribute, drive, lead, define), frequency (sometimes, occasionally,
  regularly, often, always, consistently) and size, complexity and degree
  (small, large, simple, complex, ambiguous, basic, deep, strategic,
  very), through their inflections, and every number. The full list is
  text.StepWords in the source.
Skill descriptions are compared for exact copies only: they are many,
short and often written from one template ("Uses Kafka for…", "Uses Spark
for…"), so near copies among them would be mostly noise.`,
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
  - level: P3
    items:
      - Runs incident reviews and follows up on their actions
  - level: P4
    items:
      - Runs incident reviews and follows up on their actions
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
	Similarity float64 `option:"similarity" doc:"focus descriptions of two focuses, and texts at two levels changed by no level step, nearer than this share of common words (0..1) are warnings; 1 turns them off"`
	MinWords   int     `option:"min_words" doc:"texts shorter than this many words are compared only for exact copies"`
	Focuses    bool    `option:"across_focuses" doc:"also report a text that two focuses give at different levels of one ladder"`
}{Similarity: 0.9, MinWords: 5})

// acrossFact is what one file contributes: hashes of normalised texts,
// each with its place and what it is given under. Every file of a corpus
// keeps tens of texts until the end of the run, so they are small: the
// keys and names each once, in Names, and the texts refer to them.
type acrossFact struct {
	Focus     string   // FUNCTION.FOCUS, "" when a code is missing
	Ladder    string   // the track and the ladder in force: levels compare only within one
	Own       string   // level.code, the file's own level
	Names     []string // the keys and names that texts refer to
	FocusDesc []acrossText
	// Levels are the texts given at a level of the ladder: the
	// responsibilities (Kind 0) and the rubric cells (Kind 1 + the cell's
	// index in rubricCells). Key: the level code.
	Levels []acrossText
	Skills []acrossText // Key: the normalised skill name
	// FocusWords are the focus description's words (hashes cut to 32
	// bits), kept when it is judged for near copies.
	FocusWords []uint32
	// Near are the pairs of level texts of this file, at two levels of
	// different bands, that nearly repeat each other by a change that is
	// no level step (text.Trivial). They are found here, where the texts
	// are, so that only the rare pairs are kept.
	Near []acrossNear
}

// acrossText is a keyedText as every file keeps it: the place as line,
// column and the indexes of its pointer, not as strings, and its key and
// name (the key as written) as indexes in the file's Names.
type acrossText struct {
	Hash         uint64
	Line, Column int32
	I, J         uint16 // responsibilities/I/items/J, level_guidelines/I, skills/I
	Key, Name    uint16
	Band         uint16 // a level text's band (profiles.Bands.Band), in Names
	Rank         int16  // a level text's place in the ladder, -1 when not in it
	Kind         uint8  // a level text's kind (see acrossFact.Levels)
}

// acrossNear is a near copy between two level texts of one file: This at
// the higher level, Other at the lower.
type acrossNear struct {
	This, Other acrossText
	Percent     uint8 // the similarity, in percent
}

// maxAcross bounds the indexes that an acrossText holds; texts beyond it
// (past 65,535 skills in one file) are not compared across files.
const maxAcross = 1<<16 - 1

// keyed puts a file's text in the index. Its place (and the pointer,
// which costs a string) is only built for the texts reported.
func (f *acrossFact) keyed(t acrossText, file, kind string) keyedText {
	return keyedText{acrossText: t, File: file, kind: kind, Key: f.Names[t.Key], Name: f.Names[t.Name]}
}

// level is a level text as keyedText, its kind named by Kind.
func (f *acrossFact) level(t acrossText, file string) keyedText {
	kind := "responsibility"
	if t.Kind > 0 && int(t.Kind) <= len(rubricCells) {
		kind = rubricCells[t.Kind-1]
	}
	return f.keyed(t, file, kind)
}

// keyedText is one text under one key (a focus, a level, a skill name),
// in one file.
type keyedText struct {
	acrossText
	File      string
	kind      string // "focus", "responsibility", a rubric cell or "skill"
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
	case "skill":
		ptr = profiles.Pointer("skills", int(t.I), "description")
	default:
		ptr = profiles.Pointer("level_guidelines", int(t.I), t.kind)
	}
	return lint.Place{File: t.File, Line: int(t.Line), Column: int(t.Column), Pointer: ptr}
}

// label names a level text in a message: "responsibility at P4", "rubric
// knowledge at P4".
func (t keyedText) label() string {
	return t.kindName() + " at " + t.Name
}

// kindName is "responsibility" or "rubric" and the cell.
func (t keyedText) kindName() string {
	if t.kind == "responsibility" {
		return t.kind
	}
	return "rubric " + t.kind
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
	e.Text(f.Ladder)
	e.Text(f.Own)
	lint.WriteList(e, f.Names, (lint.FactsWriter).Text)
	for _, ts := range [][]acrossText{f.FocusDesc, f.Levels, f.Skills} {
		lint.WriteList(e, ts, writeAcrossText)
	}
	lint.WriteList(e, f.FocusWords, func(e lint.FactsWriter, w uint32) { e.Uint(uint64(w)) })
	lint.WriteList(e, f.Near, func(e lint.FactsWriter, n acrossNear) {
		writeAcrossText(e, n.This)
		writeAcrossText(e, n.Other)
		e.Uint(uint64(n.Percent))
	})
}

func writeAcrossText(e lint.FactsWriter, t acrossText) {
	e.Uint64(t.Hash)
	e.Int(int64(t.Line))
	e.Int(int64(t.Column))
	for _, v := range [...]uint16{t.I, t.J, t.Key, t.Name, t.Band} {
		e.Uint(uint64(v))
	}
	e.Int(int64(t.Rank))
	e.Uint(uint64(t.Kind))
}

// DecodeFact fails on a value that does not fit its field, or an index
// past Names, rather than cut it to fit: a damaged entry is never trusted.
func (f *acrossFact) DecodeFact(d lint.FactsReader) {
	f.Focus = d.Text()
	f.Ladder = d.Text()
	f.Own = d.Text()
	f.Names = lint.ReadList(d, (lint.FactsReader).Text)
	readText := func(d lint.FactsReader) acrossText {
		t := acrossText{Hash: d.Uint64(), Line: readInt32(d), Column: readInt32(d)}
		t.I, t.J, t.Key, t.Name, t.Band = readUint16(d), readUint16(d), readUint16(d), readUint16(d), readUint16(d)
		t.Rank = readInt16(d)
		k := d.Uint()
		if k > math.MaxUint8 {
			d.Fail()
		}
		t.Kind = uint8(k)
		if int(t.Key) >= len(f.Names) || int(t.Name) >= len(f.Names) || int(t.Band) >= len(f.Names) {
			d.Fail()
		}
		return t
	}
	f.FocusDesc = lint.ReadList(d, readText)
	f.Levels = lint.ReadList(d, readText)
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
	f.Near = lint.ReadList(d, func(d lint.FactsReader) acrossNear {
		n := acrossNear{This: readText(d), Other: readText(d)}
		v := d.Uint()
		if v > math.MaxUint8 {
			d.Fail()
		}
		n.Percent = uint8(v)
		return n
	})
}

func readUint16(d lint.FactsReader) uint16 {
	v := d.Uint()
	if v > math.MaxUint16 {
		d.Fail()
	}
	return uint16(v)
}

func readInt16(d lint.FactsReader) int16 {
	v := d.Int()
	if v < math.MinInt16 || v > math.MaxInt16 {
		d.Fail()
	}
	return int16(v)
}

func readInt32(d lint.FactsReader) int32 {
	v := d.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.Fail()
	}
	return int32(v)
}

// ladderIdentity names the ladder a file's levels belong to: its track
// (a profile without one is on the professional track) and the levels of
// its ladder. Levels of two ladders have no order between them.
func ladderIdentity(p *lint.Pass) string {
	track := strings.ToLower(p.Root.Get("track").Text())
	if track == "" {
		track = "professional"
	}
	return track + ":" + p.Ladder.String()
}

func collectAcross(p *lint.Pass) *acrossFact {
	f := &acrossFact{Focus: focusKey(p.Root), Ladder: ladderIdentity(p), Own: p.Root.Get("level").Get("code").Text()}
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
	// Every text is hashed with its words, once per file for this rule,
	// duplicate-text and level-repeats (hashesOfFile); the words serve the
	// texts judged for near copies.
	hashes := hashesOfFile(p)
	textOf := func(n *profiles.Node, key, name string, i, j int) (acrossText, bool) {
		h, ok, _ := hashes.of(n)
		if !ok || i > maxAcross || j > maxAcross {
			return acrossText{}, false // also for a missing node
		}
		k, ok1 := id(key)
		nm, ok2 := id(name)
		return acrossText{Hash: h, Key: k, Name: nm, Line: int32(n.Pos.Line), Column: int32(n.Pos.Column), I: uint16(i), J: uint16(j)}, ok1 && ok2
	}
	if f.Focus != "" {
		desc := p.Root.Lookup("/focus/description")
		if t, ok := textOf(desc, f.Focus, f.Focus, 0, 0); ok {
			f.FocusDesc = append(f.FocusDesc, t)
			if _, _, words := hashes.of(desc); threshold < 1 && len(words) >= minWords {
				f.FocusWords = text.Words32(words)
			}
		}
	}
	// The level texts' words are kept for the near copies between levels.
	near := threshold < 1
	var nearTexts []descText
	var nearFacts []acrossText
	levelText := func(n *profiles.Node, level string, kind uint8, i, j int) (acrossText, bool) {
		if i > maxAcross || j > maxAcross {
			return acrossText{}, false
		}
		h, ok, words := hashes.of(n)
		if !ok || text.IsReference(words) {
			// A missing node, or a line that points at other levels'
			// expectations ("everything in the previous level"), which a
			// cumulative ladder repeats on purpose.
			return acrossText{}, false
		}
		k, ok1 := id(level)
		band, ok2 := id(p.Bands.Band(level))
		if !ok1 || !ok2 {
			return acrossText{}, false
		}
		t := acrossText{Hash: h, Key: k, Name: k, Band: band, Kind: kind, Rank: int16(min(p.Ladder.Index(level), math.MaxInt16)),
			Line: int32(n.Pos.Line), Column: int32(n.Pos.Column), I: uint16(i), J: uint16(j)}
		if near {
			what := "responsibility"
			if kind > 0 {
				what = rubricCells[kind-1]
			}
			nearTexts = append(nearTexts, descText{node: n, hash: h, words: words,
				what: what, where: level, level: level, entry: i, index: j})
			nearFacts = append(nearFacts, t)
		}
		return t, true
	}
	for i, lv := range p.Root.Get("responsibilities").List() {
		level := lv.Get("level").Text()
		if level == "" {
			continue
		}
		for j, it := range lv.Get("items").List() {
			if t, ok := levelText(it, level, 0, i, j); ok {
				f.Levels = append(f.Levels, t)
			}
		}
	}
	for i, row := range p.Root.Get("level_guidelines").List() {
		level := row.Get("level").Text()
		if level == "" {
			continue
		}
		for c, cell := range rubricCells {
			if t, ok := levelText(row.Get(cell), level, uint8(c+1), i, c); ok {
				f.Levels = append(f.Levels, t)
			}
		}
	}
	for i, sk := range p.Root.Get("skills").List() {
		name := sk.Get("name").Text()
		key := text.Normal(name)
		if key == "" {
			continue
		}
		if t, ok := textOf(sk.Get("description"), key, name, i, 0); ok {
			f.Skills = append(f.Skills, t)
		}
	}
	if near {
		f.Near = nearLevelCopies(p, nearTexts, nearFacts, threshold, minWords)
	}
	// Kept to the end of the run: copies without the growth's spare room
	// (FocusDesc, of one text at most, has none).
	f.Names, f.Levels, f.Skills = slices.Clone(f.Names), slices.Clone(f.Levels), slices.Clone(f.Skills)
	return f
}

func finishAcross(c *lint.Corpus) {
	facts := byFile(c.Facts)
	judgeAcross(facts, acrossOptions.Of(c).Focuses, c.Report)
	judgeNearAcross(c, facts)
}

// byFile returns the facts in file order, whatever order they came in.
func byFile(facts []lint.Facts) []lint.Facts {
	all := slices.Clone(facts)
	slices.SortStableFunc(all, func(a, b lint.Facts) int { return cmp.Compare(a.File, b.File) })
	return all
}

// judgeAcross indexes the facts of all files (in file order) by text hash
// and reports the exact copies: one pass over the facts, then one over the
// distinct texts (and judgeLevels for the level texts, across focuses when
// focuses is set).
func judgeAcross(facts []lint.Facts, focuses bool, report func(lint.Finding)) {
	judgeLevels(facts, focuses, report)
	var descs, skills keyedIndex
	for file, f := range acrossFacts.Of(facts) {
		for _, t := range f.FocusDesc {
			// One job family on two tracks is often two focuses with one
			// description: descriptions compare within a ladder.
			t.Hash ^= text.Hash64(f.Ladder) * 0x9e3779b97f4a7c15
			descs.add(f.keyed(t, file, "focus"))
		}
		for _, t := range f.Skills {
			skills.add(f.keyed(t, file, "skill"))
		}
	}
	descs.conflicts(func(this, other keyedText) {
		report(acrossFinding(this, other, fmt.Sprintf("focus %s has the same description as focus %s (%s)",
			this.Name, other.Name, placeText(other.place())), "same description, focus "+other.Name))
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

// levelCopy is a level text met in Finish, with what places it in the
// corpus: its band, its file's focus and the file's own level.
type levelCopy struct {
	keyedText
	band, focus, own string
}

// levelKey is a text in one ladder (a number of judgeLevels').
type levelKey struct {
	ladder int32
	hash   uint64
}

// focusOf is what groups a file with its siblings: its focus, or the
// file alone when it names none.
func focusOf(f *acrossFact, file string) string {
	if f.Focus == "" {
		return "\x00" + file
	}
	return f.Focus
}

// judgeLevels reports level texts (responsibilities and rubric cells)
// given at two bands of one ladder: of one focus, or of any focus on the
// ladder when focuses is set. A first pass finds the texts met at more
// than one band, a second gathers the copies of those only: every profile
// of a focus carries the whole ladder, and the copies of a text that is
// where it belongs are never kept.
func judgeLevels(facts []lint.Facts, focuses bool, report func(lint.Finding)) {
	ladders := make(map[string]int32)
	ladderOf := func(f *acrossFact, file string) int32 {
		key := f.Ladder
		if !focuses {
			key += "\x00" + focusOf(f, file)
		}
		n, ok := ladders[key]
		if !ok {
			n = int32(len(ladders))
			ladders[key] = n
		}
		return n
	}
	firstBand := make(map[levelKey]string)
	multi := make(map[levelKey]bool)
	var order []levelKey
	for file, f := range acrossFacts.Of(facts) {
		l := ladderOf(f, file)
		for _, t := range f.Levels {
			k, band := levelKey{l, t.Hash}, f.Names[t.Band]
			switch b, ok := firstBand[k]; {
			case !ok:
				firstBand[k] = band
			case b != band && !multi[k]:
				multi[k] = true
				order = append(order, k)
			}
		}
	}
	if len(order) == 0 {
		return
	}
	copies := make(map[levelKey][]levelCopy, len(order))
	for file, f := range acrossFacts.Of(facts) {
		l := ladderOf(f, file)
		for _, t := range f.Levels {
			if k := (levelKey{l, t.Hash}); multi[k] {
				copies[k] = append(copies[k], levelCopy{f.level(t, file), f.Names[t.Band], focusOf(f, file), f.Own})
			}
		}
	}
	for _, k := range order {
		judgeLevelCopies(copies[k], report)
	}
}

// lowerLevel orders level copies by their place in the ladder, levels
// outside it last, then by code.
func lowerLevel(a, b levelCopy) int {
	rank := func(c levelCopy) int {
		if c.Rank < 0 {
			return math.MaxInt16 + 1
		}
		return int(c.Rank)
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Key, b.Key))
}

// judgeLevelCopies reports one text of one ladder given at several bands
// (cs, in file order). The text belongs to its lowest band; each focus
// that gives it at a higher band has one finding per such band, however
// many of the focus's profiles carry it: in the profile whose own level is
// the copy's (the page a reader of that level opens), else in the first
// by name, naming the siblings that carry the same copy. The choice
// depends on the levels and the file names, never on the order files
// were given in.
func judgeLevelCopies(cs []levelCopy, report func(lint.Finding)) {
	base := slices.MinFunc(cs, lowerLevel)
	var focuses []string
	byFocus := make(map[string][]levelCopy)
	for _, c := range cs {
		if byFocus[c.focus] == nil {
			focuses = append(focuses, c.focus)
		}
		byFocus[c.focus] = append(byFocus[c.focus], c)
	}
	for _, focus := range focuses {
		var bands []string
		byBand := make(map[string][]levelCopy)
		for _, c := range byFocus[focus] {
			if c.band == base.band {
				continue
			}
			if byBand[c.band] == nil {
				bands = append(bands, c.band)
			}
			byBand[c.band] = append(byBand[c.band], c)
		}
		for _, band := range bands {
			reportLevelCopy(cs, base.band, byBand[band], report)
		}
	}
}

// reportLevelCopy reports the copies in (one focus, one band above the
// text's own) against a copy at the base band, chosen in the same file if
// it has one, else in the same focus, else anywhere, lowest level first.
func reportLevelCopy(cs []levelCopy, baseBand string, in []levelCopy, report func(lint.Finding)) {
	lowest := slices.MinFunc(in, lowerLevel).Key
	var home *levelCopy
	for i := range in {
		c := &in[i]
		if c.Key == lowest && (home == nil || c.own == lowest && home.own != lowest) {
			home = c
		}
	}
	near := func(c *levelCopy) int {
		switch {
		case c.File == home.File:
			return 0
		case c.focus == home.focus:
			return 1
		}
		return 2
	}
	own := func(c *levelCopy) int {
		if c.own == c.Key {
			return 0
		}
		return 1
	}
	var ref *levelCopy
	for i := range cs {
		c := &cs[i]
		if c.band != baseBand {
			continue
		}
		if ref == nil || cmp.Or(cmp.Compare(near(c), near(ref)), lowerLevel(*c, *ref), cmp.Compare(own(c), own(ref))) < 0 {
			ref = c
		}
	}
	where := ref.Name
	if ref.kind != home.kind {
		where += " as " + ref.kindName()
	}
	msg := fmt.Sprintf("%s is also given at %s (%s); it belongs to one level",
		home.label(), where, placeText(ref.place()))
	f := acrossFinding(home.keyedText, ref.keyedText, "", "same "+ref.label())
	f.Message = msg + siblingsNote(home, in, &f)
	report(f)
}

// siblingsNote names the other profiles of the focus that carry the same
// copy, which the finding stands for: their number, and the first few by
// name, also as related places (a focus may have twenty profiles; a
// report is read by people).
func siblingsNote(home *levelCopy, in []levelCopy, f *lint.Finding) string {
	const shown = 3
	var files []string
	for _, c := range in {
		if c.File == home.File || slices.Contains(files, c.File) {
			continue
		}
		files = append(files, c.File)
		if len(files) <= shown {
			pl := c.place()
			pl.Message = "the same copy, in a sibling profile"
			f.Related = append(f.Related, pl)
		}
	}
	if len(files) == 0 {
		return ""
	}
	names := strings.Join(files[:min(len(files), shown)], ", ")
	if len(files) > shown {
		names += fmt.Sprintf(" and %d more", len(files)-shown)
	}
	if len(files) == 1 {
		return fmt.Sprintf("; 1 other profile of focus %s carries the same copy: %s", home.focus, names)
	}
	return fmt.Sprintf("; %d other profiles of focus %s carry the same copy: %s", len(files), home.focus, names)
}
