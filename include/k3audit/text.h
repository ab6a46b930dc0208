/*
 * text.h - every label and header the reports show, in Bahasa Indonesia
 * and English, from one table (no strings scattered through writers).
 */
#ifndef K3A_TEXT_H
#define K3A_TEXT_H

#include "k3audit/site.h"

/* clang-format off */
#define K3A_TEXT_MAP(X)                                                      \
    X(TITLE,          "Laporan Riksa Uji dan Penilaian Risiko Listrik",      \
                      "Electrical Inspection and Risk Assessment Report")    \
    X(TRAINING,       "LATIHAN - bukan hasil riksa uji",                     \
                      "TRAINING - not an inspection result")                 \
    X(SH_SUMMARY,     "Ringkasan", "Summary")                                \
    X(SH_FINDINGS,    "Temuan", "Findings")                                  \
    X(SH_WARNINGS,    "Peringatan", "Warnings")                              \
    X(SH_SC,          "Hubung Singkat", "Short circuit")                     \
    X(SH_DEVICES,     "Proteksi", "Protection")                              \
    X(SH_ARC,         "Busur Api", "Arc flash")                              \
    X(SH_LABEL,       "Label", "Labels")                                     \
    X(CASE,           "Kasus", "Case")                                       \
    X(METHOD,         "Metode", "Method")                                    \
    X(ELECTRODE,      "Elektroda", "Electrode")                              \
    X(GAP,            "Celah", "Gap")                                        \
    X(WORK_DIST,      "Jarak kerja", "Working distance")                     \
    X(ENCLOSURE,      "Selungkup", "Enclosure")                              \
    X(IBF,            "Ibf", "Ibf")                                          \
    X(IARC,           "Iarc", "Iarc")                                        \
    X(IARC_MIN,       "Iarc min", "Iarc min")                                \
    X(T_ARC,          "t busur (Iarc)", "Arc time (Iarc)")                   \
    X(T_ARC_MIN,      "t busur (Iarc min)", "Arc time (Iarc min)")           \
    X(ENERGY,         "Energi insiden", "Incident energy")                   \
    X(AFB,            "Batas busur api", "Arc-flash boundary")               \
    X(GOVERNING,      "Menentukan", "Governing")                             \
    X(PPE,            "Kategori APD", "PPE category")                        \
    X(WARNINGS_COL,   "Peringatan", "Warnings")                              \
    X(LBL_WARNING,    "PERINGATAN - BAHAYA BUSUR API DAN SENGATAN LISTRIK",  \
                      "WARNING - ARC FLASH AND SHOCK HAZARD")                \
    X(LBL_DANGER,     "BAHAYA - ENERGI BUSUR API DI ATAS 40 cal/cm²: "       \
                      "KERJA BERTEGANGAN DILARANG",                          \
                      "DANGER - ARC FLASH ENERGY ABOVE 40 cal/cm²: "         \
                      "NO ENERGISED WORK")                                   \
    X(LBL_EQUIPMENT,  "Perlengkapan", "Equipment")                           \
    X(LBL_HEADER,     "Judul label", "Label heading")                        \
    X(LBL_TABLE_NOTE, "Satu baris per label, untuk printer label atau mail "  \
                      "merge; label siap cetak dibuat bila jumlah label "    \
                      "paling banyak",                                       \
                      "One row per label, for a label printer or a mail "    \
                      "merge; printable labels are laid out when there are " \
                      "at most")                                             \
    X(LBL_CLASS_NOTE, "Satu baris per jenis label (judul, tegangan, APD, "  \
                      "batas pendekatan) dengan jumlahnya, untuk memesan "   \
                      "label; isi label tiap perlengkapan ada di lembar "    \
                      "Busur Api dan di JSON (--json). Satu baris per label "\
                      "dibuat bila jumlah label paling banyak",              \
                      "One row per kind of label (heading, voltage, PPE, "   \
                      "approach boundaries) with how many, for ordering "    \
                      "them; each equipment's label values are on the Arc "  \
                      "flash sheet and in the JSON (--json). One row per "   \
                      "label is written when there are at most")             \
    X(LBL_COUNT,      "Jumlah label", "Labels")                              \
    X(LBL_MAX_ENERGY, "Energi insiden tertinggi", "Highest incident energy") \
    X(LBL_MAX_AT,     "Di perlengkapan", "At equipment")                     \
    X(LBL_MAX_AFB,    "Batas busur api terbesar", "Largest arc-flash boundary") \
    X(LBL_VOLTAGE,    "Tegangan nominal", "Nominal voltage")                 \
    X(LBL_ENERGY,     "Energi insiden pada jarak kerja",                     \
                      "Incident energy at the working distance")             \
    X(LBL_RATING,     "Rating busur minimum APD", "Minimum arc rating of PPE") \
    X(LBL_RATING_NOTE,"dari energi terhitung (bukan metode tabel "           \
                      "NFPA 70E 130.7(C)(15))",                              \
                      "from the calculated energy (not the NFPA 70E "        \
                      "130.7(C)(15) table method)")                          \
    X(LBL_LIMITED,    "Batas pendekatan terbatas", "Limited approach boundary") \
    X(LBL_RESTRICTED, "Batas pendekatan terlarang", "Restricted approach boundary") \
    X(LBL_DEVICE,     "Gawai pemutus dan waktu", "Clearing device and time") \
    X(LBL_BASIS,      "Dasar perhitungan", "Basis")                          \
    X(LBL_STUDY,      "Tanggal studi / penguji", "Study date / auditor")     \
    X(LBL_NONE,       "tidak perlu APD tahan busur", "no arc-rated PPE needed") \
    X(LBL_MOVABLE,    "penghantar bergerak", "movable conductor")            \
    X(LBL_FIXED,      "bagian tetap", "fixed part")                          \
    X(SH_EARTH,       "Pembumian", "Earthing")                               \
    X(SH_SOIL,        "Tanah", "Soil")                                       \
    X(SH_IR,          "Isolasi", "Insulation")                               \
    X(SH_RCD,         "RCD", "RCD")                                          \
    X(SH_THERMO,      "Termografi", "Thermography")                          \
    X(SH_PQ,          "Kualitas Daya", "Power quality")                      \
    X(SH_CHARTS,      "Grafik", "Charts")                                    \
    X(SH_LOADS,       "Beban", "Loads")                                      \
    X(SH_RISK,        "IBPR", "Risk register")                               \
    X(SH_ENERGY,      "Energi", "Energy")                                    \
    X(TOP_RISKS,      "Risiko tertinggi", "Highest risks")                   \
    X(KEY_NUMBERS,    "Angka utama", "Key numbers")                          \
    X(REPORT_NO,      "No. laporan", "Report no.")                           \
    X(PAGE,           "Halaman", "Page")                                     \
    X(NOT_COSTED,     "tidak dihitung: golongan tarif tidak ada di model tarif", \
                      "not costed: the tariff group is not in the tariff model") \
    X(NOT_COSTED_KVARH, "tidak dihitung: golongan tarif tanpa harga kVArh", \
                      "not costed: the tariff group has no kVArh price")      \
    X(VIABILITY,      "Kelayakan", "Viability")                              \
    X(VIABLE,         "layak", "viable")                                     \
    X(NOT_VIABLE,     "tidak layak (NPV negatif)", "not viable (negative NPV)") \
    X(BASELINE,       "Garis dasar energi (baseline)", "Energy baseline")    \
    X(PRODUCTION,     "produksi", "production")                              \
    X(TARIFF_BASIS,   "Dasar tarif", "Tariff basis")                         \
    X(INSTRUMENT_COL, "Alat ukur (no. seri; kalibrasi berlaku s.d.)",       \
                      "Instrument (serial; calibration due)")                \
    X(TEST_DATE,      "Tanggal uji", "Test date")                            \
    X(TEST_METHOD,    "Metode uji", "Test method")                           \
    X(SH_LOOP,        "Impedansi Loop", "Loop impedance")                    \
    X(ZS,             "Zs terukur", "Zs measured")                           \
    X(PSC,            "Arus gangguan prospektif", "Prospective fault current") \
    X(PE_R,           "Kontinuitas PE", "PE continuity")                     \
    X(TOUCH_V,        "Tegangan sentuh", "Touch voltage")                    \
    X(SH_SIGN,        "Pengesahan", "Attestation")                           \
    X(SCOPE,          "Lingkup", "Scope")                                    \
    X(SCOPE_DEFAULT,  "Pemeriksaan visual, pengujian dan pengukuran instalasi "\
                      "listrik tempat kerja beserta penilaian risikonya, "   \
                      "sesuai Permenaker No. 12 Tahun 2015 dan PUIL 2011 "   \
                      "(SNI 0225:2011), atas instalasi dan pengukuran yang " \
                      "tercantum dalam laporan ini.",                        \
                      "Visual inspection, testing and measurement of the "   \
                      "workplace electrical installation and the assessment "\
                      "of its risks, under Permenaker No. 12 of 2015 and "   \
                      "PUIL 2011 (SNI 0225:2011), of the installation and "  \
                      "measurements listed in this report.")                 \
    X(ATTEST,         "Kami yang bertanda tangan di bawah ini menyatakan "   \
                      "bahwa riksa uji tersebut telah dilaksanakan dan "     \
                      "hasilnya adalah sebagaimana tercantum dalam lembar-"  \
                      "lembar laporan ini.",                                 \
                      "We, the undersigned, declare that the inspection "    \
                      "above was carried out and that its results are as "  \
                      "set out in the sheets of this report.")               \
    X(SIGN_TESTER,    "Penguji (Ahli K3 Listrik)",                           \
                      "Tester (Ahli K3 Listrik, electrical safety expert)")  \
    X(SIGN_BODY,      "Lembaga penguji (Balai K3 / PJK3)",                   \
                      "Inspection body (Balai K3 / PJK3)")                   \
    X(SIGN_COMPANY,   "Wakil perusahaan", "Company representative")          \
    X(SIGN_NAME_LINE, "Nama dan tanda tangan", "Name and signature")         \
    X(SIGN_STAMP,     "Tanda tangan dan cap", "Signature and stamp")         \
    X(SIGN_HEAD_NIP,  "Kepala / pimpinan, NIP ....................",        \
                      "Head, staff no. ....................")                \
    X(PLACE_DATE,     "Tempat dan tanggal", "Place and date")                \
    X(ACTION_COL,     "Rekomendasi tindakan", "Recommended action")          \
    X(ACT_PRIORITY,   "Prioritas", "Priority")                               \
    X(TARGET_DATE,    "Target selesai", "Target date")                       \
    X(ACT_FAIL,       "Perbaiki sesuai dasar yang dikutip, lalu uji ulang.", \
                      "Correct it as the cited basis requires, then retest.") \
    X(ACT_WARN,       "Periksa dan lengkapi data atau tindak lanjuti; catat pada riksa uji berikutnya.", \
                      "Check and complete the data or follow up; record it at the next inspection.") \
    X(DEFAULT_SRC,    "nilai bawaan program, bukan hasil ukur: konfirmasi di lapangan", \
                      "program default, not a measurement: confirm on site") \
    X(CO2_ANNUAL,     "Emisi CO2 tahunan", "Annual CO2 emissions")           \
    X(MAX_IK,         "Arus hubung singkat terbesar (I''k)", "Highest fault current (I''k)") \
    X(SH_SCEN,        "Skenario", "Scenarios")                               \
    X(SH_SCEN_BUS,    "Bus per Skenario", "Buses by scenario")               \
    X(SH_SCEN_RISK,   "Risiko per Skenario", "Risks by scenario")            \
    X(SH_SWEEP,       "Sweep", "Sweep")                                      \
    X(PPE_SHORT,      "APD", "PPE")                                          \
    X(SWEEP_NOTE,     "Sel berwarna: kategori APD berubah dari nilai sebelumnya", \
                      "Shaded cells: the PPE category changed from the previous value") \
    X(SH_BATCH,       "Ringkasan Audit Banyak Lokasi", "Multi-site audit summary") \
    X(FAIL_COUNT,     "Temuan gagal", "Fails")                               \
    X(WARNF_COUNT,    "Temuan perhatian", "Warn findings")                  \
    X(RISK_EXTREME,   "Risiko ekstrem", "Extreme risks")                     \
    X(RISK_HIGH,      "Risiko tinggi", "High risks")                         \
    X(RISK_MEDIUM,    "Risiko sedang", "Medium risks")                       \
    X(RISK_LOW,       "Risiko rendah", "Low risks")                          \
    X(WORST_ARC,      "Energi busur api terbesar cal/cm²", "Worst arc flash cal/cm²") \
    X(EARTH_FAILS,    "Pembumian gagal", "Earthing fails")                   \
    X(IR_FAILS,       "Isolasi gagal", "Insulation fails")                   \
    X(WORKBOOK,       "Buku kerja", "Workbook")                              \
    X(NOT_AUDITED,    "TIDAK DIAUDIT (masukan salah)", "NOT AUDITED (bad input)") \
    X(FAILON_REACHED, "--fail-on tercapai", "--fail-on reached")             \
    X(SH_RECO,        "Rekomendasi", "Recommendations")                      \
    X(ENERGY_SCOPE,   "Audit energi (lingkup SNI 6196:2011): konsumsi, biaya, faktor daya, rugi-rugi, intensitas, baseline", \
                      "Energy audit (SNI 6196:2011 scope): use, cost, power factor, losses, intensity, baseline") \
    X(E_ANNUAL,       "Energi tahunan", "Annual energy")                     \
    X(E_MODEL,        "Energi menurut model beban", "Energy by the load model") \
    X(E_GAP,          "Selisih model terhadap rekening", "Model against bills") \
    X(E_COST,         "Biaya tahunan (tarif)", "Annual cost (tariff)")       \
    X(E_PRICE,        "Harga rata-rata", "Average price")                    \
    X(E_PF,           "Faktor daya rata-rata (rekening)", "Average power factor (bills)") \
    X(E_KVARH,        "Biaya kelebihan kVArh", "Excess kVArh charges")       \
    X(E_KVAR,         "Kapasitor yang diusulkan", "Capacitor proposed")      \
    X(E_LOSSES,       "Rugi-rugi kabel dan trafo", "Cable and transformer losses") \
    X(E_IKE,          "IKE", "Energy use intensity (IKE)")                   \
    X(E_SEC,          "Konsumsi energi spesifik", "Specific energy consumption") \
    X(FROM_BILLS,     "dari rekening PLN", "from the PLN bills")             \
    X(FROM_MODEL,     "dari model beban", "from the load model")             \
    X(END_USE,        "Penggunaan akhir", "End use")                         \
    X(EU_MOTOR,       "Motor", "Motors")                                     \
    X(EU_LIGHTING,    "Pencahayaan", "Lighting")                             \
    X(EU_HVAC,        "Tata udara", "HVAC")                                  \
    X(EU_SOCKET,      "Kotak kontak", "Sockets")                             \
    X(EU_HEATER,      "Pemanas", "Heating")                                  \
    X(EU_PROCESS,     "Proses", "Process")                                   \
    X(EU_OTHER,       "Lain-lain", "Other")                                  \
    X(MONTH,          "Bulan", "Month")                                      \
    X(KWH,            "kWh", "kWh")                                          \
    X(KVARH_COL,      "kVArh", "kVArh")                                      \
    X(PF_COL,         "Faktor daya", "Power factor")                         \
    X(PEAK,           "Beban puncak kW", "Peak kW")                          \
    X(COST_MODEL,     "Biaya menurut tarif Rp", "Cost by tariff Rp")         \
    X(COST_BILL,      "Biaya di rekening Rp", "Cost on the bill Rp")         \
    X(MODEL_MONTH,    "Model beban kWh/bulan", "Load model kWh/month")       \
    X(BILLS_VS_MODEL, "Rekening terhadap model beban", "Bills against the load model") \
    X(RECOMMENDATION, "Rekomendasi", "Recommendation")                       \
    X(SAVING_KWH,     "Penghematan energi", "Energy saved")                  \
    X(SAVING_RP,      "Penghematan biaya", "Cost saved")                     \
    X(INVESTMENT,     "Investasi", "Investment")                             \
    X(PAYBACK,        "Pengembalian", "Payback")                             \
    X(NPV,            "NPV", "NPV")                                          \
    X(IRR,            "IRR", "IRR")                                          \
    X(SH_HEATMAP,     "Matriks Risiko", "Risk matrix")                       \
    X(ACTIVITY,       "Kegiatan / lokasi", "Activity / location")            \
    X(HAZARD,         "Bahaya", "Hazard")                                    \
    X(RISK,           "Risiko", "Risk")                                      \
    X(EXISTING,       "Pengendalian yang ada", "Existing controls")          \
    X(LIKELIHOOD,     "P", "L")                                              \
    X(SEVERITY,       "S", "S")                                              \
    X(LEVEL,          "Tingkat risiko", "Risk level")                        \
    X(CONTROL,        "Pengendalian usulan", "Proposed control")             \
    X(CONTROL_LVL,    "Hierarki", "Hierarchy")                               \
    X(LIKELIHOOD2,    "P'", "L'")                                            \
    X(SEVERITY2,      "S'", "S'")                                            \
    X(LEVEL2,         "Risiko sisa", "Residual risk")                        \
    X(OWNER,          "Penanggung jawab", "Owner")                           \
    X(DUE,            "Batas waktu", "Due")                                  \
    X(REASON,         "Alasan penilaian", "Why these scores")                \
    X(PROFILE,        "Profil risiko", "Risk profile")                       \
    X(AS_FOUND,       "Sebelum pengendalian (kondisi saat ini)",             \
                      "As found (before the proposed controls)")             \
    X(AFTER_CONTROLS, "Sesudah pengendalian usulan (risiko sisa)",           \
                      "After the proposed controls (residual)")              \
    X(LIKELIHOOD_SEVERITY, "Kemungkinan \\ Keparahan",                      \
                      "Likelihood \\ Severity")                              \
    X(DUE_DAYS,       "Batas (hari)", "Due (days)")                          \
    X(ACTION,         "Tindakan yang diperlukan", "Action required")         \
    X(CABLE,          "Kabel", "Cable")                                      \
    X(FROM,           "Dari", "From")                                        \
    X(TO,             "Ke", "To")                                            \
    X(CONSTRUCTION,   "Konstruksi", "Construction")                          \
    X(INSTALL,        "Cara pasang", "Method")                               \
    X(IB_CALC,        "Ib hitung", "Ib calculated")                          \
    X(IB_MEAS,        "Ib ukur", "Ib measured")                              \
    X(IB,             "Ib", "Ib")                                            \
    X(I2,             "I2", "I2")                                            \
    X(ITAB,           "I tabel", "I table")                                  \
    X(K_TEMP,         "k suhu", "k temp.")                                   \
    X(K_GROUP,        "k kelompok", "k group")                               \
    X(IZ,             "Iz (KHA)", "Iz")                                      \
    X(LOADING,        "Pembebanan", "Loading")                               \
    X(VD_OWN,         "Susut kabel", "Cable drop")                           \
    X(VD_END,         "Susut s.d. ujung", "Drop to end")                     \
    X(TRANSFORMER,    "Trafo", "Transformer")                                \
    X(RATED_KVA,      "Daya pengenal", "Rating")                             \
    X(S_CALC,         "Beban hitung", "Load calculated")                     \
    X(S_MEAS,         "Beban ukur", "Load measured")                         \
    X(S_USED,         "Beban dinilai", "Load judged")                        \
    X(LOSSES,         "Rugi-rugi", "Losses")                                 \
    X(CABLE_LOADING,  "Pembebanan kabel (Ib / Iz)", "Cable loading (Ib / Iz)") \
    X(PURPOSE,        "Fungsi", "Purpose")                                   \
    X(R_JUDGED,       "R dinilai", "R judged")                               \
    X(R618,           "R 61,8 %", "R at 61.8 %")                             \
    X(PLATEAU,        "Selisih 52-72 %", "Spread 52-72 %")                   \
    X(TAGG_MU,        "Tagg mu", "Tagg mu")                                  \
    X(TAGG_R,         "R Tagg", "R Tagg")                                    \
    X(RODS,           "Batang perlu", "Rods needed")                         \
    X(RHO,            "ρ dipakai", "ρ used")                             \
    X(TREND,          "Tren", "Trend")                                       \
    X(SPACINGS,       "Jarak : ρ", "Spacing : ρ")                        \
    X(RHO1,           "ρ1", "ρ1")                                        \
    X(RHO2,           "ρ2", "ρ2")                                        \
    X(H_LAYER,        "h lapisan atas", "h top layer")                       \
    X(FIT_RMS,        "Galat RMS", "RMS error")                              \
    X(CIRCUIT,        "Sirkit / lokasi", "Circuit / location")               \
    X(NOMINAL_V,      "Un", "Un")                                            \
    X(TEST_V,         "Tegangan uji", "Test voltage")                        \
    X(TEST_V_REQ,     "Tegangan uji diminta", "Test voltage asked")          \
    X(MIN_READING,    "Bacaan terendah", "Lowest reading")                   \
    X(DAR,            "DAR", "DAR")                                          \
    X(PI,             "PI", "PI")                                            \
    X(R40,            "IR 1 menit @40 C", "IR 1 min @40 C")                  \
    X(REACH,          "Mencapai batas", "Reaches limit")                     \
    X(IDN,            "IΔn", "IΔn")                                          \
    X(T1X,            "t @1x", "t @1x")                                      \
    X(T5X,            "t @5x", "t @5x")                                      \
    X(TRIP_MA,        "Arus trip", "Trip current")                           \
    X(COMPONENT,      "Komponen", "Component")                               \
    X(TEMP,           "Suhu", "Temperature")                                 \
    X(DT_SIM,         "dT thd sejenis", "dT over similar")                   \
    X(DT_AMB,         "dT thd sekitar", "dT over ambient")                   \
    X(LOAD_PCT,       "Beban", "Load")                                       \
    X(PRIORITY,       "Prioritas NETA", "NETA priority")                     \
    X(VOLTAGES,       "Tegangan L-L", "Voltages L-L")                        \
    X(DEV_MAX,        "Deviasi maks", "Max deviation")                       \
    X(DEV_MIN,        "Deviasi min", "Min deviation")                        \
    X(UNB_NEMA,       "Ketidakseimbangan NEMA", "Unbalance NEMA")            \
    X(UNB_IEC,        "Ketidakseimbangan IEC", "Unbalance IEC")              \
    X(I_UNB,          "Ketidakseimbangan arus", "Current unbalance")         \
    X(PF,             "Faktor daya", "Power factor")                         \
    X(THD_V,          "THD-V", "THD-V")                                      \
    X(THD_I,          "THD-I", "THD-I")                                      \
    X(TDD_LIM,        "Batas TDD", "TDD limit")                              \
    X(DURATION,       "Lama rekam", "Logging time")                          \
    X(DISTANCE,       "Jarak probe", "Probe distance")                       \
    X(MEASURED_RHO,   "ρ terukur", "ρ measured")                         \
    X(FITTED_RHO,     "ρ model 2 lapis", "ρ two-layer model")            \
    X(SH_INPUT,       "Input", "Input")                                      \
    X(BUS,            "Bus / PHB", "Bus")                                    \
    X(LABEL,          "Nama di lapangan", "Label")                           \
    X(UN,             "Un", "Un")                                            \
    X(IK_MAX,         "I\"k maks", "I\"k max")                               \
    X(IP,             "ip", "ip")                                            \
    X(RX,             "R/X", "R/X")                                          \
    X(KAPPA,          "kappa", "kappa")                                      \
    X(IK_MIN,         "I\"k min", "I\"k min")                                \
    X(IK1_MIN,        "I\"k1 min", "I\"k1 min")                              \
    X(IK_GEN,         "I\"k genset", "I\"k generator")                       \
    X(CLEAR_DEV,      "Gawai pemutus", "Clearing device")                    \
    X(T_MAX,          "t pemutusan (I\"k maks)", "Clearing time (I\"k max)")  \
    X(T_MIN,          "t pemutusan (I\"k min)", "Clearing time (I\"k min)")  \
    X(NOTES,          "Catatan", "Notes")                                    \
    X(DEVICE,         "Gawai", "Device")                                     \
    X(AT,             "Lokasi (at)", "At")                                   \
    X(PROTECTS,       "Memproteksi", "Protects")                             \
    X(TYPE,           "Jenis", "Type")                                       \
    X(RATING,         "In", "In")                                            \
    X(SETTINGS,       "Setelan", "Settings")                                 \
    X(BREAKING,       "Kapasitas pemutusan", "Breaking capacity")            \
    X(PROSPECTIVE,    "I\"k prospektif maks", "Prospective I\"k max")         \
    X(SH_MODELS,      "Tabel Model", "Model tables")                         \
    X(SITE,           "Tempat kerja", "Site")                                \
    X(COMPANY,        "Perusahaan", "Company")                               \
    X(ADDRESS,        "Alamat", "Address")                                   \
    X(AUDITOR,        "Penguji", "Auditor")                                  \
    X(LICENCE,        "No. lisensi", "Licence no.")                          \
    X(BODY,           "Lembaga penguji", "Inspection body")                  \
    X(INSP_TYPE,      "Jenis riksa uji", "Inspection type")                  \
    X(AUDIT_DATE,     "Tanggal riksa uji", "Audit date")                     \
    X(PREV_INSP,      "Riksa uji sebelumnya", "Previous inspection")         \
    X(PERMIT,         "No. pengesahan", "Permit no.")                        \
    X(EARTH_SYS,      "Sistem pembumian", "Earthing system")                 \
    X(LIMITS,         "Himpunan batas", "Limits set")                        \
    X(INPUT_FILE,     "Berkas input", "Input file")                          \
    X(INPUT_SHA,      "SHA-256 berkas input", "Input file SHA-256")          \
    X(VERSION,        "Versi program", "Program version")                    \
    X(VERDICT,        "Kesimpulan", "Verdict")                               \
    X(V_PASS,         "MEMENUHI", "PASS")                                    \
    X(PASS_AT,        "memenuhi di", "passes at")                            \
    X(ELEMENTS,       "elemen", "elements")                                  \
    X(FOR_EXAMPLE,    "antara lain", "e.g.")                                 \
    X(AND_OTHERS,     "dan pasal lain menurut elemennya",                    \
                      "and other clauses by element")                        \
    X(PASS_DETAIL,    "nilai tiap elemen ada di sheet perhitungan dan JSON", \
                      "every element's values are in the calculation sheets and the JSON") \
    X(V_FAIL,         "TIDAK MEMENUHI", "FAIL")                              \
    X(V_WARN,         "PERHATIAN", "WARNING")                                \
    X(V_NONE,         "belum ada pemeriksaan yang dinilai",                  \
                      "nothing judged yet")                                  \
    X(COUNTS,         "Jumlah elemen", "Element counts")                     \
    X(FIND_COUNTS,    "Jumlah temuan", "Finding counts")                     \
    X(WARN_COUNT,     "Peringatan input", "Input warnings")                  \
    X(KIND,           "Jenis", "Kind")                                       \
    X(NAME,           "Nama", "Name")                                        \
    X(NUMBER,         "Jumlah", "Count")                                     \
    X(NO,             "No", "No")                                            \
    X(ELEMENT,        "Elemen", "Element")                                   \
    X(CHECK,          "Pemeriksaan", "Check")                                \
    X(DESCRIPTION,    "Uraian", "Description")                               \
    X(MEASURED,       "Terukur", "Measured")                                 \
    X(LIMIT,          "Batas", "Limit")                                      \
    X(UNIT,           "Satuan", "Unit")                                      \
    X(RESULT,         "Hasil", "Result")                                     \
    X(CLAUSE,         "Dasar (pasal / tabel)", "Basis (clause / table)")     \
    X(LINE,           "Baris", "Line")                                       \
    X(KEY,            "Kunci", "Key")                                        \
    X(MESSAGE,        "Pesan", "Message")                                    \
    X(VALUE,          "Nilai", "Value")                                      \
    X(ORIGIN,         "Asal nilai", "Origin")                                \
    X(FROM_FILE,      "Nilai dari berkas", "Values given in the file")       \
    X(DEFAULT,        "Nilai bawaan yang dipakai [sumber]",                  \
                      "Defaults applied [source]")                           \
    X(SOURCE,         "Sumber", "Source")                                    \
    X(DEFAULT_VALUE,  "Nilai bawaan", "Default value")                       \
    X(FIRST_ELEMENT,  "Elemen pertama", "First element")                     \
    X(INPUT_GROUPED,  "Nilai bawaan yang dipakai, diringkas per jenis, "     \
                      "kunci, nilai dan sumber; nilai yang diberikan ada di "\
                      "berkas situs itu sendiri (SHA-256 di atas). Satu "    \
                      "baris per elemen dibuat bila jumlah elemen paling "   \
                      "banyak",                                              \
                      "The defaults applied, summed up by kind, key, value " \
                      "and source; the values given are in the site file "   \
                      "itself (SHA-256 above). One row per element is "      \
                      "written when there are at most")                      \
    X(FILE,           "Berkas", "File")                                      \
    X(ID,             "ID", "ID")                                            \
    X(TITLE_COL,      "Judul", "Title")                                      \
    X(YEAR,           "Tahun", "Year")                                       \
    X(CONFIDENCE,     "Keyakinan", "Confidence")                             \
    X(BUILTIN,        "bawaan program", "built in")                          \
    X(SH_CHANGES,     "Perubahan", "Changes")                                \
    X(CHG_SINCE,      "Dibanding riksa uji", "Compared with the inspection of") \
    X(CHG_WHAT,       "Jenis perubahan", "Change")                           \
    X(CHG_ITEM,       "Butir", "Item")                                       \
    X(CHG_BEFORE,     "Sebelumnya", "Before")                                \
    X(CHG_AFTER,      "Sekarang", "Now")                                     \
    X(CHG_REASON,     "Penyebab", "Reason")                                  \
    X(CHG_LINE,       "Perubahan sejak riksa uji sebelumnya",                \
                      "Changes since the last inspection")                   \
    X(CHG_BETTER,     "membaik", "improved")                                 \
    X(CHG_WORSE,      "memburuk", "got worse")                               \
    X(CHG_NEW,        "baru", "new")                                         \
    X(CHG_CLOSED,     "selesai", "closed")                                   \
    X(CHG_SAME,       "tetap", "same")                                       \
    X(CHG_FINDING,    "temuan", "finding")                                   \
    X(CHG_RISK,       "risiko", "risk")                                      \
    X(CHG_MEAS,       "pengukuran", "measurement")                           \
    X(CHG_Q_EARTH,    "Tahanan pembumian (yang dinilai)",                    \
                      "Earthing resistance (as judged)")                     \
    X(CHG_Q_IR,       "Tahanan isolasi terendah", "Lowest insulation resistance") \
    X(SCENARIO,       "Skenario", "Scenario")                                \
    X(STORY,          "Cerita", "Story")                                     \
    X(TASK,           "Tugas", "Task")                                       \
    X(NOTICE,         "Perhitungan dalam laporan ini dibuat dengan program " \
                      "k3audit dari data riksa uji di atas; penilaian dan "  \
                      "pengesahannya adalah tanggung jawab penguji yang "    \
                      "menandatangani.",                                     \
                      "The calculations in this report were made with the "  \
                      "k3audit program from the inspection data above; the " \
                      "assessment and its attestation are the responsibility " \
                      "of the signing tester.")                              \
    X(C_FAIL,         "TIDAK MEMENUHI SYARAT K3",                            \
                      "DOES NOT MEET THE K3 REQUIREMENTS")                   \
    X(C_WARN,         "MEMENUHI SYARAT K3 DENGAN CATATAN",                   \
                      "MEETS THE K3 REQUIREMENTS WITH REMARKS")              \
    X(C_PASS,         "MEMENUHI SYARAT K3", "MEETS THE K3 REQUIREMENTS")
