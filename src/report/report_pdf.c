/*
 * report_pdf.c - the formal report ("Laporan Pemeriksaan dan Pengujian
 * Instalasi Listrik") and the printable arc-flash labels, as PDF.
 *
 * The only file that includes cairo and pango (and libqrencode).  It reads
 * struct k3a_results as the workbook writer does and lays the pages out
 * with pango: text wraps inside its cell, a table that reaches the foot
 * of a page goes on on the next one under its header again, and a cell
 * taller than a page is cut with an ellipsis rather than run over.
 *
 * Page x of y: the document is laid out twice, first into a PDF stream
 * that is thrown away (to count the pages), then into the file.  Both
 * passes use the same surface type and font options, so they break pages
 * at the same places.
 *
 * Reproducible bytes: the creation date is the audit date
 * (CAIRO_PDF_METADATA_CREATE_DATE; cairo 1.16 writes no /ID and no
 * modification date unless asked), the font is one family (DejaVu Sans,
 * Debian fonts-dejavu-core) asked for by name, subset and embedded by
 * cairo, hinting off so no metric depends on the device.
 *
 * Fonts: the family is fixed; fontconfig finds it in the system's font
 * folders.  A machine without it falls back to another sans font (the
 * tests check the name in pdffonts where poppler is installed).
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "base.h"
#include "k3audit/report_pdf.h"
#include "k3audit/text.h"
#include "k3audit/version.h"

#define MM (72.0 / 25.4)
#define PI_ 3.14159265358979323846
#define FONT "DejaVu Sans"

/* ---- the PDF's own words (text.h style: Bahasa Indonesia, English) ---- */

/* clang-format off */
#define PDF_TEXT_MAP(X)                                                      \
    X(TITLE,      "LAPORAN PEMERIKSAAN DAN PENGUJIAN INSTALASI LISTRIK",     \
                  "REPORT OF THE INSPECTION AND TESTING OF THE ELECTRICAL INSTALLATION") \
    X(REPORT_NO,  "Nomor laporan", "Report number")                          \
    X(PAGE,       "Halaman %d dari %d", "Page %d of %d")                     \
    X(CONCLUSION, "Kesimpulan", "Conclusion")                                \
    X(C_NONE,     "BELUM DAPAT DISIMPULKAN (tidak ada pemeriksaan yang dinilai)", \
                  "NO CONCLUSION (nothing was judged)")                      \
    X(C_BASIS,    "Kesimpulan diambil dari temuan terburuk dan risiko terburuk " \
                  "sebelum pengendalian: satu temuan TIDAK MEMENUHI atau satu " \
                  "risiko ekstrem berarti TIDAK MEMENUHI SYARAT K3.",        \
                  "The conclusion is the worst of the findings and of the "  \
                  "risks as found: one FAIL or one extreme risk means the "  \
                  "installation does not meet the K3 requirements.")         \
    X(COUNTS_F,   "Temuan", "Findings")                                      \
    X(COUNTS_R,   "Risiko (IBPR)", "Risks (IBPR)")                           \
    X(BEFORE,     "Sebelum pengendalian", "As found")                        \
    X(AFTER,      "Sesudah pengendalian", "After controls")                  \
    X(TESTER,     "Penguji (Ahli K3 Listrik)", "Tester (Ahli K3 Listrik)")   \
    X(BAB1,       "BAB I  DASAR DAN LINGKUP", "CHAPTER I  BASIS AND SCOPE")  \
    X(LEGAL,      "1.1  Dasar hukum dan acuan", "1.1  Legal basis and standards") \
    X(SCOPE,      "1.2  Lingkup pemeriksaan dan pengujian",                  \
                  "1.2  Scope of the inspection and testing")                \
    X(SCOPE_DONE, "Yang diperiksa dan diuji:", "Inspected and tested:")      \
    X(SCOPE_NOT,  "Yang tidak diuji atau hasilnya tidak dapat dipakai:",    \
                  "Not tested, or results that cannot be relied on:")        \
    X(INSTR,      "1.3  Alat ukur", "1.3  Instruments")                      \
    X(NO_INSTR,   "Tidak ada alat ukur yang dicatat.", "No instrument recorded.") \
    X(SERIAL,     "Nomor seri", "Serial number")                             \
    X(CALIBRATED, "Kalibrasi", "Calibrated")                                 \
    X(CAL_DUE,    "Kalibrasi berlaku s.d.", "Calibration due")               \
    X(CAL_EXPIRED,"kedaluwarsa pada tanggal uji", "expired on the test date") \
    X(MAKE_MODEL, "Merek / tipe", "Make / model")                            \
    X(BAB2,       "BAB II  DATA INSTALASI", "CHAPTER II  INSTALLATION DATA") \
    X(SUPPLY,     "2.1  Sumber", "2.1  Supply")                              \
    X(TX,         "2.2  Transformator", "2.2  Transformers")                 \
    X(GEN,        "2.3  Generator", "2.3  Generators")                       \
    X(BOARDS,     "2.4  Panel / PHB", "2.4  Boards")                         \
    X(SLD,        "2.5  Diagram satu garis", "2.5  One-line diagram")        \
    X(SLD_NOTE,   "Digambar dari data jaringan sebagai pohon dari sumber; "  \
                  "garis putus-putus: cabang tambahan jaringan bermata atau " \
                  "cabang terbuka.",                                         \
                  "Drawn from the network as a tree from the supply; dashed " \
                  "lines: the extra branches of a meshed network, or open "  \
                  "branches.")                                               \
    X(SLD_BIG,    "Jaringan terlalu besar untuk satu halaman (%zu simpul); " \
                  "lihat data di atas dan buku kerja.",                      \
                  "The network is too large for one page (%zu nodes); see "  \
                  "the tables above and the workbook.")                      \
    X(NONE,       "Tidak ada.", "None.")                                     \
    X(FAULT_LVL,  "Daya hubung singkat", "Fault level")                      \
    X(TARIFF,     "Tarif / daya kontrak", "Tariff / contracted")             \
    X(PRIMARY,    "Primer - sekunder", "Primary - secondary")                \
    X(IMPEDANCE,  "Impedansi", "Impedance")                                  \
    X(VECTOR,     "Vektor", "Vector group")                                  \
    X(EQUIPMENT,  "Jenis", "Equipment")                                      \
    X(LOCATION,   "Lokasi", "Location")                                      \
    X(MODE,       "Mode", "Mode")                                            \
    X(BAB3,       "BAB III  HASIL PEMERIKSAAN DAN PENGUJIAN",                \
                  "CHAPTER III  RESULTS OF THE INSPECTION AND TESTING")      \
    X(CAT_PROT,   "Proteksi dan hubung singkat", "Protection and short circuit") \
    X(CAT_ARC,    "Busur api", "Arc flash")                                  \
    X(CAT_EARTH,  "Pembumian dan penyalur petir", "Earthing and lightning protection") \
    X(CAT_IR,     "Tahanan isolasi", "Insulation resistance")                \
    X(CAT_LOOP,   "Impedansi lingkar dan RCD", "Loop impedance and RCD")     \
    X(CAT_THERMO, "Termografi", "Thermography")                              \
    X(CAT_PQ,     "Kualitas daya", "Power quality")                          \
    X(CAT_CABLE,  "Kabel dan beban", "Cables and loads")                     \
    X(CAT_ENERGY, "Energi", "Energy")                                        \
    X(CAT_DOCS,   "Dokumen dan pengamatan", "Documents and observations")    \
    X(ARC_TABLE,  "Busur api per panel", "Arc flash per bus")                \
    X(CHARTS,     "Grafik", "Charts")                                        \
    X(C_SUMMARY,  "Dari %zu pemeriksaan yang dinilai, %zu tidak memenuhi, "   \
                  "%zu perlu perhatian dan %zu memenuhi. Register risiko "   \
                  "memuat %zu risiko, %zu di antaranya ekstrem dan %zu tinggi " \
                  "sebelum pengendalian. Pengendalian di bawah, menurut "    \
                  "tingkat risiko, dilaksanakan sampai tanggal targetnya.",  \
                  "Of %zu checks judged, %zu fail, %zu need attention and "  \
                  "%zu pass. The risk register holds %zu risks, %zu of them " \
                  "extreme and %zu high as found. The controls below, by "   \
                  "risk, are to be in place by their target dates.")         \
    X(CH_IR,      "%s: tahanan isolasi terhadap waktu, batas %s Mohm",       \
                  "%s: insulation resistance over time, limit %s Mohm")      \
    X(MORE_ROWS,  "... dan %zu baris lagi: lihat buku kerja (lembar %s).",   \
                  "... and %zu more rows: see the workbook (%s sheet).")     \
    X(CH_FOP,     "%s: jatuh tegangan (IEEE 81), batas %s ohm",              \
                  "%s: fall of potential (IEEE 81), limit %s ohm")           \
    X(CH_DIST,    "jarak probe tegangan, % jarak probe arus",                \
                  "potential probe distance, % of the current probe's")      \
    X(CH_LOADING, "Pembebanan kabel dan transformator (Ib / Iz, S / Sn)",    \
                  "Loading of cables and transformers (Ib / Iz, S / Sn)")    \
    X(PASS_GROUP, "%zu elemen memenuhi pemeriksaan ini; contoh %s: %s. Nilai " \
                  "tiap elemen ada di buku kerja.",                          \
                  "%zu elements pass this check; for example %s: %s. Each "  \
                  "element's values are in the workbook.")                   \
    X(BAB4,       "BAB IV  PENILAIAN RISIKO", "CHAPTER IV  RISK ASSESSMENT") \
    X(IBPR,       "4.1  Register IBPR", "4.1  Risk register (IBPR)")         \
    X(HEATMAPS,   "4.2  Matriks risiko 5 x 5", "4.2  5 x 5 risk matrix")     \
    X(NO_RISK,    "Tidak ada risiko dalam register.", "The register is empty.") \
    X(BAB5,       "BAB V  KESIMPULAN DAN REKOMENDASI",                       \
                  "CHAPTER V  CONCLUSION AND RECOMMENDATIONS")               \
    X(RECO,       "5.1  Rekomendasi menurut tingkat risiko",                 \
                  "5.1  Recommendations by risk")                            \
    X(PRIORITY,   "Prioritas", "Priority")                                   \
    X(TARGET,     "Target", "Target date")                                   \
    X(RECO_F,     "5.2  Tindak lanjut temuan lain",                          \
                  "5.2  Action on the other findings")                       \
    X(RECO_F_TXT, "Temuan TIDAK MEMENUHI dan PERHATIAN yang tidak dikutip "  \
                  "oleh risiko di atas, dengan tindakan, prioritas, target " \
                  "dan penanggung jawabnya.",                                \
                  "Findings that fail or need attention and that no risk "   \
                  "above cites, with their action, priority, target date "   \
                  "and owner.")                                              \
    X(ENERGY_M,   "5.3  Langkah penghematan energi",                         \
                  "5.3  Energy-saving measures")                             \
    X(NO_ENERGY,  "Tidak ada langkah penghematan yang diusulkan.",           \
                  "No energy-saving measure is proposed.")                   \
    X(SIGN,       "PENGESAHAN", "APPROVAL")                                  \
    X(SIGN_TEXT,  "Laporan ini dibuat dengan sebenarnya berdasarkan hasil "  \
                  "pemeriksaan dan pengujian pada tanggal tersebut di atas.", \
                  "This report is a true account of the inspection and "    \
                  "testing on the date above.")                              \
    X(SIGN_BODY,  "Lembaga penguji", "Inspection body")                      \
    X(SIGN_CO,    "Wakil perusahaan", "Company representative")             \
    X(SIGN_NAME,  "Nama", "Name")                                            \
    X(SIGN_POS,   "Jabatan", "Position")                                     \
    X(SIGN_HEAD,  "Kepala / pimpinan, NIP ....................",            \
                  "Head, staff no. ....................")                    \
    X(LICENCE,    "No. lisensi", "Licence no.")                              \
    X(GENERATED,  "Dibuat oleh k3audit %s dari berkas %s (SHA-256 %s).",     \
                  "Made by k3audit %s from the file %s (SHA-256 %s).")       \
    X(L_DANGER,   "BAHAYA", "DANGER")                                        \
    X(L_WARNING,  "PERINGATAN", "WARNING")                                   \
    X(L_HAZARD,   "Bahaya busur api dan sengatan listrik",                   \
                  "Arc flash and shock hazard")                              \
    X(L_PPE,      "Wajib memakai APD yang sesuai", "Appropriate PPE required") \
    X(L_NOWORK,   "Kerja bertegangan tidak diizinkan: bebaskan tegangan dahulu", \
                  "No energised work: de-energise first")                    \
    X(L_ARC,      "Busur api", "Arc flash")                                  \
    X(L_SHOCK,    "Sengatan listrik", "Shock")                               \
    X(L_AFB,      "Batas busur api", "Arc-flash boundary")                   \
    X(L_ENERGY,   "Energi insiden", "Incident energy")                       \
    X(L_AT,       "pada jarak kerja", "at working distance")                 \
    X(L_RATING,   "Rating busur minimum pakaian", "Minimum arc rating of clothing") \
    X(L_VOLT,     "Tegangan nominal", "Nominal voltage")                     \
    X(L_LIMITED,  "Batas pendekatan terbatas", "Limited approach boundary")  \
    X(L_RESTR,    "Batas pendekatan terlarang", "Restricted approach boundary") \
    X(L_FIXED,    "penghantar tetap", "fixed conductor")                     \
    X(L_MOVABLE,  "penghantar bergerak", "movable conductor")                \
    X(L_EQUIP,    "Perlengkapan", "Equipment")                               \
    X(L_CLEARED,  "Diputus oleh %s dalam %s s (%s)",                         \
                  "Cleared by %s in %s s (%s)")                              \
    X(L_CAPPED,   "Tidak ada gawai pengaman yang memutus dalam %s s: lama busur dibatasi " \
                  "%s s (IEEE 1584-2018 6.9.1) (%s)",                        \
                  "No protective device clears within %s s: arc duration limited to " \
                  "%s s (IEEE 1584-2018 6.9.1) (%s)")                        \
    X(L_NODEV,    "tidak ada gawai yang memutus", "no device clears")        \
    X(CASE_MAX,   "arus hubung singkat maksimum, sumber normal",             \
                  "maximum fault current, normal supply")                    \
    X(CASE_MIN,   "arus hubung singkat minimum, sumber PLN minimum",         \
                  "minimum fault current, minimum utility source")           \
    X(CASE_GEN,   "dipasok genset", "supplied by the standby generator")     \
    X(L_REDUCED,  "arus busur tereduksi", "reduced arcing current")          \
    X(L_STUDY,    "Studi", "Study")                                          \
    X(L_NONE_PPE, "tidak perlu pakaian tahan busur", "no arc-rated clothing needed") \
    X(L_NO_LABELS,"Tidak ada panel bertegangan dengan hasil busur api; "     \
                  "tidak ada label.",                                        \
                  "No energised bus has an arc-flash result; no labels.")
/* clang-format on */

enum pdf_text {
#define X(id, ind, eng) P_##id,
    PDF_TEXT_MAP(X)
#undef X
        P_COUNT
};

static const char *const pdf_id[P_COUNT] = {
#define X(id, ind, eng) ind,
    PDF_TEXT_MAP(X)
#undef X
};
static const char *const pdf_en[P_COUNT] = {
#define X(id, ind, eng) eng,
    PDF_TEXT_MAP(X)
#undef X
};

/* ---- the document ----------------------------------------------------- */

struct doc {
    const struct k3a_results *r;
    const struct k3a_site *s;
    const struct k3a_report_opts *o;
    enum k3a_lang lang;
    char ebuf[200]; /* an element name in the language (k3a_element_text) */
    cairo_surface_t *surf;
    cairo_t *cr;
    PangoFontMap *fm;
    PangoContext *pc;
    PangoLayout *lay;
    double pw, ph;          /* page size, pt */
    double left, right, top, bottom; /* body area */
    double y;               /* next free line of the body */
    int page, pages_total;  /* total 0 while counting */
    int training;
    int nomem;
    int counting;           /* the first pass: measure, draw nothing */
    int nofont;             /* the font family is not installed */
    struct cell_cache *cache; /* table cells of the first pass, for the second */
};

/* The table cells laid out by the first pass, in order, kept for the
 * second (shaping text is most of the time a report takes).  The second
 * pass takes the k-th cell's layout when its text and width are the
 * same, else lays it out again; beyond CACHE_MAX cells it lays out. */
#define CACHE_MAX 40000
struct cell_cache {
    PangoLayout **v;
    size_t n, cap, next;
    int storing;
};

static void cache_free(struct cell_cache *c)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        g_object_unref(c->v[i]);
    free(c->v);
    memset(c, 0, sizeof(*c));
}

static const char *P(const struct doc *d, enum pdf_text t)
{
    return d->lang == K3A_LANG_EN ? pdf_en[t] : pdf_id[t];
}

static const char *T(const struct doc *d, enum k3a_text_id t)
{
    return k3a_text(d->lang, t);
}

static const char *L2(const struct doc *d, const char *id, const char *en)
{
    return d->lang == K3A_LANG_EN ? en : id;
}

/* A formatted line; cut (never overrun) at the buffer's end. */
static const char *fmt(char *buf, size_t n, const char *f, ...)
    __attribute__((format(printf, 3, 4)));
static const char *fmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;

    va_start(ap, f);
    k3a__vfmt(buf, n, f, ap);
    va_end(ap);
    return buf;
}

/* The same for the translated formats of PDF_TEXT_MAP (each one's
 * conversions are the same in both languages). */
static const char *tfmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;

    va_start(ap, f);
    k3a__vfmt(buf, n, f, ap);
    va_end(ap);
    return buf;
}

/* Exactly equal (no -Wfloat-equal): for values printed alike. */
static int same(double a, double b)
{
    return !(a < b) && !(a > b);
}

/* A number as the language writes it (1.234,5 / 1,234.5) with dec
 * decimals; "-" when not finite. */
static const char *num(const struct doc *d, char *buf, size_t n, double v, int dec)
{
    char raw[64], *p, *dot;
    size_t len, int_len, k, u = 0;
    char th = d->lang == K3A_LANG_EN ? ',' : '.', dp = d->lang == K3A_LANG_EN ? '.' : ',';

    if (!isfinite(v))
        return fmt(buf, n, "-");
    if (dec < 0)
        dec = 0;
    if (dec > 9)
        dec = 9;
    k3a__fmt(raw, sizeof(raw), "%.*f", dec, v);
    if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1)))
        memmove(raw, raw + 1, strlen(raw)); /* no "-0,0" */
    p = raw;
    if (*p == '-' && u + 1 < n)
        buf[u++] = *p++;
    dot = strchr(p, '.');
    len = strlen(p);
    int_len = dot ? (size_t)(dot - p) : len;
    for (k = 0; k < int_len && u + 1 < n; k++) {
        if (k && (int_len - k) % 3 == 0 && int_len > 4 && u + 1 < n)
            buf[u++] = th;
        if (u + 1 < n)
            buf[u++] = p[k];
    }
    if (dot && u + 1 < n) {
        buf[u++] = dp;
        for (k = int_len + 1; k < len && u + 1 < n; k++)
            buf[u++] = p[k];
    }
    buf[u] = '\0';
    return buf;
}

