#!/usr/bin/env bash
# Start-up time and resident memory of Steward's uber-jar, against an empty Payara Micro as the baseline.
#
#   bench/startup.sh [runs]          (default 3; run from anywhere, after `mvn -o -DskipTests install`)
# Row 7 of bench/run.sh, which reads the RESULT line this prints last.
#
# For each run, in a fresh temporary directory (the default embedded H2 is ./data/steward, relative to it):
#   steward: java [-XX:SharedArchiveFile=modules/app/target/steward.jsa] -jar modules/app/target/steward.jar --port P
#            with STEWARD_DATA_DIR=<tmp>/data: the README's run command. The AppCDS archive that the build writes
#            beside the jar is used when it is there (BENCH_CDS=off leaves it out).
#            ready = first HTTP 200 on /health/ready (the app is deployed, migrated and its database answers)
#   empty:   java -jar payara-micro.jar --port P --nohazelcast   (nothing deployed)
#            ready = first HTTP answer of any status on /health/live (an empty Micro answers 404 there:
#            there is no health endpoint without an application; any answer means HTTP is up)
# Both run without the Hazelcast data grid, as steward.jar is built. BENCH_GRID=nocluster runs both with
# --nocluster instead (the pairing measured before 2026-12-04: Payara Micro then starts a one-member grid in both).
# Time is measured from just before the process is started to that answer (date +%s%N, curl polled every 50 ms).
# RSS is VmRSS from /proc/<pid>/status right after the answer, and again after 10 s idle.
# Uses only bash, curl, date and /proc (plus mkdir/rm for the temporary directories).
# Exits 1 if a server is not ready within 120 s (or exits early); always stops what it started.

set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-3}
JAVA=${JAVA:-java}
STEWARD_JAR=${STEWARD_JAR:-$ROOT/modules/app/target/steward.jar}
PAYARA_MICRO=${PAYARA_MICRO:-$ROOT/modules/app/target/payara-micro.jar}
[[ -f $PAYARA_MICRO ]] || PAYARA_MICRO=$ROOT/modules/it/target/runtime/payara-micro.jar
STEWARD_CDS=${STEWARD_CDS:-${STEWARD_JAR%.jar}.jsa}
TIMEOUT_S=${BENCH_TIMEOUT_S:-120}
IDLE_S=10
STEWARD_OPTS=()
[[ ${BENCH_CDS:-on} != off && -f $STEWARD_CDS ]] && STEWARD_OPTS=("-XX:SharedArchiveFile=$STEWARD_CDS")
case ${BENCH_GRID:-off} in
    off) STEWARD_GRID=() EMPTY_GRID=(--nohazelcast) ;;
    nocluster) STEWARD_GRID=(--nocluster) EMPTY_GRID=(--nocluster) ;;
    *) echo "BENCH_GRID is off or nocluster" >&2; exit 2 ;;
esac

for f in "$STEWARD_JAR" "$PAYARA_MICRO"; do
    [[ -f $f ]] || { echo "missing $f (run: mvn -o -DskipTests install)" >&2; exit 2; }
done

PID=""
TMP=""

stop_server() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null
        local i
        for ((i = 0; i < 300; i++)); do          # 30 s for a graceful stop, then SIGKILL
            kill -0 "$PID" 2>/dev/null || break
            nap 0.1
        done
        kill -0 "$PID" 2>/dev/null && kill -9 "$PID" 2>/dev/null
    fi
    [[ -n $PID ]] && wait "$PID" 2>/dev/null
    PID=""
    [[ -n $TMP && -d $TMP ]] && rm -rf "$TMP"
    TMP=""
}
trap 'stop_server' EXIT
trap 'exit 130' INT TERM

# Sleep without a subprocess: read with a timeout on a file descriptor that never delivers data.
exec {NAPFD}<> <(:)
nap() { read -r -t "$1" -u "$NAPFD" _ || true; }

now_ns() { date +%s%N; }

rss_kb() {
    local key value unit
    while read -r key value unit; do
        [[ $key == VmRSS: ]] && { echo "$value"; return; }
    done < "/proc/$1/status"
    echo 0
}

