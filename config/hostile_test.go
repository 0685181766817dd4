//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/profilelint/profilelint/lint"
)

// loadSoon runs a load with a deadline: what it guards against is a read
// that never ends.
func loadSoon(t *testing.T, load func(string, []*lint.Rule) (*Config, error), path string) (*Config, error) {
	t.Helper()
	type result struct {
		c   *Config
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := load(path, testRules)
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("loading %s did not return within 10 s", path)
		return nil, nil
	}
}

func TestExtendsDevice(t *testing.T) {
	dir := write(t, map[string]string{"c.yaml": "extends: /dev/zero\n"})
	chdir(t, dir)
	// Named with --config, the file may extend anything: the read itself
	// must refuse a device rather than read it forever.
	_, err := loadSoon(t, LoadNamed, "c.yaml")
	if err == nil || !strings.Contains(err.Error(), "c.yaml:1:10: extends: cannot read /dev/zero: not a regular file") {
		t.Errorf("err = %v", err)
	}
	// Found, it may not leave its folder at all.
	_, err = loadSoon(t, Load, "c.yaml")
	if err == nil || !strings.Contains(err.Error(), "extends: /dev/zero is outside the repository") {
		t.Errorf("err = %v", err)
	}
}

func TestExtendsFIFO(t *testing.T) {
	dir := write(t, map[string]string{"c.yaml": "extends: pipe.yaml\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip(err)
	}
	chdir(t, dir)
	_, err := loadSoon(t, Load, "c.yaml")
	if err == nil || err.Error() != "c.yaml:1:10: extends: cannot read pipe.yaml: not a regular file (a folder, device or pipe)" {
		t.Errorf("err = %v", err)
	}
	// The root file too, as Find would hand it over.
	if err := os.Rename(filepath.Join(dir, "pipe.yaml"), filepath.Join(dir, ".profilelint.yaml")); err != nil {
		t.Fatal(err)
	}
	_, err = loadSoon(t, Load, ".profilelint.yaml")
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("err = %v", err)
	}
}

func TestFileSizeLimit(t *testing.T) {
	big := "rules: {}\n" + strings.Repeat("# padding\n", MaxFileSize/10+1)
	dir := write(t, map[string]string{"big.yaml": big, "c.yaml": "extends: big.yaml\n"})
	chdir(t, dir)
	_, err := Load("big.yaml", testRules)
	if err == nil || !strings.Contains(err.Error(), "over the limit of 1048576 bytes") {
		t.Errorf("root: err = %v", err)
	}
	_, err = Load("c.yaml", testRules)
	if err == nil || !strings.HasPrefix(err.Error(), "c.yaml:1:10: extends: cannot read big.yaml: ") || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("extends: err = %v", err)
	}
}

