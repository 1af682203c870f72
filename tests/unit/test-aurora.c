/*
 * test-aurora.c: the AuroraAI API as data (tui/aurora.c).
 *
 *   - request bodies against golden JSON under tests/data/aurora, and
 *     against the published schema: no field outside it, "age" never;
 *   - reading answers of the deployed shape, the documented shape and a
 *     mix; services with a missing or mistyped field skipped, the rest
 *     kept; caps on services and channels; bodies that are no answer;
 *   - every string read from an answer is safe to draw;
 *   - the Content-Language header.
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

#include <jansson.h>

#include "aurora.h"
#include "profile.h"
#include "results.h"
#include "table.h"
#include "testutil.h"
#include "text.h"
#include "util.h"

#define AURORA_DATA TEST_DATA "/aurora"
#define CLASS_URI "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/"
#define FFFD "\xEF\xBF\xBD"

/* ---- the published schema, as key lists ---- */

/* RecommendServiceInput */
static const char *const recommend_keys[] = {
	"life_situation_meters", "limit", "rerank", "session_id", "service_filters", NULL
};
/* ServiceFilters */
static const char *const filter_keys[] = {
	"only_national_services", "include_national_services", "municipality_codes",
	"region_codes", "hospital_district_codes", "service_classes", "target_groups",
	"service_collections", "funding_type", "wellbeing_service_county_codes", NULL
};
/* attributes.json: life_situation_meters */
static const char *const meter_keys[] = {
	"working_studying", "family", "friends", "health", "improvement_of_strengths",
	"housing", "finance", "self_esteem", "resilience", "life_satisfaction", NULL
};
/* TextSearchInput has search_text, service_filters, limit and rerank;
 * the shared README lists language too (see the report). */
static const char *const search_keys[] = {
	"search_text", "service_filters", "limit", "rerank", "language", NULL
};
/* RecommendationFeedback and ServiceFeedback */
static const char *const feedback_keys[] = {
	"auroraai_recommendation_id", "feedback_score", "service_feedbacks", NULL
};
static const char *const service_feedback_keys[] = { "service_id", "feedback_score", NULL };

static bool
in_list(const char *const *list, const char *key)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], key) == 0)
			return true;
	return false;
}

/* Every key of obj is one of allowed. */
static void
check_keys(json_t *obj, const char *const *allowed, const char *what)
{
	const char *key;
	json_t *v;

	assert_true(json_is_object(obj));
	json_object_foreach(obj, key, v) {
		(void)v;
		if (!in_list(allowed, key))
			fail_msg("%s has \"%s\", which the schema does not list", what, key);
	}
}

/* No object anywhere in v has a key named key. */
static void
check_no_key(json_t *v, const char *name)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach(v, key, item) {
			if (strcmp(key, name) == 0)
				fail_msg("the body has a \"%s\" field", name);
			check_no_key(item, name);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			check_no_key(item, name);
	}
}

static void
check_string_array(json_t *a, const char *prefix)
{
	json_t *item;
	size_t i;

	assert_true(json_is_array(a));
	assert_true(json_array_size(a) > 0);
	json_array_foreach(a, i, item) {
		assert_true(json_is_string(item));
		if (prefix != NULL)
			assert_true(strncmp(json_string_value(item), prefix, strlen(prefix)) == 0);
	}
}

static void
check_filters(json_t *f)
{
	json_t *v, *item;
	size_t i;

	check_keys(f, filter_keys, "service_filters");
	v = json_object_get(f, "include_national_services");
	assert_true(v == NULL || json_is_boolean(v));
	v = json_object_get(f, "only_national_services");
	assert_true(v == NULL || json_is_boolean(v));
	if ((v = json_object_get(f, "municipality_codes")) != NULL) {
		check_string_array(v, NULL);
		json_array_foreach(v, i, item)
			assert_int_equal(strlen(json_string_value(item)), 3);
	}
	if ((v = json_object_get(f, "service_classes")) != NULL)
		check_string_array(v, CLASS_URI);
	if ((v = json_object_get(f, "target_groups")) != NULL)
		check_string_array(v, "KR");
}

static void
check_limit(json_t *root)
{
	json_t *v = json_object_get(root, "limit");
	if (v == NULL)
		return;
	assert_true(json_is_integer(v));
	assert_in_range(json_integer_value(v), 1, 50);
}

/* A recommend_service body as RecommendServiceInput allows it. */
static void
check_recommend_schema(json_t *root)
{
	json_t *meters, *values, *item;
	const char *key;
	size_t i;

	check_keys(root, recommend_keys, "the recommend_service body");
	meters = json_object_get(root, "life_situation_meters");
	assert_non_null(meters);
	check_keys(meters, meter_keys, "life_situation_meters");
	assert_true(json_object_size(meters) >= 1);
	json_object_foreach(meters, key, values) {
		assert_true(json_is_array(values));
		json_array_foreach(values, i, item) {
			assert_true(json_is_integer(item));
			assert_in_range(json_integer_value(item), 0, 10);
		}
	}
	check_limit(root);
	if (json_object_get(root, "session_id") != NULL)
		assert_true(json_is_string(json_object_get(root, "session_id")));
	if (json_object_get(root, "rerank") != NULL)
		assert_true(json_is_boolean(json_object_get(root, "rerank")));
	if (json_object_get(root, "service_filters") != NULL)
		check_filters(json_object_get(root, "service_filters"));
	check_no_key(root, "age");
}

static void
check_search_schema(json_t *root)
{
	check_keys(root, search_keys, "the text_search body");
	assert_true(json_is_string(json_object_get(root, "search_text")));
	check_limit(root);
	if (json_object_get(root, "service_filters") != NULL)
		check_filters(json_object_get(root, "service_filters"));
	check_no_key(root, "age");
}

