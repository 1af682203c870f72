#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "text.h"
#include "util.h"

size_t
utf8_decode(const char *str, size_t n, unsigned int *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int c;
	size_t len;

	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		c = s[0] & 0x1F;
		len = 2;
	} else if ((s[0] & 0xF0) == 0xE0) {
		c = s[0] & 0x0F;
		len = 3;
	} else if ((s[0] & 0xF8) == 0xF0) {
		c = s[0] & 0x07;
		len = 4;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past Unicode are invalid. */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

size_t
utf8_encode(unsigned int cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
cp_width(unsigned int cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w;
}

int
text_width(const char *s)
{
	size_t n = strlen(s);
	int w = 0;
	unsigned int cp;

	while (n > 0) {
		size_t len = utf8_decode(s, n, &cp);
		w += cp_width(cp);
		s += len;
		n -= len;
	}
	return w;
}

static void
lines_push(struct lines *out, const char *s, size_t len)
{
	strv_push(&out->v, &out->n, xstrndup(s, len));
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A space between two digits holds a phone number's groups together
 * ("020 692 230"): it is no place to break a line.
 */
static bool
breakable_space(const char *s, const char *p, const char *end)
{
	return !(p > s && p + 1 < end && is_digit(p[-1]) && is_digit(p[1]));
}

/*
 * Where a word wider than the line is cut, between line and p (which is
 * past the width): after its last '/' that fits, so that a web address
 * breaks only between its parts; else at a phone number's last space.
 * NULL when the word has neither.
 */
static const char *
clean_cut(const char *line, const char *p)
{
	for (const char *q = p; q > line + 1; q--)
		if (q[-1] == '/')
			return q;
	for (const char *q = p - 1; q > line; q--)
		if (*q == ' ')
			return q;
	return NULL;
}

/* A web address, an e-mail address or a number: a hyphen added at a cut
 * would read as part of it. */
static bool
hyphen_misleads(const char *w, const char *end)
{
	for (; w < end && *w != ' '; w++)
		if (*w == '/' || *w == '@' || *w == ':' || is_digit(*w))
			return true;
	return false;
}

/* Lay out one paragraph (no '\n') into out. */
static void
wrap_paragraph(const char *s, size_t n, int width, bool hyphen, struct lines *out)
{
	const char *line = s;	/* start of the current line */
	const char *brk = NULL;	/* last space seen on this line */
	int w = 0, w_at_brk = 0;
	const char *p = s, *end = s + n;
	unsigned int cp;

	if (n == 0) {
		lines_push(out, "", 0);
		return;
	}
	while (p < end) {
		size_t len = utf8_decode(p, (size_t)(end - p), &cp);
		int cw = cp_width(cp);

		if (cp == ' ' && breakable_space(s, p, end)) {
			brk = p;
			w_at_brk = w;
		}
		if (w + cw > width && cp != ' ') {
			if (brk != NULL && brk > line) {
				/* Break at the last space; skip it, and any run of
				 * spaces before it. */
				const char *e = brk;
				while (e > line && e[-1] == ' ')
					e--;
				lines_push(out, line, (size_t)(e - line));
				line = brk + 1;
				w = w - w_at_brk - 1;
				brk = NULL;
				/* Re-check this character against the new line. */
				continue;
			}
			if (p == line) {
				/* A character wider than the whole line: it
				 * goes alone, or nothing would ever move on. */
				lines_push(out, p, len);
				line = p = p + len;
				w = 0;
				brk = NULL;
				continue;
			}
			/* One word longer than the line: a web address breaks
			 * after a '/', a phone number at a space, as they are;
			 * other words are cut, marked with '-'. */
			const char *at = clean_cut(line, p);
			if (at != NULL) {
				const char *e = at;
				while (e > line && e[-1] == ' ')
					e--;
				lines_push(out, line, (size_t)(e - line));
				while (at < end && *at == ' ')
					at++;
				line = p = at;
				w = 0;
				brk = NULL;
				continue;
			}
			bool mark = hyphen && !hyphen_misleads(line, end);
			const char *q = line;
			int qw = 0;
			while (q < p) {
				unsigned int c2;
				size_t l2 = utf8_decode(q, (size_t)(p - q), &c2);
				if (qw + cp_width(c2) > width - (mark ? 1 : 0))
					break;
				qw += cp_width(c2);
				q += l2;
			}
			if (q == line)	/* width 1: emit one char anyway */
				q = p;
			char *cut = xasprintf("%.*s%s", (int)(q - line), line, mark ? "-" : "");
			strv_push(&out->v, &out->n, cut);
			line = q;
			w = 0;
			brk = NULL;
			p = q;
			continue;
		}
		w += cw;
		p += len;
	}
	/* Trailing spaces on the last line are dropped. */
	const char *e = end;
	while (e > line && e[-1] == ' ')
		e--;
	if (e > line || out->n == 0)
		lines_push(out, line, (size_t)(e - line));
}

static void
wrap(const char *s, int width, bool hyphen, struct lines *out)
{
	out->v = NULL;
	out->n = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		wrap_paragraph(s, n, width, hyphen, out);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

void
text_wrap(const char *s, int width, struct lines *out)
{
	wrap(s, width, true, out);
}

void
text_wrap_unmarked(const char *s, int width, struct lines *out)
{
	wrap(s, width, false, out);
}

void
lines_free(struct lines *l)
{
	strv_free(l->v, l->n);
	l->v = NULL;
	l->n = 0;
}

char *
text_fit(const char *s, int width)
{
	if (text_width(s) <= width)
		return xstrdup(s);
	if (width <= 0)
		return xstrdup("");
	/* Room for the ellipsis, which is one column wide. */
	size_t n = strlen(s);
	const char *p = s;
	int w = 0;
	unsigned int cp;
	while (n > 0) {
		size_t len = utf8_decode(p, n, &cp);
		if (w + cp_width(cp) > width - 1)
			break;
		w += cp_width(cp);
		p += len;
		n -= len;
	}
	return xasprintf("%.*s…", (int)(p - s), s);
}

static unsigned int
fold_cp(unsigned int cp)
{
	switch (cp) {
	case 0xE4: case 0xC4:	/* ä Ä */
	case 0xE5: case 0xC5:	/* å Å */
	case 0xE1: case 0xC1:	/* á Á */
	case 0xE0: case 0xC0:	/* à À */
	case 0xE2: case 0xC2:	/* â Â */
		return 'a';
	case 0xF6: case 0xD6:	/* ö Ö */
	case 0xF8: case 0xD8:	/* ø Ø */
	case 0xF3: case 0xD3:
		return 'o';
	case 0xFC: case 0xDC:	/* ü Ü */
		return 'u';
	case 0xE9: case 0xC9:	/* é É */
	case 0xE8: case 0xC8:
		return 'e';
	}
	if (cp < 0x80)
		return (unsigned int)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
	return (unsigned int)towlower((wint_t)cp);
}

char *
text_fold(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n * 4 + 1), *o = out;
	unsigned int cp;

	while (n > 0) {
		size_t len = utf8_decode(s, n, &cp);
		o += utf8_encode(fold_cp(cp), o);
		s += len;
		n -= len;
	}
	*o = '\0';
	return out;
}

bool
text_match(const char *folded_haystack, const char *folded_needle)
{
	return strstr(folded_haystack, folded_needle) != NULL;
}

static bool
is_bidi_control(unsigned int cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||	/* embeddings, overrides */
	    (cp >= 0x2066 && cp <= 0x2069) ||		/* isolates */
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;	/* marks */
}

/* Characters that take no room but can hide or change text: zero width
 * space, non-joiner, joiner and word joiner, the BOM, tag characters,
 * the line and paragraph separators (a break the terminal does not
 * make), the interlinear annotation marks, and the soft hyphen. */
static bool
is_invisible(unsigned int cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
	    (cp >= 0xE0000 && cp <= 0xE007F) || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0x00AD;
}

char *
text_sanitize(const char *s, bool keep_newlines)
{
	size_t n = strlen(s);
	char *out = xmalloc(n * 3 + 1), *o = out;
	unsigned int cp;

	while (n > 0) {
		size_t len = utf8_decode(s, n, &cp);

		if (cp == 0x1B || cp == 0x9B) {
			/* ESC or CSI: drop the whole sequence. */
			s += len;
			n -= len;
			bool csi = cp == 0x9B;
			if (!csi && n > 0 && *s == '[') {
				csi = true;
				s++;
				n--;
			} else if (!csi && n > 0 && (*s == ']' || *s == 'P' ||
			    *s == '_' || *s == '^')) {
				/* OSC/DCS/APC/PM: up to BEL or ST. */
				while (n > 0 && *s != '\a' &&
				    !(s[0] == 0x1B && n > 1 && s[1] == '\\')) {
					s++;
					n--;
				}
				if (n > 0 && *s == '\a') {
					s++;
					n--;
				} else if (n > 1) {
					s += 2;
					n -= 2;
				}
				continue;
			} else if (!csi && n > 0) {
				/* Two-character escape such as ESC c. */
				size_t l2 = utf8_decode(s, n, &cp);
				s += l2;
				n -= l2;
				continue;
			}
			if (csi) {
				/* Parameters and intermediates, then a final byte. */
				while (n > 0 && (unsigned char)*s >= 0x20 &&
				    (unsigned char)*s < 0x40) {
					s++;
					n--;
				}
				while (n > 0 && (unsigned char)*s >= 0x20 &&
				    (unsigned char)*s < 0x30) {
					s++;
					n--;
				}
				if (n > 0 && (unsigned char)*s >= 0x40 &&
				    (unsigned char)*s < 0x7F) {
					s++;
					n--;
				}
			}
			continue;
		}
		s += len;
		n -= len;
		if (cp == '\n' && keep_newlines) {
			*o++ = '\n';
			continue;
		}
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			*o++ = ' ';
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			continue;
		if (is_bidi_control(cp) || is_invisible(cp))
			continue;
		o += utf8_encode(cp, o);
	}
	*o = '\0';
	return out;
}

bool
text_is_clean(const char *s)
{
	/* Printable ASCII is what text_sanitize() leaves as it is, one
	 * character at a time, so only the rest needs the copy to compare:
	 * the register cache's reader checks every one of its texts. */
	while ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
		s++;
	if (*s == '\0')
		return true;
	char *clean = text_sanitize(s, false);
	bool same = strcmp(clean, s) == 0;
	free(clean);
	return same;
}

char *
text_echo(const char *s)
{
	char *clean = text_sanitize(s, false);
	char *cut = text_fit(clean, TEXT_ECHO_MAX);
	free(clean);
	return cut;
}

void
text_pop_char(char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		n--;
		if (((unsigned char)s[n] & 0xC0) != 0x80)
			break;
	}
	s[n] = '\0';
}

void
text_words(const char *text, struct lines *out)
{
	static const char separators[] = " \t,.;:!?-/()\"'";
	char *folded = text_fold(text);
	size_t len = strlen(folded);

	out->v = NULL;
	out->n = 0;
	for (char *p = folded; *p != '\0';) {
		size_t n = strcspn(p, separators);
		size_t chars = 0;
		for (size_t i = 0; i < n; i++)
			if (((unsigned char)p[i] & 0xC0) != 0x80)
				chars++;
		if (chars >= TEXT_WORD_MIN)
			strv_push(&out->v, &out->n, xstrndup(p, n));
		p += n;
		p += strspn(p, separators);
	}
	wipe(folded, len);
	free(folded);
}

void
lines_wipe(struct lines *l)
{
	strv_wipe_free(l->v, l->n);
	l->v = NULL;
	l->n = 0;
}

int
text_widest_unit(const char *s)
{
	int widest = 0;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		char *word = xstrndup(s, n);
		if (strstr(word, "://") != NULL) {
			/* "https://host/a/b": "https://", "host/", "a/", "b". */
			const char *p = strstr(word, "://") + 3;
			char *head = xstrndup(word, (size_t)(p - word));
			widest = text_width(head) > widest ? text_width(head) : widest;
			free(head);
			while (*p != '\0') {
				size_t k = strcspn(p, "/");
				char *part = xstrndup(p, k + (p[k] == '/'));
				widest = text_width(part) > widest ? text_width(part) : widest;
				free(part);
				p += k + (p[k] == '/');
			}
		} else if (text_width(word) > widest) {
			widest = text_width(word);
		}
		free(word);
		s += n;
	}
	return widest;
}