/* num() without trailing zeros after the decimal sign ("0,06", "20"). */
static const char *numt(const struct doc *d, char *buf, size_t n, double v, int dec)
{
    char dp = d->lang == K3A_LANG_EN ? '.' : ',';
    char *p, *e;

    num(d, buf, n, v, dec);
    p = strchr(buf, dp);
    if (!p)
        return buf;
    e = p + strlen(p);
    while (e > p + 1 && e[-1] == '0')
        *--e = '\0';
    if (e == p + 1)
        *p = '\0';
    return buf;
}

/* Decimals that show about 4 significant digits. */
static int sig_dec(double v)
{
    double a = fabs(v);
    int dec;

    if (!isfinite(a) || same(a, 0.0) || a >= 1000)
        return 0;
    dec = 3 - (int)floor(log10(a));
    return dec < 0 ? 0 : dec > 6 ? 6 : dec;
}

/* Large values (1e6 and more) as "4,60 x 10^8" with as many digits as
 * tell v from other; others trimmed. */
static void sci_or_num(const struct doc *d, char *buf, size_t n, double v, int dec,
                       double other)
{
    static const char *const sup[] = { "\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
    char mant[64], ex[16], exs[64];
    int e, digits, k;
    size_t u = 0;

    if (!isfinite(v) || fabs(v) < 1e6) {
        numt(d, buf, n, v, dec);
        return;
    }
    e = (int)floor(log10(fabs(v)));
    for (digits = 2; digits < 9; digits++) {
        double p = pow(10.0, digits - e);
        if (same(v, other) || !same(round(v * p), round(other * p)))
            break;
    }
    numt(d, mant, sizeof(mant), v / pow(10.0, e), digits);
    k3a__fmt(ex, sizeof(ex), "%d", e);
    exs[0] = '\0';
    for (k = 0; ex[k]; k++)
        u += (size_t)k3a__fmt(exs + u, sizeof(exs) - u, "%s",
                              ex[k] == '-' ? "\u207b" : sup[ex[k] - '0']);
    fmt(buf, n, "%s \u00d7 10%s", mant, exs);
}

/* A measured value and its limit shown so that the printed numbers never
 * contradict the verdict (site-format 9, "Conclusion"): when they would
 * print alike but differ, more decimals are shown. */
static int cmp3(double a, double b)
{
    return (a > b) - (a < b);
}

static double round_dec(double v, int d)
{
    double p = pow(10, d);
    return round(v * p) / p;
}

static void num_pair(const struct doc *d, double m, int has_m, double l, int has_l,
                     char *mb, char *lb, size_t n)
{
    int dm = sig_dec(m), dl = sig_dec(l);

    if (has_m && has_l && isfinite(m) && isfinite(l)) {
        int k;
        /* the limit as written (1,4375 ohm, 16 kA), when 6 decimals or
         * fewer write it exactly */
        for (k = 0; k <= 6; k++)
            if (fabs(round_dec(l, k) - l) <= 1e-9 * (fabs(l) > 1 ? fabs(l) : 1)) {
                dl = k;
                break;
            }
        /* then the measured value with the decimals that make the two
         * printed numbers compare as the two values do (site-format 9) */
        while (dm < 9 && cmp3(round_dec(m, dm), round_dec(l, dl)) != cmp3(m, l)) {
            dm++;
            if (k > 6 && dl < dm)
                dl = dm;
        }
    }
    if (has_m)
        sci_or_num(d, mb, n, m, dm, has_l ? l : m);
    else
        mb[0] = '\0';
    if (has_l)
        sci_or_num(d, lb, n, l, dl, has_m ? m : l);
    else
        lb[0] = '\0';
}

static const char *const month_id[] = { "Januari", "Februari", "Maret",    "April",
                                        "Mei",     "Juni",     "Juli",     "Agustus",
                                        "September", "Oktober", "November", "Desember" };
static const char *const month_en[] = { "January", "February", "March",    "April",
                                        "May",     "June",     "July",     "August",
                                        "September", "October", "November", "December" };

static const char *date_long(const struct doc *d, char *buf, size_t n, struct k3a_date t)
{
    const char *const *names = d->lang == K3A_LANG_EN ? month_en : month_id;

    if (!t.y || t.m < 1 || t.m > 12)
        return fmt(buf, n, "-");
    return fmt(buf, n, "%d %s %04d", t.d, names[t.m - 1], t.y);
}

static const char *date_iso(char *buf, size_t n, struct k3a_date t)
{
    if (!t.y)
        return fmt(buf, n, "-");
    return fmt(buf, n, "%04d-%02d-%02d", t.y, t.m, t.d);
}

static const char *nz(const char *s)
{
    return s && *s ? s : "-";
}

/* ---- colours ------------------------------------------------------------ */

static void rgb(cairo_t *cr, unsigned c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
                         (c & 255) / 255.0);
}

#define C_BLACK 0x000000u
#define C_WHITE 0xFFFFFFu
#define C_HEAD 0xDDE4EEu
#define C_RULE 0x7F8C99u
#define C_FAIL 0xF4B6B6u
#define C_WARN 0xFFE699u
#define C_PASS 0xC6E8C6u
#define C_TRAIN 0xC00000u
#define C_DANGER 0xC8102Eu  /* ANSI Z535.1 safety red */
#define C_WARNING 0xFF7900u /* ANSI Z535.1 safety orange */
#define NO_BG 0x1000000u

static unsigned band_color(const struct k3a_band *b)
{
    unsigned long v;
    char *end;

    if (!b || !b->color)
        return NO_BG;
    v = strtoul(b->color, &end, 16);
    return *end || end == b->color ? NO_BG : (unsigned)(v & 0xFFFFFFu);
}

/* A fill dark enough that text on it must be white (relative luminance
 * by ITU-R BT.709 weights below one half). */
static int dark(unsigned c)
{
    double r = ((c >> 16) & 255) / 255.0, g = ((c >> 8) & 255) / 255.0, b = (c & 255) / 255.0;

    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

static unsigned verdict_color(enum k3a_verdict v)
{
    return v == K3A_FAIL ? C_FAIL : v == K3A_WARN ? C_WARN : C_PASS;
}

/* ---- text --------------------------------------------------------------- */

enum font { F_BODY, F_BOLD, F_SMALL, F_SMALLB, F_H1, F_H2, F_TITLE, F_TINY, F_COUNT };

static const char *const font_spec[F_COUNT] = {
    FONT " 8.5", FONT " Bold 8.5", FONT " 7",  FONT " Bold 7",
    FONT " Bold 13", FONT " Bold 10", FONT " Bold 15", FONT " 6",
};

enum align { A_LEFT, A_CENTER, A_RIGHT };

/* Lays text out in lay, in width w (pt) with a font; max_h > 0 cuts it
 * with an ellipsis where it would be taller.  Returns the height in pt. */
static double layout_in(PangoLayout *lay, const char *text, double w, const char *spec,
                        enum align al, double max_h)
{
    PangoFontDescription *fd = pango_font_description_from_string(spec);
    int pw, ph;

    pango_layout_set_font_description(lay, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(lay, al == A_CENTER  ? PANGO_ALIGN_CENTER
                                    : al == A_RIGHT ? PANGO_ALIGN_RIGHT
                                                    : PANGO_ALIGN_LEFT);
    pango_layout_set_height(lay, -1);
    pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_text(lay, text ? text : "", -1);
    pango_layout_get_size(lay, &pw, &ph);
    if (max_h > 0 && (double)ph / PANGO_SCALE > max_h) {
        pango_layout_set_height(lay, (int)(max_h * PANGO_SCALE));
        pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
        pango_layout_get_size(lay, &pw, &ph);
    }
    return (double)ph / PANGO_SCALE;
}

static double layout(struct doc *d, const char *text, double w, const char *spec,
                     enum align al, double max_h)
{
    return layout_in(d->lay, text, w, spec, al, max_h);
}

static double text_height(struct doc *d, const char *text, double w, enum font f)
{
    return layout(d, text, w, font_spec[f], A_LEFT, 0);
}

/* Draws text at (x, y) in width w; returns its height. */
static double text_at(struct doc *d, double x, double y, double w, const char *text,
                      enum font f, enum align al, unsigned color, double max_h)
{
    double h = layout(d, text, w, font_spec[f], al, max_h);

    if (d->counting)
        return h;
    cairo_save(d->cr);
    rgb(d->cr, color);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, d->lay);
    cairo_restore(d->cr);
    return h;
}

static void fill_rect(struct doc *d, double x, double y, double w, double h, unsigned c)
{
    rgb(d->cr, c);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
}

static void stroke_rect(struct doc *d, double x, double y, double w, double h,
                        double lw, unsigned c)
{
    rgb(d->cr, c);
    cairo_set_line_width(d->cr, lw);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_stroke(d->cr);
}

/* ---- pages -------------------------------------------------------------- */

static void page_frame(struct doc *d)
{
    const struct k3a_site_info *si = &d->s->site;
    char buf[512], no[256];
    double w = d->right - d->left;

    fmt(no, sizeof(no), "%s: %s", P(d, P_REPORT_NO), nz(si->report_no));
    text_at(d, d->left, 12 * MM, w * 0.5, no, F_SMALL, A_LEFT, C_BLACK, 0);
    text_at(d, d->left + w * 0.5, 12 * MM, w * 0.5, nz(si->name), F_SMALL, A_RIGHT,
            C_BLACK, 0);
    rgb(d->cr, C_RULE);
    cairo_set_line_width(d->cr, 0.5);
    cairo_move_to(d->cr, d->left, 16 * MM);
    cairo_line_to(d->cr, d->right, 16 * MM);
    cairo_move_to(d->cr, d->left, d->ph - 13 * MM);
    cairo_line_to(d->cr, d->right, d->ph - 13 * MM);
    cairo_stroke(d->cr);
    text_at(d, d->left, d->ph - 12 * MM, w * 0.7, T(d, K3A_T_TITLE), F_SMALL, A_LEFT,
            C_BLACK, 0);
    tfmt(buf, sizeof(buf), P(d, P_PAGE), d->page,
        d->pages_total ? d->pages_total : d->page);
    text_at(d, d->left + w * 0.7, d->ph - 12 * MM, w * 0.3, buf, F_SMALL, A_RIGHT,
            C_BLACK, 0);
    d->y = d->top;
    if (d->training) {
        double h = text_height(d, T(d, K3A_T_TRAINING), w - 8, F_BOLD) + 6;
        fill_rect(d, d->left, d->y, w, h, C_TRAIN);
        text_at(d, d->left + 4, d->y + 3, w - 8, T(d, K3A_T_TRAINING), F_BOLD, A_CENTER,
                C_WHITE, 0);
        d->y += h + 4;
    }
}

static void new_page(struct doc *d)
{
    if (d->page > 0)
        cairo_show_page(d->cr);
    d->page++;
    page_frame(d);
}

/* Room for h pt more on this page, else a new page.  Returns 1 when a
 * page was started. */
static int need(struct doc *d, double h)
{
    if (d->y + h <= d->bottom)
        return 0;
    new_page(d);
    return 1;
}

static void para(struct doc *d, const char *text, enum font f)
{
    double w = d->right - d->left, h = text_height(d, text, w, f);

    need(d, h);
    text_at(d, d->left, d->y, w, text, f, A_LEFT, C_BLACK, d->bottom - d->top);
    d->y += h + 3;
}

static void heading(struct doc *d, const char *text, enum font f)
{
    double w = d->right - d->left, h = text_height(d, text, w, f);

    need(d, h + 60); /* keep a heading with what follows */
    d->y += f == F_H1 ? 0 : 4;
    text_at(d, d->left, d->y, w, text, f, A_LEFT, C_BLACK, 0);
    d->y += h + (f == F_H1 ? 8 : 4);
}

static void chapter(struct doc *d, const char *text)
{
    new_page(d);
    heading(d, text, F_H1);
}

/* ---- tables ------------------------------------------------------------- */

#define PAD 2.5
#define MAX_COLS 20

struct tcol {
    const char *head;
    double w;       /* share of the width */
    enum align al;
};

struct table {
    const struct tcol *c;
    size_t n;
    PangoLayout *lay[MAX_COLS];  /* each cell of the row being written */
    PangoLayout *cell[MAX_COLS]; /* the layout of each cell (lay or cached) */
    double x[MAX_COLS + 1], w[MAX_COLS];
    enum font f;
};

static void table_head(struct doc *d, struct table *t)
{
    double h = 0, hh;
    size_t i;

    for (i = 0; i < t->n; i++) {
        hh = text_height(d, t->c[i].head, t->w[i] - 2 * PAD, F_SMALLB);
        if (hh > h)
            h = hh;
    }
    h += 2 * PAD;
    need(d, h + 20);
    for (i = 0; i < t->n; i++) {
        fill_rect(d, t->x[i], d->y, t->w[i], h, C_HEAD);
        stroke_rect(d, t->x[i], d->y, t->w[i], h, 0.4, C_RULE);
        text_at(d, t->x[i] + PAD, d->y + PAD, t->w[i] - 2 * PAD, t->c[i].head, F_SMALLB,
                t->c[i].al, C_BLACK, 0);
    }
    d->y += h;
}

static void table_begin(struct doc *d, struct table *t, const struct tcol *c, size_t n,
                        enum font f)
{
    double sum = 0, x = d->left, w = d->right - d->left;
    size_t i;

    t->c = c;
    t->n = n > MAX_COLS ? MAX_COLS : n;
    t->f = f;
    for (i = 0; i < t->n; i++)
        sum += c[i].w;
    for (i = 0; i < t->n; i++) {
        t->x[i] = x;
        t->w[i] = w * c[i].w / sum;
        x += t->w[i];
    }
    t->x[t->n] = x;
    for (i = 0; i < t->n; i++) {
        t->lay[i] = pango_layout_new(d->pc);
        if (!t->lay[i])
            d->nomem = 1;
    }
    table_head(d, t);
}

/* Lays out cell i of a row into t->cell[i] (a cached layout or t->lay[i]);
 * returns its height. */
static double cell_layout(struct doc *d, struct table *t, size_t i, const char *text,
                          double max_h)
{
    struct cell_cache *c = d->cache;
    double w = t->w[i] - 2 * PAD;

    text = text ? text : "";
    if (c && c->storing && c->n < CACHE_MAX) {
        PangoLayout *lay;
        if (c->n == c->cap) {
            size_t nc = c->cap ? c->cap * 2 : 1024;
            void *p = realloc(c->v, nc * sizeof(*c->v));
            if (!p)
                goto plain;
            c->v = p;
            c->cap = nc;
        }
        lay = pango_layout_new(d->pc);
        if (!lay)
            goto plain;
        c->v[c->n++] = lay;
        t->cell[i] = lay;
        return layout_in(lay, text, w, font_spec[t->f], t->c[i].al, max_h);
    }
    if (c && !c->storing && c->next < c->n) {
        PangoLayout *lay = c->v[c->next++];
        if (strcmp(pango_layout_get_text(lay), text) == 0 &&
            pango_layout_get_width(lay) == (int)(w * PANGO_SCALE)) {
            int pw, ph;
            pango_layout_get_size(lay, &pw, &ph);
            t->cell[i] = lay;
            return (double)ph / PANGO_SCALE;
        }
    } else if (c && !c->storing)
        c->next++;
plain:
    t->cell[i] = t->lay[i];
    if (!t->lay[i])
        return 0;
    return layout_in(t->lay[i], text, w, font_spec[t->f], t->c[i].al, max_h);
}

/* One row; bg[i] NO_BG for none (bg may be NULL). */
static void table_row(struct doc *d, struct table *t, const char *const *cells,
                      const unsigned *bg)
{
    double h = 0, max_h = d->bottom - d->top - 40, hh;
    size_t i;

    for (i = 0; i < t->n; i++) {
        hh = cell_layout(d, t, i, cells[i], max_h);
        if (hh > h)
            h = hh;
    }
    h += 2 * PAD;
    if (d->y + h > d->bottom) {
        new_page(d);
        table_head(d, t);
    }
    for (i = 0; i < t->n; i++) {
        if (bg && bg[i] != NO_BG)
            fill_rect(d, t->x[i], d->y, t->w[i], h, bg[i]);
        stroke_rect(d, t->x[i], d->y, t->w[i], h, 0.3, C_RULE);
        if (d->counting || !t->cell[i])
            continue;
        /* B16: white on a dark fill (Ekstrem red): black on it is unreadable */
        rgb(d->cr, bg && bg[i] != NO_BG && dark(bg[i]) ? 0xFFFFFFu : C_BLACK);
        cairo_move_to(d->cr, t->x[i] + PAD, d->y + PAD);
        pango_cairo_show_layout(d->cr, t->cell[i]);
    }
    d->y += h;
}

static void table_end(struct doc *d, struct table *t)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (t->lay[i])
            g_object_unref(t->lay[i]);
    d->y += 6;
}

/* Rows of the per-bus tables (boards, arc flash) the report lists; a
 * larger site's are on the workbook's sheets (a report of thousands of
 * pages is read by no one). */
#define BUS_ROWS_MAX 1000

/* The note under a table cut at BUS_ROWS_MAX rows. */
static void more_rows(struct doc *d, size_t more, enum k3a_text_id sheet)
{
    char buf[256];

    if (more)
        para(d, tfmt(buf, sizeof(buf), P(d, P_MORE_ROWS), more, T(d, sheet)), F_SMALL);
}

/* Two-column key/value table without a header. */
static void kv_row(struct doc *d, const char *k, const char *v, double kw)
{
    double w = d->right - d->left, h1, h2, h;

    double max_h = (d->bottom - d->top) / 3;

    h1 = layout(d, k, kw - 2 * PAD, font_spec[F_BOLD], A_LEFT, max_h);
    h2 = layout(d, nz(v), w - kw - 2 * PAD, font_spec[F_BODY], A_LEFT, max_h);
    h = (h1 > h2 ? h1 : h2) + 2 * PAD;
    need(d, h);
    text_at(d, d->left + PAD, d->y + PAD, kw - 2 * PAD, k, F_BOLD, A_LEFT, C_BLACK, max_h);
    text_at(d, d->left + kw + PAD, d->y + PAD, w - kw - 2 * PAD, nz(v), F_BODY, A_LEFT,
            C_BLACK, max_h);
    rgb(d->cr, C_RULE);
    cairo_set_line_width(d->cr, 0.3);
    cairo_move_to(d->cr, d->left, d->y + h);
    cairo_line_to(d->cr, d->right, d->y + h);
    cairo_stroke(d->cr);
    d->y += h;
}

