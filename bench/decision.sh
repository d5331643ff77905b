#!/usr/bin/env bash
# Load benchmark of the consent decision endpoint against the no-op floor: GET /api/v1/ping, in the same app, behind
# the same authentication (X-API-Key of a SERVICE key), warmed up together, measured in the same run.
# Usage: bench/decision.sh        (from the repository root, after mvn -q -o -DskipTests install)
# Env: BENCH_WARMUP_S (default 150), BENCH_DURATION (wrk -d, default 15s), BENCH_RATE (default 500),
#      BENCH_RATE_S (default 15), STEWARD_JAR, JAVA, and STEWARD_DB_URL/USER/PASSWORD/DRIVER to run on PostgreSQL
#      (default: the embedded H2 in a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAR=$(realpath "${STEWARD_JAR:-modules/app/target/steward.jar}")
WARMUP=${BENCH_WARMUP_S:-150}
DURATION=${BENCH_DURATION:-15s}
RATE=${BENCH_RATE:-500}
RATE_S=${BENCH_RATE_S:-15}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -q -o -DskipTests install" >&2; exit 1; }

PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
WORK=$(mktemp -d)
ADMIN_PASSWORD=bench-admin-password-1
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "# $(date -u +%FT%TZ)  nproc=$(nproc)  $("$JAVA" -version 2>&1 | head -1)  db=${STEWARD_DB_URL:-embedded H2}"
(cd "$WORK" && STEWARD_DATA_DIR="$WORK/data" STEWARD_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  exec "$JAVA" -jar "$JAR" --port "$PORT" --nocluster >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
BASE=http://127.0.0.1:$PORT
for i in $(seq 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready || true)" = 200 ] && break
  kill -0 $SERVER_PID 2>/dev/null || { tail -50 "$WORK/server.log"; exit 1; }
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/health/ready)" = 200 ] || { tail -50 "$WORK/server.log"; exit 1; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ADMIN=(-s -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json')
U=$(date +%s%N | tail -c 9)
TENANT=$(curl "${ADMIN[@]}" -X POST $BASE/api/v1/tenants -d "{\"name\":\"Bench $U\",\"siteUrl\":\"https://b$U.atlassian.net\",\"hostingMode\":\"CLOUD\",\"licence\":{\"key\":\"SEN-$U\",\"expiresOn\":\"2099-12-31\"}}" | json "['id']")
KEY=$(curl "${ADMIN[@]}" -X POST $BASE/api/v1/api-keys -d "{\"name\":\"bench\",\"roles\":[\"SERVICE\"],\"tenantId\":\"$TENANT\"}" | json "['key']")
SVC=(-s -H "X-API-Key: $KEY" -H 'Content-Type: application/json')
SUBJECT=$(curl "${SVC[@]}" -X POST $BASE/api/v1/tenants/$TENANT/subjects -d "{\"email\":\"bench-$U@example.com\"}" | json "['id']")
V=$(curl "${ADMIN[@]}" -X PUT $BASE/api/v1/consent/purposes/web-analytics/notices/en -d '{"text":"Bench notice"}' | json "['version']")
C=$BASE/api/v1/tenants/$TENANT/subjects/$SUBJECT/consents
curl "${SVC[@]}" -o /dev/null -X POST $C -d "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":$V}"
curl "${SVC[@]}" -o /dev/null -X POST $C -d '{"purpose":"drip-emails","action":"OPT_OUT"}'
curl "${SVC[@]}" -o /dev/null -X POST $C -d '{"purpose":"cross-context-advertising","action":"OPT_OUT"}'
PING=$BASE/api/v1/ping
DECISION="$BASE/api/v1/consent/decision?subject=$SUBJECT&purpose=web-analytics"
echo "decision answer: $(curl -s -H "X-API-Key: $KEY" "$DECISION")"
echo "ping answer:     $(curl -s -H "X-API-Key: $KEY" "$PING")"

# Warm-up: both endpoints, alternately, for WARMUP seconds in all.
HALF=$((WARMUP / 6))
for round in 1 2 3; do
  wrk -t1 -c16 -d${HALF}s -H "X-API-Key: $KEY" "$PING" >/dev/null
  wrk -t1 -c16 -d${HALF}s -H "X-API-Key: $KEY" "$DECISION" >/dev/null
done
echo "warmed up ${WARMUP}s"

run() { # name url
  local out; out=$(wrk -t1 -c16 -d$DURATION --latency -H "X-API-Key: $KEY" "$2")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-9s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" >"$WORK/$1.rps"
}
echo "## wrk -t1 -c16 -d$DURATION --latency (closed loop, throughput)"
for round in 1 2; do
  run ping "$PING"; cp "$WORK/ping.rps" "$WORK/ping$round.rps"
  run decision "$DECISION"; cp "$WORK/decision.rps" "$WORK/decision$round.rps"
done
python3 - "$WORK" <<'PY'
import sys, pathlib
w = pathlib.Path(sys.argv[1])
for r in (1, 2):
    p = float((w / f"ping{r}.rps").read_text()); d = float((w / f"decision{r}.rps").read_text())
    print(f"round {r}: decision/ping throughput ratio {d / p:.2f}")
PY
echo "## fixed rate ${RATE} req/s for ${RATE_S}s (open loop, latency from the due time)"
for round in 1 2; do
  printf 'ping      '; "$JAVA" bench/FixedRate.java "$PING" "$KEY" "$RATE" "$RATE_S"
  printf 'decision  '; "$JAVA" bench/FixedRate.java "$DECISION" "$KEY" "$RATE" "$RATE_S"
done
