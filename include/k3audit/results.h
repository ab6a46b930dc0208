/*
 * results.h - what an audit found: struct k3a_results and the result
 * structs each stage fills (findings, protection, arc flash, loads,
 * energy, field measurements, the risk register).
 *
 * Each stage fills plain result structs that the next stage reads; the
 * report writers (report.h) only read struct k3a_results.  The runner
 * that fills them is in audit.h.
 */
#ifndef K3A_RESULTS_H
#define K3A_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "k3audit/arcflash.h"
#include "k3audit/energy.h"
#include "k3audit/loads.h"
#include "k3audit/models.h"
#include "k3audit/protection.h"
#include "k3audit/risk.h"
#include "k3audit/shortcircuit.h"
#include "k3audit/site.h"

enum k3a_verdict { K3A_PASS, K3A_FAIL, K3A_WARN };

/* One judged check: measured value against a limit, with the clause. */
/* The text of a finding points into storage its k3a_results owns (freed
 * by k3a_results_release), or at constant strings; never NULL. */
struct k3a_finding {
    char id[16];          /* "F001" */
    enum k3a_kind kind;   /* element it is about */
    int32_t idx;          /* -1 = the site as a whole */
    const char *element;  /* "bus MDP" */
    const char *check;    /* machine name: "inspection_interval" */
    const char *title_id; /* what was checked, Bahasa Indonesia ("" if not made) */
    const char *title_en;
    double measured, limit;
    int has_measured, has_limit;
    const char *unit;
    enum k3a_verdict verdict;
    const char *clause;   /* the source of the limit */
    int cited;            /* a risk of the register names it as its source */
    int cal_expired;      /* tested with an instrument past its calibration date:
                             WARN to re-test, whatever the reading */
    /* unit and clause in each language the audit was made for (title_langs;
     * "" otherwise): read them with k3a_finding_unit / k3a_finding_clause */
    const char *unit_id, *unit_en;
    const char *clause_id, *clause_en;
};

/* Protection at each bus: who clears a bolted fault, and when. */
struct k3a_bus_prot {
    struct k3a_clearing at_ik3[K3A_CASE_COUNT]; /* at I''k of each case */
    int has_ik1;
    struct k3a_clearing at_ik1;   /* at I''k1 of the minimum case */
    double ik1_min_kA;
    int has_ik1_gen;              /* the standby generator's case */
    struct k3a_clearing at_ik1_gen; /* at I''k1 on generator supply */
    double ik1_gen_kA;
    /* the device the calculated normal-supply earth-fault disconnection
     * check judged (-1 none), and that finding's number in the list from
     * 1 (0 none): the measurement stage compares a loop reading with it */
    int32_t disc_device;
    size_t disc_finding;
    /* the generator-supply disconnection finding's number (0 none): the
     * measurement stage holds back its PASS where a measured loop shows the
     * model optimistic (positions valid until that stage withdraws any) */
    size_t disc_gen_finding;
};

/* Arc flash at a bus: the governing operating case. */
struct k3a_bus_arc {
    int available;          /* computed (three-phase, energised) */
    int single_phase;       /* "n/a (single-phase)" */
    enum k3a_sc_case sc_case;
    struct k3a_arc_in in;   /* inputs used (times included) */
    struct k3a_arc_out out;
    int32_t device;         /* clearing device at the governing current */
    int32_t device_min;     /* at the reduced current */
    int capped;             /* an arc time was capped */
    int depth_assumed;      /* 0 given/not needed, 1 shallow, 2 deep (worst) */
    const char *ppe;        /* NFPA 70E category or "dangerous" */
    double limited_movable_mm, limited_fixed_mm, restricted_mm;
    int line_side;          /* 1: the worse case is the line side of the
                               bus's main, cleared upstream */
    int32_t main_device;    /* the bus's main (line side reported); -1 */
    /* who clears the arc, in words, for labels: "diputus oleh <label>
     * dalam 0.57 s" or "tidak ada gawai pengaman yang memutus dalam 2.00 s:
     * lama busur dibatasi 2.00 s"; the side ("sisi masuk (line side) gawai
     * utama <label>") in side_id / side_en, "" where the bus has no main */
    char clear_id[160], clear_en[160], side_id[120], side_en[120];
};

/* Load analysis (loads.h): one entry per [load], [cable], [transformer]. */
struct k3a_load_res {
    double p_kW, q_kvar;   /* demand at the operating point (x quantity x
                              demand_factor) */
    double pf, eff_pct;
    const char *pf_source, *eff_source; /* clause of a default, or NULL */
    const char *eff_note;
    double ib_A;           /* design current of the load */
    double un_kV;
    int lv, single_phase;
    int has_vdrop;
    double vdrop_pct, vdrop_limit_pct;
    const char *vdrop_clause, *vdrop_confidence;
    enum k3a_verdict vdrop_verdict;
};

