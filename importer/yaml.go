package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// YAML writes the profile in the layout of the hand-converted seed
// (examples/INFRAS.INFRASTR5562.P7.yaml): texts double-quoted (a JSON
// string is a valid YAML double-quoted scalar), codes and short names
// plain, sections separated by blank lines. source names the page in the
// header comment. What the page does not show is left out, or an empty
// list where the page shows a section as empty.
func (pr *Profile) YAML(source string) []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	// No schema modeline: the folder the file lands in has no schema beside
	// it; the README maps the schema by glob (yaml.schemas) instead.
	w("# profile/v1: \"profilelint schema\" prints the schema; \"profilelint lint\" checks the rest.\n")
	w("# Imported by \"profilelint import\" from the published page %s:\n", oneLine(source))
	w("# every text as on the page; what the page shows empty stays empty.\n")
	w("schema: profile/v1\n")
	w("id: %s\n", name(pr.ID))
	w("title: %s\n", quote(pr.Title))
	if pr.Summary != nil {
		w("summary: %s\n", quote(*pr.Summary))
	}
	if pr.Track != "" {
		w("track: %s\n", pr.Track)
	}

	w("\nfunction:\n  code: %s\n", name(pr.FunctionCode))
	if pr.FocusName != nil {
		w("  name: %s\n", name(*pr.FocusName))
	}
	w("\nfocus:\n  code: %s\n", name(pr.FocusCode))
	if pr.FocusName != nil {
		w("  name: %s\n", name(*pr.FocusName))
	}
	opt := func(key string, v *string) {
		if v != nil {
			w("  %s: %s\n", key, quote(*v))
		}
	}
	opt("summary", pr.FocusSummary)
	opt("description", pr.FocusDescription)
	opt("differential", pr.Differential)

	w("\nlevel:\n  code: %s\n", name(pr.LevelCode))
	if v, ok := pr.Level["name"]; ok {
		w("  name: %s\n", name(v))
	}
	for _, k := range []string{"summary", "scope", "autonomy", "complexity", "impact", "decision_rights", "leadership"} {
		if v, ok := pr.Level[k]; ok {
			w("  %s: %s\n", k, quote(v))
		}
	}
	if pr.Typical != nil {
		w("  typical_experience: %s   # %s\n", pr.Typical.flow(), oneLine(quote(pr.Typical.Raw)))
	}

	b.WriteString("\n")
	switch {
	case pr.ResponsibilityCount == 0:
		w("# The page lists no responsibilities.\n")
	case pr.Distributed:
		per := pr.ResponsibilityCount / len(pr.Responsibilities)
		w("# The page lists %d responsibilities under \"Responsibilities by level\";\n", pr.ResponsibilityCount)
		w("# in order, %s for each level of the ladder.\n", count(per))
	default:
		w("# The page lists %d responsibilities under \"Responsibilities by level\";\n", pr.ResponsibilityCount)
		w("# they do not divide evenly over the ladder, so all are kept on %s.\n", pr.LevelCode)
	}
	if len(pr.Responsibilities) == 0 {
		w("responsibilities: []\n")
	} else {
		w("responsibilities:\n")
		for _, r := range pr.Responsibilities {
			w("  - level: %s\n    items:\n", name(r.Level))
			for _, it := range r.Items {
				w("      - %s\n", quote(it))
			}
		}
	}

	if len(pr.Guidelines) == 0 {
		w("\nlevel_guidelines: []\n")
	} else {
		w("\nlevel_guidelines:\n")
		for _, g := range pr.Guidelines {
			w("  - level: %s\n", name(g.Level))
			cell := func(key string, v *string) {
				if v != nil {
					w("    %s: %s\n", key, quote(*v))
				}
			}
			cell("knowledge", g.Knowledge)
			cell("complexity", g.Complexity)
			cell("collaboration", g.Collaboration)
			cell("education", g.Education)
			if g.Experience != nil {
				w("    experience: %s\n", g.Experience.flow())
			}
		}
	}

	if len(pr.Skills) == 0 {
		w("\nskills: []\n")
	} else {
		w("\nskills:\n")
		for _, s := range pr.Skills {
			w("  - name: %s\n    description: %s\n", quote(s.Name), quote(s.Description))
		}
	}

	w("\nprovenance:\n  sources: []\n")
	if r := pr.Review; r != nil {
		w("  review:\n")
		if r.Panel != "" {
			w("    panel: %s\n", name(r.Panel))
		}
		w("    scale: {min: %s, max: %s}\n", r.ScaleMin, r.ScaleMax)
		w("    pass_threshold: %s\n", r.PassThreshold)
		w("    scores: {}\n")
	}

	if len(pr.Adjacent) == 0 {
		w("\nadjacent_roles: []\n")
	} else {
		w("\nadjacent_roles:\n")
		for _, a := range pr.Adjacent {
			w("  - id: %s\n", name(a.ID))
			if a.Distance != "" {
				w("    distance: %s\n", a.Distance)
			}
			if a.Match != "" {
				w("    match: %s\n", a.Match)
			}
		}
	}

	if len(pr.Aliases) == 0 {
		w("\ntitle_aliases: []\n")
	} else {
		w("\ntitle_aliases:\n")
		for _, a := range pr.Aliases {
			w("  - %s\n", quote(a))
		}
	}

	if len(pr.Classes) == 0 {
		w("\nclassification: []\n")
	} else {
		w("\nclassification:\n")
		for _, c := range pr.Classes {
			w("  - system: %s\n    code: %s\n", c.System, quote(c.Code))
			if c.Title != "" {
				w("    title: %s\n", quote(c.Title))
			}
			if c.Source != "" {
				w("    source: %s\n", name(c.Source))
			}
		}
	}
	return b.Bytes()
}

func (y *Years) flow() string {
	if y.Max == "" {
		return fmt.Sprintf("{min: %s}", y.Min)
	}
	return fmt.Sprintf("{min: %s, max: %s}", y.Min, y.Max)
}

// quote writes s as a double-quoted scalar: JSON's escapes are YAML's.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

var plainRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9&/().,'_ -]*[A-Za-z0-9.)]$`)

// yamlWords are plain words that some YAML reader takes for a boolean or
// null (YAML 1.1 reads Y, No, ON…).
var yamlWords = map[string]bool{"y": true, "yes": true, "n": true, "no": true, "true": true, "false": true, "on": true, "off": true, "null": true, "nan": true, "inf": true}

// name writes a short name plain when YAML reads it back unchanged as a
// string, as the hand-converted file does; anything else is quoted.
func name(s string) string {
	if plainRE.MatchString(s) && !strings.Contains(s, "  ") && !yamlWords[strings.ToLower(s)] {
		return s
	}
	return quote(s)
}

func oneLine(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

func count(n int) string {
	words := []string{"none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}
