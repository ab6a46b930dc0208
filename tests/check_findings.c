/*
 * check_findings.c - the inspection findings: interval, observations,
 * the Ahli K3 Listrik duty.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "k3audit/audit.h"
#include "k3audit/load.h"
#include "k3audit/text.h"
#include "findings.h"
#include "strpool.h"
#include "tests.h"

#define SITE(extra)                                                          \
    "[site]\nname = T\naudit_date = 2026-03-10\n" extra                      \
    "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 10\n"                 \
    "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 95\nlength_m = 10\n"        \
    "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"

/* Audits text with titles in the languages langs (0: as initialised). */
static void run_langs(const char *text, unsigned langs, struct k3a_results *r,
                      struct k3a_site *s, struct k3a_models *m)
{
    struct k3a_diag_list dl;

    test_models(m);
    k3a_diag_list_init(&dl);
    k3a_site_init(s);
    ck_assert_int_eq(k3a_site_load_text(s, "t.ini", text, strlen(text), m, &dl),
                     K3A_OK);
    k3a_results_init(r);
    if (langs)
        r->title_langs = langs;
    ck_assert_int_eq(k3a_audit_run(s, m, r, &dl), K3A_OK);
    k3a_diag_list_release(&dl);
}

static void run(const char *text, struct k3a_results *r, struct k3a_site *s,
                struct k3a_models *m)
{
    run_langs(text, 0, r, s, m);
}

/* The finding with this check name (tests look findings up by check, as
 * later stages add their own). */
static const struct k3a_finding *find(const struct k3a_results *r,
                                      const char *check, int nth)
{
    size_t i;

    for (i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].check, check) == 0 && nth-- == 0)
            return &r->findings[i];
    ck_abort_msg("no finding %s", check);
    return NULL;
}

static void done(struct k3a_results *r, struct k3a_site *s, struct k3a_models *m)
{
    k3a_results_release(r);
    k3a_site_release(s);
    k3a_models_release(m);
}

START_TEST(overdue_periodic_inspection_fails)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* 2024-12-01 to 2026-03-10 is 15 whole months and 9 of March's 31
     * days, judged on dates (verdicts review item 10); the interval is 12 */
    run(SITE("previous_inspection = 2024-12-01\n"), &r, &s, &m);
    ck_assert_int_eq(find(&r, "inspection_interval", 0)->verdict, K3A_FAIL);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->measured, 15 + 9.0 / 31.0,
                            1e-12);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->limit, 12, 1e-12);
    done(&r, &s, &m);
}
END_TEST

START_TEST(interval_within_twelve_months_passes)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    run(SITE("previous_inspection = 2025-03-10\n"), &r, &s, &m);
    ck_assert_int_eq(find(&r, "inspection_interval", 0)->verdict, K3A_PASS);
    ck_assert_double_eq_tol(find(&r, "inspection_interval", 0)->measured, 12, 1e-12);
    done(&r, &s, &m);
}
END_TEST

START_TEST(observations_become_findings)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    run(SITE("") "[observation O1]\nitem = panel_door_lock\nstatus = defect\nbus = MDP\n"
                 "[observation O2]\nitem = single_line_diagram\nstatus = ok\n"
                 "[observation O3]\nitem = slo\nstatus = na\n",
        &r, &s, &m);
    ck_assert_int_eq(find(&r, "panel_door_lock", 0)->verdict, K3A_FAIL);
    ck_assert_ptr_nonnull(strstr(find(&r, "panel_door_lock", 0)->title_en,
                                 "Panel (switchboard) door locked - MDP: defect"));
    ck_assert_int_eq(find(&r, "single_line_diagram", 0)->verdict, K3A_PASS);
    /* na is not judged */
    {
        size_t i;
        for (i = 0; i < r.n_findings; i++)
            ck_assert_str_ne(r.findings[i].check, "slo");
    }
    done(&r, &s, &m);
}
END_TEST

START_TEST(generation_above_200_kVA_needs_ahli_k3)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* Permenaker 12/2015 Pasal 7: generation > 200 kVA */
    run(SITE("") "[generator G1]\nbus = MDP\nrating_kVA = 250\nvoltage_kV = 0.4\n"
                 "xd2_pct = 15\n",
        &r, &s, &m);
    ck_assert_int_eq(find(&r, "ahli_k3_listrik", 0)->verdict, K3A_FAIL);
    done(&r, &s, &m);
}
END_TEST

