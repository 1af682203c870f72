/*
 * Every need leads somewhere (issue 11): every answer option of
 * assets/questions.json that names a need reaches at least one service
 * of assets/catalogue.json.
 *
 * An option names a need when it adds service classes or life events to
 * the profile, or says that a condition holds ("Violence or threats"
 * sets "violence").  It reaches a service when
 *   - the service has a class or life event the option names (a dotted
 *     relative counts, as in the recommender: P22 and P22.5, KE4 and
 *     KE4.1), or the service belongs to the option's life event and is
 *     for a condition the option sets (its "for", "unless_no" or first
 *     step names it); and
 *   - the option's own answer does not rule the service out.
 * That is the recommender's scope and eligibility (recommend.h), taken
 * from the one answer: whatever else the citizen answers, this answer
 * can bring the service up.
 *
 * Options that only state a status (registered already, declined
 * rehabilitation, the kind of home one moves to) are listed in
 * NOT_A_NEED with the reason, and needs for which the facts
 * (../shared/reference/facts) hold no service in KNOWN_GAPS: both lists
 * must stay true, so a gap that a new service fills must leave
 * KNOWN_GAPS, and a new option that leads nowhere fails.  KNOWN_GAPS is
 * empty: an option that the kiosk's own catalogue cannot serve is not
 * offered (issue 11), and a new one fails here until a service from the
 * facts meets it or the option goes.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "profile.h"
#include "testutil.h"

struct exempt {
	const char *question, *option, *why;
};

/*
 * Answers that state where the citizen stands, not what they need.  The
 * answers to "What kind of home?" and "What are you going to study?"
 * carry the PTV class of that situation (P1.2, P6.10) for the national
 * recommender and the service register, which hold services of that
 * class; the citizen asks for nothing by them, and the event's own
 * services (the notification of move, student financial aid) serve them.
 */
static const struct exempt NOT_A_NEED[] = {
	{ "ke8-registered", "yes", "already a registered jobseeker: it rules registration out" },
	{ "ke11-rehab", "no", "declines rehabilitation: it rules rehabilitation out" },
	{ "biz-now", "studying", "a student starting a business: it rules the start-up grant out" },
	{ "biz-grant", "yes", "has applied for the start-up grant already" },
	{ "ke4-home", "owned", "moving into a home one owns: it rules the general housing allowance out (none for owner-occupied homes since 2025)" },
	{ "ke3-level", "adult", "the level of studies: it rules the joint application and the school transport subsidy out" },
	{ NULL, NULL, NULL }
};

/* Needs that no service of the facts meets yet: none (see above). */
static const struct exempt KNOWN_GAPS[] = {
	{ NULL, NULL, NULL }
};

static size_t
count(const struct exempt *v)
{
	size_t n = 0;
	while (v[n].question != NULL)
		n++;
	return n;
}

static const struct exempt *
listed(const struct exempt *v, const char *q, const char *o)
{
	for (size_t i = 0; v[i].question != NULL; i++)
		if (strcmp(v[i].question, q) == 0 && strcmp(v[i].option, o) == 0)
			return &v[i];
	return NULL;
}

static bool
any_related(char **v, size_t n, char **w, size_t m)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < m; k++)
			if (code_related(v[i], w[k]))
				return true;
	return false;
}

static condset
situations_mask(const struct situations *s)
{
	condset m = 0;
	for (size_t i = 0; i < s->n; i++)
		m |= s->v[i];
	return m;
}

/* Whether the one answer rules the service out. */
static bool
ruled_out_by(const struct cat_service *s, const struct effects *fx)
{
	const struct eligibility *e = &s->elig;

	if ((e->not_for & fx->cond_yes) || (e->unless_no & fx->cond_no))
		return true;
	if (e->forv.n == 0)
		return false;
	for (size_t i = 0; i < e->forv.n; i++)
		if ((e->forv.v[i] & fx->cond_no) == 0)
			return false;	/* a situation the answer leaves open */
	return true;
}

static bool
reaches(const struct cat_service *s, const struct event *ev, const struct effects *fx)
{
	if (ruled_out_by(s, fx))
		return false;
	if (any_related(s->classes, s->nclasses, fx->classes, fx->nclasses) ||
	    any_related(s->events, s->nevents, fx->events, fx->nevents))
		return true;
	/* A condition the answer settles, for a service of the event. */
	condset positive = situations_mask(&s->elig.forv) | s->elig.unless_no |
	    situations_mask(&s->step.when);
	if ((positive & fx->cond_yes) == 0)
		return false;
	for (size_t i = 0; i < s->nevents; i++)
		if (code_related(s->events[i], ev->id))
			return true;
	return false;
}

