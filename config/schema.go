package config

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/schema"
)

// SchemaJSON is the JSON Schema (draft 2020-12) of configuration files.
//
//go:embed config-v1.json
var SchemaJSON []byte

// SchemaURL is the schema's $id.
const SchemaURL = "https://profilelint.dev/schema/config-v1.json"

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
	rawSchema   map[string]any
)

func configSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		compiled, compileErr = schema.Compile(SchemaURL, SchemaJSON)
		if compileErr == nil {
			compileErr = json.Unmarshal(SchemaJSON, &rawSchema)
		}
	})
	return compiled, compileErr
}

// validateSchema checks the document against the config schema and reports
// each violation at the node it concerns.
func (l *loader) validateSchema(name string, root *profiles.Node) {
	s, err := configSchema()
	if err != nil {
		l.errorf(name, profiles.Pos{}, "internal error: %v", err)
		return
	}
	err = s.Validate(root.Interface())
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		if err != nil {
			l.errorf(name, profiles.Pos{}, "%v", err)
		}
		return
	}
	var leaves []*jsonschema.ValidationError
	var collect func(*jsonschema.ValidationError)
	collect = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			collect(c)
		}
	}
	collect(ve)
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].InstanceLocation < leaves[j].InstanceLocation })
	seen := map[string]bool{}
	for _, e := range leaves {
		for _, v := range explain(e, root) {
			key := fmt.Sprint(v.pos, v.msg)
			if !seen[key] {
				seen[key] = true
				l.errorf(name, v.pos, "%s", v.msg)
			}
		}
	}
}

type violation struct {
	pos profiles.Pos
	msg string
}

var severityWords = "error, warning, info or off"

// explain turns one schema error into messages at positions.
func explain(e *jsonschema.ValidationError, root *profiles.Node) []violation {
	ptr := e.InstanceLocation
	node := root.Lookup(ptr)
	if node == nil {
		node = root
	}
	at := func(format string, args ...any) []violation {
		return []violation{{pos: node.Pos, msg: fmt.Sprintf(format, args...)}}
	}
	kw := e.KeywordLocation[strings.LastIndexByte(e.KeywordLocation, '/')+1:]
	if strings.Contains(e.KeywordLocation, "/propertyNames/") {
		// A track's name: the validator places it at the value.
		name := ptr[strings.LastIndexByte(ptr, '/')+1:]
		if k := root.LookupKey(ptr); k != nil {
			node = k
		}
		return at("ladders: %s is not a track name: expected a lower-case letter, then up to 31 lower-case letters, digits or dashes, e.g. people-manager", quote(strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")))
	}
	switch kw {
	case "additionalProperties":
		// The unknown keys are read from the node, not from the
		// validator's message, which quotes them without escaping.
		var out []violation
		if node.Kind != profiles.Map {
			return nil
		}
		names := knownKeys(ptr)
		for _, fld := range node.Fields {
			k := fld.Key.Value
			if slices.Contains(names, k) {
				continue
			}
			msg := "unknown key " + quote(k)
			if ptr != "" {
				msg += " in " + where(ptr)
			}
			if s := suggest.Closest(k, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if len(names) > 0 {
				msg += "; expected " + orList(names)
			}
			out = append(out, violation{pos: fld.Key.Pos, msg: msg})
		}
		return out
	case "required":
		var out []violation
		for _, k := range schema.Quoted(e.Message) {
			out = append(out, violation{pos: node.Pos, msg: fmt.Sprintf("missing key %q in %s", k, where(ptr))})
		}
		return out
	case "type":
		if isRuleSetting(ptr) {
			return at("%s: expected a severity (%s) or a mapping of severity and options, found %s", where(ptr), severityWords, describe(node))
		}
		return at("%s: expected %s, found %s", where(ptr), typeWords(e.Message), describe(node))
	case "enum":
		msg := fmt.Sprintf("%s: %s is not a severity", where(ptr), describe(node))
		if s := suggest.Closest(node.Value, []string{"error", "warning", "info", "off"}); s != "" && node.Kind == profiles.String {
			return at("%s; did you mean %q?", msg, s)
		}
		return at("%s; expected %s", msg, severityWords)
	case "pattern":
		return at("%s: %s is not a level code: expected an upper-case letter and up to 7 upper-case letters or digits, e.g. P3 or M1", where(ptr), describe(node))
	case "minItems":
		if strings.Count(ptr, "/") == 3 && strings.HasPrefix(ptr, "/ladders/") {
			return at("%s: a band lists at least two levels, the levels that share expectations", where(ptr))
		}
		if strings.HasPrefix(ptr, "/ladders/") {
			return at("%s: a ladder lists at least one level", where(ptr))
		}
		return at("%s: list at least one glob", where(ptr))
	case "minLength":
		return at("%s: expected a non-empty string", where(ptr))
	case "minimum":
		return at("%s: %s is out of range: expected 1 or more", where(ptr), describe(node))
	}
	return at("%s: %s", where(ptr), e.Message)
}

// isRuleSetting reports whether ptr is /rules/ID or /overrides/N/rules/ID.
func isRuleSetting(ptr string) bool {
	toks := strings.Split(ptr, "/")
	return (len(toks) == 3 && toks[1] == "rules") || (len(toks) == 5 && toks[1] == "overrides" && toks[3] == "rules")
}

// typeWords turns "expected object or null, but got string" into
// "a mapping".
func typeWords(msg string) string {
	msg = strings.TrimPrefix(msg, "expected ")
	if i := strings.Index(msg, ", but got"); i >= 0 {
		msg = msg[:i]
	}
	var out []string
	for _, t := range strings.Split(msg, " or ") {
		switch t {
		case "null":
		case "object":
			out = append(out, "a mapping")
		case "array":
			out = append(out, "a list")
		case "string":
			out = append(out, "a string")
		case "integer":
			out = append(out, "an integer")
		case "number":
			out = append(out, "a number")
		case "boolean":
			out = append(out, "true or false")
		default:
			out = append(out, t)
		}
	}
	return strings.Join(out, " or ")
}

func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// knownKeys lists the keys the schema allows at an instance location.
func knownKeys(ptr string) []string {
	if _, err := configSchema(); err != nil {
		return nil
	}
	return schema.KnownKeys(rawSchema, ptr)
}
