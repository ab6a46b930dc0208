/*
 * report_json.c - the JSON form of an audit (cli.md "JSON of audit").
 * Every top-level key is present even when empty; numbers are written
 * with a point whatever the locale; NaN is never written (null instead).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base.h"
#include "parse.h"
#include "k3audit/history.h"
#include "k3audit/report.h"
#include "k3audit/text.h"
#include "k3audit/textclean.h"

static void jstr(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");

    if (!s) {
        fputs("null", fp);
        return;
    }
    fputc('"', fp);
    for (; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", fp);
            break;
        case '\\':
            fputs("\\\\", fp);
            break;
        case '\n':
            fputs("\\n", fp);
            break;
        case '\r':
            fputs("\\r", fp);
            break;
        case '\t':
            fputs("\\t", fp);
            break;
        default:
            if (*p < 0x20 || *p == 0x7F) {
                fprintf(fp, "\\u%04x", *p);
            } else if (*p >= 0x80) {
                /* a C1 control (a terminal's CSI) or invalid UTF-8 (a
                 * path): \u0080..\u009f, or U+FFFD per bad byte, so
                 * the JSON stays valid UTF-8 and safe on a terminal */
                char one[5] = { 0 };
                size_t k = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;
                size_t j;
                for (j = 0; j < k && p[j]; j++)
                    one[j] = (char)p[j];
                if (j == k && !k3a_text_needs_clean(one, 0)) {
                    fwrite(one, 1, k, fp);
                    p += k - 1;
                } else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
                    fprintf(fp, "\\u%04x", p[1]);
                    p++;
                } else {
                    fputs("\\ufffd", fp);
                }
            } else {
                fputc(*p, fp);
            }
        }
    }
    fputc('"', fp);
}

static void jnum(FILE *fp, double v)
{
    char buf[40];

    if (!isfinite(v)) {
        fputs("null", fp);
        return;
    }
    k3a__fmt_double(buf, sizeof(buf), v);
    fputs(buf, fp);
}

static void jdate(FILE *fp, struct k3a_date d)
{
    if (!d.y)
        fputs("null", fp);
    else
        fprintf(fp, "\"%04d-%02d-%02d\"", d.y, d.m, d.d);
}


/* ', "key": value' after the first field of an object. */
static void jnum_kv(FILE *fp, const char *key, double v)
{
    fprintf(fp, ", \"%s\": ", key);
    jnum(fp, v);
}

static void jstr_kv(FILE *fp, const char *key, const char *v)
{
    fprintf(fp, ", \"%s\": ", key);
    jstr(fp, v);
}

static void jdate_kv(FILE *fp, const char *key, struct k3a_date d)
{
    fprintf(fp, ", \"%s\": ", key);
    jdate(fp, d);
}

static const char *verdict_word(enum k3a_verdict v)
{
    switch (v) {
    case K3A_PASS:
        return "pass";
    case K3A_FAIL:
        return "fail";
    case K3A_WARN:
        return "warn";
    }
    return "warn";
}

