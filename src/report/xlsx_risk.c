/*
 * xlsx_risk.c - the audit workbook's IBPR sheet (the risk register) and
 * Matriks Risiko (the heat map).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* ---- IBPR: the risk register, and the heat map ------------------------- */

struct risk_row {
    const char *id, *activity, *hazard, *risk, *existing, *control, *clevel,
        *owner, *due, *source, *reason, *basis;
    double l, s, l2, s2;
    const struct k3a_band *band, *band2;
    char abuf[160], dbuf[16], obuf[80], bbuf[400];
};

static int risk_row(struct wctx *w, size_t i, void *rowp)
{
    struct risk_row *row = rowp;
    const struct k3a_risk *k = &w->r->risks[i];
    const struct k3a_risk_profile *p = &w->r->profile;
    int en = w->lang == K3A_LANG_EN;
    const char *act = en ? k->activity_en : k->activity_id;
    char eb[200];

    row->id = k->id;
    k3a__join(row->abuf, sizeof(row->abuf), act ? act : "",
              act && (k->location[0] || k->idx >= 0) ? " - " : "", k->location,
              k->location[0] ? " " : "",
              k->location[0] ? "" : k3a_element_text(k->element, w->lang, eb, sizeof(eb)));
    if (k->location[0] && strcmp(k->element, "site") != 0) {
        size_t u = strlen(row->abuf);
        k3a__join(row->abuf + u, sizeof(row->abuf) - u, "(",
                  k3a_element_text(k->element, w->lang, eb, sizeof(eb)), ")");
    }
    row->activity = row->abuf;
    row->hazard = en ? k->hazard_en : k->hazard_id;
    row->risk = en ? k->risk_en : k->risk_id;
    row->existing = en ? k->existing_en : k->existing_id;
    row->l = k->likelihood;
    row->s = k->severity;
    row->band = k->band;
    row->control = en ? k->control_en : k->control_id;
    row->clevel = k->has_control && p->control[k->control]
                      ? (en ? p->control[k->control]->label_en
                            : p->control[k->control]->label_id)
                      : NULL;
    row->l2 = k->likelihood_after;
    row->s2 = k->severity_after;
    row->band2 = k->band_after;
    row->owner = k3a_text_lang(k->owner, w->lang, row->obuf, sizeof(row->obuf));
    if (k->due.y) {
        k3a__xl_date_text(k->due, row->dbuf, sizeof(row->dbuf));
        row->due = row->dbuf;
    }
    row->source = k->source;
    row->reason = en ? k->reason_en : k->reason_id;
    row->basis = k3a_text_lang(k->basis, w->lang, row->bbuf, sizeof(row->bbuf));
    return 0;
}

/* clang-format off */
#define RK(h, u, wd, k, field, d) { K3A_T_##h, u, wd, k, offsetof(struct risk_row, field), d, NULL }
static const struct col_spec risk_cols[] = {
    RK(NO,           "",  7, COL_TEXT, id,       0),
    RK(ACTIVITY,     "", 24, COL_TEXT, activity, 0),
    RK(HAZARD,       "", 34, COL_TEXT, hazard,   0),
    RK(RISK,         "", 20, COL_TEXT, risk,     0),
    RK(EXISTING,     "", 20, COL_TEXT, existing, 0),
    RK(LIKELIHOOD,   "",  5, COL_NUM,  l,        0),
    RK(SEVERITY,     "",  5, COL_NUM,  s,        0),
    RK(LEVEL,        "", 10, COL_BAND, band,     0),
    RK(CONTROL,      "", 34, COL_TEXT, control,  0),
    RK(CONTROL_LVL,  "", 13, COL_TEXT, clevel,   0),
    RK(LIKELIHOOD2,  "",  5, COL_NUM,  l2,       0),
    RK(SEVERITY2,    "",  5, COL_NUM,  s2,       0),
    RK(LEVEL2,       "", 10, COL_BAND, band2,    0),
    RK(OWNER,        "", 16, COL_TEXT, owner,    0),
    RK(DUE,          "", 11, COL_TEXT, due,      0),
    RK(SOURCE,       "", 12, COL_TEXT, source,   0),
    RK(REASON,       "", 30, COL_TEXT, reason,   0),
    RK(CLAUSE,       "", 24, COL_TEXT, basis,    0),
};
#undef RK
/* clang-format on */

/* Counts per cell before and after controls, coloured by band, and the
 * band legend with the action each requires. */