START_TEST(measurement_verdicts_against_the_limit_tables)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* limits: PUIL practice 5 ohm; Tabel 6A 1.0 Mohm at 500 V; IEC 61008
     * 300 ms at IΔn; NETA priority 1 above 15 C over a similar part; PLN
     * power factor 0.85; Per.02/MEN/1989 Pasal 50: 24 months */
    run(SITE("")
        "[earthing E1]\npurpose = equipment\nmeasured_ohm = 7.8\nbus = MDP\n"
        "[earthing E2]\npurpose = system\nmeasured_ohm = <1\n"
        "[insulation I1]\ncircuit = MDP\nnominal_V = 230\ntest_V = 500\n"
        "readings_Mohm = L1-PE:0.8, N-PE:>2000\n"
        "[insulation I2]\nlocation = gudang\nnominal_V = 400\ntest_V = 250\n"
        "readings_Mohm = L1-PE:50\n"
        "[rcd R1]\nbus = MDP\nrated_mA = 30\ntrip_ms_1x = >300\ntrip_ms_5x = 20\n"
        "[thermography T1]\nbus = MDP\ntemp_C = 80\nreference_C = 60\n"
        "[pq Q1]\nbus = MDP\nvoltage_V = 400, 400, 400\npower_factor = 0.80\n"
        "[lightning L1]\nlast_test = 2023-01-01\ndown_conductor_mm2 = 35\n",
        &r, &s, &m);
    ck_assert_int_eq(find(&r, "earthing_resistance", 0)->verdict, K3A_FAIL);
    ck_assert_double_eq_tol(find(&r, "earthing_resistance", 0)->limit, 5, 1e-12);
    ck_assert_int_eq(find(&r, "earthing_resistance", 1)->verdict, K3A_PASS);
    ck_assert_int_eq(find(&r, "insulation_resistance", 0)->verdict, K3A_FAIL);
    ck_assert_double_eq_tol(find(&r, "insulation_resistance", 0)->measured, 0.8, 1e-12);
    ck_assert_int_eq(find(&r, "insulation_resistance", 1)->verdict, K3A_PASS);
    /* a 400 V circuit tested at 250 V: Tabel 6A asks 500 V */
    ck_assert_int_eq(find(&r, "insulation_test_voltage", 0)->verdict, K3A_WARN);
    ck_assert_double_eq_tol(find(&r, "insulation_test_voltage", 0)->limit, 500, 1e-12);
    ck_assert_int_eq(find(&r, "rcd_trip_1x", 0)->verdict, K3A_FAIL);
    ck_assert_int_eq(find(&r, "rcd_trip_5x", 0)->verdict, K3A_PASS);
    ck_assert_int_eq(find(&r, "thermography", 0)->verdict, K3A_FAIL);
    /* a tariff charge, not a safety requirement: a warning (issue 19) */
    ck_assert_int_eq(find(&r, "power_factor", 0)->verdict, K3A_WARN);
    ck_assert_int_eq(find(&r, "lightning_test_interval", 0)->verdict, K3A_FAIL);
    ck_assert_int_eq(find(&r, "down_conductor", 0)->verdict, K3A_FAIL);
    done(&r, &s, &m);
}
END_TEST

START_TEST(tt_earthing_limit_follows_the_rcd)
{
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;

    /* PUIL 2011 411.5.3: RA x IΔn <= 50 V: with a 30 mA RCD, 1667 ohm */
    run("[site]\nname = T\naudit_date = 2026-03-10\nearthing_system = TT\n"
        "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 6\n"
        "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 16\nlength_m = 10\n"
        "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"
        "[rcd R1]\nbus = MDP\nrated_mA = 30\ntrip_ms_1x = 20\n"
        "[earthing E1]\npurpose = equipment\nbus = MDP\nmeasured_ohm = 120\n",
        &r, &s, &m);
    ck_assert_double_eq_tol(find(&r, "earthing_resistance", 0)->limit, 50.0 / 0.030,
                            1e-9);
    ck_assert_int_eq(find(&r, "earthing_resistance", 0)->verdict, K3A_PASS);
    done(&r, &s, &m);
}
END_TEST

/* An audit for one report language writes that language's titles (a
 * per-element title is formatted once, not twice); asking for the other
 * gives the one written rather than an empty text. */
