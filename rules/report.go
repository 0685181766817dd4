package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/lint"
)

// reportRelated reports a finding at ptr that names one other place, the
// one it is judged against (the level below, the first copy).
func reportRelated(p *lint.Pass, ptr string, related lint.Place, format string, args ...any) {
	f := p.At(ptr)
	f.Message = fmt.Sprintf(format, args...)
	f.Related = []lint.Place{related}
	p.Report(f)
}
