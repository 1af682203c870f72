/*
 * The register's contacts in the catalogue (issue 12): phone objects,
 * structured opening hours, an address per language, accessibility and
 * "origin": "ptv"; every bad field stops the load with "file:line:col:
 * what is wrong"; one service object per line of a JSONL file; and what
 * the result model and the words make of them, with a visible mark on a
 * text in another language.
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

#include "assets.h"
#include "catalogue.h"
#include "present.h"
#include "testutil.h"
#include "util.h"

#define FIXTURE TEST_DATA "/register/catalogue.json"

/* 2 December 2026, a Wednesday, 12:00 in Helsinki. */
#define WEDNESDAY_NOON ((time_t)1796205600)
/* 24 December 2026, Christmas Eve, 12:00. */
#define CHRISTMAS_EVE ((time_t)1798106400)

static char *
fixture(void)
{
	return tu_read(FIXTURE);
}

/* The real assets with the fixture, changed by from -> to, as catalogue. */
static const char *
variant(const char *from, const char *to)
{
	char *text = fixture();
	char *changed = from ? tu_replace(text, from, to) : xstrdup(text);
	const char *dir = tu_assets_variant(ASSETS_DIR, "catalogue.json", changed);
	free(text);
	free(changed);
	return dir;
}

static const struct cat_service *
service(const struct assets *a, const char *id)
{
	for (size_t i = 0; i < a->cat.n; i++)
		if (strcmp(a->cat.v[i].id, id) == 0)
			return &a->cat.v[i];
	fail_msg("no service %s", id);
	return NULL;
}

static void
test_good(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, variant(NULL, NULL));
	const struct cat_service *s = service(&a, "ptv-neuvola-kyllo");
	assert_true(s->from_register);
	const struct cat_channel *c = &s->ch[0];
	assert_int_equal(c->nphones, 2);
	assert_string_equal(c->phones[0], "+358 14 266 0111");
	assert_int_equal(c->phone[0].charge, PHONE_CHARGE_LOCAL);
	assert_string_equal(c->phone[0].info.v[LANG_FI], "Ajanvaraus");
	assert_int_equal(c->phone[0].lang, LANG_FI);
	assert_int_equal(c->phone[1].charge, PHONE_CHARGE_FREE);
	assert_int_equal(c->phone[1].lang, LANG_SV);
	assert_null(c->name.v[LANG_EN]);
	assert_int_equal(c->opening.n, 2);
	assert_int_equal(c->opening.v[0].kind, HOURS_NORMAL);
	assert_int_equal(c->opening.v[0].times[0].day_to, 5);
	assert_int_equal(c->opening.v[0].times[0].to, 16 * 60);
	assert_int_equal(c->opening.v[1].kind, HOURS_EXCEPTIONAL);
	assert_true(c->opening.v[1].closed);
	assert_int_equal(c->opening.v[1].valid_from, hours_days(2026, 12, 24));
	assert_string_equal(c->opening.v[1].info[LANG_SV], "Julafton");
	assert_string_equal(c->address.v[LANG_SV], "Kyllögatan 5, 40100 Jyväskylä");
	assert_null(c->address.v[LANG_EN]);
	assert_int_equal(c->naccess[LANG_FI], 2);
	assert_string_equal(c->access[LANG_EN][1], "The doors open automatically.");

	s = service(&a, "ptv-perhetyo-jyvaskyla");
	assert_int_equal(s->nevents, 1);
	assert_null(s->name.v[LANG_SV]);
	c = &s->ch[0];
	/* One address string serves every language. */
	for (int l = 0; l < LANG_COUNT; l++)
		assert_string_equal(c->address.v[l], "Kyllönkatu 5, 40100 Jyväskylä");
	assert_int_equal(c->phone[0].charge, PHONE_CHARGE_OTHER);
	assert_int_equal(c->phone[0].lang, -1);
	assert_int_equal(c->opening.v[0].valid_from, HOURS_OPEN_START);
	assert_int_equal(c->opening.v[0].valid_to, HOURS_OPEN_END);
	assets_free(&a);
}

struct broken {
	const char *name;
	const char *from, *to;	/* the change to the fixture */
	const char *at;		/* where the error is, in the changed text */
	const char *phrase;
};

#define MANY_ENTRIES \
	"{\"kind\":\"normal\",\"closed\":true},{\"kind\":\"normal\",\"closed\":true}," \
	"{\"kind\":\"normal\",\"closed\":true},{\"kind\":\"normal\",\"closed\":true},"
