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
#include "present.h"
#include "testutil.h"

/* ---- the real assets and the fixture ---- */

static void
test_real_assets(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	assert_int_equal(a.quest.nevents, 12);
	/* Every unit has its plural forms. */
	const struct question *children = &a.quest.q[tu_q(&a, "ke1-children")];
	char *c1 = present_number(children, 1), *c2 = present_number(children, 2);
	assert_string_equal(c1, "1 child");
	assert_string_equal(c2, "2 children");
	free(c1);
	free(c2);
	/* The reasons say the number with its unit too. */
	struct reason r = { .kind = REASON_ANSWER, .question = tu_q(&a, "ke1-children"), .option = -1, .value = 1 };
	char *why = present_reason(&r, &a.quest);
	assert_string_equal(why, "Children at home: 1 child");
	free(why);
	r.value = 3;
	why = present_reason(&r, &a.quest);
	assert_string_equal(why, "Children at home: 3 children");
	free(why);
	assert_true(a.cat.n >= 40);
	assert_int_equal(a.munis.n, 308);
	assert_string_equal(a.dir, ASSETS_DIR);
	/* The layout quest.h promises. */
	assert_string_equal(a.quest.q[QUEST_EVENT_QUESTION].id, "event");
	assert_int_equal(a.quest.q[QUEST_EVENT_QUESTION].nopts, 12);
	assert_int_equal(a.quest.common_first - a.quest.meter_first, DIM_COUNT);
	assert_int_equal(a.quest.q[a.quest.municipality_q].type, Q_MUNICIPALITY);
	assert_string_equal(a.quest.q[a.quest.age_q].id, "age");
	for (size_t i = 0; i < a.quest.nevents; i++) {
		const struct event *e = &a.quest.events[i];
		assert_in_range(e->nmeters, 1, 2);
		assert_in_range(e->count, 2, 5);
		/* At most two 0-10 screens per event, its own scales included. */
		size_t scales = e->nmeters;
		/* Nobody just bereaved or separating is asked about family life. */
		if (strcmp(e->id, "KE14") == 0 || strcmp(e->id, "KE7") == 0)
			for (size_t m = 0; m < e->nmeters; m++)
				assert_int_not_equal(e->meters[m], DIM_FAMILY);
		for (size_t k = e->first; k < e->first + e->count; k++) {
			const struct question *q = &a.quest.q[k];
			if (q->type == Q_SCALE)
				assert_true(++scales <= 2);
			assert_int_equal(q->event, (int)i);
			/* A condition names an earlier question of the event. */
			if (q->when.kind != COND_NONE)
				assert_true(q->when.question >= e->first && q->when.question < k);
		}
	}
	/* Helsinki and a Swedish name. */
	long h = munis_find(&a.munis, "091");
	assert_true(h >= 0);
	assert_string_equal(muni_name(&a.munis.v[h], LANG_SV), "Helsingfors");
	/* Eligibility and first steps, in the questionnaire's conditions. */
	long studying = quest_condition(&a.quest, "studying");
	long jobseeker = quest_condition(&a.quest, "jobseeker");
	long registered = quest_condition(&a.quest, "registered-jobseeker");
	long immigrant = quest_condition(&a.quest, "immigrant");
	long pension_age = quest_condition(&a.quest, "pension-age");
	long expecting = quest_condition(&a.quest, "expecting");
	assert_true(studying >= 0 && jobseeker >= 0 && registered >= 0 &&
	    immigrant >= 0 && pension_age >= 0 && expecting >= 0);
	assert_int_equal(quest_condition(&a.quest, "no-such-condition"), -1);
	size_t checked = 0;
	for (size_t i = 0; i < a.cat.n; i++) {
		const struct cat_service *s = &a.cat.v[i];
		if (strcmp(s->id, "kela-student-financial-aid") == 0) {
			assert_int_equal(s->elig.forv.n, 1);
			assert_true(s->elig.forv.v[0] == COND_BIT(studying));
			assert_true(s->elig.unless_no == 0 && s->elig.not_for == 0);
			assert_int_equal(s->elig.age_min, 17);
			assert_int_equal(s->elig.age_max, 64);
			assert_false(first_step_exists(&s->step));
			checked++;
		} else if (strcmp(s->id, "employment-area-jobseeker-registration") == 0) {
			assert_int_equal(s->elig.forv.n, 1);
			assert_true(s->elig.forv.v[0] == COND_BIT(jobseeker));
			assert_true(s->elig.not_for == COND_BIT(registered));
			assert_int_equal(s->elig.age_min, -1);
			assert_true(first_step_exists(&s->step));
			assert_int_equal(s->step.when.n, 1);
			assert_true(s->step.when.v[0] == COND_BIT(jobseeker));
			assert_true(s->step.unless == (COND_BIT(registered) |
			    COND_BIT(immigrant) | COND_BIT(pension_age)));
			for (int l = 0; l < LANG_COUNT; l++)
				assert_non_null(s->step.text.v[l]);
			checked++;
		} else if (strcmp(s->id, "dvv-notification-of-move") == 0) {
			/* No eligibility: open to all; a step for everyone. */
			assert_int_equal(s->elig.forv.n, 0);
			assert_true(s->elig.unless_no == 0 && s->elig.not_for == 0);
			assert_int_equal(s->elig.age_min, -1);
			assert_int_equal(s->elig.age_max, -1);
			assert_true(first_step_exists(&s->step));
			assert_int_equal(s->step.when.n, 0);
			assert_true(s->step.unless == 0);
			checked++;
		} else if (strcmp(s->id, "kela-parental-allowances") == 0) {
			/* Open to all who have a child; a step for the expecting. */
			assert_int_equal(s->elig.forv.n, 0);
			assert_true(s->elig.unless_no == 0);
			assert_int_equal(s->elig.age_min, -1);
			assert_true(first_step_exists(&s->step));
			assert_int_equal(s->step.when.n, 1);
			assert_true(s->step.when.v[0] == COND_BIT(expecting));
			checked++;
		}
	}
	assert_int_equal(checked, 4);
	/* Every service has the relevance of all ten dimensions in 0..1. */
	for (size_t i = 0; i < a.cat.n; i++) {
		assert_true(a.cat.v[i].nevents > 0);
		for (int d = 0; d < DIM_COUNT; d++)
			assert_true(a.cat.v[i].relevance[d] >= 0 && a.cat.v[i].relevance[d] <= 1);
	}
	assets_free(&a);
	assert_null(a.dir);
	assert_int_equal(a.cat.n, 0);
}

