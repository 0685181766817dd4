// Package resultcache keeps lint results between runs in the user's cache
// folder ($XDG_CACHE_HOME/profilelint, or the platform's equivalent), so
// that pre-commit and CI re-lint only what changed. It is the one place
// of the cache: the key of a configuration (key.go), the stamps that let
// a warm run stat a file instead of reading it, the binary form of an
// entry (codec.go), the segment store the entries live in (file.go) and
// the memos of corpus rules. The engine sees only lint.Store.
//
// Set PROFILELINT_CACHEVERIFY=1 to check the cache: every hit is then
// computed again and compared with what the cache held, and a difference
// is said on standard error (Cache.Mismatches counts them), as cmd/go's
// GODEBUG=gocacheverify=1 does.
package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/profilelint/profilelint/lint"
)

// Backend stores bytes under keys: the segment store (File), or a map in
// tests. Get and Put are called from several goroutines at once.
type Backend interface {
	Get(key string) ([]byte, bool)
	Put(key string, value []byte)
}

// Cache is a lint.Store over a Backend, for one configuration.
type Cache struct {
	b     Backend
	seed  [sha256.Size]byte // the hash of the configuration's key, which every key starts from
	start time.Time         // files modified since (less racyWindow) are not stamped
	rules []*lint.Rule      // in configuration order, for encoding facts
	byID  map[string]*lint.Rule

	// contentKeys holds, by file name, the content key of each file seen
	// this run: what a corpus rule's findings and the memos depend on. A
	// map under a mutex, not a sync.Map: every file writes once, and with
	// sync.Map a warm run of 10,000 files took 0.26–0.34 s of user CPU
	// and 140–143 MB, with this 0.23–0.27 s and 137–138 MB (scripts/bench.sh
	// corpus, runs interleaved).
	mu          sync.Mutex
	contentKeys map[string]string
	// files and filesSum remember the last corpus filesKey hashed: every
	// corpus rule asks for the same files.
	files    []string
	filesSum string

	verify     bool
	claims     sync.Map // key → what the cache held, in verify mode
	verified   atomic.Int64
	mismatches atomic.Int64
	warn       io.Writer
}

// New is the cache of cfg over b, for a run starting at now (whose date
// the key covers when a rule of cfg depends on it). Verify mode is on
// when PROFILELINT_CACHEVERIFY=1.
func New(b Backend, cfg *lint.Config, now time.Time) *Cache {
	c := &Cache{
		b:      b,
		seed:   sha256.Sum256([]byte(Key(cfg, now))),
		start:  now,
		rules:  cfg.Rules,
		byID:   make(map[string]*lint.Rule, len(cfg.Rules)),
		verify: os.Getenv("PROFILELINT_CACHEVERIFY") == "1",
		warn:   os.Stderr,

		contentKeys: make(map[string]string),
	}
	for _, r := range cfg.Rules {
		c.byID[r.ID] = r
	}
	return c
}

// Store is a Cache kept in a segment store file.
type Store struct {
	*Cache
	file *File
}

// Open opens the cache of cfg in dir, for a run starting now.
func Open(dir string, cfg *lint.Config) *Store {
	now := time.Now()
	file := OpenFile(dir, Key(cfg, now))
	return &Store{Cache: New(file, cfg, now), file: file}
}

// Save writes what this run added.
func (s *Store) Save() error { return s.file.Save() }

// Verify reports whether the cache is in verify mode.
func (c *Cache) Verify() bool { return c.verify }

// Verified is how many hits were computed again and found equal, in
// verify mode.
func (c *Cache) Verified() int { return int(c.verified.Load()) }

// Mismatches is how many hits differed from what was computed again, in
// verify mode.
func (c *Cache) Mismatches() int { return int(c.mismatches.Load()) }

var _ lint.Store = (*Cache)(nil)

// setContentKey records the content key of a file seen this run.
func (c *Cache) setContentKey(name, key string) {
	c.mu.Lock()
	c.contentKeys[name] = key
	c.mu.Unlock()
}

func (c *Cache) contentKey(name string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.contentKeys[name]
	return k, ok
}

