//go:build !unix

package fix

import (
	"io/fs"
	"os"
)

// readOnly reports whether the file is one not to be written: on Windows,
// its read-only attribute, which Go shows as no write permission.
func readOnly(_ string, info fs.FileInfo) bool { return info.Mode().Perm()&0o222 == 0 }

func removeFile(path string) error { return os.Remove(path) }
