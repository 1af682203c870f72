/*
 * jread.h: read JSON assets with errors that name file, line and column.
 *
 * jansson parses, but its values carry no positions.  A struct jr keeps
 * the path from the root to the value being read (object keys and array
 * indices); on an error, jr_fail() walks the source text along that path
 * to find where the value starts, so a message reads
 *
 *     assets/questions.json:112:17: unknown service class "P99"
 *
 * Every jr_* function that can fail returns 0 on success and -1 on failure.
 * Only the first failure is kept, in jr->cause, owned by the struct jr
 * (jr_done frees it unless the caller took it and set it to NULL).
 * Strings returned through `const char **` are borrowed from the json_t
 * and live as long as it does.
 */
#ifndef OPASTIN_JREAD_H
#define OPASTIN_JREAD_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define JR_MAXDEPTH 16

struct jr {
	const char *file;	/* name used in messages */
	char *text;		/* the source, owned */
	int depth;
	struct {
		const char *key;	/* NULL for an array index */
		size_t index;
	} seg[JR_MAXDEPTH];
	char *cause;
	int line_base;		/* lines of the file before text (JSONL) */
};

/* Load and parse a file of at most max bytes; NULL on failure, with cause. */
json_t *jr_load(struct jr *, const char *path, const char *display, size_t max);
/* Parse text already in memory (copied); NULL on failure, with cause. */
json_t *jr_parse(struct jr *, const char *display, const char *text);
/* The same for text that starts on line `line` of its file (one line of
 * a JSONL file): every message gives the file's line. */
json_t *jr_parse_at(struct jr *, const char *display, const char *text, int line);
void jr_done(struct jr *);

void jr_key(struct jr *, const char *key);
void jr_index(struct jr *, size_t index);
void jr_pop(struct jr *);
int jr_fail(struct jr *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Where the current path starts in the text (1-based). */
void jr_where(const struct jr *, int *line, int *col);

/* Members of obj.  With required false, an absent key leaves *out alone
 * (NULL for pointers).  Each one checks the type and range. */
/* Fail (at the current path) when an array's string item is not clean
 * text (text_is_clean); jr_string checks its strings itself. */
int jr_clean_item(struct jr *, json_t *item);
int jr_string(struct jr *, json_t *obj, const char *key, bool required, const char **out);
int jr_int(struct jr *, json_t *obj, const char *key, bool required, long min, long max, long *out);
int jr_real(struct jr *, json_t *obj, const char *key, bool required, double min, double max, double *out);
int jr_bool(struct jr *, json_t *obj, const char *key, bool *out);
int jr_array(struct jr *, json_t *obj, const char *key, bool required, json_t **out);
int jr_object(struct jr *, json_t *obj, const char *key, bool required, json_t **out);
/* Fail on any key of obj not in the NULL-terminated list: typos in an
 * asset are errors, not silently ignored fields. */
int jr_known_keys(struct jr *, json_t *obj, const char *const *allowed);
/* The value is one of the strings in a NULL-terminated list; its index. */
int jr_enum(struct jr *, json_t *obj, const char *key, const char *const *names, int *out);

#endif
