/*
 * text.c - the message table of text.h.
 */
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "k3audit/text.h"

static const char *const text_id[K3A_T_COUNT] = {
#define K3A_X(id, ind, eng) ind,
    K3A_TEXT_MAP(K3A_X)
    K3A_TEXT_MAP_PDF(K3A_X)
#undef K3A_X
};

static const char *const text_en[K3A_T_COUNT] = {
#define K3A_X(id, ind, eng) eng,
    K3A_TEXT_MAP(K3A_X)
    K3A_TEXT_MAP_PDF(K3A_X)
#undef K3A_X
};

const char *k3a_text(enum k3a_lang lang, enum k3a_text_id id)
{
    if ((unsigned)id >= K3A_T_COUNT)
        return "";
    return lang == K3A_LANG_EN ? text_en[id] : text_id[id];
}

/* ---- recommended actions by check ------------------------------------- */


enum owner { O_MGMT, O_ELEC, O_TEST, O_COUNT };

static const char *const owner_id[O_COUNT] = {
    "Pengurus",
    "Ahli K3 Listrik",
    "Ahli K3 Listrik / PJK3",
};
static const char *const owner_en[O_COUNT] = {
    "Employer",
    "Ahli K3 Listrik",
    "Ahli K3 Listrik / PJK3",
};

struct check_action {
    const char *check;
    enum owner owner;
    const char *fail_id, *fail_en; /* FAIL */
    const char *warn_id, *warn_en; /* attention; NULL: as for FAIL */
};

