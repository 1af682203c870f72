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

/* The mini fixture's profiles, tests/data/mini-profiles. */
#define PROFILE(name) TU_PROFILES "/" name

static void
parse_ok(const struct assets *a, const char *path, struct profile *p)
{
	char *cause = NULL;
	if (profile_parse(p, path, a, &cause) < 0) {
		print_error("profile_parse(%s): %s\n", path, cause ? cause : "(no cause)");
		free(cause);
		fail();
	}
}

static const struct tag *
tag(const struct tags *t, const char *code)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	return NULL;
}

static void
assert_meter(const struct profile *p, enum dim d, size_t n, const int *want)
{
	assert_int_equal(p->nmeter[d], n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(p->meter[d][i], want[i]);
}
#define METER(p, d, ...) do { \
	static const int w_[] = { __VA_ARGS__ }; \
	assert_meter((p), (d), sizeof w_ / sizeof w_[0], w_); \
} while (0)

/* ---- valid profiles ---- */

static void
test_full(void **state)
{
	const struct assets *a = *state;
	struct profile p;
	const struct tag *t;

	parse_ok(a, PROFILE("ke1-full.json"), &p);
	assert_int_equal(p.lang, LANG_SV);
	assert_string_equal(p.municipality, "091");
	assert_int_equal(p.age, 34);

	/* The event, from the event question (its first option). */
	assert_int_equal(p.events.n, 1);
	t = tag(&p.events, "KE1");
	assert_non_null(t);
	assert_int_equal(t->question, QUEST_EVENT_QUESTION);
	assert_int_equal(t->option, 0);

	/* Classes from the event and from each answer, once each, with the
	 * answer that first gave them; an answer naming a class the event
	 * brought is its source ("Money while on leave" says more than
	 * "Having a child"). */
	assert_int_equal(p.classes.n, 4);
	t = tag(&p.classes, "P3.2");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke1-help"));
	assert_int_equal(t->option, tu_opt(a, "ke1-help", "money"));
	t = tag(&p.classes, "P5.2");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke1-stage"));
	assert_int_equal(t->option, tu_opt(a, "ke1-stage", "expecting"));
	t = tag(&p.classes, "P5.7");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke1-help"));
	assert_int_equal(t->option, tu_opt(a, "ke1-help", "tired"));
	t = tag(&p.classes, "P3.7");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke1-support"));
	assert_null(tag(&p.classes, "P3.4"));	/* baby's class: not chosen */

	/* Age 34 is the 18-64 group, which adds no target group. */
	assert_int_equal(p.groups.n, 1);
	assert_non_null(tag(&p.groups, "KR1.2"));

	/* Meters: the answers' in question order, then the profile's. */
	METER(&p, DIM_FAMILY, 4, 6);
	METER(&p, DIM_FINANCE, 3, 5, 3);	/* money option, the money scale, the lone 3 */
	METER(&p, DIM_HEALTH, 4);		/* tired */
	METER(&p, DIM_RESILIENCE, 2);
	assert_int_equal(p.nmeter[DIM_HOUSING], 0);
	profile_wipe(&p);
	assert_int_equal(p.events.n, 0);
	assert_null(p.events.v);
	assert_int_equal(p.age, -1);
	assert_string_equal(p.municipality, "");
}

