/*
 * words.h: the words of a text as a search compares them.
 *
 * A word is lower-cased, stemmed by Snowball in the text's language, then
 * folded (ä to a, ö to o, ...), so that "eläkkeen", "eläke" and "elake"
 * all meet as "elak", and "flyttar" meets "flytta".  Splitting follows
 * text_words(): letters and digits between spaces and punctuation.
 *
 * Why Snowball and not a full Finnish analyser (libvoikko): Snowball has
 * all three languages in one small library with no dictionary to deploy,
 * and the compounds that matter for finding a service ("työttömyysturva",
 * "vanhuuseläke") are caught by matching word beginnings and compound
 * ends (words_match) and by each service's own keywords, which name the
 * everyday words ("työtön") too.  Voikko would split compounds exactly,
 * but ships a 40 MB Finnish dictionary and does nothing for Swedish.
 *
 * A struct stemmers holds one Snowball stemmer per language; it is not
 * thread-safe, and each search makes its own.
 */
#ifndef OPASTIN_WORDS_H
#define OPASTIN_WORDS_H

#include <stdbool.h>

#include "i18n.h"
#include "text.h"

struct stemmers;

struct stemmers *stemmers_new(void);
void stemmers_free(struct stemmers *);

/*
 * Append the stems of text's words to out (which the caller initialises
 * and frees with lines_wipe).  With query, words shorter than
 * TEXT_WORD_MIN characters and the language's small words ("the", "och",
 * "ja") are left out, as they say nothing about a service.
 */
void words_stem(struct stemmers *, enum lang, const char *text, bool query,
    struct lines *out);

/*
 * A query's stems in l, as words_stem() gives them, into out, and the
 * same words stemmed in the language also into out_also, one for one:
 * out_also->v[i] is the typed word of out->v[i].  The words left out are
 * l's small words, so both lists are as long.  For a search that also
 * reads a service's Finnish text where it has none in l.
 */
void words_stem_query(struct stemmers *, enum lang l, enum lang also, const char *text,
    struct lines *out, struct lines *out_also);

/*
 * How well a query stem matches a text stem: 2 for the same stem, or, in
 * a language that writes compounds as one word (Finnish, Swedish), for a
 * word that ends with it ("elak" in "vanhuuselak", "pension" in
 * "garantipension"): the last part of a compound is its head, and a
 * "vanhuuseläke" is an "eläke".  1 when the text's word begins with it
 * ("flytt" in "flyttning"), else 0.  Only stems of WORDS_COMPOUND_MIN characters or more match as a
 * compound's last part, so that "tuki" finds "asumistuki" but "ika"
 * does not find every word ending so.  As Snowball takes a final vowel
 * off a long word that it leaves on a short one ("asumistuki" gives
 * "asumistuk", "tuki" stays "tuki"), a query stem that ends in a vowel
 * also matches a compound's end without that vowel.
 */
#define WORDS_COMPOUND_MIN 4
int words_match(enum lang, const char *text_stem, const char *query_stem);

#endif