static void
check_feedback_schema(json_t *root)
{
	json_t *list, *item;
	size_t i;

	check_keys(root, feedback_keys, "the feedback body");
	assert_true(json_is_integer(json_object_get(root, "auroraai_recommendation_id")));
	list = json_object_get(root, "service_feedbacks");
	assert_true(json_is_array(list));
	json_array_foreach(list, i, item) {
		check_keys(item, service_feedback_keys, "a service feedback");
		assert_true(json_is_string(json_object_get(item, "service_id")));
		json_t *score = json_object_get(item, "feedback_score");
		assert_true(json_is_integer(score));
		assert_true(json_integer_value(score) == 1 || json_integer_value(score) == -1);
	}
}

/* Parse a body the code under test made; the test fails if it is not JSON. */
static json_t *
load_body(const char *body)
{
	json_error_t e;

	assert_non_null(body);
	json_t *root = json_loads(body, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL)
		fail_msg("not JSON: %s: %s", e.text, body);
	return root;
}

static json_t *
load_golden(const char *name)
{
	char path[512];
	json_error_t e;

	snprintf(path, sizeof path, "%s/%s", AURORA_DATA, name);
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL)
		fail_msg("%s:%d:%d: %s", path, e.line, e.column, e.text);
	return root;
}

/* body (freed here) equals the golden file, as JSON values. */
static void
check_golden(char *body, const char *name)
{
	json_t *got = load_body(body);
	json_t *want = load_golden(name);

	if (!json_equal(got, want)) {
		char *w = json_dumps(want, JSON_COMPACT | JSON_SORT_KEYS);
		char *g = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS);
		print_error("want %s\n got  %s\n", w, g);
		free(w);
		free(g);
		fail_msg("the body differs from %s", name);
	}
	json_decref(got);
	json_decref(want);
	free(body);
}

/* ---- fixtures: a profile built by hand, the mini service classes ---- */

struct fix {
	struct codes classes;
	struct profile p;
};

static void
add_meter(struct profile *p, enum dim d, int v)
{
	assert_true(p->nmeter[d] < PROFILE_MAX_VALUES);
	p->meter[d][p->nmeter[d]++] = v;
}

static void
full_profile(struct profile *p)
{
	memset(p, 0, sizeof *p);
	p->lang = LANG_FI;
	p->age = 34;	/* must never be sent */
	snprintf(p->municipality, sizeof p->municipality, "%s", "091");
	tags_add(&p->events, "KE1", 0, 1);
	tags_add(&p->classes, "P3.2", 0, 1);
	tags_add(&p->classes, "P99.9", 0, 2);	/* no such class: no URI, left out */
	tags_add(&p->groups, "KR1.2", 1, 0);
	add_meter(p, DIM_FAMILY, 3);
	add_meter(p, DIM_HOUSING, 2);
	add_meter(p, DIM_HOUSING, 4);
	add_meter(p, DIM_FINANCE, 5);
}

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);
	char *cause = NULL;

	if (f == NULL)
		return -1;
	if (codes_load(&f->classes, TU_MINI "/service_classes.tsv", "service_classes.tsv",
	    &cause) < 0) {
		print_error("%s\n", cause);
		free(cause);
		free(f);
		return -1;
	}
	full_profile(&f->p);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	profile_wipe(&f->p);
	codes_free(&f->classes);
	free(f);
	tu_cleanup();
	return 0;
}

/* ---- request bodies ---- */

static void
test_golden_files_in_schema(void **state)
{
	(void)state;
	json_t *r = load_golden("recommend.golden.json");
	check_recommend_schema(r);
	json_decref(r);
	r = load_golden("recommend-minimal.golden.json");
	check_recommend_schema(r);
	json_decref(r);
	r = load_golden("search.golden.json");
	check_search_schema(r);
	json_decref(r);
	r = load_golden("feedback.golden.json");
	check_feedback_schema(r);
	json_decref(r);
}

static void
test_recommend_golden(void **state)
{
	struct fix *f = *state;
	char *body = aurora_recommend_body(&f->p, &f->classes, 10, "kiosk-session-1");
	json_t *root = load_body(body);

	check_recommend_schema(root);
	json_decref(root);
	assert_null(strstr(body, "\"age\""));
	check_golden(body, "recommend.golden.json");
}

static void
test_recommend_minimal(void **state)
{
	struct profile p;

	(void)state;
	memset(&p, 0, sizeof p);
	p.lang = LANG_EN;
	p.age = -1;
	add_meter(&p, DIM_WORKING_STUDYING, 0);
	add_meter(&p, DIM_LIFE_SATISFACTION, 10);
	/* No classes table is needed when the profile names no class. */
	check_golden(aurora_recommend_body(&p, NULL, 0, "s"), "recommend-minimal.golden.json");
	profile_wipe(&p);
}

static void
test_recommend_never_age(void **state)
{
	struct fix *f = *state;
	static const int ages[] = { -1, 0, 17, 34, 120, 200 };

	for (size_t i = 0; i < sizeof ages / sizeof ages[0]; i++) {
		f->p.age = ages[i];
		char *body = aurora_recommend_body(&f->p, &f->classes, 5, "id");
		json_t *root = load_body(body);
		check_recommend_schema(root);
		check_no_key(root, "age");
		json_decref(root);
		assert_null(strstr(body, "\"age\""));
		free(body);

		body = aurora_search_body("asunto", &f->p, &f->classes, 5);
		root = load_body(body);
		check_search_schema(root);
		json_decref(root);
		assert_null(strstr(body, "\"age\""));
		free(body);
	}
}

