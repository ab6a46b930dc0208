/*
 * models.c - loading and validating the data tables of models/.
 *
 * Every model file is INI in one schema (models_keys.c): a [model] header
 * naming the source, clause, year, version and confidence, then rows of
 * the kinds that file needs.  The generic loader (ini_load.c) parses them
 * with the same strictness and diagnostics as site files; models_check.c
 * adds the checks a table needs to be usable (a limits set must define
 * every limit the engine asks for, and so on).  This file reads the files
 * (the built-in ones, then a models folder's) and looks rows up.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "names.h"
#include "parse.h"
#include "k3audit/arcflash.h"
#include "k3audit/models.h"
#include "modeltab.h"

int k3a_model_row_given(const char *kind_word, const struct k3a_elem *row,
                        const char *key)
{
    size_t k;

    for (k = 0; k < MK_COUNT; k++)
        if (strcmp(k3a__model_kinds[k].word, kind_word) == 0) {
            int j = k3a__key_index(&k3a__model_kinds[k], key);
            return j >= 0 && ((row->given >> j) & 1u);
        }
    return 0;
}

void k3a_models_init(struct k3a_models *m)
{
    memset(m, 0, sizeof(*m));
}

static void release_file(struct k3a_model_file *f)
{
    k3a__store_release(k3a__model_kinds, MK_COUNT, f);
    if (f->names) {
        k3a__names_release(f->names);
        free(f->names);
    }
    free(f->file);
}

void k3a_models_release(struct k3a_models *m)
{
    size_t i;

    for (i = 0; i < m->n; i++)
        release_file(&m->files[i]);
    free(m->files);
    memset(m, 0, sizeof(*m));
}

/* One model file's text loaded and validated; sha256 is its digest when
 * known (a built-in file's, taken at build time), else NULL. */
static enum k3a_status load_one(struct k3a_models *m, const char *label,
                                int builtin, const char *text, size_t len,
                                const unsigned char *sha256, struct k3a_diag_list *dl)
{
    struct k3a_model_file *f, *files;
    struct k3a__schema sc;
    enum k3a_status st;
    size_t before = dl->n_errors;

    files = realloc(m->files, (m->n + 1) * sizeof(*files));
    if (!files)
        return K3A_E_NOMEM;
    m->files = files;
    f = &m->files[m->n++];
    memset(f, 0, sizeof(*f));
    f->file = k3a__strdup(label);
    f->builtin = builtin;
    if (!f->file)
        return K3A_E_NOMEM;
    if (sha256)
        memcpy(f->sha256, sha256, sizeof(f->sha256));
    else
        k3a__sha256(text, len, f->sha256);
    sc.kinds = k3a__model_kinds;
    sc.n_kinds = MK_COUNT;
    sc.base = f;
    if (!f->names && !(f->names = calloc(1, sizeof(*f->names))))
        return K3A_E_NOMEM;
    sc.names = f->names;
    sc.hint = NULL;
    st = k3a__ini_load(&sc, f->file, text, len, dl);
    if (st == K3A_E_NOMEM)
        return st;
    k3a__model_validate(f, dl);
    return dl->n_errors > before ? K3A_E_INPUT : K3A_OK;
}

static int ends_with_ini(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".ini") == 0 && name[0] != '.';
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of the .ini files in dir, sorted (*names NULL and *n 0 when
 * there are none); K3A_E_IO with a diagnostic when dir cannot be read. */
static enum k3a_status list_folder(const char *dir, char ***names, size_t *n,
                                   struct k3a_diag_list *dl)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    if (!d) {
        struct k3a_loc l = { dir, 0, "", "" };
        k3a_diag_add(dl, K3A_ERROR, K3A_E_IO, l,
                     "cannot open the models folder");
        return K3A_E_IO;
    }
    while ((de = readdir(d)) != NULL) {
        char **q;
        if (!ends_with_ini(de->d_name))
            continue;
        q = realloc(*names, (*n + 1) * sizeof(**names));
        if (!q) {
            closedir(d);
            return K3A_E_NOMEM;
        }
        *names = q;
        (*names)[*n] = k3a__strdup(de->d_name);
        if (!(*names)[(*n)++]) {
            closedir(d);
            return K3A_E_NOMEM;
        }
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof(**names), cmp_str);
    return K3A_OK;
}

