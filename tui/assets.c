#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "util.h"

const char *
assets_default_dir(void)
{
	const char *env = getenv("OPASTIN_ASSETS");
	return (env != NULL && *env != '\0') ? env : PKGDATADIR;
}

/* Each loader gets the path to read and the same path for messages. */
int
assets_load(struct assets *a, const char *dir, char **cause)
{
	static const char *const files[] = {
		"life_events.tsv", "service_classes.tsv", "target_groups.tsv",
		"municipalities.tsv", "questions.json", "catalogue.json",
		"class_dimensions.tsv",
	};
	char *path[nitems(files)];
	int rc = -1;

	memset(a, 0, sizeof *a);
	a->dir = xstrdup(dir);
	for (size_t i = 0; i < nitems(files); i++)
		path[i] = xasprintf("%s/%s", dir, files[i]);

	struct quest_codes qc = {
		.life_events = &a->life_events,
		.classes = &a->classes,
		.groups = &a->groups,
	};
	struct catalogue_codes cc = {
		.quest = &a->quest,
		.life_events = &a->life_events,
		.classes = &a->classes,
		.groups = &a->groups,
		.munis = &a->munis,
	};
	if (codes_load(&a->life_events, path[0], path[0], cause) < 0 ||
	    codes_load(&a->classes, path[1], path[1], cause) < 0 ||
	    codes_load(&a->groups, path[2], path[2], cause) < 0 ||
	    munis_load(&a->munis, path[3], path[3], cause) < 0 ||
	    quest_load(&a->quest, path[4], path[4], &qc, cause) < 0 ||
	    catalogue_load(&a->cat, path[5], path[5], &cc, cause) < 0 ||
	    class_dims_load(&a->dims, path[6], path[6], &a->classes, cause) < 0)
		goto out;
	rc = 0;
out:
	for (size_t i = 0; i < nitems(files); i++)
		free(path[i]);
	if (rc < 0)
		assets_free(a);
	return rc;
}

void
assets_free(struct assets *a)
{
	catalogue_free(&a->cat);
	class_dims_free(&a->dims);
	quest_free(&a->quest);
	munis_free(&a->munis);
	codes_free(&a->groups);
	codes_free(&a->classes);
	codes_free(&a->life_events);
	free(a->dir);
	memset(a, 0, sizeof *a);
}
