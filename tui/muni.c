#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "muni.h"
#include "text.h"
#include "util.h"

static const char *const muni_columns[] = { "code", "name_fi", "name_sv", NULL };

int
munis_load(struct munis *m, const char *path, const char *display, char **cause)
{
	memset(m, 0, sizeof *m);
	if (table_load(&m->t, path, display, muni_columns, cause) < 0)
		return -1;
	m->n = m->t.nrows;
	m->v = xcalloc(m->n, sizeof *m->v);
	for (size_t i = 0; i < m->n; i++) {
		struct muni *mu = &m->v[i];
		mu->code = table_cell(&m->t, i, 0);
		mu->name[0] = table_cell(&m->t, i, 1);
		mu->name[1] = table_cell(&m->t, i, 2);
		if (strlen(mu->code) != 3 || !isdigit((unsigned char)mu->code[0]) ||
		    !isdigit((unsigned char)mu->code[1]) || !isdigit((unsigned char)mu->code[2])) {
			char *shown = text_echo(mu->code);
			*cause = xasprintf("%s:%zu:1: municipality code \"%s\" is not three digits",
			    display, m->t.lines[i], shown);
			free(shown);
			m->n = i;
			munis_free(m);
			return -1;
		}
		if (mu->name[0][0] == '\0' || mu->name[1][0] == '\0') {
			*cause = xasprintf("%s:%zu:5: municipality %s has no name",
			    display, m->t.lines[i], mu->code);
			m->n = i;
			munis_free(m);
			return -1;
		}
		mu->folded[0] = text_fold(mu->name[0]);
		mu->folded[1] = text_fold(mu->name[1]);
	}
	return 0;
}

void
munis_free(struct munis *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].folded[0]);
		free(m->v[i].folded[1]);
	}
	free(m->v);
	table_free(&m->t);
	memset(m, 0, sizeof *m);
}

long
munis_find(const struct munis *m, const char *code)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->v[i].code, code) == 0)
			return (long)i;
	return -1;
}

const char *
muni_name(const struct muni *mu, enum lang l)
{
	return l == LANG_SV ? mu->name[1] : mu->name[0];
}

const char *
muni_other_name(const struct muni *mu, enum lang l)
{
	if (strcmp(mu->name[0], mu->name[1]) == 0)
		return NULL;
	return l == LANG_SV ? mu->name[0] : mu->name[1];
}

static const struct munis *sort_m;
static enum lang sort_lang;

/* Finnish and Swedish alphabetical order: å, ä and ö come after z. */
static int
collate(const char *a, const char *b)
{
	for (;;) {
		unsigned int ca, cb;
		size_t la = utf8_decode(a, strlen(a), &ca);
		size_t lb = utf8_decode(b, strlen(b), &cb);
		int ka = (int)ca, kb = (int)cb;
		if (ka == 0 || kb == 0)
			return ka - kb;
		if (ka == 0xE5 || ka == 0xC5) ka = 'z' + 1;
		else if (ka == 0xE4 || ka == 0xC4) ka = 'z' + 2;
		else if (ka == 0xF6 || ka == 0xD6) ka = 'z' + 3;
		else if (ka >= 'A' && ka <= 'Z') ka += 32;
		if (kb == 0xE5 || kb == 0xC5) kb = 'z' + 1;
		else if (kb == 0xE4 || kb == 0xC4) kb = 'z' + 2;
		else if (kb == 0xF6 || kb == 0xD6) kb = 'z' + 3;
		else if (kb >= 'A' && kb <= 'Z') kb += 32;
		if (ka != kb)
			return ka - kb;
		a += la;
		b += lb;
	}
}

static int
by_name(const void *a, const void *b)
{
	const struct muni *x = &sort_m->v[*(const size_t *)a];
	const struct muni *y = &sort_m->v[*(const size_t *)b];
	int i = sort_lang == LANG_SV ? 1 : 0;
	return collate(x->name[i], y->name[i]);
}

/* How well a municipality matches the folded query: 0 its name in
 * either language is the query, 1 a name begins with it, 2 the query is
 * elsewhere in a name, 3 no match. */
static int
match_tier(const struct muni *mu, const char *q)
{
	size_t len = strlen(q);

	if (strcmp(mu->folded[0], q) == 0 || strcmp(mu->folded[1], q) == 0)
		return 0;
	if (strncmp(mu->folded[0], q, len) == 0 || strncmp(mu->folded[1], q, len) == 0)
		return 1;
	if (text_match(mu->folded[0], q) || text_match(mu->folded[1], q))
		return 2;
	return 3;
}

size_t
munis_filter(const struct munis *m, const char *query, enum lang l, size_t *out)
{
	char *q = text_fold(query);
	size_t n = 0;

	sort_m = m;
	sort_lang = l;
	/* The exact name first ("Ii" before Iisalmi), then the names that
	 * begin with the letters, as the hint promises, then the rest;
	 * each group in alphabetical order. */
	for (int tier = 0; tier < 3; tier++) {
		size_t from = n;
		for (size_t i = 0; i < m->n; i++)
			if (match_tier(&m->v[i], q) == tier)
				out[n++] = i;
		qsort(out + from, n - from, sizeof *out, by_name);
	}
	free(q);
	return n;
}
