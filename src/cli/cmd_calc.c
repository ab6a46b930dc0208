/*
 * cmd_calc.c - `k3audit calc METHOD key=value...`: one calculation, no
 * site file (docs/cli.md "calc methods").  Each method is a row of the
 * table below: its arguments (with the site file's defaults) and a
 * function that calls the library.  Output: one `key = value` line per
 * result, or a JSON object with --json.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_ARGS 16
#define MAX_OUT 16

enum arg_type { ARG_NUM, ARG_WORD };

struct calc_arg {
    const char *key;
    enum arg_type type;
    int required;
    double def;                /* numbers: default when not required */
    double lo, hi;             /* numbers: accepted range (inclusive) */
    const char *const *words;  /* ARG_WORD: accepted words */
    const char *def_word;      /* ARG_WORD: default */
};

struct calc_in {
    double num[MAX_ARGS];
    const char *word[MAX_ARGS];
    int given[MAX_ARGS];
};

struct calc_out {
    const char *key[MAX_OUT];
    double num[MAX_OUT];
    const char *text[MAX_OUT]; /* non-NULL: a text value */
    char text_buf[MAX_OUT][48];
    size_t n;
    char error[256];
};

static void out_num(struct calc_out *o, const char *key, double v)
{
    o->key[o->n] = key;
    o->num[o->n] = v;
    o->text[o->n] = NULL;
    o->n++;
}

static void out_text(struct calc_out *o, const char *key, const char *v)
{
    snprintf(o->text_buf[o->n], sizeof(o->text_buf[0]), "%s", v);
    o->key[o->n] = key;
    o->text[o->n] = o->text_buf[o->n];
    o->n++;
}

struct calc_method {
    const char *name;
    const struct calc_arg *args;
    size_t n_args;
    /* returns 0, or 2 with o->error set for bad input */
    int (*run)(const struct k3a_models *m, const struct calc_in *in,
               struct calc_out *o);
    const char *summary;
};

/* ---- fault ---------------------------------------------------------------- */

static const struct calc_arg fault_args[] = {
    { "rating_kVA", ARG_NUM, 1, 0, 1, 1e6, NULL, NULL },
    { "secondary_kV", ARG_NUM, 1, 0, 0.05, 800, NULL, NULL },
    { "impedance_pct", ARG_NUM, 1, 0, 0.5, 50, NULL, NULL },
    { "x_over_r", ARG_NUM, 0, 0, 0.1, 200, NULL, NULL },
    { "source_MVA", ARG_NUM, 0, 0, 0.1, 1e5, NULL, NULL },
};

static int run_fault(const struct k3a_models *m, const struct calc_in *in,
                     struct calc_out *o)
{
    double ik = k3a_sc_transformer_ik3_kA(m, in->num[0], in->num[1], in->num[2],
                                          in->given[3] ? in->num[3] : 0,
                                          in->given[4] ? in->num[4] : 0);
    if (ik < 0) {
        snprintf(o->error, sizeof(o->error), "inputs out of range");
        return 2;
    }
    out_num(o, "ik3_kA", ik);
    return 0;
}

/* ---- relay ---------------------------------------------------------------- */

static const char *const curve_words[] = { "IEC_SI", "IEC_VI", "IEC_EI",
                                           "IEC_LTI", "IEEE_MI", "IEEE_VI",
                                           "IEEE_EI", "DT", NULL };
static const enum k3a_curve curve_enum[] = {
    K3A_CURVE_IEC_SI, K3A_CURVE_IEC_VI, K3A_CURVE_IEC_EI, K3A_CURVE_IEC_LTI,
    K3A_CURVE_IEEE_MI, K3A_CURVE_IEEE_VI, K3A_CURVE_IEEE_EI, K3A_CURVE_DT
};

static const struct calc_arg relay_args[] = {
    { "curve", ARG_WORD, 1, 0, 0, 0, curve_words, NULL },
    { "pickup_A", ARG_NUM, 1, 0, 1e-3, 1e7, NULL, NULL },
    { "tms", ARG_NUM, 0, 1, 1e-3, 100, NULL, NULL },
    { "current_A", ARG_NUM, 1, 0, 0, 1e8, NULL, NULL },
    { "definite_time_s", ARG_NUM, 0, 0, 0, 100, NULL, NULL },
};

static int word_index(const char *const *words, const char *w)
{
    int i;

    for (i = 0; words[i]; i++)
        if (strcmp(words[i], w) == 0)
            return i;
    return -1;
}