/* clang-format on */

/* The PDF report's and labels' own words (src/report/pdf_*.c), after the
 * table above so that each can grow at its end without the other. */
/* clang-format off */
#define K3A_TEXT_MAP_PDF(X)                                                  \
    X(PDF_TITLE,  "LAPORAN PEMERIKSAAN DAN PENGUJIAN INSTALASI LISTRIK",     \
                  "REPORT OF THE INSPECTION AND TESTING OF THE ELECTRICAL INSTALLATION") \
    X(PDF_REPORT_NO, "Nomor laporan", "Report number")                          \
    X(PDF_PAGE,   "Halaman %d dari %d", "Page %d of %d")                     \
    X(PDF_CONCLUSION, "Kesimpulan", "Conclusion")                                \
    X(PDF_C_NONE, "BELUM DAPAT DISIMPULKAN (tidak ada pemeriksaan yang dinilai)", \
                  "NO CONCLUSION (nothing was judged)")                      \
    X(PDF_C_BASIS, "Kesimpulan diambil dari temuan terburuk dan risiko terburuk " \
                  "sebelum pengendalian: satu temuan TIDAK MEMENUHI atau satu " \
                  "risiko ekstrem berarti TIDAK MEMENUHI SYARAT K3.",        \
                  "The conclusion is the worst of the findings and of the "  \
                  "risks as found: one FAIL or one extreme risk means the "  \
                  "installation does not meet the K3 requirements.")         \
    X(PDF_COUNTS_F, "Temuan", "Findings")                                      \
    X(PDF_COUNTS_R, "Risiko (IBPR)", "Risks (IBPR)")                           \
    X(PDF_BEFORE, "Sebelum pengendalian", "As found")                        \
    X(PDF_AFTER,  "Sesudah pengendalian", "After controls")                  \
    X(PDF_TESTER, "Penguji (Ahli K3 Listrik)", "Tester (Ahli K3 Listrik)")   \
    X(PDF_BAB1,   "BAB I  DASAR DAN LINGKUP", "CHAPTER I  BASIS AND SCOPE")  \
    X(PDF_LEGAL,  "1.1  Dasar hukum dan acuan", "1.1  Legal basis and standards") \
    X(PDF_SCOPE,  "1.2  Lingkup pemeriksaan dan pengujian",                  \
                  "1.2  Scope of the inspection and testing")                \
    X(PDF_SCOPE_DONE, "Yang diperiksa dan diuji:", "Inspected and tested:")      \
    X(PDF_SCOPE_NOT, "Yang tidak diuji atau hasilnya tidak dapat dipakai:",    \
                  "Not tested, or results that cannot be relied on:")        \
    X(PDF_INSTR,  "1.3  Alat ukur", "1.3  Instruments")                      \
    X(PDF_NO_INSTR, "Tidak ada alat ukur yang dicatat.", "No instrument recorded.") \
    X(PDF_SERIAL, "Nomor seri", "Serial number")                             \
    X(PDF_CALIBRATED, "Kalibrasi", "Calibrated")                                 \
    X(PDF_CAL_DUE, "Kalibrasi berlaku s.d.", "Calibration due")               \
    X(PDF_CAL_EXPIRED, "kedaluwarsa pada tanggal uji", "expired on the test date") \
    X(PDF_MAKE_MODEL, "Merek / tipe", "Make / model")                            \
    X(PDF_BAB2,   "BAB II  DATA INSTALASI", "CHAPTER II  INSTALLATION DATA") \
    X(PDF_SUPPLY, "2.1  Sumber", "2.1  Supply")                              \
    X(PDF_TX,     "2.2  Transformator", "2.2  Transformers")                 \
    X(PDF_GEN,    "2.3  Generator", "2.3  Generators")                       \
    X(PDF_BOARDS, "2.4  Panel / PHB", "2.4  Boards")                         \
    X(PDF_SLD,    "2.6  Diagram satu garis", "2.6  One-line diagram")        \
    X(PDF_SLD_NOTE, "Digambar dari data jaringan sebagai pohon dari sumber, dengan simbol " \
                  "IEC 60617 (pemutus, sekering, transformator, generator, kapasitor); " \
                  "garis putus-putus: cabang tambahan jaringan bermata atau cabang terbuka.", \
                  "Drawn from the network as a tree from the supply, with IEC 60617 " \
                  "symbols (circuit-breaker, fuse, transformer, generator, capacitor); " \
                  "dashed lines: the extra branches of a meshed network, or open branches.") \
    X(PDF_SLD_NOTE1, "Digambar dari data jaringan sebagai pohon dari sumber, dengan simbol " \
                  "IEC 60617 (pemutus, sekering, transformator, generator, kapasitor).", \
                  "Drawn from the network as a tree from the supply, with IEC 60617 " \
                  "symbols (circuit-breaker, fuse, transformer, generator, capacitor).") \
    X(PDF_SLD_BIG, "Jaringan terlalu besar untuk satu halaman (%zu simpul); " \
                  "lihat data di atas dan buku kerja.",                      \
                  "The network is too large for one page (%zu nodes); see "  \
                  "the tables above and the workbook.")                      \
    X(PDF_NONE,   "Tidak ada.", "None.")                                     \
    X(PDF_FAULT_LVL, "Daya hubung singkat", "Fault level")                      \
    X(PDF_TARIFF, "Tarif / daya kontrak", "Tariff / contracted")             \
    X(PDF_PRIMARY, "Primer - sekunder", "Primary - secondary")                \
    X(PDF_IMPEDANCE, "Impedansi", "Impedance")                                  \
    X(PDF_VECTOR, "Vektor", "Vector group")                                  \
    X(PDF_EQUIPMENT, "Jenis", "Equipment")                                      \
    X(PDF_LOCATION, "Lokasi", "Location")                                      \
    X(PDF_MODE,   "Mode", "Mode")                                            \
    X(PDF_BAB3,   "BAB III  HASIL PEMERIKSAAN DAN PENGUJIAN",                \
                  "CHAPTER III  RESULTS OF THE INSPECTION AND TESTING")      \
    X(PDF_CAT_PROT, "Proteksi dan hubung singkat", "Protection and short circuit") \
    X(PDF_CAT_ARC, "Busur api", "Arc flash")                                  \
    X(PDF_CAT_EARTH, "Pembumian dan penyalur petir", "Earthing and lightning protection") \
    X(PDF_CAT_IR, "Tahanan isolasi", "Insulation resistance")                \
    X(PDF_CAT_LOOP, "Impedansi lingkar dan RCD", "Loop impedance and RCD")     \
    X(PDF_CAT_THERMO, "Termografi", "Thermography")                              \
    X(PDF_CAT_PQ, "Kualitas daya", "Power quality")                          \
    X(PDF_CAT_CABLE, "Kabel dan beban", "Cables and loads")                     \
    X(PDF_CAT_ENERGY, "Energi", "Energy")                                        \
    X(PDF_CAT_DOCS, "Dokumen dan pengamatan", "Documents and observations")    \
    X(PDF_ARC_TABLE, "Busur api per panel", "Arc flash per bus")                \
    X(PDF_CHARTS, "Grafik", "Charts")                                        \
    X(PDF_C_SUMMARY, "Dari %zu pemeriksaan yang dinilai, %zu tidak memenuhi, "   \
                  "%zu perlu perhatian dan %zu memenuhi. Register risiko "   \
                  "memuat %zu risiko, %zu di antaranya ekstrem dan %zu tinggi " \
                  "sebelum pengendalian. Pengendalian di bawah, menurut "    \
                  "tingkat risiko, dilaksanakan sampai tanggal targetnya.",  \
                  "Of %zu checks judged, %zu fail, %zu need attention and "  \
                  "%zu pass. The risk register holds %zu risks, %zu of them " \
                  "extreme and %zu high as found. The controls below, by "   \
                  "risk, are to be in place by their target dates.")         \
    X(PDF_CH_IR,  "%s: tahanan isolasi terhadap waktu, batas %s M\u03a9",   \
                  "%s: insulation resistance over time, limit %s M\u03a9")  \
    X(PDF_MORE_ROWS, "... dan %zu baris lagi: lihat buku kerja (lembar %s).",   \
                  "... and %zu more rows: see the workbook (%s sheet).")     \
    X(PDF_CH_FOP, "%s: jatuh tegangan (IEEE 81), batas %s \u03a9",          \
                  "%s: fall of potential (IEEE 81), limit %s \u03a9")       \
    X(PDF_CH_LOADING, "Pembebanan kabel dan transformator (Ib / Iz, S / Sn)",    \
                  "Loading of cables and transformers (Ib / Iz, S / Sn)")    \
    X(PDF_PASS_GROUP, "%zu elemen memenuhi pemeriksaan ini; contoh %s: %s. Nilai " \
                  "tiap elemen ada di buku kerja.",                          \
                  "%zu elements pass this check; for example %s: %s. Each "  \
                  "element's values are in the workbook.")                   \
    X(PDF_BAB4,   "BAB IV  PENILAIAN RISIKO", "CHAPTER IV  RISK ASSESSMENT") \
    X(PDF_IBPR,   "4.1  Register IBPR", "4.1  Risk register (IBPR)")         \
    X(PDF_HEATMAPS, "4.2  Matriks risiko 5 x 5", "4.2  5 x 5 risk matrix")     \
    X(PDF_NO_RISK, "Tidak ada risiko dalam register.", "The register is empty.") \
    X(PDF_BAB5,   "BAB V  KESIMPULAN DAN REKOMENDASI",                       \
                  "CHAPTER V  CONCLUSION AND RECOMMENDATIONS")               \
    X(PDF_RECO,   "5.1  Rekomendasi menurut tingkat risiko",                 \
                  "5.1  Recommendations by risk")                            \
    X(PDF_TARGET, "Target", "Target date")                                   \
    X(PDF_RECO_F, "5.2  Tindak lanjut temuan lain",                          \
                  "5.2  Action on the other findings")                       \
    X(PDF_RECO_F_TXT, "Temuan TIDAK MEMENUHI dan PERHATIAN yang tidak dikutip "  \
                  "oleh risiko di atas, dengan tindakan, prioritas, target " \
                  "dan penanggung jawabnya.",                                \
                  "Findings that fail or need attention and that no risk "   \
                  "above cites, with their action, priority, target date "   \
                  "and owner.")                                              \
    X(PDF_ENERGY_M, "5.3  Langkah penghematan energi",                         \
                  "5.3  Energy-saving measures")                             \
    X(PDF_NO_ENERGY, "Tidak ada langkah penghematan yang diusulkan.",           \
                  "No energy-saving measure is proposed.")                   \
    X(PDF_SIGN,   "PENGESAHAN", "APPROVAL")                                  \
    X(PDF_SIGN_TEXT, "Laporan ini dibuat dengan sebenarnya berdasarkan hasil "  \
                  "pemeriksaan dan pengujian pada tanggal tersebut di atas.", \
                  "This report is a true account of the inspection and "    \
                  "testing on the date above.")                              \
    X(PDF_SIGN_POS, "Jabatan", "Position")                                     \
    X(PDF_GENERATED, "Dibuat oleh k3audit %s dari berkas %s (SHA-256 %s).",     \
                  "Made by k3audit %s from the file %s (SHA-256 %s).")       \
    X(PDF_L_DANGER, "BAHAYA", "DANGER")                                        \
    X(PDF_L_WARNING, "PERINGATAN", "WARNING")                                   \
    X(PDF_L_HAZARD, "Bahaya busur api dan sengatan listrik",                   \
                  "Arc flash and shock hazard")                              \
    X(PDF_L_PPE,  "Wajib memakai APD yang sesuai", "Appropriate PPE required") \
    X(PDF_L_NOWORK, "Kerja bertegangan tidak diizinkan: bebaskan tegangan dahulu", \
                  "No energised work: de-energise first")                    \
    X(PDF_L_ARC,  "Busur api", "Arc flash")                                  \
    X(PDF_L_SHOCK, "Sengatan listrik", "Shock")                               \
    X(PDF_L_AT,   "pada jarak kerja", "at working distance")                 \
    X(PDF_L_RATING, "Rating busur minimum pakaian", "Minimum arc rating of clothing") \
    X(PDF_L_FIXED, "penghantar tetap", "fixed conductor")                     \
    X(PDF_L_CLEARED, "Diputus oleh %s dalam %s s (%s)",                         \
                  "Cleared by %s in %s s (%s)")                              \
    X(PDF_L_CAPPED, "Tidak ada gawai pengaman yang memutus dalam %s s: lama busur dibatasi " \
                  "%s s (IEEE 1584-2018 6.9.1) (%s)",                        \
                  "No protective device clears within %s s: arc duration limited to " \
                  "%s s (IEEE 1584-2018 6.9.1) (%s)")                        \
    X(PDF_L_NODEV, "tidak ada gawai yang memutus", "no device clears")        \
    X(PDF_CASE_MAX, "arus hubung singkat maksimum, sumber normal",             \
                  "maximum fault current, normal supply")                    \
    X(PDF_CASE_MIN, "arus hubung singkat minimum, sumber PLN minimum",         \
                  "minimum fault current, minimum utility source")           \
    X(PDF_CASE_GEN, "dipasok genset", "supplied by the standby generator")     \
    X(PDF_L_REDUCED, "arus busur tereduksi", "reduced arcing current")          \
    X(PDF_L_STUDY, "Studi", "Study")                                          \
    X(PDF_L_NONE_PPE, "tidak perlu pakaian tahan busur", "no arc-rated clothing needed") \
    X(PDF_L_NO_LABELS, "Tidak ada panel bertegangan dengan hasil busur api; "     \
                  "tidak ada label.",                                        \
                  "No energised bus has an arc-flash result; no labels.") \
    X(PDF_AX_OHM, "Tahanan (\u03a9)", "Resistance (\u03a9)")                 \
    X(PDF_AX_MOHM, "Tahanan isolasi (M\u03a9)", "Insulation resistance (M\u03a9)") \
    X(PDF_AX_DIST, "Jarak probe tegangan dari elektroda (m)",                 \
                  "Distance of the potential probe from the electrode (m)")  \
    X(PDF_AX_LOADING, "Pembebanan (%)", "Loading (%)")                       \
    X(PDF_CHG_INTRO, "Dibanding riksa uji %s yang tersimpan: %zu baru, %zu selesai, " \
                  "%zu memburuk dan %zu membaik (temuan, risiko dan pengukuran); yang " \
                  "tetap tidak dicantumkan.",                                \
                  "Compared with the stored inspection of %s: %zu new, %zu closed, %zu " \
                  "worse and %zu better (findings, risks and measurements); those " \
                  "unchanged are not listed.")                               \
    X(PDF_CAPS,   "2.5  Bank kapasitor", "2.5  Capacitor banks")             \
    X(PDF_CAP_STEPS, "Step", "Steps")                                        \
    X(PDF_CAP_WORKING, "kvar bekerja", "Working kvar")                       \
    X(PDF_CAP_DETUNED, "Reaktor detuning", "Detuning reactor")              \
    X(PDF_UU1_1970, "Undang-Undang No. 1 Tahun 1970 tentang Keselamatan Kerja", \
                  "Act No. 1 of 1970 on Occupational Safety")                \
    X(PDF_PERMEN12_2015, "Peraturan Menteri Ketenagakerjaan No. 12 Tahun 2015 tentang " \
                  "Keselamatan dan Kesehatan Kerja Listrik di Tempat Kerja", \
                  "Minister of Manpower Regulation No. 12 of 2015 on Electrical Safety " \
                  "and Health at the Workplace")                             \
    X(PDF_KEP75_2002, "Keputusan Menteri Tenaga Kerja dan Transmigrasi No. Kep.75/MEN/2002 " \
                  "tentang Pemberlakuan Standar Nasional Indonesia (SNI) No. SNI-04-0225-2000 " \
                  "mengenai Persyaratan Umum Instalasi Listrik 2000 (PUIL 2000) di Tempat Kerja", \
                  "Decree of the Minister of Manpower and Transmigration No. Kep.75/MEN/2002 " \
                  "on applying SNI 04-0225-2000, General Requirements for Electrical " \
                  "Installations 2000 (PUIL 2000), at workplaces")           \
    X(PDF_GAP_LAPSED, "- %s %s: alat ukur %s lewat masa kalibrasi (berlaku s.d. %s); ukur " \
                  "ulang dengan alat terkalibrasi",                          \
                  "- %s %s: instrument %s past its calibration (valid to %s); re-measure " \
                  "with a calibrated instrument")                            \
    X(PDF_GAP_LOOP, "- PHB tegangan rendah tanpa uji impedansi lingkar: ",   \
                  "- low-voltage boards without a loop impedance test: ")   \
    X(PDF_GAP_RCD5X, "- RCD %s: tanpa uji 5 x IdN", "- RCD %s: no 5 x IdN test") \
    X(PDF_GAP_RCD, "- RCD pada %s: tidak diuji", "- RCD of %s: not tested")  \
    X(PDF_GAP_IR, "- tahanan isolasi: %zu dari %zu kabel tegangan rendah tidak diuji", \
                  "- insulation resistance: %zu of %zu low-voltage cables not tested") \
    X(PDF_GEN_PARALLEL, "paralel", "parallel")                               \
    X(PDF_GEN_STANDBY, "cadangan", "standby")                                \
    X(PDF_YES,    "ya", "yes")                                               \
    X(PDF_NO,     "tidak", "no")                                             \
    X(PDF_ARC_DIST, "Jarak kerja mm", "Working distance mm")                 \
    X(PDF_ARC_AFB, "Batas busur api mm", "Arc-flash boundary mm")            \
    X(PDF_KWH_YEAR, "kWh/tahun", "kWh/year")                                 \
    X(PDF_RP_YEAR, "Rp/tahun", "Rp/year")                                    \
    X(PDF_YEARS,  "tahun", "years")                                          \
    X(PDF_NPV_BASIS, "NPV pada tingkat diskonto %s %% per tahun dan umur langkah %s tahun; " \
                  "penghematan dihargai Rp %s/kWh, rata-rata rekening",      \
                  "NPV at a discount rate of %s %% a year over a measure life of %s years; " \
                  "savings priced at the average Rp %s/kWh of the bills")    \
    X(PDF_TARIFF_TAIL, "; tarif %s: %s%s%s.", "; tariff %s: %s%s%s.")        \
    X(PDF_CONFIDENCE, " (keyakinan ", " (confidence ")
