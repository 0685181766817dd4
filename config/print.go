package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// doc builds YAML line by line, with comments aligned in one column.
type doc struct {
	lines []docLine
}

type docLine struct {
	text, comment string
}

func (d *doc) add(text, comment string) { d.lines = append(d.lines, docLine{text, comment}) }

func (d *doc) bytes() []byte {
	width := 0
	for _, l := range d.lines {
		if l.comment != "" && l.text != "" && len(l.text) < 48 {
			width = max(width, len(l.text))
		}
	}
	var b bytes.Buffer
	for _, l := range d.lines {
		switch {
		case l.comment == "":
			b.WriteString(l.text)
		case l.text == "":
			b.WriteString("# " + l.comment)
		default:
			b.WriteString(l.text)
			b.WriteString(strings.Repeat(" ", max(1, width+2-len(l.text))))
			b.WriteString("# " + l.comment)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// yamlValue writes an option value as YAML. JSON is a subset of YAML's
// flow style, and quotes every string, so values read back as written.
func yamlValue(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	s := strings.TrimSpace(b.String())
	// JSON puts no space after commas; YAML readers prefer one.
	if strings.HasPrefix(s, "[") {
		if parts, ok := v.([]string); ok {
			q := make([]string, len(parts))
			for i, p := range parts {
				q[i] = yamlValue(p)
			}
			s = "[" + strings.Join(q, ", ") + "]"
		}
	}
	return s
}

// addValue writes "key: value", or for a long list of strings the key
// and one item a line below it. The comment goes on the key's line.
func (d *doc) addValue(indent, key string, v any, comment string) {
	flow := yamlValue(v)
	items, ok := v.([]string)
	if !ok || len(indent)+len(key)+len(flow) <= 100 {
		d.add(indent+key+": "+flow, comment)
		return
	}
	d.add(indent+key+":", comment)
	for _, it := range items {
		d.add(indent+"  - "+yamlValue(it), "")
	}
}

// ladderValue writes a ladder as the configuration does, each band a
// list of its own: [IC1, IC2, [SR1, SR2], STAFF].
func ladderValue(l profiles.Ladder, bands profiles.Bands) string {
	var items []string
	for i := 0; i < len(l); i++ {
		band := bandOf(bands, l[i])
		if len(band) < 2 {
			items = append(items, l[i])
			continue
		}
		items = append(items, "["+strings.Join(band, ", ")+"]")
		i += len(band) - 1
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// bandOf returns the band that starts at code, or nil.
func bandOf(bands profiles.Bands, code string) []string {
	for _, b := range bands {
		if len(b) > 0 && b[0] == code {
			return b
		}
	}
	return nil
}

// tracks lists the ladders' tracks in the order people read them.
func tracks(ladders map[string]profiles.Ladder) []string {
	var out []string
	for t := range ladders {
		if t != "" && t != "professional" && t != "management" {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return append([]string{"professional", "management"}, out...)
}

// Format writes the effective configuration as YAML: every rule with its
// severity and options, then the overrides, ignore globs and limits. Each
// value says in a comment which file set it, or that it is the default.
// The output is itself a configuration that loads to the same settings
// when placed in the folder of the file that was loaded.
func (c *Config) Format(w io.Writer) error {
	var d doc
	src := func(f string) string {
		if f == "" {
			return "default"
		}
		if len(c.Files) > 1 {
			return f
		}
		return ""
	}
	if len(c.Files) == 0 {
		d.add("", "Effective profilelint configuration: no configuration file, the defaults.")
	} else {
		d.add("", "Effective profilelint configuration, read from (a file wins over the ones it extends):")
		for _, f := range c.Files {
			d.add("", "  "+f)
		}
		d.add("", "Globs match paths relative to the folder of "+c.Files[0]+".")
	}
	d.add("", "")

	d.add("ladders:", "")
	for _, t := range tracks(c.Ladders) {
		l, ok := c.Ladders[t]
		if !ok {
			l = profiles.DefaultLadders[t]
		}
		if !ok {
			// Not configured: the default, commented out, since setting
			// it would turn off inference for the track.
			d.add(fmt.Sprintf("  # %s: %s", t, ladderValue(l, nil)), "default, when it holds a profile's levels; else inferred")
			continue
		}
		d.add(fmt.Sprintf("  %s: %s", t, ladderValue(l, c.Bands[t])), src(c.from["ladders/"+t]))
	}
	d.add("", "")

	d.add("rules:", "")
	for _, r := range c.rules {
		set := c.Rules[r.ID]
		sev := r.Severity
		if set.Severity != nil {
			sev = *set.Severity
		}
		if len(r.Options) == 0 {
			d.add(fmt.Sprintf("  %s: %s", r.ID, sev), src(set.from["severity"]))
			continue
		}
		d.add(fmt.Sprintf("  %s:", r.ID), "")
		d.add(fmt.Sprintf("    severity: %s", sev), src(set.from["severity"]))
		for _, o := range r.Options {
			v, ok := set.Options[o.Name]
			if !ok {
				v = o.Default
			}
			d.addValue("    ", o.Name, v, src(set.from[o.Name]))
		}
	}

	if len(c.Overrides) > 0 {
		d.add("", "")
		d.add("overrides:", "")
		for _, o := range c.Overrides {
			d.add("  - files: "+yamlValue(o.Files), src(o.from))
			if len(o.Rules) == 0 {
				continue
			}
			d.add("    rules:", "")
			for _, r := range c.rules {
				set, ok := o.Rules[r.ID]
				if !ok {
					continue
				}
				writeSetting(&d, "      ", r, set)
			}
		}
	}

	if len(c.FileGlobs) > 0 {
		d.add("", "")
		d.add("files:", "")
		for i, g := range c.FileGlobs {
			d.add("  - "+yamlValue(g), src(c.from["files/"+strconv.Itoa(i)]))
		}
	}

	if len(c.IgnoreGlobs) > 0 {
		d.add("", "")
		d.add("ignore:", "")
		for i, g := range c.IgnoreGlobs {
			d.add("  - "+yamlValue(g), src(c.from["ignore/"+strconv.Itoa(i)]))
		}
	}

	d.add("", "")
	d.add("limits:", "")
	for _, l := range []struct {
		key      string
		set, def int
	}{
		{"max_bytes", c.Limits.MaxBytes, profiles.DefaultLimits.MaxBytes},
		{"max_depth", c.Limits.MaxDepth, profiles.DefaultLimits.MaxDepth},
		{"max_entries", c.Limits.MaxEntries, profiles.DefaultLimits.MaxEntries},
	} {
		v := l.set
		if v == 0 {
			v = l.def
		}
		d.add(fmt.Sprintf("  %s: %d", l.key, v), src(c.from["limits/"+l.key]))
	}
	_, err := w.Write(d.bytes())
	return err
}

// writeSetting writes what a file set for a rule: a severity alone, or a
// mapping of the severity and options it set.
func writeSetting(d *doc, indent string, r *lint.Rule, set Rule) {
	if len(set.Options) == 0 && set.Severity != nil {
		d.add(fmt.Sprintf("%s%s: %s", indent, r.ID, *set.Severity), "")
		return
	}
	d.add(fmt.Sprintf("%s%s:", indent, r.ID), "")
	if set.Severity != nil {
		d.add(fmt.Sprintf("%s  severity: %s", indent, *set.Severity), "")
	}
	for _, o := range r.Options {
		if v, ok := set.Options[o.Name]; ok {
			d.addValue(indent+"  ", o.Name, v, "")
		}
	}
}

// Starter is the configuration "profilelint init" writes: the default
// ladders, and every rule at its default severity and options, commented
// out, so that a team sees what it can change.
func Starter(rules []*lint.Rule) []byte {
	var d doc
	for _, l := range []string{
		"profilelint configuration; docs/configuration.md explains every setting.",
		`"profilelint config" prints the effective configuration.`,
		`Editors can validate this file with "profilelint config --schema".`,
	} {
		d.add("", l)
	}
	d.add("", "")
	d.add("", "Settings of another configuration file, relative to this one; this file wins.")
	d.add("", "extends: ../.profilelint.yaml")
	d.add("", "")
	for _, l := range []string{
		"Level codes of each track, lowest first. A profile's track selects its",
		"ladder; a profile without a track uses the professional one. Any track",
		"may be named (data, people-manager). A track not named here uses the",
		"ladder below when it holds the profile's levels, else the levels the",
		"profiles list (level-order says which, once, and how to pin it). A list",
		"inside a ladder is a band of levels that share expectations, whose",
		"texts may repeat: [IC1, IC2, [SR1, SR2], STAFF]. The defaults:",
	} {
		d.add("", l)
	}
	d.add("ladders:", "")
	for _, t := range knownTracks {
		d.add(fmt.Sprintf("  # %s: %s", t, ladderValue(profiles.DefaultLadders[t], nil)), "")
	}
	d.add("", "")
	d.add("", "Each rule's severity (error, warning, info or off), or a mapping of its")
	d.add("", `severity and options. Shown: the defaults; "profilelint rules ID" explains one.`)
	d.add("rules:", "")
	for _, r := range rules {
		d.add("  # "+r.Summary, "")
		if len(r.Options) == 0 {
			d.add(fmt.Sprintf("  # %s: %s", r.ID, r.Severity), "")
			continue
		}
		d.add(fmt.Sprintf("  # %s:", r.ID), "")
		d.add(fmt.Sprintf("  #   severity: %s", r.Severity), "")
		for _, o := range r.Options {
			d.addValue("  #   ", o.Name, o.Default, "")
		}
	}
	d.add("", "")
	d.add("", "Settings for the files some globs match, relative to this file's folder;")
	d.add("", "a later entry wins.")
	d.add("", "overrides:")
	d.add("", "  - files: [\"legacy/**\", \"*.draft.yaml\"]")
	d.add("", "    rules:")
	d.add("", "      schema: warning")
	d.add("", "")
	d.add("", "Which files of a folder are profiles. Without it, a .yaml, .yml or .json")
	d.add("", "file is one when it declares schema: profile/... or has a profile's keys.")
	d.add("", "files: [\"profiles/**/*.yaml\"]")
	d.add("", "")
	d.add("", "Files never linted.")
	d.add("", "ignore: [\"drafts/**\"]")
	d.add("", "")
	d.add("", "What the loader accepts before it parses a profile.")
	d.add("", fmt.Sprintf("limits: {max_bytes: %d, max_depth: %d, max_entries: %d}",
		profiles.DefaultLimits.MaxBytes, profiles.DefaultLimits.MaxDepth, profiles.DefaultLimits.MaxEntries))
	return d.bytes()
}
