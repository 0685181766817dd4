package resultcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := OpenFile(dir, "config-a")
	if _, ok := s.Get("k"); ok {
		t.Fatal("a new store has an entry")
	}
	s.Put("k", []byte("v"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = OpenFile(dir, "config-a")
	if v, ok := s.Get("k"); !ok || string(v) != "v" {
		t.Fatalf("got %q, %v; want v", v, ok)
	}
	if _, ok := OpenFile(dir, "config-b").Get("k"); ok {
		t.Fatal("another configuration sees the entry")
	}
}

// An entry no run uses survives a few saves, then goes; one that is used
// stays.
func TestUnusedEntriesAreDropped(t *testing.T) {
	dir := t.TempDir()
	s := OpenFile(dir, "c")
	s.Put("a", []byte("1"))
	s.Put("b", []byte("2"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= maxAge+1; run++ {
		s = OpenFile(dir, "c")
		// Look without using it: Get would make it young again.
		if _, ok := s.old["b"]; ok != (run <= maxAge) {
			t.Fatalf("after %d saves without use, entry b kept: %v, want %v", run-1, ok, run <= maxAge)
		}
		if _, ok := s.Get("a"); !ok {
			t.Fatalf("run %d: the used entry was dropped", run)
		}
		s.Put(fmt.Sprint("new", run), []byte("x")) // something to save
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
}

// A run that adds nothing writes nothing.
func TestUnchangedStoreIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	s := OpenFile(dir, "c")
	s.Put("a", []byte("1"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(s.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(s.path, before.ModTime().Add(-time.Hour), before.ModTime().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	s = OpenFile(dir, "c")
	s.Get("a")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(s.path)
	if !after.ModTime().Before(before.ModTime()) {
		t.Fatal("a run that added nothing rewrote the store")
	}
}

// A corrupt or foreign store is ignored, never trusted.
func TestCorruptStoreIsIgnored(t *testing.T) {
	dir := t.TempDir()
	s := OpenFile(dir, "c")
	s.Put("k", []byte("v"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"flipped byte": append(append([]byte{}, data[:len(data)-1]...), data[len(data)-1]^0xff),
		"truncated":    data[:len(data)/2],
		"foreign":      []byte("something else entirely\n\x00\x01"),
		"empty":        {},
	} {
		if err := os.WriteFile(s.path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := OpenFile(dir, "c").Get("k"); ok {
			t.Errorf("%s: the store was trusted", name)
		}
	}
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	for _, k := range []string{"a", "b"} {
		s := OpenFile(dir, k)
		s.Put("k", []byte("v"))
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(dir, ".tmp-12345")
	if err := os.WriteFile(leftover, []byte(magic+"\nhalf a store"), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := Clean(dir)
	if err != nil || n != 2 {
		t.Fatalf("Clean = %d, %v; want 2 stores removed", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Fatal("Clean removed a file that is not a store")
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Fatal("Clean left a half-written store behind")
	}
}

// foreign writes, in the cache folder, files that only look like stores:
// a *.cache file of another program, a file with a store's name but not
// its header, a link with a store's name, and a temporary-looking file
// of someone else. It returns their paths.
func foreign(t *testing.T, dir string) []string {
	t.Helper()
	target := filepath.Join(t.TempDir(), "target")
	files := map[string]string{
		"x.cache":                        magic + "\n",       // the header, not the name
		"0123456789abcdef01234567.cache": "user data\n",      // the name, not the header
		"0123456789ABCDEF01234567.cache": magic + "\n",       // upper-case hex: not a name Open gives
		".tmp-1234":                      "an editor's swap", // a temporary name, not a store's content
		target:                           magic + "\n",
	}
	var paths []string
	for name, content := range files {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, name)
			paths = append(paths, p)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "fedcba9876543210fedcba98.cache")
	if err := os.Symlink(target, link); err == nil {
		paths = append(paths, link, target)
	}
	return paths
}

func survive(t *testing.T, what string, paths []string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s removed %s, which it did not write", what, filepath.Base(p))
		}
	}
}

func TestCleanKeepsForeignFiles(t *testing.T) {
	dir := t.TempDir()
	paths := foreign(t, dir)
	s := OpenFile(dir, "a")
	s.Put("k", []byte("v"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	n, err := Clean(dir)
	if err != nil || n != 1 {
		t.Errorf("Clean = %d, %v; want the one store removed", n, err)
	}
	survive(t, "Clean", paths)
}

func TestPruneKeepsForeignFiles(t *testing.T) {
	dir := t.TempDir()
	paths := foreign(t, dir)
	// Make the foreign files the oldest, which prune would go for first.
	old := time.Now().Add(-time.Hour)
	for _, p := range paths {
		os.Chtimes(p, old, old)
	}
	for i := range keep + 3 {
		s := OpenFile(dir, fmt.Sprint("config-", i))
		s.Put("k", []byte("v"))
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	survive(t, "prune", paths)
	if got := len(own(dir, isStoreName)); got != keep {
		t.Errorf("%d stores after pruning, want %d", got, keep)
	}
}

// A run that adds little appends a segment instead of rewriting the store;
// a damaged last segment loses only what it held.
func TestSmallChangesAreAppended(t *testing.T) {
	dir := t.TempDir()
	s := OpenFile(dir, "c")
	for i := range 100 {
		s.Put(fmt.Sprint("key", i), bytes.Repeat([]byte{'v'}, 100))
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}

	s = OpenFile(dir, "c")
	for i := range 100 {
		s.Get(fmt.Sprint("key", i))
	}
	s.Put("new", []byte("value"))
	s.Put("key7", []byte("changed"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(after, before) || len(after)-len(before) > 100 {
		t.Fatalf("the store was rewritten (%d bytes, then %d), not appended to", len(before), len(after))
	}
	s = OpenFile(dir, "c")
	if v, ok := s.Get("new"); !ok || string(v) != "value" {
		t.Fatalf("appended entry: %q, %v", v, ok)
	}
	if v, _ := s.Get("key7"); string(v) != "changed" {
		t.Fatalf("an appended entry does not win over the older one: %q", v)
	}
	if _, ok := s.Get("key99"); !ok {
		t.Fatal("an entry of the first segment was lost")
	}

	// Cut the appended segment short: the first one still stands, and the
	// next save rewrites the file rather than append after the damage.
	if err := os.WriteFile(s.path, after[:len(after)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	s = OpenFile(dir, "c")
	if _, ok := s.Get("new"); ok {
		t.Fatal("an entry of a damaged segment was trusted")
	}
	if v, ok := s.Get("key7"); !ok || len(v) != 100 {
		t.Fatalf("the first segment was not read: %q, %v", v, ok)
	}
	s.Put("again", []byte("x"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if _, ok := OpenFile(dir, "c").Get("again"); !ok {
		t.Fatal("a save after a damaged segment was lost")
	}
}

// FuzzRead feeds the store reader arbitrary files: it must never panic,
// and what it accepts must be whole segments of the file.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	s := OpenFile(dir, "c")
	s.Put("k", []byte("v"))
	s.Put("key", bytes.Repeat([]byte("x"), 300))
	if err := s.Save(); err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile(s.path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(magic + "\n"))
	f.Add([]byte(magic + "\n\x05\x00\x01k\x01v\x00\x00\x00\x00"))
	path := filepath.Join(f.TempDir(), "store")
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		// The entries' decoder, which a checksum keeps the fuzzer from.
		_ = decode(b, map[string]entry{})
		entries, valid, err := read(path)
		if err != nil {
			return
		}
		if valid > int64(len(b)) || (len(entries) > 0 && valid <= int64(len(magic)+1)) {
			t.Fatalf("read %d entries from %d valid bytes of %d", len(entries), valid, len(b))
		}
	})
}
