package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFileSize bounds a configuration file. A real one is a few kilobytes;
// the bound is there so that "extends: /dev/zero", or a huge file planted
// in a checkout, costs nothing.
const MaxFileSize = 1 << 20

// readFile reads a configuration file: a regular file of at most
// MaxFileSize bytes. It opens without blocking, so that a FIFO (which
// would wait for a writer) is refused like a device or a folder, by
// looking at what was opened rather than at the path, which could change
// in between.
func readFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if info.Size() > MaxFileSize {
		return nil, errTooLarge(info.Size())
	}
	// The size can grow after the stat: read one byte past the bound to
	// see it.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errTooLarge(-1)
	}
	return data, nil
}

var errNotRegular = errors.New("not a regular file (a folder, device or pipe)")

func errTooLarge(size int64) error {
	if size < 0 {
		return fmt.Errorf("over the limit of %d bytes for a configuration file", MaxFileSize)
	}
	return fmt.Errorf("%d bytes, over the limit of %d bytes for a configuration file", size, MaxFileSize)
}

// repoRoot returns the folder that bounds what a configuration at abs (an
// absolute path) may extend: the first folder holding ".git" at or above
// the file's own folder, or that folder when there is none. It is found
// from where the file is named, not from where a link to it points, and
// returned with links resolved.
func repoRoot(abs string) string {
	dir := filepath.Dir(abs)
	root := dir
	for cur := dir; ; {
		if _, err := os.Lstat(filepath.Join(cur, ".git")); err == nil {
			root = cur
			break
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	return realPath(root)
}

// inside reports whether path lies in dir or below it; both are clean
// absolute paths.
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// maxShown is how many characters of a name from a file a message shows.
const maxShown = 40

// quote shows a name read from a file in a message: clipped, and quoted
// with control and other invisible characters escaped, so that a file
// cannot make a message long or rewrite the terminal it is printed on.
func quote(s string) string {
	if utf8.RuneCountInString(s) > maxShown {
		n := 0
		for i := range s {
			if n == maxShown {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}
