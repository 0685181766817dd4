package fserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
)

func TestCause(t *testing.T) {
	_, err := os.Open("/no/such/file")
	if got := Cause(err); got != fs.ErrNotExist && !errors.Is(got, fs.ErrNotExist) || got.Error() != "no such file or directory" {
		t.Errorf("Cause(open) = %v", got)
	}
	link := &os.LinkError{Op: "rename", Old: "a", New: "b", Err: fs.ErrPermission}
	if got := Cause(fmt.Errorf("writing: %w", link)); got != fs.ErrPermission {
		t.Errorf("Cause(wrapped rename) = %v", got)
	}
	plain := errors.New("plain")
	if Cause(plain) != plain {
		t.Error("Cause changed an error that is not a path error")
	}
}
