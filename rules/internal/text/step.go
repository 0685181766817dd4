package text

import (
	"strings"
	"unicode/utf8"
)

// Level steps. Two texts at neighbouring levels of a ladder are often
// written from one sentence: "I deliver some of my team's goals" at one
// level, "I deliver many of my team's goals" at the next. The words that
// change are what tells the levels apart, so such a pair is the ladder
// working, not a copy. A real near copy differs by what a writer slips on
// or rewords in passing: a typo, an article, "I'm" for "I am", a word split
// or joined, a dropped aside. Trivial decides which of the two a pair is,
// from the words that change and the punctuation around them; it never
// looks at which framework or wording style the texts come from.

// StepWords is the documented vocabulary of level steps: words whose change
// between two levels is the step itself. A changed word is looked up as
// written and through its common inflections (-s, -es, -ies, -ed, -ing,
// -ly), so "leads" and "leading" are "lead". Every number is a step word
// too ("3+ years", "P4").
var StepWords = map[string][]string{
	// How much of something: "some of", "many of", "all of".
	"quantifier": {
		"some", "many", "most", "all", "any", "every", "each", "few", "fewer",
		"several", "multiple", "numerous", "various", "more", "less", "least",
		"much", "little", "both", "either", "none", "no", "not", "only",
		"single", "one", "two", "three", "four", "five", "entire", "whole",
		"majority", "part", "portion", "handful", "other", "others", "another",
		"additional", "broad", "broader", "wide", "wider", "narrow", "own",
	},
	// Where the work reaches: the task, the team, the company.
	"scope": {
		"task", "ticket", "bug", "issue", "story", "feature", "component",
		"module", "project", "program", "programme", "initiative", "roadmap",
		"portfolio", "system", "service", "product", "area", "domain", "team",
		"squad", "pod", "tribe", "chapter", "guild", "group", "department",
		"division", "function", "discipline", "org", "organization",
		"organisation", "organizational", "organisational", "company",
		"companywide", "business", "enterprise", "industry", "community",
		"external", "internal", "local", "global", "individual", "personal",
		"peer", "stakeholder", "customer", "partner", "across", "within",
		"beyond", "outside", "throughout", "between", "cross", "wide",
		"immediate", "adjacent", "neighboring", "neighbouring", "everyone",
		"world", "market", "public",
	},
	// Who: the titles and ranks of a ladder.
	"seniority": {
		"intern", "apprentice", "trainee", "graduate", "entry", "junior",
		"associate", "mid", "intermediate", "senior", "staff", "principal",
		"distinguished", "fellow", "lead", "leader", "leadership", "head",
		"architect", "manager", "management", "director", "vp", "vice",
		"president", "executive", "exec", "chief", "cto", "ceo", "cio", "board",
		"level", "new", "newer", "experienced", "inexperienced",
		"expert", "novice", "beginner", "master", "mentee",
	},
	// How much help: under guidance, on one's own, setting direction.
	"autonomy": {
		"guidance", "guide", "guided", "supervision", "supervise", "supervised",
		"oversight", "instruction", "direction", "directed", "help", "assist",
		"assistance", "support", "mentor", "mentorship", "coach", "coaching",
		"approval", "input", "independent", "independently",
		"independence", "autonomous", "autonomously", "autonomy", "unaided",
		"alone", "self", "ownership", "owner", "accountable", "accountability",
		"responsible", "responsibility", "contribute", "participate", "drive",
		"drove", "driven", "led",
		"define", "set", "shape", "influence", "sponsor", "champion",
		"delegate", "decide", "decision", "authority", "proactive",
		"proactively", "reactive", "reactively", "initiative", "occasional",
		"minimal", "close", "closely", "light", "limited", "some",
	},
	// How often.
	"frequency": {
		"sometimes", "occasionally", "sporadically", "rarely", "seldom",
		"regularly", "regular", "frequently", "frequent", "often", "usually",
		"always", "never", "consistently", "consistent", "routinely",
		"continuously", "continually", "constantly", "reliably", "periodically",
		"daily", "weekly", "monthly", "quarterly", "yearly", "annually",
		"ever", "repeatedly", "habitually", "sustained",
	},
	// How big, hard or deep.
	"degree": {
		"small", "smaller", "medium", "large", "larger", "largest", "big",
		"bigger", "biggest", "huge", "major", "minor", "simple", "simpler",
		"basic", "moderate", "moderately", "complex", "complexity",
		"complicated", "ambiguous", "ambiguity", "difficult", "hard", "easy",
		"straightforward", "defined", "scoped", "clear", "unclear", "open",
		"ended", "novel", "routine", "critical", "high", "higher", "highest",
		"low", "lower", "deep", "deeper", "deeply", "significant",
		"significantly", "strategic", "strategically", "tactical", "long",
		"short", "term", "foundational", "fundamental", "advanced", "expertise",
		"mastery", "proficient", "proficiency", "familiar", "familiarity",
		"working", "fluent", "strong", "stronger", "solid", "growing", "very",
		"highly", "extremely", "fully", "partially", "partly", "largely",
		"mostly", "slightly", "somewhat", "increasingly", "greatly", "well",
		"exceptional", "exceptionally", "extensive", "extensively", "broadly",
		"key", "core", "depth", "breadth", "impact", "impactful", "scale",
		"scalable", "mature", "maturity", "understanding", "awareness",
		"knowledge", "day", "week", "month", "quarter", "year", "sprint",
		"multi", "cross",
	},
}

