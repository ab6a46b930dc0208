/*
 * fileio.c - reading input files whole (the loader works from memory so
 * it can fingerprint the bytes and count lines itself).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

enum k3a_status k3a__read_file(const char *path, size_t max_bytes,
                               char **text, size_t *len, char *msg,
                               size_t msg_size)
{
    FILE *fp;
    struct stat st;
    char *buf = NULL;
    size_t cap = 0, n = 0;

    *text = NULL;
    *len = 0;
    fp = fopen(path, "rb");
    if (!fp) {
        snprintf(msg, msg_size, "cannot open: %s", strerror(errno));
        return K3A_E_IO;
    }
    if (fstat(fileno(fp), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            fclose(fp);
            snprintf(msg, msg_size, "is a directory, not a file");
            return K3A_E_IO;
        }
        if (S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
            fclose(fp);
            snprintf(msg, msg_size,
                     "file is %lld bytes, larger than the %zu-byte limit "
                     "for an input file",
                     (long long)st.st_size, max_bytes);
            return K3A_E_INPUT;
        }
    }
    for (;;) {
        size_t got;
        if (n + 65536 + 1 > cap) {
            size_t nc = cap ? cap * 2 : 65536 * 2;
            char *q = realloc(buf, nc);
            if (!q) {
                free(buf);
                fclose(fp);
                snprintf(msg, msg_size, "out of memory");
                return K3A_E_NOMEM;
            }
            buf = q;
            cap = nc;
        }
        got = fread(buf + n, 1, 65536, fp);
        n += got;
        if (n > max_bytes) {
            free(buf);
            fclose(fp);
            snprintf(msg, msg_size,
                     "file is larger than the %zu-byte limit for an input "
                     "file",
                     max_bytes);
            return K3A_E_INPUT;
        }
        if (got < 65536) {
            if (ferror(fp)) {
                snprintf(msg, msg_size, "read error: %s", strerror(errno));
                free(buf);
                fclose(fp);
                return K3A_E_IO;
            }
            break;
        }
    }
    fclose(fp);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return K3A_OK;
}

/* Creates an empty temporary file beside path (same folder, so a rename
 * is atomic): "DIR/.NAME.tmpXXXXXX".  Returns 0 and fills tmp, or -1 with
 * errno set. */
int k3a__tmp_beside(const char *path, char *tmp, size_t n)
{
    const char *slash = strrchr(path, '/');
    int fd, w;

    if (slash)
        w = snprintf(tmp, n, "%.*s.%s.tmpXXXXXX", (int)(slash - path + 1),
                     path, slash + 1);
    else
        w = snprintf(tmp, n, ".%s.tmpXXXXXX", path);
    if (w < 0 || (size_t)w >= n) {
        errno = ENAMETOOLONG;
        return -1;
    }
    fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    (void)fchmod(fd, 0644); /* a report is for reading by others too */
    close(fd);
    return 0;
}
