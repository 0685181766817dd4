//go:build unix

package fix

import (
	"io/fs"
	"syscall"
)

// readOnly reports whether the file at path is one not to be written:
// no write permission for anyone (chmod a-w, whoever runs fix, root
// included), or none for the user running fix. Vim marks a file read-only
// by the same two tests. Only EACCES counts: a read-only file system or an
// immutable file (EROFS, EPERM) fails the write itself, and says so.
func readOnly(path string, info fs.FileInfo) bool {
	const wOK = 2 // W_OK, the same on every unix
	return info.Mode().Perm()&0o222 == 0 || syscall.Access(path, wOK) == syscall.EACCES
}

// removeFile removes a file, never a folder (os.Remove would take an
// empty folder put in the file's place meanwhile).
func removeFile(path string) error { return syscall.Unlink(path) }
