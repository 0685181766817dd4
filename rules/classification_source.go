package rules

import (
	"fmt"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ClassificationSource) }

// ClassificationSource reports classification entries that do not say
// where they come from.
var ClassificationSource = &lint.Rule{
	ID:       "classification-source",
	Summary:  "every classification entry names its source",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A classification entry (a SOC, O*NET-SOC, ISCO or ESCO code) is a claim about
the role, so it names its source: the id of a declared source, or the tool
or process that assigned the code.`,
		Bad: provDocProfile(`classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
`),
		Good: provDocProfile(`classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
    source: jfm-factory.resolve
`),
	},
	Run: runClassificationSource,
}

func runClassificationSource(p *lint.Pass) {
	cls := p.Root.Get("classification")
	if cls == nil || cls.Kind != profiles.Seq {
		return
	}
	for i, c := range cls.Items {
		if c.Kind != profiles.Map || !blankNode(c.Get("source")) {
			continue
		}
		what := strings.TrimSpace(c.Get("system").Text() + " " + c.Get("code").Text())
		if what == "" {
			what = fmt.Sprint(i + 1)
		}
		p.Reportf(profiles.Pointer("classification", i, "source"), "classification %s names no source", what)
	}
}
