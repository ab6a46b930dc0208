/*
 * site_check.c - what a site file must satisfy beyond each key's own
 * syntax and range: references resolve to the right kinds, keys that go
 * together are consistent, every bus is fed from a source, and the
 * defaults of the site format are applied (computed defaults are listed
 * in site->defaults with the table or clause they come from).
 *
 * REF: docs/site-format.md sections 1-8.  No file I/O here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"
#include "parse.h"
#include "schema.h"
#include "k3audit/risk.h"
#include "k3audit/load.h"
#include "k3audit/models.h"

struct ck {
    struct k3a_site *site;
    const struct k3a_models *models;
    const char *file;
    struct k3a_diag_list *dl;
    int oom;
    /* key indices by kind and key text, remembered: the checks name a key
     * by its text for every element of a site that may have 100,000 */
    struct {
        const char *key;
        int kind, idx;
    } kmemo[128];
};

static int ck_key(struct ck *c, enum k3a_kind kind, const char *key)
{
    size_t slot = (((uintptr_t)key >> 3) ^ (uintptr_t)kind) % 128;

    if (c->kmemo[slot].key != key || c->kmemo[slot].kind != (int)kind) {
        c->kmemo[slot].key = key;
        c->kmemo[slot].kind = (int)kind;
        c->kmemo[slot].idx = k3a__key_index(k3a__site_kind(kind), key);
    }
    return c->kmemo[slot].idx;
}

static int ck_given(struct ck *c, enum k3a_kind kind, const struct k3a_elem *e,
                    const char *key)
{
    int k = ck_key(c, kind, key);
    return k >= 0 && (e->given >> k) & 1u;
}

static void elem_label(enum k3a_kind kind, const struct k3a_elem *e,
                       char *buf, size_t n)
{
    if (e->name)
        snprintf(buf, n, "%s %s", k3a_kind_name(kind), e->name);
    else
        snprintf(buf, n, "%s", k3a_kind_name(kind));
}

/* Location of a key of an element: its line if given, else the header. */
static struct k3a_loc kloc(const struct ck *c, enum k3a_kind kind,
                           const struct k3a_elem *e, const char *key,
                           char *label, size_t n)
{
    struct k3a_loc l;
    int k = key ? k3a__key_index(k3a__site_kind(kind), key) : -1;
    int line = k >= 0 ? k3a_elem_key_line(e, (unsigned)k) : 0;

    elem_label(kind, e, label, n);
    l.file = c->file;
    l.line = line ? line : e->line;
    l.element = label;
    l.key = key ? key : "";
    return l;
}

#define ERR(c, kind, e, key, ...)                                            \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add((c)->dl, K3A_ERROR, K3A_E_INPUT,                        \
                     kloc(c, kind, (const struct k3a_elem *)(e), key, lbl_,  \
                          sizeof(lbl_)),                                     \
                     __VA_ARGS__);                                           \
    } while (0)
/* A warning that a report copies (its Peringatan / Warnings sheet): the
 * message in English and in Bahasa Indonesia, the same arguments. */
#define WARN2(c, kind, e, key, fmt_en, fmt_id, ...)                          \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add_lang((c)->dl, K3A_WARNING, K3A_E_INPUT,                 \
                          kloc(c, kind, (const struct k3a_elem *)(e), key,   \
                               lbl_, sizeof(lbl_)),                          \
                          fmt_en, fmt_id, __VA_ARGS__);                      \
    } while (0)

#define WARN(c, kind, e, key, ...)                                           \
    do {                                                                     \
        char lbl_[48];                                                       \
        k3a_diag_add((c)->dl, K3A_WARNING, K3A_E_INPUT,                      \
                     kloc(c, kind, (const struct k3a_elem *)(e), key, lbl_,  \
                          sizeof(lbl_)),                                     \
                     __VA_ARGS__);                                           \
    } while (0)

#define GIVEN(kind, e, key) ck_given(c, kind, &(e)->hdr, key)

static void add_default(struct ck *c, enum k3a_kind kind, size_t idx,
                        const char *key, double value, const char *source)
{
    struct k3a_site *s = c->site;
    struct k3a_default **v = &s->defaults;
    size_t *n = &s->n_defaults;
    size_t *cap = &s->cap_defaults;
    struct k3a_default *d;
    int k = ck_key(c, kind, key);

    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        void *p = realloc(*v, nc * sizeof(**v));
        if (!p) {
            c->oom = 1;
            return;
        }
        *v = p;
        *cap = nc;
    }
    d = &(*v)[(*n)++];
    d->kind = kind;
    d->idx = (int32_t)idx;
    d->key = (uint16_t)(k < 0 ? 0 : k);
    d->source = source; /* the value itself is in the element's field */
    (void)value;
}

/* ---- references ------------------------------------------------------ */

static void kinds_text(uint32_t refs, char *buf, size_t n)
{
    size_t used = 0;
    int k, first = 1;

    buf[0] = '\0';
    for (k = 0; k < K3A_KIND_COUNT && used + 16 < n; k++)
        if (refs & (1u << k)) {
            used += (size_t)snprintf(buf + used, n - used, "%s%s",
                                     first ? "" : " or ",
                                     k3a_kind_name((enum k3a_kind)k));
            first = 0;
        }
}

static const char *suggest_name(const struct k3a_site *s, const char *name,
                                uint32_t refs)
{
    const char *best = NULL;
    int bestd = 3;
    size_t i;

    if (!s->names || s->names->n > 20000)
        return NULL; /* a suggestion is not worth a quadratic scan */
    for (i = 0; i < s->names->n; i++) {
        int d;
        if (!(refs & (1u << s->names->entries[i].kind)))
            continue;
        d = k3a__edit_distance(name, s->names->entries[i].name);
        if (d < bestd) {
            bestd = d;
            best = s->names->entries[i].name;
        }
    }
    if (!best) {
        /* a name written longer or shorter than defined: SDP-UTILITAS for
         * SDP-UTIL (the longest defined name that one begins with) */
        size_t nl = strlen(name), bl = 0;
        for (i = 0; i < s->names->n; i++) {
            const char *cand = s->names->entries[i].name;
            size_t cl = strlen(cand), m = cl < nl ? cl : nl;
            if (!(refs & (1u << s->names->entries[i].kind)) || m < 4 ||
                strncasecmp(cand, name, m) != 0 || m <= bl)
                continue;
            bl = m;
            best = cand;
        }
    }
    return best;
}

static void resolve_one(struct ck *c, enum k3a_kind kind,
                        const struct k3a_elem *e, const struct k3a__key *k,
                        struct k3a_ref *r)
{
    enum k3a_kind fk;
    int32_t fi;
    char want[96];

    r->idx = -1;
    if (!r->name)
        return;
    if (!k3a_site_find(c->site, r->name, &fk, &fi)) {
        const char *sug = suggest_name(c->site, r->name, k->refs);
        kinds_text(k->refs, want, sizeof(want));
        if (sug)
            ERR(c, kind, e, k->key, "no %s named '%s' (did you mean '%s'?)",
                want, r->name, sug);
        else
            ERR(c, kind, e, k->key, "no %s named '%s'", want, r->name);
        return;
    }
    if (!(k->refs & (1u << fk))) {
        kinds_text(k->refs, want, sizeof(want));
        ERR(c, kind, e, k->key, "'%s' is a [%s]; expected a %s", r->name,
            k3a_kind_name(fk), want);
        return;
    }
    {
        const struct k3a_elem *t = k3a_site_elem(c->site, fk, (size_t)fi);
        if (t && t->name && strcmp(t->name, r->name) != 0)
            WARN2(c, kind, e, k->key, "'%s' is written '%s' where it is defined",
                  "'%s' ditulis '%s' di tempat ia didefinisikan", r->name, t->name);
    }
    r->kind = fk;
    r->idx = fi;
}

