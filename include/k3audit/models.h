/*
 * models.h - data tables from models/: limits, coefficient tables,
 * equipment defaults, checklists.  Each file names its source, clause,
 * year and confidence; all are loaded and validated like site files.
 *
 * The tables are built into the program (so an installed k3audit works
 * from any folder); k3a_models_load() with a directory reads the *.ini
 * files found there instead of the built-in ones of the same name.
 */
#ifndef K3A_MODELS_H
#define K3A_MODELS_H

#include <stddef.h>

#include "k3audit/diag.h"
#include "k3audit/site.h"

struct k3a_model_meta {
    struct k3a_elem hdr;
    char *id, *title, *source, *clause, *version, *confidence, *note;
    int year;
};

/* A named scalar limit or constant: [param NAME]. */
struct k3a_param {
    struct k3a_elem hdr;
    double value;
    char *unit, *clause, *confidence, *note;
};

/* Earthing resistance limit by purpose: [earthing NAME]. */
struct k3a_earth_limit {
    struct k3a_elem hdr;
    enum k3a_earth_purpose purpose;
    double max_ohm;
    char *clause, *confidence, *note;
};

/* Insulation resistance row (PUIL 2011 Tabel 6A): [insulation NAME]. */
struct k3a_ir_limit {
    struct k3a_elem hdr;
    double max_nominal_V, test_V, min_Mohm;
    char *clause, *confidence, *note;
};

enum k3a_supply_kind { K3A_SUPPLY_PUBLIC, K3A_SUPPLY_PRIVATE };
enum k3a_vdrop_use { K3A_USE_LIGHTING, K3A_USE_OTHER };

/* Voltage-drop limit: [vdrop NAME]. */
struct k3a_vdrop_limit {
    struct k3a_elem hdr;
    enum k3a_supply_kind supply;
    enum k3a_vdrop_use use;
    double max_pct;
    char *clause, *confidence, *note;
};

enum k3a_disc_system { K3A_DISC_TN, K3A_DISC_TT };

/* Maximum disconnection time row (IEC 60364-4-41 Table 41.1). */
struct k3a_disc_limit {
    struct k3a_elem hdr;
    enum k3a_disc_system system;
    double u0_above_V, u0_max_V, final_s;
    char *clause, *confidence, *note;
};

/* IEEE 1584-2018 Table 8/10 equipment class: [class NAME]. */
struct k3a_equip_class {
    struct k3a_elem hdr;
    char *equipment; /* comma list of bus `equipment` words */
    double kv_above, kv_max;
    double gap_mm, height_mm, width_mm, depth_mm, working_distance_mm;
    enum k3a_electrode electrode;
    char *reason, *clause, *note;
};

enum k3a_obs_group { K3A_OBS_PHYSICAL, K3A_OBS_DOCUMENT };

/* Observation checklist item: [item NAME]. */
struct k3a_obs_item {
    struct k3a_elem hdr;
    char *label_id, *label_en;
    enum k3a_obs_group group;
    char *clause, *note;
};

/* Typical transformer impedance by rating: [typical NAME]. */
struct k3a_tx_typical {
    struct k3a_elem hdr;
    double kva_max, impedance_pct, x_over_r;
    char *clause, *confidence, *note;
};

/* Conductor resistance (IEC 60228): [conductor NAME]. */
struct k3a_conductor {
    struct k3a_elem hdr;
    enum k3a_material material;
    double size_mm2, r20_ohm_km;
    char *clause;
};

/* Inverse-time curve t = TMS (k / (M^alpha - 1) + c): [curve NAME], the
 * name being the site keyword (IEC_SI, IEEE_VI, ...). */
struct k3a_curve_coef {
    struct k3a_elem hdr;
    double k, alpha, c;
    char *clause;
};

/* MCB magnetic band (IEC 60898-1): [mcb B|C|D]. */
struct k3a_mcb_band {
    struct k3a_elem hdr;
    double low_multiple, high_multiple;
    char *clause;
};

/* IEEE 1584-2018 Table 1 row: [iarc NAME]. */
struct k3a_af_iarc {
    struct k3a_elem hdr;
    enum k3a_electrode electrode;
    double voc_kV;
    double k1, k2, k3, k4, k5, k6, k7, k8, k9, k10;
    char *clause;
};

/* IEEE 1584-2018 Table 2 row: [varcf NAME]. */
struct k3a_af_varcf {
    struct k3a_elem hdr;
    enum k3a_electrode electrode;
    double k1, k2, k3, k4, k5, k6, k7;
    char *clause;
};

