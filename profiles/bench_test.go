package profiles

import (
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
