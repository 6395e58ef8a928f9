#!/usr/bin/env bash
# Serving throughput: bangate serve (internal/server benchmarks: vendor
# checks, 1,000-component SBOMs, screenings; HTTP, a real SQLite decision
# log, every request logged) against OPA's own server evaluating the
# baseline policy (bench/policy/fast/gate.rego) on the same requests, and
# against running the CLI once per check.
#
#   bench/serve.sh                    # 10 s per benchmark
#   BENCHTIME=3s CLI_RUNS=10 bench/serve.sh
#
# Needs: go. opa is built from the version pinned in go.mod. Its server
# listens on 127.0.0.1 only and is stopped by its PID at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/bangate-bench-serve}
BENCHTIME=${BENCHTIME:-10s}
CLI_RUNS=${CLI_RUNS:-20}
PORT=${PORT:-18181}
mkdir -p "$WORK/bin"
cd "$ROOT"
go build -o "$WORK/bin/bangate" ./cmd/bangate
go build -o "$WORK/bin/gen" ./bench/gen
go build -o "$WORK/bin/opa" github.com/open-policy-agent/opa
[ -f "$WORK/lists/data/data.json" ] || "$WORK/bin/gen" lists -out "$WORK/lists" -sdn 18000 -alt 20000

echo "== bangate serve (go test -bench, $BENCHTIME each)"
go test -run '^$' -bench 'VendorCheck|SBOM1000|Screen|SessionRun' -benchtime "$BENCHTIME" ./internal/server/ | grep -E '^Benchmark'

echo "== OPA server, baseline policy, same requests"
"$WORK/bin/opa" run --server --addr "127.0.0.1:$PORT" --log-level error \
	"$ROOT/bench/policy/fast/gate.rego" "$WORK/lists/data/data.json" >"$WORK/opa.log" 2>&1 &
OPA_PID=$!
trap 'kill "$OPA_PID" 2>/dev/null || true; wait "$OPA_PID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
	curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
	sleep 0.1
done
BANGATE_BENCH_OPA="http://127.0.0.1:$PORT" go test -run '^$' -bench 'OPAServer' -benchtime "$BENCHTIME" ./internal/server/ | grep -E '^Benchmark'

echo "== the CLI once per check ($CLI_RUNS runs, index cache warm)"
export BANGATE_LISTS_DIR=$WORK/store
printf '{"vendors":[{"name":"Northwind Office Supply LLC","country":"US","products":[{"name":"Endpoint security licence","category":"Software","code":"7A21"}],"contract":{"id":"PO-1","date":"2024-10-01"}}]}' >"$WORK/vendor.json"
# --offline: no list refresh is tried (the server refreshes in the
# background, never on a check's path); warnings of the lists' age go to
# standard error, which is not timed here.
check() { "$WORK/bin/bangate" check --offline --as-of 2024-10-01 --stale-lists warn "$WORK/vendor.json" >/dev/null 2>&1 || true; }
check
start=$(date +%s.%N)
for _ in $(seq "$CLI_RUNS"); do
	check
done
end=$(date +%s.%N)
echo "$start $end $CLI_RUNS" | awk '{d=($2-$1)/$3; printf "cli vendor check: %.1f ms per check, %.1f checks/s (one process at a time)\n", d*1000, 1/d}'