/* clang-format off */
static const struct check_action actions[] = {
    { "arc_flash", O_ELEC,
      "Kurangi energi insiden (setelan proteksi lebih cepat, mode pemeliharaan), kerja hanya dalam keadaan bebas tegangan; pasang label busur api.",
      "Reduce the incident energy (faster protection settings, maintenance mode), work only de-energised; fix arc-flash labels.",
      "Pasang label busur api; sediakan APD tahan busur api dengan rating minimal sesuai label.",
      "Fix arc-flash labels; provide arc-rated PPE of at least the rating on the label." },
    { "arc_flash_range", O_ELEC,
      "Kaji ulang energi busur api dengan metode yang berlaku untuk rentang ini dan perbarui label.",
      "Review the arc-flash energy with a method valid for this range and update the label.", NULL, NULL },
    { "arc_rated_ppe", O_MGMT,
      "Sediakan APD tahan busur api (rating sesuai label) dan latih pekerja memakainya.",
      "Provide arc-rated PPE (rating as on the label) and train workers to wear it.", NULL, NULL },
    { "loto_procedure", O_MGMT,
      "Tetapkan prosedur LOTO tertulis, sediakan gembok dan label, latih pekerja.",
      "Issue a written LOTO procedure, provide locks and tags, train workers.", NULL, NULL },
    { "panel_door_lock", O_ELEC,
      "Pasang kunci pada pintu PHB; kunci dipegang petugas berwenang.",
      "Fit locks to the switchboard doors; keys held by authorised persons.", NULL, NULL },
    { "panel_door_earthed", O_ELEC,
      "Pasang penghantar pembumian fleksibel antara pintu dan badan PHB.",
      "Fit a flexible earth bond between door and switchboard frame.", NULL, NULL },
    { "warning_sign", O_ELEC,
      "Pasang rambu bahaya listrik pada setiap PHB dan ruang panel.",
      "Fix electrical danger signs on every switchboard and panel room.", NULL, NULL },
    { "circuit_labels", O_ELEC,
      "Lengkapi label sirkit dan identitas PHB.", "Complete circuit and switchboard labels.",
      NULL, NULL },
    { "insulating_mat", O_ELEC,
      "Pasang alas isolasi di depan PHB.", "Lay an insulating mat in front of the switchboard.",
      NULL, NULL },
    { "working_space", O_ELEC,
      "Bebaskan ruang kerja di depan PHB dari barang.",
      "Clear the working space in front of the switchboard.", NULL, NULL },
    { "cable_condition", O_ELEC,
      "Ganti atau perbaiki kabel yang rusak dan pasang penyangga / pelindung mekanis.",
      "Replace or repair the damaged cable and fit supports or mechanical protection.", NULL, NULL },
    { "panel_clean", O_ELEC, "Bersihkan PHB dari debu dan benda asing.",
      "Clean dust and foreign objects out of the switchboard.", NULL, NULL },
    { "emergency_lighting", O_ELEC, "Perbaiki dan uji lampu darurat.",
      "Repair and test the emergency lighting.", NULL, NULL },
    { "single_line_diagram", O_MGMT,
      "Buat diagram satu garis sesuai terpasang dan simpan di ruang panel.",
      "Draw an as-built single-line diagram and keep it in the panel room.", NULL, NULL },
    { "wiring_diagram", O_MGMT, "Buat gambar instalasi sesuai terpasang.",
      "Prepare as-built wiring drawings.", NULL, NULL },
    { "component_list", O_MGMT, "Lengkapi daftar komponen instalasi.",
      "Complete the list of installation components.", NULL, NULL },
    { "approval", O_MGMT, "Ajukan pengesahan instalasi ke Disnaker setempat.",
      "Apply for the installation's approval to the local manpower office.", NULL, NULL },
    { "ahli_k3_listrik", O_MGMT, "Tunjuk Ahli K3 Listrik bersertifikat.",
      "Appoint a certified Ahli K3 Listrik.", NULL, NULL },
    { "teknisi_k3_listrik", O_MGMT, "Tunjuk teknisi K3 listrik bersertifikat.",
      "Appoint a certified electrical safety technician.", NULL, NULL },
    { "maintenance_log", O_ELEC, "Mulai dan isi buku catatan pemeliharaan.",
      "Start and keep a maintenance log.", NULL, NULL },
    { "previous_report", O_MGMT, "Simpan laporan riksa uji sebelumnya bersama dokumen instalasi.",
      "Keep the previous inspection report with the installation documents.", NULL, NULL },
    { "sop", O_MGMT, "Tetapkan SOP kerja listrik tertulis.",
      "Issue written electrical work procedures.", NULL, NULL },
    { "slo", O_MGMT, "Urus Sertifikat Laik Operasi (SLO) instalasi.",
      "Obtain the installation's certificate of operation (SLO).", NULL, NULL },
    { "inspection_interval", O_MGMT,
      "Jadwalkan riksa uji berkala tepat waktu (paling lama 1 tahun) oleh PJK3 / Pengawas.",
      "Schedule the periodic inspection on time (at most yearly) by a PJK3 or inspector.", NULL, NULL },
    { "breaking_capacity", O_ELEC,
      "Ganti gawai dengan kapasitas pemutusan ≥ arus hubung singkat di titik pasang, atau pasang proteksi cadangan yang terkoordinasi.",
      "Replace the device with one whose breaking capacity is at least the fault current there, or add coordinated back-up protection.",
      NULL, NULL },
    { "loop_breaking_capacity", O_ELEC,
      "Ganti gawai dengan kapasitas pemutusan ≥ arus gangguan terukur.",
      "Replace the device with one whose breaking capacity is at least the measured fault current.",
      NULL, NULL },
    { "disconnection_time", O_ELEC,
      "Turunkan setelan / rating gawai atau perbesar penghantar agar waktu pemutusan memenuhi; bila tidak mungkin, pasang RCD.",
      "Lower the device setting or rating, or enlarge the conductors, so it disconnects in time; else fit an RCD.",
      NULL, NULL },
    { "clearing_slow", O_ELEC, "Setel ulang proteksi agar gangguan diputus lebih cepat.",
      "Re-set the protection to clear the fault faster.", NULL, NULL },
    { "coordination", O_ELEC, "Setel ulang proteksi agar selektif terhadap gawai hulu.",
      "Re-set the protection to discriminate with the upstream device.", NULL, NULL },
    { "loop_impedance", O_ELEC,
      "Turunkan impedansi loop (perbaiki sambungan PE, perbesar penghantar) atau pasang RCD 30 mA; ukur ulang.",
      "Lower the loop impedance (repair PE joints, larger conductors) or fit a 30 mA RCD; re-measure.",
      NULL, NULL },
    { "touch_voltage", O_ELEC,
      "Turunkan tegangan sentuh (ikatan penyama potensial, pembumian) atau pasang RCD; ukur ulang.",
      "Lower the touch voltage (equipotential bonding, earthing) or fit an RCD; re-measure.", NULL, NULL },
    { "touch_voltage_calc", O_ELEC,
      "Pastikan gawai memutus dalam waktu yang disyaratkan; bila tidak, tambah ikatan penyama potensial atau RCD.",
      "Make sure the device disconnects in the required time; else add equipotential bonding or an RCD.",
      NULL, NULL },
    { "pe_continuity", O_ELEC, "Perbaiki kontinuitas penghantar PE dan ukur ulang.",
      "Repair the PE conductor's continuity and re-measure.", NULL, NULL },
    { "pe_conductor", O_ELEC, "Pasang penghantar PE ke semua BKT.",
      "Connect a PE conductor to every exposed conductive part.", NULL, NULL },
    { "earthing_resistance", O_ELEC,
      "Tambah elektroda atau perbaiki sambungan pembumian hingga tahanan memenuhi; ukur ulang.",
      "Add electrodes or repair the earthing connections until the resistance complies; re-measure.",
      "Ukur ulang pembumian dengan metode jatuh potensial lengkap.",
      "Re-measure the earthing with a complete fall-of-potential test." },
    { "fall_of_potential", O_TEST, "Ulangi uji jatuh potensial dengan jarak probe yang benar.",
      "Repeat the fall-of-potential test with correct probe spacing.", NULL, NULL },
    { "insulation_resistance", O_ELEC,
      "Cari dan perbaiki penyebab tahanan isolasi rendah (kelembapan, kabel rusak), lalu uji ulang.",
      "Find and repair the cause of low insulation (moisture, damaged cable), then re-test.",
      "Ukur ulang tahanan isolasi dengan instrumen terkalibrasi.",
      "Re-measure the insulation resistance with a calibrated instrument." },
    { "insulation_test_voltage", O_TEST, "Ulangi uji isolasi pada tegangan uji yang disyaratkan.",
      "Repeat the insulation test at the required test voltage.", NULL, NULL },
    { "insulation_trend", O_ELEC, "Pantau tahanan isolasi; jadwalkan perbaikan sebelum batas tercapai.",
      "Monitor the insulation resistance; schedule repair before the limit is reached.", NULL, NULL },
    { "dielectric_absorption", O_ELEC,
      "Keringkan / bersihkan isolasi dan ulangi uji DAR / PI.",
      "Dry and clean the insulation and repeat the DAR / PI test.", NULL, NULL },
    { "polarization_index", O_ELEC,
      "Keringkan / bersihkan isolasi dan ulangi uji PI.",
      "Dry and clean the insulation and repeat the PI test.", NULL, NULL },
    { "ieee43_ir1min", O_ELEC,
      "Keringkan / bersihkan belitan dan ulangi uji IR 1 menit.",
      "Dry and clean the winding and repeat the 1-minute IR test.", NULL, NULL },
    { "rcd_trip_1x", O_ELEC, "Ganti RCD dan uji ulang pada 1x dan 5x IdN.",
      "Replace the RCD and re-test at 1x and 5x IdN.", NULL, NULL },
    { "rcd_trip_5x", O_ELEC, "Ganti RCD dan uji ulang pada 1x dan 5x IdN.",
      "Replace the RCD and re-test at 1x and 5x IdN.",
      "Uji RCD pada 5x IdN.", "Test the RCD at 5x IdN." },
    { "rcd_trip_current", O_ELEC, "Ganti RCD dan uji ulang arus trip.",
      "Replace the RCD and re-test its trip current.", NULL, NULL },
    { "rcd_half", O_ELEC, "Ganti RCD (trip di bawah 0,5 IdN) dan cari arus bocor.",
      "Replace the RCD (trips below 0.5 IdN) and look for leakage.", NULL, NULL },
    { "rcd_additional_protection", O_ELEC, "Pasang RCD 30 mA pada sirkit kotak kontak.",
      "Fit a 30 mA RCD to the socket circuit.", NULL, NULL },
    { "thermography", O_ELEC,
      "Kencangkan / bersihkan sambungan yang panas atau ganti komponen; ulangi termografi setelah perbaikan.",
      "Tighten or clean the hot connection or replace the component; repeat the thermography after repair.",
      "Jadwalkan perbaikan sambungan pada pemeliharaan berikutnya dan ulangi termografi.",
      "Schedule repair of the connection at the next maintenance and repeat the thermography." },
    { "thermography_load", O_TEST, "Ulangi termografi pada beban minimal 40 %.",
      "Repeat the thermography at 40 % load or more.", NULL, NULL },
    { "cable_capacity", O_ELEC,
      "Perbesar penampang kabel atau turunkan rating gawai pelindung / beban.",
      "Enlarge the cable or lower the protective device rating or the load.", NULL, NULL },
    { "cable_protection", O_ELEC,
      "Sesuaikan rating gawai dengan KHA kabel (In ≤ Iz) atau perbesar kabel.",
      "Match the device rating to the cable's capacity (In ≤ Iz) or enlarge the cable.", NULL, NULL },
    { "cable_thermal", O_ELEC,
      "Pastikan gawai membatasi I²t di bawah k²S² kabel atau perbesar kabel.",
      "Make sure the device limits I²t below the cable's k²S² or enlarge the cable.", NULL, NULL },
    { "motor_cable", O_ELEC, "Perbesar kabel motor sesuai arus start dan susut tegangan.",
      "Enlarge the motor cable for its starting current and voltage drop.", NULL, NULL },
    { "voltage_drop", O_ELEC, "Perbesar kabel atau pindahkan beban untuk menurunkan susut tegangan.",
      "Enlarge the cable or move load to reduce the voltage drop.", NULL, NULL },
    { "transformer_loading", O_ELEC, "Kurangi beban trafo atau tambah kapasitas.",
      "Reduce the transformer's load or add capacity.", NULL, NULL },
    { "generator_capacity", O_ELEC,
      "Atur pelepasan beban atau tambah kapasitas genset untuk beban yang dicatu.",
      "Arrange load shedding or add generator capacity for the load it supplies.", NULL, NULL },
    { "neutral_current", O_ELEC, "Seimbangkan beban fasa dan periksa ukuran penghantar netral.",
      "Balance the phase loads and check the neutral conductor's size.", NULL, NULL },
    { "current_unbalance", O_ELEC, "Seimbangkan beban antar fasa.",
      "Balance the load between phases.", NULL, NULL },
    { "voltage_unbalance", O_ELEC, "Seimbangkan beban antar fasa dan periksa sambungan.",
      "Balance the phase loads and check the connections.", NULL, NULL },
    { "voltage_high", O_ELEC, "Setel ulang tap trafo bersama PLN.",
      "Adjust the transformer tap with the utility.", NULL, NULL },
    { "voltage_low", O_ELEC, "Setel ulang tap trafo atau kurangi susut tegangan.",
      "Adjust the transformer tap or reduce the voltage drop.", NULL, NULL },
    { "thd_current", O_ELEC, "Kaji dan pasang filter harmonik atau kurangi beban non-linier.",
      "Study and fit harmonic filters or reduce non-linear load.",
      "Pantau harmonik arus; kaji filter bila meningkat.",
      "Monitor the current harmonics; study filters if they rise." },
    { "thd_voltage", O_ELEC, "Kaji dan pasang filter harmonik.", "Study and fit harmonic filters.",
      NULL, NULL },
    { "power_factor", O_ELEC, "Perbaiki / tambah bank kapasitor hingga faktor daya ≥ 0,85.",
      "Repair or add capacitor steps until the power factor is 0.85 or more.", NULL, NULL },
    { "power_factor_bill", O_ELEC, "Perbaiki / tambah bank kapasitor untuk menghindari denda kVArh.",
      "Repair or add capacitor steps to avoid the kVArh charge.", NULL, NULL },
    { "lighting_power_density", O_MGMT, "Ganti lampu dengan jenis hemat energi (LED).",
      "Replace the lamps with efficient ones (LED).", NULL, NULL },
    { "lightning_test_interval", O_MGMT, "Jadwalkan uji instalasi penyalur petir oleh PJK3.",
      "Schedule the lightning protection test by a PJK3.", NULL, NULL },
    { "lightning_continuity", O_ELEC, "Perbaiki sambungan penghantar penyalur petir dan ukur ulang.",
      "Repair the lightning conductor joints and re-measure.", NULL, NULL },
    { "down_conductor", O_ELEC, "Tambah atau perbaiki penghantar turun penyalur petir.",
      "Add or repair lightning down conductors.", NULL, NULL },
    { "lightning_shared_earth", O_ELEC, "Hubungkan pembumian petir ke sistem pembumian bersama.",
      "Bond the lightning earth to the common earthing system.", NULL, NULL },
    { "lightning_struck", O_TEST, "Periksa dan uji ulang instalasi penyalur petir setelah sambaran.",
      "Inspect and re-test the lightning protection after the strike.", NULL, NULL },
    { "calibration", O_TEST, "Ulangi pengukuran dengan instrumen yang kalibrasinya berlaku.",
      "Repeat the measurement with an instrument in calibration.", NULL, NULL },
};
/* clang-format on */

