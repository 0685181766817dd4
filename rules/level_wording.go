package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(LevelWording) }

// LevelWording reports phrases of junior scope high on the ladder and
// phrases of executive scope low on it.
var LevelWording = &lint.Rule{
	ID:       "level-wording",
	Summary:  "no junior wording high on the ladder, no executive wording low on it",
	Severity: lint.Warning,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `Wording fits the level it describes. Phrases of junior scope ("under close
supervision", "following documented runbooks", "assists senior engineers")
are reported at the top of the ladder, phrases of executive scope ("board of
directors", "company-wide strategy", "industry leaders") at its bottom.

The rule matches phrases, never single words: "supervision", "board" or
"industry" alone say nothing about the level ("works with little to no
supervision", "updates the team's Jira board", "follows industry
standards"). A phrase matches whole words, ignoring case, punctuation and
apostrophes between them ("executives, boards" matches "executives boards"),
through the forms of its words and the small words put between them:

- a word matches its inflections: "task" matches "tasks", "strategy"
  "strategies", "report" "reports", "reported" and "reporting"; a word
  written as a past participle (-ed) matches only that form, so "assigned
  tasks" (work handed to someone) matches "assigned task" but not
  "assigns tasks" (delegation);
- a word ending in "*" matches any word it begins ("assist*" matches
  "assists");
- "a", "an" and "the" in a phrase stand for any determiner or none
  ("reports to the board" matches "reports to a board");
- between two words of a phrase the text may put one other word and any
  determiners ("under the close supervision of", "follows the team's
  runbooks"), but no negation and no clause break (, ; : . ! ?);
- a phrase that starts with a past participle also matches with it right
  after the rest, as a reduced relative clause puts it: "assigned tickets"
  matches "the tickets assigned to them". Only directly after: "ensures
  tasks are assigned" is not junior wording.

A phrase right after "without", "no", "not", "never", "little",
"minimal" or "minimum" (one or two words before it) does not count: "works
without close supervision" is senior wording. Nor does a phrase that says
nothing of the level's own work: weighed ("knows when to seek guidance",
after "when to" or "whether to"), about the people the text helps (after
"helps", "mentors", "coaches", "teaches", "trains" or "onboards" in its
clause: "helps new hires who work under supervision"), or the starting
point of a change ("from" up to three words before it and "to" after it
in its clause: "grows engineers from assigned tasks to owning projects").

Judged texts: each responsibilities[i].items text at responsibilities[i].level;
the knowledge, complexity and collaboration of each level_guidelines row at
its level; level.summary, scope, autonomy, complexity, impact,
decision_rights and leadership at level.code.

The bands are fractions of the ladder, so that they fit ladders of any
length: a level's place is 0 for the lowest level and 1 for the highest
(P4 of P1 … P7 is 0.5). Junior phrases are reported at places of at least
junior_from (0.6: P5 … P7 of P1 … P7, M4 … M6 of M1 … M6); executive phrases
at places of at most executive_until (0.25: P1, P2 of P1 … P7, M1, M2 of
M1 … M6).`,
		Bad:  docExample("Updates runbooks after incidents", "Presents incident reviews to the board of directors"),
		Good: docProfile,
	},
	Options: levelWordingOptions.List(),
	Run:     runLevelWording,
}

var levelWordingOptions = lint.NewOptions(struct {
	JuniorPhrases    []string `option:"junior_phrases" doc:"phrases of junior scope, reported at the top of the ladder"`
	ExecutivePhrases []string `option:"executive_phrases" doc:"phrases of executive scope, reported at the bottom of the ladder"`
	JuniorFrom       float64  `option:"junior_from" doc:"the lowest place (0 the lowest level, 1 the highest) at which junior phrases are reported"`
	ExecutiveUntil   float64  `option:"executive_until" doc:"the highest place (0 the lowest level, 1 the highest) at which executive phrases are reported"`
}{JuniorPhrases: defaultJuniorPhrases, ExecutivePhrases: defaultExecutivePhrases, JuniorFrom: 0.6, ExecutiveUntil: 0.25})

