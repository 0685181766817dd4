package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

var functions = []struct{ code, name string }{
	{"INFRAS", "Infrastructure & Platform Engineering"},
	{"DATAEN", "Data Engineering"},
	{"SECENG", "Security Engineering"},
	{"SWENG", "Software Engineering"},
	{"MLENG", "Machine Learning Engineering"},
	{"QAENG", "Quality Engineering"},
}

var domains = []string{
	"cloud platform", "payments", "identity and access", "search", "streaming data", "mobile release",
	"observability", "billing", "customer data", "fraud detection", "developer tooling", "networking",
	"storage", "messaging", "experimentation", "content delivery", "analytics warehouse", "compliance reporting",
}

var tools = [][]string{
	{"Terraform", "Kubernetes", "AWS", "Datadog"},
	{"Kafka", "Spark", "Airflow", "dbt"},
	{"Vault", "Okta", "Splunk", "OPA"},
	{"Go", "PostgreSQL", "gRPC", "Redis"},
	{"PyTorch", "Ray", "MLflow", "Feast"},
	{"Playwright", "k6", "Jenkins", "Selenium"},
}

// Verbs and reach by level, lowest first: wording that fits each level.
var levelVerbs = [7][]string{
	{"Assists senior engineers with", "Learns and applies", "Documents", "Runs routine checks on", "Fixes well-defined defects in"},
	{"Builds and maintains", "Implements", "Automates", "Configures", "Tests and releases"},
	{"Independently designs and delivers", "Evaluates tools for", "Improves", "Troubleshoots", "Plans own work on"},
	{"Leads the design of", "Sets team standards for", "Coordinates incident response for", "Mentors mid-level engineers on", "Analyses trade-offs in"},
	{"Defines the architecture of", "Drives multi-team adoption of", "Owns the roadmap of", "Aligns product and engineering on", "Sets standards adopted across teams for"},
	{"Sets organisation-wide direction for", "Owns vendor and budget decisions for", "Shapes long-term strategy of", "Influences dozens of teams on", "Develops principal engineers in"},
	{"Defines enterprise strategy for", "Represents the company externally on", "Creates reference architectures for", "Advises executives on", "Sets the multi-year vision of"},
}

var levelReach = [7]string{
	"on well-defined, scoped tasks", "within an agreed design", "for the team's services", "spanning multiple systems",
	"across several teams", "across the organisation", "across the enterprise and the industry",
}

var levelNames = [7]string{"Associate", "Professional", "Experienced Professional", "Senior Professional", "Lead Professional", "Principal", "Staff / Distinguished Professional"}

var years = [7][2]int{{0, 1}, {2, 0}, {5, 0}, {8, 0}, {12, 0}, {15, 0}, {20, 0}}

var skillNames = []string{"Cloud platforms", "Infrastructure as code", "Container orchestration", "Delivery pipelines", "Scripting", "Observability", "Networking", "Security and compliance", "Product thinking", "Configuration management", "Vendor management", "Incident management"}

type focus struct {
	fn          struct{ code, name string }
	code, name  string
	domain      string
	tools       []string
	description string
	resp        [7][]string
	rubric      [7][3]string
	skills      [][2]string
}

func newFocus(rng *rand.Rand, n int, used map[[6]uint8]bool) *focus {
	fi := n % len(functions)
	f := &focus{fn: functions[fi], tools: tools[fi]}
	f.domain = domains[rng.IntN(len(domains))]
	f.code = fmt.Sprintf("%s%04d", strings.ToUpper(strings.ReplaceAll(f.domain, " ", ""))[:6], n)
	f.name = titleCase(f.domain) + " " + strings.Fields(f.fn.name)[len(strings.Fields(f.fn.name))-1]
	t := f.tools
	f.description = focusDescription(rng, used, f.name, f.domain, t)
	for lv := 0; lv < 7; lv++ {
		verbs := rng.Perm(len(levelVerbs[lv]))
		for i := 0; i < 5; i++ {
			tool := t[(i+lv)%len(t)]
			f.resp[lv] = append(f.resp[lv], fmt.Sprintf("%s %s %s using %s %s (focus %d, item %d)",
				levelVerbs[lv][verbs[i]], f.domain, []string{"components", "pipelines", "services", "controls", "practices"}[i], tool, levelReach[lv], n, i+1))
		}
		f.rubric[lv] = [3]string{
			fmt.Sprintf("Applies %s knowledge of %s and %s to %s work %s, at the depth expected of level P%d in focus %d.", []string{"foundational", "working", "broad", "in-depth", "expert", "field-shaping", "industry-defining"}[lv], t[0], t[1], f.domain, levelReach[lv], lv+1, n),
			fmt.Sprintf("Solves %s problems in %s %s, weighing cost, reliability and security as level P%d of focus %d.", []string{"routine", "familiar", "diverse", "complex", "broad", "ambiguous", "precedent-free"}[lv], f.domain, levelReach[lv], lv+1, n),
			fmt.Sprintf("Works with %s %s, building the relationships that level P%d of focus %d needs.", []string{"a mentor", "the team", "partner teams", "engineering groups", "product leadership", "senior leadership", "executives"}[lv], levelReach[lv], lv+1, n),
		}
	}
	for i, s := range skillNames {
		f.skills = append(f.skills, [2]string{s, fmt.Sprintf("Uses %s for %s work in %s: %s, applied to skill %d of focus %d.", t[i%len(t)], strings.ToLower(s), f.domain, "planning, building and operating it safely", i+1, n)})
	}
	return f
}

