#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "util.h"

void
flow_init(struct flow *f, const struct quest *quest)
{
	memset(f, 0, sizeof *f);
	f->quest = quest;
	f->answers = xcalloc(quest->nq, sizeof *f->answers);
	f->nanswers = quest->nq;
}

void
flow_free(struct flow *f)
{
	if (f->answers != NULL)
		wipe(f->answers, f->nanswers * sizeof *f->answers);
	free(f->answers);
	memset(f, 0, sizeof *f);
}

void
flow_reset(struct flow *f)
{
	wipe(f->answers, f->nanswers * sizeof *f->answers);
	f->cur = QUEST_EVENT_QUESTION;
	f->at_review = false;
	f->editing = false;
}

long
flow_event(const struct flow *f)
{
	const struct answer *a = &f->answers[QUEST_EVENT_QUESTION];
	return a->state == ANSWER_SET ? a->value : -1;
}

static bool
cond_holds(const struct flow *f, const struct cond *c)
{
	if (c->kind == COND_NONE)
		return true;
	if (!flow_visible(f, c->question))
		return false;
	const struct answer *a = &f->answers[c->question];
	if (a->state != ANSWER_SET)
		return false;
	if (c->kind == COND_ANY) {
		const struct question *q = &f->quest->q[c->question];
		unsigned long chosen = q->type == Q_MULTI ? a->mask : 1UL << a->value;
		return (chosen & c->any) != 0;
	}
	return a->value >= c->min && a->value <= c->max;
}

bool
flow_visible(const struct flow *f, size_t qi)
{
	const struct quest *quest = f->quest;
	const struct question *q = &quest->q[qi];
	long ev = flow_event(f);

	if (qi == QUEST_EVENT_QUESTION)
		return true;
	if (qi >= quest->meter_first && qi < quest->common_first) {
		if (ev < 0)
			return false;
		const struct event *e = &quest->events[ev];
		for (size_t i = 0; i < e->nmeters; i++)
			if ((size_t)e->meters[i] == qi - quest->meter_first)
				return true;
		return false;
	}
	if (q->event >= 0 && q->event != ev)
		return false;
	return cond_holds(f, &q->when);
}

size_t
flow_steps(const struct flow *f, size_t *out)
{
	const struct quest *quest = f->quest;
	long ev = flow_event(f);
	size_t n = 0;

#define ADD(i) do { if (out != NULL) out[n] = (i); n++; } while (0)
	ADD(QUEST_EVENT_QUESTION);
	if (ev >= 0) {
		const struct event *e = &quest->events[ev];
		for (size_t i = e->first; i < e->first + e->count; i++)
			if (flow_visible(f, i))
				ADD(i);
		/* The meters in the order the event names them. */
		for (size_t i = 0; i < e->nmeters; i++)
			ADD(quest->meter_first + (size_t)e->meters[i]);
	}
	for (size_t i = quest->common_first; i < quest->nq; i++)
		if (flow_visible(f, i))
			ADD(i);
#undef ADD
	return n;
}

/*
 * The questions that event ev can ask, in the order they come, whether
 * or not the answers show them: its follow-ups, its meters, the common
 * questions.  Returns how many; out has room for quest->nq.
 */
static size_t
event_order(const struct flow *f, long ev, size_t *out)
{
	const struct quest *quest = f->quest;
	size_t n = 0;

	out[n++] = QUEST_EVENT_QUESTION;
	if (ev >= 0) {
		const struct event *e = &quest->events[ev];
		for (size_t i = e->first; i < e->first + e->count; i++)
			out[n++] = i;
		for (size_t i = 0; i < e->nmeters; i++)
			out[n++] = quest->meter_first + (size_t)e->meters[i];
	}
	for (size_t i = quest->common_first; i < quest->nq; i++)
		out[n++] = i;
	return n;
}

static size_t
index_in(const size_t *v, size_t n, size_t qi)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == qi)
			return i;
	return n;
}

/* How many of order[from ..] may still be asked: a question whose
 * condition rests on an answer not yet given for good (at or after
 * position from) counts, since that answer may still show it. */
