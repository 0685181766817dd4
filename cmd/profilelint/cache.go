package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/cache"
	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
)

func noCacheFlag() cli.Flag {
	return &cli.BoolFlag{Name: "no-cache", Usage: "lint every file afresh, neither reading nor writing the result cache"}
}

// openCache opens the result store for this run's configuration. Results
// are reused only when the tool's build, the configuration and the rule
// selection are the same; without a usable cache folder the run simply
// goes uncached.
func openCache(c *cli.Context, conf *config.Config, cfg *lint.Config) *cache.Store {
	if c.Bool("no-cache") {
		return nil
	}
	dir, err := cache.Dir()
	if err != nil {
		return nil
	}
	var key bytes.Buffer
	fmt.Fprintf(&key, "version %s\nbuild %s\nlimits %+v\nonly %q\ndisable %q\n",
		version, buildHash(), cfg.Limits, c.StringSlice("only"), c.StringSlice("disable"))
	if err := conf.Format(&key); err != nil {
		return nil
	}
	cfg.CacheKey = key.String()
	store := cache.Open(dir, cfg.CacheKey)
	cfg.Cache = store
	return store
}

var (
	buildHashOnce sync.Once
	buildHashSum  string
)

// buildHash identifies the running binary by its content, so that a
// rebuilt profilelint never reads results an older build wrote.
func buildHash() string {
	buildHashOnce.Do(func() {
		buildHashSum = "unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			buildHashSum = hex.EncodeToString(h.Sum(nil))
		}
	})
	return buildHashSum
}

func cacheCommand() *cli.Command {
	return &cli.Command{
		Name:  "cache",
		Usage: "manage the result cache",
		Description: `lint keeps each file's results in the user cache folder
($XDG_CACHE_HOME/profilelint, else ~/.cache/profilelint on Linux), keyed by
the file's name and content, the configuration and the profilelint build,
so that a repeated run re-lints only what changed. A file whose size, times
and inode are as recorded is not even read (one modified in the two seconds
before the run always is). Results with and without the cache are the same;
"lint --no-cache" bypasses it.`,
		Subcommands: []*cli.Command{{
			Name:  "clean",
			Usage: "empty the result cache",
			Action: func(c *cli.Context) error {
				dir, err := cache.Dir()
				if err != nil {
					return &exitError{code: exitUsage, err: err}
				}
				n, err := cache.Clean(dir)
				if err != nil {
					return &exitError{code: exitInternal, err: fmt.Errorf("cleaning %s: %w", dir, err)}
				}
				fmt.Fprintf(c.App.Writer, "removed %d cache %s from %s\n", n, plural(n, "store", "stores"), dir)
				return nil
			},
		}},
	}
}
