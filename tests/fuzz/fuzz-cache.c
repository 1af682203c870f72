/*
 * The register's cache as the kiosk reads it at start (cache_load), in
 * either of its two forms, chosen as cache_load() chooses them:
 *
 *  - An input that starts with the compact cache's magic ("OPASTINC") is
 *    ptv-services.bin, the file the kiosk actually reads: header, records
 *    (each through cache_record_decode), the end's count.  The harness
 *    appends the FNV-1a 64 checksum of the input, so the input is the
 *    file less its last 8 bytes: without that a mutation would be refused
 *    at the checksum, after the records were decoded, and every mutation
 *    would look the same to the reader's last step.  With it, a mutated
 *    file is one that a sync could have written or a disk could hold
 *    with its checksum intact, and the decoder's own checks are what must
 *    refuse it.  The seeds (corpus/cache/ *.bin-nosum) are written by the
 *    writer (cache-seeds.c) with the checksum cut off.
 *  - Any other input is ptv-services.jsonl, with no .bin beside it: the
 *    cache of a sync by an Opastin before the compact cache (a header
 *    line, entries one a line through the catalogue's loader, the end
 *    line with their count).
 *
 * cache_load() reads DIR/ptv-services.bin or DIR/ptv-services.jsonl; here
 * there are two such directories, made once per run, whose one file is
 * a symbolic link to the input's memfd (fuzz_file), so the input is never
 * written to the disk.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "catalogue.h"
#include "fuzz.h"
#include "util.h"

struct dir {
	char path[40];
	char *link;
};
static struct dir bin_dir = { "/tmp/opastin-fuzz-cache-bin.XXXXXX", NULL };
static struct dir jsonl_dir = { "/tmp/opastin-fuzz-cache-jsonl.XXXXXX", NULL };

static void
remove_dirs(void)
{
	struct dir *d[2] = { &bin_dir, &jsonl_dir };
	for (int i = 0; i < 2; i++) {
		if (d[i]->link == NULL)
			continue;
		unlink(d[i]->link);
		rmdir(d[i]->path);
	}
}

static void
make_dir(struct dir *d, const char *name, const char *target)
{
	if (mkdtemp(d->path) == NULL) {
		perror("fuzz: mkdtemp");
		exit(2);
	}
	d->link = xasprintf("%s/%s", d->path, name);
	if (symlink(target, d->link) < 0) {
		perror("fuzz: symlink");
		exit(2);
	}
}

/* The compact cache's checksum (cache.c's fnv1a), over the whole input. */
static uint64_t
fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t *buf;
	static size_t cap;
	struct catalogue cat;
	char *cause = NULL;
	const char *dir;
	const char *input;

	bool bin = size >= 8 && memcmp(data, CACHE_BIN_MAGIC, 8) == 0;
	if (bin) {
		if (size + 8 > cap) {
			cap = size + 8;
			buf = xreallocarray(buf, cap, 1);
		}
		memcpy(buf, data, size);
		uint64_t sum = fnv1a64(data, size);
		for (int i = 0; i < 8; i++)
			buf[size + i] = (uint8_t)(sum >> (8 * i));
		input = fuzz_file(buf, size + 8);
	} else {
		input = fuzz_file(data, size);
	}
	if (bin_dir.link == NULL) {
		make_dir(&bin_dir, CACHE_BIN_FILE, input);
		make_dir(&jsonl_dir, CACHE_FILE, input);
		atexit(remove_dirs);
	}
	dir = bin ? bin_dir.path : jsonl_dir.path;
	if (cache_load(&cat, dir, fuzz_codes(), &cause) == 0)
		catalogue_free(&cat);
	free(cause);
	return 0;
}