// The defaults name who directs the work or how far its reach goes, never
// a topic: each phrase was checked against the real ladders of the
// Financial Times, Monzo and forwardimpact/pathway, whose senior levels say
// "with little to no supervision", "assists teams in active listening" and
// "provides architectural guidance", and whose junior levels say "staying
// up-to-date with industry trends".
var (
	defaultJuniorPhrases = []string{
		"under close supervision",
		"under direct supervision",
		"under supervision",
		"with close supervision",
		"requires close supervision",
		"needs close supervision",
		"under guidance",
		"under close guidance",
		"under the guidance of",
		"with guidance from senior*",
		"with guidance from more senior",
		"with guidance from experienced",
		"seek* guidance",
		"under detailed instruction*",
		"under instruction*",
		"assist* senior engineer*",
		"assist* senior team members",
		"assist* more senior",
		"follow* documented runbook*",
		"follow* runbook*",
		"assigned tasks",
		"assigned tickets",
		"assigned issues",
		"assigned stories",
		"assigned to them",
		"assigned to him",
		"assigned to her",
		"closely supervised",
	}
	defaultExecutivePhrases = []string{
		"board of directors",
		"board members",
		"board-level",
		"present* to the board",
		"report* to the board",
		"advis* the board",
		"brief* the board",
		"executives, boards",
		"executives and boards",
		"executives and the board",
		"c-suite",
		"company-wide strategy",
		"enterprise-wide strategy",
		"set* company strategy",
		"set* the company strategy",
		"set* the company's strategy",
		"industry leader*",
		"industry-wide impact",
		"industry-wide influence",
		"industry-wide recognition",
		"impact across the industry",
		"influence across the industry",
		"recogni* across the industry",
		"known across the industry",
		"influenc* industry practice*",
		"shap* industry practice*",
		"advanc* industry practice*",
		"influenc* the industry",
		"shap* the industry",
	}
)

// wordingNegations are the words that, one or two words before a phrase, turn it
// around: "without close supervision".
var wordingNegations = map[string]bool{
	"without": true, "no": true, "not": true, "never": true,
	"little": true, "minimal": true, "minimum": true,
}

// wordingLevelFields are the fields of level judged at level.code.
var wordingLevelFields = [...]string{"summary", "scope", "autonomy", "complexity", "impact", "decision_rights", "leadership"}

// wordingRubricFields are the fields of a level_guidelines row judged at its level.
var wordingRubricFields = [...]string{"knowledge", "complexity", "collaboration"}

func runLevelWording(p *lint.Pass) {
	n := len(p.Ladder)
	if n < 2 {
		return // one level is both the top and the bottom
	}
	const eps = 1e-9 // places like 3/5 against 0.6
	place := func(rank int) float64 { return float64(rank) / float64(n-1) }
	var top, bottom []string
	opts := levelWordingOptions.Of(p)
	juniorFrom, executiveUntil := opts.JuniorFrom, opts.ExecutiveUntil
	for r, code := range p.Ladder {
		if place(r) >= juniorFrom-eps {
			top = append(top, code)
		}
		if place(r) <= executiveUntil+eps {
			bottom = append(bottom, code)
		}
	}
	junior := cachedPhrases(opts.JuniorPhrases)
	executive := cachedPhrases(opts.ExecutivePhrases)

	// judge builds a text's pointer only for a finding: most texts have none.
	judge := func(ptr func() string, text *profiles.Node, code string) {
		if text.Kind != profiles.String {
			return
		}
		r := p.Ladder.Index(code)
		if r < 0 {
			return
		}
		// Each finding is at its phrase where the source text maps to the
		// value exactly, at the text's start otherwise.
		report := func(m phraseMatch, message string) {
			f := p.At(ptr())
			f.Message = message
			atValue(p.File, &f, text, m.start, m.end)
			p.Report(f)
		}
		if place(r) >= juniorFrom-eps {
			for _, m := range findPhrases(text.Value, junior) {
				report(m, fmt.Sprintf("%q is junior wording for %s (top of the ladder: %s)", m.text, code, ladderSpan(top)))
			}
		}
		if place(r) <= executiveUntil+eps {
			for _, m := range findPhrases(text.Value, executive) {
				report(m, fmt.Sprintf("%q is executive wording for %s (bottom of the ladder: %s)", m.text, code, ladderSpan(bottom)))
			}
		}
	}

	for _, e := range ladderEntries(p, "responsibilities") {
		items := e.Node.Get("items")
		if items == nil {
			continue
		}
		for j, it := range items.Items {
			judge(func() string { return profiles.Pointer("responsibilities", e.Index, "items", j) }, it, e.Code)
		}
	}
	for _, e := range ladderEntries(p, "level_guidelines") {
		for _, field := range wordingRubricFields {
			if t := e.Node.Get(field); t != nil {
				judge(func() string { return profiles.Pointer("level_guidelines", e.Index, field) }, t, e.Code)
			}
		}
	}
	level := p.Root.Get("level")
	code := level.Get("code").Text()
	for _, field := range wordingLevelFields {
		if t := level.Get(field); t != nil {
			judge(func() string { return profiles.Pointer("level", field) }, t, code)
		}
	}
}

