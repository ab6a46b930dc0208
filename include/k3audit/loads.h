/*
 * loads.h - cable capacity, voltage drop, coordination and load current
 * calculations (IEC 60364-5-52, IEC 60364-4-43, PUIL 2011).  Pure: the
 * tables come from models/ (cables.ini, conductors.ini, loads.ini).
 */
#ifndef K3A_LOADS_H
#define K3A_LOADS_H

#include "k3audit/models.h"
#include "k3audit/site.h"

/* Why a capacity could not be given (bit flags of k3a_ampacity_out). */
#define K3A_AMP_NO_TABLE   0x01u /* no [ampacity] row for the combination */
#define K3A_AMP_SIZE       0x02u /* size not listed in the row */
#define K3A_AMP_AMBIENT    0x04u /* ambient outside the factor table */
#define K3A_AMP_GROUPING   0x08u /* more circuits than the table lists */
#define K3A_AMP_NO_FACTORS 0x10u /* no [ambient] / [grouping] row at all */
#define K3A_AMP_VOLTAGE    0x20u /* above 1 kV: outside IEC 60364-5-52 */

struct k3a_ampacity_in {
    enum k3a_material material;
    enum k3a_insulation_type insulation;
    int loaded;                  /* 2 or 3 loaded conductors */
    enum k3a_method method;
    double size_mm2;
    double ambient_C;            /* NAN: reference (30 air, 20 ground) */
    int grouped;                 /* circuits in the group, >= 1 */
    enum k3a_group_row arrangement; /* used for air methods */
    int parallel;                /* cables in parallel, >= 1 */
};

struct k3a_ampacity_out {
    unsigned flags;       /* 0: iz_A is valid */
    double itab_A;        /* table value, one cable */
    double k_temp, k_group;
    double ambient_C;     /* the temperature used */
    double iz_A;          /* itab x k_temp x k_group x parallel */
    const char *clause_table, *clause_temp, *clause_group;
    const char *confidence; /* of the table row */
};

/* Iz = I_tab x k_theta x k_g (IEC 60364-5-52 Annex B, 523); returns 0 when
 * iz_A is valid, else the K3A_AMP_* flags (also in out->flags).  No value
 * is extrapolated: a size or temperature outside the tables has none. */
unsigned k3a_ampacity(const struct k3a_models *m,
                      const struct k3a_ampacity_in *in,
                      struct k3a_ampacity_out *out);

/* The conductor's maximum operating temperature (70 PVC, 90 XLPE). */
double k3a_conductor_max_C(const struct k3a_models *m,
                           enum k3a_insulation_type ins);

/* Resistance per km of one conductor at temp_C from the IEC 60228 20 C
 * value (or r20_ohm_km when > 0): R = R20 (1 + alpha (theta - 20)).
 * Returns NAN when the size is not in conductors.ini. */
double k3a_conductor_r_ohm_km(const struct k3a_models *m,
                              enum k3a_material mat, double size_mm2,
                              double r20_ohm_km, double temp_C);

/* Voltage drop (IEC 60364-5-52 Annex G): dU = b I (R cos + X sin) L with
 * b = sqrt(3) for three phases (line-to-line), 2 for one phase; r and x
 * per km of one cable, divided by parallel.  Returns volts. */
double k3a_vdrop_V(int phases, double current_A, double length_m,
                   double r_ohm_km, double x_ohm_km, double power_factor,
                   int parallel);

/* Minimum efficiency (%) of a motor by IEC 60034-30-1 for its class and
 * poles.  Between listed ratings the next lower rating's value is used
 * (the lower efficiency; no interpolation rule was verified).  *note is
 * set when the table had to be stretched (rating outside, or another
 * pole count used); the row's clause goes to *clause.  NAN: no table. */
double k3a_motor_eff_pct(const struct k3a_models *m, enum k3a_ie_class cls,
                         int poles, double rated_kW, const char **clause,
                         const char **note);

/* The default power factor of a load kind ([loadkind]); NAN if none. */
double k3a_load_kind_pf(const struct k3a_models *m, enum k3a_load_kind kind,
                        const char **clause);

/* Adiabatic k (Table 43A); NAN if none. */
double k3a_adiabatic_k(const struct k3a_models *m, enum k3a_material mat,
                       enum k3a_insulation_type ins, const char **clause);

/* I2 / In for a device type and rating ([i2]); NAN if none. */
double k3a_i2_factor(const struct k3a_models *m, enum k3a_device_type type,
                     double rating_A, const char **clause);

#endif /* K3A_LOADS_H */
