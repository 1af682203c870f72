#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "util.h"
#include "profile.h"
#include "recommend.h"
#include "testutil.h"

#define EPS 1e-9

/* ---- a small catalogue built in C ---- */

struct def {
	const char *id;
	const char *events[3];
	const char *classes[3];
	const char *groups[2];
	const char *munis[2];	/* none: national */
	double rel[DIM_COUNT];
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
	}
}

static void
profile_init(struct profile *p)
{
	memset(p, 0, sizeof *p);
	p->age = -1;
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

/* Index of a service in the results, or -1. */
static long
rank_of(const struct results *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

static void
assert_ranked(const struct results *r)
{
	for (size_t i = 0; i < r->n; i++) {
		assert_int_equal(r->v[i].rank, (int)i + 1);
		assert_true(r->v[i].score >= 0);
		if (i > 0)
			assert_true(r->v[i - 1].score >= r->v[i].score);
	}
}

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
		{ "class", { "KE8" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		{ "group-only", { "KE8" }, { "P9" }, { "KR1.2" }, { NULL }, { 0 } },
		{ "all", { "KE1" }, { "P3.2" }, { "KR1.2" }, { NULL }, { 0 } },
		{ "subclass", { "KE8" }, { "P3.2.1" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	(void)state;

	build(&cat, defs, sizeof defs / sizeof defs[0]);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", 3, 1);
	tags_add(&p.groups, "KR1.2", QUEST_EVENT_QUESTION, 0);
	/* No ratings: the cosine is 0, only the matches count. */
	assert_true(fabs(recommend_score(&cat.v[0], &p, NULL, NULL) - WEIGHT_EVENT) < EPS);
	assert_true(fabs(recommend_score(&cat.v[1], &p, NULL, NULL) - WEIGHT_CLASS) < EPS);
	/* A target group alone does not qualify a service. */
	assert_true(recommend_score(&cat.v[2], &p, NULL, NULL) < 0);
	assert_true(fabs(recommend_score(&cat.v[3], &p, NULL, NULL) -
	    (WEIGHT_EVENT + WEIGHT_CLASS + WEIGHT_GROUP)) < EPS);
	/* A sub-class of the citizen's class counts. */
	assert_true(fabs(recommend_score(&cat.v[4], &p, NULL, NULL) - WEIGHT_CLASS) < EPS);

	/* With ratings the cosine adds its share. */
	rate(&p, DIM_FAMILY, 2);
	cat.v[0].relevance[DIM_FAMILY] = 0.5;
	assert_true(fabs(recommend_score(&cat.v[0], &p, NULL, NULL) -
	    (WEIGHT_COSINE + WEIGHT_EVENT)) < EPS);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* A sub-event in the profile matches a service for its parent event. */
static void
test_score_subevent(void **state)
{
	static const struct def defs[] = {
		{ "moving", { "KE4" }, { "P9" }, { NULL }, { NULL }, { 0 } },
		{ "other", { "KE40" }, { "P9" }, { NULL }, { NULL }, { 0 } },
	};
	struct catalogue cat;
	struct profile p;
	(void)state;

	build(&cat, defs, 2);
	profile_init(&p);
	tags_add(&p.events, "KE4.2", PROFILE_NO_SOURCE, -1);
	assert_true(recommend_score(&cat.v[0], &p, NULL, NULL) >= WEIGHT_EVENT - EPS);
	/* KE40 is not a relative of KE4. */
	assert_true(recommend_score(&cat.v[1], &p, NULL, NULL) < 0);
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

static void
test_event_outranks_meter(void **state)
{
	/* "meter" fits the ratings perfectly but answers no life event;
	 * "event" fits them less well but is for the citizen's event. */
	static const struct def defs[] = {
		{ "meter", { "KE11" }, { "P5.7" }, { NULL }, { NULL },
		  { [DIM_SELF_ESTEEM] = 0.9, [DIM_RESILIENCE] = 1.0 } },
		{ "event", { "KE1" }, { "P9" }, { NULL }, { NULL },
		  { [DIM_SELF_ESTEEM] = 0.3, [DIM_RESILIENCE] = 0.3, [DIM_FAMILY] = 0.3 } },
		{ "unrelated", { "KE8" }, { "P10.1" }, { NULL }, { NULL },
		  { [DIM_WORKING_STUDYING] = 1.0 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 3);
	profile_ke1_low_mood(&p);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);			/* unrelated: cosine 0, no match */
	assert_ranked(&r);
	assert_string_equal(r.v[0].id, "event");
	assert_string_equal(r.v[1].id, "meter");
	assert_true(r.v[0].score > r.v[1].score);
	/* The pure-meter match qualifies by its cosine alone. */
	assert_true(r.v[1].score >= WEIGHT_COSINE * RECOMMEND_MIN_COSINE);
	assert_int_equal(rank_of(&r, "unrelated"), -1);
	assert_int_equal(r.source, SOURCE_EMBEDDED);
	assert_string_equal(r.catalogue_date, "2025-01-01");
	results_free(&r);
	assert_int_equal(r.n, 0);
	assert_null(r.v);

	/* The same relevance: the event match alone decides. */
	memcpy(cat.v[1].relevance, cat.v[0].relevance, sizeof cat.v[0].relevance);
	recommend(&cat, &p, 10, &r);
	assert_string_equal(r.v[0].id, "event");
	assert_true(r.v[0].score - r.v[1].score > WEIGHT_EVENT - EPS);
	results_free(&r);
	profile_wipe(&p);
	catalogue_free(&cat);
}

static void
test_class_adds(void **state)
{
	static const struct def defs[] = {
		{ "plain", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
		{ "with-class", { "KE1" }, { "P5.2" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.5 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 2);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P5.2", 1, 0);
	rate(&p, DIM_FAMILY, 3);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	/* Listed second in the catalogue, first in the results. */
	assert_string_equal(r.v[0].id, "with-class");
	assert_true(fabs(r.v[0].score - r.v[1].score - WEIGHT_CLASS) < EPS);
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
	assert_true(recommend_score(&cat.v[0], &p, NULL, NULL) < 0);
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
	assert_true(recommend_score(&cat.v[0], &p, NULL, NULL) > 0);
	recommend(&cat, &p, 10, &r);
	assert_int_equal(r.n, 2);
	assert_true(rank_of(&r, "helsinki-only") >= 0);
	assert_true(rank_of(&r, "national") >= 0);
	assert_int_equal(rank_of(&r, "espoo-vantaa"), -1);
	results_free(&r);

	/* A code that is only a prefix of one of the service's does not count. */
	strcpy(p.municipality, "09");
	assert_true(recommend_score(&cat.v[2], &p, NULL, NULL) < 0);
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
		{ "s4", { "KE8" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 1.0 } },
		{ "s5", { "KE1" }, { "P9" }, { "KR1.2" }, { NULL }, { [DIM_HOUSING] = 1.0 } },
		{ "s6", { "KE1" }, { "P9" }, { NULL }, { NULL }, { [DIM_FAMILY] = 0.4, [DIM_HOUSING] = 0.4 } },
	};
	struct catalogue cat;
	struct profile p;
	struct results r;
	(void)state;

	build(&cat, defs, 6);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", 2, 0);
	tags_add(&p.groups, "KR1.2", 2, 0);
	rate(&p, DIM_FAMILY, 1);
	rate(&p, DIM_FINANCE, 6);

	recommend(&cat, &p, 0, &r);		/* 0: the most there may be */
	assert_int_equal(r.n, 6);
	assert_ranked(&r);
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
		/* A class only the event gave: matched, but no reason of its own. */
		{ "by-event-class", { "KE8" }, { "P3.2" }, { NULL }, { NULL }, { 0 } },
		/* The ratings. */
		{ "by-meter", { "KE11" }, { "P5.7" }, { NULL }, { NULL },
		  { [DIM_RESILIENCE] = 1.0, [DIM_SELF_ESTEEM] = 0.4 } },
	};
	struct catalogue cat;
	struct profile p;
	struct reason rs[RECOMMEND_MAX_REASONS];
	size_t n = 99;
	const struct reason *re;
	(void)state;

	build(&cat, defs, 5);
	profile_init(&p);
	tags_add(&p.events, "KE1", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.classes, "P3.2", QUEST_EVENT_QUESTION, 0);
	tags_add(&p.events, "KE1.1", 1, 2);
	tags_add(&p.classes, "P5.2", 2, 1);
	rate(&p, DIM_RESILIENCE, 1);
	rate(&p, DIM_RESILIENCE, 2);
	rate(&p, DIM_SELF_ESTEEM, 3);

	assert_true(recommend_score(&cat.v[0], &p, rs, &n) > 0);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_EVENT);
	assert_int_equal(rs[0].question, QUEST_EVENT_QUESTION);
	assert_int_equal(rs[0].option, 0);
	assert_string_equal(rs[0].code, "KE1");

	assert_true(recommend_score(&cat.v[1], &p, rs, &n) > 0);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 1);
	assert_int_equal(rs[0].option, 2);
	assert_string_equal(rs[0].code, "KE1.1");

	assert_true(recommend_score(&cat.v[2], &p, rs, &n) > 0);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_ANSWER);
	assert_int_equal(rs[0].question, 2);
	assert_int_equal(rs[0].option, 1);
	assert_string_equal(rs[0].code, "P5.2");

	assert_true(fabs(recommend_score(&cat.v[3], &p, rs, &n) - WEIGHT_CLASS) < EPS);
	assert_int_equal(n, 0);

	assert_true(recommend_score(&cat.v[4], &p, rs, &n) > 0);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0].kind, REASON_METER);
	assert_int_equal(rs[0].dim, DIM_RESILIENCE);
	assert_int_equal(rs[0].value, 2);		/* mean 1.5, rounded */

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
	assert_int_equal(rank_of(&r, "jobseeker-services"), -1);
	results_free(&r);
	profile_wipe(&p);

	/* Another event: the KE1 services drop out. */
	build_profile(a, "KE8", "091", LANG_EN, &p);
	recommend(&a->cat, &p, 10, &r);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cosine),
		cmocka_unit_test(test_need),
		cmocka_unit_test(test_score_weights),
		cmocka_unit_test(test_score_subevent),
		cmocka_unit_test(test_event_outranks_meter),
		cmocka_unit_test(test_class_adds),
		cmocka_unit_test(test_local_service),
		cmocka_unit_test(test_limit_and_ranks),
		cmocka_unit_test(test_stable_order),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_explain_backend),
		cmocka_unit_test_setup_teardown(test_mini_catalogue, tu_setup_mini, tu_teardown_assets),
		cmocka_unit_test_setup_teardown(test_channels_language, tu_setup_mini, tu_teardown_assets),
	};
	return cmocka_run_group_tests_name("recommend", tests, NULL, NULL);
}