// functionWords are words that carry no step and whose adding, dropping or
// swapping changes no level: articles and determiners, prepositions,
// conjunctions, and the forms of "be", "have" and "do", by class (the
// classes document the list; any swap among them is trivial). Pronouns are
// not among them: "my team" and "our teams" differ in scope.
var functionWords = map[string]int{
	"a": 1, "an": 1, "the": 1, "this": 1, "that": 1, "these": 1, "those": 1,
	"of": 2, "to": 2, "in": 2, "on": 2, "at": 2, "by": 2, "for": 2, "from": 2,
	"with": 2, "into": 2, "onto": 2, "about": 2, "via": 2, "per": 2, "as": 2,
	"and": 3, "or": 3, "nor": 3, "also": 3, "plus": 3,
	"is": 4, "are": 4, "be": 4, "been": 4, "being": 4, "was": 4, "were": 4, "am": 4,
	"has": 5, "have": 5, "had": 5, "having": 5,
	"do": 6, "does": 6, "did": 6,
	"etc": 7, "eg": 7, "ie": 7,
	// The subject "I", which a second clause may repeat or leave out:
	// "… and I'm able to", "… and am able to".
	"i": 8,
}

// fillerWords are modifiers that praise or hedge without grading: "good
// practices", "potential misalignment", "the relevant teams". No ladder
// tells two levels apart by them (a grading modifier, "strong" or
// "significant", is a step word), so one added or dropped is a slip of
// wording, like a function word.
var fillerWords = map[string]bool{
	"good": true, "great": true, "best": true, "nice": true, "potential": true,
	"potentially": true, "possible": true, "possibly": true, "actual": true,
	"actually": true, "real": true, "really": true, "just": true, "even": true,
	"quite": true, "certain": true, "specific": true, "particular": true,
	"relevant": true, "appropriate": true, "appropriately": true,
	"necessary": true, "proper": true, "properly": true, "important": true,
	"meaningful": true, "genuine": true, "genuinely": true, "overall": true,
}

