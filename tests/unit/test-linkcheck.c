/*
 * The pure part of opastin --check-links: which URLs of a catalogue, or
 * of the register's cache and the bundled catalogue together, in what
 * order, each once, and whose; what an answer means; where a redirect
 * points, made safe; the report line and the counts.  The network part is tested against a
 * local HTTPS site by tests/check-links.sh.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "catalogue.h"
#include "linkcheck.h"
#include "testutil.h"
#include "util.h"

/* ---- A catalogue made in memory -------------------------------------- */

struct page {
	const char *fi, *sv, *en;
};

static void
add_service(struct catalogue *cat, const char *id, const char *source,
    const struct page *pages, size_t npages)
{
	cat->v = xreallocarray(cat->v, cat->n + 1, sizeof *cat->v);
	struct cat_service *s = &cat->v[cat->n++];
	memset(s, 0, sizeof *s);
	s->id = xstrdup(id);
	s->source = xstrdup(source);
	s->ch = xcalloc(npages ? npages : 1, sizeof *s->ch);
	s->nch = npages;
	for (size_t i = 0; i < npages; i++) {
		const char *v[LANG_COUNT] = { pages[i].fi, pages[i].sv, pages[i].en };
		s->ch[i].type = CHANNEL_WEBPAGE;
		for (int l = 0; l < LANG_COUNT; l++)
			s->ch[i].web.v[l] = v[l] ? xstrdup(v[l]) : NULL;
	}
}

static void
sample(struct catalogue *cat)
{
	memset(cat, 0, sizeof *cat);
	add_service(cat, "kela-a", "https://kela.example/source-a", (struct page[]){
	    { "https://kela.example/fi", "https://kela.example/sv", "https://kela.example/en" },
	    { NULL, NULL, "https://kela.example/phone-page" },
	}, 2);
	/* Shares a page with kela-a, and names it twice itself. */
	add_service(cat, "kela-b", "Kela's leaflet, 2024", (struct page[]){
	    { NULL, "https://kela.example/sv", NULL },
	    { "https://kela.example/sv", NULL, "https://kela.example/b" },
	}, 2);
	/* No channels; its source is a URL another uses as a page. */
	add_service(cat, "vero-c", "https://kela.example/en", NULL, 0);
	add_service(cat, "old-d", "HTTP://old.example/source", (struct page[]){
	    { "http://old.example/fi", NULL, NULL },
	}, 1);
	add_service(cat, "case-e", "ftp://files.example/x", (struct page[]){
	    { NULL, NULL, "HTTPS://Case.example/E" },
	}, 1);
}

/* The ids of the services of source src that use l, between spaces. */
static char *
ids_of(const struct link *l, enum link_source src)
{
	char *ids = xstrdup("");

	for (size_t j = 0; j < l->nservices[src]; j++) {
		char *more = xasprintf("%s%s%s", ids, j ? " " : "", l->services[src][j]);
		free(ids);
		ids = more;
	}
	return ids;
}

static void
test_collect(void **state)
{
	static const struct {
		const char *url;
		const char *services;
		enum link_verdict verdict;
	} want[] = {
		/* kela-a: each channel's pages fi, sv, en; then its source. */
		{ "https://kela.example/fi", "kela-a", LINK_UNCHECKED },
		{ "https://kela.example/sv", "kela-a kela-b", LINK_UNCHECKED },
		{ "https://kela.example/en", "kela-a vero-c", LINK_UNCHECKED },
		{ "https://kela.example/phone-page", "kela-a", LINK_UNCHECKED },
		{ "https://kela.example/source-a", "kela-a", LINK_UNCHECKED },
		/* kela-b: its new page only; a source in words is no URL. */
		{ "https://kela.example/b", "kela-b", LINK_UNCHECKED },
		/* Plain http is decided at once, without asking. */
		{ "http://old.example/fi", "old-d", LINK_NOT_HTTPS },
		{ "HTTP://old.example/source", "old-d", LINK_NOT_HTTPS },
		/* The scheme in any case; an ftp:// source is not a web page. */
		{ "HTTPS://Case.example/E", "case-e", LINK_UNCHECKED },
	};
	struct catalogue cat;
	struct links ls;
	(void)state;

	sample(&cat);
	linkcheck_collect(&ls, (const struct catalogue *[]){ &cat }, 1);
	assert_int_equal(ls.n, nitems(want));
	assert_false(linkcheck_several_sources(&ls));
	for (size_t i = 0; i < ls.n && i < nitems(want); i++) {
		char *ids = ids_of(&ls.v[i], LINK_BUNDLED);
		assert_string_equal(ls.v[i].url, want[i].url);
		assert_string_equal(ids, want[i].services);
		assert_int_equal(ls.v[i].verdict, want[i].verdict);
		assert_int_equal(ls.v[i].nservices[LINK_REGISTER], 0);
		free(ids);
	}
	linkcheck_free(&ls);
	assert_int_equal(ls.n, 0);
	catalogue_free(&cat);
}

