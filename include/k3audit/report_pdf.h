/*
 * report_pdf.h - the formal inspection report and the arc-flash labels as
 * PDF (cli.md "PDF outputs").
 *
 * Both read only struct k3a_results, like the workbook writer (report.h).
 * Files are written atomically (a temporary file in the target folder,
 * renamed over the target when complete, removed on any failure).  The
 * same inputs give the same bytes: the document date is the audit date
 * and nothing else in the file depends on the time or the machine.
 */
#ifndef K3A_REPORT_PDF_H
#define K3A_REPORT_PDF_H

#include <stddef.h>

#include "k3audit/report.h"

/* Paper of the label file. */
enum k3a_label_size {
    K3A_LABEL_100X150, /* one 100 x 150 mm label a page (thermal stock) */
    K3A_LABEL_A4       /* two labels side by side on A4 */
};

/* Writes the report (A4): summary page, BAB I-V, the signature page; a
 * header and footer with the report number, site and page x of y on every
 * page.  On failure nothing is left at path and msg says why. */
enum k3a_status k3a_report_write_pdf(const struct k3a_results *r,
                                     const struct k3a_report_opts *o,
                                     const char *path, char *msg,
                                     size_t msg_size) K3A_NODISCARD;

/* Writes one arc-flash label (ANSI Z535.4 layout, NFPA 70E 130.5(H)
 * content) per energised bus with an arc-flash result.  A site without
 * any gets a file with one page saying so. */
enum k3a_status k3a_report_write_labels_pdf(const struct k3a_results *r,
                                            const struct k3a_report_opts *o,
                                            enum k3a_label_size size,
                                            const char *path, char *msg,
                                            size_t msg_size) K3A_NODISCARD;

#endif /* K3A_REPORT_PDF_H */
