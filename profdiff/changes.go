package profdiff

import (
	"strings"
)

// diffProfiles lists the content changes from o to n, in report order:
// identity and single texts, levels, responsibilities, the rubric, typical
// experience, skills, provenance, classification, adjacent roles, aliases.
func diffProfiles(o, n *profile) []Change {
	var cs []Change
	add := func(c Change) { cs = append(cs, c) }

	for _, ptr := range scalarFields {
		on, nn := o.root.Lookup(ptr), n.root.Lookup(ptr)
		section := strings.ReplaceAll(strings.TrimPrefix(ptr, "/"), "/", ".")
		switch {
		case on == nil && nn == nil:
		case on == nil:
			add(Change{Section: section, Kind: "added", New: scalar(nn)})
		case nn == nil:
			add(Change{Section: section, Kind: "removed", Old: scalar(on)})
		case scalar(on) != scalar(nn):
			add(textChange(Change{Section: section}, scalar(on), scalar(nn)))
		}
	}

	// Levels that a list gained or lost.
	var oldResp, newResp, oldRows, newRows []string
	for _, l := range o.resp {
		oldResp = append(oldResp, l.level)
	}
	for _, l := range n.resp {
		newResp = append(newResp, l.level)
	}
	for _, r := range o.guidelines {
		oldRows = append(oldRows, r.level)
	}
	for _, r := range n.guidelines {
		newRows = append(newRows, r.level)
	}
	lists := []struct {
		name     string
		old, new []string
	}{{"responsibilities", oldResp, newResp}, {"level_guidelines", oldRows, newRows}}
	var order []string // levels in the new files' order, then the removed ones
	where := map[string]map[string][]string{"added": {}, "removed": {}}
	seen := map[string]bool{}
	for _, l := range lists {
		for _, code := range l.new {
			if !contains(l.old, code) {
				where["added"][code] = append(where["added"][code], l.name)
			}
			if !seen[code] {
				seen[code] = true
				order = append(order, code)
			}
		}
	}
	for _, l := range lists {
		for _, code := range l.old {
			if !contains(l.new, code) {
				where["removed"][code] = append(where["removed"][code], l.name)
			}
			if !seen[code] {
				seen[code] = true
				order = append(order, code)
			}
		}
	}
	for _, code := range order {
		for _, kind := range []string{"added", "removed"} {
			if ls := where[kind][code]; len(ls) > 0 {
				add(Change{Section: "levels", Level: code, Kind: kind, Subject: strings.Join(ls, ", ")})
			}
		}
	}

	// Responsibilities, level by level: a level only one version lists
	// has all its items added or removed.
	for _, ol := range o.resp {
		if indexLevel(n.resp, ol.level) < 0 {
			for _, text := range ol.items {
				add(Change{Section: "responsibilities", Level: ol.level, Kind: "removed", Old: text})
			}
		}
	}
	for _, nl := range n.resp {
		i := indexLevel(o.resp, nl.level)
		if i < 0 {
			for _, text := range nl.items {
				add(Change{Section: "responsibilities", Level: nl.level, Kind: "added", New: text})
			}
			continue
		}
		ol := o.resp[i]
		p := pair(ol.items, nl.items)
		for j, text := range nl.items {
			if _, ok := p.same[j]; ok {
				continue
			}
			if i, ok := p.reworded[j]; ok {
				add(textChange(Change{Section: "responsibilities", Level: nl.level}, ol.items[i], text))
				continue
			}
			add(Change{Section: "responsibilities", Level: nl.level, Kind: "added", New: text})
		}
		for i, text := range ol.items {
			if !p.oldUsed[i] {
				add(Change{Section: "responsibilities", Level: nl.level, Kind: "removed", Old: text})
			}
		}
	}

	// The rubric, row by row; a row only one version has is added or
	// removed whole.
	for _, or := range o.guidelines {
		if indexRow(n.guidelines, or.level) < 0 {
			add(Change{Section: "level_guidelines", Level: or.level, Subject: "experience", Kind: "removed", Old: or.experience.String()})
			for _, c := range rowCells {
				if v, ok := or.cells[c]; ok {
					add(Change{Section: "level_guidelines", Level: or.level, Subject: c, Kind: "removed", Old: v})
				}
			}
		}
	}
	for _, nr := range n.guidelines {
		i := indexRow(o.guidelines, nr.level)
		if i < 0 {
			add(Change{Section: "level_guidelines", Level: nr.level, Subject: "experience", Kind: "added", New: nr.experience.String()})
			for _, c := range rowCells {
				if v, ok := nr.cells[c]; ok {
					add(Change{Section: "level_guidelines", Level: nr.level, Subject: c, Kind: "added", New: v})
				}
			}
			continue
		}
		or := o.guidelines[i]
		if !sameYears(or.experience, nr.experience) {
			add(Change{Section: "level_guidelines", Level: nr.level, Subject: "experience", Kind: "changed", Old: or.experience.String(), New: nr.experience.String()})
		}
		for _, c := range rowCells {
			ov, oOK := or.cells[c]
			nv, nOK := nr.cells[c]
			switch {
			case !oOK && nOK:
				add(Change{Section: "level_guidelines", Level: nr.level, Subject: c, Kind: "added", New: nv})
			case oOK && !nOK:
				add(Change{Section: "level_guidelines", Level: nr.level, Subject: c, Kind: "removed", Old: ov})
			case ov != nv:
				add(textChange(Change{Section: "level_guidelines", Level: nr.level, Subject: c}, ov, nv))
			}
		}
	}

	if !sameYears(o.typical, n.typical) {
		add(Change{Section: "level.typical_experience", Kind: "changed", Old: o.typical.String(), New: n.typical.String()})
	}

	// Skills, by name.
	for _, s := range n.skills {
		i := indexSkill(o.skills, s.name)
		switch {
		case i < 0:
			add(Change{Section: "skills", Subject: s.name, Kind: "added", New: s.description})
		case o.skills[i].description != s.description:
			add(textChange(Change{Section: "skills", Subject: s.name}, o.skills[i].description, s.description))
		}
	}
	for _, s := range o.skills {
		if indexSkill(n.skills, s.name) < 0 {
			add(Change{Section: "skills", Subject: s.name, Kind: "removed", Old: s.description})
		}
	}

	// Sources, by id.
	for _, s := range n.sources {
		i := indexSource(o.sources, s.id)
		switch {
		case i < 0:
			add(Change{Section: "provenance.sources", Subject: s.id, Kind: "added", New: s.title})
		case o.sources[i].title != s.title:
			add(textChange(Change{Section: "provenance.sources", Subject: s.id}, o.sources[i].title, s.title))
		}
	}
	for _, s := range o.sources {
		if indexSource(n.sources, s.id) < 0 {
			add(Change{Section: "provenance.sources", Subject: s.id, Kind: "removed", Old: s.title})
		}
	}

	// The review: its setup, then its scores.
	for _, k := range []string{"panel", "scale", "pass threshold"} {
		ov, oOK := o.review[k]
		nv, nOK := n.review[k]
		if oOK != nOK || ov != nv {
			add(valueChange(Change{Section: "provenance.review", Subject: k}, ov, oOK, nv, nOK))
		}
	}
	for _, k := range n.scoreKeys {
		ov, oOK := o.scores[k]
		if !oOK || ov != n.scores[k] {
			add(valueChange(Change{Section: "provenance.review", Subject: "scores." + k}, ov, oOK, n.scores[k], true))
		}
	}
	for _, k := range o.scoreKeys {
		if _, ok := n.scores[k]; !ok {
			add(valueChange(Change{Section: "provenance.review", Subject: "scores." + k}, o.scores[k], true, "", false))
		}
	}

	// Classification, by system and code.
	for _, c := range n.classes {
		i := indexClass(o.classes, c)
		switch {
		case i < 0:
			add(Change{Section: "classification", Subject: c.system + " " + c.code, Kind: "added", New: c.describe()})
		case o.classes[i] != c:
			add(Change{Section: "classification", Subject: c.system + " " + c.code, Kind: "changed", Old: o.classes[i].describe(), New: c.describe()})
		}
	}
	for _, c := range o.classes {
		if indexClass(n.classes, c) < 0 {
			add(Change{Section: "classification", Subject: c.system + " " + c.code, Kind: "removed", Old: c.describe()})
		}
	}

	// Adjacent roles, by id.
	for _, a := range n.adjacent {
		i := indexAdjacent(o.adjacent, a.id)
		switch {
		case i < 0:
			add(Change{Section: "adjacent_roles", Subject: a.id, Kind: "added", New: a.describe()})
		case o.adjacent[i] != a:
			add(Change{Section: "adjacent_roles", Subject: a.id, Kind: "changed", Old: o.adjacent[i].describe(), New: a.describe()})
		}
	}
	for _, a := range o.adjacent {
		if indexAdjacent(n.adjacent, a.id) < 0 {
			add(Change{Section: "adjacent_roles", Subject: a.id, Kind: "removed", Old: a.describe()})
		}
	}

	for _, a := range n.aliases {
		if !contains(o.aliases, a) {
			add(Change{Section: "title_aliases", Kind: "added", New: a})
		}
	}
	for _, a := range o.aliases {
		if !contains(n.aliases, a) {
			add(Change{Section: "title_aliases", Kind: "removed", Old: a})
		}
	}
	return cs
}

