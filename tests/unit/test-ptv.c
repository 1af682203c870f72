/*
 * The service register (PTV v11) mapped into the catalogue model
 * (ptv.c), the sync's page checks (sync.c) and the cache file (cache.c).
 * The fixtures are invented services in the register's shapes.
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
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "cache.h"
#include "cache-record.h"
#include "ptv.h"
#include "sync.h"
#include "text.h"
#include "testutil.h"

#define GUID_S1 "11111111-2222-4333-8444-555555555555"
#define GUID_C1 "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee1"
#define GUID_C2 "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee2"
#define GUID_C3 "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeee3"
#define GUID_ORG "99999999-8888-4777-8666-555555555555"

static struct assets assets;

static int
setup(void **state)
{
	char *cause = NULL;
	(void)state;
	tu_utf8_locale();
	if (assets_load(&assets, ASSETS_DIR, &cause) < 0) {
		print_error("%s\n", cause);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	assets_free(&assets);
	tu_cleanup();
	return 0;
}

static struct ptv_codes
codes(void)
{
	return (struct ptv_codes){ &assets.life_events, &assets.classes, &assets.groups,
	    &assets.munis, &assets.dims };
}

static json_t *
parse(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	if (j == NULL)
		print_error("fixture: %d:%d: %s\n", e.line, e.column, e.text);
	assert_non_null(j);
	return j;
}

static const char *
get_s(const json_t *o, const char *path)
{
	/* "a.b.0.c": keys and indices. */
	char *copy = strdup(path), *save = NULL;
	const json_t *v = o;
	for (char *k = strtok_r(copy, ".", &save); k != NULL && v != NULL; k = strtok_r(NULL, ".", &save))
		v = json_is_array(v) ? json_array_get(v, strtoul(k, NULL, 10)) : json_object_get(v, k);
	free(copy);
	return json_string_value(v);
}

/* ---- Channels ---- */

static const char phone_channel[] =
    "{\"id\": \"" GUID_C1 "\", \"serviceChannelType\": \"Phone\","
    " \"serviceChannelNames\": [{\"language\": \"fi\", \"value\": \"Neuvolan ajanvaraus\", \"type\": \"Name\"},"
    "   {\"language\": \"sv\", \"value\": \"Tidsbokning\", \"type\": \"Name\"}],"
    " \"phoneNumbers\": ["
    "  {\"number\": \"014 266 0111\", \"prefixNumber\": \"+358\", \"isFinnishServiceNumber\": false,"
    "   \"serviceChargeType\": \"Chargeable\", \"chargeDescription\": null,"
    "   \"additionalInformation\": \"Ajanvaraus\", \"language\": \"fi\"},"
    "  {\"number\": \"014 266 0111\", \"prefixNumber\": \"+358\", \"isFinnishServiceNumber\": false,"
    "   \"serviceChargeType\": \"Chargeable\", \"additionalInformation\": \"Tidsbokning\", \"language\": \"sv\"},"
    "  {\"number\": \"0800 12345\", \"prefixNumber\": \"+358\", \"isFinnishServiceNumber\": true,"
    "   \"serviceChargeType\": \"FreeOfCharge\", \"language\": \"fi\"},"
    "  {\"number\": \"SOITA MEILLE\", \"prefixNumber\": \"+358\", \"language\": \"fi\"}],"
    " \"languages\": [\"fi\", \"sv\", \"se\"]}";

static void
test_phone_channel(void **state)
{
	(void)state;
	json_t *in = parse(phone_channel);
	const char *why = NULL;
	json_t *c = ptv_map_channel(in, &why);
	assert_non_null(c);
	assert_string_equal(get_s(c, "service_channel_type"), "Phone");
	assert_string_equal(get_s(c, "service_channel_name.sv"), "Tidsbokning");
	json_t *phones = json_object_get(c, "phone_numbers");
	/* The number the register lists twice is one line; the letters are
	 * no number. */
	assert_int_equal(json_array_size(phones), 2);
	assert_string_equal(get_s(c, "phone_numbers.0.number"), "+358 14 266 0111");
	assert_string_equal(get_s(c, "phone_numbers.0.charge"), "local");
	assert_string_equal(get_s(c, "phone_numbers.0.info.fi"), "Ajanvaraus");
	assert_string_equal(get_s(c, "phone_numbers.0.info.sv"), "Tidsbokning");
	/* Described in two languages: it serves both, no single language. */
	assert_null(get_s(c, "phone_numbers.0.language"));
	/* A Finnish service number is dialled as it is, with no prefix. */
	assert_string_equal(get_s(c, "phone_numbers.1.number"), "0800 12345");
	assert_string_equal(get_s(c, "phone_numbers.1.charge"), "free");
	assert_string_equal(get_s(c, "phone_numbers.1.language"), "fi");
	/* Sámi is not a language of the kiosk. */
	assert_int_equal(json_array_size(json_object_get(c, "languages")), 2);
	json_decref(c);
	json_decref(in);

	/* A phone channel with no number to dial is of no use. */
	in = parse("{\"id\": \"" GUID_C1 "\", \"serviceChannelType\": \"Phone\","
	    " \"serviceChannelNames\": [{\"language\": \"fi\", \"value\": \"X\", \"type\": \"Name\"}],"
	    " \"phoneNumbers\": [{\"number\": \"ei numeroa\", \"language\": \"fi\"}]}");
	assert_null(ptv_map_channel(in, &why));
	assert_non_null(why);
	json_decref(in);
}

