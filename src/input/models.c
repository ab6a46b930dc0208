/*
 * models.c - loading and validating the data tables of models/.
 *
 * Every model file is INI in one schema (below): a [model] header naming
 * the source, clause, year, version and confidence, then rows of the kinds
 * that file needs.  The generic loader (ini_load.c) parses them with the
 * same strictness and diagnostics as site files; this file adds the checks
 * a table needs to be usable (a limits set must define every limit the
 * engine asks for, and so on).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "names.h"
#include "parse.h"
#include "schema.h"
#include "k3audit/arcflash.h"
#include "k3audit/models.h"
#include "keytab.h"

enum model_kind {
    MK_MODEL, MK_PARAM, MK_EARTH, MK_IR, MK_VDROP, MK_DISC, MK_CLASS,
    MK_ITEM, MK_TYPICAL, MK_COND, MK_CURVE, MK_MCB, MK_AF_IARC, MK_AF_VARCF,
    MK_AF_ENERGY, MK_AF_CF, MK_AF_EES, MK_PPE, MK_APPROACH, MK_TDD, MK_THERMO,
    MK_RODF, MK_AMPACITY, MK_AMBIENT, MK_GROUPING, MK_ADIABATIC, MK_I2,
    MK_LOADKIND, MK_MOTOREFF, MK_LIKELIHOOD, MK_SEVERITY, MK_BAND, MK_ROW,
    MK_CONTROL, MK_RULE, MK_MODIFIER, MK_TARIFF, MK_GRID, MK_IKE, MK_LPD,
    MK_COUNT
};

static const char *const w_purpose[] = { "system", "equipment", "lightning",
                                         "combined", NULL };
static const char *const w_supply[] = { "public", "private", NULL };
static const char *const w_use[] = { "lighting", "other", NULL };
static const char *const w_system[] = { "TN", "TT", NULL };
static const char *const w_electrode[] = { "VCB", "VCBB", "HCB", "VOA",
                                           "HOA", NULL };
static const char *const w_group[] = { "physical", "document", NULL };
static const char *const w_material[] = { "Cu", "Al", NULL };
static const char *const w_encl[] = { "typical", "shallow", NULL };
static const char *const w_box_ec[] = { "VCB", "VCBB", "HCB", NULL };
static const char *const w_insul[] = { "PVC", "XLPE", NULL };
static const char *const w_meth[] = { "A1", "A2", "B1", "B2", "C", "D1",
                                      "D2", "E", "F", NULL };
static const char *const w_medium[] = { "air", "ground", NULL };
static const char *const w_grow[] = { "bunched", "wall", "tray", "ladder",
                                      "ceiling", "ground_direct",
                                      "ground_duct", NULL };
static const char *const w_beyond[] = { "none", "hold", NULL };
static const char *const w_dev[] = { "mcb", "mccb", "acb", "fuse", "relay",
                                     NULL };
static const char *const w_ie[] = { "IE1", "IE2", "IE3", "IE4", NULL };
static const char *const w_level[] = { "low", "medium", "high", "extreme",
                                       NULL };
static const char *const w_hz[] = { "shock_direct", "shock_indirect", "fire",
                                    "explosion", "arc_flash", "lightning",
                                    "other", NULL };
static const char *const w_ctrl[] = { "eliminasi", "substitusi", "rekayasa",
                                      "administratif", "apd", NULL };
static const char *const w_when[] = { "access_public", "wet",
                                      "observation_bad", "observation_ok",
                                      "rcd_at_bus", NULL };
static const char *const w_lkind[] = { "motor", "lighting", "hvac", "socket",
                                       "heater", "process", "other", NULL };

#define SRC(T)                                                               \
    S(T, clause, REQ, "pasal / tabel sumber"),                               \
    S(T, confidence, REQ, "tingkat keyakinan: C, S, M, I"),                  \
    S(T, note, 0, "catatan")

/* clang-format off */
#define T struct k3a_model_meta
static const struct k3a__key meta_keys[] = {
    S(T, id, REQ, "identitas tabel"),
    S(T, title, REQ, "judul"),
    S(T, source, REQ, "sumber (standar / peraturan, edisi)"),
    S(T, clause, 0, "pasal / tabel"),
    I(T, year, 1900, 2100, REQ, 0, "tahun sumber"),
    S(T, version, REQ, "versi tabel"),
    S(T, confidence, REQ, "tingkat keyakinan"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_param
static const struct k3a__key param_keys[] = {
    D(T, value, "", -BIG, BIG, REQ, 0, "nilai"),
    S(T, unit, REQ, "satuan"),
    S(T, clause, REQ, "pasal / tabel sumber"),
    S(T, confidence, REQ, "tingkat keyakinan: C, S, M, I"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_earth_limit
static const struct k3a__key earth_keys[] = {
    E(T, purpose, w_purpose, REQ, 0, "fungsi pembumian"),
    D(T, max_ohm, "ohm", 0, 1e6, REQ | GT, 0, "batas tahanan"),
    SRC(T),
};
#undef T
#define T struct k3a_ir_limit
static const struct k3a__key ir_keys[] = {
    D(T, max_nominal_V, "V", 0, 1e6, REQ | GT, 0, "tegangan nominal sampai dengan"),
    D(T, test_V, "V", 0, 1e5, REQ | GT, 0, "tegangan uji DC"),
    D(T, min_Mohm, "Mohm", 0, 1e6, REQ | GT, 0, "tahanan isolasi minimum"),
    SRC(T),
};
#undef T
#define T struct k3a_vdrop_limit
static const struct k3a__key vdrop_keys[] = {
    E(T, supply, w_supply, REQ, 0, "sumber: public (JTR PLN) atau private (trafo sendiri)"),
    E(T, use, w_use, REQ, 0, "penggunaan: lighting atau other"),
    D(T, max_pct, "%", 0, 100, REQ | GT, 0, "susut tegangan maksimum"),
    SRC(T),
};
#undef T
#define T struct k3a_disc_limit
static const struct k3a__key disc_keys[] = {
    E(T, system, w_system, REQ, 0, "sistem: TN atau TT"),
    D(T, u0_above_V, "V", 0, 1e5, REQ, 0, "U0 di atas"),
    D(T, u0_max_V, "V", 0, 1e5, REQ | GT, 0, "U0 sampai dengan"),
    D(T, final_s, "s", 0, 100, REQ | GT, 0, "waktu pemutusan maksimum sirkit akhir <= 32 A"),
    SRC(T),
};
#undef T
#define T struct k3a_equip_class
static const struct k3a__key class_keys[] = {
    S(T, equipment, REQ, "nilai 'equipment' bus yang memakai baris ini"),
    D(T, kv_above, "kV", 0, 1e3, REQ, 0, "berlaku untuk tegangan di atas"),
    D(T, kv_max, "kV", 0, 1e3, REQ | GT, 0, "sampai dengan"),
    D(T, gap_mm, "mm", 0, 1e3, REQ | GT, 0, "celah elektroda tipikal"),
    D(T, height_mm, "mm", 0, 1e4, REQ | GT, 0, "tinggi selungkup"),
    D(T, width_mm, "mm", 0, 1e4, REQ | GT, 0, "lebar selungkup"),
    D(T, depth_mm, "mm", 0, 1e4, GT, 0, "kedalaman selungkup (kosong: dangkal/dalam menurut bus)"),
    D(T, working_distance_mm, "mm", 0, 1e4, REQ | GT, 0, "jarak kerja tipikal"),
    E(T, electrode, w_electrode, REQ, 0, "konfigurasi elektroda bawaan"),
    S(T, reason, REQ, "alasan pilihan elektroda bawaan"),
    S(T, clause, REQ, "tabel sumber"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_obs_item
static const struct k3a__key item_keys[] = {
    S(T, label_id, REQ, "uraian (Bahasa Indonesia)"),
    S(T, label_en, REQ, "uraian (English)"),
    E(T, group, w_group, REQ, 0, "physical atau document"),
    S(T, clause, 0, "dasar"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_tx_typical
static const struct k3a__key typical_keys[] = {
    D(T, kva_max, "kVA", 0, 1e6, REQ | GT, 0, "berlaku sampai dengan daya"),
    D(T, impedance_pct, "%", 0, 50, REQ | GT, 0, "impedansi tipikal"),
    D(T, x_over_r, "", 0, 200, REQ | GT, 0, "X/R tipikal"),
    SRC(T),
};
#undef T

#define T struct k3a_conductor
static const struct k3a__key cond_keys[] = {
    E(T, material, w_material, REQ, 0, "bahan: Cu atau Al"),
    D(T, size_mm2, "mm2", 0, 5000, REQ | GT, 0, "luas penampang"),
    D(T, r20_ohm_km, "ohm/km", 0, 1000, REQ | GT, 0, "resistansi DC maksimum pada 20 C"),
    S(T, clause, REQ, "tabel sumber"),
};
#undef T
#define T struct k3a_curve_coef
static const struct k3a__key curve_keys[] = {
    D(T, k, "", 0, 1e4, REQ | GT, 0, "konstanta k"),
    D(T, alpha, "", 0, 10, REQ | GT, 0, "eksponen alpha"),
    D(T, c, "", 0, 100, REQ, 0, "konstanta c"),
    S(T, clause, REQ, "sumber"),
};
#undef T
#define T struct k3a_mcb_band
static const struct k3a__key mcb_keys[] = {
    D(T, low_multiple, "", 0, 100, REQ | GT, 0, "batas bawah trip seketika (x In)"),
    D(T, high_multiple, "", 0, 100, REQ | GT, 0, "batas atas trip seketika (x In)"),
    S(T, clause, REQ, "sumber"),
};
#undef T

#define T struct k3a_af_iarc
static const struct k3a__key af_iarc_keys[] = {
    E(T, electrode, w_electrode, REQ, 0, "konfigurasi elektroda"),
    D(T, voc_kV, "kV", 0, 20, REQ | GT, 0, "tegangan acuan 0.6, 2.7 atau 14.3 kV"),
    D(T, k1, "", -1e6, 1e6, REQ, 0, "koefisien k1"),
    D(T, k2, "", -1e6, 1e6, REQ, 0, "koefisien k2"),
    D(T, k3, "", -1e6, 1e6, REQ, 0, "koefisien k3"),
    D(T, k4, "", -1e6, 1e6, REQ, 0, "koefisien k4"),
    D(T, k5, "", -1e6, 1e6, REQ, 0, "koefisien k5"),
    D(T, k6, "", -1e6, 1e6, REQ, 0, "koefisien k6"),
    D(T, k7, "", -1e6, 1e6, REQ, 0, "koefisien k7"),
    D(T, k8, "", -1e6, 1e6, REQ, 0, "koefisien k8"),
    D(T, k9, "", -1e6, 1e6, REQ, 0, "koefisien k9"),
    D(T, k10, "", -1e6, 1e6, REQ, 0, "koefisien k10"),
    S(T, clause, REQ, "tabel sumber"),
};
#undef T
#define T struct k3a_af_varcf
static const struct k3a__key af_varcf_keys[] = {
    E(T, electrode, w_electrode, REQ, 0, "konfigurasi elektroda"),
    D(T, k1, "", -1e6, 1e6, REQ, 0, "koefisien k1"),
    D(T, k2, "", -1e6, 1e6, REQ, 0, "koefisien k2"),
    D(T, k3, "", -1e6, 1e6, REQ, 0, "koefisien k3"),
    D(T, k4, "", -1e6, 1e6, REQ, 0, "koefisien k4"),
    D(T, k5, "", -1e6, 1e6, REQ, 0, "koefisien k5"),
    D(T, k6, "", -1e6, 1e6, REQ, 0, "koefisien k6"),
    D(T, k7, "", -1e6, 1e6, REQ, 0, "koefisien k7"),
    S(T, clause, REQ, "tabel sumber"),
};
#undef T
#define T struct k3a_af_energy
static const struct k3a__key af_energy_keys[] = {
    E(T, electrode, w_electrode, REQ, 0, "konfigurasi elektroda"),
    D(T, voc_kV, "kV", 0, 20, REQ | GT, 0, "tegangan acuan 0.6, 2.7 atau 14.3 kV"),
    D(T, k1, "", -1e6, 1e6, REQ, 0, "koefisien k1"),
    D(T, k2, "", -1e6, 1e6, REQ, 0, "koefisien k2"),
    D(T, k3, "", -1e6, 1e6, REQ, 0, "koefisien k3"),
    D(T, k4, "", -1e6, 1e6, REQ, 0, "koefisien k4"),
    D(T, k5, "", -1e6, 1e6, REQ, 0, "koefisien k5"),
    D(T, k6, "", -1e6, 1e6, REQ, 0, "koefisien k6"),
    D(T, k7, "", -1e6, 1e6, REQ, 0, "koefisien k7"),
    D(T, k8, "", -1e6, 1e6, REQ, 0, "koefisien k8"),
    D(T, k9, "", -1e6, 1e6, REQ, 0, "koefisien k9"),
    D(T, k10, "", -1e6, 1e6, REQ, 0, "koefisien k10"),
    D(T, k11, "", -1e6, 1e6, REQ, 0, "koefisien k11"),
    D(T, k12, "", -1e6, 1e6, REQ, 0, "koefisien k12"),
    D(T, k13, "", -1e6, 1e6, REQ, 0, "koefisien k13"),
    S(T, clause, REQ, "tabel sumber"),
};
#undef T
#define T struct k3a_af_cf
static const struct k3a__key af_cf_keys[] = {
    E(T, enclosure, w_encl, REQ, 0, "selungkup: typical atau shallow"),
    E(T, electrode, w_box_ec, REQ, 0, "konfigurasi elektroda (VCB, VCBB, HCB)"),
    D(T, b1, "", -1e3, 1e3, REQ, 0, "koefisien b1"),
    D(T, b2, "", -1e3, 1e3, REQ, 0, "koefisien b2"),
    D(T, b3, "", -1e3, 1e3, REQ, 0, "koefisien b3"),
    S(T, clause, REQ, "tabel sumber"),
};
#undef T
#define T struct k3a_af_ees
static const struct k3a__key af_ees_keys[] = {
    E(T, electrode, w_box_ec, REQ, 0, "konfigurasi elektroda (VCB, VCBB, HCB)"),
    D(T, a, "", -1e3, 1e3, REQ, 0, "konstanta A Pers. 11-12"),
    D(T, b, "", 0, 1e3, REQ | GT, 0, "konstanta B Pers. 11-12"),
    S(T, clause, REQ, "sumber"),
};
#undef T
#define T struct k3a_ppe_cat
static const struct k3a__key ppe_keys[] = {
    I(T, category, 1, 9, REQ, 0, "kategori APD"),
    D(T, max_cal_cm2, "cal/cm2", 0, 1e4, REQ | GT, 0, "rating busur minimum pakaian"),
    S(T, clause, REQ, "sumber"),
};
#undef T
#define T struct k3a_approach
static const struct k3a__key approach_keys[] = {
    D(T, v_above_V, "V", 0, 1e6, REQ, 0, "tegangan di atas"),
    D(T, v_max_V, "V", 0, 1e6, REQ | GT, 0, "sampai dengan"),
    D(T, limited_movable_mm, "mm", 0, 1e5, REQ, 0, "batas pendekatan terbatas, penghantar bergerak"),
    D(T, limited_fixed_mm, "mm", 0, 1e5, REQ, 0, "batas pendekatan terbatas, bagian tetap"),
    D(T, restricted_mm, "mm", 0, 1e5, REQ, 0, "batas pendekatan terlarang"),
    S(T, clause, REQ, "sumber"),
};
#undef T

#define T struct k3a_tdd_row
static const struct k3a__key tdd_keys[] = {
    D(T, isc_il_max, "", 0, 1e13, REQ | GT, 0, "Isc/IL sampai dengan"),
    D(T, tdd_max_pct, "%", 0, 100, REQ | GT, 0, "TDD maksimum"),
    S(T, clause, REQ, "sumber"),
};
#undef T
#define T struct k3a_thermo_row
static const struct k3a__key thermo_keys[] = {
    I(T, priority, 1, 4, REQ, 0, "prioritas NETA 1..4"),
    D(T, similar_over_C, "C", 0, 1000, GT, 0, "kenaikan di atas komponen sejenis lebih dari"),
    D(T, ambient_over_C, "C", 0, 1000, GT, 0, "kenaikan di atas suhu sekitar lebih dari"),
    S(T, clause, REQ, "sumber"),
};
#undef T
#define T struct k3a_rodfactor
static const struct k3a__key rodf_keys[] = {
    I(T, rods, 2, 1000, REQ, 0, "jumlah batang"),
    D(T, factor, "", 0, 100, REQ | GT, 0, "faktor pengali F"),
    S(T, clause, REQ, "sumber"),
};
#undef T

#define T struct k3a_ampacity_row
static const struct k3a__key ampacity_keys[] = {
    E(T, material, w_material, REQ, 0, "bahan penghantar"),
    E(T, insulation, w_insul, REQ, 0, "isolasi"),
    I(T, loaded, 2, 3, REQ, 0, "penghantar berbeban (2 atau 3)"),
    E(T, method, w_meth, REQ, 0, "cara pemasangan"),
    RDS(T, sizes_mm2, "mm2", 0, 1e4, REQ | GT, "luas penampang, naik"),
    RDS(T, iz_A, "A", 0, 1e5, REQ | GT, "KHA pada kondisi referensi"),
    SRC(T),
};
#undef T
#define T struct k3a_ambient_row
static const struct k3a__key ambient_keys[] = {
    E(T, medium, w_medium, REQ, 0, "udara (air) atau tanah (ground)"),
    E(T, insulation, w_insul, REQ, 0, "isolasi"),
    RDS(T, temperatures_C, "C", -50, 200, REQ, "suhu sekitar, naik"),
    RDS(T, factors, "", 0, 10, REQ | GT, "faktor koreksi"),
    SRC(T),
};
#undef T
#define T struct k3a_grouping_row
static const struct k3a__key grouping_keys[] = {
    E(T, arrangement, w_grow, REQ, 0, "susunan"),
    RDS(T, circuits, "", 0, 1e4, REQ | GT, "jumlah sirkit, naik"),
    RDS(T, factors, "", 0, 10, REQ | GT, "faktor koreksi"),
    E(T, beyond_last, w_beyond, REQ, 0, "di atas jumlah terakhir: none (di luar tabel) atau hold"),
    SRC(T),
};
#undef T
#define T struct k3a_adiabatic
static const struct k3a__key adiabatic_keys[] = {
    E(T, material, w_material, REQ, 0, "bahan penghantar"),
    E(T, insulation, w_insul, REQ, 0, "isolasi"),
    D(T, k, "", 0, 1000, REQ | GT, 0, "faktor k (A s^0.5 / mm2)"),
    SRC(T),
};
#undef T
#define T struct k3a_i2_row
static const struct k3a__key i2_keys[] = {
    E(T, type, w_dev, REQ, 0, "jenis pengaman"),
    D(T, rating_max_A, "A", 0, 1e6, REQ | GT, 0, "berlaku untuk In sampai dengan"),
    D(T, factor, "", 1, 10, REQ, 0, "I2 / In"),
    SRC(T),
};
#undef T
#define T struct k3a_loadkind
static const struct k3a__key loadkind_keys[] = {
    D(T, power_factor, "", 0, 1, REQ | GT, 0, "faktor daya bawaan"),
    SRC(T),
};
#undef T
#define T struct k3a_motoreff
static const struct k3a__key motoreff_keys[] = {
    I(T, poles, 2, 8, REQ, 0, "jumlah kutub"),
    E(T, ie_class, w_ie, REQ, 0, "kelas efisiensi"),
    RDS(T, kw, "kW", 0, 1e5, REQ | GT, "daya pengenal, naik"),
    RDS(T, eff_pct, "%", 0, 100, REQ | GT, "efisiensi minimum"),
    SRC(T),
};
#undef T

#define T struct k3a_scale_row
static const struct k3a__key scale_keys[] = {
    I(T, score, 1, 5, REQ, 0, "nilai 1..5"),
    S(T, label_id, REQ, "label Bahasa Indonesia"),
    S(T, label_en, REQ, "label English"),
    S(T, description_id, 0, "uraian"),
    S(T, description_en, 0, "description"),
};
#undef T
#define T struct k3a_band
static const struct k3a__key band_keys[] = {
    S(T, label_id, REQ, "label Bahasa Indonesia"),
    S(T, label_en, REQ, "label English"),
    E(T, level, w_level, REQ, 0, "tingkat umum: low, medium, high, extreme"),
    S(T, action_id, REQ, "tindakan yang diperlukan"),
    S(T, action_en, REQ, "action required"),
    S(T, color, REQ, "warna RRGGBB"),
    I(T, due_days, 0, 3650, REQ, 0, "batas waktu tindakan (hari; 0 = segera)"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_matrix_row
static const struct k3a__key row_keys[] = {
    I(T, likelihood, 1, 5, REQ, 0, "kemungkinan P"),
    S(T, s1, REQ, "pita untuk S1"),
    S(T, s2, REQ, "pita untuk S2"),
    S(T, s3, REQ, "pita untuk S3"),
    S(T, s4, REQ, "pita untuk S4"),
    S(T, s5, REQ, "pita untuk S5"),
};
#undef T
#define T struct k3a_control_row
static const struct k3a__key control_keys[] = {
    I(T, rank, 1, 5, REQ, 0, "urutan hierarki (1 = tertinggi)"),
    S(T, label_id, REQ, "label Bahasa Indonesia"),
    S(T, label_en, REQ, "label English"),
    S(T, description_id, 0, "uraian"),
    S(T, description_en, 0, "description"),
};
#undef T
#define T struct k3a_rule
static const struct k3a__key rule_keys[] = {
    S(T, check, REQ, "nama cek temuan (daftar dengan koma)"),
    S(T, on, REQ, "hasil yang memicu: pass, warn, fail (daftar)"),
    S(T, earthing_purpose, 0, "hanya pembumian dengan fungsi ini (daftar)"),
    D(T, measured_above, "", -BIG, BIG, 0, 0, "nilai terukur lebih dari"),
    D(T, measured_max, "", -BIG, BIG, 0, 0, "nilai terukur sampai dengan"),
    D(T, ratio_from, "", 0, BIG, 0, 0,
      "nilai terukur / batas paling kecil (atau tidak diketahui)"),
    D(T, ratio_below, "", 0, BIG, 0, 0, "nilai terukur / batas kurang dari"),
    I(T, priority, 0, 4, 0, 0, "prioritas NETA termografi (0 = semua)"),
    E(T, hazard, w_hz, REQ, 0, "jenis bahaya"),
    S(T, hazard_id, REQ, "uraian bahaya"),
    S(T, hazard_en, REQ, "hazard"),
    S(T, risk_id, REQ, "risiko / akibat"),
    S(T, risk_en, REQ, "risk / consequence"),
    S(T, activity_id, 0, "kegiatan"),
    S(T, activity_en, 0, "activity"),
    I(T, likelihood, 1, 5, REQ, 0, "kemungkinan awal"),
    I(T, severity, 1, 5, REQ, 0, "keparahan awal"),
    E(T, control, w_ctrl, REQ, 0, "tingkat pengendalian usulan"),
    S(T, control_id, REQ, "pengendalian usulan"),
    S(T, control_en, REQ, "proposed control"),
    I(T, likelihood_after, 1, 5, REQ, 0, "kemungkinan sesudah"),
    I(T, severity_after, 1, 5, REQ, 0, "keparahan sesudah"),
    S(T, basis, REQ, "dasar"),
    S(T, confidence, REQ, "tingkat keyakinan"),
    S(T, note, 0, "catatan"),
};
#undef T
#define T struct k3a_modifier
static const struct k3a__key modifier_keys[] = {
    E(T, when, w_when, REQ, 0, "kondisi"),
    S(T, item, 0, "butir pengamatan (observation_*)"),
    S(T, hazards, REQ, "jenis bahaya yang terpengaruh (daftar)"),
    I(T, likelihood, -4, 4, REQ, 0, "perubahan kemungkinan"),
    S(T, reason_id, REQ, "alasan"),
    S(T, reason_en, REQ, "reason"),
    S(T, basis, REQ, "dasar"),
    S(T, confidence, REQ, "tingkat keyakinan"),
    S(T, note, 0, "catatan"),
};
#undef T

#define T struct k3a_tariff
static const struct k3a__key tariff_keys[] = {
    B(T, tou, REQ, 0, "waktu beban (LWBP/WBP): yes atau no"),
    D(T, lwbp_Rp, "Rp/kWh", 0, 1e6, REQ | GT, 0, "harga LWBP (atau tunggal)"),
    D(T, k_wbp, "", 1, 10, REQ, 0, "faktor K: WBP = K x LWBP"),
    D(T, kvarh_Rp, "Rp/kVArh", 0, 1e6, REQ, 0, "harga kelebihan kVArh"),
    D(T, pf_min, "", 0, 1, REQ | GT, 0, "faktor daya minimum bulanan"),
    D(T, min_hours, "h", 0, 744, REQ, 0, "rekening minimum: jam nyala"),
    DT(T, effective_from, REQ, "berlaku sejak"),
    SRC(T),
};
#undef T
#define T struct k3a_grid
static const struct k3a__key grid_keys[] = {
    D(T, tco2_per_MWh, "tCO2/MWh", 0, 5, REQ | GT, 0, "faktor emisi"),
    I(T, data_year, 1990, 2100, REQ, 0, "tahun data"),
    SRC(T),
};
#undef T
#define T struct k3a_ike
static const struct k3a__key ike_keys[] = {
    D(T, max_kWh_m2_year, "kWh/m2/year", 0, 1e5, REQ | GT, 0, "IKE acuan"),
    SRC(T),
};
#undef T
#define T struct k3a_lpd
static const struct k3a__key lpd_keys[] = {
    D(T, max_W_m2, "W/m2", 0, 1000, REQ | GT, 0, "daya pencahayaan maksimum"),
    D(T, lux, "lux", 0, 1e5, 0, 0, "tingkat pencahayaan"),
    SRC(T),
};
#undef T

#define MSINGLE(id, word, T, field, keys)                                    \
    { word, id, sizeof(T), offsetof(struct k3a_model_file, field), 0, 0,     \
      keys, NK(keys), K3A__KIND_SINGLE | K3A__KIND_NONAME, "" }
#define MMANY(id, word, T, field, keys)                                      \
    { word, id, sizeof(T), offsetof(struct k3a_model_file, field),           \
      offsetof(struct k3a_model_file, n_##field), 0, keys, NK(keys),       \
      K3A__KIND_MANY, "" }

static const struct k3a__kind model_kinds[MK_COUNT] = {
    MSINGLE(MK_MODEL, "model", struct k3a_model_meta, meta, meta_keys),
    MMANY(MK_PARAM, "param", struct k3a_param, params, param_keys),
    MMANY(MK_EARTH, "earthing", struct k3a_earth_limit, earth, earth_keys),
    MMANY(MK_IR, "insulation", struct k3a_ir_limit, ir, ir_keys),
    MMANY(MK_VDROP, "vdrop", struct k3a_vdrop_limit, vdrop, vdrop_keys),
    MMANY(MK_DISC, "disconnection", struct k3a_disc_limit, disc, disc_keys),
    MMANY(MK_CLASS, "class", struct k3a_equip_class, classes, class_keys),
    MMANY(MK_ITEM, "item", struct k3a_obs_item, items, item_keys),
    MMANY(MK_TYPICAL, "typical", struct k3a_tx_typical, typical, typical_keys),
    MMANY(MK_COND, "conductor", struct k3a_conductor, conductors, cond_keys),
    MMANY(MK_CURVE, "curve", struct k3a_curve_coef, curves, curve_keys),
    MMANY(MK_MCB, "mcb", struct k3a_mcb_band, mcbs, mcb_keys),
    MMANY(MK_AF_IARC, "iarc", struct k3a_af_iarc, af_iarc, af_iarc_keys),
    MMANY(MK_AF_VARCF, "varcf", struct k3a_af_varcf, af_varcf, af_varcf_keys),
    MMANY(MK_AF_ENERGY, "energy", struct k3a_af_energy, af_energy, af_energy_keys),
    MMANY(MK_AF_CF, "cf", struct k3a_af_cf, af_cf, af_cf_keys),
    MMANY(MK_AF_EES, "ees", struct k3a_af_ees, af_ees, af_ees_keys),
    MMANY(MK_PPE, "ppe", struct k3a_ppe_cat, ppe, ppe_keys),
    MMANY(MK_APPROACH, "approach", struct k3a_approach, approach, approach_keys),
    MMANY(MK_TDD, "tdd", struct k3a_tdd_row, tdd, tdd_keys),
    MMANY(MK_THERMO, "thermo", struct k3a_thermo_row, thermo, thermo_keys),
    MMANY(MK_RODF, "rodfactor", struct k3a_rodfactor, rodf, rodf_keys),
    MMANY(MK_AMPACITY, "ampacity", struct k3a_ampacity_row, ampacity, ampacity_keys),
    MMANY(MK_AMBIENT, "ambient", struct k3a_ambient_row, ambient, ambient_keys),
    MMANY(MK_GROUPING, "grouping", struct k3a_grouping_row, grouping, grouping_keys),
    MMANY(MK_ADIABATIC, "adiabatic", struct k3a_adiabatic, adiabatic, adiabatic_keys),
    MMANY(MK_I2, "i2", struct k3a_i2_row, i2, i2_keys),
    MMANY(MK_LOADKIND, "loadkind", struct k3a_loadkind, loadkind, loadkind_keys),
    MMANY(MK_MOTOREFF, "motoreff", struct k3a_motoreff, motoreff, motoreff_keys),
    MMANY(MK_LIKELIHOOD, "likelihood", struct k3a_scale_row, likelihood, scale_keys),
    MMANY(MK_SEVERITY, "severity", struct k3a_scale_row, severity, scale_keys),
    MMANY(MK_BAND, "band", struct k3a_band, bands, band_keys),
    MMANY(MK_ROW, "row", struct k3a_matrix_row, rows, row_keys),
    MMANY(MK_CONTROL, "control", struct k3a_control_row, controls, control_keys),
    MMANY(MK_RULE, "rule", struct k3a_rule, rules, rule_keys),
    MMANY(MK_MODIFIER, "modifier", struct k3a_modifier, modifiers, modifier_keys),
    MMANY(MK_TARIFF, "tariff", struct k3a_tariff, tariffs, tariff_keys),
    MMANY(MK_GRID, "grid", struct k3a_grid, grids, grid_keys),
    MMANY(MK_IKE, "ike", struct k3a_ike, ikes, ike_keys),
    MMANY(MK_LPD, "lpd", struct k3a_lpd, lpds, lpd_keys),
};
/* clang-format on */

/* Every [param] the program reads, with its unit and physical range
 * (site-format "Data as data"): a file whose id is `file` (a "limits-"
 * prefix: every limits set) must define each of its params, in this unit,
 * within [min, max] (above min when gt); a param not listed here is an
 * error (a misspelt one would leave the program on its default).  Ranges
 * are what the quantity can physically be, not what a standard says it
 * is: they catch a sign slip, a zero or a unit slip, never a new edition. */
struct param_rule {
    const char *file, *name, *unit;
    double min, max;
    int gt;
    int optional; /* checked when given, not required (a table older than
                   * the param: the program has its own default) */
};
static const struct param_rule param_rules[] = {
    { "cables", "motor_cable_ratio", "-", 1, 10, 0, 0 },
    { "cables", "adiabatic_t_min_s", "s", 0, 5, 1, 0 },
    { "cables", "adiabatic_t_max_s", "s", 0, 60, 1, 0 },
    { "cables", "conductor_max_pvc_C", "C", 20, 250, 1, 0 },
    { "cables", "conductor_max_xlpe_C", "C", 20, 250, 1, 0 },
    { "conductors", "x_default_ohm_km", "ohm/km", 0, 2, 1, 0 },
    { "conductors", "alpha_cu_per_K", "1/K", 0, 0.01, 1, 0 },
    { "conductors", "alpha_al_per_K", "1/K", 0, 0.01, 1, 0 },
    { "energy", "pf_target", "-", 0, 1, 1, 0 },
    { "energy", "pfc_step_kvar", "kvar", 0, 1e4, 1, 0 },
    { "energy", "pfc_small_step_kvar", "kvar", 0, 1e4, 1, 0 },
    { "energy", "capacitor_cost_Rp_per_kvar", "Rp/kvar", 0, 1e9, 0, 0 },
    { "energy", "motor_cost_Rp_per_kW_ie3", "Rp/kW", 0, 1e9, 0, 0 },
    { "energy", "motor_cost_Rp_per_kW_ie4", "Rp/kW", 0, 1e9, 0, 0 },
    { "energy", "lighting_cost_Rp_per_W", "Rp/W", 0, 1e9, 0, 0 },
    { "energy", "discount_rate", "1/year", 0, 1, 0, 0 },
    { "energy", "life_years", "year", 0, 100, 1, 0 },
    { "energy", "cvrmse_max_pct", "%", 0, 100, 1, 0 },
    { "energy", "nmbe_max_pct", "%", 0, 100, 1, 0 },
    { "energy", "toe_MWh", "MWh", 0, 100, 1, 0 },
    { "energy", "industry_toe_threshold", "TOE", 0, 1e9, 1, 0 },
    { "energy", "building_toe_threshold", "TOE", 0, 1e9, 1, 0 },
    /* IEC 60909-0 Table 1: cmax >= 1, cmin <= 1 */
    { "iec60909", "c_max_lv_tol10", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_max_lv_tol6", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_min_lv", "-", 0.8, 1, 0, 0 },
    { "iec60909", "c_max_hv", "-", 1, 1.2, 0, 0 },
    { "iec60909", "c_min_hv", "-", 0.8, 1.1, 0, 0 },
    { "iec60909", "kt_factor", "-", 0, 1.5, 1, 0 },
    { "iec60909", "kt_xt_coefficient", "-", 0, 2, 0, 0 },
    { "iec60909", "kappa_method_c_ratio", "-", 0, 1, 1, 0 },
    { "iec60909", "theta_end_pvc_C", "C", 20, 400, 1, 0 },
    { "iec60909", "theta_end_xlpe_C", "C", 20, 400, 1, 0 },
    { "iec60909", "line_alpha_per_K", "1/K", 0, 0.01, 1, 0 },
    { "iec60909", "motor_ilr_ir_lv", "-", 1, 20, 1, 0 },
    { "iec60909", "motor_r_over_x_lv", "-", 0, 2, 1, 0 },
    { "iec60909", "motor_ilr_ir_mv", "-", 1, 20, 1, 0 },
    { "iec60909", "motor_r_over_x_mv", "-", 0, 2, 1, 0 },
    { "iec60909", "motor_default_pf", "-", 0, 1, 1, 0 },
    { "iec60909", "motor_default_eff", "-", 0, 1, 1, 0 },
    { "iec60909", "gen_r_over_x_lv", "-", 0, 2, 1, 0 },
    { "iec60909", "gen_r_over_x_hv", "-", 0, 2, 1, 0 },
    { "iec60909", "tx_zero_seq_x_factor", "-", 0, 10, 1, 0 },
    { "iec60909", "cable_zero_seq_factor", "-", 0, 20, 1, 0 },
    { "ieee1584-2018", "voc_min_kV", "kV", 0, 1, 1, 0 },
    { "ieee1584-2018", "voc_max_kV", "kV", 1, 50, 1, 0 },
    { "ieee1584-2018", "ibf_lv_min_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_lv_max_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_mv_min_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "ibf_mv_max_kA", "kA", 0, 200, 1, 0 },
    { "ieee1584-2018", "gap_lv_min_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_lv_max_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_mv_min_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "gap_mv_max_mm", "mm", 0, 1000, 1, 0 },
    { "ieee1584-2018", "distance_min_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "enclosure_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "opening_max_m2", "m2", 0, 100, 1, 0 },
    { "ieee1584-2018", "width_min_gaps", "-", 0, 100, 1, 0 },
    { "ieee1584-2018", "shallow_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "shallow_depth_max_mm", "mm", 0, 1e4, 1, 0 },
    { "ieee1584-2018", "energy_factor", "J/cm2/ms", 0, 10, 1, 0 },
    { "ieee1584-2018", "lee_factor", "J mm2/(cm2 kV kA s)", 0, 1e8, 1, 0 },
    /* the thermochemical (4.184) or the international (4.1868) calorie */
    { "ieee1584-2018", "joule_per_cal", "J/cal", 4.18, 4.19, 0, 0 },
    { "ieee1584-2018", "afb_threshold_J_cm2", "J/cm2", 0, 100, 1, 0 },
    { "limits-", "distribution_tn_s", "s", 0, 60, 1, 0 },
    { "limits-", "distribution_tt_s", "s", 0, 60, 1, 0 },
    { "limits-", "touch_voltage_dry_V", "V", 0, 1000, 1, 0 },
    { "limits-", "touch_voltage_wet_V", "V", 0, 1000, 1, 0 },
    { "limits-", "tt_ra_idn_max_V", "V", 0, 1000, 1, 0 },
    { "limits-", "rcd_additional_max_mA", "mA", 0, 1000, 1, 0 },
    { "limits-", "rcd_fire_max_mA", "mA", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_1x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_5x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "inspection_interval_months", "month", 0, 120, 1, 0 },
    { "limits-", "lightning_test_interval_months", "month", 0, 120, 1, 0 },
    { "limits-", "ahli_k3_generation_kVA", "kVA", 0, 1e6, 1, 0 },
    { "limits-", "lightning_down_conductor_min_mm2", "mm2", 0, 1000, 1, 0 },
    { "limits-", "fop_plateau_tolerance", "-", 0, 1, 1, 0 },
    { "limits-", "fop_differ_pct", "%", 0, 100, 1, 0 },
    { "limits-", "rcd_s_1x_min_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_s_1x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_s_5x_max_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "rcd_trip_min_fraction", "-", 0, 1, 1, 0 },
    { "limits-", "ir_motor_lv_min_Mohm", "Mohm", 0, 1e6, 1, 0 },
    { "limits-", "ir_motor_mv_min_Mohm", "Mohm", 0, 1e6, 1, 0 },
    { "limits-", "pi_min_class_a", "-", 1, 10, 0, 0 },
    { "limits-", "pi_min_class_bfh", "-", 1, 10, 0, 0 },
    { "limits-", "pi_not_meaningful_Mohm", "Mohm", 0, 1e7, 1, 0 },
    { "limits-", "dar_min", "-", 1, 10, 0, 0 },
    { "limits-", "ir_trend_warn_years", "year", 0, 100, 1, 0 },
    { "limits-", "voltage_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "voltage_min_pct", "%", -100, 0, 0, 0 },
    { "limits-", "voltage_unbalance_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "current_unbalance_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "pf_min", "-", 0, 1, 1, 0 },
    { "limits-", "thd_v_lv_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "thd_v_mv_max_pct", "%", 0, 100, 1, 0 },
    { "limits-", "thd_v_hv_max_pct", "%", 0, 100, 1, 1 },
    { "limits-", "thd_v_ehv_max_pct", "%", 0, 100, 1, 1 },
    { "limits-", "neutral_over_phase_max", "-", 0, 10, 1, 0 },
    { "limits-", "thermo_min_load_pct", "%", 0, 100, 0, 0 },
    { "limits-", "touch_bonding_V", "V", 0, 1000, 1, 0 },
    { "limits-", "loop_zs_measured_factor", "-", 0, 1, 1, 1 },
    { "limits-", "ieee43_test_V_lv", "V", 0, 1e5, 1, 0 },
    { "nfpa70e", "no_ppe_max_cal_cm2", "cal/cm2", 0, 100, 1, 0 },
    { "protection", "curve_max_multiple", "-", 1, 1000, 1, 0 },
    /* fix round: optional new model values (models/ ships them) */
    { "protection", "mcb_d_5s_multiple", "-", 1, 100, 1, 1 },
    /* the verdicts work (issue 19) */
    { "iec60909", "gen_x0_over_xd2", "-", 0, 10, 1, 0 },
    { "limits-", "u0_nominal_380_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_400_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_415_V", "V", 0, 1000, 1, 0 },
    { "limits-", "u0_nominal_690_V", "V", 0, 1000, 1, 0 },
    { "limits-", "final_circuit_max_A", "A", 0, 1000, 1, 0 },
    { "limits-", "rcd_s_5x_min_ms", "ms", 0, 1e4, 1, 0 },
    { "limits-", "socket_rcd_max_A", "A", 0, 1000, 1, 0 },
    { "limits-", "tt_ra_idn_wet_max_V", "V", 0, 1000, 1, 0 },
    { "limits-", "rod_rho_mismatch_factor", "-", 1, 100, 1, 0 },
    { "limits-", "loop_zs_uncertainty_fraction", "-", 0, 1, 0, 1 },
    { "risk-rules", "likelihood_raise_max", "-", 0, 4, 0, 0 },
};

/* Params that must be in order: lo < hi (or lo <= hi with eq). */
static const struct {
    const char *file, *lo, *hi;
    int eq;
} param_order[] = {
    { "cables", "adiabatic_t_min_s", "adiabatic_t_max_s", 0 },
    { "iec60909", "c_min_lv", "c_max_lv_tol6", 1 },
    { "iec60909", "c_max_lv_tol6", "c_max_lv_tol10", 1 },
    { "iec60909", "c_min_hv", "c_max_hv", 1 },
    { "ieee1584-2018", "voc_min_kV", "voc_max_kV", 0 },
    { "ieee1584-2018", "ibf_lv_min_kA", "ibf_lv_max_kA", 0 },
    { "ieee1584-2018", "ibf_mv_min_kA", "ibf_mv_max_kA", 0 },
    { "ieee1584-2018", "gap_lv_min_mm", "gap_lv_max_mm", 0 },
    { "ieee1584-2018", "gap_mv_min_mm", "gap_mv_max_mm", 0 },
    { "ieee1584-2018", "shallow_depth_max_mm", "shallow_max_mm", 1 },
    { "limits-", "touch_voltage_wet_V", "touch_voltage_dry_V", 1 },
    { "limits-", "rcd_s_1x_min_ms", "rcd_s_1x_max_ms", 0 },
    { "limits-", "rcd_trip_5x_max_ms", "rcd_trip_1x_max_ms", 1 },
    { "limits-", "rcd_additional_max_mA", "rcd_fire_max_mA", 1 },
    { "limits-", "voltage_min_pct", "voltage_max_pct", 0 },
    { "limits-", "rcd_s_5x_min_ms", "rcd_s_5x_max_ms", 0 },
    { "limits-", "tt_ra_idn_wet_max_V", "tt_ra_idn_max_V", 1 },
};

/* The tables (row kinds) each model file must hold for the program to
 * use it: a file lacking one is an error naming it, not curves or limits
 * silently missing. */
static const struct {
    const char *file;
    enum model_kind kinds[6];
} required_tables[] = {
    { "cables", { MK_AMPACITY, MK_AMBIENT, MK_GROUPING, MK_ADIABATIC, MK_I2, MK_MODEL } },
    { "conductors", { MK_COND, MK_MODEL } },
    { "energy", { MK_GRID, MK_IKE, MK_LPD, MK_MODEL } },
    { "ieee1584-2018", { MK_AF_IARC, MK_AF_VARCF, MK_AF_ENERGY, MK_AF_CF, MK_AF_EES, MK_MODEL } },
    { "ieee1584-equipment", { MK_CLASS, MK_MODEL } },
    { "limits-", { MK_RODF, MK_TDD, MK_THERMO, MK_MODEL } },
    { "loads", { MK_LOADKIND, MK_MOTOREFF, MK_MODEL } },
    { "nfpa70e", { MK_PPE, MK_APPROACH, MK_MODEL } },
    { "observations", { MK_ITEM, MK_MODEL } },
    { "protection", { MK_CURVE, MK_MCB, MK_MODEL } },
    { "risk-rules", { MK_RULE, MK_MODEL } },
    { "tariff-pln", { MK_TARIFF, MK_MODEL } },
    { "transformer-typical", { MK_TYPICAL, MK_MODEL } },
};

static int file_is(const struct k3a_model_file *f, const char *id)
{
    size_t n = strlen(id);

    if (!f->meta.id)
        return 0;
    if (n && id[n - 1] == '-')
        return strncmp(f->meta.id, id, n) == 0;
    return strcmp(f->meta.id, id) == 0;
}

int k3a_model_row_given(const char *kind_word, const struct k3a_elem *row,
                        const char *key)
{
    size_t k;

    for (k = 0; k < MK_COUNT; k++)
        if (strcmp(model_kinds[k].word, kind_word) == 0) {
            int j = k3a__key_index(&model_kinds[k], key);
            return j >= 0 && ((row->given >> j) & 1u);
        }
    return 0;
}

void k3a_models_init(struct k3a_models *m)
{
    memset(m, 0, sizeof(*m));
}

static void release_file(struct k3a_model_file *f)
{
    k3a__store_release(model_kinds, MK_COUNT, f);
    if (f->names) {
        k3a__names_release(f->names);
        free(f->names);
    }
    free(f->file);
}

void k3a_models_release(struct k3a_models *m)
{
    size_t i;

    for (i = 0; i < m->n; i++)
        release_file(&m->files[i]);
    free(m->files);
    memset(m, 0, sizeof(*m));
}

static struct k3a_loc floc(const struct k3a_model_file *f, int line,
                           const char *elem, const char *key)
{
    struct k3a_loc l;

    l.file = f->file;
    l.line = line;
    l.element = elem;
    l.key = key;
    return l;
}

/* x/y lists of a table row: same length, exact values, x ascending. */
static void check_lists(const struct k3a_model_file *f, const char *kind,
                        const struct k3a_elem *h,
                        const struct k3a_reading_list *x, const char *xk,
                        const struct k3a_reading_list *y, const char *yk,
                        struct k3a_diag_list *dl)
{
    char label[64];
    size_t i;

    snprintf(label, sizeof(label), "%s %s", kind, h->name);
    if (x->n != y->n)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, h->line, label, yk),
                     "%zu values for %zu %s", y->n, x->n, xk);
    for (i = 0; i < x->n; i++) {
        if (x->v[i].cmp || (i < y->n && y->v[i].cmp))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, h->line, label, x->v[i].cmp ? xk : yk),
                         "table values must be exact (no '>' or '<')");
        if (i && !(x->v[i].value > x->v[i - 1].value))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, h->line, label, xk),
                         "values must be in ascending order");
    }
}

/* Each [param] against param_rules: known, in its unit, in its range;
 * each rule of this file present; the ordered pairs in order. */
static void check_params(const struct k3a_model_file *f, struct k3a_diag_list *dl)
{
    size_t i, j, nr = sizeof(param_rules) / sizeof(param_rules[0]);

    for (i = 0; i < f->n_params; i++) {
        const struct k3a_param *p = &f->params[i];
        const struct param_rule *r = NULL;
        const char *best = NULL;
        int bestd = 99, vline = k3a_elem_key_line(&p->hdr, 0);
        char label[80];

        snprintf(label, sizeof(label), "param %s", p->hdr.name);
        for (j = 0; j < nr && !r; j++)
            if (strcmp(param_rules[j].name, p->hdr.name) == 0)
                r = &param_rules[j];
        if (!r) {
            for (j = 0; j < nr; j++) {
                int d = file_is(f, param_rules[j].file)
                            ? k3a__edit_distance(param_rules[j].name, p->hdr.name)
                            : 99;
                if (d < bestd) {
                    bestd = d;
                    best = param_rules[j].name;
                }
            }
            if (best && bestd <= 3)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                             floc(f, p->hdr.line, label, ""),
                             "unknown param (did you mean '%s'?)", best);
            else
                k3a_diag_add(dl, K3A_ERROR, K3A_E_UNKNOWN_KEY,
                             floc(f, p->hdr.line, label, ""),
                             "unknown param: the program reads no param of this name");
            continue;
        }
        if (!file_is(f, r->file)) {
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, p->hdr.line, label, ""),
                         "this param belongs in the model with id '%s%s'", r->file,
                         r->file[strlen(r->file) - 1] == '-' ? "..." : "");
            continue;
        }
        if (p->unit && strcmp(p->unit, r->unit) != 0)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, k3a_elem_key_line(&p->hdr, 1) > 0
                                     ? k3a_elem_key_line(&p->hdr, 1)
                                     : p->hdr.line,
                              label, "unit"),
                         "must be '%s', not '%s'", r->unit, p->unit);
        if (((p->hdr.given >> 0) & 1u) &&
            ((r->gt ? !(p->value > r->min) : !(p->value >= r->min)) || !(p->value <= r->max))) {
            char v[32], lo[32], hi[32];
            k3a__fmt_double(v, sizeof(v), p->value);
            k3a__fmt_double(lo, sizeof(lo), r->min);
            k3a__fmt_double(hi, sizeof(hi), r->max);
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, vline > 0 ? vline : p->hdr.line, label, "value"),
                         "%s is out of range (expected %s%s to %s%s%s)", v,
                         r->gt ? "above " : "", lo, hi, strcmp(r->unit, "-") ? " " : "",
                         strcmp(r->unit, "-") ? r->unit : "");
        }
    }
    if (!f->meta.id)
        return;
    for (j = 0; j < nr; j++)
        if (file_is(f, param_rules[j].file) && !param_rules[j].optional &&
            !k3a_model_param(f, param_rules[j].name))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "this model needs [param %s] (%s)", param_rules[j].name,
                         param_rules[j].unit);
    for (j = 0; j < sizeof(param_order) / sizeof(param_order[0]); j++) {
        const struct k3a_param *lo, *hi;
        if (!file_is(f, param_order[j].file))
            continue;
        lo = k3a_model_param(f, param_order[j].lo);
        hi = k3a_model_param(f, param_order[j].hi);
        if (lo && hi &&
            (param_order[j].eq ? !(lo->value <= hi->value) : !(lo->value < hi->value))) {
            char label[80];
            snprintf(label, sizeof(label), "param %s", hi->hdr.name);
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE, floc(f, hi->hdr.line, label, "value"),
                         "must be %s [param %s] (line %d)",
                         param_order[j].eq ? "at least" : "above", lo->hdr.name,
                         lo->hdr.line);
        }
    }
    for (j = 0; j < sizeof(required_tables) / sizeof(required_tables[0]); j++) {
        size_t k;
        if (!file_is(f, required_tables[j].file))
            continue;
        for (k = 0; k < 6 && required_tables[j].kinds[k] != MK_MODEL; k++) {
            const struct k3a__kind *kd = &model_kinds[required_tables[j].kinds[k]];
            if (k3a__store_count(f, kd) == 0)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                             floc(f, f->meta.hdr.line, "model", ""),
                             "the model '%s' needs its [%s] rows (none given)", f->meta.id,
                             kd->word);
        }
    }
}

/* Checks that go beyond the key table. */
static void validate_file(const struct k3a_model_file *f,
                          struct k3a_diag_list *dl)
{
    size_t i, j;

    if (!f->meta.hdr.line) {
        k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY, floc(f, 1, "model", ""),
                     "a model file needs a [model] section (id, title, "
                     "source, year, version, confidence)");
        return;
    }
    check_params(f, dl);
    if (f->meta.id && strncmp(f->meta.id, "limits-", 7) == 0) {
        for (j = 0; j < 4; j++) {
            int found = 0;
            for (i = 0; i < f->n_earth; i++)
                found |= f->earth[i].purpose == (enum k3a_earth_purpose)j;
            if (!found)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                             floc(f, f->meta.hdr.line, "model", ""),
                             "a limits set needs an [earthing] row with "
                             "purpose = %s",
                             w_purpose[j]);
        }
        if (!f->n_ir || !f->n_vdrop || !f->n_disc)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "a limits set needs [insulation], [vdrop] and "
                         "[disconnection] rows");
    }
    if (f->n_ppe > K3A_NFPA_ROWS_MAX || f->n_approach > K3A_NFPA_ROWS_MAX)
        k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT, floc(f, f->meta.hdr.line, "model", ""),
                     "%zu [ppe] and %zu [approach] rows; at most %d of each",
                     f->n_ppe, f->n_approach, K3A_NFPA_ROWS_MAX);
    for (i = 0; i < f->n_ampacity; i++)
        check_lists(f, "ampacity", &f->ampacity[i].hdr, &f->ampacity[i].sizes_mm2,
                    "sizes_mm2", &f->ampacity[i].iz_A, "iz_A", dl);
    for (i = 0; i < f->n_ambient; i++)
        check_lists(f, "ambient", &f->ambient[i].hdr,
                    &f->ambient[i].temperatures_C, "temperatures_C",
                    &f->ambient[i].factors, "factors", dl);
    for (i = 0; i < f->n_grouping; i++)
        check_lists(f, "grouping", &f->grouping[i].hdr, &f->grouping[i].circuits,
                    "circuits", &f->grouping[i].factors, "factors", dl);
    for (i = 0; i < f->n_motoreff; i++)
        check_lists(f, "motoreff", &f->motoreff[i].hdr, &f->motoreff[i].kw, "kw",
                    &f->motoreff[i].eff_pct, "eff_pct", dl);
    for (i = 0; i < f->n_loadkind; i++) {
        int ok = 0;
        for (j = 0; w_lkind[j]; j++)
            ok |= strcmp(w_lkind[j], f->loadkind[i].hdr.name) == 0;
        if (!ok)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->loadkind[i].hdr.line, "loadkind", ""),
                         "[loadkind %s]: the name must be a load kind "
                         "(motor, lighting, hvac, socket, heater, process, "
                         "other)",
                         f->loadkind[i].hdr.name);
    }
    if (f->meta.id && strncmp(f->meta.id, "risk-", 5) == 0 &&
        strcmp(f->meta.id, "risk-rules") != 0) {
        /* a risk profile: both scales 1..5, a band for every cell */
        int seen_l[6] = { 0 }, seen_s[6] = { 0 }, seen_r[6] = { 0 }, k;
        for (i = 0; i < f->n_likelihood; i++)
            seen_l[f->likelihood[i].score]++;
        for (i = 0; i < f->n_severity; i++)
            seen_s[f->severity[i].score]++;
        for (i = 0; i < f->n_rows; i++) {
            const struct k3a_matrix_row *rw = &f->rows[i];
            const char *cells[5] = { rw->s1, rw->s2, rw->s3, rw->s4, rw->s5 };
            seen_r[rw->likelihood]++;
            for (k = 0; k < 5; k++) {
                int ok = 0;
                for (j = 0; j < f->n_bands && cells[k]; j++)
                    ok |= strcmp(f->bands[j].hdr.name, cells[k]) == 0;
                if (cells[k] && !ok)
                    k3a_diag_add(dl, K3A_ERROR, K3A_E_REF,
                                 floc(f, rw->hdr.line, "row", ""),
                                 "[row %s] s%d: no [band %s]", rw->hdr.name,
                                 k + 1, cells[k]);
            }
        }
        for (k = 1; k <= 5; k++)
            if (seen_l[k] != 1 || seen_s[k] != 1 || seen_r[k] != 1)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                             floc(f, f->meta.hdr.line, "model", ""),
                             "a risk profile needs exactly one [likelihood], "
                             "[severity] and [row] for score %d",
                             k);
        if (f->n_controls != 5)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->meta.hdr.line, "model", ""),
                         "a risk profile needs the five [control] levels "
                         "(eliminasi, substitusi, rekayasa, administratif, "
                         "apd)");
        for (i = 0; i < f->n_controls; i++) {
            int ok = 0;
            for (j = 0; w_ctrl[j]; j++)
                ok |= strcmp(w_ctrl[j], f->controls[i].hdr.name) == 0;
            if (!ok)
                k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                             floc(f, f->controls[i].hdr.line, "control", ""),
                             "[control %s]: the name must be a control level "
                             "(eliminasi, substitusi, rekayasa, administratif, "
                             "apd)",
                             f->controls[i].hdr.name);
        }
    }
    for (i = 0; i < f->n_modifiers; i++)
        if ((f->modifiers[i].when == K3A_WHEN_OBS_BAD ||
             f->modifiers[i].when == K3A_WHEN_OBS_OK) &&
            !f->modifiers[i].item)
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         floc(f, f->modifiers[i].hdr.line, "modifier", "item"),
                         "[modifier %s]: an observation condition needs item",
                         f->modifiers[i].hdr.name);
    for (i = 0; i < f->n_classes; i++) {
        const struct k3a_equip_class *c = &f->classes[i];
        char label[48];
        snprintf(label, sizeof(label), "class %s", c->hdr.name);
        if (!(c->kv_max > c->kv_above))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, c->hdr.line, label, "kv_max"),
                         "kv_max must be above kv_above");
        if (c->equipment) {
            static const char *const eq[] = { "switchgear", "switchboard",
                                              "panelboard", "mcc",
                                              "junction_box", NULL };
            char buf[128], *tok, *save = NULL;
            snprintf(buf, sizeof(buf), "%s", c->equipment);
            for (tok = strtok_r(buf, ", ", &save); tok;
                 tok = strtok_r(NULL, ", ", &save)) {
                int ok = 0;
                for (j = 0; eq[j]; j++)
                    ok |= strcmp(eq[j], tok) == 0;
                if (!ok)
                    k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                                 floc(f, c->hdr.line, label, "equipment"),
                                 "unknown equipment '%s'", tok);
            }
        }
    }
    for (i = 0; i < f->n_mcbs; i++)
        if (!(f->mcbs[i].low_multiple < f->mcbs[i].high_multiple))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->mcbs[i].hdr.line, "mcb", "high_multiple"),
                         "[mcb %s]: high_multiple must be above low_multiple",
                         f->mcbs[i].hdr.name);
    for (i = 1; i < f->n_ppe; i++)
        if (!(f->ppe[i].category > f->ppe[i - 1].category) ||
            !(f->ppe[i].max_cal_cm2 > f->ppe[i - 1].max_cal_cm2))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->ppe[i].hdr.line, "ppe", "max_cal_cm2"),
                         "rows must be in increasing category and max_cal_cm2");
    for (i = 0; i < f->n_approach; i++)
        if (!(f->approach[i].v_max_V > f->approach[i].v_above_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->approach[i].hdr.line, "approach", "v_max_V"),
                         "v_max_V must be above v_above_V");
    for (i = 0; i < f->n_disc; i++)
        if (!(f->disc[i].u0_max_V > f->disc[i].u0_above_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_RANGE,
                         floc(f, f->disc[i].hdr.line, "disconnection", "u0_max_V"),
                         "u0_max_V must be above u0_above_V");
    for (i = 1; i < f->n_ir; i++)
        if (!(f->ir[i].max_nominal_V > f->ir[i - 1].max_nominal_V))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->ir[i].hdr.line, "insulation", "max_nominal_V"),
                         "rows must be in increasing max_nominal_V");
    for (i = 1; i < f->n_typical; i++)
        if (!(f->typical[i].kva_max > f->typical[i - 1].kva_max))
            k3a_diag_add(dl, K3A_ERROR, K3A_E_INPUT,
                         floc(f, f->typical[i].hdr.line, "typical", "kva_max"),
                         "rows must be in increasing kva_max");
}