static int run_relay(const struct k3a_models *m, const struct calc_in *in,
                     struct calc_out *o)
{
    int ci = word_index(curve_words, in->word[0]);
    double t;

    if (curve_enum[ci] == K3A_CURVE_DT && !in->given[4]) {
        snprintf(o->error, sizeof(o->error),
                 "definite_time_s: missing (curve DT needs it)");
        return 2;
    }
    t = k3a_relay_time_s(m, curve_enum[ci], in->num[1], in->num[2], in->num[3],
                         in->num[4]);
    if (t < 0) {
        snprintf(o->error, sizeof(o->error), "no coefficients for curve %s",
                 in->word[0]);
        return 2;
    }
    if (isinf(t))
        out_text(o, "time_s", "no_trip");
    else
        out_num(o, "time_s", t);
    return 0;
}

/* ---- arcflash -------------------------------------------------------------- */

static const char *const ec_words[] = { "VCB", "VCBB", "HCB", "VOA", "HOA", NULL };

static const struct calc_arg arc_args[] = {
    { "electrode", ARG_WORD, 1, 0, 0, 0, ec_words, NULL },
    { "voc_kV", ARG_NUM, 1, 0, 0.001, 800, NULL, NULL },
    { "ibf_kA", ARG_NUM, 1, 0, 0.001, 300, NULL, NULL },
    { "gap_mm", ARG_NUM, 1, 0, 0.1, 1000, NULL, NULL },
    { "distance_mm", ARG_NUM, 1, 0, 1, 20000, NULL, NULL },
    { "time_ms", ARG_NUM, 1, 0, 0, 1e6, NULL, NULL },
    { "time_min_ms", ARG_NUM, 0, 0, 0, 1e6, NULL, NULL },
    { "height_mm", ARG_NUM, 0, 508, 1, 10000, NULL, NULL },
    { "width_mm", ARG_NUM, 0, 508, 1, 10000, NULL, NULL },
    { "depth_mm", ARG_NUM, 0, 508, 1, 10000, NULL, NULL },
};

static int run_arcflash(const struct k3a_models *m, const struct calc_in *in,
                        struct calc_out *o)
{
    struct k3a_arc_model am;
    struct k3a_diag_list dl;
    struct k3a_arc_in ai;
    struct k3a_arc_out ao;
    int ec = word_index(ec_words, in->word[0]);
    unsigned b;

    if (ec >= K3A_ELECTRODE_VOA && (in->given[7] || in->given[8] || in->given[9])) {
        snprintf(o->error, sizeof(o->error),
                 "height_mm, width_mm and depth_mm are not used for open-air "
                 "electrodes (%s)",
                 in->word[0]);
        return 2;
    }
    k3a_diag_list_init(&dl);
    if (k3a_arc_model_build(m, &am, &dl) != K3A_OK) {
        k3a_diag_list_release(&dl);
        snprintf(o->error, sizeof(o->error), "the IEEE 1584 tables are incomplete");
        return 2;
    }
    k3a_diag_list_release(&dl);
    memset(&ai, 0, sizeof(ai));
    ai.electrode = (enum k3a_electrode)ec;
    ai.voc_kV = in->num[1];
    ai.ibf_kA = in->num[2];
    ai.gap_mm = in->num[3];
    ai.distance_mm = in->num[4];
    ai.t_ms = in->num[5];
    ai.t_min_ms = in->given[6] ? in->num[6] : in->num[5];
    if (ec < K3A_ELECTRODE_VOA) {
        ai.height_mm = in->num[7];
        ai.width_mm = in->num[8];
        ai.depth_mm = in->num[9];
    }
    k3a_arc_compute(&am, &ai, &ao);
    for (b = 0; b < K3A_ARC_WARN_COUNT; b++)
        if (ao.warnings & (1u << b))
            fprintf(stderr, "warning: %s\n", k3a_arc_warn_text(b));
    out_num(o, "iarc_kA", ao.iarc_kA);
    out_num(o, "iarc_min_kA", ao.iarc_min_kA);
    out_num(o, "e_cal_cm2", ao.e_J_cm2 / am.joule_per_cal);
    out_num(o, "e_min_cal_cm2", ao.e_min_J_cm2 / am.joule_per_cal);
    out_num(o, "energy_cal_cm2", ao.energy_cal_cm2);
    out_num(o, "afb_mm", ao.afb_gov_mm);
    out_text(o, "ppe_category", k3a_ppe_category(&am, ao.energy_cal_cm2));
    out_text(o, "method", ao.method == K3A_ARC_LEE ? "lee" : "ieee1584_2018");
    return 0;
}

