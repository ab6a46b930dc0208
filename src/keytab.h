/*
 * keytab.h - macros that write key-table rows (schema.h) compactly.
 * Private to site_keys.c and models_keys.c.
 */
#ifndef K3A_KEYTAB_H
#define K3A_KEYTAB_H

#include <stddef.h>

#include "schema.h"

/* clang-format off */
#define ROW(T, name, type, field, unit, lo, hi, fl, words, refs, def, doc)   \
    { name, type, offsetof(T, field), unit, lo, hi, fl, words, refs, def, doc }
#define D(T, f, unit, lo, hi, fl, def, doc)                                  \
    ROW(T, #f, KT_DBL, f, unit, lo, hi, fl, NULL, 0, def, doc)
#define I(T, f, lo, hi, fl, def, doc)                                        \
    ROW(T, #f, KT_INT, f, "", lo, hi, fl, NULL, 0, def, doc)
#define S(T, f, fl, doc)                                                     \
    ROW(T, #f, KT_TEXT, f, "", 0, 0, (fl) | KF_MULTI, NULL, 0, 0, doc)
#define E(T, f, w, fl, def, doc)                                             \
    ROW(T, #f, KT_ENUM, f, "", 0, 0, fl, w, 0, def, doc)
#define B(T, f, fl, def, doc)                                                \
    ROW(T, #f, KT_BOOL, f, "", 0, 0, fl, NULL, 0, def, doc)
#define DT(T, f, fl, doc)                                                    \
    ROW(T, #f, KT_DATE, f, "", 0, 0, fl, NULL, 0, 0, doc)
#define R(T, f, refs, fl, doc)                                               \
    ROW(T, #f, KT_REF, f, "", 0, 0, fl, NULL, refs, 0, doc)
#define RL(T, f, refs, fl, doc)                                              \
    ROW(T, #f, KT_REFLIST, f, "", 0, 0, (fl) | KF_MULTI, NULL, refs, 0, doc)
#define RD(T, f, unit, lo, hi, fl, doc)                                      \
    ROW(T, #f, KT_READING, f, unit, lo, hi, fl, NULL, 0, 0, doc)
#define RDS(T, f, unit, lo, hi, fl, doc)                                     \
    ROW(T, #f, KT_READINGS, f, unit, lo, hi, (fl) | KF_MULTI, NULL, 0, 0, doc)
#define P(T, f, unit, lo, hi, fl, doc)                                       \
    ROW(T, #f, KT_PAIRS, f, unit, lo, hi, (fl) | KF_MULTI, NULL, 0, 0, doc)
#define DD(T, f, unit, lo, hi, fl, doc)                                      \
    ROW(T, #f, KT_DATED, f, unit, lo, hi, (fl) | KF_MULTI, NULL, 0, 0, doc)
#define LB(T, f, unit, lo, hi, fl, doc)                                      \
    ROW(T, #f, KT_LABELLED, f, unit, lo, hi, (fl) | KF_MULTI, NULL, 0, 0, doc)
#define REP(T, f, doc)                                                       \
    ROW(T, #f, KT_REPEAT, f, "", 0, 0, KF_MULTI, NULL, 0, 0, doc)

#define REQ KF_REQUIRED
#define DEF KF_DEFAULT
#define GT  KF_MIN_EXCL
#define BIG 1e12

/* clang-format on */

#define NK(a) (sizeof(a) / sizeof((a)[0]))

#endif /* K3A_KEYTAB_H */
