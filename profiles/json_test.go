package profiles

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name, src string
		lim       *Limits
		want      string // "line:column: message", or "" when the file parses
	}{
		{name: "object", src: `{"id": "x", "n": [1, 2.5, -0, 1e3, true, false, null], "o": {}}`},
		{name: "escapes", src: `{"a": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800"}`},
		{name: "tab in a string", src: "{\"a\": \"x\ty\"}", want: "1:9: control character U+0009 inside a string; write it as an escape"},
		{name: "white space", src: " \r\n\t{ \"a\" :\n 1 }\n"},
		{name: "trailing comma", src: "{\"a\": 1,}", want: `1:8: a comma before "}"; JSON allows no trailing comma`},
		{name: "trailing comma in a list", src: "[1, 2,\n]", want: `1:6: a comma before "]"; JSON allows no trailing comma`},
		{name: "NaN", src: `{"a": NaN}`, want: `1:7: "NaN" is not a JSON value; quote text, and write numbers as digits`},
		{name: "-Infinity", src: `[-Infinity]`, want: `1:2: "-Infinity" is not a JSON number`},
		{name: "leading zero", src: `[01]`, want: `1:2: "01" is not a JSON number`},
		{name: "hash comment", src: "{\n  # c\n  \"a\": 1}", want: "2:3: JSON has no comments"},
		{name: "slash comment", src: "{\"a\": 1 // c\n}", want: "1:9: JSON has no comments"},
		{name: "single quotes", src: `{"a": 'x'}`, want: "1:7: JSON strings take double quotes"},
		{name: "single-quoted key", src: `{'a': 1}`, want: "1:2: JSON strings take double quotes"},
		{name: "unquoted key", src: `{a: 1}`, want: `1:2: 'a' where a key should start; a JSON key is a string in double quotes`},
		{name: "duplicate key", src: "{\"a\": 1,\n \"a\": 2}", want: `2:2: mapping key "a" already defined at 1:2`},
		{name: "duplicate key in a big object", src: bigObject(40) + `, "k3": 0}`, want: `1:` + fmt.Sprint(len(bigObject(40))+3) + `: mapping key "k3" already defined at 1:` + fmt.Sprint(strings.Index(bigObject(40), `"k3"`)+1)},
		{name: "two values", src: "{}\n{}", want: `2:1: '{' after the JSON value; a profile file holds exactly one`},
		{name: "YAML", src: "a: 1\n", want: `1:1: "a" is not a JSON value; quote text, and write numbers as digits`},
		{name: "empty", src: " \n", want: "1:1: the file holds no document"},
		{name: "unclosed string", src: `{"a": "x`, want: "1:7: a string without its closing quote"},
		{name: "control character", src: "[\"a\x01\"]", want: "1:4: control character U+0001 inside a string; write it as an escape"},
		{name: "invalid UTF-8", src: "[\"é\xff\"]", want: "1:4: invalid UTF-8: byte 0xff"},
		{name: "bad escape", src: `["\x"]`, want: `1:3: invalid escape "\'x'" in a string`},
		{name: "columns in runes", src: "{\"é€😀\": [1,}", want: `1:12: '}' where a value should start`},
		{name: "number out of range", src: `[1e400]`, want: "1:2: number 1e400 is out of range"},
		{name: "missing colon", src: `{"a" 1}`, want: `1:6: '1' after a key, where ":" should be`},
		{name: "missing comma", src: `[1 2]`, want: `1:4: '2' after a value in a list, where "," or "]" should be`},
		{name: "cut short", src: `{"a": [`, want: `1:8: the file ends where a value should start`},
		{name: "depth at the limit", src: strings.Repeat("[", 64) + strings.Repeat("]", 64)},
		{name: "over the depth limit", src: strings.Repeat("[", 100<<10), want: "1:65: nesting deeper than the limit of 64 levels"},
		{name: "entries at the limit", src: "[" + strings.Repeat("1,", 9) + "1]", lim: &Limits{MaxEntries: 10}},
		{name: "over the entries limit", src: "[" + strings.Repeat("1, ", 10) + "1]", lim: &Limits{MaxEntries: 10}, want: "1:32: a mapping or list with more than 10 entries"},
		{name: "keys over the entries limit", src: `{"a": 1, "b": 2, "c": 3}`, lim: &Limits{MaxEntries: 2}, want: "1:18: a mapping or list with more than 2 entries"},
		{name: "over MaxBytes", src: "{\"id\": \"x\",\n\"n\": 1}", lim: &Limits{MaxBytes: 14}, want: "2:3: the file is 19 bytes, over the limit of 14"},
		{name: "limits off", src: strings.Repeat("[", 2000), lim: &Limits{MaxDepth: -1}, want: "1:1001: nesting too deep"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lim := DefaultLimits
			if tc.lim != nil {
				lim = *tc.lim
			}
			f, err := ParseWithLimits("p.json", []byte(tc.src), lim)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Fatalf("Parse:\n got %q\nwant %q", got, tc.want)
			}
			if err != nil {
				return
			}
			var want any
			if err := json.Unmarshal([]byte(tc.src), &want); err != nil {
				t.Fatalf("encoding/json refuses what Parse takes: %v", err)
			}
			if msg := checkJSONTree(f, want); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func bigObject(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"k%d": %d`, i, i)
	}
	return b.String()
}

// TestParseJSONPositions checks the line, column and offset of nodes on
// several lines, after multibyte text.
func TestParseJSONPositions(t *testing.T) {
	src := "{\n  \"título\": \"é😀\",\n  \"n\": [1, {\"k\": null}],\n\t\"b\": true\n}\n"
	f, err := Parse("p.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ptr       string
		key       bool
		line, col int
		end       int // column of the end; 0 for collections
	}{
		{ptr: "", line: 1, col: 1},
		{ptr: "/título", key: true, line: 2, col: 3, end: 11},
		{ptr: "/título", line: 2, col: 13, end: 17},
		{ptr: "/n", line: 3, col: 8},
		{ptr: "/n/0", line: 3, col: 9, end: 10},
		{ptr: "/n/1", line: 3, col: 12},
		{ptr: "/n/1/k", line: 3, col: 18, end: 22},
		{ptr: "/b", key: true, line: 4, col: 2, end: 5},
		{ptr: "/b", line: 4, col: 7, end: 11},
	} {
		n := f.Root.Lookup(tc.ptr)
		if tc.key {
			n = f.Root.LookupKey(tc.ptr)
		}
		if n == nil {
			t.Fatalf("%s: no node", tc.ptr)
		}
		if n.Pos.Line != tc.line || n.Pos.Column != tc.col || f.PosAt(n.Pos.Offset) != n.Pos {
			t.Errorf("%s (key %v): at %+v, want %d:%d", tc.ptr, tc.key, n.Pos, tc.line, tc.col)
		}
		if tc.end != 0 && (n.End.Line != tc.line || n.End.Column != tc.end || f.PosAt(n.End.Offset) != n.End) {
			t.Errorf("%s (key %v): ends at %+v, want %d:%d", tc.ptr, tc.key, n.End, tc.line, tc.end)
		}
	}
}

// TestParseByName checks that the name decides: a .json name reads JSON
// (here refusing a trailing comma that YAML takes), any other name YAML.
func TestParseByName(t *testing.T) {
	src := []byte(`{"id": "x",}`)
	for _, name := range []string{"p.json", "dir/P.JSON"} {
		if _, err := Parse(name, src); err == nil {
			t.Errorf("Parse(%q) takes a trailing comma", name)
		}
	}
	for _, name := range []string{"p.yaml", "<stdin>", "p.json.yaml"} {
		if _, err := Parse(name, src); err != nil {
			t.Errorf("Parse(%q): %v", name, err)
		}
	}
}

// TestParseJSONExamples reads every example profile converted to JSON and
// checks that it gives the tree's value of the YAML file.
func TestParseJSONExamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if len(files) == 0 {
		t.Skip("no examples")
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		y, err := Parse(name, src)
		if err != nil {
			continue // examples of findings may not parse
		}
		data, err := json.MarshalIndent(y.Root.Interface(), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		j, err := Parse(strings.TrimSuffix(name, ".yaml")+".json", data)
		if err != nil {
			t.Fatalf("%s as JSON: %v", name, err)
		}
		if !reflect.DeepEqual(j.Root.Interface(), y.Root.Interface()) {
			t.Errorf("%s: the JSON tree differs from the YAML one", name)
		}
	}
}

// TestParseJSONLong parses a single-line JSON profile of about 500 KB:
// positions on one long line must not cost a pass over the line each
// (BenchmarkParseJSONLine has the figure).
func TestParseJSONLong(t *testing.T) {
	src := longJSON(500 << 10)
	f, err := Parse("p.json", src)
	if err != nil {
		t.Fatal(err)
	}
	items := f.Root.Get("responsibilities").Items
	last := items[len(items)-1]
	if want := f.PosAt(last.Pos.Offset); last.Pos != want || last.Pos.Line != 1 {
		t.Errorf("last item at %+v, want %+v", last.Pos, want)
	}
}

// longJSON returns a one-line profile of at least size bytes, with
// multibyte text so that columns and offsets differ.
func longJSON(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"id": "X.Y.P1", "title": "Ingénieur", "responsibilities": [`)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"text": "Conçoit et livre la tâche n° %d, \"seul\", avec l’équipe et ses pairs, en mesurant ce qu’elle apporte", "n": %d}`, i, i)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// BenchmarkParseJSONLine parses a 1 MB single-line JSON profile, next to
// encoding/json decoding it into any (with no positions) for scale.
func BenchmarkParseJSONLine(b *testing.B) {
	src := longJSON(1<<20 - 1<<10) // just under the default MaxBytes
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse("p.json", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			var v any
			if err := json.Unmarshal(src, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzParseJSON holds the JSON reader to encoding/json: the same verdict
// and the same value, but for what the reader refuses on purpose (invalid
// UTF-8, which encoding/json replaces, and the limits), and positions that
// name their bytes.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"id": "x", "n": [1, 2.5, -0, 1e3, true, false, null]}`,
		`{"a": "\u00e9\ud83d\ude00\ud800x"}`,
		`{"a": 1,}`, `[NaN]`, `{a: 1}`, `{"a": 1, "a": 2}`, `["\x"]`, `[01]`,
		"{\"é\":\n\t[1e400]}", `"`, `[1 2]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: -1, MaxDepth: 500, MaxEntries: -1}
		pf, err := ParseWithLimits("p.json", data, lim)
		var want any
		werr := json.Unmarshal(data, &want)
		if len(data) >= 3 && string(data[:3]) == "\xef\xbb\xbf" {
			werr = json.Unmarshal(data[3:], &want) // Parse strips a byte-order mark
		}
		switch {
		case err != nil && werr == nil:
			if utf8.Valid(data) && !strings.Contains(err.Error(), "nesting") && !strings.Contains(err.Error(), "already defined") {
				t.Fatalf("Parse refuses what encoding/json takes: %v", err)
			}
		case err == nil && werr != nil:
			t.Fatalf("Parse takes what encoding/json refuses (%v)", werr)
		case err == nil:
			if msg := checkJSONTree(pf, want); msg != "" {
				t.Fatal(msg)
			}
		}
	})
}

// checkJSONTree compares the tree with want, as encoding/json decodes it,
// and checks that every node is placed at its first byte.
func checkJSONTree(f *File, want any) string {
	var msgs []string
	var walk func(ptr string, n *Node, want any)
	walk = func(ptr string, n *Node, want any) {
		if n.Pos != f.PosAt(n.Pos.Offset) {
			msgs = append(msgs, fmt.Sprintf("%s: position %+v, offset at %+v", ptr, n.Pos, f.PosAt(n.Pos.Offset)))
		}
		c := f.Src[n.Pos.Offset]
		switch w := want.(type) {
		case map[string]any:
			if n.Kind != Map || len(n.Fields) != len(w) || c != '{' {
				msgs = append(msgs, fmt.Sprintf("%s: %s at %q, want an object of %d", ptr, n.Kind, c, len(w)))
				return
			}
			for _, fl := range n.Fields {
				if f.Src[fl.Key.Pos.Offset] != '"' || fl.Key.Pos != f.PosAt(fl.Key.Pos.Offset) {
					msgs = append(msgs, fmt.Sprintf("%s: key %q at %+v", ptr, fl.Key.Value, fl.Key.Pos))
				}
				wv, ok := w[fl.Key.Value]
				if !ok {
					msgs = append(msgs, fmt.Sprintf("%s: key %q not in encoding/json's value", ptr, fl.Key.Value))
					continue
				}
				walk(ptr+"/"+fl.Key.Value, fl.Value, wv)
			}
		case []any:
			if n.Kind != Seq || len(n.Items) != len(w) || c != '[' {
				msgs = append(msgs, fmt.Sprintf("%s: %s at %q, want a list of %d", ptr, n.Kind, c, len(w)))
				return
			}
			for i, it := range n.Items {
				walk(fmt.Sprintf("%s/%d", ptr, i), it, w[i])
			}
		case float64:
			if got, ok := n.Number(); !ok || got != w {
				msgs = append(msgs, fmt.Sprintf("%s: %s %q, want %v", ptr, n.Kind, n.Value, w))
			}
		default:
			if got := n.Interface(); got != want {
				msgs = append(msgs, fmt.Sprintf("%s: %#v, want %#v", ptr, got, want))
			}
		}
	}
	walk("", f.Root, want)
	return strings.Join(msgs, "\n")
}
