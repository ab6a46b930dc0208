/*
 * fuzz_audit.c - libFuzzer target for a whole audit: any bytes as a site
 * file; a file that loads without errors is audited and its workbook and
 * JSON written (to a private temporary folder), so the writers see the
 * odd-but-valid text the fuzzer finds (fuzz_site stops before them).
 * Each workbook written is checked to be there; well-formedness of its
 * XML is the e2e tests' (tests/xml_check.py), and the fuzzer's seeds
 * include text with OOXML look-alikes ("_x000D_").
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k3audit/k3audit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct k3a_models models;
static int loaded;
static char dir[64], xlsx[128], json[128];

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
        snprintf(dir, sizeof(dir), "/tmp/k3a-fuzz-audit-%ld", (long)getpid());
        snprintf(xlsx, sizeof(xlsx), "%s/fuzz.xlsx", dir);
        snprintf(json, sizeof(json), "%s/fuzz.json", dir);
        if (mkdir(dir, 0700) != 0)
            __builtin_trap();
        loaded = 1;
    }
    k3a_site_init(&s);
    k3a_diag_list_init(&dl);
    st = k3a_site_load_text(&s, "fuzz.ini", (const char *)data, size, &models, &dl);
    if (st == K3A_OK && dl.n_errors == 0 && size < 16384) {
        struct k3a_results r;
        k3a_results_init(&r);
        if (k3a_audit_run(&s, &models, &r, &dl) == K3A_OK && dl.n_errors == 0) {
            struct k3a_report_opts ro;
            char msg[512];
            memset(&ro, 0, sizeof(ro));
            ro.lang = s.site.lang;
            ro.version = K3A_VERSION;
            ro.diags = &dl;
            /* a site that audits must be writable: a failure is a bug */
            if (k3a_report_write_xlsx(&r, &ro, xlsx, msg, sizeof(msg)) != K3A_OK ||
                k3a_report_write_json_file(&r, &ro, json, msg, sizeof(msg)) != K3A_OK) {
                fprintf(stderr, "fuzz_audit: %s\n", msg);
                __builtin_trap();
            }
        }
        k3a_results_release(&r);
    }
    k3a_diag_list_release(&dl);
    k3a_site_release(&s);
    return 0;
}