// textChange records a changed text: a rewording with its word diff when
// the texts are long enough to read as prose, else old → new.
func textChange(c Change, old, new string) Change {
	c.Old, c.New = old, new
	if len(strings.Fields(old)) < 3 && len(strings.Fields(new)) < 3 {
		c.Kind = "changed"
		return c
	}
	c.Kind = "reworded"
	c.Words, _ = wordDiff(old, new)
	return c
}

func valueChange(c Change, old string, oldOK bool, new string, newOK bool) Change {
	switch {
	case !oldOK:
		c.Kind, c.New = "added", new
	case !newOK:
		c.Kind, c.Old = "removed", old
	default:
		c.Kind, c.Old, c.New = "changed", old, new
	}
	return c
}

func (c class) describe() string {
	var parts []string
	if c.title != "" {
		parts = append(parts, c.title)
	}
	if c.source != "" {
		parts = append(parts, "source "+c.source)
	}
	return strings.Join(parts, ", ")
}

func (a adjacent) describe() string {
	var parts []string
	if a.distance != "" {
		parts = append(parts, "distance "+a.distance)
	}
	if a.match != "" {
		parts = append(parts, a.match)
	}
	return strings.Join(parts, ", ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func indexSkill(ss []skill, name string) int {
	for i, s := range ss {
		if s.name == name {
			return i
		}
	}
	return -1
}

func indexSource(ss []source, id string) int {
	for i, s := range ss {
		if s.id == id {
			return i
		}
	}
	return -1
}

func indexClass(cs []class, c class) int {
	for i, x := range cs {
		if x.system == c.system && x.code == c.code {
			return i
		}
	}
	return -1
}

func indexAdjacent(as []adjacent, id string) int {
	for i, a := range as {
		if a.id == id {
			return i
		}
	}
	return -1
}
