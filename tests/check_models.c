/*
 * check_models.c - the built-in model tables load cleanly, hold the
 * published values, and a bad table is reported like a bad site file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "k3audit/models.h"
#include "tests.h"

START_TEST(builtin_tables_load_without_diagnostics)
{
    struct k3a_models m;
    struct k3a_diag_list dl;

    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, NULL, &dl), K3A_OK);
    ck_assert_int_eq((int)dl.n, 0);
    ck_assert_ptr_nonnull(k3a_models_find(&m, "limits-puil2011"));
    ck_assert_ptr_nonnull(k3a_models_find(&m, "ieee1584-equipment"));
    ck_assert_ptr_nonnull(k3a_models_find(&m, "observations"));
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
}
END_TEST

START_TEST(puil_tabel_6a_rows)
{
    struct k3a_models m;
    struct k3a_diag_list dl;
    const struct k3a_model_file *f;

    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, NULL, &dl), K3A_OK);
    f = k3a_models_limits(&m, "puil2011");
    ck_assert_ptr_nonnull(f);
    /* PUIL 2011 Tabel 6A (= IEC 60364-6 Table 6A): SELV/PELV 250 V 0.5
     * Mohm; <= 500 V at 500 V 1.0 Mohm; > 500 V at 1000 V 1.0 Mohm */
    ck_assert_int_eq((int)f->n_ir, 3);
    ck_assert_double_eq_tol(f->ir[0].test_V, 250, 1e-9);
    ck_assert_double_eq_tol(f->ir[0].min_Mohm, 0.5, 1e-9);
    ck_assert_double_eq_tol(f->ir[1].max_nominal_V, 500, 1e-9);
    ck_assert_double_eq_tol(f->ir[1].min_Mohm, 1.0, 1e-9);
    ck_assert_double_eq_tol(f->ir[2].test_V, 1000, 1e-9);
    /* IEC 60364-4-41 Table 41.1, 120 < U0 <= 230 V: TN 0.4 s, TT 0.2 s */
    {
        size_t i;
        int seen = 0;
        for (i = 0; i < f->n_disc; i++)
            if (f->disc[i].u0_max_V > 229 && f->disc[i].u0_max_V < 231) {
                ck_assert_double_eq_tol(f->disc[i].final_s,
                                        f->disc[i].system == K3A_DISC_TN ? 0.4
                                                                         : 0.2,
                                        1e-12);
                seen++;
            }
        ck_assert_int_eq(seen, 2);
    }
    ck_assert_double_eq_tol(k3a_model_param(f, "touch_voltage_wet_V")->value,
                            25, 1e-12);
    ck_assert_double_eq_tol(
        k3a_model_param(f, "lightning_test_interval_months")->value, 24, 1e-12);
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
}
END_TEST

/* A param is found by its exact name in every built-in file (the file's
 * name index is a shortcut, never a different answer): each param's own
 * row, nothing for an unknown name or one differing in case. */
START_TEST(params_found_by_exact_name)
{
    struct k3a_models m;
    struct k3a_diag_list dl;
    size_t i, j, n = 0;

    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, NULL, &dl), K3A_OK);
    for (i = 0; i < m.n; i++) {
        const struct k3a_model_file *f = &m.files[i];
        for (j = 0; j < f->n_params; j++) {
            char upper[96];
            size_t k;
            const char *name = f->params[j].hdr.name;
            ck_assert_ptr_eq(k3a_model_param(f, name), &f->params[j]);
            for (k = 0; name[k] && k + 1 < sizeof(upper); k++)
                upper[k] = (char)(name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]);
            upper[k] = '\0';
            if (strcmp(upper, name) != 0)
                ck_assert_ptr_null(k3a_model_param(f, upper));
            n++;
        }
        ck_assert_ptr_null(k3a_model_param(f, "no_such_param_anywhere"));
    }
    ck_assert_uint_gt(n, 20);
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
}
END_TEST

