package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// TestSchemaPositionsAtAnyDepth plants a wrong value at every scalar of the
// clean example, one at a time, and asserts that the schema finding is at
// that scalar's line and column with its JSON pointer, not at the top of
// the file or at its parent.
func TestSchemaPositionsAtAnyDepth(t *testing.T) {
	src, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P4.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file, err := profiles.Parse("p.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	planted := 0
	for _, s := range file.Scalars() {
		n := s.Node
		if n.End.Line == 0 || n.End.Line != n.Pos.Line {
			continue // only single-line scalars can be swapped in place
		}
		// A mapping where a scalar belongs is wrong for every scalar field.
		mutated := string(src[:n.Pos.Offset]) + "{wrong: 1}" + string(src[n.End.Offset:])
		got := only(lintOne(t, "INFRAS.INFRASTR5562.P4.yaml", mutated, Schema), "schema")
		if len(got) != 1 {
			t.Errorf("%s: want 1 schema finding, got %d: %v", s.Pointer, len(got), got)
			continue
		}
		f := got[0]
		if f.Pointer != s.Pointer || f.Line != n.Pos.Line || f.Column != n.Pos.Column {
			t.Errorf("%s at %d:%d: finding at %s %d:%d: %s", s.Pointer, n.Pos.Line, n.Pos.Column, f.Pointer, f.Line, f.Column, f.Message)
		}
		planted++
	}
	if planted < 100 {
		t.Fatalf("only %d scalars were planted; the example should give far more", planted)
	}
}

// track is an open enum: a track the configuration gives a ladder passes
// the schema; another is still reported.
func TestSchemaConfiguredTrack(t *testing.T) {
	src := strings.Replace(docProfile, "track: professional", "track: data", 1)
	fs := only(lintOne(t, "p.yaml", src, Schema), Schema.ID)
	if len(fs) != 1 || fs[0].Pointer != "/track" {
		t.Fatalf("unconfigured track: %v", fs)
	}
	if !strings.Contains(fs[0].Message, "ladders:") || !strings.Contains(fs[0].Message, "data: [") {
		t.Errorf("the finding does not name the configuration that declares the track: %s", fs[0].Message)
	}
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"data": profiles.DefaultLadders[""]}}
	if fs := lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, Schema); len(fs) != 0 {
		t.Errorf("configured track: %v", fs)
	}
}
