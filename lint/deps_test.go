package lint

import (
	"os/exec"
	"strings"
	"testing"
)

// The engine imports no cache, rule or printer: it talks to the result
// cache through Store alone, and can be embedded without either.
func TestEngineImportsNoCacheRuleOrPrinter(t *testing.T) {
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the imports with:", err)
	}
	out, err := exec.Command(gotool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"/lint/resultcache", "/rules", "/lint/report", "/cache"} {
			if strings.HasPrefix(pkg, "github.com/profilelint/profilelint") && strings.HasSuffix(pkg, banned) {
				t.Errorf("lint imports %s", pkg)
			}
		}
	}
}
