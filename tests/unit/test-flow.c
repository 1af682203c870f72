#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "flow.h"
#include "testutil.h"

/*
 * The mini questionnaire (tests/data/mini/questions.json):
 *
 *   KE1  ke1-stage (single) -> ke1-help (multi, when stage is expecting,
 *        baby or adoption) -> ke1-support (single, when help has tired);
 *        meters family, finance
 *   KE4  ke4-kind -> ke4-home (when first or finland), ke4-coping (scale);
 *        meters housing, friends
 *   KE8  ke8-months (number) -> ke8-ability (when months >= 12);
 *        meters working_studying, finance
 *   common: municipality, age
 */

struct fx {
	struct assets *a;
	struct flow f;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	void *a = NULL;
	assert_non_null(fx);
	tu_setup_mini(&a);
	fx->a = a;
	flow_init(&fx->f, &fx->a->quest);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	void *a = fx->a;
	flow_free(&fx->f);
	tu_teardown_assets(&a);
	free(fx);
	return 0;
}

static size_t
Q(struct fx *fx, const char *id)
{
	return tu_q(fx->a, id);
}

static void
set_single(struct fx *fx, const char *qid, const char *opt)
{
	struct answer a = { .state = ANSWER_SET, .value = tu_opt(fx->a, qid, opt) };
	flow_set(&fx->f, Q(fx, qid), &a);
}

static void
set_event(struct fx *fx, const char *code)
{
	set_single(fx, "event", code);
}

static void
set_multi(struct fx *fx, const char *qid, const char *o1, const char *o2)
{
	struct answer a = { .state = ANSWER_SET };
	if (o1 != NULL)
		a.mask |= 1UL << tu_opt(fx->a, qid, o1);
	if (o2 != NULL)
		a.mask |= 1UL << tu_opt(fx->a, qid, o2);
	flow_set(&fx->f, Q(fx, qid), &a);
}

static void
set_value(struct fx *fx, const char *qid, int v)
{
	struct answer a = { .state = ANSWER_SET, .value = v };
	flow_set(&fx->f, Q(fx, qid), &a);
}

static void
set_municipality(struct fx *fx, const char *code)
{
	long m = munis_find(&fx->a->munis, code);
	assert_true(m >= 0);
	set_value(fx, "municipality", (int)m);
}

/* The ids of the steps, joined by spaces, for readable comparisons. */
static char *
steps_str(struct fx *fx)
{
	size_t *steps = calloc(fx->a->quest.nq, sizeof *steps);
	size_t n = flow_steps(&fx->f, steps);
	char *s = calloc(1, 4096);
	assert_non_null(steps);
	assert_non_null(s);
	assert_int_equal(flow_steps(&fx->f, NULL), n);	/* counting only */
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, fx->a->quest.q[steps[i]].id);
		/* Every step is visible. */
		assert_true(flow_visible(&fx->f, steps[i]));
	}
	free(steps);
	return s;
}

#define assert_steps(fx, want) do { \
	char *s_ = steps_str(fx); \
	assert_string_equal(s_, (want)); \
	free(s_); \
} while (0)

static void
assert_progress(struct fx *fx, size_t pos, size_t total)
{
	size_t p = 0, t = 0;
	flow_progress(&fx->f, &p, &t);
	assert_int_equal(t, total);
	assert_int_equal(p, pos);
}

static void
assert_cur(struct fx *fx, const char *id)
{
	assert_false(fx->f.at_review);
	assert_string_equal(fx->a->quest.q[fx->f.cur].id, id);
}

/* ---- steps and visibility ---- */

static void
test_fixture_layout(void **state)
{
	struct fx *fx = *state;
	const struct quest *q = &fx->a->quest;
	assert_int_equal(q->nevents, 3);
	assert_int_equal(q->common_first - q->meter_first, DIM_COUNT);
	assert_string_equal(q->q[QUEST_EVENT_QUESTION].id, "event");
	assert_int_equal(q->q[QUEST_EVENT_QUESTION].nopts, 3);
	assert_int_equal(q->municipality_q, Q(fx, "municipality"));
	assert_int_equal(q->age_q, Q(fx, "age"));
	/* Scales are always skippable. */
	assert_true(q->q[Q(fx, "ke4-coping")].optional);
	assert_true(q->q[Q(fx, "meter-housing")].optional);
}

