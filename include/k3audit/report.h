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

#include "k3audit/audit.h"
#include "k3audit/diag.h"
#include "k3audit/site.h"

struct k3a_report_opts {
    enum k3a_lang lang;
    const char *version;                /* program version text */
    const struct k3a_diag_list *diags;  /* warnings to list; may be NULL */
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

#endif /* K3A_REPORT_H */
