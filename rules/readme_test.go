package rules

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the rule table in ../README.md from the registry")

const (
	tableStart = "<!-- rules:start (generated from the registry; go test ./rules -update-readme) -->\n"
	tableEnd   = "<!-- rules:end -->"
)

// ruleTable renders the registry as the README's Markdown table.
func ruleTable() string {
	var b strings.Builder
	b.WriteString("| id | default | scope | checks |\n| --- | --- | --- | --- |\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, r.Scope, r.Summary)
	}
	return b.String()
}

// TestReadmeRuleTable keeps the README's rule table equal to the registry.
func TestReadmeRuleTable(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i := strings.Index(readme, tableStart)
	j := strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no rule table between %q and %q", tableStart, tableEnd)
	}
	got := readme[i+len(tableStart) : j]
	want := ruleTable()
	if got == want {
		return
	}
	if *updateReadme {
		readme = readme[:i+len(tableStart)] + want + readme[j:]
		if err := os.WriteFile("../README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule table is out of date; run go test ./rules -run TestReadmeRuleTable -update-readme\nwant:\n%s", want)
}
