package htmlpage

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Range is a span of years; an open span (8+ years) has no Max.
type Range struct {
	Min    float64
	Max    float64
	HasMax bool
}

func (r Range) String() string {
	if !r.HasMax {
		return num(r.Min) + "+"
	}
	if r.Max == r.Min {
		return num(r.Min)
	}
	return num(r.Min) + "–" + num(r.Max)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Typical is one profile's typical experience.
type Typical struct {
	Range
	// Disagrees carries experience-consistent's message when the typical
	// years disagree with the rubric.
	Disagrees string
}

// Level is one column of the picture.
type Level struct {
	Code   string
	Rubric *Range // the rubric's years for the level; nil when it has none
	Before *Range // the same in the old version, for a diff
	// Typical are the typical years of the profiles at this level.
	Typical []Typical
	// Step says how the level's minimum compares with the level below,
	// as experience-monotonic found it: "falls", "flat" or "".
	Step     string
	StepNote string
}

const (
	chartLeft   = 34
	chartTop    = 14
	chartHeight = 180
	chartColumn = 78
	chartBottom = 40
)

// Years draws the rubric's years by level as min–max bars, each level's
// typical years beside its bar, and marks the steps that fall or stay
// flat and the typical years that disagree. The values are also in the
// bars' data- attributes and in text, for tests and screen readers.
func Years(w io.Writer, title string, levels []Level) {
	top := 5.0
	grow := func(r *Range) {
		if r == nil {
			return
		}
		top = math.Max(top, r.Min+2)
		if r.HasMax {
			top = math.Max(top, r.Max+1)
		}
	}
	for _, l := range levels {
		grow(l.Rubric)
		grow(l.Before)
		for i := range l.Typical {
			grow(&l.Typical[i].Range)
		}
	}
	top = math.Ceil(top/5) * 5
	width := chartLeft + chartColumn*max(1, len(levels)) + 10
	height := chartTop + chartHeight + chartBottom
	y := func(v float64) float64 { return chartTop + chartHeight - v/top*chartHeight }

	var desc []string
	for _, l := range levels {
		d := l.Code + ": "
		if l.Rubric != nil {
			d += "rubric " + l.Rubric.String() + " years"
		} else {
			d += "no rubric years"
		}
		if l.Before != nil {
			d += " (was " + l.Before.String() + ")"
		}
		for _, t := range l.Typical {
			d += ", typical " + t.String()
			if t.Disagrees != "" {
				d += " (disagrees)"
			}
		}
		if l.Step != "" {
			d += ", step " + l.Step
		}
		desc = append(desc, d)
	}
	// Drawn at 1.25 times its units at most: a ladder of three levels
	// would otherwise fill the page with letters an inch high.
	fmt.Fprintf(w, "<svg class=\"years\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", width*5/4, height*5/4, width, height, Escape(title))
	fmt.Fprintf(w, "<title>%s</title>\n<desc>%s</desc>\n", Escape(title), Escape(strings.Join(desc, "; ")))
	// The grid, every 5 years.
	for v := 0.0; v <= top; v += 5 {
		fmt.Fprintf(w, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
			chartLeft, width-10, y(v), y(v), chartLeft-4, y(v)+4, num(v))
	}
	fmt.Fprintf(w, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>\n", chartLeft, width-10, y(0), y(0))
	fmt.Fprintf(w, "<text x=\"4\" y=\"10\">years</text>\n")
	var prevX, prevY float64
	prev := false
	for i, l := range levels {
		x := float64(chartLeft + chartColumn*i + 10)
		bar := 26.0
		fmt.Fprintf(w, "<g class=\"level\" data-level=\"%s\">\n", Escape(l.Code))
		if l.Before != nil {
			drawBar(w, "bar before", x-5, bar, *l.Before, y, top, "before")
		}
		if l.Rubric != nil {
			drawBar(w, "bar", x, bar, *l.Rubric, y, top, "rubric")
			// Above the bar's top; an open range ("8+") has an arrow there.
			labelY := y(math.Min(top, l.Rubric.Min+3)) - 10
			if l.Rubric.HasMax {
				labelY = y(l.Rubric.Max) - 4
			}
			fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x+bar/2, labelY, Escape(l.Rubric.String()))
			if prev && l.Step != "" {
				cls, mark := "step falls", "▼ falls"
				if l.Step == "flat" {
					cls, mark = "step flat", "= flat"
				}
				fmt.Fprintf(w, "<polyline class=\"%s\" points=\"%.1f,%.1f %.1f,%.1f\"><title>%s</title></polyline>\n", cls, prevX, prevY, x, y(l.Rubric.Min), Escape(l.StepNote))
				textCls := "warn"
				if l.Step == "flat" {
					textCls = "flatmark"
				}
				fmt.Fprintf(w, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", textCls, x+bar/2+6, float64(chartTop+chartHeight+32), mark)
			}
			prevX, prevY, prev = x+bar, y(l.Rubric.Min), true
		}
		for k, t := range l.Typical {
			tx := x + bar + 8 + float64(k)*7
			hi := t.Min + 0.4
			if t.HasMax {
				hi = t.Max
			}
			cls := "typical"
			if t.Disagrees != "" {
				cls = "typical bad"
			}
			fmt.Fprintf(w, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"%.1f\" data-min=\"%s\" data-max=\"%s\"><title>typical %s years%s</title></rect>\n",
				cls, tx, y(hi), math.Max(2, y(t.Min)-y(hi)), num(t.Min), maxAttr(t.Range), t.String(), Escape(prefixed(": ", t.Disagrees)))
			if t.Disagrees != "" {
				fmt.Fprintf(w, "<text class=\"warn\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">✖</text>\n", tx+2, y(hi)-3)
			}
		}
		fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x+bar/2+6, chartTop+chartHeight+16, Escape(l.Code))
		fmt.Fprintf(w, "</g>\n")
	}
	fmt.Fprintf(w, "</svg>\n")
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func maxAttr(r Range) string {
	if !r.HasMax {
		return ""
	}
	return num(r.Max)
}

// drawBar draws a span of years; an open span is drawn to 3 years above
// its minimum with an arrow, as "and more".
func drawBar(w io.Writer, cls string, x, width float64, r Range, y func(float64) float64, top float64, what string) {
	hi := r.Max
	if !r.HasMax {
		hi = math.Min(top, r.Min+3)
		cls += " open"
	}
	h := math.Max(2, y(r.Min)-y(hi))
	fmt.Fprintf(w, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" data-min=\"%s\" data-max=\"%s\"><title>%s %s years</title></rect>\n",
		cls, x, y(hi), width, h, num(r.Min), maxAttr(r), what, r.String())
	if !r.HasMax && cls == "bar open" {
		fmt.Fprintf(w, "<polygon class=\"bar\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>\n", x, y(hi), x+width/2, y(hi)-7, x+width, y(hi))
	}
}
