/*
 * pdf_findings.c - BAB III's tables: the findings by category (sections
 * 3.1 to 3.10, a check's many passes folded into one row) and the
 * arc-flash results of the boards (3.11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

/* ---- BAB III ------------------------------------------------------------------ */

enum cat { CAT_PROT, CAT_ARC, CAT_EARTH, CAT_IR, CAT_LOOP, CAT_THERMO, CAT_PQ,
           CAT_CABLE, CAT_ENERGY, CAT_DOCS, CAT_COUNT };
_Static_assert(CAT_COUNT == K3A_PDF_FINDING_CATS, "pdf.h numbers BAB III's sections after these");

static enum cat finding_cat(const struct k3a_finding *f)
{
    const char *c = f->check;

    if (strncmp(c, "arc_flash", 9) == 0)
        return CAT_ARC;
    switch (f->kind) {
    case K3A_KIND_DEVICE:
        return CAT_PROT;
    case K3A_KIND_BUS:
        return strcmp(c, "voltage_drop") == 0 ? CAT_CABLE : CAT_PROT;
    case K3A_KIND_EARTHING:
    case K3A_KIND_SOIL:
    case K3A_KIND_LIGHTNING:
        return CAT_EARTH;
    case K3A_KIND_INSULATION:
        return CAT_IR;
    case K3A_KIND_LOOP:
    case K3A_KIND_RCD:
        return CAT_LOOP;
    case K3A_KIND_THERMOGRAPHY:
        return CAT_THERMO;
    case K3A_KIND_PQ:
        return CAT_PQ;
    case K3A_KIND_CABLE:
    case K3A_KIND_LOAD:
    case K3A_KIND_TRANSFORMER:
    case K3A_KIND_GENERATOR:
    case K3A_KIND_CAPACITOR:
        return strcmp(c, "lighting_power_density") == 0 ? CAT_ENERGY : CAT_CABLE;
    case K3A_KIND_BILL:
        return CAT_ENERGY;
    case K3A_KIND_SITE:
        if (strstr(c, "power_factor") || strstr(c, "energy") || strcmp(c, "baseline") == 0)
            return CAT_ENERGY;
        return CAT_DOCS;
    default:
        return CAT_DOCS;
    }
}

/* Passes of one check beyond this many are one row (as the workbook). */
#define PASS_ROWS_MAX 50

/* The passes per check (check[k], count[k], *n_checks of them, at most
 * 512), to fold a check with very many into one row; none counted on a
 * site with few findings. */
static void pass_counts(const struct k3a_results *r, const char **check, size_t *count,
                        size_t *n_checks)
{
    size_t i, k;

    if (r->n_findings <= PASS_ROWS_MAX)
        return;
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        if (f->verdict != K3A_PASS || f->cited)
            continue;
        for (k = 0; k < *n_checks && strcmp(check[k], f->check) != 0; k++)
            ;
        if (k == *n_checks && *n_checks < 512)
            check[(*n_checks)++] = f->check;
        if (k < *n_checks)
            count[k]++;
    }
}

/* One finding's row: its number, element, title, measured value and
 * limit with their unit, verdict and clause. */
static void finding_row(struct doc *d, struct table *t, const struct k3a_finding *f)
{
    char mb[64], lb[64], mv[96], lv[96];
    const char *row[7];
    unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };

    k3a__pdf_num_pair(d, f->measured, f->has_measured, f->limit, f->has_limit, mb, lb,
             sizeof(mb));
    row[0] = f->id;
    row[1] = k3a_element_text(f->element, d->lang, d->ebuf, sizeof(d->ebuf));
    row[2] = k3a_finding_title(f, d->lang);
    row[3] = f->has_measured ? k3a__pdf_fmt(mv, sizeof(mv), "%s\u00a0%s", mb, k3a_finding_unit(f, d->lang)) : "";
    row[4] = f->has_limit ? k3a__pdf_fmt(lv, sizeof(lv), "%s\u00a0%s", lb, k3a_finding_unit(f, d->lang)) : "";
    row[5] = k3a__pdf_verdict_word(d, f->verdict);
    row[6] = k3a_finding_clause(f, d->lang);
    bg[5] = verdict_color(f->verdict);
    k3a__pdf_table_row(d, t, row, bg);
}

