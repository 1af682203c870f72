/*
 * assets.h: everything loaded from the assets directory, validated.
 *
 * assets_load() reads every file and checks every cross-reference (codes,
 * question ids, dimensions); the first problem stops it with one line
 * "file:line:col: what is wrong".  The struct assets owns all it holds and
 * is read-only afterwards, so screens and the recommender share it freely.
 */
#ifndef OPASTIN_ASSETS_H
#define OPASTIN_ASSETS_H

#include <stdbool.h>

#include "catalogue.h"
#include "muni.h"
#include "ptv.h"
#include "quest.h"
#include "table.h"

struct assets {
	char *dir;
	struct codes life_events;
	struct codes classes;
	struct codes groups;
	struct munis munis;
	struct quest quest;
	struct catalogue cat;	/* the bundled one, always */
	/* The register's cache that opastin --sync wrote, once the program
	 * has loaded it (app.c); origin CATALOGUE_BUNDLED and no services
	 * while there is none.  Both stay loaded: the bundled catalogue is
	 * small, and it serves the citizens the cache does not cover. */
	struct catalogue reg;
	struct class_dims dims;	/* meters from service classes, for the register */
};

int assets_load(struct assets *, const char *dir, char **cause);

/*
 * assets_load() in two steps, for the kiosk, whose first screen needs
 * none of the assets: first the municipalities, which the checks of the
 * configuration need before the terminal is touched; then the rest (the
 * questionnaire, the code tables and the catalogue, about 30 ms of
 * parsing on a slow machine), once the first screen is on the terminal.
 * After a failure of assets_load_first() nothing is held; after one of
 * assets_load_rest() the caller still frees what was read with
 * assets_free().
 */
int assets_load_first(struct assets *, const char *dir, char **cause);
int assets_load_rest(struct assets *, char **cause);
void assets_free(struct assets *);

/* Whether a register cache is loaded into a->reg. */
bool assets_have_register(const struct assets *);

/*
 * The catalogue that serves a citizen of municipality ("" when not
 * given): the register's cache when one is loaded and was synced for
 * that municipality (catalogue_covers()), else the bundled catalogue,
 * which has every wellbeing services county's own services.  Never a
 * mix of the two: their nationwide services are the same services under
 * other ids, and would show twice.  The recommender ranks it, and the
 * results name it (results.from_register, catalogue_date), so the source
 * line is always the one used for that citizen.  Borrowed from a.
 */
const struct catalogue *assets_catalogue(const struct assets *, const char *municipality);

/* The default assets directory: $OPASTIN_ASSETS, else the installed one. */
const char *assets_default_dir(void);

#endif
