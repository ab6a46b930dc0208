/*
 * audit.c - the pipeline: runs each stage in order on a loaded site.
 * Stages are pure; they read the site and earlier results and append to
 * struct k3a_results.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base.h"
#include "findings.h"
#include "stages.h"
#include "strpool.h"
#include "k3audit/audit.h"
#include "k3audit/report.h"

void k3a_results_init(struct k3a_results *r)
{
    memset(r, 0, sizeof(*r));
    r->level_max = -1;
    r->title_langs = 1u << K3A_LANG_ID | 1u << K3A_LANG_EN;
}

void k3a_results_release(struct k3a_results *r)
{
    k3a_sc_results_release(&r->sc);
    free(r->prot);
    free(r->trip_prep);
    free(r->arc);
    free(r->earth);
    free(r->soil);
    free(r->ir);
    free(r->thermo);
    free(r->pq);
    free(r->loop);
    free(r->loads);
    free(r->cables);
    free(r->tx);
    free(r->bus_vdrop_pct);
    free(r->risks);
    free(r->energy.load_kWh);
    free(r->energy.months);
    free(r->energy.recos);
    free(r->findings);
    if (r->text) {
        k3a__pool_free(r->text);
        free(r->text);
    }
    k3a_results_init(r);
}

static double clock_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* now - *t into *slot, and *t = now; nothing without stage times */
static void lap(struct k3a__stage_times *times, double *slot, double *t)
{
    double n;

    if (!times)
        return;
    n = clock_s();
    *slot = n - *t;
    *t = n;
}

enum k3a_status k3a__audit_stages(struct k3a_results *r, struct k3a_diag_list *dl,
                                  struct k3a__stage_times *times)
{
    enum k3a_status st;
    double t = times ? clock_s() : 0;

    if (times)
        memset(times, 0, sizeof(*times));
    k3a_sc_results_init(&r->sc);
    st = k3a_sc_run(r->site, r->models, &r->sc, dl);
    lap(times, times ? &times->sc : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__protection_stage(r, dl);
    lap(times, times ? &times->prot : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__arcflash_stage(r, dl);
    lap(times, times ? &times->arc : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__measure_stage(r, dl);
    lap(times, times ? &times->meas : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__load_flow(r);
    lap(times, times ? &times->flow : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__load_stage(r, dl);
    lap(times, times ? &times->cab : NULL, &t);
    if (st != K3A_OK)
        return st;
    st = k3a__energy_stage(r, dl);
    if (st != K3A_OK)
        return st;
    st = k3a__findings_inspection(r);
    if (st != K3A_OK)
        return st;
    /* the register reads every finding */
    st = k3a__risk_stage(r, dl);
    lap(times, times ? &times->find : NULL, &t);
    if (st != K3A_OK)
        return st;
    /* a title or clause lost to a failed allocation fails the audit */
    return k3a__finding_text_lost(r) ? K3A_E_NOMEM : K3A_OK;
}

static enum k3a_status audit_run_c(const struct k3a_site *site,
                              const struct k3a_models *models,
                              struct k3a_results *r,
                              struct k3a_diag_list *dl)
{
    r->site = site;
    r->models = models;
    r->limits = k3a_models_limits(models, site->site.limits
                                              ? site->site.limits
                                              : "puil2011");
    return k3a__audit_stages(r, dl, NULL);
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_audit_run(const struct k3a_site *site,
                              const struct k3a_models *models,
                              struct k3a_results *r,
                              struct k3a_diag_list *dl)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = audit_run_c(site, models, r, dl);

    k3a__c_locale_leave(old);
    return ret_;
}

void k3a_site_summary_fill(const struct k3a_results *r, struct k3a_site_summary *s)
{
    const struct k3a_site *site = r->site;
    size_t i;

    snprintf(s->name, sizeof(s->name), "%s", site->site.name ? site->site.name : "");
    s->audited = 1;
    s->n_fail = r->n_fail;
    s->n_warn = r->n_warn;
    s->n_pass = r->n_pass;
    memset(s->risks, 0, sizeof(s->risks));
    for (i = 0; i < r->n_risks; i++)
        if (r->risks[i].band)
            s->risks[r->risks[i].band->level]++;
    s->level_max = r->level_max;
    s->worst_arc_cal_cm2 = NAN;
    s->worst_arc_bus[0] = '\0';
    for (i = 0; r->arc && i < site->n_buses; i++)
        if (r->arc[i].available &&
            (isnan(s->worst_arc_cal_cm2) ||
             r->arc[i].out.energy_cal_cm2 > s->worst_arc_cal_cm2)) {
            s->worst_arc_cal_cm2 = r->arc[i].out.energy_cal_cm2;
            snprintf(s->worst_arc_bus, sizeof(s->worst_arc_bus), "%s",
                     site->buses[i].hdr.name);
        }
    s->earthing_fail = s->insulation_fail = 0;
    for (i = 0; r->earth && i < site->n_earthings; i++)
        s->earthing_fail += r->earth[i].verdict == K3A_FAIL;
    for (i = 0; r->ir && i < site->n_insulations; i++)
        s->insulation_fail += r->ir[i].verdict == K3A_FAIL;
    s->annual_kWh = r->has_energy ? r->energy.annual_kWh : NAN;
    s->annual_cost_Rp = r->has_energy ? r->energy.annual_cost_Rp : NAN;
    s->audit_days = site->site.audit_date.y ? k3a_date_days(site->site.audit_date) : 0;
}
