// Package cache keeps lint results between runs in the user's cache
// folder ($XDG_CACHE_HOME/profilelint, or the platform's equivalent), so
// that pre-commit and CI re-lint only what changed.
//
// A store is one file per configuration key: a header line with a
// checksum, then the entries, each its age (unsigned varint), its key and
// its value, these with their lengths before them. A file that is corrupt, truncated or
// written by something else is ignored and replaced, never trusted.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

const (
	magic  = "profilelint-cache v4"
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

// Store is a lint.Cache backed by one file. An entry that no run uses is
// dropped after a few saves (maxAge), so a store holds about one corpus's
// worth: the files as they are now, and what the last edits replaced.
type Store struct {
	path string

	mu   sync.Mutex
	old  map[string]entry
	cur  map[string][]byte
	puts int
}

// entry is a value read from the store, with the number of saves since a
// run last used it.
type entry struct {
	value []byte
	age   uint64
}

// maxAge is after how many saves an unused entry goes. More than one: a
// warm run serves a corpus rule's findings whole and does not ask for the
// texts the rule keeps for its next full pass.
const maxAge = 4

// Open loads the store for a configuration key from dir. A missing or
// unreadable store is an empty one.
func Open(dir, key string) *Store {
	sum := sha256.Sum256([]byte(key))
	s := &Store{
		path: filepath.Join(dir, hex.EncodeToString(sum[:12])+suffix),
		old:  map[string]entry{},
		cur:  map[string][]byte{},
	}
	if entries, err := read(s.path); err == nil {
		s.old = entries
	}
	return s
}

func read(path string) (map[string]entry, error) {
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
	if checksum(payload) != fields[2] {
		return nil, errors.New("checksum mismatch")
	}
	entries := make(map[string]entry)
	for len(payload) > 0 {
		var key, value []byte
		age, k := binary.Uvarint(payload)
		if k <= 0 {
			return nil, errors.New("truncated entry")
		}
		if key, payload, err = field(payload[k:]); err == nil {
			value, payload, err = field(payload)
		}
		if err != nil {
			return nil, err
		}
		// Values share the file's bytes: one allocation for all of them.
		entries[string(key)] = entry{value[:len(value):len(value)], age}
	}
	return entries, nil
}

// checksum detects a damaged or truncated store. CRC-32C, not a
// cryptographic hash: whoever can write the cache folder could write any
// checksum, and the CPU computes CRC-32C at memory speed.
func checksum(b []byte) string {
	return fmt.Sprintf("crc32c:%08x", crc32.Checksum(b, crcTable))
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// field reads one length-prefixed field from b.
func field(b []byte) (f, rest []byte, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, errors.New("truncated entry")
	}
	b = b[k:]
	return b[:n], b[n:], nil
}

// Get returns the entry for key.
func (s *Store) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.old[key]
	if ok {
		s.cur[key] = e.value
	}
	return e.value, ok
}

// Put sets the entry for key.
func (s *Store) Put(key string, value []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur[key] = value
	s.puts++
}

// Save writes the store when the run added entries; entries it did not
// use age by one save, and go at maxAge. The file is replaced atomically;
// older stores beyond the few most recent are removed.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.puts == 0 {
		return nil
	}
	// Sorted keys: the same entries always make the same file.
	keys := make([]string, 0, len(s.cur)+len(s.old))
	size := 0
	for k, v := range s.cur {
		keys = append(keys, k)
		size += len(k) + len(v) + 3*binary.MaxVarintLen32
	}
	for k, e := range s.old {
		if _, used := s.cur[k]; !used && e.age+1 < maxAge {
			keys = append(keys, k)
			size += len(k) + len(e.value) + 3*binary.MaxVarintLen32
		}
	}
	sort.Strings(keys)
	payload := make([]byte, 0, size)
	for _, k := range keys {
		v, used := s.cur[k]
		var age uint64
		if !used {
			v, age = s.old[k].value, s.old[k].age+1
		}
		payload = binary.AppendUvarint(payload, age)
		payload = binary.AppendUvarint(payload, uint64(len(k)))
		payload = append(payload, k...)
		payload = binary.AppendUvarint(payload, uint64(len(v)))
		payload = append(payload, v...)
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	fmt.Fprintf(w, "%s %s\n", magic, checksum(payload))
	if _, err := w.Write(payload); err != nil {
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