/* ---- shared facts -------------------------------------------------------- */

/* site-format 9 "Conclusion" (k3a_results_conclusion, as the workbook,
 * JSON and terminal say it): -1 TIDAK MEMENUHI, 1 MEMENUHI, 0 nothing
 * judged. */
static int conclusion(const struct k3a_results *r)
{
    int c = k3a_results_conclusion(r);

    return c == (int)K3A_FAIL ? -1 : c < 0 ? 0 : 1;
}

/* D24: the conclusion in the same words as the workbook and the terminal
 * (text.h), the worst of the findings and risks as found (site-format 9) */
static const char *conclusion_word(const struct doc *d, const struct k3a_results *r)
{
    int c = k3a_results_conclusion(r);

    return c == (int)K3A_FAIL   ? T(d, K3A_T_C_FAIL)
           : c == (int)K3A_WARN ? T(d, K3A_T_C_WARN)
           : c == (int)K3A_PASS ? T(d, K3A_T_C_PASS)
                                : P(d, P_C_NONE);
}

static void risk_counts(const struct k3a_results *r, size_t before[4], size_t after[4])
{
    size_t i;

    memset(before, 0, 4 * sizeof(*before));
    memset(after, 0, 4 * sizeof(*after));
    for (i = 0; i < r->n_risks; i++) {
        if (r->risks[i].band)
            before[r->risks[i].band->level]++;
        if (r->risks[i].band_after)
            after[r->risks[i].band_after->level]++;
    }
}

static const struct k3a_band *band_of_level(const struct k3a_results *r, int lv)
{
    const struct k3a_model_file *f = r->profile.file;
    size_t i;

    for (i = 0; f && i < f->n_bands; i++)
        if ((int)f->bands[i].level == lv)
            return &f->bands[i];
    return NULL;
}

static const char *band_label(const struct doc *d, const struct k3a_band *b)
{
    if (!b)
        return "-";
    return d->lang == K3A_LANG_EN ? nz(b->label_en) : nz(b->label_id);
}

static const char *verdict_word(const struct doc *d, enum k3a_verdict v)
{
    return T(d, v == K3A_FAIL ? K3A_T_V_FAIL : v == K3A_WARN ? K3A_T_V_WARN : K3A_T_V_PASS);
}

static const char *case_words(const struct doc *d, enum k3a_sc_case c)
{
    return P(d, c == K3A_CASE_MIN ? P_CASE_MIN : c == K3A_CASE_GEN ? P_CASE_GEN : P_CASE_MAX);
}

/* ---- summary page ---------------------------------------------------------- */

static void summary_page(struct doc *d)
{
    static const char *const insp_id[] = { "pertama", "berkala", "setelah perubahan",
                                           "setelah kecelakaan" };
    static const char *const insp_en[] = { "initial", "periodic", "after change",
                                           "after incident" };
    const struct k3a_site_info *si = &d->s->site;
    const struct k3a_results *r = d->r;
    double w = d->right - d->left, kw = 62 * MM;
    char buf[512];
    size_t before[4], after[4];
    int c = conclusion(r), lv;
    unsigned cc;

    new_page(d);
    d->y += 6;
    {
        /* B18: the title in two balanced lines, never one word alone */
        char t1[160];
        const char *cut = d->lang == K3A_LANG_EN ? " OF THE ELECTRICAL" : " INSTALASI";
        const char *at = strstr(P(d, P_TITLE), cut);
        if (at)
            fmt(t1, sizeof(t1), "%.*s\n%s", (int)(at - P(d, P_TITLE)), P(d, P_TITLE), at + 1);
        else
            fmt(t1, sizeof(t1), "%s", P(d, P_TITLE));
        d->y += text_at(d, d->left, d->y, w, t1, F_TITLE, A_CENTER, C_BLACK, 0);
    }
    d->y += 4;
    fmt(buf, sizeof(buf), "%s: %s", P(d, P_REPORT_NO), nz(si->report_no));
    d->y += text_at(d, d->left, d->y, w, buf, F_H2, A_CENTER, C_BLACK, 0) + 14;
    if (d->training && d->s->scenario.title) {
        kv_row(d, T(d, K3A_T_SCENARIO), d->s->scenario.title, kw);
        if (d->s->scenario.task)
            kv_row(d, T(d, K3A_T_TASK), d->s->scenario.task, kw);
    }
    kv_row(d, T(d, K3A_T_COMPANY), si->company, kw);
    kv_row(d, T(d, K3A_T_SITE), si->name, kw);
    kv_row(d, T(d, K3A_T_ADDRESS), si->address, kw);
    {
        const char *const *words = d->lang == K3A_LANG_EN ? insp_en : insp_id;
        kv_row(d, T(d, K3A_T_INSP_TYPE),
               (unsigned)si->inspection_type < 4 ? words[si->inspection_type] : "-", kw);
    }
    kv_row(d, T(d, K3A_T_AUDIT_DATE), date_long(d, buf, sizeof(buf), si->audit_date), kw);
    kv_row(d, T(d, K3A_T_PREV_INSP),
           date_long(d, buf, sizeof(buf), si->previous_inspection), kw);
    kv_row(d, T(d, K3A_T_PERMIT), si->permit_no, kw);
    kv_row(d, T(d, K3A_T_BODY), si->inspection_body, kw);
    fmt(buf, sizeof(buf), "%s%s%s", nz(si->auditor), si->auditor_licence ? " - " : "",
        si->auditor_licence ? si->auditor_licence : "");
    kv_row(d, P(d, P_TESTER), buf, kw);
    kv_row(d, T(d, K3A_T_LIMITS),
           r->limits && r->limits->meta.title ? r->limits->meta.title : si->limits, kw);
    d->y += 14;
    /* the conclusion, boxed */
    need(d, 80);
    text_at(d, d->left, d->y, w, P(d, P_CONCLUSION), F_H2, A_CENTER, C_BLACK, 0);
    d->y += 16;
    cc = c < 0                                          ? C_FAIL
         : k3a_results_conclusion(r) == (int)K3A_WARN ? C_WARN
         : c > 0                                      ? C_PASS
                                                      : C_WARN;
    {
        const char *word = conclusion_word(d, r);
        double h = text_height(d, word, w - 20, F_TITLE) + 16;
        fill_rect(d, d->left, d->y, w, h, cc);
        stroke_rect(d, d->left, d->y, w, h, 1.2, C_BLACK);
        text_at(d, d->left + 10, d->y + 8, w - 20, word, F_TITLE, A_CENTER, C_BLACK, 0);
        d->y += h + 4;
    }
    para(d, P(d, P_C_BASIS), F_SMALL);
    /* A14: the note about the program here, not under the signatures */
    para(d, T(d, K3A_T_NOTICE), F_SMALL);
    d->y += 6;
    {
        static const struct tcol fc[] = {
            { NULL, 3, A_LEFT }, { NULL, 2, A_RIGHT },
            { NULL, 2, A_RIGHT }, { NULL, 2, A_RIGHT } };
        struct tcol cols[4];
        struct table t;
        const char *row[4];
        unsigned bg[4] = { NO_BG, NO_BG, NO_BG, NO_BG };
        char n1[32], n2[32], n3[32];
        memcpy(cols, fc, sizeof(cols));
        cols[0].head = P(d, P_COUNTS_F);
        cols[1].head = T(d, K3A_T_V_FAIL);
        cols[2].head = T(d, K3A_T_V_WARN);
        cols[3].head = T(d, K3A_T_V_PASS);
        table_begin(d, &t, cols, 4, F_BODY);
        row[0] = T(d, K3A_T_NUMBER);
        row[1] = fmt(n1, sizeof(n1), "%zu", r->n_fail);
        row[2] = fmt(n2, sizeof(n2), "%zu", r->n_warn);
        row[3] = fmt(n3, sizeof(n3), "%zu", r->n_pass);
        bg[1] = r->n_fail ? C_FAIL : NO_BG;
        table_row(d, &t, row, bg);
        table_end(d, &t);
    }
    if (r->has_profile) {
        struct tcol cols[5];
        struct table t;
        const char *row[5];
        unsigned bg[5];
        char nb[4][32], na[4][32];
        int k = 1;
        risk_counts(r, before, after);
        cols[0].head = P(d, P_COUNTS_R);
        cols[0].w = 3;
        cols[0].al = A_LEFT;
        for (lv = 3; lv >= 0; lv--, k++) {
            cols[k].head = band_label(d, band_of_level(r, lv));
            cols[k].w = 1.5;
            cols[k].al = A_RIGHT;
        }
        table_begin(d, &t, cols, 5, F_BODY);
        for (k = 0; k < 5; k++)
            bg[k] = NO_BG;
        row[0] = P(d, P_BEFORE);
        for (lv = 3, k = 1; lv >= 0; lv--, k++) {
            row[k] = fmt(nb[lv], sizeof(nb[lv]), "%zu", before[lv]);
            bg[k] = before[lv] ? band_color(band_of_level(r, lv)) : NO_BG;
        }
        table_row(d, &t, row, bg);
        row[0] = P(d, P_AFTER);
        for (lv = 3, k = 1; lv >= 0; lv--, k++) {
            row[k] = fmt(na[lv], sizeof(na[lv]), "%zu", after[lv]);
            bg[k] = after[lv] ? band_color(band_of_level(r, lv)) : NO_BG;
        }
        table_row(d, &t, row, bg);
        table_end(d, &t);
    }
}

/* ---- BAB I ------------------------------------------------------------------ */

/* The regulations and standards a clause can name, each listed once. */
static const struct {
    const char *match, *title_id, *title_en;
} docs_known[] = {
    { "PUIL 2011", "SNI 0225:2011 Persyaratan Umum Instalasi Listrik 2011 (PUIL 2011)",
      "SNI 0225:2011 General Requirements for Electrical Installations 2011 (PUIL 2011)" },
    { "PUIL 2000", "SNI 04-0225-2000 Persyaratan Umum Instalasi Listrik 2000 (PUIL 2000)",
      "SNI 04-0225-2000 General Requirements for Electrical Installations 2000 (PUIL 2000)" },
    { "Per.02/MEN/1989", "Peraturan Menteri Tenaga Kerja No. Per.02/MEN/1989 tentang "
                         "Pengawasan Instalasi Penyalur Petir",
      "Minister of Manpower Regulation Per.02/MEN/1989 on the supervision of lightning "
      "protection installations" },
    { "PP 33/2023", "Peraturan Pemerintah No. 33 Tahun 2023 tentang Konservasi Energi",
      "Government Regulation 33/2023 on energy conservation" },
    { "Permen ESDM 7/2024", "Peraturan Menteri ESDM No. 7 Tahun 2024 tentang Tarif Tenaga "
                            "Listrik PT PLN (Persero)",
      "Minister of Energy Regulation 7/2024 on PLN electricity tariffs" },
    { "Permen ESDM 13/2012", "Peraturan Menteri ESDM No. 13 Tahun 2012 tentang Penghematan "
                             "Pemakaian Tenaga Listrik",
      "Minister of Energy Regulation 13/2012 on saving electricity" },
    { "SNI 6197", "SNI 6197:2011 Konservasi energi pada sistem pencahayaan",
      "SNI 6197:2011 Energy conservation in lighting systems" },
    { "SPLN 1", "SPLN 1:1995 Tegangan-tegangan standar", "SPLN 1:1995 Standard voltages" },
    { "IEC 60364", "IEC 60364 Low-voltage electrical installations",
      "IEC 60364 Low-voltage electrical installations" },
    { "IEC 60909", "IEC 60909-0:2016 Short-circuit currents in three-phase a.c. systems",
      "IEC 60909-0:2016 Short-circuit currents in three-phase a.c. systems" },
    { "IEC 61439", "IEC 61439-1 Low-voltage switchgear and controlgear assemblies",
      "IEC 61439-1 Low-voltage switchgear and controlgear assemblies" },
    { "IEC 60898", "IEC 60898-1 Circuit-breakers for household and similar installations",
      "IEC 60898-1 Circuit-breakers for household and similar installations" },
    { "IEC 60947", "IEC 60947-2 Low-voltage switchgear: circuit-breakers",
      "IEC 60947-2 Low-voltage switchgear: circuit-breakers" },
    { "IEC 61008", "IEC 61008-1 / IEC 61009-1 Residual current operated circuit-breakers",
      "IEC 61008-1 / IEC 61009-1 Residual current operated circuit-breakers" },
    { "IEC 60076", "IEC 60076 Power transformers", "IEC 60076 Power transformers" },
    { "IEC 61000", "IEC 61000-2-2 Electromagnetic compatibility: compatibility levels",
      "IEC 61000-2-2 Electromagnetic compatibility: compatibility levels" },
    { "ISO 8528", "ISO 8528-1 Reciprocating internal combustion engine driven generating sets",
      "ISO 8528-1 Reciprocating internal combustion engine driven generating sets" },
    { "IEEE 1584", "IEEE 1584-2018 Guide for Performing Arc-Flash Hazard Calculations",
      "IEEE 1584-2018 Guide for Performing Arc-Flash Hazard Calculations" },
    { "NFPA 70E", "NFPA 70E Standard for Electrical Safety in the Workplace",
      "NFPA 70E Standard for Electrical Safety in the Workplace" },
    { "IEEE 43", "IEEE 43 Recommended Practice for Testing Insulation Resistance of "
                 "Electric Machinery",
      "IEEE 43 Recommended Practice for Testing Insulation Resistance of Electric "
      "Machinery" },
    { "IEEE 519", "IEEE 519-2014 Harmonic Control in Electric Power Systems",
      "IEEE 519-2014 Harmonic Control in Electric Power Systems" },
    { "IEEE 142", "IEEE 142 Grounding of Industrial and Commercial Power Systems",
      "IEEE 142 Grounding of Industrial and Commercial Power Systems" },
    { "NETA", "ANSI/NETA MTS Maintenance Testing Specifications",
      "ANSI/NETA MTS Maintenance Testing Specifications" },
    { "ASHRAE Guideline 14", "ASHRAE Guideline 14 Measurement of Energy, Demand, and Water "
                             "Savings",
      "ASHRAE Guideline 14 Measurement of Energy, Demand, and Water Savings" },
};
#define N_DOCS (sizeof(docs_known) / sizeof(docs_known[0]))

static void legal_basis(struct doc *d)
{
    const struct k3a_results *r = d->r;
    unsigned char seen[N_DOCS];
    size_t i, k, n = 0;
    char buf[400];

    memset(seen, 0, sizeof(seen));
    heading(d, P(d, P_LEGAL), F_H2);
    /* always: the Act and the electrical regulation the inspection is under */
    fmt(buf, sizeof(buf), "%zu. %s", ++n,
        L2(d, "Undang-Undang No. 1 Tahun 1970 tentang Keselamatan Kerja",
           "Act No. 1 of 1970 on Occupational Safety"));
    para(d, buf, F_BODY);
    fmt(buf, sizeof(buf), "%zu. %s", ++n,
        L2(d, "Peraturan Menteri Ketenagakerjaan No. 12 Tahun 2015 tentang Keselamatan "
              "dan Kesehatan Kerja Listrik di Tempat Kerja",
           "Minister of Manpower Regulation No. 12 of 2015 on Electrical Safety and "
           "Health at the Workplace"));
    para(d, buf, F_BODY);
    /* D28: the decree that makes PUIL mandatory at workplaces (a checklist
     * is a working aid, not a legal basis, and is not listed) */
    fmt(buf, sizeof(buf), "%zu. %s", ++n,
        L2(d, "Keputusan Menteri Tenaga Kerja dan Transmigrasi No. Kep.75/MEN/2002 tentang "
              "Pemberlakuan Standar Nasional Indonesia (SNI) No. SNI-04-0225-2000 mengenai "
              "Persyaratan Umum Instalasi Listrik 2000 (PUIL 2000) di Tempat Kerja",
           "Decree of the Minister of Manpower and Transmigration No. Kep.75/MEN/2002 on "
           "applying SNI 04-0225-2000, General Requirements for Electrical Installations "
           "2000 (PUIL 2000), at workplaces"));
    para(d, buf, F_BODY);
    /* the others in the order the findings and risks first cite them */
    for (i = 0; i < r->n_findings + r->n_risks; i++) {
        const char *c = i < r->n_findings ? r->findings[i].clause
                                          : r->risks[i - r->n_findings].basis;
        if (!c)
            continue;
        for (k = 0; k < N_DOCS; k++)
            if (!seen[k] && strstr(c, docs_known[k].match)) {
                seen[k] = 1;
                fmt(buf, sizeof(buf), "%zu. %s", ++n,
                    d->lang == K3A_LANG_EN ? docs_known[k].title_en : docs_known[k].title_id);
                para(d, buf, F_BODY);
            }
    }
}

/* The bus a loop test's circuit or device belongs to; -1 if none. */
static int32_t ref_bus(const struct k3a_site *s, const struct k3a_ref *rf)
{
    if (!rf->name || rf->idx < 0)
        return -1;
    switch (rf->kind) {
    case K3A_KIND_BUS:
        return rf->idx;
    case K3A_KIND_CABLE: {
        const struct k3a_cable *c = &s->cables[rf->idx];
        if (c->to.kind == K3A_KIND_BUS && c->to.idx >= 0)
            return c->to.idx;
        return c->from.kind == K3A_KIND_BUS ? c->from.idx : -1;
    }
    case K3A_KIND_LOAD:
        return s->loads[rf->idx].bus.kind == K3A_KIND_BUS ? s->loads[rf->idx].bus.idx : -1;
    case K3A_KIND_DEVICE:
        return s->devices[rf->idx].at.kind == K3A_KIND_BUS ? s->devices[rf->idx].at.idx : -1;
    default:
        return -1;
    }
}

/* Measurements made with an instrument whose calibration had lapsed on
 * the test day: listed as not to be relied on (A5, A6). */
