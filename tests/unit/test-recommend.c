#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "util.h"
#include "profile.h"
#include "recommend.h"
#include "testutil.h"

#define EPS 1e-9

/* Conditions of the hand-made profiles, as bits of quest->conds. */
enum { C_CHILDREN, C_JOBSEEKER, C_REGISTERED, C_WORKING, C_WIDOWED };
#define BIT(c) (1u << (c))

/* ---- a small catalogue built in C ---- */

/* A service's definition leaves out the eligibility and first step when
 * it has none: zero, as loading the catalogue leaves them. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct def {
	const char *id;
	const char *events[3];
	const char *classes[3];
	const char *groups[2];
	const char *munis[2];	/* none: national */
	double rel[DIM_COUNT];
	unsigned int for_any, unless_no;
	/* A first step: its English text ("fi: " and "sv: " before it in
	 * the other languages), or NULL for none. */
	const char *step;
	unsigned int when, unless;
	/* The ages, when aged; else open. */
	bool aged;
	int age_min, age_max;
};

static void
push_all(char ***v, size_t *n, const char *const *src, size_t max)
{
	for (size_t i = 0; i < max && src[i] != NULL; i++) {
		*v = realloc(*v, (*n + 1) * sizeof **v);
		assert_non_null(*v);
		(*v)[(*n)++] = strdup(src[i]);
	}
}

static char *
prefixed(const char *prefix, const char *s)
{
	char *out = malloc(strlen(prefix) + strlen(s) + 1);
	assert_non_null(out);
	strcpy(out, prefix);
	strcat(out, s);
	return out;
}

/* A catalogue owning everything, so that catalogue_free() releases it. */
static void
build(struct catalogue *cat, const struct def *defs, size_t n)
{
	memset(cat, 0, sizeof *cat);
	cat->date = strdup("2025-01-01");
	cat->v = calloc(n, sizeof *cat->v);
	assert_non_null(cat->v);
	cat->n = n;
	for (size_t i = 0; i < n; i++) {
		struct cat_service *s = &cat->v[i];
		const struct def *d = &defs[i];
		s->id = strdup(d->id);
		s->name.v[LANG_EN] = strdup(d->id);
		s->name.v[LANG_FI] = strdup("nimi");
		s->summary.v[LANG_EN] = strdup("summary");
		s->org.v[LANG_EN] = strdup("org");
		s->checked = strdup("2025");
		push_all(&s->events, &s->nevents, d->events, 3);
		push_all(&s->classes, &s->nclasses, d->classes, 3);
		push_all(&s->groups, &s->ngroups, d->groups, 2);
		push_all(&s->municipalities, &s->nmunicipalities, d->munis, 2);
		memcpy(s->relevance, d->rel, sizeof s->relevance);
		/* Each condition of for_any is a situation of its own.
		 * for_any has 32 bits: shifting 1u by 32 or more is
		 * undefined (UBSan), and on x86 it wrapped, adding
		 * conditions 32 to 63 that no test meant. */
		for (size_t c = 0; c < QUEST_MAX_CONDITIONS && c < sizeof d->for_any * 8; c++)
			if (d->for_any & (1u << c))
				s->elig.forv.v[s->elig.forv.n++] = COND_BIT(c);
		s->elig.unless_no = d->unless_no;
		s->elig.age_min = d->aged ? d->age_min : -1;
		s->elig.age_max = d->aged ? d->age_max : -1;
		/* when: one situation, every condition of it. */
		if (d->when != 0)
			s->step.when.v[s->step.when.n++] = d->when;
		s->step.unless = d->unless;
		if (d->step != NULL) {
			s->step.text.v[LANG_EN] = strdup(d->step);
			s->step.text.v[LANG_FI] = prefixed("fi: ", d->step);
			s->step.text.v[LANG_SV] = prefixed("sv: ", d->step);
		}
	}
}

/* Replace one language of a catalogue text (NULL removes it). */
static void
set_text(struct ltext *t, enum lang l, const char *s)
{
	free(t->v[l]);
	t->v[l] = s != NULL ? strdup(s) : NULL;
}

static void
add_keyword(struct cat_service *s, enum lang l, const char *k)
{
	push_all(&s->keywords[l], &s->nkeywords[l], (const char *const[]){ k, NULL }, 1);
}

static void
profile_init(struct profile *p)
{
	memset(p, 0, sizeof *p);
	p->age = p->age_min = p->age_max = -1;
	p->lang = LANG_EN;
}

static void
rate(struct profile *p, enum dim d, int v)
{
	p->meter[d][p->nmeter[d]++] = v;
	p->rated[d] = true;	/* the citizen gave it */
	p->own_sum[d] += v;
	p->nown[d]++;
}

/* Condition c settled yes or no by the answer (question, option). */
static void
cond(struct profile *p, size_t c, bool yes, size_t question, int option)
{
	p->cond_yes &= ~BIT(c);
	p->cond_no &= ~BIT(c);
	if (yes)
		p->cond_yes |= BIT(c);
	else
		p->cond_no |= BIT(c);
	p->cond_src[c].question = question;
	p->cond_src[c].option = option;
}

/* Condition c not known again. */
static void
uncond(struct profile *p, size_t c)
{
	p->cond_yes &= ~BIT(c);
	p->cond_no &= ~BIT(c);
}

static void
set_ages(struct profile *p, int lo, int hi)
{
	p->age_min = lo;
	p->age_max = hi;
}

