package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
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

// quote shows a name read from a file in a message: cut at 40
// characters, and quoted with control and other invisible characters
// escaped, so that a file cannot make a message long or rewrite the
// terminal it is printed on.
func quote(s string) string { return strconv.Quote(clip(s, 40)) }

// quotePath shows a path read from a file: as it is when every character
// prints, else quoted like a name; cut at 300 characters, which real
// paths are not.
func quotePath(s string) string {
	s = clip(s, 300)
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return strconv.Quote(s)
	}
	return s
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}
