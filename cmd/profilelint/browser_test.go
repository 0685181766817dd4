package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/profilelint/profilelint/internal/corpus"
)

// browser renders an HTML report in headless Chromium to a screenshot
// and a PDF, and fails on any console message: the report has no script,
// so a message can only be a Content-Security-Policy violation or a load
// the page should not have tried. Scripts check [exec:chromium] first.
//
//	browser PAGE.html SHOT.png DOC.pdf
func browser(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: browser PAGE.html SHOT.png DOC.pdf")
	}
	page, shot, pdf := ts.MkAbs(args[0]), ts.MkAbs(args[1]), ts.MkAbs(args[2])
	profile := ts.MkAbs(".chromium")
	for _, out := range []string{"--screenshot=" + shot, "--print-to-pdf=" + pdf} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		start := time.Now()
		cmd := exec.CommandContext(ctx, "chromium", "--headless", "--no-sandbox", "--disable-gpu",
			"--enable-logging=stderr", "--v=0", "--user-data-dir="+profile,
			"--window-size=1280,2000", "--no-first-run", "--no-pdf-header-footer", out, "file://"+page)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			ts.Fatalf("chromium %s: %v\n%s", out, err, stderr.String())
		}
		ts.Logf("chromium %s: %.2fs", out, time.Since(start).Seconds())
		for _, line := range strings.Split(stderr.String(), "\n") {
			if strings.Contains(line, ":CONSOLE") {
				ts.Fatalf("chromium logged a console message: %s", line)
			}
		}
	}
	for file, magic := range map[string]string{shot: "\x89PNG", pdf: "%PDF"} {
		data, err := os.ReadFile(file)
		ts.Check(err)
		if !bytes.HasPrefix(data, []byte(magic)) || len(data) < 1000 {
			ts.Fatalf("%s is not a %q file of some size (%d bytes)", file, magic, len(data))
		}
	}
}

// gencorpus writes a generated corpus of N profiles, with a share of
// planted defects, as profilegen does.
//
//	gencorpus N DIR
func gencorpus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gencorpus N DIR")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	ts.Check(corpus.Write(ts.MkAbs(args[1]), n, 1, 0.05, corpus.Quoted))
}