/* The references of every element of a kind. */
static void resolve_kind(struct ck *c, enum k3a_kind kind)
{
    const struct k3a__kind *kd = k3a__site_kind(kind);
    size_t i, j, m, n = k3a_site_count(c->site, kind);

    for (i = 0; i < n; i++) {
        char *e = k3a__elem_ptr(c->site, kind, i);
        for (j = 0; j < kd->n_keys; j++) {
            const struct k3a__key *k = &kd->keys[j];
            if (k->type == KT_REF)
                resolve_one(c, kind, (const struct k3a_elem *)(void *)e, k,
                            (struct k3a_ref *)(void *)(e + k->offset));
            else if (k->type == KT_REFLIST) {
                struct k3a_ref_list *l = (struct k3a_ref_list *)(void *)(e + k->offset);
                for (m = 0; m < l->n; m++)
                    resolve_one(c, kind, (const struct k3a_elem *)(void *)e, k,
                                &l->v[m]);
            }
        }
    }
}

/* Every reference, kind by kind. */
static void resolve_refs(struct ck *c)
{
    size_t kind;

    for (kind = 0; kind < K3A_KIND_COUNT; kind++)
        resolve_kind(c, (enum k3a_kind)kind);
}

/* ---- constant defaults ------------------------------------------------ */

/* The keys of one kind with a constant default, and the elements. */
struct const_defaults {
    struct k3a_site *site;
    enum k3a_kind kind;
    const struct k3a__kind *kd;
    uint8_t key[64];
    size_t n_keys;
};

static void const_defaults_apply(const struct const_defaults *cd)
{
    size_t i, j;

    for (i = 0; i < k3a_site_count(cd->site, cd->kind); i++) {
        char *e = k3a__elem_ptr(cd->site, cd->kind, i);
        const struct k3a_elem *h = (const struct k3a_elem *)(void *)e;
        for (j = 0; j < cd->n_keys; j++) {
            const struct k3a__key *k = &cd->kd->keys[cd->key[j]];
            if ((h->given >> cd->key[j]) & 1u)
                continue;
            if (k->type == KT_DBL)
                *(double *)(void *)(e + k->offset) = k->def;
            else
                *(int *)(void *)(e + k->offset) = (int)k->def;
        }
    }
}

/* Every key not given that has a constant default gets it. */
static void apply_constant_defaults(struct ck *c)
{
    struct const_defaults cd;
    size_t kind, j;

    cd.site = c->site;
    for (kind = 0; kind < K3A_KIND_COUNT; kind++) {
        cd.kind = (enum k3a_kind)kind;
        cd.kd = k3a__site_kind(cd.kind);
        cd.n_keys = 0;
        for (j = 0; j < cd.kd->n_keys && j < 64; j++) {
            const struct k3a__key *k = &cd.kd->keys[j];
            if ((k->flags & KF_DEFAULT) &&
                (k->type == KT_DBL || k->type == KT_INT || k->type == KT_ENUM ||
                 k->type == KT_BOOL))
                cd.key[cd.n_keys++] = (uint8_t)j;
        }
        if (cd.n_keys)
            const_defaults_apply(&cd);
    }
}

/* ---- per-kind checks --------------------------------------------------- */

static double node_voltage_kV(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return NAN;
    if (r->kind == K3A_KIND_BUS)
        return s->buses[r->idx].voltage_kV;
    if (r->kind == K3A_KIND_SUPPLY)
        return s->supplies[r->idx].voltage_kV;
    return NAN;
}

static void check_voltage_match(struct ck *c, enum k3a_kind kind,
                                const struct k3a_elem *e, const char *key,
                                double rated_kV, const struct k3a_ref *node)
{
    double un = node_voltage_kV(c->site, node), dev;

    if (!k3a_elem_given(kind, e, key) || !isfinite(un) || !(un > 0))
        return; /* a value that failed to parse was reported already */
    dev = fabs(rated_kV - un) / un * 100.0;
    if (dev > 10.0)
        ERR(c, kind, e, key,
            "rated %.4g kV is %.1f %% from %s's %.4g kV (more than 10 %%)",
            rated_kV, dev, node->name, un);
    else if (dev > 5.0)
        WARN2(c, kind, e, key,
              "rated %.4g kV is %.1f %% from %s's %.4g kV (more than 5 %%)",
              "tegangan pengenal %.4g kV berbeda %.1f %% dari %s %.4g kV (lebih dari "
              "5 %%)",
              rated_kV, dev, node->name, un);
}

static int ref_eq(const struct k3a_ref *a, const struct k3a_ref *b)
{
    return a->idx >= 0 && a->idx == b->idx && a->kind == b->kind;
}

/* Is there a model row of this kind word with this name (e.g. an [lpd]
 * or [grid] row)?  The names of the rows found go to list (for the
 * message). */
static int model_row_named(const struct k3a_models *m, const char *field, const char *name,
                           char *list, size_t n)
{
    size_t f, i, u = 0;
    int found = 0;

    list[0] = '\0';
    for (f = 0; f < m->n; f++) {
        const struct k3a_model_file *mf = &m->files[f];
        size_t cnt = strcmp(field, "lpd") == 0 ? mf->n_lpds : mf->n_grids;
        for (i = 0; i < cnt; i++) {
            const char *nm = strcmp(field, "lpd") == 0 ? mf->lpds[i].hdr.name
                                                        : mf->grids[i].hdr.name;
            found |= strcmp(nm, name) == 0;
            if (u < n)
                u += (size_t)snprintf(list + u, n - u, "%s%s", u ? ", " : "", nm);
        }
    }
    return found;
}

static void check_site(struct ck *c)
{
    struct k3a_site *s = c->site;
    struct k3a_site_info *si = &s->site;

    if (!k3a_site_count(s, K3A_KIND_SITE)) {
        struct k3a_loc l = { c->file, 1, "site", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "missing [site] section (name, audit_date)");
        return;
    }
    if (GIVEN(K3A_KIND_SITE, si, "lv_tolerance_pct") &&
        fabs(si->lv_tolerance_pct - 6.0) > 1e-9 &&
        fabs(si->lv_tolerance_pct - 10.0) > 1e-9)
        ERR(c, K3A_KIND_SITE, si, "lv_tolerance_pct",
            "must be 6 or 10 (IEC 60909-0 Table 1 voltage factor c)");
    if (GIVEN(K3A_KIND_SITE, si, "frequency_Hz") &&
        fabs(si->frequency_Hz - 50.0) > 1e-9 &&
        fabs(si->frequency_Hz - 60.0) > 1e-9)
        ERR(c, K3A_KIND_SITE, si, "frequency_Hz", "must be 50 or 60");
    if (!si->limits) {
        si->limits = k3a__strdup("puil2011");
        if (!si->limits)
            c->oom = 1;
    }
    if (!si->risk_profile) {
        si->risk_profile = k3a__strdup("as_nzs_4360");
        if (!si->risk_profile)
            c->oom = 1;
    }
    if (si->limits && c->models && !k3a_models_limits(c->models, si->limits))
        ERR(c, K3A_KIND_SITE, si, "limits",
            "no limits set '%s' in the models (k3audit models lists them)",
            si->limits);
    if (si->risk_profile && c->models) {
        struct k3a_risk_profile rp;
        if (k3a_risk_profile_get(c->models, si->risk_profile, &rp) != 0)
            ERR(c, K3A_KIND_SITE, si, "risk_profile",
                "no risk profile '%s' in the models (a models file with id "
                "risk-%s; k3audit models lists them)",
                si->risk_profile, si->risk_profile);
    }
    if (si->grid && c->models) {
        char names[256];
        if (!model_row_named(c->models, "grid", si->grid, names, sizeof(names)))
            ERR(c, K3A_KIND_SITE, si, "grid",
                "no grid '%s' in the emission-factor table (models: %s)", si->grid,
                names);
    }
    if (si->previous_inspection.y && si->audit_date.y &&
        k3a_date_days(si->previous_inspection) >
            k3a_date_days(si->audit_date))
        ERR(c, K3A_KIND_SITE, si, "previous_inspection",
            "is after audit_date");
}

