/*
 * pdf_module.c - the program's k3a_report_write_pdf and
 * k3a_report_write_labels_pdf: they load the PDF writer (the library's
 * src/report/pdf_*.c with cairo, pango and libqrencode, built as the
 * module k3audit-pdf.so) on first use and call it.
 *
 * Why: the program is linked against the library without its PDF writer
 * (build/libk3audit-core.a), so an audit that writes no PDF does not load
 * cairo, pango, glib, fontconfig, harfbuzz and X11 (about 30 shared
 * libraries, most of a start-up).  Programs linked with libk3audit.a or
 * libk3audit.so get the same two functions directly.
 *
 * Where: beside the program (the build tree: build/k3audit-pdf.so), then
 * ../lib/k3audit/ from the program's folder (`make install`).
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "k3audit/report_pdf.h"
#include "pdfmod.h"

#define PDF_MODULE "k3audit-pdf.so"

typedef enum k3a_status (*report_fn)(const struct k3a_results *,
                                     const struct k3a_report_opts *,
                                     const char *, char *, size_t);
typedef enum k3a_status (*labels_fn)(const struct k3a_results *,
                                     const struct k3a_report_opts *,
                                     enum k3a_label_size, const char *, char *,
                                     size_t);

/* The module's handle; NULL until loaded (the program's one thread that
 * writes PDFs, after the workbook). */
static void *module;

/* Is the module at path of this program's version, with the same
 * structs?  If not msg says so. */
static int abi_matches(void *m, const char *path, char *msg, size_t msg_size)
{
    static const struct k3a__pdf_abi here = K3A__PDF_ABI_HERE;
    const struct k3a__pdf_abi *abi = dlsym(m, "k3a__pdf_module_abi");

    if (abi && strncmp(abi->version, here.version, sizeof(here.version)) == 0 &&
        abi->results_size == here.results_size && abi->opts_size == here.opts_size)
        return 1;
    snprintf(msg, msg_size,
             "cannot use the PDF writer %s: it is %s%.16s, this program is k3audit %s "
             "(install the program and its module together)",
             path, abi ? "from k3audit " : "not k3audit's module",
             abi ? abi->version : "", K3A_VERSION);
    return 0;
}

/* Loads the module; on failure msg says why. */
static void *load_module(char *msg, size_t msg_size)
{
    static const char *const rel[] = { "/" PDF_MODULE, "/../lib/k3audit/" PDF_MODULE };
    char exe[PATH_MAX], path[PATH_MAX + 64];
    const char *err = NULL;
    ssize_t n;
    char *slash;
    size_t i;

    if (module)
        return module;
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0) {
        snprintf(msg, msg_size, "cannot load the PDF writer (%s): the program's own "
                 "path is unknown", PDF_MODULE);
        return NULL;
    }
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    for (i = 0; i < sizeof(rel) / sizeof(rel[0]) && !module; i++) {
        snprintf(path, sizeof(path), "%s%s", exe, rel[i]);
        if (access(path, R_OK) != 0)
            continue;
        module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!module)
            err = dlerror();
    }
    if (!module) {
        snprintf(msg, msg_size, "cannot load the PDF writer (%s): %s", PDF_MODULE,
                 err ? err : "not beside the program nor in ../lib/k3audit/");
        return NULL;
    }
    if (!abi_matches(module, path, msg, msg_size)) {
        dlclose(module);
        module = NULL;
    }
    return module;
}

enum k3a_status k3a_report_write_pdf(const struct k3a_results *r,
                                     const struct k3a_report_opts *o,
                                     const char *path, char *msg, size_t msg_size)
{
    void *m = load_module(msg, msg_size);
    report_fn fn;

    if (!m)
        return K3A_E_IO;
    *(void **)&fn = dlsym(m, "k3a_report_write_pdf");
    if (!fn) {
        snprintf(msg, msg_size, "%s has no k3a_report_write_pdf", PDF_MODULE);
        return K3A_E_IO;
    }
    return fn(r, o, path, msg, msg_size);
}

enum k3a_status k3a_report_write_labels_pdf(const struct k3a_results *r,
                                            const struct k3a_report_opts *o,
                                            enum k3a_label_size size,
                                            const char *path, char *msg,
                                            size_t msg_size)
{
    void *m = load_module(msg, msg_size);
    labels_fn fn;

    if (!m)
        return K3A_E_IO;
    *(void **)&fn = dlsym(m, "k3a_report_write_labels_pdf");
    if (!fn) {
        snprintf(msg, msg_size, "%s has no k3a_report_write_labels_pdf", PDF_MODULE);
        return K3A_E_IO;
    }
    return fn(r, o, size, path, msg, msg_size);
}
