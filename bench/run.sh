#!/usr/bin/env bash
# Times bangate against `opa eval` and `conftest test` with the baseline
# policy a competent user writes (bench/policy/fast/gate.rego), on the same
# generated inputs, in the same run, interleaved A B C A B C ...; checks all
# three find the planted hits first. Then the list-size sweep: one SBOM
# against lists of 380, 3,800, 38,000 and 76,000 names.
#
#   bench/run.sh                      # N = 1k, 10k, 100k; 5 timed runs each
#   SIZES="1000 10000" RUNS=3 bench/run.sh
#   FINDINGS=0 bench/run.sh           # timing only
#   SWEEP=0 bench/run.sh              # no list-size sweep
#   SWEEP_N=10000 SWEEP_NAMES="380 3800 38000 76000" bench/run.sh
#
# Needs: go, python3, GNU time (/usr/bin/time). opa is built from the version
# pinned in go.mod, conftest from CONFTEST_VERSION (the module proxy). Inputs
# and results go to WORK (default $TMPDIR/bangate-bench); the tables are
# written to WORK/out/table.md as the README shows them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/bangate-bench}
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000 100000"}
SWEEP=${SWEEP:-1}
SWEEP_N=${SWEEP_N:-10000}
SWEEP_NAMES=${SWEEP_NAMES:-"380 3800 38000 76000"}
CONFTEST_VERSION=${CONFTEST_VERSION:-v0.71.1}
ASOF=${ASOF:-2026-11-27}
command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 1; }

mkdir -p "$WORK/bin" "$WORK/out"
cd "$ROOT"
go build -o "$WORK/bin/bangate" ./cmd/bangate
go build -o "$WORK/bin/gen" ./bench/gen
go build -o "$WORK/bin/opa" github.com/open-policy-agent/opa
[ -x "$WORK/bin/conftest" ] || GOBIN=$WORK/bin go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
GEN=$WORK/bin/gen OPA=$WORK/bin/opa BG=$WORK/bin/bangate CT=$WORK/bin/conftest

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
opa_cmd() { echo "$OPA eval --fail-defined -d $ROOT/bench/policy/fast/gate.rego -d ${2:-$WORK/lists}/data/data.json -i $1 data.gate.deny[x]"; }
# conftest reads the same policy and list data; --namespace gate selects the
# policy's package, its deny rules are conftest's failures.
ct_cmd() { echo "$CT test --no-color --namespace gate -p $ROOT/bench/policy/fast --data ${2:-$WORK/lists}/data/data.json -o json $1"; }
bg_cmd() { echo "$BG ${BG_ARGS[*]} -o json $1"; }
cold_cmd() { echo "$BG ${BG_ARGS[*]} --index-cache=false -o json $1"; }

echo "== findings"
for n in $([ "${FINDINGS:-1}" = 1 ] && echo $SIZES); do
	s=$WORK/sbom/sbom-$n.cdx.json e=$WORK/sbom/sbom-$n.expected.json
	$OPA eval -d "$ROOT/bench/policy/fast/gate.rego" -d "$WORK/lists/data/data.json" -i "$s" data.gate.deny >"$WORK/out/opa-$n.json"
	$(ct_cmd "$s") >"$WORK/out/conftest-$n.json" || true
	$BG "${BG_ARGS[@]}" -o json "$s" >"$WORK/out/bangate-$n.json" || true
	printf "N=%-7s opa:      " "$n"; python3 "$ROOT/bench/scripts/verify.py" "$e" "$WORK/out/opa-$n.json" || true
	printf "N=%-7s conftest: " "$n"; python3 "$ROOT/bench/scripts/verify.py" "$e" "$WORK/out/conftest-$n.json" --conftest || true
	printf 'N=%-7s bangate:  ' "$n"; python3 "$ROOT/bench/scripts/verify.py" "$e" "$WORK/out/bangate-$n.json" --bangate || true
done