static void check_supply(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    if (!s->n_supplies) {
        struct k3a_loc l = { c->file, s->site.hdr.line > 0 ? s->site.hdr.line : 1,
                             "supply", "" };
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_MISSING_KEY, l,
                     "missing [supply NAME] section (the PLN connection)");
    }
    if (s->n_supplies && !s->n_buses && !c->dl->n_errors) {
        /* a site of field measurements only (issue 20): accepted, and the
         * tester told what such an audit can and cannot judge */
        struct k3a_loc l = { c->file, s->site.hdr.line > 0 ? s->site.hdr.line : 1, "site",
                             "" };
        k3a_diag_add(c->dl, K3A_WARNING, K3A_E_INPUT, l,
                     "no [bus] section: the audit judges the field measurements, "
                     "observations, hazards and bills, but computes no short circuit, "
                     "protection, arc flash, cable or load check (these need the network)");
    }
    for (i = 0; i < s->n_supplies; i++) {
        struct k3a_supply *p = &s->supplies[i];
        if (p->tariff && c->models) {
            int found = 0;
            size_t f, t;
            for (f = 0; f < c->models->n; f++)
                for (t = 0; t < c->models->files[f].n_tariffs; t++)
                    found |= strcmp(c->models->files[f].tariffs[t].hdr.name, p->tariff) == 0;
            /* Permen ESDM 7/2024 Pasal 3 huruf a: the social group above
             * 200 kVA on medium voltage, S-3/TM before, is S-2/TM */
            int old_s3 = strcmp(p->tariff, "S-3") == 0;
            if (!found)
                WARN2(c, K3A_KIND_SUPPLY, p, "tariff",
                      "no [tariff %s] in the models (tariff-pln.ini): the bills are "
                      "not costed%s%.0s",
                      "golongan tarif %s tidak ada dalam tabel tarif: rekening tidak "
                      "dihitung biayanya%.0s%s",
                      p->tariff,
                      old_s3 ? " (Permen ESDM 7/2024 Pasal 3 huruf a: social service above "
                               "200 kVA on medium voltage is S-2/TM)"
                             : "",
                      old_s3 ? " (Permen ESDM 7/2024 Pasal 3 huruf a: pelayanan sosial di "
                               "atas 200 kVA pada tegangan menengah adalah S-2/TM)"
                             : "");
        }
        int mva = GIVEN(K3A_KIND_SUPPLY, p, "fault_level_MVA");
        int ka = GIVEN(K3A_KIND_SUPPLY, p, "fault_current_kA");
        if (i > 0)
            ERR(c, K3A_KIND_SUPPLY, p, NULL,
                "only one [supply] is allowed (the first is [supply %s])",
                s->supplies[0].hdr.name);
        if (mva && ka)
            ERR(c, K3A_KIND_SUPPLY, p, "fault_current_kA",
                "give one of fault_level_MVA and fault_current_kA, not both");
        else if (!mva && !ka &&
                 !k3a_elem_key_line(&p->hdr, (unsigned)k3a__key_index(
                                                 k3a__site_kind(K3A_KIND_SUPPLY),
                                                 "fault_level_MVA")) &&
                 !k3a_elem_key_line(&p->hdr, (unsigned)k3a__key_index(
                                                 k3a__site_kind(K3A_KIND_SUPPLY),
                                                 "fault_current_kA")))
            ERR(c, K3A_KIND_SUPPLY, p, "fault_level_MVA",
                "missing required key (or fault_current_kA): ask PLN for the "
                "fault level at the connection");
        if (GIVEN(K3A_KIND_SUPPLY, p, "fault_level_min_MVA")) {
            double max_MVA = mva ? p->fault_level_MVA
                                 : sqrt(3.0) * p->voltage_kV * p->fault_current_kA;
            if ((mva || ka) && p->fault_level_min_MVA > max_MVA)
                ERR(c, K3A_KIND_SUPPLY, p, "fault_level_min_MVA",
                    "%.4g MVA is above the maximum fault level %.4g MVA",
                    p->fault_level_min_MVA, max_MVA);
        }
    }
}

static void check_generators(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_generators; i++) {
        struct k3a_generator *g = &s->generators[i];
        check_voltage_match(c, K3A_KIND_GENERATOR, &g->hdr, "voltage_kV",
                            g->voltage_kV, &g->bus);
        if (!GIVEN(K3A_KIND_GENERATOR, g, "xd2_pct"))
            WARN2(c, K3A_KIND_GENERATOR, g, NULL,
                  "no xd2_pct: the generator case of the short-circuit "
                  "calculation is not done%s",
                  "reaktansi subtransien genset tidak diberikan: kasus genset "
                  "perhitungan hubung singkat tidak dihitung%s", "");
    }
}

static void check_transformers(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_transformers; i++) {
        struct k3a_transformer *t = &s->transformers[i];
        if (ref_eq(&t->from, &t->to))
            ERR(c, K3A_KIND_TRANSFORMER, t, "to", "from and to are the same");
        check_voltage_match(c, K3A_KIND_TRANSFORMER, &t->hdr, "primary_kV",
                            t->primary_kV, &t->from);
        check_voltage_match(c, K3A_KIND_TRANSFORMER, &t->hdr, "secondary_kV",
                            t->secondary_kV, &t->to);
        if (!GIVEN(K3A_KIND_TRANSFORMER, t, "vector_group") &&
            !t->vector_group) {
            t->vector_group = k3a__strdup("Dyn11");
            if (!t->vector_group)
                c->oom = 1;
        }
        if (!GIVEN(K3A_KIND_TRANSFORMER, t, "rating_kVA"))
            continue; /* typical values go by the rating */
        if ((!GIVEN(K3A_KIND_TRANSFORMER, t, "impedance_pct") &&
             !k3a_elem_key_line(&t->hdr, (unsigned)k3a__key_index(
                                             k3a__site_kind(K3A_KIND_TRANSFORMER),
                                             "impedance_pct"))) ||
            !GIVEN(K3A_KIND_TRANSFORMER, t, "x_over_r")) {
            const struct k3a_tx_typical *ty =
                c->models ? k3a_models_tx_typical(c->models, t->rating_kVA)
                          : NULL;
            if (!GIVEN(K3A_KIND_TRANSFORMER, t, "impedance_pct") &&
                !k3a_elem_key_line(&t->hdr, (unsigned)k3a__key_index(
                                                k3a__site_kind(K3A_KIND_TRANSFORMER),
                                                "impedance_pct"))) {
                if (ty) {
                    t->impedance_pct = ty->impedance_pct;
                    add_default(c, K3A_KIND_TRANSFORMER, i, "impedance_pct",
                                ty->impedance_pct, ty->clause);
                    WARN2(c, K3A_KIND_TRANSFORMER, t, NULL,
                          "no impedance_pct: typical %.3g %% for %.4g kVA "
                          "used (take the nameplate value)",
                          "impedansi trafo tidak diberikan: nilai tipikal %.3g %% "
                          "untuk %.4g kVA dipakai (ambil dari pelat nama)",
                          ty->impedance_pct, t->rating_kVA);
                } else {
                    ERR(c, K3A_KIND_TRANSFORMER, t, "impedance_pct",
                        "missing, and no typical value in the models for "
                        "%.4g kVA",
                        t->rating_kVA);
                }
            }
            if (!GIVEN(K3A_KIND_TRANSFORMER, t, "x_over_r")) {
                double r_pct = 0;
                if (GIVEN(K3A_KIND_TRANSFORMER, t, "load_loss_W") &&
                    t->impedance_pct > 0)
                    /* REF: IEC 60909-0 eq. (8): uRr = PkrT / SrT */
                    r_pct = t->load_loss_W / (t->rating_kVA * 1000.0) * 100.0;
                if (r_pct > 0 && r_pct < t->impedance_pct) {
                    double x_pct = sqrt(t->impedance_pct * t->impedance_pct -
                                        r_pct * r_pct);
                    t->x_over_r = x_pct / r_pct;
                    add_default(c, K3A_KIND_TRANSFORMER, i, "x_over_r",
                                t->x_over_r,
                                "IEC 60909-0 eq. (7)-(9): from load_loss_W and "
                                "impedance_pct");
                } else if (ty) {
                    t->x_over_r = ty->x_over_r;
                    add_default(c, K3A_KIND_TRANSFORMER, i, "x_over_r",
                                ty->x_over_r, ty->clause);
                    WARN2(c, K3A_KIND_TRANSFORMER, t, NULL,
                          "no x_over_r or load_loss_W: typical X/R %.3g used",
                          "X/R dan rugi beban trafo tidak diberikan: X/R tipikal %.3g "
                          "dipakai",
                          ty->x_over_r);
                }
                if (r_pct >= t->impedance_pct && t->impedance_pct > 0)
                    ERR(c, K3A_KIND_TRANSFORMER, t, "load_loss_W",
                        "gives a resistance of %.3g %%, not below "
                        "impedance_pct %.3g %%",
                        r_pct, t->impedance_pct);
            }
        }
    }
}

