package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// A page is what the Dropbox pages say, read by a small tolerant extractor:
// the published pages are one flat run of h1, h2, p and ul elements, with no
// nested lists, so a scan for those elements is enough and needs no HTML
// parser.
type page struct {
	title, lead string
	sections    map[string][]string // items under each <p><strong> heading
	order       []string
	core        []string // items after "Core Responsibilities", in order
	defs        []skill  // "<strong>Name:</strong> text" items
}

var (
	elemRE  = regexp.MustCompile(`(?s)<(h1|h2|p|li)>(.*?)</(?:h1|h2|p|li)>`)
	tagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRE = regexp.MustCompile(`[ \t\r\n]+`)
	defRE   = regexp.MustCompile(`(?s)^((?:<strong>[^<]*</strong>\s*)+)(.*)$`)
)

// plainText is an element's text as a browser shows it: tags dropped,
// entities decoded, runs of white space one space.
func plainText(s string) string {
	s = tagRE.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

func readPage(path string) (*page, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(b)
	i := strings.Index(s, `id="doc-container"`)
	if i < 0 {
		return nil, fmt.Errorf("%s: no doc-container", path)
	}
	s = s[i:]
	pg := &page{sections: map[string][]string{}}
	heading, inCore := "", false
	for _, m := range elemRE.FindAllStringSubmatch(s, -1) {
		tag, inner := m[1], m[2]
		t := plainText(inner)
		switch tag {
		case "h1":
			if pg.title == "" {
				pg.title = t
			} else if t == "Core Responsibilities" {
				inCore = true
			}
		case "p":
			if pg.lead == "" && strings.HasPrefix(strings.TrimSpace(inner), "<strong><em>") {
				pg.lead = t
				continue
			}
			if strings.HasPrefix(strings.TrimSpace(inner), "<strong>") {
				heading = plainText(regexp.MustCompile(`(?s)^\s*<strong>(.*?)</strong>`).FindStringSubmatch(inner)[1])
				if !inCore {
					pg.order = append(pg.order, heading)
				}
			}
		case "li":
			if t == "" {
				continue
			}
			if d := defRE.FindStringSubmatch(strings.TrimSpace(inner)); d != nil {
				name := strings.TrimSuffix(plainText(d[1]), ":")
				pg.defs = append(pg.defs, skill{name, plainText(d[2])})
			}
			if inCore {
				pg.core = append(pg.core, t)
			} else {
				pg.sections[heading] = append(pg.sections[heading], t)
			}
		}
	}
	return pg, nil
}

var levelRE = regexp.MustCompile(`^ic(\d)_`)

// dropbox converts the six Dropbox ladders: one page per level, each level's
// responsibilities the page's items (its scope, reach and impact levers, then
// its core responsibilities), skills the craft definitions of the ladder's
// appendix where it has one.
func dropbox(src string) ([]*ladder, error) {
	dir := filepath.Join(src, "dropbox-career-framework")
	type spec struct{ slug, focus, name, appendix, soc, socTitle string }
	specs := []spec{
		{"data_engineer", "DATA", "Data Engineer", "de-_appendix.html", "15-1243", "Database Architects"},
		{"machine_learning_engineer", "ML", "Machine Learning Engineer", "mle-_appendix.html", "15-2051", "Data Scientists"},
		{"quality_engineer", "QUALITY", "Quality Engineer", "qe-_appendix.html", "15-1253", "Software Quality Assurance Analysts and Testers"},
		{"sdet", "SDET", "Software Development Engineer in Test", "", "15-1253", "Software Quality Assurance Analysts and Testers"},
		{"security_engineer", "SECURITY", "Security Engineer", "", "15-1212", "Information Security Analysts"},
		{"technical_program_manager", "TPM", "Technical Program Manager", "tpm-_appendix.html", "11-3021", "Computer and Information Systems Managers"},
	}
	years := map[string]int{"IC1": 0, "IC2": 2, "IC3": 5, "IC4": 8, "IC5": 11, "IC6": 14}
	pages, err := filepath.Glob(filepath.Join(dir, "docs", "ic*.html"))
	if err != nil {
		return nil, err
	}
	var out []*ladder
	for _, sp := range specs {
		l := &ladder{
			function: "ENG", functionName: "Engineering",
			focus: sp.focus, focusName: sp.name, focusDesc: sp.name,
			track: "professional", soc: sp.soc, socTitle: sp.socTitle, teamYears: true,
			src: source{"dbx-career-framework", "Dropbox Engineering Career Framework", "https://github.com/dropbox/dbx-career-framework", "6469a45a10cd61f9ce399e1c4ee1e57f26f0084d"},
		}
		if sp.appendix != "" {
			ap, err := readPage(filepath.Join(dir, "docs", sp.appendix))
			if err != nil {
				return nil, err
			}
			l.skills = ap.defs
		}
		for _, path := range pages { // sorted: ic1 … ic6
			base := filepath.Base(path)
			if !regexp.MustCompile(`^ic\d_(staff_|principal_)?` + sp.slug + `\.html$`).MatchString(base) {
				continue
			}
			pg, err := readPage(path)
			if err != nil {
				return nil, err
			}
			code := "IC" + levelRE.FindStringSubmatch(base)[1]
			var items []string
			for _, h := range pg.order {
				items = append(items, pg.sections[h]...)
			}
			items = append(items, pg.core...)
			l.levels = append(l.levels, level{
				code: code, name: strings.TrimSpace(strings.TrimPrefix(pg.title, code)), title: pg.title,
				summary: pg.lead, items: items, minYears: years[code], emit: true,
				pages: []string{"docs/" + base},
			})
		}
		if sp.appendix != "" {
			for i := range l.levels {
				l.levels[i].pages = append(l.levels[i].pages, "docs/"+sp.appendix)
			}
		}
		out = append(out, l)
	}
	return out, nil
}
