/*
 * measure_lightning.c - lightning protection: the test interval, the
 * earth resistance of its electrodes and their separation.  Pure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "stages.h"
#include "k3audit/results.h"
#include "k3audit/measure.h"
#include "k3audit/protection.h"
#include "stages/measure.h"

/* ---- lightning protection ----------------------------------------------------- */

enum k3a_status k3a__meas_lightning(struct k3a_results *r)
{
    const struct k3a_site *s = r->site;
    struct k3a_finding *f;
    size_t i, k;

    for (i = 0; i < s->n_lightnings; i++) {
        const struct k3a_lightning *l = &s->lightnings[i];
        int xp = cal_expired(s, &l->meas);
        const char *name = l->hdr.name, *cl;

        if (k3a_elem_given(K3A_KIND_LIGHTNING, &l->hdr, "down_conductor_mm2")) {
            double need = lp(r, "lightning_down_conductor_min_mm2", 50, &cl);
            f = k3a__finding_new(r, K3A_KIND_LIGHTNING, (int32_t)i, "down_conductor",
                    cal_verdict(l->down_conductor_mm2 < need ? K3A_FAIL : K3A_PASS, xp),
                    l->down_conductor_mm2, need, "mm²", cl,
                    "Penampang penghantar turun %s", "Down conductor size of %s", name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        if (l->last_test.y) {
            /* judged on dates (verdicts review item 10): overdue when the
             * audit is later than the last test + N months; the value
             * shown is the value judged (site-format 9) */
            double months = k3a__months_elapsed(l->last_test, s->site.audit_date);
            double need = lp(r, "lightning_test_interval_months", 24, &cl);
            f = k3a__finding_new(r, K3A_KIND_LIGHTNING, (int32_t)i,
                    "lightning_test_interval",
                    cal_verdict(months > need ? K3A_FAIL : K3A_PASS, xp),
                    months, need, "{bulan|months}", cl,
                    "Selang pengujian penyalur petir %s sejak %04d-%02d-%02d (%.*g "
                    "bulan)",
                    "Lightning protection %s tested %04d-%02d-%02d (%.*g months)", name,
                    l->last_test.y, l->last_test.m, l->last_test.d,
                    k3a__vs_digits(months, need), months);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        if (k3a_elem_given(K3A_KIND_LIGHTNING, &l->hdr, "struck") && l->struck) {
            f = k3a__finding_new(r, K3A_KIND_LIGHTNING, (int32_t)i, "lightning_struck",
                    cal_verdict(K3A_FAIL, xp),
                    NAN, NAN, "", "Per.02/MEN/1989 {Pasal|Article} 50(2)d",
                    "Penyalur petir %s tersambar sejak pengujian terakhir: wajib diuji",
                    "Lightning protection %s was struck since its last test: it must "
                    "be tested", name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        if (k3a_elem_given(K3A_KIND_LIGHTNING, &l->hdr, "continuity") &&
            l->continuity == K3A_CONT_DEFECT) {
            f = k3a__finding_new(r, K3A_KIND_LIGHTNING, (int32_t)i,
                    "lightning_continuity", cal_verdict(K3A_FAIL, xp),
                    NAN, NAN, "", "Per.02/MEN/1989 {Pasal|Article} 52",
                    "Kontinuitas penyalur petir %s rusak", "Lightning protection %s: "
                    "continuity defect", name);
            if (!cal_note(r, f, xp))
                return K3A_E_NOMEM;
        }
        {
            int shared = k3a_elem_given(K3A_KIND_LIGHTNING, &l->hdr, "separate_earth") &&
                         !l->separate_earth;
            for (k = 0; k < l->earthing.n; k++) {
                const struct k3a_ref *e = &l->earthing.v[k];
                if (e->idx >= 0 && s->earthings[e->idx].purpose != K3A_EARTH_LIGHTNING)
                    shared = 1;
            }
            if (shared) {
                f = k3a__finding_new(r, K3A_KIND_LIGHTNING, (int32_t)i,
                        "lightning_shared_earth", cal_verdict(K3A_FAIL, xp),
                        NAN, NAN, "", "Per.02/MEN/1989 {Pasal|Article} 33",
                        "Elektroda penyalur petir %s dipakai bersama pembumian listrik",
                        "Lightning protection %s shares electrodes with the electrical "
                        "earth", name);
                if (!cal_note(r, f, xp))
                    return K3A_E_NOMEM;
            }
        }
    }
    return K3A_OK;
}
