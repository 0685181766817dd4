package words

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestDiffByKey(t *testing.T) {
	same := func(w string) string { return w }
	lower := strings.ToLower
	a, b := "Leads the design of services", "leads the design of many services"
	ops, common := Diff(a, b, same)
	if got := (&lint.Diff{Words: ops}).WordDiff(); got != "[-Leads-]{+leads+} the design of {+many+} services" || common != 4 {
		t.Errorf("as written: %q, %d common", got, common)
	}
	ops, common = Diff(a, b, lower)
	if got := (&lint.Diff{Words: ops}).WordDiff(); got != "leads the design of {+many+} services" || common != 5 {
		t.Errorf("by lower case: %q, %d common", got, common)
	}
}
