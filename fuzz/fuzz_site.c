/*
 * fuzz_site.c - libFuzzer target for the site loader (ini_load.c and
 * ini_values.c, site_keys.c, site_check*.c): any bytes as a site file.
 * A file that loads without errors and is small is also audited, so the
 * calculation stages see the odd-but-valid sites the fuzzer finds.
 */
#include <stddef.h>
#include <stdint.h>

#include "k3audit/audit.h"
#include "k3audit/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct k3a_models models;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct k3a_site s;
    struct k3a_diag_list dl;
    enum k3a_status st;

    if (!loaded) {
        k3a_diag_list_init(&dl);
        k3a_models_init(&models);
        if (k3a_models_load(&models, NULL, &dl) != K3A_OK)
            __builtin_trap();
        k3a_diag_list_release(&dl);
        loaded = 1;
    }
    k3a_site_init(&s);
    k3a_diag_list_init(&dl);
    st = k3a_site_load_text(&s, "fuzz.ini", (const char *)data, size, &models, &dl);
    if (st == K3A_OK && dl.n_errors == 0 && size < 8192) {
        struct k3a_results r;
        k3a_results_init(&r);
        (void)k3a_audit_run(&s, &models, &r, &dl);
        k3a_results_release(&r);
    }
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
    return 0;
}
