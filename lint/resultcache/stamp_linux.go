package resultcache

import (
	"io/fs"
	"strconv"
	"syscall"
	"time"
)

// sysStamp adds what only the system knows of a file: its device and
// inode (a file replaced by another) and its change time, which no tool
// can set back the way it can set a modification time. It returns the
// change time too, which must be as old as the modification time for the
// stamp to be trusted.
func sysStamp(info fs.FileInfo) (string, time.Time) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", time.Time{}
	}
	b := strconv.AppendUint(nil, uint64(st.Dev), 10) //nolint:unconvert // uint32 on some architectures
	b = append(b, ' ')
	b = strconv.AppendUint(b, st.Ino, 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, st.Ctim.Nano(), 10)
	return string(b), time.Unix(st.Ctim.Unix())
}
