// Package cache keeps lint results between runs in the user's cache
// folder ($XDG_CACHE_HOME/profilelint, or the platform's equivalent), so
// that pre-commit and CI re-lint only what changed.
//
// A store is one file per configuration key: a header with a checksum,
// then the entries, encoded with encoding/gob. A file that is corrupt,
// truncated or written by something else is ignored and replaced, never
// trusted.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

const (
	magic  = "profilelint-cache v1"
	suffix = ".cache"
	// keep is how many stores (configurations) are kept; older ones go.
	keep = 8
)

// Dir returns the default cache folder.
func Dir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the user cache folder: %w", err)
	}
	return filepath.Join(base, "profilelint"), nil
}

// Store is a lint.Cache backed by one file. Entries read and not used in
// a run are dropped when it is saved, so a store holds one corpus's worth.
type Store struct {
	path string

	mu   sync.Mutex
	old  map[string][]byte
	cur  map[string][]byte
	puts int
}

// Open loads the store for a configuration key from dir. A missing or
// unreadable store is an empty one.
func Open(dir, key string) *Store {
	sum := sha256.Sum256([]byte(key))
	s := &Store{
		path: filepath.Join(dir, hex.EncodeToString(sum[:12])+suffix),
		old:  map[string][]byte{},
		cur:  map[string][]byte{},
	}
	if entries, err := read(s.path); err == nil {
		s.old = entries
	}
	return s
}

func read(path string) (map[string][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	header, payload, ok := bytes.Cut(data, []byte{'\n'})
	if !ok {
		return nil, errors.New("no header")
	}
	fields := strings.Fields(string(header))
	if len(fields) != 3 || fields[0]+" "+fields[1] != magic {
		return nil, errors.New("not a profilelint cache")
	}
	sum := sha256.Sum256(payload)
	if hex.EncodeToString(sum[:]) != fields[2] {
		return nil, errors.New("checksum mismatch")
	}
	var entries map[string][]byte
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&entries); err != nil {
		return nil, err
	}
	return entries, nil
}

// Get returns the entry for key.
func (s *Store) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.old[key]
	if ok {
		s.cur[key] = v
	}
	return v, ok
}

// Put sets the entry for key.
func (s *Store) Put(key string, value []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur[key] = value
	s.puts++
}

// Save writes the store when the run changed it: new entries, or entries
// no longer used. The file is replaced atomically; older stores beyond the
// few most recent are removed.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.puts == 0 && len(s.cur) == len(s.old) {
		return nil
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(s.cur); err != nil {
		return fmt.Errorf("encoding the cache: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	sum := sha256.Sum256(payload.Bytes())
	w := bufio.NewWriter(tmp)
	fmt.Fprintf(w, "%s %s\n", magic, hex.EncodeToString(sum[:]))
	if _, err := w.Write(payload.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the cache: %w", err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing the cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	prune(filepath.Dir(s.path))
	return nil
}

// prune removes all but the most recently written stores.
func prune(dir string) {
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if len(paths) <= keep {
		return
	}
	type store struct {
		path string
		mod  int64
	}
	var stores []store
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil {
			stores = append(stores, store{p, info.ModTime().UnixNano()})
		}
	}
	sort.Slice(stores, func(i, j int) bool { return stores[i].mod > stores[j].mod })
	for _, st := range stores[min(keep, len(stores)):] {
		os.Remove(st.path)
	}
}

// Clean removes every store in dir and reports how many it removed.
func Clean(dir string) (int, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return n, err
		}
		n++
	}
	return n, nil
}
