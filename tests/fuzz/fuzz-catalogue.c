/* A catalogue entry, one line of the register's cache or one service of
 * assets/catalogue.json, through catalogue_parse_service() with the real
 * assets' codes.  A successful parse is also turned into a result, as
 * the results screen does. */
#include "config.h"

#include <stdlib.h>

#include "catalogue.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalogue_loader *ld;
	struct cat_service svc;
	char *cause = NULL;

	if (ld == NULL)
		ld = catalogue_loader_new(fuzz_codes(), "fuzz.jsonl");
	char *text = fuzz_text(data, size);
	if (catalogue_parse_service(ld, text, 1, &svc, &cause) == 0) {
		for (int l = 0; l < LANG_COUNT; l++) {
			struct service s;
			catalogue_to_result(&svc, (enum lang)l, &s);
			service_free(&s);
		}
		cat_service_free(&svc);
	}
	free(cause);
	free(text);
	return 0;
}
