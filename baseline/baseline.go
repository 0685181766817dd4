// Package baseline matches findings across versions of a corpus by what
// they are about, not where they are: the rule, the profile's id, the JSON
// pointer of the node and a hash of the node's normalised text. An edit
// above an old finding moves its line but not its key, so accepted or
// old findings stay accepted (golangci-lint's line-based filter is what
// this avoids).
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Version is the version of the baseline file's format.
const Version = 1

// Entry is one accepted finding.
type Entry struct {
	Rule     string `json:"rule"`
	ID       string `json:"id,omitempty"` // the profile's id; the file name when it has none
	Pointer  string `json:"pointer"`
	TextHash string `json:"text_hash"`
	// File and Message are for the reader of the file; matching ignores
	// them.
	File    string `json:"file"`
	Message string `json:"message"`
}

func (e Entry) key() string {
	return valid(e.Rule) + "\x00" + valid(e.ID) + "\x00" + valid(e.Pointer) + "\x00" + valid(e.TextHash)
}

// valid is s as the baseline file carries it: JSON strings are UTF-8, and
// encoding/json writes each byte that is not part of valid UTF-8 as
// U+FFFD, as converting to runes does. A file name is any bytes, and a
// profile without an id is known by its file name: without this, such a
// finding would never match its own entry after a trip through the file.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// File is a baseline file.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"findings"`
}

// EntryOf describes a finding; src is the parsed file it is in (from
// lint.Result.Sources), or nil.
func EntryOf(f lint.Finding, src *profiles.File) Entry {
	e := Entry{Rule: f.Rule, ID: f.File, Pointer: f.Pointer, File: f.File, Message: f.Message}
	var text string
	if src != nil && src.Tree() != nil {
		if id := src.Root.Get("id").Text(); id != "" {
			e.ID = id
		}
		if n := src.Root.Lookup(f.Pointer); n != nil && n.Kind != profiles.Map && n.Kind != profiles.Seq {
			text = n.Value
		}
	}
	if text == "" && f.Pointer == "" {
		// A finding about the whole file (a syntax error) has no node:
		// its message says what it is about.
		text = f.Message
	}
	sum := sha256.Sum256([]byte(normalise(text)))
	e.TextHash = hex.EncodeToString(sum[:8])
	return e
}

// normalise folds case and white space, so that re-wrapping or
// re-indenting a text keeps its key.
func normalise(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Entries describes every unsuppressed finding of a result, sorted.
func Entries(res *lint.Result) []Entry {
	var out []Entry
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			out = append(out, EntryOf(f, res.Sources[f.File]))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.key() < b.key()
	})
	return out
}

// Write writes a baseline of a result's findings.
func Write(w io.Writer, res *lint.Result) error {
	return (&File{Version: Version, Entries: Entries(res)}).encode(w)
}

func (f *File) encode(w io.Writer) error {
	out := *f
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// MaxSize bounds the baseline file Read accepts: about a million
// findings, far more than any corpus accepts at once, and not the memory
// of the machine, which a file of the checkout must never decide.
const MaxSize = 256 << 20

// Read reads a baseline file. A file that is not a regular file (a link
// committed to point at /dev/zero) or is larger than MaxSize is refused
// before it is read whole.
func Read(path string) (*File, error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file; a baseline is a JSON file", path)
	}
	var data []byte
	if info.Size() <= MaxSize {
		// Bounded again: the file may grow while it is read.
		if data, err = io.ReadAll(io.LimitReader(in, MaxSize+1)); err != nil {
			return nil, err
		}
	}
	if info.Size() > MaxSize || len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MiB; not a baseline profilelint wrote", path, MaxSize>>20)
	}
	f, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

func parse(data []byte) (*File, error) {
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not a profilelint baseline: %w", err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline version %d, this profilelint reads version %d", f.Version, Version)
	}
	return &f, nil
}

// Filter drops the findings that the baseline accepts, each entry
// accepting one finding, and returns the entries that matched nothing:
// findings fixed since, whose entries can go.
func Filter(res *lint.Result, base *File) (stale []Entry) {
	remaining := make(map[string]int, len(base.Entries))
	for _, e := range base.Entries {
		remaining[e.key()]++
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if f.Suppressed == nil {
			if k := EntryOf(f, res.Sources[f.File]).key(); remaining[k] > 0 {
				remaining[k]--
				res.Accepted++
				continue
			}
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	for _, e := range base.Entries {
		if remaining[e.key()] > 0 {
			remaining[e.key()]--
			stale = append(stale, e)
		}
	}
	return stale
}

// NewSince keeps only the findings of cur that old does not have: old is
// the result of linting the same paths at an earlier revision. Findings
// are matched by key and counted, so a second copy of an old finding is
// new.
func NewSince(cur, old *lint.Result) {
	seen := make(map[string]int)
	for _, f := range old.Findings {
		if f.Suppressed == nil {
			seen[EntryOf(f, old.Sources[f.File]).key()]++
		}
	}
	kept := cur.Findings[:0]
	for _, f := range cur.Findings {
		if f.Suppressed == nil {
			k := EntryOf(f, cur.Sources[f.File]).key()
			if seen[k] > 0 {
				seen[k]--
				continue
			}
		}
		kept = append(kept, f)
	}
	cur.Findings = kept
}

// NewSinceSame is NewSince for an old result some of whose files are,
// byte for byte, the files of cur of the same name (same says which). A
// finding in such a file that the old result has too, with the same
// rule, pointer and message, has the same key on both sides, so it is
// matched without reading the node's text, which would parse the file
// again: in a commit of one file among thousands, that is nearly every
// finding. The rest is matched by NewSince.
func NewSinceSame(cur, old *lint.Result, same func(file string) bool) {
	type exact struct{ file, rule, pointer, message string }
	key := func(f lint.Finding) exact { return exact{f.File, f.Rule, f.Pointer, f.Message} }
	have := make(map[exact]int)
	for _, f := range old.Findings {
		if f.Suppressed == nil && same(f.File) {
			have[key(f)]++
		}
	}
	matched := make(map[exact]int)
	kept := cur.Findings[:0]
	for _, f := range cur.Findings {
		if f.Suppressed == nil && same(f.File) {
			if k := key(f); have[k] > 0 {
				have[k]--
				matched[k]++
				continue
			}
		}
		kept = append(kept, f)
	}
	var rest []lint.Finding
	for _, f := range old.Findings {
		if f.Suppressed == nil && same(f.File) {
			if k := key(f); matched[k] > 0 {
				matched[k]--
				continue
			}
		}
		rest = append(rest, f)
	}
	cur.Findings = kept
	NewSince(cur, &lint.Result{Findings: rest, Sources: old.Sources})
}
