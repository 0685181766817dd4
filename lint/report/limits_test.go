package report

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// bigResult is a corpus over the consumers' limits: perFile findings of
// every severity in each of files files, each with a source line.
func bigResult(t *testing.T, files, perFile int) *lint.Result {
	t.Helper()
	var src strings.Builder
	src.WriteString("schema: profile/v1\nresponsibilities:\n")
	for i := 0; i < perFile; i++ {
		fmt.Fprintf(&src, "  - Runs routine platform upgrades from checklist number %d and reports on them\n", i)
	}
	res := &lint.Result{Sources: map[string]*profiles.File{}}
	sevs := []lint.Severity{lint.Info, lint.Warning, lint.Error}
	for n := 0; n < files; n++ {
		name := fmt.Sprintf("profiles/INFRAS.P%04d.P3.yaml", n)
		res.Sources[name] = parse(t, name, src.String())
		res.Paths = append(res.Paths, name)
		res.Files++
		for i := 0; i < perFile; i++ {
			res.Findings = append(res.Findings, lint.Finding{
				Rule: "placeholder", Severity: sevs[(n+i)%3], File: name,
				Pointer: fmt.Sprintf("/responsibilities/%d", i), Line: i + 3, Column: 5,
				Message: fmt.Sprintf("responsibility %d of %s is a placeholder; say what the level does", i, name),
			})
		}
	}
	lint.Sort(res.Findings)
	return res
}

// Over GitHub's caps, the errors come first, no level passes 10, and the
// last notice counts the rest and names the full report.
func TestGitHubCaps(t *testing.T) {
	res := bigResult(t, 20, 10) // 200 findings, 66-67 of each severity
	opt := Options{FullReport: "profilelint.sarif"}
	out := strings.Split(strings.TrimSuffix(string(render(t, "github", res, opt)), "\n"), "\n")
	var levels []string
	for _, l := range out {
		levels = append(levels, l[2:strings.IndexByte(l, ' ')])
	}
	want := strings.Repeat("error ", 10) + strings.Repeat("warning ", 10) + strings.Repeat("notice ", 10)
	if got := strings.Join(levels, " ") + " "; got != want {
		t.Errorf("levels in order:\n%s\nwant\n%s", got, want)
	}
	last := out[len(out)-1]
	if !strings.HasPrefix(last, "::notice title=profilelint::171 more findings not annotated") || !strings.Contains(last, "profilelint.sarif") {
		t.Errorf("last line %q does not count the 171 left out or name the full report", last)
	}

	// Full prints every one; within the caps nothing is said.
	opt.Full = true
	if n := strings.Count(string(render(t, "github", res, opt)), "\n"); n != 200 {
		t.Errorf("with Full: %d lines, want 200", n)
	}
	small := bigResult(t, 3, 10) // exactly 10 of each
	if got := string(render(t, "github", small, Options{})); strings.Count(got, "\n") != 30 || strings.Contains(got, "not annotated") {
		t.Errorf("within the caps:\n%s", got)
	}
}

// A Markdown report that would pass a comment's limit keeps to it: the
// summary whole, the errors first, a line naming how many were left out.
func TestMarkdownLimit(t *testing.T) {
	res := bigResult(t, 200, 10) // 2,000 findings
	full := string(render(t, "markdown", res, Options{Full: true}))
	if n := utf8.RuneCountInString(full); n <= MarkdownLimit {
		t.Fatalf("the full report is %d characters: the test needs one over %d", n, MarkdownLimit)
	}
	got := string(render(t, "markdown", res, Options{}))
	n := utf8.RuneCountInString(got)
	if n > MarkdownLimit {
		t.Fatalf("report is %d characters, over %d", n, MarkdownLimit)
	}
	if n < MarkdownLimit*9/10 {
		t.Errorf("report is %d characters: it leaves out more than it must", n)
	}
	if !strings.Contains(got, "| **total** | 666 | 667 | 667 |") {
		t.Errorf("the summary table does not count every finding:\n%s", got[:min(len(got), 800)])
	}
	shown := strings.Count(got, "\n- **")
	errors, warnings := strings.Count(got, "\n- **error**"), strings.Count(got, "\n- **warning**")
	if errors != shown || warnings != 0 {
		t.Errorf("%d findings shown, %d errors and %d warnings: the errors must come first", shown, errors, warnings)
	}
	if want := fmt.Sprintf("**%d more findings not shown**", 2000-shown); !strings.Contains(got, want) {
		t.Errorf("no line %q", want)
	}
	if !strings.Contains(got, "--full") {
		t.Errorf("the report does not say how to get all of it")
	}
	// Under the limit, nothing is left out.
	if small := string(render(t, "markdown", bigResult(t, 2, 3), Options{})); strings.Contains(small, "not shown") {
		t.Errorf("a small report was cut:\n%s", small)
	}
}

