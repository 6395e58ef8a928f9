#!/usr/bin/env bash
# Times bangate against `opa eval` with the baseline policy a competent user
# writes (bench/policy/fast/gate.rego), on the same generated inputs, in the
# same run, interleaved A B A B ...; checks both find the planted hits first.
#
#   bench/run.sh                      # N = 1k, 10k, 100k; 5 timed runs each
#   SIZES="1000 10000" RUNS=3 bench/run.sh
#   FINDINGS=0 bench/run.sh           # timing only
#
# Needs: go, python3, GNU time (/usr/bin/time). opa is built from the version
# pinned in go.mod. Inputs and results go to WORK (default $TMPDIR/bangate-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/bangate-bench}
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000 100000"}
ASOF=${ASOF:-2026-11-27}
command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }

mkdir -p "$WORK/bin" "$WORK/out"
cd "$ROOT"
go build -o "$WORK/bin/bangate" ./cmd/bangate
go build -o "$WORK/bin/gen" ./bench/gen
go build -o "$WORK/bin/opa" github.com/open-policy-agent/opa
GEN=$WORK/bin/gen OPA=$WORK/bin/opa BG=$WORK/bin/bangate

[ -f "$WORK/lists/data/data.json" ] || "$GEN" lists -out "$WORK/lists" -sdn 18000 -alt 20000
for n in $SIZES; do
	[ -f "$WORK/sbom/sbom-$n.cdx.json" ] || "$GEN" sbom -out "$WORK/sbom" -n "$n"
done

# bangate screens against the generated list, imported into a snapshot store
# of its own through the OFAC legacy CSV loader, plus the built-in ban lists.
# The import indexes the lists and caches the index in the store, as
# "bangate data update" does; every check then reads that index. The last
# column times bangate with --index-cache=false, indexing on every run.
# The baseline policy bans every vendor it knows whatever the user's
# obligations, so bangate runs with the profile that applies every obligation.
# The timing is of checks, not downloads: no refresh from the network, and
# the embedded non-SDN list (older than lists.max-age) not aged.
export BANGATE_LISTS_DIR=$WORK/store BANGATE_LISTS_OFFLINE=true BANGATE_LISTS_MAX_AGE=0
rm -rf "$WORK/store"
"$BG" data import --id ofac-sdn --published "$ASOF" "$WORK/lists/sdn.csv" "$WORK/lists/alt.csv" >/dev/null
BG_ARGS=(check --as-of "$ASOF" --profile all)
opa_cmd() { echo "$OPA eval --fail-defined -d $ROOT/bench/policy/fast/gate.rego -d $WORK/lists/data/data.json -i $1 data.gate.deny[x]"; }
bg_cmd() { echo "$BG ${BG_ARGS[*]} -o json $1"; }
cold_cmd() { echo "$BG ${BG_ARGS[*]} --index-cache=false -o json $1"; }

echo "== findings"
for n in $([ "${FINDINGS:-1}" = 1 ] && echo $SIZES); do
	s=$WORK/sbom/sbom-$n.cdx.json e=$WORK/sbom/sbom-$n.expected.json
	$OPA eval -d "$ROOT/bench/policy/fast/gate.rego" -d "$WORK/lists/data/data.json" -i "$s" data.gate.deny >"$WORK/out/opa-$n.json"
	$BG "${BG_ARGS[@]}" -o json "$s" >"$WORK/out/bangate-$n.json" || true
	printf "N=%-7s opa:     " "$n"; python3 "$ROOT/bench/scripts/verify.py" "$e" "$WORK/out/opa-$n.json" || true
	printf 'N=%-7s bangate: ' "$n"; python3 "$ROOT/bench/scripts/verify.py" "$e" "$WORK/out/bangate-$n.json" --bangate || true
done

# one timed run: wall seconds, cpu seconds, peak RSS MiB
# (GNU time writes "Command exited with non-zero status N" first when the
# command fails, as a gate does on purpose: read its last line only.)
timed() { /usr/bin/time -f '%e %U %S %M' -o "$WORK/out/t" "$@" >/dev/null 2>&1 || true; tail -n 1 "$WORK/out/t" | awk '{printf "%s %.2f %.0f\n", $1, $2+$3, $4/1024}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "== timing: $RUNS interleaved runs each, medians (wall s / cpu s / peak MiB), ratio = opa / bangate"
printf '%-8s %-22s %-22s %-12s %-14s %s\n' N opa bangate "wall ratio" "memory ratio" "bangate, no index cache"
for n in $SIZES; do
	s=$WORK/sbom/sbom-$n.cdx.json
	timed $(opa_cmd "$s") >/dev/null; timed $(bg_cmd "$s") >/dev/null # warm-up
	: >"$WORK/out/a" ; : >"$WORK/out/b"; : >"$WORK/out/c"; : >"$WORK/out/r"
	for _ in $(seq "$RUNS"); do
		a=$(timed $(opa_cmd "$s")); b=$(timed $(bg_cmd "$s")); c=$(timed $(cold_cmd "$s"))
		echo "$a" >>"$WORK/out/a"; echo "$b" >>"$WORK/out/b"; echo "$c" >>"$WORK/out/c"
		echo "$a $b" | awk '{printf "%.2f %.2f\n", $1/$4, $3/$6}' >>"$WORK/out/r"
	done
	col() { awk -v c="$2" '{print $c}' "$1" | median; }
	printf '%-8s %-22s %-22s %-12s %-14s %s\n' "$n" \
		"$(col "$WORK/out/a" 1) / $(col "$WORK/out/a" 2) / $(col "$WORK/out/a" 3)" \
		"$(col "$WORK/out/b" 1) / $(col "$WORK/out/b" 2) / $(col "$WORK/out/b" 3)" \
		"$(col "$WORK/out/r" 1)x" "$(col "$WORK/out/r" 2)x" \
		"$(col "$WORK/out/c" 1) / $(col "$WORK/out/c" 2) / $(col "$WORK/out/c" 3)"
done
