/*
 * arcflash.h - incident energy and arc-flash boundary by IEEE 1584-2018
 * (208 V to 15 kV), and by the Lee method above 15 kV; the NFPA 70E PPE
 * category and approach boundaries.
 *
 * The coefficient tables come from models/ieee1584-2018.ini and
 * models/nfpa70e.ini, prepared once into struct k3a_arc_model.  The
 * calculation is pure and allocation-free: two calls per case, one for the
 * arcing currents (which decide the clearing times) and one for the
 * energies at those times.
 */
#ifndef K3A_ARCFLASH_H
#define K3A_ARCFLASH_H

#include <stdint.h>

#include "k3audit/diag.h"
#include "k3audit/models.h"
#include "k3audit/site.h"

/* Out-of-range inputs: each is a warning, never a silent extrapolation. */
/* clang-format off */
#define K3A_ARC_WARN_MAP(X)                                                  \
    X(VOC_LOW,   "voltage below 208 V: outside IEEE 1584-2018 (4.2)",       \
                 "tegangan di bawah 208 V: di luar IEEE 1584-2018 (4.2)")   \
    X(VOC_LEE,   "voltage above 15 kV: IEEE 1584-2018 does not apply; Lee method used", \
                 "tegangan di atas 15 kV: IEEE 1584-2018 tidak berlaku; dihitung dengan metode Lee") \
    X(IBF,       "bolted fault current outside IEEE 1584-2018 range (4.2)",  \
                 "arus gangguan baut di luar rentang IEEE 1584-2018 (4.2)") \
    X(GAP,       "conductor gap outside IEEE 1584-2018 range (4.2)",         \
                 "celah konduktor di luar rentang IEEE 1584-2018 (4.2)")    \
    X(DISTANCE,  "working distance below 305 mm (IEEE 1584-2018 4.2)",      \
                 "jarak kerja di bawah 305 mm (IEEE 1584-2018 4.2)")        \
    X(ENCL_BIG,  "enclosure height or width above 1244.6 mm: taken as 1244.6 mm (Table 6)", \
                 "tinggi atau lebar selungkup di atas 1244,6 mm: dipakai 1244,6 mm (Tabel 6)") \
    X(OPENING,   "enclosure opening above 1.549 m2 (IEEE 1584-2018 4.2)",    \
                 "bukaan selungkup di atas 1,549 m2 (IEEE 1584-2018 4.2)")  \
    X(WIDTH_4G,  "enclosure narrower than four gaps (IEEE 1584-2018 4.2)",   \
                 "selungkup lebih sempit dari empat kali celah (IEEE 1584-2018 4.2)") \
    X(TIME_CAP,  "arc duration capped at arc_time_max_s (no device clears sooner)", \
                 "lama busur dibatasi pada lama busur maksimum (tidak ada gawai yang memutus lebih cepat)") \
    X(DEPTH_OPEN,"enclosure size given for an open-air electrode: not used", \
                 "ukuran selungkup diberikan untuk elektroda udara terbuka: tidak dipakai")
/* clang-format on */

enum k3a_arc_warn_bit {
#define K3A_X(id, msg, msg_id) K3A_ARC_WARN_BIT_##id,
    K3A_ARC_WARN_MAP(K3A_X)
#undef K3A_X
        K3A_ARC_WARN_COUNT
};

#define K3A_ARC_WARN(id) (1u << K3A_ARC_WARN_BIT_##id)

/* Message of warning bit b (English: diagnostics). */
const char *k3a_arc_warn_text(unsigned bit);
/* Message of warning bit b in Bahasa Indonesia (the workbook). */
const char *k3a_arc_warn_text_id(unsigned bit);

enum k3a_arc_method { K3A_ARC_IEEE1584_2018, K3A_ARC_LEE };

