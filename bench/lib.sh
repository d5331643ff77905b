# Shared by the benchmark scripts (sourced, never run): servers, databases, set-up over the API, and the RESULT line.
#
# Every script prints, as its LAST line, one machine-readable line that bench/run.sh parses:
#   RESULT key=value key=value ...        (values: numbers, or comma-separated lists of numbers; no spaces)
# Every script stops what it started (servers, load drivers) and drops the databases it created: on success, on
# failure and on SIGINT/SIGTERM (bench/run.sh sends SIGTERM to the script's whole process group on Ctrl-C).
#
# Environment read here:
#   JAVA (default java), STEWARD_JAR, STEWARD_WAR, PAYARA_MICRO: the artifacts (default: modules/app/target);
#   PGHOST/PGPORT/PGUSER/PGPASSWORD: the PostgreSQL fresh databases are created on (default 127.0.0.1:5432 postgres);
#   BENCH_RUN_ID: prefix of the databases created (default bench_<pid>; run.sh sets one per run and drops any left);
#   BENCH_DB=postgres: also run the scripts that default to the embedded H2 on a fresh PostgreSQL database;
#   BENCH_JVM_OPTS: extra JVM options for the servers (default none: the JVM's own heap sizing);
#   BENCH_KEEP_LOGS=<dir>: copy the servers' logs there on exit.

set -euo pipefail
shopt -s inherit_errexit
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${JAVA:-java}
STEWARD_JAR=${STEWARD_JAR:-$BENCH_ROOT/modules/app/target/steward.jar}
STEWARD_WAR=${STEWARD_WAR:-$BENCH_ROOT/modules/app/target/steward.war}
PAYARA_MICRO=${PAYARA_MICRO:-$BENCH_ROOT/modules/app/target/payara-micro.jar}
PREBOOT=${PREBOOT:-$BENCH_ROOT/modules/app/src/main/payara/pre-boot-commands.txt}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
BENCH_RUN_ID=${BENCH_RUN_ID:-bench_$$}
ADMIN_PASSWORD=bench-admin-password-1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/steward-bench.XXXXXX")
BENCH_PIDS=()
BENCH_DBS=()