static void
test_steps_before_event(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(flow_event(&fx->f), -1);
	assert_int_equal(fx->f.cur, QUEST_EVENT_QUESTION);
	assert_steps(fx, "event municipality age");
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-stage")));
	assert_false(flow_visible(&fx->f, Q(fx, "meter-family")));
	assert_true(flow_visible(&fx->f, QUEST_EVENT_QUESTION));
}

static void
test_steps_after_event(void **state)
{
	struct fx *fx = *state;

	set_event(fx, "KE1");
	assert_int_equal(flow_event(&fx->f), 0);
	/* The event's meters in the order it names them, then common. */
	assert_steps(fx, "event ke1-stage meter-family meter-finance municipality age");
	assert_false(flow_visible(&fx->f, Q(fx, "ke4-kind")));
	assert_false(flow_visible(&fx->f, Q(fx, "meter-housing")));

	set_event(fx, "KE8");
	assert_int_equal(flow_event(&fx->f), 2);
	assert_steps(fx, "event ke8-months meter-working_studying meter-finance municipality age");

	set_event(fx, "KE4");
	assert_steps(fx, "event ke4-kind ke4-coping meter-housing meter-friends municipality age");
}

static void
test_when_any_single(void **state)
{
	struct fx *fx = *state;

	set_event(fx, "KE1");
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-help")));
	set_single(fx, "ke1-stage", "expecting");
	assert_true(flow_visible(&fx->f, Q(fx, "ke1-help")));
	assert_steps(fx, "event ke1-stage ke1-help meter-family meter-finance municipality age");
	set_single(fx, "ke1-stage", "adoption");
	assert_true(flow_visible(&fx->f, Q(fx, "ke1-help")));
	set_single(fx, "ke1-stage", "other");
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-help")));

	/* A skipped answer holds no option. */
	struct answer skip = { .state = ANSWER_SKIPPED };
	flow_set(&fx->f, Q(fx, "ke1-stage"), &skip);
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-help")));
}

static void
test_when_any_multi(void **state)
{
	struct fx *fx = *state;

	set_event(fx, "KE1");
	set_single(fx, "ke1-stage", "baby");
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-support")));
	set_multi(fx, "ke1-help", "money", NULL);
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-support")));
	set_multi(fx, "ke1-help", "money", "tired");
	assert_true(flow_visible(&fx->f, Q(fx, "ke1-support")));
	assert_steps(fx, "event ke1-stage ke1-help ke1-support meter-family meter-finance municipality age");
	/* Nothing chosen is an answer, and shows nothing. */
	set_multi(fx, "ke1-help", NULL, NULL);
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-help")));
	assert_false(flow_visible(&fx->f, Q(fx, "ke1-support")));
}

static void
test_when_range(void **state)
{
	struct fx *fx = *state;
	size_t ability = Q(fx, "ke8-ability");

	set_event(fx, "KE8");
	assert_false(flow_visible(&fx->f, ability));
	set_value(fx, "ke8-months", 5);
	assert_false(flow_visible(&fx->f, ability));
	set_value(fx, "ke8-months", 11);
	assert_false(flow_visible(&fx->f, ability));
	set_value(fx, "ke8-months", 12);		/* the bound is inclusive */
	assert_true(flow_visible(&fx->f, ability));
	set_value(fx, "ke8-months", 120);		/* max defaults to the question's */
	assert_true(flow_visible(&fx->f, ability));
	assert_steps(fx, "event ke8-months ke8-ability meter-working_studying meter-finance municipality age");
	struct answer skip = { .state = ANSWER_SKIPPED };
	flow_set(&fx->f, Q(fx, "ke8-months"), &skip);
	assert_false(flow_visible(&fx->f, ability));
}

/* A question of one event is never visible under another, even when the
 * answer its condition names is there. */
static void
test_other_event_hidden(void **state)
{
	struct fx *fx = *state;

	set_event(fx, "KE4");
	set_single(fx, "ke4-kind", "finland");
	assert_true(flow_visible(&fx->f, Q(fx, "ke4-home")));
	fx->f.answers[QUEST_EVENT_QUESTION].value = 0;	/* KE1, behind the flow's back */
	assert_false(flow_visible(&fx->f, Q(fx, "ke4-kind")));
	assert_false(flow_visible(&fx->f, Q(fx, "ke4-home")));
}

