package profiles

// ParseVia is parseVia for the tests of package profiles_test, which can
// use the corpus generator: it returns whether the direct path read the
// file.
func ParseVia(path string, src []byte, fast, direct bool) (*File, bool, error) {
	f, err := parseVia(path, src, DefaultLimits, fast, direct)
	return f, f.direct, err
}

// DumpTree is dumpTree, for the tests of package profiles_test.
var DumpTree = dumpTree
