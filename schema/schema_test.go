package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMissingKeysAreOneViolation(t *testing.T) {
	vs, err := Validate(map[string]any{"schema": "profile/v1", "level": map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	var root, level []Violation
	for _, v := range vs {
		switch v.Pointer {
		case "":
			root = append(root, v)
		case "/level":
			level = append(level, v)
		}
	}
	if len(root) != 1 || !strings.HasPrefix(root[0].Message, `missing required keys "id", "title", "summary", "function", "focus",`) {
		t.Errorf("root: %+v", root)
	}
	if len(level) != 1 || level[0].Message != `missing required keys "code", "name" in level` {
		t.Errorf("level: %+v", level)
	}
}

func TestTypoExplainsMissingKey(t *testing.T) {
	vs, err := Validate(map[string]any{"schema": "profile/v1", "function": map[string]any{"code": "INFRAS", "nmae": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	typo := false
	for _, v := range vs {
		if v.Pointer == "/function" {
			t.Errorf("a missing key the typo explains is still reported: %+v", v)
		}
		if v.Pointer == "/function/nmae" {
			typo = true
			if v.Message != `unknown key "nmae"; did you mean "name"? (it is required)` {
				t.Errorf("typo: %s", v.Message)
			}
		}
	}
	// Without this, a schema that reported nothing at all would pass.
	if !typo {
		t.Errorf("no violation at /function/nmae: %+v", vs)
	}
}

// No schema reference may leave the embedded document.
func TestExternalRefIsAnError(t *testing.T) {
	_, err := Compile("https://example.com/s.json", []byte(`{"$ref": "https://example.com/other.json"}`))
	if err == nil || !strings.Contains(err.Error(), "never fetches") {
		t.Fatalf("err = %v", err)
	}
}

// TestModelinesResolve: the schema modeline at the top of the shipped
// profiles names a file that exists offline, the schema itself, so that
// yaml-language-server validates them in a clone without the network.
func TestModelinesResolve(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.yaml")
	more, _ := filepath.Glob("../testdata/ladder/*.yaml")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no shipped profiles found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(string(data), "\ufeff"), "\n")
		_, ref, ok := strings.Cut(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: no schema modeline on the first line", f)
			continue
		}
		got, err := os.ReadFile(filepath.Join(filepath.Dir(f), ref))
		if err != nil {
			t.Errorf("%s: the modeline's schema: %v", f, err)
			continue
		}
		if !bytes.Equal(got, JSON) {
			t.Errorf("%s: %s is not the embedded schema", f, ref)
		}
	}
}