static void write_heatmap(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    const struct k3a_risk_profile *p = &r->profile;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, TX(w, SH_HEATMAP));
    size_t cnt[2][5][5], i;
    int en = w->lang == K3A_LANG_EN, g, l, sv;
    lxw_row_t row;
    char buf[160];

    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memset(cnt, 0, sizeof(cnt));
    for (i = 0; i < r->n_risks; i++) {
        const struct k3a_risk *k = &r->risks[i];
        if (k->likelihood >= 1 && k->likelihood <= 5 && k->severity >= 1 && k->severity <= 5)
            cnt[0][k->likelihood - 1][k->severity - 1]++;
        if (k->likelihood_after >= 1 && k->likelihood_after <= 5 &&
            k->severity_after >= 1 && k->severity_after <= 5)
            cnt[1][k->likelihood_after - 1][k->severity_after - 1]++;
    }
    row = k3a__xl_sheet_head(w, ws, K3A_T_SH_HEATMAP, 7);
    {
        char tl[256];
        snprintf(buf, sizeof(buf), "%s: %s", TX(w, PROFILE),
                 p->file && p->file->meta.title
                     ? k3a_text_lang(p->file->meta.title, w->lang, tl, sizeof(tl))
                     : "");
    }
    cell(w, worksheet_write_string(ws, row++, 0, buf, w->st.subtitle));
    check(w, worksheet_set_column(ws, 0, 0, 26, NULL));
    check(w, worksheet_set_column(ws, 1, 5, 16, NULL));
    check(w, worksheet_set_column(ws, 6, 6, 60, NULL));
    for (g = 0; g < 2; g++) {
        row++;
        /* the caption across the matrix, not wrapped into its header */
        check(w, worksheet_merge_range(ws, row, 0, row, 5,
                                       g ? TX(w, AFTER_CONTROLS) : TX(w, AS_FOUND),
                                       w->st.label));
        row++;
        check(w, worksheet_set_row(ws, row, 30, NULL));
        cell(w, worksheet_write_string(ws, row, 0, TX(w, LIKELIHOOD_SEVERITY),
                                        w->st.head));
        for (sv = 0; sv < 5; sv++) {
            snprintf(buf, sizeof(buf), "S%d %s", sv + 1,
                     en ? p->severity[sv]->label_en : p->severity[sv]->label_id);
            cell(w, worksheet_write_string(ws, row, (lxw_col_t)(sv + 1), buf,
                                            w->st.head));
        }
        row++;
        for (l = 4; l >= 0; l--, row++) {
            snprintf(buf, sizeof(buf), "P%d %s", l + 1,
                     en ? p->likelihood[l]->label_en : p->likelihood[l]->label_id);
            cell(w, worksheet_write_string(ws, row, 0, buf, w->st.head));
            for (sv = 0; sv < 5; sv++)
                cell(w, k3a__xl_write_number(ws, row, (lxw_col_t)(sv + 1),
                                                (double)cnt[g][l][sv],
                                                k3a__xl_band_format(w, p->cell[l][sv], 1)));
            check(w, worksheet_set_row(ws, row, 24, NULL));
        }
    }
    row++;
    cell(w, worksheet_write_string(ws, row, 0, TX(w, LEVEL), w->st.head));
    cell(w, worksheet_write_string(ws, row, 1, TX(w, DUE_DAYS), w->st.head));
    check(w, worksheet_merge_range(ws, row, 2, row, 6, TX(w, ACTION), w->st.head));
    row++;
    for (i = 0; p->file && i < p->file->n_bands; i++, row++) {
        const struct k3a_band *b = &p->file->bands[i];
        cell(w, worksheet_write_string(ws, row, 0, en ? b->label_en : b->label_id,
                                        k3a__xl_band_format(w, b, 0)));
        cell(w, k3a__xl_write_number(ws, row, 1, b->due_days, w->st.num0));
        check(w, worksheet_merge_range(ws, row, 2, row, 6,
                                       en ? b->action_en : b->action_id, w->st.wrap));
        check(w, worksheet_set_row(ws, row, 30, NULL));
    }
    k3a__xl_page_setup(w, ws, k3a__xl_col_px(26) + 5 * k3a__xl_col_px(16) + k3a__xl_col_px(60), 0, 1);
}


void k3a__xl_write_risks(struct wctx *w)
{
    TABLE(SH_RISK, risk_cols, risk_row, risk_row, w->r->n_risks, NULL);
    write_heatmap(w);
}
