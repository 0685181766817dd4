package profiles

// SharedLists are the lists every profile of a focus carries whole: one
// entry per level of the ladder, the same in every sibling.
var SharedLists = [...]string{"responsibilities", "level_guidelines"}

// Family is what a profile shares with its siblings, the profiles of one
// focus on one track: they carry the same SharedLists, so that a defect
// there is in every sibling's file, and is one defect.
type Family struct {
	// Key names the family: function code, focus code and track; "" when
	// a code is missing, and then the profile has no siblings.
	Key string
	// Level is the profile's own level, level.code.
	Level string
	// Rows holds, for each of SharedLists, the level of each entry in
	// file order ("" for an entry that names none).
	Rows [len(SharedLists)][]string
}

// FamilyOf reads a profile's family from its tree.
func FamilyOf(root *Node) Family {
	var f Family
	fn, focus := root.Lookup("/function/code").Text(), root.Lookup("/focus/code").Text()
	if fn != "" && focus != "" {
		f.Key = fn + "." + focus + " " + root.Get("track").Text()
	}
	f.Level = root.Lookup("/level/code").Text()
	for i, name := range SharedLists {
		seq := root.Get(name)
		if seq == nil || seq.Kind != Seq {
			continue
		}
		f.Rows[i] = make([]string, len(seq.Items))
		for j, it := range seq.Items {
			f.Rows[i][j] = it.Get("level").Text()
		}
	}
	return f
}
