/*
 * site.h - the site model: one installation as the tester found it.
 *
 * Plain structs filled by the loader (load.h) from a site file in the format
 * of docs/site-format.md.  struct k3a_site owns everything reachable from it;
 * k3a_site_release() frees it all.  The elements' names, texts and
 * references live in one pool of the site's, freed only as a whole by
 * k3a_site_release(): never free one of them; a text a caller puts in a
 * field in their place stays the caller's to free.  Units are the last part of every field
 * name (see units.h); the INI keys use the same suffixes.
 *
 * Presence: every element keeps a bitmask of the keys the file gave
 * (k3a_elem.given); defaults the loader filled in are listed in
 * k3a_site.defaults so the workbook can mark them.
 */
#ifndef K3A_SITE_H
#define K3A_SITE_H

#include <stddef.h>
#include <stdint.h>

/* Every section kind of the site format, in the order the workbook lists
 * them.  K3A_KIND_SUPPLY and K3A_KIND_BUS are "nodes" of the network. */
/* clang-format off */
#define K3A_KIND_MAP(X)                                                      \
    X(SITE,         "site")                                                  \
    X(SCENARIO,     "scenario")                                              \
    X(SUPPLY,       "supply")                                                \
    X(GENERATOR,    "generator")                                             \
    X(TRANSFORMER,  "transformer")                                           \
    X(BUS,          "bus")                                                   \
    X(CABLE,        "cable")                                                 \
    X(DEVICE,       "device")                                                \
    X(CAPACITOR,    "capacitor")                                             \
    X(LOAD,         "load")                                                  \
    X(INSTRUMENT,   "instrument")                                            \
    X(EARTHING,     "earthing")                                              \
    X(SOIL,         "soil")                                                  \
    X(INSULATION,   "insulation")                                            \
    X(LOOP,         "loop")                                                  \
    X(RCD,          "rcd")                                                   \
    X(THERMOGRAPHY, "thermography")                                          \
    X(PQ,           "pq")                                                    \
    X(LIGHTNING,    "lightning")                                             \
    X(BILL,         "bill")                                                  \
    X(OBSERVATION,  "observation")                                           \
    X(HAZARD,       "hazard")                                                \
    X(VARIANT,      "variant")
/* clang-format on */

enum k3a_kind {
#define K3A_X(id, word) K3A_KIND_##id,
    K3A_KIND_MAP(K3A_X)
#undef K3A_X
        K3A_KIND_COUNT
};

/* The section word of a kind ("bus"); "?" for junk. */
const char *k3a_kind_name(enum k3a_kind kind);

/* ---- value types --------------------------------------------------- */

struct k3a_date {
    int y, m, d; /* y == 0: no date */
};

/* A reference to another element by name, resolved by the loader. */
struct k3a_ref {
    char *name;         /* as written; NULL = not given */
    enum k3a_kind kind; /* resolved kind */
    int32_t idx;        /* index in that kind's array; -1 = unresolved */
};

struct k3a_ref_list {
    struct k3a_ref *v;
    size_t n;
};

/* A reading that may be beyond the instrument's range: ">2000" is
 * value 2000, cmp +1 ("more than"); "<0.01" is cmp -1. */
struct k3a_reading {
    double value;
    int cmp; /* 0 exact, +1 more than value, -1 less than value */
};

struct k3a_reading_list {
    struct k3a_reading *v;
    size_t n;
};

/* x:y pairs (distance_m:ohm, spacing_m:ohm, I_A:t_s ...). */
struct k3a_pairs {
    double *x, *y;
    size_t n;
};

/* YYYY-MM-DD:value pairs (previous measurements). */
struct k3a_dated {
    struct k3a_date *date;
    double *value;
    size_t n;
};

/* label:reading pairs (insulation readings "L1-PE:850"). */
struct k3a_labelled {
    char **label;
    struct k3a_reading *value;
    size_t n;
};

struct k3a_strings {
    char **v;
    size_t n;
};

/* One "key = value" line as the file gave it, kept so diagnostics found
 * after loading can point at the line, and the Input sheet can echo it. */
