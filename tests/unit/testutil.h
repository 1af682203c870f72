/*
 * testutil.h: helpers shared by the unit tests.
 *
 * Temporary files and directories made here are remembered and removed
 * by tu_cleanup() (or tu_teardown(), its cmocka form), so that a test
 * leaves nothing behind in $TMPDIR even when it fails.  Every helper
 * that cannot do its job fails the running test through cmocka.
 *
 * Strings returned are the caller's to free() unless said otherwise.
 */
#ifndef OPASTIN_TESTUTIL_H
#define OPASTIN_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>

struct assets;
struct catalogue;

/* The fixture directories under tests/data. */
#define TU_MINI TEST_DATA "/mini"
#define TU_PROFILES TEST_DATA "/mini-profiles"

/* Set an UTF-8 LC_CTYPE (wcwidth needs it); C.UTF-8 is always there. */
void tu_utf8_locale(void);

/* Write text to a new temporary file whose name ends in suffix (may be
 * NULL); returns its path (owned by testutil, valid until tu_cleanup). */
const char *tu_temp_file(const char *text, const char *suffix);
/* A new empty temporary directory (owned by testutil). */
const char *tu_temp_dir(void);
/* Remove every temporary file and directory made so far. */
void tu_cleanup(void);
/* cmocka teardown: tu_cleanup(). */
int tu_teardown(void **state);

/* The whole contents of a file. */
char *tu_read(const char *path);
/* Write text to path, replacing it. */
void tu_write(const char *path, const char *text);
/* text with the first occurrence of from replaced by to; the test fails
 * if from does not occur (so a fixture edit cannot silently break it). */
char *tu_replace(const char *text, const char *from, const char *to);
/* Line and column (1-based, the column in characters) where needle first
 * occurs in text, plus skip characters; the test fails if it is absent. */
void tu_pos(const char *text, const char *needle, size_t skip, int *line, int *col);

/*
 * A copy of the asset directory src in a new temporary directory, with
 * file (e.g. "questions.json") holding text instead; returns the new
 * directory (owned by testutil).  With file NULL, an exact copy.
 */
const char *tu_assets_variant(const char *src, const char *file, const char *text);
/* The mini fixture with first occurrence of from in file replaced by to. */
const char *tu_mini_variant(const char *file, const char *from, const char *to);

/* Load an asset directory; the test fails with the cause if it does not. */
void tu_load(struct assets *, const char *dir);
/* Load an asset directory that must fail; returns the cause (free it). */
char *tu_load_fail(const char *dir);

/* cmocka setup/teardown that put a loaded mini struct assets in *state. */
int tu_setup_mini(void **state);
int tu_teardown_assets(void **state);

/* Assert that cause begins with "<file>:<line>:<col>: " and contains
 * phrase, printing the cause on failure. */
#define tu_assert_cause(cause, file, line, col, phrase) \
	tu_check_cause((cause), (file), (line), (col), (phrase), __FILE__, __LINE__)
bool tu_cause_ok(const char *cause, const char *file, int line, int col,
    const char *phrase);
void tu_check_cause(const char *cause, const char *file, int line, int col,
    const char *phrase, const char *srcfile, int srcline);

/* Index of the question or option with this id; the test fails if absent. */
size_t tu_q(const struct assets *, const char *id);
int tu_opt(const struct assets *, const char *qid, const char *opt);

/* Whether the service id of cat, made a result (catalogue_to_result),
 * has contacts_local; the test fails if cat has no such service. */
bool tu_contacts_local(const struct catalogue *, const char *id);

#endif
