/*
 * The register's cache as the kiosk reads it at start (cache_load): a
 * header line, catalogue entries one a line, and the trailer with their
 * count, each entry through the catalogue's loader with the real assets'
 * codes.
 *
 * cache_load() reads DIR/ptv-services.jsonl; here DIR is a directory
 * made once per run whose ptv-services.jsonl is a symbolic link to the
 * input's memfd (fuzz_file), so the input is never written to the disk.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cache.h"
#include "catalogue.h"
#include "fuzz.h"
#include "util.h"

static char dir[] = "/tmp/opastin-fuzz-cache.XXXXXX";
static char *link_path;

static void
remove_dir(void)
{
	unlink(link_path);
	rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalogue cat;
	char *cause = NULL;

	const char *input = fuzz_file(data, size);
	if (link_path == NULL) {
		if (mkdtemp(dir) == NULL) {
			perror("fuzz: mkdtemp");
			exit(2);
		}
		link_path = xasprintf("%s/%s", dir, CACHE_FILE);
		if (symlink(input, link_path) < 0) {
			perror("fuzz: symlink");
			exit(2);
		}
		atexit(remove_dir);
	}
	if (cache_load(&cat, dir, fuzz_codes(), &cause) == 0)
		catalogue_free(&cat);
	free(cause);
	return 0;
}
