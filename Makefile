# arkit - accounts-receivable and negotiation tools. See README.md.
.SUFFIXES:
# build (and check) on every core
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)

BIN = ar-age ar-kpi ar-norm ar-statement credit-grade deal-plan dun-plan pay-plan pick-script

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
# where bash-completion looks for a command's completion
COMPDIR = $(PREFIX)/share/bash-completion/completions
CC = cc
CFLAGS = -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc/lib -I/usr/include/libxml2
LDLIBS = -lcsv -ljansson -lzip -lxml2
# libxlsxwriter is opened by name when -o xlsx asks for it (out_xlsx.c)
XLSX_SONAME := $(shell objdump -p "$$($(CC) -print-file-name=libxlsxwriter.so)" \
	2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
CPPFLAGS += -DXLSX_SONAME='"$(or $(XLSX_SONAME),libxlsxwriter.so.4)"'
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
      -fno-sanitize-recover=undefined
CHECKFLAGS = -Werror

# the shared layer: every src/lib/*.c, every header
LIBSRC = $(sort $(wildcard src/lib/*.c))
LIBHDR = $(sort $(wildcard src/lib/*.h)) src/lib/eaw.inc
UNIT = $(patsubst tests/unit/%.c,%,$(sort $(wildcard tests/unit/*.c)))
# fuzz targets (tests/fuzz/NAME.c): libFuzzer builds for make fuzz, and
# replay builds that make check runs over the saved corpora
FUZZ = csv json date money norm policy library deal xlsx provision company
FUZZ_TIME = 60
FUZZ_RUNS = 0

# bin/ holds the tools and nothing else (SPEC 7); objects, the sanitizer
# build, unit tests and fuzz builds live under build/
TOOLS = $(BIN:%=bin/%)
SANTOOLS = $(BIN:%=build/san/%)
UNITBIN = $(UNIT:%=build/unit/%)
REPLAY = $(FUZZ:%=build/replay/%)
# the library is compiled once per flavour
OBJ = $(LIBSRC:src/lib/%.c=build/obj/%.o)
SANOBJ = $(LIBSRC:src/lib/%.c=build/san/obj/%.o)

all: $(TOOLS)

.SECONDARY: $(OBJ) $(SANOBJ) build/libarkit.a

build/obj/%.o: src/lib/%.c $(LIBHDR)
	@mkdir -p build/obj
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# the tools link the library as an archive, and the libraries as needed:
# a tool takes only the objects it calls, so only ar-norm (which reads
# workbooks) loads libzip and libxml2, and with them ICU and libstdc++ --
# their relocations were most of a small run's time
build/libarkit.a: $(OBJ)
	rm -f $@
	$(AR) rcs $@ $(OBJ)

bin/%: src/%.c build/libarkit.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< build/libarkit.a $(LDFLAGS) -Wl,--as-needed $(LDLIBS) -lpthread

# the same tools under AddressSanitizer and UBSan, warnings as errors
build/san/obj/%.o: src/lib/%.c $(LIBHDR)
	@mkdir -p build/san/obj
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -c -o $@ $<

build/san/%: src/%.c $(SANOBJ) $(LIBHDR)
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

build/unit/%: tests/unit/%.c $(SANOBJ) $(LIBHDR)
	@mkdir -p build/unit
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

# (a target may include a tool's source: it is rebuilt when that changes)
build/replay/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SANOBJ) $(LIBHDR) $(BIN:%=src/%.c)
	@mkdir -p build/replay
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -D_GNU_SOURCE -Itests/fuzz -O1 -g $(SAN) -o $@ $< tests/fuzz/replay.c $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIBSRC) $(LIBHDR) $(BIN:%=src/%.c)
	@mkdir -p build/fuzz
	clang -std=c11 $(CPPFLAGS) -D_GNU_SOURCE -Itests/fuzz -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< $(LIBSRC) $(LDFLAGS) $(LDLIBS) -lpthread

# the benchmark's generator: tests/partial.sh draws its ledgers from it
build/gen-invoices: bench/gen-invoices.c
	@mkdir -p build
	$(CC) -O2 -std=c11 -Wall -Wextra -o $@ bench/gen-invoices.c

# the fault injector of tests/faults.sh (LD_PRELOAD): failing malloc and
# write(2) at the N-th call
build/fault-inject.so: tests/fault/inject.c
	@mkdir -p build
	$(CC) $(WARN) $(CHECKFLAGS) -O2 -shared -fPIC -o $@ tests/fault/inject.c

check: $(TOOLS) $(SANTOOLS) $(UNITBIN) $(REPLAY) build/gen-invoices build/fault-inject.so
	@tests/check

lint:
	@tests/lint

# valgrind on the golden cases (CI runs it; about 5 minutes), and the
# allocation failures of tests/faults.sh at every N
memcheck: $(TOOLS) $(UNITBIN) build/fault-inject.so
	@tests/memcheck

# make fuzz [FUZZ_TIME=seconds] [FUZZ_RUNS=n] [FUZZ="csv json"]: never in CI
fuzz: $(FUZZ:%=build/fuzz/%)
	@sh tests/fuzz/run $(FUZZ_TIME) $(FUZZ_RUNS) $(FUZZ)

demo: $(TOOLS)
	@sh examples/demo.sh

bench: $(TOOLS)
	@sh bench/run

install: $(TOOLS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(COMPDIR)
	for t in $(BIN); do \
		cp bin/$$t $(DESTDIR)$(BINDIR)/ && \
		cp man/$$t.1 $(DESTDIR)$(MANDIR)/man1/ && \
		cp src/arkit.bash $(DESTDIR)$(COMPDIR)/$$t || exit 1; done
	for m in man/*.5 man/*.7; do [ -e "$$m" ] || continue; \
		cp "$$m" $(DESTDIR)$(MANDIR)/man$${m##*.}/ || exit 1; done

uninstall:
	for t in $(BIN); do \
		rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/man1/$$t.1 \
		    $(DESTDIR)$(COMPDIR)/$$t; done
	for m in man/*.5 man/*.7; do [ -e "$$m" ] || continue; \
		rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m#man/}; done

clean:
	rm -rf bin build

.PHONY: all check lint memcheck fuzz demo bench install uninstall clean
