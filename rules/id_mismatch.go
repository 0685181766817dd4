package rules

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(IDMismatch) }

// IDMismatch reports codes that disagree with the profile's id.
var IDMismatch = &lint.Rule{
	ID:       "id-mismatch",
	Summary:  "the id's parts equal function.code, focus.code and level.code",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A profile's id is FUNCTION.FOCUS.LEVEL, and its three parts are the codes of
the function, the focus and the level. When one disagrees, either the id or
the code is wrong, and the other fields of the profile tell which: the file
name, read as FUNCTION.FOCUS.LEVEL (in any case), and, for the level, the
title when it names one of the two codes as a word ("Platform Engineering —
P7").

- When the other fields agree with the code, the id is the outlier: the
  finding is at the id's part and names the fields that agree. When the
  file name is one of them, the fix rewrites that part of the id to the
  code, so that the id is again the name the file is found by; filename-id
  then says nothing of the file name, which is right.
- When they agree with the id, the code is the outlier: the finding is at
  the code and says so. There is no fix: a code decides which level, focus
  or function the profile is, and that is for its author to confirm.
- When nothing else speaks, or the other fields disagree among themselves,
  the finding is at the code and names both values.`,
		Bad:  idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P4", ""),
		Good: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
	},
	Run: runIDMismatch,
}

var idParts = [...]string{"function", "focus", "level"}

// idVerdict is what the fields of a profile say of one part of its id
// that disagrees with its code.
type idVerdict struct {
	part        int
	key         string // function, focus or level
	id, code    string // the id's part and the code
	agree       []string
	byName      bool // the file name is a witness
	idOutlier   bool // the code and every other witness agree
	codeOutlier bool // every other witness agrees with the id
}

// idVerdicts judges each part of the id that disagrees with its code.
// Witnesses are compared in any case: the case of a file name is
// filename-id's to judge.
func idVerdicts(p *lint.Pass) (id string, out []idVerdict) {
	id = p.Root.Get("id").Text()
	parts := strings.Split(id, ".")
	if len(parts) != len(idParts) {
		return id, nil // the schema reports the id's form
	}
	name, _ := nameParts(p.File.Path)
	title := p.Root.Get("title").Text()
	for i, key := range idParts {
		code := p.Root.Get(key).Get("code")
		if code == nil || code.Kind != profiles.String || code.Value == parts[i] {
			continue
		}
		v := idVerdict{part: i, key: key, id: parts[i], code: code.Value}
		type witness struct{ name, says string }
		var ws []witness
		if name[i] != "" {
			ws = append(ws, witness{"the file name", name[i]})
			v.byName = true
		}
		if key == "level" {
			hasCode, hasID := hasWord(title, v.code), hasWord(title, v.id)
			if hasCode != hasID {
				says := v.id
				if hasCode {
					says = v.code
				}
				ws = append(ws, witness{"the title", says})
			}
		}
		withCode, withID := 0, 0
		for _, w := range ws {
			switch {
			case strings.EqualFold(w.says, v.code) && !strings.EqualFold(w.says, v.id):
				withCode++
			case strings.EqualFold(w.says, v.id) && !strings.EqualFold(w.says, v.code):
				withID++
			}
		}
		v.idOutlier = len(ws) > 0 && withCode == len(ws)
		v.codeOutlier = len(ws) > 0 && withID == len(ws)
		for _, w := range ws {
			v.agree = append(v.agree, w.name)
		}
		out = append(out, v)
	}
	return id, out
}

func runIDMismatch(p *lint.Pass) {
	id, verdicts := idVerdicts(p)
	for _, v := range verdicts {
		codePtr := profiles.Pointer(v.key, "code")
		switch {
		case v.idOutlier:
			f := p.At("/id")
			f.Message = fmt.Sprintf("the id %s says %s %s, but %s say %s", id, v.key, v.id, joinAnd(append([]string{v.key + ".code"}, v.agree...)), v.code)
			f.Related = []lint.Place{p.Place(codePtr, v.key+".code")}
			i, j := idPartSpan(id, v.part)
			n := p.Root.Get("id")
			atValue(p.File, &f, n, i, j)
			// The fix is safe when the file name is among the witnesses:
			// the id then becomes the name the file is found by.
			if st := p.File.MapScalar(n); v.byName && st != nil && st.Verbatim(p.File.Src, i, j) {
				start, end := st.Span(i, j)
				f.Fixes = []lint.Fix{{
					Message: fmt.Sprintf("change the id's %s part to %s", v.key, v.code),
					Edits:   []lint.Edit{{Start: start, End: end, New: v.code}},
				}}
			}
			p.Report(f)
		case v.codeOutlier:
			reportRelated(p, codePtr, p.Place("/id", "the id"),
				"%s.code %s disagrees with the id %s, whose %s part is %s, as %s %s", v.key, v.code, id, v.key, v.id, joinAnd(v.agree), sayVerb(len(v.agree)))
		default:
			reportRelated(p, codePtr, p.Place("/id", "the id"),
				"%s.code %s disagrees with the id %s, whose %s part is %s", v.key, v.code, id, v.key, v.id)
		}
	}
}

// idPartSpan returns the byte offsets of part k of an id.
func idPartSpan(id string, k int) (int, int) {
	start := 0
	for range k {
		start += strings.IndexByte(id[start:], '.') + 1
	}
	end := strings.IndexByte(id[start:], '.')
	if end < 0 {
		return start, len(id)
	}
	return start, start + end
}

// sayVerb is "says" for one subject, "say" for more.
func sayVerb(n int) string {
	if n == 1 {
		return "says"
	}
	return "say"
}

// joinAnd joins names as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// hasWord reports whether s holds w as a word of its own: "Platform
// Engineering — P7" holds "P7", "P70" and "XP7" do not.
func hasWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		i = k + 1
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// nameParts reads the id's three parts out of a file's name, read as
// FUNCTION.FOCUS.LEVEL and its extension (in any folder): what the file
// name says the function, focus and level are. A name of another form
// says nothing.
func nameParts(path string) (parts [3]string, ok bool) {
	if path == "" || path == "-" || path == "<stdin>" {
		return parts, false
	}
	base := filepath.Base(filepath.ToSlash(path))
	ps := strings.Split(strings.TrimSuffix(base, filepath.Ext(base)), ".")
	if len(ps) != 3 {
		return parts, false
	}
	copy(parts[:], ps)
	return parts, true
}