static void
test_mini_assets(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, TU_MINI);
	assert_int_equal(a.quest.nevents, 3);
	assert_int_equal(a.cat.n, 7);
	assert_int_equal(a.munis.n, 7);
	assert_string_equal(a.cat.date, "2025-06-30");
	/* 0 event, 8 follow-ups, 10 meters, municipality and age. */
	assert_int_equal(a.quest.nq, 1 + 8 + DIM_COUNT + 2);
	assert_int_equal(a.quest.meter_first, 9);
	assert_int_equal(a.quest.common_first, 19);

	/* Codes and their lookups. */
	assert_true(codes_has(&a.life_events, "KE4.2"));
	assert_false(codes_has(&a.life_events, "KE99"));
	assert_string_equal(codes_uri(&a.classes, "P3.2"),
	    "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P3.2");
	assert_null(codes_uri(&a.groups, "KR9"));

	/* The event question copies each event's effects and adds its code. */
	const struct choice *ke1 = &a.quest.q[QUEST_EVENT_QUESTION].opts[0];
	assert_string_equal(ke1->id, "KE1");
	assert_string_equal(ke1->label, "Having a child");
	assert_int_equal(ke1->fx.nevents, 1);
	assert_string_equal(ke1->fx.events[0], "KE1");
	assert_string_equal(ke1->fx.classes[0], "P3.2");
	assert_string_equal(ke1->fx.groups[0], "KR1.2");

	/* Questions, as loaded. */
	const struct question *help = &a.quest.q[tu_q(&a, "ke1-help")];
	assert_int_equal(help->type, Q_MULTI);
	assert_int_equal(help->when.kind, COND_ANY);
	assert_int_equal(help->when.question, tu_q(&a, "ke1-stage"));
	assert_int_equal(help->when.any, 0x7);		/* expecting, baby, adoption */
	assert_true(help->optional);
	assert_int_equal(help->opts[2].fx.meters[DIM_HEALTH], 4);
	assert_int_equal(help->opts[2].fx.meters[DIM_RESILIENCE], 2);
	assert_int_equal(help->opts[2].fx.meters[DIM_FAMILY], -1);
	const struct question *months = &a.quest.q[tu_q(&a, "ke8-months")];
	assert_int_equal(months->type, Q_NUMBER);
	assert_int_equal(months->min, 0);
	assert_int_equal(months->max, 120);
	/* The unit's singular and plural (gettext's msgid and
	 * msgid_plural); with no catalogue, English's forms. */
	assert_string_equal(months->unit_one, "month");
	assert_string_equal(months->unit_other, "months");
	assert_string_equal(quest_unit(months, 1), "month");
	assert_string_equal(quest_unit(months, 2), "months");
	assert_string_equal(quest_unit(months, 0), "months");
	char *n1 = present_number(months, 1), *n3 = present_number(months, 3);
	assert_string_equal(n1, "1 month");
	assert_string_equal(n3, "3 months");
	free(n1);
	free(n3);
	assert_int_equal(months->nbands, 3);
	assert_int_equal(months->bands[2].min, 12);
	assert_int_equal(months->bands[2].fx.meters[DIM_SELF_ESTEEM], 4);
	const struct question *ability = &a.quest.q[tu_q(&a, "ke8-ability")];
	assert_int_equal(ability->when.kind, COND_RANGE);
	assert_int_equal(ability->when.min, 12);
	assert_int_equal(ability->when.max, 120);	/* defaults to the question's max */
	/* An answer's context; with no catalogue, its label is the msgid. */
	assert_string_equal(ability->opts[0].context, "ke8-ability");
	assert_null(ability->opts[1].context);
	assert_string_equal(quest_label(&ability->opts[0]), "Yes");
	assert_string_equal(quest_label(&ability->opts[1]), "No");
	const struct question *coping = &a.quest.q[tu_q(&a, "ke4-coping")];
	assert_int_equal(coping->type, Q_SCALE);
	assert_int_equal(coping->meter, DIM_RESILIENCE);
	assert_int_equal(a.quest.q[tu_q(&a, "meter-housing")].meter, DIM_HOUSING);
	assert_string_equal(quest_short(&a.quest, tu_q(&a, "ke1-stage")), "Situation");
	assert_string_equal(quest_short(&a.quest, tu_q(&a, "ke1-help")), "Help needed");
	const struct question *age = &a.quest.q[a.quest.age_q];
	assert_int_equal(age->opts[1].age_min, 18);
	assert_int_equal(age->opts[3].age_min, -1);	/* prefer not to say */
	assert_int_equal(quest_find(&a.quest, "nope"), -1);
	assert_int_equal(quest_option(&a.quest, tu_q(&a, "ke1-stage"), "nope"), -1);

	/* Sub-events find their event; unrelated codes do not. */
	assert_int_equal(quest_event_for(&a.quest, "KE4.2"), 1);
	assert_int_equal(quest_event_for(&a.quest, "KE1"), 0);
	assert_int_equal(quest_event_for(&a.quest, "KE11"), -1);	/* not KE1 */
	assert_int_equal(quest_event_for(&a.quest, "KE40"), -1);

	/* The catalogue. */
	const struct cat_service *s = &a.cat.v[0];
	assert_string_equal(s->id, "kela-child-benefit");
	assert_string_equal(ltext_get(&s->name, LANG_SV), "Barnbidrag");
	assert_null(s->municipalities);
	assert_int_equal(s->nch, 2);
	assert_int_equal(s->ch[1].type, CHANNEL_PHONE);
	assert_int_equal(s->ch[1].languages, (1u << LANG_FI) | (1u << LANG_SV));
	/* A missing language falls back to English. */
	assert_string_equal(ltext_get(&s->ch[0].web, LANG_SV), "https://example.fi/child-benefit");
	assert_true(s->relevance[DIM_FAMILY] > 0.89 && s->relevance[DIM_FAMILY] < 0.91);
	const struct cat_service *local = &a.cat.v[2];
	assert_string_equal(local->id, "helsinki-family-clinic");
	assert_int_equal(local->nmunicipalities, 1);
	assert_string_equal(local->municipalities[0], "091");
	assert_string_equal(local->ch[0].address.v[LANG_FI], "Esimerkkikatu 1, 00500 Helsinki");
	assert_int_equal(a.cat.v[1].nch, 0);	/* no channels is allowed */
	assets_free(&a);
}

