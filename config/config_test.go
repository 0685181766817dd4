package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// testRules stand in for the registry: config knows rules only as values.
var testRules = []*lint.Rule{
	{ID: "duplicate-text", Summary: "no duplicates", Severity: lint.Error, Options: []lint.Option{
		{Name: "similarity", Default: 0.9, Doc: "share of common words"},
		{Name: "min_words", Default: 5, Doc: "shortest text compared"},
	}},
	{ID: "level-wording", Summary: "wording fits the level", Severity: lint.Warning, Options: []lint.Option{
		{Name: "phrases", Default: []string{"leads"}, Doc: "phrases"},
		{Name: "bands", Default: map[string][]string{"senior": {"P5"}}, Doc: "bands"},
		{Name: "strict", Default: false, Doc: "strict"},
		{Name: "style", Default: "plain", Doc: "style"},
	}},
	{ID: "placeholder", Summary: "no placeholders", Severity: lint.Error},
	{ID: "schema", Summary: "matches the schema", Severity: lint.Error},
}

// write creates files under a temporary folder and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// chdir changes the working folder for one test.
func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

func load(t *testing.T, path string) *Config {
	t.Helper()
	c, err := Load(path, testRules)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return c
}

func TestLoadFull(t *testing.T) {
	dir := write(t, map[string]string{".profilelint.yaml": `# a full configuration
ladders:
  professional: [P1, P2, P3]
rules:
  placeholder: off
  duplicate-text:
    severity: warning
    similarity: 0.85
    min_words: 3
  level-wording:
    phrases: [owns, drives]
    bands: {junior: [P1, P2]}
    strict: true
    style: terse
overrides:
  - files: ["legacy/**", "*.draft.yaml"]
    rules:
      schema: info
      duplicate-text: {similarity: 0.5}
ignore: ["drafts/**"]
limits: {max_bytes: 2048, max_depth: 10, max_entries: 100}
`})
	chdir(t, dir)
	c := load(t, ".profilelint.yaml")
	cfg := c.Lint()
	if want := map[string]lint.Severity{"placeholder": lint.Off, "duplicate-text": lint.Warning}; !reflect.DeepEqual(cfg.Severity, want) {
		t.Errorf("Severity = %v, want %v", cfg.Severity, want)
	}
	wantOpts := map[string]map[string]any{
		"duplicate-text": {"similarity": 0.85, "min_words": 3},
		"level-wording": {
			"phrases": []string{"owns", "drives"},
			"bands":   map[string][]string{"junior": {"P1", "P2"}},
			"strict":  true,
			"style":   "terse",
		},
	}
	if !reflect.DeepEqual(cfg.Options, wantOpts) {
		t.Errorf("Options = %#v, want %#v", cfg.Options, wantOpts)
	}
	if got := cfg.Ladders[""].String(); got != "P1 P2 P3" {
		t.Errorf("ladder of profiles without a track = %q, want the professional one", got)
	}
	if _, ok := cfg.Ladders["management"]; ok {
		t.Errorf("management ladder set though the file does not name it")
	}
	if len(cfg.Overrides) != 1 {
		t.Fatalf("%d overrides, want 1", len(cfg.Overrides))
	}
	o := cfg.Overrides[0]
	for path, want := range map[string]bool{
		"legacy/a.yaml":                          true,
		"legacy/deep/b.yaml":                     true,
		"x.draft.yaml":                           true,
		"team/x.draft.yaml":                      true,
		"team/x.yaml":                            false,
		filepath.Join(dir, "legacy", "abs.yaml"): true,
		"../elsewhere/legacy/a.yaml":             false,
	} {
		if got := o.Match(path); got != want {
			t.Errorf("override Match(%q) = %v, want %v", path, got, want)
		}
	}
	// The result cache keys an override on what it matches.
	if want := []string{c.Dir + ": legacy/**", c.Dir + ": *.draft.yaml"}; !reflect.DeepEqual(o.Patterns, want) {
		t.Errorf("override Patterns = %q, want %q", o.Patterns, want)
	}
	if o.Severity["schema"] != lint.Info || o.Options["duplicate-text"]["similarity"] != 0.5 {
		t.Errorf("override = %v %v", o.Severity, o.Options)
	}
	if !c.Ignore("drafts/a.yaml") || c.Ignore("profiles/a.yaml") {
		t.Errorf("Ignore: drafts/a.yaml %v, profiles/a.yaml %v", c.Ignore("drafts/a.yaml"), c.Ignore("profiles/a.yaml"))
	}
	if c.Limits != (Limits{MaxBytes: 2048, MaxDepth: 10, MaxEntries: 100}) {
		t.Errorf("Limits = %+v", c.Limits)
	}
}

