# k3audit - electrical risk-assessment and energy-audit engine.
# `make help` lists the targets.  On a fresh Debian machine the first
# `make` installs the libraries it needs (scripts/deps.sh).

CC       ?= cc
BUILD    ?= build
SAN      ?=
OPT      ?= -O2 -g
WERROR   ?= -Werror
PREFIX   ?= /usr/local
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wold-style-definition -Wformat=2 -Wcast-qual \
            -Wwrite-strings -Wundef -Wvla -Wconversion -Wfloat-equal
PKGS     := gsl xlsxwriter inih cairo pangocairo libqrencode sqlite3 zlib
# libpq: its header at build time; the library is loaded when a PostgreSQL
# store is opened (src/history/engine.c), not at every start
PQ_CFLAGS = $(shell pkg-config --cflags libpq 2>/dev/null)
# Recursive (=) so pkg-config runs after `deps` has installed the libraries.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(PQ_CFLAGS)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The program loads the PDF writer (cairo, pango, libqrencode) as a module
# when --pdf or --labels asks for it (src/cli/pdf_module.c); it links the
# rest of the library.
PDF_PKGS := cairo pangocairo libqrencode
CORE_LIBS  = $(shell pkg-config --libs $(filter-out $(PDF_PKGS),$(PKGS)) 2>/dev/null)
PDF_LIBS   = $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)
# The program links GSL and inih from their static archives (in their
# -dev packages): three shared libraries fewer to map and relocate at
# each start.  SQLite stays shared (security fixes; tests/history.sh
# interposes on it).  PROG_STATIC= links them all as shared libraries; a
# library whose archives are not all installed (some distributions' -dev
# packages lack them) is linked shared, and the link says so.
PROG_STATIC ?= gsl inih
STATIC_ON  := -Wl,-Bstatic
STATIC_OFF := -Wl,-Bdynamic
# $(1) when every lib*.a of pkg-config module $(1) is in its libdir
static_ok   = $(shell d=$$(pkg-config --variable=libdir $(1) 2>/dev/null) && \
              for l in $$(pkg-config --libs-only-l $(1) 2>/dev/null); do \
              [ $$l = -lm ] || [ -f "$$d/lib$$(echo $$l | cut -c3-).a" ] || exit 0; \
              done && echo $(1))
