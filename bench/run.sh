#!/usr/bin/env bash
# The benchmark suite of issue 15 in one command: every figure is a ratio against a baseline measured in the same
# run, on the same machine. Writes bench/README.md's results table (between its "results" markers) after a full
# run of every row, and always bench/out/<time>/results.md with the logs of the run beside it.
#
#   mvn -q -o -DskipTests install           # first: run.sh measures the built artifacts (modules/app/target)
#   bench/run.sh                            # every row, about 36 minutes on 2 cores
#   bench/run.sh 3 8                        # some rows only (rows 1+2 and 5+6 are measured together)
#   BENCH_QUICK=1 bench/run.sh              # a smoke test of everything: small sizes, short warm-ups (6-10 minutes)
#
# Env: BENCH_QUICK=1 (see above); BENCH_README=1|0 to write bench/README.md or not (default: only after a full run of
# every row); BENCH_DECISION_DB=postgres to run rows 1-2 on PostgreSQL (default: the embedded H2); PG* for the
# PostgreSQL to use (default 127.0.0.1:5432, user postgres, trust). Needs java, curl, psql, pgbench, wrk.
#
# Each benchmark script runs in its own process group; on Ctrl-C (or SIGTERM) the running one is sent SIGTERM as a
# group, and stops its servers and drops its databases itself. Whatever is left after it (a process of its group,
# a database of this run) is killed or dropped here.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FROM=
if [ -n "${BENCH_FROM:-}" ]; then FROM=$(cd "$BENCH_FROM" && pwd) || exit 2; fi
cd "$ROOT"
ARGS="$*"
QUICK=${BENCH_QUICK:-0}
[ "$QUICK" = 0 ] || QUICK=1
ALL_ROWS=(1 2 3 4 5 6 7 8)
if [ $# -eq 0 ]; then ROWS=("${ALL_ROWS[@]}"); else ROWS=("$@"); fi
for r in "${ROWS[@]}"; do
    [[ $r =~ ^[1-8]$ ]] || { echo "usage: bench/run.sh [row...]   (rows 1 to 8)" >&2; exit 2; }
done
selected() { local r; for r in "${ROWS[@]}"; do [ "$r" = "$1" ] && return 0; done; return 1; }
declare -A RES SECS LOADS CMDS
ORDER=()
CHILD=
COPY=

preconditions() {
    local missing=() t f newer
    for t in java curl psql pgbench wrk awk setsid pgrep; do command -v $t >/dev/null || missing+=("$t"); done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "missing: ${missing[*]} (wrk: apt-get install -y wrk; pgbench and psql: postgresql-client)" >&2; exit 2
    fi
    ART=$ROOT/modules/app/target
    for f in steward.jar steward.war payara-micro.jar; do
        [ -f "$ART/$f" ] || { echo "missing $ART/$f: build first, mvn -q -o -DskipTests install" >&2; exit 2; }
    done
    newer=$(find modules -path '*/src/main/*' -newer "$ART/steward.jar" -type f 2>/dev/null | head -3)
    [ -z "$newer" ] || echo "WARNING: sources newer than steward.jar (rebuild?): $(echo $newer)" >&2
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
    psql -qtA -d postgres -c 'SELECT 1' >/dev/null || { echo "PostgreSQL at $PGHOST:$PGPORT does not answer" >&2; exit 2; }
}

# Kills what the running benchmark left in its process group, and drops any database of this run.
final_sweep() {
    local left db
    if [ -n "$CHILD" ]; then
        left=$(pgrep -g "$CHILD" 2>/dev/null | tr '\n' ' ')
        if [ -n "$left" ]; then echo "WARNING: killing what the benchmark left: $left" >&2; kill -9 -- -"$CHILD" 2>/dev/null; fi
        CHILD=
    fi
    for db in $(psql -qtA -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '${RUN_ID}\\_%'"); do
        echo "WARNING: dropping database $db, which the benchmark left" >&2
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    done
}
on_signal() {
    trap '' INT TERM
    echo; echo "interrupted: stopping the running benchmark" >&2
    if [ -n "$CHILD" ]; then
        kill -TERM -- -"$CHILD" 2>/dev/null
        local i; for ((i = 0; i < 600; i++)); do kill -0 "$CHILD" 2>/dev/null || break; sleep 0.1; done
    fi
    exit 130
}

describe_machine() {
    read -r L1 L5 L15 _ </proc/loadavg
    CPU=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    RAM=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    KERNEL=$(uname -r)
    NPROC=$(nproc)
    JAVA_V=$(java -version 2>&1 | sed -n 2p)
    PG_V=$(psql -qtA -d postgres -c 'SHOW server_version')
    PG_SET=$(psql -qtA -d postgres -c "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')")
    COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
    git diff --quiet HEAD -- modules 2>/dev/null || COMMIT+=" (with uncommitted changes in modules/)"
    START_H=$(date -u '+%Y-%m-%d %H:%M UTC')
    echo "Steward benchmark suite, rows ${ROWS[*]}$( ((QUICK)) && echo ', QUICK mode (a smoke test, not a measurement)')"
    echo "  $NPROC CPUs ($CPU), $RAM RAM, $JAVA_V, PostgreSQL $PG_V ($PG_SET); load $L1 $L5 $L15; commit $COMMIT"
    echo "  logs: $OUT"
}

# run NAME VAR=VALUE... -- COMMAND ARGS...: one benchmark script, in its own process group (setsid), its output to
# the terminal and to OUT/NAME.log; keeps its RESULT line (empty if it failed).
run() {
    local name=$1 envs=() rc t0=$SECONDS load tailer
    shift
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    read -r load _ </proc/loadavg
    ORDER+=("$name"); LOADS[$name]=$load
    CMDS[$name]="${envs[*]}${envs[*]:+ }$*"
    echo
    echo "=== $name: ${CMDS[$name]}   (load $load, $(date -u +%H:%M:%S) UTC)"
    : >"$OUT/$name.log"
    # The servers' own logs are kept beside the benchmark's (bench/lib.sh copies them there on exit).
    setsid env BENCH_KEEP_LOGS="$OUT/$name-servers" "${envs[@]}" "$@" >>"$OUT/$name.log" 2>&1 </dev/null &
    CHILD=$!
    tail -n +1 -f --pid="$CHILD" "$OUT/$name.log" &
    tailer=$!
    wait "$CHILD"; rc=$?
    wait "$tailer" 2>/dev/null
    final_sweep
    SECS[$name]=$((SECONDS - t0))
    RES[$name]=$(grep '^RESULT ' "$OUT/$name.log" | tail -1)
    if [ $rc -ne 0 ] || [ -z "${RES[$name]}" ]; then
        echo "=== $name FAILED (exit $rc) after ${SECS[$name]} s: see $OUT/$name.log"
        RES[$name]=
    else
        echo "=== $name done in ${SECS[$name]} s"
    fi
}

run_suite() {
    local B=bench
    # Row 7 first, on a machine nothing of ours has loaded yet. It starts the built steward.jar where the build left
    # it, not the copy: the AppCDS archive beside it (steward.jsa) is only valid for the jar at that path, and the JVM
    # ignores it silently for a copy (a 2026-12-06 run measured 16.5 s instead of about 10 that way). It runs first,
    # within three minutes of the copy.
    if ((QUICK)); then
        selected 7 && run startup STEWARD_JAR="$ART/steward.jar" -- $B/startup.sh 1
        (selected 1 || selected 2) && run decision BENCH_DB="${BENCH_DECISION_DB:-h2}" BENCH_WARMUP_S=12 \
            BENCH_DURATION=3s BENCH_ROUNDS=1 BENCH_RATE_S=3 BENCH_RATE_WARMUP_S=2 -- $B/decision.sh
        selected 3 && run write BENCH_WARMUP_S=8 BENCH_DURATION=3s BENCH_ROUNDS=1 BENCH_SUBJECTS=32 -- $B/write.sh
        selected 4 && run export BENCH_DB=postgres BENCH_RUNS=1 -- $B/export.sh 10 100 1000
        (selected 5 || selected 6) && run retention BENCH_ROUNDS=1 -- $B/retention.sh 20000 2
        selected 8 && run cluster BENCH_WARMUP_S=8 BENCH_DURATION=3s BENCH_SUBJECTS=32 -- $B/cluster.sh
    else
        selected 7 && run startup STEWARD_JAR="$ART/steward.jar" -- $B/startup.sh 3
        (selected 1 || selected 2) && run decision BENCH_DB="${BENCH_DECISION_DB:-h2}" -- $B/decision.sh
        selected 3 && run write -- $B/write.sh
        selected 4 && run export BENCH_DB=postgres BENCH_RUNS=3 -- $B/export.sh 10 1000 10000
        (selected 5 || selected 6) && run retention -- $B/retention.sh 1000000 5
        selected 8 && run cluster -- $B/cluster.sh
    fi
    return 0
}

# Everything runs inside main, so that bash has read the whole script before the first benchmark starts (a script
# edited while it runs would otherwise go on from a shifted offset).
main() {
    if [ -n "$FROM" ]; then
        # Only the table again, from the logs and the state of an earlier run (after a change to this script).
        OUT=$FROM
        # shellcheck disable=SC1091
        source "$OUT/state.sh"
        for name in "${ORDER[@]}"; do RES[$name]=$(grep '^RESULT ' "$OUT/$name.log" | tail -1); done
    else
        preconditions
        STAMP=$(date -u +%Y%m%dT%H%M%SZ)
        RUN_ID=bench_$(date -u +%Y%m%d%H%M%S)_$$
        OUT=$ROOT/bench/out/$STAMP
        mkdir -p "$OUT"
        trap on_signal INT TERM
        trap 'final_sweep; [ -n "$COPY" ] && rm -rf "$COPY"' EXIT
        # The artifacts are copied first, so that a rebuild during the run does not change what is measured.
        COPY=$(mktemp -d "${TMPDIR:-/tmp}/steward-bench-artifacts.XXXXXX")
        cp "$ART/steward.jar" "$ART/steward.war" "$ART/payara-micro.jar" "$COPY"/
        export STEWARD_JAR=$COPY/steward.jar STEWARD_WAR=$COPY/steward.war PAYARA_MICRO=$COPY/payara-micro.jar
        export BENCH_RUN_ID=$RUN_ID
        describe_machine
        START_S=$SECONDS
        run_suite
        TOTAL_S=$((SECONDS - START_S))
        declare -p ARGS ROWS QUICK START_H TOTAL_S COMMIT CPU RAM KERNEL NPROC JAVA_V PG_V PG_SET L1 L5 L15 ORDER CMDS \
            SECS LOADS >"$OUT/state.sh"
    fi
    ALL=0; [ "$(printf '%s\n' "${ROWS[@]}" | sort -u | wc -l)" -eq 8 ] && ALL=1
    WRITE_README=${BENCH_README:-$(( ALL && !QUICK ))}

    # ---- the table
    # v NAME KEY: a value of NAME's RESULT line ("" if absent).
    v() { awk -v k="$2" '{for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) {print substr($i, length(k) + 2); exit}}}' <<<"${RES[$1]:-}"; }
    # calc 'EXPR' a=.. b=..: awk arithmetic, with med(list) min(list) max(list) mean(list) over comma lists, and f(x, d)
    # (d decimals, thousands separated).
    calc() {
        local expr=$1; shift
        local args=() a
        for a in "$@"; do args+=(-v "$a"); done
        awk "${args[@]}" 'function n(l, A) {return split(l, A, ",")}
            function srt(l, A, k, i, j, t) {k = split(l, A, ","); for (i = 2; i <= k; i++) {t = A[i] + 0; for (j = i - 1; j >= 1 && A[j] + 0 > t; j--) A[j + 1] = A[j]; A[j + 1] = t}; return k}
            function med(l, A, k) {k = srt(l, A); return (k % 2) ? A[(k + 1) / 2] + 0 : (A[k / 2] + A[k / 2 + 1]) / 2}
            function min(l, A, k) {k = srt(l, A); return A[1] + 0}
            function max(l, A, k) {k = srt(l, A); return A[k] + 0}
            function mean(l, A, k, i, s) {k = n(l, A); for (i = 1; i <= k; i++) s += A[i]; return s / k}
            function at(l, i, A) {n(l, A); return A[i] + 0}
            function f(x, d, s, neg, ip, fp) {s = sprintf("%." d "f", x); neg = (s ~ /^-/); sub(/^-/, "", s)
                ip = s; fp = ""; if (index(s, ".")) {ip = substr(s, 1, index(s, ".") - 1); fp = substr(s, index(s, "."))}
                while (length(ip) > 3 && match(ip, /[0-9][0-9][0-9]$/)) {fp = "," substr(ip, RSTART) fp; ip = substr(ip, 1, RSTART - 1)}
                return (neg ? "-" : "") ip fp}
            BEGIN {print ('"$expr"')}'
    }
    csv() { local IFS=,; echo "$*"; }
    # fl LIST DECIMALS: every value of a comma list, formatted, joined by " / ".
    fl() { local x out=() IFS=,; for x in $1; do out+=("$(calc "f(x, $2)" x="$x")"); done; IFS=' '; local s; s=$(printf '%s / ' "${out[@]}"); echo "${s% / }"; }
    met() { [ "$(calc "$1" "${@:2}")" = 1 ] && echo "**met**" || echo "**missed**"; }

    declare -A WHAT FIG RATIO GOAL OK
    WHAT=([1]="consent decision throughput (wrk, 16 connections)" [2]="consent decision latency at the fixed rate, open loop"
        [3]="consent record write (POST) throughput at 1, 4 and 16 connections" [4]="access export, one subject with 10 / 1,000 / 10,000 records"
        [5]="retention sweep of 1,000,000 expired records" [6]="erasure of one subject, 10 vs 10,000 records"
        [7]="cold start of steward.jar to the first 200 on /health/ready" [8]="decision throughput, 2 instances vs 1")
    GOAL=([1]="≥ 0.8× the no-op" [2]="p99 ≤ 10 ms, and ≤ the no-op's p99" [3]="≥ 0.5× the no-op, and 16 connections ≥ 3× one"
        [4]="≤ 1 s at 10,000, linear" [5]="≤ 1.5× the raw DELETE, heap bounded (peak ≤ half the heap)" [6]="within 2×"
        [7]="≤ 1.5× an empty Payara Micro, RSS ≤ 600 MB" [8]="report honestly (2 cores)")
    failed() { FIG[$1]="failed: see the log (${2}.log)"; RATIO[$1]="—"; OK[$1]="**failed**"; }

    if selected 1 || selected 2; then
        if [ -z "${RES[decision]:-}" ]; then failed 1 decision; failed 2 decision; else
            P=$(v decision ping_rps) D=$(v decision decision_rps)
            rs=$(paste -d, <(tr , '\n' <<<"$D") <(tr , '\n' <<<"$P") | awk -F, '{printf "%s%.4f", (NR > 1 ? "," : ""), $1 / $2}')
            RATIO[1]="$(calc 'f(med(r), 2)' r="$rs")×"
            FIG[1]="decision $(fl "$D" 0) req/s vs no-op $(fl "$P" 0) req/s (per round: $(fl "$rs" 2))"
            OK[1]=$(met 'med(r) >= 0.8' r="$rs")
            PP=$(v decision ping_p99) DP=$(v decision decision_p99) RATE=$(v decision rate)
            rs=$(paste -d, <(tr , '\n' <<<"$DP") <(tr , '\n' <<<"$PP") | awk -F, '{printf "%s%.4f", (NR > 1 ? "," : ""), $1 / $2}')
            WHAT[2]="consent decision latency at $RATE req/s, open loop"
            RATIO[2]="$(calc 'f(max(r), 2)' r="$rs")× (worst round)"
            FIG[2]="p99 $(fl "$DP" 1) ms vs no-op $(fl "$PP" 1) ms (per round; achieved $(fl "$(v decision achieved_decision)" 0) and $(fl "$(v decision achieved_ping)" 0) req/s)"
            AD=$(v decision achieved_decision) AP=$(v decision achieved_ping)
            OK[2]=$(met 'max(d) <= 10 && max(r) <= 1 && min(ad) >= 0.95 * rate && min(ap) >= 0.95 * rate' d="$DP" r="$rs" \
                ad="$AD" ap="$AP" rate="$RATE")
            [ "$(calc 'min(ad) >= 0.95 * rate && min(ap) >= 0.95 * rate' ad="$AD" ap="$AP" rate="$RATE")" = 1 ] \
                || OK[2]="${OK[2]} (the rate was not reached)"
            ED=$(v decision errors_decision) EP=$(v decision errors_ping)
            if [ "$(calc 'max(a) + max(b) > 0' a="${ED:-0}" b="${EP:-0}")" = 1 ]; then
                FIG[2]="${FIG[2]}; failed requests $(fl "$ED" 0) and $(fl "$EP" 0)"; OK[2]="**missed** (failed requests)"
            fi
        fi
    fi
    if selected 3; then
        if [ -z "${RES[write]:-}" ]; then failed 3 write; else
            CONNS=$(v write conns); pings=() consents=() raws=() ratios=()
            for c in ${CONNS//,/ }; do
                pings+=("$(calc 'med(l)' l="$(v write ping_rps_$c)")"); consents+=("$(calc 'med(l)' l="$(v write consent_rps_$c)")")
                raws+=("$(v write raw_tps_$c)"); ratios+=("$(calc 'c / p' c="${consents[-1]}" p="${pings[-1]}")")
            done
            r=$(csv "${ratios[@]}")
            scale=$(calc 'at(l, n(l)) / at(l, 1)' l="$(csv "${consents[@]}")")
            pscale=$(calc 'at(l, n(l)) / at(l, 1)' l="$(csv "${pings[@]}")")
            WHAT[3]="consent record write (POST) throughput at ${CONNS//,/, } connections"
            RATIO[3]="$(fl "$r" 2)×; ${CONNS##*,} vs ${CONNS%%,*} connections: $(calc 'f(s, 2)' s="$scale")×"
            FIG[3]="consent $(fl "$(csv "${consents[@]}")" 0) req/s vs no-op POST $(fl "$(csv "${pings[@]}")" 0) req/s (the no-op: $(calc 'f(s, 1)' s="$pscale")× from ${CONNS%%,*} to ${CONNS##*,}); raw INSERT+COMMIT $(fl "$(csv "${raws[@]}")" 0) tps"
            OK[3]=$(met 'min(r) >= 0.5 && s >= 3' r="$r" s="$scale")
        fi
    fi
    if selected 4; then
        if [ -z "${RES[export]:-}" ]; then failed 4 export; else
            S=$(v export sizes) BU=$(v export build_ms) DL=$(v export download_ms)
            tot=$(paste -d, <(tr , '\n' <<<"$BU") <(tr , '\n' <<<"$DL") | awk -F, '{printf "%s%s", (NR > 1 ? "," : ""), $1 + $2}')
            k=$(calc 'n(l)' l="$S")
            last=$(calc 'at(l, n(l))' l="$tot") first=$(calc 'at(l, 1)' l="$tot") prev=$(calc "at(l, $((k - 1)))" l="$tot")
            grow=$(calc "(at(s, $k) / at(s, $((k - 1))))" s="$S")
            WHAT[4]="access export, one subject with $(fl "$S" 0) records"
            RATIO[4]="$(fl "${S##*,}" 0) / $(fl "${S%%,*}" 0) records: $(calc 'f(a / b, 2)' a="$last" b="$first")×; $(calc 'f(x, 0)' x="$grow")× the records from $(fl "$(cut -d, -f$((k - 1)) <<<"$S")" 0): $(calc 'f(a / b, 2)' a="$last" b="$prev")× the time"
            FIG[4]="build + download $(fl "$tot" 0) ms (build $(fl "$BU" 0), download $(fl "$DL" 0); $(wr=$(v export warm_from_run) rn=$(v export runs); [ "$wr" = "$rn" ] && echo "run $rn" || echo "medians of runs $wr–$rn")); PostgreSQL"
            OK[4]=$(met "a <= 1000 && a / b <= g" a="$last" b="$prev" g="$grow")
        fi
    fi
    if selected 5 || selected 6; then
        if [ -z "${RES[retention]:-}" ]; then failed 5 retention; failed 6 retention; else
            SR=$(v retention sweep_raw) HP=$(v retention heap_peak_mb) HM=$(v retention heap_max_mb) N=$(v retention records)
            WHAT[5]="retention sweep of $(calc 'f(x, 0)' x="$N") expired records"
            RATIO[5]="$(calc 'f(med(r), 2)' r="$SR")× (median; rounds $(fl "$SR" 2))"
            FIG[5]="sweep $(fl "$(v retention sweep_ms)" 0) ms vs raw DELETE $(fl "$(v retention raw_ms)" 0) ms (raw, sweep, raw... each sweep against the raw ones around it); peak used heap $HP MB of $HM MB; rows left $(v retention rows_left)"
            OK[5]=$(met 'med(r) <= 1.5 && h <= m / 2 && left == 0' r="$SR" h="$HP" m="$HM" left="$(v retention rows_left)")
            ES=$(v retention erase_small_us) EL=$(v retention erase_large_us)
            RATIO[6]="$(calc 'f(a / b, 2)' a="$EL" b="$ES")×"
            FIG[6]="$(calc 'f(x / 1000, 1)' x="$EL") ms for 10,000 records vs $(calc 'f(x / 1000, 1)' x="$ES") ms for 10 (the erasure transaction; medians of $(v retention repeats))"
            OK[6]=$(met 'a / b <= 2' a="$EL" b="$ES")
        fi
    fi
    if selected 7; then
        if [ -z "${RES[startup]:-}" ]; then failed 7 startup; else
            SM=$(v startup steward_ms) EM=$(v startup empty_ms) R1=$(v startup steward_rss_kb) R2=$(v startup steward_rss_idle_kb)
            RATIO[7]="$(calc 'f(a / b, 2)' a="$SM" b="$EM")×"
            FIG[7]="$(calc 'f(x, 0)' x="$SM") ms vs $(calc 'f(x, 0)' x="$EM") ms for an empty Payara Micro (its first answer); RSS $(calc 'f(x / 1024, 0)' x="$R1") MB at ready, $(calc 'f(x / 1024, 0)' x="$R2") MB 10 s later (medians of $(v startup runs))"
            OK[7]=$(met 'a / b <= 1.5 && r1 / 1024 <= 600 && r2 / 1024 <= 600' a="$SM" b="$EM" r1="$R1" r2="$R2")
        fi
    fi
    if selected 8; then
        if [ -z "${RES[cluster]:-}" ]; then failed 8 cluster; else
            O=$(v cluster one_rps) T=$(v cluster two_rps) OW=$(v cluster one_write_rps) TW=$(v cluster two_write_rps)
            RATIO[8]="$(calc 'f(t / mean(o), 2)' t="$T" o="$O")×; consent writes $(calc 'f(t / mean(o), 2)' t="$TW" o="$OW")×"
            FIG[8]="decision $(calc 'f(x, 0)' x="$T") req/s on 2 instances vs $(fl "$O" 0) on 1 (before and after; A under the whole load while B idles: $(calc 'f(x, 0)' x="$(v cluster a_with_b_idle_rps)")); consent writes $(calc 'f(x, 0)' x="$TW") vs $(fl "$OW" 0) req/s (B idle: $(calc 'f(x, 0)' x="$(v cluster a_with_b_idle_write_rps)")); 16 connections in all, PostgreSQL"
            OK[8]="reported"
        fi
    fi

    {
        echo "<!-- results:begin (written by bench/run.sh; edit the script, not this section) -->"
        if ((QUICK)); then echo; echo "**QUICK MODE: a smoke test of the suite with small sizes and short warm-ups; these figures are not measurements.**"; fi
        echo
        echo "Run $START_H, $(calc 'f(x / 60, 0)' x="$TOTAL_S") min ($TOTAL_S s), commit $COMMIT."
        echo
        echo "- Machine: \`nproc\` = $NPROC, $CPU, $RAM RAM, Linux $KERNEL; $JAVA_V; PostgreSQL $PG_V ($PG_SET)."
        echo "- Load average at the start: $L1 $L5 $L15; at the start of each benchmark: $(for n in "${ORDER[@]}"; do printf '%s %s, ' "$n" "${LOADS[$n]}"; done | sed 's/, $//')."
        echo "- Commands (from the repository root, after \`mvn -q -o -DskipTests install\`; \`bench/run.sh${ARGS:+ $ARGS}\` runs them all$( ((QUICK)) && echo ' with BENCH_QUICK=1')):"
        for n in "${ORDER[@]}"; do echo "  - \`${CMDS[$n]}\` (${SECS[$n]} s)"; done
        echo
        echo "| # | what | measured in this run | ratio to the baseline of the same run | goal | |"
        echo "|---|---|---|---|---|---|"
        for r in "${ALL_ROWS[@]}"; do
            selected "$r" || continue
            echo "| $r | ${WHAT[$r]} | ${FIG[$r]} | ${RATIO[$r]} | ${GOAL[$r]} | ${OK[$r]} |"
        done
        echo
        echo "<!-- results:end -->"
    } >"$OUT/results.md"
    echo
    cat "$OUT/results.md"
    if [ "$WRITE_README" = 1 ]; then
        README=$ROOT/bench/README.md
        if grep -q '<!-- results:begin' "$README" && grep -q '<!-- results:end -->' "$README"; then
            awk -v f="$OUT/results.md" '/<!-- results:begin/ {while ((getline l < f) > 0) print l; skip = 1; next}
                /<!-- results:end -->/ {skip = 0; next} !skip' "$README" >"$OUT/README.md" && cp "$OUT/README.md" "$README"
            echo "bench/README.md: results section replaced"
        else
            echo "bench/README.md has no results markers; the table is in $OUT/results.md" >&2
        fi
    fi
    echo "total $TOTAL_S s; logs in $OUT"
}

main "$@"; exit $?
