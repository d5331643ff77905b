#!/usr/bin/env bash
# The access export of one subject with 10, 1,000 and 10,000 records (issue 11): build time (approval to COMPLETED,
# from the request's own times) and the time to stream the ZIP through its single-use link.
# Usage: bench/export.sh [N...]   (from the repository root, after mvn -q -o -DskipTests install)
# Env: BENCH_RUNS (default 3), STEWARD_JAR, JAVA, and STEWARD_DB_URL/USER/PASSWORD/DRIVER to run on PostgreSQL
#      (default: the embedded H2 in a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAR=$(realpath "${STEWARD_JAR:-modules/app/target/steward.jar}")
SIZES=${*:-10 1000 10000}
RUNS=${BENCH_RUNS:-3}
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -q -o -DskipTests install" >&2; exit 1; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PORT=$(free_port); SMTP=$(free_port)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
STEWARD_DATA_DIR="$WORK/data" STEWARD_ADMIN_PASSWORD=bench-admin-password-1 STEWARD_PUBLIC_URL="http://127.0.0.1:$PORT" \
  STEWARD_MAIL_SMTP_HOST=127.0.0.1 STEWARD_MAIL_SMTP_PORT=$SMTP STEWARD_REQUESTS_FULFILMENT_PERIOD=PT0.1S \
  "$JAVA" -jar "$JAR" --port "$PORT" --nocluster > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
curl -sf -u admin:bench-admin-password-1 -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT/api/v1/users" \
  -d '{"username":"bench-po","password":"bench-po-password-1","roles":["PRIVACY_OFFICER","ADMIN"]}' >/dev/null
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), db ${STEWARD_DB_URL:-embedded H2}"
echo "# run records build_ms download_ms zip_bytes"
for run in $(seq "$RUNS"); do
  "$JAVA" bench/ExportBench.java "http://127.0.0.1:$PORT" bench-po bench-po-password-1 "$SMTP" $SIZES | sed "s/^/$run /"
done
