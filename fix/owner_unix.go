//go:build unix

package fix

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives path the owner and group of the file info describes.
// Only a privileged writer can give a file away: for anyone else the
// copy stays theirs, as any editor's would.
func keepOwner(path string, info fs.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		_ = os.Chown(path, int(st.Uid), int(st.Gid))
	}
}