#define MANY_ENTRIES8 MANY_ENTRIES MANY_ENTRIES
#define MANY_TIMES \
	"{\"day_from\":1,\"from\":\"08:00\",\"to\":\"09:00\"},{\"day_from\":2,\"from\":\"08:00\",\"to\":\"09:00\"}," \
	"{\"day_from\":3,\"from\":\"08:00\",\"to\":\"09:00\"},{\"day_from\":4,\"from\":\"08:00\",\"to\":\"09:00\"},"
#define MANY_TIMES8 MANY_TIMES MANY_TIMES
#define MANY_SENTENCES "\"a.\", \"b.\", \"c.\", \"d.\", \"e.\", \"f.\", \"g.\", \"h.\", "

static const struct broken broken[] = {
	{ "phone: unknown charge",
	  "\"charge\": \"local\"", "\"charge\": \"paid\"",
	  "\"paid\"", "\"charge\" is \"free\", \"local\" or \"other\"" },
	{ "phone: object without a number",
	  "{ \"number\": \"014 266 0112\", \"charge\"", "{ \"charge\"",
	  "{ \"charge\": \"free\"", "missing \"number\"" },
	{ "phone: letters in an object's number",
	  "\"014 266 0112\"", "\"014 KYLLÖ\"",
	  "\"014 KYLLÖ\"", "a phone number holds only digits" },
	{ "phone: neither string nor object",
	  "{ \"number\": \"014 266 0112\", \"charge\": \"free\", \"language\": \"sv\" }", "42",
	  "42\n", "a phone number is a string or an object" },
	{ "phone: unknown language",
	  "\"free\", \"language\": \"sv\"", "\"free\", \"language\": \"de\"",
	  "\"de\"", "a language is \"fi\", \"sv\" or \"en\"" },
	{ "phone: unknown key",
	  "\"charge\": \"free\",", "\"charge\": \"free\", \"hours\": 1,",
	  "1, \"language\"", "unknown key \"hours\"" },
	{ "phone: info in German",
	  "\"en\": \"Appointments\"", "\"de\": \"Termine\"",
	  "\"Termine\"", "unknown key \"de\"" },
	{ "hours: day 8",
	  "\"day_to\": 5", "\"day_to\": 8",
	  "8, \"from\"", "\"day_to\" is 8, but must be from 1 to 7" },
	{ "hours: day 0",
	  "\"day_from\": 1, \"day_to\": 5", "\"day_from\": 0, \"day_to\": 5",
	  "0, \"day_to\"", "\"day_from\" is 0, but must be from 1 to 7" },
	{ "hours: time without a leading zero",
	  "\"from\": \"08:00\"", "\"from\": \"8:00\"",
	  "\"8:00\"", "\"from\" is \"8:00\", not a time \"HH:MM\"" },
	{ "hours: 24:00 opens nothing",
	  "\"from\": \"08:00\"", "\"from\": \"24:00\"",
	  "\"24:00\"", "not a time \"HH:MM\" from 00:00 to 23:59" },
	{ "hours: minute 60",
	  "\"to\": \"16:00\"", "\"to\": \"16:60\"",
	  "\"16:60\"", "\"to\" is \"16:60\"" },
	{ "hours: a date that does not exist",
	  "\"valid_from\": \"2026-01-01\"", "\"valid_from\": \"2026-02-30\"",
	  "\"2026-02-30\"", "not a date \"YYYY-MM-DD\" that exists" },
	{ "hours: a date in another form",
	  "\"valid_from\": \"2026-01-01\"", "\"valid_from\": \"1.1.2026\"",
	  "\"1.1.2026\"", "not a date" },
	{ "hours: valid_to before valid_from",
	  "\"valid_to\": \"2027-12-31\"", "\"valid_to\": \"2025-12-31\"",
	  "\"2025-12-31\"", "\"valid_to\" is before \"valid_from\"" },
	{ "hours: unknown kind",
	  "\"kind\": \"exceptional\"", "\"kind\": \"holiday\"",
	  "\"holiday\"", "\"kind\" is \"holiday\"" },
	{ "hours: closed and always open",
	  "\"closed\": true,", "\"closed\": true, \"always_open\": true,",
	  "{ \"kind\": \"exceptional\"", "not both \"closed\" and \"always_open\"" },
	{ "hours: closed is not a boolean",
	  "\"closed\": true,", "\"closed\": \"yes\",",
	  "\"yes\"", "\"closed\" must be" },
	{ "hours: open with no times",
	  ",\n              \"times\": [ { \"day_from\": 1, \"day_to\": 5, \"from\": \"08:00\", \"to\": \"16:00\" } ] }",
	  " }",
	  "{ \"kind\": \"normal\", \"valid_from\"", "needs \"times\" unless it is \"closed\" or \"always_open\"" },
	{ "hours: times of a closed day",
	  "\"closed\": true,", "\"closed\": true, \"times\": [{\"day_from\": 4, \"from\": \"10:00\", \"to\": \"12:00\"}],",
	  "[{\"day_from\": 4", "a \"closed\" or \"always_open\" entry has no \"times\"" },
	{ "hours: unknown key of a time",
	  "\"day_from\": 1, \"day_to\": 5,", "\"day_from\": 1, \"day_until\": 5,",
	  "5, \"from\"", "unknown key \"day_until\"" },
	{ "hours: 33 entries",
	  "\"opening_hours\": [", "\"opening_hours\": [" MANY_ENTRIES8 MANY_ENTRIES8 MANY_ENTRIES8 MANY_ENTRIES8 "{\"kind\":\"normal\",\"closed\":true},",
	  "[{\"kind\"", "\"opening_hours\" lists at most 32 entries" },
	{ "hours: 33 times",
	  "\"times\": [ {", "\"times\": [" MANY_TIMES8 MANY_TIMES8 MANY_TIMES8 MANY_TIMES8 " {",
	  "[{\"day_from\":1", "\"times\" lists at most 32 opening times" },
	{ "address: a number",
	  "\"address\": \"Kyllönkatu 5, 40100 Jyväskylä\"", "\"address\": 5",
	  "5,\n          \"accessibility\": { \"fi\": [\"Hissi", "\"address\" is a string or an object" },
	{ "address: an empty string",
	  "\"address\": \"Kyllönkatu 5, 40100 Jyväskylä\"", "\"address\": \"\"",
	  "\"\",\n", "\"address\" is a string or an object" },
	{ "address: in German",
	  "\"sv\": \"Kyllögatan 5, 40100 Jyväskylä\"", "\"de\": \"Kyllöstraße 5\"",
	  "\"Kyllöstraße 5\"", "unknown key \"de\"" },
	{ "accessibility: 17 sentences",
	  "\"fi\": [\"Hissi on pääovien vieressä.\"]",
	  "\"fi\": [" MANY_SENTENCES MANY_SENTENCES "\"Hissi on pääovien vieressä.\"]",
	  "[\"a.\"", "at most 16 sentences per language" },
	{ "accessibility: not a list",
	  "\"fi\": [\"Hissi on pääovien vieressä.\"]", "\"fi\": \"Hissi on pääovien vieressä.\"",
	  "\"Hissi on pääovien vieressä.\" }", "\"fi\" must be a list" },
	{ "accessibility: an empty sentence",
	  "\"Hissi on pääovien vieressä.\"", "\"\"",
	  "\"\"]", "must be a non-empty string" },
	{ "accessibility: a control character",
	  "\"Ingången är i gatuplanet.\"", "\"Ingången\\u001b[31m är i gatuplanet.\"",
	  "\"Ingången\\u001b", "text holds a control, bidi or invisible character" },
	{ "origin: not ptv",
	  "\"origin\": \"ptv\"", "\"origin\": \"kela\"",
	  "\"kela\"", "\"origin\" is \"ptv\" or absent" },
	{ "origin: without it, a Finnish-only name is not enough",
	  "\"origin\": \"ptv\",\n      \"service_name\": { \"fi\": \"Lapsiperheiden kotipalvelu\" }",
	  "\"service_name\": { \"fi\": \"Lapsiperheiden kotipalvelu\" }",
	  "{ \"fi\": \"Lapsiperheiden kotipalvelu\" }", "missing \"sv\"" },
	{ "channel: a name in no language",
	  "\"service_channel_name\": { \"fi\": \"Perhepalvelut Kyllö\" }", "\"service_channel_name\": {}",
	  "{},\n          \"phone_numbers\": [ { \"number\": \"014 266 0200\"", "needs at least one of" },
};

