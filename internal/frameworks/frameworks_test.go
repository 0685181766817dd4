package frameworks

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

var judge = flag.Bool("judge", false, "append unjudged findings to judged.tsv with verdict ? for a person to fill")

// configFloor is the precision of the config mode measured when the
// judgments were made; it only goes up.
const configFloor = 0.991

const (
	root   = "../../testdata/frameworks"
	judged = root + "/judged.tsv"
)

// A key names a distinct finding: the verdict is kept on what the finding is
// about, not on its wording, so a reworded message keeps its verdict.
type key struct{ mode, rule, file, pointer string }

type verdict struct {
	key
	verdict, message, reason string
}

func TestFrameworks(t *testing.T) {
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	rows, order, err := readJudged(judged)
	if err != nil {
		t.Fatal(err)
	}

	found := map[key]string{} // distinct findings, with their first message
	more := map[key]int{}
	ran := map[string]bool{} // "mode framework" pairs that were linted
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		fw := e.Name()
		dir := filepath.Join(root, fw)
		for _, mode := range []string{"config", "none"} {
			cfg, err := load(dir, mode)
			if err != nil {
				// A configuration the build refuses is said, not failed:
				// the frameworks' configurations are what a team would
				// write, some ahead of what profilelint accepts.
				t.Logf("%s: %s mode not run: the build refuses its configuration: %v", fw, mode, err)
				continue
			}
			ran[mode+" "+fw] = true
			for _, f := range lintDir(t, cfg, dir) {
				k := key{mode, f.Rule, fw + "/" + filepath.Base(f.File), f.Pointer}
				if _, ok := found[k]; ok {
					more[k]++
					continue
				}
				found[k] = f.Message
			}
		}
	}

	var unjudged []verdict
	for k, msg := range found {
		if v, ok := rows[k]; !ok || v.verdict == "?" {
			if !ok {
				if n := more[k]; n > 0 {
					msg += fmt.Sprintf(" (and %d more at this node)", n)
				}
				unjudged = append(unjudged, verdict{key: k, verdict: "?", message: msg})
			} else {
				t.Errorf("not yet judged: %s", line(v))
			}
		}
	}
	sort.Slice(unjudged, func(i, j int) bool { return less(unjudged[i].key, unjudged[j].key) })
	if len(unjudged) > 0 {
		if *judge {
			if err := appendJudged(judged, unjudged); err != nil {
				t.Fatal(err)
			}
			t.Logf("appended %d unjudged findings to %s with verdict ?", len(unjudged), judged)
		} else {
			var b strings.Builder
			for _, v := range unjudged {
				b.WriteString(line(v) + "\n")
			}
			t.Errorf("%d findings have no verdict; judge them in %s (go test -run TestFrameworks ./internal/frameworks -judge appends them):\n%s", len(unjudged), judged, b.String())
		}
	}

	for _, k := range order {
		v := rows[k]
		if !ran[k.mode+" "+strings.SplitN(k.file, "/", 2)[0]] {
			continue
		}
		if _, ok := found[k]; !ok && v.verdict == "right" {
			t.Errorf("a right finding is no longer found (recall); mark it right-gone-ok with a reason if that is intended:\n%s", line(v))
		}
	}

	for _, mode := range []string{"config", "none"} {
		p := precision(t, mode, found, rows)
		if mode == "config" && p < configFloor {
			t.Errorf("config mode precision %.1f %% is below the floor %.1f %%", 100*p, 100*configFloor)
		}
	}
}

// load is the configuration of a mode: the framework's .profilelint.yaml,
// or none at all, as --no-config gives.
func load(dir, mode string) (*config.Config, error) {
	if mode == "none" {
		return config.Default(rules.All()), nil
	}
	conf, err := config.LoadNamed(filepath.Join(dir, ".profilelint.yaml"), rules.All())
	var errs config.Errors
	if errors.As(err, &errs) {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return nil, errors.New(strings.Join(msgs, "; "))
	}
	return conf, err
}

