/*
 * Local variants (catalogue "variant_of"): the wellbeing services
 * county's own entry replaces the national one for the citizens of its
 * municipalities, and only for them; and the loader's checks of the field.
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
#include "present.h"
#include "profile.h"
#include "recommend.h"
#include "testutil.h"

/* ---- a catalogue built in C: one national clinic, two local variants,
 * a local service of its own and a national service beside them ---- */

struct def {
	const char *id;
	const char *variant_of;
	const char *munis[3];	/* none: national */
	const char *words;	/* its English name, searched */
};

static const struct def defs[] = {
	{ "clinic", NULL, { NULL }, "child health clinic" },
	{ "clinic--helsinki", "clinic", { "091" }, "child health clinic" },
	{ "clinic--keski-suomi", "clinic", { "179", "992" }, "child health clinic" },
	{ "helsinki-playground", NULL, { "091" }, "playground clinic" },
	{ "child-benefit", NULL, { NULL }, "child benefit" },
};
#define NDEFS (sizeof defs / sizeof defs[0])

static void
build(struct catalogue *cat)
{
	memset(cat, 0, sizeof *cat);
	cat->date = strdup("2026-12-02");
	cat->v = calloc(NDEFS, sizeof *cat->v);
	assert_non_null(cat->v);
	cat->n = NDEFS;
	for (size_t i = 0; i < NDEFS; i++) {
		struct cat_service *s = &cat->v[i];
		s->id = strdup(defs[i].id);
		if (defs[i].variant_of != NULL)
			s->variant_of = strdup(defs[i].variant_of);
		for (int l = 0; l < LANG_COUNT; l++)
			s->name.v[l] = strdup(defs[i].words);
		s->summary.v[LANG_EN] = strdup("summary");
		s->org.v[LANG_EN] = strdup(defs[i].id);
		s->events = calloc(1, sizeof *s->events);
		s->events[0] = strdup("KE1");
		s->nevents = 1;
		s->classes = calloc(1, sizeof *s->classes);
		s->classes[0] = strdup("P5.2");
		s->nclasses = 1;
		for (size_t k = 0; k < 3 && defs[i].munis[k] != NULL; k++) {
			s->municipalities = realloc(s->municipalities,
			    (k + 1) * sizeof *s->municipalities);
			s->municipalities[k] = strdup(defs[i].munis[k]);
			s->nmunicipalities = k + 1;
		}
		s->relevance[DIM_FAMILY] = 0.5;
	}
}

static void
citizen(struct profile *p, const char *municipality)
{
	memset(p, 0, sizeof *p);
	p->age = p->age_min = p->age_max = -1;
	p->lang = LANG_EN;
	tags_add(&p->events, "KE1", PROFILE_NO_SOURCE, -1);
	if (municipality != NULL)
		snprintf(p->municipality, sizeof p->municipality, "%s", municipality);
}

static bool
shown(const struct results *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].id, id) == 0)
			return true;
	return false;
}

/* Whose clinic a citizen of the municipality is shown, by answers and by
 * a search: want is the one clinic entry shown. */
static void
check_clinic(const struct catalogue *cat, const char *municipality, const char *want)
{
	static const char *const clinics[] = {
		"clinic", "clinic--helsinki", "clinic--keski-suomi"
	};
	struct profile p;
	struct results r;

	citizen(&p, municipality);
	for (int search = 0; search < 2; search++) {
		if (search)
			recommend_search(cat, "clinic", &p, 10, &r);
		else
			recommend(cat, &p, 10, &r);
		for (size_t i = 0; i < 3; i++) {
			bool want_it = strcmp(clinics[i], want) == 0;
			if (shown(&r, clinics[i]) != want_it)
				print_error("municipality %s, %s: %s is %s\n",
				    municipality ? municipality : "(none)",
				    search ? "search" : "answers", clinics[i],
				    want_it ? "missing" : "shown");
			assert_int_equal(shown(&r, clinics[i]), want_it);
		}
		/* Ranks stay 1, 2, ... with the national entry gone. */
		for (size_t i = 0; i < r.n; i++)
			assert_int_equal(r.v[i].rank, (int)i + 1);
		results_free(&r);
	}
	profile_wipe(&p);
}