/* IEEE 1584-2018 Tables 3-5 row: [energy NAME]. */
struct k3a_af_energy {
    struct k3a_elem hdr;
    enum k3a_electrode electrode;
    double voc_kV;
    double k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13;
    char *clause;
};

enum k3a_enclosure { K3A_ENCL_TYPICAL, K3A_ENCL_SHALLOW };

/* IEEE 1584-2018 Table 7 row: [cf NAME]. */
struct k3a_af_cf {
    struct k3a_elem hdr;
    enum k3a_enclosure enclosure;
    enum k3a_electrode electrode;
    double b1, b2, b3;
    char *clause;
};

/* IEEE 1584-2018 Eqs 11-12 constants: [ees NAME]. */
struct k3a_af_ees {
    struct k3a_elem hdr;
    enum k3a_electrode electrode;
    double a, b;
    char *clause;
};

/* NFPA 70E PPE category: [ppe NAME]. */
/* Rows of the NFPA 70E PPE-category and approach-boundary tables the
 * arc-flash model holds; a model file with more is an error at load. */
#define K3A_NFPA_ROWS_MAX 8

struct k3a_ppe_cat {
    struct k3a_elem hdr;
    int category;
    double max_cal_cm2;
    char *clause;
};

/* NFPA 70E approach boundaries: [approach NAME]. */
struct k3a_approach {
    struct k3a_elem hdr;
    double v_above_V, v_max_V;
    double limited_movable_mm, limited_fixed_mm, restricted_mm;
    char *clause;
};

/* IEEE 519-2014 Table 2 TDD limit row: [tdd NAME]. */
struct k3a_tdd_row {
    struct k3a_elem hdr;
    double isc_il_max, tdd_max_pct;
    char *clause;
};

/* NETA thermography priority: [thermo NAME]. */
struct k3a_thermo_row {
    struct k3a_elem hdr;
    int priority;
    double similar_over_C, ambient_over_C; /* 0 = not given: no threshold */
    char *clause;
};

/* IEEE 142 rods-in-parallel factor: [rodfactor NAME]. */
struct k3a_rodfactor {
    struct k3a_elem hdr;
    int rods;
    double factor;
    char *clause;
};

/* Cable capacity row, IEC 60364-5-52 Annex B: [ampacity NAME].  Sizes
 * ascending; a size not listed has no capacity. */
struct k3a_ampacity_row {
    struct k3a_elem hdr;
    enum k3a_material material;
    enum k3a_insulation_type insulation;
    int loaded; /* loaded conductors, 2 or 3 */
    enum k3a_method method;
    struct k3a_reading_list sizes_mm2, iz_A;
    char *clause, *confidence, *note;
};

enum k3a_medium { K3A_MEDIUM_AIR, K3A_MEDIUM_GROUND };

/* Ambient temperature factor, Tables B.52.14/15: [ambient NAME]. */
struct k3a_ambient_row {
    struct k3a_elem hdr;
    enum k3a_medium medium;
    enum k3a_insulation_type insulation;
    struct k3a_reading_list temperatures_C, factors;
    char *clause, *confidence, *note;
};

/* Grouping rows: the site's four arrangements plus the models-only rows. */
enum k3a_group_row {
    K3A_GROUP_BUNCHED, K3A_GROUP_WALL, K3A_GROUP_TRAY, K3A_GROUP_LADDER,
    K3A_GROUP_CEILING, K3A_GROUP_GROUND_DIRECT, K3A_GROUP_GROUND_DUCT
};

/* Grouping factor, Tables B.52.17-19: [grouping NAME]. */
struct k3a_grouping_row {
    struct k3a_elem hdr;
    enum k3a_group_row arrangement;
    struct k3a_reading_list circuits, factors;
    int beyond_last; /* 1: the last factor holds for more circuits */
    char *clause, *confidence, *note;
};

/* Adiabatic k, IEC 60364-4-43 Table 43A: [adiabatic NAME]. */
struct k3a_adiabatic {
    struct k3a_elem hdr;
    enum k3a_material material;
    enum k3a_insulation_type insulation;
    double k;
    char *clause, *confidence, *note;
};

/* Conventional tripping current I2 = factor x In: [i2 NAME]. */
struct k3a_i2_row {
    struct k3a_elem hdr;
    enum k3a_device_type type;
    double rating_max_A, factor;
    char *clause, *confidence, *note;
};

/* Default power factor of a load kind: [loadkind KIND]. */
struct k3a_loadkind {
    struct k3a_elem hdr;
    double power_factor;
    char *clause, *confidence, *note;
};

