/*
 * i18n.h: the three interface languages and gettext.
 *
 * English is the source language; Finnish and Swedish come from the
 * catalogues in locales/.  The language can change at any moment (F2):
 * i18n_set() switches gettext over, and every string is looked up again on
 * the next draw, so nothing that is shown may be cached translated.
 */
#ifndef OPASTIN_I18N_H
#define OPASTIN_I18N_H

#include <stdbool.h>

#include "gettext.h"

#define _(s) gettext(s)
#define N_(s) (s)
/* A msgid in a context (msgctxt), for a word whose translation depends
 * on where it stands: C_("feedback", "Yes").  xgettext takes it by
 * --keyword=C_:1c,2 (locales/Makevars).  Labels from questions.json
 * with a "context" go through quest_label() instead. */
#define C_(ctx, s) pgettext(ctx, s)

enum lang { LANG_FI, LANG_SV, LANG_EN, LANG_COUNT };

/* "fi", "sv", "en". */
const char *lang_code(enum lang);
/* The language's own name: "Suomi", "Svenska", "English". */
const char *lang_native_name(enum lang);
/* Parse "fi", "sv" or "en"; -1 when it is none of them. */
int lang_parse(const char *);

/*
 * Set up the locale and the text domain.  localedir may be NULL for the
 * compiled-in one; the environment variable OPASTIN_LOCALEDIR overrides
 * both, so that the program and its tests run uninstalled.
 */
void i18n_init(const char *localedir);
/* Switch gettext to a language. */
void i18n_set(enum lang);
/* The pseudo-locale of long strings (locales/pseudo-long.sh): English
 * text about 40 % longer, with accents, to test that screens fit.  When
 * on, English is looked up in its catalogue. */
#define I18N_PSEUDO_LONG "en@long"
void i18n_set_pseudo_long(bool);
/* The directory of the message catalogues i18n_init() bound. */
const char *i18n_localedir(void);
enum lang i18n_current(void);
/* The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG), or English. */
enum lang i18n_from_environment(void);
/* Translate msgid in another language without changing the current one. */
const char *i18n_gettext_in(enum lang, const char *msgid);

#endif