static enum k3a_status load_one(struct k3a_models *m, const char *label,
                                int builtin, const char *text, size_t len,
                                struct k3a_diag_list *dl)
{
    struct k3a_model_file *f, *files;
    struct k3a__schema sc;
    enum k3a_status st;
    size_t before = dl->n_errors;

    files = realloc(m->files, (m->n + 1) * sizeof(*files));
    if (!files)
        return K3A_E_NOMEM;
    m->files = files;
    f = &m->files[m->n++];
    memset(f, 0, sizeof(*f));
    f->file = k3a__strdup(label);
    f->builtin = builtin;
    if (!f->file)
        return K3A_E_NOMEM;
    k3a__sha256(text, len, f->sha256);
    sc.kinds = model_kinds;
    sc.n_kinds = MK_COUNT;
    sc.base = f;
    if (!f->names && !(f->names = calloc(1, sizeof(*f->names))))
        return K3A_E_NOMEM;
    sc.names = f->names;
    sc.hint = NULL;
    st = k3a__ini_load(&sc, f->file, text, len, dl);
    if (st == K3A_E_NOMEM)
        return st;
    validate_file(f, dl);
    return dl->n_errors > before ? K3A_E_INPUT : K3A_OK;
}

static int ends_with_ini(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".ini") == 0 && name[0] != '.';
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static enum k3a_status models_load_c(struct k3a_models *m, const char *dir,
                                struct k3a_diag_list *dl)
{
    char **names = NULL;
    size_t n_names = 0, i, j;
    enum k3a_status worst = K3A_OK, st;

