/*
 * ini_values.c - a key's value stored by the key's type (schema.h): numbers
 * within their range, dates, keywords to enums (with a hint for a near
 * miss), references, readings and the comma lists, each bad value
 * reported at its line.  ini_load.c reads the lines and calls this for
 * each key.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "iniload.h"
#include "names.h"
#include "parse.h"

/* Splits a comma list in place into max items (max = commas + 1). */
static size_t split_list(char *s, char **items, size_t max)
{
    size_t n = 0;
    char *p = s;

    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (n < max)
            items[n] = trim(p);
        n++;
        if (!comma)
            break;
        p = comma + 1;
    }
    return n;
}

static void range_text(const struct k3a__key *k, char *buf, size_t n)
{
    char lo[32], hi[32];

    k3a__fmt_double(lo, sizeof(lo), k->min);
    k3a__fmt_double(hi, sizeof(hi), k->max);
    if (k->flags & KF_MIN_EXCL)
        snprintf(buf, n, "above %s and at most %s%s%s", lo, hi,
                 k->unit[0] ? " " : "", k->unit);
    else
        snprintf(buf, n, "%s to %s%s%s", lo, hi, k->unit[0] ? " " : "",
                 k->unit);
}

static int check_range(struct load_ctx *c, const struct k3a__key *k,
                       double v, const char *text)
{
    char r[96];
    int low = (k->flags & KF_MIN_EXCL) ? !(v > k->min) : v < k->min;

    if (!low && !(v > k->max))
        return 0;
    range_text(k, r, sizeof(r));
    k3a_diag_add(c->dl, K3A_ERROR, K3A_E_RANGE, loc_at(c, c->pend.line, k->key),
                 "%s%s%s is out of range (expected %s)", text,
                 k->unit[0] ? " " : "", k->unit, r);
    return -1;
}

static int value_error(struct load_ctx *c, const struct k3a__key *k,
                       const char *msg)
{
    char full[200];

    if (k->unit[0] && k->type != KT_DATE && k->type != KT_DATED)
        snprintf(full, sizeof(full), "%s (expected %s)", msg, k->unit);
    else
        snprintf(full, sizeof(full), "%s", msg);
    k3a_diag_add(c->dl, K3A_ERROR, K3A_E_NUMBER, loc_at(c, c->pend.line, k->key),
                 "%s", full);
    return -1;
}

static int enum_lookup(const struct k3a__key *k, const char *v, int *out)
{
    int i;

    for (i = 0; k->words[i]; i++)
        if (strcmp(k->words[i], v) == 0) {
            *out = i;
            return 0;
        }
    for (i = 0; k->words[i]; i++) /* "cu", "xlpe", "tn-c-s" are clear */
        if (strcasecmp(k->words[i], v) == 0) {
            *out = i;
            return 0;
        }
    return -1;
}

/* Indonesian words testers type for keywords. */
static const char *value_hint(const char *v)
{
    static const struct {
        const char *id, *en;
    } map[] = {
        { "rusak", "defect" },    { "baik", "ok" },
        { "bagus", "ok" },        { "tidak_ada", "absent" },
        { "tidakada", "absent" }, { "ada", "ok" },
        { "tembaga", "Cu" },      { "aluminium", "Al" },
        { "basah", "wet" },       { "kering", "dry" },
        { "umum", "public" },     { "publik", "public" },
        { "motor_listrik", "motor" }, { "lampu", "lighting" },
        { "penerangan", "lighting" }, { "pemanas", "heater" },
        { "stopkontak", "socket" }, { "kotak_kontak", "socket" },
        { "sekring", "fuse" },    { "relai", "relay" },
        { "batang", "rod" },      { "pelat", "plate" },
        { "sistem", "system" },   { "peralatan", "equipment" },
        { "petir", "lightning" }, { "gabungan", "combined" },
        { "berkala", "periodic" }, { "pertama", "initial" },
    };
    size_t i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcasecmp(map[i].id, v) == 0)
            return map[i].en;
    return NULL;
}

static int store_enum(struct load_ctx *c, const struct k3a__key *k,
                      void *field, const char *v)
{
    int i, best = -1, bestd = 99, d;
    const char *hint;
    char list[200];
    size_t used = 0;

    if (enum_lookup(k, v, &i) == 0) {
        *(int *)field = i;
        return 0;
    }
    hint = value_hint(v);
    if (hint && enum_lookup(k, hint, &i) == 0) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_INPUT,
                     loc_at(c, c->pend.line, k->key),
                     "unknown value '%s' (did you mean '%s'?)", v, hint);
        return -1;
    }
    for (i = 0; k->words[i]; i++) {
        d = k3a__edit_distance(v, k->words[i]);
        if (d < bestd) {
            bestd = d;
            best = i;
        }
    }
    if (best >= 0 && bestd <= 2 && bestd < (int)strlen(k->words[best])) {
        k3a_diag_add(c->dl, K3A_ERROR, K3A_E_INPUT,
                     loc_at(c, c->pend.line, k->key),
                     "unknown value '%s' (did you mean '%s'?)", v,
                     k->words[best]);
        return -1;
    }
    list[0] = '\0';
    for (i = 0; k->words[i] && used + 20 < sizeof(list); i++)
        used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
                                 i ? " | " : "", k->words[i]);
    k3a_diag_add(c->dl, K3A_ERROR, K3A_E_INPUT, loc_at(c, c->pend.line, k->key),
                 "unknown value '%s' (expected %s)", v, list);
    return -1;
}

