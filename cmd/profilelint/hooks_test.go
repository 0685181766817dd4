package main

import (
	"os"
	"testing"

	"github.com/goccy/go-yaml"
)

// Each language: system hook runs what its language: golang twin runs,
// and the default hook is the one git_precommit_hook.txtar drives.
func TestHooksHaveSystemTwins(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language string
		PassFilenames       *bool `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, h := range hooks {
		byID[h.ID] = i
	}
	for _, id := range []string{"profilelint", "profilelint-fix"} {
		g, ok1 := byID[id]
		s, ok2 := byID[id+"-system"]
		if !ok1 || !ok2 {
			t.Fatalf("want hooks %s and %s-system", id, id)
		}
		if hooks[g].Language != "golang" || hooks[s].Language != "system" {
			t.Errorf("%s: languages %q and %q; want golang and system", id, hooks[g].Language, hooks[s].Language)
		}
		if hooks[g].Entry != hooks[s].Entry || (hooks[g].PassFilenames == nil) != (hooks[s].PassFilenames == nil) {
			t.Errorf("%s-system runs %q, not %q as %s does", id, hooks[s].Entry, hooks[g].Entry, id)
		}
	}
	if e := hooks[byID["profilelint"]].Entry; e != "profilelint lint --new-from-rev HEAD" {
		t.Errorf("the default hook runs %q", e)
	}
}
