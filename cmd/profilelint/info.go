package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/report"
	"github.com/profilelint/profilelint/rules"
	"github.com/profilelint/profilelint/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the profile/v1 JSON Schema",
		Description: `Prints the JSON Schema (draft 2020-12) that "lint" validates against. Save it
and point your editor at it to validate while you type, e.g. with the YAML
language server:

   # yaml-language-server: $schema=profile-v1.json

With --report, prints the JSON Schema of "lint --format json" reports
instead, for tools that read them.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "report", Usage: "print the JSON Schema of the JSON report instead"},
		},
		Action: func(c *cli.Context) error {
			if c.Bool("report") {
				_, err := c.App.Writer.Write(report.JSONSchema)
				return err
			}
			_, err := c.App.Writer.Write(schema.JSON)
			return err
		},
	}
}

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the rules, or explain one",
		ArgsUsage: "[rule-id]",
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usageErrorf("rules takes at most one rule id")
			}
			if c.NArg() == 1 {
				r := rules.Lookup(c.Args().First())
				if r == nil {
					return &exitError{code: exitUsage, err: unknownRule(c.Args().First())}
				}
				printRuleDoc(c, r)
				return nil
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tSCOPE\tSUMMARY")
			for _, r := range rules.All() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Scope, r.Summary)
			}
			return tw.Flush()
		},
	}
}

func printRuleDoc(c *cli.Context, r *lint.Rule) {
	w := c.App.Writer
	fmt.Fprintf(w, "%s (%s, %s scope)\n\n%s\n\n%s\n", r.ID, r.Severity, r.Scope, r.Summary, strings.TrimSpace(r.Doc.Text))
	if len(r.Options) > 0 {
		fmt.Fprintf(w, "\nOptions:\n")
		for _, o := range r.Options {
			fmt.Fprintf(w, "  %s (default %v): %s\n", o.Name, o.Default, o.Doc)
		}
	}
	fmt.Fprintf(w, "\nBad:\n%s\nGood:\n%s", indent(r.Doc.Bad), indent(r.Doc.Good))
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(strings.TrimRight(s, "\n")+"\n", "\n") {
		if l != "" {
			b.WriteString("    " + l)
		}
	}
	return b.String()
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "profilelint %s\n", version)
			return nil
		},
	}
}