// wordingWord is one word of a text and where it stands in it.
type wordingWord struct {
	w          string // lower case, apostrophes dropped
	stem       string // w without its inflection (wordStem)
	ed         bool   // w is written as a past participle
	brk        bool   // a clause break (, ; : . ! ?) stands before it
	start, end int    // byte offsets in the text
}

// wordingWords splits s into words: runs of letters and digits, in lower
// case. Apostrophes inside a word are dropped ("company's" is "companys");
// keep, when set, keeps "*" as part of a word (for phrases).
func wordingWords(s string, keep bool) []wordingWord {
	var out []wordingWord
	var b strings.Builder
	start, brk := -1, false
	flush := func(end int) {
		if start >= 0 && b.Len() > 0 {
			w := b.String()
			out = append(out, wordingWord{w: w, stem: wordStem(w), ed: isParticiple(w), brk: brk, start: start, end: end})
			brk = false
		}
		b.Reset()
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (keep && r == '*'):
			if start < 0 {
				start = i
			}
			b.WriteRune(unicode.ToLower(r))
		case start >= 0 && (r == '\'' || r == '’'):
			// inside a word: dropped
		default:
			flush(i)
			if strings.ContainsRune(",;:.!?", r) {
				brk = true
			}
		}
	}
	flush(len(s))
	return out
}

// wordStem strips the inflection of an English word, the way a small
// suffix stemmer does: -s, -es, -ies, -ed, -ied and -ing, a doubled final
// consonant (planned, running) and a final e (guide, guided and guiding
// are "guid"). It need not give the dictionary form, only the same stem
// for the forms of one word. Words of three letters or fewer are kept.
func wordStem(w string) string {
	n := len(w)
	if n <= 3 {
		return w
	}
	has := func(suffix string) bool { return strings.HasSuffix(w, suffix) }
	switch {
	case (has("ies") || has("ied")) && n > 4:
		return w[:n-3] + "y"
	case has("sses"):
		return w[:n-2]
	case has("ss") || has("us") || has("is"):
		return w
	case has("es") && n > 4 && (strings.ContainsAny(w[n-3:n-2], "sxz") || has("ches") || has("shes")):
		return dropE(w[:n-2])
	case has("s"):
		return dropE(w[:n-1])
	case has("ing"):
		return inflected(w, n-3)
	case has("ed"):
		return inflected(w, n-2)
	}
	return dropE(w)
}

// inflected is the stem of w whose -ed or -ing starts at k, or w itself
// when what is left is too short or holds no vowel ("need", "bring",
// "string"), or ends in e ("speed", "agreed").
func inflected(w string, k int) string {
	base := w[:k]
	if len(base) < 3 || !strings.ContainsAny(base, "aeiouy") || strings.HasSuffix(base, "e") {
		return dropE(w)
	}
	if m := len(base); base[m-1] == base[m-2] && !strings.ContainsAny(base[m-1:], "aeiouylsz") {
		base = base[:m-1] // planned, running; not installed, passed
	}
	return base
}

