package text

import "testing"

// Pairs of texts as ladders write them at two levels, in first person
// ("I …"), third person ("Leads …") and the imperative. A copy is a pair
// whose change is no level step (Trivial is true); a step is a pair whose
// changed words are what tells the levels apart.
var stepPairs = []struct {
	a, b string
	copy bool
}{
	// Copies: a typo.
	{"I recevie feedback from my peers and act on it", "I receive feedback from my peers and act on it", true},
	{"Writes clear documentation for the services they maintain", "Writes clear documentatoin for the services they maintain", true},
	{"Collaborate with designers to refine the requirements", "Colaborate with designers to refine the requirements", true},
	{"Debugs production issues and writes postmortems", "Debugs production issues and writes post-mortems", true},
	{"Reviews pull requests promptly and kindly", "Reviews pull requests promptyl and kindly", true},
	// Copies: an article or a function word.
	{"I write a design doc before starting the work", "I write the design doc before starting the work", true},
	{"Raises risks early with the stakeholders of a project", "Raises risks early with stakeholders of a project", true},
	{"Keep the on-call runbooks up to date", "Keep on-call runbooks up to date", true},
	{"Understands the trade-offs of the architecture in use", "Understands trade-offs of architecture in use", true},
	{"Participates in the design reviews of the team", "Participates in design reviews of the team", true},
	// Copies: contractions.
	{"I'm comfortable giving feedback in code reviews", "I am comfortable giving feedback in code reviews", true},
	{"Doesn't leave broken builds behind at the end of the day", "Does not leave broken builds behind at the end of the day", true},
	{"I can't ship code without tests that cover it", "I cannot ship code without tests that cover it", true},
	{"Don't merge changes that break the public API", "Do not merge changes that break the public API", true},
	{"I plan the rollout with my lead and I’m able to explain the risks", "I plan the rollout with my lead and am able to explain the risks", true},
	{"Takes notes in meetings and I'm careful to share them afterwards", "Takes notes in meetings and careful to share them afterwards", true},
	// Copies: a filler modifier.
	{"I follow good testing practices that keep our releases safe", "I follow testing practices that keep our releases safe", true},
	{"Raises potential blockers early in the planning of the work", "Raises blockers early in the planning of the work", true},
	{"Reaches out to the relevant teams before changing a shared schema", "Reaches out to the teams before changing a shared schema", true},
	// Copies: one more word joined by "and" or "or".
	{"I handle disagreements in code review with patience in mind", "I handle disagreements in code review with patience and humility in mind", true},
	{"Keeps the on-call runbook and the alerts of the service current", "Keeps the on-call runbook and the alerts or dashboards of the service current", true},
	// Copies: words split or joined, spelling variants.
	{"Keeps the code base tidy and well tested", "Keeps the codebase tidy and well tested", true},
	{"Models the behaviour of users in the analytics pipeline", "Models the behavior of users in the analytics pipeline", true},
	{"Writes onboarding guides for the data platform", "Writes on-boarding guides for the data platform", true},
	{"Optimises slow queries in the warehouse and reports on it", "Optimizes slow queries in the warehouse and reports on it", true},
	// Copies: a dropped aside.
	{"Writes tests (unit and integration) for the code they change", "Writes tests for the code they change", true},
	{"I document my work, including design notes, so others can follow it", "I document my work so others can follow it", true},
	{"Builds dashboards — using Looker or Tableau — for the analysts", "Builds dashboards for the analysts", true},
	{"Automates repetitive chores, for example release notes", "Automates repetitive chores", true},
	{"Writes tests, including unit tests, for new code", "Writes tests for new code", true},
	// Copies: the same text.
	{"Owns the release process end to end", "Owns the release process, end to end.", true},

	// Steps: quantifiers.
	{"I deliver some of my team's goals", "I deliver many of my team's goals", false},
	{"Contributes to some of the team's projects", "Contributes to all of the team's projects", false},
	{"Handles a few incidents per quarter", "Handles several incidents per quarter", false},
	// Steps: scope nouns.
	{"Sets the technical direction for the team", "Sets the technical direction for the organization", false},
	{"Identifies risks in their own tasks", "Identifies risks in their own projects", false},
	{"Improve the reliability of a service", "Improve the reliability of a system of services", false},
	{"Represents the team in company-wide forums", "Represents the department in company-wide forums", false},
	// Steps: seniority titles.
	{"I collaborate with staff engineers on designs", "I collaborate with staff and principal engineers on designs", false},
	{"Mentors junior engineers on the team", "Mentors senior engineers on the team", false},
	{"Shares designs with the engineering manager", "Shares designs with the engineering director", false},
	// Steps: autonomy.
	{"Breaks down work into tasks with guidance", "Breaks down work into tasks independently", false},
	{"Resolves production incidents under supervision", "Resolves production incidents", false},
	{"Contributes to the architecture of the platform", "Drives the architecture of the platform", false},
	{"Participate in planning for the quarter", "Lead planning for the quarter", false},
	// Steps: frequency.
	{"I sporadically give feedback to my peers", "I regularly give feedback to my peers", false},
	{"Occasionally presents at the engineering all-hands", "Frequently presents at the engineering all-hands", false},
	{"Writes a retrospective after incidents, sometimes", "Writes a retrospective after incidents, always", false},
	// Steps: size, complexity and degree.
	{"Delivers small features end to end", "Delivers large features end to end", false},
	{"Solves well-defined problems in the codebase", "Solves ambiguous problems in the codebase", false},
	{"Has a basic understanding of the deployment pipeline", "Has a deep understanding of the deployment pipeline", false},
	{"Writes simple SQL queries against the warehouse", "Writes complex SQL queries against the warehouse", false},
	// Steps: numbers.
	{"Has 3+ years of experience with distributed systems", "Has 5+ years of experience with distributed systems", false},
	{"Leads projects of 2 to 3 engineers", "Leads projects of 5 to 8 engineers", false},
	// Steps: an aside that holds the step, or content that is no aside.
	{"Writes tests for the code they change, across teams", "Writes tests for the code they change", false},
	{"Writes unit tests for the code they change", "Writes tests for the code they change", false},
	{"Designs APIs for the billing service", "Designs APIs for the payments service", false},
	// Steps: a verb swapped, which no vocabulary tells from a synonym.
	{"I follow the coding conventions of my team when I write new code", "I establish the coding conventions of my team when I write new code", false},
	{"I apply the testing strategy of the team to every change I make", "I design the testing strategy of the team for every change I make", false},
	// Steps: a word joined by "and" that is a step word, or in a short text.
	{"I pair with junior engineers to review their pull requests every week", "I pair with junior and senior engineers to review their pull requests every week", false},
	{"Writes code", "Writes code and tests", false},
	// Steps: "I" for "we" is a change of who.
	{"I review the incident reports and I write the follow-up actions", "I review the incident reports and we write the follow-up actions", false},
}

