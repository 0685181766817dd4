package main

import (
	"github.com/profilelint/profilelint/profdiff"
)

// tracked keeps, of the files a folder walk found, those git tracks or
// has staged: what a commit or a pull request holds. An untracked file
// (a scratch copy, an editor's backup) is linted only when named. Outside
// a repository the files are kept, and --new-from-rev says why it cannot
// be applied.
func tracked(files []string, named map[string]bool) []string {
	repo, err := profdiff.OpenRepo()
	if err != nil {
		return files
	}
	index, err := repo.Indexed()
	if err != nil {
		return files
	}
	kept := files[:0:0]
	for _, f := range files {
		if f == "-" || named[f] || index[repo.Abs(f)] {
			kept = append(kept, f)
		}
	}
	return kept
}
