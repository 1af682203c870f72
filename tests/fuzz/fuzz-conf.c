/* The configuration file, through conf_parse() and then conf_check()
 * against the real assets, as opastin --check-config reads it. */
#include "config.h"

#include <stdlib.h>

#include "assets.h"
#include "conf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct assets *a = fuzz_assets();
	struct conf c;
	char *cause = NULL;
	char *text = fuzz_text(data, size);

	conf_init(&c);
	if (conf_parse(&c, "fuzz.conf", text, &cause) == 0)
		conf_check(&c, a, &cause);
	free(cause);
	conf_free(&c);
	free(text);
	return 0;
}
