package profdiff

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/profiles"
)

// Repo reads old versions of files from the git repository that holds the
// current folder.
type Repo struct {
	Top string // the repository's root, symbolic links resolved
	// Limits bound what is read of each file, as lint's loader bounds it
	// (zero fields: the defaults): a file over the size limit is read
	// only as far as the finding that says so needs.
	Limits profiles.Limits
	cwd    string
}

// OpenRepo finds the repository around the current folder.
func OpenRepo() (*Repo, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(cwd); err == nil {
		cwd = real
	}
	out, err := git(cwd, "rev-parse", "--show-toplevel")
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("reading an earlier revision needs git, which is not installed (or not on PATH)")
		}
		return nil, fmt.Errorf("reading an earlier revision needs a git repository, and %s is not in one (%v)", cwd, err)
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	return &Repo{Top: top, cwd: cwd}, nil
}

// Resolve checks that rev names a commit.
func (r *Repo) Resolve(rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return fmt.Errorf("%q is not a revision", rev)
	}
	if _, err := git(r.Top, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return fmt.Errorf("unknown revision %q: no such commit in %s", rev, r.Top)
	}
	return nil
}

// Files returns the profile files under paths (relative to the current
// folder, as on the command line) as they were at rev, the way
// profiles.Expand lists the working tree: profile extensions only, hidden
// folders below a given path skipped. Each Input is named "REV:path" and
// paired by its path relative to the current folder. missing says which
// paths hold no file at rev.
func (r *Repo) Files(rev string, paths []string) (ins []Input, missing map[string]bool, err error) {
	missing = map[string]bool{}
	seen := map[string]bool{}
	for _, arg := range paths {
		abs := arg
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(r.cwd, arg)
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		rel, err := filepath.Rel(r.Top, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, nil, fmt.Errorf("%s is outside the repository %s", arg, r.Top)
		}
		rel = filepath.ToSlash(rel)
		out, err := git(r.Top, "--literal-pathspecs", "ls-tree", "-r", "-z", "-l", "--full-tree", rev, "--", rel)
		if err != nil {
			return nil, nil, fmt.Errorf("listing %s at %s: %v", arg, rev, err)
		}
		found := false
		for _, line := range strings.Split(string(out), "\x00") {
			if line == "" {
				continue
			}
			found = true
			e, ok := parseTreeEntry(line)
			// Links are not followed, as profiles.Expand does not follow
			// them in the working tree; submodules are not files.
			if !ok || e.mode == "120000" || e.kind != "blob" {
				continue
			}
			name := e.name
			if !profiles.IsProfileName(name) || hiddenBelow(rel, name) || seen[name] {
				continue
			}
			seen[name] = true
			data, err := r.blob(e)
			if err != nil {
				return nil, nil, fmt.Errorf("reading %s at %s: %v", name, rev, err)
			}
			local, err := filepath.Rel(r.cwd, filepath.Join(r.Top, filepath.FromSlash(name)))
			if err != nil {
				local = name
			}
			ins = append(ins, Input{Name: rev + ":" + filepath.ToSlash(local), Path: filepath.Clean(local), Local: local, Data: data, Size: e.size})
		}
		if !found {
			missing[arg] = true
		}
	}
	return ins, missing, nil
}

// treeEntry is one line of "git ls-tree -l".
type treeEntry struct {
	mode, kind, oid, name string
	size                  int64
}

// parseTreeEntry reads "MODE TYPE OID SIZE\tNAME", where SIZE is padded
// with spaces, and "-" for what is not a blob.
func parseTreeEntry(line string) (treeEntry, bool) {
	meta, name, ok := strings.Cut(line, "\t")
	fields := strings.Fields(meta)
	if !ok || len(fields) != 4 {
		return treeEntry{}, false
	}
	e := treeEntry{mode: fields[0], kind: fields[1], oid: fields[2], name: name}
	if e.kind == "blob" {
		n, err := strconv.ParseInt(fields[3], 10, 64)
		if err != nil || n < 0 {
			return treeEntry{}, false
		}
		e.size = n
	}
	return e, true
}

// blob reads a blob as lint reads a file: whole, or when it is far over
// the size limit only its first profiles.HeadSize bytes, after which git
// is stopped. The size comes from the tree, so that nothing past the head
// is ever read.
func (r *Repo) blob(e treeEntry) ([]byte, error) {
	head := int64(profiles.HeadSize(r.Limits))
	if r.Limits.MaxBytes < 0 || e.size <= head {
		return git(r.Top, "cat-file", "blob", e.oid)
	}
	cmd := exec.Command("git", "cat-file", "blob", e.oid)
	cmd.Dir = r.Top
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(stdout, head))
	// git is killed with the rest of the blob unread: its exit status
	// says nothing about what was read.
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if err == nil && int64(len(data)) < head {
		err = fmt.Errorf("git gave %d bytes of a blob of %d", len(data), e.size)
	}
	return data, err
}

// hiddenBelow reports whether a file lies in a hidden folder (or is a
// hidden file) below the path given on the command line, which
// profiles.Expand skips too.
func hiddenBelow(root, name string) bool {
	rest := name
	if root != "." {
		rest = strings.TrimPrefix(strings.TrimPrefix(name, root), "/")
	}
	if rest == "" {
		return false // the file itself was named
	}
	for _, part := range strings.Split(rest, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// git runs git in dir and returns its standard output; a failure carries
// git's first line of standard error.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, exec.ErrNotFound
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			return nil, err
		}
		return nil, errors.New(msg)
	}
	return out, nil
}
