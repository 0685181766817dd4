package gitignore

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIgnored: git's own rules, nested .gitignore files, negation and
// .git/info/exclude, and a tracked file is never ignored.
func TestIgnored(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	write(t, filepath.Join(dir, ".gitignore"), "build/\n*.tmp.yaml\n!keep.tmp.yaml\n")
	write(t, filepath.Join(dir, "profiles", ".gitignore"), "drafts/\n")
	write(t, filepath.Join(dir, ".git", "info", "exclude"), "node_modules\n")
	for _, f := range []string{"profiles/a.yaml", "profiles/drafts/b.yaml", "build/c.yaml", "node_modules/x/package.json", "x.tmp.yaml", "keep.tmp.yaml", "tracked/t.yaml"} {
		write(t, filepath.Join(dir, f), "a: 1\n")
	}
	write(t, filepath.Join(dir, "tracked", ".gitignore"), "t.yaml\n")
	git(t, dir, "add", "-f", "tracked/t.yaml")

	set := Ignored(dir)
	if set == nil {
		t.Fatal("Ignored returned nil inside a work tree")
	}
	for f, want := range map[string]bool{
		"profiles/a.yaml": false, "profiles/drafts": true, "build": true,
		"node_modules": true, "x.tmp.yaml": true, "keep.tmp.yaml": false,
		"tracked/t.yaml": false,
	} {
		if got := set.Has(filepath.Join(dir, f)); got != want {
			t.Errorf("Has(%s) = %v, want %v", f, got, want)
		}
	}

	// From a subfolder, paths are joined to that folder.
	sub := Ignored(filepath.Join(dir, "profiles"))
	if !sub.Has(filepath.Join(dir, "profiles", "drafts")) || sub.Has(filepath.Join(dir, "profiles", "a.yaml")) {
		t.Errorf("from a subfolder: drafts %v, a.yaml %v", sub.Has(filepath.Join(dir, "profiles", "drafts")), sub.Has(filepath.Join(dir, "profiles", "a.yaml")))
	}
	// A folder git ignores, named on purpose, is walked whole.
	if b := Ignored(filepath.Join(dir, "build")); b.Has(filepath.Join(dir, "build", "c.yaml")) {
		t.Error("a file of an ignored folder that was named is ignored")
	}
}

func TestIgnoredOutsideAWorkTree(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if set := Ignored(dir); set != nil || set.Has(filepath.Join(dir, "a.yaml")) {
		t.Errorf("outside a work tree: %+v, want nil", set)
	}
}

// TestRelativeGitDir: git hooks run with GIT_DIR=.git relative to the top
// of the work tree; git run from a subfolder must still find the
// repository.
func TestRelativeGitDir(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	write(t, filepath.Join(dir, ".gitignore"), "drafts/\n")
	write(t, filepath.Join(dir, "profiles", "drafts", "b.yaml"), "a: 1\n")
	t.Chdir(dir)
	t.Setenv("GIT_DIR", ".git")
	set := Ignored("profiles")
	if !set.Has(filepath.Join("profiles", "drafts")) {
		t.Errorf("with GIT_DIR=.git, profiles/drafts is not ignored: %+v", set)
	}
}