static const char location_channel[] =
    "{\"id\": \"" GUID_C2 "\", \"serviceChannelType\": \"ServiceLocation\","
    " \"serviceChannelNames\": [{\"language\": \"fi\", \"value\": \"Testilän neuvola\", \"type\": \"Name\"}],"
    " \"addresses\": [{\"type\": \"Location\", \"subType\": \"Single\","
    "   \"streetAddress\": {\"street\": [{\"value\": \"Kauppakatu\", \"language\": \"fi\"},"
    "      {\"value\": \"Handelsgatan\", \"language\": \"sv\"}],"
    "    \"streetNumber\": \"1 B\", \"postalCode\": \"40100\","
    "    \"postOffice\": [{\"value\": \"JYVÄSKYLÄ\", \"language\": \"fi\"}],"
    "    \"municipality\": {\"code\": \"179\", \"name\": []}},"
    "   \"entrances\": ["
    "    {\"isMainEntrance\": false, \"accessibilitySentences\": [{\"sentenceGroup\": [],"
    "      \"sentences\": [{\"sentence\": [{\"value\": \"Sivuovi.\", \"language\": \"fi\"}]}]}]},"
    "    {\"isMainEntrance\": true, \"accessibilitySentences\": [{\"sentenceGroup\": [],"
    "      \"sentences\": [{\"sentence\": [{\"value\": \"Pääovi on kadun tasossa.\", \"language\": \"fi\"},"
    "        {\"value\": \"The main door is at street level.\", \"language\": \"en\"}]}]}]}]}],"
    " \"serviceHours\": ["
    "  {\"serviceHourType\": \"DaysOfTheWeek\", \"validFrom\": null, \"validTo\": null,"
    "   \"isClosed\": false, \"isAlwaysOpen\": false, \"validForNow\": true,"
    "   \"additionalInformation\": [{\"value\": null, \"language\": \"fi\"}],"
    "   \"openingHour\": [{\"dayFrom\": \"Monday\", \"dayTo\": \"Friday\", \"from\": \"08:00:00\", \"to\": \"16:00:00\"},"
    "     {\"dayFrom\": \"Saturday\", \"dayTo\": \"\", \"from\": \"25:00:00\", \"to\": \"16:00:00\"}]},"
    "  {\"serviceHourType\": \"Exceptional\", \"validFrom\": \"2026-12-24T00:00:00\", \"validTo\": null,"
    "   \"isClosed\": true, \"openingHour\": [],"
    "   \"additionalInformation\": [{\"value\": \"Jouluaatto\", \"language\": \"fi\"}]},"
    "  {\"serviceHourType\": \"OverMidnight\", \"validFrom\": \"2026-02-30T00:00:00\","
    "   \"isClosed\": false, \"openingHour\": [{\"dayFrom\": \"Friday\", \"dayTo\": \"Saturday\","
    "     \"from\": \"22:00:00\", \"to\": \"02:00:00\"}]}],"
    " \"emails\": [{\"value\": \"neuvola@testila.example\", \"language\": \"fi\"},"
    "   {\"value\": \"NEUVOLA@testila.example\", \"language\": \"sv\"}, {\"value\": \"not an address\"}],"
    " \"webPages\": [{\"url\": \"javascript:alert(1)\", \"language\": \"fi\"},"
    "   {\"url\": \"http://www.testila.example/neuvola\", \"language\": \"fi\"},"
    "   {\"url\": \"https://www.testila.example/sv neuvola\", \"language\": \"sv\"}],"
    " \"languages\": [\"fi\"]}";

static void
test_location_channel(void **state)
{
	(void)state;
	json_t *in = parse(location_channel);
	const char *why = NULL;
	json_t *c = ptv_map_channel(in, &why);
	assert_non_null(c);
	assert_string_equal(get_s(c, "address.fi"), "Kauppakatu 1 B, 40100 JYVÄSKYLÄ");
	/* The Swedish street, with the Finnish post office where the
	 * register names none in Swedish. */
	assert_string_equal(get_s(c, "address.sv"), "Handelsgatan 1 B, 40100 JYVÄSKYLÄ");
	assert_null(get_s(c, "address.en"));
	/* The main entrance's sentences come first. */
	assert_string_equal(get_s(c, "accessibility.fi.0"), "Pääovi on kadun tasossa.");
	assert_string_equal(get_s(c, "accessibility.fi.1"), "Sivuovi.");
	assert_string_equal(get_s(c, "accessibility.en.0"), "The main door is at street level.");
	/* Hours: the week, a closed day, and past midnight; the Saturday
	 * with a time that does not exist is left out, and so is a date
	 * that does not exist. */
	json_t *h = json_object_get(c, "opening_hours");
	assert_int_equal(json_array_size(h), 3);
	assert_string_equal(get_s(c, "opening_hours.0.kind"), "normal");
	json_t *t = json_object_get(json_array_get(h, 0), "times");
	assert_int_equal(json_array_size(t), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(t, 0), "day_from")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(t, 0), "day_to")), 5);
	assert_string_equal(get_s(c, "opening_hours.0.times.0.from"), "08:00");
	assert_string_equal(get_s(c, "opening_hours.0.times.0.to"), "16:00");
	assert_string_equal(get_s(c, "opening_hours.1.kind"), "exceptional");
	assert_string_equal(get_s(c, "opening_hours.1.valid_from"), "2026-12-24");
	assert_string_equal(get_s(c, "opening_hours.1.valid_to"), "2026-12-24");
	assert_true(json_is_true(json_object_get(json_array_get(h, 1), "closed")));
	assert_string_equal(get_s(c, "opening_hours.1.info.fi"), "Jouluaatto");
	assert_null(get_s(c, "opening_hours.2.valid_from"));
	assert_string_equal(get_s(c, "opening_hours.2.times.0.from"), "22:00");
	assert_string_equal(get_s(c, "opening_hours.2.times.0.to"), "02:00");
	/* E-mail: once, and only addresses. */
	assert_int_equal(json_array_size(json_object_get(c, "emails")), 1);
	/* Web: http is kept as the register gives it, a script or a space
	 * is not a web address. */
	assert_string_equal(get_s(c, "web_pages.fi"), "http://www.testila.example/neuvola");
	assert_null(get_s(c, "web_pages.sv"));
	json_decref(c);
	json_decref(in);
}

