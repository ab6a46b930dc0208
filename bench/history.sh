#!/bin/sh
# history.sh - `make bench-history`: what the audit history costs, beside
# the targets of issue 24 (whole-process wall times; never a test).
#
#   1. a typical audit (examples/pabrik-karawang.ini) without a store and
#      keeping a new audit in an SQLite store, runs interleaved, medians
#      (target: storing adds <= 20 %);
#   2. a store of 1,000 sites x 3 audits (bench/history_bench.c), then
#      `history`, `history SITE_ID` and `due`, best of 3 (target <= 0.5 s).
set -u
BIN=${1:-build/k3audit}
FILL=${2:-build/k3a-history-bench}
RUNS=${RUNS:-21}
TMP=$(mktemp -d /tmp/k3a-hbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
EX=examples/pabrik-karawang.ini

ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

i=1
: >"$TMP/a"
: >"$TMP/b"
while [ "$i" -le "$RUNS" ]; do
    { cat "$EX"; echo "; run $i"; } >"$TMP/v.ini" # new bytes: a new revision each run
    ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q --no-db >>"$TMP/a"
    ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q --db "$TMP/s.db" >>"$TMP/b"
    i=$((i + 1))
done
a=$(median <"$TMP/a")
b=$(median <"$TMP/b")
echo "typical audit ($EX, $RUNS runs, median): no store $a ms, storing $b ms:" \
    "+$(((b - a) * 100 / (a > 0 ? a : 1))) % (target <= 20 %)"

"$FILL" "$EX" "$TMP/big.db" 1000 3 || exit 1
best() {
    m=999999
    for _ in 1 2 3; do t=$(ms "$@"); [ "$t" -lt "$m" ] && m=$t; done
    echo "$m"
}
echo "history over 1,000 sites x 3 audits: $(best "$BIN" history --db "$TMP/big.db") ms (target <= 500 ms)"
echo "history bench-0500:                  $(best "$BIN" history bench-0500 --db "$TMP/big.db") ms (target <= 500 ms)"
echo "due --on 2026-03-10 --within 60:     $(best "$BIN" due --on 2026-03-10 --db "$TMP/big.db") ms (target <= 500 ms)"
echo "store: $(du -k "$TMP/big.db" | cut -f1) KiB"