// A JUnit test keeps its name when lines move, and Jenkins cannot split
// its classname into a package and an extension.
func TestJUnitIdentity(t *testing.T) {
	res := sharedResult(t)
	moved := sharedResult(t)
	for i := range moved.Findings {
		moved.Findings[i].Line += 7
	}
	type tc struct {
		Name      string `xml:"name,attr"`
		ClassName string `xml:"classname,attr"`
	}
	names := func(out []byte) []tc {
		var doc struct {
			Suites []struct {
				Cases []tc `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		var all []tc
		for _, s := range doc.Suites {
			all = append(all, s.Cases...)
		}
		return all
	}
	before, after := names(render(t, "junit", res, Options{})), names(render(t, "junit", moved, Options{}))
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("tests renamed when lines moved:\n%v\n%v", before, after)
	}
	seen := map[string]bool{}
	for _, c := range before {
		if strings.Contains(c.ClassName, ".") {
			t.Errorf("classname %q has a dot, where Jenkins splits it", c.ClassName)
		}
		if seen[c.ClassName+" "+c.Name] {
			t.Errorf("two tests named %q in %q", c.Name, c.ClassName)
		}
		seen[c.ClassName+" "+c.Name] = true
	}
}

// warnings-ng reads a category between the last two dots of the source.
func TestCheckstyleCategory(t *testing.T) {
	out := string(render(t, "checkstyle", sharedResult(t), Options{}))
	for _, want := range []string{`source="profilelint.format.schema"`, `source="profilelint.content.experience-range"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}

// Run from a subfolder, every machine format names files from the
// repository root; absolute paths inside the root are made relative.
func TestRepositoryPaths(t *testing.T) {
	opt := Options{Prefix: "hr/ladders", Root: "/repo"}
	for _, c := range []struct{ in, want string }{
		{"profiles/a.yaml", "hr/ladders/profiles/a.yaml"},
		{"./a.yaml", "hr/ladders/a.yaml"},
		{"../other/a.yaml", "hr/other/a.yaml"},
		{"/repo/x/a.yaml", "x/a.yaml"},
		{"/elsewhere/a.yaml", "/elsewhere/a.yaml"},
	} {
		if got := opt.repoPath(c.in); got != c.want {
			t.Errorf("repoPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, format := range []string{"sarif", "gitlab", "rdjson", "github", "junit", "checkstyle"} {
		out := string(render(t, format, sharedResult(t), opt))
		if !strings.Contains(out, "hr/ladders/profiles/a") {
			t.Errorf("%s does not name hr/ladders/profiles/a.yaml:\n%s", format, out)
		}
	}
	// The fingerprint is the same whichever folder the run started in.
	f := lint.Finding{Rule: "r", File: "profiles/a.yaml", Pointer: "/x", Message: "m"}
	g := f
	g.File = "a.yaml"
	if (Options{Prefix: "hr/ladders"}).fingerprints([]lint.Finding{f})[0] != (Options{Prefix: "hr/ladders/profiles"}).fingerprints([]lint.Finding{g})[0] {
		t.Error("fingerprints depend on the folder the run started in")
	}
}

// A failed rule makes the SARIF invocation unsuccessful, and says which.
func TestSARIFInternal(t *testing.T) {
	res := sharedResult(t)
	res.Internal = true
	res.Findings = append(res.Findings, lint.Finding{Rule: "duplicate-across", Severity: lint.Error, Message: "internal error: rule panicked: boom"})
	out := string(render(t, "sarif", res, testOptions()))
	if !strings.Contains(out, `"executionSuccessful": false`) || !strings.Contains(out, "a rule failed, so the results are incomplete: duplicate-across (1 finding)") {
		t.Errorf("no failed invocation in\n%s", out)
	}
}
