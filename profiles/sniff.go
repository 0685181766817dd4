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
//   - a schema key whose value names profile/… (or a near miss of it:
//     "profiel/v1", "Profile/v2") makes a profile;
//   - so does the shape of one without it: at least three of the keys the
//     format defines at the top level, of which one is not a generic
//     word (id, title, summary and schema appear in many files).
//
// Anything else, including a top-level list (a GitLab report), an empty
// file and a mapping of other keys, is not a profile. The keys are found
// without parsing: at the start of a line outside a flow collection for
// YAML, at depth one of the top-level object for JSON and flow YAML.

// profileKeys are the top-level keys of profile/v1; true for those that
// few other files have.
var profileKeys = map[string]bool{
	"schema": false, "id": false, "title": false, "summary": false,
	"track": true, "function": true, "focus": true, "level": true,
	"responsibilities": true, "level_guidelines": true, "skills": true,
	"provenance": true, "adjacent_roles": true, "title_aliases": true,
	"classification": true,
}

// LooksLikeProfile reports whether data, the text of a YAML or JSON file,
// is meant to be a profile.
func LooksLikeProfile(data []byte) bool {
	keys, schema := topLevelKeys(data)
	if schemaNamesProfile(schema) {
		return true
	}
	n, distinctive := 0, false
	for k := range keys {
		if d, ok := profileKeys[k]; ok {
			n++
			distinctive = distinctive || d
		}
	}
	return n >= 3 && distinctive
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
// JSON text, and the value of its schema key as written (unquoted).
func topLevelKeys(data []byte) (keys map[string]bool, schema string) {
	keys = make(map[string]bool)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rest := skipBlankAndComments(data)
	if len(rest) > 0 && rest[0] == '{' {
		return flowKeys(rest, keys)
	}
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' && !bytes.HasPrefix(line, []byte("---")) {
			continue
		}
		line = bytes.TrimPrefix(line, []byte("---"))
		line = bytes.TrimLeft(line, " \t")
		key, value, ok := blockKey(line)
		if !ok {
			continue
		}
		keys[key] = true
		if key == "schema" && schema == "" {
			schema = scalarText(value)
		}
	}
	return keys, schema
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
	v = bytes.TrimSpace(v)
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
// mapping, and the schema key's value. It tolerates broken text: it
// stops where the text ends.
func flowKeys(b []byte, keys map[string]bool) (map[string]bool, string) {
	depth := 0
	var schema string
	expectKey := false // at depth one, after "{" or ","
	lastKey := ""
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '{', '[':
			depth++
			expectKey = depth == 1 && c == '{'
		case '}', ']':
			depth--
			if depth <= 0 {
				return keys, schema
			}
		case ',':
			expectKey = depth == 1
		case '"', '\'':
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
			text := string(b[i+1 : end])
			if depth == 1 && expectKey {
				lastKey, expectKey = text, false
				keys[text] = true
			} else if depth == 1 && lastKey == "schema" && schema == "" {
				schema = text
			}
			i = end
		case ':':
			if depth == 1 {
				expectKey = false
			}
		case ' ', '\t', '\r', '\n':
		default:
			// A plain word: a YAML flow key or value.
			end := i
			for end < len(b) && !bytes.ContainsRune([]byte(",:{}[] \t\r\n"), rune(b[end])) {
				end++
			}
			text := string(b[i:end])
			if depth == 1 && expectKey {
				lastKey, expectKey = text, false
				keys[text] = true
			} else if depth == 1 && lastKey == "schema" && schema == "" {
				schema = text
			}
			i = end - 1
		}
	}
	return keys, schema
}
