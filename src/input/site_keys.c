/*
 * site_keys.c - every section kind and key of the site format, as data.
 *
 * One row per key: name (= the struct field, units included), type, unit,
 * physical range, flags, default and one line of documentation in Bahasa
 * Indonesia.  The ranges here are physical plausibility limits (a value
 * outside them is a typing mistake); a calculation model's own validity
 * range is checked by that model and gives a warning, not an error.
 *
 * REF: docs/site-format.md (= ../shared/spec/site-format.md, version 1).
 */
#include <float.h>
#include <string.h>
#include <strings.h>

#include "keytab.h"

/* clang-format off */
/* Keys every section accepts, and those of equipment sections.  None of
 * them enters a calculation. */
#define COMMON(T)                                                            \
    ROW(T, "label", KT_TEXT, hdr.label, "", 0, 0, KF_MULTI, NULL, 0, 0,      \
        "nama seperti tertulis di lapangan"),                                \
    ROW(T, "note", KT_TEXT, hdr.note, "", 0, 0, KF_MULTI, NULL, 0, 0,        \
        "catatan penguji"),                                                  \
    ROW(T, "photo", KT_TEXT, hdr.photo, "", 0, 0, KF_MULTI, NULL, 0, 0,      \
        "berkas foto (relatif terhadap berkas situs), pisahkan dengan koma")
#define EQUIP_NS(T)                                                          \
    ROW(T, "make", KT_TEXT, hdr.make, "", 0, 0, KF_EQUIP, NULL, 0, 0,        \
        "merek"),                                                            \
    ROW(T, "model", KT_TEXT, hdr.model, "", 0, 0, KF_EQUIP, NULL, 0, 0,      \
        "tipe / model"),                                                     \
    ROW(T, "year", KT_INT, hdr.year, "", 1900, 2100, KF_EQUIP, NULL, 0, 0,   \
        "tahun pembuatan")
#define EQUIP(T)                                                             \
    EQUIP_NS(T),                                                             \
    ROW(T, "serial", KT_TEXT, hdr.serial, "", 0, 0, KF_EQUIP, NULL, 0, 0,    \
        "nomor seri")
#define MEAS(T)                                                              \
    ROW(T, "instrument", KT_REFLIST, meas.instrument, "", 0, 0, KF_MULTI,    \
        NULL, K3A__REF(INSTRUMENT), 0, "alat ukur yang dipakai ([instrument])"), \
    ROW(T, "test_date", KT_DATE, meas.test_date, "", 0, 0, 0, NULL, 0, 0,    \
        "tanggal pengujian (bawaan: audit_date)")

#define NODE_REFS (K3A__REF(BUS) | K3A__REF(SUPPLY))
#define CIRCUIT_REFS (K3A__REF(BUS) | K3A__REF(CABLE) | K3A__REF(LOAD) |      \
                      K3A__REF(TRANSFORMER) | K3A__REF(GENERATOR))

static const char *const w_inspection[] = { "initial", "periodic",
    "after_change", "after_incident", NULL };
static const char *const w_sector[] = { "industri", "kantor", "hotel",
    "rumah_sakit", "mall", "sekolah", "lainnya", NULL };
static const char *const w_es[] = { "TN-S", "TN-C", "TN-C-S", "TT", "IT",
    NULL };
static const char *const w_lang[] = { "id", "en", NULL };
static const char *const w_genmode[] = { "standby", "parallel", NULL };
static const char *const w_equipment[] = { "switchgear", "switchboard",
    "panelboard", "mcc", "junction_box", "open_air", NULL };
static const char *const w_access[] = { "authorized", "public", NULL };
static const char *const w_electrode[] = { "VCB", "VCBB", "HCB", "VOA",
    "HOA", NULL };
static const char *const w_material[] = { "Cu", "Al", NULL };
static const char *const w_insulation[] = { "PVC", "XLPE", NULL };
static const char *const w_method[] = { "A1", "A2", "B1", "B2", "C", "D1",
    "D2", "E", "F", NULL };
static const char *const w_arrangement[] = { "bunched", "wall", "tray",
    "ladder", NULL };
static const char *const w_devtype[] = { "mcb", "mccb", "acb", "fuse",
    "relay", NULL };
static const char *const w_curve[] = { "B", "C", "D", "IEC_SI", "IEC_VI",
    "IEC_EI", "IEC_LTI", "IEEE_MI", "IEEE_VI", "IEEE_EI", "DT", NULL };
static const char *const w_loadkind[] = { "motor", "lighting", "hvac",
    "socket", "heater", "process", "other", NULL };
static const char *const w_ie[] = { "IE1", "IE2", "IE3", "IE4", NULL };
static const char *const w_starting[] = { "dol", "star_delta",
    "soft_starter", "vsd", NULL };
static const char *const w_instr[] = { "earth", "insulation", "loop", "rcd",
    "multifunction", "clamp", "thermal_camera", "pq", "lux", "other", NULL };