START_TEST(titles_in_the_language_asked_for)
{
    static const char text[] = SITE("")
        "[device Q1]\nat = PLN\nprotects = C\ntype = mccb\nrating_A = 160\n"
        "breaking_kA = 36\ninstantaneous_A = 1600\n";
    struct k3a_results r;
    struct k3a_site s;
    struct k3a_models m;
    const struct k3a_finding *f;

    k3a_results_init(&r);
    ck_assert_uint_eq(r.title_langs, 1u << K3A_LANG_ID | 1u << K3A_LANG_EN);
    run_langs(text, 1u << K3A_LANG_EN, &r, &s, &m);
    f = find(&r, "breaking_capacity", 0);
    ck_assert_str_eq(f->title_id, "");
    ck_assert_ptr_nonnull(strstr(f->title_en, "Breaking capacity of Q1"));
    ck_assert_str_eq(k3a_finding_title(f, K3A_LANG_ID), f->title_en);
    f = find(&r, "cable_capacity", 0);
    ck_assert_str_eq(f->title_id, "");
    ck_assert_ptr_nonnull(strstr(f->title_en, "Design current Ib"));
    done(&r, &s, &m);
}
END_TEST

/* The findings' text pool keeps every string whole and apart: across
 * blocks, a string larger than a block's share, a formatted text longer
 * than the formatting buffer. */
static const char *pool_printf(struct k3a__strpool *p, const char *fmt, ...)
{
    va_list ap;
    const char *s;

    va_start(ap, fmt);
    s = k3a__pool_vprintf(p, fmt, ap);
    va_end(ap);
    return s;
}

START_TEST(text_pool_keeps_strings_whole)
{
    struct k3a__strpool p;
    const char *keep[3000];
    char big[300001], want[32];
    const char *s;
    size_t i;

    memset(&p, 0, sizeof(p));
    for (i = 0; i < 3000; i++) { /* 3000 x ~1 kB: several blocks */
        snprintf(want, sizeof(want), "%zu", i);
        keep[i] = k3a__pool_put3(&p, want, ":", "");
        ck_assert_ptr_nonnull(k3a__pool_alloc(&p, 1000));
    }
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    s = k3a__pool_put3(&p, "<", big, ">");
    ck_assert_uint_eq(strlen(s), sizeof(big) + 1);
    ck_assert_int_eq(s[0], '<');
    ck_assert_int_eq(s[sizeof(big)], '>');
    s = pool_printf(&p, "%s|%0700d|", "a", 7);
    ck_assert_uint_eq(strlen(s), 703);
    ck_assert_int_eq(s[701], '7');
    for (i = 0; i < 3000; i++) {
        snprintf(want, sizeof(want), "%zu:", i);
        ck_assert_str_eq(keep[i], want);
    }
    ck_assert_int_eq(p.failed, 0);
    k3a__pool_free(&p);
}
END_TEST

START_TEST(text_pool_shares_equal_strings_only)
{
    struct k3a__strpool p;
    const char *a, *b, *c, *d, *e;
    char buf[32];
    size_t i;

    memset(&p, 0, sizeof(p));
    a = k3a__pool_intern3(&p, "cable", " ", "C1");
    b = k3a__pool_intern3(&p, "cab", "le C", "1"); /* same text, other parts */
    c = k3a__pool_intern3(&p, "cable", " ", "C2");
    ck_assert_ptr_eq(a, b);
    ck_assert_ptr_ne(a, c);
    ck_assert_str_eq(a, "cable C1");
    ck_assert_str_eq(c, "cable C2");
    d = k3a__pool_intern3(&p, "", "", "");
    ck_assert_str_eq(d, "");
    /* many different strings: each comes back whole and right */
    for (i = 0; i < 5000; i++) {
        snprintf(buf, sizeof(buf), "%zu", i % 700);
        e = k3a__pool_intern3(&p, "x", buf, "y");
        ck_assert_int_eq(e[0], 'x');
        ck_assert_str_eq(e + 1 + strlen(buf), "y");
        ck_assert_int_eq(strncmp(e + 1, buf, strlen(buf)), 0);
    }
    ck_assert_str_eq(a, "cable C1");
    ck_assert_int_eq(p.failed, 0);
    k3a__pool_free(&p);
}
END_TEST

