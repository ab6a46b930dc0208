/*
 * pdf_install.c - BAB I (legal basis, scope, instruments) and the tables
 * of BAB II (supply, transformers, generators, boards) of the PDF report.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "pdf.h"

/* ---- BAB I ------------------------------------------------------------------ */

/* The regulations and standards a clause can name, each listed once. */
static const struct {
    const char *match, *title_id, *title_en;
} docs_known[] = {
    { "PUIL 2011", "SNI 0225:2011 Persyaratan Umum Instalasi Listrik 2011 (PUIL 2011)",
      "SNI 0225:2011 General Requirements for Electrical Installations 2011 (PUIL 2011)" },
    { "PUIL 2000", "SNI 04-0225-2000 Persyaratan Umum Instalasi Listrik 2000 (PUIL 2000)",
      "SNI 04-0225-2000 General Requirements for Electrical Installations 2000 (PUIL 2000)" },
    { "Per.02/MEN/1989", "Peraturan Menteri Tenaga Kerja No. Per.02/MEN/1989 tentang "
                         "Pengawasan Instalasi Penyalur Petir",
      "Minister of Manpower Regulation Per.02/MEN/1989 on the supervision of lightning "
      "protection installations" },
    { "PP 33/2023", "Peraturan Pemerintah No. 33 Tahun 2023 tentang Konservasi Energi",
      "Government Regulation 33/2023 on energy conservation" },
    { "Permen ESDM 7/2024", "Peraturan Menteri ESDM No. 7 Tahun 2024 tentang Tarif Tenaga "
                            "Listrik PT PLN (Persero)",
      "Minister of Energy Regulation 7/2024 on PLN electricity tariffs" },
    { "Permen ESDM 13/2012", "Peraturan Menteri ESDM No. 13 Tahun 2012 tentang Penghematan "
                             "Pemakaian Tenaga Listrik",
      "Minister of Energy Regulation 13/2012 on saving electricity" },
    { "SNI 6197", "SNI 6197:2011 Konservasi energi pada sistem pencahayaan",
      "SNI 6197:2011 Energy conservation in lighting systems" },
    { "SPLN 1", "SPLN 1:1995 Tegangan-tegangan standar", "SPLN 1:1995 Standard voltages" },
    { "IEC 60364", "IEC 60364 Low-voltage electrical installations",
      "IEC 60364 Low-voltage electrical installations" },
    { "IEC 60909", "IEC 60909-0:2016 Short-circuit currents in three-phase a.c. systems",
      "IEC 60909-0:2016 Short-circuit currents in three-phase a.c. systems" },
    { "IEC 61439", "IEC 61439-1 Low-voltage switchgear and controlgear assemblies",
      "IEC 61439-1 Low-voltage switchgear and controlgear assemblies" },
    { "IEC 60898", "IEC 60898-1 Circuit-breakers for household and similar installations",
      "IEC 60898-1 Circuit-breakers for household and similar installations" },
    { "IEC 60947", "IEC 60947-2 Low-voltage switchgear: circuit-breakers",
      "IEC 60947-2 Low-voltage switchgear: circuit-breakers" },
    { "IEC 61008", "IEC 61008-1 / IEC 61009-1 Residual current operated circuit-breakers",
      "IEC 61008-1 / IEC 61009-1 Residual current operated circuit-breakers" },
    { "IEC 60076", "IEC 60076 Power transformers", "IEC 60076 Power transformers" },
    { "IEC 61000", "IEC 61000-2-2 Electromagnetic compatibility: compatibility levels",
      "IEC 61000-2-2 Electromagnetic compatibility: compatibility levels" },
    { "ISO 8528", "ISO 8528-1 Reciprocating internal combustion engine driven generating sets",
      "ISO 8528-1 Reciprocating internal combustion engine driven generating sets" },
    { "IEEE 1584", "IEEE 1584-2018 Guide for Performing Arc-Flash Hazard Calculations",
      "IEEE 1584-2018 Guide for Performing Arc-Flash Hazard Calculations" },
    { "NFPA 70E", "NFPA 70E Standard for Electrical Safety in the Workplace",
      "NFPA 70E Standard for Electrical Safety in the Workplace" },
    { "IEEE 43", "IEEE 43 Recommended Practice for Testing Insulation Resistance of "
                 "Electric Machinery",
      "IEEE 43 Recommended Practice for Testing Insulation Resistance of Electric "
      "Machinery" },
    { "IEEE 519", "IEEE 519-2014 Harmonic Control in Electric Power Systems",
      "IEEE 519-2014 Harmonic Control in Electric Power Systems" },
    { "IEEE 142", "IEEE 142 Grounding of Industrial and Commercial Power Systems",
      "IEEE 142 Grounding of Industrial and Commercial Power Systems" },
    { "NETA", "ANSI/NETA MTS Maintenance Testing Specifications",
      "ANSI/NETA MTS Maintenance Testing Specifications" },
    { "ASHRAE Guideline 14", "ASHRAE Guideline 14 Measurement of Energy, Demand, and Water "
                             "Savings",
      "ASHRAE Guideline 14 Measurement of Energy, Demand, and Water Savings" },
};
#define N_DOCS (sizeof(docs_known) / sizeof(docs_known[0]))