/* The kiosk's two steps: the municipalities, then the rest; together
 * what assets_load() reads. */
static void
test_load_in_two_steps(void **state)
{
	(void)state;
	struct assets a;
	char *cause = NULL;

	assert_int_equal(assets_load_first(&a, TU_MINI, &cause), 0);
	assert_true(a.munis.n > 0);
	assert_int_equal(a.quest.nq, 0);
	assert_int_equal(a.cat.n, 0);
	assert_int_equal(assets_load_rest(&a, &cause), 0);
	assert_true(a.quest.nq > 0);
	assert_true(a.cat.n > 0);
	assets_free(&a);

	/* A broken catalogue fails the second step with its FILE:LINE:COL;
	 * what was read is freed by assets_free(). */
	const char *dir = tu_mini_variant("catalogue.json", "\"services\": [",
	    "\"services\": [,");
	assert_int_equal(assets_load_first(&a, dir, &cause), 0);
	assert_int_equal(assets_load_rest(&a, &cause), -1);
	assert_non_null(strstr(cause, "/catalogue.json:"));
	free(cause);
	assets_free(&a);
}

static void
test_missing_dir(void **state)
{
	(void)state;
	char *cause = tu_load_fail(TEST_DATA "/no-such-dir");
	/* The first file read: the municipalities, which the kiosk reads
	 * before its first screen (assets_load_first). */
	assert_non_null(strstr(cause, TEST_DATA "/no-such-dir/municipalities.tsv"));
	free(cause);
}

/* ---- broken inputs ---- */

struct broken {
	const char *name;
	const char *file;
	const char *from, *to;	/* the change to the mini fixture */
	const char *at;		/* where the error is: the first occurrence */
	size_t skip;		/* ... plus this many characters */
	const char *phrase;
};

/* Make the change, load, and check "dir/file:line:col: ...phrase...". */
static void
check_broken(const struct broken *b)
{
	char path[4096];
	const char *dir = tu_mini_variant(b->file, b->from, b->to);
	snprintf(path, sizeof path, "%s/%s", dir, b->file);
	char *text = tu_read(path);
	int line, col;
	tu_pos(text, b->at, b->skip, &line, &col);
	char *cause = tu_load_fail(dir);
	if (!tu_cause_ok(cause, path, line, col, b->phrase))
		print_error("case \"%s\":\n", b->name);
	tu_assert_cause(cause, path, line, col, b->phrase);
	free(cause);
	free(text);
}

