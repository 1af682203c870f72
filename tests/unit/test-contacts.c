/*
 * Contacts in the citizen's language: a phone line that does not serve
 * the screen's language comes after those that do and says which
 * languages it serves ("(in Swedish)"); a web page that exists only in
 * another language says so ("(in English)").
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "present.h"
#include "results.h"
#include "util.h"

#define FI (1u << LANG_FI)
#define SV (1u << LANG_SV)
#define EN (1u << LANG_EN)

static void
phone(struct cat_channel *c, const char *id, const char *number, unsigned int langs)
{
	c->id = xstrdup(id);
	c->type = CHANNEL_PHONE;
	c->name.v[LANG_EN] = xstrdup(id);
	strv_push(&c->phones, &c->nphones, xstrdup(number));
	c->languages = langs;
}

static void
web(struct cat_channel *c, const char *id, const char *fi, const char *sv, const char *en)
{
	c->id = xstrdup(id);
	c->type = CHANNEL_WEBPAGE;
	c->name.v[LANG_EN] = xstrdup(id);
	c->web.v[LANG_FI] = fi ? xstrdup(fi) : NULL;
	c->web.v[LANG_SV] = sv ? xstrdup(sv) : NULL;
	c->web.v[LANG_EN] = en ? xstrdup(en) : NULL;
}

/* A helpline in the catalogue's order: Swedish, English, Finnish and
 * English, Finnish; pages in English only, and in Finnish and Swedish. */
static void
build(struct catalogue *cat)
{
	memset(cat, 0, sizeof *cat);
	cat->date = xstrdup("2026-12-02");
	cat->n = 1;
	cat->v = xcalloc(1, sizeof *cat->v);
	struct cat_service *s = &cat->v[0];
	s->id = xstrdup("helpline");
	s->name.v[LANG_EN] = xstrdup("Helpline");
	s->summary.v[LANG_EN] = xstrdup("summary");
	s->org.v[LANG_EN] = xstrdup("org");
	s->nch = 6;
	s->ch = xcalloc(s->nch, sizeof *s->ch);
	phone(&s->ch[0], "line-sv", "09 0000 0112", SV);
	phone(&s->ch[1], "line-en", "09 0000 0116", EN);
	phone(&s->ch[2], "line-fi-en", "080 000 000", FI | EN);
	phone(&s->ch[3], "line-fi", "09 0000 0111", FI);
	web(&s->ch[4], "page-en", NULL, NULL, "https://example.fi/en/help");
	web(&s->ch[5], "page-fi-sv", "https://example.fi/apu", "https://example.fi/sv/hjalp", NULL);
}

static size_t
at(const struct service *s, const char *id)
{
	for (size_t i = 0; i < s->nch; i++)
		if (strcmp(s->ch[i].id, id) == 0)
			return i;
	fail_msg("no channel %s", id);
	return 0;
}

/* The value of the first label line of a channel as shown. */
static char *
shown(const struct service *s, const char *id, enum lang l, const char *label)
{
	char **labels = NULL, **values = NULL, *out = NULL;
	size_t n = 0;

	present_channel(&s->ch[at(s, id)], l, &labels, &values, &n);
	for (size_t i = 0; i < n && out == NULL; i++)
		if (strcmp(labels[i], label) == 0)
			out = xstrdup(values[i]);
	strv_free(labels, n);
	strv_free(values, n);
	assert_non_null(out);
	return out;
}

static void
check(const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		print_error("got  \"%s\"\nwant \"%s\"\n", got, want);
	assert_string_equal(got, want);
}

