// The segment store.
//
// A store is one file per configuration key: a header line, then
// segments, each its length, its entries and a CRC-32C of them. An entry
// is its age (unsigned varint), its key and its value, these with their
// lengths before them; a later segment's entry wins over an earlier one's.
// A run that adds little appends a segment; one that adds much, or finds
// the file mostly stale, rewrites it whole. A segment that is corrupt or
// cut short ends what is read, and a file written by something else is
// ignored and replaced: never trusted.

package resultcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

const (
	// magic starts every store; its prefix is what every version of
	// profilelint has started its stores with.
	magic       = magicPrefix + "5"
	magicPrefix = "profilelint-cache v"
	suffix      = ".cache"
	// tmpPrefix starts the name of a store being rewritten; os.CreateTemp
	// adds decimal digits.
	tmpPrefix = ".tmp-"
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

// File is the segment store: the Backend of a Cache, kept in one file. An entry that no run uses is
// dropped after a few rewrites (maxAge), so a store holds about one
// corpus's worth: the files as they are now, and what the last edits
// replaced.
type File struct {
	path string

	mu   sync.Mutex
	old  map[string]entry
	cur  map[string][]byte
	puts map[string]bool // keys set this run
	// valid is how many bytes of the file were read as whole segments:
	// a segment can be appended only where the last one ends.
	valid int64
}

// entry is a value read from the store, with the number of rewrites since
// a run last used it.
type entry struct {
	value []byte
	age   uint64
}

// maxAge is after how many rewrites an unused entry goes. More than one: a
// warm run serves a corpus rule's findings whole and does not ask for the
// texts the rule keeps for its next full pass.
const maxAge = 4

// OpenFile loads the store for a configuration key from dir. A missing or
// unreadable store is an empty one.
func OpenFile(dir, key string) *File {
	sum := sha256.Sum256([]byte(key))
	s := &File{
		path: filepath.Join(dir, hex.EncodeToString(sum[:12])+suffix),
		old:  map[string]entry{},
		cur:  map[string][]byte{},
		puts: map[string]bool{},
	}
	if entries, valid, err := read(s.path); err == nil {
		s.old, s.valid = entries, valid
	}
	return s
}

func read(path string) (map[string]entry, int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	header, rest, ok := bytes.Cut(data, []byte{'\n'})
	if !ok || string(header) != magic {
		return nil, 0, errors.New("not a profilelint cache")
	}
	entries := make(map[string]entry)
	for len(rest) > 0 {
		payload, after, err := segment(rest)
		if err != nil {
			break // what was appended last is damaged: the rest stands
		}
		if err := decode(payload, entries); err != nil {
			break
		}
		rest = after
	}
	return entries, int64(len(data) - len(rest)), nil
}

// segment reads one segment: its length, payload and checksum.
func segment(b []byte) (payload, rest []byte, err error) {
	payload, rest, err = field(b)
	if err != nil || len(rest) < 4 {
		return nil, nil, errors.New("truncated segment")
	}
	if binary.LittleEndian.Uint32(rest) != crc32.Checksum(payload, crcTable) {
		return nil, nil, errors.New("checksum mismatch")
	}
	return payload, rest[4:], nil
}

// decode adds a segment's entries to entries. Values share the file's
// bytes: one allocation for all of them.
func decode(payload []byte, entries map[string]entry) error {
	for len(payload) > 0 {
		var key, value []byte
		age, k := binary.Uvarint(payload)
		if k <= 0 {
			return errors.New("truncated entry")
		}
		var err error
		if key, payload, err = field(payload[k:]); err == nil {
			value, payload, err = field(payload)
		}
		if err != nil {
			return err
		}
		entries[string(key)] = entry{value[:len(value):len(value)], age}
	}
	return nil
}

// Segments carry a CRC-32C to detect damage and truncation, not a
// cryptographic hash: whoever can write the cache folder could write any
// checksum, and the CPU computes CRC-32C at memory speed.
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
func (s *File) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.old[key]
	if ok {
		s.cur[key] = e.value
	}
	return e.value, ok
}

// Put sets the entry for key.
func (s *File) Put(key string, value []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cur[key] = value
	s.puts[key] = true
}

// Save writes what the run added. Little (under a quarter of what the
// run used) is appended as a segment; otherwise the store is rewritten
// with the entries the run used, and those it did not use age by one
// rewrite and go at maxAge. A rewrite replaces the file atomically and
// removes older stores beyond the few most recent.
func (s *File) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.puts) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	added, used := 0, 0
	for k, v := range s.cur {
		if s.puts[k] {
			added += len(k) + len(v)
		} else {
			used += len(k) + len(v)
		}
	}
	if s.valid > 0 && added < used/4 && s.valid < int64(3*(used+added)) {
		if err := s.appendSegment(); err == nil {
			return nil
		}
	}
	return s.rewrite()
}