static const char *const w_purpose[] = { "system", "equipment", "lightning",
    "combined", NULL };
static const char *const w_electrode_type[] = { "rod", "grid", "plate",
    "strip", "ring", NULL };
static const char *const w_earth_method[] = { "fall_of_potential", "slope",
    "clamp", "two_point", NULL };
static const char *const w_soil_method[] = { "wenner", "schlumberger",
    NULL };
static const char *const w_season[] = { "wet", "dry", NULL };
static const char *const w_ir_eq[] = { "installation", "cable", "motor",
    "transformer", NULL };
static const char *const w_ins_class[] = { "A", "B", "F", "H", NULL };
static const char *const w_rcd_type[] = { "AC", "A", "F", "B", NULL };
static const char *const w_lps[] = { "conventional", "ese", "mesh", "other",
    NULL };
static const char *const w_cond[] = { "Cu", "Al", "steel", NULL };
static const char *const w_continuity[] = { "ok", "defect", NULL };
static const char *const w_obs[] = { "ok", "defect", "absent", "na", NULL };
static const char *const w_hazard[] = { "shock_direct", "shock_indirect",
    "fire", "explosion", "arc_flash", "lightning", "other", NULL };
static const char *const w_control[] = { "eliminasi", "substitusi",
    "rekayasa", "administratif", "apd", NULL };

#define T struct k3a_site_info
static const struct k3a__key site_keys[] = {
    COMMON(T),
    S(T, name, REQ, "nama tempat kerja / gedung"),
    DT(T, audit_date, REQ, "tanggal riksa uji (juga tanggal dokumen)"),
    S(T, address, 0, "alamat"),
    S(T, company, 0, "nama perusahaan"),
    S(T, auditor, 0, "nama penguji / Ahli K3 Listrik"),
    S(T, auditor_licence, 0, "nomor lisensi / SKP penguji"),
    S(T, inspection_body, 0, "lembaga penguji (Balai K3 atau PJK3)"),
    E(T, inspection_type, w_inspection, DEF, 1, "jenis riksa uji: pertama, berkala, setelah perubahan, setelah kecelakaan"),
    DT(T, previous_inspection, 0, "tanggal riksa uji sebelumnya"),
    S(T, permit_no, 0, "nomor pengesahan / izin"),
    E(T, sector, w_sector, 0, 0, "sektor bangunan (untuk tolok ukur IKE)"),
    D(T, floor_area_m2, "m2", 0, 1e8, GT, 0, "luas lantai (untuk IKE)"),
    E(T, earthing_system, w_es, DEF, 2, "sistem pembumian (PUIL 2011 312.2)"),
    D(T, frequency_Hz, "Hz", 45, 65, DEF, 50, "frekuensi sistem"),
    E(T, lang, w_lang, DEF, 0, "bahasa laporan: id atau en"),
    S(T, limits, 0, "himpunan batas di models/ (bawaan puil2011)"),
    S(T, risk_profile, 0, "profil risiko di models/ (bawaan as_nzs_4360)"),
    S(T, grid, 0, "sistem kelistrikan untuk faktor emisi CO2 di models/ (bawaan jamali; daftar: k3audit models)"),
    D(T, lv_tolerance_pct, "%", 6, 10, DEF, 10, "toleransi tegangan TR: 6 atau 10 (faktor c IEC 60909)"),
    B(T, motor_contribution, DEF, 1, "hitung kontribusi motor pada hubung singkat"),
    D(T, arc_time_max_s, "s", 0, 60, GT | DEF, 2, "lama busur terpanjang yang dipakai (IEEE 1584-2018 6.9.1)"),
    S(T, report_no, 0, "nomor laporan / surat keterangan (kepala halaman, Pengesahan)"),
    S(T, company_rep, 0, "nama wakil perusahaan yang menandatangani (Pengesahan)"),
    S(T, company_rep_title, 0, "jabatan wakil perusahaan (Pengesahan)"),
    S(T, sign_place, 0, "tempat penandatanganan (Pengesahan)"),
    S(T, scope, 0, "lingkup riksa uji (Pengesahan; bawaan: kalimat baku)"),
    S(T, id, 0, "kode tempat kerja di riwayat audit (bawaan: name)"),
};
#undef T

#define T struct k3a_scenario
static const struct k3a__key scenario_keys[] = {
    COMMON(T),
    S(T, title, REQ, "judul skenario latihan"),
    S(T, story, 0, "cerita skenario"),
    S(T, task, 0, "tugas untuk peserta"),
};
#undef T

