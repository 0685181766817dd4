package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// reportFile is a report on its way to its file (--format NAME=PATH). It
// is written to a temporary file in PATH's folder and renamed over PATH
// once complete, so that a failed write (a full disk) leaves the old
// report as it was, never an empty or cut one; and it is never written
// through a symbolic link: a pull request that commits profilelint.sarif
// as a link to ~/.gitconfig must not make CI overwrite that file.
type reportFile struct {
	path string
	mode fs.FileMode
	tmp  *os.File
}

// createReport checks PATH and opens the temporary file, before anything
// is linted: a report that cannot be written is known at once.
func createReport(path string) (*reportFile, error) {
	mode := fs.FileMode(0o644)
	info, err := os.Lstat(path)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		return nil, errors.New("a symbolic link; a report is not written through one (remove the link, or name another file)")
	case err == nil && !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case err == nil:
		mode = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, unwrapPathErr(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".profilelint-report-*")
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	return &reportFile{path: path, mode: mode, tmp: tmp}, nil
}

func (r *reportFile) Write(p []byte) (int, error) { return r.tmp.Write(p) }

// commit puts the finished report in place. The rename replaces whatever
// PATH is by then, a link included, and writes through none.
func (r *reportFile) commit() error {
	err := r.tmp.Sync()
	if cerr := r.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(r.tmp.Name(), r.mode)
	}
	if err == nil {
		err = os.Rename(r.tmp.Name(), r.path)
	}
	if err != nil {
		os.Remove(r.tmp.Name())
		return fmt.Errorf("writing %s: %w; the file is as it was", r.path, unwrapPathErr(err))
	}
	return nil
}

// abort drops the report: PATH stays as it was.
func (r *reportFile) abort() {
	r.tmp.Close()
	os.Remove(r.tmp.Name())
}

func unwrapPathErr(err error) error {
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
