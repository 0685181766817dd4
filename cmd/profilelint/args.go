package main

import (
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/internal/suggest"
)

// urfave/cli v2 parses flags with the standard flag package, which stops
// at the first argument that is not a flag: "fix . --check" would take
// --check for a second path (its issues #976 and #1177). normalizeArgs
// reads the command line the way users of git, go and most linters expect
// and hands urfave/cli the same words in the order it understands:
//
//	profilelint fix . --check -f json   →   profilelint fix --check -f json -- .
//
// Flags may stand anywhere after the command, with their values as the
// next word or after "="; "--" ends the flags; "-" is an argument
// (standard input). Doing it before urfave/cli sees the words also lets
// every mistake get one line with the closest valid name, instead of the
// library's help text on standard output.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) == 0 {
		return args, nil
	}
	out := []string{args[0]}
	rest := args[1:]
	// Flags of the application itself (--help, --version) stand before
	// the command.
	for len(rest) > 0 && isFlag(rest[0]) && rest[0] != "--" {
		name, _, _ := splitFlag(rest[0])
		if findFlag(app.Flags, name) == nil && !isHelpFlag(name) && !isVersionFlag(name) {
			return nil, unknownFlag(rest[0], "profilelint", append(app.Flags[:len(app.Flags):len(app.Flags)], cli.VersionFlag))
		}
		out = append(out, rest[0])
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return out, nil
	}
	name := rest[0]
	if name == "--" {
		return nil, usageErrorf("\"--\" ends a command's flags; name the command first (\"profilelint lint -- PATH\")")
	}
	rest = rest[1:]
	if name == "help" {
		// "help lint" is "lint --help"; "help" alone (or "help help"),
		// the overview.
		if len(rest) == 0 || rest[0] == "help" {
			return append(out, "--help"), nil
		}
		name, rest = rest[0], append(rest[1:len(rest):len(rest)], "--help")
	}
	cmd := app.Command(name)
	if cmd == nil {
		return nil, unknownCommand(name, "profilelint", app.Commands)
	}
	return normalizeCommand(cmd, "profilelint "+cmd.Name, append(out, cmd.Name), rest)
}

// normalizeCommand appends to out the flags of cmd found anywhere in
// words, then its arguments after "--"; a command with subcommands hands
// the words after the subcommand's name to it.
func normalizeCommand(cmd *cli.Command, path string, out, words []string) ([]string, error) {
	var positional []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			positional = append(positional, words[i+1:]...)
			i = len(words)
			continue
		case !isFlag(w):
			if len(cmd.Subcommands) > 0 && len(positional) == 0 {
				if w == "help" {
					// "cache help" is "cache --help".
					return append(out, "--help"), nil
				}
				sub := cmd.Command(w)
				if sub == nil {
					return nil, unknownCommand(w, path, cmd.Subcommands)
				}
				return normalizeCommand(sub, path+" "+sub.Name, append(out, sub.Name), words[i+1:])
			}
			positional = append(positional, w)
			continue
		}
		name, _, hasValue := splitFlag(w)
		if isHelpFlag(name) {
			out = append(out, w)
			continue
		}
		f := findFlag(cmd.Flags, name)
		if f == nil {
			return nil, unknownFlag(w, path, cmd.Flags)
		}
		out = append(out, w)
		if takesValue(f) && !hasValue {
			if i+1 == len(words) {
				return nil, usageErrorf("%s: flag %s needs a value", lead(path), w)
			}
			i++
			out = append(out, words[i])
		}
	}
	if len(cmd.Subcommands) > 0 && len(positional) == 0 && cmd.Action == nil && !helpAsked(out) {
		return nil, usageErrorf("%s: which one? %s; \"%s --help\" tells more", lead(path), strings.Join(commandNames(cmd.Subcommands), ", "), path)
	}
	// With --help, urfave/cli would take an argument for a help topic.
	if len(positional) > 0 && !helpAsked(out) {
		out = append(append(out, "--"), positional...)
	}
	return out, nil
}

// isFlag reports whether a word is a flag: "-" alone is standard input.
func isFlag(w string) bool { return len(w) > 1 && w[0] == '-' }

// splitFlag returns the name of a flag word without its dashes, and the
// value given after "=", if any.
func splitFlag(w string) (name, value string, hasValue bool) {
	name = strings.TrimLeft(w, "-")
	name, value, hasValue = strings.Cut(name, "=")
	return name, value, hasValue
}

func isHelpFlag(name string) bool    { return name == "help" || name == "h" }
func isVersionFlag(name string) bool { return name == "version" || name == "v" }

// helpAsked reports whether the words ask for help: --help or -h, or
// --help=VALUE with a VALUE that is true.
func helpAsked(words []string) bool {
	for _, w := range words {
		if !isFlag(w) {
			continue
		}
		name, value, hasValue := splitFlag(w)
		if !isHelpFlag(name) {
			continue
		}
		if on, err := strconv.ParseBool(value); !hasValue || err == nil && on {
			return true
		}
	}
	return false
}

func findFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// takesValue reports whether a flag reads the next word as its value: all
// but the boolean ones.
func takesValue(f cli.Flag) bool {
	if v, ok := f.(cli.DocGenerationFlag); ok {
		return v.TakesValue()
	}
	return false
}

func flagWords(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		for _, n := range f.Names() {
			out = append(out, dashed(n))
		}
	}
	return append(out, "--help")
}

func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func unknownFlag(word, path string, flags []cli.Flag) error {
	name, _, _ := splitFlag(word)
	msg := "unknown flag " + dashed(name)
	if l := lead(path); l != "" {
		msg = l + ": " + msg
	}
	// One letter is too little to guess from: -v is not a misspelt -f.
	if len(name) > 1 {
		if best := suggest.Closest(dashed(name), flagWords(flags)); best != "" {
			return usageErrorf("%s; did you mean %s?", msg, best)
		}
	}
	if strings.Contains(name, ".") || strings.Contains(name, "/") {
		// A path that starts with a dash: "--" before it says so.
		return usageErrorf("%s; a path that starts with \"-\" goes after \"--\"", msg)
	}
	return usageErrorf("%s; \"%s --help\" lists the flags", msg, path)
}

func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		if !c.Hidden {
			out = append(out, c.Name)
		}
	}
	return out
}

func unknownCommand(name, path string, cmds []*cli.Command) error {
	if best := suggest.Closest(name, commandNames(cmds)); best != "" {
		return usageErrorf("unknown command %q; did you mean \"%s %s\"?", name, path, best)
	}
	return usageErrorf("unknown command %q; \"%s --help\" lists the commands", name, path)
}

// lead is what a message about the command path starts with: "lint" for
// "profilelint lint" (the run prefixes every message with "profilelint:").
func lead(path string) string {
	rest, _ := strings.CutPrefix(path, "profilelint")
	return strings.TrimPrefix(rest, " ")
}