#define T struct k3a_supply
static const struct k3a__key supply_keys[] = {
    COMMON(T),
    D(T, voltage_kV, "kV", 0, 800, REQ | GT, 0, "tegangan nominal sambungan PLN (fasa-fasa)"),
    D(T, fault_level_MVA, "MVA", 0, 1e5, GT, 0, "daya hubung singkat di titik sambung (dari PLN)"),
    D(T, fault_current_kA, "kA", 0, 300, GT, 0, "arus hubung singkat di titik sambung"),
    D(T, fault_level_min_MVA, "MVA", 0, 1e5, GT, 0, "daya hubung singkat minimum (kasus sumber minimum)"),
    D(T, x_over_r, "", 0, 200, GT | DEF, 10, "rasio X/R jaringan sumber"),
    S(T, tariff, 0, "golongan tarif PLN, mis. I-3, B-3 (daftar: k3audit models)"),
    D(T, contracted_kVA, "kVA", 0, 1e7, GT, 0, "daya tersambung (kontrak)"),
};
#undef T

#define T struct k3a_generator
static const struct k3a__key generator_keys[] = {
    COMMON(T), EQUIP(T),
    R(T, bus, K3A__REF(BUS), REQ, "busbar tempat generator tersambung"),
    D(T, rating_kVA, "kVA", 0, 1e6, REQ | GT, 0, "daya pengenal"),
    D(T, voltage_kV, "kV", 0, 800, REQ | GT, 0, "tegangan pengenal"),
    D(T, power_factor, "", 0, 1, GT | DEF, 0.8, "faktor daya pengenal"),
    D(T, xd2_pct, "%", 0, 100, GT, 0, "reaktansi subtransien X\"d"),
    D(T, x_over_r, "", 0, 200, GT, 0, "rasio X/R generator"),
    E(T, mode, w_genmode, DEF, 0, "standby (cadangan) atau parallel"),
};
#undef T

#define T struct k3a_transformer
static const struct k3a__key transformer_keys[] = {
    COMMON(T), EQUIP(T),
    R(T, from, NODE_REFS, REQ, "sisi primer: busbar atau sumber"),
    R(T, to, K3A__REF(BUS), REQ, "sisi sekunder: busbar"),
    D(T, rating_kVA, "kVA", 0, 1e6, REQ | GT, 0, "daya pengenal"),
    D(T, primary_kV, "kV", 0, 800, REQ | GT, 0, "tegangan pengenal primer"),
    D(T, secondary_kV, "kV", 0, 800, REQ | GT, 0, "tegangan pengenal sekunder"),
    D(T, impedance_pct, "%", 0, 50, GT, 0, "impedansi hubung singkat uk (bawaan: nilai tipikal di models/)"),
    D(T, x_over_r, "", 0, 200, GT, 0, "rasio X/R (bawaan: dari load_loss_W atau tipikal)"),
    S(T, vector_group, 0, "kelompok vektor, bawaan Dyn11"),
    D(T, no_load_loss_W, "W", 0, 1e7, 0, 0, "rugi tanpa beban"),
    D(T, load_loss_W, "W", 0, 1e7, 0, 0, "rugi berbeban pada arus pengenal"),
    B(T, closed, DEF, 1, "terhubung (yes) atau terbuka (no)"),
};
#undef T

#define T struct k3a_bus
static const struct k3a__key bus_keys[] = {
    COMMON(T), EQUIP(T),
    D(T, voltage_kV, "kV", 0, 800, REQ | GT, 0, "tegangan nominal fasa-fasa Un"),
    E(T, equipment, w_equipment, REQ, 0, "jenis perlengkapan (PHB): switchgear, switchboard, panelboard, mcc, junction_box, open_air"),
    I(T, phases, 1, 3, DEF, 3, "jumlah fasa: 1 atau 3"),
    D(T, rated_A, "A", 0, 1e5, GT, 0, "arus pengenal busbar"),
    D(T, withstand_kA, "kA", 0, 300, GT, 0, "arus ketahanan singkat Icw 1 s"),
    S(T, ip_rating, 0, "derajat proteksi selungkup, mis. IP54"),
    S(T, location, 0, "lokasi"),
    E(T, access, w_access, DEF, 0, "akses: authorized (petugas) atau public (umum)"),
    B(T, wet, DEF, 0, "lokasi basah (batas tegangan sentuh 25 V)"),
    E(T, electrode, w_electrode, 0, 0, "konfigurasi elektroda IEEE 1584 (bawaan dari equipment)"),
    D(T, gap_mm, "mm", 0, 1000, GT, 0, "jarak antar konduktor (bawaan dari equipment)"),
    D(T, working_distance_mm, "mm", 0, 10000, GT, 0, "jarak kerja (bawaan dari equipment)"),
    D(T, height_mm, "mm", 0, 10000, GT, 0, "tinggi selungkup"),
    D(T, width_mm, "mm", 0, 10000, GT, 0, "lebar selungkup"),
    D(T, depth_mm, "mm", 0, 10000, GT, 0, "kedalaman selungkup"),
};
#undef T

