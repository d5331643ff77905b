#!/usr/bin/env bash
# Rows 5 and 6 (issue 5): a policy sweep over N expired records against a raw SQL DELETE of the same rows on the
# same PostgreSQL in the same run, and the erasure of a subject with 10 records against one with 10,000.
# Usage: bench/retention.sh [records=1000000] [repeats=5] (BENCH_ROUNDS=3 sweep rounds). Needs psql, curl and a local
# PostgreSQL (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres; a fresh database, dropped at the end). Build
# first: mvn -q -o -DskipTests install. STEWARD_WAR/PAYARA_MICRO point it at copies, so that a rebuild during a run
# does not change what is measured. BENCH_HEAP (default 512m), BENCH_CHUNK (default 50000).
# Last line: RESULT records=N sweep_ms=.. raw_ms=.. (raw: one more than sweeps) sweep_raw=.. (per round)
#   heap_peak_mb=.. (the largest of the rounds) heap_max_mb=512 rows_left=.. erase_small_us=.. erase_large_us=..
#   (medians) small=10 large=10000
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
REPEATS=${2:-5}
SUBJECTS=1000
HEAP=${BENCH_HEAP:-512m}
command -v psql >/dev/null || { echo "psql is missing" >&2; exit 2; }
need "$STEWARD_WAR" "$PAYARA_MICRO"
db_create retention
PORT=$(free_port)
ms() { date +%s%3N; }
q() { psql -qtA -d "$DB" -c "$1"; }

# shellcheck disable=SC2046
SERVER_JVM_OPTS=-Xmx$HEAP start_server retention war "$PORT" $(db_env "$DB") STEWARD_RETENTION_SWEEP_PERIOD=PT1S \
    STEWARD_RETENTION_POLICY_CHUNK="${BENCH_CHUNK:-50000}" -- --nocluster --nohazelcast
wait_ready "$PORT" "$SERVER_PID" retention
PASS=$ADMIN_PASSWORD
API="curl -sf -u admin:$PASS -H Content-Type:application/json"
$API localhost:$PORT/api/v1/users -d '{"username":"bench-operator","password":"bench-password-1","roles":["ADMIN","PRIVACY_OFFICER","AUDITOR"]}' >/dev/null
OP="curl -sf -u bench-operator:bench-password-1 -H Content-Type:application/json"
id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }
TENANT=$($OP localhost:$PORT/api/v1/tenants -d '{"name":"Bench","siteUrl":"https://bench.atlassian.net","hostingMode":"CLOUD","licence":{"key":"SEN-BENCH","expiresOn":"2099-12-31"}}' | id)

echo "# $(date -u +%FT%TZ)  $(machine)  chunk ${BENCH_CHUNK:-50000}; $(psql -tA -d postgres -c 'select version()' | cut -c1-40); heap -Xmx$HEAP"

# Subjects for the bulk rows (no personal data: the benchmark times deletion, not encryption).
q "INSERT INTO identity_subject (id, tenant_id, data_key_id, minor, created_at, updated_at, version, index_version)
   SELECT md5('s' || g)::uuid::text, '$TENANT', md5('k' || g)::uuid::text, FALSE, now(), now(), 0, 1
   FROM generate_series(1, $SUBJECTS) g"
generate() {  # N feedback records obtained 400 days ago, spread over the subjects
  q "INSERT INTO identity_personal_record (id, tenant_id, subject_id, category, payload, obtained_at, created_at)
     SELECT md5('r' || g)::uuid::text, '$TENANT', md5('s' || (g % $SUBJECTS + 1))::uuid::text, 'FEEDBACK',
            decode(md5(g::text) || md5((g + 1)::text) || md5((g + 2)::text), 'hex'),
            now() - interval '400 days', now()
     FROM generate_series(1, $N) g"
  psql -q -d "$DB" -c "VACUUM ANALYZE identity_personal_record" >/dev/null
}
raw_delete() {
  local t0 t1; generate; t0=$(ms)
  q "DELETE FROM identity_personal_record WHERE category = 'FEEDBACK' AND obtained_at < now() - interval '30 days'" >/dev/null
  t1=$(ms); echo $((t1 - t0))
}
heap_sampler() {  # the largest used heap (MB, MP Metrics memory.usedHeap) seen while the file $1 exists
  local max=0 used
  while [ -e "$1" ]; do
    used=$(curl -s "localhost:$PORT/metrics?scope=base" | awk '/^memory_usedHeap_bytes/ {printf "%d", $2 / 1048576}')
    [ -n "$used" ] && [ "$used" -gt "$max" ] && max=$used
    sleep 0.2
  done
  echo "$max"
}
sweep() {
  local t0 flag=$WORK/sweeping before after ms_run heap
  generate
  before=$(q "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'CATEGORY' AND status = 'DONE'")
  touch "$flag"; heap_sampler "$flag" > "$WORK/heap" &
  t0=$(ms)
  $OP -X PUT localhost:$PORT/api/v1/retention/policies/feedback -d '{"trigger":"FIXED","periodDays":30}' >/dev/null
  while [ "$(q "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'CATEGORY' AND status = 'DONE'")" = "$before" ]; do sleep 0.2; done
  after=$(ms); rm -f "$flag"; wait
  ms_run=$(q "SELECT duration_ms FROM retention_sweep_run WHERE records_erased >= $N ORDER BY started_at DESC LIMIT 1")
  left=$(q "SELECT COUNT(*) FROM identity_personal_record WHERE category = 'FEEDBACK'")
  echo "category erasure itself (first chunk to certificate): $(q "SELECT duration_micros / 1000 FROM retention_erasure WHERE scope = 'CATEGORY' ORDER BY completed_at DESC LIMIT 1") ms" >&2
  $OP -X PUT localhost:$PORT/api/v1/retention/policies/feedback -d '{"trigger":"INACTIVITY","periodDays":365}' >/dev/null
  echo "$ms_run $((after - t0)) $(cat "$WORK/heap") $left"
}

