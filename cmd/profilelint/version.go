package main

import (
	"runtime/debug"
	"strings"
)

// version names this build, in `version`, `--version`, the JSON report's
// tool.version and SARIF's driver.version. It may be set at build time
// with -ldflags "-X main.version=v1.2.3"; otherwise it comes from what the
// Go toolchain recorded in the binary (buildVersion).
var version = ""

func init() {
	bi, ok := debug.ReadBuildInfo()
	version = buildVersion(version, bi, ok)
}

// buildVersion is the version of a build: the one set with -ldflags; else
// the module's version, which "go install …@v0.2.0" records as v0.2.0 and
// "go build" in a clone as a pseudo-version with the commit (and
// "+dirty" for uncommitted changes); else, where the toolchain recorded
// only the commit, "devel" with it; else "dev".
func buildVersion(set string, bi *debug.BuildInfo, ok bool) string {
	if set != "" {
		return set
	}
	if !ok || bi == nil {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	v := "devel-" + rev[:min(12, len(rev))]
	if modified {
		v += "+dirty" // as the toolchain writes it in pseudo-versions
	}
	return strings.TrimSpace(v)
}