static void bus_sc(FILE *fp, const struct k3a_results *r, size_t i)
{
    const struct k3a_site *s = r->site;
    int c, first = 1;

    if (!r->sc.has_case[K3A_CASE_MAX] || !r->prot)
        return;
    {
        const struct k3a_sc_point *p = &r->sc.bus[K3A_CASE_MAX][i];
        const struct k3a_clearing *cl = &r->prot[i].at_ik3[K3A_CASE_MAX];
        jnum_kv(fp, "ik3_kA", p->energized ? p->ik3_kA : NAN);
        jnum_kv(fp, "ip_kA", p->energized ? p->ip_kA : NAN);
        jnum_kv(fp, "clearing_time_s", p->energized ? cl->time_s : NAN);
        jstr_kv(fp, "clearing_device", cl->device >= 0 ? s->devices[cl->device].hdr.name : NULL);
        fprintf(fp, ", \"clearing_capped\": %s", cl->capped ? "true" : "false");
    }
    if (r->arc) {
        const struct k3a_bus_arc *a = &r->arc[i];
        fputs(", \"arcflash\": ", fp);
        if (a->single_phase) {
            fputs("{\"method\": \"n/a (single-phase)\"}", fp);
        } else if (!a->available) {
            fputs("null", fp);
        } else {
            fputs("{\"iarc_kA\": ", fp);
            jnum(fp, a->out.iarc_kA);
            jnum_kv(fp, "iarc_min_kA", a->out.iarc_min_kA);
            jnum_kv(fp, "time_ms", a->in.t_ms);
            jnum_kv(fp, "time_min_ms", a->in.t_min_ms);
            jnum_kv(fp, "energy_cal_cm2", a->out.energy_cal_cm2);
            jnum_kv(fp, "afb_mm", a->out.afb_gov_mm);
            fprintf(fp, ", \"governing\": \"%s\", \"clearing_device\": ",
                    a->out.governing ? "reduced" : "full");
            {
                int32_t dv = a->out.governing ? a->device_min : a->device;
                jstr(fp, dv >= 0 ? s->devices[dv].hdr.name : NULL);
            }
            jstr_kv(fp, "ppe_category", a->ppe);
            fprintf(fp, ", \"method\": \"%s\", \"case\": \"%s\"",
                    a->out.method == K3A_ARC_LEE ? "lee" : "ieee1584_2018",
                    k3a_sc_case_name(a->sc_case));
            jnum_kv(fp, "working_distance_mm", a->in.distance_mm);
            fputs(", \"electrode\": ", fp);
            {
                static const char *const ec[] = { "VCB", "VCBB", "HCB", "VOA",
                                                  "HOA" };
                jstr(fp, ec[a->in.electrode]);
            }
            fputs(", \"warnings\": [", fp);
            {
                unsigned w, n = 0;
                for (w = 0; w < K3A_ARC_WARN_COUNT; w++)
                    if (a->out.warnings & (1u << w)) {
                        fputs(n++ ? ", " : "", fp);
                        jstr(fp, k3a_arc_warn_text(w));
                    }
            }
            fputs("]}", fp);
        }
    }
    fputs(", \"cases\": {", fp);
    for (c = 0; c < K3A_CASE_COUNT; c++) {
        const struct k3a_sc_point *p;
        const struct k3a_clearing *cl = &r->prot[i].at_ik3[c];
        if (!r->sc.has_case[c])
            continue;
        p = &r->sc.bus[c][i];
        fprintf(fp, "%s\"%s\": {\"energized\": %s", first ? "" : ", ",
                k3a_sc_case_name((enum k3a_sc_case)c),
                p->energized ? "true" : "false");
        first = 0;
        if (p->energized) {
            jnum_kv(fp, "c", p->c);
            jnum_kv(fp, "ik3_kA", p->ik3_kA);
            jnum_kv(fp, "ip_kA", p->ip_kA);
            jnum_kv(fp, "r_over_x", p->r_over_x);
            jnum_kv(fp, "kappa", p->kappa);
            jnum_kv(fp, "ik1_kA", p->has_ik1 ? p->ik1_kA : NAN);
            jnum_kv(fp, "clearing_time_s", cl->time_s);
            jstr_kv(fp, "clearing_device", cl->device >= 0 ? s->devices[cl->device].hdr.name : NULL);
        }
        fputs("}", fp);
    }
    fputs("}", fp);
}

/* A given value of an element (null when the site file lacks it). */
static double given(enum k3a_kind k, const struct k3a_elem *e, const char *key, double v)
{
    return k3a_elem_given(k, e, key) ? v : NAN;
}

/* The instruments and test date of a measurement, as its certificate
 * names them. */
static void meas_json(FILE *fp, const struct k3a_site *s, const struct k3a_meas *m)
{
    size_t j;

    fputs(", \"instruments\": [", fp);
    for (j = 0; j < m->instrument.n; j++) {
        const struct k3a_ref *rf = &m->instrument.v[j];
        const struct k3a_instrument *in =
            rf->idx >= 0 && (size_t)rf->idx < s->n_instruments ? &s->instruments[rf->idx]
                                                               : NULL;
        fputs(j ? ", {\"name\": " : "{\"name\": ", fp);
        jstr(fp, rf->name);
        if (in) {
            jstr_kv(fp, "make", in->hdr.make);
            jstr_kv(fp, "model", in->hdr.model);
            jstr_kv(fp, "serial", in->hdr.serial);
            jdate_kv(fp, "calibration_due", in->calibration_due);
        }
        fputs("}", fp);
    }
    fputs("]", fp);
    jdate_kv(fp, "test_date", m->test_date.y ? m->test_date : s->site.audit_date);
}