ROUNDS=${BENCH_ROUNDS:-3}
echo "== policy sweep over $N expired records vs raw DELETE (same rows, same database), $ROUNDS rounds"
# raw, sweep, raw, sweep, ..., raw: each sweep is compared with the mean of the raw DELETEs just before and after it,
# so a load change on the machine during the run hits both sides of each ratio.
PREV=$(raw_delete); echo "raw DELETE: $PREV ms"
ratios=(); sweeps=(); raws=("$PREV"); heaps=(); lefts=0
for r in $(seq 1 "$ROUNDS"); do
  read -r S WALL HEAPMB LEFT < <(sweep)
  echo "sweep: $S ms in the sweep run ($WALL ms from the policy change, incl. up to 1 s until the next period); max used heap ${HEAPMB} MB; rows left $LEFT"
  NEXT=$(raw_delete); echo "raw DELETE: $NEXT ms"
  RATIO=$(awk -v s=$S -v a=$PREV -v b=$NEXT 'BEGIN {printf "%.2f", 2 * s / (a + b)}')
  echo "round $r: sweep/raw $RATIO (sweep $S ms / mean raw $(( (PREV + NEXT) / 2 )) ms)"
  ratios+=("$RATIO"); sweeps+=("$S"); raws+=("$NEXT"); heaps+=("$HEAPMB"); lefts=$((lefts + LEFT)); PREV=$NEXT
done
echo "sweep/raw per round: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"

echo "== erasure of one subject with 10 records vs one with 10,000 (crypto-shredding), $REPEATS each"
small=(); large=()
for i in $(seq 1 "$REPEATS"); do
  for size in 10 10000; do
    S_ID=$($OP localhost:$PORT/api/v1/tenants/$TENANT/subjects -d "{\"email\":\"b$i-$size@example.org\"}" | id)
    q "INSERT INTO identity_personal_record (id, tenant_id, subject_id, category, payload, obtained_at, created_at)
       SELECT md5('$S_ID' || g)::uuid::text, '$TENANT', '$S_ID', 'CONTACT', decode(md5(g::text) || md5(g::text), 'hex'), now(), now()
       FROM generate_series(1, $size) g"
    E_ID=$($OP localhost:$PORT/api/v1/tenants/$TENANT/subjects/$S_ID/erasure -d '{"reference":"BENCH"}' | id)
    while [ "$(q "SELECT status FROM retention_erasure WHERE id = '$E_ID'")" != DONE ]; do sleep 0.2; done
    us=$(q "SELECT duration_micros FROM retention_erasure WHERE id = '$E_ID'")
    if [ $size = 10 ]; then small+=("$us"); else large+=("$us"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
MS=$(median "${small[@]}"); ML=$(median "${large[@]}")
echo "10 records:     ${small[*]} us (median $MS)"
echo "10,000 records: ${large[*]} us (median $ML)"
echo "ratio 10,000/10: $(awk -v a=$ML -v b=$MS 'BEGIN {printf "%.2f", a / b}')"
result "records=$N sweep_ms=$(join_by , "${sweeps[@]}") raw_ms=$(join_by , "${raws[@]}")" \
    "sweep_raw=$(join_by , "${ratios[@]}") heap_peak_mb=$(printf '%s\n' "${heaps[@]}" | sort -n | tail -1)" \
    "heap_max_mb=$(( $(numfmt --from=iec "${HEAP^^}") / 1048576 )) rows_left=$lefts erase_small_us=$MS" \
    "erase_large_us=$ML small=10 large=10000 repeats=$REPEATS"
