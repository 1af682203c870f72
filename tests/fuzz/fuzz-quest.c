/* The questionnaire, assets/questions.json, through quest_load() with the
 * real assets' code lists. */
#include "config.h"

#include <stdlib.h>

#include "assets.h"
#include "fuzz.h"
#include "quest.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct assets *a = fuzz_assets();
	struct quest_codes qc = { &a->life_events, &a->classes, &a->groups };
	struct quest q;
	char *cause = NULL;

	if (quest_load(&q, fuzz_file(data, size), "questions.json", &qc, &cause) == 0)
		quest_free(&q);
	free(cause);
	return 0;
}
