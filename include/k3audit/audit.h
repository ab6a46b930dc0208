/*
 * audit.h - the audit pipeline's runner.
 *
 *     load (load.h) -> network -> calculations -> findings -> risk -> report
 *
 * k3a_audit_run() runs every stage on a loaded site and fills struct
 * k3a_results (results.h), which the report writers (report.h) read.
 */
#ifndef K3A_AUDIT_H
#define K3A_AUDIT_H

#include "k3audit/diag.h"
#include "k3audit/models.h"
#include "k3audit/results.h"
#include "k3audit/site.h"
#include "k3audit/status.h"

/* Runs every stage on a loaded site.  Warnings found on the way are
 * appended to dl.  Returns K3A_OK, or K3A_E_NOMEM. */
enum k3a_status k3a_audit_run(const struct k3a_site *site,
                              const struct k3a_models *models,
                              struct k3a_results *r,
                              struct k3a_diag_list *dl) K3A_NODISCARD;

#endif /* K3A_AUDIT_H */
