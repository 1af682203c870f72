# tests/fuzz/smoke.mk: the fuzz harnesses built with clang for make check's
# smoke (tests/fuzz-smoke.sh), whatever compiler built the program.
#
# A plain GNU makefile, not automake's: it compiles the library's sources
# straight from the source tree into OUT (in the build tree, so a
# read-only source tree and VPATH builds work), with the harnesses' flags,
# and rebuilds only what changed.  tests/fuzz-smoke.sh passes:
#   SRCDIR      the source tree
#   BUILDDIR    the build tree (config.h)
#   OUT         where objects and harnesses go
#   CC          clang
#   PKG_CFLAGS  the libraries' -I flags, as configure found them
#   LIBS        the libraries to link, likewise
#   LIB_SOURCES the library's sources (tui_libopastin_a_SOURCES)
#   HARNESSES   tests/fuzz/fuzz-NAME ...
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CFLAGS = -std=gnu11 -g -O1 -w $(SAN)
CPPFLAGS = -I$(BUILDDIR) -I$(SRCDIR)/tui -I$(SRCDIR)/tests/fuzz \
	-DLOCALEDIR=\"/nonexistent\" -DPKGDATADIR=\"$(SRCDIR)/assets\" \
	-DSYSCONFDIR=\"/nonexistent\" -DLOCALSTATEDIR=\"/nonexistent\" \
	-DFUZZ_ASSETS=\"$(SRCDIR)/assets\" $(PKG_CFLAGS)

LIB_C = $(filter %.c,$(LIB_SOURCES))
LIB_O = $(patsubst tui/%.c,$(OUT)/lib/%.o,$(LIB_C))
HEADERS = $(wildcard $(SRCDIR)/tui/*.h) $(SRCDIR)/tests/fuzz/fuzz.h $(BUILDDIR)/config.h
BINS = $(patsubst tests/fuzz/%,$(OUT)/%,$(HARNESSES))

all: $(BINS)

$(OUT)/lib/%.o: $(SRCDIR)/tui/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(OUT)/obj/%.o: $(SRCDIR)/tests/fuzz/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -c -o $@ $<

$(OUT)/libopastin-fuzz.a: $(LIB_O)
	rm -f $@
	ar rcs $@ $(LIB_O)

$(OUT)/fuzz-%: $(OUT)/obj/fuzz-%.o $(OUT)/obj/fuzz.o $(OUT)/libopastin-fuzz.a
	$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

.PHONY: all
.SECONDARY:
