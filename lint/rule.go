// Package lint is profilelint's engine: rules are values, files are linted
// concurrently, corpus-wide rules run over what every file contributed, and
// findings come out sorted. It imports no rule and no printer, so it can be
// embedded as a library.
package lint

import (
	"fmt"
	"strings"

	"github.com/profilelint/profilelint/profiles"
)

// Scope says whether a rule judges one file at a time or the whole corpus.
type Scope int8

// Scopes.
const (
	PerFile Scope = iota
	PerCorpus
)

func (s Scope) String() string {
	if s == PerCorpus {
		return "corpus"
	}
	return "file"
}

// Doc documents a rule. Bad and Good are YAML examples; a test asserts that
// Bad yields the rule's finding and Good yields none. For corpus rules an
// example may hold several files, each introduced by a line "# file: NAME".
type Doc struct {
	Text string
	Bad  string
	Good string
}

// Option documents one option of a rule and holds its default. Rules
// declare their options with NewOptions, which builds the list.
type Option struct {
	Name    string
	Default any
	Doc     string
}

// Rule is one check. Per-file rules set Run. Corpus rules set Collect,
// which extracts small facts from each file, and Finish, which judges the
// facts of all files together; syntax trees are never kept across files.
// A corpus rule declares its fact type with NewFacts, which gives Collect,
// Codec and the typed facts for Finish.
type Rule struct {
	ID       string
	Summary  string
	Severity Severity // default; configuration may override
	Scope    Scope
	Doc      Doc
	Options  []Option
	Run      func(*Pass)
	Collect  func(*Pass) any
	Finish   func(*Corpus)
	// Codec lets the result cache keep what Collect returns. Without it,
	// a file is linted again on every run.
	Codec FactsCodec
	// DependsOnDate says that the rule's findings depend on today's date
	// (a date in the future): a cached result is then kept for one day.
	DependsOnDate bool
}

// Ladder is the ordered list of level codes, lowest first. Ladders are
// part of the profile format; the names here keep lint's API as it was.
type Ladder = profiles.Ladder

// DefaultLadders are the ladders used when the configuration names none.
var DefaultLadders = profiles.DefaultLadders

// options are the values a rule's options are configured to in one file
// (after overrides), by name; the rule reads them typed, through its
// OptionSet.
type options struct {
	rule *Rule
	set  map[string]any
}

func (o options) optionValues() map[string]any { return o.set }

// Pass is what a rule sees of one file.
type Pass struct {
	options
	Rule   *Rule
	File   *profiles.File
	Root   *profiles.Node
	Ladder Ladder
	// Bands are the levels of Ladder that share expectations (see
	// profiles.Bands); nil when none are configured.
	Bands profiles.Bands
	// LadderOrigin says where Ladder came from: the configuration, the
	// track's default, or the file's own levels.
	LadderOrigin LadderOrigin
	// pending holds the findings of the running rule until it returns,
	// when the engine gives them their severity.
	pending []Finding
	// memo is what the rules of one file share (see Memo).
	memo map[any]any
}

// Memo returns the value kept under key for this file, calling compute
// to make it the first time. The rules of a file run one after another,
// so one rule may keep work that another would repeat (the word hashes of
// the file's texts) without a lock; the value lives while the file's
// rules run. A key is a value of a type of the caller's own, as with
// context.WithValue.
func (p *Pass) Memo(key any, compute func() any) any {
	if p.memo == nil {
		p.memo = make(map[any]any)
	}
	v, ok := p.memo[key]
	if !ok {
		v = compute()
		p.memo[key] = v
	}
	return v
}

// NewPass is the pass a rule gets for file under the default options and
// ladder, for tests and benchmarks that call a rule's parts directly.
func NewPass(rule *Rule, file *profiles.File) *Pass {
	return &Pass{options: options{rule: rule}, Rule: rule, File: file, Root: file.Root, Ladder: DefaultLadders[""]}
}