    if (dir) {
        DIR *d = opendir(dir);
        struct dirent *de;
        if (!d) {
            struct k3a_loc l = { dir, 0, "", "" };
            k3a_diag_add(dl, K3A_ERROR, K3A_E_IO, l,
                         "cannot open the models folder");
            return K3A_E_IO;
        }
        while ((de = readdir(d)) != NULL) {
            char **q;
            if (!ends_with_ini(de->d_name))
                continue;
            q = realloc(names, (n_names + 1) * sizeof(*names));
            if (!q) {
                closedir(d);
                goto nomem;
            }
            names = q;
            names[n_names] = k3a__strdup(de->d_name);
            if (!names[n_names++]) {
                closedir(d);
                goto nomem;
            }
        }
        closedir(d);
        if (n_names)
            qsort(names, n_names, sizeof(*names), cmp_str);
    }
    /* built-in files not replaced by one in dir */
    for (i = 0; i < k3a__n_embedded_models; i++) {
        const struct k3a__embedded *e = &k3a__embedded_models[i];
        char label[256];
        int replaced = 0;
        for (j = 0; j < n_names; j++)
            replaced |= strcmp(names[j], e->name) == 0;
        if (replaced)
            continue;
        snprintf(label, sizeof(label), "models/%s", e->name);
        st = load_one(m, label, 1, e->text, e->len, dl);
        if (st == K3A_E_NOMEM)
            goto nomem;
        if (st != K3A_OK)
            worst = st;
    }
    for (j = 0; j < n_names; j++) {
        char path[4096], msg[200], *text;
        size_t len;
        int fd;
        struct stat sb;
        snprintf(path, sizeof(path), "%s/%s", dir, names[j]);
        /* a FIFO (or device) would block the read: only regular files,
         * looked at without blocking */
        fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
        if (fd < 0) {
            snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
            st = K3A_E_IO;
        } else if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            snprintf(msg, sizeof(msg), "not a regular file (a FIFO, device or folder): "
                                       "model files must be regular files");
            st = K3A_E_IO;
        } else {
            st = K3A_OK;
        }
        if (fd >= 0)
            close(fd);
        if (st == K3A_OK)
            st = k3a__read_file(path, 16u << 20, &text, &len, msg, sizeof(msg));
        if (st != K3A_OK) {
            /* `PATH: error: ...`: the label lives in m->files (a file
             * entry with nothing loaded) as long as the diagnostics */
            struct k3a_model_file *ff;
            struct k3a_model_file *q = realloc(m->files, (m->n + 1) * sizeof(*q));
            struct k3a_loc l = { NULL, 0, "", "" };
            if (!q)
                goto nomem;
            m->files = q;
            ff = &m->files[m->n];
            memset(ff, 0, sizeof(*ff));
            if (!(ff->file = k3a__strdup(path)))
                goto nomem;
            m->n++;
            l.file = ff->file;
            k3a_diag_add(dl, K3A_ERROR, st, l, "%s", msg);
            worst = st == K3A_E_NOMEM ? K3A_E_NOMEM : st;
            continue;
        }
        st = load_one(m, path, 0, text, len, dl);
        free(text);
        if (st == K3A_E_NOMEM)
            goto nomem;
        if (st != K3A_OK)
            worst = st;
    }
    /* a file that replaces a built-in one must keep its id: the program
     * looks its tables up by it */
    for (i = 0; i < k3a__n_embedded_models && worst != K3A_E_IO; i++) {
        const char *nm = k3a__embedded_models[i].name;
        char id[128];
        size_t nl = strlen(nm);
        snprintf(id, sizeof(id), "%.*s", (int)(nl > 4 ? nl - 4 : nl), nm);
        if (!k3a_models_find(m, id)) {
            for (j = 0; j < m->n; j++) {
                const char *b = strrchr(m->files[j].file, '/');
                if (!m->files[j].builtin && strcmp(b ? b + 1 : m->files[j].file, nm) == 0)
                    break;
            }
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         j < m->n ? floc(&m->files[j], m->files[j].meta.hdr.line > 0
                                                           ? m->files[j].meta.hdr.line
                                                           : 1,
                                         "model", "id")
                                  : floc(&m->files[0], 0, "", ""),
                         "this file replaces models/%s, so its id must be '%s' (the "
                         "program looks its tables up by it)",
                         nm, id);
            worst = K3A_E_INPUT;
        }
    }
    /* two files with one id would make lookups ambiguous */
    for (i = 0; i < m->n; i++)
        for (j = i + 1; j < m->n; j++)
            if (m->files[i].meta.id && m->files[j].meta.id &&
                strcmp(m->files[i].meta.id, m->files[j].meta.id) == 0) {
                k3a_diag_add(dl, K3A_ERROR, K3A_E_DUPLICATE,
                             floc(&m->files[j], m->files[j].meta.hdr.line,
                                  "model", "id"),
                             "id '%s' is also used by %s", m->files[j].meta.id,
                             m->files[i].file);
                worst = K3A_E_INPUT;
            }
    /* the arc-flash tables must be complete (every IEEE 1584 row) for an
     * audit to use them: a gap is an error now, not an audit without arc
     * flash later */
    if (worst == K3A_OK) {
        struct k3a_arc_model am;
        if (k3a_arc_model_build(m, &am, dl) != K3A_OK)
            worst = K3A_E_INPUT;
    }
    for (j = 0; j < n_names; j++)
        free(names[j]);
    free(names);
    return worst;