static const struct broken broken_questions[] = {
	{ "JSON syntax: trailing comma", "questions.json",
	  "[\"family\", \"finance\"]", "[\"family\", \"finance\",]",
	  "\"finance\",]", 10, "unexpected token" },
	{ "unknown key (typo)", "questions.json",
	  "\"short\": \"Situation\"", "\"shrot\": \"Situation\"",
	  "\"shrot\": ", 9, "unknown key \"shrot\"" },
	{ "unknown top-level key", "questions.json",
	  "\"events\": [", "\"event\": [],\n  \"events\": [",
	  "\"event\": ", 9, "unknown key \"event\"" },
	{ "unknown service class", "questions.json",
	  "\"We are expecting a baby\", \"classes\": [\"P5.2\"]",
	  "\"We are expecting a baby\", \"classes\": [\"P99\"]",
	  "\"P99\"", 0, "unknown service class \"P99\"" },
	{ "unknown target group", "questions.json",
	  "\"target_groups\": [\"KR1.3\"] }", "\"target_groups\": [\"KR1.1\", \"KR7\"] }",
	  "\"KR7\"", 0, "unknown target group \"KR7\"" },
	{ "unknown life event of an option", "questions.json",
	  "\"events\": [\"KE4.3\"]", "\"events\": [\"KE4.9\"]",
	  "\"KE4.9\"", 0, "unknown life event \"KE4.9\"" },
	{ "unknown event id", "questions.json",
	  "\"id\": \"KE8\"", "\"id\": \"KE88\"",
	  "\"KE88\"", 0, "unknown life event \"KE88\"" },
	{ "a unit without its plural", "questions.json",
	  "\"unit\": { \"one\": \"month\", \"other\": \"months\" }", "\"unit\": \"months\"",
	  "\"months\"", 0, "a unit is an object with its singular and plural" },
	{ "when names a later question", "questions.json",
	  "\"when\": { \"question\": \"ke1-stage\"", "\"when\": { \"question\": \"ke1-support\"",
	  "\"question\": \"ke1-support\"", 12, "\"when\" must name an earlier question of the same event" },
	{ "when names the question itself", "questions.json",
	  "\"when\": { \"question\": \"ke1-help\", \"any\": [\"tired\"] }",
	  "\"when\": { \"question\": \"ke1-support\", \"any\": [\"yes\"] }",
	  "\"question\": \"ke1-support\", \"any\": [\"yes\"]", 12, "not \"ke1-support\"" },
	{ "when names another event's question", "questions.json",
	  "\"when\": { \"question\": \"ke4-kind\"", "\"when\": { \"question\": \"ke1-stage\"",
	  "\"when\": { \"question\": \"ke1-stage\", \"any\": [\"first\"", 22,
	  "not \"ke1-stage\"" },
	{ "when names an option that is not there", "questions.json",
	  "\"any\": [\"tired\"]", "\"any\": [\"sleepy\"]",
	  "\"sleepy\"", 0, "question \"ke1-help\" has no such option" },
	{ "when: any on a number", "questions.json",
	  "\"question\": \"ke8-months\", \"min\": 12", "\"question\": \"ke8-months\", \"any\": [\"x\"]",
	  "\"when\": { \"question\": \"ke8-months\"", 8, "\"any\" applies to choices" },
	{ "unknown dimension of a scale", "questions.json",
	  "\"meter\": \"resilience\"", "\"meter\": \"resilence\"",
	  "\"meter\": \"resilence\"", 9, "unknown life-situation dimension \"resilence\"" },
	{ "unknown dimension in an option's meters", "questions.json",
	  "\"meters\": { \"finance\": 3 }", "\"meters\": { \"financ\": 3 }",
	  "\"financ\": ", 10, "unknown life-situation dimension \"financ\"" },
	{ "unknown dimension of an event", "questions.json",
	  "[\"housing\", \"friends\"]", "[\"housing\", \"fiends\"]",
	  "\"fiends\"", 0, "not a life-situation dimension" },
	{ "three meters for an event", "questions.json",
	  "[\"housing\", \"friends\"]", "[\"housing\", \"friends\", \"health\"]",
	  "[\"housing\", \"friends\", \"health\"]", 0, "an event names 1 to 2 dimensions" },
	{ "unknown dimension id", "questions.json",
	  "{ \"id\": \"housing\", \"label\"", "{ \"id\": \"hosing\", \"label\"",
	  "\"hosing\"", 0, "unknown life-situation dimension \"hosing\"" },
	{ "dimension listed twice", "questions.json",
	  "{ \"id\": \"housing\", \"label\"", "{ \"id\": \"family\", \"label\"",
	  "\"family\", \"label\": \"Housing\"", 0, "dimension \"family\" is listed twice" },
	{ "meter value 11", "questions.json",
	  "\"meters\": { \"finance\": 3 }", "\"meters\": { \"finance\": 11 }",
	  "\"finance\": 11", 11, "\"finance\" is 11, but must be from 0 to 10" },
	{ "meter value -1 in a band", "questions.json",
	  "\"self_esteem\": 4 }", "\"self_esteem\": -1 }",
	  "\"self_esteem\": -1", 15, "\"self_esteem\" is -1, but must be from 0 to 10" },
	{ "wrong type: optional", "questions.json",
	  "\"optional\": false,", "\"optional\": \"no\",",
	  "\"optional\": \"no\"", 12, "\"optional\" must be true or false" },
	{ "wrong type: min", "questions.json",
	  "\"min\": 0,", "\"min\": \"0\",",
	  "\"min\": \"0\"", 7, "\"min\" must be a whole number" },
	{ "wrong type: short", "questions.json",
	  "\"short\": \"New home\"", "\"short\": 7",
	  "\"short\": 7", 9, "\"short\" must be a string" },
	{ "wrong type: question type", "questions.json",
	  "\"type\": \"scale\"", "\"type\": \"slider\"",
	  "\"slider\"", 0, "\"type\" is \"slider\", which is not one of the known values" },
	{ "band outside the number's range", "questions.json",
	  "{ \"min\": 12, \"max\": 120,", "{ \"min\": 12, \"max\": 121,",
	  "121", 0, "\"max\" is 121, but must be from 12 to 120" },
	{ "duplicate question id", "questions.json",
	  "\"id\": \"ke1-support\"", "\"id\": \"ke1-help\"",
	  "\"ke1-help\",\n          \"type\": \"single\"", 0, "question id \"ke1-help\" is used twice" },
	{ "duplicate option id", "questions.json",
	  "{ \"id\": \"baby\",", "{ \"id\": \"expecting\",",
	  "\"expecting\", \"label\": \"We have a baby", 0, "option id \"expecting\" is used twice" },
	{ "duplicate event", "questions.json",
	  "\"id\": \"KE8\"", "\"id\": \"KE4\"",
	  "\"KE4\",\n      \"title\": \"Losing", 0, "life event \"KE4\" is listed twice" },
	{ "bad question id", "questions.json",
	  "\"id\": \"ke4-home\"", "\"id\": \"Ke4_home\"",
	  "\"Ke4_home\"", 0, "question id \"Ke4_home\" must be lower-case" },
	{ "missing text", "questions.json",
	  "\"text\": \"What kind of home are you moving to?\",", "",
	  "{\n          \"id\": \"ke4-home\"", 0, "missing \"text\"" },
	{ "age_min on another question", "questions.json",
	  "{ \"id\": \"no\", \"label\": \"No\" }", "{ \"id\": \"no\", \"label\": \"No\", \"age_min\": 1, \"age_max\": 2 }",
	  "{ \"id\": \"no\", \"label\": \"No\", \"age", 0, "only the age question's options take age_min" },
	{ "undeclared condition of an option", "questions.json",
	  "{ \"id\": \"no\", \"label\": \"No\" }",
	  "{ \"id\": \"no\", \"label\": \"No\", \"conditions\": { \"nope\": true } }",
	  "\"nope\": ", 8, "unknown condition \"nope\": declare it in \"conditions\"" },
	{ "wrong type: context", "questions.json",
	  "\"context\": \"ke8-ability\"", "\"context\": 8",
	  "\"context\": 8", 11, "\"context\" must be a string" },
	{ "empty context", "questions.json",
	  "\"context\": \"ke8-ability\"", "\"context\": \"\"",
	  "\"context\": \"\"", 11, "\"context\" must be a non-empty line of text" },
	{ "context with a control character", "questions.json",
	  "\"context\": \"ke8-ability\"", "\"context\": \"ke8\\u0004ability\"",
	  "\"context\": \"ke8", 11, "\"context\" holds a control, bidi or invisible character" },
	{ "no municipality question", "questions.json",
	  "\"type\": \"municipality\"", "\"type\": \"single\", \"options\": [{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]",
	  "\"common\": ", 10, "\"common\" needs the question \"municipality\"" },
};

