#!/usr/bin/env bash
# Row 4: the access export of one subject with 10, 1,000 and 10,000 records (issue 11): build time (approval to
# COMPLETED, from the request's own times) and the time to stream the ZIP through its single-use link.
# Usage: bench/export.sh [N...]   (default 10 1000 10000; after mvn -q -o -DskipTests install)
# Env: BENCH_RUNS (default 3; run 1 is the JVM's warm-up, and the figures of the RESULT line are the medians of the
#      runs after it when there are any), BENCH_DB=postgres for a fresh PostgreSQL database instead of the embedded
#      H2, and what bench/lib.sh reads.
# Last line: RESULT sizes=10,1000,10000 build_ms=.. download_ms=.. (per size, medians of the warm runs) runs=3
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
SIZES=${*:-10 1000 10000}
RUNS=${BENCH_RUNS:-3}
need "$STEWARD_JAR"
PORT=$(free_port); SMTP=$(free_port)
DBENV=()
if [ "${BENCH_DB:-h2}" = postgres ]; then
    db_create export
    # shellcheck disable=SC2207
    DBENV=($(db_env "$DB"))
fi
# The server's mail goes to the SMTP sink inside ExportBench.java, which reads the download link from it.
start_server export jar "$PORT" "${DBENV[@]}" STEWARD_PUBLIC_URL="http://127.0.0.1:$PORT" \
    STEWARD_MAIL_SMTP_HOST=127.0.0.1 STEWARD_MAIL_SMTP_PORT="$SMTP" STEWARD_REQUESTS_FULFILMENT_PERIOD=PT0.1S
wait_ready "$PORT" "$SERVER_PID" export
curl -sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT/api/v1/users" \
    -d '{"username":"bench-po","password":"bench-po-password-1","roles":["PRIVACY_OFFICER","ADMIN"]}' >/dev/null
echo "# $(date -u +%FT%TZ)  $(machine)  db=${DB:-embedded H2}"
echo "# run records build_ms download_ms zip_bytes"
for run in $(seq "$RUNS"); do
    "$JAVA" bench/ExportBench.java "http://127.0.0.1:$PORT" bench-po bench-po-password-1 "$SMTP" $SIZES \
        | sed "s/^/$run /" | tee -a "$WORK/runs"
done
# Medians per size of the warm runs (all runs if there is only one).
from=$((RUNS > 1 ? 2 : 1))
stat() { # column (3 build, 4 download) -> comma-separated medians in the order of SIZES
    local n out=()
    for n in $SIZES; do
        out+=("$(awk -v n="$n" -v f="$from" -v c="$1" '$1 >= f && $2 == n {print $c}' "$WORK/runs" | sort -n \
            | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')")
    done
    join_by , "${out[@]}"
}
result "sizes=$(join_by , $SIZES) build_ms=$(stat 3) download_ms=$(stat 4) runs=$RUNS warm_from_run=$from"
