// Package rules is the registry of profilelint's rules. Each rule lives in
// its own file and registers itself; adding a rule is that file and its
// tests.
package rules

import (
	"slices"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// The engine reports syntax errors and checks suppression directives
// itself; their rules are listed here so that they are documented,
// configurable and tested like the others.
var registry = []*lint.Rule{lint.Syntax, lint.UnusedSuppression, lint.InvalidSuppression}

// register adds rules to the registry; each rule file calls it from init.
func register(rs ...*lint.Rule) {
	registry = append(registry, rs...)
}

// Register adds rules of a program's own to the registry, before it lints:
// a company's house rules ride along with the built-in ones, in the CLI's
// listing, configuration and reports alike. Ids must be new.
func Register(rs ...*lint.Rule) {
	for _, r := range rs {
		if Lookup(r.ID) != nil {
			panic("rules: rule " + r.ID + " is registered twice")
		}
	}
	register(rs...)
}

// All returns every rule, sorted by id.
func All() []*lint.Rule {
	out := slices.Clone(registry)
	slices.SortFunc(out, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *lint.Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}
