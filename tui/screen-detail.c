/*
 * screen-detail.c: one service with every way to reach it: phone numbers
 * with their charges, opening hours today and now, web addresses,
 * e-mail, visiting address and the entrance's accessibility.
 * An overlay on the results screen.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "i18n.h"
#include "present.h"
#include "qr.h"
#include "speech.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct detail {
	char *id;	/* the service shown: looked up again by id, as new
			   results (F2, a reply) may rank it elsewhere */
	size_t index;	/* where it is now; results.n when it is gone */
	struct doc doc;
};

/* Find the service again in the session's results. */
static void
locate(struct ui *ui, struct detail *d)
{
	const struct results *res = &ui_session(ui)->results;

	d->index = res->n;
	for (size_t i = 0; i < res->n && d->id != NULL; i++)
		if (strcmp(res->v[i].id, d->id) == 0)
			d->index = i;
}

/* Click targets of the feedback and the take-home buttons. */
enum { TARGET_USEFUL = 1, TARGET_NOT_USEFUL = 2, TARGET_QR = 3, TARGET_PRINT = 4 };

static void *
detail_init(struct ui *ui)
{
	struct detail *d = xcalloc(1, sizeof *d);
	void *below = ui_below(ui);
	size_t at = below ? screen_results_focus(below) : 0;
	const struct results *res = &ui_session(ui)->results;
	d->id = at < res->n ? xstrdup(res->v[at].id) : NULL;
	locate(ui, d);
	return d;
}

static void
detail_free(void *data)
{
	struct detail *d = data;
	doc_clear(&d->doc);
	free(d->id);
	free(d);
}