# one timed run: wall seconds, cpu seconds, peak RSS MiB
# (GNU time writes "Command exited with non-zero status N" first when the
# command fails, as a gate does on purpose: read its last line only.)
timed() { /usr/bin/time -f '%e %U %S %M' -o "$WORK/out/t" "$@" >/dev/null 2>&1 || true; tail -n 1 "$WORK/out/t" | awk '{printf "%s %.2f %.0f\n", $1, $2+$3, $4/1024}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

col() { awk -v c="$2" '{print $c}' "$1" | median; }
trio() { echo "$(col "$1" 1) / $(col "$1" 2) / $(col "$1" 3)"; }
TABLE=$WORK/out/table.md
{
	echo "| components | \`opa eval\` wall / cpu / peak | \`conftest test\` wall / cpu / peak | bangate wall / cpu / peak | speed vs opa (wall) | speed vs opa (cpu) | memory vs opa | bangate without the index cache |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$TABLE"
echo "== timing: $RUNS interleaved runs each, medians (wall s / cpu s / peak MiB), ratio = opa / bangate"
printf '%-8s %-22s %-22s %-22s %-10s %-10s %-10s %s\n' N opa conftest bangate "wall x" "cpu x" "memory x" "bangate, no index cache"
for n in $SIZES; do
	s=$WORK/sbom/sbom-$n.cdx.json
	timed $(opa_cmd "$s") >/dev/null; timed $(ct_cmd "$s") >/dev/null; timed $(bg_cmd "$s") >/dev/null # warm-up
	: >"$WORK/out/a"; : >"$WORK/out/b"; : >"$WORK/out/c"; : >"$WORK/out/d"; : >"$WORK/out/r"
	for _ in $(seq "$RUNS"); do
		a=$(timed $(opa_cmd "$s")); d=$(timed $(ct_cmd "$s")); b=$(timed $(bg_cmd "$s")); c=$(timed $(cold_cmd "$s"))
		echo "$a" >>"$WORK/out/a"; echo "$b" >>"$WORK/out/b"; echo "$c" >>"$WORK/out/c"; echo "$d" >>"$WORK/out/d"
		echo "$a $b" | awk '{printf "%.2f %.2f %.2f\n", $1/$4, $2/$5, $3/$6}' >>"$WORK/out/r"
	done
	printf '%-8s %-22s %-22s %-22s %-10s %-10s %-10s %s\n' "$n" "$(trio "$WORK/out/a")" "$(trio "$WORK/out/d")" "$(trio "$WORK/out/b")" \
		"$(col "$WORK/out/r" 1)x" "$(col "$WORK/out/r" 2)x" "$(col "$WORK/out/r" 3)x" "$(trio "$WORK/out/c")"
	echo "| $n | $(trio "$WORK/out/a") | $(trio "$WORK/out/d") | $(trio "$WORK/out/b") | $(col "$WORK/out/r" 1)x | $(col "$WORK/out/r" 2)x | $(col "$WORK/out/r" 3)x less | $(trio "$WORK/out/c") |" >>"$TABLE"
done

# The list-size sweep: the same SBOM against generated lists of the given
# numbers of names (entries plus aliases, in the 18:20 split of the main
# list), each imported into a store of its own. Flat means bangate's time
# does not grow with the list.
[ "$SWEEP" = 1 ] || { cat "$TABLE"; exit 0; }
s=$WORK/sbom/sbom-$SWEEP_N.cdx.json
[ -f "$s" ] || "$GEN" sbom -out "$WORK/sbom" -n "$SWEEP_N"
for m in $SWEEP_NAMES; do
	L=$WORK/lists-$m
	[ -f "$L/data/data.json" ] || "$GEN" lists -out "$L" -sdn $((m * 18 / 38)) -alt $((m * 20 / 38))
	rm -rf "$WORK/store-$m"
	BANGATE_LISTS_DIR=$WORK/store-$m "$BG" data import --allow-shrink --id ofac-sdn --published "$ASOF" "$L/sdn.csv" "$L/alt.csv" >/dev/null
done
{
	echo
	echo "| list names (N = $SWEEP_N) | \`opa eval\` wall / cpu / peak | bangate wall / cpu / peak | bangate cpu / smallest list's |"
	echo "| --- | --- | --- | --- |"
} >>"$TABLE"
echo "== list-size sweep: N=$SWEEP_N, $RUNS interleaved runs each, medians (wall s / cpu s / peak MiB)"
printf '%-8s %-22s %-22s %s\n' names opa bangate "bangate cpu / smallest"
base=
for m in $SWEEP_NAMES; do
	: >"$WORK/out/a"; : >"$WORK/out/b"
	BANGATE_LISTS_DIR=$WORK/store-$m timed $(bg_cmd "$s") >/dev/null # warm-up
	for _ in $(seq "$RUNS"); do
		timed $(opa_cmd "$s" "$WORK/lists-$m") >>"$WORK/out/a"
		BANGATE_LISTS_DIR=$WORK/store-$m timed $(bg_cmd "$s") >>"$WORK/out/b"
	done
	cpu=$(col "$WORK/out/b" 2); base=${base:-$cpu}
	rel=$(awk -v a="$cpu" -v b="$base" 'BEGIN {printf "%.2f", a/b}')
	printf '%-8s %-22s %-22s %s\n' "$m" "$(trio "$WORK/out/a")" "$(trio "$WORK/out/b")" "${rel}x"
	echo "| $m | $(trio "$WORK/out/a") | $(trio "$WORK/out/b") | ${rel}x |" >>"$TABLE"
done
echo "== table (also in $TABLE)"
cat "$TABLE"
