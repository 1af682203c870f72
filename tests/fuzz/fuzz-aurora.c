/* The AuroraAI backend's answer, as aurora_parse() reads it: any bytes
 * the network may bring. */
#include "config.h"

#include <stdlib.h>

#include "aurora.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct results r = { 0 };
	char *cause = NULL;

	if (aurora_parse((const char *)data, size, LANG_FI, &r, &cause) == 0)
		results_free(&r);
	free(cause);
	return 0;
}
