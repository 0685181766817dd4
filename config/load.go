package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/schema"
)

// file is what one configuration file says, before extends are merged.
type file struct {
	name      string
	extends   string
	extendsAt profiles.Pos
	ladders   map[string]profiles.Ladder
	bands     map[string]profiles.Bands
	rules     map[string]Rule
	overrides []Override
	ignore    []string
	files     []string
	limits    Limits
}

// Ceilings bound the limits that a configuration found in a checkout may
// set: whoever wrote the checkout wrote it, and the limits are what keeps
// a hostile file from costing gigabytes. A file named with --config, and
// the command-line flags, may go higher.
var Ceilings = Limits{MaxBytes: 16 << 20, MaxDepth: 256, MaxEntries: 100000}

// checkCeilings reports the limits of n, a found file's limits mapping,
// that are over Ceilings.
func (l *loader) checkCeilings(name string, n *profiles.Node) {
	for _, c := range []struct {
		key, flag string
		max       int
	}{
		{"max_bytes", "--max-file-size", Ceilings.MaxBytes},
		{"max_depth", "--max-depth", Ceilings.MaxDepth},
		{"max_entries", "--max-entries", Ceilings.MaxEntries},
	} {
		if v := n.Get(c.key); v != nil && intValue(v) > c.max {
			l.errorf(name, v.Pos, "limits.%s: %d is over %d, the most a configuration found in the checkout may set; name the file with --config, or pass %s, to go higher", c.key, intValue(v), c.max, c.flag)
		}
	}
}

// loader reads configuration files and collects their mistakes.
type loader struct {
	found bool // the file was found, not named: Ceilings apply
	rules []*lint.Rule
	byID  map[string]*lint.Rule
	errs  Errors
}

