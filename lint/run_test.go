package lint

import (
	"strings"
	"testing"
	"time"
)

func src(name, text string) Source {
	return Source{Name: name, Read: func() ([]byte, error) { return []byte(text), nil }}
}

var always = &Rule{ID: "always", Severity: Warning, Run: func(p *Pass) { p.Reportf("", "seen") }}

// A rule that panics is reported under its id, the run is marked
// internal, and the other rules and files still run.
func TestPanickingRule(t *testing.T) {
	boom := &Rule{ID: "boom", Severity: Error, Run: func(p *Pass) {
		if p.File.Path == "a.yaml" {
			panic("index out of range")
		}
	}}
	res := Run(Config{Rules: []*Rule{boom, always}}, []Source{src("a.yaml", "a: 1\n"), src("b.yaml", "b: 1\n")})
	if !res.Internal {
		t.Error("a panic did not mark the run internal")
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File+" "+f.Rule+" "+f.Message)
	}
	want := "a.yaml always seen|a.yaml boom internal error: rule panicked: index out of range|b.yaml always seen"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A rule past the time budget is reported under its id; the run goes on
// with the other files.
func TestRuleTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := &Rule{ID: "slow", Severity: Error, Run: func(p *Pass) {
		if p.File.Path == "a.yaml" {
			<-release // stands for a rule stuck on hostile input
		}
	}}
	start := time.Now()
	res := Run(Config{Rules: []*Rule{always, slow}, RuleTimeout: 50 * time.Millisecond}, []Source{src("a.yaml", "a: 1\n"), src("b.yaml", "b: 1\n")})
	if time.Since(start) > 5*time.Second {
		t.Fatal("the run waited for the stuck rule")
	}
	if !res.Internal {
		t.Error("a timeout did not mark the run internal")
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File+" "+f.Rule)
	}
	if want := "a.yaml always|a.yaml slow|b.yaml always"; strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	for _, f := range res.Findings {
		if f.Rule == "slow" && !strings.Contains(f.Message, "still running after 50ms") {
			t.Errorf("timeout message: %s", f.Message)
		}
	}
}
