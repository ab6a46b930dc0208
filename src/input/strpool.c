/*
 * strpool.c - see strpool.h.  Blocks of 4 KiB doubling up to 1 MiB (a
 * small site's or model table's text takes one small block), a larger
 * string in a block of its own; nothing is freed before the whole pool.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "strpool.h"

#define FIRST_BLOCK (4u << 10)
#define BLOCK_SIZE (1u << 20)

struct k3a__pool_block {
    struct k3a__pool_block *next;
    char data[];
};

char *k3a__pool_alloc(struct k3a__strpool *p, size_t n)
{
    struct k3a__pool_block *b;
    char *s;

    if (n <= p->left) {
        s = p->next;
        p->next += n;
        p->left -= n;
        return s;
    }
    if (n > BLOCK_SIZE / 4) { /* its own block, behind the current one */
        b = malloc(sizeof(*b) + n);
        if (!b) {
            p->failed = 1;
            return NULL;
        }
        if (p->head) {
            b->next = p->head->next;
            p->head->next = b;
        } else {
            b->next = NULL;
            p->head = b;
        }
        return b->data;
    }
    if (!p->block)
        p->block = FIRST_BLOCK;
    while (p->block < n)
        p->block *= 2; /* n is at most BLOCK_SIZE / 4 here */
    b = malloc(sizeof(*b) + p->block);
    if (!b) {
        p->failed = 1;
        return NULL;
    }
    b->next = p->head;
    p->head = b;
    p->next = b->data + n;
    p->left = p->block - n;
    if (p->block < BLOCK_SIZE)
        p->block *= 2;
    return b->data;
}

char *k3a__pool_strdup(struct k3a__strpool *p, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = k3a__pool_alloc(p, n);

    if (d)
        memcpy(d, s, n);
    return d;
}

/* a b c joined, their lengths known */
static const char *put3_n(struct k3a__strpool *p, const char *a, const char *b,
                          const char *c, const size_t *lens)
{
    char *s = k3a__pool_alloc(p, lens[0] + lens[1] + lens[2] + 1);

    if (!s)
        return "";
    memcpy(s, a, lens[0]);
    memcpy(s + lens[0], b, lens[1]);
    memcpy(s + lens[0] + lens[1], c, lens[2]);
    s[lens[0] + lens[1] + lens[2]] = '\0';
    return s;
}

const char *k3a__pool_put3(struct k3a__strpool *p, const char *a, const char *b,
                           const char *c)
{
    size_t lens[3];

    lens[0] = strlen(a);
    lens[1] = strlen(b);
    lens[2] = strlen(c);
    return put3_n(p, a, b, c, lens);
}

/* A hash of the three parts joined, eight bytes a step (clauses run to a
 * hundred bytes and every finding interns several), so the same text
 * split differently shares too; the length goes in.  A text longer than
 * the buffer is hashed a byte a step (FNV-1a). */
static uint64_t mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

static unsigned long long hash3(const char *a, const char *b, const char *c,
                                size_t *lens)
{
    char buf[512];
    uint64_t h = 0x243f6a8885a308d3ull, w;
    size_t k, n;

    lens[0] = strlen(a);
    lens[1] = strlen(b);
    lens[2] = strlen(c);
    n = lens[0] + lens[1] + lens[2];
    if (n > sizeof(buf)) {
        const char *parts[3];
        size_t i;
        parts[0] = a;
        parts[1] = b;
        parts[2] = c;
        h = 1469598103934665603ull;
        for (i = 0; i < 3; i++)
            for (k = 0; k < lens[i]; k++) {
                h ^= (unsigned char)parts[i][k];
                h *= 1099511628211ull;
            }
        return h;
    }
    memcpy(buf, a, lens[0]);
    memcpy(buf + lens[0], b, lens[1]);
    memcpy(buf + lens[0] + lens[1], c, lens[2]);
    for (k = 0; k + 8 <= n; k += 8) {
        memcpy(&w, buf + k, 8);
        h = mix(h, w);
    }
    w = 0;
    memcpy(&w, buf + k, n - k);
    return mix(h, w ^ ((uint64_t)n << 56));
}

/* s (len bytes) is a b c joined (their lengths in lens) */
static int same3(const char *s, size_t len, const char *a, const char *b,
                 const char *c, const size_t *lens)
{
    return len == lens[0] + lens[1] + lens[2] && memcmp(s, a, lens[0]) == 0 &&
           memcmp(s + lens[0], b, lens[1]) == 0 &&
           memcmp(s + lens[0] + lens[1], c, lens[2]) == 0;
}

const char *k3a__pool_intern3(struct k3a__strpool *p, const char *a, const char *b,
                              const char *c)
{
    size_t lens[3];
    unsigned long long h = hash3(a, b, c, lens);
    size_t slot = (size_t)(h % K3A__POOL_MEMO);
    const char *s;

    if (p->memo[slot].s && p->memo[slot].hash == h &&
        same3(p->memo[slot].s, p->memo[slot].len, a, b, c, lens))
        return p->memo[slot].s;
    s = put3_n(p, a, b, c, lens);
    if (*s || !(lens[0] + lens[1] + lens[2])) {
        p->memo[slot].hash = h;
        p->memo[slot].s = s;
        p->memo[slot].len = lens[0] + lens[1] + lens[2];
    }
    return s;
}

const char *k3a__pool_vprintf(struct k3a__strpool *p, const char *fmt, va_list ap)
{
    char buf[512];
    va_list aq;
    int n;
    char *s;

    va_copy(aq, ap);
    n = k3a__vfmt(buf, sizeof(buf), fmt, aq);
    va_end(aq);
    if (n < 0)
        return "";
    s = k3a__pool_alloc(p, (size_t)n + 1);
    if (!s)
        return "";
    if ((size_t)n < sizeof(buf))
        memcpy(s, buf, (size_t)n + 1);
    else
        k3a__vfmt(s, (size_t)n + 1, fmt, ap);
    return s;
}

void k3a__pool_free(struct k3a__strpool *p)
{
    struct k3a__pool_block *b = p->head, *nx;

    while (b) {
        nx = b->next;
        free(b);
        b = nx;
    }
    memset(p, 0, sizeof(*p));
}