// Globs are relative to the folder of the file that was loaded, even when
// it is not the working folder.
func TestGlobsRelativeToConfigFolder(t *testing.T) {
	dir := write(t, map[string]string{"repo/.profilelint.yaml": "ignore: [legacy]\n"})
	chdir(t, dir)
	c := load(t, "repo/.profilelint.yaml")
	if !c.Ignore("repo/legacy/a.yaml") {
		t.Error("repo/legacy/a.yaml not ignored")
	}
	if c.Ignore("legacy/a.yaml") {
		t.Error("legacy/a.yaml, outside the config's folder, ignored")
	}
}

func TestExtendsChainMerge(t *testing.T) {
	dir := write(t, map[string]string{
		".git/HEAD": "", // extends stay inside the repository
		"base.yaml": `ladders:
  professional: [A1, A2]
  management: [B1, B2]
rules:
  schema: warning
  placeholder: info
  duplicate-text: {severity: warning, similarity: 0.7, min_words: 9}
overrides:
  - files: [base/**]
    rules: {schema: off}
ignore: [base-ignored]
limits: {max_bytes: 100, max_depth: 5}
`,
		"shared/middle.yaml": `extends: ../base.yaml
rules:
  duplicate-text: {similarity: 0.8}
overrides:
  - files: [middle/**]
    rules: {schema: info}
ignore: [middle-ignored]
limits: {max_depth: 6}
`,
		"team/.profilelint.yaml": `extends: ../shared/middle.yaml
ladders:
  professional: [P1, P2, P3]
rules:
  placeholder: off
  duplicate-text: {severity: error}
overrides:
  - files: [team/**]
    rules: {schema: error}
ignore: [team-ignored]
`,
	})
	chdir(t, filepath.Join(dir, "team"))
	c := load(t, ".profilelint.yaml")
	if want := []string{".profilelint.yaml", filepath.FromSlash("../shared/middle.yaml"), filepath.FromSlash("../base.yaml")}; !reflect.DeepEqual(c.Files, want) {
		t.Errorf("Files = %q, want %q", c.Files, want)
	}
	cfg := c.Lint()
	// Per track: the child's professional ladder, the base's management one.
	if cfg.Ladders["professional"].String() != "P1 P2 P3" || cfg.Ladders["management"].String() != "B1 B2" {
		t.Errorf("Ladders = %v", cfg.Ladders)
	}
	// Per rule and per option: each file wins over the ones it extends.
	if want := map[string]lint.Severity{"schema": lint.Warning, "placeholder": lint.Off, "duplicate-text": lint.Error}; !reflect.DeepEqual(cfg.Severity, want) {
		t.Errorf("Severity = %v, want %v", cfg.Severity, want)
	}
	if want := map[string]any{"similarity": 0.8, "min_words": 9}; !reflect.DeepEqual(cfg.Options["duplicate-text"], want) {
		t.Errorf("duplicate-text options = %v, want %v", cfg.Options["duplicate-text"], want)
	}
	// Overrides and ignore globs: concatenated, the base's first.
	var files []string
	for _, o := range c.Overrides {
		files = append(files, o.Files...)
	}
	if want := []string{"base/**", "middle/**", "team/**"}; !reflect.DeepEqual(files, want) {
		t.Errorf("override order = %q, want %q", files, want)
	}
	if want := []string{"base-ignored", "middle-ignored", "team-ignored"}; !reflect.DeepEqual(c.IgnoreGlobs, want) {
		t.Errorf("ignore = %q, want %q", c.IgnoreGlobs, want)
	}
	if c.Limits != (Limits{MaxBytes: 100, MaxDepth: 6}) {
		t.Errorf("Limits = %+v", c.Limits)
	}
	// The globs of every file in the chain are relative to team/.
	if !c.Ignore("x/base-ignored") || c.Ignore("../base-ignored") {
		t.Error("ignore globs are not relative to the loaded file's folder")
	}
}

