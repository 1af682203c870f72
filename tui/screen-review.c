/*
 * screen-review.c: every answer on one screen, each one open to change,
 * and the way on to the results.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct review {
	struct list list;
	size_t *steps;		/* the questions shown, in order */
	size_t nsteps;
	struct list_item *items;
	char **owned;
	size_t nowned;
};

static void *
review_init(struct ui *ui)
{
	struct review *r = xcalloc(1, sizeof *r);
	struct session *s = ui_session(ui);

	list_init(&r->list, 1);
	r->steps = xcalloc(s->assets->quest.nq, sizeof *r->steps);
	/* Start on the button that goes on to the results. */
	r->list.focus = flow_steps(&s->flow, NULL);
	return r;
}

static void
drop_items(struct review *r)
{
	strv_wipe_free(r->owned, r->nowned);
	r->owned = NULL;
	r->nowned = 0;
	free(r->items);
	r->items = NULL;
}

static void
review_free(void *data)
{
	struct review *r = data;
	drop_items(r);
	free(r->steps);
	free(r);
}

static size_t
build_items(struct ui *ui, struct review *r)
{
	struct session *s = ui_session(ui);

	drop_items(r);
	r->nsteps = flow_steps(&s->flow, r->steps);
	r->items = xcalloc(r->nsteps + 1, sizeof *r->items);
	for (size_t i = 0; i < r->nsteps; i++) {
		char *ans = present_answer(s, r->steps[i]);
		/* TRANSLATORS: a line on the review screen: %1$s is the short
		   name of a question, %2$s the citizen's answer. */
		char *line = xasprintf(_("%1$s: %2$s"),
		    _(quest_short(&s->assets->quest, r->steps[i])), ans);
		wipe_free_str(ans);
		strv_push(&r->owned, &r->nowned, line);
		r->items[i].text = line;
		r->items[i].numbered = true;
	}
	r->items[r->nsteps].text = _("Show suggested services");
	r->items[r->nsteps].mark = MARK_BUTTON;
	return r->nsteps + 1;
}

static void
activate(struct ui *ui, struct review *r, size_t i)
{
	struct session *s = ui_session(ui);

	if (i < r->nsteps) {
		flow_edit(&s->flow, r->steps[i]);
		ui_follow_flow(ui);
		return;
	}
	session_recommend(s);
	ui_goto(ui, &screen_results);
}

static int
review_key(struct ui *ui, void *data, int key)
{
	struct review *r = data;
	size_t n = build_items(ui, r);

	if (key == UI_KEY_ENTER) {
		activate(ui, r, r->list.focus < n ? r->list.focus : n - 1);
		return UI_HANDLED;
	}
	return list_key(&r->list, r->items, n, key, 5) ? UI_HANDLED : UI_IGNORED;
}

static void
review_back(struct ui *ui, void *data)
{
	struct session *s = ui_session(ui);
	flow_back(&s->flow);
	ui_follow_flow(ui);
}

static void
review_click(struct ui *ui, void *data, int target)
{
	struct review *r = data;
	size_t n = build_items(ui, r);
	if (target >= 0 && (size_t)target < n)
		activate(ui, r, (size_t)target);
}

static void
review_draw(struct ui *ui, void *data)
{
	struct review *r = data;
	int y, x, h, w;
	size_t n = build_items(ui, r);

	ui_header(ui, _("Check your answers"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	int used = ui_wrap(ui, y, x, w, 2, ROLE_TITLE,
	    _("These are your answers. Choose one to change it, or go on to the services."));
	list_draw(ui, &r->list, r->items, n, y + used + 1, x, h - used - 1, w);
}

static char *
review_speak(struct ui *ui, void *data, bool whole)
{
	struct review *r = data;
	size_t n = build_items(ui, r);
	char *focus = list_utterance(&r->list, r->items, n);

	if (!whole)
		return focus;
	char *out = xasprintf("%s. %s %s", _("Check your answers"),
	    _("These are your answers. Choose one to change it, or go on to the services."),
	    focus ? focus : "");
	free(focus);
	return out;
}

const struct screen_ops screen_review = {
	.name = "review",
	.enter_label = N_("Select"),
	.init = review_init,
	.free = review_free,
	.key = review_key,
	.back = review_back,
	.click = review_click,
	.draw = review_draw,
	.speak = review_speak,
};