/* one finding per item, a diagnostic every 1000th, a fail every 7th */
static enum k3a_status item_findings(struct k3a_results *r, struct k3a_diag_list *dl,
                                     size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        struct k3a_finding *f =
            k3a__finding_new(r, K3A_KIND_SITE, -1, "item", i % 7 ? K3A_PASS : K3A_FAIL,
                             NAN, NAN, "", "", "butir %zu", "item %zu", i);
        if (!f)
            return K3A_E_NOMEM;
        if (i % 1000 == 0) {
            struct k3a_loc l = { "x.ini", (int)i + 1, "", "" };
            k3a_diag_add(dl, K3A_WARNING, K3A_E_RANGE, l, "item %zu", i);
        }
    }
    return K3A_OK;
}

/* issue 22 (documents review C22/C23): a clause with "{id|en}"
 * alternatives in one language; a brace that opens no pair is kept */
START_TEST(text_in_one_language)
{
    char b[64];
    const char *plain = "IEC 60909-0";

    ck_assert_ptr_eq(k3a_text_lang(plain, K3A_LANG_ID, b, sizeof(b)), plain);
    ck_assert_str_eq(k3a_text_lang("IEC 61008-1 {Tabel|Table} 1 ({tipe umum|general type})",
                                   K3A_LANG_ID, b, sizeof(b)),
                     "IEC 61008-1 Tabel 1 (tipe umum)");
    ck_assert_str_eq(k3a_text_lang("IEC 61008-1 {Tabel|Table} 1 ({tipe umum|general type})",
                                   K3A_LANG_EN, b, sizeof(b)),
                     "IEC 61008-1 Table 1 (general type)");
    ck_assert_str_eq(k3a_text_lang("a {b} c {d|e", K3A_LANG_EN, b, sizeof(b)), "a {b} c {d|e");
    /* cut at a character, never inside a UTF-8 sequence: "Δ" is 2 bytes */
    ck_assert_str_eq(k3a_text_lang("{x|ab}Δ", K3A_LANG_EN, b, 4), "ab");
}
END_TEST

static char *fmt_lang(enum k3a_lang lang, const char *fmt, ...) K3A_PRINTF1(2, 3);
static char *fmt_lang(enum k3a_lang lang, const char *fmt, ...)
{
    va_list ap;
    char *t;

    va_start(ap, fmt);
    t = k3a__vfmt_lang(lang, fmt, ap);
    va_end(ap);
    return t;
}

/* issue 22 (documents review B19): the language's decimal separator in
 * every number of a title, never an exponent (1.07e+07 is 10.725.246 in
 * Bahasa Indonesia, 10,725,246 in English), text arguments untouched */
START_TEST(numbers_as_the_language_writes_them)
{
    char *t = fmt_lang(K3A_LANG_ID, "I''k1 %.3g kA: %.2f s, %s %d %% %.0f", 28.94, 0.0612,
                       "v1.2", 7, 5.0);
    ck_assert_str_eq(t, "I''k1 28,9 kA: 0,06 s, v1.2 7 % 5");
    free(t);
    t = fmt_lang(K3A_LANG_EN, "I''k1 %.3g kA: %.2f s", 28.94, 0.0612);
    ck_assert_str_eq(t, "I''k1 28.9 kA: 0.06 s");
    free(t);
    t = fmt_lang(K3A_LANG_ID, "I2t %.3g A²s", 10725245.81);
    ck_assert_str_eq(t, "I2t 10.725.246 A²s");
    free(t);
    t = fmt_lang(K3A_LANG_EN, "I2t %.3g A²s; %.*f", 10725245.81, 2, -1.5);
    ck_assert_str_eq(t, "I2t 10,725,246 A²s; -1.50");
    free(t);
    /* rounded to 3 significant digits 999.96 is 1.00e+03 (C11 7.21.6.1
     * takes the exponent then): written in full, never "1e+03" */
    t = fmt_lang(K3A_LANG_EN, "%.3g|%.3g|%.2g|%g", 999.96, 999.4, 99.5, 999999.7);
    ck_assert_str_eq(t, "1,000|999|100|1,000,000");
    free(t);
    t = fmt_lang(K3A_LANG_ID, "%zu %ld %5.1f|%-4s|", (size_t)12, -3L, 2.25, "ab");
    ck_assert_str_eq(t, "12 -3   2,2|ab  |");
    free(t);
}
END_TEST

/* review r3 item 14: no exponent for small values either.  %g keeps its
 * significant digits (C11 7.21.6.1: precision 6 unless given, trailing
 * zeros dropped), %e its precision+1 significant digits with its zeros;
 * a long double (%Lf) is read as one and written as the number it is */
