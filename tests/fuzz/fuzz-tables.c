/*
 * The assets' tables (TSV): the code lists (codes_load), the
 * municipalities (munis_load) and the classes' meters (class_dims_load,
 * checked against the real service classes).  The first byte of the
 * input picks the loader, the rest is the file.
 */
#include "config.h"

#include <stdlib.h>

#include "assets.h"
#include "fuzz.h"
#include "muni.h"
#include "ptv.h"
#include "table.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct assets *a = fuzz_assets();
	char *cause = NULL;

	if (size < 1)
		return 0;
	const char *path = fuzz_file(data + 1, size - 1);
	switch (data[0] % 3) {
	case 0: {
		struct codes c;
		if (codes_load(&c, path, "codes.tsv", &cause) == 0) {
			codes_has(&c, "KE1");
			codes_free(&c);
		}
		break;
	}
	case 1: {
		struct munis m;
		if (munis_load(&m, path, "municipalities.tsv", &cause) == 0) {
			munis_find(&m, "179");
			munis_free(&m);
		}
		break;
	}
	default: {
		struct class_dims d;
		if (class_dims_load(&d, path, "class_dimensions.tsv", &a->classes, &cause) == 0) {
			char *classes[] = { "P1", "P5.2" };
			double rel[DIM_COUNT];
			class_dims_relevance(&d, classes, 2, rel);
			class_dims_free(&d);
		}
		break;
	}
	}
	free(cause);
	return 0;
}