static void
test_collect_empty(void **state)
{
	struct catalogue cat = { 0 };
	struct links ls;
	(void)state;

	linkcheck_collect(&ls, (const struct catalogue *[]){ &cat }, 1);
	assert_int_equal(ls.n, 0);
	linkcheck_free(&ls);
	linkcheck_collect(&ls, NULL, 0);
	assert_int_equal(ls.n, 0);
	assert_false(linkcheck_several_sources(&ls));
	linkcheck_free(&ls);
}

/* The shipped catalogue: every URL once, every channel page present and
 * naming its service, every URL a web address. */
static void
test_collect_assets(void **state)
{
	struct assets a;
	struct links ls;
	(void)state;

	tu_load(&a, ASSETS_DIR);
	linkcheck_collect(&ls, (const struct catalogue *[]){ &a.cat }, 1);
	assert_true(ls.n > 10);
	for (size_t i = 0; i < ls.n; i++) {
		assert_true(linkcheck_is_web(ls.v[i].url));
		assert_true(ls.v[i].nservices[LINK_BUNDLED] >= 1);
		for (size_t j = i + 1; j < ls.n; j++)
			assert_string_not_equal(ls.v[i].url, ls.v[j].url);
	}
	for (size_t s = 0; s < a.cat.n; s++) {
		const struct cat_service *sv = &a.cat.v[s];
		for (size_t c = 0; c < sv->nch; c++) {
			for (int l = 0; l < LANG_COUNT; l++) {
				const char *u = sv->ch[c].web.v[l];
				bool found = false;
				if (u == NULL)
					continue;
				for (size_t i = 0; i < ls.n && !found; i++)
					found = strcmp(ls.v[i].url, u) == 0 &&
					    strv_contains(ls.v[i].services[LINK_BUNDLED],
					    ls.v[i].nservices[LINK_BUNDLED], sv->id);
				if (!found)
					fail_msg("%s of %s is not collected", u, sv->id);
			}
		}
	}
	linkcheck_free(&ls);
	assets_free(&a);
}

/* A register cache (origin CATALOGUE_REGISTER) beside the bundled
 * catalogue, as a kiosk with a cache serves them: each URL once over
 * both, the cache's first, every service kept with its catalogue. */
static void
register_sample(struct catalogue *reg)
{
	memset(reg, 0, sizeof *reg);
	reg->origin = CATALOGUE_REGISTER;
	add_service(reg, "ptv-1", "https://ptv.example/Service/1", (struct page[]){
	    { "https://reg.example/fi", NULL, "https://kela.example/en" },
	}, 1);
	/* The same id as a bundled service: another service all the same. */
	add_service(reg, "kela-a", "https://ptv.example/Service/2", (struct page[]){
	    { "https://kela.example/fi", "http://reg.example/sv", NULL },
	}, 1);
}

