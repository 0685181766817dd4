package schema

import (
	"testing"
)

// BenchmarkValidate validates a decoded profile of the usual size.
//
//	go test -run '^$' -bench BenchmarkValidate -benchmem ./schema
func BenchmarkValidate(b *testing.B) {
	level := func(code string) map[string]any {
		return map[string]any{"level": code, "items": []any{"Builds and runs the platform", "Automates the platform", "Documents the platform"}}
	}
	row := func(code string, min int64) map[string]any {
		return map[string]any{"level": code, "knowledge": "Applies knowledge", "complexity": "Solves problems", "collaboration": "Works with teams", "experience": map[string]any{"min": min}}
	}
	var resp, rows, skills []any
	for i, c := range []string{"P1", "P2", "P3", "P4", "P5", "P6", "P7"} {
		resp = append(resp, level(c))
		rows = append(rows, row(c, int64(2*i)))
		skills = append(skills, map[string]any{"name": "Skill " + c, "description": "Uses the skill"})
	}
	doc := map[string]any{
		"schema": "profile/v1", "id": "INFRAS.PLATFORM.P4", "title": "Platform — P4", "summary": "Runs the platform",
		"function":         map[string]any{"code": "INFRAS", "name": "Infrastructure"},
		"focus":            map[string]any{"code": "PLATFORM", "name": "Platform", "description": "Owns the platform"},
		"level":            map[string]any{"code": "P4", "name": "Senior", "typical_experience": map[string]any{"min": int64(8)}},
		"responsibilities": resp, "level_guidelines": rows, "skills": skills,
	}
	if vs, err := Validate(doc); err != nil || len(vs) > 0 {
		b.Fatalf("the benchmark document is not valid: %v %v", err, vs)
	}
	for b.Loop() {
		if _, err := Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
}