static int lapsed_meas(struct doc *d, const char *kind_id, const char *kind_en,
                       const struct k3a_elem *e, const struct k3a_meas *m)
{
    size_t k;
    char buf[400], due[32];

    for (k = 0; k < m->instrument.n; k++) {
        const struct k3a_ref *rf = &m->instrument.v[k];
        const struct k3a_instrument *in;
        if (rf->idx < 0 || rf->kind != K3A_KIND_INSTRUMENT)
            continue;
        in = &d->s->instruments[rf->idx];
        if (!in->calibration_due.y || !m->test_date.y ||
            k3a_date_days(m->test_date) <= k3a_date_days(in->calibration_due))
            continue;
        fmt(buf, sizeof(buf),
            d->lang == K3A_LANG_EN
                ? "- %s %s: instrument %s past its calibration (valid to %s); re-measure "
                  "with a calibrated instrument"
                : "- %s %s: alat ukur %s lewat masa kalibrasi (berlaku s.d. %s); ukur "
                  "ulang dengan alat terkalibrasi",
            L2(d, kind_id, kind_en), e->name, in->hdr.name,
            date_iso(due, sizeof(due), in->calibration_due));
        para(d, buf, F_BODY);
        return 1;
    }
    return 0;
}

static void scope_gaps(struct doc *d, int *any)
{
    const struct k3a_site *s = d->s;
    char buf[600];
    size_t i, u, n_lv = 0, n_miss = 0, n_cab = 0, n_cab_miss = 0;
    int en = d->lang == K3A_LANG_EN;
    unsigned char *has;

    /* A6: low-voltage boards without a loop impedance test */
    has = calloc(s->n_buses + s->n_cables + 1, 1);
    if (!has) {
        d->nomem = 1;
        return;
    }
    for (i = 0; i < s->n_loops; i++) {
        int32_t b = ref_bus(s, &s->loops[i].circuit);
        if (b < 0)
            b = ref_bus(s, &s->loops[i].device);
        if (b >= 0 && (size_t)b < s->n_buses)
            has[b] = 1;
    }
    fmt(buf, sizeof(buf), "%s", en ? "- low-voltage boards without a loop impedance test: "
                                    : "- PHB tegangan rendah tanpa uji impedansi lingkar: ");
    u = strlen(buf);
    for (i = 0; i < s->n_buses; i++) {
        if (s->buses[i].voltage_kV > 1.0 || has[i])
            continue;
        n_lv++;
        n_miss++;
        if (u + 40 < sizeof(buf)) {
            fmt(buf + u, sizeof(buf) - u, "%s%s", n_miss > 1 ? ", " : "", s->buses[i].hdr.name);
            u += strlen(buf + u);
        }
    }
    if (n_miss) {
        para(d, buf, F_BODY);
        *any = 1;
    }
    /* RCDs without the 5 x IdN test, and RCD devices not tested at all */
    for (i = 0; i < s->n_rcds; i++)
        if (!k3a_elem_given(K3A_KIND_RCD, &s->rcds[i].hdr, "trip_ms_5x")) {
            fmt(buf, sizeof(buf), en ? "- RCD %s: no 5 x IdN test" : "- RCD %s: tanpa uji 5 x IdN",
                s->rcds[i].hdr.name);
            para(d, buf, F_BODY);
            *any = 1;
        }
    for (i = 0; i < s->n_devices; i++) {
        size_t k;
        int tested = 0;
        if (!(s->devices[i].rcd_mA > 0))
            continue;
        for (k = 0; k < s->n_rcds; k++)
            tested |= s->rcds[k].device.idx == (int32_t)i &&
                      s->rcds[k].device.kind == K3A_KIND_DEVICE;
        if (!tested) {
            fmt(buf, sizeof(buf), en ? "- RCD of %s: not tested" : "- RCD pada %s: tidak diuji",
                s->devices[i].hdr.name);
            para(d, buf, F_BODY);
            *any = 1;
        }
    }
    /* low-voltage cables without an insulation test */
    memset(has, 0, s->n_buses + s->n_cables + 1);
    for (i = 0; i < s->n_insulations; i++) {
        const struct k3a_ref *c = &s->insulations[i].circuit;
        if (c->kind == K3A_KIND_CABLE && c->idx >= 0 && (size_t)c->idx < s->n_cables)
            has[c->idx] = 1;
    }
    for (i = 0; i < s->n_cables; i++) {
        int32_t b = s->cables[i].to.kind == K3A_KIND_BUS ? s->cables[i].to.idx : -1;
        if (b >= 0 && s->buses[b].voltage_kV > 1.0)
            continue;
        n_cab++;
        n_cab_miss += !has[i];
    }
    if (n_cab_miss) {
        fmt(buf, sizeof(buf),
            en ? "- insulation resistance: %zu of %zu low-voltage cables not tested"
               : "- tahanan isolasi: %zu dari %zu kabel tegangan rendah tidak diuji",
            n_cab_miss, n_cab);
        para(d, buf, F_BODY);
        *any = 1;
    }
    free(has);
    (void)n_lv;
    /* measurements from instruments past calibration */
#define LAPSED(arr, kind_id, kind_en)                                          \
    for (i = 0; i < s->n_##arr; i++)                                           \
        *any |= lapsed_meas(d, kind_id, kind_en, &s->arr[i].hdr, &s->arr[i].meas)
    LAPSED(earthings, "pembumian", "earthing");
    LAPSED(soils, "tahanan jenis tanah", "soil survey");
    LAPSED(insulations, "isolasi", "insulation");
    LAPSED(loops, "impedansi lingkar", "loop");
    LAPSED(rcds, "RCD", "RCD");
    LAPSED(thermographies, "termografi", "thermography");
    LAPSED(pqs, "kualitas daya", "power quality");
    LAPSED(lightnings, "penyalur petir", "lightning");
#undef LAPSED
}

static void scope(struct doc *d)
{
    static const struct {
        enum k3a_kind k;
        const char *id, *en;
    } kinds[] = {
        { K3A_KIND_BUS, "panel / PHB (pemeriksaan, hubung singkat, busur api)",
          "boards (inspection, short circuit, arc flash)" },
        { K3A_KIND_DEVICE, "gawai proteksi (kapasitas pemutusan, waktu pemutusan)",
          "protective devices (breaking capacity, disconnection time)" },
        { K3A_KIND_CABLE, "kabel (KHA, proteksi, ketahanan termal, susut tegangan)",
          "cables (capacity, protection, thermal withstand, voltage drop)" },
        { K3A_KIND_EARTHING, "pengukuran tahanan pembumian", "earth resistance tests" },
        { K3A_KIND_SOIL, "pengukuran tahanan jenis tanah", "soil resistivity surveys" },
        { K3A_KIND_INSULATION, "pengukuran tahanan isolasi", "insulation resistance tests" },
        { K3A_KIND_LOOP, "pengukuran impedansi lingkar gangguan", "fault loop impedance tests" },
        { K3A_KIND_RCD, "pengujian RCD", "RCD tests" },
        { K3A_KIND_THERMOGRAPHY, "pemeriksaan termografi", "thermographic survey" },
        { K3A_KIND_PQ, "pengukuran kualitas daya", "power quality measurements" },
        { K3A_KIND_LIGHTNING, "instalasi penyalur petir", "lightning protection" },
        { K3A_KIND_OBSERVATION, "pengamatan visual dan dokumen",
          "visual and document observations" },
        { K3A_KIND_BILL, "rekening listrik (audit energi)", "electricity bills (energy audit)" },
    };
    char buf[300];
    size_t i;
    int any = 0;

    heading(d, P(d, P_SCOPE), F_H2);
    para(d, P(d, P_SCOPE_DONE), F_BOLD);
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        size_t n = k3a_site_count(d->s, kinds[i].k);
        if (!n)
            continue;
        fmt(buf, sizeof(buf), "- %s: %zu", L2(d, kinds[i].id, kinds[i].en), n);
        para(d, buf, F_BODY);
    }
    para(d, P(d, P_SCOPE_NOT), F_BOLD);
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (k3a_site_count(d->s, kinds[i].k))
            continue;
        fmt(buf, sizeof(buf), "- %s", L2(d, kinds[i].id, kinds[i].en));
        para(d, buf, F_BODY);
        any = 1;
    }
    scope_gaps(d, &any);
    if (!any)
        para(d, P(d, P_NONE), F_BODY);
}

static void instruments(struct doc *d)
{
    static const char *const types_id[] = {
        "penguji tahanan pembumian", "penguji tahanan isolasi", "penguji impedansi lingkar",
        "penguji RCD", "penguji instalasi multifungsi", "tang ampere", "kamera termal",
        "penganalisis kualitas daya", "luxmeter", "lainnya" };
    static const char *const types_en[] = {
        "earth tester", "insulation tester", "loop tester", "RCD tester",
        "multifunction installation tester", "clamp meter", "thermal camera",
        "power quality analyser", "lux meter", "other" };
    const char *const *types = d->lang == K3A_LANG_EN ? types_en : types_id;
    const struct k3a_site *s = d->s;
    struct tcol cols[] = {
        { T(d, K3A_T_NAME), 2, A_LEFT },      { T(d, K3A_T_TYPE), 2, A_LEFT },
        { P(d, P_MAKE_MODEL), 3, A_LEFT },    { P(d, P_SERIAL), 2, A_LEFT },
        { P(d, P_CALIBRATED), 1.6, A_LEFT },  { P(d, P_CAL_DUE), 2.4, A_LEFT },
    };
    struct table t;
    size_t i;

    heading(d, P(d, P_INSTR), F_H2);
    if (!s->n_instruments) {
        para(d, P(d, P_NO_INSTR), F_BODY);
        return;
    }
    table_begin(d, &t, cols, 6, F_SMALL);
    for (i = 0; i < s->n_instruments; i++) {
        const struct k3a_instrument *in = &s->instruments[i];
        char mm[256], c1[32], c2[96], dd[32];
        const char *row[6];
        unsigned bg[6] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        int expired = in->calibration_due.y &&
                      k3a_date_days(in->calibration_due) < k3a_date_days(s->site.audit_date);
        fmt(mm, sizeof(mm), "%s%s%s", in->hdr.make ? in->hdr.make : "",
            in->hdr.make && in->hdr.model ? " " : "", in->hdr.model ? in->hdr.model : "");
        row[0] = in->hdr.name;
        row[1] = (unsigned)in->type < sizeof(types_id) / sizeof(types_id[0]) ? types[in->type] : "?";
        row[2] = nz(mm);
        row[3] = nz(in->hdr.serial);
        row[4] = date_iso(c1, sizeof(c1), in->calibrated);
        date_iso(dd, sizeof(dd), in->calibration_due);
        row[5] = expired ? fmt(c2, sizeof(c2), "%s (%s)", dd, P(d, P_CAL_EXPIRED)) : dd;
        if (expired)
            bg[5] = C_WARN;
        table_row(d, &t, row, bg);
    }
    table_end(d, &t);
}

/* ---- BAB II ----------------------------------------------------------------- */

static const char *node_name(const struct k3a_site *s, const struct k3a_ref *ref)
{
    (void)s;
    return ref->name ? ref->name : "-";
}

static void installation_tables(struct doc *d)
{
    static const char *const equip_id[] = { "switchgear / kubikel", "panel utama",
                                            "panel cabang", "MCC", "kotak sambung",
                                            "udara terbuka" };
    static const char *const equip_en[] = { "switchgear", "switchboard", "panelboard", "MCC",
                                            "junction box", "open air" };
    const char *const *equip = d->lang == K3A_LANG_EN ? equip_en : equip_id;
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64], b4[64], b5[128];

    heading(d, P(d, P_SUPPLY), F_H2);
    if (!s->n_supplies)
        para(d, P(d, P_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_LABEL), 3, A_LEFT },
                               { "kV", 1, A_RIGHT },
                               { P(d, P_FAULT_LVL), 2.2, A_RIGHT },
                               { P(d, P_TARIFF), 2, A_LEFT } };
        table_begin(d, &t, cols, 5, F_SMALL);
        for (i = 0; i < s->n_supplies; i++) {
            const struct k3a_supply *p = &s->supplies[i];
            const char *row[5];
            row[0] = p->hdr.name;
            row[1] = nz(p->hdr.label);
            row[2] = numt(d, b1, sizeof(b1), p->voltage_kV, 3);
            if (p->fault_level_MVA > 0) {
                num(d, b4, sizeof(b4), p->fault_level_MVA, 0);
                if (p->fault_level_min_MVA > 0)
                    fmt(b2, sizeof(b2), "%s MVA (min %s)", b4,
                        num(d, b3, sizeof(b3), p->fault_level_min_MVA, 0));
                else
                    fmt(b2, sizeof(b2), "%s MVA", b4);
            } else if (p->fault_current_kA > 0)
                fmt(b2, sizeof(b2), "%s kA", num(d, b3, sizeof(b3), p->fault_current_kA, 1));
            else
                fmt(b2, sizeof(b2), "-");
            row[3] = b2;
            if (p->tariff && p->contracted_kVA > 0)
                fmt(b5, sizeof(b5), "%s / %s kVA", p->tariff,
                    num(d, b3, sizeof(b3), p->contracted_kVA, 0));
            else
                fmt(b5, sizeof(b5), "%s", nz(p->tariff));
            row[4] = b5;
            table_row(d, &t, row, NULL);
        }
        table_end(d, &t);
    }
    heading(d, P(d, P_TX), F_H2);
    if (!s->n_transformers)
        para(d, P(d, P_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_FROM), 1.6, A_LEFT },
                               { T(d, K3A_T_TO), 1.6, A_LEFT },
                               { "kVA", 1.2, A_RIGHT },
                               { P(d, P_PRIMARY), 1.8, A_RIGHT },
                               { P(d, P_IMPEDANCE), 1.3, A_RIGHT },
                               { P(d, P_VECTOR), 1.2, A_LEFT },
                               { T(d, K3A_T_LOADING), 1.3, A_RIGHT } };
        table_begin(d, &t, cols, 8, F_SMALL);
        for (i = 0; i < s->n_transformers; i++) {
            const struct k3a_transformer *x = &s->transformers[i];
            const char *row[8];
            char b6[64], b7[64];
            row[0] = x->hdr.name;
            row[1] = node_name(s, &x->from);
            row[2] = node_name(s, &x->to);
            row[3] = num(d, b1, sizeof(b1), x->rating_kVA, 0);
            fmt(b2, sizeof(b2), "%s / %s kV", numt(d, b6, sizeof(b6), x->primary_kV, 3),
                numt(d, b7, sizeof(b7), x->secondary_kV, 3));
            row[4] = b2;
            fmt(b3, sizeof(b3), "%s %%", num(d, b6, sizeof(b6), x->impedance_pct, 2));
            row[5] = b3;
            row[6] = nz(x->vector_group);
            if (d->r->tx && d->r->tx[i].energized && isfinite(d->r->tx[i].loading_pct))
                fmt(b4, sizeof(b4), "%s %%", num(d, b7, sizeof(b7), d->r->tx[i].loading_pct, 1));
            else
                fmt(b4, sizeof(b4), "-");
            row[7] = b4;
            table_row(d, &t, row, NULL);
        }
        table_end(d, &t);
    }
    heading(d, P(d, P_GEN), F_H2);
    if (!s->n_generators)
        para(d, P(d, P_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_BUS), 2, A_LEFT },
                               { "kVA", 1.3, A_RIGHT },
                               { "kV", 1, A_RIGHT },
                               { "X\"d", 1, A_RIGHT },
                               { P(d, P_MODE), 1.5, A_LEFT } };
        table_begin(d, &t, cols, 6, F_SMALL);
        for (i = 0; i < s->n_generators; i++) {
            const struct k3a_generator *g = &s->generators[i];
            const char *row[6];
            char b6[64];
            row[0] = g->hdr.name;
            row[1] = node_name(s, &g->bus);
            row[2] = num(d, b1, sizeof(b1), g->rating_kVA, 0);
            row[3] = numt(d, b2, sizeof(b2), g->voltage_kV, 3);
            fmt(b3, sizeof(b3), "%s %%", num(d, b6, sizeof(b6), g->xd2_pct, 1));
            row[4] = b3;
            row[5] = g->mode == K3A_GEN_PARALLEL ? L2(d, "paralel", "parallel")
                                                 : L2(d, "cadangan", "standby");
            table_row(d, &t, row, NULL);
        }
        table_end(d, &t);
    }
    heading(d, P(d, P_BOARDS), F_H2);
    if (!s->n_buses)
        para(d, P(d, P_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 1.8, A_LEFT },
                               { T(d, K3A_T_LABEL), 3, A_LEFT },
                               { "kV", 0.9, A_RIGHT },
                               { P(d, P_EQUIPMENT), 1.6, A_LEFT },
                               { "A", 1, A_RIGHT },
                               { "Icw kA", 1, A_RIGHT },
                               { P(d, P_LOCATION), 2.2, A_LEFT } };
        table_begin(d, &t, cols, 7, F_SMALL);
        for (i = 0; i < s->n_buses && i < BUS_ROWS_MAX; i++) {
            const struct k3a_bus *b = &s->buses[i];
            const char *row[7];
            row[0] = b->hdr.name;
            row[1] = nz(b->hdr.label);
            row[2] = numt(d, b1, sizeof(b1), b->voltage_kV, 3);
            row[3] = (unsigned)b->equipment < 6 ? equip[b->equipment] : "?";
            row[4] = b->rated_A > 0 ? num(d, b2, sizeof(b2), b->rated_A, 0) : "-";
            row[5] = b->withstand_kA > 0 ? num(d, b3, sizeof(b3), b->withstand_kA, 0) : "-";
            row[6] = nz(b->location);
            table_row(d, &t, row, NULL);
        }
        table_end(d, &t);
        more_rows(d, s->n_buses > BUS_ROWS_MAX ? s->n_buses - BUS_ROWS_MAX : 0, K3A_T_SH_INPUT);
    }
}

/* One-line diagram: supplies and buses as boxes, transformers and cables
 * as lines, laid out as a tree (breadth first from the supplies; each
 * parent centred over its children).  A branch that closes a mesh, or an
 * open one, is drawn dashed. */
#define SLD_MAX_NODES 60

struct sld_edge {
    int32_t a, b;
    int tree, open;
    const char *label;
    char text[96];
};

static int32_t sld_node(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return -1;
    if (r->kind == K3A_KIND_SUPPLY)
        return r->idx;
    if (r->kind == K3A_KIND_BUS)
            return (int32_t)s->n_supplies + r->idx;
    return -1;
}

static void sld_box(struct doc *d, double cx, double cy, double bw, double bh,
                    const char *name, const char *sub, int supply)
{
    fill_rect(d, cx - bw / 2, cy - bh / 2, bw, bh, supply ? C_HEAD : C_WHITE);
    stroke_rect(d, cx - bw / 2, cy - bh / 2, bw, bh, 0.8, C_BLACK);
    text_at(d, cx - bw / 2 + 2, cy - bh / 2 + 2, bw - 4, name, F_SMALLB, A_CENTER, C_BLACK,
            bh / 2);
    text_at(d, cx - bw / 2 + 2, cy + 1, bw - 4, sub, F_TINY, A_CENTER, C_BLACK, bh / 2 - 2);
}

