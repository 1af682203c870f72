/*
 * screen-results.c: the ranked services, each with its organisation, a
 * one-line summary and why it was chosen.  Enter opens the details.
 *
 * While the backend is asked, the screen shows a spinner with the
 * seconds elapsed, and Esc stops waiting.  Offline results (the kiosk's
 * own catalogue standing in for a failed backend) say so, and why, in
 * plain words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct rscreen {
	struct list list;
	struct list_item *items;
	size_t about;		/* index of the "About these suggestions" button */
	size_t questions;	/* index of "Answer questions instead", or -1 */
	size_t print;		/* index of "Print these services", or -1 */
	char **owned;
	size_t nowned;
};

static void *
results_init(struct ui *ui)
{
	struct rscreen *r = xcalloc(1, sizeof *r);
	list_init(&r->list, 1);
	return r;
}

static void
drop_items(struct rscreen *r)
{
	strv_wipe_free(r->owned, r->nowned);	/* reasons quote answers */
	r->owned = NULL;
	r->nowned = 0;
	free(r->items);
	r->items = NULL;
}

static void
results_free_screen(void *data)
{
	struct rscreen *r = data;
	drop_items(r);
	free(r);
}

/* The services, then the button; returns the number of items. */
static size_t
build_items(struct ui *ui, struct rscreen *r)
{
	struct session *s = ui_session(ui);
	const struct results *res = &s->results;

	drop_items(r);
	r->items = xcalloc(res->n + 3, sizeof *r->items);
	for (size_t i = 0; i < res->n; i++) {
		const struct service *sv = &res->v[i];
		char *sub = sv->org[0] ? xasprintf("%s\n%s", sv->org, sv->summary) :
		    xstrdup(sv->summary);
		char *why = present_reasons(res, i, &s->assets->quest);
		char *first = present_first_step(sv);
		strv_push(&r->owned, &r->nowned, sub);
		strv_push(&r->owned, &r->nowned, why);
		if (first != NULL)
			strv_push(&r->owned, &r->nowned, first);
		r->items[i].text = sv->name;
		r->items[i].alert = first;
		r->items[i].sub = sub;
		r->items[i].sub2 = why;
		r->items[i].numbered = true;
	}
	size_t n = res->n;
	r->questions = (size_t)-1;
	if (res->n == 0 && res->from_search) {
		/* Words that found nothing: the questions still can. */
		r->questions = n;
		r->items[n].text = _("Answer questions about your life event");
		r->items[n++].mark = MARK_BUTTON;
	}
	r->print = (size_t)-1;
	if (res->n > 0 && ui_can_print(ui)) {
		r->print = n;
		/* TRANSLATORS: a button under the services: print them with
		   their contacts ("p" is its key too). */
		r->items[n].text = _("Print these services (p)");
		r->items[n++].mark = MARK_BUTTON;
	}
	r->about = n;
	r->items[n].text = _("About these suggestions");
	r->items[n++].mark = MARK_BUTTON;
	return n;
}

/* From a search that found nothing to the first question. */
static void
to_questions(struct ui *ui)
{
	struct session *s = ui_session(ui);

	wipe(s->search, sizeof s->search);
	session_leave_results(s);
	s->flow.cur = QUEST_EVENT_QUESTION;
	s->flow.at_review = false;
	ui_follow_flow(ui);
}

static void
activate(struct ui *ui, struct rscreen *r, size_t i)
{
	if (i == r->questions)
		to_questions(ui);
	else if (i == r->print)
		screen_print_open(ui, 0, ui_session(ui)->results.n);
	else if (i == r->about)
		ui_push(ui, &screen_about);
	else if (i < ui_session(ui)->results.n)
		ui_push(ui, &screen_detail);
}

static void
results_back(struct ui *ui, void *data)
{
	struct session *s = ui_session(ui);
	bool searched = s->search[0] != '\0';

	session_cancel(s);
	if (searched) {
		/* The search screen takes the words back from the session. */
		ui_goto(ui, &screen_search);
		session_leave_results(s);
		return;
	}
	session_leave_results(s);
	flow_review(&s->flow);
	ui_follow_flow(ui);
}

static int
results_key(struct ui *ui, void *data, int key)
{
	struct rscreen *r = data;

	if (ui_session(ui)->fetching)
		return UI_IGNORED;	/* only Esc (back) and the global keys */
	size_t n = build_items(ui, r);
	if (key == UI_KEY_ENTER) {
		activate(ui, r, r->list.focus);
		return UI_HANDLED;
	}
	if (key == 'p' && r->print != (size_t)-1) {
		activate(ui, r, r->print);
		return UI_HANDLED;
	}
	return list_key(&r->list, r->items, n, key, 3) ? UI_HANDLED : UI_IGNORED;
}

static void
results_click(struct ui *ui, void *data, int target)
{
	struct rscreen *r = data;
	size_t n = build_items(ui, r);

	if (target >= 0 && (size_t)target < n) {
		r->list.focus = (size_t)target;
		activate(ui, r, (size_t)target);
	}
}

