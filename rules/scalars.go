package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// eachScalar calls fn for every scalar value of the file, in source order.
func eachScalar(p *lint.Pass, fn func(ptr string, n *profiles.Node)) {
	for _, s := range p.File.Scalars() {
		fn(s.Pointer, s.Node)
	}
}
