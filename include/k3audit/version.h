/*
 * version.h - the program and library version.
 */
#ifndef K3A_VERSION_H
#define K3A_VERSION_H

#define K3A_VERSION "0.1.0"

/* Version of the site format this build reads (docs/site-format.md). */
#define K3A_SITE_FORMAT_VERSION 1

#endif /* K3A_VERSION_H */