static int is_one_or_three(int p)
{
    return p == 1 || p == 3;
}

static void check_buses(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_buses; i++) {
        struct k3a_bus *b = &s->buses[i];
        const struct k3a_equip_class *cl;
        if (!is_one_or_three(b->phases))
            ERR(c, K3A_KIND_BUS, b, "phases", "must be 1 or 3");
        if (b->phases == 1)
            continue; /* IEEE 1584 has no single-phase model: n/a */
        if (!GIVEN(K3A_KIND_BUS, b, "equipment") ||
            !GIVEN(K3A_KIND_BUS, b, "voltage_kV"))
            continue; /* reported already: the class cannot be chosen */
        if (b->equipment == K3A_EQ_OPEN_AIR) {
            if (!GIVEN(K3A_KIND_BUS, b, "gap_mm"))
                ERR(c, K3A_KIND_BUS, b, "gap_mm",
                    "missing: equipment = open_air has no typical gap "
                    "(IEEE 1584-2018 Table 8)");
            if (!GIVEN(K3A_KIND_BUS, b, "working_distance_mm"))
                ERR(c, K3A_KIND_BUS, b, "working_distance_mm",
                    "missing: equipment = open_air has no typical working "
                    "distance (IEEE 1584-2018 Table 10)");
            if (!GIVEN(K3A_KIND_BUS, b, "electrode")) {
                b->electrode = K3A_ELECTRODE_VOA;
                add_default(c, K3A_KIND_BUS, i, "electrode", 3,
                            "open air: VOA (IEEE 1584-2018 4.5)");
            } else if (b->electrode != K3A_ELECTRODE_VOA &&
                       b->electrode != K3A_ELECTRODE_HOA)
                ERR(c, K3A_KIND_BUS, b, "electrode",
                    "open_air equipment takes VOA or HOA");
            continue;
        }
        cl = c->models ? k3a_models_equip_class(c->models, b->equipment,
                                                b->voltage_kV)
                       : NULL;
        if (!cl) {
            if (!GIVEN(K3A_KIND_BUS, b, "gap_mm") ||
                !GIVEN(K3A_KIND_BUS, b, "working_distance_mm"))
                ERR(c, K3A_KIND_BUS, b, "equipment",
                    "no IEEE 1584-2018 equipment class for this equipment at "
                    "%.4g kV: give gap_mm and working_distance_mm",
                    b->voltage_kV);
            continue;
        }
#define DEFAULT_GEOM(field)                                                  \
    if (!GIVEN(K3A_KIND_BUS, b, #field) && cl->field > 0) {                  \
        b->field = cl->field;                                                \
        add_default(c, K3A_KIND_BUS, i, #field, cl->field, cl->clause);      \
    }
        if (b->voltage_kV <= 15.0) {
            DEFAULT_GEOM(gap_mm)
            DEFAULT_GEOM(height_mm)
            DEFAULT_GEOM(width_mm)
            DEFAULT_GEOM(depth_mm)
            if (!GIVEN(K3A_KIND_BUS, b, "electrode")) {
                b->electrode = cl->electrode;
                add_default(c, K3A_KIND_BUS, i, "electrode",
                            (double)cl->electrode, cl->reason);
            }
        }
        DEFAULT_GEOM(working_distance_mm)
#undef DEFAULT_GEOM
        if ((b->electrode == K3A_ELECTRODE_VOA ||
             b->electrode == K3A_ELECTRODE_HOA) &&
            (GIVEN(K3A_KIND_BUS, b, "height_mm") ||
             GIVEN(K3A_KIND_BUS, b, "width_mm") ||
             GIVEN(K3A_KIND_BUS, b, "depth_mm")))
            WARN2(c, K3A_KIND_BUS, b, "electrode",
                  "open-air electrodes have no enclosure: its size is not used%s",
                  "elektroda di udara terbuka tanpa selungkup: ukuran selungkup "
                  "tidak dipakai%s", "");
    }
}

static void check_cables(struct ck *c)
{
    struct k3a_site *s = c->site;
    int32_t *fed_by = NULL;
    size_t i;

    if (s->n_loads) {
        fed_by = malloc(s->n_loads * sizeof(*fed_by));
        if (!fed_by) {
            c->oom = 1;
            return;
        }
        for (i = 0; i < s->n_loads; i++)
            fed_by[i] = -1;
    }
    for (i = 0; i < s->n_cables; i++) {
        struct k3a_cable *cb = &s->cables[i];
        if (ref_eq(&cb->from, &cb->to))
            ERR(c, K3A_KIND_CABLE, cb, "to", "from and to are the same");
        if (!is_one_or_three(cb->phases))
            ERR(c, K3A_KIND_CABLE, cb, "phases", "must be 1 or 3");
        if (cb->measured_A.n != 0 && cb->measured_A.n != 1 &&
            cb->measured_A.n != 3)
            ERR(c, K3A_KIND_CABLE, cb, "measured_A",
                "give one value or three (L1, L2, L3), not %zu",
                cb->measured_A.n);
        if (!GIVEN(K3A_KIND_CABLE, cb, "ambient_C")) {
            int ground = GIVEN(K3A_KIND_CABLE, cb, "method") &&
                         (cb->method == K3A_METHOD_D1 ||
                          cb->method == K3A_METHOD_D2);
            cb->ambient_C = ground ? 20.0 : 30.0;
            add_default(c, K3A_KIND_CABLE, i, "ambient_C", cb->ambient_C,
                        ground ? "IEC 60364-5-52 B.52.1: 20 C in ground"
                               : "IEC 60364-5-52 B.52.1: 30 C in air");
        }
        if (c->models && GIVEN(K3A_KIND_CABLE, cb, "size_mm2") &&
            !GIVEN(K3A_KIND_CABLE, cb, "r_ohm_km") &&
            !k3a_models_conductor(c->models, cb->material, cb->size_mm2))
            ERR(c, K3A_KIND_CABLE, cb, "size_mm2",
                "no IEC 60228 resistance for %g mm2 %s in the models "
                "(models/conductors.ini): check the size, or give r_ohm_km",
                cb->size_mm2, cb->material == K3A_MAT_AL ? "Al" : "Cu");
        if (GIVEN(K3A_KIND_CABLE, cb, "x_ohm_km") &&
            !GIVEN(K3A_KIND_CABLE, cb, "r_ohm_km"))
            ERR(c, K3A_KIND_CABLE, cb, "x_ohm_km",
                "given without r_ohm_km (give both to override the table)");
        if (cb->to.idx >= 0 && cb->to.kind == K3A_KIND_LOAD) {
            struct k3a_load *ld = &s->loads[cb->to.idx];
            if (fed_by[cb->to.idx] >= 0)
                ERR(c, K3A_KIND_CABLE, cb, "to",
                    "load '%s' is already fed by [cable %s]", ld->hdr.name,
                    s->cables[fed_by[cb->to.idx]].hdr.name);
            fed_by[cb->to.idx] = (int32_t)i;
            if (cb->from.idx >= 0 && cb->from.kind != K3A_KIND_BUS)
                ERR(c, K3A_KIND_CABLE, cb, "from",
                    "a cable to a load starts at a bus (the load's bus)");
            else if (ld->bus.name && ld->bus.idx >= 0 &&
                     !ref_eq(&ld->bus, &cb->from))
                ERR(c, K3A_KIND_CABLE, cb, "to",
                    "load '%s' is on bus '%s', but this cable comes from '%s'",
                    ld->hdr.name, ld->bus.name, cb->from.name);
            else if (!ld->bus.name && cb->from.idx >= 0) {
                ld->bus.name = k3a__strdup(cb->from.name);
                ld->bus.kind = K3A_KIND_BUS;
                ld->bus.idx = cb->from.idx;
                if (!ld->bus.name)
                    c->oom = 1;
            }
        }
    }
    for (i = 0; i < s->n_loads; i++) {
        struct k3a_load *ld = &s->loads[i];
        if (!ld->bus.name && !k3a_elem_key_line(&ld->hdr, (unsigned)k3a__key_index(
                                                             k3a__site_kind(K3A_KIND_LOAD),
                                                             "bus")))
            ERR(c, K3A_KIND_LOAD, ld, "bus",
                "missing required key (or name this load in a cable's 'to')");
    }
    free(fed_by);
}

static int is_end_of(const struct k3a_site *s, const struct k3a_ref *at,
                     const struct k3a_ref *el)
{
    if (el->idx < 0 || at->idx < 0)
        return 1; /* reported elsewhere */
    switch (el->kind) {
    case K3A_KIND_BUS:
        return ref_eq(at, el);
    case K3A_KIND_CABLE:
        return ref_eq(at, &s->cables[el->idx].from) ||
               ref_eq(at, &s->cables[el->idx].to);
    case K3A_KIND_TRANSFORMER:
        return ref_eq(at, &s->transformers[el->idx].from) ||
               ref_eq(at, &s->transformers[el->idx].to);
    default:
        return 0;
    }
}

static void check_devices(struct ck *c)
{
    /* REF: site-format.md section 3: opening_ms defaults at 50 Hz. */
    static const double opening_default_ms[] = { 30, 30, 60, 0, 100 };
    static const char *const opening_src[] = {
        "IEEE 1584-2002 Table 1: mcb 30 ms (1.5 cycles at 50 Hz)",
        "IEEE 1584-2002 Table 1: mccb 30 ms (1.5 cycles at 50 Hz)",
        "IEEE 1584-2002 Table 1: acb 60 ms (3 cycles at 50 Hz)",
        "fuse 0 ms (the tcc is the total clearing time)",
        "IEEE 1584-2002 Table 1: relay + breaker 100 ms (5 cycles at 50 Hz)",
    };
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_devices; i++) {
        struct k3a_device *d = &s->devices[i];
        int has_curve = GIVEN(K3A_KIND_DEVICE, d, "curve");
        int mcb_curve = has_curve && d->curve <= K3A_CURVE_D;
        int inverse = has_curve && d->curve >= K3A_CURVE_IEC_SI &&
                      d->curve <= K3A_CURVE_IEEE_EI;

        if (!is_end_of(s, &d->at, &d->protects))
            ERR(c, K3A_KIND_DEVICE, d, "at",
                "'%s' is not an end of the %s '%s' it protects", d->at.name,
                k3a_kind_name(d->protects.kind), d->protects.name);
        if (mcb_curve && d->type != K3A_DEV_MCB && d->type != K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "curves B, C and D are for type = mcb");
        if (has_curve && !mcb_curve && d->type == K3A_DEV_MCB)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "an mcb takes curve B, C or D (IEC 60898-1)");
        if (has_curve && d->type == K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "curve",
                "a fuse is given by its tcc points, not a curve");
        if (inverse && !GIVEN(K3A_KIND_DEVICE, d, "pickup_A"))
            ERR(c, K3A_KIND_DEVICE, d, "pickup_A",
                "missing: curve %s needs pickup_A and tms",
                d->curve <= K3A_CURVE_IEC_LTI ? "IEC" : "IEEE");
        if (inverse && !GIVEN(K3A_KIND_DEVICE, d, "tms"))
            ERR(c, K3A_KIND_DEVICE, d, "tms",
                "missing: an inverse-time curve needs its time multiplier");
        if (has_curve && d->curve == K3A_CURVE_DT) {
            if (!GIVEN(K3A_KIND_DEVICE, d, "definite_time_s"))
                ERR(c, K3A_KIND_DEVICE, d, "definite_time_s",
                    "missing: curve DT needs definite_time_s");
            if (!GIVEN(K3A_KIND_DEVICE, d, "pickup_A"))
                ERR(c, K3A_KIND_DEVICE, d, "pickup_A",
                    "missing: curve DT needs pickup_A");
        }
        if (GIVEN(K3A_KIND_DEVICE, d, "short_time_A") !=
            GIVEN(K3A_KIND_DEVICE, d, "short_time_s"))
            ERR(c, K3A_KIND_DEVICE, d,
                GIVEN(K3A_KIND_DEVICE, d, "short_time_A") ? "short_time_s"
                                                          : "short_time_A",
                "short_time_A and short_time_s go together");
        if (GIVEN(K3A_KIND_DEVICE, d, "short_time_A") &&
            GIVEN(K3A_KIND_DEVICE, d, "instantaneous_A") &&
            !(d->instantaneous_A > d->short_time_A))
            ERR(c, K3A_KIND_DEVICE, d, "instantaneous_A",
                "must be above short_time_A");
        if (GIVEN(K3A_KIND_DEVICE, d, "rcd_mA") && d->type == K3A_DEV_FUSE)
            ERR(c, K3A_KIND_DEVICE, d, "rcd_mA", "a fuse has no residual-current element");
        if (!has_curve && !d->tcc.n && !GIVEN(K3A_KIND_DEVICE, d, "instantaneous_A"))
            WARN2(c, K3A_KIND_DEVICE, d, NULL,
                  "no curve, tcc or instantaneous_A: its clearing time is "
                  "unknown%s",
                  "karakteristik waktu-arus gawai tidak diberikan: waktu "
                  "pemutusannya tidak diketahui%s", "");
        if (!GIVEN(K3A_KIND_DEVICE, d, "opening_ms") &&
            !(d->type == K3A_DEV_FUSE)) {
            d->opening_ms = opening_default_ms[d->type];
            add_default(c, K3A_KIND_DEVICE, i, "opening_ms", d->opening_ms,
                        opening_src[d->type]);
        }
    }
}

