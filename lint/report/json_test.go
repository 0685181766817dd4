package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/profilelint/profilelint/lint"
)

func compileReportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(s string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("refusing to fetch %s", s)
	}
	const id = "https://github.com/profilelint/profilelint/report-v1.schema.json"
	if err := c.AddResource(id, bytes.NewReader(JSONSchema)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateReport(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("the JSON report does not match its schema: %#v", err)
	}
}

// The JSON reports match the schema "profilelint schema --report" prints:
// the golden one (every field), an empty one, a large one, one with a
// failed corpus rule. The schema allows no field it does not describe, so
// a field added to the report without the schema fails here.
func TestJSONSchema(t *testing.T) {
	s := compileReportSchema(t)
	golden, err := os.ReadFile(filepath.Join("testdata", "golden-json"))
	if err != nil {
		t.Fatal(err)
	}
	validateReport(t, s, golden)
	validateReport(t, s, render(t, "json", &lint.Result{}, testOptions()))
	validateReport(t, s, render(t, "json", bigResult(t, 5, 5), testOptions()))
	failed := sharedResult(t)
	failed.Internal = true
	failed.Skipped = []string{"package.json"}
	failed.Findings = append(failed.Findings, lint.Finding{Rule: "unique-id", Severity: lint.Error, Message: "internal error: rule panicked"})
	validateReport(t, s, render(t, "json", failed, testOptions()))

	// And the schema can fail: a report with an unknown severity and a
	// field it does not know is refused.
	var doc map[string]any
	if err := json.Unmarshal(golden, &doc); err != nil {
		t.Fatal(err)
	}
	doc["findings"].([]any)[0].(map[string]any)["severity"] = "fatal"
	doc["extra"] = true
	if err := s.Validate(doc); err == nil {
		t.Error("the schema accepts a severity \"fatal\" and an unknown field")
	}
}
