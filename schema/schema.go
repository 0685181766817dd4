// Package schema holds the JSON Schema of profile/v1 and validates decoded
// documents against it. The schema is embedded and compiled once; no loader
// can reach the network or the file system.
package schema

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/profilelint/profilelint/internal/suggest"
)

// JSON is the profile/v1 schema, as served by `profilelint schema`.
//
//go:embed profile-v1.json
var JSON []byte

// URL is the schema's $id.
const URL = "https://profilelint.dev/schema/profile-v1.json"

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

// Compile compiles an embedded schema document. Any $ref that leaves the
// document is an error: nothing is ever fetched.
func Compile(url string, doc []byte) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(s string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schema reference %q is outside the embedded schema; profilelint never fetches schemas", s)
	}
	if err := c.AddResource(url, bytes.NewReader(doc)); err != nil {
		return nil, fmt.Errorf("loading schema %s: %w", url, err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compiling schema %s: %w", url, err)
	}
	return s, nil
}

func profileSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() { compiled, compileErr = Compile(URL, JSON) })
	return compiled, compileErr
}

// Violation is one place where a document breaks the schema.
type Violation struct {
	// Pointer is the JSON pointer of the offending value. For an unknown
	// key it points at the key itself; Key is then true.
	Pointer string
	Key     bool
	Keyword string // the failing keyword: required, type, pattern, ...
	Message string // plain words: what was found and what is expected
	Missing string // for "required": the missing key
	Suggest string // for an unknown key: the known key it is close to
}