static void check_capacitors(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_capacitors; i++) {
        struct k3a_capacitor *cp = &s->capacitors[i];
        if (!GIVEN(K3A_KIND_CAPACITOR, cp, "working_kvar")) {
            cp->working_kvar = cp->rated_kvar;
            add_default(c, K3A_KIND_CAPACITOR, i, "working_kvar",
                        cp->working_kvar, "rated_kvar");
        } else if (cp->working_kvar > cp->rated_kvar)
            ERR(c, K3A_KIND_CAPACITOR, cp, "working_kvar",
                "%.4g kvar is above rated_kvar %.4g", cp->working_kvar,
                cp->rated_kvar);
    }
}

static void check_loads(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_loads; i++) {
        struct k3a_load *ld = &s->loads[i];
        char names[256];
        if (!is_one_or_three(ld->phases))
            ERR(c, K3A_KIND_LOAD, ld, "phases", "must be 1 or 3");
        if (ld->space && c->models &&
            !model_row_named(c->models, "lpd", ld->space, names, sizeof(names)))
            ERR(c, K3A_KIND_LOAD, ld, "space",
                "no space '%s' in the lighting-power-density table (models: %s)",
                ld->space, names);
        if (ld->phases == 3 && ld->bus.idx >= 0 &&
            s->buses[ld->bus.idx].phases == 1)
            ERR(c, K3A_KIND_LOAD, ld, "phases",
                "a three-phase load on single-phase bus '%s'", ld->bus.name);
        if (ld->kind != K3A_LOAD_MOTOR) {
            if (GIVEN(K3A_KIND_LOAD, ld, "ie_class"))
                WARN2(c, K3A_KIND_LOAD, ld, "ie_class",
                      "only motors have an IE efficiency class%s",
                      "hanya motor yang memiliki kelas efisiensi IE%s", "");
            if (!GIVEN(K3A_KIND_LOAD, ld, "efficiency_pct"))
                ld->efficiency_pct = 100.0; /* site-format 2: others 100 */
        }
        if (!GIVEN(K3A_KIND_LOAD, ld, "hours_per_year"))
            WARN2(c, K3A_KIND_LOAD, ld, "hours_per_year",
                  "not given: no energy estimate for this load%s",
                  "jam operasi per tahun tidak diberikan: energi beban ini tidak "
                  "diperkirakan%s", "");
    }
}

