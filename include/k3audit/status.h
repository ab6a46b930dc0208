/*
 * status.h - status codes returned by every fallible k3audit call.
 *
 * The list is one X-macro so names and messages cannot drift apart
 * (libuv's uv-errno idea).  User-facing detail goes in diagnostics
 * (diag.h); a status only says what kind of failure happened.
 */
#ifndef K3A_STATUS_H
#define K3A_STATUS_H

/* clang-format off */
#define K3A_STATUS_MAP(X)                                                    \
    X(OK,            "no error")                                             \
    X(E_NOMEM,       "out of memory")                                        \
    X(E_IO,          "cannot read or write a file")                          \
    X(E_SYNTAX,      "malformed line in an input file")                      \
    X(E_UNKNOWN_KEY, "unknown key or section kind")                          \
    X(E_MISSING_KEY, "required key missing")                                 \
    X(E_NUMBER,      "value is not a number")                                \
    X(E_RANGE,       "value outside its valid range")                        \
    X(E_REF,         "reference to an element that does not exist")          \
    X(E_DUPLICATE,   "name or key given twice")                              \
    X(E_TOPOLOGY,    "network is not connected as required")                 \
    X(E_INPUT,       "input is invalid")                                     \
    X(E_NUMERIC,     "numerical method failed")                              \
    X(E_XLSX,        "workbook writer failed")                               \
    X(E_ARG,         "bad argument")
/* clang-format on */

enum k3a_status {
#define K3A_X(name, msg) K3A_##name,
    K3A_STATUS_MAP(K3A_X)
#undef K3A_X
        K3A_STATUS_COUNT
};

/* The message for a status; never NULL ("unknown status" for junk). */
const char *k3a_strerror(enum k3a_status st);

#if defined(__GNUC__) || defined(__clang__)
#    define K3A_NODISCARD      __attribute__((warn_unused_result))
#    define K3A_PRINTF(fa, va) __attribute__((format(printf, fa, va)))
#else
#    define K3A_NODISCARD
#    define K3A_PRINTF(fa, va)
#endif

#endif /* K3A_STATUS_H */
