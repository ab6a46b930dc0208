/*
 * check_risk.c - the risk register: both profiles' 5 x 5 tables cell by
 * cell (../shared/reference/regulations_id.md 3.1-3.2), the rules and
 * modifiers on crafted sites, and a register worked out by hand.
 */
#include <stdio.h>
#include <string.h>

#include "k3audit/audit.h"
#include "k3audit/load.h"
#include "k3audit/risk.h"
#include "tests.h"

static struct k3a_models models;

static void setup(void)
{
    test_models(&models);
}

static void teardown(void)
{
    k3a_models_release(&models);
}

START_TEST(as_nzs_4360_cell_by_cell)
{
    /* CHECKS: regulations_id.md 3.1, the AS/NZS 4360 matrix as reproduced
     * in Indonesian K3 training (rows P5..P1, columns S1..S5) */
    static const char *const want[5] = { "HHEEE", "MHHEE", "LMHEE", "LLMHE",
                                         "LLMHH" };
    struct k3a_risk_profile p;
    int l, s;

    ck_assert_int_eq(k3a_risk_profile_get(&models, "as_nzs_4360", &p), 0);
    for (l = 5; l >= 1; l--)
        for (s = 1; s <= 5; s++) {
            const struct k3a_band *b = k3a_risk_band(&p, l, s);
            ck_assert_ptr_nonnull(b);
            ck_assert_msg(b->hdr.name[0] == want[5 - l][s - 1], "P%d S%d: %s", l,
                          s, b->hdr.name);
        }
    /* the band is not a threshold on the score */
    ck_assert_int_eq(k3a_risk_band(&p, 3, 4)->level, K3A_RISK_EXTREME);
    ck_assert_int_eq(k3a_risk_band(&p, 4, 3)->level, K3A_RISK_HIGH);
    ck_assert_int_eq(k3a_risk_band(&p, 5, 2)->level, K3A_RISK_HIGH);
    ck_assert_int_eq(k3a_risk_band(&p, 2, 5)->level, K3A_RISK_EXTREME);
    ck_assert_str_eq(k3a_risk_band(&p, 3, 4)->label_id, "Ekstrem");
    ck_assert_str_eq(k3a_risk_band(&p, 1, 1)->label_id, "Rendah");
    ck_assert_ptr_null(k3a_risk_band(&p, 0, 3));
    ck_assert_ptr_null(k3a_risk_band(&p, 3, 6));
    ck_assert_str_eq(p.likelihood[4]->label_id, "Hampir pasti");
    ck_assert_str_eq(p.severity[4]->label_id, "Bencana");
    ck_assert_str_eq(p.control[K3A_CTRL_REKAYASA]->label_id, "Rekayasa teknik");
}
END_TEST

START_TEST(pupr_profile_cell_by_cell)
{
    /* regulations_id.md 3.2 item 4: TR = K x A, 1-4 kecil, 5-12 sedang,
     * 15-25 besar (three classes; the engine still reads a table) */
    struct k3a_risk_profile p;
    int l, s;

    ck_assert_int_eq(k3a_risk_profile_get(&models, "pupr_smkk", &p), 0);
    for (l = 1; l <= 5; l++)
        for (s = 1; s <= 5; s++) {
            int v = l * s;
            const char *want = v <= 4 ? "K" : v <= 12 ? "S" : "B";
            ck_assert_str_eq(k3a_risk_band(&p, l, s)->hdr.name, want);
        }
    ck_assert_int_eq(k3a_risk_band(&p, 3, 4)->level, K3A_RISK_MEDIUM);
    ck_assert_int_eq(k3a_risk_profile_get(&models, "no_such", &p), -1);
}
END_TEST

#define SITE(extra)                                                          \
    "[site]\nname = T\naudit_date = 2026-03-10\n" extra                      \
    "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 10\n"                 \
    "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 95\nlength_m = 10\n"        \
    "method = C\n"                                                           \
    "[device Q0]\nat = PLN\nprotects = C\ntype = mccb\nrating_A = 160\n"     \
    "breaking_kA = 25\ninstantaneous_A = 1600\n"                             \
    "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\n"