static void check_instrument_dates(struct ck *c, enum k3a_kind kind,
                                   size_t idx)
{
    struct k3a_site *s = c->site;
    char *e = k3a__elem_ptr(s, kind, idx);
    struct k3a_elem *h = (struct k3a_elem *)(void *)e;
    struct k3a_meas *m = (struct k3a_meas *)(void *)(e + sizeof(struct k3a_elem));
    size_t j;

    /* every measurement struct has its k3a_meas right after the head */
    if (!m->test_date.y) {
        m->test_date = s->site.audit_date;
    } else if (s->site.audit_date.y &&
               k3a_date_days(m->test_date) > k3a_date_days(s->site.audit_date))
        ERR(c, kind, h, "test_date", "is after the audit_date");
    for (j = 0; j < m->instrument.n; j++) {
        const struct k3a_ref *r = &m->instrument.v[j];
        const struct k3a_instrument *in;
        if (r->idx < 0)
            continue;
        in = &s->instruments[r->idx];
        if (in->calibration_due.y &&
            k3a_date_days(m->test_date) > k3a_date_days(in->calibration_due))
            WARN2(c, kind, h, "instrument",
                  "'%s' was past its calibration due date (%04d-%02d-%02d) "
                  "on the test date",
                  "alat ukur '%s' sudah lewat tanggal kalibrasi ulang "
                  "(%04d-%02d-%02d) pada tanggal uji",
                  in->hdr.name, in->calibration_due.y, in->calibration_due.m,
                  in->calibration_due.d);
    }
}

static void check_measurements(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, j, k;

    for (k = 0; k < K3A_KIND_COUNT; k++)
        if (k3a__site_kind((enum k3a_kind)k)->flags & K3A__KIND_MEAS)
            for (i = 0; i < k3a_site_count(s, (enum k3a_kind)k); i++)
                check_instrument_dates(c, (enum k3a_kind)k, i);

    for (i = 0; i < s->n_instruments; i++) {
        struct k3a_instrument *in = &s->instruments[i];
        if (in->calibrated.y && in->calibration_due.y &&
            k3a_date_days(in->calibration_due) < k3a_date_days(in->calibrated))
            /* site-format 9: a warning (one of the two dates is wrong) */
            WARN2(c, K3A_KIND_INSTRUMENT, in, "calibration_due",
                  "is before the calibration date: one of the two dates is wrong%s",
                  "tanggal kalibrasi ulang sebelum tanggal kalibrasi: salah satu "
                  "tanggal keliru%s", "");
    }
    for (i = 0; i < s->n_earthings; i++) {
        struct k3a_earthing *e = &s->earthings[i];
        int has_m = GIVEN(K3A_KIND_EARTHING, e, "measured_ohm");
        if (!has_m && !e->readings.n &&
            !k3a_elem_key_line(&e->hdr, (unsigned)k3a__key_index(
                                            k3a__site_kind(K3A_KIND_EARTHING),
                                            "measured_ohm")) &&
            !k3a_elem_key_line(&e->hdr, (unsigned)k3a__key_index(
                                            k3a__site_kind(K3A_KIND_EARTHING),
                                            "readings")))
            ERR(c, K3A_KIND_EARTHING, e, "measured_ohm",
                "missing required key (or readings)");
        if (e->readings.n) {
            if (!GIVEN(K3A_KIND_EARTHING, e, "current_probe_m"))
                ERR(c, K3A_KIND_EARTHING, e, "current_probe_m",
                    "missing: fall-of-potential readings need the current "
                    "probe distance");
            else
                for (j = 0; j < e->readings.n; j++)
                    if (!(e->readings.x[j] < e->current_probe_m)) {
                        ERR(c, K3A_KIND_EARTHING, e, "readings",
                            "potential probe at %.4g m is not between the "
                            "electrode and the current probe (%.4g m)",
                            e->readings.x[j], e->current_probe_m);
                        break;
                    }
            if (!GIVEN(K3A_KIND_EARTHING, e, "method"))
                e->method = K3A_EM_FALL_OF_POTENTIAL;
        }
        if (e->readings.n == 0 && GIVEN(K3A_KIND_EARTHING, e, "method") &&
            (e->method == K3A_EM_SLOPE))
            ERR(c, K3A_KIND_EARTHING, e, "readings",
                "method = slope needs the fall-of-potential readings");
    }
    for (i = 0; i < s->n_soils; i++) {
        struct k3a_soil *so = &s->soils[i];
        if (so->readings.n && so->resistivity.n)
            ERR(c, K3A_KIND_SOIL, so, "resistivity",
                "give readings or resistivity, not both");
        else if (!so->readings.n && !so->resistivity.n)
            ERR(c, K3A_KIND_SOIL, so, "readings",
                "missing required key (or resistivity)");
        if (so->readings.n > K3A_SOIL_MAX_POINTS || so->resistivity.n > K3A_SOIL_MAX_POINTS)
            ERR(c, K3A_KIND_SOIL, so, so->readings.n ? "readings" : "resistivity",
                "%zu spacings; at most %d in one survey (split it into two [soil] "
                "sections)",
                so->readings.n ? so->readings.n : so->resistivity.n,
                K3A_SOIL_MAX_POINTS);
        if (so->method == K3A_SOIL_SCHLUMBERGER &&
            !GIVEN(K3A_KIND_SOIL, so, "potential_spacing_m"))
            ERR(c, K3A_KIND_SOIL, so, "potential_spacing_m",
                "missing: the Schlumberger method needs it");
    }
    for (i = 0; i < s->n_insulations; i++) {
        struct k3a_insulation *t = &s->insulations[i];
        if (!t->circuit.name && !t->location)
            ERR(c, K3A_KIND_INSULATION, t, "circuit",
                "missing required key (or location)");
        if (!t->readings_Mohm.n && !GIVEN(K3A_KIND_INSULATION, t, "r1min_Mohm") &&
            !GIVEN(K3A_KIND_INSULATION, t, "r30s_Mohm") &&
            !GIVEN(K3A_KIND_INSULATION, t, "r10min_Mohm"))
            ERR(c, K3A_KIND_INSULATION, t, "readings_Mohm",
                "no reading: give readings_Mohm or r1min_Mohm");
    }
    for (i = 0; i < s->n_loops; i++) {
        struct k3a_loop *t = &s->loops[i];
        if (!t->circuit.name && !t->location)
            ERR(c, K3A_KIND_LOOP, t, "circuit",
                "missing required key (or location)");
        if (!GIVEN(K3A_KIND_LOOP, t, "zs_ohm") && !GIVEN(K3A_KIND_LOOP, t, "psc_kA") &&
            !GIVEN(K3A_KIND_LOOP, t, "pe_ohm") && !GIVEN(K3A_KIND_LOOP, t, "touch_V"))
            ERR(c, K3A_KIND_LOOP, t, NULL,
                "no measurement: give zs_ohm, psc_kA, pe_ohm or touch_V");
    }
    for (i = 0; i < s->n_rcds; i++) {
        struct k3a_rcd *r = &s->rcds[i];
        const struct k3a_device *d =
            r->device.idx >= 0 ? &s->devices[r->device.idx] : NULL;
        if (!r->device.name && !r->bus.name)
            ERR(c, K3A_KIND_RCD, r, "device", "missing required key (or bus)");
        if (d && GIVEN(K3A_KIND_DEVICE, d, "rcd_mA")) {
            if (!GIVEN(K3A_KIND_RCD, r, "rated_mA")) {
                r->rated_mA = d->rcd_mA;
                add_default(c, K3A_KIND_RCD, i, "rated_mA", r->rated_mA,
                            "the device's rcd_mA");
            } else if (fabs(r->rated_mA - d->rcd_mA) > 1e-9)
                ERR(c, K3A_KIND_RCD, r, "rated_mA",
                    "%.4g mA disagrees with device '%s' rcd_mA = %.4g",
                    r->rated_mA, d->hdr.name, d->rcd_mA);
        } else if (!GIVEN(K3A_KIND_RCD, r, "rated_mA") &&
                   !k3a_elem_key_line(&r->hdr, (unsigned)k3a__key_index(
                                                   k3a__site_kind(K3A_KIND_RCD),
                                                   "rated_mA")))
            ERR(c, K3A_KIND_RCD, r, "rated_mA",
                "missing: give rated_mA (or rcd_mA on the device)");
    }
    for (i = 0; i < s->n_thermographies; i++) {
        struct k3a_thermography *t = &s->thermographies[i];
        if (!t->bus.name && !t->location)
            ERR(c, K3A_KIND_THERMOGRAPHY, t, "bus",
                "missing required key (or location)");
        if (!GIVEN(K3A_KIND_THERMOGRAPHY, t, "reference_C") &&
            !GIVEN(K3A_KIND_THERMOGRAPHY, t, "ambient_C"))
            WARN2(c, K3A_KIND_THERMOGRAPHY, t, NULL,
                  "neither reference_C nor ambient_C: no temperature-rise "
                  "verdict is possible%s",
                  "suhu pembanding dan suhu sekitar tidak diberikan: kenaikan "
                  "suhu tidak dapat dinilai%s", "");
    }
    for (i = 0; i < s->n_pqs; i++) {
        struct k3a_pq *q = &s->pqs[i];
        int ph = q->bus.idx >= 0 ? s->buses[q->bus.idx].phases : 3;
        if (q->voltage_V.n && q->voltage_V.n != (ph == 1 ? 1u : 3u))
            ERR(c, K3A_KIND_PQ, q, "voltage_V",
                "give %s, not %zu values",
                ph == 1 ? "one value on a single-phase bus"
                        : "three line-to-line values",
                q->voltage_V.n);
        if (q->current_A.n && q->current_A.n != 1 && q->current_A.n != 3)
            ERR(c, K3A_KIND_PQ, q, "current_A",
                "give one value or three, not %zu", q->current_A.n);
    }
    (void)j;
}