void k3a__pdf_legal_basis(struct doc *d)
{
    const struct k3a_results *r = d->r;
    unsigned char seen[N_DOCS];
    size_t i, k, n = 0;
    char buf[400];

    memset(seen, 0, sizeof(seen));
    k3a__pdf_heading(d, T(d, K3A_T_PDF_LEGAL), F_H2);
    /* always: the Act and the electrical regulation the inspection is under */
    k3a__pdf_fmt(buf, sizeof(buf), "%zu. %s", ++n,
        T(d, K3A_T_PDF_UU1_1970));
    k3a__pdf_para(d, buf, F_BODY);
    k3a__pdf_fmt(buf, sizeof(buf), "%zu. %s", ++n,
        T(d, K3A_T_PDF_PERMEN12_2015));
    k3a__pdf_para(d, buf, F_BODY);
    /* D28: the decree that makes PUIL mandatory at workplaces (a checklist
     * is a working aid, not a legal basis, and is not listed) */
    k3a__pdf_fmt(buf, sizeof(buf), "%zu. %s", ++n,
        T(d, K3A_T_PDF_KEP75_2002));
    k3a__pdf_para(d, buf, F_BODY);
    /* the others in the order the findings and risks first cite them */
    for (i = 0; i < r->n_findings + r->n_risks; i++) {
        const char *c = i < r->n_findings ? k3a_finding_clause(&r->findings[i], d->lang)
                                          : r->risks[i - r->n_findings].basis;
        if (!c)
            continue;
        for (k = 0; k < N_DOCS; k++)
            if (!seen[k] && strstr(c, docs_known[k].match)) {
                seen[k] = 1;
                k3a__pdf_fmt(buf, sizeof(buf), "%zu. %s", ++n,
                    d->lang == K3A_LANG_EN ? docs_known[k].title_en : docs_known[k].title_id);
                k3a__pdf_para(d, buf, F_BODY);
            }
    }
}

/* The bus a loop test's circuit or device belongs to; -1 if none. */
static int32_t ref_bus(const struct k3a_site *s, const struct k3a_ref *rf)
{
    if (!rf->name || rf->idx < 0)
        return -1;
    switch (rf->kind) {
    case K3A_KIND_BUS:
        return rf->idx;
    case K3A_KIND_CABLE: {
        const struct k3a_cable *c = &s->cables[rf->idx];
        if (c->to.kind == K3A_KIND_BUS && c->to.idx >= 0)
            return c->to.idx;
        return c->from.kind == K3A_KIND_BUS ? c->from.idx : -1;
    }
    case K3A_KIND_LOAD:
        return s->loads[rf->idx].bus.kind == K3A_KIND_BUS ? s->loads[rf->idx].bus.idx : -1;
    case K3A_KIND_DEVICE:
        return s->devices[rf->idx].at.kind == K3A_KIND_BUS ? s->devices[rf->idx].at.idx : -1;
    default:
        return -1;
    }
}

/* Measurements made with an instrument whose calibration had lapsed on
 * the test day: listed as not to be relied on (A5, A6). */