/* The built-in files not replaced by one of the folder's (names); the
 * worst status is kept in *worst, K3A_E_NOMEM returned at once. */
static enum k3a_status load_builtins(struct k3a_models *m, char *const *names,
                                     size_t n_names, struct k3a_diag_list *dl,
                                     enum k3a_status *worst)
{
    enum k3a_status st;
    size_t i, j;

    for (i = 0; i < k3a__n_embedded_models; i++) {
        const struct k3a__embedded *e = &k3a__embedded_models[i];
        char label[256];
        int replaced = 0;
        for (j = 0; j < n_names; j++)
            replaced |= strcmp(names[j], e->name) == 0;
        if (replaced)
            continue;
        snprintf(label, sizeof(label), "models/%s", e->name);
        st = load_one(m, label, 1, e->text, e->len, e->sha256, dl);
        if (st == K3A_E_NOMEM)
            return st;
        if (st != K3A_OK)
            *worst = st;
    }
    return K3A_OK;
}

/* Reads path into *text: a regular file only (a FIFO or device would
 * block the read), looked at without blocking; else a message in msg. */
static enum k3a_status read_model_file(const char *path, char **text,
                                       size_t *len, char *msg, size_t n)
{
    enum k3a_status st;
    struct stat sb;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);

    if (fd < 0) {
        snprintf(msg, n, "cannot open: %s", strerror(errno));
        st = K3A_E_IO;
    } else if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        snprintf(msg, n, "not a regular file (a FIFO, device or folder): "
                         "model files must be regular files");
        st = K3A_E_IO;
    } else {
        st = K3A_OK;
    }
    if (fd >= 0)
        close(fd);
    if (st == K3A_OK)
        st = k3a__read_file(path, 16u << 20, text, len, msg, n);
    return st;
}

/* `PATH: error: ...` for a file that could not be read: the label lives
 * in m->files (a file entry with nothing loaded) as long as the
 * diagnostics.  K3A_E_NOMEM when there is no room for it. */
static enum k3a_status report_unreadable(struct k3a_models *m, const char *path,
                                         enum k3a_status st, const char *msg,
                                         struct k3a_diag_list *dl)
{
    struct k3a_model_file *ff;
    struct k3a_model_file *q = realloc(m->files, (m->n + 1) * sizeof(*q));
    struct k3a_loc l = { NULL, 0, "", "" };

    if (!q)
        return K3A_E_NOMEM;
    m->files = q;
    ff = &m->files[m->n];
    memset(ff, 0, sizeof(*ff));
    if (!(ff->file = k3a__strdup(path)))
        return K3A_E_NOMEM;
    m->n++;
    l.file = ff->file;
    k3a_diag_add(dl, K3A_ERROR, st, l, "%s", msg);
    return K3A_OK;
}

/* The folder's files (names, in order); as load_builtins. */
static enum k3a_status load_folder(struct k3a_models *m, const char *dir,
                                   char *const *names, size_t n_names,
                                   struct k3a_diag_list *dl,
                                   enum k3a_status *worst)
{
    enum k3a_status st;
    size_t j;

    for (j = 0; j < n_names; j++) {
        char path[4096], msg[200], *text;
        size_t len;
        snprintf(path, sizeof(path), "%s/%s", dir, names[j]);
        st = read_model_file(path, &text, &len, msg, sizeof(msg));
        if (st != K3A_OK) {
            if (report_unreadable(m, path, st, msg, dl) != K3A_OK)
                return K3A_E_NOMEM;
            *worst = st == K3A_E_NOMEM ? K3A_E_NOMEM : st;
            continue;
        }
        st = load_one(m, path, 0, text, len, NULL, dl);
        free(text);
        if (st == K3A_E_NOMEM)
            return st;
        if (st != K3A_OK)
            *worst = st;
    }
    return K3A_OK;
}

