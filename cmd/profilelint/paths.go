package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

// reportFlags place and size the machine formats' reports.
func reportFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "root", Usage: "name files in sarif, gitlab, rdjson, github, junit and checkstyle relative to `DIR` (default: the git repository's top level)"},
		&cli.StringFlag{Name: "path-prefix", Usage: "put `PREFIX` before the relative paths of those formats instead (a layout git does not know)"},
		&cli.BoolFlag{Name: "full", Usage: "markdown and github: report every finding, past a pull-request comment's 65,536 characters and GitHub's 10 annotations per level"},
		&cli.StringFlag{Name: "full-report", Usage: "where a cut markdown or github report says the full report is (default: the run's first other report file)", DefaultText: "a report file"},
	}
}

// repoPlace returns where the run stands in the repository: the current
// folder relative to the root (the prefix of the machine formats' paths)
// and the root itself. Without --root or --path-prefix, the root is git's
// top level; outside a repository, or without git, it is the current
// folder. Only the formats that name files for a code host need it, so
// git is asked only for them.
func repoPlace(c *cli.Context, outs []output) (prefix, root string, err error) {
	if c.IsSet("root") && c.IsSet("path-prefix") {
		return "", "", errors.New("--root and --path-prefix: give one of them")
	}
	if c.IsSet("path-prefix") {
		p := filepath.ToSlash(c.String("path-prefix"))
		if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || !filepath.IsLocal(filepath.FromSlash(strings.TrimSuffix(p, "/"))) && p != "" && p != "." {
			return "", "", fmt.Errorf("--path-prefix %q: want a relative path inside the repository", c.String("path-prefix"))
		}
		return strings.TrimSuffix(p, "/"), "", nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	cwd = realPath(cwd)
	if c.IsSet("root") {
		root, err := filepath.Abs(c.String("root"))
		if err != nil {
			return "", "", fmt.Errorf("--root: %w", err)
		}
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			return "", "", fmt.Errorf("--root %s: not a folder", c.String("root"))
		}
		root = realPath(root)
		rel, err := filepath.Rel(root, cwd)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			return "", "", fmt.Errorf("--root %s: the current folder %s is not inside it", c.String("root"), cwd)
		}
		return slashPrefix(rel), root, nil
	}
	if !namesFilesForHost(outs) {
		return "", "", nil
	}
	out, err := exec.Command("git", "rev-parse", "--show-toplevel", "--show-prefix").Output()
	if err != nil {
		return "", "", nil // not a repository, or no git: paths stay as given
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 2 {
		return "", "", nil
	}
	return slashPrefix(lines[1]), realPath(lines[0]), nil
}

func slashPrefix(rel string) string {
	rel = strings.TrimSuffix(filepath.ToSlash(rel), "/")
	if rel == "." {
		return ""
	}
	return rel
}

func realPath(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p
}

// namesFilesForHost reports whether a format that maps files onto a
// code host's tree is among the outputs.
func namesFilesForHost(outs []output) bool {
	for _, o := range outs {
		switch o.format {
		case "sarif", "gitlab", "rdjson", "github", "junit", "checkstyle":
			return true
		}
	}
	return false
}

// fullReport names a report file of the run that holds every finding,
// for github's notice and a cut markdown report to point at, unless
// --full-report says where it is (the Action: code scanning).
func fullReport(c *cli.Context, outs []output, full bool) string {
	if c.IsSet("full-report") {
		return c.String("full-report")
	}
	for _, o := range outs {
		if o.path == "" || o.format == "github" || o.format == "markdown" && !full {
			continue
		}
		return o.path
	}
	return ""
}
