/*
 * check_load.c - the site loader: values land in the typed model, every
 * problem is reported at its line, defaults are applied and listed.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "schema.h"
#include "k3audit/results.h"
#include "k3audit/load.h"
#include "tests.h"

static struct k3a_models models;
static int models_loaded;

static void setup(void)
{
    test_models(&models);
    models_loaded = 1;
}

static void teardown(void)
{
    k3a_models_release(&models);
}

#define HEAD                                                                 \
    "[site]\nname = T\naudit_date = 2026-03-10\n"                            \
    "[supply PLN]\nvoltage_kV = 20\nfault_level_MVA = 500\n"                 \
    "[transformer TR1]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"           \
    "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 5\n"               \
    "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n"

/* Loads text; returns the status; diagnostics into *dl (caller releases). */
static enum k3a_status load(struct k3a_site *s, const char *text,
                            struct k3a_diag_list *dl)
{
    k3a_site_init(s);
    k3a_diag_list_init(dl);
    return k3a_site_load_text(s, "t.ini", text, strlen(text), &models, dl);
}

/* Is there a diagnostic at line with text inside its formatted form? */
static void dump(const struct k3a_diag_list *dl);

/* Like has() but silent: for checks that something is NOT reported. */
static int has_quiet(const struct k3a_diag_list *dl, int line, const char *text)
{
    size_t i;
    char buf[600];

    for (i = 0; i < dl->n; i++) {
        k3a_diag_format(&dl->v[i], buf, sizeof(buf));
        if ((line == 0 || dl->v[i].line == line) && strstr(buf, text))
            return 1;
    }
    return 0;
}

static int has(const struct k3a_diag_list *dl, int line, const char *text)
{
    size_t i;
    char buf[600];

    for (i = 0; i < dl->n; i++) {
        k3a_diag_format(&dl->v[i], buf, sizeof(buf));
        if ((line == 0 || dl->v[i].line == line) && strstr(buf, text))
            return 1;
    }
    fprintf(stderr, "not found at line %d: %s\n", line, text);
    dump(dl);
    return 0;
}

static void dump(const struct k3a_diag_list *dl)
{
    size_t i;
    char buf[600];

    for (i = 0; i < dl->n; i++) {
        k3a_diag_format(&dl->v[i], buf, sizeof(buf));
        fprintf(stderr, "  %s\n", buf);
    }
}