// appendSegment adds the entries set this run at the end of the file.
func (s *File) appendSegment() error {
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil || info.Size() != s.valid {
		f.Close()
		return errors.New("the store changed since it was read")
	}
	// What was set, and what was used again after aging a while (its age
	// in the file would count the rewrites it was not used in).
	keys := make([]string, 0, len(s.puts))
	for k := range s.cur {
		if s.puts[k] || s.old[k].age > 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var payload []byte
	for _, k := range keys {
		payload = appendEntry(payload, 0, k, s.cur[k])
	}
	// One write, so that a run appending at the same time cannot
	// interleave with it.
	seg := binary.AppendUvarint(nil, uint64(len(payload)))
	seg = append(seg, payload...)
	seg = binary.LittleEndian.AppendUint32(seg, crc32.Checksum(payload, crcTable))
	if _, err := f.Write(seg); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func appendEntry(b []byte, age uint64, k string, v []byte) []byte {
	b = binary.AppendUvarint(b, age)
	b = binary.AppendUvarint(b, uint64(len(k)))
	b = append(b, k...)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// rewrite writes the store whole, as one segment, streaming it.
func (s *File) rewrite() error {
	// Sorted keys: the same entries always make the same file.
	keys := make([]string, 0, len(s.cur)+len(s.old))
	size := 0
	for k, v := range s.cur {
		keys = append(keys, k)
		size += entrySize(0, k, v)
	}
	for k, e := range s.old {
		if _, used := s.cur[k]; !used && e.age+1 < maxAge {
			keys = append(keys, k)
			size += entrySize(e.age+1, k, e.value)
		}
	}
	sort.Strings(keys)
	tmp, err := os.CreateTemp(filepath.Dir(s.path), tmpPrefix+"*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	crc := crc32.New(crcTable)
	body := io.MultiWriter(w, crc)
	// Write errors are not checked one by one: bufio.Writer keeps the
	// first, and Flush returns it.
	var head []byte
	_, _ = w.WriteString(magic + "\n")
	_, _ = w.Write(binary.AppendUvarint(head, uint64(size)))
	for _, k := range keys {
		v, used := s.cur[k]
		var age uint64
		if !used {
			v, age = s.old[k].value, s.old[k].age+1
		}
		head = binary.AppendUvarint(head[:0], age)
		head = binary.AppendUvarint(head, uint64(len(k)))
		head = append(head, k...)
		head = binary.AppendUvarint(head, uint64(len(v)))
		_, _ = body.Write(head)
		_, _ = body.Write(v)
	}
	_, _ = w.Write(binary.LittleEndian.AppendUint32(head[:0], crc.Sum32()))
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

// entrySize is the length of appendEntry(nil, age, k, v).
func entrySize(age uint64, k string, v []byte) int {
	return uvarintLen(age) + uvarintLen(uint64(len(k))) + len(k) + uvarintLen(uint64(len(v))) + len(v)
}

func uvarintLen(x uint64) int { return (bits.Len64(x|1) + 6) / 7 }

// prune removes all but the most recently written stores.
func prune(dir string) {
	paths := own(dir, isStoreName)
	if len(paths) <= keep {
		return
	}
	type store struct {
		path string
		mod  int64
	}
	var stores []store
	for _, p := range paths {
		if info, err := os.Lstat(p); err == nil {
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
	n := 0
	for _, p := range own(dir, isStoreName) {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return n, err
		}
		n++
	}
	// What a run killed while rewriting a store left behind.
	for _, p := range own(dir, isTempName) {
		os.Remove(p)
	}
	return n, nil
}

// own lists the files in dir that this package wrote: those with a name
// it gives its files, that are regular files (not links) and start with
// its header. The cache folder may be shared, or hold files a user put
// there; a file that is not recognisably a store is never removed.
func own(dir string, name func(string) bool) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !name(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if hasHeader(p) {
			out = append(out, p)
		}
	}
	return out
}

// isStoreName reports whether name is one that OpenFile gives a store: 24
// lower-case hexadecimal digits, then suffix.
func isStoreName(name string) bool {
	hexDigits, ok := strings.CutSuffix(name, suffix)
	return ok && len(hexDigits) == 24 && strings.Trim(hexDigits, "0123456789abcdef") == ""
}

// isTempName reports whether name is one os.CreateTemp gives a store
// being rewritten: tmpPrefix, then decimal digits.
func isTempName(name string) bool {
	digits, ok := strings.CutPrefix(name, tmpPrefix)
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}

// hasHeader reports whether the file at path starts with the header of a
// store, of this version or an earlier one.
func hasHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(magicPrefix))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == magicPrefix
}