static void check_bills(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i;

    for (i = 0; i < s->n_bills; i++) {
        struct k3a_bill *b = &s->bills[i];
        const char *n = b->hdr.name;
        int tou = GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ||
                  GIVEN(K3A_KIND_BILL, b, "kWh_wbp");
        int single = GIVEN(K3A_KIND_BILL, b, "kWh");
        if (strlen(n) != 7 || n[4] != '-' || n[0] < '1' || n[0] > '2' ||
            !(n[5] == '0' || n[5] == '1')) {
            ERR(c, K3A_KIND_BILL, b, NULL,
                "a bill is named by its month, YYYY-MM (e.g. [bill 2025-01])");
        } else {
            b->year = atoi(n);
            b->month = atoi(n + 5);
            if (b->month < 1 || b->month > 12 || b->year < 1990)
                ERR(c, K3A_KIND_BILL, b, NULL, "'%s' is not a month", n);
        }
        if (tou && single)
            ERR(c, K3A_KIND_BILL, b, "kWh",
                "give kWh_lwbp and kWh_wbp, or kWh (single-rate), not both");
        else if (tou && (!GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ||
                         !GIVEN(K3A_KIND_BILL, b, "kWh_wbp")))
            ERR(c, K3A_KIND_BILL, b,
                GIVEN(K3A_KIND_BILL, b, "kWh_lwbp") ? "kWh_wbp" : "kWh_lwbp",
                "missing: a time-of-use bill has both kWh_lwbp and kWh_wbp");
        else if (!tou && !single)
            ERR(c, K3A_KIND_BILL, b, "kWh_lwbp",
                "missing required key (kWh_lwbp and kWh_wbp, or kWh)");
    }
}

static void check_observations(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, f, j;

    for (i = 0; i < s->n_observations; i++) {
        struct k3a_observation *o = &s->observations[i];
        if (!o->item || !c->models)
            continue;
        if (!k3a_models_obs_item(c->models, o->item)) {
            const char *best = NULL;
            int bestd = 4;
            for (f = 0; f < c->models->n; f++)
                for (j = 0; j < c->models->files[f].n_items; j++) {
                    const char *cand = c->models->files[f].items[j].hdr.name;
                    int d = k3a__edit_distance(o->item, cand);
                    if (d < bestd) {
                        bestd = d;
                        best = cand;
                    }
                }
            if (best)
                ERR(c, K3A_KIND_OBSERVATION, o, "item",
                    "'%s' is not in the checklist (did you mean '%s'?)",
                    o->item, best);
            else
                ERR(c, K3A_KIND_OBSERVATION, o, "item",
                    "'%s' is not in the checklist (k3audit models lists it)",
                    o->item);
        } else if (strcmp(o->item, "other") == 0 && !o->hdr.note)
            ERR(c, K3A_KIND_OBSERVATION, o, "note",
                "missing: item = other needs a note saying what was seen");
    }
    for (i = 0; i < s->n_hazards; i++) {
        struct k3a_hazard *h = &s->hazards[i];
        if (GIVEN(K3A_KIND_HAZARD, h, "likelihood_after") !=
            GIVEN(K3A_KIND_HAZARD, h, "severity_after"))
            ERR(c, K3A_KIND_HAZARD, h,
                GIVEN(K3A_KIND_HAZARD, h, "likelihood_after")
                    ? "severity_after"
                    : "likelihood_after",
                "likelihood_after and severity_after go together");
    }
}

static void check_variants(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t i, j;

    for (i = 0; i < s->n_variants; i++) {
        struct k3a_variant *v = &s->variants[i];
        for (j = 0; j < v->set.n; j++) {
            const char *eq = strchr(v->set.v[j], '=');
            const char *dot = strchr(v->set.v[j], '.');
            if (!eq || !dot || dot > eq)
                ERR(c, K3A_KIND_VARIANT, v, "set",
                    "'%s' is not kind.name.key=value (or site.key=value)",
                    v->set.v[j]);
        }
        for (j = 0; j < v->drop.n; j++) {
            const char *dot = strchr(v->drop.v[j], '.');
            enum k3a_kind fk;
            int32_t fi;
            if (!dot || strchr(v->drop.v[j], '='))
                ERR(c, K3A_KIND_VARIANT, v, "drop",
                    "'%s' is not kind.name", v->drop.v[j]);
            else if (!k3a_site_find(s, dot + 1, &fk, &fi))
                ERR(c, K3A_KIND_VARIANT, v, "drop", "no element named '%s'",
                    dot + 1);
        }
    }
}

/* ---- topology ----------------------------------------------------------- */

/* Node numbering: 0..n_supplies-1 supplies, then buses. */
struct edge {
    uint32_t a, b;
    int closed;
};

static uint32_t node_of(const struct k3a_site *s, const struct k3a_ref *r)
{
    if (r->idx < 0)
        return UINT32_MAX;
    if (r->kind == K3A_KIND_SUPPLY)
        return (uint32_t)r->idx;
    if (r->kind == K3A_KIND_BUS)
        return (uint32_t)(s->n_supplies + (size_t)r->idx);
    return UINT32_MAX;
}