static void
test_recommend_every_dimension(void **state)
{
	struct profile p;

	(void)state;
	memset(&p, 0, sizeof p);
	p.age = -1;
	for (int d = 0; d < DIM_COUNT; d++)
		for (int k = 0; k < PROFILE_MAX_VALUES; k++)
			add_meter(&p, (enum dim)d, (d + k) % 11);
	char *body = aurora_recommend_body(&p, NULL, 50, "x");
	json_t *root = load_body(body);
	check_recommend_schema(root);
	json_t *meters = json_object_get(root, "life_situation_meters");
	assert_int_equal(json_object_size(meters), DIM_COUNT);
	for (int d = 0; d < DIM_COUNT; d++) {
		json_t *v = json_object_get(meters, dim_key((enum dim)d));
		assert_int_equal(json_array_size(v), PROFILE_MAX_VALUES);
		for (int k = 0; k < PROFILE_MAX_VALUES; k++)
			assert_int_equal(json_integer_value(json_array_get(v, (size_t)k)), (d + k) % 11);
	}
	/* No municipality, class or group: only the national flag. */
	json_t *fl = json_object_get(root, "service_filters");
	assert_int_equal(json_object_size(fl), 1);
	assert_true(json_is_true(json_object_get(fl, "include_national_services")));
	json_decref(root);
	free(body);
	profile_wipe(&p);
}

static void
test_recommend_no_meters(void **state)
{
	struct fix *f = *state;

	memset(f->p.nmeter, 0, sizeof f->p.nmeter);
	assert_null(aurora_recommend_body(&f->p, &f->classes, 10, "id"));
	/* ... and the same profile still makes a search body. */
	char *body = aurora_search_body("lapsi", &f->p, &f->classes, 10);
	json_t *root = load_body(body);
	check_search_schema(root);
	json_decref(root);
	free(body);

	struct profile empty;
	memset(&empty, 0, sizeof empty);
	empty.age = 40;
	assert_null(aurora_recommend_body(&empty, NULL, 10, "id"));
	profile_wipe(&empty);
}

static void
test_recommend_unknown_classes(void **state)
{
	struct fix *f = *state;
	struct profile p;

	memset(&p, 0, sizeof p);
	p.age = -1;
	add_meter(&p, DIM_HEALTH, 2);
	tags_add(&p.classes, "P99.9", 0, 0);
	tags_add(&p.classes, "KR1", 0, 0);
	char *body = aurora_recommend_body(&p, &f->classes, 10, "id");
	json_t *root = load_body(body);
	check_recommend_schema(root);
	/* Codes with no URI are left out, and so is an empty list. */
	assert_null(json_object_get(json_object_get(root, "service_filters"), "service_classes"));
	json_decref(root);
	free(body);
	profile_wipe(&p);
}

static void
test_recommend_no_session(void **state)
{
	struct fix *f = *state;
	char *body = aurora_recommend_body(&f->p, &f->classes, 10, NULL);
	json_t *root = load_body(body);

	check_recommend_schema(root);
	assert_null(json_object_get(root, "session_id"));
	json_decref(root);
	free(body);
}