struct k3a_keyline {
    uint16_t key; /* index in the kind's key table (see k3a_kind_keys) */
    int line;
};

/* Common head of every element. */
struct k3a_elem {
    char *name;  /* NULL for [site] and [scenario] */
    int line;    /* line of the section header */
    uint64_t given; /* bit k: key k of the kind's table was given */
    uint64_t hinted; /* bit k: a misspelt key was taken to mean key k */
    int bad_lines;   /* lines of this section that could not be read */
    struct k3a_keyline *lines;
    uint16_t n_lines, cap_lines;
    char *label, *note, *photo;      /* every section */
    char *make, *model, *serial;     /* equipment sections */
    int year;
};

/* Head of every measurement section (after k3a_elem). */
struct k3a_meas {
    struct k3a_ref_list instrument;
    struct k3a_date test_date; /* defaulted to the audit date */
};

/* ---- enumerations (keywords become enums at load time) -------------- */

enum k3a_inspection_type {
    K3A_INSPECT_INITIAL, K3A_INSPECT_PERIODIC, K3A_INSPECT_AFTER_CHANGE,
    K3A_INSPECT_AFTER_INCIDENT
};
enum k3a_sector {
    K3A_SECTOR_INDUSTRI, K3A_SECTOR_KANTOR, K3A_SECTOR_HOTEL,
    K3A_SECTOR_RUMAH_SAKIT, K3A_SECTOR_MALL, K3A_SECTOR_SEKOLAH,
    K3A_SECTOR_LAINNYA
};
enum k3a_earthing_system {
    K3A_ES_TN_S, K3A_ES_TN_C, K3A_ES_TN_C_S, K3A_ES_TT, K3A_ES_IT
};
enum k3a_lang { K3A_LANG_ID, K3A_LANG_EN };
enum k3a_gen_mode { K3A_GEN_STANDBY, K3A_GEN_PARALLEL };
enum k3a_equipment {
    K3A_EQ_SWITCHGEAR, K3A_EQ_SWITCHBOARD, K3A_EQ_PANELBOARD, K3A_EQ_MCC,
    K3A_EQ_JUNCTION_BOX, K3A_EQ_OPEN_AIR
};
enum k3a_access { K3A_ACCESS_AUTHORIZED, K3A_ACCESS_PUBLIC };
enum k3a_electrode {
    K3A_ELECTRODE_VCB, K3A_ELECTRODE_VCBB, K3A_ELECTRODE_HCB,
    K3A_ELECTRODE_VOA, K3A_ELECTRODE_HOA
};
enum k3a_material { K3A_MAT_CU, K3A_MAT_AL };
enum k3a_insulation_type { K3A_INS_PVC, K3A_INS_XLPE };
enum k3a_method {
    K3A_METHOD_A1, K3A_METHOD_A2, K3A_METHOD_B1, K3A_METHOD_B2, K3A_METHOD_C,
    K3A_METHOD_D1, K3A_METHOD_D2, K3A_METHOD_E, K3A_METHOD_F
};
enum k3a_arrangement {
    K3A_ARR_BUNCHED, K3A_ARR_WALL, K3A_ARR_TRAY, K3A_ARR_LADDER
};
enum k3a_device_type {
    K3A_DEV_MCB, K3A_DEV_MCCB, K3A_DEV_ACB, K3A_DEV_FUSE, K3A_DEV_RELAY
};
enum k3a_curve {
    K3A_CURVE_B, K3A_CURVE_C, K3A_CURVE_D, K3A_CURVE_IEC_SI,
    K3A_CURVE_IEC_VI, K3A_CURVE_IEC_EI, K3A_CURVE_IEC_LTI, K3A_CURVE_IEEE_MI,
    K3A_CURVE_IEEE_VI, K3A_CURVE_IEEE_EI, K3A_CURVE_DT
};
enum k3a_load_kind {
    K3A_LOAD_MOTOR, K3A_LOAD_LIGHTING, K3A_LOAD_HVAC, K3A_LOAD_SOCKET,
    K3A_LOAD_HEATER, K3A_LOAD_PROCESS, K3A_LOAD_OTHER
};
enum k3a_ie_class { K3A_IE1, K3A_IE2, K3A_IE3, K3A_IE4 };
enum k3a_starting {
    K3A_START_DOL, K3A_START_STAR_DELTA, K3A_START_SOFT, K3A_START_VSD
};
enum k3a_instrument_type {
    K3A_INSTR_EARTH, K3A_INSTR_INSULATION, K3A_INSTR_LOOP, K3A_INSTR_RCD,
    K3A_INSTR_MULTIFUNCTION, K3A_INSTR_CLAMP, K3A_INSTR_THERMAL_CAMERA,
    K3A_INSTR_PQ, K3A_INSTR_LUX, K3A_INSTR_OTHER
};
enum k3a_earth_purpose {
    K3A_EARTH_SYSTEM, K3A_EARTH_EQUIPMENT, K3A_EARTH_LIGHTNING,
    K3A_EARTH_COMBINED
};
enum k3a_electrode_type {
    K3A_ELEC_ROD, K3A_ELEC_GRID, K3A_ELEC_PLATE, K3A_ELEC_STRIP, K3A_ELEC_RING
};
enum k3a_earth_method {
    K3A_EM_FALL_OF_POTENTIAL, K3A_EM_SLOPE, K3A_EM_CLAMP, K3A_EM_TWO_POINT
};
enum k3a_soil_method { K3A_SOIL_WENNER, K3A_SOIL_SCHLUMBERGER };
enum k3a_season { K3A_SEASON_WET, K3A_SEASON_DRY };
enum k3a_ir_equipment {
    K3A_IREQ_INSTALLATION, K3A_IREQ_CABLE, K3A_IREQ_MOTOR,
    K3A_IREQ_TRANSFORMER
};
enum k3a_ins_class { K3A_CLASS_A, K3A_CLASS_B, K3A_CLASS_F, K3A_CLASS_H };
enum k3a_rcd_type { K3A_RCD_AC, K3A_RCD_A, K3A_RCD_F, K3A_RCD_B };
enum k3a_lightning_type {
    K3A_LPS_CONVENTIONAL, K3A_LPS_ESE, K3A_LPS_MESH, K3A_LPS_OTHER
};
enum k3a_conductor_material { K3A_COND_CU, K3A_COND_AL, K3A_COND_STEEL };
enum k3a_continuity { K3A_CONT_OK, K3A_CONT_DEFECT };
enum k3a_obs_status {
    K3A_OBS_OK, K3A_OBS_DEFECT, K3A_OBS_ABSENT, K3A_OBS_NA
};
enum k3a_hazard_kind {
    K3A_HZ_SHOCK_DIRECT, K3A_HZ_SHOCK_INDIRECT, K3A_HZ_FIRE,
    K3A_HZ_EXPLOSION, K3A_HZ_ARC_FLASH, K3A_HZ_LIGHTNING, K3A_HZ_OTHER
};
enum k3a_control_level {
    K3A_CTRL_ELIMINASI, K3A_CTRL_SUBSTITUSI, K3A_CTRL_REKAYASA,
    K3A_CTRL_ADMINISTRATIF, K3A_CTRL_APD
};

