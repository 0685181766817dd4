package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/rules"
)

// The full example of docs/configuration.md loads with the real rules, so
// that the documentation cannot drift from what profilelint accepts.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## A full example")
	if !ok {
		t.Fatal(`docs/configuration.md has no "## A full example" section`)
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	example, _, _ := strings.Cut(rest, "```")
	dir := t.TempDir()
	for name, content := range map[string]string{
		"project/.profilelint.yaml": example,
		"shared/.profilelint.yaml":  "",
		".git/HEAD":                 "", // extends stay inside the repository
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := config.Load(filepath.Join(dir, "project/.profilelint.yaml"), rules.All())
	if err != nil {
		t.Fatalf("the documented example does not load:\n%v", err)
	}
	if len(c.Files) != 2 || len(c.Overrides) != 1 || len(c.IgnoreGlobs) != 1 {
		t.Errorf("example read as %+v", c)
	}
}

// So does the short example of the README's Configuration section.
func TestReadmeExample(t *testing.T) {
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## Configuration")
	if !ok {
		t.Fatal(`README.md has no "## Configuration" section`)
	}
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	example, _, _ := strings.Cut(rest, "```")
	p := filepath.Join(t.TempDir(), ".profilelint.yaml")
	if err := os.WriteFile(p, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(p, rules.All()); err != nil {
		t.Fatalf("the README's example does not load:\n%v", err)
	}
}

// The starter of "profilelint init" loads with the real rules.
func TestStarterWithRules(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".profilelint.yaml")
	if err := os.WriteFile(p, config.Starter(rules.All()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(p, rules.All()); err != nil {
		t.Fatal(err)
	}
}