static void
test_limit_clamped(void **state)
{
	struct fix *f = *state;
	static const struct { size_t in; long long out; } cases[] = {
		{ 0, 1 }, { 1, 1 }, { 2, 2 }, { 10, 10 }, { 49, 49 }, { 50, 50 },
		{ 51, 50 }, { 1000, 50 }, { SIZE_MAX, 50 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *body = aurora_recommend_body(&f->p, &f->classes, cases[i].in, "id");
		json_t *root = load_body(body);
		assert_int_equal(json_integer_value(json_object_get(root, "limit")), cases[i].out);
		json_decref(root);
		free(body);

		body = aurora_search_body("x", &f->p, &f->classes, cases[i].in);
		root = load_body(body);
		assert_int_equal(json_integer_value(json_object_get(root, "limit")), cases[i].out);
		json_decref(root);
		free(body);
	}
}

static void
test_search_golden(void **state)
{
	struct fix *f = *state;

	f->p.lang = LANG_SV;
	char *body = aurora_search_body("muutto omaan asuntoon", &f->p, &f->classes, 60);
	json_t *root = load_body(body);
	check_search_schema(root);
	/* The meters are not part of a text search. */
	assert_null(json_object_get(root, "life_situation_meters"));
	json_decref(root);
	check_golden(body, "search.golden.json");
}

static void
test_search_language(void **state)
{
	struct fix *f = *state;
	static const struct { enum lang l; const char *code; } cases[] = {
		{ LANG_FI, "fi" }, { LANG_SV, "sv" }, { LANG_EN, "en" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f->p.lang = cases[i].l;
		char *body = aurora_search_body("Työ \"ja\" \\ opiskelu", &f->p, &f->classes, 5);
		json_t *root = load_body(body);
		check_search_schema(root);
		assert_string_equal(json_string_value(json_object_get(root, "language")),
		    cases[i].code);
		/* The words survive quoting. */
		assert_string_equal(json_string_value(json_object_get(root, "search_text")),
		    "Työ \"ja\" \\ opiskelu");
		json_decref(root);
		free(body);
	}
}

static void
test_feedback_golden(void **state)
{
	(void)state;
	check_golden(aurora_feedback_body(93, "0b5e4a36-1c2d-4e8f-9a10-2b3c4d5e6f70", 1),
	    "feedback.golden.json");
}

static void
test_feedback_clamped(void **state)
{
	static const struct { int in, out; } cases[] = {
		{ 1, 1 }, { -1, -1 }, { 2, 1 }, { 1000, 1 }, { -2, -1 }, { -1000, -1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *body = aurora_feedback_body(1LL << 40, "svc", cases[i].in);
		json_t *root = load_body(body);
		check_feedback_schema(root);
		json_t *id = json_object_get(root, "auroraai_recommendation_id");
		assert_true(json_is_integer(id));
		assert_true(json_integer_value(id) == (json_int_t)1 << 40);
		json_t *list = json_object_get(root, "service_feedbacks");
		assert_int_equal(json_array_size(list), 1);
		json_t *one = json_array_get(list, 0);
		assert_string_equal(json_string_value(json_object_get(one, "service_id")), "svc");
		assert_int_equal(json_integer_value(json_object_get(one, "feedback_score")),
		    cases[i].out);
		json_decref(root);
		free(body);
	}
}

/* ---- reading answers ---- */

static bool
is_bidi(unsigned int cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* s is valid UTF-8 with no control, ESC, C1 or bidi control. */
static void
assert_safe(const char *s)
{
	if (s == NULL)
		return;
	for (const unsigned char *b = (const unsigned char *)s; *b != '\0'; b++)
		if (*b < 0x20 || *b == 0x7f)
			fail_msg("byte 0x%02x in \"%s\"", *b, s);
	size_t n = strlen(s);
	while (n > 0) {
		unsigned int cp;
		size_t len = utf8_decode(s, n, &cp);
		if (cp == 0xFFFD && (len != 3 || memcmp(s, FFFD, 3) != 0))
			fail_msg("invalid UTF-8 in \"%s\"", s);
		if (cp >= 0x80 && cp < 0xA0)
			fail_msg("C1 control U+%04X in a string", cp);
		if (is_bidi(cp))
			fail_msg("bidi control U+%04X in \"%s\"", cp, s);
		s += len;
		n -= len;
	}
}

static void
assert_safe_v(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_non_null(v[i]);
		assert_safe(v[i]);
	}
}

/* Every string of the results is safe to draw, and none is NULL where
 * the results promise a string. */
static void
assert_results_safe(const struct results *r)
{
	assert_safe(r->recommendation_id);
	for (size_t i = 0; i < r->n; i++) {
		const struct service *s = &r->v[i];
		assert_non_null(s->id);
		assert_non_null(s->name);
		assert_non_null(s->org);
		assert_non_null(s->summary);
		assert_safe(s->id);
		assert_safe(s->name);
		assert_safe(s->org);
		assert_safe(s->summary);
		assert_int_equal(s->rank, (int)i + 1);
		for (size_t j = 0; j < s->nch; j++) {
			const struct channel *c = &s->ch[j];
			assert_non_null(c->id);
			assert_safe(c->id);
			assert_safe(c->name);
			assert_safe(c->address);
			assert_safe(c->languages);
			assert_safe_v(c->phones, c->nphones);
			assert_safe_v(c->hours, c->nhours);
			assert_safe_v(c->emails, c->nemails);
			assert_safe_v(c->web, c->nweb);
		}
	}
}

static void
parse_text(const char *body, size_t len, enum lang lang, struct results *r)
{
	char *cause = NULL;
	int rc = aurora_parse(body, len, lang, r, &cause);
	if (rc != 0)
		fail_msg("aurora_parse: %s", cause ? cause : "(no cause)");
	assert_null(cause);
	assert_int_equal(r->source, SOURCE_BACKEND);
	assert_int_equal(r->lang, lang);
	assert_results_safe(r);
}

static void
parse_fixture(const char *name, enum lang lang, struct results *r)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", AURORA_DATA, name);
	char *body = tu_read(path);
	parse_text(body, strlen(body), lang, r);
	free(body);
}

static void
test_parse_deployed(void **state)
{
	struct results r;

	(void)state;
	parse_fixture("answer-deployed.json", LANG_FI, &r);
	assert_string_equal(r.recommendation_id, "4711");
	assert_int_equal(r.n, 2);

	struct service *s = &r.v[0];
	assert_string_equal(s->id, "11111111-aaaa-4bbb-8ccc-000000000001");
	assert_string_equal(s->name, "Asumisneuvonta");
	assert_string_equal(s->org, "Esimerkkilän kaupunki");
	assert_string_equal(s->summary, "Neuvontaa vuokra-asumisen ongelmiin.");
	assert_true(s->score > 0.8124 && s->score < 0.8126);
	assert_int_equal(s->rank, 1);
	assert_int_equal(s->nch, 2);

	struct channel *c = &s->ch[0];
	assert_string_equal(c->id, "33333333-aaaa-4bbb-8ccc-000000000003");
	assert_string_equal(c->name, "Asumisneuvonnan puhelin");
	assert_int_equal(c->type, CHANNEL_PHONE);
	assert_int_equal(c->nphones, 2);
	assert_string_equal(c->phones[0], "+358 9 000 0001");
	assert_string_equal(c->phones[1], "+358 9 000 0002");
	assert_int_equal(c->nhours, 2);
	assert_string_equal(c->hours[1], "Tiistai 09:00:00 - 15:00:00");
	assert_int_equal(c->nemails, 0);
	assert_int_equal(c->nweb, 0);

	c = &s->ch[1];
	assert_string_equal(c->name, "Asumisneuvonnan toimipiste");
	assert_int_equal(c->type, CHANNEL_LOCATION);
	assert_int_equal(c->nemails, 1);
	assert_string_equal(c->emails[0], "asumisneuvonta@example.invalid");
	assert_int_equal(c->nweb, 1);
	assert_string_equal(c->web[0], "https://example.invalid/asuminen");
	assert_string_equal(c->address, "Esimerkkikatu 1, 00100, Helsinki");

	s = &r.v[1];
	assert_string_equal(s->id, "11111111-aaaa-4bbb-8ccc-000000000005");
	assert_int_equal(s->rank, 2);
	assert_int_equal(s->nch, 1);
	assert_int_equal(s->ch[0].type, CHANNEL_ECHANNEL);
	assert_string_equal(s->ch[0].web[0], "https://example.invalid/asiointi");
	results_free(&r);
}

static void
test_parse_documented(void **state)
{
	struct results r;

	(void)state;
	parse_fixture("answer-documented.json", LANG_SV, &r);
	assert_int_equal(r.lang, LANG_SV);
	assert_string_equal(r.recommendation_id, "12");
	assert_int_equal(r.n, 1);
	struct service *s = &r.v[0];
	assert_string_equal(s->id, "44444444-aaaa-4bbb-8ccc-000000000001");
	assert_string_equal(s->org, "Esimerkkilän kunta");
	assert_int_equal(s->nch, 1);
	struct channel *c = &s->ch[0];
	/* The documented name field, and one string where a list is deployed. */
	assert_string_equal(c->name, "Perheneuvolan verkkosivu");
	assert_int_equal(c->type, CHANNEL_WEBPAGE);
	assert_int_equal(c->nphones, 1);
	assert_string_equal(c->phones[0], "+358 40 000 0003");
	assert_int_equal(c->nhours, 1);
	assert_string_equal(c->hours[0], "Arkisin 8-16");
	assert_int_equal(c->nemails, 1);
	assert_string_equal(c->emails[0], "perheneuvola@example.invalid");
	assert_int_equal(c->nweb, 1);
	assert_string_equal(c->web[0], "https://example.invalid/perheneuvola");
	assert_string_equal(c->address, "Kujatie 2, 00200, Helsinki");
	results_free(&r);
}

static void
test_parse_mixed(void **state)
{
	struct results r;

	(void)state;
	parse_fixture("answer-mixed.json", LANG_EN, &r);
	/* A recommendation id that is a string is kept as it is. */
	assert_string_equal(r.recommendation_id, "rec-7");
	assert_int_equal(r.n, 3);

	struct service *s = &r.v[0];
	assert_string_equal(s->id, "mixed-1");
	assert_string_equal(s->org, "");
	assert_string_equal(s->summary, "");
	assert_true(s->score == 0);
	/* Channels without an id, or that are no object, are dropped. */
	assert_int_equal(s->nch, 3);

	struct channel *c = &s->ch[0];
	assert_string_equal(c->id, "ch-both");
	assert_string_equal(c->name, "Kanavan oma nimi");	/* the deployed name wins */
	assert_int_equal(c->type, CHANNEL_FORM);
	/* Empty strings and items that are no string are left out. */
	assert_int_equal(c->nphones, 2);
	assert_string_equal(c->phones[0], "+358 9 000 0004");
	assert_string_equal(c->phones[1], "+358 9 000 0005");
	assert_int_equal(c->nhours, 0);
	assert_int_equal(c->nemails, 0);
	assert_int_equal(c->nweb, 0);
	assert_null(c->address);

	c = &s->ch[1];
	assert_string_equal(c->id, "ch-none");
	assert_null(c->name);
	assert_int_equal(c->type, CHANNEL_OTHER);	/* "Teleport" */
	assert_int_equal(c->nphones, 0);

	c = &s->ch[2];
	assert_string_equal(c->id, "ch-doc");
	assert_string_equal(c->name, "Dokumentin muoto");
	assert_int_equal(c->type, CHANNEL_OTHER);	/* no type given */
	assert_int_equal(c->nphones, 1);

	s = &r.v[1];
	assert_string_equal(s->id, "mixed-2");
	assert_true(s->score == 1.0);
	assert_int_equal(s->nch, 0);
	assert_string_equal(s->org, "");
	assert_string_equal(s->summary, "");

	s = &r.v[2];
	assert_string_equal(s->id, "mixed-3");
	assert_string_equal(s->org, "");	/* organisation without a name */
	results_free(&r);
}

static void
test_parse_skips_bad_services(void **state)
{
	struct results r;

	(void)state;
	parse_fixture("answer-invalid-services.json", LANG_FI, &r);
	assert_string_equal(r.recommendation_id, "5");
	assert_int_equal(r.n, 2);
	assert_string_equal(r.v[0].id, "ok-1");
	assert_string_equal(r.v[0].org, "Järjestäjä");
	assert_int_equal(r.v[0].rank, 1);
	assert_string_equal(r.v[1].id, "ok-2");
	assert_int_equal(r.v[1].rank, 2);
	assert_true(r.v[1].score == 0);
	results_free(&r);
}

/* Each wrong type on its own, between two good services. */
static void
test_parse_skips_each_wrong_type(void **state)
{
	static const char *const bad[] = {
		"{\"service_name\":\"n\"}",
		"{\"service_id\":\"b\"}",
		"{\"service_id\":1,\"service_name\":\"n\"}",
		"{\"service_id\":\"b\",\"service_name\":2}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"service_channels\":\"Phone\"}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"service_channels\":{}}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"similarity_score\":\"0.5\"}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"similarity_score\":[1]}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"responsible_organization\":\"Kunta\"}",
		"{\"service_id\":\"b\",\"service_name\":\"n\",\"responsible_organization\":[]}",
		"\"b\"", "7", "null", "[]",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct results r;
		char *body = xasprintf("{\"auroraai_recommendation_id\":1,\"recommended_services\":["
		    "{\"service_id\":\"a\",\"service_name\":\"A\"},%s,"
		    "{\"service_id\":\"c\",\"service_name\":\"C\"}]}", bad[i]);
		parse_text(body, strlen(body), LANG_FI, &r);
		if (r.n != 2)
			fail_msg("%s: %zu services kept, not 2", bad[i], r.n);
		assert_string_equal(r.v[0].id, "a");
		assert_string_equal(r.v[1].id, "c");
		results_free(&r);
		free(body);
	}
}

static json_t *
big_service(int i, size_t nch, size_t nphones)
{
	char id[32], name[32];
	json_t *chans = json_array();

	snprintf(id, sizeof id, "s%d", i);
	snprintf(name, sizeof name, "Palvelu %d", i);
	for (size_t k = 0; k < nch; k++) {
		char cid[48];
		json_t *phones = json_array();
		for (size_t j = 0; j < nphones; j++) {
			char ph[32];
			snprintf(ph, sizeof ph, "+358 9 %zu", j);
			json_array_append_new(phones, json_string(ph));
		}
		snprintf(cid, sizeof cid, "s%d-c%zu", i, k);
		json_array_append_new(chans, json_pack("{s:s, s:s, s:s, s:o, s:[s]}",
		    "service_channel_id", cid, "service_channel_name", "Kanava",
		    "service_channel_type", "Phone", "phone_numbers", phones,
		    "service_hours", "Aina"));
	}
	return json_pack("{s:s, s:s, s:f, s:o}", "service_id", id, "service_name", name,
	    "similarity_score", 1.0 / (i + 1), "service_channels", chans);
}

static char *
big_answer(int first_bad, int count, size_t nch, size_t nphones)
{
	json_t *list = json_array();

	for (int i = 0; i < count; i++) {
		if (i < first_bad)
			json_array_append_new(list, json_pack("{s:i, s:s}",
			    "service_id", i, "service_name", "bad"));
		else
			json_array_append_new(list, big_service(i, nch, nphones));
	}
	json_t *root = json_pack("{s:i, s:o}", "auroraai_recommendation_id", 77,
	    "recommended_services", list);
	assert_non_null(root);
	char *s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	assert_non_null(s);
	return s;
}

static void
test_parse_caps(void **state)
{
	struct results r;

	(void)state;
	char *body = big_answer(0, 60, 25, 25);
	parse_text(body, strlen(body), LANG_FI, &r);
	assert_int_equal(r.n, AURORA_MAX_SERVICES);
	assert_int_equal(AURORA_MAX_SERVICES, 50);
	assert_int_equal(AURORA_MAX_CHANNELS, 20);
	for (size_t i = 0; i < r.n; i++) {
		char id[32];
		snprintf(id, sizeof id, "s%zu", i);
		assert_string_equal(r.v[i].id, id);
		assert_int_equal(r.v[i].rank, (int)i + 1);
		assert_int_equal(r.v[i].nch, AURORA_MAX_CHANNELS);
		for (size_t k = 0; k < r.v[i].nch; k++) {
			char cid[48];
			snprintf(cid, sizeof cid, "s%zu-c%zu", i, k);
			assert_string_equal(r.v[i].ch[k].id, cid);
			assert_true(r.v[i].ch[k].nphones <= AURORA_MAX_CHANNELS);
		}
	}
	results_free(&r);
	free(body);

	/* Exactly at the caps: all kept. */
	body = big_answer(0, 50, 20, 3);
	parse_text(body, strlen(body), LANG_FI, &r);
	assert_int_equal(r.n, 50);
	assert_int_equal(r.v[49].nch, 20);
	assert_int_equal(r.v[49].ch[19].nphones, 3);
	results_free(&r);
	free(body);

	/* Bad services first do not use up the places of good ones. */
	body = big_answer(10, 70, 1, 1);
	parse_text(body, strlen(body), LANG_FI, &r);
	assert_int_equal(r.n, 50);
	assert_string_equal(r.v[0].id, "s10");
	assert_string_equal(r.v[49].id, "s59");
	results_free(&r);
	free(body);
}

static void
test_parse_empty_list(void **state)
{
	struct results r;
	static const char body[] = "{\"auroraai_recommendation_id\":3,\"recommended_services\":[]}";

	(void)state;
	parse_text(body, strlen(body), LANG_FI, &r);
	assert_int_equal(r.n, 0);
	assert_string_equal(r.recommendation_id, "3");
	results_free(&r);

	/* No recommendation id: none, not an error. */
	static const char noid[] = "{\"recommended_services\":[{\"service_id\":\"a\",\"service_name\":\"A\"}]}";
	parse_text(noid, strlen(noid), LANG_FI, &r);
	assert_null(r.recommendation_id);
	assert_int_equal(r.n, 1);
	results_free(&r);
}

static void
test_parse_not_an_answer(void **state)
{
	static const char *const bodies[] = {
		"", "not json", "<html><body>502 Bad Gateway</body></html>",
		"Validation error in request data: {'age': ['Unknown field.']}",
		"Server busy.", "{", "{}", "[]", "null", "42", "\"recommended_services\"",
		"{\"recommended_services\":{}}", "{\"recommended_services\":\"a\"}",
		"{\"recommended_services\":null}", "{\"services\":[]}",
		"{\"recommended_services\":[],\"recommended_services\":[]}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		struct results r;
		char *cause = NULL;
		int rc = aurora_parse(bodies[i], strlen(bodies[i]), LANG_FI, &r, &cause);
		if (rc != -1)
			fail_msg("\"%s\" was read as an answer", bodies[i]);
		assert_non_null(cause);
		assert_true(*cause != '\0');
		assert_null(strchr(cause, '\n'));
		assert_int_equal(r.n, 0);
		results_free(&r);	/* must be safe on a failed parse */
		free(cause);
	}

	/* A length shorter than the text: only that much is read. */
	static const char whole[] = "{\"recommended_services\":[]}";
	struct results r;
	char *cause = NULL;
	assert_int_equal(aurora_parse(whole, strlen(whole) - 1, LANG_FI, &r, &cause), -1);
	assert_non_null(cause);
	free(cause);
	results_free(&r);
}

static void
test_parse_cause_words(void **state)
{
	struct results r;
	char *cause = NULL;

	(void)state;
	assert_int_equal(aurora_parse("oops", 4, LANG_FI, &r, &cause), -1);
	assert_non_null(strstr(cause, "not JSON"));
	free(cause);
	results_free(&r);
	cause = NULL;
	assert_int_equal(aurora_parse("{}", 2, LANG_FI, &r, &cause), -1);
	assert_non_null(strstr(cause, "recommended_services"));
	free(cause);
	results_free(&r);
}

static void
test_parse_recommendation_id(void **state)
{
	static const struct { const char *json; const char *want; } cases[] = {
		{ "93", "93" },
		{ "0", "0" },
		{ "-5", "-5" },
		{ "9007199254740993", "9007199254740993" },
		{ "\"abc-1\"", "abc-1" },
		{ "\"\\u001b[31m7\"", "7" },
		{ "1.5", NULL },
		{ "true", NULL },
		{ "null", NULL },
		{ "[1]", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct results r;
		char *body = xasprintf("{\"auroraai_recommendation_id\":%s,\"recommended_services\":[]}",
		    cases[i].json);
		parse_text(body, strlen(body), LANG_FI, &r);
		if (cases[i].want == NULL)
			assert_null(r.recommendation_id);
		else
			assert_string_equal(r.recommendation_id, cases[i].want);
		results_free(&r);
		free(body);
	}
}

/* ---- hostile strings ---- */

static void
test_parse_hostile(void **state)
{
	struct results r;

	(void)state;
	parse_fixture("answer-hostile.json", LANG_FI, &r);	/* asserts safety */
	assert_string_equal(r.recommendation_id, "93");
	assert_int_equal(r.n, 1);
	struct service *s = &r.v[0];
	assert_string_equal(s->id, "evil-1");
	assert_string_equal(s->name, "Punainen palvelu");
	assert_string_equal(s->summary, "Otsikko vaihtui ei");
	assert_string_equal(s->org, "C1 virasto");
	assert_int_equal(s->nch, 1);
	struct channel *c = &s->ch[0];
	assert_string_equal(c->id, "ch-1");
	assert_string_equal(c->name, "Eristetty nimi");
	assert_int_equal(c->type, CHANNEL_PHONE);
	assert_int_equal(c->nphones, 3);
	assert_string_equal(c->phones[0], "091234");
	assert_string_equal(c->phones[1], "0800 000 000");
	assert_string_equal(c->phones[2], "112");
	assert_int_equal(c->nhours, 1);
	assert_string_equal(c->hours[0], "ma pe 9 -16");
	assert_int_equal(c->nemails, 1);
	assert_string_equal(c->emails[0], "a@example.invalid");
	assert_int_equal(c->nweb, 1);
	assert_string_equal(c->web[0], "https://example.invalid/evil");
	assert_string_equal(c->address, "Katu 1");
	results_free(&r);
}

/* Each hostile name through the JSON path (\u escapes). */
static void
test_parse_hostile_names(void **state)
{
	static const struct { const char *json; const char *want; } cases[] = {
		{ "\\u001b[31mRed\\u001b[0m", "Red" },
		{ "A\\u001b]0;x\\u0007B", "AB" },
		{ "A\\u001b]8;;https://evil.invalid\\u001b\\\\link\\u001b]8;;\\u001b\\\\B", "AlinkB" },
		{ "A\\u001bP1$qm\\u001b\\\\B", "AB" },
		{ "\\u009b31mC1\\u009b0m", "C1" },
		{ "A\\u009dB", "AB" },
		{ "\\u202eevil\\u202c", "evil" },
		{ "\\u2066a\\u2067b\\u2068c\\u2069", "abc" },
		{ "x\\u200ey\\u200fz\\u061c", "xyz" },
		{ "tab\\there", "tab here" },
		{ "line\\nbreak\\r", "line break " },
		{ "del\\u007f\\u0001\\u001f", "del" },
		{ "end\\u001b", "end" },
		{ "A\\u001b]0;no terminator", "A" },
		{ "Jyväskylä \\u00e5 \\u20ac \\ud83d\\ude00", "Jyväskylä å € 😀" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct results r;
		char *body = xasprintf("{\"recommended_services\":[{\"service_id\":\"%s\","
		    "\"service_name\":\"%s\",\"responsible_organization\":{\"name\":\"%s\"},"
		    "\"service_channels\":[{\"service_channel_id\":\"c\","
		    "\"service_channel_name\":\"%s\",\"phone_numbers\":[\"%s\"]}]}]}",
		    cases[i].json, cases[i].json, cases[i].json, cases[i].json,
		    cases[i].json);
		parse_text(body, strlen(body), LANG_FI, &r);
		assert_int_equal(r.n, 1);
		assert_string_equal(r.v[0].id, cases[i].want);
		assert_string_equal(r.v[0].name, cases[i].want);
		assert_string_equal(r.v[0].org, cases[i].want);
		assert_int_equal(r.v[0].nch, 1);
		assert_string_equal(r.v[0].ch[0].name, cases[i].want);
		if (*cases[i].want != '\0') {
			assert_int_equal(r.v[0].ch[0].nphones, 1);
			assert_string_equal(r.v[0].ch[0].phones[0], cases[i].want);
		}
		results_free(&r);
		free(body);
	}
}

/* What jansson refuses (raw invalid UTF-8, \u0000, lone surrogates) makes
 * the whole body unreadable, or else what is read is safe. */
static void
test_parse_refused_strings(void **state)
{
	static const char *const names[] = {
		"\xff\xfe", "ok\x80ok", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82",
		"\x1b[31mraw", "\xc2\x9b" "31mraw", "\xe2\x80\xae" "raw",
		"\\u0000", "a\\u0000b", "\\ud800", "\\udc00x",
	};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct results r;
		char *cause = NULL;
		char *body = xasprintf("{\"recommended_services\":[{\"service_id\":\"a\","
		    "\"service_name\":\"%s\"}]}", names[i]);
		int rc = aurora_parse(body, strlen(body), LANG_FI, &r, &cause);
		if (rc < 0) {
			assert_non_null(cause);
			assert_int_equal(r.n, 0);
			free(cause);
		} else {
			assert_null(cause);
			assert_results_safe(&r);
		}
		results_free(&r);
		free(body);
	}
}

/* Raw bytes cannot pass through JSON, so text_sanitize is checked alone. */
static void
test_sanitize_raw_bytes(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "\xff", FFFD },
		{ "ok\xffok", "ok" FFFD "ok" },
		{ "\xc0\xaf", FFFD FFFD },		/* overlong "/" */
		{ "\xed\xa0\x80", FFFD FFFD FFFD },	/* surrogate */
		{ "a\xe2\x82", "a" FFFD FFFD },		/* cut short */
		{ "\x80\xbf", FFFD FFFD },		/* lone continuations */
		{ "\xc2\x9b" "31mred", "red" },		/* C1 CSI */
		{ "\xc2\x85next", "next" },		/* C1 NEL */
		{ "\x9b" "31m", FFFD "31m" },		/* raw 0x9b is no character */
		{ "\x1b[31mred\x1b[0m", "red" },
		{ "\x1b]0;title\x07name", "name" },
		{ "\x1b]0;title\x1b\\name", "name" },
		{ "\xe2\x80\xae" "evil", "evil" },
		{ "\xe2\x81\xa6" "a\xe2\x81\xa9", "a" },
		{ "a\x7f" "b\x01" "c", "abc" },
		{ "Ärrä", "Ärrä" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *out = text_sanitize(cases[i].in, false);
		assert_safe(out);
		assert_string_equal(out, cases[i].want);
		free(out);
	}
	/* Every single byte, and every byte after ESC and after a C1 CSI. */
	for (int b = 1; b < 256; b++) {
		char in[8];
		snprintf(in, sizeof in, "%c", b);
		char *out = text_sanitize(in, false);
		assert_safe(out);
		free(out);
		snprintf(in, sizeof in, "\x1b%cx", b);
		out = text_sanitize(in, false);
		assert_safe(out);
		free(out);
		snprintf(in, sizeof in, "\xc2\x9b%cx", b);
		out = text_sanitize(in, false);
		assert_safe(out);
		free(out);
	}
}

/* ---- Content-Language ---- */

static void
test_content_language(void **state)
{
	static const struct { const char *in; int want; } cases[] = {
		{ "sv", LANG_SV },
		{ "sv-FI", LANG_SV },
		{ "fi, en", LANG_FI },
		{ "EN", LANG_EN },
		{ "de", -1 },
		{ NULL, -1 },
		{ "", -1 },
		{ "fi", LANG_FI },
		{ "en-GB", LANG_EN },
		{ "de, sv", LANG_SV },
		{ "de-DE,en", LANG_EN },
		{ "  sv  ", LANG_SV },
		{ "english", -1 },
		{ "s", -1 },
		{ ",,,", -1 },
		{ "*", -1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = aurora_content_language(cases[i].in);
		if (got != cases[i].want)
			fail_msg("\"%s\": %d, not %d", cases[i].in ? cases[i].in : "(null)",
			    got, cases[i].want);
	}
}

/* Service class URIs come through as the codes at their ends. */
static void
test_class_uris(void **state)
{
	static const char body[] =
	    "{\"auroraai_recommendation_id\": 7, \"recommended_services\": ["
	    "{\"service_id\": \"a\", \"service_name\": \"A\", \"service_class_uris\": ["
	    "\"http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P1.4\", \"P5\", 3]}]}";
	struct results r;
	char *cause = NULL;
	(void)state;

	assert_int_equal(aurora_parse(body, strlen(body), LANG_FI, &r, &cause), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].nclasses, 2);
	assert_string_equal(r.v[0].classes[0], "P1.4");
	assert_string_equal(r.v[0].classes[1], "P5");
	results_free(&r);
}

/* jansson's error text quotes the bad token, which is the server's raw
 * bytes: the cause must carry no control character (review 4). */
static void
test_parse_error_is_sanitized(void **state)
{
	static const char *const bodies[] = {
		"{\"a\": \x1b[2J}", "\x1b]0;pwn\x07", "{\"a\":\x1f}", "\xe2\x80\xae{",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		struct results r;
		char *cause = NULL;
		assert_int_equal(aurora_parse(bodies[i], strlen(bodies[i]), LANG_FI, &r, &cause), -1);
		assert_non_null(cause);
		for (const unsigned char *p = (const unsigned char *)cause; *p != '\0'; p++)
			if (*p < 0x20 || *p == 0x7f)
				fail_msg("body %zu: control character 0x%02x in \"%s\"", i, *p, cause);
		assert_null(strstr(cause, "\xe2\x80\xae"));
		results_free(&r);
		free(cause);
	}
}

int
main(void)
{
	tu_utf8_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_error_is_sanitized),
		cmocka_unit_test(test_golden_files_in_schema),
		cmocka_unit_test_setup_teardown(test_recommend_golden, setup, teardown),
		cmocka_unit_test(test_recommend_minimal),
		cmocka_unit_test_setup_teardown(test_recommend_never_age, setup, teardown),
		cmocka_unit_test(test_recommend_every_dimension),
		cmocka_unit_test_setup_teardown(test_recommend_no_meters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recommend_unknown_classes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recommend_no_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limit_clamped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_golden, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_language, setup, teardown),
		cmocka_unit_test(test_feedback_golden),
		cmocka_unit_test(test_feedback_clamped),
		cmocka_unit_test(test_parse_deployed),
		cmocka_unit_test(test_parse_documented),
		cmocka_unit_test(test_parse_mixed),
		cmocka_unit_test(test_parse_skips_bad_services),
		cmocka_unit_test(test_parse_skips_each_wrong_type),
		cmocka_unit_test(test_parse_caps),
		cmocka_unit_test(test_parse_empty_list),
		cmocka_unit_test(test_parse_not_an_answer),
		cmocka_unit_test(test_parse_cause_words),
		cmocka_unit_test(test_parse_recommendation_id),
		cmocka_unit_test(test_parse_hostile),
		cmocka_unit_test(test_parse_hostile_names),
		cmocka_unit_test(test_parse_refused_strings),
		cmocka_unit_test(test_sanitize_raw_bytes),
		cmocka_unit_test(test_content_language),
		cmocka_unit_test(test_class_uris),
	};
	return cmocka_run_group_tests_name("aurora", tests, NULL, tu_teardown);
}