static bool
names_need(const struct effects *fx)
{
	return fx->nclasses > 0 || fx->nevents > 0 || fx->cond_yes != 0;
}

static void
test_every_need_leads_somewhere(void **state)
{
	struct assets a;
	size_t needs = 0, gaps = 0, stale = 0;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	for (size_t e = 0; e < a.quest.nevents; e++) {
		const struct event *ev = &a.quest.events[e];
		for (size_t qi = ev->first; qi < ev->first + ev->count; qi++) {
			const struct question *q = &a.quest.q[qi];
			for (size_t o = 0; o < q->nopts; o++) {
				const struct choice *c = &q->opts[o];
				if (!names_need(&c->fx))
					continue;
				const struct exempt *status = listed(NOT_A_NEED,
				    q->id, c->id);
				const struct exempt *known = listed(KNOWN_GAPS,
				    q->id, c->id);
				if (status != NULL)
					continue;
				needs++;
				const char *first = NULL;
				for (size_t i = 0; i < a.cat.n && first == NULL; i++)
					if (reaches(&a.cat.v[i], ev, &c->fx))
						first = a.cat.v[i].id;
				if (first == NULL && known == NULL) {
					print_error("%s %s \"%s\": no service meets this need\n",
					    q->id, c->id, c->label);
					gaps++;
				}
				if (first != NULL && known != NULL) {
					print_error("%s %s: %s now meets it; take it off KNOWN_GAPS\n",
					    q->id, c->id, first);
					stale++;
				}
			}
		}
	}
	print_message("%zu options name a need; %zu known gaps are left for want of facts\n",
	    needs, count(KNOWN_GAPS));
	assert_true(needs > 100);
	assert_int_equal(gaps, 0);
	assert_int_equal(stale, 0);
	assets_free(&a);
}

/* Every listed option exists, and still names a need. */
static void
test_lists_name_real_options(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	for (int list = 0; list < 2; list++) {
		const struct exempt *v = list ? KNOWN_GAPS : NOT_A_NEED;
		for (size_t i = 0; v[i].question != NULL; i++) {
			long q = quest_find(&a.quest, v[i].question);
			long o = q < 0 ? -1 : quest_option(&a.quest, (size_t)q, v[i].option);
			if (o < 0)
				print_error("no option %s %s\n", v[i].question, v[i].option);
			assert_true(o >= 0);
			assert_true(names_need(&a.quest.q[q].opts[o].fx));
		}
	}
	assets_free(&a);
}

/* The check itself: an option that names a class no service has fails,
 * and one whose answer rules its only service out fails too. */
static void
test_a_gap_fails(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	long q = quest_find(&a.quest, "ke7-worries");
	long o = quest_option(&a.quest, (size_t)q, "violence");
	assert_true(q >= 0 && o >= 0);
	const struct choice *c = &a.quest.q[q].opts[o];
	const struct event *ev = &a.quest.events[a.quest.q[q].event];
	size_t reached = 0;
	for (size_t i = 0; i < a.cat.n; i++)
		reached += reaches(&a.cat.v[i], ev, &c->fx);
	assert_true(reached > 0);	/* Nollalinja */

	/* The same answer, naming only a class nobody has. */
	struct effects fx = c->fx;
	char *none[] = { "P24.3" };
	fx.classes = none;
	fx.nclasses = 1;
	fx.cond_yes = 0;
	reached = 0;
	for (size_t i = 0; i < a.cat.n; i++)
		reached += reaches(&a.cat.v[i], ev, &fx);
	assert_int_equal(reached, 0);

	/* Nollalinja is for "violence": an answer that says no to it rules
	 * it out although it names its class. */
	long nl = -1;
	for (size_t i = 0; i < a.cat.n; i++)
		if (strcmp(a.cat.v[i].id, "nollalinja") == 0)
			nl = (long)i;
	assert_true(nl >= 0);
	fx = c->fx;
	fx.cond_no = fx.cond_yes;
	fx.cond_yes = 0;
	assert_false(reaches(&a.cat.v[nl], ev, &fx));
	assets_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_need_leads_somewhere),
		cmocka_unit_test(test_lists_name_real_options),
		cmocka_unit_test(test_a_gap_fails),
	};
	return cmocka_run_group_tests_name("needs", tests, NULL, NULL);
}