// dropE drops a final e, so that "guide" and "guided" agree.
func dropE(w string) string {
	if len(w) > 3 && w[len(w)-1] == 'e' {
		return w[:len(w)-1]
	}
	return w
}

// isParticiple reports whether w has the form of a past participle.
func isParticiple(w string) bool { return len(w) > 3 && strings.HasSuffix(w, "ed") }

// phraseWord is one word of a phrase.
type phraseWord struct {
	w      string // as written, lower case, without "*"
	stem   string
	prefix bool // written with "*": matches any word it begins
	ed     bool // a past participle: matches only that form
}

func (pw phraseWord) matches(t wordingWord) bool {
	if pw.prefix {
		return strings.HasPrefix(t.w, pw.w)
	}
	return t.stem == pw.stem && (!pw.ed || t.ed)
}

// phraseArticles are left out of phrases: a phrase's "the" stands for
// any determiner or none.
var phraseArticles = map[string]bool{"a": true, "an": true, "the": true}

// gapWords may stand between the words of a phrase in any number (up to
// the gap's bound): determiners and possessives, which do not change
// what the phrase says.
var gapWords = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"their": true, "his": true, "her": true, "its": true, "our": true, "your": true, "my": true,
	"theirs": true, "them": true, "some": true, "any": true, "each": true, "every": true,
}

// maxGap is how many words may stand between two words of a phrase, of
// which at most one is not a gap word.
const maxGap = 3

// phraseSet is a list of phrases, each split into words, longest phrase
// first so that "under close supervision" wins over "under supervision"
// where both could match.
type phraseSet struct {
	list [][]phraseWord
	// at lists, by stem, the phrases (indexes into list, ascending) that
	// can match where a word of that stem stands: those whose first word
	// it is, those that start with a participle whose second word it is
	// ("tickets assigned"), and anyAt, those whose word there is a prefix
	// ("*"), which may match at any word.
	at    map[string][]int
	anyAt []int
	// starts holds the first letters (five, or all of three or four) of
	// each phrase's longest word, its rarest: a text holds a phrase only
	// if one of its words begins with those of some phrase. all is set
	// when a longest word is too short to look up that way.
	starts map[string]bool
	all    bool
	// pairs has a bit for the first two letters of each start when both
	// are ASCII, so that most words are passed over after two letters
	// without a lookup; wide is set when some start begins otherwise.
	pairs [128 * 128 / 64]uint64
	wide  bool
}

// pairBit is the bit of pairs for the letters a and b, both ASCII.
func pairBit(a, b byte) (word int, bit uint64) {
	i := int(a)<<7 | int(b)
	return i >> 6, 1 << (i & 63)
}

// compilePhrases builds the set of phrases.
func compilePhrases(phrases []string) *phraseSet {
	set := &phraseSet{starts: make(map[string]bool)}
	for _, ph := range phrases {
		var ws []phraseWord
		for _, w := range wordingWords(ph, true) {
			if phraseArticles[w.w] {
				continue
			}
			if prefix, ok := strings.CutSuffix(w.w, "*"); ok {
				ws = append(ws, phraseWord{w: prefix, prefix: true})
			} else {
				ws = append(ws, phraseWord{w: w.w, stem: w.stem, ed: w.ed})
			}
		}
		if len(ws) == 0 {
			continue
		}
		set.list = append(set.list, ws)
		if start, n := firstRunes(lookupStart(ws), maxStart); n >= minStart {
			set.starts[start] = true
			if start[0] < utf8.RuneSelf && start[1] < utf8.RuneSelf {
				w, bit := pairBit(start[0], start[1])
				set.pairs[w] |= bit
			} else {
				set.wide = true
			}
		} else {
			set.all = true
		}
	}
	slices.SortStableFunc(set.list, func(a, b []phraseWord) int { return len(b) - len(a) })
	set.at = make(map[string][]int)
	index := func(k int, pw phraseWord) {
		if pw.prefix {
			set.anyAt = append(set.anyAt, k)
		} else {
			set.at[pw.stem] = append(set.at[pw.stem], k)
		}
	}
	for k, ph := range set.list {
		index(k, ph[0])
		if len(ph) >= 2 && ph[0].ed {
			index(k, ph[1])
		}
	}
	for stem, ks := range set.at {
		ks = append(ks, set.anyAt...)
		slices.Sort(ks)
		set.at[stem] = slices.Compact(ks)
	}
	return set
}

