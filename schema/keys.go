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

// suggest returns the known name closest to key, if it is close enough to
// be a typo: within an edit distance of a third of its length, or the same
// apart from case, separators or a plural s.
func suggest(key string, names []string) string {
	best, bestDist := "", 1<<30
	norm := func(s string) string {
		s = strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(s))
		return strings.TrimSuffix(s, "s")
	}
	for _, n := range names {
		if norm(n) == norm(key) {
			return n
		}
		d := editDistance(key, n)
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	limit := max(1, len([]rune(key))/3)
	if bestDist <= limit {
		return best
	}
	return ""
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prevprev := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			// A swap of two neighbours is one typo, not two.
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prevprev[j-2]+1)
			}
		}
		prevprev, prev, cur = prev, cur, prevprev
	}
	return prev[len(rb)]
}
