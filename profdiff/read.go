package profdiff

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// ReadTree reads one side of "diff OLD NEW": the file root, or the
// profile files under the folder root, each paired by its path inside
// root. Links met while walking the folder, and devices and pipes, are
// not read: they come back in skipped, as profiles.Expand says them, and
// the rest is read. Each file is read as lint reads it (see ReadFile).
func ReadTree(root string, lim profiles.Limits) (ins []Input, skipped []error, err error) {
	files, skipped, err := expand([]string{root})
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		rel, err := filepath.Rel(root, f)
		if err != nil || rel == "." {
			rel = filepath.Base(f)
		}
		in, err := ReadFile(f, lim)
		if err != nil {
			return nil, nil, err
		}
		in.Path = rel
		ins = append(ins, in)
	}
	return ins, skipped, nil
}

// ReadPaths reads the profile files under paths (files or folders, as on
// the command line) from the working tree, each named and paired by its
// path: the new side of "diff --rev". Links, devices and pipes are
// skipped as by ReadTree.
func ReadPaths(paths []string, lim profiles.Limits) (ins []Input, skipped []error, err error) {
	files, skipped, err := expand(paths)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		in, err := ReadFile(f, lim)
		if err != nil {
			return nil, nil, err
		}
		in.Name, in.Path = filepath.ToSlash(f), filepath.Clean(f)
		ins = append(ins, in)
	}
	return ins, skipped, nil
}

// expand is profiles.Expand with the paths it skips on purpose told apart
// from those that cannot be read, the first of which is err.
func expand(paths []string) (files []string, skipped []error, err error) {
	files, errs := profiles.Expand(paths)
	for _, e := range errs {
		var s *profiles.Skipped
		if !errors.As(e, &s) {
			return nil, nil, e
		}
		skipped = append(skipped, e)
	}
	return files, skipped, nil
}

// ReadFile reads the file at path as lint reads it: whole, or when it is
// far over the size limit of lim (past profiles.HeadSize), only its first
// bytes, which place the finding that it is over the limit; Size then
// says how large it is. A stray multi-gigabyte file costs its first
// megabyte.
func ReadFile(path string, lim profiles.Limits) (Input, error) {
	in := Input{Name: path, Path: path, Local: path}
	f, err := os.Open(path)
	if err != nil {
		return in, fmt.Errorf("%s: %w", path, fserr.Cause(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return in, fmt.Errorf("%s: %w", path, fserr.Cause(err))
	}
	var r io.Reader = f
	if lim.MaxBytes >= 0 {
		// One byte more than the head: a file that grew since the stat
		// still shows as over it.
		r = io.LimitReader(f, int64(profiles.HeadSize(lim))+1)
	}
	if in.Data, err = io.ReadAll(r); err != nil {
		return in, fmt.Errorf("%s: %w", path, fserr.Cause(err))
	}
	in.Size = max(info.Size(), int64(len(in.Data)))
	return in, nil
}

// truncated reports whether Data holds only the first bytes of the file.
func (in *Input) truncated() bool { return in.Size > int64(len(in.Data)) }

func (in *Input) size() int64 { return max(in.Size, int64(len(in.Data))) }

// Source is the input as the engine reads it. Of a truncated input the
// engine asks the size and the first bytes only, and judges the file over
// the limit as it judges one on disk.
func (in *Input) Source() lint.Source {
	data := in.Data
	src := lint.Source{Name: in.Name, Read: func() ([]byte, error) { return data, nil }}
	if in.truncated() {
		info := sizeInfo{name: filepath.Base(in.Name), size: in.Size}
		src.Stat = func() (fs.FileInfo, error) { return info, nil }
		src.Head = func(n int) ([]byte, error) { return data[:min(n, len(data))], nil }
	}
	return src
}

// sizeInfo describes an input that is not a file on disk. Its
// modification time is far in the future, which the result cache never
// trusts as a stamp: nothing about it could recognise the same input
// again.
type sizeInfo struct {
	name string
	size int64
}

func (i sizeInfo) Name() string       { return i.name }
func (i sizeInfo) Size() int64        { return i.size }
func (i sizeInfo) Mode() fs.FileMode  { return 0o444 }
func (i sizeInfo) ModTime() time.Time { return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }
func (i sizeInfo) IsDir() bool        { return false }
func (i sizeInfo) Sys() any           { return nil }
