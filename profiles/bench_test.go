package profiles

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/goccy/go-yaml/parser"
)

// BenchmarkParse measures the loader on the clean example: goccy/go-yaml's
// parse alone, then Parse (guard, parse and conversion to Node trees).
//
//	go test -run '^$' -bench BenchmarkParse -benchmem ./profiles
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P4.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("goccy", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := parser.ParseBytes(data, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("guard", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := Guard(data, DefaultLimits); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Parse("p.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLongLine parses profiles written on one line, as JSON often
// is: the time per byte must not grow with the line's length, neither
// goccy/go-yaml's alone nor Parse's.
//
//	go test -run '^$' -bench BenchmarkLongLine -benchmem ./profiles
func BenchmarkLongLine(b *testing.B) {
	for _, size := range []int{100 << 10, 500 << 10, 1000 << 10} {
		data := oneLine(size)
		b.Run(fmt.Sprintf("goccy/%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := parser.ParseBytes(data, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Parse/%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("p.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// oneLine returns a profile of about size bytes as JSON on a single line,
// with non-ASCII text so that columns and byte offsets differ.
func oneLine(size int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"schema": "profile/v1", "id": "INFRAS.INFRASTR5562.P4", "title": "Infrastructure — P4", "responsibilities": [`)
	for i := 0; buf.Len() < size; i++ {
		if i > 0 {
			buf.WriteString(", ")
		}
		fmt.Fprintf(&buf, `{"level": "P%d", "items": [`, i%8+1)
		for j := range 20 {
			if j > 0 {
				buf.WriteString(", ")
			}
			fmt.Fprintf(&buf, `"Designs the platform’s “landing zones” for team %d, item %d"`, i, j)
		}
		buf.WriteString("]}")
	}
	buf.WriteString("]}\n")
	return buf.Bytes()
}
