/*
 * site_load.c - reading a site file: the bytes, their fingerprint, the
 * INI parse (ini_load.c) and the checks (site_check.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base.h"
#include "names.h"
#include "parse.h"
#include "schema.h"
#include "k3audit/load.h"

/* Indonesian (and common) words for section kinds. */
static const char *kind_hint(const char *word)
{
    static const struct {
        const char *w, *kind;
    } map[] = {
        { "kabel", "cable" },          { "penghantar", "cable" },
        { "trafo", "transformer" },    { "transformator", "transformer" },
        { "panel", "bus" },            { "busbar", "bus" },
        { "phb", "bus" },              { "lvmdp", "bus" },
        { "mdp", "bus" },              { "sdp", "bus" },
        { "pembumian", "earthing" },   { "grounding", "earthing" },
        { "arde", "earthing" },        { "isolasi", "insulation" },
        { "beban", "load" },           { "motor", "load" },
        { "genset", "generator" },     { "kapasitor", "capacitor" },
        { "sumber", "supply" },        { "pln", "supply" },
        { "tagihan", "bill" },         { "rekening", "bill" },
        { "petir", "lightning" },      { "penyalur_petir", "lightning" },
        { "alat", "instrument" },      { "alat_ukur", "instrument" },
        { "pengaman", "device" },      { "proteksi", "device" },
        { "breaker", "device" },       { "mcb", "device" },
        { "mccb", "device" },          { "acb", "device" },
        { "relay", "device" },         { "relai", "device" },
        { "fuse", "device" },          { "sekring", "device" },
        { "tanah", "soil" },           { "bahaya", "hazard" },
        { "pengamatan", "observation" }, { "temuan", "observation" },
        { "termografi", "thermography" }, { "elcb", "rcd" },
        { "skenario", "scenario" },    { "varian", "variant" },
        { "situs", "site" },           { "lokasi", "site" },
    };
    size_t i;

    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcasecmp(map[i].w, word) == 0)
            return map[i].kind;
    return NULL;
}

/* Parses the text into the site and checks it. */
static enum k3a_status parse(struct k3a_site *site, const char *label,
                             const char *text, size_t len,
                             const struct k3a_models *models,
                             struct k3a_diag_list *dl)
{
    struct k3a__schema sc;
    enum k3a_status st, st2;

    sc.kinds = k3a__site_kind(K3A_KIND_SITE);
    sc.n_kinds = K3A_KIND_COUNT;
    sc.base = site;
    if (!site->names && !(site->names = calloc(1, sizeof(*site->names))))
        return K3A_E_NOMEM;
    sc.names = site->names;
    sc.hint = kind_hint;
    st = k3a__ini_load(&sc, label, text, len, dl);
    if (st == K3A_E_NOMEM)
        return st;
    if (st != K3A_OK && k3a__is_utf16(text, len))
        return st; /* nothing was read: no checks of a site that is not there */
    st2 = k3a__site_check(site, models, label, dl);
    return st2 == K3A_E_NOMEM ? st2 : st != K3A_OK ? st : st2;
}

static enum k3a_status site_load_text_c(struct k3a_site *site, const char *label,
                                   const char *text, size_t len,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl)
{
    enum k3a_status st;

    if (!site->path) {
        site->path = k3a__strdup(label);
        if (!site->path)
            return K3A_E_NOMEM;
    }
    /* bytes kept from an earlier load are not what sha256 is now of */
    free(site->bytes);
    site->bytes = NULL;
    site->n_bytes = 0;
    st = parse(site, label, text, len, models, dl);
    k3a__sha256(text, len, site->sha256);
    return st;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_site_load_text(struct k3a_site *site, const char *label,
                                   const char *text, size_t len,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = site_load_text_c(site, label, text, len, models, dl);

    k3a__c_locale_leave(old);
    return ret_;
}

/* A photo that is not there is a warning (site-format 1). */
static void check_photos(const struct k3a_site *site, const char *path,
                         struct k3a_diag_list *dl)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t kind, i;

    for (kind = 0; kind < K3A_KIND_COUNT; kind++)
        for (i = 0; i < k3a_site_count(site, (enum k3a_kind)kind); i++) {
            const struct k3a_elem *e =
                k3a_site_elem(site, (enum k3a_kind)kind, i);
            char buf[1024], *tok, *save = NULL;
            if (!e->photo)
                continue;
            snprintf(buf, sizeof(buf), "%s", e->photo);
            for (tok = strtok_r(buf, ",", &save); tok;
                 tok = strtok_r(NULL, ",", &save)) {
                char full[2048];
                struct stat st;
                while (*tok == ' ')
                    tok++;
                if (!*tok)
                    continue;
                snprintf(full, sizeof(full), "%.*s%s", (int)dirlen, path, tok);
                if (stat(full, &st) != 0) {
                    char label[48];
                    struct k3a_loc l;
                    int k = k3a__key_index(
                        k3a__site_kind((enum k3a_kind)kind), "photo");
                    snprintf(label, sizeof(label), "%s%s%s",
                             k3a_kind_name((enum k3a_kind)kind),
                             e->name ? " " : "", e->name ? e->name : "");
                    l.file = path;
                    l.line = k3a_elem_key_line(e, (unsigned)k);
                    l.element = label;
                    l.key = "photo";
                    k3a_diag_add(dl, K3A_WARNING, K3A_E_IO, l,
                                 "photo '%s' not found", tok);
                }
            }
        }
}

static enum k3a_status site_load_file_c(struct k3a_site *site, const char *path,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl)
{
    char *text, msg[256];
    size_t len;
    enum k3a_status st;

    st = k3a__read_file(path, K3A_SITE_MAX_BYTES, &text, &len, msg,
                        sizeof(msg));
    if (st != K3A_OK) {
        struct k3a_loc l = { path, 0, "", "" };
        k3a_diag_add(dl, K3A_ERROR, st, l, "%s", msg);
        return st;
    }
    site->path = k3a__strdup(path);
    if (!site->path) {
        free(text);
        return K3A_E_NOMEM;
    }
    st = k3a_site_load_text(site, path, text, len, models, dl);
    if (site->keep_bytes) {
        site->bytes = text; /* k3a_site_release frees them */
        site->n_bytes = len;
    } else {
        free(text);
    }
    if (st != K3A_E_NOMEM)
        check_photos(site, path, dl);
    return st;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_site_load_file(struct k3a_site *site, const char *path,
                                   const struct k3a_models *models,
                                   struct k3a_diag_list *dl)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = site_load_file_c(site, path, models, dl);

    k3a__c_locale_leave(old);
    return ret_;
}

int k3a_parse_number(const char *text, double *out, char *msg, size_t n)
{
    return k3a__parse_double(text, out, msg, n);
}

int k3a_edit_distance(const char *a, const char *b)
{
    return k3a__edit_distance(a, b);
}