static void
test_collect_two(void **state)
{
	static const struct {
		const char *url;
		const char *reg, *cat;	/* the services of each catalogue */
		enum link_verdict verdict;
	} want[] = {
		/* The cache's, in its order, with the bundled catalogue's
		 * services that use them too. */
		{ "https://reg.example/fi", "ptv-1", "", LINK_UNCHECKED },
		{ "https://kela.example/en", "ptv-1", "kela-a vero-c", LINK_UNCHECKED },
		{ "https://ptv.example/Service/1", "ptv-1", "", LINK_UNCHECKED },
		{ "https://kela.example/fi", "kela-a", "kela-a", LINK_UNCHECKED },
		{ "http://reg.example/sv", "kela-a", "", LINK_NOT_HTTPS },
		{ "https://ptv.example/Service/2", "kela-a", "", LINK_UNCHECKED },
		/* Then the bundled catalogue's that the cache does not
		 * have, in its order. */
		{ "https://kela.example/sv", "", "kela-a kela-b", LINK_UNCHECKED },
		{ "https://kela.example/phone-page", "", "kela-a", LINK_UNCHECKED },
		{ "https://kela.example/source-a", "", "kela-a", LINK_UNCHECKED },
		{ "https://kela.example/b", "", "kela-b", LINK_UNCHECKED },
		{ "http://old.example/fi", "", "old-d", LINK_NOT_HTTPS },
		{ "HTTP://old.example/source", "", "old-d", LINK_NOT_HTTPS },
		{ "HTTPS://Case.example/E", "", "case-e", LINK_UNCHECKED },
	};
	struct catalogue reg, cat;
	struct links ls;
	(void)state;

	register_sample(&reg);
	sample(&cat);
	linkcheck_collect(&ls, (const struct catalogue *[]){ &reg, &cat }, 2);
	assert_true(linkcheck_several_sources(&ls));
	assert_int_equal(ls.sources, (1u << LINK_REGISTER) | (1u << LINK_BUNDLED));
	assert_int_equal(ls.n, nitems(want));
	for (size_t i = 0; i < ls.n && i < nitems(want); i++) {
		char *r = ids_of(&ls.v[i], LINK_REGISTER);
		char *c = ids_of(&ls.v[i], LINK_BUNDLED);
		if (strcmp(ls.v[i].url, want[i].url) != 0 || strcmp(r, want[i].reg) != 0 ||
		    strcmp(c, want[i].cat) != 0)
			fail_msg("link %zu: %s used by \"%s\" and \"%s\", not %s by \"%s\" and \"%s\"",
			    i, ls.v[i].url, r, c, want[i].url, want[i].reg, want[i].cat);
		assert_int_equal(ls.v[i].verdict, want[i].verdict);
		free(r);
		free(c);
	}
	linkcheck_free(&ls);

	/* The cache alone (no bundled catalogue given) is one source. */
	linkcheck_collect(&ls, (const struct catalogue *[]){ &reg }, 1);
	assert_false(linkcheck_several_sources(&ls));
	assert_int_equal(ls.n, 6);
	assert_int_equal(ls.v[1].nservices[LINK_BUNDLED], 0);
	linkcheck_free(&ls);
	catalogue_free(&reg);
	catalogue_free(&cat);
}

/* ---- What an answer means -------------------------------------------- */