static void one_line_diagram(struct doc *d)
{
    const struct k3a_site *s = d->s;
    size_t nn = s->n_supplies + s->n_buses, ne = 0, i, j;
    struct sld_edge *e = NULL;
    int32_t *parent = NULL, *depth = NULL, *queue = NULL, *order = NULL;
    double *xs = NULL;
    int *leaf_slot = NULL;
    int max_depth = 0, slots = 0;
    char buf[256];

    heading(d, P(d, P_SLD), F_H2);
    if (!nn)
        return;
    if (nn > SLD_MAX_NODES) {
        para(d, tfmt(buf, sizeof(buf), P(d, P_SLD_BIG), nn), F_BODY);
        return;
    }
    e = calloc(s->n_transformers + s->n_cables + 1, sizeof(*e));
    parent = malloc(nn * sizeof(*parent));
    depth = malloc(nn * sizeof(*depth));
    queue = malloc(nn * sizeof(*queue));
    order = malloc(nn * sizeof(*order));
    xs = malloc(nn * sizeof(*xs));
    leaf_slot = malloc(nn * sizeof(*leaf_slot));
    if (!e || !parent || !depth || !queue || !order || !xs || !leaf_slot) {
        d->nomem = 1;
        goto out;
    }
    for (i = 0; i < s->n_transformers; i++) {
        const struct k3a_transformer *x = &s->transformers[i];
        int32_t a = sld_node(s, &x->from), b = sld_node(s, &x->to);
        char kva[32];
        if (a < 0 || b < 0)
            continue;
        e[ne].a = a;
        e[ne].b = b;
        e[ne].open = !x->closed;
        fmt(e[ne].text, sizeof(e[ne].text), "%s %s kVA", x->hdr.name,
            num(d, kva, sizeof(kva), x->rating_kVA, 0));
        ne++;
    }
    for (i = 0; i < s->n_cables; i++) {
        const struct k3a_cable *c = &s->cables[i];
        int32_t a = sld_node(s, &c->from), b = sld_node(s, &c->to);
        char sz[32];
        if (a < 0 || b < 0)
            continue;
        e[ne].a = a;
        e[ne].b = b;
        e[ne].open = !c->closed;
        fmt(e[ne].text, sizeof(e[ne].text), "%s %s%s mm2", c->hdr.name,
            c->parallel > 1 ? fmt(buf, sizeof(buf), "%dx", c->parallel) : "",
            numt(d, sz, sizeof(sz), c->size_mm2, 1));
        ne++;
    }
    /* breadth first from the supplies, then from any node not reached */
    for (i = 0; i < nn; i++) {
        parent[i] = -2; /* not reached */
        depth[i] = 0;
    }
    {
        size_t head = 0, tail = 0, no = 0, root;
        for (root = 0; root < nn; root++) {
            if (parent[root] != -2)
                continue;
            if (root >= s->n_supplies) {
                /* a bus not reached from a supply: only when no supply
                 * reaches it (the supplies come first) */
            }
            parent[root] = -1;
            depth[root] = 0;
            queue[tail++] = (int32_t)root;
            while (head < tail) {
                int32_t u = queue[head++];
                order[no++] = u;
                for (j = 0; j < ne; j++) {
                    int32_t v;
                    if (e[j].open)
                        continue;
                    if (e[j].a == u)
                        v = e[j].b;
                    else if (e[j].b == u)
                        v = e[j].a;
                    else
                        continue;
                    if (parent[v] != -2)
                        continue;
                    parent[v] = u;
                    depth[v] = depth[u] + 1;
                    if (depth[v] > max_depth)
                        max_depth = depth[v];
                    e[j].tree = 1;
                    queue[tail++] = v;
                }
            }
        }
    }
    /* x slots: depth first, children in edge order; leaves take the next
     * slot, a parent sits midway over its first and last child */
    {
        int32_t *stack = queue; /* reused */
        size_t sp = 0, k;
        double *lo = malloc(nn * sizeof(*lo)), *hi = malloc(nn * sizeof(*hi));
        int *visited = calloc(nn, sizeof(*visited));
        if (!lo || !hi || !visited) {
            free(lo);
            free(hi);
            free(visited);
            d->nomem = 1;
            goto out;
        }
        for (i = 0; i < nn; i++) {
            lo[i] = 1e9;
            hi[i] = -1e9;
        }
        /* post-order by an explicit stack over the BFS order reversed:
         * children have larger BFS positions than their parents, so
         * handling nodes in reverse BFS order finishes children first;
         * leaf slots are then given in a pre-order walk. */
        for (k = 0; k < nn; k++) {
            int32_t u = order[k];
            if (parent[u] != -1)
                continue;
            stack[sp++] = u;
            while (sp) {
                int32_t v = stack[--sp];
                int kids = 0;
                visited[v] = 1;
                /* push children in reverse edge order so the first is
                 * taken first */
                for (j = ne; j-- > 0;) {
                    int32_t c = -1;
                    if (!e[j].tree)
                        continue;
                    if (e[j].a == v && parent[e[j].b] == v)
                        c = e[j].b;
                    else if (e[j].b == v && parent[e[j].a] == v)
                        c = e[j].a;
                    if (c < 0 || visited[c])
                        continue;
                    stack[sp++] = c;
                    kids++;
                }
                if (!kids) {
                    xs[v] = slots++;
                    leaf_slot[v] = 1;
                } else
                    leaf_slot[v] = 0;
            }
        }
        for (k = nn; k-- > 0;) {
            int32_t u = order[k];
            if (!leaf_slot[u])
                xs[u] = (lo[u] + hi[u]) / 2;
            if (parent[u] >= 0) {
                if (xs[u] < lo[parent[u]])
                    lo[parent[u]] = xs[u];
                if (xs[u] > hi[parent[u]])
                    hi[parent[u]] = xs[u];
            }
        }
        free(lo);
        free(hi);
        free(visited);
    }
    {
        double w = d->right - d->left, slot_w = w / (slots ? slots : 1);
        double bw = slot_w - 8 > 96 ? 96 : slot_w - 8, bh = 30;
        double level_h = 78, total_h = (max_depth + 1) * level_h + 20;
        double y0;
        char sub[128], v[32], v2[32];
        if (bw < 40) {
            para(d, tfmt(buf, sizeof(buf), P(d, P_SLD_BIG), nn), F_BODY);
            goto out;
        }
        if (total_h > d->bottom - d->top - 40) {
            level_h = (d->bottom - d->top - 60) / (max_depth + 1);
            total_h = (max_depth + 1) * level_h + 20;
        }
        para(d, P(d, P_SLD_NOTE), F_SMALL);
        need(d, total_h);
        y0 = d->y + bh / 2 + 4;
#define NX(u) (d->left + slot_w * (xs[u] + 0.5))
#define NY(u) (y0 + depth[u] * level_h)
        for (j = 0; j < ne; j++) {
            /* a tree branch is drawn from the parent (1) to the child (2) */
            int32_t pa = e[j].tree && parent[e[j].a] == e[j].b ? e[j].b : e[j].a;
            int32_t ch = pa == e[j].a ? e[j].b : e[j].a;
            double x1 = NX(pa), y1 = NY(pa), x2 = NX(ch), y2 = NY(ch);
            cairo_save(d->cr);
            rgb(d->cr, C_BLACK);
            cairo_set_line_width(d->cr, 0.9);
            if (!e[j].tree) {
                double dash[] = { 3, 2 };
                cairo_set_dash(d->cr, dash, 2, 0);
                /* centre to centre; the boxes drawn over it hide its ends */
                cairo_move_to(d->cr, x1, y1);
                cairo_line_to(d->cr, x2, y2);
            } else {
                cairo_move_to(d->cr, x1, y1 + bh / 2);
                cairo_line_to(d->cr, x1, (y1 + y2) / 2);
                cairo_line_to(d->cr, x2, (y1 + y2) / 2);
                cairo_line_to(d->cr, x2, y2 - bh / 2);
            }
            cairo_stroke(d->cr);
            cairo_restore(d->cr);
            if (e[j].tree)
                text_at(d, x2 + 2, (y1 + y2) / 2 + 2, slot_w / 2 - 4, e[j].text, F_TINY,
                        A_LEFT, C_BLACK, (y2 - y1) / 2 - bh / 2 - 3);
            else
                text_at(d, (x1 + x2) / 2 - 45, (y1 + y2) / 2 - 11, 90, e[j].text, F_TINY,
                        A_CENTER, C_BLACK, 10);
        }
        for (i = 0; i < nn; i++) {
            if (i < s->n_supplies) {
                const struct k3a_supply *p = &s->supplies[i];
                fmt(sub, sizeof(sub), "%s kV%s%s%s", numt(d, v, sizeof(v), p->voltage_kV, 3),
                    p->fault_level_MVA > 0 ? ", " : "",
                    p->fault_level_MVA > 0 ? num(d, v2, sizeof(v2), p->fault_level_MVA, 0) : "",
                    p->fault_level_MVA > 0 ? " MVA" : "");
                sld_box(d, NX(i), NY(i), bw, bh, p->hdr.name, sub, 1);
            } else {
                const struct k3a_bus *b = &s->buses[i - s->n_supplies];
                fmt(sub, sizeof(sub), "%s kV", numt(d, v, sizeof(v), b->voltage_kV, 3));
                sld_box(d, NX(i), NY(i), bw, bh, b->hdr.name, sub, 0);
            }
        }
        /* generators: a circle below their bus, right of its feeders */
        for (i = 0; i < s->n_generators; i++) {
            int32_t u = sld_node(s, &s->generators[i].bus);
            double gx, gy;
            if (u < 0)
                continue;
            gx = NX(u) + bw / 4;
            gy = NY(u) + bh / 2 + 16;
            rgb(d->cr, C_BLACK);
            cairo_set_line_width(d->cr, 0.8);
            cairo_new_sub_path(d->cr);
            cairo_arc(d->cr, gx, gy, 8, 0, 2 * PI_);
            cairo_move_to(d->cr, gx, gy - 8);
            cairo_line_to(d->cr, gx, NY(u) + bh / 2);
            cairo_stroke(d->cr);
            text_at(d, gx - 8, gy - 5, 16, "G", F_SMALLB, A_CENTER, C_BLACK, 0);
            text_at(d, gx - 30, gy + 9, 60, s->generators[i].hdr.name, F_TINY, A_CENTER,
                    C_BLACK, 16);
        }
#undef NX
#undef NY
        d->y += total_h;
    }
out:
    free(e);
    free(parent);
    free(depth);
    free(queue);
    free(order);
    free(xs);
    free(leaf_slot);
}

/* ---- BAB III ------------------------------------------------------------------ */

enum cat { CAT_PROT, CAT_ARC, CAT_EARTH, CAT_IR, CAT_LOOP, CAT_THERMO, CAT_PQ,
           CAT_CABLE, CAT_ENERGY, CAT_DOCS, CAT_COUNT };

static enum cat finding_cat(const struct k3a_finding *f)
{
    const char *c = f->check;

    if (strncmp(c, "arc_flash", 9) == 0)
        return CAT_ARC;
    switch (f->kind) {
    case K3A_KIND_DEVICE:
        return CAT_PROT;
    case K3A_KIND_BUS:
        return strcmp(c, "voltage_drop") == 0 ? CAT_CABLE : CAT_PROT;
    case K3A_KIND_EARTHING:
    case K3A_KIND_SOIL:
    case K3A_KIND_LIGHTNING:
        return CAT_EARTH;
    case K3A_KIND_INSULATION:
        return CAT_IR;
    case K3A_KIND_LOOP:
    case K3A_KIND_RCD:
        return CAT_LOOP;
    case K3A_KIND_THERMOGRAPHY:
        return CAT_THERMO;
    case K3A_KIND_PQ:
        return CAT_PQ;
    case K3A_KIND_CABLE:
    case K3A_KIND_LOAD:
    case K3A_KIND_TRANSFORMER:
    case K3A_KIND_GENERATOR:
    case K3A_KIND_CAPACITOR:
        return strcmp(c, "lighting_power_density") == 0 ? CAT_ENERGY : CAT_CABLE;
    case K3A_KIND_BILL:
        return CAT_ENERGY;
    case K3A_KIND_SITE:
        if (strstr(c, "power_factor") || strstr(c, "energy") || strcmp(c, "baseline") == 0)
            return CAT_ENERGY;
        return CAT_DOCS;
    default:
        return CAT_DOCS;
    }
}

/* Passes of one check beyond this many are one row (as the workbook). */
#define PASS_ROWS_MAX 50

static void findings(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 1.1, A_LEFT },        { T(d, K3A_T_ELEMENT), 2.2, A_LEFT },
        { T(d, K3A_T_DESCRIPTION), 4.6, A_LEFT }, { T(d, K3A_T_MEASURED), 1.5, A_RIGHT },
        { T(d, K3A_T_LIMIT), 1.4, A_RIGHT },    { T(d, K3A_T_RESULT), 1.6, A_CENTER },
        { T(d, K3A_T_CLAUSE), 3.6, A_LEFT },
    };
    size_t *count = NULL, i, k;
    const char **check = NULL;
    size_t n_checks = 0;
    int c;

    /* passes per check, to fold a check with very many into one row */
    count = calloc(r->n_findings + 1, sizeof(*count));
    check = calloc(r->n_findings + 1, sizeof(*check));
    if (!count || !check) {
        d->nomem = 1;
        free(count);
        free(check);
        return;
    }
    if (r->n_findings > PASS_ROWS_MAX)
        for (i = 0; i < r->n_findings; i++) {
            const struct k3a_finding *f = &r->findings[i];
            if (f->verdict != K3A_PASS || f->cited)
                continue;
            for (k = 0; k < n_checks && strcmp(check[k], f->check) != 0; k++)
                ;
            if (k == n_checks && n_checks < 512)
                check[n_checks++] = f->check;
            if (k < n_checks)
                count[k]++;
        }
    for (c = 0; c < CAT_COUNT; c++) {
        static const enum pdf_text cat_title[CAT_COUNT] = {
            P_CAT_PROT, P_CAT_ARC, P_CAT_EARTH, P_CAT_IR, P_CAT_LOOP, P_CAT_THERMO,
            P_CAT_PQ, P_CAT_CABLE, P_CAT_ENERGY, P_CAT_DOCS };
        struct table t;
        int begun = 0;
        char head[160];
        unsigned char *folded = NULL;

        for (i = 0; i < r->n_findings; i++)
            if ((int)finding_cat(&r->findings[i]) == c)
                break;
        if (i == r->n_findings)
            continue;
        folded = calloc(n_checks + 1, 1);
        for (i = 0; i < r->n_findings; i++) {
            const struct k3a_finding *f = &r->findings[i];
            char mb[64], lb[64], mv[96], lv[96], text[600];
            const char *row[7];
            unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
            if ((int)finding_cat(f) != c)
                continue;
            if (!begun) {
                fmt(head, sizeof(head), "3.%d  %s", c + 1, P(d, cat_title[c]));
                heading(d, head, F_H2);
                table_begin(d, &t, cols, 7, F_SMALL);
                begun = 1;
            }
            if (f->verdict == K3A_PASS && !f->cited && n_checks) {
                for (k = 0; k < n_checks && strcmp(check[k], f->check) != 0; k++)
                    ;
                if (k < n_checks && count[k] > PASS_ROWS_MAX) {
                    if (!folded || folded[k])
                        continue;
                    folded[k] = 1;
                    tfmt(text, sizeof(text), P(d, P_PASS_GROUP), count[k], f->element,
                         k3a_finding_title(f, d->lang));
                    row[0] = f->id;
                    row[1] = fmt(mv, sizeof(mv), "%zu %s", count[k], T(d, K3A_T_ELEMENTS));
                    row[2] = text;
                    row[3] = "";
                    row[4] = "";
                    row[5] = verdict_word(d, K3A_PASS);
                    row[6] = f->clause;
                    bg[5] = C_PASS;
                    table_row(d, &t, row, bg);
                    continue;
                }
            }
            num_pair(d, f->measured, f->has_measured, f->limit, f->has_limit, mb, lb,
                     sizeof(mb));
            row[0] = f->id;
            row[1] = k3a_element_text(f->element, d->lang, d->ebuf, sizeof(d->ebuf));
            row[2] = k3a_finding_title(f, d->lang);
            row[3] = f->has_measured ? fmt(mv, sizeof(mv), "%s %s", mb, f->unit) : "";
            row[4] = f->has_limit ? fmt(lv, sizeof(lv), "%s %s", lb, f->unit) : "";
            row[5] = verdict_word(d, f->verdict);
            row[6] = f->clause;
            bg[5] = verdict_color(f->verdict);
            table_row(d, &t, row, bg);
        }
        free(folded);
        if (begun)
            table_end(d, &t);
    }
    free(count);
    free(check);
}