static void
test_hostile_text(void **state)
{
	(void)state;
	char *big = malloc(100001);
	assert_non_null(big);
	/* "ä" is two bytes: a cut must not split one. */
	for (size_t i = 0; i < 100000; i += 2)
		memcpy(big + i, "\xc3\xa4", 2);
	big[100000] = '\0';
	json_t *in = parse("{\"id\": \"" GUID_C3 "\", \"serviceChannelType\": \"WebPage\","
	    " \"serviceChannelNames\": [{\"language\": \"fi\", \"value\": \"x\", \"type\": \"Name\"}],"
	    " \"webPages\": [{\"url\": \"https://a.example/\", \"language\": \"fi\"}]}");
	json_t *names = json_array();
	json_array_append_new(names, json_pack("{s:s,s:s,s:s}", "language", "fi", "type", "Name",
	    "value", "\x1b]0;pwn\x07Neuvola\x1b[2J \u202eabc\ndef\t "));
	json_array_append_new(names, json_pack("{s:s,s:s,s:s}", "language", "sv", "type", "Name",
	    "value", big));
	json_object_set_new(in, "serviceChannelNames", names);
	const char *why;
	json_t *c = ptv_map_channel(in, &why);
	assert_non_null(c);
	const char *fi = get_s(c, "service_channel_name.fi");
	assert_null(strchr(fi, '\x1b'));
	assert_null(strstr(fi, "\u202e"));
	assert_null(strchr(fi, '\n'));
	assert_string_equal(fi, "Neuvola abc def");
	const char *sv = get_s(c, "service_channel_name.sv");
	assert_true(strlen(sv) <= 200);
	char *again = text_sanitize(sv, false);
	assert_string_equal(again, sv);	/* valid UTF-8, nothing to strip */
	free(again);
	assert_non_null(strstr(sv, "…"));
	json_decref(c);
	json_decref(in);
	free(big);
}

/* ---- Services ---- */

static const char service[] =
    "{\"id\": \"" GUID_S1 "\", \"publishingStatus\": \"Published\", \"type\": \"Service\","
    " \"serviceNames\": [{\"language\": \"fi\", \"value\": \"Testilän lastenneuvola\", \"type\": \"Name\"},"
    "   {\"language\": \"sv\", \"value\": null, \"type\": \"Name\"}],"
    " \"serviceDescriptions\": [{\"language\": \"fi\", \"type\": \"Description\","
    "   \"value\": \"Neuvola seuraa lapsen kasvua. Varaa aika puhelimitse.\"}],"
    " \"areaType\": \"LimitedType\","
    " \"areas\": [{\"type\": \"Municipality\", \"code\": \"179\", \"name\": []},"
    "   {\"type\": \"HospitalRegions\", \"code\": \"12\", \"municipalities\": [{\"code\": \"992\"}, {\"code\": \"999\"}]}],"
    " \"serviceClasses\": [{\"name\": [], \"code\": \"P5.2\"}, {\"name\": [], \"code\": \"P3.6.9\"},"
    "   {\"name\": [], \"code\": \"P99\"}],"
    " \"lifeEvents\": [{\"name\": [], \"code\": \"KE1\"}, {\"name\": [], \"code\": \"KE99\"}],"
    " \"targetGroups\": [{\"name\": [], \"code\": \"KR1\"}],"
    " \"organizations\": [{\"organization\": {\"id\": \"" GUID_ORG "\", \"name\": \"Testilän kaupunki\"},"
    "   \"roleType\": \"Producer\"},"
    "  {\"organization\": {\"id\": \"" GUID_ORG "\", \"name\": \"Testilän hyvinvointialue\"},"
    "   \"roleType\": \"Responsible\"}],"
    " \"serviceChannels\": [{\"serviceChannel\": {\"id\": \"" GUID_C1 "\", \"name\": \"x\"}},"
    "   {\"serviceChannel\": {\"id\": \"" GUID_C2 "\", \"name\": \"y\"}},"
    "   {\"serviceChannel\": {\"id\": \"" GUID_C3 "\", \"name\": \"missing\"}}],"
    " \"modified\": \"2026-11-30T08:12:13.5\"}";

