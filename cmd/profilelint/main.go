// Command profilelint validates and lints career-profile files.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"runtime/pprof"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/internal/textesc"
)

// Exit codes. They are part of the interface: CI jobs test them.
const (
	exitOK       = 0 // nothing at or above the fail level
	exitFindings = 1 // findings at or above the fail level
	exitUsage    = 2 // bad flag, bad config, unreadable path
	exitInternal = 3 // profilelint itself failed
)

func main() {
	tuneGC()
	stop := startProfile(os.Getenv("PROFILELINT_CPUPROFILE"))
	code := main1()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the run to path, when set: the
// figures in docs/performance.md come from such profiles of whole runs.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "profilelint: PROFILELINT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// tuneGC trades memory for speed where it pays. Linting thousands of
// profiles allocates far more than it keeps (each file's tree is dropped
// once it is linted), so the default GOGC=100 collects several times per
// file; GOGC=400 collects a quarter as often. A soft memory limit, set
// once the number of files is known (memoryLimit), keeps the peak bounded.
// GOGC and GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// memoryLimit sets the soft memory limit for a run over n files: room for
// the files being parsed, and four times what the run keeps per file
// (findings and the facts of the corpus-wide rules, about 5 KiB). The
// room over what is kept must grow with the corpus, or each collection
// marks more for the same garbage and time grows faster than the corpus
// (measured: 50,000 profiles took 7.2 times as long as 10,000 with
// 12 KiB per file, 5.7 times with 20 KiB).
func memoryLimit(n int) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(160<<20 + int64(n)*20<<10)
	}
}

// exitError carries an exit code through urfave/cli.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func main1() int {
	return run(os.Args, os.Stdin, os.Stdout, os.Stderr)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A panic is profilelint's fault, never the user's: exit 3, so
		// that CI does not read it as a usage error.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "profilelint: internal error: %v\n", v)
			if os.Getenv("PROFILELINT_DEBUG") != "" {
				stderr.Write(debug.Stack())
			} else {
				fmt.Fprintf(stderr, "profilelint: please report it, with the output of PROFILELINT_DEBUG=1 profilelint …\n")
			}
			code = exitInternal
		}
	}()
	// Messages on standard error name files and quote profiles: both are
	// whatever the repository holds, so control characters are escaped.
	stderr = textesc.NewWriter(stderr, "\n\t")
	// --version says what "version" says.
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintf(c.App.Writer, "profilelint %s\n", version) }
	app := newApp(stdin, stdout, stderr)
	args, err := normalizeArgs(app, args)
	if err == nil {
		err = app.Run(args)
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "profilelint: %v\n", ee.err)
		}
		return ee.code
	}
	// Anything urfave/cli reports itself is a usage error: an unknown
	// flag or command, a missing argument.
	fmt.Fprintf(stderr, "profilelint: %v\n", err)
	return exitUsage
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "profilelint",
		Usage: "validate and lint career-profile files",
		Description: `profilelint checks profile/v1 files (one role focus at one level of a
career ladder, in YAML or JSON) against the profile/v1 schema and against
content rules the schema cannot express: levels in order, experience that
rises with the level, no duplicated descriptions, sourced and reviewed
content, resolvable ids and SOC codes, clean text.

Start with:
   profilelint lint examples/        lint a folder
   profilelint rules                 list the rules
   profilelint rules level-order     explain one rule, with examples
   profilelint init                  write a starter .profilelint.yaml`,
		Version:         version,
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageErrorf("%v", err)
		},
		Commands: []*cli.Command{
			lintCommand(),
			schemaCommand(),
			rulesCommand(),
			fixCommand(),
			diffCommand(),
			importCommand(),
			initCommand(),
			configCommand(),
			cacheCommand(),
			baselineCommand(),
			versionCommand(),
			completionCommand(),
			lspCommand(),
		},
	}
	forEachCommand(app.Commands, "profilelint", func(c *cli.Command, path string) {
		// "help" is handled by normalizeArgs for every command, and a
		// bad flag value is one line on standard error, not the help.
		c.HideHelpCommand = true
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			// The flag package names flags with one dash.
			msg := singleDashFlag.ReplaceAllString(err.Error(), "flag --$1")
			return usageErrorf("%s: %s", lead(path), msg)
		}
	})
	return app
}

var singleDashFlag = regexp.MustCompile(`flag -([a-z][a-z-]+)`)

// forEachCommand calls fn with every command and subcommand, and the words
// that run it ("profilelint cache clean").
func forEachCommand(cmds []*cli.Command, parent string, fn func(c *cli.Command, path string)) {
	for _, c := range cmds {
		fn(c, parent+" "+c.Name)
		forEachCommand(c.Subcommands, parent+" "+c.Name, fn)
	}
}