START_TEST(equipment_class_rows_by_voltage)
{
    struct k3a_models m;
    struct k3a_diag_list dl;
    const struct k3a_equip_class *c;

    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, NULL, &dl), K3A_OK);
    /* IEEE 1584-2018 Table 8: 5 kV switchgear 104 mm; 15 kV switchgear
     * 152 mm, 1143 x 762 mm; Table 10: 914.4 mm */
    c = k3a_models_equip_class(&m, K3A_EQ_SWITCHGEAR, 4.16);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(c->gap_mm, 104, 1e-9);
    c = k3a_models_equip_class(&m, K3A_EQ_SWITCHGEAR, 13.8);
    ck_assert_double_eq_tol(c->gap_mm, 152, 1e-9);
    ck_assert_double_eq_tol(c->height_mm, 1143, 1e-9);
    ck_assert_double_eq_tol(c->width_mm, 762, 1e-9);
    ck_assert_double_eq_tol(c->working_distance_mm, 914.4, 1e-9);
    c = k3a_models_equip_class(&m, K3A_EQ_JUNCTION_BOX, 0.4);
    ck_assert_double_eq_tol(c->gap_mm, 13, 1e-9);
    ck_assert_ptr_null(k3a_models_equip_class(&m, K3A_EQ_OPEN_AIR, 0.4));
    /* exactly 0.6 kV is still the LV row (IEEE 1584-2018: 208-600 V) */
    c = k3a_models_equip_class(&m, K3A_EQ_SWITCHBOARD, 0.6);
    ck_assert_double_eq_tol(c->gap_mm, 32, 1e-9);
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
}
END_TEST

static char dir_template[64];

static const char *write_dir_file(const char *name, const char *text)
{
    static char path[256];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", dir_template, name);
    fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

START_TEST(a_bad_table_in_models_dir_is_reported_with_lines)
{
    struct k3a_models m;
    struct k3a_diag_list dl;
    char buf[600];
    size_t i;
    int found_range = 0, found_missing = 0;

    snprintf(dir_template, sizeof(dir_template), "/tmp/k3a-models-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir_template));
    write_dir_file("limits-puil2011.ini",
                   "[model]\nid = limits-puil2011\ntitle = t\nsource = s\n"
                   "year = 2011\nversion = 2\nconfidence = I\n"
                   "[earthing e]\npurpose = system\nmax_ohm = -5\n"
                   "clause = x\nconfidence = I\n");
    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, dir_template, &dl), K3A_E_INPUT);
    for (i = 0; i < dl.n; i++) {
        k3a_diag_format(&dl.v[i], buf, sizeof(buf));
        if (strstr(buf, "limits-puil2011.ini:10: error: [earthing e] max_ohm: "
                        "-5 ohm is out of range"))
            found_range = 1;
        if (strstr(buf, "needs [param touch_voltage_dry_V]"))
            found_missing = 1;
    }
    ck_assert(found_range);
    ck_assert(found_missing);
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
    unlink(write_dir_file("limits-puil2011.ini", ""));
    rmdir(dir_template);
}
END_TEST