static void
test_subevent(void **state)
{
	const struct assets *a = *state;
	struct profile p;

	parse_ok(a, PROFILE("ke4-subevent.json"), &p);
	assert_int_equal(p.lang, LANG_FI);
	assert_string_equal(p.municipality, "");
	assert_int_equal(p.age, -1);
	/* KE4.2 opens KE4's questions; both codes are in the profile. */
	assert_int_equal(p.events.n, 2);
	assert_non_null(tag(&p.events, "KE4"));
	const struct tag *t = tag(&p.events, "KE4.2");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke4-kind"));
	assert_int_equal(t->option, tu_opt(a, "ke4-kind", "finland"));
	assert_non_null(tag(&p.classes, "P1.5"));
	assert_non_null(tag(&p.classes, "P1.1"));
	assert_non_null(tag(&p.classes, "P1.4"));
	assert_int_equal(p.classes.n, 3);
	METER(&p, DIM_RESILIENCE, 3);			/* the ke4-coping scale */
	/* A sub-event also matches its parent, and the other way round. */
	assert_ptr_equal(tags_match(&p.events, "KE4.2"), t);
	assert_non_null(tags_match(&p.events, "KE4"));
	assert_null(tags_match(&p.events, "KE40"));
	assert_null(tags_match(&p.events, "KE1"));
	assert_non_null(tags_match(&p.classes, "P1"));	/* P1.1 is a P1 */
	assert_null(tags_match(&p.classes, "P10"));
	profile_wipe(&p);
}

/* A sub-event only the profile names: it is there, with no answer
 * behind it, beside its event from the event question. */
static void
test_subevent_without_answer(void **state)
{
	const struct assets *a = *state;
	struct profile p;

	parse_ok(a, tu_temp_file("{\"life_events\": [\"KE1.1\", \"KE11\"]}", ".json"), &p);
	assert_int_equal(p.events.n, 3);
	const struct tag *t = tag(&p.events, "KE1");
	assert_non_null(t);
	assert_int_equal(t->question, QUEST_EVENT_QUESTION);
	t = tag(&p.events, "KE1.1");
	assert_non_null(t);
	assert_int_equal(t->question, PROFILE_NO_SOURCE);
	assert_int_equal(t->option, -1);
	/* KE11 has no questions in the mini set, but is a life event. */
	t = tag(&p.events, "KE11");
	assert_non_null(t);
	assert_int_equal(t->question, PROFILE_NO_SOURCE);
	/* The event's own effects came with it. */
	assert_non_null(tag(&p.classes, "P3.2"));
	assert_non_null(tag(&p.groups, "KR1.2"));
	profile_wipe(&p);
}

static void
test_number_bands_and_age(void **state)
{
	const struct assets *a = *state;
	struct profile p;

	parse_ok(a, PROFILE("ke8-number.json"), &p);
	assert_int_equal(p.lang, LANG_EN);		/* the default */
	assert_int_equal(p.age, 70);
	/* 14 months: the 12-120 band. */
	const struct tag *t = tag(&p.classes, "P4.8");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke8-months"));
	assert_int_equal(t->option, -1);
	assert_null(tag(&p.classes, "P10.2"));		/* the 3-11 band's */
	assert_non_null(tag(&p.classes, "P10.4"));	/* ke8-ability: yes */
	METER(&p, DIM_WORKING_STUDYING, 2, 2);
	METER(&p, DIM_SELF_ESTEEM, 4);
	/* 70 is in the 65-plus group, which adds its target group. */
	t = tag(&p.groups, "KR1.1");
	assert_non_null(t);
	assert_int_equal(t->question, a->quest.age_q);
	assert_int_equal(t->option, tu_opt(a, "age", "65-plus"));
	profile_wipe(&p);
}

static void
test_answers_only(void **state)
{
	const struct assets *a = *state;
	struct profile p;

	parse_ok(a, PROFILE("answers-only.json"), &p);
	assert_int_equal(p.lang, LANG_EN);
	/* The event and the municipality given as answers. */
	assert_non_null(tag(&p.events, "KE8"));
	assert_string_equal(p.municipality, "905");
	assert_int_equal(p.age, -1);			/* "no-answer" gives no age */
	assert_int_equal(p.age_min, -1);
	assert_int_equal(p.age_max, -1);
	assert_non_null(tag(&p.classes, "P10.1"));	/* event, and the 0-2 band */
	assert_null(tag(&p.classes, "P4.8"));
	METER(&p, DIM_FINANCE, 0);
	assert_int_equal(p.groups.n, 0);
	profile_wipe(&p);
}