// Validate checks a decoded profile (as from profiles.Node.Interface).
func Validate(doc any) ([]Violation, error) {
	s, err := profileSchema()
	if err != nil {
		return nil, err
	}
	err = s.Validate(doc)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []Violation
	collect(ve, doc, &out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return mergeMissing(explainMissing(dedupe(out))), nil
}

// mergeMissing turns the missing keys of one mapping into one violation:
// a file missing half its keys reads as one finding, not ten at one place.
func mergeMissing(vs []Violation) []Violation {
	var out []Violation
	at := make(map[string]int) // pointer → index in out
	for _, v := range vs {
		if v.Missing == "" {
			out = append(out, v)
			continue
		}
		i, ok := at[v.Pointer]
		if !ok {
			at[v.Pointer] = len(out)
			out = append(out, v)
			continue
		}
		m := &out[i]
		m.Missing += ", " + v.Missing
		m.Message = fmt.Sprintf("missing required keys %s in %s", quoteAll(strings.Split(m.Missing, ", ")), where(v.Pointer))
	}
	return out
}

func quoteAll(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}

// explainMissing drops a missing-key violation when a misspelt key beside
// it is the explanation, and says so on the misspelt key instead.
func explainMissing(vs []Violation) []Violation {
	typo := make(map[string]int)
	for i, v := range vs {
		if v.Suggest != "" {
			typo[parentOf(v.Pointer)+"\x00"+v.Suggest] = i
		}
	}
	explained := make(map[int]bool)
	for i, v := range vs {
		if j, ok := typo[v.Pointer+"\x00"+v.Missing]; ok && v.Missing != "" {
			vs[j].Message += " (it is required)"
			explained[i] = true
		}
	}
	out := make([]Violation, 0, len(vs))
	for i, v := range vs {
		if !explained[i] {
			out = append(out, v)
		}
	}
	return out
}

func parentOf(ptr string) string {
	return ptr[:max(0, strings.LastIndexByte(ptr, '/'))]
}

func dedupe(vs []Violation) []Violation {
	seen := make(map[Violation]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// collect turns the leaves of the error tree into violations. Where a
// oneOf/anyOf fails, only the branch that got furthest is kept.
func collect(ve *jsonschema.ValidationError, doc any, out *[]Violation) {
	kw := keyword(ve.KeywordLocation)
	if len(ve.Causes) == 0 {
		*out = append(*out, describe(ve, kw, doc)...)
		return
	}
	if kw == "oneOf" || kw == "anyOf" {
		best := ve.Causes[0]
		for _, c := range ve.Causes[1:] {
			if depth(c) > depth(best) {
				best = c
			}
		}
		collect(best, doc, out)
		return
	}
	for _, c := range ve.Causes {
		collect(c, doc, out)
	}
}

// depth measures how far into the instance a branch's errors reach: the
// branch that matched more of the value is the one the author meant.
func depth(ve *jsonschema.ValidationError) int {
	d := strings.Count(ve.InstanceLocation, "/")*4 + strings.Count(ve.KeywordLocation, "/")
	for _, c := range ve.Causes {
		if cd := depth(c); cd > d {
			d = cd
		}
	}
	return d
}

func keyword(loc string) string {
	if i := strings.LastIndexByte(loc, '/'); i >= 0 {
		return loc[i+1:]
	}
	return loc
}

func describe(ve *jsonschema.ValidationError, kw string, doc any) []Violation {
	ptr := ve.InstanceLocation
	value := lookup(doc, ptr)
	switch kw {
	case "additionalProperties", "propertyNames":
		var vs []Violation
		m, _ := value.(map[string]any)
		for _, k := range unknownKeys(ve.Message) {
			msg, sugg := fmt.Sprintf("unknown key %q", k), ""
			if kw == "propertyNames" {
				msg = fmt.Sprintf("key %q is not a valid name (lower case letters, digits and _)", k)
			} else if s := suggest.Closest(k, known(ptr)); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
				sugg = s
			} else if names := known(ptr); len(names) > 0 {
				msg += "; expected one of " + strings.Join(names, ", ")
			}
			if _, ok := m[k]; ok || m == nil {
				vs = append(vs, Violation{Pointer: ptr + "/" + escape(k), Key: true, Keyword: kw, Message: msg, Suggest: sugg})
			}
		}
		return vs
	case "required":
		var vs []Violation
		for _, k := range quoted(ve.Message) {
			vs = append(vs, Violation{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("missing required key %q in %s", k, where(ptr)), Missing: k})
		}
		return vs
	case "type":
		want := strings.TrimPrefix(ve.Message, "expected ")
		if i := strings.Index(want, ", but got"); i >= 0 {
			want = want[:i]
		}
		return []Violation{{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("expected %s, found %s", plural(want), describeValue(value))}}
	case "pattern":
		what, want := patternHint(ptr, ve.Message)
		return []Violation{{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("%s is not %s: expected %s", describeValue(value), what, want)}}
	case "enum":
		return []Violation{{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("%s is not allowed here; expected %s", describeValue(value), enumList(ve.Message))}}
	case "const":
		return []Violation{{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("%s is not allowed here; %s", describeValue(value), strings.Replace(ve.Message, "value must be", "expected", 1))}}
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		return []Violation{{Pointer: ptr, Keyword: kw, Message: fmt.Sprintf("%s is out of range: expected %s", describeValue(value), rangeWant(ve.Message))}}
	}
	return []Violation{{Pointer: ptr, Keyword: kw, Message: ve.Message}}
}

func where(ptr string) string { return Where(ptr, "the profile") }

// Where names the value at ptr in the words of a YAML author:
// /level_guidelines/0/experience is level_guidelines[0].experience; the
// empty pointer is root ("the profile", "the configuration").
func Where(ptr, root string) string {
	if ptr == "" {
		return root
	}
	var b strings.Builder
	for _, tok := range strings.Split(ptr[1:], "/") {
		if tok != "" && strings.Trim(tok, "0123456789") == "" {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~"))
	}
	return b.String()
}

func plural(t string) string {
	switch t {
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "integer":
		return "an integer"
	case "boolean":
		return "true or false"
	}
	return t
}

func describeValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "an empty value"
	case string:
		if len(v) > 60 {
			v = v[:57] + "..."
		}
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case bool:
		return fmt.Sprintf("boolean %v", v)
	default:
		return fmt.Sprintf("number %v", v)
	}
}

// patternHint names the field and its expected form where we know them.
func patternHint(ptr, msg string) (what, want string) {
	last := ptr[strings.LastIndexByte(ptr, '/')+1:]
	switch {
	case ptr == "/id":
		return "a profile id", "FUNCTION.FOCUS.LEVEL, e.g. INFRAS.INFRASTR5562.P7"
	case strings.HasPrefix(ptr, "/adjacent_roles/") && last == "id":
		return "a profile id", "FUNCTION.FOCUS.LEVEL, e.g. INFRAS.INFRASTR5562.P7"
	case ptr == "/function/code":
		return "a function code", "2-12 upper-case letters and digits, starting with a letter"
	case ptr == "/focus/code":
		return "a focus code", "2-16 upper-case letters and digits, starting with a letter"
	case last == "level" || ptr == "/level/code":
		return "a level code", "an upper-case letter and up to 7 letters or digits, e.g. P3 or M1"
	case strings.HasPrefix(ptr, "/provenance/review/scores"):
		return "a score name", "lower-case letters, digits and _"
	case strings.HasPrefix(ptr, "/provenance"):
		if last == "url" {
			return "a URL", "an http(s) URL without spaces"
		}
		return "a source id", "lower-case letters, digits, '.', '_' and '-', e.g. onet-15-1244"
	}
	if i := strings.Index(msg, "pattern "); i >= 0 {
		return "a valid value", "to match " + msg[i+len("pattern "):]
	}
	return "a valid value", msg
}

func enumList(msg string) string {
	qs := quoted(msg)
	if len(qs) == 0 {
		return strings.TrimPrefix(msg, "value must be ")
	}
	return "one of " + strings.Join(qs, ", ")
}

func quoted(msg string) []string { return Quoted(msg) }

// Quoted extracts the 'single-quoted' or "double-quoted" words of a
// validator's message: the keys or values it names.
func Quoted(msg string) []string {
	var out []string
	for {
		i := strings.IndexAny(msg, `'"`)
		if i < 0 {
			return out
		}
		q := msg[i]
		j := strings.IndexByte(msg[i+1:], q)
		if j < 0 {
			return out
		}
		out = append(out, msg[i+1:i+1+j])
		msg = msg[i+2+j:]
	}
}

func unknownKeys(msg string) []string { return quoted(msg) }

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func lookup(doc any, ptr string) any {
	if ptr == "" {
		return doc
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			cur = c[tok]
		case []any:
			var i int
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

// rangeWant turns "must be >= 0 but found -1" into ">= 0".
func rangeWant(msg string) string {
	msg = strings.TrimPrefix(msg, "must be ")
	if i := strings.Index(msg, " but found"); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