static const struct broken broken_tables[] = {
	{ "TSV: too few fields", "municipalities.tsv",
	  "091\tHelsinki\tHelsingfors", "091\tHelsinki",
	  "091", 0, "expected 3 tab-separated fields, found 2" },
	{ "TSV: too many fields", "service_classes.tsv",
	  "\tDay care\n", "\tDay care\textra\n",
	  "P3.4\t", 0, "expected 5 tab-separated fields, found 6" },
	{ "TSV: municipality code of two digits", "municipalities.tsv",
	  "049\tEspoo", "49\tEspoo",
	  "49\t", 0, "municipality code \"49\" is not three digits" },
	{ "TSV: municipality code with a letter", "municipalities.tsv",
	  "905\tVaasa", "9O5\tVaasa",
	  "9O5", 0, "municipality code \"9O5\" is not three digits" },
	{ "TSV: municipality code of four digits", "municipalities.tsv",
	  "853\tTurku", "0853\tTurku",
	  "0853", 0, "municipality code \"0853\" is not three digits" },
	{ "TSV: duplicate code", "life_events.tsv",
	  "KE4.1\t", "KE4\t",
	  "KE4\thttp://uri.suomi.fi/codelist/ptv/ptvelti/code/KE4.1", 0, "duplicate code \"KE4\"" },
	{ "TSV: wrong header", "target_groups.tsv",
	  "code\turi", "koodi\turi",
	  "koodi", 0, "the header must name the columns code, uri" },
	{ "TSV: empty code", "target_groups.tsv",
	  "KR1.3\t", "\t",
	  "\thttp://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR1.3", 0, "empty code" },
	{ "TSV: control character", "municipalities.tsv",
	  "Mustasaari", "Musta\x1bsaari",
	  "\x1b", 0, "invalid UTF-8 or a control character" },
	{ "TSV: invalid UTF-8", "municipalities.tsv",
	  "Jyväskylä\tJyväskylä", "Jyv\xE4skyl\xE4\tJyväskylä",
	  "\xE4", 0, "invalid UTF-8 or a control character" },
};

