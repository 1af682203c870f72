#!/bin/sh
# The fuzz harnesses of tests/fuzz/, a bounded smoke: each runs its seed
# corpus and then FUZZ_RUNS (10,000) made-up inputs under AddressSanitizer
# and UndefinedBehaviorSanitizer, and passes when nothing crashed, leaked
# or hung.  "make fuzz" in a fuzzing build runs them for longer.
#
# In a build configured with --enable-fuzzing the harnesses are already
# built; otherwise (gcc builds the program) they are built here with clang
# into tests/fuzz/smoke (tests/fuzz/smoke.mk).  Without clang or libFuzzer
# every case is skipped.
#
# FUZZ_SMOKE_DONE=REASON skips the build and the runs, with REASON in the
# TAP: .ci/run sets it for distcheck and the sanitizer build once the
# first make check has smoked the same harnesses and seeds (the smoke's
# clang flags are its own, whatever the build's).  What stays is a check
# that each harness's source, dictionary and seeds are here, so that
# distcheck still fails when the tarball lacks one.
. "$top_srcdir/tests/lib.sh"

: "${FUZZ_RUNS:=10000}"
harnesses=${FUZZ_HARNESSES:?run through make check}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

if [ -n "${FUZZ_SMOKE_DONE:-}" ]; then
	for h in $harnesses; do
		name=${h##*/fuzz-}
		ok_if "fuzz-$name: its source, dictionary and seeds are in the source tree" \
		    sh -c '[ -f "$1/tests/fuzz/fuzz-$2.c" ] && [ -f "$1/tests/fuzz/$2.dict" ] &&
		        [ -n "$(ls "$1/tests/fuzz/corpus/$2" 2>/dev/null)" ]' - "$top_srcdir" "$name"
	done
	ok "the build and $FUZZ_RUNS runs of each harness # SKIP $FUZZ_SMOKE_DONE"
	finish
fi

if [ "${FUZZ_ENABLED:-no}" = yes ]; then
	bindir="$top_builddir/tests/fuzz"
else
	clang=${FUZZ_CLANG:-}
	[ -n "$clang" ] || skip_all "clang not found (./bootstrap installs it)"
	cat > "$tmpdir/probe.c" <<'C'
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }
C
	"$clang" -fsanitize=fuzzer,address,undefined -o "$tmpdir/probe" "$tmpdir/probe.c" \
	    >"$tmpdir/probe.log" 2>&1 ||
	    skip_all "$clang cannot build a libFuzzer harness (libFuzzer missing?)"
	bindir="$top_builddir/tests/fuzz/smoke"
	# The build's output stays in the log; only its failure is a case.
	if make -s -f "$top_srcdir/tests/fuzz/smoke.mk" \
	    SRCDIR="$top_srcdir" BUILDDIR="$top_builddir" OUT="$bindir" CC="$clang" \
	    PKG_CFLAGS="${FUZZ_PKG_CFLAGS:-}" LIBS="${FUZZ_LIBS:-}" \
	    LIB_SOURCES="${FUZZ_LIB_SOURCES:?}" HARNESSES="$harnesses" \
	    >"$tmpdir/build.log" 2>&1; then
		ok "the harnesses build with $clang"
	else
		not_ok "the harnesses build with $clang"
		diag "$(tail -n 30 "$tmpdir/build.log")"
		finish
	fi
fi

for h in $harnesses; do
	name=${h##*/fuzz-}
	work="$tmpdir/work-$name"
	mkdir -p "$work"
	# New inputs go to a scratch corpus, first; the seeds are only read.
	if "$bindir/fuzz-$name" -runs="$FUZZ_RUNS" -max_total_time=300 -timeout=10 \
	    -rss_limit_mb=2048 -seed=1 -artifact_prefix="$tmpdir/crash-$name-" \
	    -dict="$top_srcdir/tests/fuzz/$name.dict" \
	    "$work" "$top_srcdir/tests/fuzz/corpus/$name" >"$tmpdir/$name.log" 2>&1; then
		seeds=$(ls "$top_srcdir/tests/fuzz/corpus/$name" | wc -l)
		ok "fuzz-$name: $seeds seeds and $FUZZ_RUNS runs, no crash"
		diag "$(grep -E '^(Done|#[0-9]+.*DONE)' "$tmpdir/$name.log" | tail -n 1)"
	else
		not_ok "fuzz-$name: $FUZZ_RUNS runs, no crash"
		diag "$(grep -v '^INFO\|^#' "$tmpdir/$name.log" | head -n 40)"
		for c in "$tmpdir/crash-$name-"*; do
			[ -f "$c" ] && diag "input: $(od -An -c "$c" | head -n 8)"
		done
	fi
done
finish
