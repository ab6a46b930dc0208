/*
 * textclean.h - making text that came from a user safe to show or store.
 *
 * Site and model files may not hold control characters (the loader rejects
 * them at their line), but text reaches the outputs from elsewhere too:
 * file paths, command-line arguments (--title), the messages that echo
 * them.  Every writer passes such text through k3a_text_clean():
 *   - C0 controls except tab (and newline with K3A_CLEAN_KEEP_NEWLINE),
 *     DEL, the C1 controls U+0080..U+009F (a terminal takes U+009B as
 *     CSI) and every byte of invalid UTF-8 become the visible text
 *     "\xNN", byte by byte: nothing a terminal would run, nothing an XML
 *     or PDF writer would reject, and the original bytes still readable;
 *   - with K3A_CLEAN_OOXML a literal "_xHHHH_" (which Office reads as an
 *     escaped character) is written "_x005F_xHHHH_" so that it shows
 *     literally (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 * The PDF writer and any other output take the same function.
 */
#ifndef K3AUDIT_TEXTCLEAN_H
#define K3AUDIT_TEXTCLEAN_H

#include <stddef.h>

enum {
    K3A_CLEAN_TERMINAL = 0,     /* terminal, PDF, document properties */
    K3A_CLEAN_OOXML = 1,        /* cell text: also "_xHHHH_" kept literal */
    K3A_CLEAN_KEEP_NEWLINE = 2  /* multi-line text: '\n' stays */
};

/* Copies src into dst (n bytes with the NUL) cleaned as above, never
 * cutting an escape or a UTF-8 sequence; returns the length the whole
 * cleaned text has (as snprintf), so n = return + 1 holds it all. */
size_t k3a_text_clean(char *dst, size_t n, const char *src, unsigned flags);

/* 1 when k3a_text_clean would change src (0: use it as it is). */
int k3a_text_needs_clean(const char *src, unsigned flags);

/* The offset of the first byte a site or model file may not hold in a
 * value (a C0 control other than tab, DEL, or a C1 control), or -1; the
 * text is valid UTF-8 (checked before).  *cp gets the code point. */
long k3a_text_control_at(const char *s, size_t n, unsigned *cp);

#endif /* K3AUDIT_TEXTCLEAN_H */