static void
build(struct ui *ui, struct detail *d, int w)
{
	const struct results *res = &ui_session(ui)->results;
	const struct service *s;

	doc_clear(&d->doc);
	locate(ui, d);
	if (ui_session(ui)->fetching) {
		doc_add(&d->doc, ROLE_TITLE, 0, w, _("Asking the national service recommender. Press Esc to stop waiting."));
		return;
	}
	if (d->index >= res->n) {
		doc_add(&d->doc, ROLE_NOTICE, 0, w,
		    _("This service is not among the new suggestions. Press Esc to see them."));
		return;
	}
	s = &res->v[d->index];
	char *name = present_fallback(s->name, s->name_in);
	doc_add(&d->doc, ROLE_TITLE, 0, w, name);
	free(name);
	doc_add(&d->doc, ROLE_NORMAL, 0, w, s->org);
	doc_blank(&d->doc);
	char *first = present_first_step(s);
	if (first != NULL) {
		doc_add(&d->doc, ROLE_NOTICE, 0, w, first);
		doc_blank(&d->doc);
		free(first);
	}
	char *summary = present_fallback(s->summary, s->summary_in);
	doc_add(&d->doc, ROLE_NORMAL, 0, w, summary);
	free(summary);
	char *why = present_reasons(res, d->index, &ui_session(ui)->assets->quest);
	doc_add(&d->doc, ROLE_HINT, 0, w, why);
	wipe_free_str(why);	/* it quotes the citizen's answers */
	doc_blank(&d->doc);
	bool counter = ui_mode(ui) == MODE_COUNTER;
	if (counter) {
		/* For staff: what identifies the service, and how it scored. */
		/* TRANSLATORS: for staff at a counter: %1$s is a service id,
		   %2$.2f its score, %3$s the language of its data. */
		char *ids = xasprintf(_("Service id %1$s · score %2$.2f · data in %3$s"),
		    s->id, s->score, present_language(res->lang));
		doc_add(&d->doc, ROLE_HINT, 0, w, ids);
		free(ids);
		doc_blank(&d->doc);
	}

	if (s->nch == 0) {
		char *none = present_no_contacts(s);
		doc_add(&d->doc, ROLE_NOTICE, 0, w, none);
		free(none);
	}
	/* Open or closed is worked out now, at each draw, in Helsinki. */
	time_t now = hours_now();
	for (size_t i = 0; i < s->nch; i++) {
		const struct channel *c = &s->ch[i];
		char **labels = NULL, **values = NULL;
		size_t n = 0;
		char *cname = c->name ? present_fallback(c->name, c->name_in) : NULL;
		char *head = cname ?
		    xasprintf("%s: %s", present_channel_type(c->type), cname) :
		    xstrdup(present_channel_type(c->type));
		free(cname);
		if (counter) {
			char *with_id = xasprintf("%s [%s]", head, c->id);
			free(head);
			head = with_id;
		}
		doc_add(&d->doc, ROLE_TITLE, 0, w, head);
		free(head);
		present_channel_at(c, res->lang, now, &labels, &values, &n);
		/* Labels in a column, so numbers and addresses line up; a
		 * value wraps under itself. */
		int lw = 0;
		for (size_t k = 0; k < n; k++)
			if (text_width(labels[k]) > lw)
				lw = text_width(labels[k]);
		for (size_t k = 0; k < n; k++) {
			char *label = xasprintf("%s:", labels[k]);
			doc_add_field(&d->doc, strncmp(values[k], "http", 4) == 0 ?
			    ROLE_LINK : ROLE_NORMAL, 2, lw + 2, w, label, values[k]);
			free(label);
		}
		strv_free(labels, n);
		strv_free(values, n);
		if (c->naccess > 0) {
			char *mark = present_fallback_mark(c->access_in);
			/* TRANSLATORS: a heading over sentences about the
			   entrance of a place: steps, ramps, lifts. fi
			   "Esteettömyys", sv "Tillgänglighet". */
			char *acc = mark ? xasprintf("%s %s", _("Accessibility"), mark) :
			    xstrdup(_("Accessibility"));
			doc_add(&d->doc, ROLE_NORMAL, 2, w, acc);
			free(acc);
			free(mark);
			for (size_t k = 0; k < c->naccess; k++)
				doc_add_field(&d->doc, ROLE_NORMAL, 4, 2, w, "–", c->access[k]);
		}
		doc_blank(&d->doc);
	}
	if (res->source == SOURCE_EMBEDDED && s->checked != NULL) {
		char *date = present_date(s->checked);
		char *checked = res->from_register ?
		    /* TRANSLATORS: %s is a date (2.12.2026): when the
		       organisation last changed this service in the national
		       service register. */
		    xasprintf(_("Last updated in the service register: %s"), date) :
		    /* TRANSLATORS: %s is a date (2.12.2026, or 6/2025, or
		       2025): the date of the official web page that the
		       facts about this service come from, as the page
		       itself gives it; not the day anyone checked it. */
		    xasprintf(_("Source page dated: %s"), date);
		doc_add(&d->doc, ROLE_HINT, 0, w, checked);
		free(checked);
		free(date);
	}
}

/* "Was this useful?" is asked only of the backend's suggestions, and
 * only once per service; the answer never troubles the citizen. */
static bool
asks_feedback(struct ui *ui, struct detail *d)
{
	struct session *s = ui_session(ui);
	locate(ui, d);
	return session_can_feedback(s) && !s->fetching && d->index < s->results.n;
}

static void
give_feedback(struct ui *ui, struct detail *d, int score)
{
	struct session *s = ui_session(ui);

	if (!asks_feedback(ui, d) || s->results.v[d->index].feedback != 0)
		return;
	if (session_feedback(s, d->index, score))
		s->results.v[d->index].feedback = score;
}

/* Taking the service home: a QR code (a build with libqrencode) and a
 * printout (a kiosk with print_command). */
static bool
offers_qr(struct ui *ui, struct detail *d)
{
	locate(ui, d);
	const struct results *res = &ui_session(ui)->results;
	return qr_available() && !ui_session(ui)->fetching && d->index < res->n &&
	    screen_qr_offers(&res->v[d->index]);
}

static bool
offers_print(struct ui *ui, struct detail *d)
{
	locate(ui, d);
	return ui_can_print(ui) && !ui_session(ui)->fetching &&
	    d->index < ui_session(ui)->results.n;
}

static int
doc_height(struct ui *ui, struct detail *d, int h)
{
	bool feedback = asks_feedback(ui, d);
	bool take = offers_qr(ui, d) || offers_print(ui, d);
	return h - (feedback || take ? 1 : 0) - feedback - take;
}

