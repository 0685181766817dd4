package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/lint/report"
	"github.com/profilelint/profilelint/profdiff"
	"github.com/profilelint/profilelint/rules"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `Prints a script that completes profilelint's commands, flags, rule ids
(after --only, --disable and "rules") and format names (after --format).
The script is written from this build, so it knows its rules; nothing
runs profilelint while you type.

   bash:  source <(profilelint completion bash)     # in ~/.bashrc
   zsh:   profilelint completion zsh > "${fpath[1]}/_profilelint"
   fish:  profilelint completion fish > ~/.config/fish/completions/profilelint.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErrorf("completion: name the shell: bash, zsh or fish")
			}
			spec := completionSpec(c.App)
			switch shell := c.Args().First(); shell {
			case "bash":
				writeBash(c.App.Writer, spec)
			case "zsh":
				writeZsh(c.App.Writer, spec)
			case "fish":
				writeFish(c.App.Writer, spec)
			default:
				return usageErrorf("completion: unknown shell %q; want bash, zsh or fish", shell)
			}
			return nil
		},
	}
}

// completion is what the scripts complete, taken from the commands'
// definitions so that a new flag or rule is completed without anyone
// remembering to add it.
type completion struct {
	commands []completedCommand
}

type completedCommand struct {
	name, usage string
	flags       []string            // with dashes
	values      map[string][]string // a flag (with dashes) → the values it takes
	args        []string            // the words its arguments may be, or nil for files
	files       bool                // its arguments are paths
}

func completionSpec(app *cli.App) completion {
	ruleIDs := make([]string, 0, len(rules.All()))
	for _, r := range rules.All() {
		ruleIDs = append(ruleIDs, r.ID)
	}
	sort.Strings(ruleIDs)
	values := map[string][]string{
		"--format":     report.Formats,
		"-f":           report.Formats,
		"--only":       ruleIDs,
		"--disable":    ruleIDs,
		"--fail-level": {"error", "warning", "info", "none"},
		"--color":      {"auto", "always", "never"},
	}
	// diff has formats of its own.
	diffValues := map[string][]string{"--format": profdiff.Formats, "-f": profdiff.Formats}
	var spec completion
	var add func(cmds []*cli.Command, prefix string)
	add = func(cmds []*cli.Command, prefix string) {
		for _, c := range cmds {
			if c.Hidden {
				continue
			}
			cc := completedCommand{name: prefix + c.Name, usage: c.Usage, flags: flagWords(c.Flags), values: map[string][]string{}}
			for _, f := range cc.flags {
				v, ok := values[f]
				if c.Name == "diff" {
					v, ok = diffValues[f]
				}
				if ok {
					cc.values[f] = v
				}
			}
			switch {
			case len(c.Subcommands) > 0:
				cc.args = commandNames(c.Subcommands)
			case c.Name == "rules":
				cc.args = ruleIDs
			case c.Name == "completion":
				cc.args = []string{"bash", "zsh", "fish"}
			default:
				cc.files = c.ArgsUsage != ""
			}
			spec.commands = append(spec.commands, cc)
			add(c.Subcommands, prefix+c.Name+" ")
		}
	}
	add(app.Commands, "")
	return spec
}

// topCommands are the commands run as "profilelint NAME".
func (s completion) topCommands() []completedCommand {
	var out []completedCommand
	for _, c := range s.commands {
		if !strings.Contains(c.name, " ") {
			out = append(out, c)
		}
	}
	return out
}

// valueFlags lists the flags of c that take known values, sorted.
func (c completedCommand) valueFlags() []string {
	var out []string
	for f := range c.values {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

func writeBash(w io.Writer, s completion) {
	var names []string
	for _, c := range s.topCommands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for profilelint; source it: source <(profilelint completion bash)
_profilelint() {
    local cur prev cmd="" i
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    # --format=sa: bash splits the word at "=".
    if [[ $prev == "=" ]]; then
        prev="${COMP_WORDS[COMP_CWORD-2]}"
    elif [[ $cur == "=" ]]; then
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        cur=""
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        -* | =) ;;
        *) if [[ -z $cmd ]]; then cmd="${COMP_WORDS[i]}"; elif [[ $cmd == cache ]]; then cmd="cache ${COMP_WORDS[i]}"; fi ;;
        esac
    done
    case "$cmd" in
    "") COMPREPLY=($(compgen -W %q -- "$cur")) ;;
`, strings.Join(append(names, "--help", "--version"), " "))
	for _, c := range s.commands {
		fmt.Fprintf(w, "    %q)\n", c.name)
		if len(c.values) > 0 {
			fmt.Fprintf(w, "        case \"$prev\" in\n")
			for _, f := range c.valueFlags() {
				fmt.Fprintf(w, "        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", f, strings.Join(c.values[f], " "))
			}
			fmt.Fprintf(w, "        esac\n")
		}
		words := c.flags
		if !c.files {
			words = append(append([]string{}, c.args...), words...)
			fmt.Fprintf(w, "        COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", strings.Join(words, " "))
			continue
		}
		fmt.Fprintf(w, "        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); fi ;;\n", strings.Join(words, " "))
	}
	fmt.Fprintf(w, "    esac\n}\ncomplete -o default -F _profilelint profilelint\n")
}

