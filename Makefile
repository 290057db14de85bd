# arkit - accounts-receivable and negotiation tools. See README.md.
.SUFFIXES:

BIN = ar-age ar-norm credit-grade

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
	 src/lib/gby.c src/lib/grp.c src/lib/hdrmap.c src/lib/ledger.c src/lib/money.c src/lib/norm.c src/lib/opts.c src/lib/policy.c \
	 src/lib/out.c src/lib/rec.c src/lib/scan.c src/lib/utf8.c
LIBHDR = src/lib/aging.h src/lib/apply.h src/lib/arena.h src/lib/date.h src/lib/err.h \
	 src/lib/gby.h src/lib/grp.h src/lib/hdrmap.h src/lib/ledger.h src/lib/money.h src/lib/norm.h src/lib/opts.h src/lib/policy.h \
	 src/lib/out.h src/lib/rec.h src/lib/scan.h src/lib/utf8.h src/lib/eaw.inc
UNIT = tests/unit/test-money tests/unit/test-date tests/unit/test-rec \
       tests/unit/test-norm
UNITBIN = $(UNIT:tests/unit/%=bin/unit/%) bin/unit/rec-cat

TOOLS = $(BIN:%=bin/%)
SANTOOLS = $(BIN:%=bin/san/%)

all: $(TOOLS)

bin/%: src/%.c $(LIBSRC) $(LIBHDR)
	@mkdir -p bin
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBSRC) $(LDFLAGS) $(LDLIBS) -lpthread

# the same tools under AddressSanitizer and UBSan, warnings as errors
bin/san/%: src/%.c $(LIBSRC) $(LIBHDR)
	@mkdir -p bin/san
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(LIBSRC) $(LDFLAGS) $(LDLIBS) -lpthread

bin/unit/%: tests/unit/%.c $(LIBSRC) $(LIBHDR)
	@mkdir -p bin/unit
	$(CC) $(WARN) $(CHECKFLAGS) $(CPPFLAGS) -O1 -g $(SAN) -o $@ $< $(LIBSRC) $(LDFLAGS) $(LDLIBS) -lpthread

check: $(TOOLS) $(SANTOOLS) $(UNITBIN)
	@for t in $(UNIT:tests/unit/%=bin/unit/%); do \
		echo "unit: $$t"; timeout 300 ./$$t || exit 1; done
	@tests/run bin
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 tests/run bin/san

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

.PHONY: all check demo bench install clean
