package main

import (
	"fmt"
	"strings"
)

// A ladder is one role focus of a framework on one track, with every level
// of that track; a profile is written for each level in emit.
type ladder struct {
	function, functionName string
	focus, focusName       string
	focusDesc              string
	track                  string
	levels                 []level
	skills                 []skill
	aliases                []string
	src                    source
	soc, socTitle          string
	// teamYears says the rubric's years are the adopting team's, not the
	// framework's, and the profile cites the team's guidance for them.
	teamYears bool
}

type level struct {
	code, name, title, summary string
	attrs                      obj // optional level fields: scope, autonomy, …
	items                      []string
	guide                      obj // the rubric cells of this level, without level and experience
	minYears                   int
	maxYears                   int // 0: open-ended
	emit                       bool
	pages                      []string // the framework's files this level comes from
}

type skill struct{ name, description string }

// A source is where a framework's text comes from: its repository at the
// commit that was copied.
type source struct {
	id, title, repo, commit string
}

func (s source) url(path string) string {
	return fmt.Sprintf("%s/blob/%s/%s", s.repo, s.commit, path)
}

// retrieved is the day the framework's files were copied (LICENSE-NOTICE.md).
const retrieved = "2026-11-26"

func (l *ladder) profile(i int) obj {
	lv := l.levels[i]
	id := l.function + "." + l.focus + "." + lv.code
	p := obj{}.
		with("schema", "profile/v1").
		with("id", id).
		with("title", lv.title).
		with("summary", lv.summary).
		with("track", l.track).
		with("function", obj{}.with("code", l.function).with("name", l.functionName)).
		with("focus", obj{}.with("code", l.focus).with("name", l.focusName).with("description", l.focusDesc))
	lvl := obj{}.with("code", lv.code).with("name", lv.name)
	lvl = append(lvl, lv.attrs...)
	if !l.teamYears {
		y := obj{}.with("min", lv.minYears)
		if lv.maxYears > 0 {
			y = y.with("max", lv.maxYears)
		}
		lvl = lvl.with("typical_experience", y)
	}
	p = p.with("level", lvl)

	var resp, guide []any
	for _, o := range l.levels {
		items := make([]any, len(o.items))
		for j, s := range o.items {
			items[j] = s
		}
		resp = append(resp, obj{}.with("level", o.code).with("items", items))
		row := obj{}.with("level", o.code)
		row = append(row, o.guide...)
		y := obj{}.with("min", o.minYears)
		if o.maxYears > 0 {
			y = y.with("max", o.maxYears)
		}
		guide = append(guide, row.with("experience", y))
	}
	p = p.with("responsibilities", resp).with("level_guidelines", guide)

	skills := []any{}
	for _, s := range l.skills {
		skills = append(skills, obj{}.with("name", s.name).with("description", s.description))
	}
	p = p.with("skills", skills)

	socID := "onet-" + strings.ReplaceAll(l.soc, "-", "")
	var pages []string
	for _, pg := range lv.pages {
		pages = append(pages, l.src.url(pg))
	}
	fw := obj{}.with("id", l.src.id).with("title", l.src.title).with("url", pages[0])
	if len(pages) > 1 {
		fw = fw.with("citation", "Also: "+strings.Join(pages[1:], ", "))
	}
	sources := []any{
		fw.with("retrieved", retrieved),
		obj{}.with("id", socID).
			with("title", fmt.Sprintf("O*NET OnLine — %s.00 %s", l.soc, l.socTitle)).
			with("url", fmt.Sprintf("https://www.onetonline.org/link/summary/%s.00", l.soc)).
			with("retrieved", retrieved),
	}
	guideSrc := []any{l.src.id}
	if l.teamYears {
		sources = append(sources, obj{}.with("id", "team-leveling").
			with("title", "Years of experience by level, set by the adopting team").
			with("citation", "The framework gives no years; see NOTICE.md").
			with("retrieved", retrieved))
		guideSrc = append(guideSrc, "team-leveling")
	}
	p = p.with("provenance", obj{}.
		with("sources", sources).
		with("layers", obj{}.
			with("focus", []any{l.src.id}).
			with("level", []any{l.src.id}).
			with("responsibilities", []any{l.src.id}).
			with("level_guidelines", guideSrc).
			with("skills", []any{l.src.id}).
			with("classification", []any{socID})).
		with("review", obj{}.
			with("panel", "adoption-review").
			with("scale", obj{}.with("min", 1).with("max", 5)).
			with("pass_threshold", 4).
			with("scores", obj{}.with("accuracy", 5).with("specificity", 4).with("level_fit", 4).with("sourcing", 5))))
	if len(l.aliases) > 0 {
		al := make([]any, len(l.aliases))
		for j, a := range l.aliases {
			al[j] = a
		}
		p = p.with("title_aliases", al)
	}
	return p.with("classification", []any{obj{}.
		with("system", "SOC-2018").
		with("code", l.soc).
		with("title", l.socTitle).
		with("source", socID)})
}
