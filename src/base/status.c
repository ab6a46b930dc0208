/*
 * status.c - messages for enum k3a_status, generated from the same list.
 */
#include "k3audit/status.h"

const char *k3a_strerror(enum k3a_status st)
{
    switch (st) {
#define K3A_X(name, msg)                                                     \
    case K3A_##name:                                                         \
        return msg;
        K3A_STATUS_MAP(K3A_X)
#undef K3A_X
    case K3A_STATUS_COUNT:
        break;
    }
    return "unknown status";
}
