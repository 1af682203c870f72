/*
 * screen-question.c: one question of the flow, of any type.
 *
 * The screen reads the current question from the session's flow and
 * writes the answer back through session_answer(); it keeps only what is
 * being edited (the focus, ticked boxes, typed text) in its own state.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "muni.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

/* Targets for buttons under the list, after the items. */
enum button { BUTTON_CONTINUE, BUTTON_SKIP, BUTTON_SEARCH, BUTTON_COUNT };

struct qscreen {
	size_t qi;
	const struct question *q;
	struct list list;
	unsigned long mask;	/* multi: the boxes ticked so far */
	struct field field;	/* number, municipality search */
	size_t *matches;	/* municipality: indices that match the search */
	size_t nmatches;
	size_t first_match;	/* item index of matches[0], after the button */
	enum lang sorted_in;	/* the language the matches are sorted in */
	/* Items of the list, rebuilt on each draw in the current language. */
	struct list_item *items;
	size_t nitems;
	int buttons[BUTTON_COUNT];	/* item index of each button, or -1 */
	char **owned;		/* strings the items point to */
	size_t nowned;
	/* number: what is wrong with the number entered, shown on the line
	 * under the field, in place of its hint, until the field changes.
	 * A kind, not a text, so that F2 shows it in the new language. */
	enum { NUMBER_OK, NUMBER_EMPTY, NUMBER_RANGE } number_error;
};

/* The number error's text in the current language; NULL for none. */
static char *
number_error_text(const struct qscreen *qs)
{
	switch (qs->number_error) {
	case NUMBER_OK:
		break;
	case NUMBER_EMPTY:
		return xstrdup(_("Please type a number."));
	case NUMBER_RANGE:
		/* TRANSLATORS: %1$d and %2$d are the smallest and largest
		   number allowed; under the number field, after Enter. */
		return xasprintf(_("Please type a number from %1$d to %2$d."), qs->q->min, qs->q->max);
	}
	return NULL;
}

/* Note what is wrong with the number, and say it. */
static void
number_error(struct ui *ui, struct qscreen *qs, int kind)
{
	qs->number_error = kind;
	char *text = number_error_text(qs);
	ui_say(ui, text);
	free(text);
}

static const char *
own(struct qscreen *qs, char *s)
{
	strv_push(&qs->owned, &qs->nowned, s);
	return s;
}

static void
refilter(struct ui *ui, struct qscreen *qs)
{
	struct session *s = ui_session(ui);
	qs->nmatches = munis_filter(&s->assets->munis, qs->field.text, s->lang, qs->matches);
	qs->sorted_in = s->lang;
	/* Typed letters focus the best match; with nothing typed, or
	 * nothing matching, the focus rests on "Not in Finland / prefer
	 * not to say", so that Enter never picks a municipality the
	 * citizen did not choose. */
	qs->list.focus = qs->field.chars > 0 && qs->nmatches > 0 ? qs->first_match : 0;
	qs->list.top = 0;
}

/* After F2 the names sort in the new language; the focus stays on the
 * same municipality. */
static void
resort(struct ui *ui, struct qscreen *qs)
{
	if (qs->q->type != Q_MUNICIPALITY || qs->sorted_in == ui_session(ui)->lang)
		return;
	size_t at = qs->list.focus - qs->first_match;
	size_t focused = qs->list.focus >= qs->first_match && at < qs->nmatches ?
	    qs->matches[at] : (size_t)-1;
	refilter(ui, qs);
	for (size_t i = 0; i < qs->nmatches; i++)
		if (qs->matches[i] == focused)
			qs->list.focus = qs->first_match + i;
}

static void *
question_init(struct ui *ui)
{
	struct session *s = ui_session(ui);
	struct qscreen *qs = xcalloc(1, sizeof *qs);
	struct answer a;

	qs->qi = s->flow.cur;
	qs->q = &s->assets->quest.q[qs->qi];
	a = session_answer_or_default(s, qs->qi);
	list_init(&qs->list, qs->q->type == Q_SCALE ? 0 : 1);

	switch (qs->q->type) {
	case Q_SINGLE:
		if (a.state == ANSWER_SET)
			qs->list.focus = (size_t)a.value;
		break;
	case Q_MULTI:
		if (a.state == ANSWER_SET)
			qs->mask = a.mask;
		break;
	case Q_SCALE:
		if (a.state == ANSWER_SET)
			qs->list.focus = (size_t)a.value;
		else if (a.state == ANSWER_SKIPPED)
			qs->list.focus = METER_MAX + 1;
		else
			/* On "Skip": Enter records no rating nobody gave. */
			qs->list.focus = METER_MAX + 1;
		break;
	case Q_NUMBER:
		if (a.state == ANSWER_SET) {
			char buf[16];
			snprintf(buf, sizeof buf, "%d", a.value);
			for (char *p = buf; *p; p++)
				field_type(&qs->field, (unsigned char)*p);
		}
		break;
	case Q_MUNICIPALITY:
		qs->matches = xcalloc(s->assets->munis.n, sizeof *qs->matches);
		qs->first_match = 1;
		refilter(ui, qs);
		if (a.state == ANSWER_SET)
			for (size_t i = 0; i < qs->nmatches; i++)
				if (qs->matches[i] == (size_t)a.value)
					qs->list.focus = qs->first_match + i;
		break;
	}
	return qs;
}