/* A step for axis ticks: 1, 2 or 5 x 10^k, about n ticks over span. */
static double nice_step(double span, int n)
{
    double raw = span / n, p = pow(10.0, floor(log10(raw))), f = raw / p;

    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

static void line(struct doc *d, double x1, double y1, double x2, double y2, double w,
                 unsigned c, int dashed)
{
    double dash[] = { 3, 2 };

    cairo_save(d->cr);
    rgb(d->cr, c);
    cairo_set_line_width(d->cr, w);
    if (dashed)
        cairo_set_dash(d->cr, dash, 2, 0);
    cairo_move_to(d->cr, x1, y1);
    cairo_line_to(d->cr, x2, y2);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

/* Fall of potential of every [earthing] with readings: R against the
 * potential probe's distance as % of the current probe's, the 61.8 %
 * line and the limit (the workbook's chart, as in IEEE 81 8.2.1.5). */
static void chart_fop(struct doc *d, size_t ei)
{
    const struct k3a_earthing *e = &d->s->earthings[ei];
    const struct k3a_earth_res *er = d->r->earth ? &d->r->earth[ei] : NULL;
    double w = d->right - d->left, h = 150, x0 = d->left + 40, y0, pw = w - 60, ph = h - 40;
    double xmax = 100, ymax = 0, step, v;
    char buf[200], a[32];
    size_t k;

    for (k = 0; k < e->readings.n; k++)
        if (e->readings.y[k] > ymax)
            ymax = e->readings.y[k];
    if (er && isfinite(er->limit_ohm) && er->limit_ohm > ymax)
        ymax = er->limit_ohm;
    if (!(ymax > 0) || !(e->current_probe_m > 0))
        return;
    ymax *= 1.15;
    need(d, h + 10);
    tfmt(buf, sizeof(buf), P(d, P_CH_FOP), e->hdr.name,
         er && isfinite(er->limit_ohm) ? numt(d, a, sizeof(a), er->limit_ohm, 2) : "-");
    d->y += text_at(d, d->left, d->y, w, buf, F_SMALLB, A_LEFT, C_BLACK, 0) + 4;
    y0 = d->y + ph; /* the x axis */
    stroke_rect(d, x0, d->y, pw, ph, 0.6, C_BLACK);
    step = nice_step(ymax, 5);
    for (v = 0; v <= ymax + 1e-9; v += step) {
        double yy = y0 - v / ymax * ph;
        line(d, x0, yy, x0 + pw, yy, 0.2, C_RULE, 0);
        text_at(d, d->left, yy - 4, 36, numt(d, a, sizeof(a), v, 2), F_TINY, A_RIGHT, C_BLACK, 0);
    }
    for (v = 0; v <= xmax; v += 20) {
        double xx = x0 + v / xmax * pw;
        line(d, xx, y0, xx, y0 + 3, 0.5, C_BLACK, 0);
        text_at(d, xx - 15, y0 + 3, 30, numt(d, a, sizeof(a), v, 0), F_TINY, A_CENTER, C_BLACK,
                0);
    }
    text_at(d, x0, y0 + 12, pw, P(d, P_CH_DIST), F_TINY, A_CENTER, C_BLACK, 0);
    /* 61.8 % and the limit */
    line(d, x0 + 0.618 * pw, d->y, x0 + 0.618 * pw, y0, 0.8, C_TRAIN, 1);
    text_at(d, x0 + 0.618 * pw + 2, d->y + 2, 40, "61,8 %", F_TINY, A_LEFT, C_TRAIN, 0);
    if (er && isfinite(er->limit_ohm)) {
        double yy = y0 - er->limit_ohm / ymax * ph;
        line(d, x0, yy, x0 + pw, yy, 0.8, C_DANGER, 1);
    }
    /* the readings */
    cairo_save(d->cr);
    rgb(d->cr, 0x1F4E79u);
    cairo_set_line_width(d->cr, 1.2);
    cairo_new_path(d->cr);
    for (k = 0; k < e->readings.n; k++) {
        double xx = x0 + e->readings.x[k] / e->current_probe_m * 100 / xmax * pw;
        double yy = y0 - e->readings.y[k] / ymax * ph;
        if (xx > x0 + pw)
            xx = x0 + pw;
        if (k)
            cairo_line_to(d->cr, xx, yy);
        else
            cairo_move_to(d->cr, xx, yy);
    }
    cairo_stroke(d->cr);
    for (k = 0; k < e->readings.n; k++) {
        double xx = x0 + e->readings.x[k] / e->current_probe_m * 100 / xmax * pw;
        double yy = y0 - e->readings.y[k] / ymax * ph;
        if (xx > x0 + pw)
            xx = x0 + pw;
        cairo_new_sub_path(d->cr);
        cairo_arc(d->cr, xx, yy, 2, 0, 2 * PI_);
    }
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    d->y += h - 4 + 6;
}

/* Horizontal bars: each cable's Ib / Iz and each transformer's S / Sn in
 * %, with the 100 % line. */
static void chart_loading(struct doc *d)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    double w = d->right - d->left, bar = 11, x0 = d->left + 80, pw = w - 120, xmax = 100;
    size_t i, n = 0;
    char a[32];

    for (i = 0; r->cables && i < s->n_cables; i++)
        if (r->cables[i].energized && isfinite(r->cables[i].loading_pct)) {
            n++;
            if (r->cables[i].loading_pct > xmax)
                xmax = r->cables[i].loading_pct;
        }
    for (i = 0; r->tx && i < s->n_transformers; i++)
        if (r->tx[i].energized && isfinite(r->tx[i].loading_pct)) {
            n++;
            if (r->tx[i].loading_pct > xmax)
                xmax = r->tx[i].loading_pct;
        }
    if (!n || n > 40)
        return;
    xmax *= 1.1;
    need(d, 20 + (double)n * (bar + 3) + 20);
    d->y += text_at(d, d->left, d->y, w, P(d, P_CH_LOADING), F_SMALLB, A_LEFT, C_BLACK, 0) + 4;
    {
        double top = d->y, yy = d->y, xx;
        for (i = 0; i < s->n_transformers + s->n_cables; i++) {
            int is_tx = i < s->n_transformers;
            size_t j = is_tx ? i : i - s->n_transformers;
            double pct;
            const char *name;
            if (is_tx ? !(r->tx && r->tx[j].energized && isfinite(r->tx[j].loading_pct))
                      : !(r->cables && r->cables[j].energized &&
                          isfinite(r->cables[j].loading_pct)))
                continue;
            pct = is_tx ? r->tx[j].loading_pct : r->cables[j].loading_pct;
            name = is_tx ? s->transformers[j].hdr.name : s->cables[j].hdr.name;
            text_at(d, d->left, yy + 1, 76, name, F_TINY, A_RIGHT, C_BLACK, bar);
            fill_rect(d, x0, yy, pct / xmax * pw, bar,
                      pct > 100 ? C_DANGER : pct > 80 ? C_WARNING : 0x5B9BD5u);
            fmt(a, sizeof(a), "%s %%", numt(d, a + 16, 16, pct, 1));
            text_at(d, x0 + pct / xmax * pw + 3, yy + 1, 40, a, F_TINY, A_LEFT, C_BLACK, 0);
            yy += bar + 3;
        }
        xx = x0 + 100 / xmax * pw;
        line(d, xx, top - 2, xx, yy, 0.8, C_DANGER, 1);
        text_at(d, xx - 20, yy + 1, 40, "100 %", F_TINY, A_CENTER, C_DANGER, 0);
        d->y = yy + 14;
    }
}

/* Insulation resistance over time: the previous readings and this one
 * (the lowest), with the limit (the trend the workbook projects). */
static void chart_ir(struct doc *d, size_t ii)
{
    const struct k3a_insulation *in = &d->s->insulations[ii];
    const struct k3a_ir_res *ir = d->r->ir ? &d->r->ir[ii] : NULL;
    double w = d->right - d->left, h = 130, x0 = d->left + 40, pw = w - 60, ph = h - 40;
    double t0, t1, ymax = 0, step, v, y0;
    long days[K3A_SOIL_MAX_POINTS + 1];
    double val[K3A_SOIL_MAX_POINTS + 1];
    size_t k, n = 0;
    char buf[200], a[32];

    if (!ir)
        return;
    for (k = 0; k < in->previous_Mohm.n && n < K3A_SOIL_MAX_POINTS; k++) {
        days[n] = k3a_date_days(in->previous_Mohm.date[k]);
        val[n++] = in->previous_Mohm.value[k];
    }
    days[n] = k3a_date_days(in->meas.test_date.y ? in->meas.test_date : d->s->site.audit_date);
    val[n++] = ir->min_Mohm;
    t0 = t1 = (double)days[0];
    for (k = 0; k < n; k++) {
        if (days[k] < t0)
            t0 = (double)days[k];
        if (days[k] > t1)
            t1 = (double)days[k];
        if (val[k] > ymax)
            ymax = val[k];
    }
    if (isfinite(ir->limit_Mohm) && ir->limit_Mohm > ymax)
        ymax = ir->limit_Mohm;
    if (!(ymax > 0) || !(t1 > t0))
        return;
    ymax *= 1.15;
    need(d, h + 10);
    tfmt(buf, sizeof(buf), P(d, P_CH_IR), in->hdr.name,
         isfinite(ir->limit_Mohm) ? numt(d, a, sizeof(a), ir->limit_Mohm, 2) : "-");
    d->y += text_at(d, d->left, d->y, w, buf, F_SMALLB, A_LEFT, C_BLACK, 0) + 4;
    y0 = d->y + ph;
    stroke_rect(d, x0, d->y, pw, ph, 0.6, C_BLACK);
    step = nice_step(ymax, 5);
    for (v = 0; v <= ymax + 1e-9; v += step) {
        double yy = y0 - v / ymax * ph;
        line(d, x0, yy, x0 + pw, yy, 0.2, C_RULE, 0);
        text_at(d, d->left, yy - 4, 36, numt(d, a, sizeof(a), v, 2), F_TINY, A_RIGHT, C_BLACK, 0);
    }
    if (isfinite(ir->limit_Mohm))
        line(d, x0, y0 - ir->limit_Mohm / ymax * ph, x0 + pw, y0 - ir->limit_Mohm / ymax * ph,
             0.8, C_DANGER, 1);
    for (k = 0; k < n; k++) {
        double xx = x0 + ((double)days[k] - t0) / (t1 - t0) * pw;
        struct k3a_date dt = k < n - 1 ? in->previous_Mohm.date[k]
                                       : (in->meas.test_date.y ? in->meas.test_date
                                                               : d->s->site.audit_date);
        char lab[32];
        text_at(d, xx - 25, y0 + 3, 50, date_iso(lab, sizeof(lab), dt), F_TINY, A_CENTER,
                C_BLACK, 0);
    }
    cairo_save(d->cr);
    rgb(d->cr, 0x1F4E79u);
    cairo_set_line_width(d->cr, 1.2);
    cairo_new_path(d->cr);
    for (k = 0; k < n; k++) {
        double xx = x0 + ((double)days[k] - t0) / (t1 - t0) * pw, yy = y0 - val[k] / ymax * ph;
        if (k)
            cairo_line_to(d->cr, xx, yy);
        else
            cairo_move_to(d->cr, xx, yy);
    }
    cairo_stroke(d->cr);
    for (k = 0; k < n; k++) {
        cairo_new_sub_path(d->cr);
        cairo_arc(d->cr, x0 + ((double)days[k] - t0) / (t1 - t0) * pw, y0 - val[k] / ymax * ph, 2,
                  0, 2 * PI_);
    }
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    d->y += h - 10;
}

static void charts(struct doc *d)
{
    const struct k3a_site *s = d->s;
    char head[64];
    size_t i, n = 0;

    for (i = 0; i < s->n_earthings; i++)
        n += s->earthings[i].readings.n >= 3 && s->earthings[i].current_probe_m > 0;
    fmt(head, sizeof(head), "3.%d  %s", CAT_COUNT + 2, P(d, P_CHARTS));
    heading(d, head, F_H2);
    chart_loading(d);
    for (i = 0; i < s->n_earthings && n <= 20; i++)
        if (s->earthings[i].readings.n >= 3 && s->earthings[i].current_probe_m > 0)
            chart_fop(d, i);
    for (i = 0, n = 0; i < s->n_insulations; i++)
        n += s->insulations[i].previous_Mohm.n > 0;
    for (i = 0; i < s->n_insulations && n <= 20; i++)
        if (s->insulations[i].previous_Mohm.n > 0)
            chart_ir(d, i);
}

static void arc_table(struct doc *d)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    struct tcol cols[] = {
        { T(d, K3A_T_BUS), 1.6, A_LEFT },       { "kV", 0.8, A_RIGHT },
        { "Ibf kA", 1, A_RIGHT },               { "Iarc kA", 1, A_RIGHT },
        { T(d, K3A_T_CLEAR_DEV), 1.7, A_LEFT }, { "t ms", 0.9, A_RIGHT },
        { L2(d, "Jarak kerja mm", "Working distance mm"), 1.2, A_RIGHT },
        { "E cal/cm\u00b2", 1.1, A_RIGHT },
        { L2(d, "Batas busur api mm", "Arc-flash boundary mm"), 1.2, A_RIGHT },
        { T(d, K3A_T_PPE), 1.1, A_CENTER },
        { T(d, K3A_T_CASE), 2.4, A_LEFT },
    };
    struct table t;
    size_t i, n = 0, shown;
    char head[128];

    for (i = 0; r->arc && i < s->n_buses; i++)
        n += r->arc[i].available != 0;
    if (!n)
        return;
    fmt(head, sizeof(head), "3.%d  %s", CAT_COUNT + 1, P(d, P_ARC_TABLE));
    heading(d, head, F_H2);
    table_begin(d, &t, cols, 11, F_SMALL);
    for (i = 0, shown = 0; i < s->n_buses; i++) {
        const struct k3a_bus_arc *a = &r->arc[i];
        char b[8][64], cs[160];
        const char *row[11];
        unsigned bg[11];
        int32_t dev;
        size_t k;
        if (!a->available)
            continue;
        if (shown++ == BUS_ROWS_MAX)
            break;
        for (k = 0; k < 11; k++)
            bg[k] = NO_BG;
        dev = a->out.governing ? a->device_min : a->device;
        row[0] = s->buses[i].hdr.name;
        row[1] = numt(d, b[0], 64, s->buses[i].voltage_kV, 3);
        row[2] = num(d, b[1], 64, a->in.ibf_kA, 2);
        row[3] = num(d, b[2], 64, a->out.iarc_kA, 2);
        row[4] = dev >= 0 ? s->devices[dev].hdr.name : "-";
        row[5] = num(d, b[3], 64, a->out.governing ? a->in.t_min_ms : a->in.t_ms, 0);
        row[6] = num(d, b[4], 64, a->in.distance_mm, 0);
        row[7] = num(d, b[5], 64, a->out.energy_cal_cm2, 2);
        row[8] = num(d, b[6], 64, a->out.afb_gov_mm, 0);
        /* above 40 cal/cm2 no PPE category applies: said as the energy,
         * not as the label's signal word */
        row[9] = strcmp(a->ppe, "dangerous") == 0 ? "> 40 cal/cm\u00b2" : a->ppe;
        fmt(cs, sizeof(cs), "%s%s%s", case_words(d, a->sc_case),
            a->out.governing ? "; " : "", a->out.governing ? P(d, P_L_REDUCED) : "");
        row[10] = cs;
        if (strcmp(a->ppe, "dangerous") == 0)
            bg[7] = bg[9] = C_FAIL;
        else if (a->out.energy_cal_cm2 > 1.2)
            bg[7] = C_WARN;
        table_row(d, &t, row, bg);
    }
    table_end(d, &t);
    more_rows(d, n > BUS_ROWS_MAX ? n - BUS_ROWS_MAX : 0, K3A_T_SH_ARC);
}

/* ---- BAB IV ------------------------------------------------------------------- */

static void risk_register(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },          { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_HAZARD), 3.6, A_LEFT },     { "P x S", 0.9, A_CENTER },
        { T(d, K3A_T_LEVEL), 1.3, A_CENTER },    { T(d, K3A_T_CONTROL), 3.6, A_LEFT },
        { "P x S", 0.9, A_CENTER },              { T(d, K3A_T_LEVEL2), 1.3, A_CENTER },
        { T(d, K3A_T_SOURCE), 1.2, A_LEFT },
    };
    struct table t;
    size_t i;

    heading(d, P(d, P_IBPR), F_H2);
    if (!r->n_risks) {
        para(d, P(d, P_NO_RISK), F_BODY);
        return;
    }
    table_begin(d, &t, cols, 9, F_SMALL);
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *k = &r->risks[i];
        const char *row[9];
        unsigned bg[9] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        char ls[16], ls2[16], hz[600];
        int en = d->lang == K3A_LANG_EN;
        fmt(hz, sizeof(hz), "%s%s%s", en ? nz(k->hazard_en) : nz(k->hazard_id),
            (en ? k->risk_en : k->risk_id) ? ": " : "",
            (en ? k->risk_en : k->risk_id) ? (en ? k->risk_en : k->risk_id) : "");
        row[0] = k->id;
        row[1] = k3a_element_text(k->element, d->lang, d->ebuf, sizeof(d->ebuf));
        row[2] = hz;
        row[3] = fmt(ls, sizeof(ls), "%d x %d", k->likelihood, k->severity);
        row[4] = band_label(d, k->band);
        row[5] = nz(en ? k->control_en : k->control_id);
        row[6] = k->has_control ? fmt(ls2, sizeof(ls2), "%d x %d", k->likelihood_after,
                                      k->severity_after)
                                : "-";
        row[7] = band_label(d, k->band_after);
        row[8] = k->source;
        bg[4] = band_color(k->band);
        bg[7] = band_color(k->band_after);
        table_row(d, &t, row, bg);
    }
    table_end(d, &t);
}

static void heat_map(struct doc *d, double x, double y, double cell, int after,
                     const char *title)
{
    const struct k3a_results *r = d->r;
    const struct k3a_risk_profile *p = &r->profile;
    int l, s;
    char buf[32];

    text_at(d, x, y, cell * 6, title, F_BOLD, A_CENTER, C_BLACK, 0);
    y += 16;
    for (l = 5; l >= 1; l--) {
        double cy = y + (5 - l) * cell;
        text_at(d, x, cy + cell / 2 - 5, cell - 4, fmt(buf, sizeof(buf), "P%d", l), F_SMALL,
                A_RIGHT, C_BLACK, 0);
        for (s = 1; s <= 5; s++) {
            const struct k3a_band *b = k3a_risk_band(p, l, s);
            double cx = x + s * cell;
            size_t i, n = 0;
            unsigned c = band_color(b);
            for (i = 0; i < r->n_risks; i++) {
                const struct k3a_risk *k = &r->risks[i];
                if (after ? (k->band_after && k->likelihood_after == l && k->severity_after == s)
                          : (k->band && k->likelihood == l && k->severity == s))
                    n++;
            }
            fill_rect(d, cx, cy, cell, cell, c == NO_BG ? C_WHITE : c);
            stroke_rect(d, cx, cy, cell, cell, 0.6, C_BLACK);
            if (n)
                text_at(d, cx, cy + cell / 2 - 7, cell, fmt(buf, sizeof(buf), "%zu", n), F_H2,
                        A_CENTER, C_BLACK, 0);
        }
    }
    for (s = 1; s <= 5; s++)
        text_at(d, x + s * cell, y + 5 * cell + 2, cell, fmt(buf, sizeof(buf), "S%d", s),
                F_SMALL, A_CENTER, C_BLACK, 0);
}

static void heat_maps(struct doc *d)
{
    double cell = 13 * MM, w = d->right - d->left, h = 6 * cell + 30;
    int lv;
    char buf[300];

    if (!d->r->has_profile)
        return;
    heading(d, P(d, P_HEATMAPS), F_H2);
    need(d, h + 40);
    heat_map(d, d->left, d->y, cell, 0, P(d, P_BEFORE));
    heat_map(d, d->left + w / 2, d->y, cell, 1, P(d, P_AFTER));
    d->y += h;
    for (lv = 3; lv >= 0; lv--) {
        const struct k3a_band *b = band_of_level(d->r, lv);
        if (!b)
            continue;
        fmt(buf, sizeof(buf), "%s: %s", band_label(d, b),
            d->lang == K3A_LANG_EN ? nz(b->action_en) : nz(b->action_id));
        para(d, buf, F_SMALL);
    }
    {
        const struct k3a_model_file *f = d->r->profile.file;
        if (f && f->meta.title) {
            fmt(buf, sizeof(buf), "%s: %s%s%s", T(d, K3A_T_PROFILE), f->meta.title,
                f->meta.source ? " - " : "", f->meta.source ? f->meta.source : "");
            para(d, buf, F_SMALL);
        }
    }
}