#define T struct k3a_cable
static const struct k3a__key cable_keys[] = {
    COMMON(T),
    R(T, from, NODE_REFS, REQ, "ujung sumber: busbar atau sumber"),
    R(T, to, K3A__REF(BUS) | K3A__REF(LOAD), REQ, "ujung beban: busbar atau beban (sirkit akhir)"),
    D(T, size_mm2, "mm2", 0, 2000, REQ | GT, 0, "luas penampang per fasa"),
    D(T, length_m, "m", 0, 1e5, REQ | GT, 0, "panjang"),
    E(T, material, w_material, DEF, 0, "bahan konduktor Cu atau Al"),
    E(T, insulation, w_insulation, DEF, 0, "isolasi PVC atau XLPE"),
    I(T, cores, 1, 5, 0, 0, "jumlah inti dalam satu kabel (NYY 4x95 -> 4)"),
    I(T, phases, 1, 3, DEF, 3, "jumlah fasa: 1 atau 3"),
    I(T, parallel, 1, 50, DEF, 1, "jumlah kabel paralel per fasa"),
    E(T, method, w_method, 0, 0, "cara pemasangan IEC 60364-5-52 (A1..F)"),
    E(T, arrangement, w_arrangement, DEF, 0, "susunan kelompok (Tabel B.52.17)"),
    I(T, grouped, 1, 100, DEF, 1, "jumlah sirkit dalam kelompok"),
    D(T, ambient_C, "C", -10, 80, 0, 0, "suhu sekitar (bawaan 30 di udara, 20 di tanah)"),
    RDS(T, measured_A, "A", 0, 1e5, 0, "arus terukur tang ampere: satu nilai atau L1, L2, L3"),
    D(T, neutral_A, "A", 0, 1e5, 0, 0, "arus netral terukur"),
    B(T, closed, DEF, 1, "terhubung (yes) atau terbuka (no)"),
    D(T, r_ohm_km, "ohm/km", 0, 1000, 0, 0, "resistansi per km pada 20 C (mengganti tabel)"),
    D(T, x_ohm_km, "ohm/km", 0, 100, 0, 0, "reaktansi per km (mengganti tabel)"),
};
#undef T

#define T struct k3a_device
static const struct k3a__key device_keys[] = {
    COMMON(T), EQUIP(T),
    R(T, at, NODE_REFS, REQ, "busbar tempat gawai terpasang"),
    R(T, protects, K3A__REF(BUS) | K3A__REF(CABLE) | K3A__REF(TRANSFORMER), REQ, "yang diproteksi: busbar, kabel atau trafo"),
    E(T, type, w_devtype, REQ, 0, "jenis: mcb, mccb, acb, fuse, relay"),
    D(T, rating_A, "A", 0, 1e5, REQ | GT, 0, "arus pengenal In"),
    D(T, breaking_kA, "kA", 0, 300, GT, 0, "kapasitas pemutusan"),
    E(T, curve, w_curve, 0, 0, "kurva: B/C/D (MCB), IEC_*, IEEE_*, DT"),
    D(T, pickup_A, "A", 0, 1e6, GT, 0, "arus setelan (pickup)"),
    D(T, tms, "", 0, 100, GT, 0, "pengali waktu (TMS/TD)"),
    D(T, definite_time_s, "s", 0, 100, 0, 0, "waktu tunda tetap (DT)"),
    D(T, short_time_A, "A", 0, 1e7, GT, 0, "arus setelan waktu singkat"),
    D(T, short_time_s, "s", 0, 10, 0, 0, "waktu tunda waktu singkat"),
    D(T, instantaneous_A, "A", 0, 1e7, GT, 0, "arus setelan seketika"),
    D(T, opening_ms, "ms", 0, 1000, 0, 0, "waktu buka kontak (bawaan menurut jenis)"),
    P(T, tcc, "A:s", 0, 1e5, 0, "titik kurva waktu-arus I_A:t_s (waktu pemutusan total)"),
    D(T, rcd_mA, "mA", 0, 1e4, GT, 0, "arus sisa pengenal bila gawai ber-RCD"),
};
#undef T

#define T struct k3a_capacitor
static const struct k3a__key capacitor_keys[] = {
    COMMON(T), EQUIP(T),
    R(T, bus, K3A__REF(BUS), REQ, "busbar"),
    D(T, rated_kvar, "kvar", 0, 1e5, REQ | GT, 0, "daya reaktif pengenal"),
    D(T, voltage_kV, "kV", 0, 800, GT, 0, "tegangan pengenal"),
    I(T, steps, 1, 64, 0, 0, "jumlah step"),
    D(T, working_kvar, "kvar", 0, 1e5, 0, 0, "kvar yang berfungsi saat diperiksa (bawaan rated_kvar)"),
    B(T, detuned, DEF, 0, "dengan reaktor detuning"),
};
#undef T

