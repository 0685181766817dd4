package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/profilelint/profilelint/profiles"
)

// Directives in YAML comments suppress findings, with a reason:
//
//	# profilelint:ignore RULE[,RULE] -- reason      (the next node, or this line's)
//	# profilelint:ignore-file RULE[,RULE] -- reason (the whole file)
//
// A directive on a line of its own covers the node that starts on the next
// line that is not blank or a comment; at the end of a line it covers the
// node that starts on that line. Either way the node's children are
// covered too.

// UnusedSuppression reports directives that suppressed nothing.
var UnusedSuppression = &Rule{
	ID:       "unused-suppression",
	Summary:  "a profilelint:ignore directive suppresses at least one finding",
	Severity: Warning,
	Doc: Doc{
		Text: `A suppression that no longer matches a finding hides nothing today and will
hide the next real problem at that place. Remove it once the finding is
fixed. Directives naming rules that are turned off are not reported.`,
		Bad: `schema: profile/v1
# profilelint:ignore schema -- the title is still being discussed
title: Platform Engineering — P3
`,
		Good: `schema: profile/v1
title: Platform Engineering — P3
`,
	},
}

// InvalidSuppression reports directives that cannot be applied.
var InvalidSuppression = &Rule{
	ID:       "invalid-suppression",
	Summary:  "a profilelint:ignore directive names known rules and gives a reason",
	Severity: Error,
	Doc: Doc{
		Text: `Every suppression must say why, after " -- ", so that reviewers can judge it
and it can be removed when the reason is gone. A directive without a reason,
with no rule or an unknown rule, is not applied and is reported here.`,
		Bad: `schema: profile/v1
title: Platform Engineering — P3  # profilelint:ignore schema
`,
		Good: `schema: profile/v1
title: Platform Engineering — P3  # profilelint:ignore schema -- title agreed with HR, ticket HR-112
`,
	},
}

var directiveRE = regexp.MustCompile(`(^|\s)#\s*profilelint:(ignore-file|ignore)\b(.*)$`)

// Directive is one parsed suppression comment, as a Store keeps it.
type Directive struct {
	Line, Col int
	File      bool     // ignore-file
	Rules     []string // rule ids
	Reason    string
	Target    string // JSON pointer of the covered node
	TargetLn  int    // line of the covered node
	used      map[string]bool
}

// parseDirectives finds the directives of a file and the nodes they cover.
// Malformed ones come back as findings.
func parseDirectives(f *profiles.File, known map[string]bool) (ds []*Directive, bad []Finding) {
	if !bytes.Contains(f.Src, []byte("profilelint:")) {
		return nil, nil
	}
	starts := lineStarts(f.Root)
	n := f.Lines()
	for ln := 1; ln <= n; ln++ {
		text := f.Line(ln)
		m := directiveRE.FindStringSubmatchIndex(text)
		if m == nil || inQuotes(text[:m[1*2]]) {
			continue
		}
		hash := strings.IndexByte(text[m[0]:], '#') + m[0]
		d := &Directive{Line: ln, Col: len([]rune(text[:hash])) + 1, File: text[m[4]:m[5]] == "ignore-file"}
		rest := text[m[6]:m[7]]
		ids, reason, hasReason := strings.Cut(rest, "--")
		d.Reason = strings.TrimSpace(reason)
		for _, id := range strings.Split(ids, ",") {
			if id = strings.TrimSpace(id); id != "" {
				d.Rules = append(d.Rules, id)
			}
		}
		report := func(format string, args ...any) {
			bad = append(bad, Finding{Rule: InvalidSuppression.ID, File: f.Path, Line: d.Line, Column: d.Col, Message: fmt.Sprintf(format, args...)})
		}
		switch {
		case len(d.Rules) == 0:
			report("the directive names no rule; write profilelint:ignore RULE -- reason")
			continue
		case !hasReason || d.Reason == "":
			report("the directive gives no reason; add one after \" -- \" (it is not applied without one)")
			continue
		}
		ok := true
		for _, id := range d.Rules {
			if !known[id] {
				report("the directive names unknown rule %q", id)
				ok = false
			}
		}
		if !ok {
			continue
		}
		if !d.File {
			d.TargetLn = ln
			if strings.TrimSpace(text[:hash]) == "" {
				d.TargetLn = nextContentLine(f, ln)
			}
			ptr, found := starts[d.TargetLn]
			if f.Root == nil {
				continue // the file did not parse: only ignore-file applies
			}
			if !found {
				report("the directive covers no node: nothing starts on line %d", d.TargetLn)
				continue
			}
			d.Target = ptr
		}
		ds = append(ds, d)
	}
	return ds, bad
}