/* clang-format on */

enum k3a_text_id {
#define K3A_X(id, ind, eng) K3A_T_##id,
    K3A_TEXT_MAP(K3A_X)
    K3A_TEXT_MAP_PDF(K3A_X)
#undef K3A_X
        K3A_T_COUNT
};

/* The text in the language asked for; never NULL. */
const char *k3a_text(enum k3a_lang lang, enum k3a_text_id id);

/* The recommended action for a finding that failed (fail != 0) or needs
 * attention, by its check's machine name ("loto_procedure"), in the
 * language asked for, and who acts on it (*owner, when not NULL).  A check
 * without its own action gets one that says what to do for its verdict.
 * Never NULL. */
const char *k3a_check_action(const char *check, int fail, enum k3a_lang lang,
                             const char **owner);

/* An element's name ("device MCCB-1") with its kind in the language asked
 * for ("gawai MCCB-1"); in buf when translated, else element itself. */
const char *k3a_element_text(const char *element, enum k3a_lang lang, char *buf, size_t n);

/* A text written in both languages as "{Bahasa Indonesia|English}"
 * alternatives (a clause in a model file or in the stages: "IEC 61008-1
 * {Tabel|Table} 1"), in the one language asked for: in buf (n bytes, cut
 * at a character when too long) when it has alternatives, else s itself.
 * A brace that opens no "{...|...}" pair is kept as written. */
const char *k3a_text_lang(const char *s, enum k3a_lang lang, char *buf, size_t n);

#endif /* K3A_TEXT_H */
