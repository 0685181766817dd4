package fix

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// DefaultRounds bounds how often a file is re-linted and fixed: a fix can
// make another one possible (or, from a faulty rule, never settle).
const DefaultRounds = 5

// Options say how files are fixed.
type Options struct {
	// Config is the lint configuration whose findings' fixes are applied.
	// Each file is linted on its own, so rules that compare files attach
	// no fixes here.
	Config lint.Config
	// Guards are rules that a fix set must not add findings of (the schema
	// rule). A result that is not well-formed is always refused.
	Guards []*lint.Rule
	// Rounds bounds the lint-and-fix rounds; 0 means DefaultRounds.
	Rounds int
}

// Refusal is a fix that was not applied, and why.
type Refusal struct {
	Finding lint.Finding
	Reason  string
}

func (r Refusal) String() string {
	f := r.Finding
	return fmt.Sprintf("%s:%d:%d: %s: fix not applied: %s", f.File, f.Line, f.Column, f.Rule, r.Reason)
}

// Result is what fixing one file did.
type Result struct {
	Name string
	Old  []byte // the bytes read, byte-order mark included
	New  []byte // the fixed bytes, byte-order mark kept
	// Fixed are the findings whose fix was applied, as they were reported
	// in the round that fixed them.
	Fixed   []lint.Finding
	Refused []Refusal
	Rounds  int
	// Unsettled is set when fixes still applied in the last round allowed:
	// a rule whose fix does not remove its finding.
	Unsettled bool
	// Internal is set when a rule failed (panicked) in some round.
	Internal bool
	// Syntax is set when the file itself is not well-formed: nothing is
	// fixed in a file that does not parse.
	Syntax *lint.Finding

	// applied holds each round's edits, in offsets of the text the round
	// began with (after a byte-order mark): tests replay them to see that
	// nothing outside them changed.
	applied [][]lint.Edit
}

// Changed reports whether fixing changed the file.
func (r *Result) Changed() bool { return !bytes.Equal(r.Old, r.New) }

var bom = []byte("\xef\xbb\xbf")

// File lints data, applies the fixes of its findings and repeats until no
// fix applies. It never touches the disk.
func File(opts Options, name string, data []byte) *Result {
	rounds := opts.Rounds
	if rounds <= 0 {
		rounds = DefaultRounds
	}
	res := &Result{Name: name, Old: data, New: data}
	refused := make(map[string]bool)
	cur := data
	for res.Rounds < rounds {
		lr := lintOne(opts.Config, name, cur)
		res.Internal = res.Internal || lr.Internal
		if f := syntaxFinding(lr); f != nil {
			if res.Rounds == 0 {
				res.Syntax = f
			}
			return res
		}
		src := bytes.TrimPrefix(cur, bom) // edits count from after a byte-order mark
		findings := make([]lint.Finding, 0, len(lr.Findings))
		for _, f := range lr.Findings {
			if f.File == name && !refused[key(f)] {
				findings = append(findings, f)
			}
		}
		picked, _, bad := Select(findings, len(src))
		for _, r := range bad {
			refused[key(r.Finding)] = true
			res.Refused = append(res.Refused, r)
		}
		if len(picked) == 0 {
			return res
		}
		res.Rounds++
		base := guardFindings(opts, name, cur)
		prefix := cur[:len(cur)-len(src)] // the byte-order mark, if any
		try := func(cs []Candidate) ([]byte, string) {
			fixed, err := Apply(src, edits(cs))
			if err != nil {
				return nil, err.Error()
			}
			out := append(append([]byte{}, prefix...), fixed...)
			return out, validate(opts, name, out, base)
		}
		next, why := try(picked)
		applied := picked
		if why != "" {
			// Find the fixes that break the file: keep each fix that the
			// ones kept before it can live with.
			applied = nil
			for _, c := range picked {
				out, why := try(append(applied[:len(applied):len(applied)], c))
				if why != "" {
					refused[key(c.Finding)] = true
					res.Refused = append(res.Refused, Refusal{Finding: c.Finding, Reason: why})
					continue
				}
				applied, next = append(applied, c), out
			}
			if len(applied) == 0 {
				return res
			}
		}
		for _, c := range applied {
			res.Fixed = append(res.Fixed, c.Finding)
		}
		res.applied = append(res.applied, edits(applied))
		cur = next
		res.New = cur
	}
	// The last round allowed applied fixes: see whether more would apply.
	lr := lintOne(opts.Config, name, cur)
	if syntaxFinding(lr) == nil {
		var left []lint.Finding
		for _, f := range lr.Findings {
			if f.File == name && !refused[key(f)] {
				left = append(left, f)
			}
		}
		picked, _, _ := Select(left, len(bytes.TrimPrefix(cur, bom)))
		res.Unsettled = len(picked) > 0
	}
	return res
}

// key identifies a finding's fix across rounds, so that a refused fix is
// not tried again: not by line or offset, which other fixes move, nor by
// the finding's message, which may count the findings left.
func key(f lint.Finding) string {
	k := f.Rule + "\x00" + f.Pointer
	if len(f.Fixes) > 0 {
		k += "\x00" + f.Fixes[0].Message
		for _, e := range f.Fixes[0].Edits {
			k += "\x00" + e.New
		}
	}
	return k
}

func lintOne(cfg lint.Config, name string, data []byte) *lint.Result {
	cfg.Jobs = 1
	return lint.Run(cfg, []lint.Source{{Name: name, Read: func() ([]byte, error) { return data, nil }}})
}

func syntaxFinding(r *lint.Result) *lint.Finding {
	for i, f := range r.Findings {
		if f.Rule == lint.Syntax.ID {
			return &r.Findings[i]
		}
	}
	return nil
}

// guardFindings counts the findings of the guard rules by rule and
// message. Pointers are left out: deleting a list item renumbers the items
// after it, and their findings are not new.
func guardFindings(opts Options, name string, data []byte) map[string]int {
	counts := make(map[string]int)
	if len(opts.Guards) == 0 {
		return counts
	}
	for _, f := range lintOne(lint.Config{Rules: opts.Guards}, name, data).Findings {
		if guarded(opts, f) {
			counts[f.Rule+"\x00"+f.Message]++
		}
	}
	return counts
}

// validate says why data cannot be written, or "" when it can: it must
// parse, and hold no guard finding that base did not.
func validate(opts Options, name string, data []byte, base map[string]int) string {
	lr := lintOne(lint.Config{Rules: opts.Guards}, name, data)
	if f := syntaxFinding(lr); f != nil {
		return fmt.Sprintf("the result would not be well-formed YAML (%d:%d: %s)", f.Line, f.Column, f.Message)
	}
	seen := make(map[string]int)
	var added []string
	for _, f := range lr.Findings {
		if !guarded(opts, f) {
			continue
		}
		k := f.Rule + "\x00" + f.Message
		seen[k]++
		if seen[k] > base[k] {
			added = append(added, fmt.Sprintf("%s %d:%d: %s", f.Rule, f.Line, f.Column, f.Message))
		}
	}
	if len(added) > 0 {
		return "the result would add a finding: " + strings.Join(added, "; ")
	}
	return ""
}

// guarded reports whether a finding is one of a guard rule: the engine adds
// its own (suppression directives) to every run.
func guarded(opts Options, f lint.Finding) bool {
	for _, r := range opts.Guards {
		if r.ID == f.Rule {
			return true
		}
	}
	return false
}