/* The prepared tables. */
struct k3a_arc_model {
    double iarc[5][3][10];    /* Table 1: [electrode][600,2700,14300][k1..k10] */
    double varcf[5][7];       /* Table 2 */
    double energy[5][3][13];  /* Tables 3-5 */
    double cf[2][3][3];       /* Table 7: [typical,shallow][VCB,VCBB,HCB][b] */
    double ees_a[3], ees_b[3];/* Eqs 11-12 */
    double voc_min_kV, voc_max_kV, ibf_lv_min_kA, ibf_lv_max_kA;
    double ibf_mv_min_kA, ibf_mv_max_kA, gap_lv_min_mm, gap_lv_max_mm;
    double gap_mv_min_mm, gap_mv_max_mm, distance_min_mm, enclosure_max_mm;
    double opening_max_m2, width_min_gaps, shallow_max_mm, shallow_depth_max_mm;
    double energy_factor, lee_factor, joule_per_cal, afb_threshold_J_cm2;
    double no_ppe_max_cal_cm2;
    int n_ppe;
    int ppe_category[K3A_NFPA_ROWS_MAX];
    double ppe_max_cal_cm2[K3A_NFPA_ROWS_MAX];
    int n_approach;
    double ap_v_above_V[K3A_NFPA_ROWS_MAX], ap_v_max_V[K3A_NFPA_ROWS_MAX],
        ap_movable_mm[K3A_NFPA_ROWS_MAX], ap_fixed_mm[K3A_NFPA_ROWS_MAX],
        ap_restricted_mm[K3A_NFPA_ROWS_MAX];
};

/* Prepares the tables; every missing row is an error diagnostic. */
enum k3a_status k3a_arc_model_build(const struct k3a_models *m,
                                    struct k3a_arc_model *am,
                                    struct k3a_diag_list *dl) K3A_NODISCARD;

struct k3a_arc_in {
    enum k3a_electrode electrode;
    double voc_kV;      /* open-circuit (nominal) line-to-line voltage */
    double ibf_kA;      /* bolted three-phase fault current */
    double gap_mm;
    double distance_mm; /* working distance */
    double height_mm, width_mm, depth_mm; /* box only; depth <= 0: deep */
    double t_ms;        /* arc duration at the full arcing current */
    double t_min_ms;    /* arc duration at the reduced arcing current */
};

struct k3a_arc_out {
    enum k3a_arc_method method;
    uint32_t warnings;          /* K3A_ARC_WARN bits */
    int lv;                     /* Voc <= 0.6 kV (Eq 25, Eq 6, Eq 10) */
    double iarc_v[3];           /* Eq 1 at 600, 2700, 14300 V (kA) */
    double iarc_min_v[3];       /* Eq 2 applied (MV) */
    double iarc_kA, iarc_min_kA;
    double varcf;
    int open_air;
    enum k3a_enclosure enclosure;
    double width1_in, height1_in, ees_in, cf;
    double e_v[3], e_min_v[3];  /* J/cm2 at 600, 2700, 14300 V (MV) */
    double afb_v[3], afb_min_v[3];
    double e_J_cm2, e_min_J_cm2;
    double afb_mm, afb_min_mm;
    int governing;              /* 0 full, 1 reduced */
    double energy_J_cm2, energy_cal_cm2, afb_gov_mm;
};

/* Arcing currents, VarCf and the enclosure factor (time-independent). */
void k3a_arc_currents(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                      struct k3a_arc_out *out);

/* Incident energies and boundaries at in->t_ms and in->t_min_ms, after
 * k3a_arc_currents() on the same out; picks the governing case. */
void k3a_arc_energy(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                    struct k3a_arc_out *out);

/* Both steps. */
void k3a_arc_compute(const struct k3a_arc_model *m, const struct k3a_arc_in *in,
                     struct k3a_arc_out *out);

/* NFPA 70E: "0" (no arc-rated clothing needed), "1".."4", or "dangerous":
 * the lowest category whose minimum arc rating covers the energy. */
const char *k3a_ppe_category(const struct k3a_arc_model *m, double cal_cm2);

/* Approach boundaries for a nominal line-to-line voltage; 0 = none. */
int k3a_approach(const struct k3a_arc_model *m, double voltage_V,
                 double *limited_movable_mm, double *limited_fixed_mm,
                 double *restricted_mm);

#endif /* K3A_ARCFLASH_H */
