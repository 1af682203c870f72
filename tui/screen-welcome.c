/*
 * screen-welcome.c: the first screen.  The three languages by their own
 * names, each with a line on what the kiosk is for in that language, so
 * that everyone can read at least one of them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

/* TRANSLATORS: the one line on the welcome screen that says what the
   kiosk is for. */
#define PURPOSE N_("Find the public services that can help when something changes in your life.")
#define CHOOSE N_("Choose your language")

struct welcome {
	struct list list;
	struct list_item items[LANG_COUNT];
};

static void *
welcome_init(struct ui *ui)
{
	struct welcome *w = xcalloc(1, sizeof *w);
	list_init(&w->list, 1);
	w->list.focus = (size_t)ui_session(ui)->lang;
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
	session_set_lang(s, (enum lang)w->list.focus);
	ui_follow_flow(ui);
}

static int
welcome_key(struct ui *ui, void *data, int key)
{
	struct welcome *w = data;

	if (key == UI_KEY_ENTER) {
		choose(ui, w);
		return UI_HANDLED;
	}
	return list_key(&w->list, w->items, LANG_COUNT, key, 3) ? UI_HANDLED : UI_IGNORED;
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
	if (target >= 0 && target < LANG_COUNT) {
		w->list.focus = (size_t)target;
		choose(ui, w);
	}
}

static void
welcome_draw(struct ui *ui, void *data)
{
	struct welcome *w = data;
	int y, x, h, wd;
	char *choose_line = NULL;

	ui_body(ui, &y, &x, &h, &wd);
	ui_header(ui, _("Welcome"), NULL);
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *c = i18n_gettext_in((enum lang)l, CHOOSE);
		char *next = choose_line ? xasprintf("%s · %s", choose_line, c) : xstrdup(c);
		free(choose_line);
		choose_line = next;
		w->items[l].text = lang_native_name((enum lang)l);
		w->items[l].sub = i18n_gettext_in((enum lang)l, PURPOSE);
		w->items[l].numbered = true;
	}
	int used = ui_wrap(ui, y, x, wd, 2, ROLE_TITLE, choose_line);
	free(choose_line);
	list_draw(ui, &w->list, w->items, LANG_COUNT, y + used + 1, x, h - used - 1, wd);
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
};