// candidates returns, in list order, the phrases that may match at a
// word of this stem.
func (set *phraseSet) candidates(stem string) []int {
	if ks, ok := set.at[stem]; ok {
		return ks
	}
	return set.anyAt
}

// The letters of a phrase's longest word that mayMatch looks up.
const minStart, maxStart = 3, 5

// firstRunes returns the first runes of w, at most n, and how many.
func firstRunes(w string, n int) (string, int) {
	k := 0
	for i := range w {
		if k == n {
			return w[:i], k
		}
		k++
	}
	return w, k
}

// phraseMatch is where a phrase occurs in a text: value bytes [start, end)
// and the words there as written, white space collapsed.
type phraseMatch struct {
	text       string
	start, end int
}

// findPhrases returns each place where a phrase occurs in s, left to
// right, without overlaps; negated places are skipped.
func findPhrases(s string, phrases *phraseSet) []phraseMatch {
	if !mayMatch(s, phrases) {
		return nil
	}
	return scanPhrases(s, phrases)
}

// scanPhrases is findPhrases without the quick look.
func scanPhrases(s string, phrases *phraseSet) []phraseMatch {
	return scanWith(s, phrases, func(w wordingWord) []int { return phrases.candidates(w.stem) })
}

// scanWith finds the phrases of list at each word, trying those cands
// gives for it (indexes into phrases.list, in list order).
func scanWith(s string, phrases *phraseSet, cands func(wordingWord) []int) []phraseMatch {
	words := wordingWords(s, false)
	var out []phraseMatch
	for i := 0; i < len(words); i++ {
		for _, k := range cands(words[i]) {
			last, ok := phraseAt(words, i, phrases.list[k])
			if !ok {
				continue
			}
			if discounted(words, i, last) {
				break
			}
			start, end := words[i].start, words[last].end
			out = append(out, phraseMatch{strings.Join(strings.Fields(s[start:end]), " "), start, end})
			i = last
			break
		}
	}
	return out
}

// phraseAt matches ph at words[i], in its order or, for a phrase that
// starts with a past participle, with the participle right after the
// rest ("tickets assigned"). It returns the index of the last word.
func phraseAt(words []wordingWord, i int, ph []phraseWord) (last int, ok bool) {
	if last, ok := inOrder(words, i, ph); ok {
		return last, true
	}
	if len(ph) < 2 || !ph[0].ed {
		return 0, false
	}
	last, ok = inOrder(words, i, ph[1:])
	if !ok || last+1 >= len(words) {
		return 0, false
	}
	if p := words[last+1]; !p.brk && p.ed && ph[0].matches(p) {
		return last + 1, true
	}
	return 0, false
}

// inOrder matches the words of ph in order from words[i], each after the
// last within the gap allowed.
func inOrder(words []wordingWord, i int, ph []phraseWord) (last int, ok bool) {
	if !ph[0].matches(words[i]) {
		return 0, false
	}
	last = i
	for _, pw := range ph[1:] {
		if last, ok = nextPhraseWord(words, last, pw); !ok {
			return 0, false
		}
	}
	return last, true
}

// nextPhraseWord finds pw after words[k]: directly after it, across any
// punctuation, or after a gap of at most maxGap words, at most one of
// them not a gap word, none a negation, and no clause break.
func nextPhraseWord(words []wordingWord, k int, pw phraseWord) (int, bool) {
	others := 0
	for g := k + 1; g < len(words) && g <= k+1+maxGap; g++ {
		w := words[g]
		if g > k+1 && w.brk {
			return 0, false
		}
		if pw.matches(w) {
			return g, true
		}
		if w.brk || wordingNegations[w.w] {
			return 0, false
		}
		if !gapWords[w.w] {
			if others++; others > 1 {
				return 0, false
			}
		}
	}
	return 0, false
}

