/*
 * models_keys.c - the schema of the model files (models/): every row
 * kind and its keys, with unit, physical range and meaning, as one table
 * per kind (schema.h).  The loader and the checks are in models.c and
 * models_check.c.
 */
#include <stddef.h>

#include "keytab.h"
#include "modeltab.h"
#include "k3audit/arcflash.h"

const char *const k3a__mw_purpose[] = { "system", "equipment", "lightning",
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
const char *const k3a__mw_control[] = { "eliminasi", "substitusi",
                                        "rekayasa", "administratif", "apd",
                                        NULL };
static const char *const w_when[] = { "access_public", "wet",
                                      "observation_bad", "observation_ok",
                                      "rcd_at_bus", NULL };

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
    E(T, purpose, k3a__mw_purpose, REQ, 0, "fungsi pembumian"),
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
    E(T, control, k3a__mw_control, REQ, 0, "tingkat pengendalian usulan"),
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

const struct k3a__kind k3a__model_kinds[MK_COUNT] = {
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