func writeZsh(w io.Writer, s completion) {
	fmt.Fprintf(w, "#compdef profilelint\n# zsh completion for profilelint: profilelint completion zsh > \"${fpath[1]}/_profilelint\"\n")
	fmt.Fprintf(w, "_profilelint() {\n    local cmd=\"\" i\n    for ((i = 2; i < CURRENT; i++)); do\n")
	fmt.Fprintf(w, "        case ${words[i]} in\n        -*) ;;\n        *) if [[ -z $cmd ]]; then cmd=${words[i]}; elif [[ $cmd == cache ]]; then cmd=\"cache ${words[i]}\"; fi ;;\n        esac\n    done\n")
	fmt.Fprintf(w, "    case $cmd in\n    \"\")\n        local -a cmds\n        cmds=(\n")
	for _, c := range s.topCommands() {
		fmt.Fprintf(w, "            %s\n", zshQuote(c.name+":"+c.usage))
	}
	fmt.Fprintf(w, "        )\n        _describe command cmds ;;\n")
	for _, c := range s.commands {
		fmt.Fprintf(w, "    %s)\n", zshQuote(c.name))
		if len(c.values) > 0 {
			fmt.Fprintf(w, "        case ${words[CURRENT-1]} in\n")
			for _, f := range c.valueFlags() {
				fmt.Fprintf(w, "        %s) compadd -- %s; return ;;\n", f, strings.Join(c.values[f], " "))
			}
			fmt.Fprintf(w, "        esac\n")
		}
		if c.files {
			fmt.Fprintf(w, "        if [[ $PREFIX == -* ]]; then compadd -- %s; else _files; fi ;;\n", strings.Join(c.flags, " "))
		} else {
			fmt.Fprintf(w, "        compadd -- %s ;;\n", strings.Join(append(append([]string{}, c.args...), c.flags...), " "))
		}
	}
	// Autoloaded from fpath, the file's body is the function's, and the
	// first Tab must complete; sourced, it registers the function.
	fmt.Fprintf(w, "    esac\n}\nif [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n    _profilelint \"$@\"\nelse\n    compdef _profilelint profilelint\nfi\n")
}

func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func writeFish(w io.Writer, s completion) {
	fmt.Fprintf(w, "# fish completion for profilelint: profilelint completion fish > ~/.config/fish/completions/profilelint.fish\n")
	fmt.Fprintf(w, "complete -c profilelint -f\n")
	for _, c := range s.topCommands() {
		fmt.Fprintf(w, "complete -c profilelint -n __fish_use_subcommand -a %s -d %s\n", c.name, zshQuote(c.usage))
	}
	for _, c := range s.commands {
		parts := strings.Fields(c.name)
		cond := "__fish_seen_subcommand_from " + parts[len(parts)-1]
		if len(parts) == 1 && len(s.subcommandsOf(c.name)) > 0 {
			cond += "; and not __fish_seen_subcommand_from " + strings.Join(s.subcommandsOf(c.name), " ")
		}
		for _, a := range c.args {
			fmt.Fprintf(w, "complete -c profilelint -n %s -a %s\n", zshQuote(cond), a)
		}
		if c.files {
			fmt.Fprintf(w, "complete -c profilelint -n %s -F\n", zshQuote(cond))
		}
		for _, f := range c.flags {
			opt := "-l " + strings.TrimPrefix(f, "--")
			if !strings.HasPrefix(f, "--") {
				opt = "-s " + strings.TrimPrefix(f, "-")
			}
			if vals, ok := c.values[f]; ok {
				opt += " -x -a " + zshQuote(strings.Join(vals, " "))
			}
			fmt.Fprintf(w, "complete -c profilelint -n %s %s\n", zshQuote(cond), opt)
		}
	}
}

func (s completion) subcommandsOf(name string) []string {
	var out []string
	for _, c := range s.commands {
		if rest, ok := strings.CutPrefix(c.name, name+" "); ok {
			out = append(out, rest)
		}
	}
	return out
}