static size_t
still_to_come(const struct flow *f, const size_t *order, size_t n, size_t from)
{
	size_t count = 0;

	for (size_t k = from; k < n; k++) {
		const struct question *q = &f->quest->q[order[k]];
		const struct cond *c = &q->when;
		if (c->kind == COND_NONE || index_in(order, n, c->question) >= from ||
		    flow_visible(f, order[k]))
			count++;
	}
	return count;
}

void
flow_progress(const struct flow *f, size_t *pos, size_t *total)
{
	const struct quest *quest = f->quest;
	size_t *order = xcalloc(quest->nq, sizeof *order);
	long ev = flow_event(f);
	size_t n, at;

	/*
	 * "Question pos of total", where total counts the questions asked so
	 * far and every one that may still come, so that it never grows as
	 * the citizen answers (it used to: "2 of 11", then "3 of 12").
	 * Before the event is chosen, that is the longest event.
	 */
	*pos = 1;
	*total = 1;
	if (f->cur == QUEST_EVENT_QUESTION) {
		for (size_t e = 0; e < quest->nevents; e++) {
			n = event_order(f, (long)e, order);
			size_t t = 1 + still_to_come(f, order, n, 1);
			if (t > *total)
				*total = t;
		}
		free(order);
		return;
	}
	n = event_order(f, ev, order);
	at = index_in(order, n, f->cur);
	if (at == n) {
		free(order);
		size_t *steps = xcalloc(quest->nq, sizeof *steps);
		n = flow_steps(f, steps);
		*total = n;
		*pos = n;
		for (size_t i = 0; i < n; i++)
			if (steps[i] == f->cur)
				*pos = i + 1;
		free(steps);
		return;
	}
	size_t before = 0;
	for (size_t k = 0; k < at; k++)
		if (flow_visible(f, order[k]))
			before++;
	*pos = before + 1;
	*total = before + still_to_come(f, order, n, at);
	free(order);
}

bool
flow_answered(const struct flow *f, size_t qi)
{
	return f->answers[qi].state != ANSWER_NONE;
}

void
flow_clear(struct flow *f, size_t qi)
{
	wipe(&f->answers[qi], sizeof f->answers[qi]);
}

void
flow_set(struct flow *f, size_t qi, const struct answer *a)
{
	f->answers[qi] = *a;
	flow_prune(f);
}

void
flow_prune(struct flow *f)
{
	/*
	 * Visibility depends only on earlier questions, so one pass in order
	 * drops every answer that no longer applies, chains included.
	 */
	for (size_t i = 0; i < f->quest->nq; i++)
		if (f->answers[i].state != ANSWER_NONE && !flow_visible(f, i))
			flow_clear(f, i);
}

/* Position of the current question in the steps, or n if not there. */
static size_t
current_index(const struct flow *f, const size_t *steps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (steps[i] == f->cur)
			return i;
	return n;
}

void
flow_next(struct flow *f)
{
	size_t *steps = xcalloc(f->quest->nq, sizeof *steps);
	size_t n = flow_steps(f, steps);
	size_t i = current_index(f, steps, n);

	if (f->at_review) {
		free(steps);
		return;
	}
	for (i = i + 1; i < n; i++) {
		if (!f->editing || !flow_answered(f, steps[i])) {
			f->cur = steps[i];
			free(steps);
			return;
		}
	}
	free(steps);
	flow_review(f);
}

bool
flow_back(struct flow *f)
{
	size_t *steps = xcalloc(f->quest->nq, sizeof *steps);
	size_t n = flow_steps(f, steps);
	bool moved = true;

	f->editing = false;
	if (f->at_review) {
		f->at_review = false;
		f->cur = steps[n - 1];
	} else {
		size_t i = current_index(f, steps, n);
		if (i == 0 || i == n)
			moved = i != 0 && n > 0;
		if (moved)
			f->cur = steps[i - 1];
	}
	free(steps);
	return moved;
}

void
flow_edit(struct flow *f, size_t qi)
{
	f->cur = qi;
	f->at_review = false;
	f->editing = true;
}

void
flow_review(struct flow *f)
{
	f->at_review = true;
	f->editing = false;
}