/* ---- rod, wenner, ir ---------------------------------------------------------- */

static const struct calc_arg rod_args[] = {
    { "resistivity_ohm_m", ARG_NUM, 1, 0, 0.01, 1e6, NULL, NULL },
    { "length_m", ARG_NUM, 1, 0, 0.1, 100, NULL, NULL },
    { "diameter_mm", ARG_NUM, 1, 0, 1, 500, NULL, NULL },
};

static int run_rod(const struct k3a_models *m, const struct calc_in *in,
                   struct calc_out *o)
{
    (void)m;
    out_num(o, "resistance_ohm", k3a_rod_ohm(in->num[0], in->num[1], in->num[2]));
    return 0;
}

static const struct calc_arg wenner_args[] = {
    { "spacing_m", ARG_NUM, 1, 0, 0.01, 1000, NULL, NULL },
    { "resistance_ohm", ARG_NUM, 1, 0, 0, 1e6, NULL, NULL },
    { "probe_depth_m", ARG_NUM, 0, 0, 0, 100, NULL, NULL },
};

static int run_wenner(const struct k3a_models *m, const struct calc_in *in,
                      struct calc_out *o)
{
    (void)m;
    out_num(o, "resistivity_ohm_m", k3a_wenner_rho(in->num[0], in->num[1], in->num[2]));
    return 0;
}

static const struct calc_arg ir_args[] = {
    { "reading_Mohm", ARG_NUM, 1, 0, 0, 1e7, NULL, NULL },
    { "temperature_C", ARG_NUM, 1, 0, -20, 200, NULL, NULL },
};

static int run_ir(const struct k3a_models *m, const struct calc_in *in,
                  struct calc_out *o)
{
    (void)m;
    out_num(o, "r40_Mohm", k3a_ir_40C(in->num[0], in->num[1]));
    return 0;
}

/* ---- ampacity, vdrop --------------------------------------------------------- */

static const char *const mat_words[] = { "Cu", "Al", NULL };
static const char *const ins_words[] = { "PVC", "XLPE", NULL };
static const char *const meth_words[] = { "A1", "A2", "B1", "B2", "C", "D1",
                                          "D2", "E", "F", NULL };
static const char *const arr_words[] = { "bunched", "wall", "tray", "ladder",
                                         NULL };

static const struct calc_arg amp_args[] = {
    { "material", ARG_WORD, 0, 0, 0, 0, mat_words, "Cu" },
    { "insulation", ARG_WORD, 0, 0, 0, 0, ins_words, "PVC" },
    { "size_mm2", ARG_NUM, 1, 0, 0.5, 1000, NULL, NULL },
    { "method", ARG_WORD, 1, 0, 0, 0, meth_words, NULL },
    { "loaded", ARG_NUM, 0, 3, 2, 3, NULL, NULL },
    { "ambient_C", ARG_NUM, 0, 0, -40, 150, NULL, NULL },
    { "grouped", ARG_NUM, 0, 1, 1, 1000, NULL, NULL },
    { "arrangement", ARG_WORD, 0, 0, 0, 0, arr_words, "bunched" },
};

static int run_ampacity(const struct k3a_models *m, const struct calc_in *in,
                        struct calc_out *o)
{
    struct k3a_ampacity_in ai;
    struct k3a_ampacity_out ao;
    unsigned fl;