/* ---- sections -------------------------------------------------------- */

struct k3a_site_info {
    struct k3a_elem hdr;
    char *name;
    struct k3a_date audit_date;
    char *address, *company, *auditor, *auditor_licence, *inspection_body;
    enum k3a_inspection_type inspection_type;
    struct k3a_date previous_inspection;
    char *permit_no;
    enum k3a_sector sector;
    double floor_area_m2;
    enum k3a_earthing_system earthing_system;
    double frequency_Hz;
    enum k3a_lang lang;
    char *limits;        /* rule set in models/ ("puil2011") */
    char *risk_profile;  /* "as_nzs_4360" */
    char *grid;          /* emission factor row; "jamali" */
    double lv_tolerance_pct; /* 6 or 10 (IEC 60909 Table 1) */
    int motor_contribution;
    double arc_time_max_s;
    /* the attestation (Pengesahan) block and the page header */
    char *report_no, *company_rep, *company_rep_title, *sign_place, *scope;
    char *id;            /* the site's id in the audit history (default: name) */
};

struct k3a_scenario {
    struct k3a_elem hdr;
    char *title, *story, *task;
};

struct k3a_supply {
    struct k3a_elem hdr;
    double voltage_kV;
    double fault_level_MVA;
    double fault_current_kA;
    double fault_level_min_MVA;
    double x_over_r;
    char *tariff;
    double contracted_kVA;
};

