/*
 * risk.h - the risk register (IBPR / HIRADC): risk profiles (5 x 5 band
 * table, scales, hierarchy of controls) and the rules that turn findings
 * into hazards, both from models/ (risk-*.ini).  The band of a cell is
 * looked up in the profile's table, never derived from L x S.
 */
#ifndef K3A_RISK_H
#define K3A_RISK_H

#include "k3audit/models.h"
#include "k3audit/site.h"

/* A profile resolved for lookups. */
struct k3a_risk_profile {
    const struct k3a_model_file *file;
    const struct k3a_band *cell[5][5];        /* [likelihood-1][severity-1] */
    const struct k3a_scale_row *likelihood[5], *severity[5];
    const struct k3a_control_row *control[5]; /* by enum k3a_control_level */
};

/* Finds the profile `name` (e.g. "as_nzs_4360": models file
 * "risk-as_nzs_4360") and resolves its table.  Returns 0, or -1 when
 * there is no such complete profile. */
int k3a_risk_profile_get(const struct k3a_models *m, const char *name,
                         struct k3a_risk_profile *p);

/* The band of cell (likelihood, severity), each 1..5; NULL out of range. */
const struct k3a_band *k3a_risk_band(const struct k3a_risk_profile *p,
                                     int likelihood, int severity);

const char *k3a_risk_level_name(enum k3a_risk_level l); /* "low" ... */

/* One entry of the register. */
struct k3a_risk {
    char id[12];                 /* "R001" */
    const struct k3a_rule *rule; /* NULL for a manual [hazard] */
    int32_t hazard_idx;          /* the [hazard], or -1 */
    enum k3a_kind kind;          /* the element it is about */
    int32_t idx;                 /* -1: the site */
    char element[48];
    enum k3a_hazard_kind hazard;
    const char *hazard_id, *hazard_en, *risk_id, *risk_en;
    const char *activity_id, *activity_en;
    char location[64];
    int likelihood, severity;
    const struct k3a_band *band;
    char existing_id[200], existing_en[200]; /* existing controls */
    char reason_id[240], reason_en[240];     /* how L and S were set */
    int has_control;
    enum k3a_control_level control;
    const char *control_id, *control_en;
    int likelihood_after, severity_after;
    const struct k3a_band *band_after;
    const char *owner; /* owner and basis: "{id|en}" kept as basis in struct
                          k3a_reco (results.h) */
    struct k3a_date due;
    char source[80];             /* finding ids, or the [hazard] name */
    const char *basis;
};

#endif /* K3A_RISK_H */