static json_t *
mapped_channels(void)
{
	const char *why;
	json_t *chans = json_object();
	json_t *a = parse(phone_channel), *b = parse(location_channel);
	json_object_set_new(chans, GUID_C1, ptv_map_channel(a, &why));
	json_object_set_new(chans, GUID_C2, ptv_map_channel(b, &why));
	json_decref(a);
	json_decref(b);
	return chans;
}

static void
test_service(void **state)
{
	(void)state;
	struct ptv_codes pc = codes();
	json_t *in = parse(service), *chans = mapped_channels();
	const char *why = NULL;
	json_t *e = ptv_map_service(in, chans, &pc, "https://ptv.example/api/v11", &why);
	assert_non_null(e);
	assert_string_equal(get_s(e, "service_id"), GUID_S1);
	assert_string_equal(get_s(e, "origin"), "ptv");
	assert_string_equal(get_s(e, "service_name.fi"), "Testilän lastenneuvola");
	assert_null(get_s(e, "service_name.sv"));
	/* No summary: the description's first sentence. */
	assert_string_equal(get_s(e, "service_description_summary.fi"), "Neuvola seuraa lapsen kasvua.");
	assert_string_equal(get_s(e, "responsible_organization.name.fi"), "Testilän hyvinvointialue");
	/* Codes the assets know; a deeper code as its class; others not. */
	json_t *cl = json_object_get(e, "service_classes");
	assert_int_equal(json_array_size(cl), 2);
	assert_string_equal(json_string_value(json_array_get(cl, 0)), "P5.2");
	assert_string_equal(json_string_value(json_array_get(cl, 1)), "P3.6");
	assert_int_equal(json_array_size(json_object_get(e, "life_events")), 1);
	/* The area's municipalities that exist. */
	json_t *m = json_object_get(json_object_get(e, "area"), "municipalities");
	assert_int_equal(json_array_size(m), 2);
	assert_string_equal(json_string_value(json_array_get(m, 0)), "179");
	assert_string_equal(json_string_value(json_array_get(m, 1)), "992");
	/* The channels it names that were fetched, in its order. */
	assert_int_equal(json_array_size(json_object_get(e, "service_channels")), 2);
	assert_string_equal(get_s(e, "source"), "https://ptv.example/api/v11/Service/" GUID_S1);
	assert_string_equal(get_s(e, "checked"), "2026-11-30");
	/* Health, from P5.2's row. */
	double health = json_real_value(json_object_get(json_object_get(e, "relevance"), "health"));
	assert_true(health >= 0.7);

	/* The catalogue's own loader accepts it. */
	char *line = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
	struct catalogue_codes cc = { &assets.quest, &assets.life_events, &assets.classes,
	    &assets.groups, &assets.munis };
	struct cat_service s;
	char *cause = NULL;
	struct catalogue_loader *ld = catalogue_loader_new(&cc, "register");
	int rc = catalogue_parse_service(ld, line, 1, &s, &cause);
	catalogue_loader_free(ld);
	if (rc < 0)
		print_error("%s\n", cause);
	assert_int_equal(rc, 0);
	assert_int_equal(s.nmunicipalities, 2);
	cat_service_free(&s);
	free(line);
	json_decref(e);
	json_decref(in);
	json_decref(chans);
}

static void
test_service_refused(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *why;
	} cases[] = {
		{ "\"Published\"", "\"Draft\"", "not published" },
		{ "\"Testilän lastenneuvola\"", "null", "no name" },
		{ "\"roleType\": \"Responsible\"", "\"roleType\": \"Owner\"", NULL },
		{ "\"code\": \"P5.2\"}, {\"name\": [], \"code\": \"P3.6.9\"}", "\"code\": \"X1\"}, {\"name\": [], \"code\": \"X2\"}", "no known service class" },
		{ "\"LimitedType\"", "\"LimitedType\", \"x\": 1", NULL },
	};
	struct ptv_codes pc = codes();
	json_t *chans = mapped_channels();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = tu_replace(service, cases[i].from, cases[i].to);
		json_t *in = parse(text);
		const char *why = NULL;
		json_t *e = ptv_map_service(in, chans, &pc, "https://x", &why);
		if (cases[i].why != NULL) {
			assert_null(e);
			assert_string_equal(why, cases[i].why);
		} else {
			/* The Producer stands in for a missing Responsible. */
			assert_non_null(e);
			json_decref(e);
		}
		json_decref(in);
		free(text);
	}
	/* An area with no municipality the assets know. */
	char *text = tu_replace(service, "\"code\": \"179\"", "\"code\": \"000\"");
	char *text2 = tu_replace(text, "{\"code\": \"992\"}, ", "");
	json_t *in = parse(text2);
	const char *why = NULL;
	assert_null(ptv_map_service(in, chans, &pc, "https://x", &why));
	assert_string_equal(why, "no known municipality in its area");
	json_decref(in);
	free(text);
	free(text2);
	/* Nationwide. */
	text = tu_replace(service, "\"LimitedType\"", "\"Nationwide\"");
	in = parse(text);
	json_t *e = ptv_map_service(in, chans, &pc, "https://x", &why);
	assert_non_null(e);
	assert_string_equal(get_s(e, "area"), "national");
	json_decref(e);
	json_decref(in);
	free(text);
	json_decref(chans);
}