static void
test_verdict(void **state)
{
	(void)state;
	assert_int_equal(linkcheck_verdict(200, false), LINK_OK);
	assert_int_equal(linkcheck_verdict(204, false), LINK_OK);
	assert_int_equal(linkcheck_verdict(299, true), LINK_OK);
	assert_int_equal(linkcheck_verdict(301, true), LINK_REDIRECT);
	assert_int_equal(linkcheck_verdict(302, true), LINK_REDIRECT);
	assert_int_equal(linkcheck_verdict(307, true), LINK_REDIRECT);
	assert_int_equal(linkcheck_verdict(308, true), LINK_REDIRECT);
	assert_int_equal(linkcheck_verdict(302, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(404, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(404, true), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(410, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(500, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(503, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(100, false), LINK_HTTP_ERROR);
	assert_int_equal(linkcheck_verdict(0, false), LINK_HTTP_ERROR);
}

static void
test_retry_get(void **state)
{
	(void)state;
	/* HEAD refused or unknown: ask with GET. */
	assert_true(linkcheck_retry_get(NET_OK, 405));
	assert_true(linkcheck_retry_get(NET_OK, 403));
	assert_true(linkcheck_retry_get(NET_OK, 501));
	/* An answer that means what it says. */
	assert_false(linkcheck_retry_get(NET_OK, 200));
	assert_false(linkcheck_retry_get(NET_OK, 301));
	assert_false(linkcheck_retry_get(NET_OK, 404));
	assert_false(linkcheck_retry_get(NET_OK, 500));
	/* An empty or garbled answer: GET may do better. */
	assert_true(linkcheck_retry_get(NET_FAILED, 0));
	assert_true(linkcheck_retry_get(NET_TRUNCATED, 0));
	/* Not reached at all: GET would fail the same way, slower. */
	assert_false(linkcheck_retry_get(NET_CONNECT, 0));
	assert_false(linkcheck_retry_get(NET_TIMEOUT, 0));
	assert_false(linkcheck_retry_get(NET_TLS, 0));
	assert_false(linkcheck_retry_get(NET_CANCELLED, 0));
}

static void
test_is_web(void **state)
{
	(void)state;
	assert_true(linkcheck_is_web("https://a.example/"));
	assert_true(linkcheck_is_web("http://a.example/"));
	assert_true(linkcheck_is_web("HTTPS://A.example/"));
	assert_false(linkcheck_is_web("ftp://a.example/"));
	assert_false(linkcheck_is_web("Kela's leaflet"));
	assert_false(linkcheck_is_web("https:/a.example"));
	assert_false(linkcheck_is_web(NULL));
	assert_true(linkcheck_is_https("https://a.example/"));
	assert_true(linkcheck_is_https("HttpS://a.example/"));
	assert_false(linkcheck_is_https("http://a.example/"));
}

/* ---- Where a redirect points ----------------------------------------- */

static void
check_redirect(const char *url, const char *location, const char *want)
{
	char *got = linkcheck_redirect(url, location);
	if (strcmp(got, want) != 0)
		fail_msg("%s with Location \"%s\": \"%s\", not \"%s\"", url, location, got, want);
	free(got);
}

static void
test_redirect(void **state)
{
	const char *base = "https://www.kela.fi/a/b/page?x=1#top";
	(void)state;

	check_redirect(base, "https://kela.fi/new", "https://kela.fi/new");
	check_redirect(base, "/root", "https://www.kela.fi/root");
	check_redirect(base, "other", "https://www.kela.fi/a/b/other");
	check_redirect(base, "../up", "https://www.kela.fi/a/up");
	check_redirect(base, "../../../../top", "https://www.kela.fi/top");
	check_redirect(base, "./same?y=2", "https://www.kela.fi/a/b/same?y=2");
	check_redirect(base, "?y=2", "https://www.kela.fi/a/b/page?y=2");
	check_redirect(base, "//other.example/p", "https://other.example/p");
	check_redirect(base, "http://insecure.example/", "http://insecure.example/");
	check_redirect("https://h.example:8443/x", "/y", "https://h.example:8443/y");
	/* A space, as some servers send it, is encoded. */
	check_redirect(base, "/with space", "https://www.kela.fi/with%20space");
}

static void
test_redirect_hostile(void **state)
{
	const char *base = "https://www.kela.fi/a";
	(void)state;

	/* Whatever comes back holds no control and no bidi override. */
	static const char *const hostile[] = {
		"https://evil.example/\033[2J\033[31mred",
		"/\033]0;title\007x",
		"https://evil.example/\xe2\x80\xaetxt.exe",
		"javascript:alert(1)\r\nX-Injected: 1",
		"\xff\xfe not UTF-8",
		"",
	};
	for (size_t i = 0; i < nitems(hostile); i++) {
		char *got = linkcheck_redirect(base, hostile[i]);
		for (const unsigned char *p = (const unsigned char *)got; *p; p++) {
			if (*p < 0x20 || *p == 0x7f)
				fail_msg("control 0x%02x in \"%s\"", *p, got);
		}
		assert_null(strstr(got, "\xe2\x80\xae"));
		free(got);
	}
	/* What is left of the junk is still resolved. */
	check_redirect(base, "/\033]0;title\007x", "https://www.kela.fi/x");
	check_redirect(base, "https://evil.example/\033[2J\033[31mred\xe2\x80\xae.exe",
	    "https://evil.example/red.exe");
}

/* ---- The report line ------------------------------------------------- */

static void
set_services(struct link *l, enum link_source src, const char *a, const char *b)
{
	strv_push(&l->services[src], &l->nservices[src], xstrdup(a));
	if (b != NULL)
		strv_push(&l->services[src], &l->nservices[src], xstrdup(b));
}

static void
check_line(const struct net_reply *r, const char *url, const char *want, bool broken)
{
	struct links ls = { .v = xcalloc(1, sizeof *ls.v), .n = 1 };
	struct link *l = &ls.v[0];

	l->url = xstrdup(url);
	set_services(l, LINK_BUNDLED, "svc-a",
	    strcmp(url, "https://x.example/two") == 0 ? "svc-b" : NULL);
	if (r != NULL)
		linkcheck_outcome(l, r);
	else
		l->verdict = LINK_NOT_HTTPS;
	char *got = linkcheck_line(l, false);
	if (strcmp(got, want) != 0)
		fail_msg("\"%s\", not \"%s\"", got, want);
	assert_int_equal(linkcheck_broken(l), broken);
	free(got);
	linkcheck_free(&ls);
}

static void
test_line(void **state)
{
	(void)state;
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 200 },
	    "https://x.example/ok", "OK       https://x.example/ok  used by svc-a", false);
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 200 },
	    "https://x.example/two", "OK       https://x.example/two  used by svc-a, svc-b", false);
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 301, .location = "/new" },
	    "https://x.example/old",
	    "REDIRECT https://x.example/old -> https://x.example/new  used by svc-a", false);
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 404 },
	    "https://x.example/gone", "404      https://x.example/gone  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 500 },
	    "https://x.example/e", "500      https://x.example/e  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_OK, .http_code = 302 },
	    "https://x.example/r",
	    "302      https://x.example/r (a redirect that does not say where to)  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_TIMEOUT },
	    "https://x.example/t",
	    "UNREACHABLE https://x.example/t (no answer within 5 seconds)  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_CONNECT, .detail = "Connection refused" },
	    "https://x.example/c",
	    "UNREACHABLE https://x.example/c (could not connect: Connection refused)  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_TLS, .detail = "bad \033[31mcert" },
	    "https://x.example/s",
	    "UNREACHABLE https://x.example/s (TLS certificate problem: bad cert)  used by svc-a", true);
	check_line(&(struct net_reply){ .status = NET_FAILED },
	    "https://x.example/f",
	    "UNREACHABLE https://x.example/f (no usable answer)  used by svc-a", true);
	check_line(NULL, "http://x.example/p", "NOT-HTTPS http://x.example/p  used by svc-a", true);
}