// contractions maps a contraction's normal form (apostrophe dropped) to
// the words it stands for. Forms that are also words of their own
// ("ill", "were", "well", "id") are left out.
var contractions = map[string]string{
	"im": "i am", "ive": "i have", "youre": "you are", "youve": "you have",
	"youll": "you will", "theyre": "they are", "theyve": "they have",
	"theyll": "they will", "weve": "we have", "its": "it is", "itll": "it will",
	"hes": "he is", "shes": "she is", "thats": "that is", "theres": "there is",
	"whats": "what is", "lets": "let us", "dont": "do not", "doesnt": "does not",
	"didnt": "did not", "cant": "can not", "cannot": "can not", "wont": "will not",
	"isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
	"havent": "have not", "hasnt": "has not", "hadnt": "had not",
	"shouldnt": "should not", "wouldnt": "would not", "couldnt": "could not",
}

var stepSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, ws := range StepWords {
		for _, w := range ws {
			m[w] = true
		}
	}
	return m
}()

// IsStepWord reports whether w (a word in normal form) is a word of the
// step vocabulary, through its inflections, or holds a digit.
func IsStepWord(w string) bool {
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	for _, s := range stems(w) {
		if stepSet[s] {
			return true
		}
	}
	return false
}

// stems returns w and the words it may be an inflection of.
func stems(w string) []string {
	out := []string{w}
	cut := func(suffix, add string) {
		if len(w) > len(suffix)+2 && strings.HasSuffix(w, suffix) {
			out = append(out, w[:len(w)-len(suffix)]+add)
		}
	}
	cut("s", "")
	for _, sib := range []string{"ses", "xes", "zes", "ches", "shes"} {
		cut(sib, sib[:len(sib)-2]) // "pushes", not "notes" → "not"
	}
	cut("ies", "y")
	cut("ed", "")
	cut("ed", "e")
	cut("ing", "")
	cut("ing", "e")
	cut("ly", "")
	cut("ily", "y")
	cut("ally", "")
	if strings.HasSuffix(w, "ing") && len(w) > 6 && w[len(w)-4] == w[len(w)-5] {
		out = append(out, w[:len(w)-4]) // "planning" → "plan"
	}
	return out
}

// stepToken is one word of a text: its normal form, and the raw text
// between it and the word before (or the start).
type stepToken struct {
	key, before string
}

// stepTokens splits s into its words as Normal does, keeping the
// punctuation between them; after is the raw text past the last word.
func stepTokens(s string) (toks []stepToken, after string) {
	var key strings.Builder
	sepStart := 0
	inWord := false
	var before string
	flush := func(end int) {
		if inWord {
			toks = append(toks, stepToken{key: key.String(), before: before})
			key.Reset()
			sepStart = end
		}
		inWord = false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		k, kind := keyRune(r)
		if isFieldSpace(r) {
			kind = sepRune
		}
		switch kind {
		case sepRune:
			flush(i)
		case dropRune:
			// An apostrophe inside a word is dropped; outside one it is
			// punctuation.
		default:
			if !inWord {
				before = s[sepStart:i]
				inWord = true
			}
			key.WriteRune(k)
		}
		i += size
	}
	flush(len(s))
	return toks, s[sepStart:]
}

// Trivial reports whether two texts differ only in ways that are not a
// level step, so that the later one is a near copy of the earlier: every
// changed stretch of words is one of
//   - words split or joined ("code base", "codebase"), or a contraction
//     written out ("I'm", "I am");
//   - function words ("the", "of", "and", the subject "I") or filler
//     modifiers ("good", "potential") added, dropped or swapped, and the
//     other words the same, each at most misspelt (within one edit,
//     two for words of more than five letters) or spelt the other side of
//     the Atlantic ("organisation", "organization"), none of them a step
//     word;
//   - an aside added or dropped: words set off by parentheses, commas,
//     dashes or a semicolon, with no step word among them;
//   - one word that is no step word added with "and" or "or" to a text
//     of eight words or more ("empathy and cooperation").
//
// A word swapped for a synonym ("remove", "cut") is not among them: no
// vocabulary tells it from a step a ladder writes with verbs ("follow",
// "establish"), so it is judged a change.
//
// Anything else, and in particular a changed word of StepWords, is a
// change of substance: Trivial is false. Texts equal in normal form are
// trivially the same.
//
// A diff of two texts may align repeated words either way; the texts
// differ trivially when the diff of either order shows it, so Trivial(a,
// b) is Trivial(b, a).
func Trivial(a, b string) bool {
	ta, enda := stepTokens(a)
	tb, endb := stepTokens(b)
	if len(ta)*len(tb) > maxStepCells {
		return false // no responsibility is this long: judge it a change
	}
	return trivialDiff(ta, tb, enda, endb) || trivialDiff(tb, ta, endb, enda)
}

