package profiles

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notProfiles are files that share repositories with profiles, as their
// tools write them.
var notProfiles = map[string]string{
	"package.json":         `{"name": "ladder-site", "version": "1.0.0", "private": true, "scripts": {"build": "mkdocs build"}, "devDependencies": {"prettier": "^3.0.0"}}`,
	"package-lock.json":    "{\n  \"name\": \"ladder-site\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\"\": {\"name\": \"ladder-site\"}}\n}\n",
	"mkdocs.yml":           "site_name: Engineering ladder\nnav:\n  - Home: index.md\n  - Levels: levels.md\ntheme:\n  name: material\n",
	"dependabot.yml":       "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n",
	"workflow.yml":         "name: profiles\non: [pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
	"gitlab-ci.yml":        "stages: [test]\nprofilelint:\n  stage: test\n  script:\n    - profilelint lint\n",
	"docker-compose.yml":   "services:\n  docs:\n    image: squidfunk/mkdocs-material\n    ports: [\"8000:8000\"]\n",
	"deployment.yaml":      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ladder\nspec:\n  replicas: 1\n",
	"openapi.yaml":         "openapi: 3.0.0\ninfo:\n  title: Ladder API\n  version: 1.0.0\n  summary: the ladder\npaths: {}\n",
	"gl-code-quality.json": `[{"description": "x", "check_name": "schema", "fingerprint": "ab", "severity": "major", "location": {"path": "a.yaml", "lines": {"begin": 1}}}]`,
	"profilelint.sarif":    `{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "profilelint"}}, "results": []}]}`,
	"report.json":          `{"version": 1, "tool": {"name": "profilelint", "version": "dev"}, "files": 2, "findings": [{"rule": "schema", "file": "a.yaml", "pointer": "/id", "message": "x"}], "summary": {"files": 2}}`,
	"baseline.json":        `{"version": 1, "findings": [{"rule": "level-order", "id": "INFRAS.PLATFORM.P3", "pointer": "/level", "hash": "ab"}]}`,
	".profilelint.yaml":    "ladders:\n  professional: [P1, P2, P3]\nrules:\n  filename-id: off\nignore: [\"drafts/**\"]\n",
	"pre-commit.yaml":      "repos:\n  - repo: https://github.com/profilelint/profilelint\n    rev: v0.1.0\n    hooks:\n      - id: profilelint\n",
	"hugo-data.yaml":       "id: about\ntitle: About the ladder\nsummary: How we level engineers.\n",
	"top-level-list.yaml":  "- id: a\n  title: b\n  level: P1\n- focus: c\n",
	"empty.yaml":           "",
	"comments.yaml":        "# nothing here yet\n",
	"other-schema.yaml":    "schema: openapi/v3\nid: x\ntitle: y\n",
	"nested-keys.yaml":     "site:\n  focus: a\n  level: b\n  skills: c\n  title: d\n",
	"quoted-nested.json":   `{"page": {"focus": 1, "level": 2, "skills": 3, "id": 4}}`,
	"i18n.json":            `{"title": "Title", "summary": "Summary", "level": "Level", "skills": "Skills", "focus": "Focus"}`,
	"helm-values.yaml":     "replicaCount: 1\nimage: nginx\nlevel: info\nfunction: web\ntrack: stable\nfocus: none\n",
	"resume.yaml":          "title: Senior  Engineer\nsummary: Builds things.\nlevel: senior\nskills:\n  - Go\n",
	"json-schema.json":     `{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "x", "type": "object", "properties": {"id": {}, "level": {}}}`,
}

