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
    echo "render: SKIPPED 39 checks: soffice (libreoffice-calc-nogui) or pdftotext" \
        "(poppler-utils) not installed"
    exit 0
fi

TMP=$(mktemp -d /tmp/k3a-render.XXXXXX)
trap '[ -n "${K3A_KEEP:-}" ] || rm -rf "$TMP"' EXIT
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
IEC_SI
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
# '-' or '/', among hex digits, or a serial wrapped onto its own line
# before "; kal. s.d.")
if grep -v -E '[0-9a-f]{40}|seri |kal\. s\.d\.|[0-9]{7,};' "$TMP/id-read.txt" |
    grep -q -E '(^|[^-0-9.,/A-Za-z])[0-9]{7,}([^-0-9]|$)'; then
    grep -v -E '[0-9a-f]{40}|seri |kal\. s\.d\.|[0-9]{7,};' "$TMP/id-read.txt" |
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

# ---- issue 22, the workbook's print (B19-B21): each check fails on the
# workbook as it printed before the fix ----
npages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
page() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }
# the height of the running header's words (pt): 8 pt text printed at
# the sheet's scale (LibreOffice scales the header with the sheet)
hdrh() {
    pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null |
        awk -F'"' '/<word/ { if ($8 < 40 && $8 - $4 > m) m = $8 - $4 } END { print m + 0 }'
}
for b in id en; do
    n=$(npages "$TMP/$b.pdf")
    : >"$TMP/$b.pages"
    i=1
    while [ "$i" -le "${n:-0}" ]; do
        printf '%s %s %s\n' "$i" "$(hdrh "$TMP/$b.pdf" "$i")" \
            "$(page "$TMP/$b.pdf" "$i" | head -1 | awk '{ $1 = $1; print }')" >>"$TMP/$b.pages"
        i=$((i + 1))
    done
done

# 8. the IBPR register and the Temuan schedule print on one page width
# (landscape A4), not in column halves on separate pages: every one of
# their pages holds the first and the last column's heading
for spec in "id IBPR Kegiatan Dasar" "id Temuan Uraian Penanggung" \
    "en Risk.register Activity Basis" "en Findings Description Owner"; do
    set -- $spec
    pgs=$(awk -v s=" $(echo "$2" | tr . ' ') " 'index($0, s) { print $1 }' "$TMP/$1.pages")
    bad_pages=""
    for i in $pgs; do
        page "$TMP/$1.pdf" "$i" >"$TMP/pg.txt"
        grep -q "$3" "$TMP/pg.txt" && grep -q "$4" "$TMP/pg.txt" || bad_pages="$bad_pages $i"
    done
    if [ -n "$pgs" ] && [ -z "$bad_pages" ]; then ok; else
        bad "$1: $2 printed in column halves (pages$bad_pages lack '$3' or '$4')"; fi
done