func negated(words []wordingWord, i int) bool {
	for k := max(0, i-2); k < i; k++ {
		if wordingNegations[words[k].w] {
			return true
		}
	}
	return false
}

// discounted reports whether the phrase at words[i:last+1] says nothing of
// the level's own work: negated ("without close supervision"), weighed
// ("knows when to seek guidance": a judgement about asking, which is
// senior), about the people the text helps ("helps new hires who work
// under supervision"), or the starting point of a change ("grow from
// working on assigned tasks to owning projects").
func discounted(words []wordingWord, i, last int) bool {
	if negated(words, i) {
		return true
	}
	if i >= 2 && words[i-1].w == "to" && (words[i-2].w == "when" || words[i-2].w == "whether") {
		return true
	}
	from := false
	for k := i; k > 0 && !words[k].brk; k-- {
		w := words[k-1]
		if helpsOthers[w.stem] {
			return true
		}
		if w.w == "from" && i-k < 3 {
			from = true
		}
	}
	if from {
		for k := last + 1; k < len(words) && !words[k].brk; k++ {
			if words[k].w == "to" {
				return true
			}
		}
	}
	return false
}

// helpsOthers are the stems of verbs whose object is someone else's
// growth: a phrase after them in the clause is about those people.
var helpsOthers = map[string]bool{
	wordStem("helps"): true, wordStem("mentors"): true, wordStem("coaches"): true,
	wordStem("teaches"): true, wordStem("trains"): true, wordStem("onboards"): true,
}

var phraseListCache sync.Map // joined phrases → *phraseSet

// cachedPhrases compiles a phrase list once per distinct list; every file
// of a run uses the same lists.
func cachedPhrases(phrases []string) *phraseSet {
	key := strings.Join(phrases, "\x00")
	if v, ok := phraseListCache.Load(key); ok {
		return v.(*phraseSet)
	}
	out := compilePhrases(phrases)
	phraseListCache.Store(key, out)
	return out
}

// mayMatch is a quick look before splitting a text into words: a phrase
// can only match where a word of the text, lower-cased and without
// apostrophes as wordingWords makes it, begins with the first letters of
// the phrase's longest word. Most texts hold none of the phrases; this
// looks at each word once, without building it.
func mayMatch(s string, phrases *phraseSet) bool {
	if phrases.all {
		return true
	}
	var buf [maxStart * utf8.UTFMax]byte
	n, runes := 0, 0 // bytes and runes of the current word in buf
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if runes < maxStart {
				n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
				runes++
				switch {
				case runes == 2 && wordingPairs && !phrases.mayStart(buf[:n]):
					runes = maxStart // no phrase starts so: pass over the word
				case runes >= minStart && phrases.starts[string(buf[:n])]:
					return true
				}
			}
		case runes > 0 && (r == '\'' || r == '’'):
			// inside a word: dropped
		default:
			n, runes = 0, 0
		}
	}
	return false
}

// mayStart reports whether some start begins with the two letters of w.
func (set *phraseSet) mayStart(w []byte) bool {
	if len(w) != 2 {
		return set.wide // a letter beyond ASCII
	}
	i, bit := pairBit(w[0], w[1])
	return set.pairs[i]&bit != 0
}

// lookupStart is the word of a phrase that mayMatch looks up, longest
// first, cut to what every form of it begins with: a prefix word as
// written, any other word its stem, but for the y that stands for the
// "ie" of "strategies" and "applied".
func lookupStart(ph []phraseWord) string {
	best := ""
	for _, w := range ph {
		s := w.w
		if !w.prefix {
			s = strings.TrimSuffix(w.stem, "y")
		}
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}

// wordingPairs turns the two-letter bitmap on; BenchmarkWordingPairs turns
// it off to measure what it saves.
var wordingPairs = true