START_TEST(models_dir_replaces_builtin_file)
{
    struct k3a_models m;
    struct k3a_diag_list dl;
    size_t i;
    int builtin_obs = 0, dir_obs = 0;

    snprintf(dir_template, sizeof(dir_template), "/tmp/k3a-models-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir_template));
    write_dir_file("observations.ini",
                   "[model]\nid = observations\ntitle = t\nsource = s\n"
                   "year = 2020\nversion = 9\nconfidence = I\n"
                   "[item custom_check]\nlabel_id = a\nlabel_en = b\n"
                   "group = physical\n");
    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    ck_assert_int_eq(k3a_models_load(&m, dir_template, &dl), K3A_OK);
    for (i = 0; i < m.n; i++)
        if (m.files[i].meta.id && strcmp(m.files[i].meta.id, "observations") == 0) {
            if (m.files[i].builtin)
                builtin_obs++;
            else
                dir_obs++;
        }
    ck_assert_int_eq(builtin_obs, 0);
    ck_assert_int_eq(dir_obs, 1);
    ck_assert_ptr_nonnull(k3a_models_obs_item(&m, "custom_check"));
    ck_assert_ptr_null(k3a_models_obs_item(&m, "panel_door_lock"));
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
    unlink(write_dir_file("observations.ini", ""));
    rmdir(dir_template);
}
END_TEST

/* issue 20: a model param is checked against its physical range at load,
 * both sides of each bound (protection.ini's curve_max_multiple: above 1,
 * at most 1000; ieee1584-2018's joule_per_cal: 4.18 to 4.19, the
 * thermochemical 4.184 and the international 4.1868 calorie). */
static int load_with_value(const char *file, const char *param, const char *value,
                           int *line_out, char *first, size_t n)
{
    char src[128], *text, *p, *q, *out;
    FILE *fp;
    long len;
    struct k3a_models m;
    struct k3a_diag_list dl;
    enum k3a_status st;
    char head[96];

    snprintf(src, sizeof(src), "models/%s", file);
    fp = fopen(src, "rb");
    ck_assert_ptr_nonnull(fp);
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    rewind(fp);
    text = calloc((size_t)len + 1, 1);
    ck_assert_uint_eq(fread(text, 1, (size_t)len, fp), (size_t)len);
    fclose(fp);
    snprintf(head, sizeof(head), "[param %s]\nvalue = ", param);
    p = strstr(text, head);
    ck_assert_ptr_nonnull(p);
    p += strlen(head);
    q = strchr(p, '\n');
    out = calloc((size_t)len + 64, 1);
    memcpy(out, text, (size_t)(p - text));
    strcat(out, value);
    strcat(out, q);
    *line_out = 1;
    for (q = text; q < p; q++)
        *line_out += *q == '\n';
    snprintf(dir_template, sizeof(dir_template), "/tmp/k3a-models-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir_template));
    write_dir_file(file, out);
    k3a_models_init(&m);
    k3a_diag_list_init(&dl);
    st = k3a_models_load(&m, dir_template, &dl);
    first[0] = '\0';
    if (dl.n)
        k3a_diag_format(&dl.v[0], first, n);
    k3a_diag_list_release(&dl);
    k3a_models_release(&m);
    unlink(write_dir_file(file, ""));
    rmdir(dir_template);
    free(text);
    free(out);
    return st == K3A_OK;
}

START_TEST(model_params_are_checked_on_both_sides_of_their_range)
{
    static const struct {
        const char *file, *param, *value;
        int ok;
        const char *msg;
    } cases[] = {
        { "protection.ini", "curve_max_multiple", "1", 0,
          "value: 1 is out of range (expected above 1 to 1000)" },
        { "protection.ini", "curve_max_multiple", "1.5", 1, "" },
        { "protection.ini", "curve_max_multiple", "1000", 1, "" },
        { "protection.ini", "curve_max_multiple", "1000.5", 0,
          "value: 1000.5 is out of range (expected above 1 to 1000)" },
        { "ieee1584-2018.ini", "joule_per_cal", "4.184", 1, "" },
        { "ieee1584-2018.ini", "joule_per_cal", "4.1868", 1, "" },
        { "ieee1584-2018.ini", "joule_per_cal", "4.17", 0,
          "value: 4.17 is out of range (expected 4.18 to 4.19 J/cal)" },
        { "ieee1584-2018.ini", "joule_per_cal", "4.2", 0,
          "value: 4.2 is out of range (expected 4.18 to 4.19 J/cal)" },
        { "ieee1584-2018.ini", "lee_factor", "0", 0, "value: 0 is out of range" },
        { "iec60909.ini", "c_min_lv", "-0.95", 0, "value: -0.95 is out of range" },
        { "iec60909.ini", "kt_factor", "0", 0, "value: 0 is out of range" },
        { "energy.ini", "pfc_step_kvar", "0", 0, "value: 0 is out of range" },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char first[600], want[200];
        int line, ok = load_with_value(cases[i].file, cases[i].param, cases[i].value, &line,
                                       first, sizeof(first));
        ck_assert_msg(ok == cases[i].ok, "%s %s = %s: %s", cases[i].file, cases[i].param,
                      cases[i].value, first);
        if (!cases[i].ok) {
            snprintf(want, sizeof(want), "/%s:%d: error: [param %s] %s", cases[i].file, line,
                     cases[i].param, cases[i].msg);
            ck_assert_msg(strstr(first, want) != NULL, "got '%s', want '%s'", first, want);
        }
    }
}
END_TEST

Suite *models_suite(void)
{
    Suite *s = suite_create("models");
    TCase *tc = tcase_create("tables");

    tcase_add_test(tc, builtin_tables_load_without_diagnostics);
    tcase_add_test(tc, puil_tabel_6a_rows);
    tcase_add_test(tc, equipment_class_rows_by_voltage);
    tcase_add_test(tc, params_found_by_exact_name);
    tcase_add_test(tc, a_bad_table_in_models_dir_is_reported_with_lines);
    tcase_add_test(tc, models_dir_replaces_builtin_file);
    tcase_add_test(tc, model_params_are_checked_on_both_sides_of_their_range);
    suite_add_tcase(s, tc);
    return s;
}