/* Breadth-first reach from the sources; closed_only ignores open edges. */
static void reach(size_t n_nodes, const uint32_t *start, const uint32_t *adj,
                  const struct edge *edges, uint8_t *seen, uint8_t mark,
                  int closed_only, const uint32_t *seeds, size_t n_seeds,
                  uint32_t *queue)
{
    size_t head = 0, tail = 0, i;

    for (i = 0; i < n_seeds; i++)
        if (!(seen[seeds[i]] & mark)) {
            seen[seeds[i]] |= mark;
            queue[tail++] = seeds[i];
        }
    while (head < tail) {
        uint32_t u = queue[head++];
        uint32_t k;
        for (k = start[u]; k < start[u + 1]; k++) {
            const struct edge *e = &edges[adj[k]];
            uint32_t v = e->a == u ? e->b : e->a;
            if (closed_only && !e->closed)
                continue;
            if (!(seen[v] & mark)) {
                seen[v] |= mark;
                queue[tail++] = v;
            }
        }
    }
    (void)n_nodes;
}

static void check_topology(struct ck *c)
{
    struct k3a_site *s = c->site;
    size_t n_nodes = s->n_supplies + s->n_buses, n_edges = 0, i;
    struct edge *edges;
    uint32_t *start, *adj, *queue, *seeds;
    uint8_t *seen;
    size_t n_seeds = 0;

    if (!s->n_buses)
        return;
    edges = malloc((s->n_transformers + s->n_cables + 1) * sizeof(*edges));
    start = calloc(n_nodes + 2, sizeof(*start));
    adj = malloc(2 * (s->n_transformers + s->n_cables + 1) * sizeof(*adj));
    queue = malloc((n_nodes + 1) * sizeof(*queue));
    seeds = malloc((n_nodes + 1) * sizeof(*seeds));
    seen = calloc(n_nodes + 1, 1);
    if (!edges || !start || !adj || !queue || !seeds || !seen) {
        c->oom = 1;
        goto out;
    }
    for (i = 0; i < s->n_transformers; i++) {
        uint32_t a = node_of(s, &s->transformers[i].from);
        uint32_t b = node_of(s, &s->transformers[i].to);
        if (a == UINT32_MAX || b == UINT32_MAX)
            continue;
        edges[n_edges].a = a;
        edges[n_edges].b = b;
        edges[n_edges++].closed = s->transformers[i].closed;
    }
    for (i = 0; i < s->n_cables; i++) {
        uint32_t a = node_of(s, &s->cables[i].from);
        uint32_t b = node_of(s, &s->cables[i].to);
        if (a == UINT32_MAX || b == UINT32_MAX)
            continue;
        edges[n_edges].a = a;
        edges[n_edges].b = b;
        edges[n_edges++].closed = s->cables[i].closed;
    }
    /* compressed adjacency */
    for (i = 0; i < n_edges; i++) {
        start[edges[i].a + 1]++;
        start[edges[i].b + 1]++;
    }
    for (i = 0; i < n_nodes; i++)
        start[i + 1] += start[i];
    {
        uint32_t *fill = calloc(n_nodes + 1, sizeof(*fill));
        if (!fill) {
            c->oom = 1;
            goto out;
        }
        for (i = 0; i < n_edges; i++) {
            adj[start[edges[i].a] + fill[edges[i].a]++] = (uint32_t)i;
            adj[start[edges[i].b] + fill[edges[i].b]++] = (uint32_t)i;
        }
        free(fill);
    }
    for (i = 0; i < s->n_supplies; i++)
        seeds[n_seeds++] = (uint32_t)i;
    for (i = 0; i < s->n_generators; i++) {
        uint32_t g = node_of(s, &s->generators[i].bus);
        if (g != UINT32_MAX)
            seeds[n_seeds++] = g;
    }
    reach(n_nodes, start, adj, edges, seen, 1, 1, seeds, n_seeds, queue);
    reach(n_nodes, start, adj, edges, seen, 2, 0, seeds, n_seeds, queue);
    for (i = 0; i < s->n_buses; i++) {
        uint8_t m = seen[s->n_supplies + i];
        struct k3a_bus *b = &s->buses[i];
        if (!(m & 2))
            ERR(c, K3A_KIND_BUS, b, NULL,
                "not connected to any source: no transformer or cable "
                "reaches it from the supply or a generator");
        else if (!(m & 1))
            WARN2(c, K3A_KIND_BUS, b, NULL,
                  "reachable only through open branches (closed = no): it "
                  "is de-energised as found%s",
                  "hanya terhubung melalui cabang terbuka: PHB ini tidak "
                  "bertegangan seperti yang ditemukan%s", "");
    }
out:
    free(edges);
    free(start);
    free(adj);
    free(queue);
    free(seeds);
    free(seen);
}

int k3a__default_cmp(const void *a, const void *b)
{
    const struct k3a_default *x = a, *y = b;

    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return 0;
}

/* Orders the defaults by element, then key (k3a__default_cmp), keeping
 * the order they were added in for equal ones.  A counting sort on the
 * element (kind, index), then each element's few keys by insertion: on a
 * large site this is a tenth of the time of qsort, which stays as the
 * fallback when memory is short. */
static void sort_defaults(struct k3a_site *site)
{
    size_t base[K3A_KIND_COUNT + 1], total, i, k;
    uint32_t *start;
    struct k3a_default *out;

    if (site->n_defaults < 2)
        return;
    base[0] = 0;
    for (k = 0; k < K3A_KIND_COUNT; k++)
        base[k + 1] = base[k] + k3a_site_count(site, (enum k3a_kind)k);
    total = base[K3A_KIND_COUNT];
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        if ((unsigned)d->kind >= K3A_KIND_COUNT || d->idx < 0 ||
            base[d->kind] + (size_t)d->idx >= base[d->kind + 1] ||
            total >= UINT32_MAX || site->n_defaults >= UINT32_MAX) {
            total = 0; /* not an element of the site: the general sort */
            break;
        }
    }
    start = total ? calloc(total + 1, sizeof(*start)) : NULL;
    out = start ? malloc(site->n_defaults * sizeof(*out)) : NULL;
    if (!out) {
        free(start);
        if (site->n_defaults)
            qsort(site->defaults, site->n_defaults, sizeof(*site->defaults),
              k3a__default_cmp);
        return;
    }
    /* start[g] = where element g's defaults begin in out */
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        start[base[d->kind] + (size_t)d->idx + 1]++;
    }
    for (i = 0; i < total; i++)
        start[i + 1] += start[i];
    for (i = 0; i < site->n_defaults; i++) {
        const struct k3a_default *d = &site->defaults[i];
        out[start[base[d->kind] + (size_t)d->idx]++] = *d;
    }
    /* in element order now; each element's keys by insertion (stable,
     * and no default moves past another element's) */
    for (i = 1; i < site->n_defaults; i++) {
        struct k3a_default d = out[i];
        size_t j = i;
        while (j > 0 && k3a__default_cmp(&out[j - 1], &d) > 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = d;
    }
    free(site->defaults);
    site->defaults = out;
    site->cap_defaults = site->n_defaults;
    free(start);
}

/* ---- buses, cables and devices -------------------------------------- */

enum k3a_status k3a__site_check(struct k3a_site *site,
                                const struct k3a_models *models,
                                const char *file, struct k3a_diag_list *dl)
{
    struct ck c;
    size_t before = dl->n_errors;

    c.site = site;
    c.models = models;
    c.file = file;
    c.dl = dl;
    c.oom = 0;
    memset(c.kmemo, 0, sizeof(c.kmemo));
    apply_constant_defaults(&c);
    resolve_refs(&c);
    check_site(&c);
    check_supply(&c);
    check_generators(&c);
    check_transformers(&c);
    check_buses(&c);
    check_cables(&c);
    check_devices(&c);
    check_capacitors(&c);
    check_loads(&c);
    check_measurements(&c);
    check_bills(&c);
    check_observations(&c);
    check_variants(&c);
    check_topology(&c);
    sort_defaults(site);
    if (c.oom)
        return K3A_E_NOMEM;
    return dl->n_errors > before ? K3A_E_INPUT : K3A_OK;
}
