package resultcache

import "sync"

// Memory is a Backend that keeps entries in memory, for a process that
// lints many times (a language server's session) and for tests. Hits
// counts the Gets that found an entry.
type Memory struct {
	mu   sync.Mutex
	m    map[string][]byte
	hits int
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{m: make(map[string][]byte)} }

// Get returns the value under key.
func (b *Memory) Get(key string) ([]byte, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.m[key]
	if ok {
		b.hits++
	}
	return v, ok
}

// Put keeps value under key.
func (b *Memory) Put(key string, value []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.m[key] = value
}

// Hits is how many Gets found an entry.
func (b *Memory) Hits() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.hits
}

// Len is how many entries it holds.
func (b *Memory) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.m)
}

// Each calls fn with every entry and keeps what fn returns in its place,
// for tests that damage a cache.
func (b *Memory) Each(fn func(key string, value []byte) []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for k, v := range b.m {
		b.m[k] = fn(k, v)
	}
}