static void
test_meters_only(void **state)
{
	const struct assets *a = *state;
	struct profile p;

	parse_ok(a, PROFILE("meters-only.json"), &p);
	assert_int_equal(p.events.n, 0);
	assert_int_equal(p.classes.n, 0);
	METER(&p, DIM_HOUSING, 1, 2, 3);
	METER(&p, DIM_HEALTH, 10);			/* a lone int is a list of one */
	assert_true(profile_mean(&p, DIM_HOUSING) > 1.99 && profile_mean(&p, DIM_HOUSING) < 2.01);
	profile_wipe(&p);

	/* The empty profile is a profile. */
	parse_ok(a, tu_temp_file("{}", ".json"), &p);
	assert_int_equal(p.events.n, 0);
	assert_int_equal(p.age, -1);
	assert_int_equal(p.lang, LANG_EN);
	for (int d = 0; d < DIM_COUNT; d++)
		assert_int_equal(p.nmeter[d], 0);
	profile_wipe(&p);
}

/* Ages on the edges of the groups. */
static void
test_age_groups(void **state)
{
	const struct assets *a = *state;
	static const struct { int age; const char *group; } cases[] = {
		{ 0, "under-18" }, { 17, "under-18" }, { 18, "18-64" },
		{ 64, "18-64" }, { 65, "65-plus" }, { 120, "65-plus" },
		{ 125, NULL },	/* no group: the age is kept, no option is set */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[64];
		struct profile p;
		snprintf(text, sizeof text, "{\"age\": %d}", cases[i].age);
		parse_ok(a, tu_temp_file(text, ".json"), &p);
		assert_int_equal(p.age, cases[i].age);
		/* A batch age is its own group, for eligibility. */
		assert_int_equal(p.age_min, cases[i].age);
		assert_int_equal(p.age_max, cases[i].age);
		bool young = tag(&p.groups, "KR1.3") != NULL;
		bool old = tag(&p.groups, "KR1.1") != NULL;
		if (cases[i].group == NULL || strcmp(cases[i].group, "18-64") == 0)
			assert_false(young || old);
		else if (strcmp(cases[i].group, "under-18") == 0)
			assert_true(young && !old);
		else
			assert_true(old && !young);
		profile_wipe(&p);
	}
}

/* profile_build: each code says which answer gave it. */
static void
test_build_from_flow(void **state)
{
	const struct assets *a = *state;
	struct flow f;
	struct profile p;
	struct answer ans = { .state = ANSWER_SET };

	flow_init(&f, &a->quest);
	ans.value = tu_opt(a, "event", "KE1");
	flow_set(&f, QUEST_EVENT_QUESTION, &ans);
	ans.value = tu_opt(a, "ke1-stage", "adoption");
	flow_set(&f, tu_q(a, "ke1-stage"), &ans);
	ans.value = 8;
	flow_set(&f, tu_q(a, "meter-family"), &ans);
	/* An answer that no longer applies is not in the profile, even if
	 * it was left in the flow. */
	f.answers[tu_q(a, "ke4-kind")] = (struct answer){ .state = ANSWER_SET, .value = 0 };
	profile_build(&p, &f, a, LANG_FI);
	assert_int_equal(p.lang, LANG_FI);
	const struct tag *t = tag(&p.events, "KE1.1");
	assert_non_null(t);
	assert_int_equal(t->question, tu_q(a, "ke1-stage"));
	assert_int_equal(t->option, tu_opt(a, "ke1-stage", "adoption"));
	assert_null(tag(&p.events, "KE4.1"));
	assert_null(tag(&p.classes, "P1.1"));
	METER(&p, DIM_FAMILY, 8);
	assert_int_equal(p.age, -1);
	assert_int_equal(p.age_min, -1);
	assert_int_equal(p.age_max, -1);
	profile_wipe(&p);
	flow_free(&f);
}