nomem:
    for (j = 0; j < n_names; j++)
        free(names[j]);
    free(names);
    return K3A_E_NOMEM;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_models_load(struct k3a_models *m, const char *dir,
                                struct k3a_diag_list *dl)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = models_load_c(m, dir, dl);

    k3a__c_locale_leave(old);
    return ret_;
}

const struct k3a_model_file *k3a_models_find(const struct k3a_models *m,
                                             const char *id)
{
    size_t i;

    for (i = 0; i < m->n; i++)
        if (m->files[i].meta.id && m->files[i].meta.id[0] == id[0] &&
            strcmp(m->files[i].meta.id, id) == 0)
            return &m->files[i];
    return NULL;
}

const struct k3a_model_file *k3a_models_limits(const struct k3a_models *m,
                                               const char *name)
{
    char id[96];

    snprintf(id, sizeof(id), "limits-%s", name);
    return k3a_models_find(m, id);
}

const struct k3a_param *k3a_model_param(const struct k3a_model_file *f,
                                        const char *name)
{
    enum k3a_kind kind;
    int32_t idx;
    size_t i;

    /* through the file's name index (the stages ask per element): a name
     * it does not hold is no param's; one of another row, or differing in
     * case, is looked for row by row as before */
    if (f->names && k3a__names_find(f->names, name, &kind, &idx)) {
        if ((int)kind == MK_PARAM && idx >= 0 && (size_t)idx < f->n_params &&
            strcmp(f->params[idx].hdr.name, name) == 0)
            return &f->params[idx];
    } else if (f->names && f->names->n) {
        return NULL;
    }
    for (i = 0; i < f->n_params; i++)
        if (strcmp(f->params[i].hdr.name, name) == 0)
            return &f->params[i];
    return NULL;
}