static void tx_json(FILE *fp, const struct k3a_tx_res *tr)
{
    jnum_kv(fp, "loading_pct", tr->loading_pct);
    jnum_kv(fp, "load_kVA", tr->s_kVA);
    jnum_kv(fp, "losses_kW", tr->losses_kW);
}

static void cable_json(FILE *fp, const struct k3a_cable_res *cr)
{
    jnum_kv(fp, "ib_A", cr->ib_A);
    jnum_kv(fp, "iz_A", cr->iz_A);
    jnum_kv(fp, "loading_pct", cr->loading_pct);
    jnum_kv(fp, "vdrop_pct", cr->has_vdrop ? cr->vdrop_end_pct : NAN);
    jnum_kv(fp, "in_A", cr->in_A);
}

static void earthing_json(FILE *fp, const struct k3a_earth_res *er)
{
    jnum_kv(fp, "resistance_ohm", er->judged_ohm > 0 ? er->judged_ohm : NAN);
    jnum_kv(fp, "limit_ohm", er->limit_ohm);
    fprintf(fp, ", \"verdict\": \"%s\"",
            er->judged_ohm > 0 && isfinite(er->limit_ohm)
                ? verdict_word(er->verdict)
                : "warn");
}

static void insulation_json(FILE *fp, const struct k3a_ir_res *ir)
{
    jnum_kv(fp, "min_Mohm", ir->min_Mohm);
    jnum_kv(fp, "limit_Mohm", ir->limit_Mohm);
    jnum_kv(fp, "pi", ir->has_pi ? ir->pi : NAN);
    jnum_kv(fp, "dar", ir->has_dar ? ir->dar : NAN);
    fprintf(fp, ", \"verdict\": \"%s\"",
            isfinite(ir->limit_Mohm) ? verdict_word(ir->verdict) : "warn");
}

static void loop_json(FILE *fp, const struct k3a_results *r, size_t i)
{
    const struct k3a_site *s = r->site;
    const enum k3a_kind k = K3A_KIND_LOOP;
    const struct k3a_loop *t = &s->loops[i];
    const struct k3a_loop_res *lr = r->loop ? &r->loop[i] : NULL;

    jstr_kv(fp, "circuit", t->circuit.name ? t->circuit.name : t->location);
    /* the device and touch voltage the findings judge (the test's or its
     * circuit's device; a touch voltage measured, or calculated as
     * U0 R_PE / Zs: touch_V_calculated) */
    jstr_kv(fp, "device", lr && lr->device >= 0 ? s->devices[lr->device].hdr.name
                                                : t->device.name);
    jnum_kv(fp, "zs_ohm", given(k, &t->hdr, "zs_ohm", t->zs_ohm));
    jnum_kv(fp, "psc_kA", given(k, &t->hdr, "psc_kA", t->psc_kA));
    jnum_kv(fp, "pe_ohm", given(k, &t->hdr, "pe_ohm", t->pe_ohm));
    jnum_kv(fp, "touch_V", lr ? lr->touch_V
                              : given(k, &t->hdr, "touch_V", t->touch_V.value));
    fprintf(fp, ", \"touch_V_calculated\": %s",
            lr && lr->touch_calc ? "true" : "false");
    meas_json(fp, s, &t->meas);
}