/* Room for n items at *p.  A new array starts zeroed: a list keeps the
 * count of items as written when one is bad (the checks count them), and
 * the items after it, never read, must not be memory never written. */
static int grow(void **p, size_t n, size_t size)
{
    void *q = *p ? realloc(*p, n * size) : calloc(n, size);

    if (!q && n)
        return -1;
    *p = q;
    return 0;
}

/* Parses one list item "x:y"; the parts are trimmed. */
static int split_pair(char *item, char **a, char **b)
{
    char *colon = strchr(item, ':');

    if (!colon)
        return -1;
    *colon = '\0';
    *a = trim(item);
    *b = trim(colon + 1);
    return 0;
}

#define MSG 200

/* A list type's items stored in its list, each checked in order up to the
 * first bad one: 0, -1 (reported), -2 (nomem).  After an error the list
 * is kept as far as it got (the key is then not marked given); its count
 * covers every string already copied.  Texts are copied into the name
 * index's pool (names.h), freed with it. */

/* A copy of s in the pool; NULL on no memory. */
static char *text_copy(struct load_ctx *c, const char *s)
{
    return k3a__pool_strdup(&c->sc->names->text, s);
}

static int store_refs(struct load_ctx *c, char **items, size_t n, struct k3a_ref_list *l)
{
    size_t i;

    if (grow((void **)&l->v, n, sizeof(*l->v)))
        return -2;
    for (i = 0; i < n; i++) {
        l->v[i].name = text_copy(c, items[i]);
        l->v[i].idx = -1;
        l->n = i + 1;
        if (!l->v[i].name)
            return -2;
    }
    return 0;
}

static int store_readings(struct load_ctx *c, const struct k3a__key *k,
                          char **items, size_t n, struct k3a_reading_list *l)
{
    char msg[MSG];
    size_t i;
    int rc = 0;

    if (grow((void **)&l->v, n, sizeof(*l->v)))
        return -2;
    for (i = 0; i < n && rc == 0; i++) {
        if (k3a__parse_reading(items[i], &l->v[i], msg, sizeof(msg)))
            rc = value_error(c, k, msg);
        else if (check_range(c, k, l->v[i].value, items[i]))
            rc = -1;
    }
    l->n = n;
    return rc;
}

/* "x:y" pairs (a curve): x above 0 and increasing, y in the key's range. */
static int store_pairs(struct load_ctx *c, const struct k3a__key *k,
                       char **items, size_t n, struct k3a_pairs *l)
{
    char msg[MSG];
    size_t i;

    if (grow((void **)&l->x, n, sizeof(double)) ||
        grow((void **)&l->y, n, sizeof(double)))
        return -2;
    l->n = n;
    for (i = 0; i < n; i++) {
        char *a, *b;
        if (split_pair(items[i], &a, &b))
            return value_error(c, k, "list items must be pairs x:y");
        if (k3a__parse_double(a, &l->x[i], msg, sizeof(msg)) ||
            k3a__parse_double(b, &l->y[i], msg, sizeof(msg)))
            return value_error(c, k, msg);
        if (!(l->x[i] > 0)) {
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_RANGE,
                         loc_at(c, c->pend.line, k->key),
                         "pair %zu: the first value must be above 0", i + 1);
            return -1;
        }
        if (check_range(c, k, l->y[i], b))
            return -1;
        if (i > 0 && !(l->x[i] > l->x[i - 1])) {
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_INPUT,
                         loc_at(c, c->pend.line, k->key),
                         "pair %zu: first values must increase", i + 1);
            return -1;
        }
    }
    return 0;
}

/* "YYYY-MM-DD:value" items. */
static int store_dated(struct load_ctx *c, const struct k3a__key *k,
                       char **items, size_t n, struct k3a_dated *l)
{
    char msg[MSG];
    size_t i;

    if (grow((void **)&l->date, n, sizeof(*l->date)) ||
        grow((void **)&l->value, n, sizeof(double)))
        return -2;
    l->n = n;
    for (i = 0; i < n; i++) {
        char *a, *b;
        if (split_pair(items[i], &a, &b))
            return value_error(c, k, "list items must be YYYY-MM-DD:value");
        if (k3a__parse_date(a, &l->date[i], msg, sizeof(msg)) ||
            k3a__parse_double(b, &l->value[i], msg, sizeof(msg)))
            return value_error(c, k, msg);
        if (check_range(c, k, l->value[i], b))
            return -1;
    }
    return 0;
}