// A file's entry is found in one of two ways. Its content key hashes the
// configuration's key, the file's name (findings carry it) and its bytes.
// Its stamp key hashes the name and what stat says of the file (size,
// modification and change times, inode), and holds the content key: a
// warm run stats an unchanged file instead of reading and hashing it, as
// git's index does.
func (c *Cache) key(kind, name string, data []byte) string {
	h := sha256.New()
	h.Write(c.seed[:])
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(name))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// racyWindow is how recent a modification time may be for a stamp to be
// trusted. A file written twice within the file system's timestamp
// granularity, with the same size, would keep its stamp; so a file
// modified shortly before the run (or in the future, by a skewed clock)
// is read and hashed every time until it is older.
const racyWindow = 2 * time.Second

// stamp describes a file as stat sees it, or "" when it cannot be trusted.
func stamp(info fs.FileInfo, start time.Time) string {
	mod := info.ModTime()
	sys, changed := sysStamp(info)
	if limit := start.Add(-racyWindow); !mod.Before(limit) || !changed.Before(limit) {
		return ""
	}
	b := strconv.AppendInt(nil, info.Size(), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, mod.UnixNano(), 10)
	b = append(b, ' ')
	b = append(b, sys...)
	return string(b)
}

// stampKey is the key of a file's stamp entry, or "" when the file's
// stamp cannot be trusted.
func (c *Cache) stampKey(name string, info fs.FileInfo) string {
	if info == nil {
		return ""
	}
	st := stamp(info, c.start)
	if st == "" {
		return ""
	}
	return c.key("stamp", name, []byte(st))
}

// Stat restores the entry of a file whose stamp is recorded.
func (c *Cache) Stat(name string, info fs.FileInfo) (*lint.Entry, bool) {
	sk := c.stampKey(name, info)
	if sk == "" {
		return nil, false
	}
	key, ok := c.b.Get(sk)
	if !ok {
		return nil, false
	}
	if c.verify {
		c.claims.Store(sk, key)
		return nil, false
	}
	e, ok := c.entry(string(key), name)
	if ok {
		c.setContentKey(name, string(key))
	}
	return e, ok
}

// Content restores the entry of a file by its bytes, and stamps it.
func (c *Cache) Content(name string, info fs.FileInfo, data []byte) (*lint.Entry, bool) {
	key := c.key("content", name, data)
	c.setContentKey(name, key)
	if c.verify {
		if v, ok := c.b.Get(key); ok {
			c.claims.Store(key, v)
		}
		return nil, false
	}
	e, ok := c.entry(key, name)
	if ok {
		if sk := c.stampKey(name, info); sk != "" {
			c.b.Put(sk, []byte(key))
		}
	}
	return e, ok
}

// entry decodes a file's entry. Anything that does not decode, or names a
// rule this run does not know, is a miss: a cache is never trusted over
// linting the file again.
func (c *Cache) entry(key, name string) (*lint.Entry, bool) {
	data, ok := c.b.Get(key)
	if !ok {
		return nil, false
	}
	e, err := decodeEntry(NewDecoder(data), c.byID)
	if err != nil {
		return nil, false
	}
	for _, f := range e.Findings {
		if f.File != name {
			return nil, false
		}
	}
	return e, true
}

// Put keeps a file's entry under its content and its stamp. An entry with
// facts of a rule that has no codec is simply not kept.
func (c *Cache) Put(name string, info fs.FileInfo, data []byte, e *lint.Entry) {
	key := c.key("content", name, data)
	c.setContentKey(name, key)
	var enc Encoder
	if !encodeEntry(&enc, e, c.rules) {
		return
	}
	c.check(key, enc.Bytes(), "the result of "+name)
	c.b.Put(key, enc.Bytes())
	if sk := c.stampKey(name, info); sk != "" {
		c.check(sk, []byte(key), "the stamp of "+name)
		c.b.Put(sk, []byte(key))
	}
}

// check compares, in verify mode, what was computed with what the cache
// claimed under the same key.
func (c *Cache) check(key string, computed []byte, what string) {
	if !c.verify {
		return
	}
	v, ok := c.claims.LoadAndDelete(key)
	if !ok {
		return
	}
	if bytes.Equal(v.([]byte), computed) {
		c.verified.Add(1)
		return
	}
	c.mismatches.Add(1)
	fmt.Fprintf(c.warn, "profilelint: PROFILELINT_CACHEVERIFY: %s in the cache differs from what was computed again (key %.16s)\n", what, key)
}

