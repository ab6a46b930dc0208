#!/bin/sh
# history.sh - `make bench-history`: what the audit history costs, beside
# the targets of issue 24 (whole-process wall times; never a test).
#
#   1. a typical audit without a store and keeping it in an SQLite store,
#      runs interleaved in pairs, medians (target: storing adds <= 20 %): the
#      example factory's first audit (examples/pabrik-karawang.ini, nothing
#      earlier in the store), and its second year
#      (tests/data/history/karawang-2027.ini after the first: the earlier
#      readings read back, the comparison, the Changes sheet, storing);
#      each run's file gets new bytes, so each stores a new revision;
#   2. a store of 1,000 sites x 3 audits (bench/history_bench.c), then
#      `history`, `history SITE_ID` and `due`, best of 3 (target <= 0.5 s);
#   3. the 100,000-bus site (bench/gen.c radial) with its workbook, CPU
#      seconds (user + system, median of BIG_RUNS) and wall seconds (what
#      the tester waits: the store is kept beside the workbook) without a
#      store and
#      keeping it: its first audit into a new store, and its second a year
#      later (the first in the store: its findings compared, the Changes
#      sheet written, the audit stored; target: storing adds <= 15 %).
#      The figure is the median of each pair's ratio (a run keeping the
#      store over the run without it beside it): on a shared machine
#      the load moves between runs by more than storing costs, and the
#      difference of two medians taken apart moves with it (the two years'
#      runs without a store do the same work, the date aside, yet their
#      medians of 3 differed by up to 1.3 s); both medians are printed too.
# The two runs of a pair alternate their order (odd pairs without a store
# first, even pairs storing first), so what favours the second run of a
# pair (page cache, clock ramp) falls on both sides alike.  Each figure is
# printed with the machine's load (uptime) beside it.
set -u
BIN=${1:-build/k3audit}
FILL=${2:-build/k3a-history-bench}
GEN=${3:-build/k3a-gen}
BIG_RUNS=${BIG_RUNS:-3}
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
        if [ $((i % 2)) -eq 1 ]; then
            ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q --no-db >>"$TMP/a"
            ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q "$@" >>"$TMP/b"
        else
            ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q "$@" >>"$TMP/b"
            ms "$BIN" audit "$TMP/v.ini" -o "$TMP/v.xlsx" -q --no-db >>"$TMP/a"
        fi
        i=$((i + 1))
    done
    a=$(median <"$TMP/a")
    b=$(median <"$TMP/b")
    echo "$label ($RUNS runs, median; order alternating): no store $a ms, storing $b ms:" \
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

# ---- 3. the 100,000-bus site ------------------------------------------------
# CPU seconds of a command (user + system of the child, from `times`) and
# its wall seconds: the program keeps the audit on its extra thread while
# the workbook is written, so storing costs CPU more than waiting
cpu() {
    w0=$(date +%s%N)
    t=$( ("$@" >/dev/null 2>&1; times) | tail -1)
    w1=$(date +%s%N)
    echo "$t" | awk -v w=$(((w1 - w0) / 1000000)) '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); s += a[1] * 60 + a[2] } printf "%.2f %.3f\n", s, w / 1000 }'
}
# one pair of year $2's runs, in the order of pair $1 (odd: no store first)
big_pair() {
    p=$1 y=$2
    shift 2
    if [ $((p % 2)) -eq 1 ]; then
        cpu "$BIN" audit "$TMP/big$y.ini" -o "$TMP/b.xlsx" -q --no-db >>"$TMP/n$y"
        cpu "$BIN" audit "$TMP/big$y.ini" -o "$TMP/b.xlsx" -q "$@" >>"$TMP/s$y"
    else
        cpu "$BIN" audit "$TMP/big$y.ini" -o "$TMP/b.xlsx" -q "$@" >>"$TMP/s$y"
        cpu "$BIN" audit "$TMP/big$y.ini" -o "$TMP/b.xlsx" -q --no-db >>"$TMP/n$y"
    fi
}
if "$GEN" radial 100000 >"$TMP/big1.ini" 2>/dev/null; then
    awk '/^audit_date = / { split($3, d, "-"); printf "audit_date = %d-%s-%s\n", d[1] + 1, d[2], d[3]; next } { print }' \
        "$TMP/big1.ini" >"$TMP/big2.ini"
    "$BIN" audit "$TMP/big1.ini" -o "$TMP/b.xlsx" -q --db "$TMP/big-y1.db" >/dev/null 2>&1
    : >"$TMP/n1"; : >"$TMP/s1"; : >"$TMP/n2"; : >"$TMP/s2"
    l0=$(load)
    i=1
    while [ "$i" -le "$BIG_RUNS" ]; do
        rm -f "$TMP"/big-new.db*
        big_pair "$i" 1 --db "$TMP/big-new.db"
        rm -f "$TMP"/big-w.db*
        cp "$TMP/big-y1.db" "$TMP/big-w.db"
        [ -f "$TMP/big-y1.db-wal" ] && cp "$TMP/big-y1.db-wal" "$TMP/big-w.db-wal"
        big_pair "$i" 2 --db "$TMP/big-w.db"
        i=$((i + 1))
    done
    for y in 1 2; do
        for c in 1 2; do
            [ $c = 1 ] && what="CPU" || what="wall"
            a=$(cut -d' ' -f$c "$TMP/n$y" | median)
            b=$(cut -d' ' -f$c "$TMP/s$y" | median)
            r=$(paste -d' ' "$TMP/n$y" "$TMP/s$y" |
                awk -v c=$c '{ printf "%.4f\n", ($(c + 2) - $c) * 100 / $c }' | median)
            echo "100,000-bus site, year $y ($BIG_RUNS pairs in alternating order, $what):" \
                "storing adds $(printf '%+.1f' "$r") % (median of the pairs; target <= 15 %);" \
                "medians: no store $a s, storing $b s ($l0 before, $(load) after)"
        done
    done
else
    echo "100,000-bus site: $GEN missing (make bench builds it)"
fi