func TestExtendsCycle(t *testing.T) {
	dir := write(t, map[string]string{
		"a.yaml":     "extends: sub/b.yaml\n",
		"sub/b.yaml": "rules:\n  schema: off\nextends: ../a.yaml\n",
	})
	chdir(t, dir)
	_, err := Load("a.yaml", testRules)
	want := filepath.FromSlash("sub/b.yaml:3:10: extends cycle: a.yaml → sub/b.yaml → a.yaml")
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	// A file that extends itself is the shortest cycle.
	dir = write(t, map[string]string{"self.yaml": "extends: ./self.yaml\n"})
	chdir(t, dir)
	_, err = Load("self.yaml", testRules)
	if err == nil || err.Error() != "self.yaml:1:10: extends cycle: self.yaml → self.yaml" {
		t.Errorf("err = %v", err)
	}
}

func TestEmptyAndCommentOnly(t *testing.T) {
	dir := write(t, map[string]string{"empty.yaml": "", "comments.yaml": "# nothing yet\n\n# really\n", "nulls.yaml": "rules:\n  # none\noverrides:\nignore:\n"})
	chdir(t, dir)
	for _, name := range []string{"empty.yaml", "comments.yaml", "nulls.yaml"} {
		c := load(t, name)
		if cfg := c.Lint(); len(cfg.Severity)+len(cfg.Options)+len(cfg.Overrides) > 0 {
			t.Errorf("%s: %+v", name, cfg)
		}
	}
}