/* The one row of a check's n passes, folded (f the first of them). */
static void folded_row(struct doc *d, struct table *t, const struct k3a_finding *f, size_t n)
{
    char mv[96], text[600];
    const char *row[7];
    unsigned bg[7] = { NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG, NO_BG };

    k3a__pdf_tfmt(text, sizeof(text), T(d, K3A_T_PDF_PASS_GROUP), n, f->element,
         k3a_finding_title(f, d->lang));
    row[0] = f->id;
    row[1] = k3a__pdf_fmt(mv, sizeof(mv), "%zu %s", n, T(d, K3A_T_ELEMENTS));
    row[2] = text;
    row[3] = "";
    row[4] = "";
    row[5] = k3a__pdf_verdict_word(d, K3A_PASS);
    row[6] = k3a_finding_clause(f, d->lang);
    bg[5] = C_PASS;
    k3a__pdf_table_row(d, t, row, bg);
}

/* Section 3.(c + 1): the findings of category c in one table (none when
 * it has none), a check's many passes folded into one row. */
static void findings_category(struct doc *d, int c, const char **check, const size_t *count,
                              size_t n_checks)
{
    static const enum k3a_text_id cat_title[CAT_COUNT] = {
        K3A_T_PDF_CAT_PROT, K3A_T_PDF_CAT_ARC, K3A_T_PDF_CAT_EARTH, K3A_T_PDF_CAT_IR, K3A_T_PDF_CAT_LOOP, K3A_T_PDF_CAT_THERMO,
        K3A_T_PDF_CAT_PQ, K3A_T_PDF_CAT_CABLE, K3A_T_PDF_CAT_ENERGY, K3A_T_PDF_CAT_DOCS };
    const struct k3a_results *r = d->r;
    struct tcol cols[] = {
        { T(d, K3A_T_NO), 1.1, A_LEFT },        { T(d, K3A_T_ELEMENT), 2.2, A_LEFT },
        { T(d, K3A_T_DESCRIPTION), 4.6, A_LEFT }, { T(d, K3A_T_MEASURED), 1.5, A_RIGHT },
        { T(d, K3A_T_LIMIT), 1.4, A_RIGHT },    { T(d, K3A_T_RESULT), 1.6, A_CENTER },
        { T(d, K3A_T_CLAUSE), 3.6, A_LEFT },
    };
    struct table t;
    int begun = 0;
    char head[160];
    unsigned char *folded;
    size_t i, k;

    for (i = 0; i < r->n_findings; i++)
        if ((int)finding_cat(&r->findings[i]) == c)
            break;
    if (i == r->n_findings)
        return;
    folded = calloc(n_checks + 1, 1);
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        if ((int)finding_cat(f) != c)
            continue;
        if (!begun) {
            k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", c + 1, T(d, cat_title[c]));
            k3a__pdf_heading(d, head, F_H2);
            k3a__pdf_table_begin(d, &t, cols, 7, F_SMALL);
            begun = 1;
        }
        if (f->verdict == K3A_PASS && !f->cited && n_checks) {
            for (k = 0; k < n_checks && strcmp(check[k], f->check) != 0; k++)
                ;
            if (k < n_checks && count[k] > PASS_ROWS_MAX) {
                if (!folded || folded[k])
                    continue;
                folded[k] = 1;
                folded_row(d, &t, f, count[k]);
                continue;
            }
        }
        finding_row(d, &t, f);
    }
    free(folded);
    if (begun)
        k3a__pdf_table_end(d, &t);
}

void k3a__pdf_findings(struct doc *d)
{
    const struct k3a_results *r = d->r;
    size_t *count = NULL;
    const char **check = NULL;
    size_t n_checks = 0;
    int c;

    count = calloc(r->n_findings + 1, sizeof(*count));
    check = calloc(r->n_findings + 1, sizeof(*check));
    if (!count || !check) {
        d->nomem = 1;
        free(count);
        free(check);
        return;
    }
    pass_counts(r, check, count, &n_checks);
    for (c = 0; c < CAT_COUNT; c++)
        findings_category(d, c, check, count, n_checks);
    free(count);
    free(check);
}
/* Section 3.11: the arc-flash results of every board (at most
 * BUS_ROWS_MAX rows). */