// profilesByShape are files meant as profiles, however broken: each must
// be linted, so that its mistakes are reported.
var profilesByShape = map[string]string{
	"plain":               "schema: profile/v1\nid: INFRAS.PLATFORM.P3\n",
	"quoted schema":       "\"schema\": 'profile/v1'\n",
	"schema with comment": "schema: profile/v1   # the format\n",
	"misspelt schema":     "schema: profiel/v1\nid: INFRAS.PLATFORM.P3\n",
	"other version":       "schema: Profile/v2\n",
	"no schema, a shape":  "id: INFRAS.PLATFORM.P3\ntitle: Platform — P3\nlevel:\n  code: P3\nfocus:\n  code: PLATFORM\n",
	"misspelt schema key": "shcema: profile/v1\nid: INFRAS.PLATFORM.P3\ntitle: Platform\nresponsibilities: []\n",
	"broken syntax":       "schema: profile/v1\nid: [INFRAS.PLATFORM.P3\n",
	"after comments":      "# Platform engineering, level 3\n# owned by the platform guild\n\nschema: profile/v1\n",
	"document marker":     "%YAML 1.2\n---\nschema: profile/v1\n",
	"marker on the line":  "--- \nschema: profile/v1\n",
	"crlf":                "schema: profile/v1\r\nid: INFRAS.PLATFORM.P3\r\n",
	"bom":                 "\ufeffschema: profile/v1\n",
	"json":                `{"schema": "profile/v1", "id": "INFRAS.PLATFORM.P3"}`,
	"json on lines":       "{\n  \"id\": \"INFRAS.PLATFORM.P3\",\n  \"title\": \"x\",\n  \"level\": {\"code\": \"P3\"},\n  \"schema\": \"profile/v1\"\n}\n",
	"json, no schema":     `{"id": "x", "title": "y", "level": {"code": "P1"}, "responsibilities": [{"level": "P1"}]}`,
	"indented whole":      "  schema: profile/v1\n  id: INFRAS.PLATFORM.P3\n",
	"tagged schema":       "schema: !!str profile/v1\nid: INFRAS.PLATFORM.P3\n",
	"schema on next line": "schema:\n  profile/v1\nid: x\n",
	"shape, folded texts": "# no schema line yet\ntitle: >-\n  Platform\nsummary: |\n  Builds\nlevel:\n  code: P3\nresponsibilities:\n  - level: P3\n",
	"json, broken":        `{"schema": "profile/v1", "id": `,
	"flow yaml":           "{schema: profile/v1, id: INFRAS.PLATFORM.P3}\n",
	"block scalar first":  "summary: >\n  schema: not a key\nschema: profile/v1\n",
}

func TestLooksLikeProfile(t *testing.T) {
	for name, text := range notProfiles {
		if LooksLikeProfile([]byte(text)) {
			t.Errorf("%s is taken for a profile:\n%s", name, text)
		}
	}
	for name, text := range profilesByShape {
		if !LooksLikeProfile([]byte(text)) {
			t.Errorf("%s is not taken for a profile:\n%s", name, text)
		}
	}
}

// TestLooksLikeProfileShippedFiles: every profile this repository ships,
// and the bad and good examples of every rule that has a schema line, are
// profiles.
func TestLooksLikeProfileShippedFiles(t *testing.T) {
	var paths []string
	for _, glob := range []string{"../examples/*.yaml", "../testdata/ladder/*.yaml"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 5 {
		t.Fatalf("found %d shipped profiles; the globs are stale", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !LooksLikeProfile(data) {
			t.Errorf("%s is not taken for a profile", p)
		}
	}
}

// TestLooksLikeProfileOtherFrameworks: the YAML that other career
// frameworks keep in their own formats (FT's job families, pathway's
// capabilities and tracks) is not taken for profiles.
func TestLooksLikeProfileOtherFrameworks(t *testing.T) {
	root := "../../shared/data/ladders"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("the shared ladders are not beside the repository (%v)", err)
	}
	n := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsProfileName(p) {
			return err
		}
		n++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if LooksLikeProfile(data) {
			t.Errorf("%s is taken for a profile", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no YAML or JSON file found among the shared ladders")
	}
}

func FuzzLooksLikeProfile(f *testing.F) {
	for _, text := range notProfiles {
		f.Add([]byte(text))
	}
	for _, text := range profilesByShape {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := LooksLikeProfile(data)
		// Comments and blank lines before the document, a byte-order mark
		// and CRLF line ends do not change what the file is.
		prefixed := append([]byte("\ufeff# a comment\n\n"), bytes.TrimPrefix(data, []byte("\ufeff"))...)
		if LooksLikeProfile(prefixed) != got {
			t.Errorf("a comment and a byte-order mark before the text change the verdict (%v)", got)
		}
		if !bytes.Contains(data, []byte("\r")) {
			crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			if LooksLikeProfile(crlf) != got && !strings.ContainsAny(string(data), "\"'") {
				t.Errorf("CRLF line ends change the verdict (%v)", got)
			}
		}
	})
}
