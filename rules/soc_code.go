package rules

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(SOCCode) }

// SOCCode reports SOC and O*NET-SOC codes that are malformed, unknown, or
// given with the wrong title.
var SOCCode = &lint.Rule{
	ID:       "soc-code",
	Summary:  "SOC codes are well-formed, exist in SOC 2018, and carry their official title",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `Classification entries of system SOC-2018 have codes like 15-1244, those of
ONET-SOC-2019 codes like 15-1244.00. The code must name a detailed
occupation of the 2018 Standard Occupational Classification (an O*NET-SOC
code by its first six digits), checked against the BLS list that
profilelint embeds. A title, where given, must be the official title,
ignoring case and punctuation. O*NET's specialised occupations (a suffix
other than .00) have titles of their own, which are not checked. ISCO-08 and
ESCO codes are not checked.`,
		Bad: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network Administrators
    source: jfm-factory.resolve
`),
		Good: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
    source: jfm-factory.resolve
  - system: ONET-SOC-2019
    code: "15-1244.00"
    title: Network & Computer Systems Administrators
    source: jfm-factory.resolve
`),
	},
	Run: runSOCCode,
}

var (
	socShape  = regexp.MustCompile(`^\d{2}-\d{4}$`)
	onetShape = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
)

func runSOCCode(p *lint.Pass) {
	cls := p.Root.Get("classification")
	if cls == nil || cls.Kind != profiles.Seq {
		return
	}
	for i, c := range cls.Items {
		system := c.Get("system").Text()
		code := c.Get("code")
		if code == nil || code.Kind != profiles.String {
			continue // the schema reports a missing code or its type
		}
		ptr := profiles.Pointer("classification", i, "code")
		var occupation string
		switch system {
		case "SOC-2018":
			if !socShape.MatchString(code.Value) {
				hint := ""
				if onetShape.MatchString(code.Value) {
					hint = fmt.Sprintf("; %s is an O*NET-SOC code (system ONET-SOC-2019)", code.Value)
				}
				p.Reportf(ptr, "SOC-2018 code %q has the wrong shape; want NN-NNNN, like 15-1244%s", code.Value, hint)
				continue
			}
			occupation = code.Value
		case "ONET-SOC-2019":
			if !onetShape.MatchString(code.Value) {
				hint := ""
				if socShape.MatchString(code.Value) {
					hint = fmt.Sprintf("; did you mean %s.00?", code.Value)
				}
				p.Reportf(ptr, "ONET-SOC-2019 code %q has the wrong shape; want NN-NNNN.NN, like 15-1244.00%s", code.Value, hint)
				continue
			}
			occupation = code.Value[:7]
		default:
			continue
		}
		official, ok := socTitles()[occupation]
		if !ok {
			msg := fmt.Sprintf("%s is not an occupation of SOC 2018", occupation)
			if occupation != code.Value {
				msg = fmt.Sprintf("%s: %s", code.Value, msg)
			}
			if near := socNeighbours(occupation); len(near) > 0 {
				msg += "; its group holds " + wordList(near, "and")
			}
			p.Reportf(ptr, "%s", msg)
			continue
		}
		title := c.Get("title")
		if title == nil || title.Kind != profiles.String || strings.TrimSpace(title.Value) == "" {
			continue
		}
		if occupation != code.Value && !strings.HasSuffix(code.Value, ".00") {
			continue // O*NET's own occupations have titles the SOC list lacks
		}
		if normalTitle(title.Value) != normalTitle(official) {
			p.Reportf(profiles.Pointer("classification", i, "title"), "title %q does not match %s %s", title.Value, occupation, official)
		}
	}
}

// normalTitle folds case and punctuation, and "&" into "and", so that
// "Network & Computer Systems Administrators" matches the official title.
func normalTitle(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "&", " and ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

//go:embed data/soc2018-detailed.csv
var socCSV string

var (
	socOnce  sync.Once
	socTable map[string]string
)

// socTitles returns the detailed occupations of SOC 2018, code → title,
// read from the embedded BLS list on first use.
func socTitles() map[string]string {
	socOnce.Do(func() {
		rows, err := csv.NewReader(strings.NewReader(socCSV)).ReadAll()
		if err != nil {
			panic(fmt.Sprintf("embedded SOC 2018 list: %v", err))
		}
		socTable = make(map[string]string, len(rows))
		for _, row := range rows[1:] { // the first row is the header
			socTable[row[0]] = row[1]
		}
	})
	return socTable
}

// socNeighbours lists, as "code title", up to four occupations of the
// broad group (the first five digits) of an unknown code.
func socNeighbours(code string) []string {
	var out []string
	for c, t := range socTitles() {
		if c[:6] == code[:6] {
			out = append(out, c+" "+t)
		}
	}
	sort.Strings(out)
	return out[:min(len(out), 4)]
}

// nearInLength keeps the ids that could be a typo of id: within a third of
// its length of it (the edit distance that suggest.Closest allows), and not
// self, a profile's own id, which it is never adjacent to. Checking the