static int
detail_key(struct ui *ui, void *data, int key)
{
	struct detail *d = data;
	int y, x, h, w;

	if (asks_feedback(ui, d) && (key == '1' || key == '2')) {
		give_feedback(ui, d, key == '1' ? 1 : -1);
		return UI_HANDLED;
	}
	if (key == 'q' && offers_qr(ui, d)) {
		screen_qr_open(ui, d->index);
		return UI_HANDLED;
	}
	if (key == 'p' && offers_print(ui, d)) {
		screen_print_open(ui, d->index, 1);
		return UI_HANDLED;
	}
	ui_body(ui, &y, &x, &h, &w);
	build(ui, d, w);
	return doc_key(&d->doc, key, doc_height(ui, d, h)) ? UI_HANDLED : UI_IGNORED;
}

static void
detail_click(struct ui *ui, void *data, int target)
{
	struct detail *d = data;

	if (target == TARGET_USEFUL || target == TARGET_NOT_USEFUL)
		give_feedback(ui, d, target == TARGET_USEFUL ? 1 : -1);
	else if (target == TARGET_QR && offers_qr(ui, d))
		screen_qr_open(ui, d->index);
	else if (target == TARGET_PRINT && offers_print(ui, d))
		screen_print_open(ui, d->index, 1);
}

static void
draw_feedback(struct ui *ui, struct detail *d, int y, int x, int w)
{
	const struct service *sv = &ui_session(ui)->results.v[d->index];

	if (sv->feedback != 0) {
		ui_put(ui, y, x, w, ROLE_HINT, _("Thank you for your answer."));
		return;
	}
	const char *q = _("Was this useful?");
	/* TRANSLATORS: the answers to "Was this useful?": answer as one
	   answers that question (fi "Oli" / "Ei ollut"). */
	char *yes = xasprintf("[ 1 %s ]", C_("feedback", "Yes"));
	/* TRANSLATORS: see "Yes" of the same context. */
	char *no = xasprintf("[ 2 %s ]", C_("feedback", "No"));
	int qw = text_width(q), yw = text_width(yes), nw = text_width(no);
	ui_put(ui, y, x, qw, ROLE_TITLE, q);
	ui_put(ui, y, x + qw + 2, yw, ROLE_BUTTON, yes);
	ui_hit(ui, y, x + qw + 2, yw, TARGET_USEFUL);
	ui_put(ui, y, x + qw + 3 + yw, nw, ROLE_BUTTON, no);
	ui_hit(ui, y, x + qw + 3 + yw, nw, TARGET_NOT_USEFUL);
	free(yes);
	free(no);
}

/* The buttons "[ q QR code ]  [ p Print ]", as offered. */
static void
draw_take(struct ui *ui, struct detail *d, int y, int x, int w)
{
	if (offers_qr(ui, d)) {
		/* TRANSLATORS: a button on the details of a service: "q" is
		   its key and stays as it is; the button shows a QR code of
		   the service's web address or phone for a phone to read. */
		char *b = xasprintf("[ q %s ]", _("QR code"));
		int bw = text_width(b);
		ui_put(ui, y, x, w, ROLE_BUTTON, b);
		ui_hit(ui, y, x, bw, TARGET_QR);
		x += bw + 2;
		w -= bw + 2;
		free(b);
	}
	if (offers_print(ui, d)) {
		/* TRANSLATORS: a button: "p" is its key and stays as it is;
		   it prints this service's contacts. */
		char *b = xasprintf("[ p %s ]", _("Print"));
		ui_put(ui, y, x, w, ROLE_BUTTON, b);
		ui_hit(ui, y, x, text_width(b), TARGET_PRINT);
		free(b);
	}
}