/* kela-child-benefit with one more field. */
#define ELIG(field) "\"target_groups\": [\"KR1.2\"],\n      \"area\": \"national\",", \
	"\"target_groups\": [\"KR1.2\"],\n      " field "\n      \"area\": \"national\","

static const struct broken broken_catalogue[] = {
	{ "catalogue: JSON syntax (trailing comma)", "catalogue.json",
	  "\"checked\": \"2025-05\"\n", "\"checked\": \"2025-05\",\n",
	  "\"checked\": \"2025-05\",\n    }", 26, "expected near '}'" },
	{ "catalogue: phone with letters", "catalogue.json",
	  "\"020 000 0001\"", "\"020 KELA 01\"",
	  "\"020 KELA 01\"", 0, "a phone number holds only digits, spaces, '+' and '-'" },
	{ "catalogue: relevance above 1", "catalogue.json",
	  "\"family\": 0.9,", "\"family\": 1.5,",
	  "\"family\": 1.5", 10, "\"family\" is 1.5, but must be from 0 to 1" },
	{ "catalogue: relevance below 0", "catalogue.json",
	  "\"resilience\": 1.0,", "\"resilience\": -0.1,",
	  "\"resilience\": -0.1", 14, "\"resilience\" is -0.1, but must be from 0 to 1" },
	{ "catalogue: relevance not a number", "catalogue.json",
	  "\"housing\": 0.9,", "\"housing\": \"high\",",
	  "\"housing\": \"high\"", 11, "\"housing\" must be a number" },
	{ "catalogue: relevance unknown dimension", "catalogue.json",
	  "\"health\": 0.8,", "\"helth\": 0.8, \"health\": 0.8,",
	  "\"helth\": ", 9, "unknown life-situation dimension \"helth\"" },
	{ "catalogue: relevance missing a dimension", "catalogue.json",
	  "\"resilience\": 0.1, \"life_satisfaction\": 0.3 }", "\"resilience\": 0.1 }",
	  "\"relevance\": {", 13, "missing \"life_satisfaction\"" },
	{ "catalogue: unknown municipality", "catalogue.json",
	  "[\"091\"]", "[\"999\"]",
	  "\"999\"", 0, "unknown municipality code \"999\"" },
	{ "catalogue: bad area", "catalogue.json",
	  "\"area\": \"national\",", "\"area\": \"local\",",
	  "\"local\"", 0, "\"area\" is \"national\" or" },
	{ "catalogue: duplicate service id", "catalogue.json",
	  "\"service_id\": \"adoption-counselling\"", "\"service_id\": \"kela-child-benefit\"",
	  "\"kela-child-benefit\",\n      \"service_name\": { \"fi\": \"Adoptioneuvonta\"", 0,
	  "service id \"kela-child-benefit\" is used twice" },
	{ "catalogue: unknown life event", "catalogue.json",
	  "\"life_events\": [\"KE8\"]", "\"life_events\": [\"KE8\", \"KE99\"]",
	  "\"KE99\"", 0, "unknown code \"KE99\"" },
	{ "catalogue: unknown service class", "catalogue.json",
	  "\"service_classes\": [\"P1.5\"]", "\"service_classes\": [\"P1.55\"]",
	  "\"P1.55\"", 0, "unknown code \"P1.55\"" },
	{ "catalogue: unknown key (typo)", "catalogue.json",
	  "\"checked\": \"2025-05\"", "\"checkd\": \"2025-05\"",
	  "\"checkd\": ", 10, "unknown key \"checkd\"" },
	{ "catalogue: phone numbers not a list", "catalogue.json",
	  "\"phone_numbers\": [\"09 0000 0003\"]", "\"phone_numbers\": \"09 0000 0003\"",
	  "\"phone_numbers\": \"09", 17, "\"phone_numbers\" must be a list" },
	{ "catalogue: web page not http", "catalogue.json",
	  "\"https://example.fi/muutto\"", "\"ftp://example.fi/muutto\"",
	  "\"ftp://", 0, "a web page must start with https:// or http://" },
	{ "catalogue: control character in a name", "catalogue.json",
	  "\"en\": \"Child benefit\" }", "\"en\": \"Child\\u001b[31m benefit\" }",
	  "\"Child\\u001b", 0, "holds a control, bidi or invisible character" },
	{ "catalogue: bidi override in a summary", "catalogue.json",
	  "\"en\": \"Kela pays child", "\"en\": \"\\u202eKela pays child",
	  "\"\\u202eKela", 0, "holds a control, bidi or invisible character" },
	{ "catalogue: missing Swedish name", "catalogue.json",
	  "\"sv\": \"Krisjouren\", \"en\": \"Crisis helpline\" },\n      \"service_description_summary\"",
	  "\"en\": \"Crisis helpline\" },\n      \"service_description_summary\"",
	  "{ \"fi\": \"Kriisipuhelin\", \"en\"", 0, "missing \"sv\"" },
	{ "catalogue: Phone channel without numbers", "catalogue.json",
	  "\"phone_numbers\": [\"09 0000 0003\"]", "\"emails\": [\"a@example.fi\"]",
	  "{\n          \"service_channel_id\": \"crisis-helpline-phone\"", 0,
	  "a Phone channel needs \"phone_numbers\"" },
	{ "catalogue: undeclared condition of eligibility", "catalogue.json",
	  ELIG("\"eligibility\": { \"for\": [\"nope\"] },"),
	  "\"nope\"", 0, "not a condition of assets/questions.json" },
	{ "catalogue: age_max below age_min", "catalogue.json",
	  ELIG("\"eligibility\": { \"age_min\": 30, \"age_max\": 20 },"),
	  "20 }", 0, "\"age_max\" is 20, but must be from 30 to 130" },
	{ "catalogue: unknown key of eligibility", "catalogue.json",
	  ELIG("\"eligibility\": { \"from\": [] },"),
	  "\"from\": ", 8, "unknown key \"from\"" },
	{ "catalogue: first step without text", "catalogue.json",
	  ELIG("\"first_step\": { \"unless\": [] },"),
	  "{ \"unless\"", 0, "missing \"text\"" },
	{ "catalogue: first step for no situation", "catalogue.json",
	  ELIG("\"first_step\": { \"when\": [], \"text\": { \"en\": \"x\" } },"),
	  "[]", 0, "\"when\" lists 1 to 4 situations" },
	{ "catalogue: a situation of no conditions", "catalogue.json",
	  ELIG("\"eligibility\": { \"for\": [[]] },"),
	  "[]", 0, "a situation needs at least one condition" },
	{ "catalogue: keywords in another language", "catalogue.json",
	  ELIG("\"keywords\": { \"de\": [\"Kindergeld\"] },"),
	  "\"de\": ", 6, "unknown key \"de\"" },
	{ "catalogue: unknown channel type", "catalogue.json",
	  "\"service_channel_type\": \"Email\"", "\"service_channel_type\": \"Mail\"",
	  "\"Mail\"", 0, "\"service_channel_type\" is \"Mail\"" },
};