const char *k3a_check_action(const char *check, int fail, enum k3a_lang lang,
                             const char **owner)
{
    int en = lang == K3A_LANG_EN;
    size_t i;

    for (i = 0; check && i < sizeof(actions) / sizeof(actions[0]); i++) {
        const struct check_action *a = &actions[i];
        if (strcmp(a->check, check) != 0)
            continue;
        if (owner)
            *owner = (en ? owner_en : owner_id)[a->owner];
        if (!fail && a->warn_id)
            return en ? a->warn_en : a->warn_id;
        return en ? a->fail_en : a->fail_id;
    }
    if (owner)
        *owner = (en ? owner_en : owner_id)[O_ELEC];
    if (fail)
        return en ? "Correct the deviation from the cited limit (see Basis), then re-test "
                    "and record the result."
                  : "Perbaiki penyimpangan terhadap batas yang dikutip (lihat kolom Dasar), "
                    "lalu uji ulang dan catat hasilnya.";
    return en ? "Complete the missing data or re-measure with a calibrated instrument, and "
                "assess it again before the next inspection."
              : "Lengkapi data yang kurang atau ukur ulang dengan instrumen terkalibrasi, "
                "lalu nilai ulang sebelum riksa uji berikutnya.";
}

/* ---- element names ------------------------------------------------------ */

