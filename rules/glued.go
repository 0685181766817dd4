package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds two sentences run together without a space for the
// whitespace rule: "… to the benefit.Creates strategies …".

// suspectGlue is a quick look: a sentence mark directly followed by an
// upper-case letter. Most texts have none.
func suspectGlue(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		switch v[i] {
		case '.', '!', '?':
			c := v[i+1]
			if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
				return true
			}
		}
	}
	return false
}

// gluedSentences returns an issue for each sentence end directly followed
// by the next sentence. Each issue is the punctuation mark, and the fix
// writes it back with a space after it: nothing of the text is removed.
func gluedSentences(v string) []wsIssue {
	var out []wsIssue
	for k := 0; k+1 < len(v); k++ {
		if c := v[k]; (c == '.' || c == '!' || c == '?') && gluedAt(v, k) {
			out = append(out, wsIssue{k, k + 1, "glued", v[k:k+1] + " "})
		}
	}
	return out
}

// gluedAt reports whether the sentence mark v[k] ends a sentence that the
// next one follows without a space.
func gluedAt(v string, k int) bool {
	// The next word is capitalised: a capital, then a lower-case letter,
	// and no other capital, digit or underscore in it (ServeHTTP,
	// WaitGroup, YAML are names), nor a call or a member after it.
	r1, n1 := utf8.DecodeRuneInString(v[k+1:])
	if !unicode.IsUpper(r1) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(v[k+1+n1:])
	if !unicode.IsLower(r2) {
		return false
	}
	end := k + 1 + n1
	for end < len(v) {
		r, n := utf8.DecodeRuneInString(v[end:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '_' {
			return false
		}
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	if end < len(v) {
		switch v[end] {
		case '(', '[', '<', '/', '\\', '@', ':', '=':
			return false
		case '.':
			if r, _ := utf8.DecodeRuneInString(v[end+1:]); unicode.IsLetter(r) {
				return false // a dotted name: org.Apache.Commons
			}
		}
	}
	// The word before is lower case, of two letters or more: one letter
	// is an initialism (e.g., i.e., a.m.), a capital an abbreviation or a
	// name (St.Louis, Node.js, ASP.NET).
	start := k
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(v[:start])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return false
		}
		start -= n
	}
	if utf8.RuneCountInString(v[start:k]) < 2 {
		return false
	}
	// What stands before the word: the start, a space, an opening
	// bracket or quote, or a dash. Anything else makes it part of a name,
	// a path or a number (www.example.com, v1.2, 3.5M, a/b.Cd).
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(v[:start])
		if !unicode.IsSpace(r) && !strings.ContainsRune("([{\"'‘“«-–—", r) {
			return false
		}
	}
	// A sentence: at least three words since the last sentence end. Code
	// and names are mostly written after a word or two ("Uses io.Reader").
	if sentenceWords(v[:k]) < 3 {
		return false
	}
	// Not in code, nor in a URL or an e-mail address.
	if strings.Count(v[:k], "`")%2 == 1 {
		return false
	}
	word := spaceDelimited(v, k)
	return !strings.Contains(word, "://") && !strings.Contains(word, "@") && !strings.HasPrefix(strings.ToLower(word), "www.")
}

// sentenceWords counts the words of the sentence that ends s: those after
// the last sentence mark that a space follows.
func sentenceWords(s string) int {
	words := 0
	for _, w := range strings.Fields(s) {
		words++
		if last, _ := utf8.DecodeLastRuneInString(w); last == '.' || last == '!' || last == '?' {
			words = 0
		}
	}
	return words
}

// spaceDelimited returns the run of non-space characters around v[k].
func spaceDelimited(v string, k int) string {
	start := 0
	if i := strings.LastIndexFunc(v[:k], unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(v[i:])
		start = i + n
	}
	end := strings.IndexFunc(v[k:], unicode.IsSpace)
	if end < 0 {
		return v[start:]
	}
	return v[start : k+end]
}

// gluedContext is the glued place for a message: the word before the
// mark, the mark and the word after it ("benefit.Creates").
func gluedContext(v string, k int) string {
	start := 0
	if i := strings.LastIndexFunc(v[:k], func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(v[i:])
		start = i + n
	}
	end := k + 1 + strings.IndexFunc(v[k+1:], func(r rune) bool { return !unicode.IsLetter(r) })
	if end <= k {
		end = len(v)
	}
	return v[start:end]
}
