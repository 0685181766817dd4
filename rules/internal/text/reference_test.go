package text

import "testing"

func TestIsReference(t *testing.T) {
	for s, want := range map[string]bool{
		// Lines of cumulative ladders.
		"Everything in the previous level, plus:":                            true,
		"All expectations of the prior two levels":                           true,
		"Meets the expectations of the level below, and:":                    true,
		"The expectations for L3 code fluency are still applicable here":     true,
		"Skills from earlier milestones still apply.":                        true,
		"All of the above, with a wider scope":                               true,
		"Demonstrates the competencies of preceding grades consistently":     true,
		"Builds on the role before: owns the delivery of the team's roadmap": true,
		// Expectations that mention levels or time without pointing back.
		"Mentors engineers at lower levels of the ladder":          false,
		"Raises the level of the team's testing practice":          false,
		"Handles previous incidents' follow-up actions":            false,
		"Works on problems above their current scope":              false,
		"Still delivers on time when the requirements change":      false,
		"Learns from prior projects and applies the lessons":       false,
		"Keeps latency below the service's objective":              false,
		"Owns low-level components of the storage engine":          false,
		"Has a role in every incident review, before and after it": false,
	} {
		_, _, words := Hashes(s, nil)
		if got := IsReference(words); got != want {
			t.Errorf("IsReference(%q) = %v, want %v", s, got, want)
		}
	}
}

// IsReference is asked of every level text of every file.
//
//	go test -run '^$' -bench BenchmarkIsReference ./rules/internal/text
func BenchmarkIsReference(b *testing.B) {
	_, _, words := Hashes("Partners with product and design on the roadmap of the team, and reviews the designs of the services it owns", nil)
	for b.Loop() {
		IsReference(words)
	}
}
