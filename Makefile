# arkit - accounts-receivable and negotiation tools. See README.md.
.SUFFIXES:
# build (and check) on every core
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)

BIN = ar-age ar-kpi ar-norm credit-grade deal-plan dun-plan pick-script

PREFIX = /usr/local
CC = cc
CFLAGS = -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc/lib
LDLIBS = -lcsv -ljansson
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
      -fno-sanitize-recover=undefined
CHECKFLAGS = -Werror

LIBSRC = src/lib/aging.c src/lib/apply.c src/lib/arena.c src/lib/date.c src/lib/err.c \
	 src/lib/gby.c src/lib/grp.c src/lib/hdrmap.c src/lib/ics.c src/lib/ledger.c src/lib/money.c src/lib/norm.c src/lib/opts.c src/lib/policy.c \
	 src/lib/out.c src/lib/rec.c src/lib/scan.c src/lib/scripts.c src/lib/style.c src/lib/utf8.c
LIBHDR = src/lib/aging.h src/lib/apply.h src/lib/arena.h src/lib/date.h src/lib/err.h \
	 src/lib/gby.h src/lib/grp.h src/lib/hdrmap.h src/lib/ics.h src/lib/ledger.h src/lib/money.h src/lib/norm.h src/lib/opts.h src/lib/policy.h \
	 src/lib/out.h src/lib/rec.h src/lib/scan.h src/lib/scripts.h src/lib/style.h src/lib/utf8.h src/lib/eaw.inc
UNIT = tests/unit/test-money tests/unit/test-date tests/unit/test-rec \
       tests/unit/test-norm
UNITBIN = $(UNIT:tests/unit/%=bin/unit/%) bin/unit/rec-cat
# fuzz targets (tests/fuzz/NAME.c): libFuzzer builds for make fuzz, and
# replay builds that make check runs over the saved corpora
FUZZ = csv json date money norm policy library deal
FUZZ_TIME = 60
REPLAY = $(FUZZ:%=bin/replay/%)

TOOLS = $(BIN:%=bin/%)
SANTOOLS = $(BIN:%=bin/san/%)
# the library is compiled once per flavour, into bin/obj and bin/san/obj
OBJ = $(LIBSRC:src/lib/%.c=bin/obj/%.o)
SANOBJ = $(LIBSRC:src/lib/%.c=bin/san/obj/%.o)

all: $(TOOLS)

.SECONDARY: $(OBJ) $(SANOBJ)

bin/obj/%.o: src/lib/%.c $(LIBHDR)
	@mkdir -p bin/obj
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

bin/%: src/%.c $(OBJ) $(LIBHDR)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(OBJ) $(LDFLAGS) $(LDLIBS) -lpthread

# the same tools under AddressSanitizer and UBSan, warnings as errors
bin/san/obj/%.o: src/lib/%.c $(LIBHDR)
	@mkdir -p bin/san/obj
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -c -o $@ $<

bin/san/%: src/%.c $(SANOBJ) $(LIBHDR)
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

bin/unit/%: tests/unit/%.c $(SANOBJ) $(LIBHDR)
	@mkdir -p bin/unit
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

bin/replay/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SANOBJ) $(LIBHDR)
	@mkdir -p bin/replay
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -D_GNU_SOURCE -Itests/fuzz -O1 -g $(SAN) -o $@ $< tests/fuzz/replay.c $(SANOBJ) $(LDFLAGS) $(LDLIBS) -lpthread

bin/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIBSRC) $(LIBHDR)
	@mkdir -p bin/fuzz
	clang -std=c11 $(CPPFLAGS) -D_GNU_SOURCE -Itests/fuzz -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< $(LIBSRC) $(LDFLAGS) $(LDLIBS) -lpthread

check: $(TOOLS) $(SANTOOLS) $(UNITBIN) $(REPLAY)
	@tests/check

lint:
	@tests/lint

# valgrind on the golden cases (CI runs it; about 5 minutes)
memcheck: $(TOOLS)
	@tests/memcheck

# make fuzz [FUZZ_TIME=seconds] [FUZZ="csv json"]: never in CI
fuzz: $(FUZZ:%=bin/fuzz/%)
	@sh tests/fuzz/run $(FUZZ_TIME) $(FUZZ)

demo: $(TOOLS)
	@sh examples/demo.sh

bench: $(TOOLS)
	@sh bench/run

install: $(TOOLS)
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	for t in $(BIN); do \
		cp bin/$$t $(DESTDIR)$(PREFIX)/bin/ && \
		cp man/$$t.1 $(DESTDIR)$(PREFIX)/share/man/man1/ || exit 1; done

clean:
	rm -rf bin

.PHONY: all check lint memcheck fuzz demo bench install clean
