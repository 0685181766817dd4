#!/usr/bin/env bash
# Runs the peers of issue 7 on a generated corpus, as docs/performance.md
# reports them: wall time, CPU time, peak memory (GNU time) and how many
# files each found invalid.
#
#   bash scripts/peers.sh 10000
#   STYLES="quoted folded" PEERS=ajv bash scripts/peers.sh 10000
#
# STYLES names the styles of corpus to run on (default quoted; see
# cmd/profilegen -style), one after another in the same run. PEERS limits
# the peers run beside profilelint (default "ajv kubeconform python
# yamllint spectral").
#
# Peers are used where they are found; the docs say how to install each:
#   ajv-cli 5 and Spectral 6   npm install ajv-cli @stoplight/spectral-cli
#                              (PEERS_NODE_MODULES names their node_modules)
#   kubeconform 0.7            go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0
#   python3 jsonschema, PyYAML apt-get install python3-jsonschema python3-yaml
#   yamllint                   apt-get install yamllint
#
# ajv-cli stops at the first malformed YAML file, so it gets the corpus without
# the files planted with a syntax error. kubeconform needs apiVersion and kind
# in every document, so it gets a copy with those two lines first and the
# schema widened to allow them. Writes under ${BENCH_DIR:-/tmp/profilelint-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${BENCH_DIR:-/tmp/profilelint-bench}
n=${1:-10000}
nm=${PEERS_NODE_MODULES:-$dir/peers/node_modules}
mkdir -p "$dir"
go build -o "$dir/profilelint" ./cmd/profilelint
schema="$root/schema/profile-v1.json"
peers=" ${PEERS:-ajv kubeconform python yamllint spectral} "

measure() { # label, output file, command...
  local label=$1 out=$2; shift 2
  /usr/bin/time -f "%e	%U	%M" "$@" > "$out" 2> "$out.err" || true
  printf '%s\t%s\n' "$label" "$(tail -n 1 "$out.err")"
}

# run_style runs the peers on the corpus of one style.
run_style() { # style
local style=$1
corpus="$dir/corpus-$style-$n"
[ -d "$corpus" ] || go run ./cmd/profilegen -n "$n" -style "$style" -o "$corpus"

# The corpus without its syntax-broken files, for ajv-cli.
clean="$dir/corpus-$style-$n-nosyntax"
if [ ! -d "$clean" ]; then
  mkdir -p "$clean"
  cp "$corpus"/*.yaml "$clean"/
  python3 - "$corpus.manifest.json" "$clean" <<'EOF'
import json, os, sys
for d in json.load(open(sys.argv[1])):
    if d["rule"] == "syntax":
        os.remove(os.path.join(sys.argv[2], d["file"]))
EOF
fi

# A copy with apiVersion and kind, and a schema that allows them, for kubeconform.
kube="$dir/corpus-$style-$n-kube"
if [[ $peers == *" kubeconform "* && ! -d "$kube" ]]; then
  mkdir -p "$kube"
  for f in "$corpus"/*.yaml; do
    { printf 'apiVersion: profilelint.dev/v1\nkind: Profile\n'; cat "$f"; } > "$kube/${f##*/}"
  done
fi
mkdir -p "$dir/kube-schemas"
python3 - "$schema" "$dir/kube-schemas/profile-v1.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
s["properties"]["apiVersion"] = {"type": "string"}
s["properties"]["kind"] = {"type": "string"}
json.dump(s, open(sys.argv[2], "w"))
EOF

# Spectral: the schema (inline: a $ref to the file went unresolved and
# Spectral then reported nothing) and one custom rule (summary not empty).
python3 - "$schema" "$dir/spectral.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
s.pop("$id", None)
rules = {
    "profile-schema": {"given": "$", "severity": "error", "then": {
        "function": "schema",
        "functionOptions": {"dialect": "draft2020-12", "schema": s}}},
    "summary-not-empty": {"given": "$.summary", "severity": "error",
                          "then": {"function": "truthy"}},
}
json.dump({"rules": rules}, open(sys.argv[2], "w"))
EOF

cat > "$dir/pyjsonschema.py" <<'EOF'
import json, os, sys
import yaml
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
v = Draft202012Validator(schema)
invalid = 0
for name in sorted(os.listdir(sys.argv[2])):
    path = os.path.join(sys.argv[2], name)
    try:
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as e:
        print(f"{path}: {e.__class__.__name__}")
        invalid += 1
        continue
    errs = list(v.iter_errors(doc))
    if errs:
        print(f"{path}: {errs[0].message[:120]}")
        invalid += 1
print(f"invalid {invalid}", file=sys.stderr)
EOF

measure "profilelint everything ($style $n)" "$dir/peer-pl.out" \
  "$dir/profilelint" lint --no-cache -f json "$corpus"
measure "profilelint --only syntax,schema ($style $n)" "$dir/peer-pl-schema.out" \
  "$dir/profilelint" lint --no-cache --only syntax,schema -f json "$corpus"
python3 - "$dir/peer-pl-schema.out" <<'EOF'
import json, sys
fs = json.load(open(sys.argv[1]))["findings"]
for rule in ("syntax", "schema"):
    print(f"  profilelint {rule}: {len({f['file'] for f in fs if f['rule'] == rule})} files")
EOF
measure "profilelint --only syntax,schema ($style $n, nosyntax)" "$dir/peer-pl-clean.out" \
  "$dir/profilelint" lint --no-cache --only syntax,schema -q "$clean"
if [[ $peers == *" ajv "* && -x "$nm/.bin/ajv" ]]; then
  measure "ajv-cli schema only ($style $n, nosyntax)" "$dir/peer-ajv.out" \
    "$nm/.bin/ajv" validate --spec=draft2020 --strict=false -s "$schema" -d "$clean/*.yaml"
  echo "  ajv-cli invalid: $(grep -c ' invalid$' "$dir/peer-ajv.out.err" || true)"
fi
if [[ $peers == *" kubeconform "* ]] && command -v kubeconform > /dev/null; then
  measure "kubeconform schema only (apiVersion/kind added)" "$dir/peer-kube.out" \
    kubeconform -n 2 -summary -schema-location "$dir/kube-schemas/profile-v1.json" "$kube"
  echo "  kubeconform: $(tail -n 1 "$dir/peer-kube.out")"
fi
if [[ $peers == *" python "* ]] && python3 -c 'import yaml, jsonschema' 2> /dev/null; then
  measure "python jsonschema + libyaml" "$dir/peer-py.out" \
    python3 "$dir/pyjsonschema.py" "$schema" "$corpus"
  echo "  python: $(grep invalid "$dir/peer-py.out.err")"
fi
if [[ $peers == *" yamllint "* ]] && command -v yamllint > /dev/null; then
  measure "yamllint (default config)" "$dir/peer-yamllint.out" \
    yamllint -f parsable "$corpus"
  echo "  yamllint: $(cut -d: -f1 "$dir/peer-yamllint.out" | sort -u | wc -l) files with a finding"
fi
if [[ $peers == *" spectral "* && -x "$nm/.bin/spectral" ]]; then
  measure "Spectral schema + 1 rule" "$dir/peer-spectral.out" \
    "$nm/.bin/spectral" lint -q -f text -r "$dir/spectral.json" "$corpus/*.yaml"
  echo "  spectral: $(cut -d: -f1 "$dir/peer-spectral.out" | sort -u | grep -c . || true) files with a finding"
fi
}

printf 'tool\twall_s\tuser_s\tpeak_KiB\n'
for style in ${STYLES:-quoted}; do
  run_style "$style"
done
