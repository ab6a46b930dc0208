/*
 * stages.h - the pipeline's stages (src/stages/, src/findings/), run in
 * order by k3a_audit_run (audit.c); private to the library.
 */
#ifndef K3A_STAGES_H
#define K3A_STAGES_H

#include "k3audit/diag.h"
#include "k3audit/status.h"

struct k3a_results;

/* Inspection findings (findings.c). */
enum k3a_status k3a__findings_inspection(struct k3a_results *r);
/* Clearing at every bus and the short-circuit findings (sc_findings.c). */
enum k3a_status k3a__protection_stage(struct k3a_results *r,
                                      struct k3a_diag_list *dl);
/* The energy audit (energy_stage.c) and the risk register (risk.c). */
enum k3a_status k3a__energy_stage(struct k3a_results *r,
                                   struct k3a_diag_list *dl);
enum k3a_status k3a__risk_stage(struct k3a_results *r,
                                 struct k3a_diag_list *dl);
/* Wall-clock seconds of the pipeline's stages, for `make bench`: flow is
 * the load flow, cab the rest of the load stage, find energy to risk. */
struct k3a__stage_times {
    double sc, prot, arc, meas, flow, cab, find;
};
/* The stages of k3a_audit_run on r (site, models and limits set); times
 * may be NULL (audit.c). */
enum k3a_status k3a__audit_stages(struct k3a_results *r, struct k3a_diag_list *dl,
                                  struct k3a__stage_times *times);
/* The load flow and what follows from it alone: demand, currents,
 * capacity, voltage drop (load_stage.c); it reads only the site.
 * k3a__load_stage, after it and the protection stage, adds the thermal
 * withstand and the findings. */
enum k3a_status k3a__load_flow(struct k3a_results *r);
enum k3a_status k3a__load_stage(struct k3a_results *r,
                                 struct k3a_diag_list *dl);
/* The load analysis' findings (load_findings.c), from k3a__load_stage. */
enum k3a_status k3a__load_findings(struct k3a_results *r);
/* Field measurements and their findings (measure_stage.c). */
enum k3a_status k3a__measure_stage(struct k3a_results *r,
                                   struct k3a_diag_list *dl);
/* Arc flash at every bus and its findings (arcflash_stage.c). */
enum k3a_status k3a__arcflash_stage(struct k3a_results *r,
                                    struct k3a_diag_list *dl);

#endif /* K3A_STAGES_H */