# A free TCP port: nothing accepts a connection on it (bash's /dev/tcp).
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 10000))
        (exec 3<> "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

# run_one KIND -> sets MS, RSS1, RSS2
run_one() {
    local kind=$1 port url want t0 t1 code
    port=$(free_port)
    TMP=${TMPDIR:-/tmp}/steward-bench-$kind-$$-$RANDOM
    mkdir -p "$TMP/data"
    if [[ $kind == steward ]]; then
        url=http://127.0.0.1:$port/health/ready want=200
        t0=$(now_ns)
        (cd "$TMP" && STEWARD_DATA_DIR=$TMP/data exec "$JAVA" "${STEWARD_OPTS[@]}" -jar "$STEWARD_JAR" --port "$port" \
            "${STEWARD_GRID[@]}" > "$TMP/server.log" 2>&1) &
    else
        url=http://127.0.0.1:$port/health/live want=any
        t0=$(now_ns)
        (cd "$TMP" && exec "$JAVA" -jar "$PAYARA_MICRO" --port "$port" "${EMPTY_GRID[@]}" > "$TMP/server.log" 2>&1) &
    fi
    PID=$!
    # `( cd && exec java ) &` is one process: the subshell becomes the JVM, so $! is the JVM's pid.
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")
        t1=$(now_ns)
        if [[ $want == any && $code != 000 ]] || [[ $code == "$want" ]]; then
            break
        fi
        if ! kill -0 "$PID" 2>/dev/null; then
            echo "FAILED: $kind exited before it was ready; log tail:" >&2
            tail_log "$TMP/server.log" >&2
            exit 1
        fi
        if (( (t1 - t0) / 1000000000 >= TIMEOUT_S )); then
            echo "FAILED: $kind not ready within ${TIMEOUT_S}s (last status $code); log tail:" >&2
            tail_log "$TMP/server.log" >&2
            exit 1
        fi
        nap 0.05
    done
    MS=$(( (t1 - t0) / 1000000 ))
    RSS1=$(rss_kb "$PID")
    nap "$IDLE_S"
    RSS2=$(rss_kb "$PID")
    LAST_CODE=$code
    stop_server
}

tail_log() {
    local lines=() l
    while IFS= read -r l; do lines+=("$l"); done < "$1"
    local n=${#lines[@]} from=$(( ${#lines[@]} > 30 ? ${#lines[@]} - 30 : 0 ))
    printf '%s\n' "${lines[@]:from:n}"
}

median() {   # median of the arguments (integers), by an insertion sort in bash
    local a=("$@") i j t
    for ((i = 1; i < ${#a[@]}; i++)); do
        t=${a[i]}
        for ((j = i - 1; j >= 0 && a[j] > t; j--)); do a[j + 1]=${a[j]}; done
        a[j + 1]=$t
    done
    local n=${#a[@]}
    if (( n % 2 )); then echo "${a[n / 2]}"; else echo $(( (a[n / 2 - 1] + a[n / 2]) / 2 )); fi
}

ratio() {    # a/b with two decimals, integer arithmetic only
    local r=$(( ($1 * 1000 / $2 + 5) / 10 ))
    printf '%d.%02d' $((r / 100)) $((r % 100))
}

mb() { local x=$(( ($1 * 10 + 512) / 1024 )); printf '%d.%d' $((x / 10)) $((x % 10)); }

read -r load _ < /proc/loadavg
cpus=0
while read -r key _; do [[ $key == processor ]] && cpus=$((cpus + 1)); done < /proc/cpuinfo
echo "Steward start-up bench: $RUNS run(s) each, $cpus CPUs (/proc/cpuinfo), load average $load (/proc/loadavg)"
echo "java: $("$JAVA" -version 2>&1 | { read -r l; echo "$l"; })"
echo "steward: java ${STEWARD_OPTS[*]} -jar $STEWARD_JAR --port P ${STEWARD_GRID[*]}"
echo "empty:   java -jar $PAYARA_MICRO --port P ${EMPTY_GRID[*]}"
echo

declare -a S_MS S_R1 S_R2 E_MS E_R1 E_R2
for ((run = 1; run <= RUNS; run++)); do
    run_one steward; S_MS+=("$MS"); S_R1+=("$RSS1"); S_R2+=("$RSS2")
    printf 'run %d  steward  ready %6d ms  RSS %7s MB  after %ds idle %7s MB\n' \
        "$run" "$MS" "$(mb "$RSS1")" "$IDLE_S" "$(mb "$RSS2")"
    run_one empty; E_MS+=("$MS"); E_R1+=("$RSS1"); E_R2+=("$RSS2")
    printf 'run %d  empty    first answer (%s) %6d ms  RSS %7s MB  after %ds idle %7s MB\n' \
        "$run" "$LAST_CODE" "$MS" "$(mb "$RSS1")" "$IDLE_S" "$(mb "$RSS2")"
done

sm=$(median "${S_MS[@]}") s1=$(median "${S_R1[@]}") s2=$(median "${S_R2[@]}")
em=$(median "${E_MS[@]}") e1=$(median "${E_R1[@]}") e2=$(median "${E_R2[@]}")
echo
echo "Medians of $RUNS runs"
printf '| %-42s | %12s | %14s | %18s |\n' "" "ready (ms)" "RSS ready (MB)" "RSS +${IDLE_S}s idle (MB)"
printf '|%s|%s|%s|%s|\n' "--------------------------------------------" "-------------:" "---------------:" "-------------------:"
printf '| %-42s | %12d | %14s | %18s |\n' "steward.jar (/health/ready 200)" "$sm" "$(mb "$s1")" "$(mb "$s2")"
printf '| %-42s | %12d | %14s | %18s |\n' "empty Payara Micro (/health/live, any)" "$em" "$(mb "$e1")" "$(mb "$e2")"
printf '| %-42s | %12s | %14s | %18s |\n' "ratio steward / empty" "$(ratio "$sm" "$em")" "$(ratio "$s1" "$e1")" \
    "$(ratio "$s2" "$e2")"
# The machine-readable last line, for bench/run.sh (medians; RSS in kB).
echo "RESULT runs=$RUNS steward_ms=$sm empty_ms=$em steward_rss_kb=$s1 steward_rss_idle_kb=$s2 empty_rss_kb=$e1 empty_rss_idle_kb=$e2"