static void
run_cases(const struct broken *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		check_broken(&v[i]);
		tu_cleanup();
	}
}

static void
test_broken_questions(void **state)
{
	(void)state;
	run_cases(broken_questions, sizeof broken_questions / sizeof broken_questions[0]);
}

static void
test_broken_tables(void **state)
{
	(void)state;
	run_cases(broken_tables, sizeof broken_tables / sizeof broken_tables[0]);
}

static void
test_broken_catalogue(void **state)
{
	(void)state;
	run_cases(broken_catalogue, sizeof broken_catalogue / sizeof broken_catalogue[0]);
}

/* The case of a table with this name; the test fails if there is none. */
static const struct broken *
find_case(const struct broken *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	print_error("no case \"%s\"\n", name);
	fail();
	return NULL;
}

/* The cases the brief names, each a test case of its own so that a
 * failure names it: the same machinery, one change each. */
#define ONE(fn, tbl, name) \
static void fn(void **state) \
{ \
	(void)state; \
	check_broken(find_case(tbl, sizeof tbl / sizeof tbl[0], name)); \
}
ONE(test_syntax_error, broken_questions, "JSON syntax: trailing comma")
ONE(test_unknown_key, broken_questions, "unknown key (typo)")
ONE(test_unknown_class, broken_questions, "unknown service class")
ONE(test_when_later, broken_questions, "when names a later question")
ONE(test_unknown_dimension, broken_questions, "unknown dimension of a scale")
ONE(test_meter_11, broken_questions, "meter value 11")
ONE(test_wrong_type, broken_questions, "wrong type: optional")
ONE(test_duplicate_id, broken_questions, "duplicate question id")
ONE(test_tsv_fields, broken_tables, "TSV: too few fields")
ONE(test_muni_code, broken_tables, "TSV: municipality code of two digits")
ONE(test_phone_letters, broken_catalogue, "catalogue: phone with letters")
ONE(test_relevance_range, broken_catalogue, "catalogue: relevance above 1")
#undef ONE

/* A syntax error whose culprit is a token of several characters: the
 * line is exact, and the column falls within the token. */
