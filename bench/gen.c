/*
 * gen.c - synthetic but valid site files for the benchmark and for
 * hostile-size tests: a 20 kV supply, one 1600 kVA transformer per block
 * of about a thousand buses, and below each LV main board a radial tree
 * with a realistic fan-out (cables, MCCBs, motor and lighting loads,
 * earthing and insulation readings); or a meshed variant where the
 * distribution boards of each block are also tied in a ring.
 *
 * A chain, as sites have them: sections of 50 sub-distribution boards
 * looped in one after the other (a production line or a corridor), each
 * section with its own 400 kVA transformer from the 20 kV board and an
 * ACB at its head; each 4 m link has its MCCB at the sending board, link
 * and MCCB sized for the boards still below (185 mm2 / 160 A down to
 * 70 mm2 / 50 A); a motor pair on every tenth board, lighting on every
 * fifth (about 90 kW a section).
 *
 * A deep chain is the worst case for anything that walks a path per
 * element: one main board and every further bus fed from the one before
 * it, with the tree's cables, devices, loads and readings per bus (20,000
 * buses from one transformer: its far buses fail most checks, so compare
 * it with itself at another size, not with the tree).  ringchain is the
 * deep chain with its first three boards tied in a ring (a meshed
 * component whose load flow must still be one solve).
 *
 *     k3a-gen radial|meshed|chain|deepchain|ringchain BUSES > site.ini
 *     (built with -DK3A_GEN_MAIN)
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

/* Sections of 50 boards, each with its own transformer (see above). */
static int gen_sections(FILE *fp, long n)
{
    long made = 1, sec = 0;

    header(fp);
    while (made < n) {
        long count, rem, per = n - made < 50 ? n - made : 50;
        fprintf(fp, "[transformer T%ld]\nfrom = MV\nto = S%ld-0\nrating_kVA = 400\n"
                    "primary_kV = 20\nsecondary_kV = 0.4\nimpedance_pct = 4\n"
                    "load_loss_W = 4600\nno_load_loss_W = 930\n\n",
                sec, sec);
        fprintf(fp, "[device R%ld]\nat = MV\nprotects = T%ld\ntype = relay\n"
                    "rating_A = 25\ncurve = IEC_SI\npickup_A = 15\ntms = 0.1\n"
                    "instantaneous_A = 300\n\n",
                sec, sec);
        fprintf(fp, "[bus S%ld-0]\nvoltage_kV = 0.4\nequipment = switchboard\n"
                    "withstand_kA = 25\n\n[device ACB%ld]\nat = S%ld-0\n"
                    "protects = S%ld-0\ntype = acb\nrating_A = 630\nbreaking_kA = 36\n"
                    "instantaneous_A = 6300\ntcc = 700:400, 1200:60, 2500:0.3\n\n",
                sec, sec, sec, sec);
        made++;
        for (count = 1; count < per; count++) {
            fprintf(fp, "[bus S%ld-%ld]\nvoltage_kV = 0.4\nequipment = %s\n\n", sec,
                    count, count % 7 ? "panelboard" : "mcc");
            /* each link and its MCCB sized for the boards still below it */
            rem = per - count;
            fprintf(fp, "[cable L%ld-%ld]\nfrom = S%ld-%ld\nto = S%ld-%ld\n"
                        "size_mm2 = %d\nlength_m = 4\nmethod = E\ncores = 4\n\n",
                    sec, count, sec, count - 1, sec, count,
                    rem > 30 ? 185 : rem > 15 ? 120 : 70);
            fprintf(fp, "[device F%ld-%ld]\nat = S%ld-%ld\nprotects = L%ld-%ld\n"
                        "type = mccb\nrating_A = %d\nbreaking_kA = 36\n"
                        "instantaneous_A = %d\n\n",
                    sec, count, sec, count - 1, sec, count,
                    rem > 35 ? 160 : rem > 20 ? 125 : rem > 10 ? 80 : 50,
                    rem > 35 ? 1600 : rem > 20 ? 1250 : rem > 10 ? 800 : 500);
            if (count % 10 == 0)
                fprintf(fp, "[load M%ld-%ld]\nbus = S%ld-%ld\nkind = motor\n"
                            "rated_kW = 11\nquantity = 2\nie_class = IE3\n"
                            "load_factor = 0.7\nhours_per_year = 4000\n\n",
                        sec, count, sec, count);
            if (count % 5 == 1)
                fprintf(fp, "[load LL%ld-%ld]\nbus = S%ld-%ld\nkind = lighting\n"
                            "rated_kW = 0.04\nquantity = 20\nhours_per_year = 3000\n\n",
                        sec, count, sec, count);
            if (count % 50 == 25)
                fprintf(fp, "[earthing E%ld-%ld]\npurpose = equipment\nbus = S%ld-%ld\n"
                            "measured_ohm = %.1f\n\n[insulation I%ld-%ld]\n"
                            "circuit = L%ld-%ld\nnominal_V = 400\ntest_V = 500\n"
                            "readings_Mohm = L1-PE:%d, L2-PE:500, L3-PE:700\n\n",
                        sec, count, sec, count, 1.0 + (double)(sec % 4), sec, count, sec,
                        count, 200 + (int)(sec % 800));
            made++;
        }
        sec++;
    }
    return ferror(fp) ? 1 : 0;
}

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
             * second level of the tree), as in a ring-main layout; on a
             * chain, its third board back to its first */
            if (meshed && chain && count == 3)
                fprintf(fp, "[cable T%ld-3]\nfrom = B%ld-3\nto = B%ld-1\n"
                            "size_mm2 = 185\nlength_m = 60\n\n",
                        blk, blk, blk);
            if (meshed && !chain && count >= 6 && count < 31 && count % 5 == 0)
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

int k3a_bench_gen(FILE *fp, enum k3a_gen_shape shape, long n)
{
    switch (shape) {
    case K3A_GEN_RADIAL:
        return gen(fp, 0, 0, n);
    case K3A_GEN_MESHED:
        return gen(fp, 1, 0, n);
    case K3A_GEN_CHAIN:
        return gen_sections(fp, n);
    case K3A_GEN_DEEPCHAIN:
        return gen(fp, 0, 1, n);
    case K3A_GEN_RINGCHAIN:
        return gen(fp, 1, 1, n);
    case K3A_GEN_SHAPES:
        break;
    }
    return 1;
}

const char *const k3a_gen_shape_words[K3A_GEN_SHAPES] = { "radial", "meshed", "chain",
                                                          "deepchain", "ringchain" };

#ifdef K3A_GEN_MAIN
int main(int argc, char **argv)
{
    long n;
    int i;

    for (i = 0; argc == 3 && i < K3A_GEN_SHAPES; i++)
        if (strcmp(argv[1], k3a_gen_shape_words[i]) == 0)
            break;
    if (argc != 3 || i == K3A_GEN_SHAPES) {
        fprintf(stderr, "usage: k3a-gen radial|meshed|chain|deepchain|ringchain BUSES\n");
        return 2;
    }
    n = atol(argv[2]);
    if (n < 2) {
        fprintf(stderr, "k3a-gen: BUSES must be at least 2\n");
        return 2;
    }
    return k3a_bench_gen(stdout, (enum k3a_gen_shape)i, n);
}
#endif