const struct k3a_obs_item *k3a_models_obs_item(const struct k3a_models *m,
                                               const char *id)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_items; j++)
            if (strcmp(m->files[i].items[j].hdr.name, id) == 0)
                return &m->files[i].items[j];
    return NULL;
}

static int lists_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while ((p = strstr(p, word)) != NULL) {
        int start = p == list || p[-1] == ',' || p[-1] == ' ';
        int end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end)
            return 1;
        p += n;
    }
    return 0;
}

const struct k3a_equip_class *
k3a_models_equip_class(const struct k3a_models *m, enum k3a_equipment eq,
                       double voltage_kV)
{
    static const char *const words[] = { "switchgear", "switchboard",
                                         "panelboard", "mcc",
                                         "junction_box", "open_air" };
    size_t i, j;

    if ((unsigned)eq > K3A_EQ_OPEN_AIR)
        return NULL;
    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_classes; j++) {
            const struct k3a_equip_class *c = &m->files[i].classes[j];
            if (c->equipment && lists_word(c->equipment, words[eq]) &&
                voltage_kV > c->kv_above && !(voltage_kV > c->kv_max))
                return c;
        }
    return NULL;
}

const struct k3a_tx_typical *k3a_models_tx_typical(const struct k3a_models *m,
                                                   double rating_kVA)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_typical; j++)
            if (!(rating_kVA > m->files[i].typical[j].kva_max))
                return &m->files[i].typical[j];
    return NULL;
}

const struct k3a_param *k3a_models_param(const struct k3a_models *m,
                                         const char *file_id, const char *name)
{
    const struct k3a_model_file *f = k3a_models_find(m, file_id);
    return f ? k3a_model_param(f, name) : NULL;
}

const struct k3a_conductor *k3a_models_conductor(const struct k3a_models *m,
                                                 enum k3a_material mat,
                                                 double size_mm2)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_conductors; j++) {
            const struct k3a_conductor *c = &m->files[i].conductors[j];
            if (c->material == mat && fabs(c->size_mm2 - size_mm2) < 1e-6)
                return c;
        }
    return NULL;
}

const struct k3a_curve_coef *k3a_models_curve(const struct k3a_models *m,
                                              const char *name)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_curves; j++)
            if (strcmp(m->files[i].curves[j].hdr.name, name) == 0)
                return &m->files[i].curves[j];
    return NULL;
}

const struct k3a_mcb_band *k3a_models_mcb(const struct k3a_models *m,
                                          const char *letter)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_mcbs; j++)
            if (strcmp(m->files[i].mcbs[j].hdr.name, letter) == 0)
                return &m->files[i].mcbs[j];
    return NULL;
}
