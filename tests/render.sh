#!/bin/sh
# render.sh - the workbooks as a tester prints them, run by `make check`.
#
#   sh tests/render.sh build/k3audit
#
# Renders the example's audit workbook (Bahasa Indonesia and English) and a
# Bimtek scenario workbook to PDF with LibreOffice headless and reads them
# back with pdftotext, as a tester reads the printed pages: no cell shows
# ###, no project note or news site is cited, no English fragment from the
# list below is in the Indonesian workbook (nor Indonesian in the English
# one), money is grouped and the Pengesahan block is there to sign.
#
# Without soffice or pdftotext the checks are skipped and counted; with
# K3A_REQUIRE_RENDER=1 (CI, .ci/run) a missing tool is a failure.
set -u
BIN=${1:-build/k3audit}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: render: $*"; }

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    if [ "${K3A_REQUIRE_RENDER:-0}" = 1 ]; then
        echo "FAIL: render: soffice or pdftotext is not installed (K3A_REQUIRE_RENDER=1)"
        exit 1
    fi
    echo "render: SKIPPED 22 checks: soffice (libreoffice-calc-nogui) or pdftotext" \
        "(poppler-utils) not installed"
    exit 0
fi

TMP=$(mktemp -d /tmp/k3a-render.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# LibreOffice keeps its profile in HOME: a fresh one, so a running office
# or a user's settings do not interfere
export HOME="$TMP/home"
mkdir -p "$HOME"

"$BIN" audit examples/pabrik-karawang.ini -o "$TMP/id.xlsx" -q >/dev/null 2>&1 ||
    bad "audit (id) failed"
"$BIN" audit examples/pabrik-karawang.ini --lang en -o "$TMP/en.xlsx" -q >/dev/null 2>&1 ||
    bad "audit (en) failed"
"$BIN" scenario examples/bimtek/01-breaker-lambat.ini -o "$TMP/bimtek.xlsx" -q \
    >/dev/null 2>&1 || bad "scenario failed"
"$BIN" audit tests/data/pdf_boundary.ini -o "$TMP/bd.xlsx" -q >/dev/null 2>&1 ||
    bad "audit (boundary) failed"
for b in id en bimtek bd; do
    timeout 300 soffice --headless --convert-to pdf --outdir "$TMP" "$TMP/$b.xlsx" \
        >/dev/null 2>&1
    if [ -s "$TMP/$b.pdf" ]; then ok; else bad "LibreOffice did not print $b.xlsx"; fi
    pdftotext -layout "$TMP/$b.pdf" "$TMP/$b.txt" 2>/dev/null
done

# the pages a tester reads (the Input and model-table sheets record key
# names and the documents' own titles, and the Peringatan sheet copies
# the diagnostics): each page's header names its sheet
pages() { # pdf out: the text of every page but those sheets'
    n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    : >"$2"
    i=1
    while [ "$i" -le "${n:-0}" ]; do
        pdftotext -layout -f "$i" -l "$i" "$1" "$TMP/page.txt" 2>/dev/null
        case $(head -1 "$TMP/page.txt") in
        *" Input "* | *"Tabel Model"* | *"Model tables"* | *" Peringatan "* | *" Warnings "*) ;;
        *) cat "$TMP/page.txt" >>"$2" ;;
        esac
        i=$((i + 1))
    done
}
pages "$TMP/id.pdf" "$TMP/id-read.txt"
pages "$TMP/en.pdf" "$TMP/en-read.txt"

# 1. every cell shows its value
for b in id en bimtek; do
    if grep -q '###' "$TMP/$b.txt"; then bad "$b: a cell shows ###"; else ok; fi
done

# 2. the deliverable cites documents, never the project's notes (STYLE
# pitfall 16)
if grep -n -i -E 'methods\.md|regulations_id|site-format|scribd|bloomberg|technoz|katadata' \
    "$TMP/id.txt" "$TMP/en.txt" "$TMP/bimtek.txt"; then
    bad "a project note or news site is cited"
else ok; fi

# 3. no English in the Indonesian workbook: the fragments the workbook
# printed before they were translated (issue 22), and key names
cat >"$TMP/english.txt" <<'EOF'
kWh/year
ohm/year
%/year
Rp/year
TOE/year
t/year
minimum_source
arc_time_max_s
depth_mm
kategori APD dangerous
observation OBS-
device MCCB-
open air
shallow
typical
does not apply
n/a (single-phase)
not energised
pts
Baseline
CDD0.00
system/equipment
supply/generator
cleared by
Arc flash at
voltage above
EOF
if grep -n -F -f "$TMP/english.txt" "$TMP/id-read.txt"; then
    bad "English in the Indonesian workbook (above)"
