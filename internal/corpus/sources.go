package corpus

import "github.com/profilelint/profilelint/lint"

// Sources turns generated files into lint sources read from memory.
func Sources(files []File) []lint.Source {
	out := make([]lint.Source, len(files))
	for i, f := range files {
		data := f.Data
		out[i] = lint.Source{Name: f.Name, Read: func() ([]byte, error) { return data, nil }}
	}
	return out
}

// Size is the number of bytes of files, for benchmarks' SetBytes.
func Size(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Data))
	}
	return n
}
