//go:build !unix

package config

// nonBlocking is unix's O_NONBLOCK, which other systems do not need: they
// have no FIFOs in the file system that an open would wait on.
const nonBlocking = 0