static void
test_class_dims(void **state)
{
	(void)state;
	struct class_dims d;
	char *cause = NULL;
	const char *head = "class\tworking_studying\tfamily\tfriends\thealth\timprovement_of_strengths\thousing\tfinance\tself_esteem\tresilience\tlife_satisfaction\n";
	char *text = malloc(strlen(head) + 200);
	assert_non_null(text);
	sprintf(text, "%sP5\t0\t0\t0\t0.9\t0\t0\t0\t0\t0\t0\nP5.2\t0\t1\t0\t0.5\t0\t0\t0\t0\t0\t0\n", head);
	const char *path = tu_temp_file(text, ".tsv");
	assert_int_equal(class_dims_load(&d, path, "dims.tsv", &assets.classes, &cause), 0);
	char *one[] = { "P5.7" }, *two[] = { "P5.2", "P5.7" };
	double r[DIM_COUNT];
	class_dims_relevance(&d, one, 1, r);
	assert_true(r[DIM_HEALTH] > 0.89 && r[DIM_HEALTH] < 0.91);	/* P5's row */
	assert_true(r[DIM_FAMILY] == 0);
	class_dims_relevance(&d, two, 2, r);
	assert_true(r[DIM_HEALTH] > 0.89);	/* the higher of the two */
	assert_true(r[DIM_FAMILY] == 1);
	class_dims_free(&d);

	sprintf(text, "%sP5\t0\t0\t0\t1.5\t0\t0\t0\t0\t0\t0\n", head);
	path = tu_temp_file(text, ".tsv");
	assert_int_equal(class_dims_load(&d, path, "dims.tsv", &assets.classes, &cause), -1);
	assert_non_null(strstr(cause, "dims.tsv:2:"));
	free(cause);
	sprintf(text, "%sP999\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\n", head);
	path = tu_temp_file(text, ".tsv");
	assert_int_equal(class_dims_load(&d, path, "dims.tsv", &assets.classes, &cause), -1);
	assert_non_null(strstr(cause, "dims.tsv:2:1: unknown service class \"P999\""));
	free(cause);
	free(text);
}

/* ---- Pages ---- */

static void
test_pages(void **state)
{
	(void)state;
	static const struct {
		const char *json;
		long asked;
		int rc;
		long count;
	} cases[] = {
		{ "{\"pageNumber\": 2, \"pageSize\": 10, \"pageCount\": 3, \"itemList\": [{}]}", 2, 0, 3 },
		{ "{\"pageNumber\": 1, \"pageSize\": 10, \"pageCount\": 0, \"itemList\": []}", 1, 0, 0 },
		{ "{\"pageNumber\": 1, \"pageSize\": 10, \"pageCount\": 0, \"itemList\": null}", 1, 0, 0 },
		{ "{\"pageNumber\": 1, \"pageCount\": 3, \"itemList\": [{}]}", 2, -1, 0 },
		{ "{\"pageNumber\": 4, \"pageCount\": 3, \"itemList\": [{}]}", 4, -1, 0 },
		{ "{\"pageNumber\": 1, \"pageCount\": -1, \"itemList\": [{}]}", 1, -1, 0 },
		{ "{\"pageNumber\": 1, \"pageCount\": 99999999999, \"itemList\": [{}]}", 1, -1, 0 },
		{ "{\"pageNumber\": 1, \"pageCount\": 1, \"itemList\": \"x\"}", 1, -1, 0 },
		{ "[1, 2]", 1, -1, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		json_t *j = parse(cases[i].json), *items = NULL;
		long count = -5;
		char *cause = NULL;
		int rc = sync_check_page(j, cases[i].asked, &items, &count, &cause);
		assert_int_equal(rc, cases[i].rc);
		if (rc == 0)
			assert_int_equal(count, cases[i].count);
		else
			assert_non_null(cause);
		free(cause);
		json_decref(j);
	}
}

static void
test_times(void **state)
{
	(void)state;
	char s[20];
	sync_format_time((time_t)1796169723, s);
	assert_string_equal(s, "2026-12-02T00:02:03");
	assert_int_equal(sync_parse_time("2026-12-02T00:02:03Z"), 1796169723);
	assert_int_equal(sync_parse_time("2026-12-02T00:02:03"), 1796169723);
	assert_int_equal(sync_parse_time("2026-12-02"), -1);
	assert_int_equal(sync_parse_time("2026-12-02T00:02:03+02"), -1);
	assert_int_equal(sync_parse_time(NULL), -1);
}

/* ---- The cache file ---- */

static struct catalogue_codes
catcodes(void)
{
	return (struct catalogue_codes){ &assets.quest, &assets.life_events, &assets.classes,
	    &assets.groups, &assets.munis };
}


static const char *
write_cache(size_t n, bool commit)
{
	const char *dir = tu_temp_dir();
	struct cache_header h = { strdup("https://ptv.example/api/v11"), 1796169723, 1796169000, strdup("179") };
	char *cause = NULL;
	struct catalogue_codes cc = catcodes();
	struct cache_writer *w = cache_create(dir, &h, &cc, &cause);
	assert_non_null(w);
	struct ptv_codes pc = codes();
	json_t *in = parse(service), *chans = mapped_channels();
	const char *why;
	json_t *e = ptv_map_service(in, chans, &pc, "https://x", &why);
	for (size_t i = 0; i < n; i++) {
		char id[37];
		snprintf(id, sizeof id, "11111111-2222-4333-8444-%012zu", i);
		json_object_set_new(e, "service_id", json_string(id));
		char *line = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
		assert_int_equal(cache_write(w, line, &cause), 0);
		free(line);
	}
	if (commit)
		assert_int_equal(cache_commit(w, &cause), 0);
	else
		cache_abort(w);
	json_decref(e);
	json_decref(in);
	json_decref(chans);
	cache_header_free(&h);
	return dir;
}

static void
test_cache_round_trip(void **state)
{
	(void)state;
	const char *dir = write_cache(3, true);
	struct catalogue cat;
	struct catalogue_codes cc = catcodes();
	char *cause = NULL;
	int rc = cache_load(&cat, dir, &cc, &cause);
	if (rc != 0)
		print_error("%s\n", cause);
	assert_int_equal(rc, 0);
	assert_int_equal(cat.n, 3);
	assert_int_equal(cat.origin, CATALOGUE_REGISTER);
	assert_string_equal(cat.date, "2026-12-02");
	catalogue_free(&cat);

	/* The temporary file is gone after the rename, and an aborted
	 * write leaves nothing. */
	char *listing = NULL;
	dir = write_cache(2, false);
	char *p = malloc(strlen(dir) + 32);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, CACHE_FILE);
	assert_int_not_equal(access(p, F_OK), 0);
	assert_int_equal(cache_load(&cat, dir, &cc, &cause), 1);	/* no cache */
	free(p);
	free(listing);
}


