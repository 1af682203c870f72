#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static const struct {
	const char *code;
	const char *native;
} languages[LANG_COUNT] = {
	[LANG_FI] = { "fi", "Suomi" },
	[LANG_SV] = { "sv", "Svenska" },
	[LANG_EN] = { "en", "English" },
};

static enum lang current = LANG_EN;
static bool pseudo_long;

const char *
lang_code(enum lang l)
{
	return languages[l].code;
}

const char *
lang_native_name(enum lang l)
{
	return languages[l].native;
}

int
lang_parse(const char *s)
{
	for (int i = 0; i < LANG_COUNT; i++)
		if (s != NULL && strcmp(s, languages[i].code) == 0)
			return i;
	return -1;
}

static const char *bound_localedir = LOCALEDIR;

const char *
i18n_localedir(void)
{
	return bound_localedir;
}

void
i18n_init(const char *localedir)
{
	const char *ctype = setlocale(LC_ALL, "");

	/*
	 * gettext ignores LANGUAGE under the C locale, and wcwidth() needs
	 * UTF-8.  A minimal kiosk image has only C, C.UTF-8 and POSIX, and
	 * C.UTF-8 is always there on Debian.
	 */
	if (ctype == NULL || strcmp(ctype, "C") == 0 ||
	    strcmp(ctype, "POSIX") == 0 ||
	    (strstr(ctype, "UTF-8") == NULL && strstr(ctype, "utf8") == NULL))
		setlocale(LC_ALL, "C.UTF-8");

	const char *env = getenv("OPASTIN_LOCALEDIR");
	if (env != NULL && *env != '\0')
		localedir = env;
	if (localedir == NULL)
		localedir = LOCALEDIR;
	bound_localedir = localedir;
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

void
i18n_set(enum lang l)
{
	current = l;
	setenv("LANGUAGE", l == LANG_EN && pseudo_long ? I18N_PSEUDO_LONG : languages[l].code, 1);
	/* Make gettext drop its lookup cache: see ../shared/README.md. */
	textdomain(PACKAGE);
}

void
i18n_set_pseudo_long(bool on)
{
	pseudo_long = on;
	i18n_set(current);
}

enum lang
i18n_current(void)
{
	return current;
}

enum lang
i18n_from_environment(void)
{
	static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		if (strncmp(v, "fi", 2) == 0)
			return LANG_FI;
		if (strncmp(v, "sv", 2) == 0)
			return LANG_SV;
		return LANG_EN;
	}
	return LANG_EN;
}

const char *
i18n_gettext_in(enum lang l, const char *msgid)
{
	enum lang saved = current;
	i18n_set(l);
	const char *s = gettext(msgid);
	i18n_set(saved);
	return s;
}
