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

// Print writes the result.
func (g *GitHub) Print(res *lint.Result) error {
	w := bufio.NewWriter(g.W)
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		cmd := "error"
		switch f.Severity {
		case lint.Warning:
			cmd = "warning"
		case lint.Info:
			cmd = "notice"
		}
		var props []string
		if f.File != "" {
			props = append(props, "file="+ghProperty.Replace(visible(relPath(f.File), ghKeep)))
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
	return w.Flush()
}
