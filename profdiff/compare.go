package profdiff

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Change is one difference between two versions of a profile.
type Change struct {
	// Section is where the change is: "levels", "responsibilities",
	// "level_guidelines", "level.typical_experience", "skills",
	// "provenance.sources", "provenance.review", "classification",
	// "adjacent_roles", "title_aliases", or a single field ("id",
	// "title", "focus.description", "level.name", …).
	Section string `json:"section"`
	Level   string `json:"level,omitempty"`
	// Subject names the entry inside the section: a skill's name, a
	// source's id, a rubric cell, a score's dimension.
	Subject string `json:"subject,omitempty"`
	Kind    string `json:"kind"` // "added", "removed", "reworded", "changed" or "renamed"
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	// Words is the word diff of a reworded text.
	Words []lint.DiffOp `json:"words,omitempty"`
}

// ProfileDiff is what changed in one profile.
type ProfileDiff struct {
	ID      string   `json:"id"`
	Old     string   `json:"old,omitempty"` // the old file's name; empty for an added profile
	New     string   `json:"new,omitempty"` // the new file's name; empty for a removed one
	Status  string   `json:"status"`        // "added", "removed", "changed" or "unchanged"
	Notes   []string `json:"notes,omitempty"`
	Changes []Change `json:"changes"`
	// Introduced are the new version's findings that the old one did not
	// have, Resolved the old version's that the new one no longer has;
	// findings are matched by rule, pointer and message, not by line.
	Introduced []lint.Finding `json:"introduced"`
	Resolved   []lint.Finding `json:"resolved"`

	// The years of both versions, for the picture of the html format.
	oldYears, newYears *sideYears
}

// Report is a comparison of two sets of profiles.
type Report struct {
	Profiles []ProfileDiff `json:"profiles"`
}

