#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jread.h"
#include "text.h"
#include "util.h"

json_t *
jr_parse_at(struct jr *jr, const char *display, const char *text, int line)
{
	json_error_t e;

	memset(jr, 0, sizeof *jr);
	jr->file = display;
	jr->text = xstrdup(text);
	jr->line_base = line > 1 ? line - 1 : 0;
	json_t *root = json_loads(jr->text, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL) {
		/* jansson's text quotes the bad token: raw input. */
		char *why = text_echo(e.text);
		jr->cause = xasprintf("%s:%d:%d: %s", display, jr->line_base + e.line,
		    e.column > 0 ? e.column : 1, why);
		free(why);
	}
	return root;
}

json_t *
jr_parse(struct jr *jr, const char *display, const char *text)
{
	return jr_parse_at(jr, display, text, 1);
}

json_t *
jr_load(struct jr *jr, const char *path, const char *display, size_t max)
{
	char *cause = NULL;
	char *text = read_file(path, max, NULL, &cause);

	if (text == NULL) {
		memset(jr, 0, sizeof *jr);
		jr->file = display;
		jr->cause = cause;
		return NULL;
	}
	json_t *root = jr_parse(jr, display, text);
	free(text);
	return root;
}

void
jr_done(struct jr *jr)
{
	/* The text may be a citizen's profile: leave nothing behind. */
	if (jr->text != NULL)
		wipe(jr->text, strlen(jr->text));
	free(jr->text);
	free(jr->cause);
	jr->text = NULL;
	jr->cause = NULL;
}

void
jr_key(struct jr *jr, const char *key)
{
	if (jr->depth < JR_MAXDEPTH) {
		jr->seg[jr->depth].key = key;
		jr->seg[jr->depth].index = 0;
	}
	jr->depth++;
}

void
jr_index(struct jr *jr, size_t index)
{
	if (jr->depth < JR_MAXDEPTH) {
		jr->seg[jr->depth].key = NULL;
		jr->seg[jr->depth].index = index;
	}
	jr->depth++;
}

void
jr_pop(struct jr *jr)
{
	if (jr->depth > 0)
		jr->depth--;
}

/* A tiny scanner over the source text, for finding positions only: the
 * text has already been parsed by jansson, so it is known to be valid. */
struct scan {
	const char *p;
};

static void
skip_ws(struct scan *s)
{
	while (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')
		s->p++;
}

/* Skip a string starting at the quote; copy up to cap-1 raw bytes. */
static void
skip_string(struct scan *s, char *out, size_t cap)
{
	size_t n = 0;

	s->p++;
	while (*s->p != '\0' && *s->p != '"') {
		if (*s->p == '\\' && s->p[1] != '\0') {
			if (out != NULL && n + 2 < cap) {
				out[n++] = s->p[0];
				out[n++] = s->p[1];
			}
			s->p += 2;
			continue;
		}
		if (out != NULL && n + 1 < cap)
			out[n++] = *s->p;
		s->p++;
	}
	if (*s->p == '"')
		s->p++;
	if (out != NULL)
		out[n] = '\0';
}

static void
skip_value(struct scan *s)
{
	skip_ws(s);
	if (*s->p == '"') {
		skip_string(s, NULL, 0);
		return;
	}
	if (*s->p == '{' || *s->p == '[') {
		int depth = 0;
		do {
			if (*s->p == '"') {
				skip_string(s, NULL, 0);
				continue;
			}
			if (*s->p == '{' || *s->p == '[')
				depth++;
			else if (*s->p == '}' || *s->p == ']')
				depth--;
			s->p++;
		} while (depth > 0 && *s->p != '\0');
		return;
	}
	while (*s->p != '\0' && *s->p != ',' && *s->p != '}' && *s->p != ']' &&
	    *s->p != ' ' && *s->p != '\n' && *s->p != '\t' && *s->p != '\r')
		s->p++;
}

/* Move to the value at one path segment inside the value at s; false if
 * the segment is not there (then s stays at the container). */
static bool
descend(struct scan *s, const char *key, size_t index)
{
	const char *start;
	char name[256];

	skip_ws(s);
	start = s->p;
	if (key != NULL && *s->p == '{') {
		s->p++;
		for (;;) {
			skip_ws(s);
			if (*s->p != '"')
				break;
			skip_string(s, name, sizeof name);
			skip_ws(s);
			if (*s->p == ':')
				s->p++;
			skip_ws(s);
			if (strcmp(name, key) == 0)
				return true;
			skip_value(s);
			skip_ws(s);
			if (*s->p != ',')
				break;
			s->p++;
		}
	} else if (key == NULL && *s->p == '[') {
		s->p++;
		for (size_t i = 0;; i++) {
			skip_ws(s);
			if (*s->p == ']' || *s->p == '\0')
				break;
			if (i == index)
				return true;
			skip_value(s);
			skip_ws(s);
			if (*s->p != ',')
				break;
			s->p++;
		}
	}
	s->p = start;
	return false;
}

void
jr_where(const struct jr *jr, int *line, int *col)
{
	struct scan s = { jr->text ? jr->text : "" };
	int depth = jr->depth < JR_MAXDEPTH ? jr->depth : JR_MAXDEPTH;

	for (int i = 0; i < depth; i++)
		if (!descend(&s, jr->seg[i].key, jr->seg[i].index))
			break;
	skip_ws(&s);

	*line = 1 + jr->line_base;
	*col = 1;
	for (const char *p = jr->text; p != NULL && p < s.p; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80)
			(*col)++;
	}
}

