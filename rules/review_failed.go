package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ReviewFailed) }

// ReviewFailed reports a profile that has not passed its review.
var ReviewFailed = &lint.Rule{
	ID:       "review-failed",
	Summary:  "the review scores every dimension inside its scale, none below the pass threshold",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `provenance.review records the panel's verdict: a score per dimension on the
review's scale, and the pass threshold. A profile without a review or
without scores has not been reviewed; a score outside the scale (or a
threshold outside it) is a mistake; and the profile fails review when its
lowest score is below the threshold. The finding names the dimension.`,
		Bad: provDocProfile(provDocSources + provDocLayers + `  review:
    panel: adversarial
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, specificity: 5, level_fit: 4, sourcing: 3}
`),
		Good: provDocProfile(provDocSources + provDocLayers + `  review:
    panel: adversarial
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, specificity: 5, level_fit: 4, sourcing: 4}
`),
	},
	Run: runReviewFailed,
}

func runReviewFailed(p *lint.Pass) {
	review := p.Root.Get("provenance").Get("review")
	if absentNode(review) {
		reportAtMissing(p, "/provenance/review", "the profile has no review")
		return
	}
	if review.Kind != profiles.Map {
		return
	}
	scores := review.Get("scores")
	if absentNode(scores) || (scores.Kind == profiles.Map && len(scores.Fields) == 0) {
		reportAtMissing(p, "/provenance/review/scores", "the review has no scores")
		return
	}
	if scores.Kind != profiles.Map {
		return
	}
	scale := review.Get("scale")
	lo, okLo := scale.Get("min").Number()
	hi, okHi := scale.Get("max").Number()
	inScale := func(v float64) bool { return !okLo || !okHi || (v >= lo && v <= hi) }
	scaleText := func() string { return scale.Get("min").Value + " to " + scale.Get("max").Value }

	threshold := review.Get("pass_threshold")
	limit, okLimit := threshold.Number()
	if okLimit && !inScale(limit) {
		p.Reportf("/provenance/review/pass_threshold", "pass threshold %s is outside the scale %s", threshold.Value, scaleText())
	}
	var lowest *profiles.Field
	for i := range scores.Fields {
		fld := &scores.Fields[i]
		v, ok := fld.Value.Number()
		if !ok {
			continue
		}
		if !inScale(v) {
			p.Reportf(profiles.Pointer("provenance", "review", "scores", fld.Key.Value), "score %s (%s) is outside the scale %s", fld.Value.Value, fld.Key.Value, scaleText())
		}
		if lowest == nil || v < lowest.Value.Num {
			lowest = fld
		}
	}
	if lowest != nil && okLimit && lowest.Value.Num < limit {
		p.Reportf(profiles.Pointer("provenance", "review", "scores", lowest.Key.Value), "minimum score %s (%s) is below the pass threshold %s", lowest.Value.Value, lowest.Key.Value, threshold.Value)
	}
}
