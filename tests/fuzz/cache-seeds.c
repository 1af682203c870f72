/*
 * cache-seeds: the seeds of fuzz-cache and fuzz-cache-record, written by
 * the cache's own writer, so that they are files a sync really makes.
 *
 *   tests/fuzz/cache-seeds IN.jsonl OUT
 *
 * reads IN.jsonl (a JSON Lines cache: header, entries, end line) with
 * the cache's reader, writes its entries with cache_create(), cache_write()
 * and cache_commit() into a temporary directory, and from the
 * ptv-services.bin made there writes
 *
 *   OUT.bin-nosum   the file less its last 8 bytes (the checksum, which
 *                   fuzz-cache appends to its input), for corpus/cache/
 *   OUT-N.rec       record N alone (1, 2, ...), for corpus/cache-record/
 *
 * Built on demand: make tests/fuzz/cache-seeds (tests/fuzz/README.md).
 * The codes are the assets' of the source tree, or $OPASTIN_ASSETS.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "fuzz.h"
#include "util.h"

static void
die(const char *what, const char *cause)
{
	fprintf(stderr, "cache-seeds: %s: %s\n", what, cause != NULL ? cause : "failed");
	exit(1);
}

static void
write_file(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0)
		die(path, "cannot write");
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int
main(int argc, char **argv)
{
	struct cache_header h;
	char *cause = NULL;
	const char *line;
	int lineno, got;

	if (argc != 3) {
		fprintf(stderr, "usage: cache-seeds IN.jsonl OUT\n");
		return 2;
	}
	char tmp[] = "/tmp/opastin-cache-seeds.XXXXXX";
	if (mkdtemp(tmp) == NULL)
		die("mkdtemp", NULL);

	struct cache_reader *r = cache_open(argv[1], &h, &cause);
	if (r == NULL)
		die(argv[1], cause);
	struct cache_writer *w = cache_create(tmp, &h, fuzz_codes(), &cause);
	if (w == NULL)
		die(tmp, cause);
	while ((got = cache_next(r, &line, &lineno, &cause)) > 0)
		if (cache_write(w, line, &cause) < 0)
			die(argv[1], cause);
	if (got < 0)
		die(argv[1], cause);
	cache_close(r);
	cache_header_free(&h);
	if (cache_commit(w, &cause) < 0)
		die(tmp, cause);

	/* Read back what the writer made, and cut it up. */
	char *bin = xasprintf("%s/%s", tmp, CACHE_BIN_FILE);
	FILE *f = fopen(bin, "rb");
	if (f == NULL)
		die(bin, "cannot read");
	unsigned char *p = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			p = xreallocarray(p, cap, 1);
		}
		size_t k = fread(p + n, 1, cap - n, f);
		if (k == 0)
			break;
		n += k;
	}
	fclose(f);
	if (n < 16 + 20)
		die(bin, "too short");
	char *out = xasprintf("%s.bin-nosum", argv[2]);
	write_file(out, p, n - 8);
	free(out);

	size_t at = 12;
	at += 4 + le32(p + at);			/* the header */
	for (int i = 1; at + 4 <= n; i++) {
		uint32_t len = le32(p + at);
		if (len == 0 || at + 4 + len > n)
			break;
		out = xasprintf("%s-%d.rec", argv[2], i);
		write_file(out, p + at + 4, len);
		free(out);
		at += 4 + len;
	}

	unlink(bin);
	char *jsonl = xasprintf("%s/%s", tmp, CACHE_FILE);
	unlink(jsonl);
	rmdir(tmp);
	free(jsonl);
	free(bin);
	free(p);
	return 0;
}