/* With the register's cache beside the bundled catalogue, the line says
 * which catalogue's services use the address; without by_source it
 * reads as with one catalogue. */
static void
test_line_by_source(void **state)
{
	static const struct {
		const char *reg_a, *reg_b, *cat_a, *cat_b;
		bool by_source;
		const char *want;
	} cases[] = {
		{ NULL, NULL, "svc-a", NULL, true,
		  "404      https://x.example/p  used by svc-a in the bundled catalogue" },
		{ NULL, NULL, "svc-a", "svc-b", true,
		  "404      https://x.example/p  used by svc-a, svc-b in the bundled catalogue" },
		{ "ptv-1", NULL, NULL, NULL, true,
		  "404      https://x.example/p  used by ptv-1 in the service register's cache" },
		{ "ptv-1", "ptv-2", "svc-a", NULL, true,
		  "404      https://x.example/p  used by ptv-1, ptv-2 in the service register's cache "
		  "and by svc-a in the bundled catalogue" },
		{ NULL, NULL, "svc-a", "svc-b", false,
		  "404      https://x.example/p  used by svc-a, svc-b" },
		{ "ptv-1", NULL, NULL, NULL, false,
		  "404      https://x.example/p  used by ptv-1" },
	};
	(void)state;

	for (size_t i = 0; i < nitems(cases); i++) {
		struct links ls = { .v = xcalloc(1, sizeof *ls.v), .n = 1 };
		struct link *l = &ls.v[0];
		l->url = xstrdup("https://x.example/p");
		l->verdict = LINK_HTTP_ERROR;
		l->code = 404;
		if (cases[i].reg_a != NULL)
			set_services(l, LINK_REGISTER, cases[i].reg_a, cases[i].reg_b);
		if (cases[i].cat_a != NULL)
			set_services(l, LINK_BUNDLED, cases[i].cat_a, cases[i].cat_b);
		char *got = linkcheck_line(l, cases[i].by_source);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, got, cases[i].want);
		free(got);
		linkcheck_free(&ls);
	}
}

