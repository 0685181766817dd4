#!/usr/bin/env bash
# Times profilelint on generated corpora, as docs/performance.md reports:
# cold (no cache), warm (nothing changed), one file changed, with wall time,
# CPU time and peak memory, for each corpus size given (default 1000 10000)
# and each style of writing in STYLES (default "quoted folded"; see
# cmd/profilegen -style).
#
#   bash scripts/bench.sh 1000 10000 50000
#   STYLES=mixed bash scripts/bench.sh 10000
#
# Needs GNU time (/usr/bin/time). Writes its corpora and cache under
# ${BENCH_DIR:-/tmp/profilelint-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/profilelint-bench}
mkdir -p "$dir"
go build -o "$dir/profilelint" ./cmd/profilelint
export XDG_CACHE_HOME="$dir/cache"

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label	%e	%U	%S	%M" "$@" > /dev/null 2> "$dir/time.txt" || true
  tail -n 1 "$dir/time.txt"
}

[ $# -gt 0 ] || set -- 1000 10000
printf 'run\twall_s\tuser_s\tsys_s\tpeak_KiB\n'
for n in "$@"; do
  for style in ${STYLES:-quoted folded}; do
    corpus="$dir/corpus-$style-$n"
    [ -d "$corpus" ] || go run ./cmd/profilegen -n "$n" -style "$style" -o "$corpus"
    rm -rf "$XDG_CACHE_HOME"
    measure "$n $style cold (--no-cache)" "$dir/profilelint" lint -q --no-cache "$corpus"
    measure "$n $style first run (writes cache)" "$dir/profilelint" lint -q "$corpus"
    measure "$n $style warm (nothing changed)" "$dir/profilelint" lint -q "$corpus"
    victim=$(ls "$corpus" | sed -n 2p)
    printf '\n# edited\n' >> "$corpus/$victim"
    measure "$n $style one file changed" "$dir/profilelint" lint -q "$corpus"
  done
done