static void
test_variant_replaces_national(void **state)
{
	struct catalogue cat;
	(void)state;

	build(&cat);
	check_clinic(&cat, "091", "clinic--helsinki");
	check_clinic(&cat, "179", "clinic--keski-suomi");
	check_clinic(&cat, "992", "clinic--keski-suomi");
	catalogue_free(&cat);
}

static void
test_national_stays_elsewhere(void **state)
{
	struct catalogue cat;
	(void)state;

	build(&cat);
	/* No municipality given, or one that no variant serves. */
	check_clinic(&cat, NULL, "clinic");
	check_clinic(&cat, "853", "clinic");
	catalogue_free(&cat);
}

static void
test_superseded_marks(void **state)
{
	struct catalogue cat;
	struct profile p;
	bool out[NDEFS];
	(void)state;

	build(&cat);
	citizen(&p, "091");
	recommend_superseded(&cat, &p, out);
	/* Only the national clinic: not the variants, not a local service
	 * of its own, not an unrelated national one. */
	assert_true(out[0]);
	for (size_t i = 1; i < NDEFS; i++)
		assert_false(out[i]);
	/* The local service of its own is shown beside the variant. */
	struct results r;
	recommend(&cat, &p, 10, &r);
	assert_true(shown(&r, "helsinki-playground"));
	assert_true(shown(&r, "child-benefit"));
	results_free(&r);
	profile_wipe(&p);

	citizen(&p, NULL);
	recommend_superseded(&cat, &p, out);
	for (size_t i = 0; i < NDEFS; i++)
		assert_false(out[i]);
	profile_wipe(&p);
	catalogue_free(&cat);
}

/* ---- whom to contact depends on where one lives ---- */


/* A local service, a variant and the national entry that variants stand
 * in for are local; a national service without variants is not.  The
 * index decides, and decides again when it is rebuilt. */
static void
test_contacts_local(void **state)
{
	struct catalogue cat;
	(void)state;

	build(&cat);
	catalogue_index(&cat);
	assert_true(tu_contacts_local(&cat, "clinic"));
	assert_true(tu_contacts_local(&cat, "clinic--helsinki"));
	assert_true(tu_contacts_local(&cat, "clinic--keski-suomi"));
	assert_true(tu_contacts_local(&cat, "helsinki-playground"));
	assert_false(tu_contacts_local(&cat, "child-benefit"));

	/* Without its variants the clinic is a national service. */
	for (size_t i = 1; i <= 2; i++) {
		free(cat.v[i].variant_of);
		cat.v[i].variant_of = NULL;
	}
	catalogue_index(&cat);
	assert_false(tu_contacts_local(&cat, "clinic"));
	assert_true(tu_contacts_local(&cat, "clinic--helsinki"));	/* still local */
	catalogue_free(&cat);
}

/* The detail screen's and the printout's words for a service without
 * channels: "provided locally" only where it is. */
static void
test_no_contacts_words(void **state)
{
	struct service s;
	(void)state;

	memset(&s, 0, sizeof s);
	s.org = strdup("Kela");
	char *t = present_no_contacts(&s);
	assert_null(strstr(t, "provided locally"));
	assert_non_null(strstr(t, "This kiosk has no contact details for this service."));
	assert_non_null(strstr(t, "Suomi.fi"));
	assert_non_null(strstr(t, "Kela"));
	free(t);

	s.contacts_local = true;
	t = present_no_contacts(&s);
	assert_non_null(strstr(t, "provided locally"));
	free(t);

	/* No organisation: nothing to name. */
	s.contacts_local = false;
	free(s.org);
	s.org = NULL;
	t = present_no_contacts(&s);
	assert_string_equal(t, "This kiosk has no contact details for this service. "
	    "Ask the staff here, or look for the service on Suomi.fi.");
	free(t);
}

/* The bundled catalogue as the kiosk loads it: the national services
 * that have no channels are national (Kela's student financial aid, DVV,
 * Migri, YEL); the child welfare supervisor's national entry and its
 * county variants are local. */
