#!/bin/sh
# history.sh - `make bench-history`: what the audit history costs, beside
# the targets of issue 24 (whole-process wall times; never a test).
#
#   1. a typical audit without a store and keeping it in an SQLite store,
#      runs interleaved, medians (target: storing adds <= 20 %): the
#      example factory's first audit (examples/pabrik-karawang.ini, nothing
#      earlier in the store), and its second year
#      (tests/data/history/karawang-2027.ini after the first: the earlier
#      readings read back, the comparison, the Changes sheet, storing);
#      each run's file gets new bytes, so each stores a new revision;
#   2. a store of 1,000 sites x 3 audits (bench/history_bench.c), then
#      `history`, `history SITE_ID` and `due`, best of 3 (target <= 0.5 s).
# Each figure is printed with the machine's load (uptime) beside it.
set -u
BIN=${1:-build/k3audit}
FILL=${2:-build/k3a-history-bench}
RUNS=${RUNS:-21}
TMP=$(mktemp -d /tmp/k3a-hbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
EX=examples/pabrik-karawang.ini

ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

load() { uptime | sed 's/.*load average: \([^,]*\).*/load \1/'; }
typical() { # label site-file store-args...
    label=$1 site=$2
    shift 2
    i=1
    : >"$TMP/a"
    : >"$TMP/b"
    l0=$(load)
    while [ "$i" -le "$RUNS" ]; do
        { cat "$site"; echo "; run $i"; } >"$TMP/v.ini" # new bytes: a new revision each run
        ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q --no-db >>"$TMP/a"
        ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q "$@" >>"$TMP/b"
        i=$((i + 1))
    done
    a=$(median <"$TMP/a")
    b=$(median <"$TMP/b")
    echo "$label ($RUNS runs, median): no store $a ms, storing $b ms:" \
        "+$(((b - a) * 100 / (a > 0 ? a : 1))) % (target <= 20 %; $l0 before, $(load) after)"
}
typical "typical audit, first year ($EX)" "$EX" --db "$TMP/s1.db"
"$BIN" audit "$EX" -o "$TMP/y1.xlsx" -q --db "$TMP/s2.db" || exit 1
typical "typical audit, second year (tests/data/history/karawang-2027.ini)" \
    tests/data/history/karawang-2027.ini --db "$TMP/s2.db"

"$FILL" "$EX" "$TMP/big.db" 1000 3 || exit 1
best() {
    m=999999
    for _ in 1 2 3; do t=$(ms "$@"); [ "$t" -lt "$m" ] && m=$t; done
    echo "$m"
}
echo "1,000 sites x 3 audits ($(load)):"
echo "history over 1,000 sites x 3 audits: $(best "$BIN" history --db "$TMP/big.db") ms (target <= 500 ms)"
echo "history bench-0500:                  $(best "$BIN" history bench-0500 --db "$TMP/big.db") ms (target <= 500 ms)"
echo "due --on 2026-03-10 --within 60:     $(best "$BIN" due --on 2026-03-10 --db "$TMP/big.db") ms (target <= 500 ms)"
echo "store: $(du -k "$TMP/big.db" | cut -f1) KiB"
