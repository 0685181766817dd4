// Package fserr shortens the errors of file operations for messages that
// name the file already: "x.yaml: permission denied", not "x.yaml: open
// x.yaml: permission denied".
package fserr

import (
	"errors"
	"io/fs"
	"os"
)

// Cause is the error of a failed file operation without the operation and
// path around it.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
