package rules

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// The identity family: a profile's id, its file name, and the references
// between profiles and to the SOC. See "Identity and references" in the
// profile format.

func init() {
	register(IDMismatch, FilenameID, UniqueID, AdjacentUnresolved, SOCCode)
}

// idDocProfile is a small profile for the examples of the identity rules.
func idDocProfile(id, function, focus, level, tail string) string {
	return `schema: profile/v1
id: ` + id + `
title: Platform Engineering — ` + level + `
summary: Runs the shared cloud platform of one region.
function: {code: ` + function + `, name: Infrastructure & Platform Engineering}
focus: {code: ` + focus + `, name: Platform Engineering, description: Builds the internal platform that product teams deploy to.}
level: {code: ` + level + `, name: Professional}
responsibilities: []
level_guidelines: []
skills: []
` + tail
}

// IDMismatch reports codes that disagree with the profile's id.
var IDMismatch = &lint.Rule{
	ID:       "id-mismatch",
	Summary:  "the id's parts equal function.code, focus.code and level.code",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A profile's id is FUNCTION.FOCUS.LEVEL, and its three parts are the codes of
the function, the focus and the level. When one disagrees, either the id or
the code is wrong; the finding is at the code and names both values.`,
		Bad:  idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P4", ""),
		Good: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
	},
	Run: runIDMismatch,
}

var idParts = [...]string{"function", "focus", "level"}

func runIDMismatch(p *lint.Pass) {
	id := p.Root.Get("id").Text()
	parts := strings.Split(id, ".")
	if len(parts) != len(idParts) {
		return // the schema reports the id's form
	}
	for i, key := range idParts {
		code := p.Root.Get(key).Get("code")
		if code == nil || code.Kind != profiles.String || code.Value == parts[i] {
			continue
		}
		f := p.Reportf(profiles.Pointer(key, "code"), "%s.code %s disagrees with the id %s, whose %s part is %s", key, code.Value, id, key, parts[i])
		f.Related = append(f.Related, p.Place("/id", "the id"))
	}
}

// FilenameID reports files not named after their profile's id.
var FilenameID = &lint.Rule{
	ID:       "filename-id",
	Summary:  "the file is named after the id",
	Severity: lint.Warning,
	Doc: lint.Doc{
		Text: `A profile lives in a file named after its id, INFRAS.INFRASTR5562.P7.yaml, so
that ids and adjacent roles can be found by name. The extension is not
compared. The option pattern sets the expected name: the placeholders {id},
{id_lower}, {function}, {focus} and {level} stand for the id, the id in
lower case and its three parts; a pattern with slashes, such as
"{function}/{id}", also checks the directories the file is in. Input read
from standard input has no name and is not checked.`,
		Bad:  "# file: platform-p3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
	},
	Options: []lint.Option{{
		Name:    "pattern",
		Default: "{id}",
		Doc:     "the file name without extension; placeholders {id}, {id_lower}, {function}, {focus}, {level}",
	}},
	Run: runFilenameID,
}

func runFilenameID(p *lint.Pass) {
	path := p.File.Path
	if path == "" || path == "-" || path == "<stdin>" {
		return
	}
	id := p.Root.Get("id").Text()
	if id == "" {
		return
	}
	want := expandNamePattern(p.String("pattern"), id)
	path = filepath.ToSlash(path)
	ext := filepath.Ext(path)
	got := strings.TrimSuffix(path, ext)
	if got == want || strings.HasSuffix(got, "/"+want) {
		return
	}
	// Show as much of the path as the pattern speaks about.
	parts := strings.Split(got, "/")
	shown := strings.Join(parts[max(0, len(parts)-strings.Count(want, "/")-1):], "/")
	p.Reportf("/id", "file name %s does not match the id %s; want %s", shown+ext, id, want+ext)
}

// expandNamePattern fills the placeholders of filename-id's pattern.
func expandNamePattern(pattern, id string) string {
	parts := strings.Split(id, ".")
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	return strings.NewReplacer(
		"{id}", id,
		"{id_lower}", strings.ToLower(id),
		"{function}", parts[0],
		"{focus}", parts[1],
		"{level}", parts[2],
	).Replace(pattern)
}

// idFact is what unique-id and adjacent-unresolved keep of a file: its id,
// and the adjacent roles it names.
type idFact struct {
	ID       string
	Place    lint.Place
	Adjacent []idRef
}

type idRef struct {
	ID    string
	Place lint.Place
}

func collectIDs(p *lint.Pass) any {
	f := idFact{ID: p.Root.Get("id").Text()}
	if f.ID != "" {
		f.Place = p.Place("/id", "")
	}
	if adj := p.Root.Get("adjacent_roles"); adj != nil {
		for i, a := range adj.Items {
			if id := a.Get("id").Text(); id != "" {
				ptr := profiles.Pointer("adjacent_roles", i, "id")
				f.Adjacent = append(f.Adjacent, idRef{ID: id, Place: p.Place(ptr, "")})
			}
		}
	}
	return f
}

// UniqueID reports ids that more than one file declares.
var UniqueID = &lint.Rule{
	ID:       "unique-id",
	Summary:  "no two files linted together have one id",
	Severity: lint.Error,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `Ids are unique across the files linted together: adjacent roles and tools
find a profile by its id. A second file with the same id (often a copy that
was not renamed inside) is reported at its id, with the first file's id as
the related place.`,
		Bad: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", "") +
			"# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", "") +
			"# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", ""),
	},
	Collect: collectIDs,
	Codec:   idCodec,
	Finish:  finishUniqueID,
}

func finishUniqueID(c *lint.Corpus) {
	first := make(map[string]lint.Place)
	for _, fs := range c.Facts {
		f, ok := fs.Facts.(idFact)
		if !ok || f.ID == "" {
			continue
		}
		p0, dup := first[f.ID]
		if !dup {
			first[f.ID] = f.Place
			continue
		}
		if p0.File == f.Place.File {
			continue // one file named twice on the command line
		}
		p0.Message = "first declared here"
		c.Report(lint.Finding{
			File: f.Place.File, Line: f.Place.Line, Column: f.Place.Column, Pointer: f.Place.Pointer,
			Message: fmt.Sprintf("id %s is already the id of %s", f.ID, p0.File),
			Related: []lint.Place{p0},
		})
	}
}

// AdjacentUnresolved reports adjacent roles that no linted file defines.
var AdjacentUnresolved = &lint.Rule{
	ID:       "adjacent-unresolved",
	Summary:  "adjacent roles are profiles linted together",
	Severity: lint.Warning,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `adjacent_roles names the nearest other profiles by id. Each id should be the
id of a file linted together with this one; when it is not, the role is
misspelt, not written yet, or simply not part of this run, which is why this
is a warning. Lint the whole ladder at once to resolve every reference.`,
		Bad: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.SRE.P3
    distance: 0.2
    match: strong
`),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.PLATFORM.P4
    distance: 0.6
    match: weak
`) + "# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", ""),
	},
	Collect: collectIDs,
	Codec:   idCodec,
	Finish:  finishAdjacentUnresolved,
}

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
// length first keeps a corpus of thousands of ids cheap.
func nearInLength(ids []string, id, self string) []string {
	limit := max(1, len(id)/3)
	var out []string
	for _, c := range ids {
		if c != self && len(c) >= len(id)-limit && len(c) <= len(id)+limit {
			out = append(out, c)
		}
	}
	return out
}
