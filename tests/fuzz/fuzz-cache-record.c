/*
 * One record of the compact cache (ptv-services.bin), straight into its
 * decoder (cache_record_decode, cache-record.c), with the real assets'
 * codes: every input reaches it, with no header, framing or checksum in
 * the way (fuzz-cache covers those, and the decoder through them).
 *
 * Beyond "no crash, no leak", it checks that the writer and the reader
 * agree: a record that decodes is written again (cache_record_encode),
 * and that must decode too and write the same bytes once more.  The first
 * writing may differ from the input (conditions come back in the order
 * of assets/questions.json, repeated ones once), the second may not.
 * cache_record_id() must read the same id as the decoder.
 *
 * Seeds: corpus/cache-record/, one record each, cut by cache-seeds.c
 * from the writer's output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache-record.h"
#include "catalogue.h"
#include "fuzz.h"
#include "util.h"

static void
disagree(const char *what)
{
	fprintf(stderr, "fuzz-cache-record: %s\n", what);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct catalogue_codes *codes = fuzz_codes();
	struct cat_service s, again;
	struct cache_buf once = { 0 }, twice = { 0 };
	char *cause = NULL;

	free(cache_record_id(data, size));
	if (cache_record_decode(data, size, codes, &s, &cause) < 0) {
		free(cause);
		return 0;
	}
	char *id = cache_record_id(data, size);
	if (id == NULL || strcmp(id, s.id) != 0)
		disagree("cache_record_id() and the decoder read different ids");
	free(id);

	cache_record_encode(&once, &s, codes->quest);
	cat_service_free(&s);
	if (cache_record_decode(once.p, once.n, codes, &again, &cause) < 0) {
		fprintf(stderr, "fuzz-cache-record: %s\n", cause);
		disagree("a record the writer made of a decoded one does not decode");
	}
	cache_record_encode(&twice, &again, codes->quest);
	cat_service_free(&again);
	if (once.n != twice.n || memcmp(once.p, twice.p, once.n) != 0)
		disagree("writing a record read back from the writer gives other bytes");
	free(once.p);
	free(twice.p);
	return 0;
}
