package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

const configHelp = `The configuration is .profilelint.yaml (or .profilelint.yml), looked for in
the current folder and its parents up to the repository root (the first
folder holding .git) or the file system root. --config FILE names one;
--no-config uses the defaults. docs/configuration.md describes every
setting.`

func configFlag() cli.Flag {
	return &cli.StringFlag{Name: "config", Aliases: []string{"c"}, TakesFile: true, Usage: "read the configuration from `FILE` instead of looking for .profilelint.yaml"}
}

func noConfigFlag() cli.Flag {
	return &cli.BoolFlag{Name: "no-config", Usage: "use the default configuration, ignoring any .profilelint.yaml"}
}

// loadConfig reads the configuration that --config and --no-config select.
// Mistakes in a configuration file are printed at their file:line:column,
// like findings, and exit 2.
func loadConfig(c *cli.Context) (*config.Config, error) {
	all := rules.All()
	path := c.String("config")
	switch {
	case path != "" && c.Bool("no-config"):
		return nil, usageErrorf("--config and --no-config exclude each other")
	case c.Bool("no-config"):
		return config.Default(all), nil
	case path == "":
		found, err := config.Find(".")
		if err != nil {
			return nil, usageErrorf("looking for the configuration: %v", err)
		}
		if found == "" {
			return config.Default(all), nil
		}
		path = found
	}
	load := config.Load
	if c.String("config") != "" {
		load = config.LoadNamed // the user vouches for a file named on the command line
	}
	conf, err := load(path, all)
	var errs config.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Fprintln(c.App.ErrWriter, e)
		}
		return nil, &exitError{code: exitUsage}
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, usageErrorf("reading config %s: %v", path, pe.Err)
		}
		return nil, usageErrorf("%v", err)
	}
	return conf, nil
}

// configureLint loads the configuration for "lint" and drops the files it
// ignores. A file named on the command line that is ignored is skipped
// with a note, as golangci-lint and ESLint do: the configuration decides,
// and the note says why nothing was reported.
func configureLint(c *cli.Context, args, files []string) (*config.Config, []string, error) {
	conf, err := loadConfig(c)
	if err != nil {
		return nil, nil, err
	}
	named := make(map[string]bool, len(args))
	for _, a := range args {
		named[filepath.Clean(a)] = true
	}
	kept := files[:0:0]
	for _, f := range files {
		if f == "-" {
			kept = append(kept, f)
			continue
		}
		if g := conf.IgnoredBy(f); g != "" {
			if named[filepath.Clean(f)] {
				fmt.Fprintf(c.App.ErrWriter, "profilelint: %s: skipped: ignored by %q in %s\n", f, g, conf.Files[0])
			}
			continue
		}
		kept = append(kept, f)
	}
	return conf, kept, nil
}

// ruleOffEverywhere turns a rule off for every file, overrides included:
// --disable and --only win over the configuration.
func ruleOffEverywhere(cfg *lint.Config, id string) {
	cfg.Severity[id] = lint.Off
	for _, o := range cfg.Overrides {
		delete(o.Severity, id)
	}
}

// ruleOn undoes the configuration's "off" for a rule named by --only: it
// runs at its default severity. Overrides still apply to the files they
// match, as golangci-lint's --enable-only keeps its exclusions.
func ruleOn(cfg *lint.Config, id string) {
	if s, ok := cfg.Severity[id]; ok && s == lint.Off {
		delete(cfg.Severity, id)
	}
}

func initCommand() *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: "write a commented starter .profilelint.yaml in the current folder",
		Description: `Writes .profilelint.yaml in the current folder: the default ladders, and
every rule with its default severity and options, commented out. Uncomment
and edit what your team wants to change, then check the result with
"profilelint config".

An existing .profilelint.yaml or .profilelint.yml is never overwritten:
init then exits 2.

` + configHelp,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("init takes no arguments; it writes %s in the current folder", config.Names[0])
			}
			for _, name := range config.Names {
				if _, err := os.Lstat(name); err == nil {
					return usageErrorf("%s already exists; edit it, or remove it to start again", name)
				}
			}
			// A file in a parent folder is hidden by the new one, unless
			// this folder is the repository root and the walk stops here.
			parent := ""
			if _, err := os.Stat(".git"); err != nil {
				parent, _ = config.Find("..")
			}
			f, err := os.OpenFile(config.Names[0], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return usageErrorf("writing %s: %v", config.Names[0], errors.Unwrap(err))
			}
			_, werr := f.Write(config.Starter(rules.All()))
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				return &exitError{code: exitInternal, err: fmt.Errorf("writing %s: %w", config.Names[0], werr)}
			}
			fmt.Fprintf(c.App.Writer, "wrote %s; \"profilelint config\" shows the effective configuration\n", config.Names[0])
			if parent != "" {
				fmt.Fprintf(c.App.ErrWriter, "profilelint: note: %s now takes the place of %s here; add \"extends: %s\" to keep its settings\n",
					config.Names[0], parent, filepath.ToSlash(parent))
			}
			return nil
		},
	}
}

func configCommand() *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "print the effective configuration, or its JSON Schema",
		Description: `Prints the configuration "lint" would use here, after extends are merged,
as YAML: the files it was read from, then every ladder and every rule with
its severity and options. A comment after each value names the file that
set it ("default" when none did). The output is itself a valid
configuration.

--schema prints the JSON Schema of configuration files instead; point the
YAML language server at it to validate .profilelint.yaml while you type:

   profilelint config --schema > profilelint-config.json
   # yaml-language-server: $schema=profilelint-config.json

A mistake in a configuration file is printed at its file:line:column and
exits 2, as with "lint".

` + configHelp,
		Flags: []cli.Flag{
			configFlag(),
			noConfigFlag(),
			&cli.BoolFlag{Name: "schema", Usage: "print the JSON Schema of configuration files"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("config takes no arguments; use --config FILE to name a file")
			}
			if c.Bool("schema") {
				_, err := c.App.Writer.Write(config.SchemaJSON)
				return err
			}
			conf, err := loadConfig(c)
			if err != nil {
				return err
			}
			return conf.Format(c.App.Writer)
		},
	}
}
