/*
 * fuzz_calc.c - libFuzzer target for the `calc` argument parsers: the
 * input is one argument per line (the first is the method name), handed to
 * the command as its argv.  `make fuzz` runs it with -close_fd_mask=3 so
 * the command's output does not flood the terminal.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf, *p, *argv[32];
    int argc = 0;

    if (size > 4096)
        return 0;
    buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    argv[argc++] = (char *)"calc";
    for (p = buf; p && argc < 31;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        argv[argc++] = p;
        p = nl ? nl + 1 : NULL;
    }
    argv[argc] = NULL;
    (void)cmd_calc(argc, argv);
    free(buf);
    return 0;
}
