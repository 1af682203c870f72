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
assets_load_first(struct assets *a, const char *dir, char **cause)
{
	memset(a, 0, sizeof *a);
	a->dir = xstrdup(dir);
	char *path = xasprintf("%s/municipalities.tsv", dir);
	int rc = munis_load(&a->munis, path, path, cause);
	free(path);
	if (rc < 0)
		assets_free(a);
	return rc;
}

int
assets_load_rest(struct assets *a, char **cause)
{
	static const char *const files[] = {
		"life_events.tsv", "service_classes.tsv", "target_groups.tsv",
		"questions.json", "catalogue.json", "class_dimensions.tsv",
	};
	char *path[nitems(files)];

	for (size_t i = 0; i < nitems(files); i++)
		path[i] = xasprintf("%s/%s", a->dir, files[i]);
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
	int rc = 0;
	if (codes_load(&a->life_events, path[0], path[0], cause) < 0 ||
	    codes_load(&a->classes, path[1], path[1], cause) < 0 ||
	    codes_load(&a->groups, path[2], path[2], cause) < 0 ||
	    quest_load(&a->quest, path[3], path[3], &qc, cause) < 0 ||
	    catalogue_load(&a->cat, path[4], path[4], &cc, cause) < 0 ||
	    class_dims_load(&a->dims, path[5], path[5], &a->classes, cause) < 0)
		rc = -1;
	for (size_t i = 0; i < nitems(files); i++)
		free(path[i]);
	return rc;
}

int
assets_load(struct assets *a, const char *dir, char **cause)
{
	if (assets_load_first(a, dir, cause) < 0)
		return -1;
	if (assets_load_rest(a, cause) < 0) {
		assets_free(a);
		return -1;
	}
	return 0;
}

void
assets_free(struct assets *a)
{
	catalogue_free(&a->reg);
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

bool
assets_have_register(const struct assets *a)
{
	return a->reg.origin == CATALOGUE_REGISTER;
}

const struct catalogue *
assets_catalogue(const struct assets *a, const char *municipality)
{
	if (assets_have_register(a) && catalogue_covers(&a->reg, municipality))
		return &a->reg;
	return &a->cat;
}