// filesKey hashes the name and content key of every file of a corpus,
// or is "" when one has none (it was not read through the cache).
func (c *Cache) filesKey(files []string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(files) > 0 && len(files) == len(c.files) && &files[0] == &c.files[0] {
		return c.filesSum
	}
	h := sha256.New()
	for _, name := range files {
		k, ok := c.contentKeys[name]
		if !ok {
			return ""
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	c.files, c.filesSum = files, string(h.Sum(nil))
	return c.filesSum
}

// corpusKey names the findings of a corpus rule on files, or is "".
func (c *Cache) corpusKey(rule *lint.Rule, files []string) string {
	fk := c.filesKey(files)
	if fk == "" {
		return ""
	}
	return c.key("corpus "+rule.ID, "", []byte(fk))
}

// Corpus returns the findings cached for a corpus rule on files.
func (c *Cache) Corpus(rule *lint.Rule, files []string) ([]lint.Finding, bool) {
	key := c.corpusKey(rule, files)
	if key == "" {
		return nil, false
	}
	data, ok := c.b.Get(key)
	if !ok {
		return nil, false
	}
	if c.verify {
		c.claims.Store(key, data)
		return nil, false
	}
	fs, err := decodeFindings(NewDecoder(data))
	return fs, err == nil
}

// PutCorpus keeps a corpus rule's findings on files.
func (c *Cache) PutCorpus(rule *lint.Rule, files []string, found []lint.Finding) {
	key := c.corpusKey(rule, files)
	if key == "" {
		return
	}
	var e Encoder
	encodeFindings(&e, found)
	c.check(key, e.Bytes(), "the findings of "+rule.ID)
	c.b.Put(key, e.Bytes())
}

// Memo is lint.Corpus.Memo through the cache: a result is kept under the
// rule, its name and the content key of its file.
func (c *Cache) Memo(rule *lint.Rule, file, name string, compute func() ([]byte, error)) ([]byte, error) {
	return c.memo("memo "+rule.ID+" "+name, file, compute, func() string { return "memo " + name + " of " + rule.ID + " on " + file })
}

// PrinterMemo is report.Options.Memo through the cache: what a printer
// takes of a file (the html report's page of it) is kept under its name
// and the content key of the file, beside the file's results, so that a
// warm run need not parse the file again to print it. Its kind differs
// from a rule's memos, so no name of a printer can meet a rule's.
func (c *Cache) PrinterMemo(file, name string, compute func() ([]byte, error)) ([]byte, error) {
	return c.memo("printer "+name, file, compute, func() string { return name + " of " + file })
}

// memo keeps compute's result under kind and the content key of file;
// what names it in verify mode's warnings.
func (c *Cache) memo(kind, file string, compute func() ([]byte, error), what func() string) ([]byte, error) {
	ck, ok := c.contentKey(file)
	if !ok {
		return compute()
	}
	key := c.key(kind, file, []byte(ck))
	held, found := c.b.Get(key)
	if v, ok := unsealMemo(held, found); ok && !c.verify {
		return v, nil
	} else if ok {
		c.claims.Store(key, sealMemo(slices.Clone(v)))
	}
	v, err := compute()
	if err == nil {
		sealed := sealMemo(v)
		if c.verify {
			c.check(key, sealed, what())
		}
		c.b.Put(key, sealed)
	}
	return v, err
}

// A memo is kept with a CRC-32C of its bytes: unlike an entry, it has no
// structure that a damaged or foreign value would fail to decode, and a
// wrong text would explain a finding wrongly.
var memoTable = crc32.MakeTable(crc32.Castagnoli)

func sealMemo(v []byte) []byte {
	return binary.LittleEndian.AppendUint32(slices.Clip(v), crc32.Checksum(v, memoTable))
}

func unsealMemo(v []byte, ok bool) ([]byte, bool) {
	if !ok || len(v) < 4 {
		return nil, false
	}
	body, sum := v[:len(v)-4], binary.LittleEndian.Uint32(v[len(v)-4:])
	return body, crc32.Checksum(body, memoTable) == sum
}