func trivialDiff(ta, tb []stepToken, enda, endb string) bool {
	for _, h := range hunks(ta, tb) {
		if !trivialHunk(ta, tb, h, enda, endb) {
			return false
		}
	}
	return true
}

// maxStepCells bounds the diff's table: a million cells, two texts of a
// thousand words each.
const maxStepCells = 1 << 20

// hunk is a changed stretch: a[a0:a1] became b[b0:b1].
type hunk struct{ a0, a1, b0, b1 int }

// hunks diffs two token lists by their keys (a longest common
// subsequence; texts are tens of words).
func hunks(a, b []stepToken) []hunk {
	n, m := len(a), len(b)
	// lcs[i][j] is the LCS of a[i:] and b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i].key == b[j].key {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []hunk
	i, j := 0, 0
	open := false
	var h hunk
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i].key == b[j].key:
			if open {
				h.a1, h.b1 = i, j
				out = append(out, h)
				open = false
			}
			i, j = i+1, j+1
			continue
		case !open:
			h, open = hunk{a0: i, b0: j}, true
		}
		if j >= m || i < n && lcs[i+1][j] >= lcs[i][j+1] {
			i++
		} else {
			j++
		}
	}
	if open {
		h.a1, h.b1 = n, m
		out = append(out, h)
	}
	return out
}

// spelled is words as one string, contractions written out and the spaces
// between words dropped.
func spelled(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if c, ok := contractions[w]; ok {
			w = strings.ReplaceAll(c, " ", "")
		}
		b.WriteString(w)
	}
	return b.String()
}

// contentWords drops the function and filler words of ws, contractions
// written out first ("I'm" is "I am", both function words).
func contentWords(ws []string) []string {
	out := ws[:0:0]
	for _, w := range ws {
		if c, ok := contractions[w]; ok {
			out = append(out, contentWords(strings.Fields(c))...)
			continue
		}
		if !slight(w) {
			out = append(out, w)
		}
	}
	return out
}

// slight reports whether adding or dropping w changes no level.
func slight(w string) bool {
	return functionWords[w] != 0 || fillerWords[w]
}

func keys(ts []stepToken) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key
	}
	return out
}

func trivialHunk(a, b []stepToken, h hunk, enda, endb string) bool {
	del, ins := keys(a[h.a0:h.a1]), keys(b[h.b0:h.b1])
	switch {
	case len(del) == 0:
		return trivialInsert(b, h.b0, h.b1, endb)
	case len(ins) == 0:
		return trivialInsert(a, h.a0, h.a1, enda)
	}
	if spelled(del) == spelled(ins) {
		return true // "code base", "codebase"; "I'm", "I am"; "can't", "cannot"
	}
	// Function words may come and go; what is left must be the same words,
	// each at most misspelt.
	del, ins = contentWords(del), contentWords(ins)
	if len(del) != len(ins) {
		return false
	}
	for k := range del {
		if !trivialSwap(del[k], ins[k]) {
			return false
		}
	}
	return true
}

// trivialSwap reports whether word x written as y is no change of level.
func trivialSwap(x, y string) bool {
	if x == y || spellingVariant(x, y) {
		return true
	}
	if IsStepWord(x) || IsStepWord(y) {
		return false
	}
	limit := 1
	if min(len(x), len(y)) > 5 {
		limit = 2
	}
	return editDistance(x, y) <= limit
}

