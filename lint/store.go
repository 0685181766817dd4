package lint

import (
	"io/fs"

	"github.com/profilelint/profilelint/profiles"
)

// Store keeps results between runs, so that an unchanged file is not
// parsed or linted again (package lint/resultcache is one). The engine
// hands it names, what stat says and bytes; how they become keys, and
// what else a key must cover (the configuration, the build, the date), is
// the store's business alone. Its methods are called from several
// goroutines at once.
type Store interface {
	// Stat returns the entry of a file that stat describes as info, before
	// the file is read; info is nil when there is nothing to go by.
	Stat(name string, info fs.FileInfo) (*Entry, bool)
	// Content returns the entry of a file holding data.
	Content(name string, info fs.FileInfo, data []byte) (*Entry, bool)
	// Put records the entry of a file holding data, which stat described
	// as info before it was read.
	Put(name string, info fs.FileInfo, data []byte, e *Entry)
	// Corpus returns the findings of a corpus rule over files, the names
	// of the corpus in order, each last seen by Stat, Content or Put.
	Corpus(rule *Rule, files []string) ([]Finding, bool)
	// PutCorpus records them.
	PutCorpus(rule *Rule, files []string, found []Finding)
	// Memo returns compute's result for one file and name (Corpus.Memo).
	Memo(rule *Rule, file, name string, compute func() ([]byte, error)) ([]byte, error)
}

// Entry is what the engine keeps of one linted file: its findings before
// suppression, its suppression directives and the facts its corpus rules
// collected.
type Entry struct {
	Findings   []Finding
	Directives []*Directive
	Facts      map[*Rule]any
	// Family is the file's family, nil for a file that did not parse.
	Family *profiles.Family
}

// FactsCodec lets a store keep a corpus rule's facts, so that an unchanged
// file need not be parsed again to give them. Encode is given what Collect
// returned; Decode must give back an equal value.
type FactsCodec struct {
	Encode func(w FactsWriter, facts any)
	Decode func(r FactsReader) any
}

// FactsWriter is what a FactsCodec writes facts with.
type FactsWriter interface {
	Uint(v uint64)
	Int(v int64)
	Uint64(v uint64) // a hash or other full-width value
	Bool(v bool)
	Text(s string)
	Len(n int) // the length of a list that follows
	Place(p Place)
}

// FactsReader reads what a FactsWriter wrote. The first error sticks:
// reads after it return zero values.
type FactsReader interface {
	Uint() uint64
	Int() int64
	Uint64() uint64
	Bool() bool
	Text() string
	Len() int
	Place() Place
	// Fail marks the input corrupt: a decoding function calls it when a
	// value read is impossible (an index out of range).
	Fail()
}

// WriteList writes a list: its length, then each element with write.
func WriteList[T any](w FactsWriter, xs []T, write func(FactsWriter, T)) {
	w.Len(len(xs))
	for _, x := range xs {
		write(w, x)
	}
}

// ReadList reads what WriteList wrote, each element with read; an empty
// list reads as nil.
func ReadList[T any](r FactsReader, read func(FactsReader) T) []T {
	n := r.Len()
	if n == 0 {
		return nil
	}
	xs := make([]T, n)
	for i := range xs {
		xs[i] = read(r)
	}
	return xs
}
