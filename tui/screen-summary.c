/*
 * screen-summary.c: the citizen's situation in full sentences, for staff
 * at a counter to read back (F4 in counter mode).  Each question in full,
 * then the answer.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "present.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct summary {
	struct doc doc;
};

static void *
summary_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct summary));
}

static void
summary_free(void *data)
{
	struct summary *sm = data;
	doc_clear(&sm->doc);
	free(sm);
}

static void
build(struct ui *ui, struct summary *sm, int w)
{
	struct session *s = ui_session(ui);
	const struct quest *quest = &s->assets->quest;
	size_t *steps = xcalloc(quest->nq, sizeof *steps);
	size_t n = flow_steps(&s->flow, steps);

	doc_clear(&sm->doc);
	for (size_t i = 0; i < n; i++) {
		char *ans = present_answer(s, steps[i]);
		doc_add(&sm->doc, ROLE_HINT, 0, w, _(quest->q[steps[i]].text));
		doc_add(&sm->doc, ROLE_TITLE, 2, w, ans);
		wipe_free_str(ans);
	}
	if (n == 1 && !flow_answered(&s->flow, QUEST_EVENT_QUESTION))
		doc_add(&sm->doc, ROLE_NORMAL, 0, w, _("No answers yet."));
	free(steps);
}

static int
summary_key(struct ui *ui, void *data, int key)
{
	struct summary *sm = data;
	int y, x, h, w;

	ui_body(ui, &y, &x, &h, &w);
	build(ui, sm, w);
	return doc_key(&sm->doc, key, h) ? UI_HANDLED : UI_IGNORED;
}

static void
summary_draw(struct ui *ui, void *data)
{
	struct summary *sm = data;
	int y, x, h, w;

	ui_header(ui, _("The citizen's answers"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	build(ui, sm, w);
	doc_draw(ui, &sm->doc, y, x, h, w);
}

/* All of the text, in order. */
static char *
summary_speak(struct ui *ui, void *data, bool whole)
{
	struct summary *p = data;
	int y, x, h, w;

	if (!whole)
		return NULL;
	ui_body(ui, &y, &x, &h, &w);
	build(ui, p, w);
	return doc_utterance(&p->doc, _("The citizen's answers."));
}

const struct screen_ops screen_summary = {
	.name = "summary",
	.init = summary_init,
	.free = summary_free,
	.key = summary_key,
	.draw = summary_draw,
	.speak = summary_speak,
};