else ok; fi
cat >"$TMP/indonesian.txt" <<'EOF'
TIDAK MEMENUHI
kWh/tahun
Pengesahan
Rekomendasi tindakan
kasus sumber minimum
berbahaya
EOF
if grep -n -F -f "$TMP/indonesian.txt" "$TMP/en-read.txt"; then
    bad "Indonesian in the English workbook (above)"
else ok; fi

# 4. money grouped: the March 2025 bill of the example, cost_Rp = 398600000
# in the site file, printed in thousands (4.921.784.442-style, either
# separator as the renderer's locale has it)
if grep -q -E '398[.,]600[.,]000' "$TMP/id.txt"; then ok; else
    bad "the bill's Rp 398600000 is not printed grouped"; fi
# (a serial number, a date or a SHA-256 is not an amount: after a letter,
# '-' or '/', or among hex digits)
if grep -v -E '[0-9a-f]{40}|seri |kal\. s\.d\.' "$TMP/id-read.txt" |
    grep -q -E '(^|[^-0-9.,/A-Za-z])[0-9]{7,}([^-0-9]|$)'; then
    grep -v -E '[0-9a-f]{40}|seri |kal\. s\.d\.' "$TMP/id-read.txt" |
        grep -n -E '(^|[^-0-9.,/A-Za-z])[0-9]{7,}([^-0-9]|$)' | head -5
    bad "an ungrouped number of 7 or more digits"
else ok; fi

# 5. the Pengesahan block: the three who sign, by name from the site file
for s in 'Penguji (Ahli K3 Listrik)' 'Wakil perusahaan' '( Ir. Siti Rahmawati )' \
    '( Budi Santoso )'; do
    if grep -q -F "$s" "$TMP/id.txt"; then ok; else bad "Pengesahan lacks '$s'"; fi
done

# 5b. the conclusion in the words of the PDF and the terminal (D24); the
# inspection body's head signs over its stamp with a NIP line, and no
# development folder is printed (D25)
if grep -q "TIDAK MEMENUHI SYARAT K3" "$TMP/id.txt" &&
    grep -q "DOES NOT MEET THE K3 REQUIREMENTS" "$TMP/en.txt"; then ok; else
    bad "the conclusion is not worded as in the PDF (SYARAT K3)"; fi
if grep -q "NIP" "$TMP/id.txt" && ! grep -q "( UPTD Balai K3 Bandung )" "$TMP/id.txt" &&
    ! grep -q "examples/pabrik-karawang" "$TMP/id.txt"; then ok; else
    bad "Pengesahan: the body's head and NIP line, or a folder path printed"; fi

# 5c. the tariff cost on Ringkasan says its basis and its gap to the bills
# as paid (A10)
if grep -q "rekening yang" "$TMP/id.txt" && grep -q "bills as paid" "$TMP/en.txt"; then ok; else
    bad "Ringkasan: the tariff cost's gap to the bills is not explained"; fi

# 5d. a training workbook's pages are headed as a training, not an
# inspection date (D29)
if grep -q "LATIHAN - bukan hasil riksa uji, " "$TMP/bimtek.txt" &&
    ! grep -q "Tanggal riksa uji 20" "$TMP/bimtek.txt"; then ok; else
    bad "the training workbook's header says 'Tanggal riksa uji'"; fi

# 6. every page has its header and "x / y" footer
n=$(pdfinfo "$TMP/id.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$(grep -c -E "Halaman [0-9]+ / $n" "$TMP/id.txt")" -ge $((n - 4)) ]; then ok; else
    bad "pages without 'Halaman x / $n'"; fi

# 7. a value beside its limit never prints alike (site-format 9): Zs 1.44
# against 1.4375 ohm (B32: 230 / (5 x 32)), IR 0.9996 against 1 Mohm
# (PUIL 2011 Table 6A), on Temuan and on the Isolasi sheet
if [ "$(grep -c -E '0[.,]9996 +1 ' "$TMP/bd.txt")" -ge 2 ] &&
    grep -q -E '1[.,]44 +1[.,]4375' "$TMP/bd.txt"; then ok; else
    bad "a value and its limit print alike (1.44 / 1.4375, 0.9996 / 1)"; fi

echo "render: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