/* Motor minimum efficiency, IEC 60034-30-1: [motoreff NAME]. */
struct k3a_motoreff {
    struct k3a_elem hdr;
    int poles;
    enum k3a_ie_class ie_class;
    struct k3a_reading_list kw, eff_pct;
    char *clause, *confidence, *note;
};

/* Risk profile scales: [likelihood NAME] and [severity NAME]. */
struct k3a_scale_row {
    struct k3a_elem hdr;
    int score;
    char *label_id, *label_en, *description_id, *description_en;
};

enum k3a_risk_level { K3A_RISK_LOW, K3A_RISK_MEDIUM, K3A_RISK_HIGH,
                      K3A_RISK_EXTREME };

/* Risk band: [band NAME]. */
struct k3a_band {
    struct k3a_elem hdr;
    char *label_id, *label_en;
    enum k3a_risk_level level;
    char *action_id, *action_en, *color;
    int due_days;
    char *note;
};

/* One likelihood row of the 5 x 5 table: [row NAME], s1..s5 name bands. */
struct k3a_matrix_row {
    struct k3a_elem hdr;
    int likelihood;
    char *s1, *s2, *s3, *s4, *s5;
};

/* Hierarchy of controls: [control NAME] (name = site control_level word). */
struct k3a_control_row {
    struct k3a_elem hdr;
    int rank;
    char *label_id, *label_en, *description_id, *description_en;
};

/* Finding -> hazard rule: [rule NAME]. */
struct k3a_rule {
    struct k3a_elem hdr;
    char *check, *on, *earthing_purpose;
    double measured_above, measured_max;
    double ratio_from;  /* measured / limit >= this, or not known */
    double ratio_below; /* measured / limit < this (both known) */
    int priority;       /* thermography: this NETA priority only; 0 any */
    enum k3a_hazard_kind hazard;
    char *hazard_id, *hazard_en, *risk_id, *risk_en, *activity_id,
        *activity_en;
    int likelihood, severity;
    enum k3a_control_level control;
    char *control_id, *control_en;
    int likelihood_after, severity_after;
    char *basis, *confidence, *note;
};

enum k3a_modifier_when {
    K3A_WHEN_ACCESS_PUBLIC, K3A_WHEN_WET, K3A_WHEN_OBS_BAD, K3A_WHEN_OBS_OK,
    K3A_WHEN_RCD_AT_BUS
};

/* Likelihood modifier: [modifier NAME]. */
struct k3a_modifier {
    struct k3a_elem hdr;
    enum k3a_modifier_when when;
    char *item, *hazards;
    int likelihood;
    char *reason_id, *reason_en, *basis, *confidence, *note;
};

/* PLN tariff group: [tariff GROUP]. */
struct k3a_tariff {
    struct k3a_elem hdr;
    int tou;                 /* LWBP / WBP time of use */
    double lwbp_Rp, k_wbp, kvarh_Rp, pf_min, min_hours;
    struct k3a_date effective_from;
    char *clause, *confidence, *note;
};

/* Grid emission factor: [grid NAME]. */
struct k3a_grid {
    struct k3a_elem hdr;
    double tco2_per_MWh;
    int data_year;
    char *clause, *confidence, *note;
};

/* IKE benchmark by sector: [ike SECTOR]. */
struct k3a_ike {
    struct k3a_elem hdr;
    double max_kWh_m2_year;
    char *clause, *confidence, *note;
};

/* Lighting power density limit: [lpd SPACE]. */
struct k3a_lpd {
    struct k3a_elem hdr;
    double max_W_m2, lux;
    char *clause, *confidence, *note;
};