/* A file that replaces a built-in one must keep its id: the program
 * looks its tables up by it.  Returns the number of files that did not. */
static int check_replaced_ids(const struct k3a_models *m,
                              struct k3a_diag_list *dl)
{
    size_t i, j;
    int bad = 0;

    for (i = 0; i < k3a__n_embedded_models; i++) {
        const char *nm = k3a__embedded_models[i].name;
        char id[128];
        size_t nl = strlen(nm);
        snprintf(id, sizeof(id), "%.*s", (int)(nl > 4 ? nl - 4 : nl), nm);
        if (!k3a_models_find(m, id)) {
            for (j = 0; j < m->n; j++) {
                const char *b = strrchr(m->files[j].file, '/');
                if (!m->files[j].builtin && strcmp(b ? b + 1 : m->files[j].file, nm) == 0)
                    break;
            }
            k3a_diag_add(dl, K3A_ERROR, K3A_E_MISSING_KEY,
                         j < m->n ? floc(&m->files[j], m->files[j].meta.hdr.line > 0
                                                           ? m->files[j].meta.hdr.line
                                                           : 1,
                                         "model", "id")
                                  : floc(&m->files[0], 0, "", ""),
                         "this file replaces models/%s, so its id must be '%s' (the "
                         "program looks its tables up by it)",
                         nm, id);
            bad++;
        }
    }
    return bad;
}

/* Two files with one id would make lookups ambiguous.  Returns the
 * number of clashes. */
static int check_unique_ids(const struct k3a_models *m,
                            struct k3a_diag_list *dl)
{
    size_t i, j;
    int bad = 0;

    for (i = 0; i < m->n; i++)
        for (j = i + 1; j < m->n; j++)
            if (m->files[i].meta.id && m->files[j].meta.id &&
                strcmp(m->files[i].meta.id, m->files[j].meta.id) == 0) {
                k3a_diag_add(dl, K3A_ERROR, K3A_E_DUPLICATE,
                             floc(&m->files[j], m->files[j].meta.hdr.line,
                                  "model", "id"),
                             "id '%s' is also used by %s", m->files[j].meta.id,
                             m->files[i].file);
                bad++;
            }
    return bad;
}

/* The built-in files, then the folder's (replacing built-in ones of the
 * same name), then the checks across files. */
static enum k3a_status models_load_c(struct k3a_models *m, const char *dir,
                                     struct k3a_diag_list *dl)
{
    char **names = NULL;
    size_t n_names = 0, j;
    enum k3a_status worst = K3A_OK, st = K3A_OK;

    if (dir)
        st = list_folder(dir, &names, &n_names, dl);
    if (st == K3A_OK)
        st = load_builtins(m, names, n_names, dl, &worst);
    if (st == K3A_OK)
        st = load_folder(m, dir, names, n_names, dl, &worst);
    for (j = 0; j < n_names; j++)
        free(names[j]);
    free(names);
    if (st != K3A_OK)
        return st;
    if (worst != K3A_E_IO && check_replaced_ids(m, dl))
        worst = K3A_E_INPUT;
    if (check_unique_ids(m, dl))
        worst = K3A_E_INPUT;
    /* the arc-flash tables must be complete (every IEEE 1584 row) for an
     * audit to use them: a gap is an error now, not an audit without arc
     * flash later */
    if (worst == K3A_OK) {
        struct k3a_arc_model am;
        if (k3a_arc_model_build(m, &am, dl) != K3A_OK)
            worst = K3A_E_INPUT;
    }
    return worst;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_models_load(struct k3a_models *m, const char *dir,
                                struct k3a_diag_list *dl)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = models_load_c(m, dir, dl);

    k3a__c_locale_leave(old);
    return ret_;
}

const struct k3a_model_file *k3a_models_find(const struct k3a_models *m,
                                             const char *id)
{
    size_t i;

    for (i = 0; i < m->n; i++)
        if (m->files[i].meta.id && m->files[i].meta.id[0] == id[0] &&
            strcmp(m->files[i].meta.id, id) == 0)
            return &m->files[i];
    return NULL;
}

