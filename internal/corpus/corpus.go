// Package corpus generates deterministic corpora of profile/v1 files for
// benchmarks and tests: whole ladders (P1…P7) of many focuses, with
// realistic text varied by focus and level, and a share of files with
// planted defects listed in a manifest.
package corpus

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Planted is one planted defect: the file and the rule that must find it.
type Planted struct {
	File string `json:"file"`
	Rule string `json:"rule"`
	What string `json:"what"`
}

// File is one generated profile.
type File struct {
	Name string
	Data []byte
}

// Generate returns n profiles, the same for the same seed; share of them
// (0 to 1) carry one planted defect each, listed in the manifest. They are
// written in the Quoted style.
func Generate(n int, seed uint64, share float64) ([]File, []Planted) {
	return GenerateStyle(n, seed, share, Quoted)
}

// GenerateStyle is Generate writing in style st: the same profiles and
// defects as Generate's for the same seed, written another way.
func GenerateStyle(n int, seed uint64, share float64, st Style) ([]File, []Planted) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	// Its own generator, so that the style changes nothing else.
	styleRng := rand.New(rand.NewPCG(seed^0x5bd1e995, seed))
	var files []File
	var manifest []Planted
	used := make(map[[6]uint8]bool)
	for f := 0; len(files) < n; f++ {
		focus := newFocus(rng, f, used)
		for lv := 1; lv <= 7 && len(files) < n; lv++ {
			p := focus.profile(lv)
			name := p.id + ".yaml"
			text := p.render()
			if rng.Float64() < share {
				var what, rule string
				text, rule, what = plant(rng, text, p)
				manifest = append(manifest, Planted{File: name, Rule: rule, What: what})
			}
			files = append(files, File{Name: name, Data: []byte(restyle(text, st, styleRng))})
		}
	}
	return files, manifest
}

// Write generates a corpus in style st into dir and its manifest beside
// it, as dir + ".manifest.json".
func Write(dir string, n int, seed uint64, share float64, st Style) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files, manifest := GenerateStyle(n, seed, share, st)
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	data, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return err
	}
	// The manifest is JSON, not a profile: it sits beside the corpus.
	return os.WriteFile(strings.TrimSuffix(filepath.Clean(dir), "/")+".manifest.json", append(data, '\n'), 0o644)
}

// plant puts one defect into a rendered profile.
func plant(rng *rand.Rand, text string, p *profile) (string, string, string) {
	switch rng.IntN(8) {
	case 0:
		return strings.Replace(text, "\nskills:\n", "\nskils:\n", 1), "schema", "misspelt key skills"
	case 1:
		return strings.Replace(text, "    pass_threshold: 4\n", "    pass_threshold: four\n", 1), "schema", "pass_threshold is text"
	case 2:
		return strings.Replace(text, "experience: {min: 8}", "experience: {min: 4}", 1), "experience-monotonic", "P4 needs fewer years than P3"
	case 3:
		first := p.focus.resp[1][0]
		return strings.Replace(text, q(p.focus.resp[1][1]), q(first), 1), "duplicate-text", "a P2 responsibility repeated"
	case 4:
		return strings.Replace(text, "  differential: ", "  differential: \"TODO\"\n  # was: ", 1), "placeholder", "TODO differential"
	case 5:
		return strings.Replace(text, "\ntitle: ", "\ntitle: [", 1), "syntax", "unclosed flow sequence"
	case 6:
		return strings.Replace(text, "id: "+p.id, "id: "+strings.Replace(p.id, p.level, "P9", 1), 1), "id-mismatch", "id names P9"
	default:
		return strings.Replace(text, "    scores: {accuracy: 4,", "    scores: {accuracy: 2,", 1), "review-failed", "accuracy 2 below 4"
	}
}