static int lapsed_meas(struct doc *d, const char *kind_id, const char *kind_en,
                       const struct k3a_elem *e, const struct k3a_meas *m)
{
    size_t k;
    char buf[400], due[32];

    for (k = 0; k < m->instrument.n; k++) {
        const struct k3a_ref *rf = &m->instrument.v[k];
        const struct k3a_instrument *in;
        if (rf->idx < 0 || rf->kind != K3A_KIND_INSTRUMENT)
            continue;
        in = &d->s->instruments[rf->idx];
        if (!in->calibration_due.y || !m->test_date.y ||
            k3a_date_days(m->test_date) <= k3a_date_days(in->calibration_due))
            continue;
        k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_GAP_LAPSED),
            L2(d, kind_id, kind_en), e->name, in->hdr.name,
            k3a__pdf_date_iso(due, sizeof(due), in->calibration_due));
        k3a__pdf_para(d, buf, F_BODY);
        return 1;
    }
    return 0;
}

static void scope_gaps(struct doc *d, int *any)
{
    const struct k3a_site *s = d->s;
    char buf[600];
    size_t i, u, n_lv = 0, n_miss = 0, n_cab = 0, n_cab_miss = 0;
    unsigned char *has;

    /* A6: low-voltage boards without a loop impedance test */
    has = calloc(s->n_buses + s->n_cables + 1, 1);
    if (!has) {
        d->nomem = 1;
        return;
    }
    for (i = 0; i < s->n_loops; i++) {
        int32_t b = ref_bus(s, &s->loops[i].circuit);
        if (b < 0)
            b = ref_bus(s, &s->loops[i].device);
        if (b >= 0 && (size_t)b < s->n_buses)
            has[b] = 1;
    }
    k3a__pdf_fmt(buf, sizeof(buf), "%s", T(d, K3A_T_PDF_GAP_LOOP));
    u = strlen(buf);
    for (i = 0; i < s->n_buses; i++) {
        if (s->buses[i].voltage_kV > 1.0 || has[i])
            continue;
        n_lv++;
        n_miss++;
        if (u + 40 < sizeof(buf)) {
            k3a__pdf_fmt(buf + u, sizeof(buf) - u, "%s%s", n_miss > 1 ? ", " : "", s->buses[i].hdr.name);
            u += strlen(buf + u);
        }
    }
    if (n_miss) {
        k3a__pdf_para(d, buf, F_BODY);
        *any = 1;
    }
    /* RCDs without the 5 x IdN test, and RCD devices not tested at all */
    for (i = 0; i < s->n_rcds; i++)
        if (!k3a_elem_given(K3A_KIND_RCD, &s->rcds[i].hdr, "trip_ms_5x")) {
            k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_GAP_RCD5X),
                s->rcds[i].hdr.name);
            k3a__pdf_para(d, buf, F_BODY);
            *any = 1;
        }
    for (i = 0; i < s->n_devices; i++) {
        size_t k;
        int tested = 0;
        if (!(s->devices[i].rcd_mA > 0))
            continue;
        for (k = 0; k < s->n_rcds; k++)
            tested |= s->rcds[k].device.idx == (int32_t)i &&
                      s->rcds[k].device.kind == K3A_KIND_DEVICE;
        if (!tested) {
            k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_GAP_RCD),
                s->devices[i].hdr.name);
            k3a__pdf_para(d, buf, F_BODY);
            *any = 1;
        }
    }
    /* low-voltage cables without an insulation test */
    memset(has, 0, s->n_buses + s->n_cables + 1);
    for (i = 0; i < s->n_insulations; i++) {
        const struct k3a_ref *c = &s->insulations[i].circuit;
        if (c->kind == K3A_KIND_CABLE && c->idx >= 0 && (size_t)c->idx < s->n_cables)
            has[c->idx] = 1;
    }
    for (i = 0; i < s->n_cables; i++) {
        int32_t b = s->cables[i].to.kind == K3A_KIND_BUS ? s->cables[i].to.idx : -1;
        if (b >= 0 && s->buses[b].voltage_kV > 1.0)
            continue;
        n_cab++;
        n_cab_miss += !has[i];
    }
    if (n_cab_miss) {
        k3a__pdf_tfmt(buf, sizeof(buf), T(d, K3A_T_PDF_GAP_IR),
            n_cab_miss, n_cab);
        k3a__pdf_para(d, buf, F_BODY);
        *any = 1;
    }
    free(has);
    (void)n_lv;
    /* measurements from instruments past calibration */
