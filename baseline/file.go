package baseline

import (
	"fmt"

	"github.com/profilelint/profilelint/internal/safefile"
	"github.com/profilelint/profilelint/lint"
)

// WriteFile writes a baseline of a result's findings to path, which a
// team commits: mode 0644 less the umask, like any file its editor
// writes. The file is written whole to a temporary file in the same
// folder and renamed over path, so that a reader never sees half of it.
//
// A path that is a symbolic link is refused. Writing through it would put
// the baseline wherever the link points, which in a cloned repository its
// author chose; replacing the link would silently turn a file the
// repository tracks as a link into a regular one. Neither is what
// "profilelint baseline" was asked for, so the user says where instead.
func WriteFile(path string, res *lint.Result) error {
	f, err := safefile.Create(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := Write(f, res); err != nil {
		f.Abort()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Commit()
}
