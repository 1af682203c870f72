/*
 * muni.h: the municipalities of Finland and the type-to-filter search.
 */
#ifndef OPASTIN_MUNI_H
#define OPASTIN_MUNI_H

#include <stddef.h>

#include "i18n.h"
#include "table.h"

struct muni {
	const char *code;	/* "091", borrowed from the table */
	const char *name[2];	/* Finnish and Swedish name */
	char *folded[2];	/* text_fold() of the names, owned */
};

struct munis {
	struct table t;
	struct muni *v;
	size_t n;
};

int munis_load(struct munis *, const char *path, const char *display, char **cause);
void munis_free(struct munis *);
/* Index of the municipality with this code, or -1. */
long munis_find(const struct munis *, const char *code);
/* The name to show in a language: Swedish in sv where it differs. */
const char *muni_name(const struct muni *, enum lang);
/* The other language's name when it differs, else NULL ("Vasa" for Vaasa). */
const char *muni_other_name(const struct muni *, enum lang);

/*
 * Fill out[] with the indices of the municipalities whose Finnish or
 * Swedish name matches query (ignoring case; a matches ä and å, o matches
 * ö).  Names that start with the query come first, then the rest, each
 * in alphabetical order.  An empty query matches all.  Returns the count.
 * out must have room for m->n entries.
 */
size_t munis_filter(const struct munis *, const char *query, enum lang, size_t *out);

#endif
