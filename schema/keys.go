package schema

import (
	"encoding/json"
	"sort"
	"strings"
	"sync"
)

var (
	rawOnce sync.Once
	raw     map[string]any
)

// known lists the property names the profile schema allows at an
// instance location.
func known(ptr string) []string {
	rawOnce.Do(func() { _ = json.Unmarshal(JSON, &raw) })
	return KnownKeys(raw, ptr)
}

// KnownKeys lists, sorted, the property names that a decoded JSON Schema
// document allows at the instance location ptr (a JSON pointer), following
// properties, items, additionalProperties and local $refs to $defs. It
// serves the "did you mean" of any embedded schema: the profile's and the
// configuration's.
func KnownKeys(doc map[string]any, ptr string) []string {
	node := At(doc, ptr)
	if node == nil {
		return nil
	}
	props, _ := node["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// At returns the schema node that describes the instance location ptr (a
// JSON pointer) in a decoded JSON Schema document, following properties,
// items, additionalProperties and local $refs to $defs; nil when the
// schema says nothing of it. The language server's hover shows what it
// holds.
func At(doc map[string]any, ptr string) map[string]any {
	node := resolveRef(doc, doc)
	if ptr == "" {
		return node
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		if props, ok := node["properties"].(map[string]any); ok {
			if next, ok := props[tok].(map[string]any); ok {
				node = resolveRef(doc, next)
				continue
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			node = resolveRef(doc, items)
			continue
		}
		if more, ok := node["additionalProperties"].(map[string]any); ok {
			node = resolveRef(doc, more)
			continue
		}
		return nil
	}
	return node
}

// resolveRef follows a node's "$ref" to doc's $defs, a few levels deep.
func resolveRef(doc, node map[string]any) map[string]any {
	for i := 0; i < 8; i++ {
		ref, ok := node["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/$defs/") {
			return node
		}
		defs, _ := doc["$defs"].(map[string]any)
		next, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if !ok {
			return node
		}
		node = next
	}
	return node
}
