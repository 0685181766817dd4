package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/importer"
	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/internal/safefile"
)

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "convert published profile pages into profile/v1 YAML",
		ArgsUsage: "PAGE…",
		Description: `Reads the text of a published profile page (title, id, focus, lead,
responsibilities, level guidelines table, skills, provenance, level
definition, adjacent roles, title aliases, classification) and writes it as
a profile/v1 YAML file: on standard output, or with -o DIR as DIR/<id>.yaml
for each page. "-" reads a page from standard input.

Every text is kept as the page shows it; a section the page lacks becomes
an empty list or is left out, never invented. Years such as "0–1 years",
"5+ years (BA), 3 years (MA)" and "15–22 yrs" become {min, max} from the
first span. The page lists responsibilities flat: when their number divides
evenly by the ladder's levels (--ladder; else the track's ladder from
.profilelint.yaml; else P1…P7 for P levels and M1…M6 for M levels) they are spread over the levels in order, and standard
error says so; otherwise all stay on the profile's own level, with a
warning. Lint the result: the page's gaps (no sources, no scores) are
findings.

Exit status: 0 when every page was imported, 1 when a page is not a profile
page (the error names its first line that does not fit; the other pages
are still imported), 2 for a usage error, a page that cannot be read, or an
output file that exists (without --force) or cannot be written.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write each profile to `DIR`/<id>.yaml instead of standard output"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite existing files in the -o folder"},
			&cli.StringFlag{Name: "ladder", Usage: "the levels to spread responsibilities over, comma-separated, lowest first (e.g. P1,P2,P3)"},
			configFlag(),
			noConfigFlag(),
		},
		Action: runImport,
	}
}

func runImport(c *cli.Context) error {
	pages := c.Args().Slice()
	dir := c.String("output")
	switch {
	case len(pages) == 0:
		return usageErrorf("import needs a page to read")
	case len(pages) > 1 && dir == "":
		return usageErrorf("several pages need -o DIR: standard output takes one profile")
	case c.Bool("force") && dir == "":
		return usageErrorf("--force applies to -o DIR")
	}
	conf, err := loadConfig(c)
	if err != nil {
		return err
	}
	opts := importer.Options{Ladders: conf.Lint().Ladders}
	if l := c.String("ladder"); l != "" {
		for _, code := range strings.Split(l, ",") {
			if code = strings.TrimSpace(code); code == "" {
				return usageErrorf("--ladder: %q has an empty level", l)
			}
			opts.Ladder = append(opts.Ladder, strings.TrimSpace(code))
		}
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return usageErrorf("-o: %v", err)
		}
	}
	stderr := c.App.ErrWriter
	code := exitOK
	worse := func(n int) {
		code = max(code, n)
	}
	for _, page := range pages {
		var data []byte
		var err error
		if page == "-" {
			data, err = io.ReadAll(c.App.Reader)
			page = "<stdin>"
		} else {
			data, err = os.ReadFile(page)
		}
		if err != nil {
			fmt.Fprintf(stderr, "profilelint: %s: %v\n", page, fserr.Cause(err))
			worse(exitUsage)
			continue
		}
		res, err := importer.Parse(page, data, opts)
		if err != nil {
			fmt.Fprintf(stderr, "profilelint: %v\n", err)
			worse(exitFindings)
			continue
		}
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "%s: %s\n", page, n)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", page, w)
		}
		out := res.Profile.YAML(filepath.Base(page))
		if dir == "" {
			if _, err := c.App.Writer.Write(out); err != nil {
				return &exitError{code: exitInternal, err: fmt.Errorf("writing standard output: %w", err)}
			}
			continue
		}
		path := filepath.Join(dir, res.Profile.ID+".yaml")
		if err := writeNew(path, out, c.Bool("force")); err != nil {
			fmt.Fprintf(stderr, "profilelint: %v\n", err)
			worse(exitUsage)
			continue
		}
		fmt.Fprintf(stderr, "wrote %s\n", path)
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// writeNew writes a file that must not exist yet, unless force: then it
// replaces it whole (safefile), so that a failed write leaves the old one,
// and never through a link.
func writeNew(path string, data []byte, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		f, err := safefile.Create(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if _, err := f.Write(data); err != nil {
			f.Abort()
			return fmt.Errorf("%s: %w", path, fserr.Cause(err))
		}
		return f.Commit()
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s exists; --force overwrites it", path)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, fserr.Cause(err))
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("%s: %w", path, fserr.Cause(err))
	}
	return nil
}
