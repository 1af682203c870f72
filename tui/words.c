#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "util.h"
#include "words.h"

struct stemmers {
	struct sb_stemmer *sb[LANG_COUNT];
};

struct stemmers *
stemmers_new(void)
{
	static const char *const algorithm[LANG_COUNT] = {
		[LANG_FI] = "finnish", [LANG_SV] = "swedish", [LANG_EN] = "english",
	};
	struct stemmers *st = xcalloc(1, sizeof *st);

	/* NULL only if libstemmer lacks the language: words then go unstemmed. */
	for (int l = 0; l < LANG_COUNT; l++)
		st->sb[l] = sb_stemmer_new(algorithm[l], "UTF_8");
	return st;
}

void
stemmers_free(struct stemmers *st)
{
	if (st == NULL)
		return;
	for (int l = 0; l < LANG_COUNT; l++)
		if (st->sb[l] != NULL)
			sb_stemmer_delete(st->sb[l]);
	free(st);
}

/* Lower case for the letters of Finnish, Swedish and English, without
 * the C library's locale (batch mode may run in the "C" locale). */
static unsigned int
lower_cp(unsigned int cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	return cp;
}

static bool
is_word_cp(unsigned int cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
	    (cp >= 0xDF && cp <= 0x24F && cp != 0xF7);
}

/* Small words of a query that say nothing about a service. */
static bool
is_small_word(enum lang l, const char *w)
{
	static const char *const fi[] = {
		"ja", "tai", "kun", "että", "minä", "minun", "olen", "oli", "ole",
		"mitä", "miten", "mikä", "voi", "haluan", "tarvitsen", "apua", NULL
	};
	static const char *const sv[] = {
		"och", "att", "för", "med", "jag", "min", "mitt", "mina", "har",
		"hur", "vad", "kan", "vill", "behöver", "hjälp", "som", "det", NULL
	};
	static const char *const en[] = {
		"the", "and", "for", "with", "from", "have", "has", "had", "how",
		"what", "can", "need", "want", "help", "about", "your", "this",
		"that", "was", "are", "not", NULL
	};
	const char *const *list = l == LANG_FI ? fi : l == LANG_SV ? sv : en;

	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], w) == 0)
			return true;
	return false;
}

static void
push_stem(struct stemmers *st, enum lang l, const char *word, size_t chars,
    bool query, struct lines *out)
{
	if (query && (chars < TEXT_WORD_MIN || is_small_word(l, word)))
		return;
	const char *stem = word;
	if (st->sb[l] != NULL) {
		const sb_symbol *s = sb_stemmer_stem(st->sb[l],
		    (const sb_symbol *)word, (int)strlen(word));
		if (s != NULL)
			stem = (const char *)s;
	}
	strv_push(&out->v, &out->n, text_fold(stem));
}

/* The words of text, each given to push_stem() in l, and, when also
 * is not NULL, in the language also too (words_stem_query()). */
static void
stem_words(struct stemmers *st, enum lang l, const char *text, bool query,
    struct lines *out, const enum lang *also, struct lines *out_also)
{
	size_t n = strlen(text), size = n * 2 + 1;
	char *word = xmalloc(size);
	size_t wlen = 0, chars = 0;
	unsigned int cp;

	for (;;) {
		size_t len = n > 0 ? utf8_decode(text, n, &cp) : 0;
		if (n > 0)
			cp = lower_cp(cp);
		if (n > 0 && is_word_cp(cp)) {
			wlen += utf8_encode(cp, word + wlen);
			chars++;
		} else if (wlen > 0) {
			word[wlen] = '\0';
			size_t had = out->n;
			push_stem(st, l, word, chars, query, out);
			if (also != NULL && out->n > had) {
				/* One stem for one stem: a small word of
				 * the other language ("ja") is its l stem. */
				push_stem(st, *also, word, chars, false, out_also);
			}
			wlen = chars = 0;
		}
		if (n == 0)
			break;
		text += len;
		n -= len;
	}
	wipe(word, size);	/* a query is typed text */
	free(word);
}

void
words_stem(struct stemmers *st, enum lang l, const char *text, bool query,
    struct lines *out)
{
	stem_words(st, l, text, query, out, NULL, NULL);
}

void
words_stem_query(struct stemmers *st, enum lang l, enum lang also, const char *text,
    struct lines *out, struct lines *out_also)
{
	stem_words(st, l, text, true, out, &also, out_also);
}

/* A vowel of a folded stem. */
static bool
is_vowel(char c)
{
	return c != '\0' && strchr("aeiouy", c) != NULL;
}

int
words_match(enum lang l, const char *text_stem, const char *query_stem)
{
	size_t n = strlen(query_stem), tn = strlen(text_stem);

	if (strcmp(text_stem, query_stem) == 0)
		return 2;
	if (n >= TEXT_WORD_MIN && strncmp(text_stem, query_stem, n) == 0)
		return 1;
	if (l == LANG_EN || n < WORDS_COMPOUND_MIN)
		return 0;
	/* The last part of a compound is its head: a "työeläke" is an
	 * "eläke", so the match is as good as the word itself. */
	if (tn > n && strcmp(text_stem + tn - n, query_stem) == 0)
		return 2;
	/* Snowball leaves a short word whole ("tuki", "raha") but takes the
	 * last vowel off the same word at the end of a compound
	 * ("asumistuk", "aitiysrah"): such an end matches without it. */
	if (is_vowel(query_stem[n - 1]) && tn >= n &&
	    strncmp(text_stem + tn - (n - 1), query_stem, n - 1) == 0)
		return 2;
	return 0;
}