static void rcd_json(FILE *fp, const struct k3a_site *s, size_t i)
{
    static const char *const types[] = { "AC", "A", "F", "B" };
    const enum k3a_kind k = K3A_KIND_RCD;
    const struct k3a_rcd *t = &s->rcds[i];

    jstr_kv(fp, "device", t->device.name ? t->device.name : t->bus.name);
    jstr_kv(fp, "type", types[t->type]);
    jnum_kv(fp, "rated_mA", t->rated_mA);
    jnum_kv(fp, "trip_ms_1x", given(k, &t->hdr, "trip_ms_1x", t->trip_ms_1x.value));
    jnum_kv(fp, "trip_ms_5x", given(k, &t->hdr, "trip_ms_5x", t->trip_ms_5x.value));
    jnum_kv(fp, "trip_mA", given(k, &t->hdr, "trip_mA", t->trip_mA.value));
    meas_json(fp, s, &t->meas);
}

static void thermography_json(FILE *fp, const struct k3a_results *r, size_t i)
{
    const struct k3a_site *s = r->site;
    const struct k3a_thermography *t = &s->thermographies[i];

    jstr_kv(fp, "bus", t->bus.name ? t->bus.name : t->location);
    jstr_kv(fp, "component", t->component);
    jnum_kv(fp, "temp_C", t->temp_C);
    if (r->thermo) {
        jnum_kv(fp, "dt_similar_C", r->thermo[i].dt_similar_C);
        jnum_kv(fp, "dt_ambient_C", r->thermo[i].dt_ambient_C);
        jnum_kv(fp, "priority", r->thermo[i].priority ? (double)r->thermo[i].priority
                                                      : (double)NAN);
    }
    meas_json(fp, s, &t->meas);
}

static void pq_json(FILE *fp, const struct k3a_results *r, size_t i)
{
    const struct k3a_site *s = r->site;
    const enum k3a_kind k = K3A_KIND_PQ;
    const struct k3a_pq *q = &s->pqs[i];

    jstr_kv(fp, "bus", q->bus.name);
    if (r->pq) {
        const struct k3a_pq_res *pr = &r->pq[i];
        jnum_kv(fp, "voltage_dev_max_pct", pr->has_v ? pr->dev_max_pct : NAN);
        jnum_kv(fp, "voltage_dev_min_pct", pr->has_v ? pr->dev_min_pct : NAN);
        jnum_kv(fp, "unbalance_nema_pct", q->voltage_V.n == 3 ? pr->unb_nema_pct : NAN);
        jnum_kv(fp, "unbalance_iec_pct", q->voltage_V.n == 3 ? pr->unb_iec_pct : NAN);
        jnum_kv(fp, "current_unbalance_pct", pr->has_i ? pr->i_unb_pct : NAN);
        jnum_kv(fp, "tdd_limit_pct", pr->tdd_limit_pct > 0 ? pr->tdd_limit_pct : NAN);
    }
    jnum_kv(fp, "power_factor", given(k, &q->hdr, "power_factor", q->power_factor));
    jnum_kv(fp, "thd_v_pct", given(k, &q->hdr, "thd_v_pct", q->thd_v_pct));
    jnum_kv(fp, "thd_i_pct", given(k, &q->hdr, "thd_i_pct", q->thd_i_pct));
    meas_json(fp, s, &q->meas);
}

static void lightning_json(FILE *fp, const struct k3a_site *s, size_t i)
{
    static const char *const types[] = { "conventional", "ese", "mesh", "other" };
    const enum k3a_kind k = K3A_KIND_LIGHTNING;
    const struct k3a_lightning *t = &s->lightnings[i];

    jstr_kv(fp, "type", types[t->type]);
    jnum_kv(fp, "air_terminals", given(k, &t->hdr, "air_terminals",
                                       (double)t->air_terminals));
    jnum_kv(fp, "down_conductors", given(k, &t->hdr, "down_conductors",
                                         (double)t->down_conductors));
    jnum_kv(fp, "down_conductor_mm2", given(k, &t->hdr, "down_conductor_mm2",
                                            t->down_conductor_mm2));
    meas_json(fp, s, &t->meas);
}

static void device_json(FILE *fp, const struct k3a_results *r, size_t i)
{
    const struct k3a_device *d = &r->site->devices[i];

    jstr_kv(fp, "at", d->at.name);
    jnum_kv(fp, "breaking_kA", k3a_elem_given(K3A_KIND_DEVICE, &d->hdr, "breaking_kA")
                 ? d->breaking_kA
                 : NAN);
    jnum_kv(fp, "prospective_kA", d->at.idx >= 0 ? k3a_sc_max_ik3_kA(&r->sc, d->at.kind,
                                                (size_t)d->at.idx)
                            : NAN);
}

