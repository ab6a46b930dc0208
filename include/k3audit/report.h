/*
 * report.h - the audit workbook (.xlsx) and JSON writers.
 *
 * Both read only struct k3a_results.  Files are written atomically: a
 * temporary file in the target folder, renamed over the target when
 * complete, removed on any failure.  The same inputs give the same bytes
 * (the workbook's document time is the audit date).
 */
#ifndef K3A_REPORT_H
#define K3A_REPORT_H

#include <stdio.h>

#include "k3audit/results.h"
#include "k3audit/diag.h"
#include "k3audit/site.h"

struct k3a_changes;

struct k3a_report_opts {
    enum k3a_lang lang;
    const char *version;                /* program version text */
    const struct k3a_diag_list *diags;  /* warnings to list; may be NULL */
    size_t *cells_written;              /* when not NULL: cells in the workbook */
    /* the comparison with the previous audit in the history (history.h):
     * a Perubahan / Changes sheet and JSON "changes"; may be NULL */
    const struct k3a_changes *changes;
};

/* Writes the workbook to path.  On failure nothing is left at path (an
 * existing file there is untouched) and msg says why. */
enum k3a_status k3a_report_write_xlsx(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      const char *path, char *msg,
                                      size_t msg_size) K3A_NODISCARD;

/* Writes the JSON document (cli.md "JSON of audit") to a stream. */
enum k3a_status k3a_report_write_json(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      FILE *fp) K3A_NODISCARD;

/* Writes the JSON document to path atomically. */
enum k3a_status k3a_report_write_json_file(const struct k3a_results *r,
                                           const struct k3a_report_opts *o,
                                           const char *path, char *msg,
                                           size_t msg_size) K3A_NODISCARD;

/* One row of the cross-site summary of a batch audit. */
struct k3a_site_summary {
    char path[512], name[128], workbook[512];
    int status;                 /* the site's exit status (cli.md) */
    int audited;                /* results below are valid */
    size_t n_fail, n_warn, n_pass;
    size_t risks[4];            /* as found, by enum k3a_risk_level */
    int level_max;              /* -1 none */
    double worst_arc_cal_cm2;   /* NAN: none */
    char worst_arc_bus[64];
    size_t earthing_fail, insulation_fail;
    double annual_kWh, annual_cost_Rp;
    long audit_days;            /* audit_date as days since 1970 */
};

/* Fills a summary row from an audit's results. */
void k3a_site_summary_fill(const struct k3a_results *r,
                           struct k3a_site_summary *s);

/* Writes the cross-site summary workbook (one row per site, argument
 * order) atomically to path. */
enum k3a_status k3a_report_write_summary_xlsx(const struct k3a_site_summary *rows,
                                              size_t n, enum k3a_lang lang,
                                              const char *path, char *msg,
                                              size_t msg_size) K3A_NODISCARD;

/* Writes the side-by-side workbook of a scenario or sweep: the runs
 * (base first), per bus I''k, clearing time, incident energy and PPE
 * category with the changes from the base marked, per risk its level in
 * each run, and for a sweep (sweep_key not NULL) a sheet and chart of the
 * energies against the swept values. */
enum k3a_status k3a_report_write_scenario_xlsx(const struct k3a_results *const *runs,
                                               const char *const *titles, size_t n,
                                               const char *sweep_key,
                                               enum k3a_lang lang, const char *path,
                                               char *msg, size_t msg_size) K3A_NODISCARD;

#endif /* K3A_REPORT_H */