/* ---- moving, and what answers survive ---- */

static void
test_next_walks_steps(void **state)
{
	struct fx *fx = *state;
	static const char *const want[] = {
		"ke1-stage", "meter-family", "meter-finance",
		"municipality", "age",
	};

	set_event(fx, "KE1");
	assert_cur(fx, "event");
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		flow_next(&fx->f);
		assert_cur(fx, want[i]);
	}
	flow_next(&fx->f);
	assert_true(fx->f.at_review);
	/* Next at the review stays there. */
	flow_next(&fx->f);
	assert_true(fx->f.at_review);
	/* Back from the review: the last question. */
	assert_true(flow_back(&fx->f));
	assert_cur(fx, "age");
}

static void
test_back_keeps_answers(void **state)
{
	struct fx *fx = *state;
	size_t stage = Q(fx, "ke1-stage"), help = Q(fx, "ke1-help");

	set_event(fx, "KE1");
	flow_next(&fx->f);
	assert_cur(fx, "ke1-stage");
	set_single(fx, "ke1-stage", "baby");
	flow_next(&fx->f);
	assert_cur(fx, "ke1-help");
	set_multi(fx, "ke1-help", "clinic", NULL);
	flow_next(&fx->f);
	assert_cur(fx, "meter-family");

	assert_true(flow_back(&fx->f));
	assert_cur(fx, "ke1-help");
	assert_true(flow_back(&fx->f));
	assert_cur(fx, "ke1-stage");
	assert_true(flow_back(&fx->f));
	assert_cur(fx, "event");
	assert_false(flow_back(&fx->f));	/* the very first question */
	assert_cur(fx, "event");

	assert_int_equal(flow_event(&fx->f), 0);
	assert_int_equal(fx->f.answers[stage].state, ANSWER_SET);
	assert_int_equal(fx->f.answers[stage].value, tu_opt(fx->a, "ke1-stage", "baby"));
	assert_int_equal(fx->f.answers[help].state, ANSWER_SET);
	assert_int_equal(fx->f.answers[help].mask, 1UL << tu_opt(fx->a, "ke1-help", "clinic"));

	/* Forward again over the kept answers. */
	flow_next(&fx->f);
	flow_next(&fx->f);
	assert_cur(fx, "ke1-help");
}

/* Answer everything for KE1 with the chain stage -> help -> support. */
static void
answer_ke1_chain(struct fx *fx)
{
	set_event(fx, "KE1");
	set_single(fx, "ke1-stage", "expecting");
	set_multi(fx, "ke1-help", "tired", NULL);
	set_single(fx, "ke1-support", "yes");
	set_value(fx, "meter-family", 7);
	set_value(fx, "meter-finance", 4);
	set_municipality(fx, "091");
	set_single(fx, "age", "18-64");
}

static void
test_change_drops_chain(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-support")));

	/* A: the stage no longer shows B (help), so B and C (support, which
	 * depends on B) both go; nothing else does. */
	set_single(fx, "ke1-stage", "other");
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-help")));
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-support")));
	assert_int_equal(fx->f.answers[Q(fx, "ke1-help")].mask, 0);
	assert_int_equal(fx->f.answers[Q(fx, "ke1-stage")].value, tu_opt(fx->a, "ke1-stage", "other"));
	assert_int_equal(fx->f.answers[Q(fx, "meter-family")].value, 7);
	assert_true(flow_answered(&fx->f, Q(fx, "municipality")));
	assert_true(flow_answered(&fx->f, Q(fx, "age")));
	assert_int_equal(flow_event(&fx->f), 0);
}

static void
test_change_keeps_what_applies(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	/* expecting -> baby: help still applies, so it and support stay. */
	set_single(fx, "ke1-stage", "baby");
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-help")));
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-support")));

	/* B changes so that C no longer applies: only C goes. */
	set_multi(fx, "ke1-help", "money", "clinic");
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-stage")));
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-help")));
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-support")));
}

