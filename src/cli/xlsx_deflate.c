/*
 * xlsx_deflate.c - the workbook's parts deflated at zlib's fastest level.
 *
 * An .xlsx file is a zip of XML parts.  libxlsxwriter hands each part to
 * minizip (zipOpenNewFileInZip4_64) with Z_DEFAULT_COMPRESSION (-1,
 * which zlib takes as level 6), and offers no setting for it.  Deflating
 * is the largest single cost of a workbook: about 4 of the 14 s of a
 * 100,000-bus audit, and 3 of the 27 ms of the example factory's.  Level
 * 1 (zlib's Z_BEST_SPEED) does the same job in about a third of the time
 * for larger files (the example: 83 -> 92 kB, +11 %; the 100,000-bus
 * site: 35 -> 45 MB, +27 %), which every spreadsheet program reads the
 * same way: the parts inflate to the same bytes.  README "Speed" has the
 * measured figures.
 *
 * The program defines minizip's function, which the dynamic linker
 * gives libxlsxwriter in place of minizip's own (the program comes
 * first; here libxlsxwriter calls the shared libminizip), and calls
 * minizip's with level 1 and every other argument as given.  A program
 * linked with the library alone keeps level 6.  A libxlsxwriter that
 * carries its own copy of minizip: shared, its calls may still come here
 * (same workbook, level 1); static, the two definitions would clash at
 * link time (this build links libxlsxwriter shared: Makefile PROG_LIBS).
 * The bytes are reproducible either way (the level is fixed).
 */
#define _GNU_SOURCE
#include <dlfcn.h>

/* minizip's function (zlib's contrib/minizip zip.h, 1.1; minizip's header
 * is not needed by anything else, so it is not included): zipFile is a
 * pointer, uInt unsigned int, uLong unsigned long */
typedef int zip_open_fn(void *file, const char *filename, const void *zipfi,
                        const void *extrafield_local, unsigned size_extrafield_local,
                        const void *extrafield_global, unsigned size_extrafield_global,
                        const char *comment, int method, int level, int raw, int windowBits,
                        int memLevel, int strategy, const char *password,
                        unsigned long crcForCrypting, unsigned long versionMadeBy,
                        unsigned long flagBase, int zip64);
zip_open_fn zipOpenNewFileInZip4_64;

/* zlib's Z_BEST_SPEED (zlib.h), the level every part is deflated at */
enum { XLSX_DEFLATE_LEVEL = 1 };

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi,
                            const void *extrafield_local, unsigned size_extrafield_local,
                            const void *extrafield_global, unsigned size_extrafield_global,
                            const char *comment, int method, int level, int raw,
                            int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy,
                            unsigned long flagBase, int zip64)
{
    zip_open_fn *minizip;

    *(void **)&minizip = dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    if (!minizip)
        return -102; /* minizip's ZIP_INTERNALERROR: no zip part started */
    /* a stored part (level 0) stays stored; the default (-1) and any
     * other level become level 1 */
    if (level != 0)
        level = XLSX_DEFLATE_LEVEL;
    return minizip(file, filename, zipfi, extrafield_local, size_extrafield_local,
                   extrafield_global, size_extrafield_global, comment, method, level, raw,
                   windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy,
                   flagBase, zip64);
}
