//go:build unix

package config

import "syscall"

// nonBlocking makes opening a FIFO return at once instead of waiting for
// a writer; it changes nothing for a regular file.
const nonBlocking = syscall.O_NONBLOCK