static void
test_order(void **state)
{
	struct catalogue cat;
	struct service s;
	(void)state;

	build(&cat);
	/* Finnish screen: both lines that serve Finnish, in catalogue
	 * order, before the Swedish and English ones. */
	catalogue_to_result(&cat.v[0], LANG_FI, &s);
	assert_true(at(&s, "line-fi-en") < at(&s, "line-sv"));
	assert_true(at(&s, "line-fi") < at(&s, "line-sv"));
	assert_true(at(&s, "line-fi") < at(&s, "line-en"));
	assert_true(at(&s, "line-sv") < at(&s, "line-en"));
	service_free(&s);
	/* Swedish screen: the Swedish line first of the phones. */
	catalogue_to_result(&cat.v[0], LANG_SV, &s);
	assert_int_equal(at(&s, "line-sv"), 0);
	assert_true(at(&s, "line-fi") > at(&s, "line-sv"));
	service_free(&s);
	/* English screen: the two lines that serve English first. */
	catalogue_to_result(&cat.v[0], LANG_EN, &s);
	assert_true(at(&s, "line-en") < at(&s, "line-sv"));
	assert_true(at(&s, "line-fi-en") < at(&s, "line-fi"));
	service_free(&s);
	catalogue_free(&cat);
}

static void
test_phone_labels(void **state)
{
	struct catalogue cat;
	struct service s;
	char *v;
	(void)state;

	build(&cat);
	catalogue_to_result(&cat.v[0], LANG_FI, &s);
	check(v = shown(&s, "line-fi", LANG_FI, "Phone"), "09 0000 0111");
	free(v);
	check(v = shown(&s, "line-fi-en", LANG_FI, "Phone"), "080 000 000");
	free(v);
	check(v = shown(&s, "line-sv", LANG_FI, "Phone"), "09 0000 0112 (in Swedish)");
	free(v);
	check(v = shown(&s, "line-en", LANG_FI, "Phone"), "09 0000 0116 (in English)");
	free(v);
	service_free(&s);

	catalogue_to_result(&cat.v[0], LANG_SV, &s);
	check(v = shown(&s, "line-sv", LANG_SV, "Phone"), "09 0000 0112");
	free(v);
	check(v = shown(&s, "line-fi-en", LANG_SV, "Phone"), "080 000 000 (in Finnish and in English)");
	free(v);
	service_free(&s);
	catalogue_free(&cat);

	/* No "Languages: sv" line with a code any more. */
	char *note = present_in_languages(SV);
	check(note, "in Swedish");
	free(note);
}

static void
test_web_labels(void **state)
{
	struct catalogue cat;
	struct service s;
	char *v;
	(void)state;

	build(&cat);
	catalogue_to_result(&cat.v[0], LANG_FI, &s);
	check(v = shown(&s, "page-en", LANG_FI, "Web"), "https://example.fi/en/help (in English)");
	free(v);
	check(v = shown(&s, "page-fi-sv", LANG_FI, "Web"), "https://example.fi/apu");
	free(v);
	service_free(&s);

	catalogue_to_result(&cat.v[0], LANG_SV, &s);
	check(v = shown(&s, "page-fi-sv", LANG_SV, "Web"), "https://example.fi/sv/hjalp");
	free(v);
	check(v = shown(&s, "page-en", LANG_SV, "Web"), "https://example.fi/en/help (in English)");
	free(v);
	service_free(&s);

	/* English screen: an English page has no note; a page in Finnish
	 * and Swedish only shows the Finnish one and says so. */
	catalogue_to_result(&cat.v[0], LANG_EN, &s);
	check(v = shown(&s, "page-en", LANG_EN, "Web"), "https://example.fi/en/help");
	free(v);
	check(v = shown(&s, "page-fi-sv", LANG_EN, "Web"), "https://example.fi/apu (in Finnish)");
	free(v);
	service_free(&s);
	catalogue_free(&cat);
}

/* A backend channel states no languages: nothing is added. */
static void
test_backend_channel(void **state)
{
	struct channel c;
	(void)state;

	memset(&c, 0, sizeof c);
	strv_push(&c.phones, &c.nphones, xstrdup("029 000 000"));
	strv_push(&c.web, &c.nweb, xstrdup("https://example.fi/x"));
	char *p = present_phone(&c, 0, LANG_SV), *w = present_web(&c, 0, LANG_SV);
	check(p, "029 000 000");
	check(w, "https://example.fi/x");
	free(p);
	free(w);
	channel_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_phone_labels),
		cmocka_unit_test(test_web_labels),
		cmocka_unit_test(test_backend_channel),
	};
	return cmocka_run_group_tests_name("contacts", tests, NULL, NULL);
}