struct k3a_generator {
    struct k3a_elem hdr;
    struct k3a_ref bus;
    double rating_kVA, voltage_kV, power_factor, xd2_pct, x_over_r;
    enum k3a_gen_mode mode;
};

struct k3a_transformer {
    struct k3a_elem hdr;
    struct k3a_ref from, to;
    double rating_kVA, primary_kV, secondary_kV, impedance_pct, x_over_r;
    char *vector_group;
    double no_load_loss_W, load_loss_W;
    int closed;
};

struct k3a_bus {
    struct k3a_elem hdr;
    double voltage_kV;
    enum k3a_equipment equipment;
    int phases;
    double rated_A, withstand_kA;
    char *ip_rating, *location;
    enum k3a_access access;
    int wet;
    enum k3a_electrode electrode;
    double gap_mm, working_distance_mm, height_mm, width_mm, depth_mm;
};

struct k3a_cable {
    struct k3a_elem hdr;
    struct k3a_ref from, to;
    double size_mm2, length_m;
    enum k3a_material material;
    enum k3a_insulation_type insulation;
    int cores, phases, parallel;
    enum k3a_method method;
    enum k3a_arrangement arrangement;
    int grouped;
    double ambient_C;
    struct k3a_reading_list measured_A; /* one value, or L1 L2 L3 */
    double neutral_A;
    int closed;
    double r_ohm_km, x_ohm_km;
};

struct k3a_device {
    struct k3a_elem hdr;
    struct k3a_ref at, protects;
    enum k3a_device_type type;
    double rating_A, breaking_kA;
    enum k3a_curve curve;
    double pickup_A, tms, definite_time_s, short_time_A, short_time_s;
    double instantaneous_A, opening_ms;
    struct k3a_pairs tcc; /* I_A : t_s, total clearing time */
    double rcd_mA;
};

struct k3a_capacitor {
    struct k3a_elem hdr;
    struct k3a_ref bus;
    double rated_kvar, voltage_kV;
    int steps;
    double working_kvar;
    int detuned;
};

struct k3a_load {
    struct k3a_elem hdr;
    struct k3a_ref bus; /* filled from the feeding cable when omitted */
    double rated_kW;
    enum k3a_load_kind kind;
    int quantity, phases;
    double power_factor, efficiency_pct;
    enum k3a_ie_class ie_class;
    int poles;
    double load_factor, demand_factor, hours_per_year;
    enum k3a_starting starting;
    double overload_A, area_m2, measured_lux, required_lux;
    char *space;               /* SNI 6197 space type ([lpd] row) */
    double voltage_kV;         /* motor rated voltage (default: the bus's) */
    double locked_rotor_ratio; /* motor I_LR / I_rM (default: models) */
};

struct k3a_instrument {
    struct k3a_elem hdr;
    enum k3a_instrument_type type;
    struct k3a_date calibrated, calibration_due;
};

struct k3a_earthing {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    enum k3a_earth_purpose purpose;
    struct k3a_ref bus;
    enum k3a_electrode_type electrode;
    struct k3a_reading measured_ohm;
    enum k3a_earth_method method;
    struct k3a_pairs readings; /* distance_m : ohm */
    double current_probe_m;
    double rod_length_m, rod_diameter_mm;
    int rod_count;
    double rod_spacing_m;
    struct k3a_ref soil;
    double seasonal_factor;
    struct k3a_dated previous_ohm;
};

/* Spacings of one soil survey that k3audit evaluates (a Wenner or
 * Schlumberger survey has 4-12; more is an error, not a silent cut). */
#define K3A_SOIL_MAX_POINTS 32

