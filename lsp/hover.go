package lsp

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/schema"
)

// hover explains what is under the cursor: the rule of each finding
// there, with its summary and doc; else, on a key, what the schema says
// of it.
func (s *server) hover(p TextDocumentPositionParams) *Hover {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	var parts []string
	var at *Range
	seen := map[string]bool{}
	cursor := Range{Start: p.Position, End: p.Position}
	for _, pl := range d.published {
		r := findingRange(pl.f, pl.t, s.enc)
		if !sameText(pl.t, d.text) || !overlaps(r, cursor) || seen[pl.f.Rule] {
			continue
		}
		seen[pl.f.Rule] = true
		parts = append(parts, ruleHelp(s.rules[pl.f.Rule], pl.f))
		at = &r
	}
	t, path, enc := d.text, d.path, s.enc
	s.mu.Unlock()
	if len(parts) > 0 {
		return &Hover{Contents: MarkupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}, Range: at}
	}
	return keyHover(t, path, p.Position, enc)
}

// ruleHelp is the markdown for a finding's rule.
func ruleHelp(r *lint.Rule, f lint.Finding) string {
	if r == nil {
		return fmt.Sprintf("**%s**: %s", f.Rule, f.Message)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s): %s\n\n%s\n", r.ID, f.Severity, r.Summary, r.Doc.Text)
	if r.Doc.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n```yaml\n%s```\n", withNewline(r.Doc.Bad))
	}
	if r.Doc.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n```yaml\n%s```\n", withNewline(r.Doc.Good))
	}
	if f.Suppressed == nil {
		fmt.Fprintf(&b, "\nSuppress with a reason: `# profilelint:ignore %s -- why`", r.ID)
	}
	return b.String()
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

var (
	schemaOnce sync.Once
	schemaDoc  map[string]any
)

// keyHover finds the key under the position and describes it from the
// profile schema.
func keyHover(t *text, path string, pos Position, enc encoding) *Hover {
	f, err := profiles.Parse(path, t.src)
	if err != nil || f.Tree() == nil {
		return nil
	}
	off := t.offset(pos, enc) - t.base
	ptr, key := keyAt(f.Tree(), "", off)
	if key == nil {
		return nil
	}
	schemaOnce.Do(func() { _ = json.Unmarshal(schema.JSON, &schemaDoc) })
	node := schema.At(schemaDoc, ptr)
	if node == nil {
		return nil
	}
	r := Range{Start: t.position(key.Pos.Offset+t.base, enc), End: t.position(keyEnd(key)+t.base, enc)}
	return &Hover{Contents: MarkupContent{Kind: "markdown", Value: describeSchema(ptr, node)}, Range: &r}
}

// keyAt returns the pointer and key node of the mapping key that holds
// byte offset off.
func keyAt(n *profiles.Node, ptr string, off int) (string, *profiles.Node) {
	if n == nil {
		return "", nil
	}
	for _, fl := range n.Fields {
		p := ptr + "/" + strings.ReplaceAll(strings.ReplaceAll(fl.Key.Value, "~", "~0"), "/", "~1")
		if fl.Key.Pos.Offset <= off && off < keyEnd(fl.Key) {
			return p, fl.Key
		}
		if q, k := keyAt(fl.Value, p, off); k != nil {
			return q, k
		}
	}
	for i, it := range n.Items {
		if q, k := keyAt(it, fmt.Sprintf("%s/%d", ptr, i), off); k != nil {
			return q, k
		}
	}
	return "", nil
}

func keyEnd(k *profiles.Node) int {
	if k.End.Offset > k.Pos.Offset {
		return k.End.Offset
	}
	return k.Pos.Offset + len(k.Value)
}

// describeSchema says in markdown what a schema node allows.
func describeSchema(ptr string, node map[string]any) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", ptr)
	if t, ok := node["type"]; ok {
		fmt.Fprintf(&b, " (%v)", t)
	}
	b.WriteString("\n")
	if d, ok := node["description"].(string); ok {
		fmt.Fprintf(&b, "\n%s\n", d)
	}
	if e, ok := node["enum"].([]any); ok {
		vals := make([]string, len(e))
		for i, v := range e {
			vals[i] = fmt.Sprintf("`%v`", v)
		}
		fmt.Fprintf(&b, "\nOne of %s.\n", strings.Join(vals, ", "))
	}
	for _, kw := range []string{"pattern", "format", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"} {
		if v, ok := node[kw]; ok {
			fmt.Fprintf(&b, "\n%s: `%v`\n", kw, v)
		}
	}
	if req, ok := node["required"].([]any); ok && len(req) > 0 {
		names := make([]string, len(req))
		for i, v := range req {
			names[i] = fmt.Sprintf("`%v`", v)
		}
		sort.Strings(names)
		fmt.Fprintf(&b, "\nRequired keys: %s.\n", strings.Join(names, ", "))
	}
	if props, ok := node["properties"].(map[string]any); ok && len(props) > 0 {
		fmt.Fprintf(&b, "\nKeys: %s.\n", strings.Join(schema.KnownKeys(schemaDoc, ptr), ", "))
	}
	return b.String()
}
