#!/usr/bin/env bash
# Times the pre-commit hook's command (lint --new-from-rev HEAD) in a
# generated git repository of N profiles with one file changed and
# staged, beside a plain warm lint of the same tree, as
# docs/performance.md reports. For each size given (default 1000 10000):
#
#   bash scripts/bench-git.sh 1000 10000 50000
#
# The cache is first warmed as an author's earlier runs would have: the
# tree as committed, then the edited tree. Each timed command runs
# ${RUNS:-3} times; wall, user and system seconds
# (git included: GNU time counts the children) and peak memory are
# printed. On a loaded machine compare CPU seconds: wall time is then
# mostly waiting for a core. Writes under
# ${BENCH_DIR:-/tmp/profilelint-bench-git}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/profilelint-bench-git}
runs=${RUNS:-3}
mkdir -p "$dir"
go build -o "$dir/profilelint" ./cmd/profilelint
pl="$dir/profilelint"
export XDG_CACHE_HOME="$dir/cache"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

measure() { # label, command... (in the repository)
  local label=$1; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "$label	%e	%U	%S	%M" "$@" > /dev/null 2> "$dir/time.txt" || true
    tail -n 1 "$dir/time.txt"
  done
}

[ $# -gt 0 ] || set -- 1000 10000
printf 'run\twall_s\tuser_s\tsys_s\tpeak_KiB\n'
for n in "$@"; do
  repo="$dir/repo-$n"
  rm -rf "$repo" "$XDG_CACHE_HOME"
  go run ./cmd/profilegen -n "$n" -o "$repo" > /dev/null
  (
    cd "$repo"
    git init -q && git add . && git commit -q -m corpus
    "$pl" lint -q . > /dev/null || true
    victim=$(git ls-files '*.yaml' | sed -n 2p)
    printf '\n# edited\n' >> "$victim"
    git add "$victim"
    sleep 2.1 # past the cache's two-second window, as an author's edit is
    "$pl" lint -q . > /dev/null || true
    measure "$n plain warm lint -q ." "$pl" lint -q .
    measure "$n hook: lint -q --new-from-rev HEAD ." "$pl" lint -q --new-from-rev HEAD .
  )
done