#define T struct k3a_load
static const struct k3a__key load_keys[] = {
    COMMON(T), EQUIP(T),
    R(T, bus, K3A__REF(BUS), 0, "busbar (boleh kosong bila kabel 'to' menunjuk beban ini)"),
    D(T, rated_kW, "kW", 0, 1e6, REQ | GT, 0, "daya pengenal satu unit (motor: daya poros)"),
    E(T, kind, w_loadkind, DEF, 6, "jenis beban"),
    I(T, quantity, 1, 100000, DEF, 1, "jumlah unit"),
    I(T, phases, 1, 3, DEF, 3, "jumlah fasa: 1 atau 3"),
    D(T, power_factor, "", 0, 1, GT, 0, "faktor daya (bawaan menurut jenis di models/)"),
    D(T, efficiency_pct, "%", 0, 100, GT, 0, "efisiensi (motor: minimum IEC 60034-30-1 kelas ie_class)"),
    E(T, ie_class, w_ie, 0, 0, "kelas efisiensi motor IE1..IE4"),
    I(T, poles, 2, 48, DEF, 4, "jumlah kutub motor"),
    D(T, load_factor, "", 0, 1, DEF, 1, "faktor beban rata-rata (0..1)"),
    D(T, demand_factor, "", 0, 1, DEF, 1, "faktor kebutuhan saat beban puncak (0..1)"),
    D(T, hours_per_year, "h", 0, 8784, 0, 0, "jam operasi per tahun"),
    E(T, starting, w_starting, 0, 0, "cara asut: dol, star_delta, soft_starter, vsd"),
    D(T, overload_A, "A", 0, 1e5, GT, 0, "setelan relai beban lebih"),
    D(T, area_m2, "m2", 0, 1e7, GT, 0, "luas area yang diterangi"),
    D(T, measured_lux, "lx", 0, 1e5, 0, 0, "iluminansi terukur"),
    D(T, required_lux, "lx", 0, 1e5, 0, 0, "iluminansi yang disyaratkan"),
    S(T, space, 0, "jenis ruang untuk batas daya pencahayaan SNI 6197 ([lpd] di models/; daftar: k3audit models)"),
    D(T, voltage_kV, "kV", 0, 800, GT, 0, "tegangan pengenal motor (bawaan: tegangan bus)"),
    D(T, locked_rotor_ratio, "", 1, 20, 0, 0, "rasio arus asut motor I_LR/I_rM (bawaan dari models/)"),
};
#undef T

#define T struct k3a_instrument
static const struct k3a__key instrument_keys[] = {
    COMMON(T), EQUIP_NS(T),
    ROW(T, "serial", KT_TEXT, hdr.serial, "", 0, 0, REQ, NULL, 0, 0, "nomor seri alat ukur"),
    E(T, type, w_instr, REQ, 0, "jenis alat ukur"),
    DT(T, calibrated, 0, "tanggal kalibrasi"),
    DT(T, calibration_due, 0, "batas berlaku kalibrasi"),
};
#undef T

#define T struct k3a_earthing
static const struct k3a__key earthing_keys[] = {
    COMMON(T), MEAS(T),
    E(T, purpose, w_purpose, REQ, 0, "fungsi: system, equipment, lightning, combined"),
    R(T, bus, K3A__REF(BUS), 0, "busbar / panel yang dibumikan"),
    E(T, electrode, w_electrode_type, 0, 0, "jenis elektroda: rod, grid, plate, strip, ring"),
    RD(T, measured_ohm, "ohm", 0, 1e6, 0, "tahanan pembumian yang dilaporkan (boleh >N)"),
    E(T, method, w_earth_method, 0, 0, "metode ukur"),
    P(T, readings, "m:ohm", 0, 1e6, 0, "bacaan fall-of-potential jarak_m:ohm"),
    D(T, current_probe_m, "m", 0, 1e4, GT, 0, "jarak probe arus (wajib bila ada readings)"),
    D(T, rod_length_m, "m", 0, 100, GT, 0, "panjang batang elektroda"),
    D(T, rod_diameter_mm, "mm", 0, 500, GT, 0, "diameter batang"),
    I(T, rod_count, 1, 1000, 0, 0, "jumlah batang"),
    D(T, rod_spacing_m, "m", 0, 1000, GT, 0, "jarak antar batang"),
    R(T, soil, K3A__REF(SOIL), 0, "survei tahanan jenis tanah ([soil])"),
    D(T, seasonal_factor, "", 0, 10, GT | DEF, 1, "faktor musim"),
    DD(T, previous_ohm, "ohm", 0, 1e6, 0, "hasil ukur sebelumnya YYYY-MM-DD:ohm"),
};
#undef T

#define T struct k3a_soil
static const struct k3a__key soil_keys[] = {
    COMMON(T), MEAS(T),
    E(T, method, w_soil_method, DEF, 0, "metode: wenner atau schlumberger"),
    P(T, readings, "m:ohm", 0, 1e6, 0, "bacaan jarak_m:ohm"),
    P(T, resistivity, "m:ohm_m", 0, 1e7, 0, "tahanan jenis jarak_m:ohm_m (alat yang menampilkan rho)"),
    D(T, probe_depth_m, "m", 0, 100, 0, 0, "kedalaman tancap probe"),
    D(T, potential_spacing_m, "m", 0, 1000, GT, 0, "jarak probe tegangan (schlumberger)"),
    E(T, season, w_season, 0, 0, "musim: wet atau dry"),
};
#undef T