int
jr_fail(struct jr *jr, const char *fmt, ...)
{
	va_list ap;
	int line, col;

	if (jr->cause != NULL)
		return -1;
	jr_where(jr, &line, &col);
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	jr->cause = xasprintf("%s:%d:%d: %s", jr->file, line, col, msg);
	free(msg);
	return -1;
}

/* Look up key; on absence fail at the object when required. */
static int
member(struct jr *jr, json_t *obj, const char *key, bool required, json_t **v)
{
	*v = json_object_get(obj, key);
	if (*v == NULL || json_is_null(*v)) {
		*v = NULL;
		if (required)
			return jr_fail(jr, "missing \"%s\"", key);
	}
	return 0;
}

static int
wrong_type(struct jr *jr, const char *key, const char *want)
{
	jr_key(jr, key);
	jr_fail(jr, "\"%s\" must be %s", key, want);
	jr_pop(jr);
	return -1;
}

int
jr_string(struct jr *jr, json_t *obj, const char *key, bool required, const char **out)
{
	json_t *v;

	if (member(jr, obj, key, required, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_string(v))
		return wrong_type(jr, key, "a string");
	if (json_string_length(v) == 0 && required) {
		jr_key(jr, key);
		jr_fail(jr, "\"%s\" must not be empty", key);
		jr_pop(jr);
		return -1;
	}
	/* Every string of a file we read is drawn or logged somewhere:
	 * what is checked must be what is shown. */
	if (!text_is_clean(json_string_value(v))) {
		jr_key(jr, key);
		jr_fail(jr, "\"%s\" holds a control, bidi or invisible character, or invalid UTF-8", key);
		jr_pop(jr);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

int
jr_clean_item(struct jr *jr, json_t *item)
{
	if (json_is_string(item) && !text_is_clean(json_string_value(item)))
		return jr_fail(jr, "text holds a control, bidi or invisible character, or invalid UTF-8");
	return 0;
}

int
jr_int(struct jr *jr, json_t *obj, const char *key, bool required, long min, long max, long *out)
{
	json_t *v;

	if (member(jr, obj, key, required, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_integer(v))
		return wrong_type(jr, key, "a whole number");
	json_int_t i = json_integer_value(v);
	if (i < min || i > max) {
		jr_key(jr, key);
		jr_fail(jr, "\"%s\" is %lld, but must be from %ld to %ld", key,
		    (long long)i, min, max);
		jr_pop(jr);
		return -1;
	}
	*out = (long)i;
	return 0;
}

int
jr_real(struct jr *jr, json_t *obj, const char *key, bool required, double min, double max, double *out)
{
	json_t *v;

	if (member(jr, obj, key, required, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_number(v))
		return wrong_type(jr, key, "a number");
	double d = json_number_value(v);
	if (!(d >= min && d <= max)) {
		jr_key(jr, key);
		jr_fail(jr, "\"%s\" is %g, but must be from %g to %g", key, d, min, max);
		jr_pop(jr);
		return -1;
	}
	*out = d;
	return 0;
}

int
jr_bool(struct jr *jr, json_t *obj, const char *key, bool *out)
{
	json_t *v;

	if (member(jr, obj, key, false, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_boolean(v))
		return wrong_type(jr, key, "true or false");
	*out = json_is_true(v);
	return 0;
}

int
jr_array(struct jr *jr, json_t *obj, const char *key, bool required, json_t **out)
{
	json_t *v;

	*out = NULL;
	if (member(jr, obj, key, required, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_array(v))
		return wrong_type(jr, key, "a list");
	*out = v;
	return 0;
}

int
jr_object(struct jr *jr, json_t *obj, const char *key, bool required, json_t **out)
{
	json_t *v;

	*out = NULL;
	if (member(jr, obj, key, required, &v) < 0)
		return -1;
	if (v == NULL)
		return 0;
	if (!json_is_object(v))
		return wrong_type(jr, key, "an object");
	*out = v;
	return 0;
}

int
jr_known_keys(struct jr *jr, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		bool ok = false;
		for (const char *const *a = allowed; *a != NULL; a++)
			if (strcmp(*a, key) == 0)
				ok = true;
		if (!ok) {
			char *shown = text_echo(key);
			jr_key(jr, key);
			jr_fail(jr, "unknown key \"%s\"", shown);
			jr_pop(jr);
			free(shown);
			return -1;
		}
	}
	return 0;
}

int
jr_enum(struct jr *jr, json_t *obj, const char *key, const char *const *names, int *out)
{
	const char *s = NULL;

	if (jr_string(jr, obj, key, true, &s) < 0)
		return -1;
	for (int i = 0; names[i] != NULL; i++) {
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return 0;
		}
	}
	char *shown = text_echo(s);
	jr_key(jr, key);
	jr_fail(jr, "\"%s\" is \"%s\", which is not one of the known values", key, shown);
	jr_pop(jr);
	free(shown);
	return -1;
}
