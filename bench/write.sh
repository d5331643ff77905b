#!/usr/bin/env bash
# Row 3: consent record writes (POST .../subjects/{s}/consents) at 1, 4 and 16 connections, against the no-op POST
# (POST /api/v1/ping, which reads and discards the same body) in the same app, behind the same authentication, on a
# fresh PostgreSQL database; and, for reference, raw single-row INSERT + COMMIT on the same PostgreSQL with pgbench
# at the same numbers of clients.
# Usage: bench/write.sh      (after mvn -q -o -DskipTests install; needs wrk, pgbench, psql)
# Env: BENCH_CONNECTIONS (default "1 4 16"), BENCH_WARMUP_S (default 90), BENCH_DURATION (default 10s), BENCH_ROUNDS
#      (default 2), BENCH_SUBJECTS (default 256), and what bench/lib.sh reads.
# Last line: RESULT conns=1,4,16 ping_rps_<c>=.. consent_rps_<c>=.. (one value per round) raw_tps_<c>=..
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
CONNS=${BENCH_CONNECTIONS:-1 4 16}
WARMUP=${BENCH_WARMUP_S:-90}
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-2}
NSUBJECTS=${BENCH_SUBJECTS:-256}
for t in wrk pgbench psql; do command -v $t >/dev/null || { echo "$t is missing" >&2; exit 2; }; done
need "$STEWARD_JAR"

db_create write
PORT=$(free_port)
echo "# $(date -u +%FT%TZ)  $(machine)  db=$DB ($(psql -tA -d postgres -c 'show server_version'))"
# shellcheck disable=SC2046
start_server write jar "$PORT" $(db_env "$DB")
wait_ready "$PORT" "$SERVER_PID" write
BASE=http://127.0.0.1:$PORT
setup_tenant "$BASE"
new_subjects "$BASE" "$NSUBJECTS" "$WORK/subjects"
export BENCH_SUBJECTS=$WORK/subjects BENCH_TENANT=$TENANT BENCH_KEY=$KEY BENCH_NOTICE_VERSION=$NOTICE_VERSION
LUA=$BENCH_ROOT/bench/post.lua
# One request of each, checked, before any load.
for mode in consent ping; do
    out=$(BENCH_POST=$mode wrk --timeout 10s -t1 -c1 -d1s -s "$LUA" "$BASE")
    wrk_rps "$out" >/dev/null
done

STEP=$((WARMUP / 4 > 0 ? WARMUP / 4 : 1))
for _ in 1 2; do
    BENCH_POST=ping wrk --timeout 10s -t1 -c16 -d${STEP}s -s "$LUA" "$BASE" >/dev/null
    BENCH_POST=consent wrk --timeout 10s -t1 -c16 -d${STEP}s -s "$LUA" "$BASE" >/dev/null
done
echo "warmed up $((STEP * 4))s; $NSUBJECTS subjects"

declare -A RPS
post() { # mode connections round (round 0 is not counted)
    local out rps
    out=$(BENCH_POST=$1 wrk --timeout 10s -t1 -c"$2" -d"$DURATION" --latency -s "$LUA" "$BASE")
    rps=$(wrk_rps "$out")
    printf '%-8s c=%-3s %9s req/s  p50 %7s ms  p99 %7s ms%s\n' "$1" "$2" "$rps" "$(wrk_p 50% "$out")" \
        "$(wrk_p 99% "$out")" "$( (($3 == 0)) && echo '  (round 0, not counted)')"
    (($3 == 0)) || RPS[$1_$2]+="${RPS[$1_$2]:+,}$rps"
}
echo "## wrk --timeout 10s -t1 -c<n> -d$DURATION (closed loop), the no-op POST then the consent POST, $ROUNDS rounds"
# Round 0 is the warm-up's end: the JIT was still recompiling when the load first changed connections (measured
# with JFR: 1.9 cores busy at 1 connection in that first phase, 1.0-1.3 later), so the first figure was the JIT's.
for ((r = 0; r <= ROUNDS; r++)); do
    for c in $CONNS; do
        post ping "$c" "$r"
        post consent "$c" "$r"
    done
done
echo "consent records stored: $(psql -tA -d "$DB" -c 'SELECT COUNT(*) FROM consent_event')"

echo "## raw single-row INSERT + COMMIT on the same PostgreSQL (pgbench -n -T ${DURATION%s}, custom script)"
psql -q -d "$DB" -c "CREATE TABLE bench_raw_insert (id uuid PRIMARY KEY, tenant_id text NOT NULL, payload text NOT NULL,
    created_at timestamptz NOT NULL)"
echo "INSERT INTO bench_raw_insert VALUES (gen_random_uuid(), 'bench', repeat('x', 200), now());" >"$WORK/insert.sql"
declare -A RAW
for c in $CONNS; do
    out=$(pgbench -n -f "$WORK/insert.sql" -c "$c" -j "$((c < 2 ? c : 2))" -T "${DURATION%s}" "$DB" 2>&1)
    tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out" | head -1)
    [ -n "$tps" ] || { echo "FAILED: pgbench: $out" >&2; exit 1; }
    printf 'raw      c=%-3s %9s tps\n' "$c" "$tps"
    RAW[$c]=$tps
done
line="conns=$(join_by , $CONNS)"
for c in $CONNS; do line+=" ping_rps_$c=${RPS[ping_$c]} consent_rps_$c=${RPS[consent_$c]} raw_tps_$c=${RAW[$c]}"; done
result "$line"
