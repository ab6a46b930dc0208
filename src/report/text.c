/*
 * text.c - the message table of text.h.
 */
#include "k3audit/text.h"

static const char *const text_id[K3A_T_COUNT] = {
#define K3A_X(id, ind, eng) ind,
    K3A_TEXT_MAP(K3A_X)
#undef K3A_X
};

static const char *const text_en[K3A_T_COUNT] = {
#define K3A_X(id, ind, eng) eng,
    K3A_TEXT_MAP(K3A_X)
#undef K3A_X
};

const char *k3a_text(enum k3a_lang lang, enum k3a_text_id id)
{
    if ((unsigned)id >= K3A_T_COUNT)
        return "";
    return lang == K3A_LANG_EN ? text_en[id] : text_id[id];
}