struct k3a_soil {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    enum k3a_soil_method method;
    struct k3a_pairs readings;    /* spacing_m : ohm */
    struct k3a_pairs resistivity; /* spacing_m : ohm_m */
    double probe_depth_m, potential_spacing_m;
    enum k3a_season season;
};

struct k3a_insulation {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    struct k3a_ref circuit;
    char *location;
    double nominal_V, test_V;
    enum k3a_ir_equipment equipment;
    struct k3a_labelled readings_Mohm;
    struct k3a_reading r30s_Mohm, r1min_Mohm, r10min_Mohm;
    double temperature_C;
    enum k3a_ins_class insulation_class;
    struct k3a_dated previous_Mohm;
};

struct k3a_loop {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    struct k3a_ref circuit;
    char *location;
    struct k3a_ref device;
    double zs_ohm, psc_kA, pe_ohm;
    struct k3a_reading touch_V;
};

struct k3a_rcd {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    struct k3a_ref device, bus;
    double rated_mA;
    enum k3a_rcd_type type;
    int selective;
    struct k3a_reading trip_ms_1x, trip_ms_5x, trip_mA;
    int tripped_at_half;
};

struct k3a_thermography {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    struct k3a_ref bus;
    char *location, *component;
    double temp_C, reference_C, ambient_C, load_pct;
};

struct k3a_pq {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    struct k3a_ref bus;
    struct k3a_reading_list voltage_V, current_A;
    double neutral_A, power_factor, thd_v_pct, thd_i_pct, demand_kW;
    double duration_h;
};

struct k3a_lightning {
    struct k3a_elem hdr;
    struct k3a_meas meas;
    enum k3a_lightning_type type;
    int air_terminals;
    double terminal_height_m, structure_height_m;
    int down_conductors;
    double down_conductor_mm2;
    enum k3a_conductor_material down_conductor_material;
    enum k3a_continuity continuity;
    struct k3a_ref_list earthing;
    int separate_earth, counter;
    struct k3a_date last_test;
    int struck;
    char *location;
};

struct k3a_bill {
    struct k3a_elem hdr; /* name is the month, YYYY-MM */
    int year, month;
    double kWh_lwbp, kWh_wbp, kWh, kvarh, peak_kW, cost_Rp, production, cdd;
};

struct k3a_observation {
    struct k3a_elem hdr;
    char *item; /* an id of the checklist in models/ */
    enum k3a_obs_status status;
    struct k3a_ref bus;
    char *location;
};

struct k3a_hazard {
    struct k3a_elem hdr;
    char *description, *activity;
    enum k3a_hazard_kind kind;
    struct k3a_ref bus;
    char *location;
    int likelihood, severity;
    char *controls_existing, *control_proposed;
    enum k3a_control_level control_level;
    int likelihood_after, severity_after;
    char *owner;
    struct k3a_date due;
};

struct k3a_variant {
    struct k3a_elem hdr;
    char *title, *story;
    struct k3a_strings set, drop; /* "kind.name.key=value", "kind.name" */
};

/* A default the loader applied: shown on the Input sheet. */
struct k3a_default {
    enum k3a_kind kind;
    int32_t idx;
    uint16_t key;
    const char *source; /* static text: the clause or table it comes from */
};

/* A name → element index (case-insensitive); private to the library:
 * use k3a_site_find(). */
struct k3a_name_index;

#define K3A_DECLARE_ARRAY(type, field)                                      \
    type *field;                                                             \
    size_t n_##field, cap_##field

struct k3a_site {
    char *path;                 /* the file it was loaded from */
    unsigned char sha256[32];   /* of the file's bytes */