// Counts sums the report up.
type Counts struct {
	Profiles  int `json:"profiles"`
	Changed   int `json:"changed"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Unchanged int `json:"unchanged"`
	// Introduced and Resolved count findings of every severity.
	Introduced int `json:"introduced"`
	Resolved   int `json:"resolved"`
}

// Counts sums the report up.
func (r *Report) Counts() Counts {
	var c Counts
	for _, p := range r.Profiles {
		c.Profiles++
		switch p.Status {
		case "changed":
			c.Changed++
		case "added":
			c.Added++
		case "removed":
			c.Removed++
		default:
			c.Unchanged++
		}
		c.Introduced += len(p.Introduced)
		c.Resolved += len(p.Resolved)
	}
	return c
}

// Compare lints both sides with cfg (each side as one corpus, so that
// cross-file rules apply) and compares them profile by profile. With
// direct set and one file on each side, the two files are compared
// whatever their ids; otherwise profiles are paired by id (an id given
// twice on one side pairs by path), and those left by path, so that a
// changed id shows as a change, not as a removal and an addition.
func Compare(cfg lint.Config, old, new []Input, direct bool) *Report {
	oldRes, newRes := lintAll(cfg, old), lintAll(cfg, new)
	olds, news := loadAll(old, cfg.Limits), loadAll(new, cfg.Limits)
	oldNames, newNames := names(old), names(new)

	type pairT struct{ o, n *profile }
	var pairs []pairT
	if direct && len(olds) == 1 && len(news) == 1 {
		pairs = append(pairs, pairT{olds[0], news[0]})
	} else {
		oldKey, newKey := keys(olds), keys(news)
		usedO, usedN := map[*profile]bool{}, map[*profile]bool{}
		byKey := map[string]*profile{}
		for _, p := range olds {
			byKey[oldKey[p]] = p
		}
		for _, n := range news {
			if o := byKey[newKey[n]]; o != nil && !usedO[o] {
				pairs = append(pairs, pairT{o, n})
				usedO[o], usedN[n] = true, true
			}
		}
		byPath := map[string]*profile{}
		for _, o := range olds {
			if !usedO[o] {
				byPath[o.in.Path] = o
			}
		}
		for _, n := range news {
			if o := byPath[n.in.Path]; !usedN[n] && o != nil && !usedO[o] {
				pairs = append(pairs, pairT{o, n})
				usedO[o], usedN[n] = true, true
			}
		}
		for _, o := range olds {
			if !usedO[o] {
				pairs = append(pairs, pairT{o, nil})
			}
		}
		for _, n := range news {
			if !usedN[n] {
				pairs = append(pairs, pairT{nil, n})
			}
		}
	}

	rep := &Report{}
	for _, pr := range pairs {
		d := ProfileDiff{Changes: []Change{}, Introduced: []lint.Finding{}, Resolved: []lint.Finding{}}
		var oldF, newF []lint.Finding
		switch {
		case pr.o == nil:
			d.ID, d.New, d.Status = idOr(pr.n), pr.n.in.Name, "added"
			newF = findingsOf(newRes, pr.n.in.Name)
		case pr.n == nil:
			d.ID, d.Old, d.Status = idOr(pr.o), pr.o.in.Name, "removed"
			oldF = findingsOf(oldRes, pr.o.in.Name)
		default:
			d.ID, d.Old, d.New = idOr(pr.n), pr.o.in.Name, pr.n.in.Name
			d.Status = "changed"
			// Of a file over the size limit only the first bytes were
			// read: with the same size and first bytes, it is taken as
			// unchanged (both versions have the same finding).
			if bytes.Equal(pr.o.in.Data, pr.n.in.Data) && pr.o.in.size() == pr.n.in.size() && pr.o.in.Path == pr.n.in.Path {
				d.Status = "unchanged"
			}
			if pr.o.in.Path != pr.n.in.Path {
				d.Changes = append(d.Changes, Change{Section: "file", Kind: "renamed", Old: pr.o.in.Path, New: pr.n.in.Path})
			}
			oldF, newF = findingsOf(oldRes, pr.o.in.Name), findingsOf(newRes, pr.n.in.Name)
			switch {
			case !pr.o.parsed && !pr.n.parsed:
				d.Notes = append(d.Notes, "neither version parses: contents not compared")
			case !pr.o.parsed:
				d.Notes = append(d.Notes, "the old version does not parse: contents not compared")
			case !pr.n.parsed:
				d.Notes = append(d.Notes, "the new version does not parse: contents not compared")
			default:
				d.Changes = append(d.Changes, diffProfiles(pr.o, pr.n)...)
			}
		}
		d.oldYears, d.newYears = yearsOfProfile(pr.o), yearsOfProfile(pr.n)
		d.Introduced, d.Resolved = minus(newF, newNames, oldF, oldNames), minus(oldF, oldNames, newF, newNames)
		rep.Profiles = append(rep.Profiles, d)
	}
	slices.SortStableFunc(rep.Profiles, func(a, b ProfileDiff) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Old, b.Old), strings.Compare(a.New, b.New))
	})
	return rep
}

func idOr(p *profile) string {
	if p.id != "" {
		return p.id
	}
	return p.in.Path
}

func keys(ps []*profile) map[*profile]string {
	count := map[string]int{}
	for _, p := range ps {
		count[p.id]++
	}
	out := make(map[*profile]string, len(ps))
	for _, p := range ps {
		if p.id != "" && count[p.id] == 1 {
			out[p] = "id:" + p.id
		} else {
			out[p] = "path:" + p.in.Path
		}
	}
	return out
}

func loadAll(ins []Input, lim profiles.Limits) []*profile {
	out := make([]*profile, len(ins))
	for i, in := range ins {
		out[i] = load(in, lim)
	}
	return out
}

func lintAll(cfg lint.Config, ins []Input) *lint.Result {
	srcs := make([]lint.Source, len(ins))
	for i := range ins {
		srcs[i] = ins[i].Source()
	}
	return lint.Run(cfg, srcs)
}

func findingsOf(r *lint.Result, name string) []lint.Finding {
	var out []lint.Finding
	for _, f := range r.Findings {
		if f.File == name && f.Suppressed == nil {
			out = append(out, f)
		}
	}
	return out
}

// names rewrites the file names of one side, where a message names a file
// ("compared with old/b.yaml"), into the paths that pair files across
// sides, so that such a message reads the same on both.
func names(ins []Input) *strings.Replacer {
	sorted := slices.Clone(ins)
	slices.SortFunc(sorted, func(a, b Input) int { return cmp.Compare(len(b.Name), len(a.Name)) })
	var pairs []string
	for _, in := range sorted {
		if in.Name != in.Path {
			pairs = append(pairs, in.Name, in.Path)
		}
	}
	return strings.NewReplacer(pairs...)
}

// minus returns the findings of a that b does not have, matched by rule,
// pointer and message (with ra and rb rewriting each side's file names),
// each as often as it occurs.
func minus(a []lint.Finding, ra *strings.Replacer, b []lint.Finding, rb *strings.Replacer) []lint.Finding {
	have := map[string]int{}
	for _, f := range b {
		have[findingKey(f, rb)]++
	}
	out := []lint.Finding{}
	for _, f := range a {
		k := findingKey(f, ra)
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

func findingKey(f lint.Finding, r *strings.Replacer) string {
	return f.Rule + "\x00" + f.Pointer + "\x00" + r.Replace(f.Message)
}