/* What the JSON gives of element i of kind k beyond its name. */
static void element_json(FILE *fp, const struct k3a_results *r, enum k3a_kind k, size_t i)
{
    const struct k3a_site *s = r->site;

    switch (k) {
    case K3A_KIND_BUS:
        jnum_kv(fp, "voltage_kV", s->buses[i].voltage_kV);
        bus_sc(fp, r, i);
        break;
    case K3A_KIND_TRANSFORMER:
        if (r->tx)
            tx_json(fp, &r->tx[i]);
        break;
    case K3A_KIND_CABLE:
        if (r->cables)
            cable_json(fp, &r->cables[i]);
        break;
    case K3A_KIND_EARTHING:
        if (r->earth)
            earthing_json(fp, &r->earth[i]);
        break;
    case K3A_KIND_INSULATION:
        if (r->ir)
            insulation_json(fp, &r->ir[i]);
        break;
    case K3A_KIND_LOOP:
        loop_json(fp, r, i);
        break;
    case K3A_KIND_RCD:
        rcd_json(fp, s, i);
        break;
    case K3A_KIND_THERMOGRAPHY:
        thermography_json(fp, r, i);
        break;
    case K3A_KIND_PQ:
        pq_json(fp, r, i);
        break;
    case K3A_KIND_LIGHTNING:
        lightning_json(fp, s, i);
        break;
    default:
        break;
    }
}

/* Loops, RCDs, thermography, PQ and lightning: the worst verdict of each
 * element's findings (3 fail, 2 warn, 1 pass; a warning when it has none,
 * as on the workbook's sheets); NULL for other kinds. */
static unsigned char *worst_verdicts(const struct k3a_results *r, enum k3a_kind k, size_t n)
{
    unsigned char *worst;
    size_t i;

    if (k != K3A_KIND_LOOP && k != K3A_KIND_RCD && k != K3A_KIND_THERMOGRAPHY &&
        k != K3A_KIND_PQ && k != K3A_KIND_LIGHTNING)
        return NULL;
    worst = calloc(n + 1, 1);
    for (i = 0; worst && i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        unsigned char v = f->verdict == K3A_FAIL ? 3 : f->verdict == K3A_WARN ? 2 : 1;
        if (f->kind == k && f->idx >= 0 && (size_t)f->idx < n && worst[f->idx] < v)
            worst[f->idx] = v;
    }
    return worst;
}

static void names_array(FILE *fp, const struct k3a_results *r, enum k3a_kind k,
                        const char *key)
{
    const struct k3a_site *s = r->site;
    size_t i, n = k3a_site_count(s, k);
    unsigned char *worst = worst_verdicts(r, k, n);

    fprintf(fp, "  \"%s\": [", key);
    for (i = 0; i < n; i++) {
        const struct k3a_elem *e = k3a_site_elem(s, k, i);
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
        jstr(fp, e->name);
        element_json(fp, r, k, i);
        if (worst)
            fprintf(fp, ", \"verdict\": \"%s\"",
                    worst[i] == 3 ? "fail" : worst[i] == 1 ? "pass" : "warn");
        if (k == K3A_KIND_DEVICE)
            device_json(fp, r, i);
        fputs("}", fp);
    }
    free(worst);
    fputs(n ? "\n  ],\n" : "],\n", fp);
}

/* The audit history's comparison with the previous audit (history.h):
 * "previous_audit" (null when the store has none) and "changes". */