static void run(const char *text, struct k3a_results *r, struct k3a_site *s)
{
    struct k3a_diag_list dl;

    k3a_diag_list_init(&dl);
    k3a_site_init(s);
    ck_assert_int_eq(k3a_site_load_text(s, "t.ini", text, strlen(text), &models, &dl),
                     K3A_OK);
    ck_assert_uint_eq(dl.n_errors, 0);
    k3a_results_init(r);
    ck_assert_int_eq(k3a_audit_run(s, &models, r, &dl), K3A_OK);
    k3a_diag_list_release(&dl);
}

static const struct k3a_risk *risk_of(const struct k3a_results *r,
                                      const char *element, int nth)
{
    size_t i;

    for (i = 0; i < r->n_risks; i++)
        if (strcmp(r->risks[i].element, element) == 0 && nth-- == 0)
            return &r->risks[i];
    return NULL;
}

START_TEST(earthing_rule_and_modifiers)
{
    struct k3a_results r;
    struct k3a_site s;
    const struct k3a_risk *k;

    /* equipment earthing 12 ohm against 5 ohm (TN): rule earthing-equipment,
     * P2 S4 = Tinggi (in TN the PE, not this electrode, carries the fault
     * current: severity 4, issue 19); rekayasa; after P1 S3 = Sedang */
    run(SITE("[earthing E1]\npurpose = equipment\nbus = MDP\nmeasured_ohm = 12\n"),
        &r, &s);
    k = risk_of(&r, "earthing E1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->hazard, K3A_HZ_SHOCK_INDIRECT);
    ck_assert_int_eq(k->likelihood, 2);
    ck_assert_int_eq(k->severity, 4);
    ck_assert_int_eq(k->band->level, K3A_RISK_HIGH);
    ck_assert_int_eq(k->control, K3A_CTRL_REKAYASA);
    ck_assert_int_eq(k->likelihood_after, 1);
    ck_assert_int_eq(k->severity_after, 3);
    ck_assert_int_eq(k->band_after->level, K3A_RISK_MEDIUM);
    ck_assert_str_eq(k->location, "MDP");
    ck_assert_ptr_nonnull(strstr(k->source, "F"));
    /* due: Tinggi within 30 days of 2026-03-10 */
    ck_assert_int_eq(k->due.m, 4);
    ck_assert_int_eq(k->due.d, 9);
    ck_assert_int_eq(r.level_max, K3A_RISK_HIGH);
    k3a_results_release(&r);
    k3a_site_release(&s);

    /* a passing earthing gives no hazard */
    run(SITE("[earthing E1]\npurpose = equipment\nbus = MDP\nmeasured_ohm = 2\n"),
        &r, &s);
    ck_assert_ptr_null(risk_of(&r, "earthing E1", 0));
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

START_TEST(exposure_and_existing_controls)
{
    struct k3a_results r;
    struct k3a_site s;
    const struct k3a_risk *k;

    /* a public, wet panel: +1 +1 on P2; the board's main is an RCD that
     * passed its test (1x IΔn 25 ms <= 300 ms, 5x 10 ms <= 40 ms, IEC
     * 61008-1 Table 1) -1: +1 +1 -1 = +1 (within likelihood_raise_max 1),
     * P3 */
    run("[site]\nname = T\naudit_date = 2026-03-10\n"
        "[supply PLN]\nvoltage_kV = 0.4\nfault_current_kA = 10\n"
        "[cable C]\nfrom = PLN\nto = MDP\nsize_mm2 = 95\nlength_m = 10\nmethod = C\n"
        "[bus MDP]\nvoltage_kV = 0.4\nequipment = panelboard\naccess = public\n"
        "wet = yes\n"
        "[device Q1]\nat = MDP\nprotects = MDP\ntype = mcb\nrating_A = 63\n"
        "curve = C\nbreaking_kA = 10\nrcd_mA = 30\n"
        "[rcd T1]\ndevice = Q1\nrated_mA = 30\ntrip_ms_1x = 25\ntrip_ms_5x = 10\n"
        "[earthing E1]\npurpose = equipment\nbus = MDP\nmeasured_ohm = 2000\n",
        &r, &s);
    k = risk_of(&r, "earthing E1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->likelihood, 3);
    ck_assert_ptr_nonnull(strstr(k->existing_id, "RCD"));
    ck_assert_ptr_nonnull(strstr(k->reason_en, "likelihood +1: switchboard accessible"));
    ck_assert_ptr_nonnull(strstr(k->reason_en, "likelihood +1: wet location"));
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

/* Review verdicts.md 11 b / documents.md A2: an RCD is an existing control
 * only when it passed its tests and protects the element concerned. */
#define RCD_SITE(main_rcd, trip_1x)                                              \
    SITE("[device QM]\nat = MDP\nprotects = MDP\ntype = mccb\nrating_A = 100\n" \
         "breaking_kA = 25\ninstantaneous_A = 1000\n" main_rcd                   \
         "[cable C-S]\nfrom = MDP\nto = S1\nsize_mm2 = 2.5\nlength_m = 20\n"     \
         "method = C\n"                                                          \
         "[load S1]\nkind = socket\nrated_kW = 2\n"                              \
         "[device RS]\nat = MDP\nprotects = C-S\ntype = mcb\nrating_A = 16\n"     \
         "curve = B\nbreaking_kA = 10\nrcd_mA = 30\n"                             \
         "[rcd T1]\ndevice = " trip_1x "\n"                                      \
         "[earthing E1]\npurpose = equipment\nbus = MDP\nmeasured_ohm = 12\n")

START_TEST(rcd_credit_only_when_passed_and_protecting)
{
    struct k3a_results r;
    struct k3a_site s;
    const struct k3a_risk *k;

    /* a passed 30 mA RCBO on one socket circuit does not protect the
     * board's equipment earthing: rule earthing-equipment stays P2 S4
     * (Tinggi in the AS/NZS table row L2) with no RCD credit */
    run(RCD_SITE("", "RS\nrated_mA = 30\ntrip_ms_1x = 25\ntrip_ms_5x = 10"), &r, &s);
    k = risk_of(&r, "earthing E1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->likelihood, 2);
    ck_assert_ptr_null(strstr(k->existing_en, "RCD"));
    k3a_results_release(&r);
    k3a_site_release(&s);

    /* the board's main is a 30 mA RCD that passed (25 ms <= 300 ms,
     * 10 ms <= 40 ms): -1, P1 S4 = Tinggi (row L1) */
    run(RCD_SITE("rcd_mA = 30\n", "QM\nrated_mA = 30\ntrip_ms_1x = 25\ntrip_ms_5x = 10"),
        &r, &s);
    k = risk_of(&r, "earthing E1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->likelihood, 1);
    ck_assert_ptr_nonnull(strstr(k->existing_en, "RCD"));
    k3a_results_release(&r);
    k3a_site_release(&s);

    /* the same main RCD failed its test (>500 ms: did not trip within
     * 300 ms at 1x IΔn): no credit, P2 */
    run(RCD_SITE("rcd_mA = 30\n", "QM\nrated_mA = 30\ntrip_ms_1x = >500\ntrip_ms_5x = 10"),
        &r, &s);
    k = risk_of(&r, "earthing E1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->likelihood, 2);
    ck_assert_ptr_null(strstr(k->existing_en, "RCD"));
    /* nor is the failed RCD its own control (rule rcd-fails at T1) */
    k = risk_of(&r, "rcd T1", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_ptr_null(strstr(k->existing_en, "RCD"));
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

static const struct k3a_risk *risk_by_rule(const struct k3a_results *r, const char *rule)
{
    size_t i;

    for (i = 0; i < r->n_risks; i++)
        if (r->risks[i].rule && strcmp(r->risks[i].rule->hdr.name, rule) == 0)
            return &r->risks[i];
    return NULL;
}

START_TEST(rules_follow_what_was_measured)
{
    /* verdicts.md 11 a, c: separate rules for what the RCD did, the
     * margin of a fault-protection FAIL and the NETA priority.
     * IEC 61008-1 Table 1: general 300 ms at IΔn; type S 130-500 ms at
     * IΔn; trip current above 0.5 IΔn and at most IΔn.
     * Loop: MCB B16, Ia = 5 x 16 = 80 A (magnetic trip, IEC 60898-1),
     * Zs limit = U0 / Ia = 230 / 80 = 2.875 ohm (IEC 60364-4-41 411.4.4):
     * 3.0 ohm is 1.04 x (rule fault-protection-marginal, P1 S5 = Tinggi in
     * the AS/NZS table); 10 ohm is 3.5 x (rule fault-protection, P2 S5 =
     * Ekstrem).  Thermography 55 C over an ambient of 30 C: rise 25 C, NETA
     * MTS Table 100.18 21-40 C over ambient = priority 2 (monitor until
     * repaired): rule hot-spot-p2, P3 S3 = Tinggi, not hot-spot-1. */
    struct k3a_results r;
    struct k3a_site s;
    const struct k3a_risk *k;

    run(SITE("[device RG]\nat = MDP\nprotects = MDP\ntype = mccb\nrating_A = 100\n"
             "breaking_kA = 25\ninstantaneous_A = 1000\nrcd_mA = 30\n"
             "[rcd SLOW]\ndevice = RG\nrated_mA = 30\ntrip_ms_1x = >500\n"
             "[rcd FAST]\nbus = MDP\nrated_mA = 300\nselective = yes\ntrip_ms_1x = 100\n"
             "[rcd LOW]\nbus = MDP\nrated_mA = 30\ntrip_mA = 12\n"
             "[thermography T]\nbus = MDP\ntemp_C = 55\nambient_C = 30\n"),
        &r, &s);
    k = risk_of(&r, "rcd SLOW", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "rcd-fails");
    ck_assert_ptr_nonnull(strstr(k->hazard_en, "too slow"));
    k = risk_of(&r, "rcd FAST", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "rcd-too-fast");
    ck_assert_ptr_null(risk_of(&r, "rcd FAST", 1));
    k = risk_of(&r, "rcd LOW", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "rcd-trips-low");
    ck_assert_ptr_null(risk_of(&r, "rcd LOW", 1));
    k = risk_of(&r, "thermography T", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "hot-spot-p2");
    ck_assert_int_eq(k->likelihood, 3);
    ck_assert_int_eq(k->severity, 3);
    ck_assert_str_eq(k->band->label_id, "Tinggi");
    ck_assert_ptr_null(risk_by_rule(&r, "hot-spot-1"));
    k3a_results_release(&r);
    k3a_site_release(&s);

#define LOOP_SITE(zs)                                                             \
    SITE("[cable C1]\nfrom = MDP\nto = L1\nsize_mm2 = 2.5\nlength_m = 10\n"       \
         "method = C\n[load L1]\nkind = lighting\nrated_kW = 1\n"                  \
         "[device B16]\nat = MDP\nprotects = C1\ntype = mcb\nrating_A = 16\n"      \
         "curve = B\nbreaking_kA = 10\n"                                         \
         "[loop LP]\ncircuit = C1\nzs_ohm = " zs "\n")
    run(LOOP_SITE("3.0"), &r, &s);
    k = risk_of(&r, "loop LP", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "fault-protection-marginal");
    ck_assert_int_eq(k->likelihood, 1);
    ck_assert_int_eq(k->severity, 5);
    ck_assert_str_eq(k->band->label_id, "Tinggi");
    k3a_results_release(&r);
    k3a_site_release(&s);
    run(LOOP_SITE("10"), &r, &s);
    k = risk_of(&r, "loop LP", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->rule->hdr.name, "fault-protection");
    ck_assert_int_eq(k->likelihood, 2);
    ck_assert_str_eq(k->band->label_id, "Ekstrem");
    /* documents.md D26: an Extreme item is due within 7 days of the audit
     * (models/risk-as_nzs_4360.ini band E due_days 7): 2026-03-17, never
     * the audit day itself */
    ck_assert_int_eq(k->due.y, 2026);
    ck_assert_int_eq(k->due.m, 3);
    ck_assert_int_eq(k->due.d, 17);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

/* The thermography risk rules on both sides of NETA MTS Table 100.18's
 * priority 2 band (over ambient: 11-20 C priority 3, 21-40 C priority 2,
 * above 40 C priority 1); the test above has the inside (25 C).  Ambient
 * 30 C: 50 C is a 20 C rise, priority 3 (a WARN: rule hot-spot-2); 51 C
 * is 21 C, priority 2 (the band's lower edge from inside); 70 C is
 * 40 C, still priority 2 (rule hot-spot-p2, P3 S3); 71 C is 41 C, priority
 * 1 (rule hot-spot-1, P4 S4). */
START_TEST(thermography_p2_band_both_sides)
{
    static const struct {
        const char *temp;
        int priority;
        const char *rule;
    } row[] = {
        { "50", 3, "hot-spot-2" },
        { "51", 2, "hot-spot-p2" }, /* 21 C: the band's lower edge, inside */
        { "70", 2, "hot-spot-p2" },
        { "71", 1, "hot-spot-1" },
    };
    static char buf[2048];
    size_t i;

    for (i = 0; i < sizeof(row) / sizeof(row[0]); i++) {
        struct k3a_results r;
        struct k3a_site s;
        const struct k3a_risk *k;
        snprintf(buf, sizeof(buf),
                 SITE("[thermography T]\nbus = MDP\ntemp_C = %s\nambient_C = 30\n"),
                 row[i].temp);
        run(buf, &r, &s);
        ck_assert_int_eq(r.thermo[0].priority, row[i].priority);
        k = risk_of(&r, "thermography T", 0);
        ck_assert_ptr_nonnull(k);
        ck_assert_str_eq(k->rule->hdr.name, row[i].rule);
        ck_assert_ptr_null(risk_of(&r, "thermography T", 1));
        k3a_results_release(&r);
        k3a_site_release(&s);
    }
}
END_TEST

START_TEST(no_self_recommendation_and_dates_within_the_band)
{
    /* documents.md A7: a lightning test overdue since 2023-01-10 but whose
     * earthing was measured in this audit gives no "have it tested" risk;
     * without the measurement it does.  D26: a tester's High hazard due
     * 2026-06-30 is brought within the High band's 30 days: 2026-04-09. */
    struct k3a_results r;
    struct k3a_site s;

    run(SITE("[earthing EP]\npurpose = lightning\nbus = MDP\nmeasured_ohm = 3\n"
             "[lightning LPS]\ntype = conventional\nearthing = EP\n"
             "last_test = 2023-01-10\n"
             "[hazard H]\ndescription = Forklift dekat PHB\nbus = MDP\nkind = other\n"
             "likelihood = 3\nseverity = 3\ndue = 2026-06-30\n"),
        &r, &s);
    ck_assert_ptr_null(risk_by_rule(&r, "lightning-overdue"));
    ck_assert_ptr_nonnull(risk_of(&r, "hazard H", 0));
    ck_assert_str_eq(risk_of(&r, "hazard H", 0)->band->label_id, "Tinggi");
    ck_assert_int_eq(risk_of(&r, "hazard H", 0)->due.m, 4);
    ck_assert_int_eq(risk_of(&r, "hazard H", 0)->due.d, 9);
    k3a_results_release(&r);
    k3a_site_release(&s);

    run(SITE("[lightning LPS]\ntype = conventional\nlast_test = 2023-01-10\n"), &r, &s);
    ck_assert_ptr_nonnull(risk_by_rule(&r, "lightning-overdue"));
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

START_TEST(register_known_by_hand)
{
    /* Worked by hand with the rules in models/risk-rules.ini and the
     * AS/NZS table:
     *  - a thermography hot spot of priority 1 at MDP: hot-spot-1, P4 S4
     *    (Ekstrem) -> rekayasa, P1 S4 (Tinggi);
     *  - the LOTO procedure absent: it is a finding, raises no rule of its
     *    own, and adds +1 to arc-flash hazards only (there are none);
     *  - a manual hazard P3 S2 (Sedang), control P1 S2 (Rendah), its own
     *    owner and due date.
     * So two risks, in that order, and the highest level is Ekstrem. */
    struct k3a_results r;
    struct k3a_site s;

    run(SITE("[thermography T1]\nbus = MDP\ncomponent = terminal L2\n"
             "temp_C = 95\nreference_C = 40\n"
             "[observation O1]\nitem = loto_procedure\nstatus = absent\n"
             "[hazard H1]\ndescription = Lantai licin di depan panel\nbus = MDP\n"
             "kind = other\nlikelihood = 3\nseverity = 2\n"
             "control_proposed = Keset karet dan rambu\n"
             "control_level = administratif\nlikelihood_after = 1\n"
             "severity_after = 2\n"
             "owner = Kepala Bagian\ndue = 2026-04-30\n"),
        &r, &s);
    ck_assert_uint_eq(r.n_risks, 2);
    ck_assert_str_eq(r.risks[0].id, "R001");
    ck_assert_str_eq(r.risks[0].element, "thermography T1");
    ck_assert_str_eq(r.risks[0].rule->hdr.name, "hot-spot-1");
    ck_assert_int_eq(r.risks[0].likelihood, 4);
    ck_assert_int_eq(r.risks[0].severity, 4);
    ck_assert_str_eq(r.risks[0].band->label_id, "Ekstrem");
    ck_assert_str_eq(r.risks[0].band_after->label_id, "Tinggi");
    ck_assert_str_eq(r.risks[1].element, "hazard H1");
    ck_assert_str_eq(r.risks[1].band->label_id, "Sedang");
    ck_assert_int_eq(r.risks[1].severity_after, 2);
    ck_assert_str_eq(r.risks[1].band_after->label_id, "Rendah");
    ck_assert_str_eq(r.risks[1].owner, "Kepala Bagian");
    ck_assert_int_eq(r.risks[1].due.m, 4);
    ck_assert_str_eq(r.risks[1].source, "H1");
    ck_assert_int_eq(r.level_max, K3A_RISK_EXTREME);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

START_TEST(second_profile_changes_the_levels)
{
    /* the same hot spot under the PUPR classes: 4 x 4 = 16 -> Besar */
    struct k3a_results r;
    struct k3a_site s;

    run(SITE("risk_profile = pupr_smkk\n"
             "[thermography T1]\nbus = MDP\ntemp_C = 95\nreference_C = 40\n"),
        &r, &s);
    ck_assert_uint_eq(r.n_risks, 1);
    ck_assert_str_eq(r.risks[0].band->label_id, "Besar");
    ck_assert_int_eq(r.level_max, K3A_RISK_HIGH);
    k3a_results_release(&r);
    k3a_site_release(&s);
}
END_TEST

Suite *risk_suite(void)
{
    Suite *s = suite_create("risk");
    TCase *tc = tcase_create("risk");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, as_nzs_4360_cell_by_cell);
    tcase_add_test(tc, pupr_profile_cell_by_cell);
    tcase_add_test(tc, earthing_rule_and_modifiers);
    tcase_add_test(tc, exposure_and_existing_controls);
    tcase_add_test(tc, rcd_credit_only_when_passed_and_protecting);
    tcase_add_test(tc, rules_follow_what_was_measured);
    tcase_add_test(tc, thermography_p2_band_both_sides);
    tcase_add_test(tc, no_self_recommendation_and_dates_within_the_band);
    tcase_add_test(tc, register_known_by_hand);
    tcase_add_test(tc, second_profile_changes_the_levels);
    suite_add_tcase(s, tc);
    return s;
}
