/*
 * screen-results.c: the ranked services, each with its organisation, a
 * one-line summary and why it was chosen.  Enter opens the details.
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
	strv_free(r->owned, r->nowned);
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

static size_t
build_items(struct ui *ui, struct rscreen *r)
{
	struct session *s = ui_session(ui);
	const struct results *res = &s->results;

	drop_items(r);
	r->items = xcalloc(res->n + 1, sizeof *r->items);
	for (size_t i = 0; i < res->n; i++) {
		const struct service *sv = &res->v[i];
		char *sub = xasprintf("%s\n%s", sv->org, sv->summary);
		char *why = present_reasons(sv, &s->assets->quest);
		strv_push(&r->owned, &r->nowned, sub);
		strv_push(&r->owned, &r->nowned, why);
		r->items[i].text = sv->name;
		r->items[i].sub = sub;
		r->items[i].sub2 = why;
		r->items[i].numbered = true;
	}
	return res->n;
}

static void
open_detail(struct ui *ui, struct rscreen *r)
{
	if (ui_session(ui)->results.n > 0)
		ui_push(ui, &screen_detail);
}

static int
results_key(struct ui *ui, void *data, int key)
{
	struct rscreen *r = data;
	size_t n = build_items(ui, r);

	if (key == UI_KEY_ENTER) {
		open_detail(ui, r);
		return UI_HANDLED;
	}
	return list_key(&r->list, r->items, n, key, 3) ? UI_HANDLED : UI_IGNORED;
}

static void
results_back(struct ui *ui, void *data)
{
	struct session *s = ui_session(ui);
	flow_review(&s->flow);
	ui_follow_flow(ui);
}

static void
results_click(struct ui *ui, void *data, int target)
{
	struct rscreen *r = data;
	if (target >= 0 && (size_t)target < ui_session(ui)->results.n) {
		r->list.focus = (size_t)target;
		open_detail(ui, r);
	}
}

static void
results_draw(struct ui *ui, void *data)
{
	struct rscreen *r = data;
	struct session *s = ui_session(ui);
	int y, x, h, w;
	size_t n = build_items(ui, r);

	/* TRANSLATORS: %zu is the number of services found. */
	char *count = xasprintf(ngettext("%zu service", "%zu services", n), n);
	ui_header(ui, _("Services for you"), count);
	free(count);
	ui_body(ui, &y, &x, &h, &w);

	char *src = present_source(&s->results);
	int used = ui_wrap(ui, y, x, w, 2, ROLE_HINT, src);
	free(src);
	if (n == 0) {
		ui_wrap(ui, y + used + 1, x, w, h - used - 1, ROLE_NOTICE,
		    _("No services matched your answers. Press Esc to check them, or F10 to start over. The staff here can also help you."));
		return;
	}
	list_draw(ui, &r->list, r->items, n, y + used + 1, x, h - used - 1, w);
}

size_t
screen_results_focus(void *data)
{
	return ((struct rscreen *)data)->list.focus;
}

const struct screen_ops screen_results = {
	.name = "results",
	.enter_label = N_("Open"),
	.init = results_init,
	.free = results_free_screen,
	.key = results_key,
	.back = results_back,
	.click = results_click,
	.draw = results_draw,
};