// Reportf reports a finding at the node of pointer ptr. Where that node
// does not exist (a missing key), the nearest existing parent is used.
// A finding with more than a message (related places, fixes, a lower
// severity) is built with At and reported with Report.
func (p *Pass) Reportf(ptr string, format string, args ...any) {
	f := p.at(ptr, false)
	f.Message = fmt.Sprintf(format, args...)
	p.pending = append(p.pending, f)
}

// ReportKeyf reports a finding at the key of the mapping entry ptr.
func (p *Pass) ReportKeyf(ptr string, format string, args ...any) {
	f := p.at(ptr, true)
	f.Message = fmt.Sprintf(format, args...)
	p.pending = append(p.pending, f)
}

// At returns a finding of the running rule placed at the node of pointer
// ptr (or its nearest existing parent), for a rule to complete — message,
// related places, fixes, a lower severity — and hand over with Report.
func (p *Pass) At(ptr string) Finding {
	return p.at(ptr, false)
}

// AtKey is At placed at the key of the mapping entry ptr.
func (p *Pass) AtKey(ptr string) Finding {
	return p.at(ptr, true)
}

func (p *Pass) at(ptr string, key bool) Finding {
	f := Finding{Rule: p.Rule.ID, File: p.File.Path, Pointer: ptr}
	n := p.node(ptr, key)
	f.Line, f.Column = n.Pos.Line, n.Pos.Column
	if n.End.Line > 0 {
		f.EndLine, f.EndColumn = n.End.Line, n.End.Column
	}
	return f
}

// Report adds a finding built whole (see At). Its rule and file are the
// pass's.
func (p *Pass) Report(f Finding) {
	f.Rule, f.File = p.Rule.ID, p.File.Path
	p.pending = append(p.pending, f)
}

// Place returns the position of the node at ptr, for related places.
func (p *Pass) Place(ptr string, message string) Place {
	n := p.node(ptr, false)
	return Place{File: p.File.Path, Line: n.Pos.Line, Column: n.Pos.Column, Pointer: ptr, Message: message}
}

// node returns the node at ptr (its key, when key is set and the key
// exists), or the nearest existing ancestor.
func (p *Pass) node(ptr string, key bool) *profiles.Node {
	if key {
		if k := p.Root.LookupKey(ptr); k != nil {
			return k
		}
	}
	for {
		if n := p.Root.Lookup(ptr); n != nil {
			return n
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return p.Root
		}
		ptr = ptr[:i]
	}
}

// Corpus is what a corpus rule sees at the end: the facts that Collect
// returned for each file, in file order.
type Corpus struct {
	options
	Rule  *Rule
	Facts []Facts
	// Ladders maps a track to its configured or default ladder.
	Ladders map[string]Ladder
	// Bands maps a track to the bands of its configured ladder.
	Bands  map[string]Bands
	report func(Finding)
	load   func(name string) (*profiles.File, error)
	store  Store
}

// Memo returns compute's result for one file, through the result cache:
// what a rule derives from a file's content alone (a section rendered
// again to explain a finding) is computed once per content, not once per
// run. name tells apart the results of one rule on one file. Errors are
// not kept.
func (c *Corpus) Memo(file, name string, compute func() ([]byte, error)) ([]byte, error) {
	if c.store == nil {
		return compute()
	}
	return c.store.Memo(c.Rule, file, name, compute)
}

// Load reads and parses one of the corpus's files again. Facts should be
// small (hashes and places); a rule that needs a file's text to explain a
// finding loads that file, so only the files reported on pay for it.
func (c *Corpus) Load(name string) (*profiles.File, error) {
	return c.load(name)
}

// Facts is what Collect returned for one file.
type Facts struct {
	File  string
	Facts any
}

// Report adds a finding; the rule fills in positions from its facts.
func (c *Corpus) Report(f Finding) {
	f.Rule = c.Rule.ID
	c.report(f)
}
