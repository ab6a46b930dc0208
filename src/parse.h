/*
 * parse.h - values and names as the loaders read them, and the string
 * helpers they share (parse.c), private to the library.
 */
#ifndef K3A_PARSE_H
#define K3A_PARSE_H

#include <stddef.h>

#include "k3audit/site.h"

/* Value parsing shared by the loaders (parse.c).  Each returns 0 on
 * success, or -1 with a message (no location) in msg. */
int k3a__parse_double(const char *text, double *out, char *msg, size_t n);
int k3a__parse_int(const char *text, long *out, char *msg, size_t n);
int k3a__parse_date(const char *text, struct k3a_date *out, char *msg,
                    size_t n);
int k3a__parse_reading(const char *text, struct k3a_reading *out, char *msg,
                       size_t n);
int k3a__parse_bool(const char *text, int *out, char *msg, size_t n);
int k3a__edit_distance(const char *a, const char *b);
/* Valid site-format name: 1-32 of [A-Za-z0-9._-]. */
int k3a__valid_name(const char *name);
/* dst = src cut to n - 1 bytes (snprintf "%s" without the format
 * parsing, for the loader's hot paths). */
void k3a__copy_cut(char *dst, size_t n, const char *src);

/* Checks UTF-8; returns the byte offset of the first bad byte or -1. */
long k3a__utf8_invalid_at(const unsigned char *s, size_t n);

/* Formats a double the way the Input sheet and defaults list show it. */
void k3a__fmt_double(char *buf, size_t n, double v);

char *k3a__strdup(const char *s);

#endif /* K3A_PARSE_H */
