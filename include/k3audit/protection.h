/*
 * protection.h - protective-device clearing times.
 *
 * A device's time at a current combines its elements: the inverse-time
 * curve (IEC 60255-151 / IEEE C37.112), a definite-time curve, the
 * short-time and instantaneous elements, an MCB's magnetic band (IEC
 * 60898-1) and tcc points (total clearing time, log-log interpolation),
 * plus the opening time.  The clearing of a fault at a bus follows the
 * chains of shortcircuit.h (site-format section 3).
 */
#ifndef K3A_PROTECTION_H
#define K3A_PROTECTION_H

#include "k3audit/models.h"
#include "k3audit/shortcircuit.h"
#include "k3audit/site.h"

enum k3a_trip {
    K3A_TRIP_YES,     /* trips; time_s is the total clearing time */
    K3A_TRIP_NEVER,   /* the current is below every element's setting */
    K3A_TRIP_UNKNOWN  /* no curve data at this current */
};

struct k3a_trip_time {
    enum k3a_trip trip;
    double time_s;
    const char *element; /* "instantaneous", "short_time", "curve", "tcc",
                            "mcb_band", "definite_time" */
};

/* The clearing time of one device at a current in amperes (at the voltage
 * of the bus it sits in). */
void k3a_device_trip(const struct k3a_device *d, const struct k3a_models *m,
                     double current_A, struct k3a_trip_time *out);

/* What k3a_device_trip looks up by name (which keys were given, the curve
 * constants, the MCB band), resolved once per device so that evaluating
 * many faults does no lookups: the clearing of a large site asks every
 * device about several currents. */
struct k3a_trip_prep {
    const struct k3a_curve_coef *coef; /* inverse-time constants, or NULL */
    const struct k3a_mcb_band *band;   /* curve B/C/D band, or NULL */
    double curve_cap;                  /* curve_max_multiple (IEC 60255-151) */
    unsigned char has_curve, has_inst, has_short_time, given_opening;
};

void k3a_device_prepare(const struct k3a_device *d, const struct k3a_models *m,
                        struct k3a_trip_prep *out);
/* k3a_device_prepare of the n devices d[0..n-1] into out[0..n-1]. */
void k3a_devices_prepare(const struct k3a_device *d, size_t n,
                         const struct k3a_models *m, struct k3a_trip_prep *out);

/* k3a_device_trip with the lookups already done. */
void k3a_device_trip_prep(const struct k3a_device *d,
                          const struct k3a_trip_prep *p, double current_A,
                          struct k3a_trip_time *out);

/* Relay curve operate time (no opening time): IEC/IEEE inverse or DT.
 * Returns the time in s, INFINITY at or below pickup, or a negative value
 * for a curve with no coefficients. */
double k3a_relay_time_s(const struct k3a_models *m, enum k3a_curve curve,
                        double pickup_A, double tms, double current_A,
                        double definite_time_s);

struct k3a_clearing {
    int32_t device;     /* the device whose opening ends the fault; -1 none */
    double time_s;      /* after capping at arc_time_max_s */
    double uncapped_s;  /* the same before capping; INFINITY when no device
                           operates at this current (site-format 9: the
                           disconnection-time check judges this one) */
    double current_A;   /* what that device carries */
    int capped;         /* slower than arc_time_max_s, or never trips */
    int no_device;      /* no device found on any path */
    int unknown;        /* a device had no curve data at its current */
    int backup;         /* cleared by a backup, not the nearest device */
};

/* The clearing of a bolted fault at bus `bus` in case `c`, with every
 * current of the chain multiplied by scale (1 for the bolted fault;
 * Iarc/Ibf for arc flash).  prep is one k3a_trip_prep per device of the
 * site (k3a_device_prepare), or NULL to look each device up as it comes. */
void k3a_clearing_eval(const struct k3a_site *s, const struct k3a_models *m,
                       const struct k3a_trip_prep *prep,
                       const struct k3a_sc_results *r, size_t bus,
                       enum k3a_sc_case c, double scale,
                       struct k3a_clearing *out);

/* The same for a fault on the line side of the bus's own main(s) (the
 * feeding cable and the board's incoming terminals): only the devices of
 * the source paths see it (IEC 60364-4-41 411.3.2.3: a distribution
 * circuit is protected by the device that feeds it). */
void k3a_clearing_eval_line(const struct k3a_site *s, const struct k3a_models *m,
                            const struct k3a_trip_prep *prep,
                            const struct k3a_sc_results *r, size_t bus,
                            enum k3a_sc_case c, double scale,
                            struct k3a_clearing *out);

#endif /* K3A_PROTECTION_H */
