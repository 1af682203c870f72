#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"
#include "util.h"

/* Split a line at tabs into at most max fields; returns the count. */
static size_t
split(char *line, char **fields, size_t max)
{
	size_t n = 0;

	for (;;) {
		if (n < max)
			fields[n] = line;
		n++;
		char *tab = strchr(line, '\t');
		if (tab == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return n;
}

/* The index table_find searches, once the rows are all read: an
 * insertion sort, as tables hold a few hundred rows. */
static void
sort_rows(struct table *t)
{
	t->order = xcalloc(t->nrows ? t->nrows : 1, sizeof *t->order);
	for (size_t i = 0; i < t->nrows; i++) {
		const char *key = t->cells[i * t->ncols];
		size_t k = i;
		while (k > 0 && strcmp(t->cells[t->order[k - 1] * t->ncols], key) > 0) {
			t->order[k] = t->order[k - 1];
			k--;
		}
		t->order[k] = i;
	}
}

int
table_load(struct table *t, const char *path, const char *display,
    const char *const *columns, char **cause)
{
	char *text = read_file(path, 4 << 20, NULL, cause);
	size_t ncols = 0;

	memset(t, 0, sizeof *t);
	if (text == NULL)
		return -1;
	while (columns[ncols] != NULL)
		ncols++;
	t->ncols = ncols;

	char **fields = xcalloc(ncols + 1, sizeof *fields);
	char *line = text, *next;
	size_t lineno = 0;
	int rc = -1;

	for (; line != NULL && *line != '\0'; line = next) {
		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		size_t len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		/* Tabs separate fields; any other control character, or
		 * invalid UTF-8, is an error. */
		char *probe = xstrdup(line);
		for (char *p = probe; *p != '\0'; p++)
			if (*p == '\t')
				*p = ' ';
		char *clean = text_sanitize(probe, false);
		size_t bad = 0;
		while (clean[bad] != '\0' && clean[bad] == probe[bad])
			bad++;
		int invalid = strcmp(clean, probe) != 0;
		free(clean);
		free(probe);
		if (invalid) {
			/* Columns count characters, as in the JSON assets. */
			size_t col = 1;
			for (size_t i = 0; i < bad; i++)
				if (((unsigned char)line[i] & 0xC0) != 0x80)
					col++;
			*cause = xasprintf("%s:%zu:%zu: invalid UTF-8 or a control character",
			    display, lineno, col);
			goto out;
		}
		if (lineno == 1) {
			size_t n = split(line, fields, ncols + 1);
			for (size_t i = 0; i < ncols; i++) {
				if (i >= n || strcmp(fields[i], columns[i]) != 0) {
					*cause = xasprintf("%s:1:1: the header must name the columns %s%s%s...",
					    display, columns[0], ncols > 1 ? ", " : "",
					    ncols > 1 ? columns[1] : "");
					goto out;
				}
			}
			continue;
		}
		if (len == 0 || line[0] == '#')
			continue;
		size_t n = split(line, fields, ncols + 1);
		if (n != ncols) {
			*cause = xasprintf("%s:%zu:1: expected %zu tab-separated fields, found %zu",
			    display, lineno, ncols, n);
			goto out;
		}
		size_t col = 1;
		for (size_t i = 0; i < ncols; i++) {
			if (fields[i][0] == '\0' && i == 0) {
				*cause = xasprintf("%s:%zu:%zu: empty %s", display,
				    lineno, col, columns[i]);
				goto out;
			}
			col += strlen(fields[i]) + 1;
		}
		if (table_find(t, fields[0]) >= 0) {
			char *shown = text_echo(fields[0]);
			*cause = xasprintf("%s:%zu:1: duplicate %s \"%s\"", display,
			    lineno, columns[0], shown);
			free(shown);
			goto out;
		}
		t->cells = xreallocarray(t->cells, (t->nrows + 1) * ncols, sizeof *t->cells);
		t->lines = xreallocarray(t->lines, t->nrows + 1, sizeof *t->lines);
		for (size_t i = 0; i < ncols; i++)
			t->cells[t->nrows * ncols + i] = xstrdup(fields[i]);
		t->lines[t->nrows] = lineno;
		t->nrows++;
	}
	if (lineno == 0) {
		*cause = xasprintf("%s:1:1: the file is empty", display);
		goto out;
	}
	sort_rows(t);
	rc = 0;
out:
	free(fields);
	free(text);
	if (rc < 0)
		table_free(t);
	return rc;
}

void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->lines);
	free(t->order);
	memset(t, 0, sizeof *t);
}

const char *
table_cell(const struct table *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

long
table_find(const struct table *t, const char *key)
{
	if (t->order == NULL) {
		for (size_t i = 0; i < t->nrows; i++)
			if (strcmp(t->cells[i * t->ncols], key) == 0)
				return (long)i;
		return -1;
	}
	/* A catalogue of thousands of services looks up its codes here. */
	size_t lo = 0, hi = t->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->cells[t->order[mid] * t->ncols], key);
		if (c == 0)
			return (long)t->order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const char *const code_columns[] = {
	"code", "uri", "name_fi", "name_sv", "name_en", NULL
};

int
codes_load(struct codes *c, const char *path, const char *display, char **cause)
{
	return table_load(&c->t, path, display, code_columns, cause);
}

void
codes_free(struct codes *c)
{
	table_free(&c->t);
}

int
codes_has(const struct codes *c, const char *code)
{
	return table_find(&c->t, code) >= 0;
}

const char *
codes_intern(const struct codes *c, const char *code)
{
	long r = table_find(&c->t, code);
	return r < 0 ? NULL : table_cell(&c->t, (size_t)r, 0);
}

const char *
codes_uri(const struct codes *c, const char *code)
{
	long r = table_find(&c->t, code);
	return r < 0 ? NULL : table_cell(&c->t, (size_t)r, 1);
}