# 9. every page prints at 7 pt or more (an 11 pt sheet at 7.3 / 11 or
# more): its header at least 0.61 the height of the largest-printed one
# (a sheet at 100 %, which LibreOffice may print up to 4 % larger: 0.636 /
# 1.04)
for b in id en; do
    small=$(awk '/No\. laporan|Report no\./ { h[$1] = $2; if ($2 > ref) ref = $2 }
        END { for (p in h) if (h[p] < ref * 0.61) printf " %s", p }' "$TMP/$b.pages")
    if [ -z "$small" ]; then ok; else bad "$b: pages printed below 7 pt:$small"; fi
done

# 10. each chart on one page: the loading chart's title once, with its axis
# on the same page (it was cut at a page end and drawn again under the
# repeated header); the soil chart's axes on one page (its y-axis title
# and the x-axis name "a (m)" beside the table's own)
for spec in "id Pembebanan.kabel.(Ib./.Iz)" "en Cable.loading.(Ib./.Iz)"; do
    set -- $spec
    title=$(echo "$2" | tr . ' ')
    pg=$(grep -n -F "$title" "$TMP/$1.txt" | wc -l)
    on=""
    i=1
    while [ "$i" -le "$(npages "$TMP/$1.pdf")" ]; do
        page "$TMP/$1.pdf" "$i" >"$TMP/pg.txt"
        grep -q -F "$title" "$TMP/pg.txt" &&
            grep -q -E '(^| )0 +20 +40 +60 +80 +100( |$)' "$TMP/pg.txt" && on=$i
        i=$((i + 1))
    done
    if [ "$pg" -eq 1 ] && [ -n "$on" ]; then ok; else
        bad "$1: the loading chart is split across pages"; fi
done
# (a chart cut at a page end is drawn again at the top of the next page,
# over the running header: every page but a label's starts with its
# header)
over=$(awk '!/No\. laporan|Report no\./ && !/ (BAHAYA|PERINGATAN|DANGER|WARNING) /' \
    "$TMP/id.pages" | awk '{ printf " %s", $1 }')
if [ -z "$over" ]; then ok; else bad "id: something printed over the header of page(s)$over"; fi

# 11. captions whole on their own line, not wrapped into the table header
# below them (Matriks Risiko, Grafik)
if grep -q "^Sebelum pengendalian (kondisi saat ini)" "$TMP/id.txt" &&
    grep -q "^Sesudah pengendalian usulan (risiko sisa)" "$TMP/id.txt" &&
    grep -q "^Pembumian E-TR1" "$TMP/id.txt"; then ok; else
    bad "id: a caption is wrapped into the table below it"; fi

# 12. headings never cut inside a word (a column as wide as its longest
# heading word), nor a verdict
if grep -n -E '(Ketidakseimba|Menentuk|Pembeban|switchboar|MEMENU|Insulation resist)( |$)' \
    "$TMP/id.txt" "$TMP/en.txt"; then
    bad "a heading or verdict cut inside a word (above)"
else ok; fi

# 13. numbers as written: the enclosure by what is known ("356 x 305 mm
# (tipikal)", its depth not given), arc durations in whole ms, a rating or
# test voltage without decimals it does not have (1000 V, In 125 A)
if grep -q "356 x 305 mm" "$TMP/id.txt" && ! grep -q 'x? ' "$TMP/id.txt" &&
    ! grep -q -E '2,000\.0|1,000\.0| 125\.00 ' "$TMP/id.txt"; then ok; else
    bad "id: enclosure or needless decimals (356x305x?, 2,000.0, 1,000.0, 125.00)"; fi

# 14. Tabel Model: the year as a year, the columns named for what they
# hold (the table's version and file hash), and a key to '*' and the
# confidence tags
: >"$TMP/models.txt"
for i in $(awk 'index($0, " Tabel Model ") { print $1 }' "$TMP/id.pages"); do
    page "$TMP/id.pdf" "$i" >>"$TMP/models.txt"
done
if ! grep -q -E "Versi program|berkas input" "$TMP/models.txt" &&
    grep -q "SHA-256 berkas tabel" "$TMP/models.txt" &&
    grep -q "Keyakinan C:" "$TMP/models.txt" && grep -q "Confidence I:" "$TMP/en.txt" &&
    grep -q -E ' 2009 ' "$TMP/models.txt" &&
    ! grep -q -E '(^| )[12],[0-9]{3}( |$)' "$TMP/models.txt"; then ok; else
    bad "Tabel Model: year, column names or the confidence key"; fi

# 15. measurement sheets as a certificate: every earthing row names its
# method (or says it was not recorded); the loop test names the device
# that must disconnect and the touch voltage the findings judge (U0 R_PE /
# Zs = 230 x 0.18 / 0.62 = 66.8 V); a lapsed calibration is flagged
if grep -q "tidak dicatat" "$TMP/id.txt" &&
    grep -E "^LOOP-OFFICE " "$TMP/id.txt" | grep -q -E "MCCB-OFFICE .* 66[.,]8 " &&
    grep -q "KALIBRASI KEDALUWARSA" "$TMP/id.txt"; then ok; else
    bad "measurement sheets: earthing method, loop device / touch voltage, calibration"; fi

# 16. the label sheet says who clears the arc in the PDF label's words
if grep -q "Diputus oleh" "$TMP/id.txt" && grep -q "Sisi masuk .*gawai utama" "$TMP/id.txt" &&
    grep -q "Cleared by" "$TMP/en.txt"; then ok; else
    bad "label sheet: the clearing wording differs from the PDF label"; fi

# 17. a limit apart from its unit ("5 s", not "5s": B19), the protective
# device's curve by its standard's name, not the key word
if grep -q -E '^F0010 .* 5 s +MEMENUHI' "$TMP/id.txt" &&
    grep -q "IEC 60255 invers standar (SI)" "$TMP/id.txt"; then ok; else
    bad "Temuan's limit runs into its unit, or Proteksi prints IEC_SI"; fi

# 18. an RCD that did not trip reads so, not "500 ms" (the site file's
# ">500"); the board it was tested at is not named as its device; the
# method says 1x only when 5x was not done (documents review A9)
if grep -E "^RCD-T-LIGHT " "$TMP/id.txt" | grep -q "di PHB PP-LIGHT .* > 500 (tidak" &&
    grep -E "^RCD-T-LIGHT " "$TMP/id.txt" | grep -q "uji trip pada 1x IΔn"; then ok; else
    bad "RCD sheet: a trip time of >500 ms, the board as device, or the method"; fi

echo "render: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
