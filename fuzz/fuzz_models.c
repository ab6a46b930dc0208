/*
 * fuzz_models.c - libFuzzer target for the models/ loader: the input is
 * written as one model file in a private folder and loaded with
 * `--models DIR` semantics (it replaces or adds to the built-in tables).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k3audit/models.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64], path[160];
    struct k3a_models m;
    struct k3a_diag_list dl;
    FILE *fp;
    const char *id;
    char name[48] = "fuzz";
    size_t k = 0;

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/k3a-fuzz-models-%ld", (long)getpid());
        if (mkdir(dir, 0700) != 0)
            return 0;
    }
    if (path[0])
        unlink(path); /* one model file in the folder at a time */
    /* a file whose "id = X" names a built-in table is written as X.ini and
     * replaces it (the hostile-value seeds in fuzz/seeds/models do), any
     * other as fuzz.ini beside the built-in ones */
    id = size > 5 ? memmem(data, size, "\nid = ", 6) : NULL;
    if (id) {
        const char *p = id + 6, *end = (const char *)data + size;
        while (p < end && k < sizeof(name) - 1 &&
               ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            name[k++] = *p++;
        name[k] = '\0';
        if (!k)
            snprintf(name, sizeof(name), "fuzz");
    }
    snprintf(path, sizeof(path), "%s/%s.ini", dir, name);
    fp = fopen(path, "wb");
    if (!fp)
        return 0;
    if (size)
        fwrite(data, 1, size, fp);
    fclose(fp);
    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    (void)k3a_models_load(&m, dir, &dl);
    k3a_models_release(&m);
    k3a_diag_list_release(&dl);
    return 0;
}
