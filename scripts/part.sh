#!/usr/bin/env bash
# Times profilelint on part of a generated corpus, as docs/performance.md
# reports: every 10th, 5th and 2nd file of it copied to a folder of their
# own and linted cold, so that most adjacent roles name files not linted
# (the case of linting one folder of a large repository). Corpus-wide
# rules must stay linear: every 2nd file may cost at most 5.5 times every
# 10th. For each size given (default 10000) and each style in STYLES
# (default "quoted folded").
#
#   bash scripts/part.sh 10000 50000
#
# Needs GNU time (/usr/bin/time). Writes under ${BENCH_DIR:-/tmp/profilelint-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/profilelint-bench}
mkdir -p "$dir"
go build -o "$dir/profilelint" ./cmd/profilelint

[ $# -gt 0 ] || set -- 10000
printf 'run\tfiles\twall_s\tuser_s\tsys_s\tpeak_KiB\n'
for n in "$@"; do
  for style in ${STYLES:-quoted folded}; do
    corpus="$dir/corpus-$style-$n"
    [ -d "$corpus" ] || go run ./cmd/profilegen -n "$n" -style "$style" -o "$corpus"
    for k in 10 5 2; do
      part="$dir/part-$style-$n-$k"
      if [ ! -d "$part" ]; then
        mkdir -p "$part"
        ls "$corpus" | awk -v k="$k" 'NR % k == 0' | while read -r f; do cp "$corpus/$f" "$part/"; done
      fi
      /usr/bin/time -f "$n $style every ${k}th	$(ls "$part" | wc -l)	%e	%U	%S	%M" \
        "$dir/profilelint" lint -q --no-cache "$part" > /dev/null 2> "$dir/time.txt" || true
      tail -n 1 "$dir/time.txt"
    done
  done
done