#define LAPSED(arr, kind_id, kind_en)                                          \
    for (i = 0; i < s->n_##arr; i++)                                           \
        *any |= lapsed_meas(d, kind_id, kind_en, &s->arr[i].hdr, &s->arr[i].meas)
    LAPSED(earthings, "pembumian", "earthing");
    LAPSED(soils, "tahanan jenis tanah", "soil survey");
    LAPSED(insulations, "isolasi", "insulation");
    LAPSED(loops, "impedansi lingkar", "loop");
    LAPSED(rcds, "RCD", "RCD");
    LAPSED(thermographies, "termografi", "thermography");
    LAPSED(pqs, "kualitas daya", "power quality");
    LAPSED(lightnings, "penyalur petir", "lightning");
#undef LAPSED
}

void k3a__pdf_scope(struct doc *d)
{
    static const struct {
        enum k3a_kind k;
        const char *id, *en;
    } kinds[] = {
        { K3A_KIND_BUS, "panel / PHB (pemeriksaan, hubung singkat, busur api)",
          "boards (inspection, short circuit, arc flash)" },
        { K3A_KIND_DEVICE, "gawai proteksi (kapasitas pemutusan, waktu pemutusan)",
          "protective devices (breaking capacity, disconnection time)" },
        { K3A_KIND_CABLE, "kabel (KHA, proteksi, ketahanan termal, susut tegangan)",
          "cables (capacity, protection, thermal withstand, voltage drop)" },
        { K3A_KIND_EARTHING, "pengukuran tahanan pembumian", "earth resistance tests" },
        { K3A_KIND_SOIL, "pengukuran tahanan jenis tanah", "soil resistivity surveys" },
        { K3A_KIND_INSULATION, "pengukuran tahanan isolasi", "insulation resistance tests" },
        { K3A_KIND_LOOP, "pengukuran impedansi lingkar gangguan", "fault loop impedance tests" },
        { K3A_KIND_RCD, "pengujian RCD", "RCD tests" },
        { K3A_KIND_THERMOGRAPHY, "pemeriksaan termografi", "thermographic survey" },
        { K3A_KIND_PQ, "pengukuran kualitas daya", "power quality measurements" },
        { K3A_KIND_LIGHTNING, "instalasi penyalur petir", "lightning protection" },
        { K3A_KIND_OBSERVATION, "pengamatan visual dan dokumen",
          "visual and document observations" },
        { K3A_KIND_BILL, "rekening listrik (audit energi)", "electricity bills (energy audit)" },
    };
    char buf[300];
    size_t i;
    int any = 0;

    k3a__pdf_heading(d, T(d, K3A_T_PDF_SCOPE), F_H2);
    k3a__pdf_para(d, T(d, K3A_T_PDF_SCOPE_DONE), F_BOLD);
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        size_t n = k3a_site_count(d->s, kinds[i].k);
        if (!n)
            continue;
        k3a__pdf_fmt(buf, sizeof(buf), "- %s: %zu", L2(d, kinds[i].id, kinds[i].en), n);
        k3a__pdf_para(d, buf, F_BODY);
    }
    k3a__pdf_para(d, T(d, K3A_T_PDF_SCOPE_NOT), F_BOLD);
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (k3a_site_count(d->s, kinds[i].k))
            continue;
        k3a__pdf_fmt(buf, sizeof(buf), "- %s", L2(d, kinds[i].id, kinds[i].en));
        k3a__pdf_para(d, buf, F_BODY);
        any = 1;
    }
    scope_gaps(d, &any);
    if (!any)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
}