static const struct {
    const char *kind, *id;
} kind_words[] = {
    { "bus", "PHB" },          { "device", "gawai" },        { "cable", "kabel" },
    { "load", "beban" },       { "transformer", "trafo" },   { "generator", "genset" },
    { "supply", "sumber" },    { "capacitor", "kapasitor" }, { "earthing", "pembumian" },
    { "soil", "tanah" },       { "insulation", "isolasi" },  { "loop", "lingkar" },
    { "rcd", "RCD" },          { "thermography", "termografi" },
    { "pq", "kualitas daya" }, { "lightning", "penyalur petir" },
    { "observation", "pengamatan" }, { "hazard", "bahaya" }, { "bill", "rekening" },
    { "instrument", "alat ukur" },   { "site", "lokasi" },
};

const char *k3a_element_text(const char *element, enum k3a_lang lang, char *buf, size_t n)
{
    size_t i, len;

    if (!element || lang == K3A_LANG_EN || !n)
        return element;
    for (i = 0; i < sizeof(kind_words) / sizeof(kind_words[0]); i++) {
        len = strlen(kind_words[i].kind);
        if (strncmp(element, kind_words[i].kind, len) == 0 &&
            (element[len] == ' ' || element[len] == '\0')) {
            k3a__join(buf, n, kind_words[i].id, element + len);
            return buf;
        }
    }
    return element;
}