/* ---- BAB V -------------------------------------------------------------------- */

static int risk_order_cmp(const void *x, const void *y, void *ctx)
{
    const struct k3a_risk *a = *(const struct k3a_risk *const *)x;
    const struct k3a_risk *b = *(const struct k3a_risk *const *)y;
    int la = a->band ? (int)a->band->level : -1, lb = b->band ? (int)b->band->level : -1;

    (void)ctx;
    if (la != lb)
        return lb - la;
    if (a->likelihood * a->severity != b->likelihood * b->severity)
        return b->likelihood * b->severity - a->likelihood * a->severity;
    return strcmp(a->id, b->id);
}

/* Insertion sort (stable, small n); qsort_r is not portable C11. */
static void sort_risks(const struct k3a_risk **v, size_t n)
{
    size_t i, j;

    for (i = 1; i < n; i++) {
        const struct k3a_risk *x = v[i];
        for (j = i; j > 0 && risk_order_cmp(&v[j - 1], &x, NULL) > 0; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

static struct k3a_date add_days(struct k3a_date t, int days)
{
    /* civil from days (H. Hinnant's algorithm) */
    long z = k3a_date_days(t) + days + 719468, era, doe, yoe, doy, mp;
    struct k3a_date o;

    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    o.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    o.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    o.y = (int)(yoe + era * 400 + (o.m <= 2));
    return o;
}

static void recommendations(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },        { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_CONTROL), 4.6, A_LEFT },   { T(d, K3A_T_CONTROL_LVL), 1.5, A_LEFT },
        { P(d, P_PRIORITY), 1.3, A_CENTER },    { P(d, P_TARGET), 1.5, A_CENTER },
        { T(d, K3A_T_OWNER), 1.8, A_LEFT },
    };
    const struct k3a_risk **v;
    struct table t;
    size_t i, n = 0;

    heading(d, P(d, P_RECO), F_H2);
    v = malloc((r->n_risks + 1) * sizeof(*v));
    if (!v) {
        d->nomem = 1;
        return;
    }
    for (i = 0; i < r->n_risks; i++)
        if (r->risks[i].has_control || r->risks[i].control_id)
            v[n++] = &r->risks[i];
    sort_risks(v, n);
    if (!n)
        para(d, P(d, P_NONE), F_BODY);
    else
        table_begin(d, &t, cols, 7, F_SMALL);
    for (i = 0; i < n; i++) {
        const struct k3a_risk *k = v[i];
        const struct k3a_risk_profile *p = &r->profile;
        int en = d->lang == K3A_LANG_EN;
        char due[32], ctl[700];
        const char *row[7];
        unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        struct k3a_date t_due = k->due;
        if (!t_due.y && k->band && k->band->due_days > 0)
            t_due = add_days(d->s->site.audit_date, k->band->due_days);
        fmt(ctl, sizeof(ctl), "%s", nz(en ? k->control_en : k->control_id));
        row[0] = k->id;
        row[1] = k3a_element_text(k->element, d->lang, d->ebuf, sizeof(d->ebuf));
        row[2] = ctl;
        row[3] = k->has_control && p->control[k->control]
                     ? (en ? p->control[k->control]->label_en : p->control[k->control]->label_id)
                     : "-";
        row[4] = band_label(d, k->band);
        row[5] = date_iso(due, sizeof(due), t_due);
        row[6] = nz(k->owner);
        bg[4] = band_color(k->band);
        table_row(d, &t, row, bg);
    }
    if (n)
        table_end(d, &t);
    free(v);
}

/* A4: every FAIL and WARN that no risk cites gets its action, priority
 * (from the risk profile's bands as the workbook's Temuan sheet), target
 * date and owner. */
static void finding_actions(struct doc *d)
{
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 0.9, A_LEFT },     { T(d, K3A_T_ELEMENT), 1.8, A_LEFT },
        { T(d, K3A_T_ACTION_COL), 4.6, A_LEFT }, { T(d, K3A_T_RESULT), 1.5, A_LEFT },
        { P(d, P_PRIORITY), 1.3, A_CENTER }, { P(d, P_TARGET), 1.5, A_CENTER },
        { T(d, K3A_T_OWNER), 1.8, A_LEFT },
    };
    struct table t;
    size_t i, n = 0;

    for (i = 0; i < r->n_findings; i++)
        n += r->findings[i].verdict != K3A_PASS && !r->findings[i].cited;
    if (!n)
        return;
    heading(d, P(d, P_RECO_F), F_H2);
    para(d, P(d, P_RECO_F_TXT), F_BODY);
    table_begin(d, &t, cols, 7, F_SMALL);
    for (int pass = 0; pass < 2; pass++) /* the FAILs first */
        for (i = 0; i < r->n_findings; i++) {
            const struct k3a_finding *f = &r->findings[i];
            const struct k3a_band *band = NULL;
            unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
            const char *row[7], *owner = NULL;
            char due[32];
            struct k3a_date t_due = { 0, 0, 0 };
            if (f->verdict == K3A_PASS || f->cited ||
                (f->verdict == K3A_FAIL) != (pass == 0))
                continue;
            if (r->has_profile && r->profile.file) {
                size_t b;
                unsigned want = f->verdict == K3A_FAIL ? 2 : 1;
                for (b = 0; b < r->profile.file->n_bands; b++)
                    if ((unsigned)r->profile.file->bands[b].level == want)
                        band = &r->profile.file->bands[b];
            }
            if (band && band->due_days > 0)
                t_due = add_days(d->s->site.audit_date, band->due_days);
            row[0] = f->id;
            row[1] = k3a_element_text(f->element, d->lang, d->ebuf, sizeof(d->ebuf));
            row[2] = k3a_check_action(f->check, f->verdict == K3A_FAIL, d->lang, &owner);
            row[3] = verdict_word(d, f->verdict);
            row[4] = band ? band_label(d, band) : "-";
            row[5] = t_due.y ? date_iso(due, sizeof(due), t_due) : "-";
            row[6] = owner;
            bg[3] = verdict_color(f->verdict);
            bg[4] = band ? band_color(band) : NO_BG;
            table_row(d, &t, row, bg);
        }
    table_end(d, &t);
}

static void energy_measures(struct doc *d)
{
    const struct k3a_results *r = d->r;
    int en = d->lang == K3A_LANG_EN;
    char h[5][80];
    struct tcol cols[] = {
        { T(d, K3A_T_RECOMMENDATION), 2.7, A_LEFT }, { h[0], 1.75, A_RIGHT },
        { h[1], 1.6, A_RIGHT },                      { h[2], 1.3, A_RIGHT },
        { h[3], 1.7, A_RIGHT },                      { h[4], 1.6, A_RIGHT },
        { T(d, K3A_T_VIABILITY), 1.5, A_LEFT },
    };
    struct table t;
    size_t i;
    char buf[700];

    /* A10: units in the headers, a measure with negative NPV marked not
     * viable, the discount rate, lifetime and tariff stated */
    fmt(h[0], sizeof(h[0]), "%s (%s)", T(d, K3A_T_SAVING_KWH), en ? "kWh/year" : "kWh/tahun");
    fmt(h[1], sizeof(h[1]), "%s (%s)", T(d, K3A_T_SAVING_RP), en ? "Rp/year" : "Rp/tahun");
    fmt(h[2], sizeof(h[2]), "%s (Rp)", T(d, K3A_T_INVESTMENT));
    fmt(h[3], sizeof(h[3]), "%s (%s)", T(d, K3A_T_PAYBACK), en ? "years" : "tahun");
    fmt(h[4], sizeof(h[4]), "%s (Rp)", T(d, K3A_T_NPV));
    heading(d, P(d, P_ENERGY_M), F_H2);
    if (!r->has_energy || !r->energy.n_recos) {
        para(d, P(d, P_NO_ENERGY), F_BODY);
        return;
    }
    {
        const struct k3a_param *dr = k3a_models_param(r->models, "energy", "discount_rate");
        const struct k3a_param *ly = k3a_models_param(r->models, "energy", "life_years");
        const struct k3a_energy_res *e = &r->energy;
        char a[64], b[64], c[64];
        fmt(buf, sizeof(buf),
            en ? "NPV at a discount rate of %s %% a year over a measure life of %s years; "
                 "savings priced at the average Rp %s/kWh of the bills"
               : "NPV pada tingkat diskonto %s %% per tahun dan umur langkah %s tahun; "
                 "penghematan dihargai Rp %s/kWh, rata-rata rekening",
            numt(d, a, sizeof(a), 100.0 * (dr ? dr->value : 0.10), 1),
            numt(d, b, sizeof(b), ly ? ly->value : 10, 0),
            numt(d, c, sizeof(c), e->price_Rp_kWh, 2));
        if (e->tariff) {
            char tail[400];
            int tag = e->tariff->confidence && strcmp(e->tariff->confidence, "C") != 0;
            fmt(tail, sizeof(tail), en ? "; tariff %s: %s%s%s." : "; tarif %s: %s%s%s.",
                e->tariff->hdr.name, nz(e->tariff->clause),
                !tag ? "" : en ? " (confidence " : " (keyakinan ",
                !tag ? "" : e->tariff->confidence);
            if (tag)
                strncat(tail, ")", sizeof(tail) - strlen(tail) - 1);
            strncat(buf, tail, sizeof(buf) - strlen(buf) - 1);
        } else
            strncat(buf, ".", sizeof(buf) - strlen(buf) - 1);
        para(d, buf, F_SMALL);
    }
    table_begin(d, &t, cols, 7, F_SMALL);
    for (i = 0; i < r->energy.n_recos; i++) {
        const struct k3a_reco *k = &r->energy.recos[i];
        char b[5][64];
        const char *row[7];
        unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        row[0] = d->lang == K3A_LANG_EN ? k->title_en : k->title_id;
        row[1] = num(d, b[0], 64, k->saving_kWh, 0);
        row[2] = num(d, b[1], 64, k->saving_Rp, 0);
        row[3] = num(d, b[2], 64, k->cost_Rp, 0);
        row[4] = num(d, b[3], 64, k->payback_years, 1);
        row[5] = num(d, b[4], 64, k->npv_Rp, 0);
        row[6] = !isfinite(k->npv_Rp) ? T(d, K3A_T_NOT_COSTED)
                 : k->npv_Rp < 0      ? T(d, K3A_T_NOT_VIABLE)
                                      : T(d, K3A_T_VIABLE);
        if (isfinite(k->npv_Rp) && k->npv_Rp < 0)
            bg[6] = C_WARN;
        table_row(d, &t, row, bg);
    }
    table_end(d, &t);
}

/* ---- Pengesahan ------------------------------------------------------------ */

static void sign_block(struct doc *d, double x, double y, double w, const char *role,
                       const char *org, const char *name, const char *extra)
{
    double yy = y;

    yy += text_at(d, x, yy, w, role, F_BOLD, A_CENTER, C_BLACK, 0);
    if (org && *org)
        yy += text_at(d, x, yy, w, org, F_BODY, A_CENTER, C_BLACK, 0);
    yy = y + 115; /* room to sign over the body's stamp (D25) */
    rgb(d->cr, C_BLACK);
    cairo_set_line_width(d->cr, 0.6);
    cairo_move_to(d->cr, x + 8, yy);
    cairo_line_to(d->cr, x + w - 8, yy);
    cairo_stroke(d->cr);
    yy += 3;
    yy += text_at(d, x, yy, w, name && *name ? name : "(................................)",
                  F_BOLD, A_CENTER, C_BLACK, 0);
    if (extra && *extra)
        text_at(d, x, yy, w, extra, F_SMALL, A_CENTER, C_BLACK, 0);
}

static void signatures(struct doc *d)
{
    const struct k3a_site_info *si = &d->s->site;
    double w = d->right - d->left, bw = w / 3;
    char buf[512], dt[64], lic[200], sha[65];

    need(d, 250);
    d->y += 10;
    heading(d, P(d, P_SIGN), F_H2);
    para(d, P(d, P_SIGN_TEXT), F_BODY);
    fmt(buf, sizeof(buf), "%s, %s", si->sign_place ? si->sign_place : "..................",
        date_long(d, dt, sizeof(dt), si->audit_date));
    d->y += 4;
    d->y += text_at(d, d->left, d->y, w, buf, F_BODY, A_RIGHT, C_BLACK, 0) + 12;
    fmt(lic, sizeof(lic), "%s %s", P(d, P_LICENCE), nz(si->auditor_licence));
    sign_block(d, d->left, d->y, bw, P(d, P_TESTER), si->inspection_body, si->auditor, lic);
    sign_block(d, d->left + bw, d->y, bw, P(d, P_SIGN_BODY), si->inspection_body, NULL,
               P(d, P_SIGN_HEAD));
    sign_block(d, d->left + 2 * bw, d->y, bw, P(d, P_SIGN_CO), si->company, si->company_rep,
               si->company_rep_title ? si->company_rep_title : P(d, P_SIGN_POS));
    d->y += 160;
    k3a__hex(d->s->sha256, 32, sha);
    tfmt(buf, sizeof(buf), P(d, P_GENERATED), d->o && d->o->version ? d->o->version : K3A_VERSION,
        !d->s->path ? "-" : strrchr(d->s->path, '/') ? strrchr(d->s->path, '/') + 1
                                                     : d->s->path,
        sha);
    para(d, buf, F_TINY);
}

/* ---- the report ----------------------------------------------------------- */

static void report_body(struct doc *d)
{
    summary_page(d);
    chapter(d, P(d, P_BAB1));
    legal_basis(d);
    scope(d);
    instruments(d);
    chapter(d, P(d, P_BAB2));
    installation_tables(d);
    one_line_diagram(d);
    chapter(d, P(d, P_BAB3));
    findings(d);
    arc_table(d);
    charts(d);
    chapter(d, P(d, P_BAB4));
    risk_register(d);
    heat_maps(d);
    chapter(d, P(d, P_BAB5));
    {
        char buf[256];
        char text[600];
        size_t before[4], after[4];
        fmt(buf, sizeof(buf), "%s: %s", P(d, P_CONCLUSION),
            conclusion_word(d, d->r));
        para(d, buf, F_H2);
        risk_counts(d->r, before, after);
        tfmt(text, sizeof(text), P(d, P_C_SUMMARY),
             d->r->n_fail + d->r->n_warn + d->r->n_pass, d->r->n_fail, d->r->n_warn,
             d->r->n_pass, d->r->n_risks, before[K3A_RISK_EXTREME], before[K3A_RISK_HIGH]);
        para(d, text, F_BODY);
    }
    recommendations(d);
    finding_actions(d);
    energy_measures(d);
    signatures(d);
    cairo_show_page(d->cr);
}

/* ---- cairo and pango set-up ----------------------------------------------- */

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
    (void)closure;
    (void)data;
    (void)len;
    return CAIRO_STATUS_SUCCESS;
}

static void metadata(struct doc *d, const char *title)
{
    const struct k3a_site_info *si = &d->s->site;
    char date[40], buf[512];

    /* the document date is the audit date: the same file every run */
    fmt(date, sizeof(date), "%04d-%02d-%02dT00:00:00", si->audit_date.y ? si->audit_date.y : 1970,
        si->audit_date.m ? si->audit_date.m : 1, si->audit_date.d ? si->audit_date.d : 1);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_MOD_DATE, date);
    fmt(buf, sizeof(buf), "%s - %s", title, nz(si->name));
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_TITLE, buf);
    if (si->auditor)
        cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_AUTHOR, si->auditor);
    if (si->report_no)
        cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_SUBJECT, si->report_no);
    fmt(buf, sizeof(buf), "k3audit %s", d->o && d->o->version ? d->o->version : K3A_VERSION);
    cairo_pdf_surface_set_metadata(d->surf, CAIRO_PDF_METADATA_CREATOR, buf);
}

/* Opens the surface (path NULL: a stream that is thrown away) and the
 * pango context. */