/* Each catalogue's counts count an address both use; the whole counts
 * it once. */
static void
test_count(void **state)
{
	struct catalogue reg, cat;
	struct links ls;
	(void)state;

	register_sample(&reg);
	sample(&cat);
	linkcheck_collect(&ls, (const struct catalogue *[]){ &reg, &cat }, 2);
	/* kela.example/en, of both catalogues, redirects; kela.example/b,
	 * the bundled catalogue's, is a 404; the http:// ones (one of the
	 * cache's, two of the bundled catalogue's) are broken; the rest are
	 * OK. */
	for (size_t i = 0; i < ls.n; i++) {
		if (strcmp(ls.v[i].url, "https://kela.example/en") == 0)
			ls.v[i].verdict = LINK_REDIRECT;
		else if (strcmp(ls.v[i].url, "https://kela.example/b") == 0)
			ls.v[i].verdict = LINK_HTTP_ERROR;
		else if (ls.v[i].verdict == LINK_UNCHECKED)
			ls.v[i].verdict = LINK_OK;
	}
	struct link_counts all = linkcheck_count(&ls, LINK_SOURCES);
	struct link_counts r = linkcheck_count(&ls, LINK_REGISTER);
	struct link_counts c = linkcheck_count(&ls, LINK_BUNDLED);
	assert_int_equal(all.n, 13);
	assert_int_equal(all.ok, 8);
	assert_int_equal(all.moved, 1);
	assert_int_equal(all.broken, 4);
	assert_int_equal(r.n, 6);
	assert_int_equal(r.ok, 4);
	assert_int_equal(r.moved, 1);
	assert_int_equal(r.broken, 1);
	assert_int_equal(c.n, 9);
	assert_int_equal(c.ok, 5);
	assert_int_equal(c.moved, 1);
	assert_int_equal(c.broken, 3);
	linkcheck_free(&ls);
	catalogue_free(&reg);
	catalogue_free(&cat);
}

static void
test_word(void **state)
{
	struct link l = { .verdict = LINK_HTTP_ERROR, .code = 410 };
	char buf[16];
	(void)state;

	assert_string_equal(linkcheck_word(&l, buf), "410");
	l.verdict = LINK_UNCHECKED;
	assert_string_equal(linkcheck_word(&l, buf), "UNCHECKED");
	assert_true(linkcheck_broken(&l));
	l.verdict = LINK_UNREACHABLE;
	assert_string_equal(linkcheck_word(&l, buf), "UNREACHABLE");
	l.verdict = LINK_REDIRECT;
	assert_false(linkcheck_broken(&l));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_collect_empty),
		cmocka_unit_test(test_collect_assets),
		cmocka_unit_test(test_collect_two),
		cmocka_unit_test(test_verdict),
		cmocka_unit_test(test_retry_get),
		cmocka_unit_test(test_is_web),
		cmocka_unit_test(test_redirect),
		cmocka_unit_test(test_redirect_hostile),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_line_by_source),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_word),
	};
	tu_utf8_locale();
	return cmocka_run_group_tests_name("linkcheck", tests, NULL, NULL);
}