#define T struct k3a_insulation
static const struct k3a__key insulation_keys[] = {
    COMMON(T), MEAS(T),
    R(T, circuit, CIRCUIT_REFS, 0, "sirkit yang diuji"),
    S(T, location, 0, "lokasi (bila tidak ada circuit)"),
    D(T, nominal_V, "V", 0, 1e6, REQ | GT, 0, "tegangan nominal sirkit"),
    D(T, test_V, "V", 0, 2e4, REQ | GT, 0, "tegangan uji DC"),
    E(T, equipment, w_ir_eq, DEF, 0, "yang diuji: installation, cable, motor, transformer"),
    LB(T, readings_Mohm, "Mohm", 0, 1e7, 0, "bacaan berlabel, mis. L1-PE:850, N-PE:640"),
    RD(T, r30s_Mohm, "Mohm", 0, 1e7, 0, "bacaan 30 detik (DAR)"),
    RD(T, r1min_Mohm, "Mohm", 0, 1e7, 0, "bacaan 1 menit"),
    RD(T, r10min_Mohm, "Mohm", 0, 1e7, 0, "bacaan 10 menit (PI)"),
    D(T, temperature_C, "C", -20, 200, 0, 0, "suhu isolasi saat diuji (koreksi IEEE 43)"),
    E(T, insulation_class, w_ins_class, 0, 0, "kelas isolasi A, B, F, H"),
    DD(T, previous_Mohm, "Mohm", 0, 1e7, 0, "hasil sebelumnya YYYY-MM-DD:Mohm"),
};
#undef T

#define T struct k3a_loop
static const struct k3a__key loop_keys[] = {
    COMMON(T), MEAS(T),
    R(T, circuit, CIRCUIT_REFS, 0, "sirkit yang diuji"),
    S(T, location, 0, "lokasi (bila tidak ada circuit)"),
    R(T, device, K3A__REF(DEVICE), 0, "gawai proteksi (bawaan: yang memutus gangguan di circuit)"),
    D(T, zs_ohm, "ohm", 0, 1e4, 0, 0, "impedansi lingkar gangguan fasa-PE"),
    D(T, psc_kA, "kA", 0, 300, 0, 0, "arus gangguan prospektif yang ditampilkan alat"),
    D(T, pe_ohm, "ohm", 0, 1e4, 0, 0, "kontinuitas penghantar proteksi"),
    RD(T, touch_V, "V", 0, 1e4, 0, "tegangan sentuh terukur"),
};
#undef T

#define T struct k3a_rcd
static const struct k3a__key rcd_keys[] = {
    COMMON(T), MEAS(T),
    R(T, device, K3A__REF(DEVICE), 0, "gawai RCD"),
    R(T, bus, K3A__REF(BUS), 0, "busbar (bila tidak ada device)"),
    D(T, rated_mA, "mA", 0, 1e4, GT, 0, "arus sisa pengenal IΔn"),
    E(T, type, w_rcd_type, DEF, 0, "tipe RCD: AC, A, F, B"),
    B(T, selective, 0, 0, "tipe S (selektif)"),
    RD(T, trip_ms_1x, "ms", 0, 1e5, 0, "waktu trip pada 1 x IΔn"),
    RD(T, trip_ms_5x, "ms", 0, 1e5, 0, "waktu trip pada 5 x IΔn"),
    RD(T, trip_mA, "mA", 0, 1e5, 0, "arus trip (uji ramp)"),
    B(T, tripped_at_half, 0, 0, "trip pada 0,5 x IΔn (yes = gagal)"),
};
#undef T

#define T struct k3a_thermography
static const struct k3a__key thermography_keys[] = {
    COMMON(T), MEAS(T),
    R(T, bus, K3A__REF(BUS), 0, "busbar / panel"),
    S(T, location, 0, "lokasi (bila tidak ada bus)"),
    S(T, component, 0, "komponen, mis. terminal MCCB fasa R"),
    D(T, temp_C, "C", -50, 1500, REQ, 0, "suhu komponen"),
    D(T, reference_C, "C", -50, 1500, 0, 0, "suhu komponen sejenis pada beban serupa"),
    D(T, ambient_C, "C", -50, 100, 0, 0, "suhu sekitar"),
    D(T, load_pct, "%", 0, 300, 0, 0, "pembebanan saat diukur"),
};
#undef T

#define T struct k3a_pq
static const struct k3a__key pq_keys[] = {
    COMMON(T), MEAS(T),
    R(T, bus, K3A__REF(BUS), REQ, "busbar"),
    RDS(T, voltage_V, "V", 0, 1e6, 0, "tegangan fasa-fasa (3 nilai) atau satu nilai pada bus 1 fasa"),
    RDS(T, current_A, "A", 0, 1e6, 0, "arus masuk bus (1 atau 3 nilai)"),
    D(T, neutral_A, "A", 0, 1e6, 0, 0, "arus netral"),
    D(T, power_factor, "", 0, 1, GT, 0, "faktor daya"),
    D(T, thd_v_pct, "%", 0, 100, 0, 0, "THD tegangan"),
    D(T, thd_i_pct, "%", 0, 500, 0, 0, "THD arus"),
    D(T, demand_kW, "kW", 0, 1e7, 0, 0, "beban puncak terukur"),
    D(T, duration_h, "h", 0, 1e5, 0, 0, "lama perekaman (0 = sesaat)"),
};
#undef T

