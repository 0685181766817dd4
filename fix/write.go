package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/internal/safefile"
)

// ErrChanged is returned by Write for a file that changed on disk after it
// was read: writing would lose the other change.
var ErrChanged = errors.New("changed on disk since it was read; not written")

// WriteError is a file that could not be replaced. The file is as it was.
type WriteError struct {
	Path string
	Op   string // what failed, e.g. "creating a temporary file in examples"
	Err  error
}

func (e *WriteError) Error() string {
	if e.Op == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v; the file is unchanged", e.Path, e.Op, e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// ErrReadOnly is returned by Write for a read-only file: one without write
// permission, or without it for the user running fix. Replacing a file
// takes write permission on its folder only, so without this check a
// read-only file would be rewritten like any other; Writer.Force writes
// it all the same.
var ErrReadOnly = errors.New("read-only; not written")

// StaleAge is how long before a run began a temporary file of fix must
// have been last modified for the run to take it for one left behind by
// a fix that was stopped (killed while writing) and remove it. A live
// fix holds its temporary file only while it writes, syncs and re-reads
// a file of at most the size limit: well under a second, seconds on a
// slow disk. Ten minutes leaves room for a sync stalled on a busy or
// network file system and for a file server whose clock runs minutes
// apart from ours, and a copy that old has no writer left. Even when a
// live copy is taken, nothing is lost: that fix's rename fails and it
// reports the file as not written, leaving the original as it was.
const StaleAge = 10 * time.Minute

// A Writer replaces files with their fixed text (see Write). The zero
// Writer refuses read-only files and removes no stale temporary file.
type Writer struct {
	// Force writes read-only files too.
	Force bool
	// Start is when the run began. In each folder it writes in, the
	// Writer first removes the temporary files of fix (named
	// .NAME.profilelint-DIGITS, regular files, never links) last modified
	// more than StaleAge before Start. Zero: none are removed.
	Start time.Time
	// Removed, when set, is told of each stale temporary file removed.
	Removed func(path string)

	swept map[string]bool // folders already swept
}

// Write replaces the file at path with data, atomically: data goes to a
// temporary file in the same folder, which is synced, closed, given the
// original's permissions and renamed over it, so that readers see the old
// file or the new one and never a part. read is what the file held when
// the fix was computed; when the file no longer holds it, nothing is
// written and the error is ErrChanged. A read-only file is not written
// (ErrReadOnly) unless w.Force. On any failure the original is left as it
// was and the temporary file is removed.
//
// A symbolic link is not written through (safefile.ErrLink): it may point
// anywhere, out of the checkout too, and replacing it would turn a link
// git tracks into a file. A rename gives the file a new inode: hard links
// to it keep the old text. The owner and group are kept where the writer
// may set them (root), else they are the writer's.
func (w *Writer) Write(path string, read, data []byte) (err error) {
	target := path
	info, err := os.Lstat(target)
	if err != nil {
		return &WriteError{Path: path, Err: fserr.Cause(err)}
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return &WriteError{Path: path, Err: safefile.ErrLink}
	}
	if !info.Mode().IsRegular() {
		return &WriteError{Path: path, Err: errors.New("not a regular file; not written")}
	}
	if !w.Force && readOnly(target, info) {
		return &WriteError{Path: path, Err: ErrReadOnly}
	}
	dir := filepath.Dir(target)
	w.sweep(dir)
	tmp, err := safefile.CreateTemp(target, info.Mode().Perm())
	if err != nil {
		return &WriteError{Path: path, Op: "creating a temporary file in " + dir, Err: fserr.Cause(err)}
	}
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmp.Name())
		}
	}()
	fail := func(op string, e error) error {
		return &WriteError{Path: path, Op: op, Err: fserr.Cause(e)}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail("writing a temporary copy", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("syncing a temporary copy", err)
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return fail("closing a temporary copy", err)
	}
	// Owner first: a change of owner clears the set-id bits that Chmod
	// then sets again.
	keepOwner(tmp.Name(), info)
	if err := os.Chmod(tmp.Name(), info.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
		return fail("setting the mode of a temporary copy", err)
	}
	// The file must still hold what the fix was computed from. (A writer
	// that slips in between this check and the rename is not detected:
	// no portable lock covers that.) One byte more than read tells a file
	// that grew, however large it has grown.
	now, err := readAtMost(target, int64(len(read))+1)
	if err != nil {
		return fail("re-reading the file", err)
	}
	if !bytes.Equal(now, read) {
		return &WriteError{Path: path, Err: ErrChanged}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fail("renaming a temporary copy over it", err)
	}
	// Make the rename itself durable; a folder that cannot be synced
	// (some file systems refuse) still holds the new file.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// sweep removes, once per folder, the stale temporary files in dir (see
// Writer.Start). Only what is sure to be ours goes: a name of our
// pattern, a regular file (Lstat: a link is never followed, nor removed),
// old enough that no live fix can be holding it. Failures are ignored:
// a leftover file costs some disk, and the write itself will say if the
// folder cannot be written.
func (w *Writer) sweep(dir string) {
	if w.Start.IsZero() || w.swept[dir] {
		return
	}
	if w.swept == nil {
		w.swept = make(map[string]bool)
	}
	w.swept[dir] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := w.Start.Add(-StaleAge)
	for _, e := range entries {
		if !safefile.IsTempName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		name := filepath.Join(dir, e.Name())
		info, err := os.Lstat(name)
		if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(cutoff) {
			continue
		}
		if removeFile(name) == nil && w.Removed != nil {
			w.Removed(name)
		}
	}
}
