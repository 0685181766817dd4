package profiles

import "testing"

func TestBands(t *testing.T) {
	b := Bands{{"SR1", "SR2"}, {"ST1", "ST2", "ST3"}}
	for _, c := range []struct {
		x, y string
		same bool
	}{
		{"SR1", "SR2", true},
		{"ST3", "ST1", true},
		{"SR2", "ST1", false},
		{"IC1", "IC1", true},
		{"IC1", "IC2", false},
		{"IC1", "SR1", false},
	} {
		if got := b.Same(c.x, c.y); got != c.same {
			t.Errorf("Same(%s, %s) = %v, want %v", c.x, c.y, got, c.same)
		}
	}
	if got := Bands(nil).Band("P3"); got != "P3" {
		t.Errorf("nil Bands: Band(P3) = %q", got)
	}
}
