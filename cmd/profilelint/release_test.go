package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The release files are checked here as far as this machine can: no
// image can be built and no Action run without their registries. CI also
// runs actionlint and goreleaser check (.ci/run).

const repoRoot = "../.."

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	line    int
	keyword string // upper case
	args    string
}

func parseDockerfile(t *testing.T, name string) []instruction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	var out []instruction
	var cur *instruction
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if cur == nil && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if cur != nil && strings.HasPrefix(line, "#") {
			continue // a comment inside a continued instruction
		}
		more := strings.HasSuffix(line, `\`)
		line = strings.TrimSuffix(line, `\`)
		if cur == nil {
			kw, args, _ := strings.Cut(line, " ")
			cur = &instruction{line: n, keyword: strings.ToUpper(kw), args: strings.TrimSpace(args)}
		} else {
			cur.args += " " + strings.TrimSpace(line)
		}
		if !more {
			out = append(out, *cur)
			cur = nil
		}
	}
	if cur != nil {
		t.Errorf("%s: the instruction at line %d continues past the end", name, cur.line)
	}
	return out
}

var dockerKeywords = map[string]bool{
	"FROM": true, "RUN": true, "CMD": true, "LABEL": true, "EXPOSE": true, "ENV": true,
	"ADD": true, "COPY": true, "ENTRYPOINT": true, "VOLUME": true, "USER": true,
	"WORKDIR": true, "ARG": true, "ONBUILD": true, "STOPSIGNAL": true,
	"HEALTHCHECK": true, "SHELL": true,
}

// finalStage returns the instructions after the last FROM.
func finalStage(ins []instruction) []instruction {
	for i := len(ins) - 1; i >= 0; i-- {
		if ins[i].keyword == "FROM" {
			return ins[i:]
		}
	}
	return nil
}

func TestDockerfiles(t *testing.T) {
	for _, name := range []string{"Dockerfile", "release.Dockerfile"} {
		ins := parseDockerfile(t, name)
		stages := map[string]bool{}
		args := map[string]bool{}
		for _, in := range ins {
			if !dockerKeywords[in.keyword] {
				t.Errorf("%s:%d: unknown instruction %s", name, in.line, in.keyword)
			}
			switch in.keyword {
			case "ARG":
				arg, _, _ := strings.Cut(in.args, "=")
				args[arg] = true
			case "FROM":
				for _, ref := range regexp.MustCompile(`\$\{(\w+)\}`).FindAllStringSubmatch(in.args, -1) {
					if !args[ref[1]] {
						t.Errorf("%s:%d: FROM uses ${%s}, declared by no ARG before it", name, in.line, ref[1])
					}
				}
				if f := strings.Fields(in.args); len(f) == 3 && strings.EqualFold(f[1], "AS") {
					stages[f[2]] = true
				}
			case "COPY":
				if m := regexp.MustCompile(`--from=(\S+)`).FindStringSubmatch(in.args); m != nil && !stages[m[1]] {
					t.Errorf("%s:%d: COPY --from=%s names no stage", name, in.line, m[1])
				}
			case "RUN":
				if strings.Contains(in.args, "go build") && !strings.Contains(in.args, "CGO_ENABLED=0") {
					t.Errorf("%s:%d: the binary must be static (CGO_ENABLED=0)", name, in.line)
				}
			}
		}
		final := finalStage(ins)
		var user, version, entry string
		for _, in := range final {
			switch in.keyword {
			case "USER":
				user = in.args
			case "LABEL":
				if strings.Contains(in.args, `org.opencontainers.image.version="${VERSION}"`) {
					version = in.args
				}
			case "ENTRYPOINT":
				entry = in.args
			}
		}
		if user == "" || user == "root" || strings.HasPrefix(user, "0") {
			t.Errorf("%s: the image runs as %q, not as a user of its own", name, user)
		}
		if version == "" {
			t.Errorf("%s: no org.opencontainers.image.version label with the version", name)
		}
		if entry != `["profilelint"]` {
			t.Errorf("%s: ENTRYPOINT %s, want [\"profilelint\"]", name, entry)
		}
	}
	// The release image is the source image's final stage but for where
	// the binary comes from (COPY, and the platform's folder).
	a, b := finalStage(parseDockerfile(t, "Dockerfile")), finalStage(parseDockerfile(t, "release.Dockerfile"))
	strip := func(ins []instruction) []string {
		var out []string
		for _, in := range ins {
			if in.keyword == "COPY" || in.keyword == "ARG" && in.args == "TARGETPLATFORM" {
				continue
			}
			out = append(out, in.keyword+" "+in.args)
		}
		return out
	}
	if strings.Join(strip(a), "\n") != strings.Join(strip(b), "\n") {
		t.Errorf("the final stages of Dockerfile and release.Dockerfile differ:\n%s\n---\n%s", strings.Join(strip(a), "\n"), strings.Join(strip(b), "\n"))
	}
}

type actionFile struct {
	Name    string
	Inputs  map[string]struct{ Description, Default string }
	Outputs map[string]struct{ Description, Value string }
	Runs    struct {
		Using string
		Steps []struct {
			Name, ID, Shell, Run, Uses, If string
			Env                            map[string]string
		}
	}
}

// The Action declares what it uses, quotes no expression into a script
// (inputs go through env), and its scripts pass shellcheck when it is
// installed.
func TestAction(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("action.yml: runs.using %q with %d steps, want a composite action", a.Runs.Using, len(a.Runs.Steps))
	}
	for _, m := range regexp.MustCompile(`inputs\.([\w-]+)`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	shellcheck, _ := exec.LookPath("shellcheck")
	for _, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash (composite steps must name one)", s.Name, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q puts an expression into its script; pass it through env", s.Name)
		}
		if shellcheck == "" {
			continue
		}
		script := filepath.Join(t.TempDir(), "step.sh")
		if err := os.WriteFile(script, []byte("#!/usr/bin/env bash\n"+s.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(shellcheck, "--shell=bash", script).CombinedOutput(); err != nil {
			t.Errorf("step %q: shellcheck: %v\n%s", s.Name, err, out)
		}
	}
	if shellcheck == "" {
		t.Log("shellcheck is not installed; the Action's scripts were not checked (apt-get install shellcheck)")
	}

	// The archives the Action downloads are the ones GoReleaser names.
	release, err := os.ReadFile(filepath.Join(repoRoot, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{
		{`{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}`, `profilelint_${VERSION#v}_${os}_${arch}.tar.gz`},
		{`{{ .ProjectName }}_{{ .Version }}_checksums.txt`, `profilelint_${VERSION#v}_checksums.txt`},
	} {
		if !strings.Contains(string(release), pair[0]) || !strings.Contains(string(data), pair[1]) {
			t.Errorf(".goreleaser.yaml names %s and action.yml downloads %s: one of them changed", pair[0], pair[1])
		}
	}
}

// The README shows the CI snippets as they are in docs/ci, and every
// version it pins is a release tag.
func TestCISnippets(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"docs/ci/gitlab-ci.yml", "docs/ci/Jenkinsfile"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(readme), string(data)) {
			t.Errorf("README.md does not show %s as it is", name)
		}
		if strings.Contains(string(data), "latest") {
			t.Errorf("%s does not pin the image", name)
		}
	}
	tag := regexp.MustCompile(`^v\d+\.\d+\.\d+$`)
	for _, m := range regexp.MustCompile(`(?m)(?:rev: |profilelint/profilelint@|profilelint:)(v[\w.]+)`).FindAllStringSubmatch(string(readme), -1) {
		if !tag.MatchString(m[1]) {
			t.Errorf("README.md pins %q, not a release tag vX.Y.Z", m[1])
		}
	}
}
