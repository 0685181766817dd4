// Package gitignore tells which files of a folder git ignores, so that a
// folder walk passes over node_modules, build output and whatever else a
// repository keeps out of git.
//
// It asks git itself ("git ls-files --others --ignored --exclude-standard
// --directory") rather than reading .gitignore files: git's rules have
// nested files, negations, .git/info/exclude, core.excludesFile and the
// global excludes file, and only git applies all of them exactly as git
// does. It costs one process per folder named on the command line (a few
// milliseconds), and git does not descend into an ignored folder, so a
// large node_modules costs nothing. Without git, or outside a work tree,
// nothing is ignored.
package gitignore

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Set is the files and folders below one folder that git ignores.
type Set struct {
	dir   string
	paths map[string]bool // cleaned, joined to dir
}

// Ignored asks git which files and folders below dir it ignores. It
// returns nil when dir is not inside a git work tree or git cannot be
// run: then nothing is ignored.
func Ignored(dir string) *Set {
	cmd := exec.Command("git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory")
	cmd.Dir = dir
	cmd.Env = absoluteGitEnv(os.Environ())
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return nil
	}
	s := &Set{dir: dir, paths: make(map[string]bool)}
	for _, p := range strings.Split(out.String(), "\x00") {
		if p == "" {
			continue
		}
		if p == "./" {
			// The folder itself is ignored (git then lists nothing below
			// it, so it is walked whole: it was named on purpose), or, with
			// GIT_DIR set, git's way of saying nothing.
			continue
		}
		s.paths[filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(p, "/")))] = true
	}
	return s
}

// Has reports whether git ignores path, a file or folder found by walking
// the set's folder (so joined to it). A nil set ignores nothing.
func (s *Set) Has(path string) bool {
	if s == nil {
		return false
	}
	return s.paths[filepath.Clean(path)]
}

// absoluteGitEnv makes GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE
// absolute: git hooks (pre-commit among them) run with GIT_DIR=.git,
// relative to the top of the work tree, and git run in a subfolder would
// read it relative to that folder.
//
// With GIT_DIR and no GIT_WORK_TREE, git takes the current folder for the
// top of the work tree; it is set to this process's folder, which git
// meant, before git runs in another.
func absoluteGitEnv(env []string) []string {
	out := make([]string, 0, len(env)+1)
	gitDir, workTree := false, false
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		gitDir = gitDir || k == "GIT_DIR" && v != ""
		workTree = workTree || k == "GIT_WORK_TREE" && v != ""
		switch k {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE":
			if v != "" && !filepath.IsAbs(v) {
				if abs, err := filepath.Abs(v); err == nil {
					kv = k + "=" + abs
				}
			}
		}
		out = append(out, kv)
	}
	if gitDir && !workTree {
		if wd, err := os.Getwd(); err == nil {
			out = append(out, "GIT_WORK_TREE="+wd)
		}
	}
	return out
}