bench_cleanup() {
    local rc=$? pid db
    trap - EXIT INT TERM
    for pid in "${BENCH_PIDS[@]}"; do stop_pid "$pid"; done
    for db in "${BENCH_DBS[@]}"; do
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 \
            || echo "WARNING: could not drop database $db" >&2
    done
    if [ -n "${BENCH_KEEP_LOGS:-}" ]; then
        mkdir -p "$BENCH_KEEP_LOGS" && cp "$WORK"/*.log "$BENCH_KEEP_LOGS"/ 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

need() { # file... : exits 2 naming what is missing
    local f
    for f in "$@"; do [ -f "$f" ] || { echo "missing $f (build first: mvn -q -o -DskipTests install)" >&2; exit 2; }; done
}

# A TCP port on 127.0.0.1 that nothing accepts connections on (and, with a count, that many consecutive ones), below
# the ephemeral range (32768-) so that no outgoing connection holds it.
free_port() {
    local n=${1:-1} p i ok
    while :; do
        p=$((20000 + RANDOM % 12000)) ok=1
        for ((i = 0; i < n; i++)); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$((p + i))") 2>/dev/null; then ok=0; break; fi
        done
        ((ok)) && { echo "$p"; return; }
    done
}

# stop_pid PID: SIGTERM, up to 30 s for a graceful stop, then SIGKILL.
stop_pid() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# db_create NAME: a fresh PostgreSQL database <run id>_<NAME>, dropped on exit; sets DB to its name. (Not in a
# $(...): the list of databases to drop must be this shell's.)
db_create() {
    DB=${BENCH_RUN_ID}_$1
    psql -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
    BENCH_DBS+=("$DB")
}

# db_env DB: the server settings for that database (an env(1) argument list).
db_env() {
    echo "STEWARD_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$1 STEWARD_DB_USER=$PGUSER" \
        "STEWARD_DB_PASSWORD=${PGPASSWORD:-} STEWARD_DB_DRIVER=org.postgresql.ds.PGSimpleDataSource"
}

# start_server NAME jar|war PORT [env NAME=VALUE...] [-- PAYARA_ARGS...]: starts a server in $WORK/NAME (its own
# data directory, Payara root and log NAME.log) and sets SERVER_PID. The JVM is the process itself (exec), so
# its pid is the one that is stopped.
start_server() {
    local name=$1 kind=$2 port=$3 envs=() args=()
    shift 3
    while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    args=("$@")
    local dir=$WORK/$name
    mkdir -p "$dir/data"
    local cmd=("$JAVA")
    # shellcheck disable=SC2206
    [ -n "${BENCH_JVM_OPTS:-}" ] && cmd+=($BENCH_JVM_OPTS)
    if [ "$kind" = jar ]; then
        cmd+=(${SERVER_JVM_OPTS:-} -jar "$STEWARD_JAR" --port "$port" --rootdir "$dir/payara")
    else
        cmd+=(${SERVER_JVM_OPTS:-} -jar "$PAYARA_MICRO" --deploy "$STEWARD_WAR" --contextroot / --port "$port"
            --rootdir "$dir/payara" --prebootcommandfile "$PREBOOT")
    fi
    cmd+=("${args[@]}")
    (cd "$dir" && exec env STEWARD_DATA_DIR="$dir/data" STEWARD_ADMIN_PASSWORD=$ADMIN_PASSWORD "${envs[@]}" \
        "${cmd[@]}" >"$WORK/$name.log" 2>&1) &
    SERVER_PID=$!
    BENCH_PIDS+=("$SERVER_PID")
}

# wait_ready PORT PID NAME [timeout_s=240]: until /health/ready answers 200; exits 1 with the log tail otherwise.
wait_ready() {
    local port=$1 pid=$2 name=$3 timeout=${4:-240} start=$SECONDS
    while [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready")" != 200 ]; do
        if ! kill -0 "$pid" 2>/dev/null || ((SECONDS - start > timeout)); then
            echo "FAILED: $name is not ready (exited or over ${timeout}s); log tail:" >&2
            tail -40 "$WORK/$name.log" >&2
            exit 1
        fi
        sleep 0.25
    done
}

# jget NAME: the first "NAME": value of the JSON on stdin (flat string or number).
jget() { grep -oE "\"$1\": *\"?[^\",}]*" | head -1 | sed -E "s/^\"$1\": *\"?//"; }

# setup_tenant BASE: a tenant, a SERVICE API key bound to it and a published web-analytics notice (version in
# NOTICE_VERSION); sets TENANT, KEY.
setup_tenant() {
    local base=$1 u; u=$(date +%s%N | tail -c 9)
    local admin=(-sf -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json')
    TENANT=$(curl "${admin[@]}" -X POST "$base/api/v1/tenants" -d "{\"name\":\"Bench $u\",\"siteUrl\":\"https://b$u.atlassian.net\",\"hostingMode\":\"CLOUD\",\"licence\":{\"key\":\"SEN-$u\",\"expiresOn\":\"2099-12-31\"}}" | jget id)
    KEY=$(curl "${admin[@]}" -X POST "$base/api/v1/api-keys" -d "{\"name\":\"bench\",\"roles\":[\"SERVICE\"],\"tenantId\":\"$TENANT\"}" | jget key)
    NOTICE_VERSION=$(curl "${admin[@]}" -X PUT "$base/api/v1/consent/purposes/web-analytics/notices/en" -d '{"text":"Bench notice"}' | jget version)
    [ -n "$TENANT" ] && [ -n "$KEY" ] && [ -n "$NOTICE_VERSION" ] || { echo "FAILED: tenant set-up" >&2; exit 1; }
}

# new_subjects BASE N FILE: registers N subjects in TENANT (as the SERVICE key) and appends their ids to FILE.
new_subjects() {
    local base=$1 n=$2 file=$3 i id
    for ((i = 0; i < n; i++)); do
        id=$(curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -X POST \
            "$base/api/v1/tenants/$TENANT/subjects" -d "{\"email\":\"bench-$RANDOM$RANDOM-$i@example.com\"}" | jget id)
        [ -n "$id" ] || { echo "FAILED: subject registration" >&2; exit 1; }
        echo "$id" >>"$file"
    done
}

# wrk_rps OUTPUT: requests/s from wrk's output; fails the run if any answer was not 2xx (or 3xx) or a socket failed.
wrk_rps() {
    local out=$1 bad
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    if [ -n "$bad" ] && [ "$bad" != 0 ]; then echo "FAILED: $bad answers were not 2xx:" >&2; echo "$out" >&2; exit 1; fi
    if grep -q 'Socket errors' <<<"$out"; then echo "WARNING: $(grep 'Socket errors' <<<"$out")" >&2; fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}

# wrk_p NAME OUTPUT: a latency percentile (50%, 99%...) from wrk --latency, in ms.
wrk_p() {
    awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }' <<<"$2"
}

# machine: one line describing the machine and its load right now.
machine() {
    local load; read -r load _ </proc/loadavg
    echo "nproc=$(nproc) load=$load java=\"$("$JAVA" -version 2>&1 | head -1)\""
}

# result KEY=VALUE...: the machine-readable last line.
result() { echo "RESULT $*"; }

join_by() { local IFS=$1; shift; echo "$*"; }