/* Index of a service in the results, or -1. */
static long
rank_of(const struct results *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Ranks from 1; with one tier in the list, scores descending too. */
static void
assert_ranks(const struct results *r)
{
	for (size_t i = 0; i < r->n; i++) {
		assert_int_equal(r->v[i].rank, (int)i + 1);
		assert_true(r->v[i].score >= 0);
	}
}

static void
assert_ranked(const struct results *r)
{
	assert_ranks(r);
	for (size_t i = 1; i < r->n; i++)
		assert_true(r->v[i - 1].score >= r->v[i].score);
}

/* The score of a service and its tier. */
static double
score_of(const struct cat_service *s, const struct profile *p, enum tier want)
{
	double score = -1;
	enum tier t = recommend_score(s, p, &score, NULL, NULL);
	assert_int_equal(t, want);
	return score;
}

#define ASSERT_SCORE(s, p, tier, want) \
	assert_true(fabs(score_of((s), (p), (tier)) - (want)) < EPS)

/* ---- cosine and need ---- */

static void
test_cosine(void **state)
{
	double a[DIM_COUNT] = { 0 }, b[DIM_COUNT] = { 0 }, z[DIM_COUNT] = { 0 };
	(void)state;

	a[0] = 1;
	b[1] = 1;
	assert_true(fabs(recommend_cosine(a, b)) < EPS);		/* orthogonal */
	assert_true(fabs(recommend_cosine(a, a) - 1) < EPS);
	assert_true(fabs(recommend_cosine(a, z)) < EPS);		/* zero: 0, not NaN */
	assert_true(fabs(recommend_cosine(z, z)) < EPS);
	b[0] = 1;
	assert_true(fabs(recommend_cosine(a, b) - 1 / sqrt(2)) < EPS);
	/* Length does not matter, direction does. */
	double c[DIM_COUNT], d[DIM_COUNT];
	for (int i = 0; i < DIM_COUNT; i++) {
		c[i] = 0.1 * i;
		d[i] = 0.7 * i;
	}
	assert_true(fabs(recommend_cosine(c, d) - 1) < EPS);
	assert_true(fabs(recommend_cosine(c, d) - recommend_cosine(d, c)) < EPS);
	/* (1,2,0..) . (2,1,0..) = 4, norms sqrt(5): 0.8 */
	double e[DIM_COUNT] = { 1, 2 }, f[DIM_COUNT] = { 2, 1 };
	assert_true(fabs(recommend_cosine(e, f) - 0.8) < EPS);
}

static void
test_need(void **state)
{
	struct profile p;
	(void)state;

	profile_init(&p);
	assert_true(profile_mean(&p, DIM_HOUSING) < 0);
	assert_true(fabs(profile_need(&p, DIM_HOUSING)) < EPS);	/* unrated: no need */
	rate(&p, DIM_HOUSING, 4);
	assert_true(fabs(profile_mean(&p, DIM_HOUSING) - 4) < EPS);
	assert_true(fabs(profile_need(&p, DIM_HOUSING) - (1 - 4 / 10.1)) < EPS);
	rate(&p, DIM_HOUSING, 7);
	assert_true(fabs(profile_mean(&p, DIM_HOUSING) - 5.5) < EPS);
	assert_true(fabs(profile_need(&p, DIM_HOUSING) - (1 - 5.5 / 10.1)) < EPS);
	rate(&p, DIM_FINANCE, 0);
	assert_true(fabs(profile_need(&p, DIM_FINANCE) - 1) < EPS);
	/* A full 10 still leaves a little need, unlike an unrated one. */
	rate(&p, DIM_HEALTH, 10);
	assert_true(profile_need(&p, DIM_HEALTH) > 0);
	assert_true(fabs(profile_need(&p, DIM_HEALTH) - (1 - 10 / 10.1)) < EPS);
	assert_true(fabs(profile_need(&p, DIM_FAMILY)) < EPS);
}

/* ---- scoring ---- */

static void
test_score_weights(void **state)
{
	static const struct def defs[] = {
		{ "event", { "KE1" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "answer-class", { "KE8" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		{ "group-only", { "KE8" }, { "P9" }, { "KR1.2" }, { NULL }, { 0 } },
		{ "all", { "KE1" }, { "P3.2", "P1.5" }, { "KR1.2" }, { NULL }, { 0 },
		  .for_any = BIT(C_CHILDREN) },
		{ "subclass", { "KE8" }, { "P3.2.1" }, { NULL }, { NULL }, { 0 } },
		{ "event-class", { "KE1" }, { "P1.5" }, { NULL }, { NULL }, { 0 } },
		{ "subevent", { "KE1.1" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	double score = -1;
	(void)state;

	build(&cat, defs, sizeof defs / sizeof defs[0]);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.events, "KE1.1", PROFILE_NO_SOURCE, -1);
	tags_add(&p.classes, "P3.2", 3, 1);			/* an answer */
	tags_add(&p.classes, "P1.5", QUEST_EVENT_QUESTION, 0);	/* the event */
	tags_add(&p.groups, "KR1.2", QUEST_EVENT_QUESTION, 0);
	cond(&p, C_CHILDREN, true, QUEST_EVENT_QUESTION, 0);
	/* No ratings: the cosine is 0, only the matches count. */
	ASSERT_SCORE(&cat.v[0], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[1], &p, TIER_ELIGIBLE, WEIGHT_ANSWER);
	/* A target group alone does not bring a service in. */
	assert_int_equal(recommend_score(&cat.v[2], &p, &score, NULL, NULL), TIER_OUT);
	assert_true(fabs(score) < EPS);
	ASSERT_SCORE(&cat.v[3], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_ANSWER +
	    WEIGHT_FOR + WEIGHT_EVENT_CLASS + WEIGHT_GROUP);
	/* A sub-class of the class an answer named counts. */
	ASSERT_SCORE(&cat.v[4], &p, TIER_ELIGIBLE, WEIGHT_ANSWER);
	ASSERT_SCORE(&cat.v[5], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_EVENT_CLASS);
	/* The very sub-event adds a little. */
	ASSERT_SCORE(&cat.v[6], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_SUBEVENT);

	/* With ratings the cosine adds its share. */
	rate(&p, DIM_FAMILY, 2);
	cat.v[0].relevance[DIM_FAMILY] = 0.5;
	ASSERT_SCORE(&cat.v[0], &p, TIER_ELIGIBLE, WEIGHT_COSINE + WEIGHT_EVENT);
	/* Reasons may be asked for without their count, and the reverse. */
	struct reason rs[RECOMMEND_MAX_REASONS];
	size_t n = 99;
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, NULL), TIER_ELIGIBLE);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, NULL, &n), TIER_ELIGIBLE);
	/* Out: no score and no reasons. */
	cond(&p, C_CHILDREN, false, 4, 0);
	n = 99;
	score = -1;
	assert_int_equal(recommend_score(&cat.v[3], &p, &score, rs, &n), TIER_OUT);
	assert_int_equal(n, 0);
	assert_true(fabs(score) < EPS);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* Citizen: KE1, low ratings on self-esteem and resilience. */
static void
profile_ke1_low_mood(struct profile *p)
{
	profile_init(p);
	tags_add(&p->events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p->classes, "P3.2", QUEST_EVENT_QUESTION, 0);
	rate(p, DIM_SELF_ESTEEM, 2);
	rate(p, DIM_RESILIENCE, 1);
}

/* Meters never bring a service in: one of another life event stays out
 * however well it fits the ratings. */
static void
test_scope_meters_never(void **state)
{
	static const struct def defs[] = {
		{ "meter", { "KE11" }, { "P5.7" }, { NULL }, { NULL },
		  { [DIM_SELF_ESTEEM] = 0.9, [DIM_RESILIENCE] = 1.0 } },
		{ "event", { "KE1" }, { "P9" }, { NULL }, { NULL },
		  { [DIM_FAMILY] = 0.3 } },
		{ "unrelated", { "KE8" }, { "P10.1" }, { NULL }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1.0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	double score = -1;
	(void)state;

	build(&cat, defs, 3);
	profile_ke1_low_mood(&p);
	/* A perfect match of the meters, all the same. */
	for (int d = 0; d < DIM_COUNT; d++)
		cat.v[0].relevance[d] = profile_need(&p, d);
	assert_true(fabs(recommend_cosine(cat.v[0].relevance, cat.v[0].relevance) - 1) < EPS);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, NULL, NULL), TIER_OUT);
	assert_true(fabs(score) < EPS);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].id, "event");
	assert_int_equal(rank_of(&r, "meter"), -1);
	assert_int_equal(rank_of(&r, "unrelated"), -1);
	assert_int_equal(r.source, SOURCE_EMBEDDED);
	assert_false(r.from_search);
	assert_string_equal(r.catalogue_date, "2025-01-01");
	results_free(&r);
	assert_int_equal(r.n, 0);
	assert_null(r.v);

	/* The event's own class P5.7 gives no scope either. */
	tags_add(&p.classes, "P5.7", QUEST_EVENT_QUESTION, 0);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, NULL, NULL), TIER_OUT);
	profile_wipe(&p);

	/* A follow-up answer that names P5.7 brings it in. */
	profile_ke1_low_mood(&p);
	tags_add(&p.classes, "P5.7", 2, 2);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_ranked(&r);
	long i = rank_of(&r, "meter");
	assert_true(i >= 0);
	assert_int_equal(r.v[i].reasons[0].kind, REASON_ANSWER);
	assert_int_equal(r.v[i].reasons[0].question, 2);
	assert_int_equal(r.v[i].reasons[0].option, 2);
	assert_string_equal(r.v[i].reasons[0].code, "P5.7");
	assert_int_equal(rank_of(&r, "unrelated"), -1);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* What a follow-up answer names brings in a service of another event:
 * a class, or a life event. */