static void
check(const struct broken *b)
{
	char *text = fixture();
	char *changed = tu_replace(text, b->from, b->to);
	const char *dir = tu_assets_variant(ASSETS_DIR, "catalogue.json", changed);
	char path[4096];
	int line, col;

	snprintf(path, sizeof path, "%s/catalogue.json", dir);
	tu_pos(changed, b->at, 0, &line, &col);
	char *cause = tu_load_fail(dir);
	if (!tu_cause_ok(cause, path, line, col, b->phrase))
		print_error("case \"%s\":\n", b->name);
	tu_assert_cause(cause, path, line, col, b->phrase);
	free(cause);
	free(changed);
	free(text);
}

static void
test_broken(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		check(&broken[i]);
		tu_cleanup();
	}
}

/* Without "origin", the bundled catalogue's rules: life events needed. */
static void
test_bundled_rules(void **state)
{
	(void)state;
	char *text = fixture();
	/* The clinic, which is whole in three languages, without origin and
	 * life events. */
	char *a = tu_replace(text, "\"origin\": \"ptv\",\n      \"service_name\": { \"fi\": \"Neuvola",
	    "\"service_name\": { \"fi\": \"Neuvola");
	char *b = tu_replace(a, "\"life_events\": [\"KE1\"],\n      \"area\": { \"municipalities\": [\"179\"] },\n      \"relevance\": { \"working_studying\": 0.0, \"family\": 0.9", "\"life_events\": [],\n      \"area\": { \"municipalities\": [\"179\"] },\n      \"relevance\": { \"working_studying\": 0.0, \"family\": 0.9");
	const char *dir = tu_assets_variant(ASSETS_DIR, "catalogue.json", b);
	char path[4096];
	int line, col;
	snprintf(path, sizeof path, "%s/catalogue.json", dir);
	tu_pos(b, "[],\n      \"area\": { \"municipalities\": [\"179\"] },\n      \"relevance\": { \"working_studying\": 0.0, \"family\": 0.9", 0, &line, &col);
	char *cause = tu_load_fail(dir);
	tu_assert_cause(cause, path, line, col, "\"life_events\" must not be empty");
	free(cause);
	free(a);
	free(b);
	free(text);
}

