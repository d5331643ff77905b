#!/usr/bin/env bash
# Row 8: throughput of the consent decision (and, beside it, of consent record writes) with 2 clustered instances
# against 1, on one fresh PostgreSQL database, in the same run.
#
# Both instances run the same deployment with the same options: Payara Micro's data grid (Hazelcast) in tcpip mode
# on loopback, the two members listed, the same cluster name and master key. The load is the same in all phases: two
# wrk processes of 8 connections each (16 in all, as in row 1), both on instance A while it is alone, one on A and
# one on B when both run. The order is A alone, A + B, A with B idle, A alone again (B stopped): each 2-instance figure
# is compared with the mean of the 1-instance figures before and after it, so a change of load on the machine hits
# both sides.
#
# Usage: bench/cluster.sh   (after mvn -q -o -DskipTests install; needs wrk, psql)
# Env: BENCH_WARMUP_S (default 120: on A alone, then on B alone, then a quarter of it on both), BENCH_DURATION
#      (default 15s),
#      BENCH_CLUSTER_ARTIFACT=war|jar (default war: the uber-jar is built with --nohazelcast and cannot join a grid,
#      see docs/operations.md), and what bench/lib.sh reads.
# Last line: RESULT one_rps=before,after two_rps=.. one_write_rps=before,after two_write_rps=.. members=2
#   a_with_b_idle_rps=.. a_with_b_idle_write_rps=.. (A alone under the load while B runs idle)
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
WARMUP=${BENCH_WARMUP_S:-120}
DURATION=${BENCH_DURATION:-15s}
ARTIFACT=${BENCH_CLUSTER_ARTIFACT:-war}
NSUBJECTS=${BENCH_SUBJECTS:-256}
for t in wrk psql; do command -v $t >/dev/null || { echo "$t is missing" >&2; exit 2; }; done
if [ "$ARTIFACT" = jar ]; then need "$STEWARD_JAR"; else need "$STEWARD_WAR" "$PAYARA_MICRO" "$PREBOOT"; fi

db_create cluster
HZ=$(free_port 2)
PORT_A=$(free_port); PORT_B=$(free_port)
[ "$PORT_A" != "$PORT_B" ] || PORT_B=$(free_port)
NAME=bench-$BENCH_RUN_ID-$$
MASTER_KEY=$(head -c 32 /dev/urandom | base64)
# A member binds its grid port to --interfaces only (Hazelcast binds every interface otherwise).
export SERVER_JVM_OPTS=-Dhazelcast.socket.bind.any=false
echo "# $(date -u +%FT%TZ)  $(machine)  db=$DB ($(psql -tA -d postgres -c 'show server_version'))  $ARTIFACT, grid ports $HZ,$((HZ + 1))"
member() { # name port index
    # shellcheck disable=SC2046
    start_server "$1" "$ARTIFACT" "$2" $(db_env "$DB") STEWARD_CRYPTO_MASTER_KEY="$MASTER_KEY" -- \
        --clustermode "tcpip:127.0.0.1:$HZ,127.0.0.1:$((HZ + 1))" --interfaces 127.0.0.1 --clustername "$NAME" \
        --startport "$((HZ + $3))"
}
# A first, alone: it migrates and seeds the database.
member a "$PORT_A" 0; PID_A=$SERVER_PID
wait_ready "$PORT_A" "$PID_A" a
A=http://127.0.0.1:$PORT_A B=http://127.0.0.1:$PORT_B
setup_tenant "$A"
new_subjects "$A" "$NSUBJECTS" "$WORK/subjects"
SUBJECT=$(head -1 "$WORK/subjects")
curl -sf -o /dev/null -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -X POST \
    "$A/api/v1/tenants/$TENANT/subjects/$SUBJECT/consents" -d "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":$NOTICE_VERSION}"
DECISION_PATH="/api/v1/consent/decision?subject=$SUBJECT&purpose=web-analytics"
# The writers' subjects: one half for each wrk process, so that no two requests in flight share a subject.
half=$((NSUBJECTS / 2))
head -n "$half" "$WORK/subjects" >"$WORK/subjects1"; tail -n +"$((half + 1))" "$WORK/subjects" >"$WORK/subjects2"
export BENCH_TENANT=$TENANT BENCH_KEY=$KEY BENCH_NOTICE_VERSION=$NOTICE_VERSION BENCH_POST=consent
LUA=$BENCH_ROOT/bench/post.lua

