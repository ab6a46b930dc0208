/*
 * version.h - the program and library version.
 */
#ifndef K3A_VERSION_H
#define K3A_VERSION_H

/* The library's ABI follows it: a change to a public struct's layout or
 * to a function's signature raises the major number, or while that is 0
 * the minor one (the shared library's soname is libk3audit.so.MAJOR, or
 * libk3audit.so.0.MINOR before 1.0; README "Linking the library").
 * 0.2.0: struct k3a_site gained keep_bytes, bytes and n_bytes. */
#define K3A_VERSION "0.2.0"

/* Version of the site format this build reads (docs/site-format.md). */
#define K3A_SITE_FORMAT_VERSION 1

#endif /* K3A_VERSION_H */
