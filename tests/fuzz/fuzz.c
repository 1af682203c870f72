#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "assets.h"
#include "catalogue.h"
#include "fuzz.h"
#include "util.h"

#ifndef FUZZ_ASSETS
#define FUZZ_ASSETS "assets"
#endif

const struct assets *
fuzz_assets(void)
{
	static struct assets a;
	static int loaded;
	char *cause = NULL;

	if (loaded)
		return &a;
	const char *dir = getenv("OPASTIN_ASSETS");
	if (dir == NULL || *dir == '\0')
		dir = FUZZ_ASSETS;
	if (assets_load(&a, dir, &cause) < 0) {
		fprintf(stderr, "fuzz: the assets do not load: %s\n", cause);
		exit(2);
	}
	loaded = 1;
	return &a;
}

const struct catalogue_codes *
fuzz_codes(void)
{
	static struct catalogue_codes cc;
	const struct assets *a = fuzz_assets();

	if (cc.quest == NULL)
		cc = (struct catalogue_codes){ &a->quest, &a->life_events, &a->classes,
		    &a->groups, &a->munis };
	return &cc;
}

char *
fuzz_text(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];

	if (fd < 0) {
		fd = memfd_create("opastin-fuzz", MFD_CLOEXEC);
		if (fd < 0) {
			perror("fuzz: memfd_create");
			exit(2);
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror("fuzz: writing the input");
		exit(2);
	}
	return path;
}