// trivialInsert reports whether the words ts[i:j], which the other text
// lacks, are function and filler words only, an aside without a step
// word, or one more word joined by "and" or "or". The stretch may slide
// along the words around it (a diff may place "tests, including unit
// tests" either side of the repeated "tests"), so every place it can stand
// is tried.
func trivialInsert(ts []stepToken, i, j int, end string) bool {
	if len(contentWords(keys(ts[i:j]))) == 0 {
		return true
	}
	for i > 0 && ts[i-1].key == ts[j-1].key {
		i, j = i-1, j-1
	}
	for ; ; i, j = i+1, j+1 {
		if aside(ts, i, j, end) || coordinated(ts, i, j) {
			return true
		}
		if j >= len(ts) || ts[i].key != ts[j].key {
			return false
		}
	}
}

// aside reports whether ts[i:j] is set off from the text around it and
// holds no step word.
func aside(ts []stepToken, i, j int, end string) bool {
	for _, t := range ts[i:j] {
		if IsStepWord(t.key) {
			return false
		}
	}
	open := ts[i].before
	closing := end
	if j < len(ts) {
		closing = ts[j].before
	}
	switch {
	case strings.ContainsAny(open, "(["):
		return strings.ContainsAny(closing, ")]")
	case i > 0 && (strings.ContainsAny(open, ",;—–") || strings.Contains(open, " - ")):
		// Up to the next comma, dash or the end of a sentence or text.
		return j == len(ts) || strings.ContainsAny(closing, ",;—–.:!?)") || strings.Contains(closing, " - ")
	case j < len(ts) && (strings.ContainsAny(closing, ",;—–") || strings.Contains(closing, " - ")):
		// A lead-in: "In short, ..." at the start of a text.
		return i == 0
	}
	return false
}

// coordinated reports whether ts[i:j] is "and" or "or" and one word that
// is no step word, added to a text long enough that one word is a detail:
// "with empathy in mind", "with empathy and cooperation in mind". A step
// added this way names a step word ("staff and principal engineers").
func coordinated(ts []stepToken, i, j int) bool {
	const minWords = 8 // a short text is all substance
	if len(ts)-(j-i) < minWords || i == 0 {
		return false
	}
	k := ts[i].key
	if k != "and" && k != "or" {
		return false
	}
	rest := contentWords(keys(ts[i+1 : j]))
	return len(rest) == 1 && !IsStepWord(rest[0])
}

// spellingVariant reports British and American spellings of one word:
// "organisation"/"organization", "behaviour"/"behavior", "centre"/"center",
// "programme"/"program".
func spellingVariant(x, y string) bool {
	if min(len(x), len(y)) < 5 {
		return false // "four" is not "for"
	}
	if len(x) == len(y) {
		diff := -1
		for k := 0; k < len(x); k++ {
			if x[k] != y[k] {
				if diff >= 0 {
					diff = -2
					break
				}
				diff = k
			}
		}
		if diff >= 0 && (x[diff] == 's' && y[diff] == 'z' || x[diff] == 'z' && y[diff] == 's') {
			return true
		}
		if diff == -2 && strings.Replace(x, "re", "er", 1) == y || strings.Replace(y, "re", "er", 1) == x {
			return true
		}
	}
	for _, p := range [][2]string{{"our", "or"}, {"mme", "m"}, {"ll", "l"}} {
		if strings.Replace(x, p[0], p[1], 1) == y || strings.Replace(y, p[0], p[1], 1) == x {
			return true
		}
	}
	return false
}

// editDistance is the Damerau-Levenshtein distance (adjacent swaps count
// one) of two short words, in bytes.
func editDistance(x, y string) int {
	n, m := len(x), len(y)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for j := 0; j <= m; j++ {
		d[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[n][m]
}