START_TEST(minimal_site_loads_with_values_and_defaults)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st = load(&s, HEAD, &dl);

    if (st != K3A_OK)
        dump(&dl);
    ck_assert_int_eq(st, K3A_OK);
    ck_assert_int_eq((int)dl.n_errors, 0);
    ck_assert_str_eq(s.site.name, "T");
    ck_assert_int_eq(s.site.audit_date.y, 2026);
    ck_assert_int_eq((int)s.n_buses, 1);
    ck_assert_double_eq_tol(s.supplies[0].fault_level_MVA, 500, 1e-9);
    /* constant defaults of the site format */
    ck_assert_double_eq_tol(s.supplies[0].x_over_r, 10, 1e-12);
    ck_assert_int_eq(s.site.earthing_system, K3A_ES_TN_C_S);
    ck_assert_double_eq_tol(s.site.arc_time_max_s, 2, 1e-12);
    ck_assert_int_eq(s.buses[0].phases, 3);
    /* references resolved */
    ck_assert_int_eq(s.transformers[0].from.kind, K3A_KIND_SUPPLY);
    ck_assert_int_eq(s.transformers[0].to.kind, K3A_KIND_BUS);
    ck_assert_int_eq(s.transformers[0].to.idx, 0);
    /* IEEE 1584-2018 Table 8/10, LV switchgear: 32 mm, 508 mm box,
     * 609.6 mm working distance (site-format section 5) */
    ck_assert_double_eq_tol(s.buses[0].gap_mm, 32, 1e-9);
    ck_assert_double_eq_tol(s.buses[0].width_mm, 508, 1e-9);
    ck_assert_double_eq_tol(s.buses[0].height_mm, 508, 1e-9);
    ck_assert_double_eq_tol(s.buses[0].working_distance_mm, 609.6, 1e-9);
    ck_assert_int_eq(s.buses[0].electrode, K3A_ELECTRODE_VCB);
    ck_assert_ptr_nonnull(k3a_site_default_source(
        &s, K3A_KIND_BUS, 0,
        (unsigned)k3a__key_index(k3a__site_kind(K3A_KIND_BUS), "gap_mm")));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(panelboard_defaults_leave_depth_open)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    ck_assert_int_eq(load(&s, HEAD "[cable C1]\nfrom = MDP\nto = PP1\n"
                                   "size_mm2 = 16\nlength_m = 30\n"
                                   "[bus PP1]\nvoltage_kV = 0.4\n"
                                   "equipment = panelboard\n",
                          &dl),
                     K3A_OK);
    /* IEEE 1584-2018 Table 8: LV panelboards 25 mm, 355.6 x 304.8 mm,
     * 457.2 mm working distance; depth decides shallow or deep */
    ck_assert_double_eq_tol(s.buses[1].gap_mm, 25, 1e-9);
    ck_assert_double_eq_tol(s.buses[1].height_mm, 355.6, 1e-9);
    ck_assert_double_eq_tol(s.buses[1].width_mm, 304.8, 1e-9);
    ck_assert_double_eq_tol(s.buses[1].working_distance_mm, 457.2, 1e-9);
    ck_assert(!(s.buses[1].depth_mm > 0));
    /* ambient default in air, IEC 60364-5-52 */
    ck_assert_double_eq_tol(s.cables[0].ambient_C, 30, 1e-9);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(bad_number_forms_are_each_reported)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st =
        load(&s, HEAD "[cable C1]\nfrom = MDP\nto = PP1\nsize_mm2 = 2,5\n"
                      "length_m = 30 m\n[bus PP1]\nvoltage_kV = 0.4\n"
                      "equipment = panelboard\nrated_A = nan\n",
             &dl);

    ck_assert_int_eq(st, K3A_E_INPUT);
    ck_assert(has(&dl, 20, "[cable C1] size_mm2: '2,5' is not a number "
                           "(use a point as the decimal separator: 2.5)"));
    ck_assert(has(&dl, 21, "[cable C1] length_m: '30 m' is not a number"));
    ck_assert(has(&dl, 25, "[bus PP1] rated_A: 'nan' is not a finite number"));
    /* the failed keys are not "missing" as well */
    ck_assert(!has_quiet(&dl, 0, "missing required key"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(misspelt_keys_and_kinds_get_suggestions)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "[kabel C1]\nfrom = MDP\n[cable C2]\nfrom = MDP\nto = MDP2\n"
                  "size_mm2 = 16\nlenght_m = 3\nlength = 4\n"
                  "[bus MDP2]\nvoltage_kV = 0.4\nequipment = panelbord\nwet = ya\n",
         &dl);
    ck_assert(has(&dl, 17, "unknown section kind 'kabel' (did you mean 'cable'?)"));
    ck_assert(has(&dl, 23, "[cable C2] lenght_m: unknown key (did you mean 'length_m'?)"));
    ck_assert(has(&dl, 24, "[cable C2] length: unknown key (did you mean 'length_m'?)"));
    ck_assert(has(&dl, 27, "unknown value 'panelbord' (did you mean 'panelboard'?)"));
    ck_assert(has(&dl, 28, "did you mean 'yes'?"));
    /* lenght_m was taken to mean length_m: not reported missing too */
    ck_assert(!has_quiet(&dl, 0, "[cable C2] length_m: missing required key"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(duplicates_are_errors)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "voltage_kV = 0.4\n[bus mdp]\nvoltage_kV = 0.4\n"
                  "equipment = mcc\n[site]\nname = again\n",
         &dl);
    ck_assert(has(&dl, 17, "[bus MDP] voltage_kV: key given twice (first on line 15)"));
    ck_assert(has(&dl, 18, "name 'mdp' is already used by [bus MDP] on line 14 "
                           "(names differing only in case are the same)"));
    ck_assert(has(&dl, 21, "a second [site] section (the first is on line 1)"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(continuation_lines_join_text_and_lists)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st = load(
        &s,
        HEAD "note = first part\n  second part ; a comment\n"
             "[earthing E1]\npurpose = system\nbus = MDP\n"
             "readings = 5:2.1, 10:2.6,\n   15:2.8, 20:2.9\ncurrent_probe_m = 40\n",
        &dl);

    if (st != K3A_OK)
        dump(&dl);
    ck_assert_int_eq(st, K3A_OK);
    ck_assert_str_eq(s.buses[0].hdr.note, "first part second part");
    ck_assert_int_eq((int)s.earthings[0].readings.n, 4);
    ck_assert_double_eq_tol(s.earthings[0].readings.x[3], 20, 1e-12);
    ck_assert_double_eq_tol(s.earthings[0].readings.y[3], 2.9, 1e-12);
    ck_assert_int_eq(s.earthings[0].method, K3A_EM_FALL_OF_POTENTIAL);
    /* test_date defaults to the audit date */
    ck_assert_int_eq(s.earthings[0].meas.test_date.d, 10);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

/* site-format "Lines" (inih's rules): ':' splits as '=' does, ';' starts
 * a comment only after white space, white space around key and value is
 * not part of them, a continuation keeps its " ;" (the loader strips it). */
START_TEST(key_lines_split_as_the_format_says)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st = load(&s,
                              HEAD "label: Panel A;B\t\r\n"
                                   "note\t=  utama ;lantai 2\n"
                                   "  dan cadangan ; bukan ini\n",
                              &dl);

    if (st != K3A_OK)
        dump(&dl);
    ck_assert_int_eq(st, K3A_OK);
    ck_assert_str_eq(s.buses[0].hdr.label, "Panel A;B");
    ck_assert_str_eq(s.buses[0].hdr.note, "utama dan cadangan");
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

/* A bad item in a list: the count stays as written (the checks count the
 * items) and the items from the bad one on are 0, never memory that was
 * not written (the checks would report whatever it held). */
START_TEST(list_items_after_a_bad_one_are_zero)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s,
         HEAD "[earthing E1]\npurpose = system\nbus = MDP\n"
              "readings = 5:2.1, 10:x, 15:2.8, 20:2.9\ncurrent_probe_m = 40\n",
         &dl);
    ck_assert(has(&dl, 20, "readings: 'x' is not a number"));
    ck_assert(!has_quiet(&dl, 20, "potential probe at"));
    ck_assert_int_eq((int)s.earthings[0].readings.n, 4);
    ck_assert_double_eq_tol(s.earthings[0].readings.x[0], 5, 1e-12);
    ck_assert_double_eq(s.earthings[0].readings.x[2], 0);
    ck_assert_double_eq(s.earthings[0].readings.y[3], 0);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(indented_key_is_not_silently_a_continuation)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "rated_A = 1600\n  withstand_kA = 50\n[bus X]\n"
                  "  voltage_kV = 0.4\n",
         &dl);
    ck_assert(has(&dl, 18, "keys must start in column 1 (an indented line "
                           "continues the value of 'rated_A'"));
    ck_assert(has(&dl, 20, "keys must start in column 1"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(long_lines_are_reported_not_cut)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    char text[2048];
    char longv[260];

    memset(longv, 'x', sizeof(longv) - 1);
    longv[sizeof(longv) - 1] = '\0';
    snprintf(text, sizeof(text), HEAD "note = %s\nrated_A = 1600\n", longv);
    load(&s, text, &dl);
    ck_assert(has(&dl, 17, "line is 266 bytes long (at most 199"));
    /* the line after it is read normally */
    ck_assert_double_eq_tol(s.buses[0].rated_A, 1600, 1e-9);
    ck_assert_ptr_null(s.buses[0].hdr.note);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(a_199_byte_line_is_fine)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    char text[2048];
    char v[193];

    memset(v, 'y', sizeof(v) - 1); /* "note = " (7) + 192 = 199 bytes */
    v[sizeof(v) - 1] = '\0';
    snprintf(text, sizeof(text), HEAD "note = %s", v); /* no final newline */
    ck_assert_int_eq(load(&s, text, &dl), K3A_OK);
    ck_assert_int_eq((int)strlen(s.buses[0].hdr.note), 192);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(references_are_resolved_and_checked)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "[cable C1]\nfrom = MDB\nto = TR1\nsize_mm2 = 16\nlength_m = 3\n"
                  "[device D1]\nat = MDP\nprotects = C1\ntype = mcb\nrating_A = 16\n",
         &dl);
    ck_assert(has(&dl, 18, "[cable C1] from: no supply or bus named 'MDB' (did you mean 'MDP'?)"));
    ck_assert(has(&dl, 19, "[cable C1] to: 'TR1' is a [transformer]; expected a bus or load"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(unfed_bus_is_an_error_open_branch_a_warning)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "[bus ISLAND]\nvoltage_kV = 0.4\nequipment = panelboard\n"
                  "[bus SPARE]\nvoltage_kV = 0.4\nequipment = panelboard\n"
                  "[cable C1]\nfrom = MDP\nto = SPARE\nsize_mm2 = 16\n"
                  "length_m = 3\nclosed = no\n",
         &dl);
    ck_assert(has(&dl, 17, "[bus ISLAND]: not connected to any source"));
    ck_assert(has(&dl, 20, "warning: [bus SPARE]: reachable only through open branches"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(ring_and_parallel_transformers_are_valid)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st = load(
        &s,
        HEAD "[transformer TR2]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"
             "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 5\n"
             "[bus A]\nvoltage_kV = 0.4\nequipment = panelboard\n"
             "[bus B]\nvoltage_kV = 0.4\nequipment = panelboard\n"
             "[cable MA]\nfrom = MDP\nto = A\nsize_mm2 = 95\nlength_m = 50\n"
             "[cable AB]\nfrom = A\nto = B\nsize_mm2 = 95\nlength_m = 50\n"
             "[cable BM]\nfrom = B\nto = MDP\nsize_mm2 = 95\nlength_m = 50\n",
        &dl);

    if (st != K3A_OK)
        dump(&dl);
    ck_assert_int_eq(st, K3A_OK);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(transformer_voltage_mismatch)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, "[site]\nname = T\naudit_date = 2026-03-10\n"
             "[supply PLN]\nvoltage_kV = 20\nfault_level_MVA = 500\n"
             "[transformer TR1]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"
             "primary_kV = 21.5\nsecondary_kV = 0.38\n"
             "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n",
         &dl);
    /* 21.5 vs 20 is 7.5 %: a warning; 0.38 vs 0.4 is 5 %: fine */
    ck_assert(has(&dl, 11, "warning: [transformer TR1] primary_kV: rated 21.5 kV is 7.5 %"));
    /* no impedance_pct: the typical value with a warning (EIG G31: 6 %
     * for 800-3200 kVA oil-immersed) */
    ck_assert_double_eq_tol(s.transformers[0].impedance_pct, 6, 1e-9);
    ck_assert(has(&dl, 7, "no impedance_pct"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(x_over_r_from_load_losses)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    /* IEC 60909-0 eq. (7)-(9): uR = PkrT/SrT = 10.5 kW / 1000 kVA = 1.05 %,
     * uX = sqrt(5^2 - 1.05^2) = 4.8886 %, X/R = 4.6558 */
    load(&s, HEAD "load_loss_W = 10500\n", &dl);
    ck_assert_int_eq((int)dl.n_errors, 1); /* load_loss_W is not a bus key */
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
    load(&s, "[site]\nname = T\naudit_date = 2026-03-10\n"
             "[supply PLN]\nvoltage_kV = 20\nfault_level_MVA = 500\n"
             "[transformer TR1]\nfrom = PLN\nto = MDP\nrating_kVA = 1000\n"
             "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 5\n"
             "load_loss_W = 10500\n"
             "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n",
         &dl);
    ck_assert_int_eq((int)dl.n_errors, 0);
    ck_assert_double_eq_tol(s.transformers[0].x_over_r, 4.6558, 1e-3);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(every_key_table_fits_the_given_mask)
{
    int k;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        ck_assert_int_le((int)k3a_kind_key_count((enum k3a_kind)k), 64);
}
END_TEST

START_TEST(measurement_rules)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, HEAD "[earthing E1]\npurpose = system\nreadings = 5:2, 50:3\n"
                  "current_probe_m = 40\n[earthing E2]\npurpose = lightning\n"
                  "[rcd R1]\nbus = MDP\n[bill 2025-13]\nkWh = 5\n"
                  "[bill 2025-01]\nkWh = 5\nkWh_lwbp = 4\n"
                  "[observation O1]\nitem = panel_door_lok\nstatus = rusak\n"
                  "[instrument M1]\ntype = earth\nserial = 1\n"
                  "calibrated = 2025-01-01\ncalibration_due = 2026-01-01\n"
                  "[insulation IR1]\ncircuit = MDP\nnominal_V = 400\n"
                  "test_V = 500\nr1min_Mohm = >2000\ninstrument = M1\n",
         &dl);
    ck_assert(has(&dl, 19, "potential probe at 50 m is not between"));
    ck_assert(has(&dl, 21, "[earthing E2] measured_ohm: missing required key (or readings)"));
    ck_assert(has(&dl, 23, "[rcd R1] rated_mA: missing"));
    ck_assert(has(&dl, 25, "[bill 2025-13]: '2025-13' is not a month"));
    ck_assert(has(&dl, 28, "give kWh_lwbp and kWh_wbp, or kWh"));
    ck_assert(has(&dl, 31, "'panel_door_lok' is not in the checklist (did you mean 'panel_door_lock'?)"));
    ck_assert(has(&dl, 32, "unknown value 'rusak' (did you mean 'defect'?)"));
    ck_assert(has(&dl, 43, "warning: [insulation IR1] instrument: 'M1' was past its calibration due date"));
    ck_assert_int_eq(s.insulations[0].r1min_Mohm.cmp, 1);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(invalid_utf8_and_nul_are_reported)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    const char text[] = HEAD "label = caf\xE9\nlocation = a\0b\n";

    k3a_site_init(&s);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_site_load_text(&s, "t.ini", text, sizeof(text) - 1,
                                        &models, &dl),
                     K3A_E_INPUT);
    ck_assert(has(&dl, 17, "invalid UTF-8 (byte 0xE9 at column 12)"));
    ck_assert(has(&dl, 18, "NUL byte at column 13"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(missing_site_and_supply)
{
    struct k3a_site s;
    struct k3a_diag_list dl;

    load(&s, "[bus MDP]\nvoltage_kV = 0.4\nequipment = switchboard\n", &dl);
    ck_assert(has(&dl, 1, "missing [site] section"));
    ck_assert(has(&dl, 0, "missing [supply NAME] section"));
    ck_assert(has(&dl, 1, "[bus MDP]: not connected to any source"));
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(bom_and_crlf_are_accepted)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    const char text[] = "\xEF\xBB\xBF[site]\r\nname = T\r\naudit_date = 2026-03-10\r\n"
                        "[supply PLN]\r\nvoltage_kV = 0.4\r\nfault_current_kA = 10\r\n";

    ck_assert_int_eq(load(&s, text, &dl), K3A_OK);
    ck_assert_str_eq(s.site.name, "T");
    ck_assert_double_eq_tol(s.supplies[0].fault_current_kA, 10, 1e-12);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

START_TEST(name_index_room_made_once)
{
    struct k3a_name_index ix;
    const uint64_t *slot;
    size_t cap, i;
    char name[16];
    int32_t idx, dup_idx;
    enum k3a_kind kind, dup_kind;
    static char names[5000][16];

    memset(&ix, 0, sizeof(ix));
    ck_assert_int_eq(k3a__names_reserve(&ix, 5000), 0);
    slot = ix.slot;
    cap = ix.cap;
    ck_assert_uint_ge(cap, 10000); /* at most half full */
    for (i = 0; i < 5000; i++) {
        snprintf(names[i], sizeof(names[i]), "N%zu", i);
        ck_assert_int_eq(k3a__names_add(&ix, names[i], K3A_KIND_BUS, (int32_t)i,
                                        &dup_idx, &dup_kind),
                         0);
    }
    /* no rehash while the reserved names went in */
    ck_assert_ptr_eq(ix.slot, slot);
    ck_assert_uint_eq(ix.cap, cap);
    for (i = 0; i < 5000; i += 499) {
        snprintf(name, sizeof(name), "n%zu", i); /* case aside */
        ck_assert_int_eq(k3a__names_find(&ix, name, &kind, &idx), 1);
        ck_assert_int_eq(idx, (int32_t)i);
    }
    ck_assert_int_eq(k3a__names_add(&ix, "n7", K3A_KIND_CABLE, 0, &dup_idx, &dup_kind),
                     1);
    ck_assert_int_eq(dup_idx, 7);
    ck_assert_int_eq(dup_kind, K3A_KIND_BUS);
    ck_assert_int_eq(k3a__names_reserve(&ix, SIZE_MAX), -1);
    k3a__names_release(&ix);
}
END_TEST

/* A site of 3,001 buses and 3,000 cables: the defaults come out in
 * element order, then key order,
 * one for each element that does not give the key; constant defaults are
 * applied to every element. */
START_TEST(defaults_in_element_order_on_a_large_site)
{
    enum { N = 3000 };
    size_t len = 0, i, n_gap = 0, n_ambient = 0;
    char *text = malloc(200 * N + 1024);
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st;
    int k_amb = k3a__key_index(k3a__site_kind(K3A_KIND_CABLE), "ambient_C");
    int k_gap = k3a__key_index(k3a__site_kind(K3A_KIND_BUS), "gap_mm");

    ck_assert_ptr_nonnull(text);
    len += (size_t)sprintf(text, "%s", HEAD);
    for (i = 1; i <= N; i++)
        len += (size_t)sprintf(text + len,
                               "[bus SP%zu]\nvoltage_kV = 0.4\nequipment = panelboard\n"
                               "[cable CS%zu]\nfrom = MDP\nto = SP%zu\nsize_mm2 = 10\n"
                               "length_m = 30\n",
                               i, i, i);
    k3a_site_init(&s);
    k3a_diag_list_init(&dl);
    st = k3a_site_load_text(&s, "t.ini", text, len, &models, &dl);
    if (dl.n_errors)
        dump(&dl);
    ck_assert_int_eq((int)dl.n_errors, 0);
    (void)st;
    ck_assert_uint_eq(s.n_buses, N + 1);
    ck_assert_uint_eq(s.n_cables, N);
    ck_assert_uint_ge(s.n_defaults, 2048);
    for (i = 1; i < s.n_defaults; i++)
        ck_assert_int_le(k3a__default_cmp(&s.defaults[i - 1], &s.defaults[i]), 0);
    for (i = 0; i < s.n_defaults; i++) {
        n_ambient += s.defaults[i].kind == K3A_KIND_CABLE &&
                     s.defaults[i].key == (uint16_t)k_amb;
        n_gap += s.defaults[i].kind == K3A_KIND_BUS &&
                 s.defaults[i].key == (uint16_t)k_gap;
    }
    ck_assert_uint_eq(n_ambient, N); /* no cable gives its ambient */
    ck_assert_uint_eq(n_gap, N + 1); /* nor any bus its gap */
    /* IEEE 1584-2018 Table 8: LV panelboards 25 mm, LV switchgear 32 mm;
     * IEC 60364-5-52 B.52.1: 30 C in air */
    ck_assert_double_eq_tol(s.buses[N].gap_mm, 25, 1e-9);
    ck_assert_double_eq_tol(s.buses[0].gap_mm, 32, 1e-9);
    ck_assert_double_eq_tol(s.cables[N - 1].ambient_C, 30, 1e-9);
    /* and the site format's constant defaults */
    ck_assert_int_eq(s.buses[N].phases, 3);
    ck_assert_int_eq(s.cables[N - 1].material, K3A_MAT_CU);
    free(text);
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
}
END_TEST

Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("site");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, minimal_site_loads_with_values_and_defaults);
    tcase_add_test(tc, panelboard_defaults_leave_depth_open);
    tcase_add_test(tc, bad_number_forms_are_each_reported);
    tcase_add_test(tc, misspelt_keys_and_kinds_get_suggestions);
    tcase_add_test(tc, duplicates_are_errors);
    tcase_add_test(tc, continuation_lines_join_text_and_lists);
    tcase_add_test(tc, indented_key_is_not_silently_a_continuation);
    tcase_add_test(tc, key_lines_split_as_the_format_says);
    tcase_add_test(tc, list_items_after_a_bad_one_are_zero);
    tcase_add_test(tc, long_lines_are_reported_not_cut);
    tcase_add_test(tc, a_199_byte_line_is_fine);
    tcase_add_test(tc, references_are_resolved_and_checked);
    tcase_add_test(tc, unfed_bus_is_an_error_open_branch_a_warning);
    tcase_add_test(tc, ring_and_parallel_transformers_are_valid);
    tcase_add_test(tc, transformer_voltage_mismatch);
    tcase_add_test(tc, x_over_r_from_load_losses);
    tcase_add_test(tc, every_key_table_fits_the_given_mask);
    tcase_add_test(tc, measurement_rules);
    tcase_add_test(tc, invalid_utf8_and_nul_are_reported);
    tcase_add_test(tc, missing_site_and_supply);
    tcase_add_test(tc, bom_and_crlf_are_accepted);
    tcase_add_test(tc, name_index_room_made_once);
    tcase_add_test(tc, defaults_in_element_order_on_a_large_site);
    suite_add_tcase(s, tc);
    return s;
}
