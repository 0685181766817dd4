package config_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
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

// Every option that a rule declares (lint.NewOptions) is read from a
// configuration file into its declared type, and a value of another type
// is an error at its line and column when the file loads, never at lint
// time.
func TestEveryRuleOptionLoads(t *testing.T) {
	dir := t.TempDir()
	n := 0
	for _, r := range rules.All() {
		for _, o := range r.Options {
			n++
			value, err := json.Marshal(o.Default)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, r.ID+"."+o.Name+".yaml")
			if err := os.WriteFile(p, []byte("rules:\n  "+r.ID+":\n    "+o.Name+": "+string(value)+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(p, rules.All())
			if err != nil {
				t.Errorf("%s.%s at its default %s: %v", r.ID, o.Name, value, err)
				continue
			}
			got := cfg.Lint().Options[r.ID][o.Name]
			if !reflect.DeepEqual(got, o.Default) {
				t.Errorf("%s.%s: loaded %#v, want %#v", r.ID, o.Name, got, o.Default)
			}
			if err := r.CheckOptions(cfg.Lint().Options[r.ID]); err != nil {
				t.Errorf("%s.%s: %v", r.ID, o.Name, err)
			}
			// A mapping is no option's type.
			if err := os.WriteFile(p, []byte("rules:\n  "+r.ID+":\n    "+o.Name+": {a: 1}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := config.Load(p, rules.All()); err == nil || !strings.Contains(err.Error(), ":3:") {
				t.Errorf("%s.%s given a mapping: got %v, want an error at line 3", r.ID, o.Name, err)
			}
		}
	}
	if n == 0 {
		t.Fatal("no rule declares an option")
	}
}