# load KIND DURATION URL1 URL2: two wrk processes of 8 connections at once; prints the sum of their req/s.
load() {
    local kind=$1 d=$2 p1 p2 rc=0
    if [ "$kind" = decision ]; then
        wrk --timeout 10s -t1 -c8 -d"$d" --latency -H "X-API-Key: $KEY" "$3$DECISION_PATH" >"$WORK/w1" & p1=$!
        wrk --timeout 10s -t1 -c8 -d"$d" --latency -H "X-API-Key: $KEY" "$4$DECISION_PATH" >"$WORK/w2" & p2=$!
    else
        BENCH_SUBJECTS=$WORK/subjects1 wrk --timeout 10s -t1 -c8 -d"$d" --latency -s "$LUA" "$3" >"$WORK/w1" & p1=$!
        BENCH_SUBJECTS=$WORK/subjects2 wrk --timeout 10s -t1 -c8 -d"$d" --latency -s "$LUA" "$4" >"$WORK/w2" & p2=$!
    fi
    wait "$p1" || rc=1; wait "$p2" || rc=1
    ((rc == 0)) || { echo "FAILED: wrk" >&2; exit 1; }
    local r1 r2; r1=$(wrk_rps "$(cat "$WORK/w1")"); r2=$(wrk_rps "$(cat "$WORK/w2")")
    echo "  $kind: $r1 + $r2 req/s (p99 $(wrk_p 99% "$(cat "$WORK/w1")") / $(wrk_p 99% "$(cat "$WORK/w2")") ms)" >&2
    awk -v a="$r1" -v b="$r2" 'BEGIN {printf "%.2f", a + b}'
}
warm() { # seconds url1 url2
    local step=$(($1 / 4 > 0 ? $1 / 4 : 1))
    for _ in 1 2; do load decision ${step}s "$2" "$3" >/dev/null; load write ${step}s "$2" "$3" >/dev/null; done
    echo "warmed up $((step * 4))s"
}
measure() { # label url1 url2 -> sets DEC, WR
    DEC=$(load decision "$DURATION" "$2" "$3")
    WR=$(load write "$DURATION" "$2" "$3")
    printf '%-34s decision %9s req/s   consent write %8s req/s\n' "$1" "$DEC" "$WR"
}

warm "$WARMUP" "$A" "$A"
measure "1 instance (A; 2 x 8 connections)" "$A" "$A"; ONE_DEC=$DEC ONE_WR=$WR

member b "$PORT_B" 1; PID_B=$SERVER_PID
wait_ready "$PORT_B" "$PID_B" b
# Payara logs the data grid's state when a member joins: "... DG Name: <name> DG Size: 2".
grep -q "DG Name: $NAME DG Size: 2" "$WORK/b.log" || { echo "FAILED: B did not join A's data grid" >&2; exit 1; }
echo "B joined A: $(grep -o "DG Name: $NAME DG Size: 2" "$WORK/b.log" | tail -1)"
# Both members see each other in the decision cache's grid set (the first decision on B joins it).
curl -sf -o /dev/null -H "X-API-Key: $KEY" "$B$DECISION_PATH"
# B gets the warm-up A had (a JIT-cold member serves a fraction of a warm one's rate), then both together.
warm "$WARMUP" "$B" "$B"
warm $((WARMUP / 4)) "$A" "$B"
measure "2 instances (A + B; 8 connections each)" "$A" "$B"; TWO_DEC=$DEC TWO_WR=$WR
# For the reading: A alone under the load while B runs idle (what a second JVM costs by being there).
measure "A only, B idle (2 x 8 connections)" "$A" "$A"; IDLE_DEC=$DEC IDLE_WR=$WR

stop_pid "$PID_B"
echo "B stopped"
warm $((WARMUP / 8)) "$A" "$A"
measure "1 instance again (A; 2 x 8 connections)" "$A" "$A"; ONE_DEC+=",$DEC" ONE_WR+=",$WR"
grep -q "no acknowledgement within" "$WORK/a.log" && echo "note: A logged invalidations not acknowledged in time"
echo "consent records stored: $(psql -tA -d "$DB" -c 'SELECT COUNT(*) FROM consent_event')"
result "one_rps=$ONE_DEC two_rps=$TWO_DEC one_write_rps=$ONE_WR two_write_rps=$TWO_WR members=2" \
    "a_with_b_idle_rps=$IDLE_DEC a_with_b_idle_write_rps=$IDLE_WR"