// A file that is not a configuration is said to be none, and nothing of
// it is quoted: extends may name any file its author can guess.
func TestForeignFileNotEchoed(t *testing.T) {
	for name, secret := range map[string]string{
		"shadow":  "root:$6$Zk3eSALTSECRET$hashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
		"mapping": "password: SECRET-hunter2\napi_key: SECRET-abc\n",
		"list":    "- SECRET one\n- SECRET two\n",
		"broken":  "SECRET: [unclosed\n",
		"json":    `{"token": "SECRET", "nested": {"rules": 1}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := write(t, map[string]string{"c.yaml": "extends: other\n", "other": secret})
			chdir(t, dir)
			for _, path := range []string{"c.yaml", "other"} {
				_, err := Load(path, testRules)
				if err == nil {
					t.Fatalf("%s: loaded", path)
				}
				msg := err.Error()
				if strings.Contains(msg, "SECRET") || strings.Contains(msg, "root") || strings.Contains(msg, "password") || strings.Contains(msg, "token") {
					t.Errorf("%s: the message quotes the file:\n%s", path, msg)
				}
				if !strings.Contains(msg, "other:1:1: not a profilelint configuration") || strings.Count(msg, "\n") > 0 {
					t.Errorf("%s: want one line saying other is no configuration, got:\n%s", path, msg)
				}
			}
		})
	}
}

// A configuration with a typo is still one: its mistakes are shown.
func TestTypoIsStillConfig(t *testing.T) {
	dir := write(t, map[string]string{"a.yaml": "rulez: {}\n", "b.yaml": "rules:\n  schema: [off\n"})
	chdir(t, dir)
	if _, err := Load("a.yaml", testRules); err == nil || err.Error() != `a.yaml:1:1: unknown key "rulez"; did you mean "rules"?` {
		t.Errorf("a.yaml: %v", err)
	}
	if _, err := Load("b.yaml", testRules); err == nil || strings.Contains(err.Error(), "not a profilelint configuration") {
		t.Errorf("b.yaml: want the syntax error, got %v", err)
	}
}

func TestUnknownKeyClippedAndEscaped(t *testing.T) {
	long := strings.Repeat("x", 500)
	dir := write(t, map[string]string{
		"c.yaml": "rules: {}\n\"\\e[2J\\e]0;pwned\\a" + long + "\": 1\n" +
			"limits: {\"\\u202Emax_bytes\": 1}\n",
	})
	chdir(t, dir)
	_, err := Load("c.yaml", testRules)
	if err == nil {
		t.Fatal("loaded")
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.ContainsAny(line, "\x1b\a\u202e") {
			t.Errorf("raw control character in %q", line)
		}
		if len(line) > 200 {
			t.Errorf("line of %d bytes: %.80s…", len(line), line)
		}
	}
	// 40 characters: 14 of the escape sequences, 26 of the x's.
	if want := `c.yaml:2:1: unknown key "\x1b[2J\x1b]0;pwned\a` + long[:26] + `…"`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v\nwant it to start %s", err, want)
	}
	if !strings.Contains(err.Error(), `unknown key "\u202emax_bytes" in limits`) {
		t.Errorf("err = %v", err)
	}
}

func TestExtendsPathEscaped(t *testing.T) {
	dir := write(t, map[string]string{"c.yaml": "extends: \"\\e[2J\\e]0;x\\a.yaml\"\n"})
	chdir(t, dir)
	_, err := Load("c.yaml", testRules)
	if err == nil || err.Error() != `c.yaml:1:10: extends: cannot read "\x1b[2J\x1b]0;x\a.yaml": no such file or directory` {
		t.Errorf("err = %v", err)
	}
}

func TestExtendsStaysInRepository(t *testing.T) {
	dir := write(t, map[string]string{
		"outside.yaml":                "rules: {schema: off}\n",
		"repo/.git/HEAD":              "",
		"repo/base.yaml":              "rules: {placeholder: off}\n",
		"repo/team/.profilelint.yaml": "extends: ../base.yaml\n",
		"repo/up.yaml":                "extends: ../outside.yaml\n",
		"repo/via-link.yaml":          "extends: link.yaml\n",
		"lone/c.yaml":                 "extends: ../outside.yaml\n",
	})
	chdir(t, filepath.Join(dir, "repo"))
	if c := load(t, "team/.profilelint.yaml"); len(c.Files) != 2 {
		t.Errorf("inside the repository: files %q", c.Files)
	}
	if err := os.Symlink("../outside.yaml", "link.yaml"); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("../outside.yaml", ".profilelint.yaml"); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"up.yaml", "via-link.yaml"} {
		_, err := Load(path, testRules)
		if err == nil || !strings.Contains(err.Error(), "is outside the repository") {
			t.Errorf("%s: err = %v", path, err)
		}
		if _, err := LoadNamed(path, testRules); err != nil {
			t.Errorf("%s named: %v", path, err)
		}
	}
	// The file found may itself be a link out.
	if _, err := Load(".profilelint.yaml", testRules); err == nil || !strings.Contains(err.Error(), "outside the repository") {
		t.Errorf("linked root: err = %v", err)
	}
	// Outside a repository, the file's own folder is the bound.
	chdir(t, filepath.Join(dir, "lone"))
	if _, err := Load("c.yaml", testRules); err == nil || !strings.Contains(err.Error(), "is outside the repository "+realPath(filepath.Join(dir, "lone"))) {
		t.Errorf("lone: err = %v", err)
	}
}