    memset(&ai, 0, sizeof(ai));
    ai.material = (enum k3a_material)word_index(mat_words, in->word[0]);
    ai.insulation = (enum k3a_insulation_type)word_index(ins_words, in->word[1]);
    ai.size_mm2 = in->num[2];
    ai.method = (enum k3a_method)word_index(meth_words, in->word[3]);
    ai.loaded = (int)in->num[4];
    ai.ambient_C = in->given[5] ? in->num[5] : NAN;
    ai.grouped = (int)ceil(in->num[6] - 1e-9);
    ai.arrangement = (enum k3a_group_row)word_index(arr_words, in->word[7]);
    ai.parallel = 1;
    if (!(fabs(in->num[4] - 2) < 1e-9 || fabs(in->num[4] - 3) < 1e-9)) {
        snprintf(o->error, sizeof(o->error), "loaded: must be 2 or 3");
        return 2;
    }
    fl = k3a_ampacity(m, &ai, &ao);
    if (fl) {
        snprintf(o->error, sizeof(o->error), "%s",
                 fl & K3A_AMP_NO_TABLE
                     ? "no IEC 60364-5-52 table in models/ for this material, "
                       "insulation, loaded conductors and method"
                 : fl & K3A_AMP_SIZE
                     ? "size_mm2: not listed in the table (capacities are not "
                       "extrapolated)"
                 : fl & K3A_AMP_AMBIENT
                     ? "ambient_C: outside Table B.52.14/15"
                 : fl & K3A_AMP_GROUPING
                     ? "grouped: more circuits than Table B.52.17-19 lists"
                     : "no correction-factor table in models/");
        return 2;
    }
    {
        /* the note is English: each clause's English half of {id|en} */
        char b1[256], b2[256], b3[256];
        fprintf(stderr, "note: %g A (%s) x %.3g (%s) x %.3g (%s)\n", ao.itab_A,
                k3a_text_lang(ao.clause_table, K3A_LANG_EN, b1, sizeof(b1)), ao.k_temp,
                k3a_text_lang(ao.clause_temp, K3A_LANG_EN, b2, sizeof(b2)), ao.k_group,
                *ao.clause_group ? k3a_text_lang(ao.clause_group, K3A_LANG_EN, b3, sizeof(b3))
                                 : "single circuit");
    }
    out_num(o, "iz_A", ao.iz_A);
    return 0;
}

static const struct calc_arg vdrop_args[] = {
    { "current_A", ARG_NUM, 1, 0, 0, 1e6, NULL, NULL },
    { "length_m", ARG_NUM, 1, 0, 0, 1e5, NULL, NULL },
    { "size_mm2", ARG_NUM, 1, 0, 0.5, 1000, NULL, NULL },
    { "material", ARG_WORD, 0, 0, 0, 0, mat_words, "Cu" },
    { "phases", ARG_NUM, 0, 3, 1, 3, NULL, NULL },
    { "power_factor", ARG_NUM, 1, 0, 0.01, 1, NULL, NULL },
    { "voltage_V", ARG_NUM, 1, 0, 1, 1e6, NULL, NULL },
    { "insulation", ARG_WORD, 0, 0, 0, 0, ins_words, "PVC" },
    { "x_ohm_km", ARG_NUM, 0, 0.08, 0, 10, NULL, NULL },
    { "parallel", ARG_NUM, 0, 1, 1, 100, NULL, NULL },
};

static int run_vdrop(const struct k3a_models *m, const struct calc_in *in,
                     struct calc_out *o)
{
    enum k3a_material mat = (enum k3a_material)word_index(mat_words, in->word[3]);
    enum k3a_insulation_type ins =
        (enum k3a_insulation_type)word_index(ins_words, in->word[7]);
    int ph = (int)in->num[4];
    double r, v;

    if (!(fabs(in->num[4] - 1) < 1e-9 || fabs(in->num[4] - 3) < 1e-9)) {
        snprintf(o->error, sizeof(o->error), "phases: must be 1 or 3");
        return 2;
    }
    if (fabs(in->num[9] - floor(in->num[9])) > 1e-9) {
        snprintf(o->error, sizeof(o->error), "parallel: must be a whole number");
        return 2;
    }
    r = k3a_conductor_r_ohm_km(m, mat, in->num[2], 0,
                               k3a_conductor_max_C(m, ins));
    if (isnan(r)) {
        snprintf(o->error, sizeof(o->error),
                 "size_mm2: no IEC 60228 resistance in models/ for %g mm2 %s",
                 in->num[2], in->word[3]);
        return 2;
    }
    v = k3a_vdrop_V(ph, in->num[0], in->num[1], r, in->num[8], in->num[5],
                    (int)in->num[9]);
    out_num(o, "vdrop_V", v);
    out_num(o, "vdrop_pct", 100.0 * v / in->num[6]);
    return 0;
}

static const struct calc_arg pfc_args[] = {
    { "kW", ARG_NUM, 1, 0, 0, 1e7, NULL, NULL },
    { "pf_from", ARG_NUM, 1, 0, 0.01, 1, NULL, NULL },
    { "pf_to", ARG_NUM, 1, 0, 0.01, 1, NULL, NULL },
};

static int run_pfc(const struct k3a_models *m, const struct calc_in *in,
                   struct calc_out *o)
{
    (void)m;
    if (in->num[2] < in->num[1]) {
        snprintf(o->error, sizeof(o->error),
                 "pf_to: %g is below pf_from %g (nothing to correct)", in->num[2],
                 in->num[1]);
        return 2;
    }
    out_num(o, "kvar", k3a_pfc_kvar(in->num[0], in->num[1], in->num[2]));
    return 0;
}

