/*
 * screen-detail.c: one service with every way to reach it: phone numbers
 * with their hours, web addresses, e-mail and visiting address.
 * An overlay on the results screen.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct detail {
	size_t index;	/* in the session's results */
	struct doc doc;
};

static void *
detail_init(struct ui *ui)
{
	struct detail *d = xcalloc(1, sizeof *d);
	void *below = ui_below(ui);
	d->index = below ? screen_results_focus(below) : 0;
	return d;
}

static void
detail_free(void *data)
{
	struct detail *d = data;
	doc_clear(&d->doc);
	free(d);
}

static void
build(struct ui *ui, struct detail *d, int w)
{
	const struct results *res = &ui_session(ui)->results;
	const struct service *s;

	doc_clear(&d->doc);
	if (d->index >= res->n)
		return;
	s = &res->v[d->index];
	doc_add(&d->doc, ROLE_TITLE, 0, w, s->name);
	doc_add(&d->doc, ROLE_NORMAL, 0, w, s->org);
	doc_blank(&d->doc);
	doc_add(&d->doc, ROLE_NORMAL, 0, w, s->summary);
	doc_blank(&d->doc);

	if (s->nch == 0)
		doc_add(&d->doc, ROLE_NOTICE, 0, w,
		    _("This service is provided locally, so contact details vary by area. Ask the staff here, or search for the service on suomi.fi."));
	for (size_t i = 0; i < s->nch; i++) {
		const struct channel *c = &s->ch[i];
		char **labels = NULL, **values = NULL;
		size_t n = 0;
		char *head = c->name ?
		    xasprintf("%s: %s", present_channel_type(c->type), c->name) :
		    xstrdup(present_channel_type(c->type));
		doc_add(&d->doc, ROLE_TITLE, 0, w, head);
		free(head);
		present_channel(c, &labels, &values, &n);
		/* Labels in a column, so numbers and addresses line up. */
		int lw = 0;
		for (size_t k = 0; k < n; k++)
			if (text_width(labels[k]) > lw)
				lw = text_width(labels[k]);
		for (size_t k = 0; k < n; k++) {
			char *pad = xasprintf("%s:%*s %s", labels[k],
			    lw - text_width(labels[k]), "", values[k]);
			doc_add(&d->doc, k < n && strncmp(values[k], "http", 4) == 0 ?
			    ROLE_LINK : ROLE_NORMAL, 2, w, pad);
			free(pad);
		}
		strv_free(labels, n);
		strv_free(values, n);
		doc_blank(&d->doc);
	}
	if (res->source == SOURCE_EMBEDDED && s->checked != NULL) {
		/* TRANSLATORS: %s is a date such as 2025-06 or 2026-11-29. */
		char *checked = xasprintf(_("Information last checked: %s"), s->checked);
		doc_add(&d->doc, ROLE_HINT, 0, w, checked);
		free(checked);
	}
}

static int
detail_key(struct ui *ui, void *data, int key)
{
	struct detail *d = data;
	int y, x, h, w;

	ui_body(ui, &y, &x, &h, &w);
	build(ui, d, w);
	return doc_key(&d->doc, key, h) ? UI_HANDLED : UI_IGNORED;
}

static void
detail_draw(struct ui *ui, void *data)
{
	struct detail *d = data;
	const struct results *res = &ui_session(ui)->results;
	int y, x, h, w;

	/* TRANSLATORS: header of the detail screen; %1$zu is the rank of the
	   service, %2$zu the number of services. */
	char *pos = xasprintf(_("%1$zu of %2$zu"), d->index + 1, res->n);
	ui_header(ui, _("Service details"), pos);
	free(pos);
	ui_body(ui, &y, &x, &h, &w);
	build(ui, d, w);
	doc_draw(ui, &d->doc, y, x, h, w);
}

const struct screen_ops screen_detail = {
	.name = "detail",
	.init = detail_init,
	.free = detail_free,
	.key = detail_key,
	.draw = detail_draw,
};