// inQuotes reports whether the text before a '#' leaves a quoted scalar
// open, so that the '#' is part of the value and not a comment.
func inQuotes(before string) bool {
	var q byte
	for i := 0; i < len(before); i++ {
		c := before[i]
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case q == '"' && c == '\\':
			i++ // an escaped character inside double quotes
		case c == q:
			q = 0
		}
	}
	return q != 0
}

func nextContentLine(f *profiles.File, ln int) int {
	for l := ln + 1; l <= f.Lines(); l++ {
		t := strings.TrimSpace(f.Line(l))
		if t != "" && !strings.HasPrefix(t, "#") {
			return l
		}
	}
	return ln
}

// lineStarts maps each line to the pointer of the outermost node that
// starts on it: a mapping entry's key line starts its value.
func lineStarts(root *profiles.Node) map[int]string {
	starts := make(map[int]string)
	put := func(line int, ptr string) {
		if old, ok := starts[line]; !ok || len(ptr) < len(old) {
			starts[line] = ptr
		}
	}
	var walk func(ptr string, n *profiles.Node)
	walk = func(ptr string, n *profiles.Node) {
		// A mapping starts where its first key does; the key's entry, not
		// the whole mapping, is what a directive on that line means.
		for _, fld := range n.Fields {
			child := ptr + profiles.Pointer(fld.Key.Value)
			put(fld.Key.Pos.Line, child)
			walk(child, fld.Value)
		}
		for i, it := range n.Items {
			put(it.Pos.Line, ptr+profiles.Pointer(i))
			walk(ptr+profiles.Pointer(i), it)
		}
	}
	if root != nil {
		walk("", root)
	}
	return starts
}

// covers reports whether d suppresses finding f.
func (d *Directive) covers(f *Finding) (string, bool) {
	for _, id := range d.Rules {
		if id != f.Rule {
			continue
		}
		if d.File || f.Pointer == d.Target || strings.HasPrefix(f.Pointer, d.Target+"/") || d.Target == "" ||
			(f.Pointer == "" && f.Line == d.TargetLn) {
			return id, true
		}
	}
	return "", false
}

// applySuppressions marks the findings that directives cover, and reports
// directives that covered nothing.
func applySuppressions(findings []Finding, dirs map[string][]*Directive, cfg *Config) []Finding {
	if len(dirs) == 0 {
		return findings
	}
	for i := range findings {
		f := &findings[i]
		if f.Rule == InvalidSuppression.ID || f.Rule == UnusedSuppression.ID {
			continue
		}
		for _, d := range dirs[f.File] {
			if id, ok := d.covers(f); ok {
				if d.used == nil {
					d.used = make(map[string]bool)
				}
				d.used[id] = true
				f.Suppressed = &Suppression{Reason: d.Reason, Line: d.Line}
				break
			}
		}
	}
	sev := cfg.severity(UnusedSuppression)
	if sev == Off {
		return findings
	}
	for file, ds := range dirs {
		for _, d := range ds {
			var unused []string
			for _, id := range d.Rules {
				if !d.used[id] && cfg.severity(ruleByID(cfg, id)) != Off {
					unused = append(unused, id)
				}
			}
			if len(unused) > 0 {
				findings = append(findings, Finding{
					Rule: UnusedSuppression.ID, Severity: sev, File: file, Line: d.Line, Column: d.Col,
					Message: fmt.Sprintf("the directive for %s suppressed nothing; should it be removed?", strings.Join(unused, ", ")),
				})
			}
		}
	}
	return findings
}

func ruleByID(cfg *Config, id string) *Rule {
	for _, r := range cfg.Rules {
		if r.ID == id {
			return r
		}
	}
	if id == Syntax.ID {
		return Syntax
	}
	// A known rule that is not in this run counts as off.
	return &Rule{ID: id, Severity: Off}
}
