package rules

import (
	"strings"
	"unicode"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(EmptyAliases) }

// EmptyAliases notes a profile that lists no other titles for its role.
var EmptyAliases = &lint.Rule{
	ID:       "empty-aliases",
	Summary:  "a profile lists other titles of its role",
	Severity: lint.Info,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `People look for a role under the titles they know: "Platform Engineer",
"Cloud Infrastructure Engineer", "DevOps Engineer". title_aliases lists them
so that search and matching find the profile. A profile without aliases is
valid but harder to find, so this is information, not a fault. It is
reported at title_aliases when the list is empty, null or holds only empty
texts (which the placeholder rule reports too), and at the top of the file
when the key is missing.`,
		Bad:  docProfile,
		Good: docProfile + "title_aliases: [Platform Engineer, Cloud Infrastructure Engineer]\n",
	},
	Run: runEmptyAliases,
}

func runEmptyAliases(p *lint.Pass) {
	n := p.Root.Get("title_aliases")
	switch {
	case n == nil:
		p.Reportf("", "no title aliases; add other titles people search for this role under")
	case n.Kind == profiles.Null:
		// A null has no text of its own to point at: show the key.
		p.ReportKeyf("/title_aliases", "no title aliases; add other titles people search for this role under")
	case n.Kind == profiles.Seq:
		for _, it := range n.Items {
			if it.Kind != profiles.String || strings.TrimFunc(it.Value, unicode.IsSpace) != "" {
				return
			}
		}
		p.Reportf("/title_aliases", "no title aliases; add other titles people search for this role under")
	}
}