struct k3a_cable_res {
    int energized;         /* carries load current in normal operation */
    int to_load;           /* the cable feeds a [load] */
    double un_kV, pf;
    double ib_calc_A, ib_meas_A, ib_A; /* ib_A = the larger */
    int has_iz, method_assumed;
    enum k3a_method method;
    struct k3a_ampacity_out amp;
    double iz_A, loading_pct;
    int32_t device;        /* overload device, -1 none */
    double in_A, i2_factor, i2_A;
    const char *i2_clause;
    double r_ohm_km, x_ohm_km; /* at the operating temperature */
    double vdrop_V, vdrop_pct, vdrop_end_pct; /* own, and to the far end */
    int has_vdrop;
    int has_thermal;
    double k, fault_kA, fault_s, i2t_A2s, k2s2_A2s;
    const char *k_clause;
    const char *fault_where; /* "near end", "far end", "far end (minimum)" ... */
    /* i2_clause, k_clause, fault_where and amp's clauses: in an audit made
     * for both languages with their "{id|en}" alternatives (read with
     * k3a_text_lang, as basis in struct k3a_reco) */
};

struct k3a_tx_res {
    int energized;
    double s_calc_kVA, s_meas_kVA, s_kVA, loading_pct;
    double i_lv_A;
    int has_losses;
    double losses_kW;
};

/* Energy audit (energy.h). */
struct k3a_month_res {
    int y, m;
    double kWh, kvarh, peak_kW, production, cdd, cost_bill_Rp;
    struct k3a_bill_cost cost; /* by the tariff model */
};

enum k3a_reco_kind { K3A_RECO_PFC, K3A_RECO_MOTOR, K3A_RECO_LIGHTING };

struct k3a_reco {
    enum k3a_reco_kind kind;
    enum k3a_kind elem_kind;
    int32_t idx;
    char title_id[160], title_en[160];
    double saving_kWh, saving_Rp, cost_Rp, payback_years, npv_Rp, irr;
    const char *basis; /* in an audit made for both languages with its
                          "{id|en}" alternatives: read with k3a_text_lang */
};

struct k3a_energy_res {
    double model_kWh;          /* sum over loads (site-format 4) */
    double enduse_kWh[7];      /* by enum k3a_load_kind */
    double *load_kWh;          /* [load]; NAN without hours_per_year */
    struct k3a_month_res *months;
    size_t n_months;
    double bills_kWh, bills_kvarh, bills_cost_Rp, bills_cost_given_Rp;
    double annual_kWh;         /* bills when 12 months are given, else model */
    int annual_from_bills;
    double gap_pct;            /* model vs bills, % of bills */
    double price_Rp_kWh;       /* average, for savings */
    const struct k3a_tariff *tariff;
    double annual_cost_Rp;
    double pf_avg, pf_worst;
    double kvar_working, kvar_needed, kvar_proposed, kvarh_charge_Rp;
    double demand_kW;          /* for the PF proposal */
    double cable_loss_kW, tx_loss_kW, loss_kWh, h_eq;
    double ike_kWh_m2, ike_ref;
    const struct k3a_ike *ike_row;
    double sec_kWh_unit;
    int has_fit, fit_uses_production, fit_uses_cdd;
    struct k3a_fit fit;
    double co2_t;
    const struct k3a_grid *grid;
    double toe;
    struct k3a_reco *recos;    /* ranked by payback */
    size_t n_recos;
};

/* Field measurements, as judged (one entry per element of the kind). */
struct k3a_earth_res {
    double judged_ohm;        /* measured (or own value) x seasonal factor */
    int cmp;                  /* the reading was ">N"/"<N" */
    double limit_ohm;
    const char *limit_clause; /* "{id|en}" kept as basis in struct k3a_reco */
    enum k3a_verdict verdict;
    int has_r618, plateau;    /* plateau: 1 flat, 0 not flat, -1 unknown */
    double r618_ohm, plateau_spread;
    int has_tagg;
    double tagg_mu, tagg_ptc, tagg_ohm;
    int has_rods;
    int rods_needed;          /* rods of the same length to meet the limit */
    int rods_beyond;          /* more than the table's largest count: a grid */
    double rho_ohm_m;         /* resistivity used for the design aid */
    double rho_soil_ohm_m;    /* the soil model's; NAN none */
    double rho_implied_ohm_m; /* implied by the measured electrode; NAN none */
    int judged_from;          /* 0 measured_ohm, 1 the 61.8 % value, 2 slope */
    int has_trend;
    double trend_ohm_per_year;
    int cal_expired;
};