/* The cache reader's way: one service object per line. */
static void
test_jsonl(void **state)
{
	struct assets a;
	struct cat_service s;
	char *cause = NULL;
	json_error_t e;
	(void)state;

	tu_load(&a, variant(NULL, NULL));
	struct catalogue_codes codes = {
		.quest = &a.quest, .life_events = &a.life_events,
		.classes = &a.classes, .groups = &a.groups, .munis = &a.munis,
	};
	json_t *root = json_load_file(FIXTURE, 0, &e);
	assert_non_null(root);
	json_t *svc = json_array_get(json_object_get(root, "services"), 1);
	char *line = json_dumps(svc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);

	struct catalogue_loader *ld = catalogue_loader_new(&codes, "ptv-services.jsonl");
	assert_int_equal(catalogue_parse_service(ld, line, 2, &s, &cause), 0);
	assert_string_equal(s.id, "ptv-perhetyo-jyvaskyla");
	assert_true(s.from_register);
	cat_service_free(&s);
	/* The register's entries may name no life event. */
	char *none = tu_replace(line, "\"life_events\":[\"KE1\"]", "\"life_events\":[]");
	assert_int_equal(catalogue_parse_service(ld, none, 3, &s, &cause), 0);
	assert_int_equal(s.nevents, 0);
	free(none);
	assert_int_equal(s.ch[0].opening.n, 1);
	cat_service_free(&s);

	/* A bad field on line 7: the file's line, the column in the line. */
	char *bad = tu_replace(line, "\"charge\":\"other\"", "\"charge\":\"dear\"");
	int l, col;
	tu_pos(bad, "\"dear\"", 0, &l, &col);
	assert_int_equal(l, 1);
	assert_int_equal(catalogue_parse_service(ld, bad, 7, &s, &cause), -1);
	tu_assert_cause(cause, "ptv-services.jsonl", 7, col, "\"charge\" is \"free\", \"local\" or \"other\"");
	assert_null(s.id);
	free(cause);
	/* JSON syntax on line 9. */
	assert_int_equal(catalogue_parse_service(ld, "{\"service_id\": ", 9, &s, &cause), -1);
	assert_true(strncmp(cause, "ptv-services.jsonl:9:", 21) == 0);
	free(cause);
	/* The loader goes on after a failure. */
	assert_int_equal(catalogue_parse_service(ld, line, 10, &s, &cause), 0);
	cat_service_free(&s);
	catalogue_loader_free(ld);
	free(bad);
	free(line);
	assets_free(&a);
}

