/*
 * table.h: the tab-separated tables in assets/ (municipalities, service
 * classes, target groups).
 *
 * A table has a header line naming its columns, then one row per line.
 * table_load() checks the header against the columns the caller needs and
 * every row for the right number of fields, so a broken table gives
 * "file:line:column: what is wrong".  The table owns all its strings.
 */
#ifndef OPASTIN_TABLE_H
#define OPASTIN_TABLE_H

#include <stddef.h>

struct table {
	size_t ncols;
	size_t nrows;
	char **cells;		/* nrows * ncols, row-major */
	size_t *lines;		/* source line of each row */
	size_t *order;		/* rows sorted by their first column, for
				   table_find; NULL while loading */
};

/* 0 on success; -1 with *cause ("display:line:col: ...") on failure. */
int table_load(struct table *, const char *path, const char *display,
    const char *const *columns, char **cause);
void table_free(struct table *);
const char *table_cell(const struct table *, size_t row, size_t col);
/* The row whose first column is key, or -1. */
long table_find(const struct table *, const char *key);

/*
 * A list of PTV codes (service classes "P1.2", target groups "KR1"): code,
 * URI and names.  Loaded from a table with columns code, uri, name_fi,
 * name_sv, name_en.
 */
struct codes {
	struct table t;
};
int codes_load(struct codes *, const char *path, const char *display, char **cause);
void codes_free(struct codes *);
int codes_has(const struct codes *, const char *code);
/* The table's own copy of code, or NULL when it is not in the table: one
 * string per code, which the catalogue's services share (and the
 * recommender compares by pointer).  It lives as long as the table. */
const char *codes_intern(const struct codes *, const char *code);
/* The code's URI, or NULL. */
const char *codes_uri(const struct codes *, const char *code);

#endif