/* "label:reading" items (L1-PE:850). */
static int store_labelled(struct load_ctx *c, const struct k3a__key *k,
                          char **items, size_t n, struct k3a_labelled *l)
{
    char msg[MSG];
    size_t i;

    if (grow((void **)&l->label, n, sizeof(char *)) ||
        grow((void **)&l->value, n, sizeof(*l->value)))
        return -2;
    for (i = 0; i < n; i++) {
        char *a, *b;
        if (split_pair(items[i], &a, &b) || !a[0])
            return value_error(c, k, "list items must be label:value, e.g. L1-PE:850");
        l->label[i] = text_copy(c, a);
        l->n = i + 1;
        if (!l->label[i])
            return -2;
        if (k3a__parse_reading(b, &l->value[i], msg, sizeof(msg)))
            return value_error(c, k, msg);
        if (check_range(c, k, l->value[i].value, b))
            return -1;
    }
    return 0;
}

/* A comma list v stored by its key's list type; an empty item is
 * reported before anything is stored. */
static int store_list(struct load_ctx *c, const struct k3a__key *k,
                      void *field, char *v)
{
    size_t n = 1, i;
    char **items;
    const char *q;
    int rc = 0;

    for (q = v; *q; q++)
        n += *q == ',';
    items = malloc(n * sizeof(*items));
    if (!items)
        return -2;
    split_list(v, items, n);
    for (i = 0; i < n; i++)
        if (!items[i][0]) {
            k3a_diag_add(c->dl, K3A_ERROR, K3A_E_SYNTAX,
                         loc_at(c, c->pend.line, k->key),
                         "empty item %zu in the list", i + 1);
            free(items);
            return -1;
        }
    switch (k->type) {
    case KT_REFLIST:
        rc = store_refs(c, items, n, field);
        break;
    case KT_READINGS:
        rc = store_readings(c, k, items, n, field);
        break;
    case KT_PAIRS:
        rc = store_pairs(c, k, items, n, field);
        break;
    case KT_DATED:
        rc = store_dated(c, k, items, n, field);
        break;
    case KT_LABELLED:
        rc = store_labelled(c, k, items, n, field);
        break;
    default:
        break;
    }
    free(items);
    return rc;
}

int k3a__ini_store_value(struct load_ctx *c, const struct k3a__key *k,
                         void *elem, char *v)
{
    void *field = (char *)elem + k->offset;
    char msg[MSG];
    double d;
    long l;

    switch (k->type) {
    case KT_DBL:
        if (k3a__parse_double(v, &d, msg, sizeof(msg)))
            return value_error(c, k, msg);
        if (check_range(c, k, d, v))
            return -1;
        *(double *)field = d;
        return 0;
    case KT_INT:
        if (k3a__parse_int(v, &l, msg, sizeof(msg)))
            return value_error(c, k, msg);
        if (check_range(c, k, (double)l, v))
            return -1;
        *(int *)field = (int)l;
        return 0;
    case KT_TEXT:
        *(char **)field = text_copy(c, v);
        return *(char **)field ? 0 : -2;
    case KT_ENUM:
        return store_enum(c, k, field, v);
    case KT_BOOL:
        if (k3a__parse_bool(v, (int *)field, msg, sizeof(msg)))
            return value_error(c, k, msg);
        return 0;
    case KT_DATE:
        if (k3a__parse_date(v, field, msg, sizeof(msg)))
            return value_error(c, k, msg);
        return 0;
    case KT_REF: {
        struct k3a_ref *r = field;
        r->idx = -1;
        r->name = text_copy(c, v);
        return r->name ? 0 : -2;
    }
    case KT_READING: {
        struct k3a_reading *r = field;
        if (k3a__parse_reading(v, r, msg, sizeof(msg)))
            return value_error(c, k, msg);
        return check_range(c, k, r->value, v);
    }
    case KT_REPEAT: {
        struct k3a_strings *s = field;
        char *dup = text_copy(c, v);
        if (!dup || grow((void **)&s->v, s->n + 1, sizeof(char *)))
            return -2;
        s->v[s->n++] = dup;
        return 0;
    }
    case KT_REFLIST:
    case KT_READINGS:
    case KT_PAIRS:
    case KT_DATED:
    case KT_LABELLED:
        return store_list(c, k, field, v);
    case KT_MONTH:
        break;
    }
    return -1;
}