    struct k3a_site_info site;
    struct k3a_scenario scenario;
    K3A_DECLARE_ARRAY(struct k3a_supply, supplies);
    K3A_DECLARE_ARRAY(struct k3a_generator, generators);
    K3A_DECLARE_ARRAY(struct k3a_transformer, transformers);
    K3A_DECLARE_ARRAY(struct k3a_bus, buses);
    K3A_DECLARE_ARRAY(struct k3a_cable, cables);
    K3A_DECLARE_ARRAY(struct k3a_device, devices);
    K3A_DECLARE_ARRAY(struct k3a_capacitor, capacitors);
    K3A_DECLARE_ARRAY(struct k3a_load, loads);
    K3A_DECLARE_ARRAY(struct k3a_instrument, instruments);
    K3A_DECLARE_ARRAY(struct k3a_earthing, earthings);
    K3A_DECLARE_ARRAY(struct k3a_soil, soils);
    K3A_DECLARE_ARRAY(struct k3a_insulation, insulations);
    K3A_DECLARE_ARRAY(struct k3a_loop, loops);
    K3A_DECLARE_ARRAY(struct k3a_rcd, rcds);
    K3A_DECLARE_ARRAY(struct k3a_thermography, thermographies);
    K3A_DECLARE_ARRAY(struct k3a_pq, pqs);
    K3A_DECLARE_ARRAY(struct k3a_lightning, lightnings);
    K3A_DECLARE_ARRAY(struct k3a_bill, bills);
    K3A_DECLARE_ARRAY(struct k3a_observation, observations);
    K3A_DECLARE_ARRAY(struct k3a_hazard, hazards);
    K3A_DECLARE_ARRAY(struct k3a_variant, variants);
    K3A_DECLARE_ARRAY(struct k3a_default, defaults);
    struct k3a_name_index *names; /* private: the names of the elements */
    /* Set keep_bytes (after k3a_site_init, before loading) when the
     * audit history will store the site: k3a_site_load_file then keeps
     * the file's bytes in bytes/n_bytes, which sha256 is of (NULL
     * otherwise, and after k3a_site_load_text: sha256 is then of the text,
     * which the caller holds).  k3a_site_release frees them. */
    int keep_bytes;
    char *bytes;
    size_t n_bytes;
};

void k3a_site_init(struct k3a_site *site);
void k3a_site_release(struct k3a_site *site);

/* Number of elements of a kind (1/0 for site and scenario). */
size_t k3a_site_count(const struct k3a_site *site, enum k3a_kind kind);

/* The head of element idx of a kind; NULL when out of range. */
const struct k3a_elem *k3a_site_elem(const struct k3a_site *site,
                                     enum k3a_kind kind, size_t idx);

/* Finds an element by name (case-insensitive).  Returns 1 and fills
 * kind/idx when found. */
int k3a_site_find(const struct k3a_site *site, const char *name,
                  enum k3a_kind *kind, int32_t *idx);

/* Was key (by name) given in the file for this element? */
int k3a_elem_given(enum k3a_kind kind, const struct k3a_elem *e,
                   const char *key);

/* The line a key was given on; 0 when not given. */
int k3a_elem_key_line(const struct k3a_elem *e, unsigned key);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void k3a_hex(const unsigned char *b, size_t n, char *out);

/* Days since 1970-01-01 for a date (proleptic Gregorian). */
long k3a_date_days(struct k3a_date d);

/* The text form of one key's value of an element, as a site file would
 * write it (lists joined with ", ").  Returns 1 when the element has a
 * value for the key (given, or a default applied), 0 otherwise; *is_default
 * tells which.  key is the index in the kind's key table. */
int k3a_site_value_text(const struct k3a_site *site, enum k3a_kind kind,
                        size_t idx, unsigned key, char *buf, size_t n,
                        int *is_default);

/* The key table, for documentation and the Input sheet. */
size_t k3a_kind_key_count(enum k3a_kind kind);
const char *k3a_kind_key_name(enum k3a_kind kind, unsigned key);
const char *k3a_kind_key_unit(enum k3a_kind kind, unsigned key);
const char *k3a_kind_key_doc(enum k3a_kind kind, unsigned key);
const char *k3a_kind_doc(enum k3a_kind kind);
/* Describes a key for the reference: type, range, default, flags. */
void k3a_kind_key_describe(enum k3a_kind kind, unsigned key, char *buf,
                           size_t n);

/* The source text of a default the loader applied to this key of this
 * element, or NULL when it was given or took a constant default. */
const char *k3a_site_default_source(const struct k3a_site *site,
                                    enum k3a_kind kind, size_t idx,
                                    unsigned key);

#endif /* K3A_SITE_H */
