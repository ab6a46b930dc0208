/*
 * replay.h - the bench's raw libxlsxwriter writer for the same cells as
 * our workbook (issue 21: "workbook <= 1.1 x raw libxlsxwriter for the
 * same cells").  replay.c says how.
 */
#ifndef K3A_BENCH_REPLAY_H
#define K3A_BENCH_REPLAY_H

#include <stddef.h>

/* Starts keeping every workbook, sheet, format, cell, row, column and
 * merge call made into libxlsxwriter until k3a_replay_stop; the calls go
 * on to libxlsxwriter as always.  0, or -1 when out of memory. */
int k3a_replay_record(void);

/* Stops keeping calls; returns how many were kept. */
size_t k3a_replay_stop(void);

/* Makes the kept calls again, in their order, straight into libxlsxwriter
 * on a new workbook at path (the file is left for the caller).  Returns
 * the seconds it took less the seconds of walking the record alone (so
 * the figure is libxlsxwriter's), or -1 when the workbook failed. */
double k3a_replay_write(const char *path);

/* Frees the record. */
void k3a_replay_release(void);

#endif