START_TEST(small_numbers_and_e_without_exponent)
{
    char *t = fmt_lang(K3A_LANG_ID, "%g A", 1.2e-05);
    ck_assert_str_eq(t, "0,000012 A");
    free(t);
    t = fmt_lang(K3A_LANG_EN, "%.3g|%G", 0.0000123456, -5e-7);
    ck_assert_str_eq(t, "0.0000123|-0.0000005");
    free(t);
    t = fmt_lang(K3A_LANG_EN, "%e|%.2e|%.1E|%e", 1234.5, 0.000123, 2.0, 0.0);
    ck_assert_str_eq(t, "1234.500|0.000123|2.0|0.000000");
    free(t);
    t = fmt_lang(K3A_LANG_ID, "[%8.2e][%-7.1e][%+.0e]", 1.5, 0.25, 3.0);
    ck_assert_str_eq(t, "[    1,50][0,25   ][+3]");
    free(t);
    t = fmt_lang(K3A_LANG_EN, "%.2Lf %Lg", (long double)2.5, (long double)0.125);
    ck_assert_str_eq(t, "2.50 0.125");
    free(t);
    t = fmt_lang(K3A_LANG_ID, "%.2Lf", (long double)1234.5);
    ck_assert_str_eq(t, "1234,50");
    free(t);
}
END_TEST

/* "%.Ng" written through the fixed-point path gives the C library's text
 * (C11 7.21.6.1) wherever that has no exponent: values either side of
 * each decade boundary, where the rounding carries into the next digit,
 * and halves */
START_TEST(general_as_the_c_library_in_titles)
{
    static const double base[] = { 1e-4, 0.00099995, 0.0012345, 0.0995, 0.09996,
                                   0.5, 0.99949, 0.9995, 1.0, 1.25, 9.995,
                                   9.9951, 28.94, 99.95, 99.96, 100.05,
                                   123.456, 999.4, 2.5e3, 99999.5 };
    size_t i;
    int prec, dir;

    for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
        for (dir = -1; dir <= 1; dir++)
            for (prec = 1; prec <= 7; prec++) {
                double v = dir ? nextafter(base[i], dir * INFINITY) : base[i];
                char want[64], *t;
                snprintf(want, sizeof(want), "%.*g", prec, v);
                if (strchr(want, 'e'))
                    continue; /* written in full elsewhere (tests above) */
                t = fmt_lang(K3A_LANG_EN, "%.*g", prec, v);
                ck_assert_str_eq(t, want);
                free(t);
                t = fmt_lang(K3A_LANG_EN, "%.*g", prec, -v);
                snprintf(want, sizeof(want), "%.*g", prec, -v);
                ck_assert_str_eq(t, want);
                free(t);
            }
}
END_TEST

/* a warning a report copies has its Indonesian text; stderr's stays */
START_TEST(warnings_in_both_languages)
{
    struct k3a_diag_list dl;
    struct k3a_loc l = { "x.ini", 3, "bus A", "" };

    k3a_diag_list_init(&dl);
    k3a_diag_add_lang(&dl, K3A_WARNING, K3A_E_INPUT, l, "%d rods needed",
                      "perlu %d batang", 2);
    k3a_diag_add(&dl, K3A_WARNING, K3A_E_INPUT, l, "only %s", "English");
    ck_assert_str_eq(dl.v[0].msg, "2 rods needed");
    ck_assert_str_eq(k3a_diag_message(&dl.v[0], 1), "perlu 2 batang");
    ck_assert_str_eq(k3a_diag_message(&dl.v[0], 0), "2 rods needed");
    ck_assert_str_eq(k3a_diag_message(&dl.v[1], 1), "only English");
    k3a_diag_list_release(&dl);
}
END_TEST

/* review r3 item 15: a message cut at msg_id's 240 bytes never ends in
 * half a character: 238 ASCII bytes then "Ω" (2 bytes, CE A9) leave 239
 * bytes of room, so the whole "Ω" does not fit and is dropped */