void k3a__pdf_instruments(struct doc *d)
{
    static const char *const types_id[] = {
        "penguji tahanan pembumian", "penguji tahanan isolasi", "penguji impedansi lingkar",
        "penguji RCD", "penguji instalasi multifungsi", "tang ampere", "kamera termal",
        "penganalisis kualitas daya", "luxmeter", "lainnya" };
    static const char *const types_en[] = {
        "earth tester", "insulation tester", "loop tester", "RCD tester",
        "multifunction installation tester", "clamp meter", "thermal camera",
        "power quality analyser", "lux meter", "other" };
    const char *const *types = d->lang == K3A_LANG_EN ? types_en : types_id;
    const struct k3a_site *s = d->s;
    struct tcol cols[] = {
        { T(d, K3A_T_NAME), 2, A_LEFT },      { T(d, K3A_T_TYPE), 2, A_LEFT },
        { T(d, K3A_T_PDF_MAKE_MODEL), 3, A_LEFT },    { T(d, K3A_T_PDF_SERIAL), 2, A_LEFT },
        { T(d, K3A_T_PDF_CALIBRATED), 1.6, A_LEFT },  { T(d, K3A_T_PDF_CAL_DUE), 2.4, A_LEFT },
    };
    struct table t;
    size_t i;

    k3a__pdf_heading(d, T(d, K3A_T_PDF_INSTR), F_H2);
    if (!s->n_instruments) {
        k3a__pdf_para(d, T(d, K3A_T_PDF_NO_INSTR), F_BODY);
        return;
    }
    k3a__pdf_table_begin(d, &t, cols, 6, F_SMALL);
    for (i = 0; i < s->n_instruments; i++) {
        const struct k3a_instrument *in = &s->instruments[i];
        char mm[256], c1[32], c2[96], dd[32];
        const char *row[6];
        unsigned bg[6] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };
        int expired = in->calibration_due.y &&
                      k3a_date_days(in->calibration_due) < k3a_date_days(s->site.audit_date);
        k3a__pdf_fmt(mm, sizeof(mm), "%s%s%s", in->hdr.make ? in->hdr.make : "",
            in->hdr.make && in->hdr.model ? " " : "", in->hdr.model ? in->hdr.model : "");
        row[0] = in->hdr.name;
        row[1] = (unsigned)in->type < sizeof(types_id) / sizeof(types_id[0]) ? types[in->type] : "?";
        row[2] = nz(mm);
        row[3] = nz(in->hdr.serial);
        row[4] = k3a__pdf_date_iso(c1, sizeof(c1), in->calibrated);
        k3a__pdf_date_iso(dd, sizeof(dd), in->calibration_due);
        row[5] = expired ? k3a__pdf_fmt(c2, sizeof(c2), "%s (%s)", dd, T(d, K3A_T_PDF_CAL_EXPIRED)) : dd;
        if (expired)
            bg[5] = C_WARN;
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
}

/* ---- BAB II ----------------------------------------------------------------- */

static const char *node_name(const struct k3a_site *s, const struct k3a_ref *ref)
{
    (void)s;
    return ref->name ? ref->name : "-";
}

/* BAB II: the supplies (PLN connections), their fault level and tariff. */
static void supply_table(struct doc *d)
{
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64], b4[64], b5[128];

    k3a__pdf_heading(d, T(d, K3A_T_PDF_SUPPLY), F_H2);
    if (!s->n_supplies)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_LABEL), 3, A_LEFT },
                               { "kV", 1, A_RIGHT },
                               { T(d, K3A_T_PDF_FAULT_LVL), 2.2, A_RIGHT },
                               { T(d, K3A_T_PDF_TARIFF), 2, A_LEFT } };
        k3a__pdf_table_begin(d, &t, cols, 5, F_SMALL);
        for (i = 0; i < s->n_supplies; i++) {
            const struct k3a_supply *p = &s->supplies[i];
            const char *row[5];
            row[0] = p->hdr.name;
            row[1] = nz(p->hdr.label);
            row[2] = k3a__pdf_numt(d, b1, sizeof(b1), p->voltage_kV, 3);
            if (p->fault_level_MVA > 0) {
                k3a__pdf_num(d, b4, sizeof(b4), p->fault_level_MVA, 0);
                if (p->fault_level_min_MVA > 0)
                    k3a__pdf_fmt(b2, sizeof(b2), "%s MVA (min %s)", b4,
                        k3a__pdf_num(d, b3, sizeof(b3), p->fault_level_min_MVA, 0));
                else
                    k3a__pdf_fmt(b2, sizeof(b2), "%s MVA", b4);
            } else if (p->fault_current_kA > 0)
                k3a__pdf_fmt(b2, sizeof(b2), "%s kA", k3a__pdf_num(d, b3, sizeof(b3), p->fault_current_kA, 1));
            else
                k3a__pdf_fmt(b2, sizeof(b2), "-");
            row[3] = b2;
            if (p->tariff && p->contracted_kVA > 0)
                k3a__pdf_fmt(b5, sizeof(b5), "%s / %s kVA", p->tariff,
                    k3a__pdf_num(d, b3, sizeof(b3), p->contracted_kVA, 0));
            else
                k3a__pdf_fmt(b5, sizeof(b5), "%s", nz(p->tariff));
            row[4] = b5;
            k3a__pdf_table_row(d, &t, row, NULL);
        }
        k3a__pdf_table_end(d, &t);
    }
}

