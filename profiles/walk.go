package profiles

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// IsProfileName reports whether a file name has a profile extension.
func IsProfileName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// Expand turns the paths given on a command line into the files to lint:
// directories are walked in sorted order, skipping hidden folders and files
// that are not .yaml, .yml or .json; a file named explicitly is kept
// whatever its name; "-" stands for standard input. A path given twice is
// listed once. Paths that cannot be read are returned as errors, and the
// others are still listed. Symbolic links met while walking a folder are
// not followed (a link may loop, or leave the folder): each is returned as
// a *Skipped error, once. A link named on the command line is followed.
func Expand(paths []string) (files []string, errs []error) {
	seen := make(map[string]bool)
	add := func(p string) {
		key := filepath.Clean(p)
		if p == "-" {
			key = p
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		if root == "-" {
			add(root)
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", root, unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				errs = append(errs, &Skipped{Path: root, Why: "not a regular file (a device, socket or pipe)"})
				continue
			}
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				if d.IsDir() || IsProfileName(name) || isDirLink(p) {
					errs = append(errs, &Skipped{Path: p, Why: "a symbolic link, not followed"})
				}
			case d.Type().IsRegular() && IsProfileName(name):
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return files, errs
}

// Skipped is a path that was passed over on purpose, with the reason. It
// is said, but it is not a mistake of the command line.
type Skipped struct {
	Path string
	Why  string
}

func (s *Skipped) Error() string { return s.Path + ": skipped: " + s.Why }

func isDirLink(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