static void
drop_items(struct qscreen *qs)
{
	strv_wipe_free(qs->owned, qs->nowned);
	qs->owned = NULL;
	qs->nowned = 0;
	free(qs->items);
	qs->items = NULL;
	qs->nitems = 0;
}

static void
question_free(void *data)
{
	struct qscreen *qs = data;
	drop_items(qs);
	free(qs->matches);
	field_clear(&qs->field);
	wipe(qs, sizeof *qs);
	free(qs);
}

static struct list_item *
add_item(struct qscreen *qs, const char *text, enum list_mark mark, bool numbered)
{
	qs->items = xreallocarray(qs->items, qs->nitems + 1, sizeof *qs->items);
	struct list_item *it = &qs->items[qs->nitems++];
	memset(it, 0, sizeof *it);
	it->text = text;
	it->mark = mark;
	it->numbered = numbered;
	return it;
}

static void
add_button(struct qscreen *qs, enum button b, const char *label)
{
	qs->buttons[b] = (int)qs->nitems;
	add_item(qs, label, MARK_BUTTON, false);
}

/* The items for the question as it stands, in the current language. */
static void
build_items(struct ui *ui, struct qscreen *qs)
{
	struct session *s = ui_session(ui);
	const struct quest *quest = &s->assets->quest;
	const struct question *q = qs->q;
	struct answer a = s->flow.answers[qs->qi];

	drop_items(qs);
	resort(ui, qs);
	for (int b = 0; b < BUTTON_COUNT; b++)
		qs->buttons[b] = -1;

	switch (q->type) {
	case Q_SINGLE:
		for (size_t i = 0; i < q->nopts; i++) {
			bool on = a.state == ANSWER_SET && (size_t)a.value == i;
			struct list_item *it = add_item(qs, quest_label(&q->opts[i]),
			    on ? MARK_RADIO_ON : MARK_RADIO, true);
			if (qs->qi == QUEST_EVENT_QUESTION)
				it->sub2 = _(quest->events[i].description);
		}
		/* For those who already know what they want. */
		if (qs->qi == QUEST_EVENT_QUESTION)
			add_button(qs, BUTTON_SEARCH, _("Search by words instead"));
		break;
	case Q_MULTI:
		for (size_t i = 0; i < q->nopts; i++)
			add_item(qs, quest_label(&q->opts[i]),
			    (qs->mask & (1UL << i)) ? MARK_CHECK_ON : MARK_CHECK, true);
		add_button(qs, BUTTON_CONTINUE, _("Continue"));
		break;
	case Q_SCALE: {
		/* The question's own end labels, else its dimension's. */
		const struct dimension *dim = q->meter >= 0 ? &quest->dims[q->meter] : NULL;
		const char *low = q->low ? q->low : dim ? dim->low : NULL;
		const char *high = q->high ? q->high : dim ? dim->high : NULL;
		for (int v = METER_MIN; v <= METER_MAX; v++) {
			bool on = a.state == ANSWER_SET && a.value == v;
			const char *text = "";
			if (v == METER_MIN && low != NULL)
				text = _(low);
			else if (v == METER_MAX && high != NULL)
				text = _(high);
			add_item(qs, text, on ? MARK_RADIO_ON : MARK_RADIO, true);
		}
		add_button(qs, BUTTON_SKIP, _("Skip this question"));
		break;
	}
	case Q_NUMBER:
		add_button(qs, BUTTON_CONTINUE, _("Continue"));
		if (q->optional)
			add_button(qs, BUTTON_SKIP, _("Skip this question"));
		break;
	case Q_MUNICIPALITY:
		/* First, so that it is where the focus starts. */
		add_button(qs, BUTTON_SKIP, _("Not in Finland / prefer not to say"));
		for (size_t i = 0; i < qs->nmatches; i++) {
			const struct muni *m = &s->assets->munis.v[qs->matches[i]];
			const char *other = muni_other_name(m, s->lang);
			const char *text = other ?
			    own(qs, xasprintf("%s (%s)", muni_name(m, s->lang), other)) :
			    muni_name(m, s->lang);
			bool on = a.state == ANSWER_SET && (size_t)a.value == qs->matches[i];
			/* Unnumbered: digits type into the search. */
			add_item(qs, text, on ? MARK_RADIO_ON : MARK_NONE, false);
		}
		break;
	}
	if (qs->list.focus >= qs->nitems)
		qs->list.focus = qs->nitems ? qs->nitems - 1 : 0;
}