static void
test_scope_answer(void **state)
{
	static const struct def defs[] = {
		{ "helpline", { "KE11" }, { "P5.7" }, { NULL }, { NULL }, { 0 } },
		{ "illness", { "KE11" }, { "P10.4" }, { NULL }, { NULL }, { 0 } },
		{ "death", { "KE14" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		{ "birth", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct reason rs[RECOMMEND_MAX_REASONS];
	size_t n;
	double score;
	(void)state;

	build(&cat, defs, 4);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", QUEST_EVENT_QUESTION, 0);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, NULL, NULL), TIER_OUT);
	assert_int_equal(recommend_score(&cat.v[1], &p, &score, NULL, NULL), TIER_OUT);
	/* The event's own class weighs for its own services only: nothing
	 * about a death appears for a birth. */
	assert_int_equal(recommend_score(&cat.v[2], &p, &score, NULL, NULL), TIER_OUT);
	ASSERT_SCORE(&cat.v[3], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_EVENT_CLASS);

	/* "Violence or threats" names the helpline's class. */
	tags_add(&p.classes, "P5.7", 2, 1);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_true(fabs(score - WEIGHT_ANSWER) < EPS);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 2);
	assert_int_equal(rs[0].option, 1);
	assert_int_equal(recommend_score(&cat.v[1], &p, &score, NULL, NULL), TIER_OUT);
	/* An answer that names a life event brings in its services. */
	tags_add(&p.events, "KE11", 3, 0);
	assert_int_equal(recommend_score(&cat.v[1], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_true(fabs(score - WEIGHT_ANSWER) < EPS);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 3);
	assert_string_equal(rs[0].code, "KE11");
	/* Still nothing about a death. */
	assert_int_equal(recommend_score(&cat.v[2], &p, &score, NULL, NULL), TIER_OUT);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* Sub-events: a service of KE4 is for every move, one of KE4.2 for a move
 * within Finland, one of KE4.3 for a move abroad only. */
static void
test_scope_subevents(void **state)
{
	static const struct def defs[] = {
		{ "ke4", { "KE4" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "ke4.2", { "KE4.2" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "ke4.3", { "KE4.3" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "ke40", { "KE40" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "ke4.2-and-4.3", { "KE4.3", "KE4.2" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 5);

	/* Moving, within Finland by a follow-up answer: a sub-event of the
	 * chosen event counts as the event, and the very sub-event more. */
	profile_init(&p);
	tags_add(&p.events, "KE4", QUEST_EVENT_QUESTION, 1);
	tags_add(&p.events, "KE4.2", 1, 1);
	ASSERT_SCORE(&cat.v[0], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[1], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_SUBEVENT);
	ASSERT_SCORE(&cat.v[2], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[3], &p, TIER_OUT, 0);	/* not a relative of KE4 */
	ASSERT_SCORE(&cat.v[4], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_SUBEVENT);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 3);
	assert_int_equal(rank_of(&r, "ke4.3"), -1);
	assert_int_equal(rank_of(&r, "ke40"), -1);
	results_free(&r);
	profile_wipe(&p);

	/* Moving, no kind of move named: every sub-event's services. */
	profile_init(&p);
	tags_add(&p.events, "KE4", QUEST_EVENT_QUESTION, 1);
	ASSERT_SCORE(&cat.v[0], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[1], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[2], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[3], &p, TIER_OUT, 0);
	profile_wipe(&p);

	/* Moving abroad, straight from a batch profile. */
	profile_init(&p);
	tags_add(&p.events, "KE4.3", PROFILE_NO_SOURCE, -1);
	ASSERT_SCORE(&cat.v[0], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	ASSERT_SCORE(&cat.v[1], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[2], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_SUBEVENT);
	ASSERT_SCORE(&cat.v[3], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[4], &p, TIER_ELIGIBLE, WEIGHT_EVENT + WEIGHT_SUBEVENT);
	profile_wipe(&p);

	/* KE40 does not make a citizen of KE4. */
	profile_init(&p);
	tags_add(&p.events, "KE40", PROFILE_NO_SOURCE, -1);
	ASSERT_SCORE(&cat.v[0], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[2], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[3], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- eligibility ---- */

static void
test_eligibility_for_any(void **state)
{
	static const struct def defs[] = {
		{ "for", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .for_any = BIT(C_CHILDREN) | BIT(C_JOBSEEKER) },
		{ "open", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct reason rs[RECOMMEND_MAX_REASONS];
	size_t n;
	double score;
	(void)state;

	build(&cat, defs, 2);
	profile_init(&p);
	tags_add(&p.events, "KE8", QUEST_EVENT_QUESTION, 2);
	/* For a situation no answer established: out. */
	ASSERT_SCORE(&cat.v[0], &p, TIER_OUT, 0);
	ASSERT_SCORE(&cat.v[1], &p, TIER_ELIGIBLE, WEIGHT_EVENT);
	/* No to one of them is no better. */
	cond(&p, C_CHILDREN, false, 3, 1);
	ASSERT_SCORE(&cat.v[0], &p, TIER_OUT, 0);
	/* Yes to the other: in, eligible, and that answer is why. */
	cond(&p, C_JOBSEEKER, true, 4, 0);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_true(fabs(score - WEIGHT_EVENT - WEIGHT_FOR) < EPS);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 4);
	assert_int_equal(rs[0].option, 0);
	assert_string_equal(rs[0].code, "");
	/* Eligibility does not bring a service of another event in. */
	cat.v[0].events[0][2] = '9';	/* KE9 */
	ASSERT_SCORE(&cat.v[0], &p, TIER_OUT, 0);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_eligibility_unless_no(void **state)
{
	/* The two are the same but for a condition "unknown" needs. */
	static const struct def defs[] = {
		{ "eligible", { "KE1" }, { "P3.2" }, { "KR1.2" }, { NULL },
		  { [DIM_FAMILY] = 1 } },
		{ "unknown", { "KE1" }, { "P3.2" }, { "KR1.2" }, { NULL },
		  { [DIM_FAMILY] = 1 }, .unless_no = BIT(C_CHILDREN) },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 2);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", 2, 0);
	tags_add(&p.groups, "KR1.2", QUEST_EVENT_QUESTION, 0);
	rate(&p, DIM_FAMILY, 1);

	/* Not known either way: kept, with a lower score, so ranked below
	 * the one that needs nothing. */
	double unknown = score_of(&cat.v[1], &p, TIER_ELIGIBLE);
	double eligible = score_of(&cat.v[0], &p, TIER_ELIGIBLE);
	assert_true(fabs(unknown - (eligible + WEIGHT_UNKNOWN)) < EPS);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_ranks(&r);
	assert_string_equal(r.v[0].id, "eligible");
	assert_string_equal(r.v[1].id, "unknown");
	results_free(&r);

	/* Yes: no longer lower. */
	cond(&p, C_CHILDREN, true, 3, 0);
	assert_true(fabs(score_of(&cat.v[1], &p, TIER_ELIGIBLE) - eligible) < EPS);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_ranked(&r);
	results_free(&r);

	/* No: out. */
	cond(&p, C_CHILDREN, false, 3, 1);
	score_of(&cat.v[1], &p, TIER_OUT);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].id, "eligible");
	results_free(&r);

	/* An answer about another condition changes nothing. */
	uncond(&p, C_CHILDREN);
	cond(&p, C_WORKING, false, 5, 1);
	assert_true(fabs(score_of(&cat.v[1], &p, TIER_ELIGIBLE) - unknown) < EPS);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_eligibility_age(void **state)
{
	static const struct def defs[] = {
		{ "16-64", { "KE11" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .aged = true, .age_min = 16, .age_max = 64 },
		{ "17-up", { "KE11" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .aged = true, .age_min = 17, .age_max = -1 },
		{ "up-to-67", { "KE11" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .aged = true, .age_min = -1, .age_max = 67 },
		{ "any-age", { "KE11" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	static const struct {
		int lo, hi;		/* the profile's age group */
		bool in[4];
	} cases[] = {
		{ -1, -1, { true, true, true, true } },		/* not known: kept */
		{ 0, 17, { true, true, true, true } },		/* overlaps */
		{ 0, 15, { false, false, true, true } },
		{ 18, 29, { true, true, true, true } },
		{ 50, 64, { true, true, true, true } },
		{ 65, 120, { false, true, true, true } },
		{ 15, 15, { false, false, true, true } },	/* a batch age */
		{ 16, 16, { true, false, true, true } },
		{ 64, 64, { true, true, true, true } },
		{ 65, 65, { false, true, true, true } },
		{ 67, 67, { false, true, true, true } },
		{ 68, 68, { false, true, false, true } },
	};
	struct catalogue cat;
	struct profile p;
	(void)state;

	build(&cat, defs, 4);
	/* build() leaves an age not given open. */
	assert_int_equal(cat.v[3].elig.age_min, -1);
	assert_int_equal(cat.v[3].elig.age_max, -1);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		profile_init(&p);
		tags_add(&p.events, "KE11", QUEST_EVENT_QUESTION, 0);
		set_ages(&p, cases[i].lo, cases[i].hi);
		for (size_t k = 0; k < 4; k++) {
			double score = -1;
			enum tier t = recommend_score(&cat.v[k], &p, &score, NULL, NULL);
			if (t != (cases[i].in[k] ? TIER_ELIGIBLE : TIER_OUT))
				print_error("ages %d-%d, service %s: tier %d\n",
				    cases[i].lo, cases[i].hi, cat.v[k].id, (int)t);
			assert_int_equal(t, cases[i].in[k] ? TIER_ELIGIBLE : TIER_OUT);
		}
		profile_wipe(&p);
	}
	catalogue_free(&cat);
}

/* ---- first steps ---- */

#define STEP "Register by your first day without work."

static void
test_first_step_applies(void **state)
{
	static const struct def defs[] = {
		{ "register", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .step = STEP, .when = BIT(C_JOBSEEKER), .unless = BIT(C_REGISTERED) },
		/* Conditions, but no text: no step at all. */
		{ "no-text", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .when = BIT(C_JOBSEEKER) },
		/* Two conditions that must both hold. */
		{ "both", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .step = STEP, .when = BIT(C_JOBSEEKER) | BIT(C_CHILDREN) },
	};
	struct catalogue cat;
	struct profile p;
	(void)state;

	build(&cat, defs, 3);
	assert_true(first_step_exists(&cat.v[0].step));
	assert_false(first_step_exists(&cat.v[1].step));
	profile_init(&p);
	tags_add(&p.events, "KE8", QUEST_EVENT_QUESTION, 2);

	/* "when" not known: no step. */
	assert_false(recommend_first_step(&cat.v[0], &p));
	score_of(&cat.v[0], &p, TIER_ELIGIBLE);
	/* "when" no: no step. */
	cond(&p, C_JOBSEEKER, false, 3, 0);
	assert_false(recommend_first_step(&cat.v[0], &p));
	/* "when" yes, "unless" not known: the step applies. */
	cond(&p, C_JOBSEEKER, true, QUEST_EVENT_QUESTION, 2);
	assert_true(recommend_first_step(&cat.v[0], &p));
	score_of(&cat.v[0], &p, TIER_FIRST_STEP);
	assert_false(recommend_first_step(&cat.v[1], &p));
	score_of(&cat.v[1], &p, TIER_ELIGIBLE);
	assert_false(recommend_first_step(&cat.v[2], &p));
	/* "unless" no: still applies. */
	cond(&p, C_REGISTERED, false, 5, 1);
	assert_true(recommend_first_step(&cat.v[0], &p));
	/* "unless" yes: done already, no step. */
	cond(&p, C_REGISTERED, true, 5, 0);
	assert_false(recommend_first_step(&cat.v[0], &p));
	score_of(&cat.v[0], &p, TIER_ELIGIBLE);
	/* Every condition of "when". */
	cond(&p, C_CHILDREN, true, 6, 0);
	assert_true(recommend_first_step(&cat.v[2], &p));
	cond(&p, C_CHILDREN, false, 6, 1);
	assert_false(recommend_first_step(&cat.v[2], &p));
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_first_step_ranks_first(void **state)
{
	static const struct def defs[] = {
		/* Everything but a step. */
		{ "strong", { "KE8" }, { "P10.1" }, { "KR1" }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1, [DIM_FINANCE] = 1 } },
		{ "unknown", { "KE8" }, { "P10.1" }, { "KR1" }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1 }, .unless_no = BIT(C_CHILDREN) },
		/* A step, nothing else. */
		{ "register", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .step = STEP, .when = BIT(C_JOBSEEKER), .unless = BIT(C_REGISTERED) },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 3);
	profile_init(&p);
	tags_add(&p.events, "KE8", QUEST_EVENT_QUESTION, 2);
	tags_add(&p.classes, "P10.1", 4, 0);
	tags_add(&p.groups, "KR1", QUEST_EVENT_QUESTION, 2);
	rate(&p, DIM_WORKING_STUDYING, 1);
	rate(&p, DIM_FINANCE, 2);
	cond(&p, C_JOBSEEKER, true, QUEST_EVENT_QUESTION, 2);

	for (int l = 0; l < LANG_COUNT; l++) {
		p.lang = (enum lang)l;
		recommend(&cat, &p, 10, &r);
		assert_int_equal(r.n, 3);
		assert_ranks(&r);
		assert_string_equal(r.v[0].id, "register");
		assert_string_equal(r.v[1].id, "strong");
		assert_string_equal(r.v[2].id, "unknown");
		/* Its own score is the lowest: the step alone puts it
		 * first, and the similarity score still falls with rank. */
		assert_true(score_of(&cat.v[2], &p, TIER_FIRST_STEP) <
		    score_of(&cat.v[0], &p, TIER_ELIGIBLE));
		assert_true(score_of(&cat.v[2], &p, TIER_FIRST_STEP) <
		    score_of(&cat.v[1], &p, TIER_ELIGIBLE));
		assert_ranked(&r);
		/* The step in the citizen's language, on that service only. */
		assert_non_null(r.v[0].first_step);
		assert_string_equal(r.v[0].first_step, ltext_get(&cat.v[2].step.text, (enum lang)l));
		assert_null(r.v[1].first_step);
		assert_null(r.v[2].first_step);
		results_free(&r);
	}
	p.lang = LANG_FI;
	recommend(&cat, &p, 10, &r);
	assert_string_equal(r.v[0].first_step, "fi: " STEP);
	results_free(&r);
	p.lang = LANG_SV;
	recommend(&cat, &p, 10, &r);
	assert_string_equal(r.v[0].first_step, "sv: " STEP);
	results_free(&r);

	/* Registered already: no step, and the service falls to its score,
	 * below even the one with a condition not known. */
	p.lang = LANG_EN;
	cond(&p, C_REGISTERED, true, 5, 0);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[0].id, "strong");
	assert_string_equal(r.v[1].id, "unknown");
	assert_string_equal(r.v[2].id, "register");
	for (size_t i = 0; i < r.n; i++)
		assert_null(r.v[i].first_step);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- the meters reorder, within a tier ---- */

static void
test_meters_reorder(void **state)
{
	static const struct def defs[] = {
		{ "money", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FINANCE] = 1 } },
		{ "family", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1 } },
		/* A perfect fit, but a condition not known. */
		{ "unknown", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1 },
		  .unless_no = BIT(C_CHILDREN) },
		/* No fit at all, but a step. */
		{ "step", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_HOUSING] = 1 },
		  .step = STEP, .when = BIT(C_WORKING) },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 4);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	cond(&p, C_WORKING, true, 3, 0);
	rate(&p, DIM_FAMILY, 1);
	rate(&p, DIM_FINANCE, 9);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.v[0].id, "step");
	assert_string_equal(r.v[1].id, "family");
	assert_string_equal(r.v[2].id, "money");
	assert_string_equal(r.v[3].id, "unknown");
	assert_true(r.v[1].score > r.v[2].score);
	/* "unknown" fits as well as "family" but for the condition. */
	assert_true(fabs(score_of(&cat.v[2], &p, TIER_ELIGIBLE) -
	    (score_of(&cat.v[1], &p, TIER_ELIGIBLE) + WEIGHT_UNKNOWN)) < EPS);
	results_free(&r);

	/* The other way round. */
	profile_wipe(&p);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	cond(&p, C_WORKING, true, 3, 0);
	rate(&p, DIM_FAMILY, 9);
	rate(&p, DIM_FINANCE, 1);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.v[0].id, "step");
	assert_string_equal(r.v[1].id, "money");
	assert_string_equal(r.v[2].id, "family");
	assert_string_equal(r.v[3].id, "unknown");
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_local_service(void **state)
{
	static const struct def defs[] = {
		{ "helsinki-only", { "KE1" }, { "P5.2" }, { NULL }, { "091" }, { [DIM_FAMILY] = 1 } },
		{ "national", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1 } },
		{ "espoo-vantaa", { "KE1" }, { "P3.2" }, { NULL }, { "049", "092" }, { [DIM_FAMILY] = 1 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 3);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	rate(&p, DIM_FAMILY, 1);

	/* No municipality: local services never, national always. */
	score_of(&cat.v[0], &p, TIER_OUT);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].id, "national");
	results_free(&r);

	/* Espoo. */
	strcpy(p.municipality, "049");
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_int_equal(rank_of(&r, "helsinki-only"), -1);
	assert_true(rank_of(&r, "national") >= 0);
	assert_true(rank_of(&r, "espoo-vantaa") >= 0);
	results_free(&r);

	/* Helsinki. */
	strcpy(p.municipality, "091");
	assert_true(score_of(&cat.v[0], &p, TIER_ELIGIBLE) > 0);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_true(rank_of(&r, "helsinki-only") >= 0);
	assert_true(rank_of(&r, "national") >= 0);
	assert_int_equal(rank_of(&r, "espoo-vantaa"), -1);
	results_free(&r);

	/* A code that is only a prefix of one of the service's does not count. */
	strcpy(p.municipality, "09");
	score_of(&cat.v[2], &p, TIER_OUT);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_limit_and_ranks(void **state)
{
	static const struct def defs[] = {
		{ "s1", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.1, [DIM_FINANCE] = 0.9 } },
		{ "s2", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.9, [DIM_FINANCE] = 0.1 } },
		{ "s3", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "s4", { "KE8" }, { "P3.2" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1.0 } },
		{ "s5", { "KE1" }, { "P9" }, { "KR1.2" }, { NULL }, { [DIM_HOUSING] = 1.0 } },
		{ "s6", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.4, [DIM_HOUSING] = 0.4 } },
		{ "out", { "KE8" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1.0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 7);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", 2, 0);
	tags_add(&p.groups, "KR1.2", 2, 0);
	rate(&p, DIM_FAMILY, 1);
	rate(&p, DIM_FINANCE, 6);

	recommend(&cat, &p, 0, &r);		/* 0: the most there may be */
	assert_int_equal(r.n, 6);
	assert_ranked(&r);
	assert_int_equal(rank_of(&r, "out"), -1);
	results_free(&r);

	recommend(&cat, &p, 3, &r);
	assert_int_equal(r.n, 3);
	assert_ranked(&r);
	/* The top three of the full list. */
	struct results all;
	recommend(&cat, &p, 100, &all);
	assert_int_equal(all.n, 6);
	for (size_t i = 0; i < r.n; i++) {
		assert_string_equal(r.v[i].id, all.v[i].id);
		assert_true(fabs(r.v[i].score - all.v[i].score) < EPS);
	}
	results_free(&all);
	results_free(&r);

	recommend(&cat, &p, 1, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].rank, 1);
	results_free(&r);
	/* One fewer than qualify, and exactly as many. */
	recommend(&cat, &p, 5, &r);
	assert_int_equal(r.n, 5);
	assert_ranked(&r);
	results_free(&r);
	recommend(&cat, &p, 6, &r);
	assert_int_equal(r.n, 6);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_stable_order(void **state)
{
	static const struct def defs[] = {
		{ "c", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "a", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "top", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "b", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "d", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 5);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", 1, 0);
	rate(&p, DIM_FAMILY, 5);
	for (int round = 0; round < 3; round++) {
		recommend(&cat, &p, 10, &r);
		assert_int_equal(r.n, 5);
		assert_string_equal(r.v[0].id, "top");
		/* Equal scores keep the catalogue's order. */
		assert_string_equal(r.v[1].id, "c");
		assert_string_equal(r.v[2].id, "a");
		assert_string_equal(r.v[3].id, "b");
		assert_string_equal(r.v[4].id, "d");
		assert_true(r.v[1].score == r.v[4].score);
		results_free(&r);
	}
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- reasons ---- */

static const struct reason *
find_reason(const struct service *s, enum reason_kind kind)
{
	for (size_t i = 0; i < s->nreasons; i++)
		if (s->reasons[i].kind == kind)
			return &s->reasons[i];
	return NULL;
}

static void
test_reasons(void **state)
{
	static const struct def defs[] = {
		/* The chosen event. */
		{ "by-event", { "KE1" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		/* A sub-event an answer gave (question 1, option 2). */
		{ "by-answer-event", { "KE1.1" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		/* A class an answer gave (question 2, option 1). */
		{ "by-class", { "KE8" }, { "P5.2" }, { NULL }, { NULL }, { 0 } },
		/* A class only the event gave: the event is the reason. */
		{ "by-event-class", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		/* The ratings, rather than the event. */
		{ "by-meter", { "KE1" }, { "P9" }, { NULL }, { NULL },
		  { [DIM_RESILIENCE] = 1.0, [DIM_SELF_ESTEEM] = 0.4 } },
		/* A meter an answer implied, not rated. */
		{ "by-implied", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FINANCE] = 1.0 } },
		/* A meter that fits only a little is no reason. */
		{ "weak-meter", { "KE1" }, { "P9" }, { NULL }, { NULL },
		  { [DIM_RESILIENCE] = 0.3, [DIM_FRIENDS] = 1.0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct reason rs[RECOMMEND_MAX_REASONS];
	size_t n = 99;
	double score;
	const struct reason *re;
	(void)state;

	build(&cat, defs, 7);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.events, "KE1.1", 1, 2);
	tags_add(&p.classes, "P5.2", 2, 1);
	rate(&p, DIM_RESILIENCE, 1);
	rate(&p, DIM_RESILIENCE, 2);
	rate(&p, DIM_SELF_ESTEEM, 3);
	p.meter[DIM_FINANCE][p.nmeter[DIM_FINANCE]++] = 2;	/* implied */
	p.implied[DIM_FINANCE].question = 7;
	p.implied[DIM_FINANCE].option = 1;
	snprintf(p.implied[DIM_FINANCE].code, sizeof p.implied[DIM_FINANCE].code, "x");

	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_EVENT);
	assert_int_equal(rs[0].question, QUEST_EVENT_QUESTION);
	assert_int_equal(rs[0].option, 0);
	assert_string_equal(rs[0].code, "KE1");

	assert_int_equal(recommend_score(&cat.v[1], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 1);
	assert_int_equal(rs[0].option, 2);
	assert_string_equal(rs[0].code, "KE1.1");

	assert_int_equal(recommend_score(&cat.v[2], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 2);
	assert_int_equal(rs[0].option, 1);
	assert_string_equal(rs[0].code, "P5.2");

	assert_int_equal(recommend_score(&cat.v[3], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_true(fabs(score - WEIGHT_EVENT - WEIGHT_EVENT_CLASS) < EPS);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_EVENT);
	assert_string_equal(rs[0].code, "KE1");

	/* A meter says more than the event, which is then left out. */
	assert_int_equal(recommend_score(&cat.v[4], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_METER);
	assert_int_equal(rs[0].dim, DIM_RESILIENCE);
	assert_int_equal(rs[0].value, 2);		/* mean 1.5, rounded */

	/* Not rated: the answer that implied the value. */
	assert_int_equal(recommend_score(&cat.v[5], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 7);
	assert_int_equal(rs[0].option, 1);
	assert_string_equal(rs[0].code, "");

	assert_int_equal(recommend_score(&cat.v[6], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_EVENT);

	/* recommend() hands the reasons on to the results. */
	struct results r;
	recommend(&cat, &p, 10, &r);
	long i = rank_of(&r, "by-meter");
	assert_true(i >= 0);
	re = find_reason(&r.v[i], REASON_METER);
	assert_non_null(re);
	assert_int_equal(re->dim, DIM_RESILIENCE);
	i = rank_of(&r, "by-answer-event");
	assert_true(i >= 0);
	re = find_reason(&r.v[i], REASON_ANSWER);
	assert_non_null(re);
	assert_string_equal(re->code, "KE1.1");
	assert_null(find_reason(&r.v[i], REASON_METER));
	for (i = 0; i < (long)r.n; i++)
		assert_true(r.v[i].nreasons >= 1 && r.v[i].nreasons <= RECOMMEND_MAX_REASONS);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* The answer behind a first step or eligibility comes first, at most
 * RECOMMEND_MAX_REASONS of them, and one answer is one reason. */
static void
test_reasons_conditions(void **state)
{
	static const struct def defs[] = {
		{ "register", { "KE8" }, { "P10.1" }, { NULL }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1.0 }, .for_any = BIT(C_JOBSEEKER),
		  .step = STEP, .when = BIT(C_JOBSEEKER), .unless = BIT(C_REGISTERED) },
		{ "benefit", { "KE8" }, { "P10.1" }, { NULL }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1.0 }, .for_any = BIT(C_JOBSEEKER) },
		{ "pension", { "KE8" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .for_any = BIT(C_WIDOWED) },
	};
	struct catalogue cat;
	struct profile p;
	struct reason rs[RECOMMEND_MAX_REASONS + 1];
	size_t n;
	double score;
	(void)state;

	assert_int_equal(RECOMMEND_MAX_REASONS, 2);
	build(&cat, defs, 3);
	profile_init(&p);
	tags_add(&p.events, "KE8", QUEST_EVENT_QUESTION, 3);
	tags_add(&p.classes, "P10.1", 6, 0);
	rate(&p, DIM_WORKING_STUDYING, 1);
	cond(&p, C_JOBSEEKER, true, QUEST_EVENT_QUESTION, 3);
	cond(&p, C_REGISTERED, false, 5, 1);	/* "Registered jobseeker: Not yet" */

	/* Four things say why (the step's "unless", the eligibility, the
	 * class, the meter): the first two. */
	memset(rs, 0xff, sizeof rs);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, &n), TIER_FIRST_STEP);
	assert_int_equal(n, RECOMMEND_MAX_REASONS);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 5);
	assert_int_equal(rs[0].option, 1);
	assert_string_equal(rs[0].code, "");
	/* The event made the citizen a jobseeker. */
	assert_int_equal(rs[1].kind, REASON_EVENT);
	assert_int_equal(rs[1].question, QUEST_EVENT_QUESTION);
	assert_int_equal(rs[1].option, 3);
	/* Nothing written past the room for them. */
	assert_int_equal(rs[2].question, (size_t)-1);

	/* Eligibility first, then the class's answer. */
	assert_int_equal(recommend_score(&cat.v[1], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 2);
	assert_int_equal(rs[0].question, QUEST_EVENT_QUESTION);
	assert_int_equal(rs[1].kind, REASON_ANSWER);
	assert_int_equal(rs[1].question, 6);
	assert_string_equal(rs[1].code, "P10.1");

	/* "unless" not known: the step applies because of "when". */
	uncond(&p, C_REGISTERED);
	cond(&p, C_JOBSEEKER, true, 4, 0);
	assert_int_equal(recommend_score(&cat.v[0], &p, &score, rs, &n), TIER_FIRST_STEP);
	assert_int_equal(n, 2);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 4);
	assert_int_equal(rs[0].option, 0);
	/* The same answer behind the step and the eligibility is one reason. */
	assert_int_equal(rs[1].question, 6);
	assert_string_equal(rs[1].code, "P10.1");

	/* One answer that settles the condition and names the class: one
	 * reason for both, and the meter next. */
	profile_wipe(&p);
	profile_init(&p);
	tags_add(&p.events, "KE8", QUEST_EVENT_QUESTION, 3);
	tags_add(&p.classes, "P10.1", 4, 0);
	cond(&p, C_JOBSEEKER, true, 4, 0);
	rate(&p, DIM_WORKING_STUDYING, 1);
	assert_int_equal(recommend_score(&cat.v[1], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 2);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 4);
	assert_int_equal(rs[1].kind, REASON_METER);
	assert_int_equal(rs[1].dim, DIM_WORKING_STUDYING);
	assert_int_equal(rs[1].value, 1);

	/* A number answer settled it: the number is kept to say back. */
	p.cond_src[C_WIDOWED].value = 2;
	cond(&p, C_WIDOWED, true, 8, -1);
	assert_int_equal(recommend_score(&cat.v[2], &p, &score, rs, &n), TIER_ELIGIBLE);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 8);
	assert_int_equal(rs[0].option, -1);
	assert_int_equal(rs[0].value, 2);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- the backend's results ---- */

static void
backend_results(struct results *r, const char *const *ids, size_t n)
{
	memset(r, 0, sizeof *r);
	r->source = SOURCE_BACKEND;
	r->n = n;
	r->v = xcalloc(n, sizeof *r->v);
	for (size_t i = 0; i < n; i++) {
		r->v[i].id = xstrdup(ids[i]);
		r->v[i].name = xstrdup(ids[i]);
		r->v[i].rank = (int)i + 1;
		strv_push(&r->v[i].classes, &r->v[i].nclasses, xstrdup("P9"));
	}
}

static void
test_filter_backend(void **state)
{
	static const struct def defs[] = {
		{ "out-no", { "KE1" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .unless_no = BIT(C_CHILDREN) },
		{ "for-missing", { "KE1" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .for_any = BIT(C_JOBSEEKER) },
		/* Another event: the backend decides what fits, not us. */
		{ "ok", { "KE14" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "local", { "KE1" }, { "P9" }, { NULL }, { "091" }, { 0 } },
		{ "aged", { "KE1" }, { "P9" }, { NULL }, { NULL }, { 0 },
		  .aged = true, .age_min = 16, .age_max = 64 },
	};
	static const char *const ids[] = {
		"x-unknown", "out-no", "ok", "for-missing", "local", "aged", "y-unknown",
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 5);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	cond(&p, C_CHILDREN, false, 2, 1);
	strcpy(p.municipality, "049");
	set_ages(&p, 65, 120);

	backend_results(&r, ids, 7);
	recommend_filter(&r, &cat, &p);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[0].id, "x-unknown");
	assert_string_equal(r.v[1].id, "ok");
	assert_string_equal(r.v[2].id, "y-unknown");
	assert_ranks(&r);
	assert_int_equal(r.source, SOURCE_BACKEND);
	results_free(&r);

	/* Nothing known against them: all stay, in the backend's order. */
	uncond(&p, C_CHILDREN);
	cond(&p, C_JOBSEEKER, true, 3, 0);
	strcpy(p.municipality, "091");
	set_ages(&p, -1, -1);
	backend_results(&r, ids, 7);
	recommend_filter(&r, &cat, &p);
	assert_int_equal(r.n, 7);
	for (size_t i = 0; i < r.n; i++)
		assert_string_equal(r.v[i].id, ids[i]);
	assert_ranks(&r);
	results_free(&r);

	/* All dropped. */
	cond(&p, C_CHILDREN, false, 2, 1);
	backend_results(&r, ids + 1, 1);
	recommend_filter(&r, &cat, &p);
	assert_int_equal(r.n, 0);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* The backend's services get reasons from the answers behind their
 * classes; a service whose classes no answer named gets none. */
static void
test_explain_backend(void **state)
{
	struct results r;
	struct profile p;
	(void)state;

	profile_init(&p);
	tags_add(&p.classes, "P5.2", 2, 1);		/* an answer */
	tags_add(&p.classes, "P3.2", QUEST_EVENT_QUESTION, 4);	/* the event */
	memset(&r, 0, sizeof r);
	r.source = SOURCE_BACKEND;
	r.n = 3;
	r.v = xcalloc(3, sizeof *r.v);
	strv_push(&r.v[0].classes, &r.v[0].nclasses, xstrdup("P5.2"));
	strv_push(&r.v[1].classes, &r.v[1].nclasses, xstrdup("P3"));	/* parent of P3.2 */
	strv_push(&r.v[2].classes, &r.v[2].nclasses, xstrdup("P9.9"));

	recommend_explain(&r, &p);
	assert_int_equal(r.v[0].nreasons, 1);
	assert_int_equal(r.v[0].reasons[0].kind, REASON_ANSWER);
	assert_int_equal(r.v[0].reasons[0].question, 2);
	assert_int_equal(r.v[0].reasons[0].option, 1);
	assert_int_equal(r.v[1].nreasons, 1);
	assert_int_equal(r.v[1].reasons[0].kind, REASON_EVENT);
	assert_int_equal(r.v[1].reasons[0].option, 4);
	assert_int_equal(r.v[2].nreasons, 0);
	assert_null(r.v[2].reasons);

	results_free(&r);
	profile_wipe(&p);
}

/* ---- search by words ---- */

static void
build_search(struct catalogue *cat)
{
	static const struct def defs[] = {
		{ "child-benefit", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		{ "old-age-pension", { "KE10" }, { "P13.1" }, { NULL }, { NULL }, { 0 } },
		{ "housing-allowance", { "KE4" }, { "P1.4" }, { NULL }, { NULL }, { 0 } },
		{ "pensioners-housing", { "KE10" }, { "P1.4" }, { NULL }, { NULL }, { 0 } },
		{ "jobseeker", { "KE8" }, { "P10.1" }, { NULL }, { NULL }, { 0 } },
		{ "moving", { "KE4" }, { "P1.5" }, { NULL }, { NULL }, { 0 } },
		{ "helsinki-support", { "KE4" }, { "P1.4" }, { NULL }, { "091" }, { 0 } },
		{ "advice", { "KE10" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	static const struct {
		const char *name[LANG_COUNT], *summary[LANG_COUNT];
	} t[] = {
		{ { [LANG_FI] = "Lapsilisä", [LANG_SV] = "Barnbidrag", [LANG_EN] = "Child benefit" },
		  { [LANG_FI] = "Lapsilisää maksetaan lapsesta.",
		    [LANG_EN] = "Paid for a child, also when you are unemployed." } },
		{ { [LANG_FI] = "Vanhuuseläke", [LANG_SV] = "Ålderspension", [LANG_EN] = "Old-age pension" },
		  { [LANG_FI] = "Kun täytät 65 vuotta.", [LANG_EN] = "When you turn 65." } },
		{ { [LANG_FI] = "Yleinen asumistuki", [LANG_SV] = "Allmänt bostadsbidrag",
		    [LANG_EN] = "General housing allowance" },
		  { [LANG_FI] = "Pienituloiselle.", [LANG_EN] = "Called asumistuki in Finnish." } },
		{ { [LANG_FI] = "Eläkkeensaajan asumistuki", [LANG_SV] = "Bostadsbidrag för pensionstagare",
		    [LANG_EN] = "Housing allowance for pensioners" },
		  { [LANG_FI] = "Kun asut vuokralla.", [LANG_EN] = "When you rent." } },
		{ { [LANG_FI] = "Työnhakijan palvelut", [LANG_SV] = "Tjänster för arbetssökande",
		    [LANG_EN] = "Services for jobseekers" },
		  { [LANG_FI] = "Ilmoittaudu ja hae työtä.", [LANG_EN] = "Register and find work." } },
		{ { [LANG_FI] = "Muuttoilmoitus", [LANG_SV] = "Flyttanmälan", [LANG_EN] = "Notice of move" },
		  { [LANG_FI] = "Viikon kuluessa.", [LANG_EN] = "Within a week." } },
		{ { [LANG_FI] = "Helsingin asukastuki", [LANG_SV] = "Helsingfors invånarstöd",
		    [LANG_EN] = "Helsinki residents' support" },
		  { [LANG_FI] = "Helsingissä.", [LANG_EN] = "In Helsinki." } },
		{ { [LANG_FI] = "Neuvonta", [LANG_SV] = "Rådgivning", [LANG_EN] = "Advice" },
		  { [LANG_FI] = "Neuvoa eläkkeestä.", [LANG_EN] = "Advice on pensions." } },
	};
	size_t n = sizeof defs / sizeof defs[0];

	build(cat, defs, n);
	for (size_t i = 0; i < n; i++) {
		struct cat_service *s = &cat->v[i];
		for (int l = 0; l < LANG_COUNT; l++) {
			set_text(&s->name, (enum lang)l, t[i].name[l]);
			set_text(&s->summary, (enum lang)l, t[i].summary[l]);
		}
	}
	/* The organisation's name has words no service should be found by. */
	set_text(&cat->v[0].org, LANG_FI, "Kansaneläkelaitos");
	set_text(&cat->v[0].org, LANG_EN, "Social Insurance Institution pensions");
	add_keyword(&cat->v[4], LANG_FI, "työtön");
	add_keyword(&cat->v[4], LANG_FI, "irtisanottu");
	add_keyword(&cat->v[4], LANG_EN, "lost job");
	add_keyword(&cat->v[4], LANG_EN, "unemployed");
	add_keyword(&cat->v[4], LANG_SV, "arbetslös");
}

/* Search; the ids found, in order, joined by spaces. */
static const char *
search(const struct catalogue *cat, struct profile *p, enum lang l, const char *words)
{
	static char buf[512];
	struct results r;

	p->lang = l;
	recommend_search(cat, words, p, 10, &r);
	assert_true(r.from_search);
	assert_int_equal(r.source, SOURCE_EMBEDDED);
	assert_int_equal(r.lang, l);
	assert_ranks(&r);
	buf[0] = '\0';
	for (size_t i = 0; i < r.n; i++) {
		assert_true(r.v[i].score > 0);
		assert_null(r.v[i].first_step);
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, r.v[i].id);
	}
	results_free(&r);
	return buf;
}

static void
test_search_stems(void **state)
{
	struct catalogue cat;
	struct profile p;
	(void)state;

	build_search(&cat);
	profile_init(&p);
	/* An inflected form meets the base form, also as a compound's end;
	 * a service with the word only in its summary ("advice") is left
	 * out when others have it in their name. */
	assert_string_equal(search(&cat, &p, LANG_FI, "eläkkeen"),
	    "old-age-pension pensioners-housing");
	assert_string_equal(search(&cat, &p, LANG_FI, "ELÄKE"),
	    "old-age-pension pensioners-housing");
	assert_string_equal(search(&cat, &p, LANG_SV, "pension"),
	    "old-age-pension pensioners-housing");
	assert_string_equal(search(&cat, &p, LANG_EN, "pensions"),
	    "old-age-pension pensioners-housing");
	/* In the summary only, when nothing has it in its name. */
	assert_string_equal(search(&cat, &p, LANG_FI, "pienituloiselle"), "housing-allowance");
	/* The whole word first, then a word it begins. */
	assert_string_equal(search(&cat, &p, LANG_FI, "lapsilisää"), "child-benefit");
	assert_string_equal(search(&cat, &p, LANG_SV, "flyttar"), "moving");
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* A compound's end in Finnish and Swedish, not in English. */
static void
test_search_compound(void **state)
{
	struct catalogue cat;
	struct profile p;
	(void)state;

	build_search(&cat);
	profile_init(&p);
	assert_string_equal(search(&cat, &p, LANG_SV, "bidrag"),
	    "child-benefit housing-allowance pensioners-housing");
	/* "tuki" stays whole, "asumistuki" loses its i: they still meet. */
	assert_string_equal(search(&cat, &p, LANG_FI, "tuki"),
	    "housing-allowance pensioners-housing");
	assert_string_equal(search(&cat, &p, LANG_FI, "TUKEA"),
	    "housing-allowance pensioners-housing");
	/* "asumistuki" is in the English summary, but English has no
	 * compounds to look into. */
	assert_string_equal(search(&cat, &p, LANG_EN, "tuki"), "");
	assert_string_equal(search(&cat, &p, LANG_EN, "asumistuki"), "housing-allowance");
	strcpy(p.municipality, "091");
	assert_string_equal(search(&cat, &p, LANG_FI, "tuki"),
	    "housing-allowance pensioners-housing helsinki-support");
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* A local service in its municipality only. */
static void
test_search_local(void **state)
{
	struct catalogue cat;
	struct profile p;
	(void)state;

	build_search(&cat);
	profile_init(&p);
	assert_string_equal(search(&cat, &p, LANG_FI, "asukastuki"), "");
	strcpy(p.municipality, "091");
	assert_string_equal(search(&cat, &p, LANG_FI, "asukastuki"), "helsinki-support");
	assert_string_equal(search(&cat, &p, LANG_EN, "residents"), "helsinki-support");
	strcpy(p.municipality, "049");
	assert_string_equal(search(&cat, &p, LANG_FI, "asukastuki"), "");
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* A register service written only in Finnish is found by its Finnish
 * words in any language; one with a text of the citizen's language is
 * not found through its Finnish text. */
static void
test_search_finnish_only(void **state)
{
	static const struct def defs[] = {
		{ "home-help", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		{ "clinic", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	(void)state;

	build(&cat, defs, 2);
	for (int l = 0; l < LANG_COUNT; l++) {
		set_text(&cat.v[0].name, (enum lang)l, l == LANG_FI ? "Lapsiperheiden kotipalvelu" : NULL);
		set_text(&cat.v[0].summary, (enum lang)l, l == LANG_FI ? "Apua arkeen kotiin." : NULL);
	}
	set_text(&cat.v[1].name, LANG_FI, "Neuvola Kyllö");
	set_text(&cat.v[1].name, LANG_SV, "Rådgivningen Kyllö");
	set_text(&cat.v[1].name, LANG_EN, NULL);
	set_text(&cat.v[1].summary, LANG_SV, "Hälsovård för barn.");
	cat.v[0].from_register = cat.v[1].from_register = true;
	profile_init(&p);
	assert_string_equal(search(&cat, &p, LANG_FI, "kotipalvelu"), "home-help");
	assert_string_equal(search(&cat, &p, LANG_SV, "kotipalvelu"), "home-help");
	assert_string_equal(search(&cat, &p, LANG_EN, "kotipalvelu"), "home-help");
	/* The Finnish stemmer reads the typed Finnish: an inflected form,
	 * and a Finnish small word ("ja") that is no Swedish one. */
	assert_string_equal(search(&cat, &p, LANG_SV, "kotipalvelua"), "home-help");
	assert_string_equal(search(&cat, &p, LANG_EN, "lapsiperheiden kotipalvelu"), "home-help");
	/* Its Finnish summary, where it has none in the citizen's. */
	assert_string_equal(search(&cat, &p, LANG_SV, "arkeen"), "home-help");
	/* The clinic has a Swedish name and summary: not by its Finnish name
	 * in Swedish, but by its Finnish name in English, which it lacks. */
	assert_string_equal(search(&cat, &p, LANG_SV, "neuvola"), "");
	assert_string_equal(search(&cat, &p, LANG_SV, "rådgivning"), "clinic");
	assert_string_equal(search(&cat, &p, LANG_EN, "neuvola"), "clinic");
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* Which catalogue serves a citizen: the register's cache for the
 * municipalities it was synced for (and a citizen who named none), the
 * bundled catalogue for every other. */
static void
test_catalogue_choice(void **state)
{
	static const struct def defs[] = {
		{ "x", { "KE1" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
	};
	struct assets a;
	(void)state;

	memset(&a, 0, sizeof a);
	build(&a.cat, defs, 1);
	/* No cache: the bundled catalogue, everywhere. */
	assert_false(assets_have_register(&a));
	assert_ptr_equal(assets_catalogue(&a, "179"), &a.cat);
	assert_ptr_equal(assets_catalogue(&a, ""), &a.cat);
	assert_true(catalogue_covers(&a.cat, "853"));

	build(&a.reg, defs, 1);
	a.reg.origin = CATALOGUE_REGISTER;
	a.reg.covers = strdup("179,091");
	assert_true(assets_have_register(&a));
	assert_ptr_equal(assets_catalogue(&a, "179"), &a.reg);
	assert_ptr_equal(assets_catalogue(&a, "091"), &a.reg);
	assert_ptr_equal(assets_catalogue(&a, "853"), &a.cat);
	assert_ptr_equal(assets_catalogue(&a, "17"), &a.cat);
	assert_ptr_equal(assets_catalogue(&a, "09"), &a.cat);
	/* No municipality: nationwide services only, the register's. */
	assert_ptr_equal(assets_catalogue(&a, ""), &a.reg);

	/* A cache synced for no municipality (nationwide only). */
	free(a.reg.covers);
	a.reg.covers = strdup("");
	assert_ptr_equal(assets_catalogue(&a, "179"), &a.cat);
	assert_ptr_equal(assets_catalogue(&a, ""), &a.reg);
	catalogue_free(&a.reg);
	catalogue_free(&a.cat);
}

static void
test_search_scope(void **state)
{
	struct catalogue cat;
	struct profile p;
	(void)state;

	build_search(&cat);
	profile_init(&p);
	/* The citizen's language only. */
	assert_string_equal(search(&cat, &p, LANG_FI, "flyttanmälan"), "");
	assert_string_equal(search(&cat, &p, LANG_SV, "flyttanmälan"), "moving");
	assert_string_equal(search(&cat, &p, LANG_EN, "muuttoilmoitus"), "");
	assert_string_equal(search(&cat, &p, LANG_FI, "muuttoilmoitus"), "moving");
	/* Never through the organisation's name. */
	assert_string_equal(search(&cat, &p, LANG_FI, "kansaneläkelaitos"), "");
	assert_string_equal(search(&cat, &p, LANG_EN, "insurance institution"), "");
	/* Keywords, in the citizen's language. */
	assert_string_equal(search(&cat, &p, LANG_FI, "työtön"), "jobseeker");
	assert_string_equal(search(&cat, &p, LANG_FI, "irtisanottu"), "jobseeker");
	assert_string_equal(search(&cat, &p, LANG_EN, "lost my job"), "jobseeker");
	/* A keyword counts as the name: the summary-only match goes. */
	assert_string_equal(search(&cat, &p, LANG_EN, "UNEMPLOYED"), "jobseeker");
	assert_string_equal(search(&cat, &p, LANG_SV, "arbetslös"), "jobseeker");
	assert_string_equal(search(&cat, &p, LANG_EN, "työtön"), "");
	/* No words, or none that say anything: nothing. */
	assert_string_equal(search(&cat, &p, LANG_FI, ""), "");
	assert_string_equal(search(&cat, &p, LANG_FI, "ja tai"), "");
	assert_string_equal(search(&cat, &p, LANG_EN, "the and, of?"), "");
	assert_string_equal(search(&cat, &p, LANG_FI, "zzzz"), "");
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_search_ranking(void **state)
{
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build_search(&cat);
	profile_init(&p);
	/* A service with every word in its name (or keywords) is all that
	 * is listed, whatever the catalogue's order. */
	assert_string_equal(search(&cat, &p, LANG_FI, "eläke asumistuki"),
	    "pensioners-housing");
	assert_string_equal(search(&cat, &p, LANG_EN, "housing pensioners"),
	    "pensioners-housing");
	/* Two words in the summary come before one in the name. */
	assert_string_equal(search(&cat, &p, LANG_EN, "register work pension"),
	    "jobseeker old-age-pension pensioners-housing advice");
	/* A limit keeps the best. */
	p.lang = LANG_FI;
	recommend_search(&cat, "eläke asumistuki", &p, 1, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].id, "pensioners-housing");
	assert_int_equal(r.v[0].rank, 1);
	/* In the citizen's language. */
	assert_string_equal(r.v[0].name, "Eläkkeensaajan asumistuki");
	results_free(&r);
	/* No limit: all four, the best first, the scores falling. */
	p.lang = LANG_EN;
	recommend_search(&cat, "register work pension", &p, 1, &r);
	double best = r.v[0].score;
	results_free(&r);
	recommend_search(&cat, "register work pension", &p, 0, &r);
	assert_int_equal(r.n, 4);
	assert_true(fabs(r.v[0].score - best) < EPS);
	assert_true(r.v[1].score < best);
	for (size_t i = 1; i < r.n; i++)
		assert_true(r.v[i].score <= r.v[i - 1].score);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- the mini catalogue, from a profile built by answering ---- */

static void
build_profile(const struct assets *a, const char *event, const char *muni,
    enum lang lang, struct profile *p)
{
	struct flow f;
	flow_init(&f, &a->quest);
	struct answer ans = { .state = ANSWER_SET, .value = tu_opt(a, "event", event) };
	flow_set(&f, QUEST_EVENT_QUESTION, &ans);
	if (strcmp(event, "KE1") == 0) {
		ans.value = tu_opt(a, "ke1-stage", "expecting");
		flow_set(&f, tu_q(a, "ke1-stage"), &ans);
		ans.value = 3;
		flow_set(&f, tu_q(a, "meter-family"), &ans);
	}
	if (muni != NULL) {
		ans.value = (int)munis_find(&a->munis, muni);
		assert_true(ans.value >= 0);
		flow_set(&f, a->quest.municipality_q, &ans);
	}
	profile_build(p, &f, a, lang);
	flow_free(&f);
}

static void
test_mini_catalogue(void **state)
{
	const struct assets *a = *state;
	struct profile p;
	struct results r;

	build_profile(a, "KE1", NULL, LANG_EN, &p);
	assert_string_equal(p.municipality, "");
	recommend(&a->cat, &p, 10, &r);
	assert_ranked(&r);
	assert_int_equal(rank_of(&r, "kela-child-benefit"), 0);
	assert_int_equal(rank_of(&r, "helsinki-family-clinic"), -1);
	assert_string_equal(r.v[0].name, "Child benefit");
	/* Only the services of the event: nothing for moving or jobs. */
	assert_int_equal(rank_of(&r, "moving-notice"), -1);
	assert_int_equal(rank_of(&r, "jobseeker-services"), -1);
	assert_int_equal(rank_of(&r, "crisis-helpline"), -1);
	results_free(&r);
	profile_wipe(&p);

	build_profile(a, "KE1", "049", LANG_FI, &p);
	recommend(&a->cat, &p, 10, &r);
	assert_int_equal(rank_of(&r, "helsinki-family-clinic"), -1);
	assert_int_equal(r.lang, LANG_FI);
	assert_string_equal(r.v[0].name, "Lapsilisä");
	results_free(&r);
	profile_wipe(&p);

	build_profile(a, "KE1", "091", LANG_SV, &p);
	assert_string_equal(p.municipality, "091");
	recommend(&a->cat, &p, 10, &r);
	long i = rank_of(&r, "helsinki-family-clinic");
	assert_true(i >= 0);
	assert_string_equal(r.v[i].name, "Helsingfors familjerådgivning");
	/* The clinic's class P5.2 came from the answer "expecting". */
	assert_int_equal(r.v[i].reasons[0].kind, REASON_ANSWER);
	assert_int_equal(r.v[i].reasons[0].question, tu_q(a, "ke1-stage"));
	assert_int_equal(r.v[i].reasons[0].option, tu_opt(a, "ke1-stage", "expecting"));
	assert_int_equal(rank_of(&r, "jobseeker-services"), -1);
	results_free(&r);
	profile_wipe(&p);

	/* Another event: the KE1 services drop out. */
	build_profile(a, "KE8", "091", LANG_EN, &p);
	recommend(&a->cat, &p, 10, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(rank_of(&r, "jobseeker-services"), 0);
	assert_int_equal(rank_of(&r, "helsinki-family-clinic"), -1);
	assert_int_equal(rank_of(&r, "kela-child-benefit"), -1);
	results_free(&r);
	profile_wipe(&p);
}

/* Channels in the citizen's language come first in the results. */
static void
test_channels_language(void **state)
{
	const struct assets *a = *state;
	struct profile p;
	struct results r;

	profile_init(&p);
	tags_add(&p.events, "KE4.2", PROFILE_NO_SOURCE, -1);
	p.lang = LANG_EN;
	recommend(&a->cat, &p, 10, &r);
	long i = rank_of(&r, "kela-housing-allowance");
	assert_true(i >= 0);
	assert_int_equal(r.v[i].nch, 1);
	assert_int_equal(r.v[i].ch[0].type, CHANNEL_PHONE);
	assert_string_equal(r.v[i].ch[0].phones[0], "+358 20 000 0002");
	assert_string_equal(r.v[i].ch[0].languages, "fi, sv, en");
	results_free(&r);
	profile_wipe(&p);

	/* kela-child-benefit: web (any language), phone in fi and sv. */
	profile_init(&p);
	tags_add(&p.events, "KE1", PROFILE_NO_SOURCE, -1);
	p.lang = LANG_SV;
	recommend(&a->cat, &p, 10, &r);
	i = rank_of(&r, "kela-child-benefit");
	assert_true(i >= 0);
	assert_int_equal(r.v[i].nch, 2);
	assert_string_equal(r.v[i].ch[1].hours[0], "mån–fre 9–16");
	/* No Swedish web page: the English one stands in. */
	assert_string_equal(r.v[i].ch[0].web[0], "https://example.fi/child-benefit");
	results_free(&r);
	profile_wipe(&p);

	/* crisis-helpline lists a Finnish line first, then one in Swedish
	 * and English: in English the latter comes first, in Finnish not. */
	profile_init(&p);
	tags_add(&p.events, "KE11", PROFILE_NO_SOURCE, -1);
	p.lang = LANG_EN;
	recommend(&a->cat, &p, 10, &r);
	i = rank_of(&r, "crisis-helpline");
	assert_true(i >= 0);
	assert_int_equal(r.v[i].nch, 2);
	assert_string_equal(r.v[i].ch[0].id, "crisis-helpline-phone-sv-en");
	assert_string_equal(r.v[i].ch[0].languages, "sv, en");
	assert_string_equal(r.v[i].ch[0].name, "Crisis helpline in Swedish and English");
	assert_string_equal(r.v[i].ch[1].id, "crisis-helpline-phone");
	assert_int_equal(r.v[i].ch[1].nhours, 0);
	results_free(&r);
	p.lang = LANG_FI;
	recommend(&a->cat, &p, 10, &r);
	i = rank_of(&r, "crisis-helpline");
	assert_true(i >= 0);
	assert_string_equal(r.v[i].ch[0].id, "crisis-helpline-phone");
	assert_string_equal(r.v[i].ch[1].hours[0], "joka päivä 10–22");
	results_free(&r);
	profile_wipe(&p);
}

/* ---- the bundled catalogue, through real answers ---- */

static int
setup_real(void **state)
{
	struct assets *a = calloc(1, sizeof *a);
	assert_non_null(a);
	tu_load(a, ASSETS_DIR);
	*state = a;
	return 0;
}

static void
answer(struct flow *f, const struct assets *a, const char *q, const char *opt)
{
	struct answer ans = { .state = ANSWER_SET };
	size_t qi = q == NULL ? QUEST_EVENT_QUESTION : tu_q(a, q);
	ans.value = tu_opt(a, q == NULL ? "event" : q, opt);
	flow_set(f, qi, &ans);
}

/* Losing a job, not registered yet: registering comes first, with its
 * deadline, because of that answer. */
static void
test_real_first_step(void **state)
{
	const struct assets *a = *state;
	struct flow f;
	struct profile p;
	struct results r;

	flow_init(&f, &a->quest);
	answer(&f, a, NULL, "KE8");
	answer(&f, a, "ke8-registered", "no");
	profile_build(&p, &f, a, LANG_FI);
	assert_int_equal(profile_condition(&p, (size_t)quest_condition(&a->quest, "jobseeker")), 1);
	assert_int_equal(profile_condition(&p, (size_t)quest_condition(&a->quest, "registered-jobseeker")), -1);
	recommend(&a->cat, &p, 10, &r);
	assert_true(r.n > 1);
	assert_string_equal(r.v[0].id, "employment-area-jobseeker-registration");
	assert_non_null(r.v[0].first_step);
	assert_non_null(strstr(r.v[0].first_step, "Ilmoittaudu työnhakijaksi"));
	assert_true(r.v[0].nreasons >= 1);
	assert_int_equal(r.v[0].reasons[0].question, tu_q(a, "ke8-registered"));
	assert_int_equal(r.v[0].reasons[0].option, tu_opt(a, "ke8-registered", "no"));
	for (size_t i = 1; i < r.n; i++)
		assert_null(r.v[i].first_step);
	results_free(&r);
	profile_wipe(&p);

	/* Registered already: no step. */
	answer(&f, a, "ke8-registered", "yes");
	profile_build(&p, &f, a, LANG_FI);
	recommend(&a->cat, &p, 10, &r);
	for (size_t i = 0; i < r.n; i++)
		assert_null(r.v[i].first_step);
	results_free(&r);
	profile_wipe(&p);
	flow_free(&f);
}

/* Having a child, feeling low: nothing about a death, however well the
 * crisis line of KE14 fits the ratings. */
static void
test_real_scope(void **state)
{
	const struct assets *a = *state;
	struct flow f;
	struct profile p;
	struct results r;
	struct answer ans = { .state = ANSWER_SET, .value = 0 };

	flow_init(&f, &a->quest);
	answer(&f, a, NULL, "KE1");
	answer(&f, a, "ke1-stage", "baby");
	flow_set(&f, tu_q(a, "meter-family"), &ans);
	profile_build(&p, &f, a, LANG_EN);
	for (int d = 0; d < DIM_COUNT; d++)
		rate(&p, (enum dim)d, 0);
	recommend(&a->cat, &p, 0, &r);
	assert_true(r.n > 0);
	for (size_t i = 0; i < r.n; i++) {
		const struct cat_service *s = NULL;
		for (size_t k = 0; k < a->cat.n; k++)
			if (strcmp(a->cat.v[k].id, r.v[i].id) == 0)
				s = &a->cat.v[k];
		assert_non_null(s);
		bool ke1 = false;
		for (size_t k = 0; k < s->nevents; k++)
			ke1 |= strncmp(s->events[k], "KE1", 3) == 0 &&
			    (s->events[k][3] == '\0' || s->events[k][3] == '.');
		if (!ke1)
			print_error("%s is not for KE1\n", s->id);
		assert_true(ke1);
	}
	assert_int_equal(rank_of(&r, "mieli-crisis-helpline"), -1);
	/* "baby": not expecting, so not the maternity grant. */
	assert_int_equal(rank_of(&r, "kela-maternity-grant"), -1);
	assert_true(rank_of(&r, "kela-child-benefit") >= 0);
	results_free(&r);
	profile_wipe(&p);
	flow_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cosine),
		cmocka_unit_test(test_need),
		cmocka_unit_test(test_score_weights),
		cmocka_unit_test(test_scope_meters_never),
		cmocka_unit_test(test_scope_answer),
		cmocka_unit_test(test_scope_subevents),
		cmocka_unit_test(test_eligibility_for_any),
		cmocka_unit_test(test_eligibility_unless_no),
		cmocka_unit_test(test_eligibility_age),
		cmocka_unit_test(test_first_step_applies),
		cmocka_unit_test(test_first_step_ranks_first),
		cmocka_unit_test(test_meters_reorder),
		cmocka_unit_test(test_local_service),
		cmocka_unit_test(test_limit_and_ranks),
		cmocka_unit_test(test_stable_order),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_reasons_conditions),
		cmocka_unit_test(test_filter_backend),
		cmocka_unit_test(test_explain_backend),
		cmocka_unit_test(test_search_stems),
		cmocka_unit_test(test_search_compound),
		cmocka_unit_test(test_search_local),
		cmocka_unit_test(test_search_finnish_only),
		cmocka_unit_test(test_catalogue_choice),
		cmocka_unit_test(test_search_scope),
		cmocka_unit_test(test_search_ranking),
		cmocka_unit_test_setup_teardown(test_mini_catalogue, tu_setup_mini, tu_teardown_assets),
		cmocka_unit_test_setup_teardown(test_channels_language, tu_setup_mini, tu_teardown_assets),
		cmocka_unit_test_setup_teardown(test_real_first_step, setup_real, tu_teardown_assets),
		cmocka_unit_test_setup_teardown(test_real_scope, setup_real, tu_teardown_assets),
	};
	return cmocka_run_group_tests_name("recommend", tests, NULL, NULL);
}
