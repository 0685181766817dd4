package profiles

import (
	"bytes"
	"strings"

	"github.com/profilelint/profilelint/internal/suggest"
)

// Profiles share repositories with other YAML and JSON: package.json,
// mkdocs.yml, CI files, reports. A file met in a folder walk is linted
// when it is a profile, and LooksLikeProfile decides that from the keys
// of its top-level mapping, read as text, so that it answers for a file
// that does not parse as well (a broken profile must still be reported):
//
//   - a schema key (or a near miss of the key) whose value names
//     profile/… (or a near miss of it: "profiel/v1", "Profile/v2") makes
//     a profile;
//   - so does the shape of one without it: at least four of the keys the
//     format defines at the top level, each with a value of the kind the
//     format gives it (a mapping for level, a list for skills, a scalar
//     for title), two of them mappings or lists. Words such as title,
//     level or skills are the keys of many files (a résumé, Helm values,
//     an i18n table); the structure of a profile is not.
//
// Anything else, including a top-level list (a GitLab report), an empty
// file and a mapping of other keys, is not a profile. The keys are found
// without parsing: at the start of a line outside a flow collection for
// YAML, at depth one of the top-level object for JSON and flow YAML.

// valueKind is what a key's value is, as far as its first line tells.
type valueKind uint8

const (
	scalarValue    valueKind = iota + 1 // on the key's line
	structureValue                      // a mapping or list: on the lines below, or in { } or [ ]
)

// profileKeys are the top-level keys of profile/v1 and the kind of their
// values.
var profileKeys = map[string]valueKind{
	"schema": scalarValue, "id": scalarValue, "title": scalarValue,
	"summary": scalarValue, "track": scalarValue,
	"function": structureValue, "focus": structureValue, "level": structureValue,
	"responsibilities": structureValue, "level_guidelines": structureValue,
	"skills": structureValue, "provenance": structureValue,
	"adjacent_roles": structureValue, "title_aliases": structureValue,
	"classification": structureValue,
}

// LooksLikeProfile reports whether data, the text of a YAML or JSON file,
// is meant to be a profile.
func LooksLikeProfile(data []byte) bool {
	keys, schema := topLevelKeys(data)
	if schemaNamesProfile(schema) {
		return true
	}
	n, structures := 0, 0
	for k, kind := range keys {
		if want, ok := profileKeys[k]; ok && kind == want {
			n++
			if kind == structureValue {
				structures++
			}
		}
	}
	return n >= 4 && structures >= 2
}

// schemaNamesProfile reports whether a schema value is profile/… or a
// misspelling of it.
func schemaNamesProfile(v string) bool {
	name, _, _ := strings.Cut(strings.TrimSpace(v), "/")
	if name == "" {
		return false
	}
	return strings.EqualFold(name, "profile") || suggest.Closest(name, []string{"profile"}) != ""
}

// topLevelKeys returns the keys of the top-level mapping of a YAML or
// JSON text with the kind of their values, and the value of its schema
// key (or of a near miss of that key) as written, unquoted.
func topLevelKeys(data []byte) (keys map[string]valueKind, schema string) {
	keys = make(map[string]valueKind)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rest := skipBlankAndComments(data)
	if len(rest) > 0 && (rest[0] == '{' || rest[0] == '[') {
		return flowKeys(rest, keys)
	}
	indent := -1 // of the top-level keys: the first content line's
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("%")) {
			// A document marker, perhaps with the first key after it, or a
			// directive.
			if !bytes.HasPrefix(line, []byte("--- ")) {
				continue
			}
			line = bytes.TrimLeft(line[3:], " ")
		}
		content := bytes.TrimLeft(line, " ")
		if len(content) == 0 || content[0] == '#' || content[0] == '\t' {
			continue
		}
		at := len(line) - len(content)
		if indent < 0 {
			indent = at
		}
		if at != indent || content[0] == '-' {
			continue
		}
		key, value, ok := blockKey(content)
		if !ok {
			continue
		}
		keys[key] = kindOf(value)
		if schema == "" && (key == "schema" || suggest.Closest(key, []string{"schema"}) != "") {
			schema = scalarText(value)
			if schema == "" {
				// The value may stand on the next line.
				next, _, _ := bytes.Cut(data, []byte("\n"))
				if t := bytes.TrimLeft(next, " "); len(next)-len(t) > indent {
					schema = scalarText(t)
				}
			}
		}
	}
	return keys, schema
}