static void
commit(struct ui *ui, struct qscreen *qs, const struct answer *a)
{
	struct session *s = ui_session(ui);
	session_answer(s, qs->qi, a);
	flow_next(&s->flow);
	ui_follow_flow(ui);
}

static void
skip(struct ui *ui, struct qscreen *qs)
{
	struct answer a = { .state = ANSWER_SKIPPED };
	commit(ui, qs, &a);
}

static void
enter_number(struct ui *ui, struct qscreen *qs)
{
	const struct question *q = qs->q;
	long v;

	if (qs->field.chars == 0) {
		if (q->optional) {
			skip(ui, qs);
			return;
		}
		number_error(ui, qs, NUMBER_EMPTY);
		return;
	}
	if (parse_int(qs->field.text, q->min, q->max, &v) < 0) {
		number_error(ui, qs, NUMBER_RANGE);
		return;
	}
	struct answer a = { .state = ANSWER_SET, .value = (int)v };
	commit(ui, qs, &a);
}

/* Enter, or a click, on item i. */
static void
activate(struct ui *ui, struct qscreen *qs, size_t i)
{
	const struct question *q = qs->q;
	struct answer a = { .state = ANSWER_SET };

	if ((int)i == qs->buttons[BUTTON_SKIP]) {
		skip(ui, qs);
		return;
	}
	if ((int)i == qs->buttons[BUTTON_SEARCH]) {
		ui_goto(ui, &screen_search);
		return;
	}
	switch (q->type) {
	case Q_SINGLE:
		a.value = (int)i;
		commit(ui, qs, &a);
		break;
	case Q_MULTI:
		if ((int)i == qs->buttons[BUTTON_CONTINUE]) {
			/* Nothing ticked is no answer, not "none of these". */
			if (qs->mask == 0)
				skip(ui, qs);
			else {
				a.mask = qs->mask;
				commit(ui, qs, &a);
			}
		} else
			qs->mask = quest_toggle(q, qs->mask, i);
		break;
	case Q_SCALE:
		a.value = (int)i;
		commit(ui, qs, &a);
		break;
	case Q_NUMBER:
		enter_number(ui, qs);
		break;
	case Q_MUNICIPALITY:
		if (i >= qs->first_match && i - qs->first_match < qs->nmatches) {
			a.value = (int)qs->matches[i - qs->first_match];
			commit(ui, qs, &a);
		}
		break;
	}
}

static int
question_key(struct ui *ui, void *data, int key)
{
	struct qscreen *qs = data;
	const struct question *q = qs->q;
	int page = LINES / 3;

	build_items(ui, qs);
	if (key == UI_KEY_ENTER) {
		if (q->type == Q_MULTI && qs->list.focus < q->nopts) {
			/* Enter ticks, as it chooses on every other list; on a
			 * ticked box it goes on to "Continue". */
			if (qs->mask & (1UL << qs->list.focus))
				qs->list.focus = (size_t)qs->buttons[BUTTON_CONTINUE];
			else
				qs->mask = quest_toggle(q, qs->mask, qs->list.focus);
		} else if (q->type == Q_NUMBER && (int)qs->list.focus != qs->buttons[BUTTON_SKIP])
			enter_number(ui, qs);
		else if (q->type == Q_MUNICIPALITY && qs->nmatches == 0 &&
		    (int)qs->list.focus != qs->buttons[BUTTON_SKIP])
			ui_message(ui, ROLE_ERROR, "%s",
			    _("No municipality matches. Erase a letter with Backspace."));
		else if (qs->nitems > 0)
			activate(ui, qs, qs->list.focus);
		return UI_HANDLED;
	}
	if (key == ' ' && q->type == Q_MULTI) {
		if (qs->list.focus < q->nopts)
			qs->mask = quest_toggle(q, qs->mask, qs->list.focus);
		return UI_HANDLED;
	}
	/* Backspace in an empty field does nothing: held down, it must not
	 * walk back through the questions.  Esc goes back. */
	if (q->type == Q_NUMBER) {
		/* A change to the field clears the error under it. */
		if (key >= '0' && key <= '9') {
			if (!field_type(&qs->field, (unsigned)key))
				return UI_IGNORED;
			qs->number_error = NUMBER_OK;
			return UI_HANDLED;
		}
		if (UI_IS_ERASE(key)) {
			if (field_erase(&qs->field))
				qs->number_error = NUMBER_OK;
			return UI_HANDLED;
		}
	}
	if (q->type == Q_MUNICIPALITY) {
		if (UI_IS_ERASE(key)) {
			if (field_erase(&qs->field))
				refilter(ui, qs);
			return UI_HANDLED;
		}
		/* Digits too type into the search: they never pick the Nth
		 * municipality. */
		if (key < UI_FN_BASE && key != UI_KEY_ESC && key != UI_KEY_TAB &&
		    key >= 0x20 && key != 0x7F) {
			if (field_type(&qs->field, (unsigned)key))
				refilter(ui, qs);
			return UI_HANDLED;
		}
	}
	return list_key(&qs->list, qs->items, qs->nitems, key, page) ? UI_HANDLED : UI_IGNORED;
}

