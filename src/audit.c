/*
 * audit.c - the pipeline: runs each stage in order on a loaded site.
 * Stages are pure; they read the site and earlier results and append to
 * struct k3a_results.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "k3audit/audit.h"

void k3a_results_init(struct k3a_results *r)
{
    memset(r, 0, sizeof(*r));
    r->level_max = -1;
}

void k3a_results_release(struct k3a_results *r)
{
    k3a_sc_results_release(&r->sc);
    free(r->prot);
    free(r->arc);
    free(r->earth);
    free(r->soil);
    free(r->ir);
    free(r->thermo);
    free(r->pq);
    free(r->loads);
    free(r->cables);
    free(r->tx);
    free(r->bus_vdrop_pct);
    free(r->risks);
    free(r->energy.load_kWh);
    free(r->energy.months);
    free(r->energy.recos);
    free(r->findings);
    memset(r, 0, sizeof(*r));
    r->level_max = -1;
}

enum k3a_status k3a_audit_run(const struct k3a_site *site,
                              const struct k3a_models *models,
                              struct k3a_results *r,
                              struct k3a_diag_list *dl)
{
    enum k3a_status st;

    (void)dl;
    r->site = site;
    r->models = models;
    r->limits = k3a_models_limits(models, site->site.limits
                                              ? site->site.limits
                                              : "puil2011");
    k3a_sc_results_init(&r->sc);
    st = k3a_sc_run(site, models, &r->sc, dl);
    if (st != K3A_OK)
        return st;
    st = k3a__protection_stage(r, dl);
    if (st != K3A_OK)
        return st;
    st = k3a__arcflash_stage(r, dl);
    if (st != K3A_OK)
        return st;
    st = k3a__measure_stage(r, dl);
    if (st != K3A_OK)
        return st;
    st = k3a__load_stage(r, dl);
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
    if (st != K3A_OK)
        return st;
    return K3A_OK;
}
