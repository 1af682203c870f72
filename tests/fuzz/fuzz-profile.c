/* A batch profile (opastin --profile FILE), checked against the real
 * assets and replayed through the flow. */
#include "config.h"

#include <stdlib.h>

#include "assets.h"
#include "fuzz.h"
#include "profile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct assets *a = fuzz_assets();
	struct profile p;
	char *cause = NULL;

	if (profile_parse(&p, fuzz_file(data, size), a, &cause) == 0)
		profile_wipe(&p);
	free(cause);
	return 0;
}