static void
test_contacts_local_bundled(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	static const char *const national[] = {
		"kela-student-financial-aid", "dvv-genealogical-certificate",
		"migri-asylum", "yel-entrepreneur-pension",
	};
	for (size_t i = 0; i < sizeof national / sizeof national[0]; i++) {
		for (size_t k = 0; k < a.cat.n; k++)
			if (strcmp(a.cat.v[k].id, national[i]) == 0)
				assert_int_equal(a.cat.v[k].nch, 0);
		if (tu_contacts_local(&a.cat, national[i]))
			fail_msg("%s: national, yet contacts_local", national[i]);
	}
	assert_true(tu_contacts_local(&a.cat, "wellbeing-child-agreements"));
	assert_true(tu_contacts_local(&a.cat, "wellbeing-child-agreements--lansi-uusimaa"));
	assert_true(tu_contacts_local(&a.cat, "wellbeing-child-agreements--helsinki"));
	assets_free(&a);
}

/* ---- the loader ---- */

/* The mini fixture's Helsinki clinic as a variant of its national
 * adoption counselling. */
#define CLINIC "\"service_id\": \"helsinki-family-clinic\","

static void
test_variant_loads(void **state)
{
	struct assets a;
	(void)state;

	tu_load(&a, tu_mini_variant("catalogue.json", CLINIC,
	    "\"service_id\": \"adoption-counselling--helsinki\", "
	    "\"variant_of\": \"adoption-counselling\","));
	size_t found = 0;
	for (size_t i = 0; i < a.cat.n; i++) {
		const struct cat_service *s = &a.cat.v[i];
		if (strcmp(s->id, "adoption-counselling--helsinki") == 0) {
			assert_string_equal(s->variant_of, "adoption-counselling");
			found++;
		} else {
			assert_null(s->variant_of);
		}
	}
	assert_int_equal(found, 1);
	assets_free(&a);
}

static void
check_bad(const char *to, const char *phrase)
{
	const char *dir = tu_mini_variant("catalogue.json", CLINIC, to);
	char *cause = tu_load_fail(dir);
	if (strstr(cause, phrase) == NULL || strstr(cause, "/catalogue.json:") == NULL)
		print_error("cause: %s\nwant:  ...%s\n", cause, phrase);
	assert_non_null(strstr(cause, phrase));
	assert_non_null(strstr(cause, "/catalogue.json:"));
	free(cause);
	tu_cleanup();
}

static void
test_variant_checked(void **state)
{
	(void)state;
	check_bad("\"service_id\": \"nothing--helsinki\", \"variant_of\": \"nothing\",",
	    "no service \"nothing\" in the catalogue");
	check_bad("\"service_id\": \"helsinki-clinic\", \"variant_of\": \"adoption-counselling\",",
	    "a variant's id is \"adoption-counselling--\" and a suffix");
	check_bad("\"service_id\": \"adoption-counselling--\", \"variant_of\": \"adoption-counselling\",",
	    "a variant's id is \"adoption-counselling--\" and a suffix");
	check_bad("\"service_id\": \"helsinki-family-clinic--x\", \"variant_of\": \"helsinki-family-clinic--x\",",
	    "is not a national service of its own");
	check_bad("\"service_id\": \"adoption-counselling--helsinki\", \"variant_of\": 7,",
	    "\"variant_of\" must be a string");
}

/* A national entry as a variant: the area must be local. */
static void
test_variant_is_local(void **state)
{
	(void)state;
	const char *dir = tu_mini_variant("catalogue.json",
	    "\"service_id\": \"moving-notice\",",
	    "\"service_id\": \"adoption-counselling--all\", \"variant_of\": \"adoption-counselling\",");
	char *cause = tu_load_fail(dir);
	assert_non_null(strstr(cause, "a variant is local"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variant_replaces_national),
		cmocka_unit_test(test_national_stays_elsewhere),
		cmocka_unit_test(test_superseded_marks),
		cmocka_unit_test(test_contacts_local),
		cmocka_unit_test(test_no_contacts_words),
		cmocka_unit_test_teardown(test_contacts_local_bundled, tu_teardown),
		cmocka_unit_test_teardown(test_variant_loads, tu_teardown),
		cmocka_unit_test_teardown(test_variant_checked, tu_teardown),
		cmocka_unit_test_teardown(test_variant_is_local, tu_teardown),
	};
	return cmocka_run_group_tests_name("local", tests, NULL, NULL);
}