START_TEST(cut_warning_keeps_whole_characters)
{
    struct k3a_diag_list dl;
    struct k3a_loc l = { "x.ini", 3, "bus A", "" };
    char pad[239];

    memset(pad, 'a', 238);
    pad[238] = '\0';
    k3a_diag_list_init(&dl);
    k3a_diag_add_lang(&dl, K3A_WARNING, K3A_E_INPUT, l, "%s\xce\xa9 x", "%s\xce\xa9 x", pad);
    ck_assert_uint_eq(strlen(dl.v[0].msg_id), 238);
    ck_assert_uint_eq(strlen(dl.v[0].msg), 238);
    pad[237] = '\0'; /* 237 + 2 = 239 bytes: the "Ω" fits whole */
    k3a_diag_add_lang(&dl, K3A_WARNING, K3A_E_INPUT, l, "%s\xce\xa9 x", "%s\xce\xa9 x", pad);
    ck_assert_uint_eq(strlen(dl.v[1].msg_id), 239);
    ck_assert_str_eq(dl.v[1].msg_id + 237, "\xce\xa9");
    k3a_diag_add(&dl, K3A_WARNING, K3A_E_INPUT, l, "a%s\xe2\x86\x92", pad);
    ck_assert_uint_eq(strlen(dl.v[2].msg), 238); /* "→" is 3 bytes: dropped */
    k3a_diag_list_release(&dl);
}
END_TEST

START_TEST(many_findings_numbered_in_order)
{
    struct k3a_results r;
    struct k3a_diag_list dl;
    char want[32];
    size_t i, n = 5001, fails = 0;

    k3a_results_init(&r);
    k3a_diag_list_init(&dl);
    ck_assert_ptr_nonnull(k3a__finding_new(&r, K3A_KIND_SITE, -1, "before", K3A_PASS, NAN,
                                           NAN, "", "", NULL, NULL));
    ck_assert_int_eq(item_findings(&r, &dl, n), K3A_OK);
    ck_assert_uint_eq(r.n_findings, n + 1);
    for (i = 0; i < n; i++) {
        const struct k3a_finding *f = &r.findings[i + 1];
        snprintf(want, sizeof(want), "F%04zu", i + 2);
        ck_assert_str_eq(f->id, want);
        snprintf(want, sizeof(want), "butir %zu", i);
        ck_assert_str_eq(f->title_id, want);
        fails += i % 7 == 0;
    }
    ck_assert_uint_eq(r.n_fail, fails);
    ck_assert_uint_eq(r.n_pass, n + 1 - fails);
    ck_assert_uint_eq(dl.n, 6);
    for (i = 0; i < dl.n; i++)
        ck_assert_int_eq(dl.v[i].line, (int)(1000 * i + 1));
    k3a_results_release(&r);
    k3a_diag_list_release(&dl);
    /* a cap on kept diagnostics keeps the first ones and counts the rest */
    k3a_results_init(&r);
    k3a_diag_list_init(&dl);
    dl.max_kept = 4;
    ck_assert_int_eq(item_findings(&r, &dl, n), K3A_OK);
    ck_assert_uint_eq(r.n_findings, n);
    ck_assert_str_eq(r.findings[n - 1].id, "F5001");
    ck_assert_uint_eq(dl.n, 4);
    ck_assert_uint_eq(dl.n_warnings, 6);
    ck_assert_uint_eq(dl.dropped, 2);
    for (i = 0; i < dl.n; i++)
        ck_assert_int_eq(dl.v[i].line, (int)(1000 * i + 1));
    k3a_results_release(&r);
    k3a_diag_list_release(&dl);
}
END_TEST

Suite *findings_suite(void)
{
    Suite *s = suite_create("findings");
    TCase *tc = tcase_create("inspection");

    tcase_add_test(tc, overdue_periodic_inspection_fails);
    tcase_add_test(tc, interval_within_twelve_months_passes);
    tcase_add_test(tc, observations_become_findings);
    tcase_add_test(tc, generation_above_200_kVA_needs_ahli_k3);
    tcase_add_test(tc, measurement_verdicts_against_the_limit_tables);
    tcase_add_test(tc, tt_earthing_limit_follows_the_rcd);
    tcase_add_test(tc, titles_in_the_language_asked_for);
    tcase_add_test(tc, text_pool_keeps_strings_whole);
    tcase_add_test(tc, text_pool_shares_equal_strings_only);
    tcase_add_test(tc, many_findings_numbered_in_order);
    tcase_add_test(tc, text_in_one_language);
    tcase_add_test(tc, numbers_as_the_language_writes_them);
    tcase_add_test(tc, general_as_the_c_library_in_titles);
    tcase_add_test(tc, small_numbers_and_e_without_exponent);
    tcase_add_test(tc, warnings_in_both_languages);
    tcase_add_test(tc, cut_warning_keeps_whole_characters);
    suite_add_tcase(s, tc);
    return s;
}
