#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "text.h"
#include "words.h"

/* The stems of text, joined by spaces, in one of the test's buffers
 * (four, so that two calls in one assertion differ). */
static const char *
stems(enum lang l, const char *text, bool query)
{
	static char bufs[4][512];
	static size_t next;
	char *buf = bufs[next++ % 4];
	struct stemmers *st = stemmers_new();
	struct lines out = { 0 };

	assert_non_null(st);
	words_stem(st, l, text, query, &out);
	buf[0] = '\0';
	for (size_t i = 0; i < out.n; i++) {
		assert_true(strlen(buf) + strlen(out.v[i]) + 2 < sizeof bufs[0]);
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, out.v[i]);
	}
	lines_wipe(&out);
	assert_null(out.v);
	assert_int_equal(out.n, 0);
	stemmers_free(st);
	return buf;
}

/* How many words words_stem() makes of text. */
static size_t
count(enum lang l, const char *text, bool query)
{
	const char *s = stems(l, text, query);
	size_t n = 0;

	if (*s == '\0')
		return 0;
	for (n = 1; *s != '\0'; s++)
		n += *s == ' ';
	return n;
}

/* How well a query word meets a text word, through their stems. */
static int
meet(enum lang l, const char *text_word, const char *query_word)
{
	struct stemmers *st = stemmers_new();
	struct lines t = { 0 }, q = { 0 };

	words_stem(st, l, text_word, false, &t);
	words_stem(st, l, query_word, true, &q);
	assert_int_equal(t.n, 1);
	assert_int_equal(q.n, 1);
	int m = words_match(l, t.v[0], q.v[0]);
	lines_wipe(&t);
	lines_wipe(&q);
	stemmers_free(st);
	return m;
}

/* ---- stems ---- */

static void
test_stem_finnish(void **state)
{
	(void)state;
	/* An inflected form meets its base form, and both are folded. */
	assert_string_equal(stems(LANG_FI, "eläkkeen", false), "elak");
	assert_string_equal(stems(LANG_FI, "eläke", false), "elak");
	assert_string_equal(stems(LANG_FI, "eläkettä", false), "elak");
	/* Typed without the dots, it still meets. */
	assert_string_equal(stems(LANG_FI, "elake", false), "elak");
	assert_string_equal(stems(LANG_FI, "lapsilisää", false),
	    stems(LANG_FI, "lapsilisä", false));
	/* Not the same word. */
	assert_string_not_equal(stems(LANG_FI, "eläke", false),
	    stems(LANG_FI, "lapsi", false));
}

static void
test_stem_swedish(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_SV, "flyttar", false), "flytt");
	assert_string_equal(stems(LANG_SV, "flytta", false), "flytt");
	/* ä and å folded after stemming. */
	assert_string_equal(stems(LANG_SV, "bostäder", false), "bostad");
	assert_string_equal(stems(LANG_SV, "ålder", false), "ald");
}

static void
test_stem_english(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_EN, "jobs", false), "job");
	assert_string_equal(stems(LANG_EN, "job", false), "job");
	assert_string_equal(stems(LANG_EN, "allowances", false),
	    stems(LANG_EN, "allowance", false));
	/* Each language its own stemmer: English leaves a Swedish verb be. */
	assert_string_not_equal(stems(LANG_EN, "flyttar", false), "flytt");
}

/* Folding comes after stemming: no letter outside ASCII is left. */
static void
test_fold(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_FI, "työtön", false), "tyoto");
	assert_string_equal(stems(LANG_FI, "äitiys", false), "aitiys");
	const char *s = stems(LANG_FI, "Äitiys työttömyys eläkkeen päivärahaa", false);
	for (; *s != '\0'; s++)
		assert_true((unsigned char)*s < 0x80);
}

