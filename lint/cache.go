package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
)

// Cache keeps per-file results between runs, so that an unchanged file is
// not parsed or linted again. Keys already cover the file's name and
// content and Config.CacheKey; a cache only stores and returns bytes.
// Get and Put are called from several goroutines at once.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, value []byte)
}

// cacheEntry is what is kept of one linted file: its findings before
// suppression, the facts its corpus rules collected, and its directives.
// Facts travel through encoding/gob as interface values: a corpus rule
// whose facts are cached registers their type with gob.Register.
type cacheEntry struct {
	Findings   []Finding
	Facts      map[string]any
	Directives []*directive
	Internal   bool
}

// cacheKey names a file's entry: a hash of the configuration's key, the
// file's name (findings carry it) and its content.
func cacheKey(cfgKey, name string, data []byte) string {
	h := sha256.New()
	h.Write([]byte(cfgKey))
	h.Write([]byte{0})
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// fromCache restores a file's result. Anything that does not decode, or
// names a rule this run does not know, is a miss: a cache is never trusted
// over linting the file again.
func fromCache(cfg *Config, key, name string) (fileResult, bool) {
	data, ok := cfg.Cache.Get(key)
	if !ok {
		return fileResult{}, false
	}
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		return fileResult{}, false
	}
	r := fileResult{path: name, findings: e.Findings, directives: e.Directives, internal: e.Internal}
	for id, f := range e.Facts {
		rule := ruleByID(cfg, id)
		if rule.Collect == nil {
			return fileResult{}, false
		}
		if r.facts == nil {
			r.facts = make(map[*Rule]any, len(e.Facts))
		}
		r.facts[rule] = f
	}
	for _, f := range r.findings {
		if f.File != name {
			return fileResult{}, false
		}
	}
	return r, true
}

// toCache stores a file's result; a result that cannot be encoded (facts
// of an unregistered type) is simply not cached.
func toCache(cfg *Config, key string, r *fileResult) {
	if r.internal {
		return // a rule failed: lint the file again next time
	}
	e := cacheEntry{Findings: r.findings, Directives: r.directives}
	if len(r.facts) > 0 {
		e.Facts = make(map[string]any, len(r.facts))
		for rule, f := range r.facts {
			e.Facts[rule.ID] = f
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&e); err != nil {
		return
	}
	cfg.Cache.Put(key, buf.Bytes())
}
