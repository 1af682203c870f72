/*
 * flow.h: the order of questions, the answers, and moving between them.
 *
 * The flow is pure model: no drawing.  Which questions are asked depends
 * on the answers (the life event picks its follow-ups and meters, a
 * `when` condition hides a question until an earlier answer holds), so
 * the list of steps is always derived from the answers, never stored.
 *
 * Ownership: a struct flow owns its answers and borrows the quest, which
 * must outlive it.  flow_reset() and flow_free() wipe the answers.
 */
#ifndef OPASTIN_FLOW_H
#define OPASTIN_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "quest.h"

enum answer_state { ANSWER_NONE, ANSWER_SKIPPED, ANSWER_SET };

struct answer {
	enum answer_state state;
	int value;		/* single: option; scale, number: value;
				   municipality: index in struct munis */
	unsigned long mask;	/* multi: bitmask of chosen options */
};

struct flow {
	const struct quest *quest;
	struct answer *answers;	/* one per quest->q */
	size_t nanswers;	/* quest->nq when the flow was set up */
	size_t cur;		/* the question on screen */
	bool at_review;		/* the review screen instead of a question */
	bool editing;		/* came from the review: next goes back there */
};

void flow_init(struct flow *, const struct quest *);
void flow_free(struct flow *);
/* Wipe every answer and go back to the first question. */
void flow_reset(struct flow *);

/* Whether question qi is asked, given the answers so far. */
bool flow_visible(const struct flow *, size_t qi);
/* The questions asked, in order, into out (room for quest->nq, or NULL);
 * returns how many. */
size_t flow_steps(const struct flow *, size_t *out);
/* "Question pos of total" for the current question (pos from 1).  The
 * total counts the questions asked so far and every one that may still
 * come, so it never grows as the citizen answers; before the event is
 * chosen, the longest event's. */
void flow_progress(const struct flow *, size_t *pos, size_t *total);

/* Record an answer, then drop the answers that no longer apply. */
void flow_set(struct flow *, size_t qi, const struct answer *);
void flow_clear(struct flow *, size_t qi);
/* Drop the answers to questions that are no longer asked. */
void flow_prune(struct flow *);
bool flow_answered(const struct flow *, size_t qi);
/* The chosen life event, or -1. */
long flow_event(const struct flow *);

/* Go to the next step: the next question, or the review.  When editing
 * from the review, the next unanswered question, or the review. */
void flow_next(struct flow *);
/* Go to the previous step; false at the very first question. */
bool flow_back(struct flow *);
/* From the review, change the answer to question qi. */
void flow_edit(struct flow *, size_t qi);
/* Show the review. */
void flow_review(struct flow *);

#endif
