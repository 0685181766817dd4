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
apostrophes between them ("executives, boards" matches "executives boards");
a word ending in "*" matches any word it begins ("assist*" matches
"assists"). A phrase right after "without", "no", "not", "never", "little",
"minimal" or "minimum" (one or two words before it) does not count: "works
without close supervision" is senior wording.

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
		"industry-wide",
		"industry-level",
		"across the industry",
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
	start, end int    // byte offsets in the text
}

// wordingWords splits s into words: runs of letters and digits, in lower
// case. Apostrophes inside a word are dropped ("company's" is "companys");
// keep, when set, keeps "*" as part of a word (for phrases).
func wordingWords(s string, keep bool) []wordingWord {
	var out []wordingWord
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 && b.Len() > 0 {
			out = append(out, wordingWord{w: b.String(), start: start, end: end})
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
		}
	}
	flush(len(s))
	return out
}

// phraseSet is a list of phrases, each split into words, longest phrase
// first so that "under close supervision" wins over "under supervision"
// where both could match.
type phraseSet struct {
	list [][]string
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
		var ws []string
		for _, w := range wordingWords(ph, true) {
			ws = append(ws, w.w)
		}
		if len(ws) == 0 {
			continue
		}
		set.list = append(set.list, ws)
		if start, n := firstRunes(longestWord(ws), maxStart); n >= minStart {
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
	slices.SortStableFunc(set.list, func(a, b []string) int { return len(b) - len(a) })
	return set
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
	words := wordingWords(s, false)
	var out []phraseMatch
	for i := 0; i < len(words); i++ {
		for _, ph := range phrases.list {
			if !phraseAt(words, i, ph) {
				continue
			}
			if negated(words, i) {
				break
			}
			start, end := words[i].start, words[i+len(ph)-1].end
			out = append(out, phraseMatch{strings.Join(strings.Fields(s[start:end]), " "), start, end})
			i += len(ph) - 1
			break
		}
	}
	return out
}

func phraseAt(words []wordingWord, i int, ph []string) bool {
	if i+len(ph) > len(words) {
		return false
	}
	for k, pw := range ph {
		w := words[i+k].w
		if prefix, ok := strings.CutSuffix(pw, "*"); ok {
			if !strings.HasPrefix(w, prefix) {
				return false
			}
		} else if w != pw {
			return false
		}
	}
	return true
}

func negated(words []wordingWord, i int) bool {
	for k := max(0, i-2); k < i; k++ {
		if wordingNegations[words[k].w] {
			return true
		}
	}
	return false
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

func longestWord(ph []string) string {
	best := ""
	for _, w := range ph {
		if w = strings.TrimSuffix(w, "*"); len(w) > len(best) {
			best = w
		}
	}
	return best
}

// wordingPairs turns the two-letter bitmap on; BenchmarkWordingPairs turns
// it off to measure what it saves.
var wordingPairs = true