// sort orders the errors by position within each file, keeping the files
// in the order they were read.
func (l *loader) sort() {
	order := map[string]int{}
	for _, e := range l.errs {
		if _, ok := order[e.Path]; !ok {
			order[e.Path] = len(order)
		}
	}
	slices.SortStableFunc(l.errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(order[a.Path], order[b.Path]), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

func (l *loader) errorf(name string, pos profiles.Pos, format string, args ...any) {
	line, col := pos.Line, pos.Column
	if line < 1 {
		line, col = 1, 1
	}
	l.errs = append(l.errs, &Error{Path: name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// parse reads one file: YAML with positions, the config schema, then what
// the schema cannot know (rule ids, options, duplicate levels, globs).
func (l *loader) parse(name string, data []byte) *file {
	f := &file{name: name}
	if blank(data) {
		return f
	}
	pf, err := profiles.Parse(name, data)
	if err != nil {
		// A parser's message may quote the text; a file that does not
		// even look like a configuration is not shown (it could be any
		// file a hostile "extends" names).
		if !mentionsKey(data) {
			l.notConfig(name)
			return f
		}
		var se *profiles.SyntaxError
		if errors.As(err, &se) {
			l.errorf(name, se.Pos, "%s", se.Msg)
		} else {
			l.errorf(name, profiles.Pos{}, "%v", err)
		}
		return f
	}
	root := pf.Root
	if !isConfig(root) {
		l.notConfig(name)
		return f
	}
	l.validateSchema(name, root)
	if root.Kind != profiles.Map {
		return f
	}
	for _, fld := range root.Fields {
		v := fld.Value
		switch fld.Key.Value {
		case "extends":
			if v.Kind == profiles.String && v.Value != "" {
				f.extends, f.extendsAt = v.Value, v.Pos
			}
		case "ladders":
			f.ladders, f.bands = l.ladders(name, v)
		case "rules":
			f.rules = l.ruleSettings(name, "/rules", v)
		case "overrides":
			for i, it := range v.Items {
				o := Override{Rules: l.ruleSettings(name, profiles.Pointer("overrides", i, "rules"), it.Get("rules"))}
				o.Files = l.globs(name, profiles.Pointer("overrides", i, "files"), it.Get("files"))
				f.overrides = append(f.overrides, o)
			}
		case "ignore":
			f.ignore = l.globs(name, "/ignore", v)
		case "files":
			f.files = l.globs(name, "/files", v)
		case "limits":
			f.limits = Limits{
				MaxBytes:   intValue(v.Get("max_bytes")),
				MaxDepth:   intValue(v.Get("max_depth")),
				MaxEntries: intValue(v.Get("max_entries")),
			}
			if l.found {
				l.checkCeilings(name, v)
			}
		}
	}
	return f
}

// isConfig reports whether a document could be a configuration: a
// mapping with at least one of the configuration's top-level keys, or a
// typo of one ("rulez"). Others are refused whole, so that no message
// quotes their keys or values.
func isConfig(root *profiles.Node) bool {
	if root.Kind == profiles.Null {
		return true
	}
	if root.Kind != profiles.Map {
		return false
	}
	for _, fld := range root.Fields {
		for _, k := range knownKeys("") {
			// A typo is within two edits of the key. Closest's looser
			// prefix match would let any "rules_…" key of a foreign
			// file be quoted.
			if suggest.Distance(strings.ToLower(fld.Key.Value), k) <= 2 {
				return true
			}
		}
	}
	return len(root.Fields) == 0
}

// mentionsKey reports whether a text that does not parse has a line that
// starts, after indentation or "{", with a top-level key and a colon: a
// configuration with a mistake, whose parser error is worth showing.
func mentionsKey(data []byte) bool {
	for _, line := range strings.Split(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\n") {
		line = strings.TrimLeft(line, " \t{,")
		for _, k := range knownKeys("") {
			for _, q := range []string{"", `"`, "'"} {
				if rest, ok := strings.CutPrefix(line, q+k+q); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), ":") {
					return true
				}
			}
		}
	}
	return false
}

func (l *loader) notConfig(name string) {
	l.errorf(name, profiles.Pos{}, "not a profilelint configuration: expected a YAML mapping of %s", orList(knownKeys("")))
}

// blank reports whether a file holds only comments and blank lines: an
// empty configuration, not a syntax error.
func blank(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && line != "---" && line != "..." && !strings.HasPrefix(line, "#") {
			return false
		}
	}
	return true
}

func intValue(n *profiles.Node) int {
	if n == nil || n.Kind != profiles.Int {
		return 0
	}
	return int(n.Num)
}

// ladders reads the ladders mapping: per track, the level codes lowest
// first, where a list of codes is a band of levels that share
// expectations. The schema has checked the shapes; here, what it cannot:
// a level named twice, and a track name that is a typo of a track
// profile/v1 names (a new track would silently configure nothing).
func (l *loader) ladders(name string, n *profiles.Node) (map[string]profiles.Ladder, map[string]profiles.Bands) {
	ladders, bands := map[string]profiles.Ladder{}, map[string]profiles.Bands{}
	for _, fld := range n.Fields {
		track := fld.Key.Value
		if s := suggest.Closest(track, knownTracks); s != "" && s != track && suggest.Distance(track, s) <= 2 {
			l.errorf(name, fld.Key.Pos, "unknown key %s in ladders; did you mean %q?", quote(track), s)
			continue
		}
		if fld.Value.Kind != profiles.Seq {
			continue
		}
		var ladder profiles.Ladder
		first := map[string]profiles.Pos{}
		add := func(it *profiles.Node) bool {
			if it.Kind != profiles.String {
				return false
			}
			if p, ok := first[it.Value]; ok {
				l.errorf(name, it.Pos, "level %s is twice in ladders.%s (first at %d:%d); a ladder lists each level once", it.Value, track, p.Line, p.Column)
				return false
			}
			first[it.Value] = it.Pos
			ladder = append(ladder, it.Value)
			return true
		}
		for _, it := range fld.Value.Items {
			if it.Kind != profiles.Seq {
				add(it)
				continue
			}
			var band []string
			for _, c := range it.Items {
				if add(c) {
					band = append(band, c.Value)
				}
			}
			if len(band) > 1 {
				bands[track] = append(bands[track], band)
			}
		}
		ladders[track] = ladder
	}
	return ladders, bands
}

// knownTracks are the tracks profile/v1 names. Others may be configured.
var knownTracks = []string{"professional", "management"}

func (l *loader) globs(name, ptr string, n *profiles.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	for i, it := range n.Items {
		if it.Kind != profiles.String || it.Value == "" {
			continue
		}
		if _, err := compileGlob(it.Value); err != nil {
			l.errorf(name, it.Pos, "%s: bad glob %q: %v", where(ptr+"/"+strconv.Itoa(i)), it.Value, err)
			continue
		}
		out = append(out, it.Value)
	}
	return out
}

// ruleSettings reads a "rules" mapping: rule ids known, options known to
// their rule and of their default's type.
func (l *loader) ruleSettings(name, ptr string, n *profiles.Node) map[string]Rule {
	out := map[string]Rule{}
	if n == nil || n.Kind != profiles.Map {
		return out
	}
	for _, fld := range n.Fields {
		id := fld.Key.Value
		rule := l.byID[id]
		if rule == nil {
			ids := make([]string, 0, len(l.rules))
			for _, r := range l.rules {
				ids = append(ids, r.ID)
			}
			if s := suggest.Closest(id, ids); s != "" {
				l.errorf(name, fld.Key.Pos, "unknown rule %s; did you mean %q?", quote(id), s)
			} else {
				l.errorf(name, fld.Key.Pos, "unknown rule %s; \"profilelint rules\" lists the rules", quote(id))
			}
			continue
		}
		setting := Rule{from: map[string]string{}}
		v := fld.Value
		switch v.Kind {
		case profiles.String:
			if sev, err := lint.ParseSeverity(v.Value); err == nil {
				setting.Severity = &sev
				setting.from["severity"] = name
			}
		case profiles.Map:
			for _, of := range v.Fields {
				opt := of.Key.Value
				if opt == "severity" {
					if sev, err := lint.ParseSeverity(of.Value.Text()); err == nil {
						setting.Severity = &sev
						setting.from["severity"] = name
					}
					continue
				}
				o := option(rule, opt)
				if o == nil {
					l.errorf(name, of.Key.Pos, "%s", unknownOption(rule, opt))
					continue
				}
				optPtr := ptr + "/" + escape(id) + "/" + escape(opt)
				val, bad, want := convert(of.Value, o.Default)
				if bad != nil {
					badPtr := optPtr + bad.suffix
					l.errorf(name, bad.node.Pos, "%s: expected %s, found %s", where(badPtr), want, describe(bad.node))
					continue
				}
				if setting.Options == nil {
					setting.Options = map[string]any{}
				}
				setting.Options[opt] = val
				setting.from[opt] = name
			}
		}
		out[id] = setting
	}
	return out
}

func option(r *lint.Rule, name string) *lint.Option {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

func unknownOption(r *lint.Rule, name string) string {
	if len(r.Options) == 0 {
		return fmt.Sprintf("rule %s has no options; only \"severity\" can be set", r.ID)
	}
	names := make([]string, len(r.Options))
	for i, o := range r.Options {
		names[i] = o.Name
	}
	msg := fmt.Sprintf("rule %s has no option %s", r.ID, quote(name))
	if s := suggest.Closest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + " (its options: severity, " + strings.Join(names, ", ") + ")"
}

// badValue is the node inside an option value that has the wrong type;
// suffix is its pointer below the option.
type badValue struct {
	node   *profiles.Node
	suffix string
}

// convert reads an option value into the Go type of the option's default,
// so that rules get what they declared: a number for float64, an integer
// for int, []string for a list of strings, and so on.
func convert(n *profiles.Node, def any) (any, *badValue, string) {
	if def == nil {
		return n.Interface(), nil, ""
	}
	v, bad, want := convertTo(n, reflect.TypeOf(def), "")
	if bad != nil {
		return nil, bad, want
	}
	return v.Interface(), nil, ""
}

func convertTo(n *profiles.Node, t reflect.Type, ptr string) (reflect.Value, *badValue, string) {
	fail := func() (reflect.Value, *badValue, string) {
		return reflect.Value{}, &badValue{node: n, suffix: ptr}, wantOf(t)
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		if n.Kind != profiles.Int && n.Kind != profiles.Float {
			return fail()
		}
		return reflect.ValueOf(n.Num).Convert(t), nil, ""
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.Kind != profiles.Int {
			return fail()
		}
		if reflect.Zero(t).CanUint() && n.Num < 0 {
			return fail()
		}
		v := reflect.New(t).Elem()
		if v.CanInt() {
			v.SetInt(int64(n.Num))
		} else {
			v.SetUint(uint64(n.Num))
		}
		return v, nil, ""
	case reflect.String:
		if n.Kind != profiles.String {
			return fail()
		}
		return reflect.ValueOf(n.Value).Convert(t), nil, ""
	case reflect.Bool:
		if n.Kind != profiles.Bool {
			return fail()
		}
		return reflect.ValueOf(n.Value == "true").Convert(t), nil, ""
	case reflect.Slice:
		if n.Kind != profiles.Seq {
			return fail()
		}
		out := reflect.MakeSlice(t, 0, len(n.Items))
		for i, it := range n.Items {
			v, bad, want := convertTo(it, t.Elem(), ptr+"/"+strconv.Itoa(i))
			if bad != nil {
				return v, bad, want
			}
			out = reflect.Append(out, v)
		}
		return out, nil, ""
	case reflect.Map:
		if n.Kind != profiles.Map || t.Key().Kind() != reflect.String {
			return fail()
		}
		out := reflect.MakeMapWithSize(t, len(n.Fields))
		for _, f := range n.Fields {
			v, bad, want := convertTo(f.Value, t.Elem(), ptr+"/"+escape(f.Key.Value))
			if bad != nil {
				return v, bad, want
			}
			out.SetMapIndex(reflect.ValueOf(f.Key.Value).Convert(t.Key()), v)
		}
		return out, nil, ""
	case reflect.Interface:
		if n.Kind == profiles.Null {
			return reflect.Zero(t), nil, ""
		}
		return reflect.ValueOf(n.Interface()), nil, ""
	}
	return reflect.ValueOf(n.Interface()), nil, ""
}

// wantOf names a Go type in the words of a YAML author.
func wantOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list of " + plural(t.Elem())
	case reflect.Map:
		return "a mapping of " + plural(t.Elem())
	}
	return "a value"
}

func plural(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "numbers"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integers"
	case reflect.String:
		return "strings"
	case reflect.Bool:
		return "booleans"
	case reflect.Slice:
		return "lists of " + plural(t.Elem())
	case reflect.Map:
		return "mappings of " + plural(t.Elem())
	}
	return "values"
}

// describe names a value as found in the file.
func describe(n *profiles.Node) string {
	switch n.Kind {
	case profiles.Null:
		return "an empty value"
	case profiles.String:
		v := n.Value
		if len(v) > 60 {
			v = v[:57] + "..."
		}
		return strconv.Quote(v)
	case profiles.Map:
		return "a mapping"
	case profiles.Seq:
		return "a list"
	case profiles.Bool:
		return "boolean " + n.Value
	}
	return "number " + n.Value
}

// where names the value at ptr as a YAML author would:
// /overrides/0/rules is overrides[0].rules.
func where(ptr string) string { return schema.Where(ptr, "the configuration") }

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