static void
test_syntax_error_token(void **state)
{
	(void)state;
	const char *dir = tu_mini_variant("questions.json",
	    "\"short\": \"Situation\",", "\"short\": \"Situation\"");
	char *cause = tu_load_fail(dir);
	char prefix[4096];
	int line, col;
	char *path = tu_read(TU_MINI "/questions.json");
	char *text = tu_replace(path, "\"short\": \"Situation\",", "\"short\": \"Situation\"");
	/* The next member, "help", is where the comma was wanted. */
	tu_pos(text, "\"help\": \"Pick", 0, &line, &col);
	snprintf(prefix, sizeof prefix, "%s/questions.json:%d:", dir, line);
	if (strncmp(cause, prefix, strlen(prefix)) != 0)
		print_error("cause: %s\nwant:  %s...\n", cause, prefix);
	assert_int_equal(strncmp(cause, prefix, strlen(prefix)), 0);
	int got = atoi(cause + strlen(prefix));
	assert_in_range(got, col, col + 5);	/* "help" is 6 characters */
	assert_non_null(strstr(cause, "'}' expected"));
	free(text);
	free(path);
	free(cause);
}

/* A duplicate key is an error too (JSON_REJECT_DUPLICATES). */
static void
test_duplicate_key(void **state)
{
	(void)state;
	const char *dir = tu_mini_variant("questions.json",
	    "\"short\": \"Situation\",", "\"short\": \"Situation\", \"short\": \"Again\",");
	char *cause = tu_load_fail(dir);
	assert_non_null(strstr(cause, "/questions.json:"));
	assert_non_null(strstr(cause, "duplicate object key"));
	free(cause);
}

/* Only the first problem is reported, and nothing leaks on the way out. */
static void
test_first_problem_only(void **state)
{
	(void)state;
	char *orig = tu_read(TU_MINI "/questions.json");
	char *t1 = tu_replace(orig, "\"meter\": \"resilience\"", "\"meter\": \"nope\"");
	char *t2 = tu_replace(t1, "\"short\": \"Situation\"", "\"shrot\": \"Situation\"");
	const char *dir = tu_assets_variant(TU_MINI, "questions.json", t2);
	char *cause = tu_load_fail(dir);
	assert_non_null(strstr(cause, "unknown key \"shrot\""));
	assert_null(strstr(cause, "nope"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	free(t2);
	free(t1);
	free(orig);
}

static void
test_empty_files(void **state)
{
	(void)state;
	const char *dir = tu_assets_variant(TU_MINI, "target_groups.tsv", "");
	char *cause = tu_load_fail(dir);
	assert_non_null(strstr(cause, "target_groups.tsv:1:1: the file is empty"));
	free(cause);
	tu_cleanup();

	dir = tu_assets_variant(TU_MINI, "catalogue.json", "[]");
	cause = tu_load_fail(dir);
	char path[4096];
	snprintf(path, sizeof path, "%s/catalogue.json", dir);
	tu_assert_cause(cause, path, 1, 1, "the file must hold one JSON object");
	free(cause);
}

/* TSV columns count characters, as JSON ones do: a control character
 * after "179\tJyväskylä\tJyv" (17 characters, 19 bytes) is in column 18.
 * FAILS: table_load() counts bytes and says 20. */
static void
test_tsv_column_in_characters(void **state)
{
	(void)state;
	const char *dir = tu_mini_variant("municipalities.tsv",
	    "Jyväskylä\tJyväskylä", "Jyväskylä\tJyv\x01äskylä");
	char path[4096];
	snprintf(path, sizeof path, "%s/municipalities.tsv", dir);
	char *cause = tu_load_fail(dir);
	bool ok = tu_cause_ok(cause, path, 5, 18, "invalid UTF-8 or a control character");
	if (!ok)
		print_error("cause:    %s\nexpected: %s:5:18: ...\n", cause, path);
	free(cause);
	assert_true(ok);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_assets),
		cmocka_unit_test(test_mini_assets),
		cmocka_unit_test_teardown(test_load_in_two_steps, tu_teardown),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test_teardown(test_syntax_error, tu_teardown),
		cmocka_unit_test_teardown(test_syntax_error_token, tu_teardown),
		cmocka_unit_test_teardown(test_duplicate_key, tu_teardown),
		cmocka_unit_test_teardown(test_unknown_key, tu_teardown),
		cmocka_unit_test_teardown(test_unknown_class, tu_teardown),
		cmocka_unit_test_teardown(test_when_later, tu_teardown),
		cmocka_unit_test_teardown(test_unknown_dimension, tu_teardown),
		cmocka_unit_test_teardown(test_meter_11, tu_teardown),
		cmocka_unit_test_teardown(test_wrong_type, tu_teardown),
		cmocka_unit_test_teardown(test_duplicate_id, tu_teardown),
		cmocka_unit_test_teardown(test_tsv_fields, tu_teardown),
		cmocka_unit_test_teardown(test_muni_code, tu_teardown),
		cmocka_unit_test_teardown(test_phone_letters, tu_teardown),
		cmocka_unit_test_teardown(test_relevance_range, tu_teardown),
		cmocka_unit_test_teardown(test_first_problem_only, tu_teardown),
		cmocka_unit_test_teardown(test_empty_files, tu_teardown),
		cmocka_unit_test_teardown(test_tsv_column_in_characters, tu_teardown),
		cmocka_unit_test_teardown(test_broken_questions, tu_teardown),
		cmocka_unit_test_teardown(test_broken_tables, tu_teardown),
		cmocka_unit_test_teardown(test_broken_catalogue, tu_teardown),
	};
	return cmocka_run_group_tests_name("assets", tests, NULL, NULL);
}
