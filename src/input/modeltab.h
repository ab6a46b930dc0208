/*
 * modeltab.h - the model files' schema and checks, private to the three
 * files of the model tables: the row kinds (models_keys.c), the checks a
 * table needs beyond its keys (models_check.c), and the loader
 * (models.c).
 */
#ifndef K3A_MODELTAB_H
#define K3A_MODELTAB_H

#include "schema.h"
#include "k3audit/diag.h"
#include "k3audit/models.h"

enum model_kind {
    MK_MODEL, MK_PARAM, MK_EARTH, MK_IR, MK_VDROP, MK_DISC, MK_CLASS,
    MK_ITEM, MK_TYPICAL, MK_COND, MK_CURVE, MK_MCB, MK_AF_IARC, MK_AF_VARCF,
    MK_AF_ENERGY, MK_AF_CF, MK_AF_EES, MK_PPE, MK_APPROACH, MK_TDD, MK_THERMO,
    MK_RODF, MK_AMPACITY, MK_AMBIENT, MK_GROUPING, MK_ADIABATIC, MK_I2,
    MK_LOADKIND, MK_MOTOREFF, MK_LIKELIHOOD, MK_SEVERITY, MK_BAND, MK_ROW,
    MK_CONTROL, MK_RULE, MK_MODIFIER, MK_TARIFF, MK_GRID, MK_IKE, MK_LPD,
    MK_COUNT
};

/* The row kinds of a model file, indexed by enum model_kind. */
extern const struct k3a__kind k3a__model_kinds[MK_COUNT];
/* Words of the enumerated keys the checks name (NULL-terminated): the
 * earthing purposes and the risk control levels. */
extern const char *const k3a__mw_purpose[];
extern const char *const k3a__mw_control[];

/* Location of a diagnostic in a model file. */
static inline struct k3a_loc floc(const struct k3a_model_file *f, int line,
                                  const char *elem, const char *key)
{
    struct k3a_loc l;

    l.file = f->file;
    l.line = line;
    l.element = elem;
    l.key = key;
    return l;
}

/* The checks that go beyond the key table (models_check.c), adding an
 * error to dl for each problem. */
void k3a__model_validate(const struct k3a_model_file *f,
                         struct k3a_diag_list *dl);

#endif /* K3A_MODELTAB_H */
