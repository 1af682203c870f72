/*
 * screen-help.c: how to use the kiosk.  An overlay; F1 or Esc closes it.
 * Each paragraph is its own string, so translators see whole thoughts
 * and a change to one paragraph leaves the others translated.
 */
#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "i18n.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct help {
	struct doc doc;
	/* What the document was laid out for: it is laid out again only
	 * when one of these changes, not on every key and every frame. */
	bool built;
	int width;
	enum lang lang;
	unsigned works;		/* a bit for each enum when that holds */
};

/* When a key works, and so when the help lists it. */
enum when {
	ALWAYS,
	SPEECH,		/* speech is configured (not "off") */
	COUNTER,	/* counter mode */
	STAFF,		/* a staff PIN is configured */
};

/* The speech key is configured (F3 or F5): its name is found at run
 * time, the other keys are named here. */
#define SPEECH_TOGGLE "speech_key"

static const struct {
	const char *key;	/* NULL for a paragraph */
	const char *text;
	enum when when;
} help_items[] = {
	{ NULL, N_("This kiosk suggests public services that can help when something changes in your life. Answer a few questions and you get a list of services with their phone numbers, web addresses and other contact details."), ALWAYS },
	{ NULL, N_("You can skip any question about how satisfied you are. Your answers are not saved anywhere, and they are wiped when you start over or leave."), ALWAYS },
	{ "↑ ↓ Tab", N_("Move between the choices."), ALWAYS },
	{ "1 2 3", N_("Type a choice's number to jump to it. For 10 and up, type both digits quickly."), ALWAYS },
	{ "Enter", N_("Select the choice, or continue."), ALWAYS },
	/* TRANSLATORS: "Space" is the space bar, as on the key bar. */
	{ N_("Space"), N_("Tick or untick a box when you can choose several."), ALWAYS },
	{ "Esc", N_("Go back. Your answers are kept."), ALWAYS },
	{ "F1", N_("Open or close this help."), ALWAYS },
	{ "F2", N_("Change the language. Your answers are kept."), ALWAYS },
	/* TRANSLATORS: in the help, after the speech key (F3 or F5); the
	   keys below it are F6, F7 F8 and F9 F11. */
	{ SPEECH_TOGGLE, N_("Turn speech on or off. The keys below work while it is on."), SPEECH },
	/* TRANSLATORS: in the help, after F6. */
	{ "F6", N_("Say the screen again."), SPEECH },
	/* TRANSLATORS: in the help, after "F7 F8": F7 slower, F8 faster. */
	{ "F7 F8", N_("Speak slower or faster."), SPEECH },
	/* TRANSLATORS: in the help, after "F9 F11": F9 more quietly, F11
	   more loudly. */
	{ "F9 F11", N_("Speak more quietly or more loudly."), SPEECH },
	/* TRANSLATORS: in the help in counter mode, after F4: the summary
	   of the answers in full sentences, for the staff to read back. */
	{ "F4", N_("Show all the questions and answers in full, to read them together."), COUNTER },
	{ "F10", N_("Start over. All your answers are cleared."), ALWAYS },
	/* TRANSLATORS: in the help, after F12, where a staff PIN is set. */
	{ "F12", N_("Staff menu. It asks for the staff PIN."), STAFF },
	{ NULL, N_("You can also touch or click the choices and the keys at the bottom of the screen."), ALWAYS },
	{ NULL, N_("The suggestions are made by a computer from your answers. They are not a decision about you. The staff here are glad to help."), ALWAYS },
	{ NULL, N_("Press Enter to read what is sent and where the suggestions come from."), ALWAYS },
};

/* Does the key of help_items[i] work here, now? */
static bool
works(struct ui *ui, enum when when)
{
	switch (when) {
	case ALWAYS:
		return true;
	case SPEECH:
		return ui_speech_available(ui);
	case COUNTER:
		return ui_mode(ui) == MODE_COUNTER;
	case STAFF:
		return ui_session(ui)->conf->staff_pin_hash != NULL;
	}
	return false;
}

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
build(struct ui *ui, struct help *hp, int w)
{
	bool in_keys = false;
	char toggle[16];
	unsigned mask = 0;

	for (enum when k = ALWAYS; k <= STAFF; k++)
		if (works(ui, k))
			mask |= 1u << k;
	enum lang lang = ui_session(ui)->lang;
	if (hp->built && hp->width == w && hp->lang == lang && hp->works == mask)
		return;
	hp->built = true;
	hp->width = w;
	hp->lang = lang;
	hp->works = mask;
	snprintf(toggle, sizeof toggle, "F%d", ui_session(ui)->conf->speech_key - UI_FN(KEY_F(0)));
	doc_clear(&hp->doc);
	for (size_t i = 0; i < nitems(help_items); i++) {
		if (!works(ui, help_items[i].when))
			continue;
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
		const char *key = help_items[i].key[0] == 'S' ? _(help_items[i].key) :
		    strcmp(help_items[i].key, SPEECH_TOGGLE) == 0 ? toggle : help_items[i].key;
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
	build(ui, hp, w);
	return doc_key(&hp->doc, key, h) ? UI_HANDLED : UI_IGNORED;
}

static void
help_draw(struct ui *ui, void *data)
{
	struct help *hp = data;
	int y, x, h, w;

	ui_header(ui, _("Help"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	build(ui, hp, w);
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
	build(ui, p, w);
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
