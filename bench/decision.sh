#!/usr/bin/env bash
# Rows 1 and 2: the consent decision endpoint against the no-op floor, GET /api/v1/ping, in the same app, behind the
# same authentication (X-API-Key of a SERVICE key), warmed up together, measured in the same run.
# Usage: bench/decision.sh        (after mvn -q -o -DskipTests install; needs wrk: apt-get install -y wrk)
# Env: BENCH_WARMUP_S (default 150), BENCH_DURATION (wrk -d, default 15s), BENCH_ROUNDS (default 2), BENCH_RATE
#      (default 500), BENCH_RATE_S (default 15); BENCH_DB=postgres for a fresh PostgreSQL database instead of the
#      embedded H2; and what bench/lib.sh reads.
# Last line: RESULT ping_rps=.. decision_rps=.. ping_p99=.. decision_p99=.. (one value per round; p99 in ms at the
# fixed rate) rate=.. achieved_ping=.. achieved_decision=.. errors_ping=.. errors_decision=.. (failed requests)
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
WARMUP=${BENCH_WARMUP_S:-150}
DURATION=${BENCH_DURATION:-15s}
ROUNDS=${BENCH_ROUNDS:-2}
RATE=${BENCH_RATE:-500}
RATE_S=${BENCH_RATE_S:-15}
RATE_WARMUP_S=${BENCH_RATE_WARMUP_S:-10}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
need "$STEWARD_JAR"

PORT=$(free_port)
DBENV=()
if [ "${BENCH_DB:-h2}" = postgres ]; then
    # shellcheck disable=SC2207
    db_create decision
    DBENV=($(db_env "$DB"))
fi
echo "# $(date -u +%FT%TZ)  $(machine)  db=${DB:-embedded H2}"
# As an operator runs it: the uber-jar's own options (no data grid), a free port.
start_server decision jar "$PORT" "${DBENV[@]}"
wait_ready "$PORT" "$SERVER_PID" decision
BASE=http://127.0.0.1:$PORT
setup_tenant "$BASE"
new_subjects "$BASE" 1 "$WORK/subjects"
SUBJECT=$(head -1 "$WORK/subjects")
SVC=(-sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json')
C=$BASE/api/v1/tenants/$TENANT/subjects/$SUBJECT/consents
curl "${SVC[@]}" -o /dev/null -X POST "$C" -d "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":$NOTICE_VERSION}"
curl "${SVC[@]}" -o /dev/null -X POST "$C" -d '{"purpose":"drip-emails","action":"OPT_OUT"}'
curl "${SVC[@]}" -o /dev/null -X POST "$C" -d '{"purpose":"cross-context-advertising","action":"OPT_OUT"}'
PING=$BASE/api/v1/ping
DECISION="$BASE/api/v1/consent/decision?subject=$SUBJECT&purpose=web-analytics"
echo "decision answer: $(curl -s -H "X-API-Key: $KEY" "$DECISION")"
echo "ping answer:     $(curl -s -H "X-API-Key: $KEY" "$PING")"

# Warm-up: both endpoints, alternately, for WARMUP seconds in all.
STEP=$((WARMUP / 6 > 0 ? WARMUP / 6 : 1))
for _ in 1 2 3; do
    wrk --timeout 10s -t1 -c16 -d${STEP}s -H "X-API-Key: $KEY" "$PING" >/dev/null
    wrk --timeout 10s -t1 -c16 -d${STEP}s -H "X-API-Key: $KEY" "$DECISION" >/dev/null
done
echo "warmed up $((STEP * 6))s"

run() { # name url -> appends to the name's lists
    local out rps
    out=$(wrk --timeout 10s -t1 -c16 -d"$DURATION" --latency -H "X-API-Key: $KEY" "$2")
    rps=$(wrk_rps "$out")
    printf '%-9s %10s req/s  p50 %7s ms  p99 %7s ms\n' "$1" "$rps" "$(wrk_p 50% "$out")" "$(wrk_p 99% "$out")"
    eval "${1}_rps+=(\"$rps\")"
}
ping_rps=(); decision_rps=()
echo "## wrk --timeout 10s -t1 -c16 -d$DURATION --latency (closed loop, throughput)"
for ((r = 1; r <= ROUNDS; r++)); do
    run ping "$PING"
    run decision "$DECISION"
    echo "round $r: decision/ping throughput ratio $(awk -v d="${decision_rps[-1]}" -v p="${ping_rps[-1]}" 'BEGIN {printf "%.2f", d / p}')"
done

fixed() { # name url -> appends p99 and achieved rate
    local out
    out=$("$JAVA" bench/FixedRate.java "$2" "$KEY" "$RATE" "$RATE_S" "$RATE_WARMUP_S")
    printf '%-9s %s\n' "$1" "$out"
    # Errors (timeouts of 10 s, refused connections) are counted, not fatal: an overloaded server is a result too.
    eval "${1}_errors+=(\"$(sed -E 's/.* errors ([0-9]+) .*/\1/' <<<"$out")\")"
    eval "${1}_p99+=(\"$(sed -E 's/.* p99 ([0-9.]+) ms.*/\1/' <<<"$out")\")"
    eval "${1}_achieved+=(\"$(sed -E 's/.* achieved ([0-9.]+) req\/s.*/\1/' <<<"$out")\")"
}
ping_p99=(); decision_p99=(); ping_achieved=(); decision_achieved=(); ping_errors=(); decision_errors=()
echo "## fixed rate ${RATE} req/s for ${RATE_S}s (open loop, latency from the due time)"
for ((r = 1; r <= ROUNDS; r++)); do
    fixed ping "$PING"
    fixed decision "$DECISION"
done
result "ping_rps=$(join_by , "${ping_rps[@]}") decision_rps=$(join_by , "${decision_rps[@]}")" \
    "ping_p99=$(join_by , "${ping_p99[@]}") decision_p99=$(join_by , "${decision_p99[@]}") rate=$RATE" \
    "achieved_ping=$(join_by , "${ping_achieved[@]}") achieved_decision=$(join_by , "${decision_achieved[@]}")" \
    "errors_ping=$(join_by , "${ping_errors[@]}") errors_decision=$(join_by , "${decision_errors[@]}")"
