/*
 * pdfmod.h - what the program checks before it calls its PDF module
 * (k3audit-pdf.so, loaded by src/cli/pdf_module.c): the module's version
 * and the sizes of the structs the program passes it.  A module left from
 * another build (a partial upgrade, a program copied without it) is
 * refused with a message instead of reading the results wrongly.
 */
#ifndef K3A_PDFMOD_H
#define K3A_PDFMOD_H

#include <stddef.h>

#include "k3audit/report_pdf.h"
#include "k3audit/results.h"
#include "k3audit/version.h"

struct k3a__pdf_abi {
    char version[16];
    size_t results_size;
    size_t opts_size;
};

#define K3A__PDF_ABI_HERE                                                          \
    { K3A_VERSION, sizeof(struct k3a_results), sizeof(struct k3a_report_opts) }

/* defined by the PDF writer (pdf_report.c), exported by the module */
extern const struct k3a__pdf_abi k3a__pdf_module_abi;

#endif
