/*
 * gen.c - synthetic but valid site files for the benchmark and for
 * hostile-size tests: a 20 kV supply, one 1600 kVA transformer per block
 * of about a thousand buses, and below each LV main board a radial tree
 * with a realistic fan-out (cables, MCCBs, motor and lighting loads,
 * earthing and insulation readings); or a meshed variant where the
 * distribution boards of each block are also tied in a ring.
 *
 * A chain is the worst case for anything that walks a path per element:
 * one main board and every further bus fed from the one before it, with
 * the same cables, devices, loads and readings per bus as the tree.
 *
 *     k3a-gen radial|meshed|chain BUSES > site.ini   (built with -DK3A_GEN_MAIN)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void header(FILE *fp)
{
    fprintf(fp, "[site]\nname = Generated benchmark site\naudit_date = 2026-03-10\n"
                "auditor = k3a-gen\nmotor_contribution = yes\n\n"
                "[supply PLN]\nvoltage_kV = 20\nfault_level_MVA = 500\n"
                "x_over_r = 10\n\n"
                "[bus MV]\nvoltage_kV = 20\nequipment = switchgear\n\n"
                "[cable C-MV]\nfrom = PLN\nto = MV\nsize_mm2 = 240\n"
                "length_m = 100\ninsulation = XLPE\n\n"
                "[device PLN-RELAY]\nat = PLN\nprotects = C-MV\ntype = relay\n"
                "rating_A = 400\ncurve = IEC_SI\npickup_A = 300\ntms = 0.2\n"
                "instantaneous_A = 6000\n\n");
}

#include "gen.h"

static int gen(FILE *fp, int meshed, int chain, long n)
{
    long made = 0, blk = 0;

    header(fp);
    made = 1; /* MV */
    while (made < n) {
        long base = made, count, parent;
        long per = chain ? n - made : n - made < 1000 ? n - made : 1000;
        /* one transformer and main board per block */
        fprintf(fp, "[transformer T%ld]\nfrom = MV\nto = B%ld-0\nrating_kVA = 1600\n"
                    "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 6\n"
                    "load_loss_W = 16000\nno_load_loss_W = 2200\n\n",
                blk, blk);
        fprintf(fp, "[device R%ld]\nat = MV\nprotects = T%ld\ntype = relay\n"
                    "rating_A = 100\ncurve = IEC_SI\npickup_A = 60\ntms = 0.1\n"
                    "instantaneous_A = 900\n\n",
                blk, blk);
        fprintf(fp, "[bus B%ld-0]\nvoltage_kV = 0.4\nequipment = switchboard\n"
                    "withstand_kA = 50\n\n[device ACB%ld]\nat = B%ld-0\n"
                    "protects = B%ld-0\ntype = acb\nrating_A = 2500\nbreaking_kA = 65\n"
                    "instantaneous_A = 30000\ntcc = 3000:400, 6000:40, 12000:0.3\n\n",
                blk, blk, blk, blk);
        made++;
        for (count = 1; count < per; count++) {
            parent = chain ? count - 1 : (count - 1) / 5; /* fan-out of five */
            fprintf(fp, "[bus B%ld-%ld]\nvoltage_kV = 0.4\nequipment = %s\n\n",
                    blk, count, count % 7 ? "panelboard" : "mcc");
            fprintf(fp, "[cable C%ld-%ld]\nfrom = B%ld-%ld\nto = B%ld-%ld\n"
                        "size_mm2 = %d\nlength_m = %ld\nmethod = E\ncores = 4\n\n",
                    blk, count, blk, parent, blk, count,
                    parent == 0 ? 185 : parent < 6 ? 95 : 35, 20 + count % 40);
            fprintf(fp, "[device M%ld-%ld]\nat = B%ld-%ld\nprotects = C%ld-%ld\n"
                        "type = mccb\nrating_A = %d\nbreaking_kA = 36\n"
                        "instantaneous_A = %d\n\n",
                    blk, count, blk, parent, blk, count,
                    parent == 0 ? 400 : parent < 6 ? 160 : 63,
                    parent == 0 ? 4000 : parent < 6 ? 1600 : 630);
            if (count % 5 == 0)
                fprintf(fp, "[load L%ld-%ld]\nbus = B%ld-%ld\nkind = motor\n"
                            "rated_kW = 7.5\nquantity = 2\nie_class = IE2\n"
                            "load_factor = 0.7\nhours_per_year = 4000\n\n",
                        blk, count, blk, count);
            if (count % 5 == 1)
                fprintf(fp, "[load LL%ld-%ld]\nbus = B%ld-%ld\nkind = lighting\n"
                            "rated_kW = 0.04\nquantity = 20\nhours_per_year = 3000\n\n",
                        blk, count, blk, count);
            if (count % 50 == 0)
                fprintf(fp, "[earthing E%ld-%ld]\npurpose = equipment\nbus = B%ld-%ld\n"
                            "measured_ohm = %.1f\n\n[insulation I%ld-%ld]\n"
                            "circuit = C%ld-%ld\nnominal_V = 400\ntest_V = 500\n"
                            "readings_Mohm = L1-PE:%d, L2-PE:500, L3-PE:700\n\n",
                        blk, count, blk, count, 1.0 + (double)(count % 9),
                        blk, count, blk, count, 200 + (int)(count % 800));
            /* ring ties between neighbouring distribution boards (the
             * second level of the tree), as in a ring-main layout */
            if (meshed && count >= 6 && count < 31 && count % 5 == 0)
                fprintf(fp, "[cable T%ld-%ld]\nfrom = B%ld-%ld\nto = B%ld-%ld\n"
                            "size_mm2 = 35\nlength_m = 60\n\n",
                        blk, count, blk, count, blk, count - 4);
            made++;
        }
        (void)base;
        blk++;
    }
    return ferror(fp) ? 1 : 0;
}

int k3a_bench_gen(FILE *fp, int meshed, long n)
{
    return gen(fp, meshed, 0, n);
}

int k3a_bench_gen_chain(FILE *fp, long n)
{
    return gen(fp, 0, 1, n);
}

#ifdef K3A_GEN_MAIN
int main(int argc, char **argv)
{
    long n;

    if (argc != 3 ||
        (strcmp(argv[1], "radial") && strcmp(argv[1], "meshed") && strcmp(argv[1], "chain"))) {
        fprintf(stderr, "usage: k3a-gen radial|meshed|chain BUSES\n");
        return 2;
    }
    n = atol(argv[2]);
    if (n < 2) {
        fprintf(stderr, "k3a-gen: BUSES must be at least 2\n");
        return 2;
    }
    if (strcmp(argv[1], "chain") == 0)
        return k3a_bench_gen_chain(stdout, n);
    return k3a_bench_gen(stdout, strcmp(argv[1], "meshed") == 0, n);
}
#endif
