/*
 * k3audit.h - umbrella header of libk3audit.
 *
 * A program using the library must turn GSL's abort-on-error handler off
 * (gsl_set_error_handler_off()) before calling it: the library checks
 * every GSL status itself and never changes the host's handler.
 */
#ifndef K3A_K3AUDIT_H
#define K3A_K3AUDIT_H

#include "k3audit/arcflash.h"
#include "k3audit/audit.h"
#include "k3audit/diag.h"
#include "k3audit/energy.h"
#include "k3audit/explain.h"
#include "k3audit/history.h"
#include "k3audit/load.h"
#include "k3audit/loads.h"
#include "k3audit/measure.h"
#include "k3audit/models.h"
#include "k3audit/protection.h"
#include "k3audit/report.h"
#include "k3audit/report_pdf.h"
#include "k3audit/results.h"
#include "k3audit/risk.h"
#include "k3audit/scenario.h"
#include "k3audit/shortcircuit.h"
#include "k3audit/site.h"
#include "k3audit/status.h"
#include "k3audit/text.h"
#include "k3audit/textclean.h"
#include "k3audit/version.h"

#endif /* K3A_K3AUDIT_H */
