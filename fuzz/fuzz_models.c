/*
 * fuzz_models.c - libFuzzer target for the models/ loader: the input is
 * written as one model file in a private folder and loaded with
 * `--models DIR` semantics (it replaces or adds to the built-in tables).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k3audit/models.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64], path[96];
    struct k3a_models m;
    struct k3a_diag_list dl;
    FILE *fp;

    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/k3a-fuzz-models-%ld", (long)getpid());
        snprintf(path, sizeof(path), "%s/fuzz.ini", dir);
        if (mkdir(dir, 0700) != 0)
            return 0;
    }
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
