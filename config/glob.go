package config

import (
	"errors"
	"path"
	"strings"
)

// A glob matches file paths relative to the configuration's folder, with
// forward slashes, after .gitignore:
//
//   - "*", "?" and "[...]" match within one path segment ("[!...]" negates);
//     "\" escapes the next character;
//   - "**" as a whole segment matches any number of segments, none included;
//   - a glob without a slash matches a file or folder name at any depth
//     ("*.draft.yaml", "drafts");
//   - a glob with a slash matches from the configuration's folder ("legacy/**",
//     "team-a/*.yaml"); a leading "/" or "./" only says so;
//   - a glob that matches a folder matches everything below it ("legacy");
//     a trailing "/" matches folders only ("drafts/").
//
// Files outside the configuration's folder are never matched.
type glob struct {
	text    string
	segs    []string // "**" or a path.Match pattern
	dirOnly bool
}

func compileGlob(text string) (*glob, error) {
	g := &glob{text: text}
	p := text
	if strings.TrimSpace(p) == "" {
		return nil, errors.New("empty glob")
	}
	if strings.HasSuffix(p, "/") {
		g.dirOnly = true
		p = strings.TrimRight(p, "/")
	}
	anchored := false
	switch {
	case strings.HasPrefix(p, "./"):
		p, anchored = strings.TrimLeft(p[2:], "/"), true
	case strings.HasPrefix(p, "/"):
		p, anchored = strings.TrimLeft(p, "/"), true
	}
	if p == "" {
		return nil, errors.New("the glob names no file or folder")
	}
	segs := strings.Split(p, "/")
	if len(segs) > 1 {
		anchored = true
	}
	for _, s := range segs {
		switch {
		case s == "":
			return nil, errors.New(`empty path segment ("//")`)
		case s == "." || s == "..":
			return nil, errors.New(`"." and ".." segments are not allowed: globs match files inside the configuration's folder`)
		case s != "**" && strings.Contains(s, "**"):
			return nil, errors.New(`"**" must be a whole path segment, as in "legacy/**" or "**/draft.yaml"`)
		}
		if s != "**" {
			if _, err := path.Match(negation(s), ""); err != nil {
				if (len(s)-len(strings.TrimRight(s, `\`)))%2 == 1 {
					return nil, errors.New(`a lone "\" ends a path segment; "\" escapes the character after it`)
				}
				return nil, errors.New(`malformed character class: "[" needs a closing "]"`)
			}
		}
	}
	if !anchored {
		segs = append([]string{"**"}, segs...)
	}
	for i := range segs {
		segs[i] = negation(segs[i])
	}
	g.segs = segs
	return g, nil
}

// negation turns .gitignore's "[!...]" into path.Match's "[^...]".
func negation(s string) string {
	if !strings.Contains(s, "[!") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == '[' && i+1 < len(s) && s[i+1] == '!':
			b.WriteByte('^')
			i++
		}
	}
	return b.String()
}

// match reports whether rel, a slash-separated path relative to the
// configuration's folder, is matched: the path itself or one of its folders.
func (g *glob) match(rel string) bool {
	if rel == "" || rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || strings.HasPrefix(rel, "/") {
		return false
	}
	segs := strings.Split(rel, "/")
	last := len(segs)
	if g.dirOnly {
		last--
	}
	for k := 1; k <= last; k++ {
		if matchSegs(g.segs, segs[:k]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			pat = pat[1:]
			if len(pat) == 0 {
				return true
			}
			for i := 0; i <= len(segs); i++ {
				if matchSegs(pat, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}
