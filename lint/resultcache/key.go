package resultcache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/profilelint/profilelint/lint"
)

// Key is the text that names a configuration's results: everything
// besides the files that can change what a run finds. The build (the
// running binary, so a rebuilt profilelint never reads what an older one
// wrote), the rules in order, severities, options, ladders and their
// bands, overrides and limits; and today's date when a rule that is on
// depends on it. Jobs, progress and time budgets change no result that is
// kept: a rule or parse that runs late is an internal error, never cached.
func Key(cfg *lint.Config, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "build %s\n", buildHash())
	for _, r := range cfg.Rules {
		fmt.Fprintf(&b, "rule %s %d %d\n", r.ID, r.Scope, r.Severity)
	}
	writeSettings(&b, "", cfg.Severity, cfg.Options)
	for _, track := range slices.Sorted(maps.Keys(cfg.Ladders)) {
		fmt.Fprintf(&b, "ladder %q %q\n", track, []string(cfg.Ladders[track]))
	}
	for _, track := range slices.Sorted(maps.Keys(cfg.Bands)) {
		fmt.Fprintf(&b, "bands %q %q\n", track, [][]string(cfg.Bands[track]))
	}
	for i, o := range cfg.Overrides {
		fmt.Fprintf(&b, "override %d %q\n", i, o.Patterns)
		writeSettings(&b, fmt.Sprintf("override %d ", i), o.Severity, o.Options)
	}
	fmt.Fprintf(&b, "limits %d %d %d\n", cfg.Limits.MaxBytes, cfg.Limits.MaxDepth, cfg.Limits.MaxEntries)
	if dependsOnDate(cfg) {
		// The date as the rules read it: local time.
		fmt.Fprintf(&b, "date %s\n", now.Format(time.DateOnly))
	}
	return b.String()
}

// writeSettings writes severities and options in a fixed order. Option
// values are what the configuration decoded (numbers, text, lists), which
// %#v spells whole.
func writeSettings(b *strings.Builder, prefix string, sev map[string]lint.Severity, opts map[string]map[string]any) {
	for _, id := range slices.Sorted(maps.Keys(sev)) {
		fmt.Fprintf(b, "%sseverity %s %d\n", prefix, id, sev[id])
	}
	for _, id := range slices.Sorted(maps.Keys(opts)) {
		for _, name := range slices.Sorted(maps.Keys(opts[id])) {
			fmt.Fprintf(b, "%soption %s %s %#v\n", prefix, id, name, opts[id][name])
		}
	}
}

// dependsOnDate reports whether a rule whose findings depend on the date
// is on for some file.
func dependsOnDate(cfg *lint.Config) bool {
	for _, r := range cfg.Rules {
		if !r.DependsOnDate {
			continue
		}
		sev, ok := cfg.Severity[r.ID]
		if !ok {
			sev = r.Severity
		}
		if sev != lint.Off {
			return true
		}
		for _, o := range cfg.Overrides {
			if s, ok := o.Severity[r.ID]; ok && s != lint.Off {
				return true
			}
		}
	}
	return false
}

var (
	buildHashOnce sync.Once
	buildHashSum  string
)

// buildHash identifies the running binary by its content.
func buildHash() string {
	buildHashOnce.Do(func() {
		buildHashSum = "unknown"
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			buildHashSum = hex.EncodeToString(h.Sum(nil))
		}
	})
	return buildHashSum
}
