package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"profilelint": func() { os.Exit(main1()) },
		// profilelint-status runs profilelint and prints its exit status
		// last on standard output, exiting 0, so that scripts can assert
		// the exact code ("! exec" only tells that it was not 0).
		"profilelint-status": func() {
			code := main1()
			fmt.Printf("exit status %d\n", code)
			os.Exit(0)
		},
		// profilelint with one more rule that panics on every file, to
		// show what an internal error looks like; prints its exit status
		// like profilelint-status.
		"profilelint-panicking-rule": func() {
			rules.Register(&lint.Rule{
				ID: "test-panic", Summary: "panics", Severity: lint.Error,
				Doc: lint.Doc{Text: "Panics.", Bad: "a: 1\n", Good: "a: 1\n"},
				Run: func(*lint.Pass) { panic("something the rule did not expect") },
			})
			code := main1()
			fmt.Printf("exit status %d\n", code)
			os.Exit(0)
		},
	})
}

// TestScript runs the CLI scripts in testdata/script. Each script starts
// with copies of the shipped examples/ and of the clean ladder
// (testdata/ladder, as ladder/) and of the hostile inputs
// (testdata/hostile, as hostile/) in its work folder, and a repository
// shaped like real ones (testdata/repo.txtar, as ladder-repo/, with the ladder in
// ladder-repo/profiles/ladder).
func TestScript(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	ladder, err := filepath.Abs("../../testdata/ladder")
	if err != nil {
		t.Fatal(err)
	}
	hostile, err := filepath.Abs("../../testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	repo, err := filepath.Abs("../../testdata/repo.txtar")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			if err := copyDir(ladder, filepath.Join(env.WorkDir, "ladder")); err != nil {
				return err
			}
			if err := copyDir(hostile, filepath.Join(env.WorkDir, "hostile")); err != nil {
				return err
			}
			// git, for the scripts that make repo/ a repository: no
			// configuration of the machine's, a fixed identity.
			env.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "author")
			env.Setenv("GIT_AUTHOR_EMAIL", "author@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "author")
			env.Setenv("GIT_COMMITTER_EMAIL", "author@example.com")
			if err := extractRepo(repo, filepath.Join(env.WorkDir, "ladder-repo")); err != nil {
				return err
			}
			if err := copyDir(ladder, filepath.Join(env.WorkDir, "ladder-repo", "profiles", "ladder")); err != nil {
				return err
			}
			return copyDir(examples, filepath.Join(env.WorkDir, "examples"))
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "readonly":
				return canMakeReadonly(), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"readonly": readonly,
			// hostile-name FILE renames FILE, in its folder, to a name
			// holding an escape sequence (a txtar archive cannot hold one).
			"hostile-name": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: hostile-name FILE")
				}
				from := ts.MkAbs(args[0])
				ts.Check(os.Rename(from, filepath.Join(filepath.Dir(from), "a\x1b[2Jb.yaml")))
			},
			"browser":   browser,
			"gencorpus": gencorpus,
		},
	})
}

// readonly makes a folder one that profilelint cannot write in, and
// writable again when the script ends. Without root, that is its mode
// (0555). Root writes whatever the mode, so as root the folder is made
// immutable (chattr +i). Scripts check the condition [readonly] first:
// where neither works (no chattr, a file system without the flag, no
// CAP_LINUX_IMMUTABLE) they skip rather than pass on a folder that is in
// fact writable.
func readonly(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: readonly DIR")
	}
	dir := ts.MkAbs(args[0])
	undo, err := makeReadonly(dir)
	ts.Check(err)
	ts.Defer(undo)
}

func makeReadonly(dir string) (undo func(), err error) {
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			return nil, err
		}
		return func() { _ = os.Chmod(dir, 0o755) }, nil
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("chattr +i %s: %v %s", dir, err, out)
	}
	return func() { _ = exec.Command("chattr", "-i", dir).Run() }, nil
}

var readonlyOnce struct {
	sync.Once
	ok bool
}

// canMakeReadonly reports whether makeReadonly gives a folder that this
// process cannot create a file in.
func canMakeReadonly() bool {
	readonlyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "readonly")
		if err != nil {
			return
		}
		defer os.RemoveAll(dir)
		undo, err := makeReadonly(dir)
		if err != nil {
			return
		}
		defer undo()
		probe := filepath.Join(dir, "probe")
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			readonlyOnce.ok = true
			return
		}
		os.Remove(probe)
	})
	return readonlyOnce.ok
}

// extractRepo writes the files of a txtar archive under dir: a repository
// with a .gitignore of its own, which cannot be kept as files in this
// one without this one's git obeying it.
func extractRepo(archive, dir string) error {
	a, err := txtar.ParseFile(archive)
	if err != nil {
		return err
	}
	for _, f := range a.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