static void
test_change_event(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	/* KE8 shares the finance meter with KE1, but no follow-ups. */
	set_event(fx, "KE8");
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-stage")));
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-help")));
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-support")));
	assert_false(flow_answered(&fx->f, Q(fx, "meter-family")));
	assert_false(flow_answered(&fx->f, Q(fx, "meter-health")));
	assert_true(flow_answered(&fx->f, Q(fx, "meter-finance")));
	assert_int_equal(fx->f.answers[Q(fx, "meter-finance")].value, 4);
	assert_true(flow_answered(&fx->f, Q(fx, "municipality")));
	assert_true(flow_answered(&fx->f, Q(fx, "age")));
}

static void
test_clear(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	flow_clear(&fx->f, Q(fx, "ke1-help"));
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-help")));
	/* Clearing does not prune by itself ... */
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-support")));
	/* ... flow_prune does. */
	flow_prune(&fx->f);
	assert_false(flow_answered(&fx->f, Q(fx, "ke1-support")));
	assert_true(flow_answered(&fx->f, Q(fx, "ke1-stage")));
}

/* ---- progress ---- */

/* The total counts what may still come, so it never grows as the
 * citizen answers: before the event, the longest event (KE1: 3
 * follow-ups and 2 meters, with the event and 2 common questions, 8). */
static void
test_progress(void **state)
{
	struct fx *fx = *state;

	assert_progress(fx, 1, 8);
	set_event(fx, "KE1");
	assert_progress(fx, 1, 8);
	flow_next(&fx->f);
	assert_progress(fx, 2, 8);		/* help and support may come */
	set_single(fx, "ke1-stage", "expecting");
	assert_progress(fx, 2, 8);
	flow_next(&fx->f);
	assert_cur(fx, "ke1-help");
	assert_progress(fx, 3, 8);
	set_multi(fx, "ke1-help", "tired", NULL);
	assert_progress(fx, 3, 8);
	flow_next(&fx->f);
	assert_cur(fx, "ke1-support");
	assert_progress(fx, 4, 8);
	flow_next(&fx->f);
	assert_cur(fx, "meter-family");
	assert_progress(fx, 5, 8);

	/* Back at the stage, another branch: the count only drops. */
	flow_back(&fx->f);
	flow_back(&fx->f);
	flow_back(&fx->f);
	assert_cur(fx, "ke1-stage");
	set_single(fx, "ke1-stage", "other");
	assert_progress(fx, 2, 8);
	flow_next(&fx->f);
	assert_cur(fx, "meter-family");
	assert_progress(fx, 3, 6);
}

/* Walking forward through every event, with answers that show the most
 * or the fewest follow-ups, the total never grows. */
static void
test_progress_never_grows(void **state)
{
	struct fx *fx = *state;
	const struct quest *quest = &fx->a->quest;

	for (int most = 0; most < 2; most++) {
		for (size_t e = 0; e < quest->nevents; e++) {
			flow_reset(&fx->f);
			size_t pos, total, last = (size_t)-1, lastpos = 0;
			for (int guard = 0; !fx->f.at_review && guard < 64; guard++) {
				size_t qi = fx->f.cur;
				const struct question *q = &quest->q[qi];
				struct answer a = { .state = ANSWER_SET };
				flow_progress(&fx->f, &pos, &total);
				assert_true(total <= last);
				assert_true(pos > lastpos);
				assert_true(pos <= total);
				last = total;
				lastpos = pos;
				if (qi == QUEST_EVENT_QUESTION)
					a.value = (int)e;
				else if (q->type == Q_SINGLE)
					a.value = most ? 0 : (int)q->nopts - 1;
				else if (q->type == Q_MULTI)
					a.mask = most ? (1UL << q->nopts) - 1 : 1;
				else if (q->type == Q_NUMBER)
					a.value = most ? q->max : q->min;
				else if (q->type == Q_SCALE)
					a.value = 5;
				else
					a.value = 0;
				flow_set(&fx->f, qi, &a);
				flow_next(&fx->f);
			}
			assert_true(fx->f.at_review);
			assert_int_equal(lastpos, last);	/* the last is "N of N" */
		}
	}
}

/* ---- multiple choice ---- */