static int doc_open(struct doc *d, const char *path, double pw, double ph)
{
    cairo_font_options_t *fo;

    d->pw = pw;
    d->ph = ph;
    d->surf = path ? cairo_pdf_surface_create(path, pw, ph)
                   : cairo_pdf_surface_create_for_stream(discard, NULL, pw, ph);
    if (cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS)
        return -1;
    cairo_pdf_surface_restrict_to_version(d->surf, CAIRO_PDF_VERSION_1_5);
    d->cr = cairo_create(d->surf);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
        return -1;
    if (d->pc) /* the first pass's, kept */
        goto context_ready;
    d->fm = pango_cairo_font_map_new();
    if (!d->fm)
        return -1;
    d->pc = pango_font_map_create_context(d->fm);
    if (!d->pc)
        return -1;
    fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(d->pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(d->pc, 72.0);
    /* the report's language, not the user's locale, picks line breaking
     * and font fallback */
    pango_context_set_language(d->pc, pango_language_from_string(
                                          d->lang == K3A_LANG_EN ? "en" : "id"));
    pango_context_set_base_dir(d->pc, PANGO_DIRECTION_LTR);
    {
        /* the family must be there: another font would lay the pages out
         * differently (and a PDF must not depend on the machine) */
        PangoFontDescription *want = pango_font_description_from_string(FONT " 10");
        PangoFont *f = pango_font_map_load_font(d->fm, d->pc, want);
        PangoFontDescription *got = f ? pango_font_describe(f) : NULL;
        const char *fam = got ? pango_font_description_get_family(got) : NULL;
        int found = fam && strcmp(fam, FONT) == 0;
        if (got)
            pango_font_description_free(got);
        if (f)
            g_object_unref(f);
        pango_font_description_free(want);
        if (!found) {
            d->nofont = 1;
            return -1;
        }
    }
context_ready:
    pango_cairo_update_context(d->cr, d->pc);
    d->lay = pango_layout_new(d->pc);
    return d->lay ? 0 : -1;
}

/* Closes everything; returns 0 when the file was complete. */
static int doc_close(struct doc *d)
{
    int bad = 0;

    if (d->lay)
        g_object_unref(d->lay);
    if (d->pc)
        g_object_unref(d->pc);
    if (d->fm)
        g_object_unref(d->fm);
    if (d->cr) {
        bad |= cairo_status(d->cr) != CAIRO_STATUS_SUCCESS;
        cairo_destroy(d->cr);
    }
    if (d->surf) {
        cairo_surface_finish(d->surf);
        bad |= cairo_surface_status(d->surf) != CAIRO_STATUS_SUCCESS;
        cairo_surface_destroy(d->surf);
    }
    d->lay = NULL;
    d->pc = NULL;
    d->fm = NULL;
    d->cr = NULL;
    d->surf = NULL;
    return bad || d->nomem ? -1 : 0;
}

static void doc_init(struct doc *d, const struct k3a_results *r,
                     const struct k3a_report_opts *o)
{
    memset(d, 0, sizeof(*d));
    d->r = r;
    d->s = r->site;
    d->o = o;
    d->lang = o ? o->lang : r->site->site.lang;
    d->training = k3a_site_count(r->site, K3A_KIND_SCENARIO) != 0;
}

/* Writes through a temporary file beside path, renamed into place. */
static enum k3a_status write_atomic(const char *path, char *msg, size_t msg_size,
                                    int (*render)(const char *tmp, void *arg), void *arg)
{
    char tmp[4096 + 32];

    if (k3a__tmp_beside(path, tmp, sizeof(tmp)) != 0) {
        snprintf(msg, msg_size, "%s: cannot create a temporary file: %s", path,
                 strerror(errno));
        return K3A_E_IO;
    }
    switch (render(tmp, arg)) {
    case 0:
        break;
    case -2:
        unlink(tmp);
        snprintf(msg, msg_size,
                 "%s: the font %s is not installed (Debian: apt-get install "
                 "fonts-dejavu-core); nothing written",
                 path, FONT);
        return K3A_E_IO;
    default:
        unlink(tmp);
        snprintf(msg, msg_size, "%s: cannot write the PDF", path);
        return K3A_E_IO;
    }
    if (rename(tmp, path) != 0) {
        snprintf(msg, msg_size, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return K3A_E_IO;
    }
    return K3A_OK;
}

struct job {
    const struct k3a_results *r;
    const struct k3a_report_opts *o;
    enum k3a_label_size size;
};

static void report_geometry(struct doc *d)
{
    d->left = 20 * MM;
    d->right = d->pw - 18 * MM;
    d->top = 20 * MM;
    d->bottom = d->ph - 17 * MM;
}

static int render_report(const char *tmp, void *arg)
{
    const struct job *j = arg;
    struct doc d;
    struct cell_cache cache;
    PangoFontMap *fm;
    PangoContext *pc;
    int pages, rc;

    /* pass 1: count the pages */
    memset(&cache, 0, sizeof(cache));
    cache.storing = 1;
    doc_init(&d, j->r, j->o);
    d.counting = 1;
    d.cache = &cache;
    if (doc_open(&d, NULL, 210 * MM, 297 * MM) != 0) {
        int nofont = d.nofont;
        doc_close(&d);
        cache_free(&cache);
        return nofont ? -2 : -1;
    }
    report_geometry(&d);
    report_body(&d);
    pages = d.page;
    /* the fonts and context go on to the second pass with the cells */
    fm = g_object_ref(d.fm);
    pc = g_object_ref(d.pc);
    if (doc_close(&d) != 0) {
        g_object_unref(pc);
        g_object_unref(fm);
        cache_free(&cache);
        return -1;
    }
    /* pass 2: the file, with "page x of y" */
    cache.storing = 0;
    doc_init(&d, j->r, j->o);
    d.pages_total = pages;
    d.cache = &cache;
    d.fm = fm;
    d.pc = pc;
    if (doc_open(&d, tmp, 210 * MM, 297 * MM) != 0) {
        doc_close(&d);
        cache_free(&cache);
        return -1;
    }
    report_geometry(&d);
    metadata(&d, P(&d, P_TITLE));
    report_body(&d);
    rc = doc_close(&d);
    cache_free(&cache);
    return rc;
}

enum k3a_status k3a_report_write_pdf(const struct k3a_results *r,
                                     const struct k3a_report_opts *o,
                                     const char *path, char *msg, size_t msg_size)
{
    struct job j;

    j.r = r;
    j.o = o;
    j.size = K3A_LABEL_100X150;
    return write_atomic(path, msg, msg_size, render_report, &j);
}

/* ---- labels ---------------------------------------------------------------- */

/* The ANSI Z535 safety-alert symbol: a triangle with an exclamation mark. */
static void alert_symbol(cairo_t *cr, double cx, double cy, double size, unsigned tri,
                         unsigned mark)
{
    double h = size * 0.866;

    rgb(cr, tri);
    cairo_move_to(cr, cx, cy - h / 2);
    cairo_line_to(cr, cx + size / 2, cy + h / 2);
    cairo_line_to(cr, cx - size / 2, cy + h / 2);
    cairo_close_path(cr);
    cairo_fill(cr);
    rgb(cr, mark);
    cairo_rectangle(cr, cx - size * 0.06, cy - h * 0.18, size * 0.12, h * 0.42);
    cairo_fill(cr);
    cairo_rectangle(cr, cx - size * 0.06, cy + h * 0.30, size * 0.12, size * 0.10);
    cairo_fill(cr);
}

/* A QR code as a small image (one pixel a module, a one-module quiet
 * zone) scaled up without smoothing: a few hundred bytes in the PDF,
 * where a rectangle a module would be thousands of path numbers. */
static void qr_code(struct doc *d, double x, double y, double size, const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    cairo_surface_t *img;
    cairo_pattern_t *pat;
    unsigned char *px;
    int i, j, n, stride;

    if (!q) {
        if (errno == ENOMEM)
            d->nomem = 1;
        return;
    }
    n = q->width + 2;
    img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, n, n);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        QRcode_free(q);
        d->nomem = 1;
        return;
    }
    cairo_surface_flush(img);
    px = cairo_image_surface_get_data(img);
    stride = cairo_image_surface_get_stride(img);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            int dark = i > 0 && j > 0 && i <= q->width && j <= q->width &&
                       (q->data[(i - 1) * q->width + (j - 1)] & 1);
            uint32_t v = dark ? 0xFF000000u : 0xFFFFFFFFu;
            memcpy(px + (size_t)i * (size_t)stride + (size_t)j * 4, &v, 4);
        }
    cairo_surface_mark_dirty(img);
    cairo_save(d->cr);
    cairo_translate(d->cr, x, y);
    cairo_scale(d->cr, size / n, size / n);
    cairo_set_source_surface(d->cr, img, 0, 0);
    pat = cairo_get_source(d->cr);
    cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
    cairo_rectangle(d->cr, 0, 0, n, n);
    cairo_fill(d->cr);
    cairo_restore(d->cr);
    cairo_surface_destroy(img);
    QRcode_free(q);
}

/* One label in the box (x, y, w, h); the layout is for 100 x 150 mm. */
static void label(struct doc *d, size_t bi, double x, double y, double w, double h)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    const struct k3a_bus_arc *a = &r->arc[bi];
    const struct k3a_bus *b = &s->buses[bi];
    /* DANGER where no PPE category covers the energy (above the table's
     * last row, 40 cal/cm2 in NFPA 70E Table 130.7(C)(15)(c)): work on it
     * energised is not permitted; WARNING otherwise (ANSI Z535.4 4.13) */
    int danger = strcmp(a->ppe, "dangerous") == 0 || a->out.energy_cal_cm2 > 40.0;
    unsigned panel = danger ? C_DANGER : C_WARNING, ink = danger ? C_WHITE : C_BLACK;
    double m = 4 * MM, yy, iw = w - 2 * m, ph = 17 * MM, col = iw * 0.46;
    char buf[512], v1[64], v2[64], v3[64], dev_t[128], sha[65];
    int32_t dev;

    /* border and signal-word panel (ANSI Z535.4) */
    stroke_rect(d, x + 1.5 * MM, y + 1.5 * MM, w - 3 * MM, h - 3 * MM, 1.6, C_BLACK);
    fill_rect(d, x + 2.5 * MM, y + 2.5 * MM, w - 5 * MM, ph, panel);
    alert_symbol(d->cr, x + 2.5 * MM + 11 * MM, y + 2.5 * MM + ph / 2, 12 * MM,
                 danger ? C_WHITE : C_BLACK, danger ? C_DANGER : C_WARNING);
    layout(d, P(d, danger ? P_L_DANGER : P_L_WARNING), w - 28 * MM, FONT " Bold 26", A_LEFT,
           0);
    {
        int lw, lh;
        pango_layout_get_size(d->lay, &lw, &lh);
        cairo_save(d->cr);
        rgb(d->cr, ink);
        cairo_move_to(d->cr, x + 22 * MM,
                      y + 2.5 * MM + (ph - (double)lh / PANGO_SCALE) / 2);
        pango_cairo_show_layout(d->cr, d->lay);
        cairo_restore(d->cr);
    }
    yy = y + 2.5 * MM + ph + 2 * MM;
    if (d->training) {
        double th = text_height(d, T(d, K3A_T_TRAINING), iw - 4, F_SMALLB) + 4;
        fill_rect(d, x + m, yy, iw, th, C_TRAIN);
        text_at(d, x + m + 2, yy + 2, iw - 4, T(d, K3A_T_TRAINING), F_SMALLB, A_CENTER,
                C_WHITE, 0);
        yy += th + 1.5 * MM;
    }
    yy += text_at(d, x + m, yy, iw, P(d, P_L_HAZARD), F_H2, A_CENTER,
                  C_BLACK, 0);
    yy += text_at(d, x + m, yy, iw, P(d, danger ? P_L_NOWORK : P_L_PPE), F_BOLD, A_CENTER,
                  danger ? C_DANGER : C_BLACK, 0) + 2 * MM;
#define LROW(k, v, big)                                                                  \
    do {                                                                                 \
        double h1 = text_at(d, x + m, yy, col, k, F_SMALL, A_LEFT, C_BLACK, 0);          \
        double h2 = text_at(d, x + m + col, yy, iw - col, v, (big) ? F_H2 : F_BOLD,      \
                            A_LEFT, C_BLACK, 0);                                         \
        yy += (h1 > h2 ? h1 : h2) + 1.2 * MM;                                            \
    } while (0)
#define RULE(title)                                                                      \
    do {                                                                                 \
        rgb(d->cr, C_BLACK);                                                             \
        cairo_set_line_width(d->cr, 0.8);                                                \
        cairo_move_to(d->cr, x + m, yy);                                                 \
        cairo_line_to(d->cr, x + w - m, yy);                                             \
        cairo_stroke(d->cr);                                                             \
        yy += 1 * MM;                                                                    \
        yy += text_at(d, x + m, yy, iw, title, F_SMALLB, A_LEFT, C_BLACK, 0) + 0.8 * MM; \
    } while (0)
    RULE(P(d, P_L_ARC));
    fmt(buf, sizeof(buf), "%s mm", num(d, v1, sizeof(v1), a->out.afb_gov_mm, 0));
    LROW(P(d, P_L_AFB), buf, 1);
    fmt(buf, sizeof(buf), "%s cal/cm\xc2\xb2 %s %s mm",
        num(d, v1, sizeof(v1), a->out.energy_cal_cm2, 1), P(d, P_L_AT),
        num(d, v2, sizeof(v2), a->in.distance_mm, 0));
    LROW(P(d, P_L_ENERGY), buf, 1);
    if (strcmp(a->ppe, "0") == 0)
        fmt(buf, sizeof(buf), "%s", P(d, P_L_NONE_PPE));
    else if (danger)
        fmt(buf, sizeof(buf), "> %s cal/cm\xc2\xb2",
            num(d, v1, sizeof(v1),
                r->arc_model.n_ppe > 0 ? r->arc_model.ppe_max_cal_cm2[r->arc_model.n_ppe - 1]
                                       : 40.0,
                0));
    else {
        int c = atoi(a->ppe), j;
        double rating = 0;
        for (j = 0; j < r->arc_model.n_ppe; j++)
            if (r->arc_model.ppe_category[j] == c)
                rating = r->arc_model.ppe_max_cal_cm2[j];
        /* the rating of the clothing that covers the calculated energy
         * (the workbook's label value); no PPE category beside the
         * incident energy: NFPA 70E 130.5(H) asks for one or the other,
         * and the category method is the table one, not this */
        fmt(buf, sizeof(buf), "%s cal/cm\xc2\xb2", num(d, v1, sizeof(v1), rating, 0));
    }
    LROW(P(d, P_L_RATING), buf, 0);
    RULE(P(d, P_L_SHOCK));
    fmt(buf, sizeof(buf), "%s V", num(d, v1, sizeof(v1), b->voltage_kV * 1000.0, 0));
    LROW(P(d, P_L_VOLT), buf, 1);
    fmt(buf, sizeof(buf), "%s m (%s)\n%s m (%s)",
        num(d, v1, sizeof(v1), a->limited_fixed_mm / 1000.0, 1), P(d, P_L_FIXED),
        num(d, v2, sizeof(v2), a->limited_movable_mm / 1000.0, 1), P(d, P_L_MOVABLE));
    LROW(P(d, P_L_LIMITED), buf, 0);
    fmt(buf, sizeof(buf), "%s m", num(d, v1, sizeof(v1), a->restricted_mm / 1000.0, 1));
    LROW(P(d, P_L_RESTR), buf, 0);
    RULE(P(d, P_L_EQUIP));
    fmt(buf, sizeof(buf), "%s%s%s", b->hdr.name, b->hdr.label ? " - " : "",
        b->hdr.label ? b->hdr.label : "");
    yy += text_at(d, x + m, yy, iw, buf, F_H2, A_LEFT, C_BLACK, 26) + 1 * MM;
    dev = a->out.governing ? a->device_min : a->device;
    {
        char cw[200];
        fmt(cw, sizeof(cw), "%s%s%s", case_words(d, a->sc_case), a->out.governing ? "; " : "",
            a->out.governing ? P(d, P_L_REDUCED) : "");
        num(d, v3, sizeof(v3), (a->out.governing ? a->in.t_min_ms : a->in.t_ms) / 1000.0, 2);
        /* the device by its label (what the plant calls it), else its name */
        fmt(dev_t, sizeof(dev_t), "%s",
            dev < 0 ? P(d, P_L_NODEV)
            : s->devices[dev].hdr.label && *s->devices[dev].hdr.label ? s->devices[dev].hdr.label
                                                                       : s->devices[dev].hdr.name);
        if (a->capped || dev < 0)
            tfmt(buf, sizeof(buf), P(d, P_L_CAPPED), v3, v3, cw);
        else
            tfmt(buf, sizeof(buf), P(d, P_L_CLEARED), dev_t, v3, cw);
        if (a->line_side && (d->lang == K3A_LANG_EN ? a->side_en : a->side_id)[0]) {
            /* the line side of the bus's main is the worse case (IEEE 1584-2018) */
            char side[sizeof(buf)];
            fmt(side, sizeof(side), "%s: %s", d->lang == K3A_LANG_EN ? a->side_en : a->side_id,
                buf);
            if (side[0] >= 'a' && side[0] <= 'z')
                side[0] = (char)(side[0] - 'a' + 'A'); /* a sentence of its own */
            fmt(buf, sizeof(buf), "%s", side);
        }
    }
    yy += text_at(d, x + m, yy, iw - 24 * MM, buf, F_SMALL, A_LEFT, C_BLACK, 26) + 1 * MM;
    {
        char dt[64];
        fmt(buf, sizeof(buf), "%s: %s, %s%s%s%s%s%s. %s; NFPA 70E 130.5(H)", P(d, P_L_STUDY),
            date_long(d, dt, sizeof(dt), s->site.audit_date), nz(s->site.auditor),
            s->site.auditor_licence ? " (" : "",
            s->site.auditor_licence ? s->site.auditor_licence : "",
            s->site.auditor_licence ? ")" : "",
            s->site.inspection_body ? ", " : "", s->site.inspection_body ? s->site.inspection_body : "",
            a->out.method == K3A_ARC_LEE ? "Lee (> 15 kV)" : "IEEE 1584-2018");
        double room = y + h - yy - 3 * MM;
        text_at(d, x + m, yy, iw - 24 * MM, buf, F_TINY, A_LEFT, C_BLACK, room > 8 ? room : 8);
    }
#undef LROW
#undef RULE
    k3a__hex(s->sha256, 32, sha);
    fmt(buf, sizeof(buf), "k3audit label\nsite=%s\nbus=%s\nsha256=%s", nz(s->site.name),
        b->hdr.name, sha);
    qr_code(d, x + w - m - 22 * MM, y + h - m - 22 * MM, 22 * MM, buf);
}

static int render_labels(const char *tmp, void *arg)
{
    const struct job *j = arg;
    const struct k3a_results *r = j->r;
    struct doc d;
    double pw = j->size == K3A_LABEL_A4 ? 210 * MM : 100 * MM;
    double ph = j->size == K3A_LABEL_A4 ? 297 * MM : 150 * MM;
    size_t i, n = 0;

    doc_init(&d, r, j->o);
    if (doc_open(&d, tmp, pw, ph) != 0) {
        int nofont = d.nofont;
        doc_close(&d);
        return nofont ? -2 : -1;
    }
    metadata(&d, T(&d, K3A_T_SH_LABEL));
    for (i = 0; r->arc && i < r->site->n_buses; i++) {
        if (!r->arc[i].available)
            continue;
        if (j->size == K3A_LABEL_A4) {
            if (n && n % 2 == 0)
                cairo_show_page(d.cr);
            if (n % 2 == 0) {
                /* cut line between the two */
                double dash[] = { 2, 2 };
                cairo_save(d.cr);
                rgb(d.cr, C_RULE);
                cairo_set_line_width(d.cr, 0.3);
                cairo_set_dash(d.cr, dash, 2, 0);
                cairo_move_to(d.cr, pw / 2, 10 * MM);
                cairo_line_to(d.cr, pw / 2, 10 * MM + 150 * MM + 10 * MM);
                cairo_stroke(d.cr);
                cairo_restore(d.cr);
            }
            label(&d, i, n % 2 ? pw / 2 + 2.5 * MM : pw / 2 - 102.5 * MM, 15 * MM, 100 * MM,
                  150 * MM);
        } else {
            if (n)
                cairo_show_page(d.cr);
            label(&d, i, 0, 0, pw, ph);
        }
        n++;
    }
    if (!n) {
        d.left = 10 * MM;
        d.right = pw - 10 * MM;
        text_at(&d, d.left, 20 * MM, d.right - d.left, P(&d, P_L_NO_LABELS), F_BOLD, A_LEFT,
                C_BLACK, 0);
    }
    cairo_show_page(d.cr);
    return doc_close(&d);
}

enum k3a_status k3a_report_write_labels_pdf(const struct k3a_results *r,
                                            const struct k3a_report_opts *o,
                                            enum k3a_label_size size, const char *path,
                                            char *msg, size_t msg_size)
{
    struct job j;

    j.r = r;
    j.o = o;
    j.size = size;
    return write_atomic(path, msg, msg_size, render_labels, &j);
}