/* BAB II: the transformers, their ratings and loading. */
static void transformer_table(struct doc *d)
{
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64], b4[64];

    k3a__pdf_heading(d, T(d, K3A_T_PDF_TX), F_H2);
    if (!s->n_transformers)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_FROM), 1.6, A_LEFT },
                               { T(d, K3A_T_TO), 1.6, A_LEFT },
                               { "kVA", 1.2, A_RIGHT },
                               { T(d, K3A_T_PDF_PRIMARY), 1.8, A_RIGHT },
                               { T(d, K3A_T_PDF_IMPEDANCE), 1.3, A_RIGHT },
                               { T(d, K3A_T_PDF_VECTOR), 1.2, A_LEFT },
                               { T(d, K3A_T_LOADING), 1.3, A_RIGHT } };
        k3a__pdf_table_begin(d, &t, cols, 8, F_SMALL);
        for (i = 0; i < s->n_transformers; i++) {
            const struct k3a_transformer *x = &s->transformers[i];
            const char *row[8];
            char b6[64], b7[64];
            row[0] = x->hdr.name;
            row[1] = node_name(s, &x->from);
            row[2] = node_name(s, &x->to);
            row[3] = k3a__pdf_num(d, b1, sizeof(b1), x->rating_kVA, 0);
            k3a__pdf_fmt(b2, sizeof(b2), "%s / %s kV", k3a__pdf_numt(d, b6, sizeof(b6), x->primary_kV, 3),
                k3a__pdf_numt(d, b7, sizeof(b7), x->secondary_kV, 3));
            row[4] = b2;
            k3a__pdf_fmt(b3, sizeof(b3), "%s %%", k3a__pdf_num(d, b6, sizeof(b6), x->impedance_pct, 2));
            row[5] = b3;
            row[6] = nz(x->vector_group);
            if (d->r->tx && d->r->tx[i].energized && isfinite(d->r->tx[i].loading_pct))
                k3a__pdf_fmt(b4, sizeof(b4), "%s %%", k3a__pdf_num(d, b7, sizeof(b7), d->r->tx[i].loading_pct, 1));
            else
                k3a__pdf_fmt(b4, sizeof(b4), "-");
            row[7] = b4;
            k3a__pdf_table_row(d, &t, row, NULL);
        }
        k3a__pdf_table_end(d, &t);
    }
}

/* BAB II: the generators. */
static void generator_table(struct doc *d)
{
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64];

    k3a__pdf_heading(d, T(d, K3A_T_PDF_GEN), F_H2);
    if (!s->n_generators)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 2, A_LEFT },
                               { T(d, K3A_T_BUS), 2, A_LEFT },
                               { "kVA", 1.3, A_RIGHT },
                               { "kV", 1, A_RIGHT },
                               { "X\"d", 1, A_RIGHT },
                               { T(d, K3A_T_PDF_MODE), 1.5, A_LEFT } };
        k3a__pdf_table_begin(d, &t, cols, 6, F_SMALL);
        for (i = 0; i < s->n_generators; i++) {
            const struct k3a_generator *g = &s->generators[i];
            const char *row[6];
            char b6[64];
            row[0] = g->hdr.name;
            row[1] = node_name(s, &g->bus);
            row[2] = k3a__pdf_num(d, b1, sizeof(b1), g->rating_kVA, 0);
            row[3] = k3a__pdf_numt(d, b2, sizeof(b2), g->voltage_kV, 3);
            k3a__pdf_fmt(b3, sizeof(b3), "%s %%", k3a__pdf_num(d, b6, sizeof(b6), g->xd2_pct, 1));
            row[4] = b3;
            row[5] = T(d, g->mode == K3A_GEN_PARALLEL ? K3A_T_PDF_GEN_PARALLEL
                                                      : K3A_T_PDF_GEN_STANDBY);
            k3a__pdf_table_row(d, &t, row, NULL);
        }
        k3a__pdf_table_end(d, &t);
    }
}

