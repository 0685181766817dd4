package text

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// item is what the index test carries for each text.
type item struct {
	key, file string
	i         int
}

// The prefix-filtered index finds exactly what comparing every pair finds.
func TestNearIndexMatchesAllPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	found := 0
	defer func() {
		if found < 100 {
			t.Errorf("only %d near copies in all rounds: the test proves little", found)
		}
	}()
	for round := range 200 {
		threshold := []float64{0.5, 0.7, 0.8, 0.9, 0.95}[round%5]
		x := NearIndex[item]{Threshold: threshold}
		var texts [][]uint32
		for i := range 2 + rng.IntN(40) {
			var words []uint32
			if len(texts) > 0 && rng.IntN(3) > 0 {
				// A variant of an earlier text: words changed, dropped, added.
				words = append(words, texts[rng.IntN(len(texts))]...)
				for range rng.IntN(4) {
					switch j := rng.IntN(len(words) + 1); {
					case j == len(words):
						words = append(words, uint32(rng.IntN(12)))
					case rng.IntN(2) == 0:
						words[j] = uint32(rng.IntN(12))
					default:
						words = append(words[:j], words[j+1:]...)
					}
				}
			} else {
				for range 1 + rng.IntN(25) {
					words = append(words, uint32(rng.IntN(12))) // few words: many repeats
				}
			}
			if len(words) == 0 {
				words = []uint32{1}
			}
			texts = append(texts, words)
			it := item{file: fmt.Sprintf("f%d.yaml", rng.IntN(8)), key: fmt.Sprint(rng.IntN(10)), i: i}
			x.Add(it, uint64(i), it.key, it.file, words) // all different texts
		}
		got := x.Matches()
		var want []NearMatch[item]
		for i, e := range x.entries {
			best, bestSim := -1, 0.0
			for j, o := range x.entries[:i] {
				if o.item.key == e.item.key || o.item.file == e.item.file {
					continue
				}
				if s := lcsSimilarity(o.words, e.words); s > threshold && s > bestSim {
					best, bestSim = j, s
				}
			}
			if best >= 0 {
				want = append(want, NearMatch[item]{This: e.item, Other: x.entries[best].item, Similarity: bestSim})
			}
		}
		found += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (t=%v): index found\n%v\nall pairs found\n%v", round, threshold, got, want)
		}
	}
}