// kindOf tells a mapping or list from a scalar by the text after a key's
// colon: nothing (the value is on the lines below) or an opening bracket
// is a structure; a block scalar's indicator, or anything else, a scalar.
func kindOf(value []byte) valueKind {
	v := bytes.TrimSpace(stripProperties(value))
	if i := bytes.Index(v, []byte(" #")); i >= 0 || len(v) > 0 && v[0] == '#' {
		if i < 0 {
			i = 0
		}
		v = bytes.TrimSpace(v[:i])
	}
	if len(v) == 0 || v[0] == '{' || v[0] == '[' {
		return structureValue
	}
	return scalarValue
}

// stripProperties drops a tag (!!str, !custom) and an anchor (&a) before
// a value.
func stripProperties(v []byte) []byte {
	for {
		v = bytes.TrimLeft(v, " \t")
		if len(v) == 0 || v[0] != '!' && v[0] != '&' {
			return v
		}
		end := bytes.IndexAny(v, " \t")
		if end < 0 {
			return nil
		}
		v = v[end:]
	}
}

func skipBlankAndComments(b []byte) []byte {
	for len(b) > 0 {
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			b = b[1:]
		case '#':
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				b = b[i+1:]
			} else {
				b = nil
			}
		default:
			return b
		}
	}
	return b
}

// blockKey reads "key: value" at the start of a line: a plain key, or one
// in single or double quotes.
func blockKey(line []byte) (key string, value []byte, ok bool) {
	if len(line) == 0 {
		return "", nil, false
	}
	var k []byte
	switch q := line[0]; q {
	case '"', '\'':
		end := bytes.IndexByte(line[1:], q)
		if end < 0 {
			return "", nil, false
		}
		k, line = line[1:1+end], line[2+end:]
	default:
		end := bytes.IndexByte(line, ':')
		if end <= 0 {
			return "", nil, false
		}
		k, line = bytes.TrimRight(line[:end], " \t"), line[end:]
	}
	line = bytes.TrimLeft(line, " \t")
	if len(line) == 0 || line[0] != ':' || len(line) > 1 && line[1] != ' ' && line[1] != '\t' && line[1] != '\r' {
		return "", nil, false
	}
	return string(k), line[1:], true
}

// scalarText is the text of a scalar value on the key's line: without
// quotes, comment and trailing space.
func scalarText(v []byte) string {
	v = bytes.TrimSpace(stripProperties(v))
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if end := bytes.IndexByte(v[1:], v[0]); end >= 0 {
			return string(v[1 : 1+end])
		}
		return string(v[1:])
	}
	if i := bytes.Index(v, []byte(" #")); i >= 0 {
		v = v[:i]
	}
	return string(bytes.TrimSpace(v))
}

// flowKeys reads the keys at depth one of a JSON object or YAML flow
// mapping, the kind of their values, and the schema key's value. It
// tolerates broken text: it stops where the text ends.
func flowKeys(b []byte, keys map[string]valueKind) (map[string]valueKind, string) {
	depth := 0
	var schema string
	expectKey := false // at depth one, after "{" or ","
	awaiting := ""     // a key at depth one whose value comes next
	value := func(text string, kind valueKind) {
		if awaiting == "" {
			return
		}
		keys[awaiting] = kind
		if schema == "" && kind == scalarValue && (awaiting == "schema" || suggest.Closest(awaiting, []string{"schema"}) != "") {
			schema = text
		}
		awaiting = ""
	}
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '{', '[':
			if depth == 1 {
				value("", structureValue)
			}
			depth++
			expectKey = depth == 1 && c == '{'
		case '}', ']':
			depth--
			if depth <= 0 {
				return keys, schema
			}
		case ',':
			expectKey = depth == 1
		case ':':
		case ' ', '\t', '\r', '\n':
		default:
			// A quoted string, or a plain word (a YAML flow key or value).
			var text string
			if c == '"' || c == '\'' {
				end := i + 1
				for end < len(b) && b[end] != c {
					if b[end] == '\\' && c == '"' {
						end++
					}
					end++
				}
				if end >= len(b) {
					return keys, schema
				}
				text, i = string(b[i+1:end]), end
			} else {
				end := i
				for end < len(b) && !bytes.ContainsRune([]byte(",:{}[] \t\r\n"), rune(b[end])) {
					end++
				}
				text, i = string(b[i:end]), end-1
			}
			switch {
			case depth != 1:
			case expectKey:
				awaiting, expectKey = text, false
			default:
				value(text, scalarValue)
			}
		}
	}
	return keys, schema
}
