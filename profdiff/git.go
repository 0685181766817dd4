package profdiff

import (
	"bufio"
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

// Entry is a profile file as it was at a revision, listed but not read.
type Entry struct {
	Name  string // its path from the repository's root, with slashes
	Local string // its path relative to the current folder, as on the command line
	oid   string
	size  int64
}

// Files returns the profile files under paths (relative to the current
// folder, as on the command line) as they were at rev, the way
// profiles.Expand lists the working tree: profile extensions only, hidden
// folders below a given path skipped. Each Input is named and paired by
// its path relative to the current folder, the name the file has in the
// working tree, so that the rules judge the old version as it was (a rule
// such as filename-id reads the name). missing says which paths hold no
// file at rev.
func (r *Repo) Files(rev string, paths []string) (ins []Input, missing map[string]bool, err error) {
	entries, missing, err := r.Tree(rev, paths)
	if err != nil {
		return nil, nil, err
	}
	ins, err = r.Read(rev, entries)
	return ins, missing, err
}

// Tree lists the profile files under paths at rev, as Files does, without
// reading them.
func (r *Repo) Tree(rev string, paths []string) (entries []Entry, missing map[string]bool, err error) {
	missing = map[string]bool{}
	seen := map[string]bool{}
	for _, arg := range paths {
		rel, err := r.rel(arg)
		if err != nil {
			return nil, nil, err
		}
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
			local, err := filepath.Rel(r.cwd, filepath.Join(r.Top, filepath.FromSlash(name)))
			if err != nil {
				local = name
			}
			entries = append(entries, Entry{Name: name, Local: filepath.Clean(local), oid: e.oid, size: e.size})
		}
		if !found {
			missing[arg] = true
		}
	}
	return entries, missing, nil
}

// rel is a command-line path relative to the repository's root, with
// slashes.
func (r *Repo) rel(arg string) (string, error) {
	abs := arg
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.cwd, arg)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(r.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the repository %s", arg, r.Top)
	}
	return filepath.ToSlash(rel), nil
}

// Read reads the entries' blobs, all through one "git cat-file --batch":
// a process per file cost 5.8 s for 1,000 files (issue 15), one process
// for all of them 0.1 s of CPU.
// A blob far over the size limit is read apart, only as far as its head
// (see blob), so that nothing past the head is ever read.
func (r *Repo) Read(rev string, entries []Entry) ([]Input, error) {
	ins := make([]Input, len(entries))
	head := int64(profiles.HeadSize(r.Limits))
	var batch []int
	for i, e := range entries {
		local := filepath.ToSlash(e.Local)
		ins[i] = Input{Name: local, Path: e.Local, Local: e.Local, Size: e.size}
		if r.Limits.MaxBytes >= 0 && e.size > head {
			data, err := r.blob(treeEntry{oid: e.oid, size: e.size})
			if err != nil {
				return nil, fmt.Errorf("reading %s at %s: %v", e.Name, rev, err)
			}
			ins[i].Data = data
			continue
		}
		batch = append(batch, i)
	}
	if len(batch) == 0 {
		return ins, nil
	}
	want := make([]treeEntry, len(batch))
	for j, i := range batch {
		want[j] = treeEntry{oid: entries[i].oid, size: entries[i].size}
	}
	blobs, err := r.catFile(want)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", rev, r.Top, err)
	}
	for j, i := range batch {
		ins[i].Data = blobs[j]
	}
	return ins, nil
}

// catFile reads blobs through one "git cat-file --batch". The ids are
// written from another goroutine while the blobs are read, so that
// neither pipe fills while the other waits.
func (r *Repo) catFile(blobs []treeEntry) ([][]byte, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = r.Top
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, b := range blobs {
			w.WriteString(b.oid)
			w.WriteByte('\n')
		}
		w.Flush()
		stdin.Close()
	}()
	rd := bufio.NewReaderSize(stdout, 64<<10)
	out := make([][]byte, len(blobs))
	for i, b := range blobs {
		data, err := readBatchBlob(rd, b.oid, b.size)
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return nil, err
		}
		out[i] = data
	}
	if err := cmd.Wait(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}

// readBatchBlob reads one answer of "git cat-file --batch":
// "OID blob SIZE\n", the content and a newline, or "OID missing\n".
// The size must be the one the tree gave, so that what is allocated is
// what was asked for.
func readBatchBlob(rd *bufio.Reader, oid string, want int64) ([]byte, error) {
	header, err := rd.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: reading the header of %s: %v", oid, err)
	}
	fields := strings.Fields(header)
	if len(fields) != 3 || fields[0] != oid || fields[1] != "blob" {
		return nil, fmt.Errorf("git cat-file: %s: unexpected answer %q", oid, strings.TrimSpace(header))
	}
	size, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil || size != want {
		return nil, fmt.Errorf("git cat-file: %s: size %q, the tree says %d", oid, fields[2], want)
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(rd, data); err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %v", oid, err)
	}
	if data[size] != '\n' {
		return nil, fmt.Errorf("git cat-file: %s: no newline after the content", oid)
	}
	return data[:size:size], nil
}

// Unchanged says which entries are, in the working tree, as they were at
// rev: git compares the tree with the working tree using the index's
// stat information ("git diff-index"), so that a file git has seen
// unchanged is not read. A file git is unsure of is taken as changed,
// which costs only its reading.
func (r *Repo) Unchanged(rev string, entries []Entry) (map[string]bool, error) {
	out, err := git(r.Top, "diff-index", "-z", "--name-only", "--no-renames", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("comparing the working tree with %s: %v", rev, err)
	}
	changed := map[string]bool{}
	for _, name := range strings.Split(string(out), "\x00") {
		if name != "" {
			changed[name] = true
		}
	}
	same := make(map[string]bool, len(entries))
	for _, e := range entries {
		if !changed[e.Name] {
			same[e.Name] = true
		}
	}
	return same, nil
}

// Unborn reports whether HEAD names a branch that has no commit yet, as
// in a repository before its first commit.
func (r *Repo) Unborn() bool {
	if _, err := git(r.Top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); err == nil {
		return false
	}
	_, err := git(r.Top, "symbolic-ref", "--quiet", "HEAD")
	return err == nil
}

// MergeBase returns the best common ancestor of rev and HEAD, the commit
// a pull request's changes are measured from when its base has moved.
func (r *Repo) MergeBase(rev string) (string, error) {
	if err := r.Resolve(rev); err != nil {
		return "", err
	}
	out, err := git(r.Top, "merge-base", rev, "HEAD")
	if err != nil {
		return "", fmt.Errorf("no merge base of %s and HEAD in %s: %v", rev, r.Top, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Indexed lists the files git tracks or has staged (its index), as
// absolute paths with symbolic links resolved.
func (r *Repo) Indexed() (map[string]bool, error) {
	out, err := git(r.Top, "ls-files", "-z", "--cached", "--full-name")
	if err != nil {
		return nil, fmt.Errorf("listing the files git tracks: %v", err)
	}
	set := map[string]bool{}
	for _, name := range strings.Split(string(out), "\x00") {
		if name != "" {
			set[filepath.Join(r.Top, filepath.FromSlash(name))] = true
		}
	}
	return set, nil
}

// Abs is a path as Indexed names it: absolute, relative paths taken from
// the current folder, with the folder's symbolic links resolved.
func (r *Repo) Abs(path string) string {
	if filepath.IsAbs(path) {
		if real, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
			return filepath.Join(real, filepath.Base(path))
		}
		return filepath.Clean(path)
	}
	return filepath.Join(r.cwd, path)
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
