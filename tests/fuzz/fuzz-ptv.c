/*
 * The national service register's answers, as opastin --sync reads them:
 * a page (sync_check_page), its items mapped as channels and as services
 * (ptv_map_channel, ptv_map_service), and each mapped service read back
 * by the catalogue's loader, as the sync checks it before caching it.
 *
 * The input is one JSON document: a page {"pageNumber": 1, "itemList":
 * [...]}, an array of items, or one item.  Every item is tried as a
 * channel first, then as a service that may name the channels mapped.
 */
#include "config.h"

#include <stdlib.h>

#include <jansson.h>

#include "assets.h"
#include "catalogue.h"
#include "fuzz.h"
#include "ptv.h"
#include "sync.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalogue_loader *ld;
	const struct assets *a = fuzz_assets();
	struct ptv_codes pc = { &a->life_events, &a->classes, &a->groups, &a->munis, &a->dims };
	json_error_t e;
	const char *why;
	char *cause = NULL;
	long page_count;
	json_t *items = NULL;

	if (ld == NULL)
		ld = catalogue_loader_new(fuzz_codes(), "fuzz.jsonl");
	/* As net.c hands the body over: the bytes received, NULs included. */
	json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
	if (root == NULL)
		return 0;
	if (sync_check_page(root, 1, &items, &page_count, &cause) < 0) {
		free(cause);
		items = NULL;
	}
	json_t *list = json_array();
	if (json_is_array(items))
		json_array_extend(list, items);
	else if (json_is_array(root))
		json_array_extend(list, root);
	else
		json_array_append(list, root);

	json_t *channels = json_object();
	size_t i;
	json_t *item;
	json_array_foreach(list, i, item) {
		json_t *ch = ptv_map_channel(item, &why);
		const char *id = json_string_value(json_object_get(item, "id"));
		if (ch != NULL && id != NULL)
			json_object_set(channels, id, ch);
		json_decref(ch);
	}
	json_array_foreach(list, i, item) {
		json_t *svc = ptv_map_service(item, channels, &pc, "https://ptv.invalid/api/v11", &why);
		if (svc == NULL)
			continue;
		char *line = json_dumps(svc, JSON_COMPACT);
		struct cat_service cs;
		if (line != NULL && catalogue_parse_service(ld, line, 1, &cs, &cause) == 0)
			cat_service_free(&cs);
		free(cause);
		cause = NULL;
		free(line);
		json_t *ids = json_array(), *seen = json_object();
		ptv_channel_ids(item, ids, seen);
		json_decref(ids);
		json_decref(seen);
		json_decref(svc);
	}
	json_decref(channels);
	json_decref(list);
	json_decref(root);
	return 0;
}