/* "None of these" stands alone, both ways; ticking again unticks. */
static void
test_toggle_exclusive(void **state)
{
	(void)state;
	struct choice opts[4] = {
		{ .id = "money" }, { .id = "clinic" }, { .id = "none" }, { .id = "no-answer" },
	};
	struct question q = { .id = "x", .type = Q_MULTI, .opts = opts, .nopts = 4 };
	unsigned long m = 0;

	assert_true(quest_exclusive(&opts[2]));
	assert_true(quest_exclusive(&opts[3]));
	assert_false(quest_exclusive(&opts[0]));
	m = quest_toggle(&q, m, 0);
	m = quest_toggle(&q, m, 1);
	assert_int_equal(m, 0x3);
	m = quest_toggle(&q, m, 2);		/* none clears the others */
	assert_int_equal(m, 0x4);
	m = quest_toggle(&q, m, 3);		/* one exclusive clears another */
	assert_int_equal(m, 0x8);
	m = quest_toggle(&q, m, 1);		/* another clears none */
	assert_int_equal(m, 0x2);
	m = quest_toggle(&q, m, 1);		/* and unticks */
	assert_int_equal(m, 0);
	assert_int_equal(quest_toggle(&q, 0x1, 7), 0x1);	/* no such option */
}

/* ---- the review ---- */

static void
test_edit_goes_to_next_unanswered(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	set_single(fx, "ke1-stage", "other");	/* help and support go */
	flow_review(&fx->f);
	assert_true(fx->f.at_review);

	flow_edit(&fx->f, Q(fx, "ke1-stage"));
	assert_false(fx->f.at_review);
	assert_true(fx->f.editing);
	assert_cur(fx, "ke1-stage");
	set_single(fx, "ke1-stage", "expecting");
	flow_next(&fx->f);
	assert_cur(fx, "ke1-help");		/* newly shown, unanswered */
	assert_true(fx->f.editing);
	set_multi(fx, "ke1-help", "tired", NULL);
	flow_next(&fx->f);
	assert_cur(fx, "ke1-support");		/* shown by that answer */
	set_single(fx, "ke1-support", "no");
	flow_next(&fx->f);
	/* Everything after is answered: straight back to the review. */
	assert_true(fx->f.at_review);
	assert_false(fx->f.editing);
}

static void
test_edit_back_to_review(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	flow_review(&fx->f);
	flow_edit(&fx->f, Q(fx, "meter-family"));
	assert_cur(fx, "meter-family");
	set_value(fx, "meter-family", 2);
	flow_next(&fx->f);
	assert_true(fx->f.at_review);
	assert_int_equal(fx->f.answers[Q(fx, "meter-family")].value, 2);

	/* The next unanswered one may be far on: skipped counts as answered. */
	flow_clear(&fx->f, Q(fx, "age"));
	flow_edit(&fx->f, Q(fx, "ke1-stage"));
	flow_next(&fx->f);
	assert_cur(fx, "age");
	/* Back while editing leaves editing: next is plain next again. */
	assert_true(flow_back(&fx->f));
	assert_false(fx->f.editing);
	assert_cur(fx, "municipality");
	flow_next(&fx->f);
	assert_cur(fx, "age");
}

static void
test_reset(void **state)
{
	struct fx *fx = *state;

	answer_ke1_chain(fx);
	flow_next(&fx->f);
	flow_review(&fx->f);
	flow_edit(&fx->f, Q(fx, "age"));
	flow_reset(&fx->f);
	assert_int_equal(flow_event(&fx->f), -1);
	assert_int_equal(fx->f.cur, QUEST_EVENT_QUESTION);
	assert_false(fx->f.at_review);
	assert_false(fx->f.editing);
	for (size_t i = 0; i < fx->a->quest.nq; i++) {
		assert_false(flow_answered(&fx->f, i));
		assert_int_equal(fx->f.answers[i].value, 0);
		assert_int_equal(fx->f.answers[i].mask, 0);
	}
	assert_steps(fx, "event municipality age");
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_fixture_layout),
		T(test_steps_before_event),
		T(test_steps_after_event),
		T(test_when_any_single),
		T(test_when_any_multi),
		T(test_when_range),
		T(test_other_event_hidden),
		T(test_next_walks_steps),
		T(test_back_keeps_answers),
		T(test_change_drops_chain),
		T(test_change_keeps_what_applies),
		T(test_change_event),
		T(test_clear),
		T(test_progress),
		T(test_progress_never_grows),
		T(test_toggle_exclusive),
		T(test_edit_goes_to_next_unanswered),
		T(test_edit_back_to_review),
		T(test_reset),
	};
#undef T
	return cmocka_run_group_tests_name("flow", tests, NULL, NULL);
}
