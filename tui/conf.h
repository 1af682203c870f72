/*
 * conf.h: the kiosk's configuration file.
 *
 * The file is `key = value` lines with `#` comments and blank lines.
 * Every key is known (an unknown one is an error, so a typo cannot go
 * unnoticed), and every bad line is reported as "file:line: what is
 * wrong".  Named conf, not config, so as not to clash with autoconf's
 * config.h.
 */
#ifndef OPASTIN_CONF_H
#define OPASTIN_CONF_H

#include <stddef.h>

struct assets;

struct conf {
	char *path;			/* NULL when no file was read */
	char municipality_code[4];	/* "" when not set */
	size_t municipality_line;
	int default_language;		/* enum lang, or -1 when not set */
	size_t nkeys;			/* how many keys the file set */
};

void conf_init(struct conf *);
/* Read a file.  0, or -1 with *cause "file:line: ...". */
int conf_load(struct conf *, const char *path, char **cause);
/* Parse text as if read from a file named display (for tests). */
int conf_parse(struct conf *, const char *display, const char *text, char **cause);
/* Check the values against the assets (the municipality code exists). */
int conf_check(const struct conf *, const struct assets *, char **cause);
void conf_free(struct conf *);

/* The default path: $(sysconfdir)/opastin/opastin.conf. */
const char *conf_default_path(void);

#endif