#define T struct k3a_lightning
static const struct k3a__key lightning_keys[] = {
    COMMON(T), MEAS(T),
    E(T, type, w_lps, 0, 0, "jenis penyalur petir: conventional, ese, mesh, other"),
    I(T, air_terminals, 0, 10000, 0, 0, "jumlah terminal udara"),
    D(T, terminal_height_m, "m", 0, 1000, GT, 0, "tinggi terminal udara"),
    D(T, structure_height_m, "m", 0, 1000, GT, 0, "tinggi bangunan"),
    I(T, down_conductors, 0, 1000, 0, 0, "jumlah penghantar turun"),
    D(T, down_conductor_mm2, "mm2", 0, 1000, GT, 0, "penampang penghantar turun"),
    E(T, down_conductor_material, w_cond, 0, 0, "bahan penghantar turun"),
    E(T, continuity, w_continuity, 0, 0, "kontinuitas: ok atau defect"),
    RL(T, earthing, K3A__REF(EARTHING), 0, "elektroda pembumian ([earthing])"),
    B(T, separate_earth, 0, 0, "pembumian terpisah dari pembumian listrik"),
    B(T, counter, 0, 0, "ada penghitung sambaran"),
    DT(T, last_test, 0, "tanggal pengujian terakhir"),
    B(T, struck, 0, 0, "pernah tersambar sejak pengujian terakhir"),
    S(T, location, 0, "lokasi"),
};
#undef T

#define T struct k3a_bill
static const struct k3a__key bill_keys[] = {
    COMMON(T),
    D(T, kWh_lwbp, "kWh", 0, 1e10, 0, 0, "energi luar waktu beban puncak"),
    D(T, kWh_wbp, "kWh", 0, 1e10, 0, 0, "energi waktu beban puncak"),
    D(T, kWh, "kWh", 0, 1e10, 0, 0, "energi (tarif tunggal)"),
    D(T, kvarh, "kvarh", 0, 1e10, 0, 0, "energi reaktif"),
    D(T, peak_kW, "kW", 0, 1e7, 0, 0, "beban puncak"),
    D(T, cost_Rp, "Rp", 0, 1e14, 0, 0, "tagihan"),
    D(T, production, "", 0, 1e13, 0, 0, "jumlah produksi (unit)"),
    D(T, cdd, "C.day", 0, 1000, 0, 0, "cooling degree-days"),
};
#undef T

#define T struct k3a_observation
static const struct k3a__key observation_keys[] = {
    COMMON(T),
    S(T, item, REQ, "butir daftar periksa di models/ (k3audit models)"),
    E(T, status, w_obs, REQ, 0, "status: ok, defect, absent, na"),
    R(T, bus, K3A__REF(BUS), 0, "busbar / panel"),
    S(T, location, 0, "lokasi"),
};
#undef T

#define T struct k3a_hazard
static const struct k3a__key hazard_keys[] = {
    COMMON(T),
    S(T, description, REQ, "uraian bahaya"),
    S(T, activity, 0, "kegiatan"),
    E(T, kind, w_hazard, DEF, 6, "jenis bahaya"),
    R(T, bus, K3A__REF(BUS), 0, "busbar / panel"),
    S(T, location, 0, "lokasi"),
    I(T, likelihood, 1, 5, REQ, 0, "kemungkinan 1..5"),
    I(T, severity, 1, 5, REQ, 0, "keparahan 1..5"),
    S(T, controls_existing, 0, "pengendalian yang ada"),
    S(T, control_proposed, 0, "pengendalian yang diusulkan"),
    E(T, control_level, w_control, 0, 0, "tingkat hirarki pengendalian"),
    I(T, likelihood_after, 1, 5, 0, 0, "kemungkinan setelah pengendalian"),
    I(T, severity_after, 1, 5, 0, 0, "keparahan setelah pengendalian"),
    S(T, owner, 0, "penanggung jawab"),
    DT(T, due, 0, "batas waktu"),
};
#undef T

#define T struct k3a_variant
static const struct k3a__key variant_keys[] = {
    COMMON(T),
    S(T, title, REQ, "judul varian"),
    S(T, story, 0, "cerita varian"),
    REP(T, set, "perubahan kind.name.key=value (boleh berulang)"),
    REP(T, drop, "hapus elemen kind.name (boleh berulang)"),
};
#undef T

#define SINGLE(id, word, T, field, keys, fl, doc)                            \
    { word, K3A_KIND_##id, sizeof(T), offsetof(struct k3a_site, field), 0, 0, \
      keys, NK(keys), K3A__KIND_SINGLE | K3A__KIND_NONAME | (fl), doc }
