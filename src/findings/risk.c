/*
 * risk.c - the risk register: profile lookups (risk.h) and the risk stage
 * that turns findings into hazards by the rules of models/risk-rules.ini,
 * adjusts their likelihood by the modifiers (exposure, observations,
 * existing controls), proposes the control of the rule and scores the
 * residual risk; manual [hazard] sections join the same register.  Pure.
 *
 * Method: IBPR / HIRADC as taught in Indonesian K3 practice
 * (regulations_id.md 3.1): R = P x S on 1..5 scales, the band looked up
 * cell by cell in the profile's 5 x 5 table, hierarchy of controls
 * eliminasi > substitusi > rekayasa > administratif > APD, and a second
 * score after the proposed control (residual risk).
 */
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "base.h"
#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/risk.h"

static const char *const control_words[] = { "eliminasi", "substitusi",
                                             "rekayasa", "administratif",
                                             "apd" };

const char *k3a_risk_level_name(enum k3a_risk_level l)
{
    static const char *const n[] = { "low", "medium", "high", "extreme" };
    return (unsigned)l < 4 ? n[l] : "low";
}

int k3a_risk_profile_get(const struct k3a_models *m, const char *name,
                         struct k3a_risk_profile *p)
{
    char id[96];
    const struct k3a_model_file *f;
    size_t i, j;

    memset(p, 0, sizeof(*p));
    snprintf(id, sizeof(id), "risk-%s", name ? name : "as_nzs_4360");
    f = k3a_models_find(m, id);
    if (!f || f->n_rows != 5)
        return -1;
    p->file = f;
    for (i = 0; i < f->n_likelihood; i++)
        if (f->likelihood[i].score >= 1 && f->likelihood[i].score <= 5)
            p->likelihood[f->likelihood[i].score - 1] = &f->likelihood[i];
    for (i = 0; i < f->n_severity; i++)
        if (f->severity[i].score >= 1 && f->severity[i].score <= 5)
            p->severity[f->severity[i].score - 1] = &f->severity[i];
    for (i = 0; i < f->n_controls; i++)
        for (j = 0; j < 5; j++)
            if (strcmp(f->controls[i].hdr.name, control_words[j]) == 0)
                p->control[j] = &f->controls[i];
    for (i = 0; i < f->n_rows; i++) {
        const struct k3a_matrix_row *rw = &f->rows[i];
        const char *cells[5] = { rw->s1, rw->s2, rw->s3, rw->s4, rw->s5 };
        int k;
        if (rw->likelihood < 1 || rw->likelihood > 5)
            return -1;
        for (k = 0; k < 5; k++)
            for (j = 0; j < f->n_bands; j++)
                if (cells[k] && strcmp(f->bands[j].hdr.name, cells[k]) == 0)
                    p->cell[rw->likelihood - 1][k] = &f->bands[j];
    }
    for (i = 0; i < 5; i++) {
        if (!p->likelihood[i] || !p->severity[i])
            return -1;
        for (j = 0; j < 5; j++)
            if (!p->cell[i][j])
                return -1;
    }
    return 0;
}

const struct k3a_band *k3a_risk_band(const struct k3a_risk_profile *p,
                                     int likelihood, int severity)
{
    if (likelihood < 1 || likelihood > 5 || severity < 1 || severity > 5)
        return NULL;
    return p->cell[likelihood - 1][severity - 1];
}

/* ---- the stage ------------------------------------------------------------ */