static void json_changes(FILE *fp, const struct k3a_changes *c)
{
    static const char *const what[] = { "finding", "risk", "measurement" };
    size_t i;

    fputs("  \"previous_audit\": ", fp);
    if (c && c->has_previous) {
        fputs("{\"audit_date\": ", fp);
        jstr(fp, c->prev_date);
        jstr_kv(fp, "inputs_sha256", c->prev_sha256);
        fputs("}", fp);
    } else {
        fputs("null", fp);
    }
    fputs(",\n  \"changes\": [", fp);
    for (i = 0; c && i < c->n; i++) {
        const struct k3a_change *x = &c->v[i];
        fputs(i ? ",\n    {\"element\": " : "\n    {\"element\": ", fp);
        jstr(fp, x->element);
        jstr_kv(fp, "check", x->check);
        if (x->what == K3A_CHG_MEASUREMENT) {
            jnum_kv(fp, "before", x->before_v);
            jnum_kv(fp, "after", x->after_v);
        } else {
            jstr_kv(fp, "before", x->before[0] ? x->before : NULL);
            jstr_kv(fp, "after", x->after[0] ? x->after : NULL);
        }
        jstr_kv(fp, "kind", k3a_change_kind_name(x->kind));
        jstr_kv(fp, "what", what[x->what]);
        if (x->reason[0])
            jstr_kv(fp, "reason", x->reason);
        fputs("}", fp);
    }
    fputs(c && c->n ? "\n  ]\n" : "]\n", fp);
}

/* "site" (with the conclusion, site-format 9), "version" and
 * "inputs_sha256". */
static void json_site(FILE *fp, const struct k3a_results *r,
                      const struct k3a_report_opts *o)
{
    const struct k3a_site *s = r->site;
    const struct k3a_site_info *si = &s->site;
    /* site-format 9 Conclusion: any FAIL or any extreme risk as found */
    int c = k3a_results_conclusion(r);
    char hex[65];

    k3a__hex(s->sha256, 32, hex);
    fputs("  \"site\": {\"name\": ", fp);
    jstr(fp, si->name);
    jstr_kv(fp, "company", si->company);
    jstr_kv(fp, "address", si->address);
    jstr_kv(fp, "auditor", si->auditor);
    jdate_kv(fp, "audit_date", si->audit_date);
    fputs(", \"training\": ", fp);
    fputs(k3a_site_count(s, K3A_KIND_SCENARIO) ? "true" : "false", fp);
    fprintf(fp, ", \"conclusion\": \"%s\"",
            c < 0 ? "none" : verdict_word((enum k3a_verdict)c));
    fputs("},\n  \"version\": ", fp);
    jstr(fp, o->version);
    fprintf(fp, ",\n  \"inputs_sha256\": \"%s\",\n", hex);
}

/* "warnings": the diagnostics' warnings, in their order. */
static void json_warnings(FILE *fp, const struct k3a_diag_list *dl)
{
    size_t i, nw = 0;

    fputs("  \"warnings\": [", fp);
    for (i = 0; dl && i < dl->n; i++) {
        const struct k3a_diag *d = &dl->v[i];
        if (d->severity != K3A_WARNING)
            continue;
        fputs(nw++ ? ",\n    {\"element\": " : "\n    {\"element\": ", fp);
        jstr(fp, d->element);
        jstr_kv(fp, "key", d->key);
        jstr_kv(fp, "message", d->msg);
        fprintf(fp, ", \"line\": %d}", d->line);
    }
    fputs(nw ? "\n  ],\n" : "],\n", fp);
}

/* One array an element kind, with each element's results. */
static void json_elements(FILE *fp, const struct k3a_results *r)
{
    names_array(fp, r, K3A_KIND_BUS, "buses");
    names_array(fp, r, K3A_KIND_TRANSFORMER, "transformers");
    names_array(fp, r, K3A_KIND_CABLE, "cables");
    names_array(fp, r, K3A_KIND_DEVICE, "devices");
    names_array(fp, r, K3A_KIND_EARTHING, "earthing");
    names_array(fp, r, K3A_KIND_INSULATION, "insulation");
    names_array(fp, r, K3A_KIND_LOOP, "loops");
    names_array(fp, r, K3A_KIND_RCD, "rcds");
    names_array(fp, r, K3A_KIND_THERMOGRAPHY, "thermography");
    names_array(fp, r, K3A_KIND_PQ, "pq");
    names_array(fp, r, K3A_KIND_LIGHTNING, "lightning");
}

/* A number, or null when the finding has none. */
static void jnum_or_null(FILE *fp, int has, double v)
{
    if (has)
        jnum(fp, v);
    else
        fputs("null", fp);
}

