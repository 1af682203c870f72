/*
 * screen-search.c: "search by words", for citizens who already know what
 * they want.  Reached from the life-event question; the words go to the
 * backend's text search, or to the embedded catalogue.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct search {
	struct field field;
};

static void *
search_init(struct ui *ui)
{
	struct search *sr = xcalloc(1, sizeof *sr);
	const char *prev = ui_session(ui)->search;

	/* Coming back from the results: the words are still there. */
	for (size_t n = strlen(prev), i = 0; i < n;) {
		unsigned int cp;
		i += utf8_decode(prev + i, n - i, &cp);
		field_type(&sr->field, cp);
	}
	return sr;
}

static void
search_free(void *data)
{
	struct search *sr = data;
	field_clear(&sr->field);
	free(sr);
}

/* Whether the text has a word the search can use (text_words). */
static bool
has_word(const char *text)
{
	struct lines words;
	text_words(text, &words);
	bool any = words.n > 0;
	lines_wipe(&words);
	return any;
}

static void
submit(struct ui *ui, struct search *sr)
{
	if (!has_word(sr->field.text)) {
		ui_message(ui, ROLE_ERROR, "%s", _("Please type at least one word of three letters or more."));
		return;
	}
	session_search(ui_session(ui), sr->field.text);
	ui_goto(ui, &screen_results);
}

static int
search_key(struct ui *ui, void *data, int key)
{
	struct search *sr = data;

	if (key == UI_KEY_ENTER) {
		submit(ui, sr);
		return UI_HANDLED;
	}
	/* Backspace in an empty field does nothing; Esc goes back. */
	if (UI_IS_ERASE(key)) {
		field_erase(&sr->field);
		return UI_HANDLED;
	}
	if (key < UI_FN_BASE && key >= 0x20 && key != 0x7F)
		return field_type(&sr->field, (unsigned)key) ? UI_HANDLED : UI_IGNORED;
	return UI_IGNORED;
}

static void
search_back(struct ui *ui, void *data)
{
	struct session *s = ui_session(ui);

	wipe(s->search, sizeof s->search);
	s->flow.cur = QUEST_EVENT_QUESTION;
	s->flow.at_review = false;
	ui_follow_flow(ui);
}

static void
search_draw(struct ui *ui, void *data)
{
	struct search *sr = data;
	int y, x, h, w;

	ui_header(ui, _("Search by words"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	int used = ui_wrap(ui, y, x, w, 3, ROLE_TITLE,
	    _("What kind of service are you looking for?"));
	used += ui_wrap(ui, y + used, x, w, 3, ROLE_HINT,
	    _("Type a few words, for example \"housing allowance\" or \"child benefit\", then press Enter."));
	used++;
	const char *label = _("Search:");
	int lw = text_width(label);
	ui_put(ui, y + used, x, lw, ROLE_NORMAL, label);
	char *shown = xasprintf("%s_", sr->field.text);
	ui_put(ui, y + used, x + lw + 1, w - lw - 1, ROLE_FOCUS, shown);
	free(shown);
	int cx = x + lw + 1 + text_width(sr->field.text);
	ui_cursor(ui, y + used, cx < x + w ? cx : x + w - 1);
}

static char *
search_speak(struct ui *ui, void *data, bool whole)
{
	struct search *sr = data;
	char *focus = xasprintf("%s %s", _("Search:"), sr->field.text);

	if (!whole)
		return focus;
	char *out = xasprintf("%s. %s %s %s", _("Search by words"),
	    _("What kind of service are you looking for?"),
	    _("Type a few words, for example \"housing allowance\" or \"child benefit\", then press Enter."),
	    focus);
	free(focus);
	return out;
}

const struct screen_ops screen_search = {
	.name = "search",
	/* TRANSLATORS: on the key bar after "Enter": search with the words
	   typed.  The labels after Enter, Esc, F1 and F10 share 49 columns
	   of the key bar. */
	.enter_label = N_("Search"),
	.init = search_init,
	.free = search_free,
	.key = search_key,
	.back = search_back,
	.draw = search_draw,
	.speak = search_speak,
};
