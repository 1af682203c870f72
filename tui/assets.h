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
	struct catalogue cat;	/* the bundled one, or the register's cache */
	struct class_dims dims;	/* meters from service classes, for the register */
};

int assets_load(struct assets *, const char *dir, char **cause);
void assets_free(struct assets *);

/* The default assets directory: $OPASTIN_ASSETS, else the installed one. */
const char *assets_default_dir(void);

#endif
