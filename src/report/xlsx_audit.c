/*
 * xlsx_audit.c - the audit workbook (k3a_report_write_xlsx): its
 * sheets in order.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

/* The sheets in order; each is left out when the site has nothing for it. */
static void write_all(struct wctx *w)
{
    const struct k3a_results *r = w->r;
    const struct k3a_site *s = r->site;

    k3a__xl_worst_init(w);
    k3a__xl_write_summary(w);
    k3a__xl_write_changes(w);
    if (!k3a_site_count(s, K3A_KIND_SCENARIO)) /* a training file is not signed */
        k3a__xl_write_attestation(w);
    k3a__xl_write_findings(w);
    if (r->has_profile)
        k3a__xl_write_risks(w);
    if (r->prot && r->sc.has_case[K3A_CASE_MAX])
        k3a__xl_write_sc(w);
    k3a__xl_write_devices(w);
    if (r->arc && r->has_arc_model)
        k3a__xl_write_arc(w);
    if (r->earth)
        k3a__xl_write_measurements(w);
    if (r->cables && (s->n_cables || s->n_transformers))
        k3a__xl_write_loads(w);
    if (r->arc && r->has_arc_model)
        k3a__xl_write_label_sheet(w);
    if (r->has_energy && (r->energy.model_kWh > 0 || r->energy.n_months))
        k3a__xl_write_energy_sheets(w);
    k3a__xl_write_warnings(w);
    k3a__xl_write_input(w);
    k3a__xl_write_models(w);
    k3a__xl_worst_free(w);
}


static enum k3a_status write_xlsx_c(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      const char *path, char *msg,
                                      size_t msg_size)
{
    char tmp[4096];
    char p_subject[PROP_TEXT], p_author[PROP_TEXT], p_company[PROP_TEXT];
    lxw_doc_properties props;
    struct wctx w;
    enum k3a_status st;

    memset(&w, 0, sizeof(w));
    w.r = r;
    w.o = o;
    w.lang = o->lang;
    if ((st = k3a__xl_book_open(&w, path, tmp, sizeof(tmp), msg, msg_size)) != K3A_OK)
        return st;
    memset(&props, 0, sizeof(props));
    props.title = (char *)(uintptr_t)k3a_text(o->lang, K3A_T_TITLE);
    props.subject = k3a__xl_prop_text(p_subject, r->site->site.name);
    props.author = k3a__xl_prop_text(p_author, r->site->site.auditor ? r->site->site.auditor : "");
    props.company = k3a__xl_prop_text(p_company, r->site->site.company ? r->site->site.company : "");
    props.comments = (char *)(uintptr_t)"k3audit";
    /* the document time is the audit date, so equal inputs give equal
     * bytes (cli.md "Output files") */
    props.created = (time_t)(k3a_date_days(r->site->site.audit_date) * 86400L);
    check(&w, workbook_set_properties(w.wb, &props));
    if (k3a__xl_make_styles(&w) == 0)
        write_all(&w);
    if (o->cells_written)
        *o->cells_written = w.cells;
    return k3a__xl_book_close(&w, tmp, path, msg, msg_size);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_xlsx(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      const char *path, char *msg,
                                      size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_xlsx_c(r, o, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}