func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}

type profile struct {
	focus *focus
	lv    int // 1-based
	level string
	id    string
}

func (f *focus) profile(lv int) *profile {
	level := fmt.Sprintf("P%d", lv)
	return &profile{focus: f, lv: lv, level: level, id: f.fn.code + "." + f.code + "." + level}
}

func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func yearsYAML(y [2]int) string {
	if y[1] > 0 {
		return fmt.Sprintf("{min: %d, max: %d}", y[0], y[1])
	}
	return fmt.Sprintf("{min: %d}", y[0])
}

func (p *profile) render() string {
	f := p.focus
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("schema: profile/v1")
	w("id: %s", p.id)
	w("title: %s", q(f.name+" — "+p.level))
	w("summary: %s", q(fmt.Sprintf("%s at level %s: %s work on %s %s.", levelNames[p.lv-1], p.level, f.domain, strings.Join(f.tools[:2], " and "), levelReach[p.lv-1])))
	w("track: professional")
	w("")
	w("function:\n  code: %s\n  name: %s", f.fn.code, q(f.fn.name))
	w("")
	w("focus:\n  code: %s\n  name: %s", f.code, q(f.name))
	w("  description: %s", q(f.description))
	w("  differential: %s", q("Material skill differential vs the function baseline."))
	w("")
	y := years[p.lv-1]
	typ := [2]int{y[0], y[0] + 3}
	w("level:\n  code: %s\n  name: %s", p.level, q(levelNames[p.lv-1]))
	w("  summary: %s", q(fmt.Sprintf("%s in %s: works %s.", levelNames[p.lv-1], f.domain, levelReach[p.lv-1])))
	w("  scope: %s", q(titleCase(levelReach[p.lv-1])))
	w("  typical_experience: %s", yearsYAML(typ))
	w("")
	w("responsibilities:")
	for lv := 0; lv < 7; lv++ {
		w("  - level: P%d\n    items:", lv+1)
		for _, it := range f.resp[lv] {
			w("      - %s", q(it))
		}
	}
	w("")
	w("level_guidelines:")
	for lv := 0; lv < 7; lv++ {
		r := f.rubric[lv]
		w("  - level: P%d", lv+1)
		w("    knowledge: %s\n    complexity: %s\n    collaboration: %s", q(r[0]), q(r[1]), q(r[2]))
		w("    education: %s", q(fmt.Sprintf("%d+ years; degree or equivalent experience.", years[lv][0])))
		w("    experience: %s", yearsYAML(years[lv]))
	}
	w("")
	w("skills:")
	for _, s := range f.skills {
		w("  - name: %s\n    description: %s", q(s[0]), q(s[1]))
	}
	w(`
provenance:
  sources:
    - id: job-analysis
      title: "Job analysis interviews"
      citation: "Interviews with practitioners, 2026"
      retrieved: "2026-08-30"
    - id: rubric
      title: "Leveling rubric, professional track"
      citation: "Internal career framework 2026.1"
      retrieved: "2026-09-15"
  layers:
    focus: [job-analysis]
    level: [rubric]
    responsibilities: [job-analysis]
    level_guidelines: [rubric]
    skills: [job-analysis]
    classification: [job-analysis]
  review:
    panel: adversarial
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, specificity: 5, level_fit: 4, sourcing: 4}

title_aliases:
  - %s

classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
    source: job-analysis`, q(titleCase(f.domain)+" Engineer "+p.level))
	return b.String()
}