/* The age question's answer gives the group's bounds, not an age. */
static void
test_age_bounds_from_flow(void **state)
{
	const struct assets *a = *state;
	struct flow f;
	struct profile p;
	struct answer ans = { .state = ANSWER_SET };

	flow_init(&f, &a->quest);
	ans.value = tu_opt(a, "event", "KE8");
	flow_set(&f, QUEST_EVENT_QUESTION, &ans);
	ans.value = tu_opt(a, "age", "65-plus");
	flow_set(&f, a->quest.age_q, &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(p.age, -1);
	assert_int_equal(p.age_min, 65);
	assert_int_equal(p.age_max, 120);
	profile_wipe(&p);
	assert_int_equal(p.age_min, -1);		/* wiped: not known */
	assert_int_equal(p.age_max, -1);

	ans.value = tu_opt(a, "age", "under-18");
	flow_set(&f, a->quest.age_q, &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(p.age_min, 0);
	assert_int_equal(p.age_max, 17);
	profile_wipe(&p);

	ans.value = tu_opt(a, "age", "no-answer");
	flow_set(&f, a->quest.age_q, &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(p.age_min, -1);
	assert_int_equal(p.age_max, -1);
	profile_wipe(&p);
	flow_free(&f);
}

static int
setup_real(void **state)
{
	struct assets *a = calloc(1, sizeof *a);
	assert_non_null(a);
	tu_load(a, ASSETS_DIR);
	*state = a;
	return 0;
}

static size_t
condition(const struct assets *a, const char *id)
{
	long c = quest_condition(&a->quest, id);
	assert_true(c >= 0);
	return (size_t)c;
}

/* Answers settle conditions, and each remembers the answer. */
static void
test_conditions(void **state)
{
	const struct assets *a = *state;
	struct flow f;
	struct profile p;
	struct answer ans = { .state = ANSWER_SET };
	size_t married = condition(a, "married"), children = condition(a, "children");
	size_t single = condition(a, "single-parent"), jobseeker = condition(a, "jobseeker");

	flow_init(&f, &a->quest);
	ans.value = tu_opt(a, "event", "KE7");
	flow_set(&f, QUEST_EVENT_QUESTION, &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(profile_condition(&p, married), 0);
	assert_int_equal(profile_condition(&p, children), 0);
	assert_int_equal(profile_condition(&p, QUEST_MAX_CONDITIONS), 0);
	profile_wipe(&p);

	ans.value = tu_opt(a, "ke7-married", "cohabiting");
	flow_set(&f, tu_q(a, "ke7-married"), &ans);
	ans.value = 2;
	flow_set(&f, tu_q(a, "ke7-children"), &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(profile_condition(&p, married), -1);
	assert_int_equal(p.cond_src[married].question, tu_q(a, "ke7-married"));
	assert_int_equal(p.cond_src[married].option, tu_opt(a, "ke7-married", "cohabiting"));
	/* A number's band: no option, the number kept to say back. */
	assert_int_equal(profile_condition(&p, children), 1);
	assert_int_equal(profile_condition(&p, single), 1);
	assert_int_equal(p.cond_src[children].question, tu_q(a, "ke7-children"));
	assert_int_equal(p.cond_src[children].option, -1);
	assert_int_equal(p.cond_src[children].value, 2);
	assert_int_equal(p.cond_yes & p.cond_no, 0);
	assert_int_equal(profile_condition(&p, jobseeker), 0);
	profile_wipe(&p);

	/* Changed: the other band says no. */
	ans.value = 0;
	flow_set(&f, tu_q(a, "ke7-children"), &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(profile_condition(&p, children), -1);
	assert_int_equal(profile_condition(&p, single), 0);
	profile_wipe(&p);
	flow_free(&f);

	/* The life event itself may settle one. */
	flow_init(&f, &a->quest);
	ans.value = tu_opt(a, "event", "KE8");
	flow_set(&f, QUEST_EVENT_QUESTION, &ans);
	profile_build(&p, &f, a, LANG_EN);
	assert_int_equal(profile_condition(&p, jobseeker), 1);
	assert_int_equal(p.cond_src[jobseeker].question, QUEST_EVENT_QUESTION);
	assert_int_equal(p.cond_src[jobseeker].option, tu_opt(a, "event", "KE8"));
	profile_wipe(&p);
	flow_free(&f);
}

/* A batch profile that lists two life events gets what choosing each
 * would bring: the second one's conditions and classes too. */
static void
test_two_events(void **state)
{
	const struct assets *a = *state;
	struct profile p;
	size_t jobseeker = condition(a, "jobseeker"), business = condition(a, "business");

	parse_ok(a, tu_temp_file("{\"life_events\": [\"KE8\", \"business\"]}", ".json"), &p);
	assert_int_equal(profile_condition(&p, jobseeker), 1);
	assert_int_equal(profile_condition(&p, business), 1);
	assert_int_equal(p.cond_src[business].question, QUEST_EVENT_QUESTION);
	assert_int_equal(p.cond_src[business].option, tu_opt(a, "event", "business"));
	const struct tag *t = tags_match(&p.classes, "P11.1");
	assert_non_null(t);
	assert_int_equal(t->question, QUEST_EVENT_QUESTION);
	profile_wipe(&p);

	/* The first event's questions only: an answer to the second's is
	 * refused, as it would never be asked. */
	char *cause = NULL;
	struct profile q;
	assert_int_equal(profile_parse(&q, tu_temp_file(
	    "{\"life_events\": [\"KE8\", \"business\"], \"answers\": {\"biz-form\": \"sole\"}}",
	    ".json"), a, &cause), -1);
	assert_non_null(cause);
	free(cause);
}

static void
test_tags_add(void **state)
{
	struct tags t = { 0 };
	(void)state;
	tags_add(&t, "KE1", 3, 1);
	tags_add(&t, "KE1", 5, 2);		/* the first source stays */
	tags_add(&t, "KE1.1", 4, 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.v[0].question, 3);
	/* The exact code is preferred to a relative. */
	assert_ptr_equal(tags_match(&t, "KE1.1"), &t.v[1]);
	assert_ptr_equal(tags_match(&t, "KE1"), &t.v[0]);
	assert_ptr_equal(tags_match(&t, "KE1.2"), &t.v[0]);	/* its parent */
	assert_null(tags_match(&t, "KE11"));
	assert_null(tags_match(&t, "KE"));
	free(t.v);
}

/* ---- bad profiles ---- */

struct bad {
	const char *name;
	const char *text;
	const char *at;		/* where the error is: first occurrence ... */
	size_t skip;		/* ... plus this many characters */
	const char *phrase;
};

static const struct bad bad_profiles[] = {
	{ "unknown life event",
	  "{\n  \"life_events\": [\"KE1\", \"KE99\"]\n}\n",
	  "\"KE99\"", 0, "unknown life event \"KE99\"" },
	{ "life event that is not a string",
	  "{\n  \"life_events\": [4]\n}\n",
	  "4]", 0, "unknown life event (not a string)" },
	{ "unknown question id",
	  "{\n  \"life_events\": [\"KE1\"],\n  \"answers\": {\n    \"ke1-stag\": \"baby\"\n  }\n}\n",
	  "\"baby\"", 0, "unknown question id \"ke1-stag\"" },
	{ "number out of range",
	  "{\n  \"life_events\": [\"KE8\"],\n  \"answers\": { \"ke8-months\": 121 }\n}\n",
	  "121", 0, "\"ke8-months\" takes a whole number from 0 to 120" },
	{ "number not a whole number",
	  "{\n  \"life_events\": [\"KE8\"],\n  \"answers\": { \"ke8-months\": 1.5 }\n}\n",
	  "1.5", 0, "\"ke8-months\" takes a whole number from 0 to 120" },
	{ "scale out of range",
	  "{\n  \"life_events\": [\"KE4\"],\n  \"answers\": { \"ke4-kind\": \"abroad\", \"ke4-coping\": 11 }\n}\n",
	  "11", 0, "\"ke4-coping\" takes a whole number from 0 to 10" },
	{ "meter out of range",
	  "{\n  \"life_situation_meters\": { \"housing\": [4, 11] }\n}\n",
	  "11", 0, "\"housing\" takes whole numbers from 0 to 10" },
	{ "lone meter out of range",
	  "{\n  \"life_situation_meters\": { \"housing\": -1 }\n}\n",
	  "-1", 0, "\"housing\" takes" },
	{ "meter: empty list",
	  "{\n  \"life_situation_meters\": { \"housing\": [] }\n}\n",
	  "[]", 0, "\"housing\" takes a list of whole numbers from 0 to 10" },
	{ "meter: unknown dimension",
	  "{\n  \"life_situation_meters\": { \"wealth\": [3] }\n}\n",
	  "[3]", 0, "unknown life-situation dimension \"wealth\"" },
	{ "age out of range",
	  "{\n  \"age\": 131\n}\n",
	  "131", 0, "\"age\" is 131, but must be from 0 to 130" },
	{ "condition not met",
	  "{\n  \"life_events\": [\"KE1\"],\n  \"answers\": {\n    \"ke1-stage\": \"other\",\n    \"ke1-help\": [\"money\"]\n  }\n}\n",
	  "[\"money\"]", 0, "question \"ke1-help\" does not apply to the other answers" },
	{ "condition not met down a chain",
	  "{\n  \"life_events\": [\"KE1\"],\n  \"answers\": {\n    \"ke1-stage\": \"baby\",\n    \"ke1-help\": [\"money\"],\n    \"ke1-support\": \"yes\"\n  }\n}\n",
	  "\"yes\"", 0, "question \"ke1-support\" does not apply" },
	{ "range condition not met",
	  "{\n  \"life_events\": [\"KE8\"],\n  \"answers\": { \"ke8-months\": 3, \"ke8-ability\": \"no\" }\n}\n",
	  "\"no\"", 0, "question \"ke8-ability\" does not apply" },
	{ "another event's question",
	  "{\n  \"life_events\": [\"KE1\"],\n  \"answers\": { \"ke4-kind\": \"first\" }\n}\n",
	  "\"first\"", 0, "question \"ke4-kind\" does not apply" },
	{ "a question without any event",
	  "{\n  \"answers\": { \"ke1-stage\": \"baby\" }\n}\n",
	  "\"baby\"", 0, "question \"ke1-stage\" does not apply" },
	{ "unknown option",
	  "{\n  \"life_events\": [\"KE1\"],\n  \"answers\": { \"ke1-stage\": \"twins\" }\n}\n",
	  "\"twins\"", 0, "\"ke1-stage\" takes one of its option ids" },
	{ "unknown option in a multi",
	  "{\n  \"answers\": {\n    \"event\": \"KE1\",\n    \"ke1-stage\": \"baby\",\n    \"ke1-help\": [\"money\", \"cash\"]\n  }\n}\n",
	  "\"cash\"", 0, "\"ke1-help\" has no such option" },
	{ "multi given one string",
	  "{\n  \"answers\": { \"event\": \"KE1\", \"ke1-stage\": \"baby\", \"ke1-help\": \"money\" }\n}\n",
	  "\"money\"", 0, "\"ke1-help\" takes a list of option ids" },
	{ "unknown municipality answer",
	  "{\n  \"answers\": { \"municipality\": \"999\" }\n}\n",
	  "\"999\"", 0, "\"municipality\" takes a municipality code" },
	{ "unknown municipality code",
	  "{\n  \"municipality_code\": \"999\"\n}\n",
	  "\"999\"", 0, "unknown municipality code \"999\"" },
	{ "unknown language",
	  "{\n  \"language\": \"de\"\n}\n",
	  "\"de\"", 0, "language is \"fi\", \"sv\" or \"en\", not \"de\"" },
	{ "unknown key",
	  "{\n  \"langauge\": \"fi\"\n}\n",
	  "\"fi\"", 0, "unknown key \"langauge\"" },
	{ "wrong type: age",
	  "{\n  \"age\": \"34\"\n}\n",
	  "\"34\"", 0, "\"age\" must be a whole number" },
	{ "wrong type: life_events",
	  "{\n  \"life_events\": \"KE1\"\n}\n",
	  "\"KE1\"", 0, "\"life_events\" must be a list" },
	{ "wrong type: answers",
	  "{\n  \"answers\": [\"ke1-stage\"]\n}\n",
	  "[", 0, "\"answers\" must be an object" },
	{ "wrong JSON: trailing comma",
	  "{\n  \"language\": \"fi\",\n}\n",
	  "}\n", 0, "expected near '}'" },
	{ "wrong JSON: not an object",
	  "[\"KE1\"]\n",
	  "[", 0, "a profile is one JSON object" },
};

static void
check_bad(const struct assets *a, const struct bad *b)
{
	const char *path = tu_temp_file(b->text, ".json");
	struct profile p;
	char *cause = NULL;
	int line, col;

	tu_pos(b->text, b->at, b->skip, &line, &col);
	memset(&p, 0xAA, sizeof p);
	if (profile_parse(&p, path, a, &cause) == 0) {
		print_error("case \"%s\" parsed\n", b->name);
		profile_wipe(&p);
		fail();
	}
	if (!tu_cause_ok(cause, path, line, col, b->phrase))
		print_error("case \"%s\":\n", b->name);
	tu_assert_cause(cause, path, line, col, b->phrase);
	/* Nothing is left in the profile. */
	assert_int_equal(p.events.n, 0);
	assert_null(p.events.v);
	assert_int_equal(p.classes.n, 0);
	assert_int_equal(p.age, -1);
	free(cause);
}

static void
test_bad_profiles(void **state)
{
	const struct assets *a = *state;
	for (size_t i = 0; i < sizeof bad_profiles / sizeof bad_profiles[0]; i++)
		check_bad(a, &bad_profiles[i]);
}

static const struct bad *
find_bad(const char *name)
{
	for (size_t i = 0; i < sizeof bad_profiles / sizeof bad_profiles[0]; i++)
		if (strcmp(bad_profiles[i].name, name) == 0)
			return &bad_profiles[i];
	print_error("no case \"%s\"\n", name);
	fail();
	return NULL;
}

/* The cases the brief names, one test each. */
#define ONE(fn, name) \
static void fn(void **state) { check_bad(*state, find_bad(name)); }
ONE(test_bad_event, "unknown life event")
ONE(test_bad_question, "unknown question id")
ONE(test_bad_range, "number out of range")
ONE(test_bad_condition, "condition not met")
ONE(test_bad_json, "wrong JSON: trailing comma")
#undef ONE

static void
test_missing_file(void **state)
{
	const struct assets *a = *state;
	struct profile p;
	char *cause = NULL;

	assert_int_equal(profile_parse(&p, TEST_DATA "/no-such-profile.json", a, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "no-such-profile.json"));
	free(cause);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, tu_setup_mini, tu_teardown_assets)
	const struct CMUnitTest tests[] = {
		T(test_full),
		T(test_subevent),
		T(test_subevent_without_answer),
		T(test_number_bands_and_age),
		T(test_answers_only),
		T(test_meters_only),
		T(test_age_groups),
		T(test_build_from_flow),
		T(test_age_bounds_from_flow),
		cmocka_unit_test_setup_teardown(test_conditions, setup_real, tu_teardown_assets),
		cmocka_unit_test_setup_teardown(test_two_events, setup_real, tu_teardown_assets),
		cmocka_unit_test(test_tags_add),
		T(test_bad_event),
		T(test_bad_question),
		T(test_bad_range),
		T(test_bad_condition),
		T(test_bad_json),
		T(test_bad_profiles),
		T(test_missing_file),
	};
#undef T
	return cmocka_run_group_tests_name("profile", tests, NULL, NULL);
}