// Every kind of mistake is reported at its exact line and column.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown top-level key", "rulez:\n  schema: off\n",
			[]string{`1:1: unknown key "rulez"; did you mean "rules"?`}},
		{"unknown key without suggestion", "ladders: {}\npaths: [a]\n",
			[]string{`2:1: unknown key "paths"; expected extends, files, ignore, ladders, limits, overrides or rules`}},
		{"unknown key in an override", "overrides:\n  - files: [a]\n    rule: {schema: off}\n",
			[]string{`3:5: unknown key "rule" in overrides[0]; did you mean "rules"?`}},
		{"unknown track", "ladders:\n  profesional: [P1]\n",
			[]string{`2:3: unknown key "profesional" in ladders; did you mean "professional"?`}},
		{"unknown rule", "rules:\n  schema: off\n  placehold: off\n",
			[]string{`3:3: unknown rule "placehold"; did you mean "placeholder"?`}},
		{"unknown rule without suggestion", "rules:\n  no-such-thing: off\n",
			[]string{`2:3: unknown rule "no-such-thing"; "profilelint rules" lists the rules`}},
		{"unknown rule in an override", "overrides:\n  - files: [a]\n    rules:\n      shema: off\n",
			[]string{`4:7: unknown rule "shema"; did you mean "schema"?`}},
		{"unknown option", "rules:\n  duplicate-text:\n    similarty: 0.8\n",
			[]string{`3:5: rule duplicate-text has no option "similarty"; did you mean "similarity"? (its options: severity, similarity, min_words)`}},
		{"option of a rule without options", "rules:\n  schema: {threshold: 3}\n",
			[]string{`2:12: rule schema has no options; only "severity" can be set`}},
		{"number option", "rules:\n  duplicate-text:\n    similarity: high\n",
			[]string{`3:17: rules.duplicate-text.similarity: expected a number, found "high"`}},
		{"integer option", "rules:\n  duplicate-text: {min_words: 2.5}\n",
			[]string{`2:31: rules.duplicate-text.min_words: expected an integer, found number 2.5`}},
		{"list option", "rules:\n  level-wording:\n    phrases: [owns, 3]\n",
			[]string{`3:21: rules.level-wording.phrases[1]: expected a string, found number 3`}},
		{"list option given a string", "rules:\n  level-wording:\n    phrases: owns\n",
			[]string{`3:14: rules.level-wording.phrases: expected a list of strings, found "owns"`}},
		{"map option", "rules:\n  level-wording:\n    bands: {junior: P1}\n",
			[]string{`3:21: rules.level-wording.bands.junior: expected a list of strings, found "P1"`}},
		{"bool option", "rules:\n  level-wording: {strict: yes please}\n",
			[]string{`2:27: rules.level-wording.strict: expected true or false, found "yes please"`}},
		{"option in an override", "overrides:\n  - files: [a]\n    rules:\n      duplicate-text: {similarity: [1]}\n",
			[]string{`4:36: overrides[0].rules.duplicate-text.similarity: expected a number, found a list`}},
		{"bad severity", "rules:\n  schema: warn\n",
			[]string{`2:11: rules.schema: "warn" is not a severity; did you mean "warning"?`}},
		{"bad severity in a mapping", "rules:\n  duplicate-text:\n    severity: fatal\n",
			[]string{`3:15: rules.duplicate-text.severity: "fatal" is not a severity; expected error, warning, info or off`}},
		{"rule setting of the wrong type", "rules:\n  schema: 3\n",
			[]string{`2:11: rules.schema: expected a severity (error, warning, info or off) or a mapping of severity and options, found number 3`}},
		{"section of the wrong type", "ignore: drafts/**\n",
			[]string{`1:9: ignore: expected a list, found "drafts/**"`}},
		{"duplicate level", "ladders:\n  professional: [P1, P2, P1]\n",
			[]string{`2:26: level P1 is twice in ladders.professional (first at 2:18); a ladder lists each level once`}},
		{"level twice through a band", "ladders:\n  data: [D1, [D2, D1]]\n",
			[]string{`2:19: level D1 is twice in ladders.data (first at 2:10); a ladder lists each level once`}},
		{"band of one level", "ladders:\n  data: [D1, [D2]]\n",
			[]string{`2:14: ladders.data[1]: a band lists at least two levels, the levels that share expectations`}},
		{"band inside a band", "ladders:\n  data: [[D1, [D2, D3]]]\n",
			[]string{`2:15: ladders.data[0][1]: expected a string, found a list`}},
		{"bad track name", "ladders:\n  Data: [D1]\n",
			[]string{`2:3: ladders: "Data" is not a track name: expected a lower-case letter, then up to 31 lower-case letters, digits or dashes, e.g. people-manager`}},
		{"typo of management", "ladders:\n  manegement: [M1]\n",
			[]string{`2:3: unknown key "manegement" in ladders; did you mean "management"?`}},
		{"bad level code", "ladders:\n  management: [M1, m2]\n",
			[]string{`2:20: ladders.management[1]: "m2" is not a level code: expected an upper-case letter and up to 7 upper-case letters or digits, e.g. P3 or M1`}},
		{"empty ladder", "ladders:\n  management: []\n",
			[]string{`2:15: ladders.management: a ladder lists at least one level`}},
		{"bad glob", "ignore:\n  - legacy/[a\n  - a**b\n  - ../up\n",
			[]string{
				`2:5: ignore[0]: bad glob "legacy/[a": malformed character class: "[" needs a closing "]"`,
				`3:5: ignore[1]: bad glob "a**b": "**" must be a whole path segment, as in "legacy/**" or "**/draft.yaml"`,
				`4:5: ignore[2]: bad glob "../up": "." and ".." segments are not allowed: globs match files inside the configuration's folder`,
			}},
		{"override without files", "overrides:\n  - rules: {schema: off}\n",
			[]string{`2:5: missing key "files" in overrides[0]`}},
		{"bad limit", "limits:\n  max_bytes: 0\n  max_depth: 1.5\n",
			[]string{
				`2:14: limits.max_bytes: number 0 is out of range: expected 1 or more`,
				`3:14: limits.max_depth: expected an integer, found number 1.5`,
			}},
		{"missing extended file", "rules: {}\nextends: nowhere.yaml\n",
			[]string{`2:10: extends: cannot read nowhere.yaml: no such file or directory`}},
		{"syntax error", "rules:\n  schema: [off\n",
			nil},
		{"several at once", "rulez: {}\nrules:\n  nope: off\n  duplicate-text: {similarity: x}\n",
			[]string{
				`1:1: unknown key "rulez"; did you mean "rules"?`,
				`3:3: unknown rule "nope"; "profilelint rules" lists the rules`,
				`4:32: rules.duplicate-text.similarity: expected a number, found "x"`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := write(t, map[string]string{"c.yaml": tc.src})
			chdir(t, dir)
			_, err := Load("c.yaml", testRules)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v, want config.Errors", err)
			}
			if tc.want == nil {
				if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "c.yaml:2:") {
					t.Errorf("syntax error = %v", err)
				}
				return
			}
			var got []string
			for _, e := range errs {
				got = append(got, strings.TrimPrefix(e.Error(), "c.yaml:"))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A mistake in an extended file is reported in that file.
func TestErrorInExtendedFile(t *testing.T) {
	dir := write(t, map[string]string{
		".git/HEAD":              "",
		"team/.profilelint.yaml": "extends: ../base.yaml\n",
		"base.yaml":              "rules:\n  schema: loud\n",
	})
	chdir(t, filepath.Join(dir, "team"))
	_, err := Load(".profilelint.yaml", testRules)
	want := filepath.FromSlash("../base.yaml") + `:2:11: rules.schema: "loud" is not a severity; expected error, warning, info or off`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestFind(t *testing.T) {
	dir := write(t, map[string]string{
		".profilelint.yaml":               "",
		"a/b/c/.keep":                     "",
		"repo/.git/HEAD":                  "",
		"repo/sub/.keep":                  "",
		"yml/.profilelint.yml":            "",
		"yml/x/.keep":                     "",
		"both/.profilelint.yaml":          "",
		"both/.profilelint.yml":           "",
		"repo2/.git/HEAD":                 "",
		"repo2/.profilelint.yaml":         "",
		"repo2/deep/.keep":                "",
		"nested/.profilelint.yaml":        "",
		"nested/inner/.profilelint.yaml":  "",
		"nested/inner/further/down/.keep": "",
	})
	for _, tc := range []struct{ from, want string }{
		{"a/b/c", "../../../.profilelint.yaml"},
		{"repo/sub", ""}, // .git stops the walk before the top folder
		{"yml/x", "../.profilelint.yml"},
		{"repo2/deep", "../.profilelint.yaml"}, // the repository root itself is searched
		{"nested/inner/further/down", "../../.profilelint.yaml"},
	} {
		chdir(t, filepath.Join(dir, tc.from))
		got, err := Find(".")
		if err != nil || got != filepath.FromSlash(tc.want) {
			t.Errorf("Find from %s = %q, %v; want %q", tc.from, got, err, tc.want)
		}
	}
	chdir(t, filepath.Join(dir, "both"))
	if _, err := Find("."); err == nil {
		t.Error("Find with both .profilelint.yaml and .profilelint.yml: no error")
	}
}

// The starter loads cleanly and sets nothing but the default ladders.
func TestStarter(t *testing.T) {
	dir := write(t, map[string]string{".profilelint.yaml": string(Starter(testRules))})
	chdir(t, dir)
	c := load(t, ".profilelint.yaml")
	cfg := c.Lint()
	if len(cfg.Severity)+len(cfg.Options)+len(cfg.Overrides) > 0 {
		t.Errorf("starter sets %+v", cfg)
	}
	for track, l := range cfg.Ladders {
		if l.String() != profiles.DefaultLadders[track].String() {
			t.Errorf("starter ladder %q = %v", track, l)
		}
	}
	// Uncommenting every rule line gives a valid configuration too.
	var b strings.Builder
	for _, line := range strings.Split(string(Starter(testRules)), "\n") {
		if strings.HasPrefix(line, "  # ") && strings.Contains(line, ":") && !strings.Contains(line, " no ") {
			line = "  " + strings.TrimPrefix(line, "  # ")
		}
		b.WriteString(line + "\n")
	}
	dir = write(t, map[string]string{".profilelint.yaml": b.String()})
	chdir(t, dir)
	if _, err := Load(".profilelint.yaml", testRules); err != nil {
		t.Errorf("uncommented starter: %v\n%s", err, b.String())
	}
}

// Any track may be configured, and a list inside a ladder is a band: the
// engine gets the ladder flat and the bands beside it, a profile without a
// track those of the professional track, and the printed configuration
// writes them back as they were.
func TestLaddersAndBands(t *testing.T) {
	src := "ladders:\n  professional: [IC1, IC2, [SR1, SR2], STAFF]\n  people-manager: [EM1, [EM2, EM3, EM4]]\n  data: [D1, D2]\n"
	dir := write(t, map[string]string{".profilelint.yaml": src})
	chdir(t, dir)
	c := load(t, ".profilelint.yaml")
	cfg := c.Lint()
	for track, want := range map[string]string{"": "IC1 IC2 SR1 SR2 STAFF", "professional": "IC1 IC2 SR1 SR2 STAFF", "people-manager": "EM1 EM2 EM3 EM4", "data": "D1 D2"} {
		if got := cfg.Ladders[track].String(); got != want {
			t.Errorf("ladder %q = %q, want %q", track, got, want)
		}
	}
	wantBands := map[string]profiles.Bands{"": {{"SR1", "SR2"}}, "professional": {{"SR1", "SR2"}}, "people-manager": {{"EM2", "EM3", "EM4"}}}
	if !reflect.DeepEqual(cfg.Bands, wantBands) {
		t.Errorf("Bands = %v, want %v", cfg.Bands, wantBands)
	}
	if !cfg.Bands["professional"].Same("SR1", "SR2") || cfg.Bands["professional"].Same("IC2", "SR1") {
		t.Errorf("bands %v do not group SR1 with SR2 alone", cfg.Bands["professional"])
	}
	var out bytes.Buffer
	if err := c.Format(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  professional: [IC1, IC2, [SR1, SR2], STAFF]\n",
		"  people-manager: [EM1, [EM2, EM3, EM4]]\n",
		// Not configured: shown, but commented out, so as not to pin it.
		"  # management: [M1, M2, M3, M4, M5, M6]",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed configuration lacks %q:\n%s", want, out.String())
		}
	}
	if err := os.WriteFile("printed.yaml", out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again := load(t, "printed.yaml").Lint()
	if !reflect.DeepEqual(again.Ladders, cfg.Ladders) || !reflect.DeepEqual(again.Bands, cfg.Bands) {
		t.Errorf("printed ladders load as %v %v, want %v %v", again.Ladders, again.Bands, cfg.Ladders, cfg.Bands)
	}
}

// A ladder comes whole from the file that sets it: a child's ladder of a
// track drops the bands of the base's ladder of that track.
func TestBandsExtend(t *testing.T) {
	dir := write(t, map[string]string{
		"base.yaml":         "ladders:\n  professional: [A, [B, C]]\n  data: [[D1, D2]]\n",
		".profilelint.yaml": "extends: base.yaml\nladders:\n  professional: [A, B, C]\n",
	})
	chdir(t, dir)
	cfg := load(t, ".profilelint.yaml").Lint()
	if b := cfg.Bands["professional"]; b != nil {
		t.Errorf("professional bands = %v, want none (the child's ladder has none)", b)
	}
	if b := cfg.Bands["data"]; !b.Same("D1", "D2") {
		t.Errorf("data bands = %v, want the base's", b)
	}
}

// The printed configuration loads back to the same settings.
func TestFormatRoundTrip(t *testing.T) {
	dir := write(t, map[string]string{
		"base.yaml": "rules:\n  schema: warning\nignore: [\"*.tmp.yaml\"]\n",
		".profilelint.yaml": `extends: base.yaml
ladders: {management: [M1, M2]}
rules:
  duplicate-text: {similarity: 0.8}
  level-wording: {phrases: ["a \"quoted\" one", "*star"]}
overrides:
  - files: ["legacy/**"]
    rules: {placeholder: off, duplicate-text: {severity: info, min_words: 2}}
`,
	})
	chdir(t, dir)
	c := load(t, ".profilelint.yaml")
	var out bytes.Buffer
	if err := c.Format(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"#   .profilelint.yaml\n#   base.yaml\n", "schema: warning", "# base.yaml", "# default"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := os.WriteFile("printed.yaml", out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again := load(t, "printed.yaml")
	a, b := c.Lint(), again.Lint()
	for id, s := range a.Severity {
		if b.Severity[id] != s {
			t.Errorf("%s: severity %v, printed %v", id, s, b.Severity[id])
		}
	}
	for id, opts := range a.Options {
		for k, v := range opts {
			if !reflect.DeepEqual(b.Options[id][k], v) {
				t.Errorf("%s.%s: %v, printed %v", id, k, v, b.Options[id][k])
			}
		}
	}
	if !reflect.DeepEqual(again.IgnoreGlobs, c.IgnoreGlobs) || len(again.Overrides) != 1 ||
		!reflect.DeepEqual(again.Overrides[0].Rules["duplicate-text"].Options, map[string]any{"min_words": 2}) {
		t.Errorf("printed config differs:\n%s", out.String())
	}
}

func TestSchemaCompiles(t *testing.T) {
	if _, err := configSchema(); err != nil {
		t.Fatal(err)
	}
}
