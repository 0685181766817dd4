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

// known lists the property names the schema allows at an instance location.
func known(ptr string) []string {
	rawOnce.Do(func() { _ = json.Unmarshal(JSON, &raw) })
	node := raw
	if ptr != "" {
		for _, tok := range strings.Split(ptr[1:], "/") {
			node = resolve(node)
			if props, ok := node["properties"].(map[string]any); ok {
				if next, ok := props[tok].(map[string]any); ok {
					node = next
					continue
				}
			}
			if items, ok := node["items"].(map[string]any); ok {
				node = items
				continue
			}
			return nil
		}
	}
	node = resolve(node)
	props, _ := node["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func resolve(node map[string]any) map[string]any {
	for i := 0; i < 8; i++ {
		ref, ok := node["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/$defs/") {
			return node
		}
		defs, _ := raw["$defs"].(map[string]any)
		next, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if !ok {
			return node
		}
		node = next
	}
	return node
}
