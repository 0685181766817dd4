package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// GitHub prints GitHub Actions workflow commands, one per unsuppressed
// finding; the runner turns them into annotations on the pull request's
// files. Suppressed findings are not annotated.
//
// GitHub shows at most ghPerLevel annotations of each level per step and
// drops the rest without a word. Over that, the errors come first, as
// many of each level as are shown, and the last notice says how many
// were left out and where the full report is. Options.Full prints all.
type GitHub struct {
	W io.Writer
	Options
}

var (
	// ghData escapes a command's message.
	ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	// ghProperty escapes a property value, which ends at "," and whose
	// name ends at ":".
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghKeep are the controls that the escapes above already make harmless,
// and a message's tabs.
const ghKeep = "\t\r\n"

// ghPerLevel is how many annotations of each level (error, warning,
// notice) GitHub shows for one step; ghPerJob is the limit of a job.
const (
	ghPerLevel = 10
	ghPerJob   = 50
)

// Print writes the result.
func (g *GitHub) Print(res *lint.Result) error {
	w := bufio.NewWriter(g.W)
	var shown []lint.Finding
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			shown = append(shown, f)
		}
	}
	left := 0
	if !g.Full {
		shown, left = ghWithinCaps(shown)
	}
	for _, f := range shown {
		g.annotate(w, f)
	}
	if left > 0 {
		fmt.Fprintf(w, "::notice title=profilelint::%s\n", ghData.Replace(visible(g.leftOut(left), ghKeep)))
	}
	return w.Flush()
}

// ghWithinCaps keeps the findings GitHub will show: errors first, then
// warnings, then notices, at most ghPerLevel of each, one notice fewer
// when some are left out, for the notice that says so. It returns how
// many it left out.
func ghWithinCaps(fs []lint.Finding) ([]lint.Finding, int) {
	var count [lint.Error + 1]int
	for _, f := range fs {
		count[f.Severity]++
	}
	if count[lint.Error] <= ghPerLevel && count[lint.Warning] <= ghPerLevel && count[lint.Info] <= ghPerLevel {
		return fs, 0
	}
	caps := [lint.Error + 1]int{lint.Error: ghPerLevel, lint.Warning: ghPerLevel, lint.Info: ghPerLevel - 1}
	kept := make([]lint.Finding, 0, 3*ghPerLevel)
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		n := 0
		for _, f := range fs {
			if f.Severity == sev && n < caps[sev] {
				kept = append(kept, f)
				n++
			}
		}
	}
	return kept, len(fs) - len(kept)
}

// leftOut is the notice's text.
func (g *GitHub) leftOut(n int) string {
	where := "run profilelint lint locally, or add --format sarif=FILE or --format text=FILE to the step for the full report"
	if g.FullReport != "" {
		where = "the full report: " + g.FullReport
	}
	return fmt.Sprintf("%s not annotated: GitHub shows %d errors, %d warnings and %d notices per step (%d per job); %s",
		plural(n, "more finding"), ghPerLevel, ghPerLevel, ghPerLevel, ghPerJob, where)
}

// annotate writes one finding's workflow command.
func (g *GitHub) annotate(w io.Writer, f lint.Finding) {
	cmd := "error"
	switch f.Severity {
	case lint.Warning:
		cmd = "warning"
	case lint.Info:
		cmd = "notice"
	}
	var props []string
	if f.File != "" {
		props = append(props, "file="+ghProperty.Replace(visible(g.repoPath(f.File), ghKeep)))
		if f.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
			if f.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.Column))
			}
			if f.EndLine > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", f.EndLine))
				if f.EndColumn > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", f.EndColumn))
				}
			}
		}
	}
	props = append(props, "title="+ghProperty.Replace(visible(f.Rule, ghKeep)))
	fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData.Replace(visible(f.Message, ghKeep)))
}
