/*
 * text.h: UTF-8 text by display width, and text as the user types it.
 *
 * Everything here is pure: no curses, no locale state beyond wcwidth().
 * The caller must have set an UTF-8 LC_CTYPE for widths of non-ASCII
 * characters to be right (i18n_init does).
 */
#ifndef OPASTIN_TEXT_H
#define OPASTIN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Decode one UTF-8 character at s (at most n bytes).  Returns its length
 * in bytes (at least 1) and stores the code point in *cp, or U+FFFD for a
 * malformed sequence, which then counts as one byte. */
size_t utf8_decode(const char *s, size_t n, unsigned int *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(unsigned int cp, char *out);
/* Display width of a code point (0 for combining, 2 for wide, 1 else). */
int cp_width(unsigned int cp);
/* Display width of a UTF-8 string. */
int text_width(const char *s);

/*
 * Lines of text laid out to a width.  text_wrap() breaks at spaces and
 * keeps words whole; a word wider than the width is cut and the cut is
 * marked by a hyphen at the line end, so nothing is lost silently.
 * Explicit '\n' starts a new line.  The lines own their strings.
 */
struct lines {
	char **v;
	size_t n;
};
void text_wrap(const char *s, int width, struct lines *out);
/* The same, but a cut word gets no hyphen: a web address or a phone
 * number, where a hyphen would read as part of it. */
void text_wrap_unmarked(const char *s, int width, struct lines *out);
/* The widest part of s that wrapping must keep whole: a web address's
 * part between two '/' (with its '/'), or any other word.  A line
 * narrower than this would cut it where nothing may be cut. */
int text_widest_unit(const char *s);
void lines_free(struct lines *);

/* Copy of s cut to at most width columns; a cut ends in "…". */
char *text_fit(const char *s, int width);

/*
 * Fold text for searching: lower case, and the Nordic letters to their
 * base letter (ä, å to a; ö to o), so that "jyvas" finds "Jyväskylä" and
 * "vasa" finds "Vaasa".  Returns a new string.
 */
char *text_fold(const char *s);
/* True when the folded needle occurs in the folded haystack. */
bool text_match(const char *folded_haystack, const char *folded_needle);

/*
 * The words of a search, folded: split at spaces and punctuation, and
 * only words of TEXT_WORD_MIN characters or more ("ja", "i" and "of" say
 * nothing).  The one rule for what a search word is.  The lines own
 * their strings; free them with lines_wipe(), as they are typed text.
 */
#define TEXT_WORD_MIN 3
void text_words(const char *text, struct lines *out);
void lines_wipe(struct lines *);

/*
 * Make untrusted text safe to draw: remove C0 and C1 controls (but turn
 * tabs and newlines into spaces unless keep_newlines), ESC sequences,
 * Unicode bidi overrides and isolates, and invisible characters (zero
 * width, BOM, tags, U+2028/2029, U+FFF9-FFFB, soft hyphen); replace
 * invalid UTF-8 with U+FFFD.
 * Returns a new string.
 */
char *text_sanitize(const char *s, bool keep_newlines);

/* Whether s is already what text_sanitize(s, false) makes of it: no
 * control, escape, bidi or invisible character, and valid UTF-8.  The
 * test for text that must be clean as written, such as the assets. */
bool text_is_clean(const char *s);

/*
 * Untrusted input (a value, a key, a URL, a parser's token) to quote in
 * a message: sanitized as above, and cut to TEXT_ECHO_MAX columns with
 * "…", so that a hostile or huge value can neither drive the terminal or
 * the log nor bury the message.  The one way to echo input; a new
 * string.
 */
#define TEXT_ECHO_MAX 80
char *text_echo(const char *s);

/* Remove the last character of a UTF-8 string in place (for Backspace). */
void text_pop_char(char *s);

#endif