/* Upper case is lowered without the C library's locale. */
static void
test_upper_case(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_FI, "ÄITIYS", false), "aitiys");
	assert_string_equal(stems(LANG_FI, "ELÄKKEEN", true), "elak");
	assert_string_equal(stems(LANG_SV, "ÅLDER", false), "ald");
	assert_string_equal(stems(LANG_SV, "FLYTTAR", false), "flytt");
	assert_string_equal(stems(LANG_EN, "JOBS", true), "job");
	assert_string_equal(stems(LANG_EN, "Jobs", true), stems(LANG_EN, "jobs", true));
}

/* ---- splitting, and what a query leaves out ---- */

static void
test_query_mode(void **state)
{
	(void)state;
	/* "my" is short, and "the" a small word: neither says anything. */
	assert_int_equal(count(LANG_EN, "lost my job", true), 2);
	assert_string_equal(stems(LANG_EN, "lost my job", true), "lost job");
	assert_string_equal(stems(LANG_EN, "the job", true), "job");
	assert_int_equal(count(LANG_EN, "the and for", true), 0);
	assert_int_equal(count(LANG_FI, "minä ja eläke", true), 1);
	assert_string_equal(stems(LANG_FI, "minä ja eläke", true), "elak");
	/* "että" with its ä is a small word too. */
	assert_int_equal(count(LANG_FI, "että", true), 0);
	assert_string_equal(stems(LANG_SV, "jag och flyttar", true), "flytt");
	/* A small word of one language is a word in another. */
	assert_int_equal(count(LANG_FI, "the", true), 1);
	assert_int_equal(count(LANG_EN, "och", true), 1);
	/* Three characters are enough, however many bytes. */
	assert_int_equal(count(LANG_FI, "ikä", true), 1);
	assert_int_equal(count(LANG_FI, "yö", true), 0);
	assert_int_equal(count(LANG_EN, "", true), 0);
}

static void
test_text_mode(void **state)
{
	(void)state;
	/* A service's text keeps every word. */
	assert_int_equal(count(LANG_EN, "lost my job", false), 3);
	assert_string_equal(stems(LANG_EN, "lost my job", false), "lost my job");
	assert_string_equal(stems(LANG_EN, "the job", false), "the job");
	assert_int_equal(count(LANG_FI, "minä ja eläke", false), 3);
	assert_int_equal(count(LANG_FI, "yö", false), 1);
	assert_int_equal(count(LANG_EN, "", false), 0);
}

static void
test_punctuation(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_EN, "jobs,housing;(allowances)", false),
	    "job hous allow");
	assert_string_equal(stems(LANG_FI, "eläke-ikä/eläkkeen.", false), "elak ika elak");
	assert_string_equal(stems(LANG_EN, "  job!\t\"job?\"\n", false), "job job");
	assert_string_equal(stems(LANG_EN, "KE4.2", false), "ke4 2");
	assert_int_equal(count(LANG_EN, " ,.;:!?-/()'\" ", false), 0);
	/* A symbol that is no letter splits too. */
	assert_string_equal(stems(LANG_EN, "job×job", false), "job job");
	assert_string_equal(stems(LANG_EN, "job€job", false), "job job");
}

/* ---- matching ---- */

