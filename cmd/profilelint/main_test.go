package main

import (
	"bytes"
	"strings"
	"testing"
)

// panicWriter fails the way a bug would: a panic deep in a command.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("a writer that should not be here") }

// TestPanicIsInternalError: a panic anywhere in the CLI is exit 3 with
// "internal error", never exit 2, which CI reads as a usage error.
func TestPanicIsInternalError(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"profilelint", "version"}, strings.NewReader(""), panicWriter{}, &stderr)
	if code != exitInternal {
		t.Errorf("exit code %d, want %d", code, exitInternal)
	}
	if !strings.Contains(stderr.String(), "profilelint: internal error: a writer that should not be here") {
		t.Errorf("stderr = %q, want it to say internal error", stderr.String())
	}
}