#define NA(a) (sizeof(a) / sizeof((a)[0]))
static const struct calc_method methods[] = {
    { "arcflash", arc_args, NA(arc_args), run_arcflash,
      "IEEE 1584-2018 incident energy and boundary (Lee above 15 kV)" },
    { "fault", fault_args, NA(fault_args), run_fault,
      "IEC 60909 I''k at a transformer's secondary terminals" },
    { "relay", relay_args, NA(relay_args), run_relay,
      "operate time of an IEC 60255 / IEEE C37.112 / DT relay curve" },
    { "rod", rod_args, NA(rod_args), run_rod,
      "resistance of one driven rod (Dwight / IEEE 142)" },
    { "wenner", wenner_args, NA(wenner_args), run_wenner,
      "soil resistivity from a Wenner reading (IEEE 81)" },
    { "ir", ir_args, NA(ir_args), run_ir,
      "insulation resistance corrected to 40 C (IEEE 43)" },
    { "ampacity", amp_args, NA(amp_args), run_ampacity,
      "cable current-carrying capacity Iz (IEC 60364-5-52 Annex B)" },
    { "vdrop", vdrop_args, NA(vdrop_args), run_vdrop,
      "voltage drop of a cable (IEC 60364-5-52 Annex G)" },
    { "pfc", pfc_args, NA(pfc_args), run_pfc,
      "capacitor kvar to raise a power factor (P (tan phi1 - tan phi2))" },
};

static void print_number(FILE *fp, double v)
{
    char buf[64], *p;

    snprintf(buf, sizeof(buf), "%.6g", v);
    for (p = buf; *p; p++)
        if (*p == ',')
            *p = '.';
    fputs(buf, fp);
}

static void method_usage(const struct calc_method *cm, FILE *fp)
{
    size_t i;

    fprintf(fp, "usage: k3audit calc %s", cm->name);
    for (i = 0; i < cm->n_args; i++)
        fprintf(fp, " %s%s=...%s", cm->args[i].required ? "" : "[",
                cm->args[i].key, cm->args[i].required ? "" : "]");
    fprintf(fp, " [--json]\n");
}

/* The method named name, or NULL with the error printed (and the
 * nearest name suggested). */
static const struct calc_method *find_method(const char *name)
{
    size_t k;

    for (k = 0; k < NA(methods); k++)
        if (strcmp(methods[k].name, name) == 0)
            return &methods[k];
    fprintf(stderr, "k3audit calc: unknown method '%s'", cli_safe(name));
    for (k = 0; k < NA(methods); k++)
        if (k3a_edit_distance(name, methods[k].name) <= 2) {
            fprintf(stderr, " (did you mean '%s'?)", methods[k].name);
            break;
        }
    fprintf(stderr, "\n");
    return NULL;
}

/* The key of a key=value argument (eq: its '='), cut to n - 1 bytes; its
 * index among the method's arguments, or -1 with the error printed (and
 * the nearest key suggested). */
