#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "conf.h"
#include "i18n.h"
#include "util.h"

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	c->default_language = -1;
}

void
conf_free(struct conf *c)
{
	free(c->path);
	conf_init(c);
}

const char *
conf_default_path(void)
{
	return SYSCONFDIR "/opastin/opastin.conf";
}

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

typedef int (*setter)(struct conf *, const char *value, size_t line, char **why);

static int
set_municipality(struct conf *c, const char *v, size_t line, char **why)
{
	if (strlen(v) != 3 || !isdigit((unsigned char)v[0]) ||
	    !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[2])) {
		*why = xasprintf("municipality_code must be a three-digit code such as 091, not \"%s\"", v);
		return -1;
	}
	memcpy(c->municipality_code, v, 4);
	c->municipality_line = line;
	return 0;
}

static int
set_language(struct conf *c, const char *v, size_t line, char **why)
{
	int l = lang_parse(v);
	if (l < 0) {
		*why = xasprintf("default_language must be fi, sv or en, not \"%s\"", v);
		return -1;
	}
	c->default_language = l;
	return 0;
}

static const struct {
	const char *key;
	setter set;
} conf_keys[] = {
	{ "municipality_code", set_municipality },
	{ "default_language", set_language },
};

int
conf_parse(struct conf *c, const char *display, const char *text, char **cause)
{
	char *copy = xstrdup(text), *line = copy, *next;
	size_t lineno = 0;
	int rc = -1;

	for (; line != NULL; line = next) {
		char *why = NULL;

		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			*cause = xasprintf("%s:%zu: expected \"key = value\"", display, lineno);
			goto out;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		/* A comment may follow the value. */
		char *hash = strstr(value, " #");
		if (hash != NULL) {
			*hash = '\0';
			value = trim(value);
		}
		size_t k;
		for (k = 0; k < nitems(conf_keys); k++)
			if (strcmp(conf_keys[k].key, key) == 0)
				break;
		if (k == nitems(conf_keys)) {
			*cause = xasprintf("%s:%zu: unknown key \"%s\"", display, lineno, key);
			goto out;
		}
		if (*value == '\0') {
			*cause = xasprintf("%s:%zu: %s has no value", display, lineno, key);
			goto out;
		}
		if (conf_keys[k].set(c, value, lineno, &why) < 0) {
			*cause = xasprintf("%s:%zu: %s", display, lineno, why);
			free(why);
			goto out;
		}
		c->nkeys++;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

int
conf_load(struct conf *c, const char *path, char **cause)
{
	char *text = read_file(path, 1 << 20, NULL, cause);
	if (text == NULL)
		return -1;
	free(c->path);
	c->path = xstrdup(path);
	int rc = conf_parse(c, path, text, cause);
	free(text);
	return rc;
}

int
conf_check(const struct conf *c, const struct assets *a, char **cause)
{
	if (c->municipality_code[0] != '\0' &&
	    munis_find(&a->munis, c->municipality_code) < 0) {
		*cause = xasprintf("%s:%zu: municipality_code %s is not a municipality of Finland",
		    c->path ? c->path : "configuration", c->municipality_line,
		    c->municipality_code);
		return -1;
	}
	return 0;
}
