/*
 * screen-help.c: how to use the kiosk.  An overlay; F1 or Esc closes it.
 * Each paragraph is its own string, so translators see whole thoughts
 * and a change to one paragraph leaves the others translated.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "i18n.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct help {
	struct doc doc;
};

static const struct {
	const char *key;	/* NULL for a paragraph */
	const char *text;
} help_items[] = {
	{ NULL, N_("This kiosk suggests public services that can help when something changes in your life. Answer a few questions and you get a list of services with their phone numbers, web addresses and other contact details.") },
	{ NULL, N_("You can skip any question about how satisfied you are. Your answers are not saved anywhere, and they are wiped when you start over or leave.") },
	{ "↑ ↓ Tab", N_("Move between the choices.") },
	{ "1 2 3", N_("Type a choice's number to jump to it. For 10 and up, type both digits quickly.") },
	{ "Enter", N_("Select the choice, or continue.") },
	/* TRANSLATORS: "Space" is the space bar, as on the key bar. */
	{ N_("Space"), N_("Tick or untick a box when you can choose several.") },
	{ "Esc", N_("Go back. Your answers are kept.") },
	{ "F1", N_("Open or close this help.") },
	{ "F2", N_("Change the language. Your answers are kept.") },
	{ "F10", N_("Start over. All your answers are cleared.") },
	{ NULL, N_("You can also touch or click the choices and the keys at the bottom of the screen.") },
	{ NULL, N_("The suggestions are made by a computer from your answers. They are not a decision about you. The staff here are glad to help.") },
	{ NULL, N_("Press Enter to read what is sent and where the suggestions come from.") },
};

static void *
help_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct help));
}

static void
help_free(void *data)
{
	struct help *hp = data;
	doc_clear(&hp->doc);
	free(hp);
}

static void
build(struct help *hp, int w)
{
	bool in_keys = false;

	doc_clear(&hp->doc);
	for (size_t i = 0; i < nitems(help_items); i++) {
		if (help_items[i].key == NULL) {
			if (in_keys)
				doc_blank(&hp->doc);
			in_keys = false;
			doc_add(&hp->doc, ROLE_NORMAL, 0, w, _(help_items[i].text));
			doc_blank(&hp->doc);
			continue;
		}
		in_keys = true;
		/* Keys are not translated, except the name of the space bar. */
		const char *key = help_items[i].key[0] == 'S' ? _(help_items[i].key) : help_items[i].key;
		doc_add_pair(&hp->doc, 2, 12, w, key, _(help_items[i].text));
	}
}

static int
help_key(struct ui *ui, void *data, int key)
{
	struct help *hp = data;
	int y, x, h, w;

	if (key == UI_KEY_ENTER) {
		ui_push(ui, &screen_about);
		return UI_HANDLED;
	}
	ui_body(ui, &y, &x, &h, &w);
	build(hp, w);
	return doc_key(&hp->doc, key, h) ? UI_HANDLED : UI_IGNORED;
}

static void
help_draw(struct ui *ui, void *data)
{
	struct help *hp = data;
	int y, x, h, w;

	ui_header(ui, _("Help"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	build(hp, w);
	doc_draw(ui, &hp->doc, y, x, h, w);
}

/* All of the text, in order. */
static char *
help_speak(struct ui *ui, void *data, bool whole)
{
	struct help *p = data;
	int y, x, h, w;

	if (!whole)
		return NULL;
	ui_body(ui, &y, &x, &h, &w);
	build(p, w);
	return doc_utterance(&p->doc, _("Help."));
}

const struct screen_ops screen_help = {
	.name = "help",
	/* TRANSLATORS: on the key bar of the help screen, after "Enter".
	   The labels after Enter, Esc, F1 and F10 share 49 columns of the
	   key bar. */
	.enter_label = N_("About the suggestions"),
	.init = help_init,
	.free = help_free,
	.key = help_key,
	.draw = help_draw,
	.speak = help_speak,
};