#define MANY(id, word, T, field, keys, fl, doc)                              \
    { word, K3A_KIND_##id, sizeof(T), offsetof(struct k3a_site, field),      \
      offsetof(struct k3a_site, n_##field),                                  \
      offsetof(struct k3a_site, cap_##field), keys, NK(keys),                \
      K3A__KIND_MANY | (fl), doc }

static const struct k3a__kind kinds[K3A_KIND_COUNT] = {
    SINGLE(SITE, "site", struct k3a_site_info, site, site_keys, 0,
           "identitas tempat kerja dan riksa uji"),
    SINGLE(SCENARIO, "scenario", struct k3a_scenario, scenario, scenario_keys, 0,
           "skenario latihan (Bimtek)"),
    MANY(SUPPLY, "supply", struct k3a_supply, supplies, supply_keys, 0,
         "sambungan PLN"),
    MANY(GENERATOR, "generator", struct k3a_generator, generators, generator_keys,
         K3A__KIND_EQUIP, "generator (genset)"),
    MANY(TRANSFORMER, "transformer", struct k3a_transformer, transformers,
         transformer_keys, K3A__KIND_EQUIP, "transformator"),
    MANY(BUS, "bus", struct k3a_bus, buses, bus_keys, K3A__KIND_EQUIP,
         "busbar / PHB (LVMDP, SDP, PP, MCC)"),
    MANY(CABLE, "cable", struct k3a_cable, cables, cable_keys, 0,
         "kabel / penghantar"),
    MANY(DEVICE, "device", struct k3a_device, devices, device_keys,
         K3A__KIND_EQUIP, "gawai proteksi"),
    MANY(CAPACITOR, "capacitor", struct k3a_capacitor, capacitors,
         capacitor_keys, K3A__KIND_EQUIP, "bank kapasitor"),
    MANY(LOAD, "load", struct k3a_load, loads, load_keys, K3A__KIND_EQUIP,
         "beban"),
    MANY(INSTRUMENT, "instrument", struct k3a_instrument, instruments,
         instrument_keys, K3A__KIND_EQUIP, "alat ukur"),
    MANY(EARTHING, "earthing", struct k3a_earthing, earthings, earthing_keys,
         K3A__KIND_MEAS, "pengukuran tahanan pembumian"),
    MANY(SOIL, "soil", struct k3a_soil, soils, soil_keys, K3A__KIND_MEAS,
         "pengukuran tahanan jenis tanah"),
    MANY(INSULATION, "insulation", struct k3a_insulation, insulations,
         insulation_keys, K3A__KIND_MEAS, "pengujian tahanan isolasi"),
    MANY(LOOP, "loop", struct k3a_loop, loops, loop_keys, K3A__KIND_MEAS,
         "pengujian impedansi lingkar / pemutusan otomatis"),
    MANY(RCD, "rcd", struct k3a_rcd, rcds, rcd_keys, K3A__KIND_MEAS,
         "pengujian RCD / ELCB"),
    MANY(THERMOGRAPHY, "thermography", struct k3a_thermography, thermographies,
         thermography_keys, K3A__KIND_MEAS, "termografi"),
    MANY(PQ, "pq", struct k3a_pq, pqs, pq_keys, K3A__KIND_MEAS,
         "kualitas daya"),
    MANY(LIGHTNING, "lightning", struct k3a_lightning, lightnings,
         lightning_keys, K3A__KIND_MEAS, "instalasi penyalur petir"),
    MANY(BILL, "bill", struct k3a_bill, bills, bill_keys, 0,
         "tagihan listrik PLN satu bulan"),
    MANY(OBSERVATION, "observation", struct k3a_observation, observations,
         observation_keys, 0, "hasil pemeriksaan visual / dokumen"),
    MANY(HAZARD, "hazard", struct k3a_hazard, hazards, hazard_keys, 0,
         "bahaya yang ditambahkan penguji"),
    MANY(VARIANT, "variant", struct k3a_variant, variants, variant_keys, 0,
         "varian skenario latihan"),
};
/* clang-format on */

const struct k3a__kind *k3a__site_kind(enum k3a_kind kind)
{
    if ((unsigned)kind >= K3A_KIND_COUNT)
        return NULL;
    return &kinds[kind];
}

const struct k3a__kind *k3a__site_kind_by_word(const char *word)
{
    size_t i;

    for (i = 0; i < K3A_KIND_COUNT; i++)
        if (strcmp(kinds[i].word, word) == 0)
            return &kinds[i];
    return NULL;
}

const char *k3a_kind_name(enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    return kd ? kd->word : "?";
}

int k3a__key_index(const struct k3a__kind *kd, const char *key)
{
    size_t i;

    for (i = 0; i < kd->n_keys; i++)
        if (kd->keys[i].key[0] == key[0] && strcmp(kd->keys[i].key, key) == 0)
            return (int)i;
    return -1;
}