/* The end of the alternative pair opened at s ('{'): its '|' in *bar and
 * the closing '}' returned; NULL when s opens no pair (no '|', a nested
 * '{' or no '}'). */
static const char *pair_end(const char *s, const char **bar)
{
    const char *p;

    *bar = NULL;
    for (p = s + 1; *p && *p != '}'; p++) {
        if (*p == '{')
            return NULL;
        if (*p == '|') {
            if (*bar)
                return NULL;
            *bar = p;
        }
    }
    return *p == '}' && *bar ? p : NULL;
}

const char *k3a_text_lang(const char *s, enum k3a_lang lang, char *buf, size_t n)
{
    const char *p, *bar, *end;
    size_t len = 0;

    if (!s || !n || !strchr(s, '{'))
        return s;
    for (p = s; *p;) {
        const char *from = p, *to;
        if (*p == '{' && (end = pair_end(p, &bar)) != NULL) {
            from = lang == K3A_LANG_EN ? bar + 1 : p + 1;
            to = lang == K3A_LANG_EN ? end : bar;
            p = end + 1;
        } else {
            to = p + 1;
            p++;
        }
        while (from < to && len + 1 < n)
            buf[len++] = *from++;
        if (from < to) { /* cut: drop a character cut in two */
            size_t k = len;
            unsigned char lead;
            while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
                k--;
            lead = k > 0 ? (unsigned char)buf[k - 1] : 0;
            if (k > 0 && lead >= 0xC0 &&
                len - (k - 1) < (size_t)(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2))
                len = k - 1;
            break;
        }
    }
    buf[len] = '\0';
    return buf;
}
