// Package htmlpage writes the parts shared by profilelint's HTML reports:
// a self-contained page under a strict Content-Security-Policy (no script,
// no external asset, one inline style allowed by its hash), escaping of
// untrusted text, and the picture of a ladder's years of experience.
package htmlpage

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"
)

// css is the page's one style sheet. Severities are told apart by a
// symbol and a word as well as by colour (Okabe–Ito colours, which stay
// distinct for colour-blind readers), so that greyscale print keeps them.
const css = `:root{--error:#b34700;--warning:#8a6100;--info:#0060a0;--ok:#007a5a;--line:#ccc;--muted:#666;color-scheme:light}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1em;max-width:110em;color:#1a1a1a;background:#fff}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin:1.5em 0 .4em;border-bottom:2px solid var(--line)}h3{font-size:1.05em;margin:1em 0 .3em}
a{color:#0047a0}code,.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.muted{color:var(--muted)}
table{border-collapse:collapse;margin:.4em 0}
caption{text-align:left;caption-side:top}
th,td{border:1px solid var(--line);padding:.3em .45em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;max-width:100%}
table.ladder{min-width:100%}
table.ladder td,table.ladder th{min-width:14em;font-size:.92em}
table.ladder th[scope=row]{min-width:8em;width:8em}
table.ladder ul{margin:0;padding-left:1.1em}
section.focus{content-visibility:auto;contain-intrinsic-size:auto 60em;margin-bottom:2em}
.sev{font-weight:600;white-space:nowrap}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.has-error{background:#fbe9df;border-left:4px solid var(--error)}
.has-warning{background:#fcf3d9;border-left:4px dashed var(--warning)}
.has-info{background:#e3eef8;border-left:4px dotted var(--info)}
.finding{display:block;font-size:.85em;margin:.15em 0 .25em;padding-left:.2em}
a.finding{color:inherit;text-decoration:none}a.finding:hover{text-decoration:underline}
.suppressed{opacity:.55}
.suppressed .sev{text-decoration:line-through}
.copy{display:block;font-size:.8em;color:var(--muted)}
ol.findings{padding-left:1.4em}ol.findings li{margin:.15em 0}
del{background:#fbe1d6;text-decoration:line-through}ins{background:#d8f0e4;text-decoration:underline}
svg.years{max-width:100%;height:auto;display:block;margin:.4em 0}
svg.years text{font:11px system-ui,sans-serif;fill:#1a1a1a}
svg.years .axis{stroke:#999;stroke-width:1}
svg.years .grid{stroke:#e4e4e4;stroke-width:1}
svg.years .bar{fill:#9cc3e4;stroke:#0060a0;stroke-width:1}
svg.years .bar.open{fill:#dbe9f5}
svg.years .bar.before{fill:none;stroke:#666;stroke-dasharray:3 2}
svg.years .typical{fill:#1a1a1a}
svg.years .typical.bad{fill:var(--error)}
svg.years .step{fill:none;stroke-width:2.5}
svg.years .step.falls{stroke:var(--error)}
svg.years .step.flat{stroke:var(--warning);stroke-dasharray:4 2}
svg.years .warn{fill:var(--error);font-weight:700}
svg.years .flatmark{fill:var(--warning);font-weight:700}
.legend{font-size:.85em;color:var(--muted)}
th code{overflow-wrap:normal;white-space:nowrap}
@media (max-width:40em){body{padding:.5em;font-size:14px}table.ladder td,table.ladder th{min-width:10em}table:not(.ladder){display:block;overflow-x:auto;max-width:100%}}
@media print{body{max-width:none;font-size:10pt}section.focus{content-visibility:visible;break-inside:auto}a{color:inherit;text-decoration:none}.scroll{overflow:visible}table.ladder{table-layout:auto}h2{break-after:avoid}}
`

// policy allows the style above and nothing else: no script, no image,
// no font, no connection. A report that needed any of them would fail
// visibly under it, which the browser test checks.
var policy = func() string {
	sum := sha256.Sum256([]byte(css))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; img-src 'none'; form-action 'none'; base-uri 'none'"
}()

// Policy is the Content-Security-Policy every page declares.
func Policy() string { return policy }

// Start writes the page up to the opening of its body's main element.
func Start(w io.Writer, title string) {
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"+
		"<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"+
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"+
		"<meta name=\"referrer\" content=\"no-referrer\">\n"+
		"<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", policy, Escape(title), css)
}

// End closes what Start opened. A write error is the caller's to see, at
// its writer's Flush or Close, as for every other write of the page.
func End(w io.Writer) {
	_, _ = io.WriteString(w, "</main>\n</body>\n</html>\n")
}

// Escape makes untrusted text safe as HTML text or as a quoted attribute
// value: markup characters become references, and characters that would
// hide or reorder text (controls, bidirectional overrides and isolates,
// invalid UTF-8) are shown as escapes, as the text reports do.
func Escape(s string) string {
	return html.EscapeString(Visible(s))
}

// Visible writes the characters that could hide or reorder text as
// escapes (\x1b, \u202e, \xff for invalid UTF-8); tabs and line breaks
// are kept.
func Visible(s string) string {
	clean := true
	for i, r := range s {
		if unsafeRune(r) || r == utf8.RuneError && !validAt(s, i) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3 // a literal U+FFFD
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}