func TestTrivial(t *testing.T) {
	copies, steps := 0, 0
	for _, p := range stepPairs {
		if p.copy {
			copies++
		} else {
			steps++
		}
		if got := Trivial(p.a, p.b); got != p.copy {
			t.Errorf("Trivial(%q, %q) = %v, want %v", p.a, p.b, got, p.copy)
		}
		// The judgement does not depend on which text comes first.
		if got := Trivial(p.b, p.a); got != p.copy {
			t.Errorf("Trivial(%q, %q) = %v, want %v", p.b, p.a, got, p.copy)
		}
	}
	if copies < 20 || steps < 20 {
		t.Errorf("%d copies and %d steps: the table needs both kinds", copies, steps)
	}
}

func TestIsStepWord(t *testing.T) {
	for _, w := range []string{"some", "teams", "leading", "independently", "regularly", "larger", "p4", "3", "organisations", "guided"} {
		if !IsStepWord(w) {
			t.Errorf("IsStepWord(%q) = false", w)
		}
	}
	for _, w := range []string{"writes", "tests", "code", "the", "documentation", "reviews"} {
		if IsStepWord(w) {
			t.Errorf("IsStepWord(%q) = true", w)
		}
	}
}

// FuzzTrivial checks that Trivial never panics and is symmetric.
func FuzzTrivial(f *testing.F) {
	for _, p := range stepPairs {
		f.Add(p.a, p.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 400 || len(b) > 400 {
			return
		}
		if Trivial(a, b) != Trivial(b, a) {
			t.Errorf("Trivial is not symmetric on %q, %q", a, b)
		}
		if !Trivial(a, a) {
			t.Errorf("a text is not a trivial change of itself: %q", a)
		}
	})
}