func lintDir(t *testing.T, conf *config.Config, dir string) []lint.Finding {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.*.*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var sources []lint.Source
	for _, f := range files {
		if ext := filepath.Ext(f); ext == ".yaml" || ext == ".json" {
			sources = append(sources, lint.FileSource(f))
		}
	}
	if len(sources) == 0 {
		t.Fatalf("%s: no profiles", dir)
	}
	res := lint.Run(conf.Lint(), sources)
	for _, err := range res.Errors {
		t.Errorf("%v", err)
	}
	var out []lint.Finding
	for _, f := range res.Findings {
		if f.Suppressed == nil && (f.Severity == lint.Error || f.Severity == lint.Warning) {
			out = append(out, f)
		}
	}
	return out
}

// precision logs, per rule and overall, the share of a mode's distinct
// findings judged right, and returns the overall share.
func precision(t *testing.T, mode string, found map[key]string, rows map[key]verdict) float64 {
	type tally struct{ right, wrong int }
	by := map[string]*tally{}
	var all tally
	for k := range found {
		if k.mode != mode {
			continue
		}
		v, ok := rows[k]
		if !ok || (v.verdict != "right" && v.verdict != "false") {
			continue
		}
		if by[k.rule] == nil {
			by[k.rule] = &tally{}
		}
		if v.verdict == "right" {
			by[k.rule].right++
			all.right++
		} else {
			by[k.rule].wrong++
			all.wrong++
		}
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	share := func(c tally) float64 {
		if c.right+c.wrong == 0 {
			return 1
		}
		return float64(c.right) / float64(c.right+c.wrong)
	}
	for _, id := range ids {
		c := *by[id]
		t.Logf("%s mode: %-22s %5.1f %% right (%d right, %d false)", mode, id, 100*share(c), c.right, c.wrong)
	}
	t.Logf("%s mode: %-22s %5.1f %% right (%d right, %d false)", mode, "overall", 100*share(all), all.right, all.wrong)
	return share(all)
}

func less(a, b key) bool {
	if a.mode != b.mode {
		return a.mode < b.mode
	}
	if a.file != b.file {
		return a.file < b.file
	}
	if a.rule != b.rule {
		return a.rule < b.rule
	}
	return a.pointer < b.pointer
}

const header = "mode\trule\tfile\tpointer\tverdict\tmessage\treason"

func readJudged(path string) (map[key]verdict, []key, error) {
	rows := map[key]verdict{}
	var order []key
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return rows, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if n == 1 {
			if l != header {
				return nil, nil, fmt.Errorf("%s:1: the header is not %q", path, header)
			}
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			return nil, nil, fmt.Errorf("%s:%d: %d columns, want 7", path, n, len(c))
		}
		v := verdict{key{c[0], c[1], c[2], c[3]}, c[4], c[5], c[6]}
		switch v.verdict {
		case "right", "false", "right-gone-ok", "?":
		default:
			return nil, nil, fmt.Errorf("%s:%d: verdict %q, want right, false, right-gone-ok or ?", path, n, v.verdict)
		}
		if v.verdict == "right-gone-ok" && v.reason == "" {
			return nil, nil, fmt.Errorf("%s:%d: right-gone-ok needs a reason", path, n)
		}
		if _, dup := rows[v.key]; dup {
			return nil, nil, fmt.Errorf("%s:%d: %s %s %s %s judged twice", path, n, v.mode, v.rule, v.file, v.pointer)
		}
		rows[v.key] = v
		order = append(order, v.key)
	}
	return rows, order, sc.Err()
}

func appendJudged(path string, vs []verdict) error {
	_, err := os.Stat(path)
	fresh := errors.Is(err, os.ErrNotExist)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if fresh {
		w.WriteString(header + "\n")
	}
	for _, v := range vs {
		w.WriteString(line(v) + "\n")
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func line(v verdict) string {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace
	return strings.Join([]string{v.mode, v.rule, v.file, v.pointer, v.verdict, clean(v.message), clean(v.reason)}, "\t")
}