/* BAB II: the boards (buses), at most BUS_ROWS_MAX rows. */
static void board_table(struct doc *d)
{
    static const char *const equip_id[] = { "switchgear / kubikel", "panel utama",
                                            "panel cabang", "MCC", "kotak sambung",
                                            "udara terbuka" };
    static const char *const equip_en[] = { "switchgear", "switchboard", "panelboard", "MCC",
                                            "junction box", "open air" };
    const char *const *equip = d->lang == K3A_LANG_EN ? equip_en : equip_id;
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64];

    k3a__pdf_heading(d, T(d, K3A_T_PDF_BOARDS), F_H2);
    if (!s->n_buses)
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 1.8, A_LEFT },
                               { T(d, K3A_T_LABEL), 3, A_LEFT },
                               { "kV", 0.9, A_RIGHT },
                               { T(d, K3A_T_PDF_EQUIPMENT), 1.6, A_LEFT },
                               { "A", 1, A_RIGHT },
                               { "Icw kA", 1, A_RIGHT },
                               { T(d, K3A_T_PDF_LOCATION), 2.2, A_LEFT } };
        k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
        for (i = 0; i < s->n_buses && i < BUS_ROWS_MAX; i++) {
            const struct k3a_bus *b = &s->buses[i];
            const char *row[7];
            row[0] = b->hdr.name;
            row[1] = nz(b->hdr.label);
            row[2] = k3a__pdf_numt(d, b1, sizeof(b1), b->voltage_kV, 3);
            row[3] = (unsigned)b->equipment < 6 ? equip[b->equipment] : "?";
            row[4] = b->rated_A > 0 ? k3a__pdf_num(d, b2, sizeof(b2), b->rated_A, 0) : "-";
            row[5] = b->withstand_kA > 0 ? k3a__pdf_num(d, b3, sizeof(b3), b->withstand_kA, 0) : "-";
            row[6] = nz(b->location);
            k3a__pdf_table_row(d, &t, row, NULL);
        }
        k3a__pdf_table_end(d, &t);
        k3a__pdf_more_rows(d, s->n_buses > BUS_ROWS_MAX ? s->n_buses - BUS_ROWS_MAX : 0, K3A_T_SH_INPUT);
    }
}

/* BAB II: power-factor correction, what was found working of each bank. */
static void capacitor_table(struct doc *d)
{
    const struct k3a_site *s = d->s;
    struct table t;
    size_t i;
    char b1[64], b2[64], b3[64], b4[64];

    if (!s->n_capacitors) {
        k3a__pdf_heading(d, T(d, K3A_T_PDF_CAPS), F_H2);
        k3a__pdf_para(d, T(d, K3A_T_PDF_NONE), F_BODY);
    } else {
        struct tcol cols[] = { { T(d, K3A_T_NAME), 1.8, A_LEFT },
                               { T(d, K3A_T_LABEL), 3, A_LEFT },
                               { T(d, K3A_T_BUS), 1.6, A_LEFT },
                               { "kvar", 1, A_RIGHT },
                               { "kV", 0.8, A_RIGHT },
                               { T(d, K3A_T_PDF_CAP_STEPS), 1, A_RIGHT },
                               { T(d, K3A_T_PDF_CAP_WORKING), 1.4, A_RIGHT },
                               { T(d, K3A_T_PDF_CAP_DETUNED), 1.4, A_LEFT } };
        k3a__pdf_heading(d, T(d, K3A_T_PDF_CAPS), F_H2);
        k3a__pdf_table_begin(d, &t, cols, 8, F_SMALL);
        for (i = 0; i < s->n_capacitors; i++) {
            const struct k3a_capacitor *c = &s->capacitors[i];
            const char *row[8];
            char b6[64];
            row[0] = c->hdr.name;
            row[1] = nz(c->hdr.label);
            row[2] = c->bus.name ? c->bus.name : "-";
            row[3] = k3a__pdf_num(d, b1, sizeof(b1), c->rated_kvar, 0);
            row[4] = k3a__pdf_numt(d, b2, sizeof(b2), c->voltage_kV, 3);
            row[5] = c->steps > 0 ? k3a__pdf_fmt(b3, sizeof(b3), "%d", c->steps) : "-";
            row[6] = c->working_kvar >= 0 && isfinite(c->working_kvar)
                         ? k3a__pdf_num(d, b4, sizeof(b4), c->working_kvar, 0)
                         : "-";
            row[7] = k3a__pdf_fmt(b6, sizeof(b6), "%s",
                                  T(d, c->detuned ? K3A_T_PDF_YES : K3A_T_PDF_NO));
            k3a__pdf_table_row(d, &t, row, NULL);
        }
        k3a__pdf_table_end(d, &t);
    }
}

void k3a__pdf_installation_tables(struct doc *d)
{
    supply_table(d);
    transformer_table(d);
    generator_table(d);
    board_table(d);
    capacitor_table(d);
}