void k3a__pdf_arc_table(struct doc *d)
{
    const struct k3a_results *r = d->r;
    const struct k3a_site *s = d->s;
    struct tcol cols[] = {
        { T(d, K3A_T_BUS), 1.6, A_LEFT },       { "kV", 0.8, A_RIGHT },
        { "Ibf kA", 1, A_RIGHT },               { "Iarc kA", 1, A_RIGHT },
        { T(d, K3A_T_CLEAR_DEV), 1.7, A_LEFT }, { "t ms", 0.9, A_RIGHT },
        { T(d, K3A_T_PDF_ARC_DIST), 1.2, A_RIGHT },
        { "E cal/cm\u00b2", 1.1, A_RIGHT },
        { T(d, K3A_T_PDF_ARC_AFB), 1.2, A_RIGHT },
        { T(d, K3A_T_PPE), 1.1, A_CENTER },
        { T(d, K3A_T_CASE), 2.4, A_LEFT },
    };
    struct table t;
    size_t i, n = 0, shown;
    char head[128];

    for (i = 0; r->arc && i < s->n_buses; i++)
        n += r->arc[i].available != 0;
    if (!n)
        return;
    k3a__pdf_fmt(head, sizeof(head), "3.%d  %s", CAT_COUNT + 1, T(d, K3A_T_PDF_ARC_TABLE));
    k3a__pdf_heading(d, head, F_H2);
    k3a__pdf_table_begin(d, &t, cols, 11, F_SMALL);
    for (i = 0, shown = 0; i < s->n_buses; i++) {
        const struct k3a_bus_arc *a = &r->arc[i];
        char b[8][64], cs[160];
        const char *row[11];
        unsigned bg[11];
        int32_t dev;
        size_t k;
        if (!a->available)
            continue;
        if (shown++ == BUS_ROWS_MAX)
            break;
        for (k = 0; k < 11; k++)
            bg[k] = NO_BG;
        dev = a->out.governing ? a->device_min : a->device;
        row[0] = s->buses[i].hdr.name;
        row[1] = k3a__pdf_numt(d, b[0], 64, s->buses[i].voltage_kV, 3);
        row[2] = k3a__pdf_num(d, b[1], 64, a->in.ibf_kA, 2);
        row[3] = k3a__pdf_num(d, b[2], 64, a->out.iarc_kA, 2);
        row[4] = dev >= 0 ? s->devices[dev].hdr.name : "-";
        row[5] = k3a__pdf_num(d, b[3], 64, a->out.governing ? a->in.t_min_ms : a->in.t_ms, 0);
        row[6] = k3a__pdf_num(d, b[4], 64, a->in.distance_mm, 0);
        row[7] = k3a__pdf_num(d, b[5], 64, a->out.energy_cal_cm2, 2);
        row[8] = k3a__pdf_num(d, b[6], 64, a->out.afb_gov_mm, 0);
        /* above 40 cal/cm2 no PPE category applies: said as the energy,
         * not as the label's signal word */
        row[9] = strcmp(a->ppe, "dangerous") == 0 ? "> 40 cal/cm\u00b2" : a->ppe;
        k3a__pdf_fmt(cs, sizeof(cs), "%s%s%s", k3a__pdf_case_words(d, a->sc_case),
            a->out.governing ? "; " : "", a->out.governing ? T(d, K3A_T_PDF_L_REDUCED) : "");
        row[10] = cs;
        if (strcmp(a->ppe, "dangerous") == 0)
            bg[7] = bg[9] = C_FAIL;
        else if (a->out.energy_cal_cm2 > 1.2)
            bg[7] = C_WARN;
        k3a__pdf_table_row(d, &t, row, bg);
    }
    k3a__pdf_table_end(d, &t);
    k3a__pdf_more_rows(d, n > BUS_ROWS_MAX ? n - BUS_ROWS_MAX : 0, K3A_T_SH_ARC);
}