/* Both of the register's caches say whose contacts depend on where one
 * lives, as the bundled catalogue does: a national entry without
 * channels is national, one that a local variant stands in for is local,
 * and so is the variant. */
#define NATIONAL_ID "11111111-2222-4333-8444-000000000001"
#define WITH_VARIANT_ID "11111111-2222-4333-8444-000000000002"
static void
test_cache_contacts_local(void **state)
{
	(void)state;
	const char *dir = tu_temp_dir();
	struct cache_header h = { strdup("https://ptv.example/api/v11"), 1796169723, 1796169000, strdup("179") };
	char *cause = NULL;
	struct catalogue_codes cc = catcodes();
	struct cache_writer *w = cache_create(dir, &h, &cc, &cause);
	assert_non_null(w);
	struct ptv_codes pc = codes();
	json_t *in = parse(service), *chans = mapped_channels();
	const char *why;
	json_t *e = ptv_map_service(in, chans, &pc, "https://x", &why);
	assert_non_null(e);
	static const struct {
		const char *id, *variant_of;
		bool local;
	} lines[] = {
		{ NATIONAL_ID, NULL, false },
		{ WITH_VARIANT_ID, NULL, false },
		{ WITH_VARIANT_ID "--jyvaskyla", WITH_VARIANT_ID, true },
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		json_object_set_new(e, "service_id", json_string(lines[i].id));
		json_object_set_new(e, "service_channels", json_array());
		json_object_set_new(e, "area", lines[i].local ?
		    json_pack("{s:[s]}", "municipalities", "179") : json_string("national"));
		if (lines[i].variant_of != NULL)
			json_object_set_new(e, "variant_of", json_string(lines[i].variant_of));
		char *line = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (cache_write(w, line, &cause) != 0)
			fail_msg("%s", cause);
		free(line);
	}
	assert_int_equal(cache_commit(w, &cause), 0);
	json_decref(e);
	json_decref(in);
	json_decref(chans);
	cache_header_free(&h);

	struct catalogue bin, jsonl;
	assert_int_equal(cache_load(&bin, dir, &cc, &cause), 0);
	assert_int_equal(cache_load_jsonl(&jsonl, dir, &cc, &cause), 0);
	const struct catalogue *both[] = { &bin, &jsonl };
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(both[i]->n, 3);
		assert_false(tu_contacts_local(both[i], NATIONAL_ID));
		assert_true(tu_contacts_local(both[i], WITH_VARIANT_ID));
		assert_true(tu_contacts_local(both[i], WITH_VARIANT_ID "--jyvaskyla"));
	}
	catalogue_free(&bin);
	catalogue_free(&jsonl);
}

/* Rewrite the cache file of dir through an edit of its text. */
static void
edit_cache(const char *dir, const char *from, const char *to)
{
	char *p = malloc(strlen(dir) + 32);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, CACHE_FILE);
	char *text = tu_read(p);
	char *edited = tu_replace(text, from, to);
	tu_write(p, edited);
	free(edited);
	free(text);
	free(p);
}