static void
check_str(const char *got, const char *want)
{
	if (got == NULL || strcmp(got, want) != 0)
		print_error("got  \"%s\"\nwant \"%s\"\n", got ? got : "(null)", want);
	assert_non_null(got);
	assert_string_equal(got, want);
}

static void
test_result_and_words(void **state)
{
	struct assets a;
	struct service s;
	char *v;
	(void)state;

	tu_load(&a, variant(NULL, NULL));
	/* English: the channel's name and address exist only in Finnish
	 * and Swedish, and say so. */
	catalogue_to_result(service(&a, "ptv-neuvola-kyllo"), LANG_EN, &s);
	const struct channel *c = &s.ch[0];
	assert_int_equal(s.name_in, 0);
	assert_int_equal(c->name_in, TEXT_LANG(LANG_FI));
	check_str(v = present_fallback(c->name, c->name_in), "Neuvola Kyllö (in Finnish)");
	free(v);
	check_str(v = present_fallback(c->address, c->address_in), "Kyllönkatu 5, 40100 Jyväskylä (in Finnish)");
	free(v);
	assert_non_null(c->phone_about);
	check_str(v = present_phone_notes(c, 0), "Appointments · local network or mobile charge");
	free(v);
	check_str(v = present_phone(c, 0, LANG_EN), "+358 14 266 0111 (in Finnish)");
	free(v);
	check_str(v = present_phone_notes(c, 1), "free of charge");
	free(v);
	assert_int_equal(c->naccess, 2);
	assert_int_equal(c->access_in, 0);
	check_str(v = present_today(&c->opening, WEDNESDAY_NOON, LANG_EN),
	    "Open today 8 am – 4 pm · open now, closes at 4 pm");
	free(v);
	check_str(v = present_week(&c->opening, WEDNESDAY_NOON, LANG_EN),
	    "Mon–Fri 8 am – 4 pm, Sat–Sun closed");
	free(v);
	check_str(v = present_today(&c->opening, CHRISTMAS_EVE, LANG_EN),
	    "Closed today · closed now · Christmas Eve");
	free(v);
	service_free(&s);

	/* Finnish and Swedish times. */
	catalogue_to_result(service(&a, "ptv-neuvola-kyllo"), LANG_FI, &s);
	c = &s.ch[0];
	assert_int_equal(c->address_in, 0);
	check_str(v = present_today(&c->opening, WEDNESDAY_NOON - 5 * 3600, LANG_FI),
	    "Open today 8.00–16.00 · closed now, opens at 8.00");
	free(v);
	check_str(v = present_phone(c, 1, LANG_FI), "014 266 0112 (in Swedish)");
	free(v);
	service_free(&s);
	catalogue_to_result(service(&a, "ptv-neuvola-kyllo"), LANG_SV, &s);
	check_str(v = present_today(&s.ch[0].opening, WEDNESDAY_NOON, LANG_SV),
	    "Open today kl. 8–16 · open now, closes at 16");
	free(v);
	service_free(&s);

	/* Swedish screen, Finnish-only service: every text marked. */
	catalogue_to_result(service(&a, "ptv-perhetyo-jyvaskyla"), LANG_SV, &s);
	c = &s.ch[0];
	assert_int_equal(s.name_in, TEXT_LANG(LANG_FI));
	assert_int_equal(s.summary_in, TEXT_LANG(LANG_FI));
	check_str(v = present_fallback(s.name, s.name_in), "Lapsiperheiden kotipalvelu (in Finnish)");
	free(v);
	assert_int_equal(c->address_in, 0);	/* one string for all */
	assert_int_equal(c->access_in, TEXT_LANG(LANG_FI));
	check_str(v = present_fallback_mark(c->access_in), "(in Finnish)");
	free(v);
	check_str(v = present_phone_notes(c, 0), "Puhelun hinta 0,20 €/min (in Finnish)");
	free(v);
	service_free(&s);
	assets_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_good, tu_teardown),
		cmocka_unit_test_teardown(test_broken, tu_teardown),
		cmocka_unit_test_teardown(test_bundled_rules, tu_teardown),
		cmocka_unit_test_teardown(test_jsonl, tu_teardown),
		cmocka_unit_test_teardown(test_result_and_words, tu_teardown),
	};
	tu_utf8_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
