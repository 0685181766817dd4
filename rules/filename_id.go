package rules

import (
	"path/filepath"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

func init() { register(FilenameID) }

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
	Options: filenameIDOptions.List(),
	Run:     runFilenameID,
}

var filenameIDOptions = lint.NewOptions(struct {
	Pattern string `option:"pattern" doc:"the file name without extension; placeholders {id}, {id_lower}, {function}, {focus}, {level}"`
}{Pattern: "{id}"})

func runFilenameID(p *lint.Pass) {
	path := p.File.Path
	if path == "" || path == "-" || path == "<stdin>" {
		return
	}
	id := p.Root.Get("id").Text()
	if id == "" {
		return
	}
	// When the id is the one field that disagrees (the file name and the
	// codes say P7, the id P6), the defect is id-mismatch's, and its fix
	// makes the name right: judge the name against the id as corrected.
	pattern := filenameIDOptions.Of(p).Pattern
	if fixed := correctedID(p); fixed != id {
		if named(path, expandNamePattern(pattern, fixed)) {
			return
		}
	}
	want := expandNamePattern(pattern, id)
	path = filepath.ToSlash(path)
	ext := filepath.Ext(path)
	got := strings.TrimSuffix(path, ext)
	if named(path, want) {
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

// named reports whether the file at path (slashes, any extension) is
// named want, the expanded pattern.
func named(path, want string) bool {
	got := strings.TrimSuffix(filepath.ToSlash(path), filepath.Ext(path))
	return got == want || strings.HasSuffix(got, "/"+want)
}

// correctedID is the id with each part that id-mismatch blames on the id
// replaced by its code.
func correctedID(p *lint.Pass) string {
	id, verdicts := idVerdicts(p)
	fixed := id
	for k := len(verdicts) - 1; k >= 0; k-- { // from the end: offsets hold
		if v := verdicts[k]; v.idOutlier {
			i, j := idPartSpan(fixed, v.part)
			fixed = fixed[:i] + v.code + fixed[j:]
		}
	}
	return fixed
}
