package report

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/profilelint/profilelint/profiles"
)

// TestPageRoundTrip: a page with every field set, found by reflection so
// that a field added to page must be encoded, reads back equal; so do
// the empty page and the pages of a real profile, whole and trimmed.
func TestPageRoundTrip(t *testing.T) {
	full := &page{}
	n := 0
	fillPage(t, reflect.ValueOf(full).Elem(), &n)
	pages := []*page{{name: "empty.yaml"}, full}
	f := parse(t, ladderName, ladderSrc)
	pages = append(pages, readPage(ladderName, f, false), readPage(ladderName, f, true), readPage("bad.yaml", nil, false))
	for _, want := range pages {
		got, err := decodePage(want.name, want.encode())
		if err != nil {
			t.Fatalf("%s: %v", want.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
		}
	}
}

// TestPageCorrupt: a page cut short or with a byte changed never reads
// as a page it is not, and never panics.
func TestPageCorrupt(t *testing.T) {
	b := readPage(ladderName, parse(t, ladderName, ladderSrc), false).encode()
	for i := range b {
		if _, err := decodePage(ladderName, b[:i]); err == nil {
			t.Errorf("a page cut at %d of %d bytes decodes", i, len(b))
		}
	}
	if _, err := decodePage(ladderName, append(bytes.Clone(b), 0)); err == nil {
		t.Error("a page with a byte after it decodes")
	}
	other := bytes.Clone(b)
	other[0] = pageVersion + 1
	if _, err := decodePage(ladderName, other); err == nil {
		t.Error("a page of another version decodes")
	}
}

// fillPage sets every field below v, exported or not, to a value of its
// own: strings "s" and a number, numbers counting up, flags true, two
// elements in each list and map.
func fillPage(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	if !v.CanSet() {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	next := func() int { *n++; return *n }
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", next()))
	case reflect.Float64:
		v.SetFloat(float64(next()) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fillPage(t, v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillPage(t, v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillPage(t, k, n)
			fillPage(t, e, n)
			v.SetMapIndex(k, e)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillPage(t, v.Elem(), n)
	default:
		t.Fatalf("fillPage: a field of kind %s: teach the page's codec and this test", v.Kind())
	}
}

// memoMap is Options.Memo over a map, as the result cache keeps memos
// between runs.
type memoMap struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (mm *memoMap) memo(file, name string, compute func() ([]byte, error)) ([]byte, error) {
	mm.mu.Lock()
	v, ok := mm.m[file+"\x00"+name]
	mm.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := compute()
	if err == nil {
		mm.mu.Lock()
		mm.m[file+"\x00"+name] = v
		mm.mu.Unlock()
	}
	return v, err
}

// TestHTMLWarm: a run whose files all come from the cache, which parses
// none and keeps none, prints the report of the cold run that filled the
// cache byte for byte, from the pages kept with the files' results, and
// reads no file.
func TestHTMLWarm(t *testing.T) {
	res, opt := ladderResult(t)
	want := render(t, "html", res, opt)

	mm := &memoMap{m: map[string][]byte{}}
	opt.Memo = mm.memo
	if got := printVisited(t, res, opt); !bytes.Equal(got, want) {
		t.Fatalf("the cold run with a memo gives another report:\n%s\nwant:\n%s", got, want)
	}
	if _, ok := mm.m[ladderName+"\x00"+fullPageMemo]; !ok {
		t.Errorf("no whole page kept of %s, whose focus has a level without a profile", ladderName)
	}

	warmRes := *res
	warmRes.Sources = map[string]*profiles.File{}
	opt.Load = func(name string) (*profiles.File, error) {
		t.Errorf("Load(%q) on a warm run", name)
		return nil, fmt.Errorf("%s: not to be read", name)
	}
	warm := &HTML{Options: opt}
	var buf bytes.Buffer
	warm.W = &buf
	if err := warm.Print(&warmRes); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("the warm run gives another report:\n%s\nwant:\n%s", buf.Bytes(), want)
	}
}

// TestHTMLMemoDamaged: a kept page that does not decode (of another
// build's form) is read again from the file, and the report is the same.
func TestHTMLMemoDamaged(t *testing.T) {
	res, opt := ladderResult(t)
	want := render(t, "html", res, opt)
	opt.Memo = func(file, name string, compute func() ([]byte, error)) ([]byte, error) {
		return []byte(strings.Repeat("\xff", 8)), nil
	}
	if got := render(t, "html", res, opt); !bytes.Equal(got, want) {
		t.Errorf("a damaged memo gives another report:\n%s\nwant:\n%s", got, want)
	}
}