static void
test_cache_broken(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *says;
	} cases[] = {
		{ "{\"end\":\"opastin-ptv-cache\",\"services\":2}\n", "", "cut short" },
		{ "\"services\":2}", "\"services\":3}", "count does not match" },
		{ "\"services\":2}\n", "\"services\":2}\n{}\n", "a line after the end" },
		{ "\"version\":1", "\"version\":7", "another version" },
		{ "\"format\":\"opastin-ptv-cache\"", "\"format\":\"x\"", "not a cache" },
		{ "\"P5.2\"", "\"P999\"", ":2:" },
		{ "\"services\":2}\n", "\"services\":2}", "ends inside a line" },
	};
	struct catalogue_codes cc = catcodes();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *dir = write_cache(2, true);
		edit_cache(dir, cases[i].from, cases[i].to);
		struct catalogue cat;
		char *cause = NULL;
		assert_int_equal(cache_load_jsonl(&cat, dir, &cc, &cause), -1);
		assert_non_null(cause);
		if (strstr(cause, cases[i].says) == NULL)
			print_error("case %zu: %s\n", i, cause);
		assert_non_null(strstr(cause, cases[i].says));
		assert_int_equal(cat.n, 0);
		free(cause);
	}
	/* A FIFO is refused at once, never waited on. */
	const char *dir = tu_temp_dir();
	char *p = malloc(strlen(dir) + 32);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, CACHE_FILE);
	assert_int_equal(mkfifo(p, 0600), 0);
	struct catalogue cat;
	char *cause = NULL;
	assert_int_equal(cache_load(&cat, dir, &cc, &cause), -1);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	unlink(p);
	free(p);
}

/* ---- The compact cache (ptv-services.bin) ---- */