struct k3a_soil_res {
    size_t n;
    double a_m[K3A_SOIL_MAX_POINTS], rho_ohm_m[K3A_SOIL_MAX_POINTS];
    int fitted;
    double rho1, rho2, h_m, rms;
};

struct k3a_ir_res {
    double min_Mohm;
    int cmp;
    double limit_Mohm, test_V_required;
    enum k3a_verdict verdict;
    int has_dar, has_pi, has_r40, has_trend, has_reach;
    double dar, pi, r40_Mohm, trend_pct_per_year;
    struct k3a_date reach;    /* projected date of reaching the limit */
};

struct k3a_thermo_res {
    double dt_similar_C, dt_ambient_C;
    int priority;             /* NETA 1..4, 0 none */
};

/* A loop test as judged: the device that must disconnect (the test's,
 * else the one protecting its circuit) and the touch voltage the findings
 * judge (measured, or U0 R_PE / Zs at the fault, IEC 60364-4-41 411.3.2). */
struct k3a_loop_res {
    int32_t device;           /* -1 unknown */
    double touch_V;           /* NAN none */
    int touch_calc;           /* touch_V calculated, not measured */
};

struct k3a_pq_res {
    double dev_max_pct, dev_min_pct, unb_nema_pct, unb_iec_pct, i_unb_pct;
    double isc_il, tdd_limit_pct;
    int has_v, has_i;
};

/* Opaque: the text a set of results owns (the library's own, freed by
 * k3a_results_release). */
struct k3a_text_store;

struct k3a_results {
    const struct k3a_site *site;
    const struct k3a_models *models;
    const struct k3a_model_file *limits; /* the site's limits set */
    struct k3a_sc_results sc;            /* short circuit, every case */
    struct k3a_bus_prot *prot;           /* [bus] */
    struct k3a_trip_prep *trip_prep;     /* [device], for k3a_clearing_eval */
    struct k3a_arc_model arc_model;      /* prepared IEEE 1584 tables */
    int has_arc_model;
    struct k3a_bus_arc *arc;             /* [bus] */
    struct k3a_earth_res *earth;         /* [earthing] */
    struct k3a_soil_res *soil;           /* [soil] */
    struct k3a_ir_res *ir;               /* [insulation] */
    struct k3a_thermo_res *thermo;       /* [thermography] */
    struct k3a_pq_res *pq;               /* [pq] */
    struct k3a_loop_res *loop;           /* [loop] */
    struct k3a_load_res *loads;          /* [load] */
    struct k3a_cable_res *cables;        /* [cable] */
    struct k3a_tx_res *tx;               /* [transformer] */
    double *bus_vdrop_pct;               /* [bus]; NAN where not LV */
    double gen_demand_kVA, gen_rating_kVA; /* standby case; 0 = none */
    struct k3a_risk_profile profile;     /* the site's risk profile */
    int has_profile;
    /* findings and risks keep no capacity beside their count: the room
     * follows from the count (64 findings or 32 risks, then doubled), so
     * only the library (k3a_audit_run and the stages it runs) adds to
     * them.  A program may read them and change a field, never change
     * n_findings / n_risks or put an array of its own in their place: the
     * next one the library adds would be written past the allocation. */
    struct k3a_risk *risks;              /* the register */
    size_t n_risks;
    int level_max;                       /* enum k3a_risk_level as found; -1 none */
    struct k3a_energy_res energy;
    int has_energy;
    struct k3a_finding *findings;
    size_t n_findings;
    struct k3a_text_store *text;         /* private: the findings' text */
    size_t n_fail, n_warn, n_pass;
    /* which title_id / title_en the audit writes: bit 1 << K3A_LANG_ID,
     * bit 1 << K3A_LANG_EN (k3a_results_init: both); set it before
     * k3a_audit_run to the one language a report will show */
    unsigned title_langs;
};

void k3a_results_init(struct k3a_results *r);

/* The audit's conclusion (site-format 9): K3A_FAIL ("TIDAK MEMENUHI
 * SYARAT") when any finding fails or any risk as found is extreme, else
 * K3A_WARN when a finding warns, K3A_PASS when findings pass; -1 when
 * there is no finding at all. */
int k3a_results_conclusion(const struct k3a_results *r);

/* A finding's title in lang; the other language's when the audit wrote
 * only that one (k3a_results.title_langs). */
const char *k3a_finding_title(const struct k3a_finding *f, enum k3a_lang lang);
/* The finding's clause and unit in lang (those of the language the audit
 * chose when it did not make lang's). */
const char *k3a_finding_clause(const struct k3a_finding *f, enum k3a_lang lang);
const char *k3a_finding_unit(const struct k3a_finding *f, enum k3a_lang lang);
void k3a_results_release(struct k3a_results *r);

#endif /* K3A_RESULTS_H */