const struct k3a_model_file *k3a_models_limits(const struct k3a_models *m,
                                               const char *name)
{
    char id[96];

    snprintf(id, sizeof(id), "limits-%s", name);
    return k3a_models_find(m, id);
}

const struct k3a_param *k3a_model_param(const struct k3a_model_file *f,
                                        const char *name)
{
    enum k3a_kind kind;
    int32_t idx;
    size_t i;

    /* through the file's name index (the stages ask per element): a name
     * it does not hold is no param's; one of another row, or differing in
     * case, is looked for row by row as before */
    if (f->names && k3a__names_find(f->names, name, &kind, &idx)) {
        if ((int)kind == MK_PARAM && idx >= 0 && (size_t)idx < f->n_params &&
            strcmp(f->params[idx].hdr.name, name) == 0)
            return &f->params[idx];
    } else if (f->names && f->names->n) {
        return NULL;
    }
    for (i = 0; i < f->n_params; i++)
        if (strcmp(f->params[i].hdr.name, name) == 0)
            return &f->params[i];
    return NULL;
}

const struct k3a_obs_item *k3a_models_obs_item(const struct k3a_models *m,
                                               const char *id)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_items; j++)
            if (strcmp(m->files[i].items[j].hdr.name, id) == 0)
                return &m->files[i].items[j];
    return NULL;
}

static int lists_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while ((p = strstr(p, word)) != NULL) {
        int start = p == list || p[-1] == ',' || p[-1] == ' ';
        int end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
        if (start && end)
            return 1;
        p += n;
    }
    return 0;
}

const struct k3a_equip_class *
k3a_models_equip_class(const struct k3a_models *m, enum k3a_equipment eq,
                       double voltage_kV)
{
    static const char *const words[] = { "switchgear", "switchboard",
                                         "panelboard", "mcc",
                                         "junction_box", "open_air" };
    size_t i, j;

    if ((unsigned)eq > K3A_EQ_OPEN_AIR)
        return NULL;
    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_classes; j++) {
            const struct k3a_equip_class *c = &m->files[i].classes[j];
            if (c->equipment && lists_word(c->equipment, words[eq]) &&
                voltage_kV > c->kv_above && !(voltage_kV > c->kv_max))
                return c;
        }
    return NULL;
}

const struct k3a_tx_typical *k3a_models_tx_typical(const struct k3a_models *m,
                                                   double rating_kVA)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_typical; j++)
            if (!(rating_kVA > m->files[i].typical[j].kva_max))
                return &m->files[i].typical[j];
    return NULL;
}

const struct k3a_param *k3a_models_param(const struct k3a_models *m,
                                         const char *file_id, const char *name)
{
    const struct k3a_model_file *f = k3a_models_find(m, file_id);
    return f ? k3a_model_param(f, name) : NULL;
}

const struct k3a_conductor *k3a_models_conductor(const struct k3a_models *m,
                                                 enum k3a_material mat,
                                                 double size_mm2)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_conductors; j++) {
            const struct k3a_conductor *c = &m->files[i].conductors[j];
            if (c->material == mat && fabs(c->size_mm2 - size_mm2) < 1e-6)
                return c;
        }
    return NULL;
}

const struct k3a_curve_coef *k3a_models_curve(const struct k3a_models *m,
                                              const char *name)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_curves; j++)
            if (strcmp(m->files[i].curves[j].hdr.name, name) == 0)
                return &m->files[i].curves[j];
    return NULL;
}

const struct k3a_mcb_band *k3a_models_mcb(const struct k3a_models *m,
                                          const char *letter)
{
    size_t i, j;

    for (i = 0; i < m->n; i++)
        for (j = 0; j < m->files[i].n_mcbs; j++)
            if (strcmp(m->files[i].mcbs[j].hdr.name, letter) == 0)
                return &m->files[i].mcbs[j];
    return NULL;
}