PROG_STATIC_OK = $(strip $(foreach p,$(PROG_STATIC),$(call static_ok,$(p))))
PROG_LIBS  = $(if $(PROG_STATIC_OK),$(STATIC_ON) $(filter-out -lm,$(shell pkg-config --libs \
             $(PROG_STATIC_OK) 2>/dev/null)) $(STATIC_OFF)) $(shell pkg-config --libs \
             $(filter-out $(PDF_PKGS) $(PROG_STATIC_OK),$(PKGS)) 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -MMD -MP
CFLAGS   += -std=c11 $(WARN) $(WERROR) $(OPT) $(SAN)
LDFLAGS  += $(SAN)
LDLIBS   += -lm -ldl
# The library's version (include/k3audit/version.h); the shared library's
# soname carries its major number, or 0.MINOR while the major is 0 (a 0.x
# version may change the ABI at each minor one)
VERSION  := $(shell sed -n 's/^\#define K3A_VERSION "\(.*\)"/\1/p' include/k3audit/version.h)
SOMAJOR  := $(if $(filter 0,$(word 1,$(subst ., ,$(VERSION)))),0.$(word 2,$(subst ., ,$(VERSION))),$(word 1,$(subst ., ,$(VERSION))))

Q := @
ifdef V
Q :=
endif

# the library's sources, one folder per step of the pipeline (README:
# "How the code is organised"); src/cli is the program
LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/check_*.c))
MODELS   := $(sort $(wildcard models/*.ini))
HDRS     := $(sort $(wildcard include/k3audit/*.h))

LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/models_embedded.o
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/obj/tests/%.o) $(BUILD)/obj/tests/run_all.o
LIB      := $(BUILD)/libk3audit.a
PDF_OBJ  := $(filter $(BUILD)/obj/report/pdf_%,$(LIB_OBJ))
CORE     := $(BUILD)/libk3audit-core.a
PDFMOD   := $(BUILD)/k3audit-pdf.so
SONAME   := libk3audit.so.$(SOMAJOR)
SHLIB    := $(BUILD)/libk3audit.so.$(VERSION)
MAN      := $(BUILD)/k3audit.1
BIN      := $(BUILD)/k3audit
TEST_BIN := $(BUILD)/run_tests

.PHONY: bench bench-history docs all deps check check-unit check-e2e check-locale check-install \
        check-history check-asan check-tsan sanitize valgrind demo fuzz \
        fuzz-run \
        headers format format-check install clean help examples

all: $(LIB) $(BIN) $(PDFMOD)     ## build libk3audit.a, the k3audit program and its PDF module

deps:                            ## install missing libraries (apt-get as root)
	$(Q)sh scripts/deps.sh

# Library objects are position-independent: the same objects make the
# static and the shared library.
$(BUILD)/obj/%.o: src/%.c Makefile | deps
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -fPIC -c $< -o $@

# The program (not the library) has one extra thread: the JSON and then
# the audit history written while the workbook is (src/cli/cmd_audit.c).
$(BUILD)/obj/cli/%.o: src/cli/%.c Makefile | deps
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -pthread -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c | deps
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion -D_DEFAULT_SOURCE -c $< -o $@

# The model tables are compiled into the library (models/ stays the source).
# (rebuilt when a header the two sources include changes: src/base.h and the
# public headers)
$(BUILD)/embed: tools/embed.c src/base/sha256.c src/base.h $(HDRS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -O1 -Iinclude -Isrc $(filter %.c,$^) -o $@

$(BUILD)/models_embedded.c: $(BUILD)/embed $(MODELS)
	$(Q)$(BUILD)/embed $@ $(MODELS)

$(BUILD)/obj/models_embedded.o: $(BUILD)/models_embedded.c | deps
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -Wno-overlength-strings -c $< -o $@

$(LIB): $(LIB_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

# The program's library: all but the PDF writer (not installed).
$(CORE): $(filter-out $(PDF_OBJ),$(LIB_OBJ))
	$(Q)rm -f $@ && ar rcs $@ $^

# The PDF writer as the program loads it: its objects with what they use
# of the library, exporting the two k3a_report_write_*pdf calls only.
$(PDFMOD): $(PDF_OBJ) $(CORE) tools/k3audit-pdf.map
	$(Q)$(CC) $(LDFLAGS) -shared -Wl,--version-script=tools/k3audit-pdf.map \
	    -Wl,--as-needed $(PDF_OBJ) $(CORE) $(PDF_LIBS) $(CORE_LIBS) -lm -o $@

# The shared library exports the public k3a_ API only (tools/libk3audit.map).
$(SHLIB): $(LIB_OBJ) tools/libk3audit.map
	$(Q)$(CC) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=tools/libk3audit.map $(LIB_OBJ) $(PKG_LIBS) -lm -ldl -o $@

$(BUILD)/k3audit.pc: Makefile include/k3audit/version.h
	@mkdir -p $(dir $@)
	$(Q)printf '%s\n' 'prefix=$(PREFIX)' 'exec_prefix=$${prefix}' \
	    'libdir=$${exec_prefix}/lib' 'includedir=$${prefix}/include' '' \
	    'Name: k3audit' \
	    'Description: electrical risk assessment and energy audit (PUIL 2011, Permenaker 12/2015)' \
	    'Version: $(VERSION)' 'Requires: gsl' 'Requires.private: $(filter-out gsl,$(PKGS))' \
	    'Libs: -L$${libdir} -lk3audit' 'Libs.private: -lm -ldl' \
	    'Cflags: -I$${includedir}' > $@

# The manual page is made from the program's own --help (tools/man.sh).
$(MAN): $(BIN) tools/man.sh
	$(Q)sh tools/man.sh $(BIN) $(VERSION) > $@

$(BIN): $(CLI_OBJ) $(CORE) | $(PDFMOD)
	$(Q)$(foreach p,$(filter-out $(PROG_STATIC_OK),$(PROG_STATIC)),echo "k3audit: $(p)'s \
	    static archives are not installed: linked shared (make PROG_STATIC= to ask for none)";)
	$(Q)$(CC) $(LDFLAGS) -pthread $(CLI_OBJ) $(CORE) $(PROG_LIBS) $(LDLIBS) -o $@

$(TEST_BIN): $(TEST_OBJ) $(LIB)
	$(Q)$(CC) $(LDFLAGS) $(TEST_OBJ) $(LIB) $(PKG_LIBS) $(CHECK_LIBS) $(LDLIBS) -o $@

check: check-unit check-e2e check-locale check-install check-history ## run every Check suite, the end-to-end, locale, install and history tests

check-unit: $(TEST_BIN) $(BUILD)/scratch_test
	$(Q)CK_DEFAULT_TIMEOUT=$${CK_DEFAULT_TIMEOUT:-60} K3A_DATA=tests/data $(TEST_BIN)
	$(Q)$(BUILD)/scratch_test

# The program's stand-in for libxlsxwriter's scratch files on its own
# (src/cli/xlsx_scratch.c, compiled after the library's utility.h, so
# that the two declarations of lxw_tmpfile must agree).
$(BUILD)/scratch_test: tests/scratch_test.c src/cli/xlsx_scratch.c src/cli/cli.h src/base.h | deps
	$(Q)$(CC) $(filter-out -MMD -MP,$(CPPFLAGS)) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion $< \
	    $(LDFLAGS) -Wl,--no-as-needed $(shell pkg-config --libs xlsxwriter 2>/dev/null) \
	    -Wl,--as-needed $(CHECK_LIBS) -ldl -o $@

check-e2e: $(BIN)
	$(Q)sh tests/e2e.sh $(BIN)
	$(Q)sh tests/render.sh $(BIN)

# the library's outputs under a comma locale, byte for byte (tests/locale.sh)
$(BUILD)/locale_test: tests/locale_test.c $(LIB)
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $< $(LIB) $(LDFLAGS) $(PKG_LIBS) $(LDLIBS) -o $@

check-locale: $(BUILD)/locale_test
	$(Q)sh tests/locale.sh $(BUILD)/locale_test examples/pabrik-karawang.ini

# The audit history (SQLite; PostgreSQL when K3A_TEST_PG names a server);
# after the unit tests, whose timeouts a busy machine can reach.
check-history: $(BIN) | check-unit
	$(Q)sh tests/history.sh $(BIN)

# Installs into a temporary PREFIX, builds examples/libdemo.c there
# through pkg-config alone and runs it; checks that the umbrella header
# includes every public header and that the manual page holds --help;
# the installed program writes a PDF through its module (lib/k3audit/).
check-install: $(LIB) $(BIN) $(PDFMOD) $(SHLIB) $(MAN)
	$(Q)rm -rf $(BUILD)/inst && $(MAKE) --no-print-directory -s install \
	    PREFIX=$(abspath $(BUILD)/inst) >/dev/null
	$(Q)for h in $(HDRS); do [ $$h = include/k3audit/k3audit.h ] || \
	    grep -q "include \"$${h#include/}\"" include/k3audit/k3audit.h || \
	    { echo "check-install: k3audit.h does not include $$h"; exit 1; }; done
	$(Q)! grep -n 'k3a__' $(BUILD)/inst/include/k3audit/*.h || \
	    { echo "check-install: a private k3a__ name in an installed header"; exit 1; }
	$(Q)$(BIN) --help | while IFS= read -r l; do \
	    l=$$(printf '%s' "$$l" | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"); \
	    grep -qxF -- "$$l" $(BUILD)/inst/share/man/man1/k3audit.1 || \
	    { echo "check-install: k3audit.1 lacks the --help line: $$l"; exit 1; }; done
	$(Q)PKG_CONFIG_PATH=$(abspath $(BUILD)/inst/lib/pkgconfig) && export PKG_CONFIG_PATH && \
	    $(CC) -std=c11 -Wall -Wextra -Werror $(SAN) examples/libdemo.c \
	    $$(pkg-config --cflags --libs k3audit) -o $(BUILD)/libdemo && \
	    LD_LIBRARY_PATH=$(abspath $(BUILD)/inst/lib) $(BUILD)/libdemo examples/minimal.ini | tee $(BUILD)/libdemo.out && \
	    readelf -d $(BUILD)/libdemo | grep -q 'NEEDED.*$(SONAME)' && \
	    grep -q 'pass' $(BUILD)/libdemo.out && echo "install: libdemo built with pkg-config and run: ok"
	$(Q)mkdir -p $(BUILD)/inst/out && $(BUILD)/inst/bin/k3audit audit examples/minimal.ini \
	    -O $(BUILD)/inst/out --no-xlsx --pdf --no-db -q && [ -s $(BUILD)/inst/out/minimal.pdf ] && \
	    echo "install: the installed program loads its PDF module: ok"

# ThreadSanitizer over the program's one thread (the JSON and the audit
# history beside the workbook), in build-tsan/: the end-to-end tests write
# workbook and JSON many times, the history tests store beside workbooks.
check-tsan:                      ## the end-to-end and history tests under ThreadSanitizer
	$(Q)$(MAKE) --no-print-directory BUILD=build-tsan OPT="-O1 -g" \
	    SAN="-fsanitize=thread -fno-omit-frame-pointer" all
	$(Q)TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$(abspath tests/tsan.supp)" \
	    sh tests/e2e.sh build-tsan/k3audit
	$(Q)TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$(abspath tests/tsan.supp)" \
	    sh tests/history.sh build-tsan/k3audit

check-asan: sanitize             ## the tests under AddressSanitizer + UBSan

sanitize:
	$(Q)LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(MAKE) --no-print-directory BUILD=build-san OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" check

valgrind: $(TEST_BIN) $(BIN)     ## leak check; CK_FORK=no keeps tests in-process
	$(Q)CK_FORK=no K3A_DATA=tests/data valgrind -q --leak-check=full \
	    --suppressions=tests/valgrind.supp \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=1 $(TEST_BIN)
	$(Q)K3A_VALGRIND=1 sh tests/e2e.sh $(BIN)

# Fuzzing (libFuzzer, clang): one target per parser - the site loader,
# the calc argument parsers, the models loader.  `make fuzz` builds them in
# build-fuzz/ and runs each for FUZZ_SECONDS on a seed corpus from
# examples/, tests/data/, models/ and fuzz/seeds/; a crash leaves its input
# in build-fuzz/ (crash-*), to be kept as a test in tests/data/ (the
# models fuzzer replays tests/data/fuzz/).
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := site calc models audit
FUZZ_SAN     := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer

fuzz:                            ## build the fuzz targets with clang and run each FUZZ_SECONDS
	$(Q)sh scripts/deps.sh fuzz
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" WERROR= \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer" fuzz-run

$(BUILD)/fuzz-%: fuzz/fuzz_%.c $(CORE) $(CLI_OBJ)
	$(Q)$(CC) $(CPPFLAGS) -Isrc/cli $(PKG_CFLAGS) -std=c11 -O1 -g $(FUZZ_SAN) $< \
	    $(filter-out %/main.o,$(CLI_OBJ)) $(CORE) $(CORE_LIBS) $(LDLIBS) -pthread -o $@

fuzz-run: $(FUZZ_TARGETS:%=$(BUILD)/fuzz-%)
	$(Q)for t in $(FUZZ_TARGETS); do \
	    mask=0; \
	    case $$t in site|audit) seeds="examples tests/data";; \
	                models) seeds="models tests/data/fuzz fuzz/seeds/models";; \
	                calc) seeds=fuzz/seeds/calc; mask=3;; esac; \
	    mkdir -p $(BUILD)/corpus-$$t; \
	    echo "fuzz $$t: $(FUZZ_SECONDS) s"; \
	    $(BUILD)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=16384 \
	        -artifact_prefix=$(BUILD)/ -print_final_stats=1 -close_fd_mask=$$mask \
	        $(BUILD)/corpus-$$t $$seeds 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|Done" ; \
	    if ls $(BUILD)/crash-* $(BUILD)/leak-* $(BUILD)/timeout-* >/dev/null 2>&1; then \
	        echo "fuzz $$t: a failing input is in $(BUILD)/"; exit 1; fi; \
	done

BENCH_BIN := $(BUILD)/k3a-bench
GEN_BIN   := $(BUILD)/k3a-gen

# the bench deflates its workbooks, ours and the raw one, at the level the
# program does (src/cli/xlsx_deflate.c); the raw one gets the same calls
# as ours, kept by wrapping these libxlsxwriter functions (bench/replay.c)
REPLAY_WRAP := workbook_new_opt workbook_add_worksheet workbook_add_format \
    worksheet_write_string worksheet_write_number worksheet_write_blank worksheet_set_row \
    worksheet_set_column worksheet_merge_range format_set_text_wrap format_set_bold \
    format_set_italic format_set_align format_set_border format_set_top format_set_indent \
    format_set_font_color format_set_bg_color format_set_font_size format_set_num_format
$(BENCH_BIN): bench/bench.c bench/gen.c bench/gen.h bench/replay.c bench/replay.h \
              src/cli/xlsx_deflate.c $(LIB) | deps
	$(Q)for f in $$(nm -u $(LIB) | awk '$$1 == "U" { print $$2 }' | sort -u | grep -E \
	    '^(worksheet_(write_|merge_|set_row|set_column)|format_set_|workbook_(add_format|add_worksheet|new))'); do \
	    case " $(strip $(REPLAY_WRAP)) " in *" $$f "*) ;; \
	    *) echo "bench/replay.c does not keep $$f, which the library calls: add it there and to REPLAY_WRAP" >&2; \
	       exit 1 ;; esac; done
	$(Q)$(CC) $(CPPFLAGS) -Ibench $(PKG_CFLAGS) -std=c11 -O2 -g $(WARN) $(WERROR) -Wno-cast-qual \
	    bench/bench.c bench/gen.c bench/replay.c src/cli/xlsx_deflate.c $(LIB) $(PKG_LIBS) \
	    $(LDLIBS) $(foreach f,$(REPLAY_WRAP),-Wl,--wrap=$(f)) -o $@

$(GEN_BIN): bench/gen.c bench/gen.h
	$(Q)$(CC) -std=c11 -O2 -DK3A_GEN_MAIN -Ibench bench/gen.c -o $@

bench: $(BENCH_BIN) $(GEN_BIN)   ## speed and memory on generated sites, beside the targets
	$(Q)$(BENCH_BIN)

HBENCH_BIN := $(BUILD)/k3a-history-bench

$(HBENCH_BIN): bench/history_bench.c $(LIB) | deps
	$(Q)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -O2 -g $(WARN) $(WERROR) \
	    bench/history_bench.c $(LIB) $(PKG_LIBS) $(LDLIBS) -o $@

bench-history: $(BIN) $(HBENCH_BIN) $(GEN_BIN) ## what the audit history costs, beside its targets
	$(Q)sh bench/history.sh $(BIN) $(HBENCH_BIN) $(GEN_BIN)

demo: $(BIN)                     ## audit the example factory into reports/
	$(Q)mkdir -p reports
	$(Q)$(BIN) audit examples/pabrik-karawang.ini -o reports/pabrik-karawang.xlsx \
	    --json reports/pabrik-karawang.json --pdf --labels
	@echo "workbook: reports/pabrik-karawang.xlsx; report and labels: reports/pabrik-karawang.pdf, reports/pabrik-karawang-label.pdf"

examples: $(BIN)                 ## check every shipped example
	$(Q)for f in examples/*.ini; do $(BIN) check -q $$f || exit 1; done

docs: $(BIN)                     ## regenerate docs/keys.md from the key tables
	$(Q){ printf '# Site file keys\n\nGenerated by `k3audit keys` (make docs): every section kind and key,\nwith unit, type, range, default and one line in Bahasa Indonesia.\n\n```\n'; \
	    $(BIN) keys; printf '```\n'; } > docs/keys.md

headers: | deps                  ## every public header compiles on its own
	$(Q)for h in $(HDRS); do printf '#include "%s"\ntypedef int k3a_header_check;\n' $${h#include/} | \
	    $(CC) $(filter-out -MMD -MP,$(CPPFLAGS)) $(CFLAGS) -x c -fsyntax-only - || exit 1; done
	$(Q)for h in $(filter-out include/k3audit/k3audit.h,$(HDRS)); do \
	    grep -q "^#include \"$${h#include/}\"" include/k3audit/k3audit.h || \
	    { echo "k3audit.h does not include $${h#include/}"; exit 1; }; done

format:                          ## reformat the C sources
	$(Q)clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) $(HDRS)

format-check:                    ## fail if anything is not formatted
	$(Q)clang-format --dry-run --Werror $(LIB_SRC) $(CLI_SRC) $(TEST_SRC) $(HDRS)

install: $(LIB) $(BIN) $(PDFMOD) $(SHLIB) $(BUILD)/k3audit.pc $(MAN) ## install program, its PDF module, libraries, headers, k3audit.pc, man page, models (PREFIX=...)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/lib/k3audit \
	    $(DESTDIR)$(PREFIX)/include/k3audit $(DESTDIR)$(PREFIX)/share/k3audit/models \
	    $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/k3audit
	install -m 644 $(PDFMOD) $(DESTDIR)$(PREFIX)/lib/k3audit/k3audit-pdf.so
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libk3audit.a
	install -m 755 $(SHLIB) $(DESTDIR)$(PREFIX)/lib/libk3audit.so.$(VERSION)
	ln -sf libk3audit.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libk3audit.so
	install -m 644 $(HDRS) $(DESTDIR)$(PREFIX)/include/k3audit/
	install -m 644 $(MODELS) $(DESTDIR)$(PREFIX)/share/k3audit/models/
	install -m 644 $(MAN) $(DESTDIR)$(PREFIX)/share/man/man1/k3audit.1
	sed 's|^prefix=.*|prefix=$(PREFIX)|' $(BUILD)/k3audit.pc > $(DESTDIR)$(PREFIX)/lib/pkgconfig/k3audit.pc

clean:                           ## remove build outputs
	rm -rf build build-san build-tsan build-fuzz

help:                            ## list the targets
	@grep -hE '^[a-z-]+:.*## ' Makefile | sed 's/:[^#]*## /\t/'

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
