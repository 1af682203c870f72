#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "muni.h"
#include "text.h"
#include "util.h"

#define FFFD "\xEF\xBF\xBD"

/* ---- utf8_decode ---- */

static void
decode_one(const char *s, size_t n, size_t want_len, unsigned int want_cp)
{
	unsigned int cp = 0;
	size_t len = utf8_decode(s, n, &cp);
	assert_int_equal(len, want_len);
	assert_int_equal(cp, want_cp);
}

static void
test_decode_valid(void **state)
{
	(void)state;
	decode_one("a", 1, 1, 'a');
	decode_one("\x7f", 1, 1, 0x7f);
	decode_one("ä", 2, 2, 0xE4);
	decode_one("\xDF\xBF", 2, 2, 0x7FF);		/* highest 2-byte */
	decode_one("€", 3, 3, 0x20AC);
	decode_one("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	decode_one("😀", 4, 4, 0x1F600);
	decode_one("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);	/* highest code point */
	/* Only the first character is decoded. */
	decode_one("öa", 3, 2, 0xF6);
}

static void
test_decode_overlong(void **state)
{
	(void)state;
	decode_one("\xC0\xAF", 2, 1, 0xFFFD);		/* "/" in 2 bytes */
	decode_one("\xC1\xBF", 2, 1, 0xFFFD);
	decode_one("\xE0\x80\xAF", 3, 1, 0xFFFD);	/* "/" in 3 bytes */
	decode_one("\xE0\x9F\xBF", 3, 1, 0xFFFD);	/* U+07FF in 3 bytes */
	decode_one("\xF0\x80\x80\xAF", 4, 1, 0xFFFD);
	decode_one("\xF0\x8F\xBF\xBF", 4, 1, 0xFFFD);	/* U+FFFF in 4 bytes */
}

static void
test_decode_surrogate_and_range(void **state)
{
	(void)state;
	decode_one("\xED\xA0\x80", 3, 1, 0xFFFD);	/* U+D800 */
	decode_one("\xED\xBF\xBF", 3, 1, 0xFFFD);	/* U+DFFF */
	decode_one("\xED\x9F\xBF", 3, 3, 0xD7FF);	/* just below: valid */
	decode_one("\xF4\x90\x80\x80", 4, 1, 0xFFFD);	/* U+110000 */
	decode_one("\xF8\x88\x80\x80\x80", 5, 1, 0xFFFD);	/* 5-byte form */
	decode_one("\xFF", 1, 1, 0xFFFD);
	decode_one("\x80", 1, 1, 0xFFFD);		/* lone continuation */
}

static void
test_decode_truncated(void **state)
{
	(void)state;
	decode_one("\xC3", 1, 1, 0xFFFD);
	decode_one("\xE2\x82", 2, 1, 0xFFFD);
	decode_one("\xF0\x9F\x98", 3, 1, 0xFFFD);
	/* n, not the NUL, bounds the sequence. */
	decode_one("ä", 1, 1, 0xFFFD);
	/* A sequence cut short by an ASCII byte. */
	decode_one("\xE2\x82" "a", 3, 1, 0xFFFD);
	decode_one("\xC3" "a", 2, 1, 0xFFFD);
	decode_one("", 0, 1, 0xFFFD);
}

static void
test_encode_roundtrip(void **state)
{
	static const unsigned int cps[] = { 'A', 0xE4, 0x7FF, 0x800, 0x20AC, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF };
	(void)state;
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char buf[5] = "";
		unsigned int back = 0;
		size_t n = utf8_encode(cps[i], buf);
		assert_in_range(n, 1, 4);
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

/* ---- text_width ---- */

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("ä"), 1);
	assert_int_equal(text_width("Jyväskylä"), 9);
	assert_int_equal(text_width("Työttömyysturvan peruspäiväraha"), 31);
	assert_int_equal(text_width("日本"), 4);		/* wide */
	assert_int_equal(text_width("a日b"), 4);
	assert_int_equal(text_width("e\xCC\x81"), 1);		/* e + combining acute */
	assert_int_equal(text_width("a\xCC\x88\xCC\x81"), 1);	/* two combining marks */
	assert_int_equal(cp_width(0x301), 0);
	assert_int_equal(cp_width(0x4E00), 2);
	assert_int_equal(cp_width(0x1B), 0);
	/* A malformed byte shows as one U+FFFD. */
	assert_int_equal(text_width("a\xFF" "b"), 3);
}

/* ---- text_wrap ---- */

static void
assert_lines(const char *s, int width, const char *const *want, size_t nwant)
{
	struct lines l;
	text_wrap(s, width, &l);
	if (l.n != nwant) {
		for (size_t i = 0; i < l.n; i++)
			print_error("line %zu: \"%s\"\n", i, l.v[i]);
	}
	assert_int_equal(l.n, nwant);
	for (size_t i = 0; i < nwant; i++)
		assert_string_equal(l.v[i], want[i]);
	lines_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}
#define LINES(s, w, ...) do { \
	static const char *const want_[] = { __VA_ARGS__ }; \
	assert_lines((s), (w), want_, sizeof want_ / sizeof want_[0]); \
} while (0)

