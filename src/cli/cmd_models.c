/*
 * cmd_models.c - `k3audit models` (the data tables in use) and
 * `k3audit keys` (the site-file reference from the key tables).
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_models(int argc, char **argv)
{
    static const struct option opts[] = {
        { "models", required_argument, NULL, 'm' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *dir = NULL;
    struct k3a_models m;
    size_t i, j;
    int c, rc;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'm') {
            dir = optarg;
        } else if (c == 'h') {
            printf("usage: k3audit models [--models DIR]\n");
            return EXIT_OK;
        } else {
            fprintf(stderr, "k3audit models: unknown option '%s'\n",
                    cli_safe(argv[optind - 1]));
            return EXIT_INPUT;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "k3audit models: unexpected argument '%s'\n",
                cli_safe(argv[optind]));
        return EXIT_INPUT;
    }
    if ((rc = cli_load_models(&m, dir)) != 0)
        return rc;
    printf("Model tables (* = built into the program):\n\n");
    for (i = 0; i < m.n; i++) {
        const struct k3a_model_file *f = &m.files[i];
        char hex[65];
        char bid[256], ben[256];
        const char *tid, *ten;
        k3a_hex(f->sha256, 32, hex);
        /* the title in both languages, as the model file gives them */
        tid = k3a_text_lang(f->meta.title ? f->meta.title : "", K3A_LANG_ID, bid, sizeof(bid));
        ten = k3a_text_lang(f->meta.title ? f->meta.title : "", K3A_LANG_EN, ben, sizeof(ben));
        printf("%s%s\n  id:         %s (version %s)\n  title:      %s%s%s\n"
               "  source:     %s\n  year:       %d\n  confidence: %s\n"
               "  sha256:     %s\n\n",
               f->file, f->builtin ? " *" : "", f->meta.id, f->meta.version, tid,
               strcmp(tid, ten) ? " / " : "", strcmp(tid, ten) ? ten : "", f->meta.source,
               f->meta.year, f->meta.confidence, hex);
    }
    /* the values a site key takes from these tables, each named once */
    printf("Values site keys take from these tables:\n\n");
#define LIST(title, field, count)                                            \
    do {                                                                     \
        size_t col_ = 0;                                                     \
        printf("  %s\n   ", title);                                          \
        for (i = 0; i < m.n; i++)                                            \
            for (j = 0; j < m.files[i].count; j++) {                         \
                const char *nm_ = m.files[i].field[j].hdr.name;              \
                if (col_ + strlen(nm_) > 70) {                               \
                    printf("\n   ");                                         \
                    col_ = 0;                                                \
                }                                                            \
                printf(" %s", nm_);                                          \
                col_ += strlen(nm_) + 1;                                     \
            }                                                                \
        printf("\n\n");                                                      \
    } while (0)
    LIST("[supply] tariff (golongan tarif PLN):", tariffs, n_tariffs);
    LIST("[load] space (ruang, SNI 6197):", lpds, n_lpds);
    LIST("[site] grid (faktor emisi):", grids, n_grids);
#undef LIST
    printf("  [site] risk_profile / limits (model id without its prefix):\n   ");
    for (i = 0; i < m.n; i++)
        if (m.files[i].meta.id && (strncmp(m.files[i].meta.id, "risk-", 5) == 0 ||
                                   strncmp(m.files[i].meta.id, "limits-", 7) == 0) &&
            strcmp(m.files[i].meta.id, "risk-rules") != 0)
            printf(" %s", m.files[i].meta.id);
    printf("\n\n");
    printf("Observation checklist ([observation] item = ...):\n\n");
    for (i = 0; i < m.n; i++)
        for (j = 0; j < m.files[i].n_items; j++) {
            const struct k3a_obs_item *it = &m.files[i].items[j];
            printf("  %-22s %-9s %s\n  %-22s %-9s (%s)\n", it->hdr.name,
                   it->group == K3A_OBS_DOCUMENT ? "document" : "physical",
                   it->label_id, "", "", it->label_en);
        }
    k3a_models_release(&m);
    return EXIT_OK;
}

static void print_kind(enum k3a_kind k)
{
    size_t i, n = k3a_kind_key_count(k);
    char desc[400];

    printf("[%s%s]  %s\n", k3a_kind_name(k),
           k == K3A_KIND_SITE || k == K3A_KIND_SCENARIO ? "" : " NAME",
           k3a_kind_doc(k));
    for (i = 0; i < n; i++) {
        const char *unit = k3a_kind_key_unit(k, (unsigned)i);
        k3a_kind_key_describe(k, (unsigned)i, desc, sizeof(desc));
        printf("  %-24s %-8s %s\n  %-24s %-8s %s\n",
               k3a_kind_key_name(k, (unsigned)i), unit[0] ? unit : "-", desc,
               "", "", k3a_kind_key_doc(k, (unsigned)i));
    }
    printf("\n");
}

int cmd_keys(int argc, char **argv)
{
    int k;

    if (argc > 2) {
        fprintf(stderr, "usage: k3audit keys [KIND]\n");
        return EXIT_INPUT;
    }
    for (k = 0; k < K3A_KIND_COUNT; k++) {
        if (argc == 2 && strcmp(argv[1], k3a_kind_name((enum k3a_kind)k)) != 0)
            continue;
        print_kind((enum k3a_kind)k);
        if (argc == 2)
            return EXIT_OK;
    }
    if (argc == 2) {
        fprintf(stderr, "k3audit keys: unknown section kind '%s'\n", cli_safe(argv[1]));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}