static void
question_back(struct ui *ui, void *data)
{
	struct session *s = ui_session(ui);

	if (!flow_back(&s->flow))
		ui_goto(ui, &screen_welcome);
	else
		ui_follow_flow(ui);
}

static void
question_click(struct ui *ui, void *data, int target)
{
	struct qscreen *qs = data;

	build_items(ui, qs);
	if (target < 0 || (size_t)target >= qs->nitems)
		return;
	qs->list.focus = (size_t)target;
	activate(ui, qs, (size_t)target);
}

static const char *
header_title(struct session *s, const struct question *q)
{
	const struct quest *quest = &s->assets->quest;
	long ev = flow_event(&s->flow);

	if (q == &quest->q[QUEST_EVENT_QUESTION])
		return _("Your life event");
	if (q->event >= 0 || (q->meter >= 0 && ev >= 0))
		return _(quest->events[ev].title);
	return _("About you");
}

/* The question's help in the current language, or NULL.  A scale
 * without help of its own (the generated meters) names its end labels,
 * so that the hint never says "satisfied" above "Very bad ... Very good". */
static char *
help_text(struct session *s, const struct question *q)
{
	const struct quest *quest = &s->assets->quest;

	if (q->help != NULL)
		return xstrdup(_(q->help));
	if (q->type != Q_SCALE)
		return NULL;
	const struct dimension *dim = q->meter >= 0 ? &quest->dims[q->meter] : NULL;
	const char *low = q->low ? q->low : dim ? dim->low : NULL;
	const char *high = q->high ? q->high : dim ? dim->high : NULL;
	if (low == NULL || high == NULL)
		return xstrdup(_("You can skip this question."));
	/* TRANSLATORS: the hint of a 0-10 scale; %1$s and %2$s are its end
	   labels as they stand beside 0 and 10, e.g. "Very bad" and "Very
	   good". */
	return xasprintf(_("0 means \"%1$s\" and 10 \"%2$s\". You can skip this question."),
	    _(low), _(high));
}