static void
draw_waiting(struct ui *ui, int y, int x, int w)
{
	static const char spin[] = "|/-\\";
	struct session *s = ui_session(ui);
	long long ms = now_ms() - s->fetch_started;

	/* TRANSLATORS: shown while waiting; %1$c is a turning spinner
	   character, %2$lld the seconds waited so far. */
	char *line = xasprintf(_("%1$c Asking the national service recommender… %2$lld s"),
	    spin[(ms / 250) % 4], ms / 1000);
	ui_put(ui, y, x, w, ROLE_TITLE, line);
	free(line);
	ui_wrap(ui, y + 2, x, w, 2, ROLE_HINT,
	    _("You can press Esc to stop waiting and go back."));
	ui_cursor(ui, y, x);
}

static void
results_draw(struct ui *ui, void *data)
{
	struct rscreen *r = data;
	struct session *s = ui_session(ui);
	const struct results *res = &s->results;
	int y, x, h, w, used = 0;

	ui_body(ui, &y, &x, &h, &w);
	if (s->fetching) {
		ui_header(ui, _("Services for you"), NULL);
		draw_waiting(ui, y, x, w);
		return;
	}
	size_t n = build_items(ui, r);
	/* TRANSLATORS: %zu is the number of services found. */
	char *count = xasprintf(ngettext("%zu service", "%zu services", res->n), res->n);
	ui_header(ui, s->offline_reason != BACKEND_OK ? _("Suggestions from this kiosk") :
	    _("Services for you"), count);
	free(count);

	if (s->offline_reason != BACKEND_OK) {
		char *date = present_date(res->catalogue_date);
		char *why = res->from_register ?
		    /* TRANSLATORS: %1$s says in plain words why the national
		       recommender was not used; %2$s is a date (2.12.2026). */
		    xasprintf(_("%1$s These suggestions come from the national service register, as this kiosk last fetched it on %2$s."),
			backend_error_message(s->offline_reason), date) :
		    /* TRANSLATORS: %1$s says in plain words why the national
		       recommender was not used; %2$s is a date (2.12.2026). */
		    xasprintf(_("%1$s These suggestions come from this kiosk's own list of services, checked %2$s."),
			backend_error_message(s->offline_reason), date);
		used += ui_wrap(ui, y, x, w, 3, ROLE_NOTICE, why);
		free(why);
		free(date);
	} else {
		char *src = present_source(res);
		used += ui_wrap(ui, y, x, w, 2, ROLE_HINT, src);
		free(src);
	}
	if (res->lang != s->lang && res->n > 0) {
		/* TRANSLATORS: %s is the name of a language, e.g. "Finnish". */
		char *note = xasprintf(_("These services are shown in %s because the recommender has them only in that language."),
		    present_language(res->lang));
		used += ui_wrap(ui, y + used, x, w, 2, ROLE_NOTICE, note);
		free(note);
	}
	if (res->n == 0 && res->from_search)
		used += 1 + ui_wrap(ui, y + used + 1, x, w, 4, ROLE_NOTICE,
		    _("No service matched the words you typed. Try other words, or answer a few questions about your life event. The staff here can also help you."));
	else if (res->n == 0)
		used += 1 + ui_wrap(ui, y + used + 1, x, w, 4, ROLE_NOTICE,
		    _("No services matched your answers. Press Esc to check them, or F10 to start over. The staff here can also help you."));
	list_draw(ui, &r->list, r->items, n, y + used + 1, x, h - used - 1, w);
}

size_t
screen_results_focus(void *data)
{
	return ((struct rscreen *)data)->list.focus;
}

static char *
results_speak(struct ui *ui, void *data, bool whole)
{
	struct rscreen *r = data;
	struct session *s = ui_session(ui);

	if (s->fetching)
		return xstrdup(_("Asking the national service recommender. Press Esc to stop waiting."));
	size_t n = build_items(ui, r);
	/* Name and organisation as focus reaches a service. */
	char *focus = NULL;
	if (r->list.focus < s->results.n) {
		const struct service *sv = &s->results.v[r->list.focus];
		char *first = present_first_step(sv);
		focus = first ? xasprintf("%zu, %s. %s %s", r->list.focus + 1, sv->name, first, sv->org) :
		    xasprintf("%zu, %s. %s", r->list.focus + 1, sv->name, sv->org);
		free(first);
	} else
		focus = list_utterance(&r->list, r->items, n);
	if (!whole)
		return focus;
	char *notice = s->offline_reason != BACKEND_OK ?
	    xasprintf("%s %s", backend_error_message(s->offline_reason),
	    _("These suggestions come from this kiosk's own list of services.")) : xstrdup("");
	char *count = xasprintf(ngettext("%zu service", "%zu services", s->results.n), s->results.n);
	char *out = xasprintf("%s, %s. %s %s", _("Services for you"), count, notice,
	    focus ? focus : "");
	free(count);
	free(notice);
	free(focus);
	return out;
}

const struct screen_ops screen_results = {
	.name = "results",
	/* TRANSLATORS: on the key bar after "Enter": open a service's
	   details.  The labels after Enter, Esc, F1 and F10 share 49
	   columns of the key bar. */
	.enter_label = N_("Open"),
	.init = results_init,
	.free = results_free_screen,
	.key = results_key,
	.back = results_back,
	.click = results_click,
	.draw = results_draw,
	.speak = results_speak,
};