/* One model file. */
struct k3a_model_file {
    char *file;    /* "models/x.ini" (built in) or the path read */
    int builtin;
    unsigned char sha256[32];
    struct k3a_model_meta meta;
    struct k3a_param *params;
    size_t n_params;
    struct k3a_earth_limit *earth;
    size_t n_earth;
    struct k3a_ir_limit *ir;
    size_t n_ir;
    struct k3a_vdrop_limit *vdrop;
    size_t n_vdrop;
    struct k3a_disc_limit *disc;
    size_t n_disc;
    struct k3a_equip_class *classes;
    size_t n_classes;
    struct k3a_obs_item *items;
    size_t n_items;
    struct k3a_tx_typical *typical;
    size_t n_typical;
    struct k3a_conductor *conductors;
    size_t n_conductors;
    struct k3a_curve_coef *curves;
    size_t n_curves;
    struct k3a_mcb_band *mcbs;
    size_t n_mcbs;
    struct k3a_af_iarc *af_iarc;
    size_t n_af_iarc;
    struct k3a_af_varcf *af_varcf;
    size_t n_af_varcf;
    struct k3a_af_energy *af_energy;
    size_t n_af_energy;
    struct k3a_af_cf *af_cf;
    size_t n_af_cf;
    struct k3a_af_ees *af_ees;
    size_t n_af_ees;
    struct k3a_ppe_cat *ppe;
    size_t n_ppe;
    struct k3a_approach *approach;
    size_t n_approach;
    struct k3a_tdd_row *tdd;
    size_t n_tdd;
    struct k3a_thermo_row *thermo;
    size_t n_thermo;
    struct k3a_rodfactor *rodf;
    size_t n_rodf;
    struct k3a_ampacity_row *ampacity;
    size_t n_ampacity;
    struct k3a_ambient_row *ambient;
    size_t n_ambient;
    struct k3a_grouping_row *grouping;
    size_t n_grouping;
    struct k3a_adiabatic *adiabatic;
    size_t n_adiabatic;
    struct k3a_i2_row *i2;
    size_t n_i2;
    struct k3a_loadkind *loadkind;
    size_t n_loadkind;
    struct k3a_motoreff *motoreff;
    size_t n_motoreff;
    struct k3a_scale_row *likelihood;
    size_t n_likelihood;
    struct k3a_scale_row *severity;
    size_t n_severity;
    struct k3a_band *bands;
    size_t n_bands;
    struct k3a_matrix_row *rows;
    size_t n_rows;
    struct k3a_control_row *controls;
    size_t n_controls;
    struct k3a_rule *rules;
    size_t n_rules;
    struct k3a_modifier *modifiers;
    size_t n_modifiers;
    struct k3a_tariff *tariffs;
    size_t n_tariffs;
    struct k3a_grid *grids;
    size_t n_grids;
    struct k3a_ike *ikes;
    size_t n_ikes;
    struct k3a_lpd *lpds;
    size_t n_lpds;
    struct k3a_name_index *names; /* private: the names of the rows */
};

struct k3a_models {
    struct k3a_model_file *files;
    size_t n;
};

void k3a_models_init(struct k3a_models *m);

/* Was this key given in a model row of the kind with this section word? */
int k3a_model_row_given(const char *kind_word, const struct k3a_elem *row,
                        const char *key);
void k3a_models_release(struct k3a_models *m);

/* Loads the built-in tables, with the *.ini files of dir (may be NULL)
 * replacing built-in files of the same name and adding new ones.  Every
 * problem is a diagnostic against the file it is in. */
enum k3a_status k3a_models_load(struct k3a_models *m, const char *dir,
                                struct k3a_diag_list *dl) K3A_NODISCARD;

/* The file whose [model] id is id; NULL if none. */
const struct k3a_model_file *k3a_models_find(const struct k3a_models *m,
                                             const char *id);

/* The limits set a site asks for ("puil2011" -> id "limits-puil2011"). */
const struct k3a_model_file *k3a_models_limits(const struct k3a_models *m,
                                               const char *name);

/* A [param] of a file; NULL when absent. */
const struct k3a_param *k3a_model_param(const struct k3a_model_file *f,
                                        const char *name);

/* The checklist item with this id, from any file; NULL when unknown. */
const struct k3a_obs_item *k3a_models_obs_item(const struct k3a_models *m,
                                               const char *id);

/* The IEEE 1584 equipment class for a bus's equipment and voltage; NULL
 * when no row applies (open air, or a voltage with no row). */
const struct k3a_equip_class *
k3a_models_equip_class(const struct k3a_models *m, enum k3a_equipment eq,
                       double voltage_kV);

/* Typical transformer row for a rating; NULL when none. */
const struct k3a_tx_typical *k3a_models_tx_typical(const struct k3a_models *m,
                                                   double rating_kVA);

/* A [param] of the file with this id; NULL when either is absent. */
const struct k3a_param *k3a_models_param(const struct k3a_models *m,
                                         const char *file_id,
                                         const char *name);

/* The IEC 60228 row for a conductor; NULL when the size is not listed. */
const struct k3a_conductor *k3a_models_conductor(const struct k3a_models *m,
                                                 enum k3a_material mat,
                                                 double size_mm2);

/* Relay curve coefficients by site keyword (IEC_SI ...); NULL if none. */
const struct k3a_curve_coef *k3a_models_curve(const struct k3a_models *m,
                                              const char *name);

/* MCB band by type letter ("B", "C", "D"); NULL if none. */
const struct k3a_mcb_band *k3a_models_mcb(const struct k3a_models *m,
                                          const char *letter);

#endif /* K3A_MODELS_H */