static void
detail_draw(struct ui *ui, void *data)
{
	struct detail *d = data;
	const struct results *res = &ui_session(ui)->results;
	int y, x, h, w;

	locate(ui, d);
	char *pos = d->index < res->n ?
	    /* TRANSLATORS: header of the detail screen; %1$zu is the rank
	       of the service, %2$zu the number of services. */
	    xasprintf(_("%1$zu of %2$zu"), d->index + 1, res->n) : xstrdup("");
	ui_header(ui, _("Service details"), pos);
	free(pos);
	ui_body(ui, &y, &x, &h, &w);
	build(ui, d, w);
	doc_draw(ui, &d->doc, y, x, doc_height(ui, d, h), w);
	bool take = offers_qr(ui, d) || offers_print(ui, d);
	if (asks_feedback(ui, d))
		draw_feedback(ui, d, y + h - 1 - take, x, w);
	if (take)
		draw_take(ui, d, y + h - 1, x, w);
}

/* The whole service, channels in order, phone numbers in groups. */
static char *
detail_speak(struct ui *ui, void *data, bool whole)
{
	struct detail *d = data;
	const struct results *res = &ui_session(ui)->results;

	locate(ui, d);
	if (!whole || d->index >= res->n)
		return NULL;
	const struct service *s = &res->v[d->index];
	char *name = present_fallback(s->name, s->name_in);
	char *summary = present_fallback(s->summary, s->summary_in);
	char *out = xasprintf("%s. %s. %s.", name, s->org, summary);
	free(name);
	free(summary);
	if (s->nch == 0) {
		/* As on the screen: where to ask instead. */
		char *none = present_no_contacts(s);
		char *part = xasprintf("%s %s", out, none);
		free(none);
		free(out);
		out = part;
	}
	time_t now = hours_now();
	for (size_t i = 0; i < s->nch; i++) {
		const struct channel *c = &s->ch[i];
		char *cname = c->name ? present_fallback(c->name, c->name_in) : NULL;
		char *part = xasprintf("%s %s%s%s.", out, present_channel_type(c->type),
		    cname ? ": " : "", cname ? cname : "");
		free(cname);
		free(out);
		out = part;
		for (size_t k = 0; k < c->nphones; k++) {
			char *grouped = speech_phone(c->phones[k]);
			char *note = present_phone_language(c, k, res->lang);
			char *notes = present_phone_notes(c, k);
			part = xasprintf("%s %s %s%s%s.%s%s%s", out, _("Phone"), grouped,
			    note ? ", " : "", note ? note : "",
			    notes ? " " : "", notes ? notes : "", notes ? "." : "");
			free(notes);
			free(note);
			free(grouped);
			free(out);
			out = part;
		}
		for (size_t k = 0; k < c->nhours; k++) {
			part = xasprintf("%s %s.", out, c->hours[k]);
			free(out);
			out = part;
		}
		char *today = present_today(&c->opening, now, res->lang);
		if (today != NULL) {
			part = xasprintf("%s %s.", out, today);
			free(today);
			free(out);
			out = part;
		}
		for (size_t k = 0; k < c->nweb; k++) {
			char *web = present_web(c, k, res->lang);
			part = xasprintf("%s %s %s.", out, _("Web"), web);
			free(web);
			free(out);
			out = part;
		}
		for (size_t k = 0; k < c->nemails; k++) {
			part = xasprintf("%s %s %s.", out, _("E-mail"), c->emails[k]);
			free(out);
			out = part;
		}
		if (c->address != NULL) {
			char *addr = present_fallback(c->address, c->address_in);
			part = xasprintf("%s %s %s.", out, _("Address"), addr);
			free(addr);
			free(out);
			out = part;
		}
		if (c->naccess > 0) {
			char *mark = present_fallback_mark(c->access_in);
			part = xasprintf("%s %s%s%s.", out, _("Accessibility"),
			    mark ? " " : "", mark ? mark : "");
			free(mark);
			free(out);
			out = part;
			for (size_t k = 0; k < c->naccess; k++) {
				part = xasprintf("%s %s", out, c->access[k]);
				free(out);
				out = part;
			}
		}
	}
	return out;
}

const struct screen_ops screen_detail = {
	.name = "detail",
	.init = detail_init,
	.free = detail_free,
	.key = detail_key,
	.click = detail_click,
	.draw = detail_draw,
	.speak = detail_speak,
};