static void
test_match_levels(void **state)
{
	(void)state;
	/* The same stem. */
	assert_int_equal(words_match(LANG_FI, "elak", "elak"), 2);
	assert_int_equal(words_match(LANG_EN, "job", "job"), 2);
	/* A word beginning, in every language. */
	assert_int_equal(words_match(LANG_SV, "flyttning", "flytt"), 1);
	assert_int_equal(words_match(LANG_EN, "household", "hous"), 1);
	assert_int_equal(words_match(LANG_FI, "elakeika", "elak"), 1);
	/* Too short a beginning says nothing. */
	assert_int_equal(words_match(LANG_SV, "flyttning", "fl"), 0);
	/* A compound's end, its head, in Finnish and Swedish only, and
	 * as good as the word: a "vanhuuseläke" is an "eläke". */
	assert_int_equal(words_match(LANG_FI, "vanhuuselak", "elak"), 2);
	assert_int_equal(words_match(LANG_SV, "garantipension", "pension"), 2);
	assert_int_equal(words_match(LANG_EN, "garantipension", "pension"), 0);
	assert_int_equal(words_match(LANG_EN, "vanhuuselak", "elak"), 0);
	/* ... and only for stems of WORDS_COMPOUND_MIN characters. */
	assert_int_equal(WORDS_COMPOUND_MIN, 4);
	assert_int_equal(words_match(LANG_FI, "vanhuusika", "ika"), 0);
	assert_int_equal(words_match(LANG_FI, "asumistuki", "tuki"), 2);
	/* The middle of a word is no match, nor a longer query. */
	assert_int_equal(words_match(LANG_FI, "vanhuuselakeika", "elak"), 0);
	assert_int_equal(words_match(LANG_FI, "elak", "vanhuuselak"), 0);
	assert_int_equal(words_match(LANG_FI, "tyoto", "elak"), 0);
}

/* Through the stemmer, as a search meets a service's words. */
static void
test_match_stemmed(void **state)
{
	(void)state;
	assert_int_equal(meet(LANG_FI, "eläke", "eläkkeen"), 2);
	assert_int_equal(meet(LANG_FI, "Vanhuuseläke", "eläkkeen"), 2);
	assert_int_equal(meet(LANG_SV, "Flyttanmälan", "flyttar"), 1);
	assert_int_equal(meet(LANG_SV, "Garantipension", "pension"), 2);
	assert_int_equal(meet(LANG_EN, "jobs", "job"), 2);
	/* Not in English, which writes no compounds as one word. */
	assert_int_equal(meet(LANG_EN, "incomesupport", "support"), 0);
	/* A short stem is no compound's end. */
	assert_int_equal(meet(LANG_FI, "vanhuusikä", "ikä"), 0);
	/* Nor is a word that only shares the head. */
	assert_int_equal(meet(LANG_FI, "asumistuki", "asunto"), 0);
}

/* Snowball leaves a short word whole ("tuki" stays "tuki") but takes the
 * last vowel off the same word ending a compound ("asumistuki" gives
 * "asumistuk"): the compound's end still meets it. */
static void
test_match_compound_vowel(void **state)
{
	(void)state;
	assert_string_equal(stems(LANG_FI, "tuki", true), "tuki");
	assert_string_equal(stems(LANG_FI, "asumistuki", false), "asumistuk");
	assert_int_equal(words_match(LANG_FI, "asumistuk", "tuki"), 2);
	assert_int_equal(words_match(LANG_SV, "asumistuk", "tuki"), 2);
	assert_int_equal(words_match(LANG_EN, "asumistuk", "tuki"), 0);
	/* Only a vowel goes, and only one. */
	assert_int_equal(words_match(LANG_FI, "asumistuk", "tukk"), 0);
	assert_int_equal(words_match(LANG_FI, "asumistu", "tuki"), 0);
	/* Still WORDS_COMPOUND_MIN characters of the query stem. */
	assert_int_equal(words_match(LANG_FI, "vanhuusik", "ika"), 0);
	/* Through the stemmer. */
	assert_int_equal(meet(LANG_FI, "asumistuki", "tuki"), 2);
	assert_int_equal(meet(LANG_FI, "Toimeentulotuki", "tuki"), 2);
	assert_int_equal(meet(LANG_FI, "äitiysraha", "raha"), 2);
	assert_int_equal(meet(LANG_FI, "Lapsilisä", "lisä"), 2);
	assert_int_equal(meet(LANG_EN, "asumistuki", "tuki"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stem_finnish),
		cmocka_unit_test(test_stem_swedish),
		cmocka_unit_test(test_stem_english),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_upper_case),
		cmocka_unit_test(test_query_mode),
		cmocka_unit_test(test_text_mode),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_match_levels),
		cmocka_unit_test(test_match_stemmed),
		cmocka_unit_test(test_match_compound_vowel),
	};
	return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
