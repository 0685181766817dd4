package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
)

func noCacheFlag() cli.Flag {
	return &cli.BoolFlag{Name: "no-cache", Usage: "lint every file afresh, neither reading nor writing the result cache"}
}

// openCache opens the result cache for this run's configuration, which
// derives its key from it; without a usable cache folder the run simply
// goes uncached.
func openCache(c *cli.Context, cfg *lint.Config) *resultcache.Store {
	if c.Bool("no-cache") {
		return nil
	}
	dir, err := resultcache.Dir()
	if err != nil {
		return nil
	}
	store := resultcache.Open(dir, cfg)
	cfg.Store = store
	return store
}

func cacheCommand() *cli.Command {
	return &cli.Command{
		Name:  "cache",
		Usage: "manage the result cache",
		Description: `lint keeps each file's results in the user cache folder
($XDG_CACHE_HOME/profilelint, else ~/.cache/profilelint on Linux), keyed by
the file's name and content, the configuration and the profilelint build
(and the date, for rules that judge against today), so that a repeated run
re-lints only what changed. A file whose size, times
and inode are as recorded is not even read (one modified in the two seconds
before the run always is). Results with and without the cache are the same;
"lint --no-cache" bypasses it. PROFILELINT_CACHEVERIFY=1 computes every
cached result again and fails the run if one differs.`,
		Subcommands: []*cli.Command{{
			Name:  "clean",
			Usage: "empty the result cache",
			Action: func(c *cli.Context) error {
				dir, err := resultcache.Dir()
				if err != nil {
					return &exitError{code: exitUsage, err: err}
				}
				n, err := resultcache.Clean(dir)
				if err != nil {
					return &exitError{code: exitInternal, err: fmt.Errorf("cleaning %s: %w", dir, err)}
				}
				fmt.Fprintf(c.App.Writer, "removed %d cache %s from %s\n", n, plural(n, "store", "stores"), dir)
				return nil
			},
		}},
	}
}