static void
question_draw(struct ui *ui, void *data)
{
	struct qscreen *qs = data;
	struct session *s = ui_session(ui);
	const struct question *q = qs->q;
	int y, x, h, w;
	size_t pos, total;

	build_items(ui, qs);
	flow_progress(&s->flow, &pos, &total);
	/* TRANSLATORS: progress in the header; %1$zu is the number of this
	   question, %2$zu how many there are in all. */
	char *progress = xasprintf(_("Question %1$zu of %2$zu"), pos, total);
	ui_header(ui, header_title(s, q), progress);
	free(progress);
	/* A narrow header says only "3/7", the same in every language. */
	char *brief = xasprintf("%zu/%zu", pos, total);
	ui_header_brief(ui, brief);
	free(brief);

	ui_body(ui, &y, &x, &h, &w);
	int used = ui_wrap(ui, y, x, w, 3, ROLE_TITLE, _(q->text));
	char *help = help_text(s, q);
	if (help != NULL)
		used += ui_wrap(ui, y + used, x, w, 2, ROLE_HINT, help);
	free(help);
	used++;

	if (q->type == Q_NUMBER || q->type == Q_MUNICIPALITY) {
		/* The text field, with the hardware cursor after the text. */
		const char *label = q->type == Q_NUMBER ? _("Your answer:") : _("Search:");
		int lw = text_width(label);
		ui_put(ui, y + used, x, lw, ROLE_NORMAL, label);
		char *shown = xasprintf("%s_", qs->field.text);
		ui_put(ui, y + used, x + lw + 1, FIELD_MAX, ROLE_FOCUS, shown);
		int fx = x + lw + 1 + text_width(qs->field.text);
		free(shown);
		/* The unit agrees with the number typed so far: "1 child",
		 * "2 children"; the plural while nothing is typed. */
		long typed = 0;
		if (q->type == Q_NUMBER && quest_unit(q, 0) != NULL)
			ui_put(ui, y + used, fx + 2, w - (fx + 2 - x), ROLE_NORMAL,
			    quest_unit(q, parse_int(qs->field.text, 0, 100000, &typed) == 0 ? typed : 0));
		used++;
		char *hint;
		enum role hint_role = ROLE_HINT;
		if (q->type == Q_NUMBER && qs->number_error != NUMBER_OK) {
			/* The error where the eye is, under the field. */
			hint = number_error_text(qs);
			hint_role = ROLE_ERROR;
		} else if (q->type == Q_NUMBER)
			/* TRANSLATORS: %1$d and %2$d are the smallest and largest number allowed. */
			hint = xasprintf(_("Type a number from %1$d to %2$d, then press Enter."),
			    q->min, q->max);
		else if (qs->nmatches == 0 && qs->field.chars > 0)
			/* TRANSLATORS: %s is what was typed, e.g. "tukholma".  The
			   button "Not in Finland / prefer not to say" is right
			   under it, with the focus.  One line of the screen. */
			hint = xasprintf(_("No municipality matches \"%s\"."), qs->field.text);
		else
			/* TRANSLATORS: %zu is how many municipalities match what was typed. */
			hint = xasprintf(ngettext("Type the first letters of the name. %zu municipality matches.",
			    "Type the first letters of the name. %zu municipalities match.",
			    qs->nmatches), qs->nmatches);
		ui_put(ui, y + used, x, w, hint_role, hint);
		free(hint);
		used += 2;
		list_draw(ui, &qs->list, qs->items, qs->nitems, y + used, x, h - used, w);
		ui_cursor(ui, y + used - 3, fx);
		return;
	}
	list_draw(ui, &qs->list, qs->items, qs->nitems, y + used, x, h - used, w);
}

static void
question_keybar(void *data, const char **enter, bool *space)
{
	struct qscreen *qs = data;

	*space = qs->q->type == Q_MULTI;
	/* On a box Enter ticks it: "Select", as on the other lists. */
	if ((qs->q->type == Q_MULTI && qs->list.focus >= qs->q->nopts) || qs->q->type == Q_NUMBER)
		/* TRANSLATORS: on the key bar after "Enter", and a button.
		   The labels after Enter, Space, Esc, F1 and F10 and the
		   name "Space" share 47 columns of the key bar. */
		*enter = N_("Continue");
}

static char *
question_speak(struct ui *ui, void *data, bool whole)
{
	struct qscreen *qs = data;
	struct session *s = ui_session(ui);
	const struct question *q = qs->q;
	char *focus;

	build_items(ui, qs);
	if (q->type == Q_NUMBER)
		focus = xasprintf("%s %s", _("Your answer:"), qs->field.text);
	else if (q->type == Q_MUNICIPALITY && qs->list.focus >= qs->first_match) {
		char *item = list_utterance(&qs->list, qs->items, qs->nitems);
		focus = xasprintf("%s %s. %s", _("Search:"), qs->field.text, item ? item : "");
		free(item);
	} else
		focus = list_utterance(&qs->list, qs->items, qs->nitems);
	if (!whole)
		return focus;
	size_t pos, total;
	flow_progress(&s->flow, &pos, &total);
	char *progress = xasprintf(_("Question %1$zu of %2$zu"), pos, total);
	char *help = help_text(s, q);
	char *out = xasprintf("%s. %s. %s.%s%s %s", header_title(s, q), _(q->text), progress,
	    help ? " " : "", help ? help : "", focus ? focus : "");
	free(help);
	free(progress);
	free(focus);
	return out;
}

const struct screen_ops screen_question = {
	.name = "question",
	/* TRANSLATORS: on the key bar after "Enter": choose the answer.
	   The labels after Enter, Space, Esc, F1 and F10 and the name
	   "Space" share 47 columns of the key bar. */
	.enter_label = N_("Select"),
	.keybar = question_keybar,
	.init = question_init,
	.free = question_free,
	.key = question_key,
	.back = question_back,
	.click = question_click,
	.draw = question_draw,
	.speak = question_speak,
};