static void json_findings(FILE *fp, const struct k3a_results *r, enum k3a_lang lang)
{
    size_t i;

    fputs("  \"findings\": [", fp);
    for (i = 0; i < r->n_findings; i++) {
        const struct k3a_finding *f = &r->findings[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", fp);
        jstr(fp, f->id);
        jstr_kv(fp, "element", f->element);
        jstr_kv(fp, "check", f->check);
        jstr_kv(fp, "title", k3a_finding_title(f, lang));
        fputs(", \"measured\": ", fp);
        jnum_or_null(fp, f->has_measured, f->measured);
        fputs(", \"limit\": ", fp);
        jnum_or_null(fp, f->has_limit, f->limit);
        jstr_kv(fp, "unit", k3a_finding_unit(f, lang));
        fprintf(fp, ", \"verdict\": \"%s\", \"clause\": ",
                verdict_word(f->verdict));
        jstr(fp, k3a_finding_clause(f, lang));
        fputs("}", fp);
    }
    fputs(r->n_findings ? "\n  ],\n" : "],\n", fp);
}

/* One row of the risk register: as found, the control, as left. */
static void json_risk(FILE *fp, const struct k3a_risk *k, enum k3a_lang lang)
{
    static const char *const hz[] = { "shock_direct", "shock_indirect",
                                      "fire", "explosion", "arc_flash",
                                      "lightning", "other" };
    static const char *const cl[] = { "eliminasi", "substitusi", "rekayasa",
                                      "administratif", "apd" };
    int en = lang == K3A_LANG_EN;
    char owner[80], basis[400];

    jstr(fp, k->id);
    jstr_kv(fp, "hazard", en ? k->hazard_en : k->hazard_id);
    fprintf(fp, ", \"kind\": \"%s\", \"element\": ", hz[k->hazard]);
    jstr(fp, k->element);
    jstr_kv(fp, "risk", en ? k->risk_en : k->risk_id);
    fprintf(fp, ", \"likelihood\": %d, \"severity\": %d, \"level\": ",
            k->likelihood, k->severity);
    jstr(fp, k->band ? k3a_risk_level_name(k->band->level) : NULL);
    jstr_kv(fp, "band", k->band ? (en ? k->band->label_en : k->band->label_id) : NULL);
    jstr_kv(fp, "reason", en ? k->reason_en : k->reason_id);
    jstr_kv(fp, "existing_controls", en ? k->existing_en : k->existing_id);
    jstr_kv(fp, "control", en ? k->control_en : k->control_id);
    jstr_kv(fp, "control_level", k->has_control ? cl[k->control] : NULL);
    fprintf(fp, ", \"likelihood_after\": %d, \"severity_after\": %d, "
                "\"level_after\": ",
            k->likelihood_after, k->severity_after);
    jstr(fp, k->band_after ? k3a_risk_level_name(k->band_after->level) : NULL);
    jstr_kv(fp, "owner", k3a_text_lang(k->owner, lang, owner, sizeof(owner)));
    jdate_kv(fp, "due", k->due);
    jstr_kv(fp, "source", k->source);
    jstr_kv(fp, "basis", k3a_text_lang(k->basis, lang, basis, sizeof(basis)));
}

static void json_risks(FILE *fp, const struct k3a_results *r, enum k3a_lang lang)
{
    size_t i;

    fputs("  \"risks\": [", fp);
    for (i = 0; i < r->n_risks; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", fp);
        json_risk(fp, &r->risks[i], lang);
        fputs("}", fp);
    }
    fputs(r->n_risks ? "\n  ],\n" : "],\n", fp);
}

/* "energy": the audit's totals (null without an energy audit) and its
 * recommendations. */
static void json_energy(FILE *fp, const struct k3a_results *r, enum k3a_lang lang)
{
    const struct k3a_energy_res *e = &r->energy;
    int has = r->has_energy, en = lang == K3A_LANG_EN;
    size_t i;

    fputs("  \"energy\": {\"annual_kWh\": ", fp);
    jnum(fp, has && e->annual_kWh > 0 ? e->annual_kWh : NAN);
    jnum_kv(fp, "annual_cost_Rp", has && e->annual_cost_Rp > 0 ? e->annual_cost_Rp : NAN);
    jnum_kv(fp, "co2_t", has ? e->co2_t : NAN);
    jnum_kv(fp, "model_kWh", has ? e->model_kWh : NAN);
    jnum_kv(fp, "bills_kWh", has && e->n_months ? e->bills_kWh : NAN);
    jnum_kv(fp, "gap_pct", has ? e->gap_pct : NAN);
    jnum_kv(fp, "power_factor", has ? e->pf_avg : NAN);
    jnum_kv(fp, "ike_kWh_m2", has ? e->ike_kWh_m2 : NAN);
    jnum_kv(fp, "sec_kWh_per_unit", has ? e->sec_kWh_unit : NAN);
    jnum_kv(fp, "losses_kWh", has ? e->loss_kWh : NAN);
    fputs(", \"recommendations\": [", fp);
    for (i = 0; has && i < e->n_recos; i++) {
        const struct k3a_reco *k = &e->recos[i];
        fputs(i ? ",\n    {\"title\": " : "\n    {\"title\": ", fp);
        jstr(fp, en ? k->title_en : k->title_id);
        jnum_kv(fp, "saving_kWh", k->saving_kWh);
        jnum_kv(fp, "saving_Rp", k->saving_Rp);
        jnum_kv(fp, "cost_Rp", k->cost_Rp);
        jnum_kv(fp, "payback_years", k->payback_years);
        jnum_kv(fp, "npv_Rp", k->npv_Rp);
        jnum_kv(fp, "irr", k->irr);
        fputs("}", fp);
    }
    fputs(has && e->n_recos ? "\n  ]},\n" : "]},\n", fp);
}

/* The JSON of an audit (cli.md "JSON of audit"), its top-level keys in
 * order. */
static enum k3a_status write_json_c(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      FILE *fp)
{
    fputs("{\n", fp);
    json_site(fp, r, o);
    json_warnings(fp, o->diags);
    json_elements(fp, r);
    json_findings(fp, r, o->lang);
    json_risks(fp, r, o->lang);
    json_energy(fp, r, o->lang);
    json_changes(fp, o->changes);
    fputs("}\n", fp);
    return ferror(fp) ? K3A_E_IO : K3A_OK;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_json(const struct k3a_results *r,
                                      const struct k3a_report_opts *o,
                                      FILE *fp)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_json_c(r, o, fp);

    k3a__c_locale_leave(old);
    return ret_;
}

static enum k3a_status write_json_file_c(const struct k3a_results *r,
                                           const struct k3a_report_opts *o,
                                           const char *path, char *msg,
                                           size_t msg_size)
{
    char tmp[4096];
    FILE *fp;
    enum k3a_status st;

    if (k3a__tmp_beside(path, tmp, sizeof(tmp)) != 0) {
        snprintf(msg, msg_size, "cannot create a file in the folder of %s: %s",
                 path, strerror(errno));
        return K3A_E_IO;
    }
    fp = fopen(tmp, "w");
    if (!fp) {
        snprintf(msg, msg_size, "cannot write %s: %s", tmp, strerror(errno));
        unlink(tmp);
        return K3A_E_IO;
    }
    st = k3a_report_write_json(r, o, fp);
    if (fclose(fp) != 0 || st != K3A_OK) {
        snprintf(msg, msg_size, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return K3A_E_IO;
    }
    if (rename(tmp, path) != 0) {
        snprintf(msg, msg_size, "cannot move the JSON into place at %s: %s",
                 path, strerror(errno));
        unlink(tmp);
        return K3A_E_IO;
    }
    return K3A_OK;
}

/* under the "C" locale (clocale.c) */
enum k3a_status k3a_report_write_json_file(const struct k3a_results *r,
                                           const struct k3a_report_opts *o,
                                           const char *path, char *msg,
                                           size_t msg_size)
{
    void *old = k3a__c_locale_enter();
    enum k3a_status ret_ = write_json_file_c(r, o, path, msg, msg_size);

    k3a__c_locale_leave(old);
    return ret_;
}
