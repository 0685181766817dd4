//go:build !unix

package fix

import "io/fs"

// keepOwner does nothing where files have no unix owner.
func keepOwner(string, fs.FileInfo) {}
