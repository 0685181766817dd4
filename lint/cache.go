package lint

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io/fs"
	"slices"
	"strconv"
	"time"
)

// Cache keeps per-file results between runs, so that an unchanged file is
// not parsed or linted again. Keys already cover the file's name and
// content and Config.CacheKey; a cache only stores and returns bytes.
// Get and Put are called from several goroutines at once.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, value []byte)
}

// A file's entry is found in one of two ways. Its content key hashes the
// configuration's key, the file's name (findings carry it) and its bytes.
// Its stamp key hashes the name and what stat says of the file (size,
// modification and change times, inode), and holds the content key: a
// warm run stats an unchanged file instead of reading and hashing it, as
// git's index does.
func cacheKey(seed [sha256.Size]byte, kind, name string, data []byte) string {
	h := sha256.New()
	h.Write(seed[:])
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

// stampKey is the key of a file's stamp entry, or "" when there is no
// cache or the file's stamp cannot be trusted.
func (cfg *Config) stampKey(name string, info fs.FileInfo) string {
	if cfg.Cache == nil || info == nil {
		return ""
	}
	st := stamp(info, cfg.start)
	if st == "" {
		return ""
	}
	return cacheKey(cfg.cacheSeed, "stamp", name, []byte(st))
}

// fromStamp restores the result of a file whose stamp is recorded.
func (cfg *Config) fromStamp(stampKey, name string) (fileResult, bool) {
	if stampKey == "" {
		return fileResult{}, false
	}
	key, ok := cfg.Cache.Get(stampKey)
	if !ok {
		return fileResult{}, false
	}
	return fromCache(cfg, string(key), name)
}

// fromCache restores a file's result. Anything that does not decode, or
// names a rule this run does not know, is a miss: a cache is never trusted
// over linting the file again.
func fromCache(cfg *Config, key, name string) (fileResult, bool) {
	data, ok := cfg.Cache.Get(key)
	if !ok {
		return fileResult{}, false
	}
	r := fileResult{path: name, key: key}
	if err := decodeEntry(NewDecoder(data), cfg, &r); err != nil {
		return fileResult{}, false
	}
	for _, f := range r.findings {
		if f.File != name {
			return fileResult{}, false
		}
	}
	return r, true
}

// toCache stores a file's result; a result with facts of a rule that has
// no codec is simply not cached.
func toCache(cfg *Config, key string, r *fileResult) {
	if r.internal {
		return // a rule failed: lint the file again next time
	}
	var e Encoder
	if encodeEntry(&e, r, cfg) {
		cfg.Cache.Put(key, e.Bytes())
	}
}

// filesKey hashes every file's name and content key: what a corpus
// rule's findings depend on, besides the configuration. It is "" when a
// file has no content key (the cache was not used for it).
func filesKey(results []fileResult) string {
	h := sha256.New()
	for i := range results {
		r := &results[i]
		if r.err != nil || r.skipped { // not in the corpus
			continue
		}
		if r.key == "" {
			return ""
		}
		h.Write([]byte(r.path))
		h.Write([]byte{0})
		h.Write([]byte(r.key))
		h.Write([]byte{0})
	}
	return string(h.Sum(nil))
}

// corpusKey names the findings of a corpus rule on the files of filesKey,
// or is "" when files is.
func corpusKey(cfg *Config, rule *Rule, files string) string {
	if files == "" {
		return ""
	}
	return cacheKey(cfg.cacheSeed, "corpus "+rule.ID, "", []byte(files))
}

// cachedFindings returns the findings cached under a corpus key.
func (cfg *Config) cachedFindings(key string) ([]Finding, bool) {
	if key == "" {
		return nil, false
	}
	data, ok := cfg.Cache.Get(key)
	if !ok {
		return nil, false
	}
	fs, err := decodeFindings(NewDecoder(data))
	return fs, err == nil
}

// cacheFindings keeps a corpus rule's findings under key, unless "".
func (cfg *Config) cacheFindings(key string, fs []Finding) {
	if key == "" {
		return
	}
	var e Encoder
	encodeFindings(&e, fs)
	cfg.Cache.Put(key, e.Bytes())
}

// memo is Corpus.Memo through the cache: a result is kept under the rule,
// its name and the content key of its file.
func (cfg *Config) memo(rule *Rule, contentKey func(file string) (string, bool)) func(file, name string, compute func() ([]byte, error)) ([]byte, error) {
	return func(file, name string, compute func() ([]byte, error)) ([]byte, error) {
		ck, ok := contentKey(file)
		if !ok {
			return compute()
		}
		key := cacheKey(cfg.cacheSeed, "memo "+rule.ID+" "+name, file, []byte(ck))
		if v, ok := unsealMemo(cfg.Cache.Get(key)); ok {
			return v, nil
		}
		v, err := compute()
		if err == nil {
			cfg.Cache.Put(key, sealMemo(v))
		}
		return v, err
	}
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
