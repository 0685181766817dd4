package profiles

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/profilelint/profilelint/internal/fserr"
)

// IsProfileName reports whether a file name has a profile extension.
func IsProfileName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// Expand turns the paths given on a command line into the files to lint,
// as Walk does without options.
func Expand(paths []string) (files []string, errs []error) {
	found, errs := Walk(paths, WalkOptions{})
	files = make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
	}
	return files, errs
}

// WalkOptions tune Walk.
type WalkOptions struct {
	// Skip, when set, is asked of every file and folder met below a
	// folder named on the command line (not of the named paths
	// themselves); a folder it skips is not entered. Files git ignores
	// and the run's own report files are passed over this way.
	Skip func(path string, dir bool) bool
}

// Found is a file to lint. Named is set for a file given on the command
// line (or standard input), which is linted whatever it holds; a file met
// in a folder walk is linted only when it is a profile (LooksLikeProfile).
type Found struct {
	Path  string
	Named bool
}

// Walk turns the paths given on a command line into the files to lint:
// directories are walked in sorted order, skipping hidden folders and files
// that are not .yaml, .yml or .json; a file named explicitly is kept
// whatever its name; "-" stands for standard input. A path given twice is
// listed once. Paths that cannot be read are returned as errors, and the
// others are still listed. Symbolic links met while walking a folder are
// not followed (a link may loop, or leave the folder): each is returned as
// a *Skipped error, once; so are devices and pipes. A link named on the
// command line is followed.
func Walk(paths []string, opt WalkOptions) (files []Found, errs []error) {
	seen := make(map[string]int) // a file's place in files
	add := func(p string, named bool) {
		key := filepath.Clean(p)
		if p == "-" {
			key = p
		}
		if i, ok := seen[key]; ok {
			files[i].Named = files[i].Named || named
			return
		}
		seen[key] = len(files)
		files = append(files, Found{Path: p, Named: named})
	}
	for _, root := range paths {
		if root == "-" {
			add(root, true)
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", root, fserr.Cause(err)))
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				errs = append(errs, &Skipped{Path: root, Why: "not a regular file (a device, socket or pipe)"})
				continue
			}
			add(root, true)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, fserr.Cause(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if opt.Skip != nil && (d.IsDir() || IsProfileName(name)) && opt.Skip(p, d.IsDir()) {
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
			case !d.IsDir() && IsProfileName(name):
				errs = append(errs, &Skipped{Path: p, Why: "not a regular file (a device, socket or pipe)"})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(found)
		for _, p := range found {
			add(p, false)
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
