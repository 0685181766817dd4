package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeGoVersion keeps the README's "Go X.Y or later" equal to the
// go line of go.mod: an install with an older toolchain and
// GOTOOLCHAIN=local fails, so the claim must be exact.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+)\.(\d+)(\.\d+)?$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	want := "Go " + string(m[1]) + "." + string(m[2]) + " or later"
	if !strings.Contains(string(readme), want) {
		t.Errorf("README does not say %q, the go line of go.mod", want)
	}
	if len(m[3]) > 0 && m[3][1] != '0' {
		t.Errorf("go.mod's go line %s needs a patch release; the README's %q would be wrong for %s.%s.0", m[0], want, m[1], m[2])
	}
}