/* Every line fits the width.  (Checked before asserting, so that a
 * failure leaks nothing under valgrind.) */
static void
assert_fits(const char *s, int width)
{
	struct lines l;
	bool fits = true;
	text_wrap(s, width, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (text_width(l.v[i]) > width) {
			print_error("\"%s\" is %d columns, more than %d\n", l.v[i],
			    text_width(l.v[i]), width);
			fits = false;
		}
	}
	size_t n = l.n;
	lines_free(&l);
	assert_true(n > 0);
	assert_true(fits);
}

static void
test_wrap_spaces(void **state)
{
	(void)state;
	LINES("hello world foo", 11, "hello world", "foo");
	LINES("hello world", 5, "hello", "world");
	LINES("hello world", 80, "hello world");
	/* A word that fits on the next line is never split. */
	LINES("aaa bbbbbbbb", 8, "aaa", "bbbbbbbb");
	LINES("ab cdefg", 5, "ab", "cdefg");
	/* Trailing spaces are dropped. */
	LINES("hello ", 10, "hello");
	LINES("", 10, "");
}

/* Web addresses break only after a '/', exactly as they are, and phone
 * numbers never: a hyphen would be copied by hand as part of them
 * (walkthrough defect 8: "…/property-of-th-" / "e-deceased-person/…"). */
static void
test_wrap_urls_and_phones(void **state)
{
	(void)state;
	LINES("Web: https://www.suomi.fi/guides/property-of-the-deceased/x/y", 30,
	    "Web:", "https://www.suomi.fi/guides/", "property-of-the-deceased/x/y");
	LINES("https://www.suomi.fi/opas/elaman-tapahtumat/kuolema", 24,
	    "https://www.suomi.fi/", "opas/elaman-tapahtumat/", "kuolema");
	/* The same in a field (text_wrap_unmarked). */
	struct lines l;
	text_wrap_unmarked("https://www.prh.fi/en/kaupparekisteri/yrityksen_perustaminen.html", 28, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "https://www.prh.fi/en/");
	assert_string_equal(l.v[1], "kaupparekisteri/");
	assert_string_equal(l.v[2], "yrityksen_perustaminen.html");
	lines_free(&l);
	/* A phone number's groups stay on one line. */
	LINES("Phone: Kela 020 692 230", 15, "Phone: Kela", "020 692 230");
	LINES("Soita 020 634 2650 arkisin", 12, "Soita", "020 634 2650", "arkisin");
	/* Words without '/', '@' or digits are still cut with a hyphen. */
	LINES("abcdefghij", 4, "abc-", "def-", "ghij");
	/* An address with no '/' to break at is cut bare, never hyphened. */
	LINES("averyveryverylongname@example.fi", 12, "averyveryver", "ylongname@ex", "ample.fi");
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	/* Cut, with a hyphen that is counted in the width. */
	LINES("abcdefghij", 4, "abc-", "def-", "ghij");
	LINES("ab cdefghijkl", 5, "ab", "cdef-", "ghij-", "kl");
	/* The last piece needs no hyphen. */
	LINES("abcdef", 5, "abcd-", "ef");
	/* Width 1 leaves no room for a hyphen, but still makes progress:
	 * one letter a line, in order. */
	struct lines l;
	text_wrap("abc", 1, &l);
	assert_int_equal(l.n, 3);
	assert_true(l.v[0][0] == 'a' && l.v[1][0] == 'b' && strcmp(l.v[2], "c") == 0);
	lines_free(&l);
	/* Width below 1 is taken as 1. */
	text_wrap("ab", 0, &l);
	assert_int_equal(l.n, 2);
	assert_true(l.v[0][0] == 'a' && strcmp(l.v[1], "b") == 0);
	lines_free(&l);
	assert_fits("Lastensuojeluilmoitus", 6);
}