/* Is word in the comma / space separated list? */
static int in_list(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    if (!list)
        return 0;
    while (*p) {
        while (*p == ',' || *p == ' ')
            p++;
        if (strncmp(p, word, n) == 0 && (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
            return 1;
        while (*p && *p != ',')
            p++;
    }
    return 0;
}

static const char *const verdict_words[] = { "pass", "fail", "warn" };
static const char *const hazard_words[] = { "shock_direct", "shock_indirect",
                                            "fire", "explosion", "arc_flash",
                                            "lightning", "other" };
static const char *const purpose_words[] = { "system", "equipment",
                                             "lightning", "combined" };

/* The bus an element sits at, for the exposure modifiers; -1 none. */
static int32_t element_bus(const struct k3a_site *s, enum k3a_kind kind,
                           int32_t idx)
{
    const struct k3a_ref *r = NULL;

    if (idx < 0)
        return -1;
    switch (kind) {
    case K3A_KIND_BUS:
        return idx;
    case K3A_KIND_CABLE:
        r = s->cables[idx].to.kind == K3A_KIND_BUS ? &s->cables[idx].to
                                                    : &s->cables[idx].from;
        break;
    case K3A_KIND_TRANSFORMER:
        r = &s->transformers[idx].to;
        break;
    case K3A_KIND_DEVICE:
        r = &s->devices[idx].at;
        break;
    case K3A_KIND_LOAD:
        r = &s->loads[idx].bus;
        break;
    case K3A_KIND_EARTHING:
        r = &s->earthings[idx].bus;
        break;
    case K3A_KIND_INSULATION:
        r = &s->insulations[idx].circuit;
        break;
    case K3A_KIND_LOOP:
        r = &s->loops[idx].circuit;
        break;
    case K3A_KIND_RCD:
        r = &s->rcds[idx].bus;
        break;
    case K3A_KIND_THERMOGRAPHY:
        r = &s->thermographies[idx].bus;
        break;
    case K3A_KIND_PQ:
        r = &s->pqs[idx].bus;
        break;
    case K3A_KIND_OBSERVATION:
        r = &s->observations[idx].bus;
        break;
    case K3A_KIND_HAZARD:
        r = &s->hazards[idx].bus;
        break;
    default:
        return -1;
    }
    if (!r || r->idx < 0)
        return -1;
    if (r->kind == K3A_KIND_BUS)
        return r->idx;
    if (r->kind == K3A_KIND_CABLE)
        return element_bus(s, K3A_KIND_CABLE, r->idx);
    if (r->kind == K3A_KIND_LOAD)
        return element_bus(s, K3A_KIND_LOAD, r->idx);
    return -1;
}

/* Which optional bounds a rule gives, looked up once per rule. */
#define RULE_ABOVE 1u
#define RULE_MAX 2u
#define RULE_RATIO_FROM 32u
#define RULE_RATIO_BELOW 64u

/* What a rule asks of a finding besides its check name: the verdicts it
 * is "on" (bit RULE_ON << verdict) and its measured bounds, read once per
 * rule rather than once per finding. */
#define RULE_ON 4u
static unsigned rule_bounds(const struct k3a_rule *ru)
{
    unsigned b = 0, v;

    for (v = 0; v < 3; v++)
        if (in_list(ru->on, verdict_words[v]))
            b |= RULE_ON << v;
    if (k3a_model_row_given("rule", &ru->hdr, "measured_above"))
        b |= RULE_ABOVE;
    if (k3a_model_row_given("rule", &ru->hdr, "measured_max"))
        b |= RULE_MAX;
    if (k3a_model_row_given("rule", &ru->hdr, "ratio_from"))
        b |= RULE_RATIO_FROM;
    if (k3a_model_row_given("rule", &ru->hdr, "ratio_below"))
        b |= RULE_RATIO_BELOW;
    return b;
}

/* Does finding f meet rule ru?  Its check name is known to be in the
 * rule's list (the index below found the rule by it). */
/* Whether an earthing of lightning protection l was measured in this
 * audit (a resistance reading or fall-of-potential readings). */
static int lightning_tested_now(const struct k3a_site *s, size_t l)
{
    const struct k3a_ref_list *e = &s->lightnings[l].earthing;
    size_t i;

    for (i = 0; i < e->n; i++) {
        const struct k3a_earthing *ea;
        if (e->v[i].kind != K3A_KIND_EARTHING || e->v[i].idx < 0)
            continue;
        ea = &s->earthings[e->v[i].idx];
        if (k3a_elem_given(K3A_KIND_EARTHING, &ea->hdr, "measured_ohm") ||
            ea->readings.n)
            return 1;
    }
    return 0;
}

static int rule_matches(const struct k3a_site *s, const struct k3a_thermo_res *thermo,
                        const struct k3a_rule *ru, unsigned bounds,
                        const struct k3a_finding *f)
{
    /* the measured value as a multiple of its limit: how far a FAIL is
     * from its limit, and on which side (a type S RCD too fast is below
     * its minimum, one too slow above its maximum) */
    int has_ratio = f->has_measured && f->has_limit && f->limit > 0 &&
                    isfinite(f->measured) && isfinite(f->limit);
    double ratio = has_ratio ? f->measured / f->limit : NAN;

    if ((unsigned)f->verdict > 2 || !(bounds & (RULE_ON << f->verdict)))
        return 0;
    /* documents.md A7: an overdue lightning test is no risk to schedule
     * when this audit tested the lightning protection's earthing */
    if (f->kind == K3A_KIND_LIGHTNING && f->idx >= 0 &&
        strcmp(f->check, "lightning_test_interval") == 0 &&
        lightning_tested_now(s, (size_t)f->idx))
        return 0;
    /* an unknown margin counts as the worst: ratio_from matches it */
    if ((bounds & RULE_RATIO_FROM) && has_ratio && !(ratio >= ru->ratio_from))
        return 0;
    if ((bounds & RULE_RATIO_BELOW) && !(has_ratio && ratio < ru->ratio_below))
        return 0;
    if (ru->priority > 0 &&
        !(f->kind == K3A_KIND_THERMOGRAPHY && f->idx >= 0 && thermo &&
          thermo[f->idx].priority == ru->priority))
        return 0;
    if ((bounds & RULE_ABOVE) &&
        !(f->has_measured && f->measured > ru->measured_above))
        return 0;
    if ((bounds & RULE_MAX) &&
        !(f->has_measured && f->measured <= ru->measured_max))
        return 0;
    if (ru->earthing_purpose) {
        if (f->kind != K3A_KIND_EARTHING || f->idx < 0)
            return 0;
        if (!in_list(ru->earthing_purpose,
                     purpose_words[s->earthings[f->idx].purpose]))
            return 0;
    }
    return 1;
}

/* The check names the rules read, each with its rule, sorted by name
 * (rule order kept within a name). */
struct ckey {
    char name[64];
    size_t rule;
};

static int ckey_cmp(const void *a, const void *b)
{
    const struct ckey *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

static int ckey_name_cmp(const void *a, const void *b)
{
    return strcmp(((const struct ckey *)a)->name, ((const struct ckey *)b)->name);
}

static int check_index(const struct k3a_model_file *rf, struct ckey **out, size_t *n)
{
    size_t j, cap = 0;
    struct ckey *v = NULL;

    *n = 0;
    for (j = 0; j < rf->n_rules; j++) {
        const char *p = rf->rules[j].check;
        while (p && *p) {
            size_t l;
            while (*p == ',' || *p == ' ')
                p++;
            l = strcspn(p, ", ");
            if (!l)
                break;
            if (l >= sizeof(v->name)) { /* longer than any finding's check */
                p += l;
                continue;
            }
            if (*n == cap) {
                void *q = realloc(v, (cap = cap * 2 + 16) * sizeof(*v));
                if (!q) {
                    free(v);
                    return -1;
                }
                v = q;
            }
            snprintf(v[*n].name, sizeof(v[*n].name), "%.*s", (int)l, p);
            v[*n].rule = j;
            (*n)++;
            p += l;
        }
    }
    if (*n)
        qsort(v, *n, sizeof(*v), ckey_cmp);
    *out = v;
    return 0;
}

struct hit {
    size_t rule, finding;
    enum k3a_kind kind;
    int32_t idx;
};

static int hit_cmp_key(const void *a, const void *b)
{
    const struct hit *x = a, *y = b;

    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    return x->finding < y->finding ? -1 : x->finding > y->finding;
}

static struct k3a_date date_plus(struct k3a_date d, long days)
{
    /* civil_from_days (the inverse of k3a_date_days) */
    long z = k3a_date_days(d) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    struct k3a_date r;

    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

static void cat(char *buf, size_t n, const char *sep, const char *text)
{
    size_t u = strlen(buf);

    if (u >= n - 1)
        return;
    snprintf(buf + u, n - u, "%s%s", u ? sep : "", text);
}

/* Applies the modifiers to one risk. */
static void modify(const struct k3a_results *r, const struct k3a_model_file *rf,
                   const struct k3a__rcd_index *rcd_ix, struct k3a_risk *k, int32_t bus)
{
    const struct k3a_site *s = r->site;
    int delta = 0;
    size_t i, j;

    for (i = 0; rf && i < rf->n_modifiers; i++) {
        const struct k3a_modifier *mo = &rf->modifiers[i];
        int applies = 0;
        char step[96];
        if (!in_list(mo->hazards, hazard_words[k->hazard]) &&
            !in_list(mo->hazards, "all"))
            continue;
        switch (mo->when) {
        case K3A_WHEN_ACCESS_PUBLIC:
            applies = bus >= 0 && s->buses[bus].access == K3A_ACCESS_PUBLIC;
            break;
        case K3A_WHEN_WET:
            applies = bus >= 0 && s->buses[bus].wet;
            break;
        case K3A_WHEN_RCD_AT_BUS:
            /* only an RCD that passed its tests and protects this element */
            applies = k3a__rcd_credit(r, rcd_ix, k->kind, k->idx);
            break;
        case K3A_WHEN_OBS_BAD:
        case K3A_WHEN_OBS_OK:
            /* an observation at this bus, or one for the whole site */
            for (j = 0; j < s->n_observations && !applies; j++) {
                const struct k3a_observation *o = &s->observations[j];
                int bad = o->status == K3A_OBS_DEFECT || o->status == K3A_OBS_ABSENT;
                if (!o->item || strcmp(o->item, mo->item) != 0 ||
                    o->status == K3A_OBS_NA)
                    continue;
                if (o->bus.idx >= 0 && o->bus.idx != bus)
                    continue;
                applies = mo->when == K3A_WHEN_OBS_BAD ? bad : !bad;
            }
            break;
        }
        if (!applies)
            continue;
        delta += mo->likelihood;
        snprintf(step, sizeof(step), "; peluang %+d: %s", mo->likelihood, mo->reason_id);
        cat(k->reason_id, sizeof(k->reason_id), "", step);
        snprintf(step, sizeof(step), "; likelihood %+d: %s", mo->likelihood,
                 mo->reason_en);
        cat(k->reason_en, sizeof(k->reason_en), "", step);
        if (mo->likelihood < 0) {
            cat(k->existing_id, sizeof(k->existing_id), "; ", mo->reason_id);
            cat(k->existing_en, sizeof(k->existing_en), "; ", mo->reason_en);
        }
    }
    {
        /* the conditions raise the likelihood by at most this much
         * together (risk-rules [param likelihood_raise_max]): four
         * missing controls do not make an event four steps likelier */
        const struct k3a_param *cap =
            rf ? k3a_model_param(rf, "likelihood_raise_max") : NULL;
        if (cap && delta > (int)cap->value)
            delta = (int)cap->value;
    }
    k->likelihood += delta;
    if (k->likelihood < 1)
        k->likelihood = 1;
    if (k->likelihood > 5)
        k->likelihood = 5;
}

/* An empty risk, number n in the register ("R001" from 1). */
static void risk_init(struct k3a_risk *k, size_t n)
{
    memset(k, 0, sizeof(*k));
    snprintf(k->id, sizeof(k->id), "R%03zu", n);
}

/* Room for more risks without growing again; -1 on no memory. */
static int reserve_risks(struct k3a_results *r, size_t more)
{
    void *p = k3a__grow(r->risks, r->n_risks, more, sizeof(*r->risks), 32);

    if (!p)
        return -1;
    r->risks = p;
    return 0;
}

static struct k3a_risk *risk_add(struct k3a_results *r)
{
    struct k3a_risk *k;

    if (reserve_risks(r, 1) != 0)
        return NULL;
    k = &r->risks[r->n_risks++];
    risk_init(k, r->n_risks);
    return k;
}

static void set_element(const struct k3a_site *s, struct k3a_risk *k,
                        enum k3a_kind kind, int32_t idx)
{
    const struct k3a_elem *e = idx >= 0 ? k3a_site_elem(s, kind, (size_t)idx) : NULL;

    k->kind = kind;
    k->idx = idx;
    if (e)
        snprintf(k->element, sizeof(k->element), "%s %s", k3a_kind_name(kind),
                 e->name ? e->name : "");
    else
        snprintf(k->element, sizeof(k->element), "site");
}

/* The risk's bands before and after control, from the profile. */
static void bands(const struct k3a_results *r, struct k3a_risk *k)
{
    const struct k3a_risk_profile *p = &r->profile;

    k->band = k3a_risk_band(p, k->likelihood, k->severity);
    k->band_after = k3a_risk_band(p, k->likelihood_after, k->severity_after);
}

static void finish(struct k3a_results *r, struct k3a_risk *k)
{
    bands(r, k);
    if (k->band && r->level_max < (int)k->band->level)
        r->level_max = (int)k->band->level;
}

/* Findings that one rule matched at one element: hits start..end-1 (in
 * the order of the findings), first the earliest finding. */
struct group {
    size_t first, start, end;
};

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* What the risks of the groups of findings (one rule, one element) are
 * made from; group_risks() writes them at base.. in the register. */
struct group_job {
    struct k3a_results *r;
    const struct k3a_model_file *rf;
    const struct k3a__rcd_index *rcd_at;
    const struct hit *hits;
    const struct group *grp;
    const size_t *first; /* groups in the order of their first finding */
    size_t n_groups, base;
};

static void group_risks(const struct group_job *j)
{
    struct k3a_results *r = j->r;
    const struct k3a_site *s = r->site;
    const struct k3a_model_file *rf = j->rf;
    size_t g;

    for (g = 0; g < j->n_groups; g++) {
        size_t gi = j->first[g] % (j->n_groups + 1), h;
        const struct hit *h0 = &j->hits[j->grp[gi].start];
        const struct k3a_rule *ru = &rf->rules[h0->rule];
        struct k3a_risk *k = &r->risks[j->base + g];
        int32_t bus;
        risk_init(k, j->base + g + 1);
        k->rule = ru;
        k->hazard_idx = -1;
        set_element(s, k, h0->kind, h0->idx);
        k->hazard = ru->hazard;
        k->hazard_id = ru->hazard_id;
        k->hazard_en = ru->hazard_en;
        k->risk_id = ru->risk_id;
        k->risk_en = ru->risk_en;
        k->activity_id = ru->activity_id;
        k->activity_en = ru->activity_en;
        bus = element_bus(s, h0->kind, h0->idx);
        snprintf(k->location, sizeof(k->location), "%s",
                 bus >= 0 ? s->buses[bus].hdr.name
                 : h0->kind == K3A_KIND_OBSERVATION && h0->idx >= 0 &&
                         s->observations[h0->idx].location
                     ? s->observations[h0->idx].location
                     : "");
        k->likelihood = ru->likelihood;
        k->severity = ru->severity;
        /* the reason in words (documents review C22, C23), not the rule's
         * key: the finding it comes from and the values the hazard's row
         * of the risk rules gives */
        snprintf(k->reason_id, sizeof(k->reason_id),
                 "dari temuan %s: peluang %d dan keparahan %d untuk bahaya ini",
                 r->findings[h0->finding].id, ru->likelihood, ru->severity);
        snprintf(k->reason_en, sizeof(k->reason_en),
                 "from finding %s: likelihood %d and severity %d for this hazard",
                 r->findings[h0->finding].id, ru->likelihood, ru->severity);
        modify(r, rf, j->rcd_at, k, bus);
        k->has_control = 1;
        k->control = ru->control;
        k->control_id = ru->control_id;
        k->control_en = ru->control_en;
        k->likelihood_after = ru->likelihood_after < k->likelihood
                                  ? ru->likelihood_after
                                  : k->likelihood;
        k->severity_after = ru->severity_after < k->severity ? ru->severity_after
                                                             : k->severity;
        k->basis = k3a__text_keep(r, ru->basis);
        k->owner = k3a__text_keep(r, "{Pengurus / Ahli K3 Listrik|Management / "
                                     "Electrical K3 Expert}");
        for (h = j->grp[gi].start; h < j->grp[gi].end; h++) {
            size_t u = strlen(k->source);
            if (u >= 3 && strcmp(k->source + u - 3, "...") == 0)
                continue; /* the list is full */
            if (u + 8 >= sizeof(k->source))
                snprintf(k->source + u, sizeof(k->source) - u, ", ...");
            else
                snprintf(k->source + u, sizeof(k->source) - u, "%s%s",
                         u ? ", " : "", r->findings[j->hits[h].finding].id);
        }
        bands(r, k);
        if (k->band && s->site.audit_date.y)
            k->due = date_plus(s->site.audit_date, k->band->due_days);
    }
}

/* The rules the findings match, in the findings' order: each finding's
 * check name leads through the index ix to the rules that read it.
 * 0, or -1 on no memory (nothing to free). */
static int scan_findings(const struct k3a_results *r, const struct k3a_model_file *rf,
                         const struct ckey *ix, size_t n_ix, const unsigned *bounds,
                         struct hit **hits_out, size_t *n_out)
{
    struct hit *hits = NULL;
    size_t i, j, n_hits = 0, cap = 0;
    /* the findings' check names are shared text (a few dozen names): each
     * pointer's rules are looked up once */
    struct {
        const char *check;
        size_t lo, hi;
    } memo[256];

    memset(memo, 0, sizeof(memo));
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        const char *check = f->check;
        size_t a, slot = ((uintptr_t)check >> 3) % 256;
        if (memo[slot].check != check) {
            struct ckey key;
            const struct ckey *hit = NULL;
            size_t l = strlen(check);
            memo[slot].check = check;
            memo[slot].lo = memo[slot].hi = 0;
            if (l < sizeof(key.name) && n_ix) { /* no rule has a longer name */
                memcpy(key.name, check, l + 1);
                hit = bsearch(&key, ix, n_ix, sizeof(*ix), ckey_name_cmp);
            }
            if (hit) {
                while (hit > ix && strcmp(hit[-1].name, key.name) == 0)
                    hit--;
                memo[slot].lo = memo[slot].hi = (size_t)(hit - ix);
                while (memo[slot].hi < n_ix &&
                       strcmp(ix[memo[slot].hi].name, key.name) == 0)
                    memo[slot].hi++;
            }
        }
        for (a = memo[slot].lo; a < memo[slot].hi; a++) {
            j = ix[a].rule;
            if (!rule_matches(r->site, r->thermo, &rf->rules[j], bounds[j], f))
                continue;
            if (n_hits == cap) {
                size_t nc = cap ? cap * 2 : 64;
                void *q = realloc(hits, nc * sizeof(*hits));
                if (!q) {
                    free(hits);
                    return -1;
                }
                hits = q;
                cap = nc;
            }
            hits[n_hits].rule = j;
            hits[n_hits].finding = i;
            hits[n_hits].kind = f->kind;
            hits[n_hits].idx = f->idx;
            n_hits++;
        }
    }
    *hits_out = hits;
    *n_out = n_hits;
    return 0;
}

/* The findings the risk rules match (hits), through an index of the
 * check names the rules read (a large site has hundreds of thousands of
 * findings). */
static enum k3a_status rule_hits(struct k3a_results *r, const struct k3a_model_file *rf,
                                 struct hit **hits, size_t *n_hits)
{
    struct ckey *ix = NULL;
    size_t n_ix = 0, j;
    unsigned *bounds;
    int bad;

    if (!rf || !rf->n_rules)
        return K3A_OK;
    bounds = malloc(rf->n_rules * sizeof(*bounds));
    if (!bounds || check_index(rf, &ix, &n_ix) != 0) {
        free(bounds);
        return K3A_E_NOMEM;
    }
    for (j = 0; j < rf->n_rules; j++)
        bounds[j] = rule_bounds(&rf->rules[j]);
    bad = scan_findings(r, rf, ix, n_ix, bounds, hits, n_hits) != 0;
    free(ix);
    free(bounds);
    return bad ? K3A_E_NOMEM : K3A_OK;
}

/* The hits (sorted by rule and element) in groups, one a risk, and the
 * groups in the order of their first finding (*first: an index sorted,
 * as insertion sort is too slow for a large site). */
static enum k3a_status group_hits(const struct hit *hits, size_t n_hits, struct group **grp_out,
                                  size_t **first_out, size_t *n_out)
{
    struct group *grp = NULL;
    size_t *first, n_groups = 0, i, j, g;

    if (n_hits) {
        grp = malloc(n_hits * sizeof(*grp));
        if (!grp)
            return K3A_E_NOMEM;
    }
    for (i = 0; i < n_hits; i = j) {
        for (j = i + 1; j < n_hits && hits[j].rule == hits[i].rule &&
                        hits[j].kind == hits[i].kind && hits[j].idx == hits[i].idx;
             j++)
            ;
        grp[n_groups].first = hits[i].finding;
        grp[n_groups].start = i;
        grp[n_groups].end = j;
        n_groups++;
    }
    first = malloc((n_groups + 1) * sizeof(*first));
    if (!first) {
        free(grp);
        return K3A_E_NOMEM;
    }
    for (g = 0; g < n_groups; g++)
        first[g] = grp[g].first * (n_groups + 1) + g;
    if (n_groups)
        qsort(first, n_groups, sizeof(*first), size_cmp);
    *grp_out = grp;
    *first_out = first;
    *n_out = n_groups;
    return K3A_OK;
}

/* One risk per rule and element, its sources the findings; the register
 * in the order of the first finding of each. */
static enum k3a_status rule_risks(struct k3a_results *r, const struct k3a_model_file *rf,
                                  struct hit *hits, size_t n_hits)
{
    size_t *first = NULL, n_groups = 0, g, i;
    struct group *grp = NULL;
    struct group_job gj;
    struct k3a__rcd_index *rcd_at;

    if (n_hits)
        qsort(hits, n_hits, sizeof(*hits), hit_cmp_key);
    if (group_hits(hits, n_hits, &grp, &first, &n_groups) != K3A_OK)
        return K3A_E_NOMEM;
    rcd_at = k3a__rcd_index_new(r);
    /* each group's risk, in a register made big enough at once */
    if (!rcd_at || (n_groups && reserve_risks(r, n_groups) != 0)) {
        k3a__rcd_index_free(rcd_at);
        free(first);
        free(grp);
        return K3A_E_NOMEM;
    }
    gj.r = r;
    gj.rf = rf;
    gj.rcd_at = rcd_at;
    gj.hits = hits;
    gj.grp = grp;
    gj.first = first;
    gj.n_groups = n_groups;
    gj.base = r->n_risks;
    r->n_risks += n_groups;
    group_risks(&gj);
    /* what the groups share, after them: the findings they cite and the
     * highest level */
    for (i = 0; i < n_hits; i++)
        r->findings[hits[i].finding].cited = 1;
    for (g = 0; g < n_groups; g++) {
        const struct k3a_risk *k = &r->risks[gj.base + g];
        if (k->band && r->level_max < (int)k->band->level)
            r->level_max = (int)k->band->level;
    }
    k3a__rcd_index_free(rcd_at);
    free(first);
    free(grp);
    return K3A_OK;
}

/* The risk of a hazard the tester rated by hand ([hazard] i). */
static enum k3a_status hazard_risk(struct k3a_results *r, size_t i)
{
    const struct k3a_site *s = r->site;
    const struct k3a_hazard *hz = &s->hazards[i];
    struct k3a_risk *k = risk_add(r);
    int32_t bus;

    if (!k)
        return K3A_E_NOMEM;
    k->hazard_idx = (int32_t)i;
    set_element(s, k, K3A_KIND_HAZARD, (int32_t)i);
    k->hazard = hz->kind;
    k->hazard_id = k->hazard_en = hz->description;
    k->risk_id = k->risk_en = hz->description;
    k->activity_id = k->activity_en = hz->activity;
    bus = element_bus(s, K3A_KIND_HAZARD, (int32_t)i);
    snprintf(k->location, sizeof(k->location), "%s",
             bus >= 0 ? s->buses[bus].hdr.name : hz->location ? hz->location : "");
    k->likelihood = hz->likelihood;
    k->severity = hz->severity;
    snprintf(k->reason_id, sizeof(k->reason_id), "dinilai penguji: peluang %d, keparahan %d",
             hz->likelihood, hz->severity);
    snprintf(k->reason_en, sizeof(k->reason_en), "rated by the tester: likelihood %d, severity %d",
             hz->likelihood, hz->severity);
    if (hz->controls_existing) {
        snprintf(k->existing_id, sizeof(k->existing_id), "%s", hz->controls_existing);
        snprintf(k->existing_en, sizeof(k->existing_en), "%s", hz->controls_existing);
    }
    k->has_control = hz->control_proposed != NULL ||
                     k3a_elem_given(K3A_KIND_HAZARD, &hz->hdr, "control_level");
    k->control = hz->control_level;
    k->control_id = k->control_en = hz->control_proposed;
    k->likelihood_after = k3a_elem_given(K3A_KIND_HAZARD, &hz->hdr, "likelihood_after")
                              ? hz->likelihood_after
                              : hz->likelihood;
    k->severity_after = k3a_elem_given(K3A_KIND_HAZARD, &hz->hdr, "severity_after")
                            ? hz->severity_after
                            : hz->severity;
    k->owner = hz->owner;
    snprintf(k->source, sizeof(k->source), "%s", hz->hdr.name);
    k->basis = "";
    finish(r, k);
    if (k->band && s->site.audit_date.y)
        k->due = date_plus(s->site.audit_date, k->band->due_days);
    /* the tester's date stands within the band's limit (documents.md
     * D26: a High item due after its 30 days is out of the band) */
    if (hz->due.y &&
        (!k->due.y || k3a_date_days(hz->due) <= k3a_date_days(k->due)))
        k->due = hz->due;
    return K3A_OK;
}

enum k3a_status k3a__risk_stage(struct k3a_results *r, struct k3a_diag_list *dl)
{
    const struct k3a_site *s = r->site;
    const struct k3a_model_file *rf = k3a_models_find(r->models, "risk-rules");
    struct hit *hits = NULL;
    size_t n_hits = 0, i;
    enum k3a_status st;
    const char *name = s->site.risk_profile ? s->site.risk_profile : "as_nzs_4360";

    r->level_max = -1;
    if (k3a_risk_profile_get(r->models, name, &r->profile) != 0) {
        struct k3a_loc l = { NULL, 0, "site", "risk_profile" };
        k3a_diag_add_lang(dl, K3A_WARNING, K3A_E_REF, l,
                          "no complete risk profile 'risk-%s' in models/: no risk "
                          "register",
                          "profil risiko '%s' tidak lengkap dalam tabel model: "
                          "register risiko tidak dibuat",
                          name);
        return K3A_OK;
    }
    r->has_profile = 1;
    /* findings x rules, then the risks they make, then the hazards the
     * tester rated */
    if ((st = rule_hits(r, rf, &hits, &n_hits)) != K3A_OK)
        return st;
    st = rule_risks(r, rf, hits, n_hits);
    free(hits);
    if (st != K3A_OK)
        return st;
    for (i = 0; i < s->n_hazards; i++)
        if (hazard_risk(r, i) != K3A_OK)
            return K3A_E_NOMEM;
    return K3A_OK;
}
