/*
 * screen-welcome.c: the first screen.  The languages the kiosk offers,
 * each by its own name with a line on what the kiosk is for in that
 * language, so that everyone can read at least one of them; and, while
 * speech is off, how to turn it on, in every language.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "speech.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

/* TRANSLATORS: the one line on the welcome screen that says what the
   kiosk is for. */
#define PURPOSE N_("Find the public services that can help when something changes in your life.")
#define CHOOSE N_("Choose your language")
/* TRANSLATORS: on the welcome screen while speech is off; %s is the
   speech key, e.g. F5. */
#define SPEECH_HINT N_("Press %s to hear speech.")

struct welcome {
	struct list list;
	struct list_item items[LANG_COUNT];
	enum lang langs[LANG_COUNT];	/* the languages offered, in order */
	size_t n;
	enum lang shown;		/* the session's language at the last build */
};

static void
build(struct ui *ui, struct welcome *w)
{
	unsigned offered = ui_session(ui)->conf->languages;

	w->n = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		if (!(offered & (1u << l)))
			continue;
		struct list_item *it = &w->items[w->n];
		w->langs[w->n++] = (enum lang)l;
		it->text = lang_native_name((enum lang)l);
		it->sub = i18n_gettext_in((enum lang)l, PURPOSE);
		it->numbered = true;
	}
	/* F2 (handled for every screen by ui.c) changed the language:
	 * the focus follows it, so that the language the screen now shows
	 * is the one Enter chooses. */
	enum lang now = ui_session(ui)->lang;
	if (now != w->shown) {
		w->shown = now;
		for (size_t i = 0; i < w->n; i++)
			if (w->langs[i] == now)
				w->list.focus = i;
	}
}

static void *
welcome_init(struct ui *ui)
{
	struct welcome *w = xcalloc(1, sizeof *w);
	list_init(&w->list, 1);
	/* Not a language: the first build puts the focus on the session's. */
	w->shown = LANG_COUNT;
	build(ui, w);
	return w;
}

static void
welcome_free(void *data)
{
	free(data);
}

static void
choose(struct ui *ui, struct welcome *w)
{
	struct session *s = ui_session(ui);
	session_set_lang(s, w->langs[w->list.focus]);
	ui_follow_flow(ui);
}

static int
welcome_key(struct ui *ui, void *data, int key)
{
	struct welcome *w = data;

	build(ui, w);
	if (key == UI_KEY_ENTER) {
		choose(ui, w);
		return UI_HANDLED;
	}
	return list_key(&w->list, w->items, w->n, key, 3) ? UI_HANDLED : UI_IGNORED;
}

static void
welcome_back(struct ui *ui, void *data)
{
	/* Nowhere to go back to from the first screen. */
}

static void
welcome_click(struct ui *ui, void *data, int target)
{
	struct welcome *w = data;

	build(ui, w);
	if (target >= 0 && (size_t)target < w->n) {
		w->list.focus = (size_t)target;
		choose(ui, w);
	}
}

/* A line in each offered language, joined: "Valitse kieli · Välj språk". */
static char *
in_every_language(struct welcome *w, const char *msgid, const char *arg)
{
	char *line = NULL;

	for (size_t i = 0; i < w->n; i++) {
		const char *t = i18n_gettext_in(w->langs[i], msgid);
		/* The catalogue's line is a format for one string: put the
		 * argument where its %s is, without handing printf a format
		 * that is not a literal. */
		const char *at = arg ? strstr(t, "%s") : NULL;
		char *one = at ? xasprintf("%.*s%s%s", (int)(at - t), t, arg, at + 2) :
		    xstrdup(t);
		char *next = line ? xasprintf("%s · %s", line, one) : xstrdup(one);
		free(one);
		free(line);
		line = next;
	}
	return line;
}

static const char *
fkey_name(int key)
{
	static char name[16];
	snprintf(name, sizeof name, "F%d", key - UI_FN(KEY_F(0)));
	return name;
}

static void
welcome_draw(struct ui *ui, void *data)
{
	struct welcome *w = data;
	struct session *s = ui_session(ui);
	int y, x, h, wd;

	build(ui, w);
	ui_body(ui, &y, &x, &h, &wd);
	ui_header(ui, _("Welcome"), NULL);
	char *choose_line = in_every_language(w, CHOOSE, NULL);
	int used = ui_wrap(ui, y, x, wd, 2, ROLE_TITLE, choose_line);
	free(choose_line);
	if (ui_speech_available(ui) && !ui_speech_on(ui)) {
		char *hint = in_every_language(w, SPEECH_HINT, fkey_name(s->conf->speech_key));
		used += ui_wrap(ui, y + used, x, wd, 2, ROLE_HINT, hint);
		free(hint);
	}
	list_draw(ui, &w->list, w->items, w->n, y + used + 1, x, h - used - 1, wd);
}

static char *
welcome_speak(struct ui *ui, void *data, bool whole)
{
	struct welcome *w = data;

	build(ui, w);
	char *focus = list_utterance(&w->list, w->items, w->n);
	if (!whole)
		return focus;
	char *out = xasprintf("%s. %s. %s", _("Welcome"), _(CHOOSE), focus ? focus : "");
	free(focus);
	return out;
}

const struct screen_ops screen_welcome = {
	.name = "welcome",
	.enter_label = N_("Select"),
	.no_back = true,
	.init = welcome_init,
	.free = welcome_free,
	.key = welcome_key,
	.back = welcome_back,
	.click = welcome_click,
	.draw = welcome_draw,
	.speak = welcome_speak,
};
