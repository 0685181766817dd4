package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommitFailureKeepsOld: when the finished report cannot be put
// in place, what stood at its path stays, and no temporary file is left.
func TestReportCommitFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	r, err := createReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Write([]byte(`{"new": true}`)); err != nil {
		t.Fatal(err)
	}
	// Between the check and the rename, a folder takes the report's name.
	if err := os.MkdirAll(filepath.Join(path, "kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	err = r.commit()
	if err == nil || !strings.Contains(err.Error(), "the file is as it was") {
		t.Fatalf("commit = %v, want a failure that says the file is as it was", err)
	}
	if _, err := os.Stat(filepath.Join(path, "kept")); err != nil {
		t.Errorf("what stood at the path is gone: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the report's folder (no temporary file)", len(entries))
	}
}

// TestReportAbortKeepsOld: a dropped report leaves the old one byte for
// byte.
func TestReportAbortKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := createReport(path)
	if err != nil {
		t.Fatal(err)
	}
	r.Write([]byte("new, but cut"))
	r.abort()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("report = %q, want the old one", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left: %d entries", len(entries))
	}
}