static unsigned char *
read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void
write_bytes(const char *path, const unsigned char *p, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char *
bin_path(const char *dir)
{
	char *p = malloc(strlen(dir) + sizeof CACHE_BIN_FILE + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", dir, CACHE_BIN_FILE);
	return p;
}

/* cache_load() of dir must fail, saying says (when not NULL). */
static void
assert_refused(const char *dir, const char *says, const char *what)
{
	struct catalogue_codes cc = catcodes();
	struct catalogue cat;
	char *cause = NULL;
	int rc = cache_load(&cat, dir, &cc, &cause);
	if (rc != -1 || cause == NULL || (says != NULL && strstr(cause, says) == NULL))
		print_error("%s: rc %d, %s\n", what, rc, cause ? cause : "(no cause)");
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	if (says != NULL)
		assert_non_null(strstr(cause, says));
	assert_int_equal(cat.n, 0);
	assert_null(cat.v);
	free(cause);
}

/* The compact cache gives the very services that the JSON Lines give. */
static void
test_compact_round_trip(void **state)
{
	(void)state;
	const char *dir = write_cache(3, true);
	struct catalogue_codes cc = catcodes();
	struct catalogue bin, lines;
	char *cause = NULL;

	assert_int_equal(cache_load(&bin, dir, &cc, &cause), 0);
	assert_int_equal(cache_load_jsonl(&lines, dir, &cc, &cause), 0);
	assert_int_equal(bin.n, 3);
	assert_int_equal(lines.n, 3);
	assert_string_equal(bin.date, lines.date);
	assert_int_equal(bin.origin, CATALOGUE_REGISTER);
	assert_non_null(catalogue_index_of(&bin));
	bool hours = false, phones = false;
	for (size_t i = 0; i < bin.n; i++) {
		struct cache_buf a = { 0 }, b = { 0 };
		cache_record_encode(&a, &bin.v[i], &assets.quest);
		cache_record_encode(&b, &lines.v[i], &assets.quest);
		assert_int_equal(a.n, b.n);
		assert_memory_equal(a.p, b.p, a.n);
		free(a.p);
		free(b.p);
		/* Codes are the tables' own strings, as the loader makes them. */
		assert_ptr_equal(bin.v[i].classes[0], lines.v[i].classes[0]);
		for (size_t k = 0; k < bin.v[i].nch; k++) {
			hours = hours || bin.v[i].ch[k].opening.n > 0;
			phones = phones || bin.v[i].ch[k].nphones > 0;
		}
	}
	assert_true(hours);	/* the fixture covers the detail's fields */
	assert_true(phones);
	catalogue_free(&bin);
	catalogue_free(&lines);
}

/* A cut, damaged or other-version file is refused whole, with a cause. */
static void
test_compact_broken(void **state)
{
	(void)state;
	const char *dir = write_cache(2, true);
	char *path = bin_path(dir);
	size_t len;
	unsigned char *good = read_bytes(path, &len), *bad = malloc(len + 1);
	assert_non_null(bad);
	assert_true(len > 100);

	/* Cut anywhere. */
	for (size_t n = 0; n < len; n++) {
		write_bytes(path, good, n);
		assert_refused(dir, n == 0 ? "the file is empty" : "cut short", "cut");
	}
	/* Any one byte changed, the checksum's included. */
	for (size_t i = 0; i < len; i++) {
		memcpy(bad, good, len);
		bad[i] ^= 0x41;
		write_bytes(path, bad, len);
		assert_refused(dir, NULL, "one byte changed");
	}
	memcpy(bad, good, len);
	bad[len - 1] ^= 1;
	write_bytes(path, bad, len);
	assert_refused(dir, "the checksum does not match", "checksum");
	memcpy(bad, good, len);
	bad[len] = '\n';
	write_bytes(path, bad, len + 1);
	assert_refused(dir, "bytes after the end", "appended");
	memcpy(bad, good, len);
	memcpy(bad, "OPASTINX", 8);
	write_bytes(path, bad, len);
	assert_refused(dir, "not a cache of Opastin's", "magic");
	/* A time that no date can show. */
	memcpy(bad, good, len);
	bad[16 + 7] = 0x7f;
	write_bytes(path, bad, len);
	assert_refused(dir, "the header's time is out of range", "time");
	/* Another format version: named, with what to do. */
	memcpy(bad, good, len);
	bad[8] = 3;
	write_bytes(path, bad, len);
	assert_refused(dir, "a cache of format version 3, and this Opastin reads version 2; run opastin --sync",
	    "version");

	/* Without the compact file, the JSON Lines of an older sync serve. */
	unlink(path);
	struct catalogue_codes cc = catcodes();
	struct catalogue cat;
	char *cause = NULL;
	assert_int_equal(cache_load(&cat, dir, &cc, &cause), 0);
	assert_int_equal(cat.n, 2);
	catalogue_free(&cat);
	/* And a FIFO in its place is refused at once, never waited on. */
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_refused(dir, "not a regular file", "FIFO");
	unlink(path);
	free(good);
	free(bad);
	free(path);

	/* The writer takes only entries the catalogue's loader accepts. */
	struct cache_header h = { strdup("https://ptv.example/api/v11"), 1796169723, 1796169000, strdup("179") };
	struct cache_writer *w = cache_create(tu_temp_dir(), &h, &cc, &cause);
	assert_non_null(w);
	assert_int_equal(cache_write(w, "{\"service_id\":\"x\"}", &cause), -2);
	assert_non_null(strstr(cause, "missing"));
	free(cause);
	assert_int_equal(cache_count(w), 0);
	cache_abort(w);
	cache_header_free(&h);
}

/* The record decoder alone, with no checksum in front of it: whatever
 * the bytes, it reads within them and fails or gives a whole service
 * (ASan and valgrind builds check the first; the second is asserted). */
static void
test_record_hostile(void **state)
{
	(void)state;
	const char *dir = write_cache(1, true);
	char *path = bin_path(dir);
	size_t len;
	unsigned char *file = read_bytes(path, &len);
	size_t at = 12;
	size_t hlen = file[at] | (size_t)file[at + 1] << 8;
	at += 4 + hlen;
	size_t rlen = file[at] | (size_t)file[at + 1] << 8 | (size_t)file[at + 2] << 16;
	at += 4;
	assert_true(at + rlen < len);
	const unsigned char *rec = file + at;
	struct catalogue_codes cc = catcodes();
	struct cat_service s;
	char *cause = NULL;

	assert_int_equal(cache_record_decode(rec, rlen, &cc, &s, &cause), 0);
	char *id = cache_record_id(rec, rlen);
	assert_string_equal(id, s.id);
	free(id);
	cat_service_free(&s);
	unsigned char *copy = malloc(rlen);
	assert_non_null(copy);
	for (size_t n = 0; n < rlen; n++) {
		/* Cut: the copy holds exactly n bytes for ASan to watch. */
		unsigned char *cut = malloc(n ? n : 1);
		assert_non_null(cut);
		memcpy(cut, rec, n);
		assert_int_equal(cache_record_decode(cut, n, &cc, &s, &cause), -1);
		free(cause);
		free(cut);
	}
	static const unsigned char values[] = { 0x00, 0x01, 0x07, 0x1b, 0x80, 0xff };
	for (size_t i = 0; i < rlen; i++) {
		for (size_t v = 0; v < sizeof values; v++) {
			memcpy(copy, rec, rlen);
			copy[i] = values[v];
			if (cache_record_decode(copy, rlen, &cc, &s, &cause) == 0) {
				/* Still a service the kiosk can show. */
				assert_non_null(s.id);
				assert_true(text_is_clean(s.id));
				for (size_t k = 0; k < s.nch; k++)
					assert_true(s.ch[k].type <= CHANNEL_OTHER);
				cat_service_free(&s);
			} else {
				assert_non_null(cause);
				assert_null(s.id);
				free(cause);
			}
			cause = NULL;
		}
	}
	free(copy);
	free(file);
	free(path);
}

static void
test_serves(void **state)
{
	(void)state;
	json_t *nat = parse("{\"area\": \"national\"}");
	json_t *loc = parse("{\"area\": {\"municipalities\": [\"179\", \"992\"]}}");
	assert_true(cache_entry_serves(nat, "091"));
	assert_true(cache_entry_serves(loc, "091,992"));
	assert_true(cache_entry_serves(loc, "179"));
	assert_false(cache_entry_serves(loc, "853"));
	assert_false(cache_entry_serves(loc, "091,853"));
	json_decref(nat);
	json_decref(loc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone_channel),
		cmocka_unit_test(test_location_channel),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_service),
		cmocka_unit_test(test_service_refused),
		cmocka_unit_test(test_class_dims),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_cache_round_trip),
		cmocka_unit_test(test_cache_broken),
		cmocka_unit_test(test_compact_round_trip),
		cmocka_unit_test(test_cache_contacts_local),
		cmocka_unit_test(test_compact_broken),
		cmocka_unit_test(test_record_hostile),
		cmocka_unit_test(test_serves),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