static int find_arg(const struct calc_method *cm, const char *arg, const char *eq, char *key,
                    size_t n)
{
    const char *sug = NULL;
    size_t klen = (size_t)(eq - arg), k;
    int found = -1;

    if (klen >= n)
        klen = n - 1;
    memcpy(key, arg, klen);
    key[klen] = '\0';
    for (k = 0; k < cm->n_args; k++)
        if (strcmp(cm->args[k].key, key) == 0)
            found = (int)k;
    if (found >= 0)
        return found;
    for (k = 0; k < cm->n_args; k++)
        if (k3a_edit_distance(key, cm->args[k].key) <= 3)
            sug = cm->args[k].key;
    fprintf(stderr, "k3audit calc %s: %s: unknown key%s%s%s\n", cm->name, cli_safe(key),
            sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
    return -1;
}

/* One key=value argument into in: a known key, given once, a known word
 * or a number in range.  0, or -1 with the error printed. */
static int take_arg(const struct calc_method *cm, struct calc_in *in, const char *arg)
{
    const char *eq = strchr(arg, '=');
    char key[64], msg[200];
    size_t k;
    int found, bad = 0;

    if (!eq || eq == arg) {
        fprintf(stderr, "k3audit calc %s: '%s' is not key=value\n", cm->name, cli_safe(arg));
        return -1;
    }
    if ((found = find_arg(cm, arg, eq, key, sizeof(key))) < 0)
        return -1;
    if (in->given[found]) {
        fprintf(stderr, "k3audit calc %s: %s: given twice\n", cm->name, cli_safe(key));
        return -1;
    }
    in->given[found] = 1;
    if (cm->args[found].type == ARG_WORD) {
        if (word_index(cm->args[found].words, eq + 1) < 0) {
            fprintf(stderr, "k3audit calc %s: %s: unknown value '%s' (expected",
                    cm->name, cli_safe(key), cli_safe(eq + 1));
            for (k = 0; cm->args[found].words[k]; k++)
                fprintf(stderr, "%s%s", k ? " | " : " ",
                        cm->args[found].words[k]);
            fprintf(stderr, ")\n");
            bad = 1;
        }
        in->word[found] = eq + 1;
    } else if (k3a_parse_number(eq + 1, &in->num[found], msg, sizeof(msg))) {
        fprintf(stderr, "k3audit calc %s: %s: %s\n", cm->name, cli_safe(key), cli_safe(msg));
        bad = 1;
    } else if (in->num[found] < cm->args[found].lo ||
               in->num[found] > cm->args[found].hi) {
        fprintf(stderr,
                "k3audit calc %s: %s: %g is out of range (expected %g to %g)\n",
                cm->name, key, in->num[found], cm->args[found].lo,
                cm->args[found].hi);
        bad = 1;
    }
    return bad ? -1 : 0;
}

/* The arguments after the method: key=value, --json, --models DIR; every
 * problem printed.  0, or -1 when any was bad or a required key is
 * missing. */
static int take_args(const struct calc_method *cm, struct calc_in *in, int argc, char **argv,
                     int *json, const char **models_dir)
{
    int i, bad = 0;
    size_t k;

    for (k = 0; k < cm->n_args; k++) {
        in->num[k] = cm->args[k].def;
        in->word[k] = cm->args[k].def_word;
    }
    for (i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            *json = 1;
        else if (strncmp(argv[i], "--models=", 9) == 0)
            *models_dir = argv[i] + 9;
        else if (strcmp(argv[i], "--models") == 0 && i + 1 < argc)
            *models_dir = argv[++i];
        else if (take_arg(cm, in, argv[i]) != 0)
            bad = 1;
    }
    for (k = 0; k < cm->n_args; k++)
        if (cm->args[k].required && !in->given[k]) {
            fprintf(stderr, "k3audit calc %s: %s: missing\n", cm->name,
                    cm->args[k].key);
            bad = 1;
        }
    return bad ? -1 : 0;
}

/* The results: `key = value` lines, or one JSON object. */
static void print_out(const struct calc_out *out, int json)
{
    size_t k;

    if (json)
        fputs("{", stdout);
    for (k = 0; k < out->n; k++) {
        if (json) {
            printf("%s\"%s\": ", k ? ", " : "", out->key[k]);
            if (out->text[k])
                printf("\"%s\"", out->text[k]);
            else
                print_number(stdout, out->num[k]);
        } else {
            printf("%s = ", out->key[k]);
            if (out->text[k])
                fputs(out->text[k], stdout);
            else
                print_number(stdout, out->num[k]);
            putchar('\n');
        }
    }
    if (json)
        fputs("}\n", stdout);
}

int cmd_calc(int argc, char **argv)
{
    const struct calc_method *cm;
    struct calc_in in;
    struct calc_out out;
    struct k3a_models models;
    const char *models_dir = NULL;
    int json = 0, rc;
    size_t k;

    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        fprintf(argc < 2 ? stderr : stdout,
                "usage: k3audit calc METHOD key=value... [--json]\nmethods:\n");
        for (k = 0; k < NA(methods); k++)
            fprintf(argc < 2 ? stderr : stdout, "  %-10s %s\n", methods[k].name,
                    methods[k].summary);
        return argc < 2 ? EXIT_INPUT : EXIT_OK;
    }
    if (!(cm = find_method(argv[1])))
        return EXIT_INPUT;
    memset(&in, 0, sizeof(in));
    memset(&out, 0, sizeof(out));
    if (take_args(cm, &in, argc, argv, &json, &models_dir) != 0) {
        method_usage(cm, stderr);
        return EXIT_INPUT;
    }
    if ((rc = cli_load_models(&models, models_dir)) != 0)
        return rc;
    rc = cm->run(&models, &in, &out);
    k3a_models_release(&models);
    if (rc) {
        fprintf(stderr, "k3audit calc %s: %s\n", cm->name, out.error);
        return EXIT_INPUT;
    }
    print_out(&out, json);
    return EXIT_OK;
}