static void
test_wrap_newlines(void **state)
{
	(void)state;
	LINES("one\ntwo", 20, "one", "two");
	LINES("a\n\nb", 20, "a", "", "b");
	LINES("first line here\nx", 10, "first line", "here", "x");
	LINES("end\n", 20, "end", "");
}

static void
test_wrap_display_width(void **state)
{
	(void)state;
	/* 16 and 14 characters, more bytes: widths count characters. */
	LINES("Työttömyysturvan peruspäiväraha", 16,
	    "Työttömyysturvan", "peruspäiväraha");
	LINES("Työttömyysturvan peruspäiväraha", 31,
	    "Työttömyysturvan peruspäiväraha");
	LINES("Työttömyysturvan peruspäiväraha", 30,
	    "Työttömyysturvan", "peruspäiväraha");
	/* Wide characters take two columns each. */
	LINES("日本 語", 4, "日本", "語");
	assert_fits("日本語テキストです", 5);
	assert_fits("日本語テキストです", 6);
	/* Combining marks take no room. */
	LINES("e\xCC\x81" "e\xCC\x81" "e\xCC\x81 x", 3, "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", "x");
}

/* Nothing is lost: the lines joined (hyphens of cuts removed) give back
 * the words. */
static void
test_wrap_keeps_text(void **state)
{
	const char *s = "Kela pays the unemployment allowance (työttömyyspäiväraha) "
	    "to jobseekers who have registered.";
	(void)state;
	for (int w = 3; w < 40; w++) {
		struct lines l;
		char joined[512] = "", words[512] = "";
		text_wrap(s, w, &l);
		for (size_t i = 0; i < l.n; i++) {
			assert_true(text_width(l.v[i]) <= w);
			strcat(joined, l.v[i]);
		}
		lines_free(&l);
		/* Compare without spaces and hyphens. */
		char *o = words;
		for (const char *p = s; *p; p++)
			if (*p != ' ' && *p != '-')
				*o++ = *p;
		*o = '\0';
		o = joined;
		for (const char *p = joined; *p; p++)
			if (*p != ' ' && *p != '-')
				*o++ = *p;
		*o = '\0';
		assert_string_equal(joined, words);
	}
}

/* Several spaces in a row must not make a line wider than the width.
 * FAILS: wrap_paragraph() breaks at the last space of a run and keeps the
 * spaces before it, so "hello   world" at 5 gives "hello  " (7 columns),
 * which ui_put() then cuts to "hell…". */
static void
test_wrap_space_runs(void **state)
{
	(void)state;
	assert_fits("hello   world", 5);
	assert_fits("aa    bb    cc", 4);
}

/*
 * A wide character on a line of width 1 cannot fit, but must still make
 * progress (one per line), as narrow ones do.  FAILS: wrap_paragraph()
 * cuts zero characters and loops for ever, pushing "-" lines until
 * memory runs out.  Run in a child with a time limit so that the suite
 * does not hang.
 */
static void
test_wrap_wide_at_width_1(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct lines l;
		alarm(2);
		text_wrap("日本", 1, &l);
		_exit(l.n == 2 && strncmp(l.v[0], "日", 3) == 0 ? 0 : 1);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		print_error("text_wrap(\"日本\", 1) did not return (signal %d)\n",
		    WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- text_fit ---- */

static void
fit(const char *s, int w, const char *want)
{
	char *got = text_fit(s, w);
	assert_string_equal(got, want);
	assert_true(text_width(got) <= (w > 0 ? w : 0));
	free(got);
}

static void
test_fit(void **state)
{
	(void)state;
	fit("hello", 5, "hello");		/* fits: no ellipsis */
	fit("hello", 10, "hello");
	fit("hello", 4, "hel…");
	fit("hello", 1, "…");
	fit("hello", 0, "");
	fit("", 3, "");
	fit("Jyväskylä", 9, "Jyväskylä");	/* 9 columns, 11 bytes */
	fit("Jyväskylä", 5, "Jyvä…");
	fit("日本語", 6, "日本語");
	fit("日本語", 4, "日…");			/* a wide char never half-cut */
	fit("日本語", 5, "日本…");
}

/* ---- text_fold and text_match ---- */

static bool
finds(const char *haystack, const char *needle)
{
	char *h = text_fold(haystack), *n = text_fold(needle);
	bool r = text_match(h, n);
	free(h);
	free(n);
	return r;
}

static void
test_fold(void **state)
{
	(void)state;
	char *f = text_fold("Jyväskylä");
	assert_string_equal(f, "jyvaskyla");
	free(f);
	f = text_fold("ÖSTERBOTTEN Åbo");
	assert_string_equal(f, "osterbotten abo");
	free(f);
	f = text_fold("Ä");
	assert_string_equal(f, "a");
	free(f);
	f = text_fold("");
	assert_string_equal(f, "");
	free(f);
}

static void
test_match(void **state)
{
	(void)state;
	assert_true(finds("Jyväskylä", "jyvas"));
	assert_true(finds("Jyväskylä", "JYVÄS"));
	assert_true(finds("Jyväskylä", "kylä"));
	assert_true(finds("Vasa", "vasa"));
	assert_true(finds("Vaasa", "vaa"));
	assert_true(finds("österbotten", "ÖSTER"));
	assert_true(finds("Österbotten", "öster"));
	assert_true(finds("Helsinki", ""));
	assert_false(finds("Vaasa", "vasa"));	/* Vaasa is found by its Swedish name */
	assert_false(finds("Espoo", "esbo"));
	assert_false(finds("Turku", "turkuu"));
}

/* The municipality search puts it together: "vasa" finds Vaasa by its
 * Swedish name, "jyvas" finds Jyväskylä. */
static void
test_munis_filter(void **state)
{
	struct munis m;
	char *cause = NULL;
	size_t out[16];
	(void)state;

	assert_int_equal(munis_load(&m, TEST_DATA "/mini/municipalities.tsv",
	    "municipalities.tsv", &cause), 0);
	assert_true(m.n <= 16);

	size_t n = munis_filter(&m, "vasa", LANG_FI, out);
	assert_int_equal(n, 1);
	assert_string_equal(m.v[out[0]].code, "905");
	assert_string_equal(muni_name(&m.v[out[0]], LANG_FI), "Vaasa");
	assert_string_equal(muni_other_name(&m.v[out[0]], LANG_FI), "Vasa");

	n = munis_filter(&m, "jyvas", LANG_FI, out);
	assert_int_equal(n, 1);
	assert_string_equal(m.v[out[0]].code, "179");
	assert_null(muni_other_name(&m.v[out[0]], LANG_FI));

	/* "abo" finds Turku by Åbo. */
	n = munis_filter(&m, "abo", LANG_SV, out);
	assert_int_equal(n, 1);
	assert_string_equal(m.v[out[0]].code, "853");

	/* Names that start with the query come first (Vaasa, Vantaa), then
	 * those that hold it (Jyväskylä), though J sorts before V. */
	n = munis_filter(&m, "va", LANG_FI, out);
	assert_int_equal(n, 3);
	assert_string_equal(m.v[out[0]].code, "905");
	assert_string_equal(m.v[out[1]].code, "092");
	assert_string_equal(m.v[out[2]].code, "179");

	/* Empty query: all, in alphabetical order. */
	n = munis_filter(&m, "", LANG_FI, out);
	assert_int_equal(n, m.n);
	assert_string_equal(m.v[out[0]].code, "049");		/* Espoo */
	assert_string_equal(m.v[out[n - 1]].code, "092");	/* Vantaa */
	/* In Swedish, Åbo sorts after Vasa and Vanda (å after z). */
	n = munis_filter(&m, "", LANG_SV, out);
	assert_string_equal(m.v[out[n - 1]].code, "853");
	munis_free(&m);
}

/* The real list: the exact name first ("Ii" before Iisalmi, in Swedish
 * too, where Ijo sorts after Idensalmi), then the names that begin with
 * the letters, then the names that only hold them. */
static void
test_munis_filter_exact_first(void **state)
{
	struct munis m;
	char *cause = NULL;
	(void)state;

	assert_int_equal(munis_load(&m, ASSETS_DIR "/municipalities.tsv",
	    "municipalities.tsv", &cause), 0);
	size_t *out = calloc(m.n, sizeof *out);
	assert_non_null(out);
	for (int l = 0; l < 2; l++) {
		enum lang lang = l ? LANG_SV : LANG_FI;
		size_t n = munis_filter(&m, "ii", lang, out);
		assert_true(n > 3);
		assert_string_equal(m.v[out[0]].code, "139");	/* Ii, Ijo */
		bool seen_other = false;
		for (size_t i = 1; i < n; i++) {
			const struct muni *mu = &m.v[out[i]];
			bool starts = strncmp(mu->folded[0], "ii", 2) == 0 ||
			    strncmp(mu->folded[1], "ii", 2) == 0;
			/* No name that begins with "ii" after one that does not. */
			assert_false(starts && seen_other);
			seen_other |= !starts;
		}
		assert_true(seen_other);	/* Kristiinankaupunki, Loviisa come last */
	}
	assert_int_equal(munis_filter(&m, "tukholma", LANG_FI, out), 0);
	free(out);
	munis_free(&m);
}

/* ---- text_sanitize ---- */

static void
clean(const char *s, bool keep_newlines, const char *want)
{
	char *got = text_sanitize(s, keep_newlines);
	assert_string_equal(got, want);
	free(got);
}

static void
test_sanitize_escapes(void **state)
{
	(void)state;
	clean("\x1b[31mred\x1b[0m text", false, "red text");
	clean("\x1b[?25lhidden cursor", false, "hidden cursor");
	clean("\x1b[1;31;40mX", false, "X");
	/* OSC up to BEL, and up to ST. */
	clean("\x1b]0;evil title\x07" "after", false, "after");
	clean("\x1b]8;;https://x.invalid\x1b\\link\x1b]8;;\x1b\\", false, "link");
	/* DCS. */
	clean("a\x1bPq#0;2;0;0;0\x1b\\b", false, "ab");
	/* Two-character escapes (ESC c resets the terminal). */
	clean("a\x1b" "cb", false, "ab");
	/* A lone ESC at the end. */
	clean("a\x1b", false, "a");
}

static void
test_sanitize_c1(void **state)
{
	(void)state;
	/* U+009B, the 8-bit CSI, with its parameters. */
	clean("a\xC2\x9B" "31mb", false, "ab");
	/* Other C1 controls. */
	clean("a\xC2\x85" "b\xC2\x9D" "c", false, "abc");
	/* A raw 0x9B byte is not UTF-8: it becomes U+FFFD. */
	clean("a\x9B" "b", false, "a" FFFD "b");
}

static void
test_sanitize_c0(void **state)
{
	(void)state;
	clean("a\x01" "b\x07" "c\x7f" "d\x08", false, "abcd");
	clean("tab\there", false, "tab here");
	clean("line\none", false, "line one");
	clean("cr\r\n", false, "cr  ");
	clean("line\none\ttab", true, "line\none tab");
}

static void
test_sanitize_bidi(void **state)
{
	(void)state;
	clean("abc\xE2\x80\xAE" "def", false, "abcdef");	/* U+202E RLO */
	clean("a\xE2\x81\xA6" "b\xE2\x81\xA9" "c", false, "abc");	/* U+2066, U+2069 */
	clean("a\xE2\x80\x8F" "b", false, "ab");		/* U+200F RLM */
	clean("a\xD8\x9C" "b", false, "ab");			/* U+061C ALM */
}

static void
test_sanitize_invalid(void **state)
{
	(void)state;
	clean("a\xFF" "b", false, "a" FFFD "b");
	clean("\xC0\xAF", false, FFFD FFFD);
	clean("\xED\xA0\x80", false, FFFD FFFD FFFD);
	clean("trunc\xE2\x82", false, "trunc" FFFD FFFD);
}

static void
test_sanitize_keeps_text(void **state)
{
	(void)state;
	clean("Työttömyysturva – 日本語 😀 Åbo", false, "Työttömyysturva – 日本語 😀 Åbo");
	clean("", false, "");
	clean("e\xCC\x81", false, "e\xCC\x81");
}

static void
test_pop_char(void **state)
{
	char s[32];
	(void)state;
	strcpy(s, "aä日");
	text_pop_char(s);
	assert_string_equal(s, "aä");
	text_pop_char(s);
	assert_string_equal(s, "a");
	text_pop_char(s);
	assert_string_equal(s, "");
	text_pop_char(s);
	assert_string_equal(s, "");
}

/* The one rule for search words: folded, split at punctuation, three
 * characters or more (characters, not bytes: "ää" is two). */
static void
test_words(void **state)
{
	struct lines l;
	(void)state;

	text_words("Asumistuki, ja KELA/ää; of housing-allowance", &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0], "asumistuki");
	assert_string_equal(l.v[1], "kela");
	assert_string_equal(l.v[2], "housing");
	assert_string_equal(l.v[3], "allowance");
	lines_wipe(&l);
	assert_null(l.v);

	text_words("ab;cd ä", &l);
	assert_int_equal(l.n, 0);
	lines_wipe(&l);
}

/* Input quoted in a message: no control, escape or bidi character, and
 * at most TEXT_ECHO_MAX columns, a cut ending in "…". */
static void
test_echo(void **state)
{
	(void)state;
	char *e = text_echo("\x1b[2J\x1b]0;pwn\x07T\xe2\x80\xae\xc2\x9b" "1m\x7f");
	assert_string_equal(e, "T");
	free(e);

	e = text_echo("kiosk");
	assert_string_equal(e, "kiosk");
	free(e);

	char long_value[900 * 1024];
	memset(long_value, 'k', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	e = text_echo(long_value);
	assert_int_equal(text_width(e), TEXT_ECHO_MAX);
	assert_string_equal(e + strlen(e) - strlen("…"), "…");
	free(e);

	e = text_echo("Jyväskylä");
	assert_string_equal(e, "Jyväskylä");
	free(e);
}

/* Invisible characters go like the bidi controls (review 15): zero-width
 * space, non-joiner and joiner, word joiner, BOM, the tag characters,
 * the line and paragraph separators, the interlinear annotation marks
 * and the soft hyphen. */
static void
test_sanitize_invisible(void **state)
{
	static const char *const invisible[] = {
		"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\U000e0000",
		"\U000e0041", "\U000e007f", "\u2028", "\u2029", "\ufff9", "\ufffa",
		"\ufffb", "\u00ad",
	};

	(void)state;
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		char *in = xasprintf("Ke%sla", invisible[i]);
		char *out = text_sanitize(in, true);
		if (strcmp(out, "Kela") != 0)
			fail_msg("item %zu: \"%s\" kept as \"%s\"", i, in, out);
		free(out);
		free(in);
	}
	/* Their neighbours stay. */
	char *out = text_sanitize("\u200a\u2061\ufffc\U000e0080\u00ac", false);
	assert_string_equal(out, "\u200a\u2061\ufffc\U000e0080\u00ac");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogate_and_range),
		cmocka_unit_test(test_decode_truncated),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap_spaces),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_urls_and_phones),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_display_width),
		cmocka_unit_test(test_wrap_keeps_text),
		cmocka_unit_test(test_wrap_space_runs),
		cmocka_unit_test(test_wrap_wide_at_width_1),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_munis_filter),
		cmocka_unit_test(test_munis_filter_exact_first),
		cmocka_unit_test(test_sanitize_escapes),
		cmocka_unit_test(test_sanitize_c1),
		cmocka_unit_test(test_sanitize_c0),
		cmocka_unit_test(test_sanitize_bidi),
		cmocka_unit_test(test_sanitize_invalid),
		cmocka_unit_test(test_sanitize_keeps_text),
		cmocka_unit_test(test_pop_char),
		cmocka_unit_test(test_echo),
		cmocka_unit_test(test_sanitize_invisible),
	};

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
