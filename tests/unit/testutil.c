#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assets.h"
#include "testutil.h"

/* Everything made here, removed by tu_cleanup() in reverse order so that
 * files go before the directories that hold them. */
struct made {
	char *path;
	bool dir;
};
static struct made *made;
static size_t nmade;

static void
remember(char *path, bool dir)
{
	struct made *v = realloc(made, (nmade + 1) * sizeof *made);
	assert_non_null(v);
	made = v;
	made[nmade].path = path;
	made[nmade].dir = dir;
	nmade++;
}

void
tu_utf8_locale(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		assert_non_null(setlocale(LC_CTYPE, "en_US.UTF-8"));
}

static const char *
tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	return (t != NULL && *t != '\0') ? t : "/tmp";
}

void
tu_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		print_error("cannot write %s: %s\n", path, strerror(errno));
		fail();
	}
	size_t n = strlen(text);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

const char *
tu_temp_file(const char *text, const char *suffix)
{
	size_t slen = suffix != NULL ? strlen(suffix) : 0;
	size_t len = strlen(tmpdir()) + sizeof "/opastin-unit.XXXXXX" + slen;
	char *path = malloc(len);
	assert_non_null(path);
	snprintf(path, len, "%s/opastin-unit.XXXXXX%s", tmpdir(), suffix ? suffix : "");
	int fd = mkstemps(path, (int)slen);
	if (fd < 0) {
		print_error("mkstemps %s: %s\n", path, strerror(errno));
		fail();
	}
	close(fd);
	remember(path, false);
	tu_write(path, text);
	return path;
}

const char *
tu_temp_dir(void)
{
	size_t len = strlen(tmpdir()) + sizeof "/opastin-unit.XXXXXX";
	char *path = malloc(len);
	assert_non_null(path);
	snprintf(path, len, "%s/opastin-unit.XXXXXX", tmpdir());
	if (mkdtemp(path) == NULL) {
		print_error("mkdtemp %s: %s\n", path, strerror(errno));
		fail();
	}
	remember(path, true);
	return path;
}

void
tu_cleanup(void)
{
	while (nmade > 0) {
		struct made *m = &made[--nmade];
		if (m->dir)
			rmdir(m->path);
		else
			unlink(m->path);
		free(m->path);
	}
	free(made);
	made = NULL;
}

int
tu_teardown(void **state)
{
	(void)state;
	tu_cleanup();
	return 0;
}

char *
tu_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		print_error("cannot read %s: %s\n", path, strerror(errno));
		fail();
	}
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	buf[n] = '\0';
	return buf;
}

char *
tu_replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	if (at == NULL) {
		print_error("the fixture no longer holds \"%s\"\n", from);
		fail();
	}
	size_t pre = (size_t)(at - text), flen = strlen(from), tlen = strlen(to);
	char *out = malloc(strlen(text) - flen + tlen + 1);
	assert_non_null(out);
	memcpy(out, text, pre);
	memcpy(out + pre, to, tlen);
	strcpy(out + pre + tlen, at + flen);
	return out;
}

void
tu_pos(const char *text, const char *needle, size_t skip, int *line, int *col)
{
	const char *at = strstr(text, needle);
	if (at == NULL) {
		print_error("\"%s\" is not in the text\n", needle);
		fail();
	}
	/* Skip characters, not bytes. */
	while (skip > 0 && *at != '\0') {
		at++;
		while (((unsigned char)*at & 0xC0) == 0x80)
			at++;
		skip--;
	}
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80)
			(*col)++;
	}
}

static const char *const asset_files[] = {
	"life_events.tsv", "service_classes.tsv", "target_groups.tsv",
	"municipalities.tsv", "questions.json", "catalogue.json",
	"class_dimensions.tsv",
};

const char *
tu_assets_variant(const char *src, const char *file, const char *text)
{
	const char *dir = tu_temp_dir();
	bool found = file == NULL;

	for (size_t i = 0; i < sizeof asset_files / sizeof asset_files[0]; i++) {
		size_t len = strlen(dir) + strlen(asset_files[i]) + 2;
		char *to = malloc(len);
		assert_non_null(to);
		snprintf(to, len, "%s/%s", dir, asset_files[i]);
		if (file != NULL && strcmp(file, asset_files[i]) == 0) {
			tu_write(to, text);
			found = true;
		} else {
			size_t flen = strlen(src) + strlen(asset_files[i]) + 2;
			char *from = malloc(flen);
			assert_non_null(from);
			snprintf(from, flen, "%s/%s", src, asset_files[i]);
			char *body = tu_read(from);
			tu_write(to, body);
			free(body);
			free(from);
		}
		remember(to, false);
	}
	if (!found) {
		print_error("%s is not an asset file\n", file);
		fail();
	}
	return dir;
}

const char *
tu_mini_variant(const char *file, const char *from, const char *to)
{
	char *path = malloc(strlen(TU_MINI) + strlen(file) + 2);
	assert_non_null(path);
	sprintf(path, "%s/%s", TU_MINI, file);
	char *orig = tu_read(path);
	char *text = tu_replace(orig, from, to);
	const char *dir = tu_assets_variant(TU_MINI, file, text);
	free(text);
	free(orig);
	free(path);
	return dir;
}

void
tu_load(struct assets *a, const char *dir)
{
	char *cause = NULL;
	if (assets_load(a, dir, &cause) < 0) {
		print_error("assets_load(%s): %s\n", dir, cause ? cause : "(no cause)");
		free(cause);
		fail();
	}
}

char *
tu_load_fail(const char *dir)
{
	struct assets a;
	char *cause = NULL;
	if (assets_load(&a, dir, &cause) == 0) {
		assets_free(&a);
		print_error("assets_load(%s) succeeded, but should have failed\n", dir);
		fail();
	}
	assert_non_null(cause);
	return cause;
}

int
tu_setup_mini(void **state)
{
	struct assets *a = calloc(1, sizeof *a);
	assert_non_null(a);
	tu_load(a, TU_MINI);
	*state = a;
	return 0;
}

int
tu_teardown_assets(void **state)
{
	struct assets *a = *state;
	if (a != NULL) {
		assets_free(a);
		free(a);
	}
	*state = NULL;
	tu_cleanup();
	return 0;
}

static void
cause_prefix(char *want, size_t size, const char *file, int line, int col)
{
	if (col > 0)
		snprintf(want, size, "%s:%d:%d: ", file, line, col);
	else
		snprintf(want, size, "%s:%d: ", file, line);
}

bool
tu_cause_ok(const char *cause, const char *file, int line, int col,
    const char *phrase)
{
	char want[4096];

	cause_prefix(want, sizeof want, file, line, col);
	return cause != NULL && strncmp(cause, want, strlen(want)) == 0 &&
	    strstr(cause + strlen(want), phrase) != NULL;
}

void
tu_check_cause(const char *cause, const char *file, int line, int col,
    const char *phrase, const char *srcfile, int srcline)
{
	char want[4096];

	if (!tu_cause_ok(cause, file, line, col, phrase)) {
		cause_prefix(want, sizeof want, file, line, col);
		print_error("cause:    %s\nexpected: %s...%s...\n",
		    cause ? cause : "(null)", want, phrase);
		_fail(srcfile, srcline);
	}
}

size_t
tu_q(const struct assets *a, const char *id)
{
	long qi = quest_find(&a->quest, id);
	if (qi < 0) {
		print_error("no question \"%s\" in the fixture\n", id);
		fail();
	}
	return (size_t)qi;
}

int
tu_opt(const struct assets *a, const char *qid, const char *opt)
{
	long o = quest_option(&a->quest, tu_q(a, qid), opt);
	if (o < 0) {
		print_error("question \"%s\" has no option \"%s\"\n", qid, opt);
		fail();
	}
	return (int)o;
}

bool
tu_contacts_local(const struct catalogue *cat, const char *id)
{
	for (size_t i = 0; i < cat->n; i++) {
		if (strcmp(cat->v[i].id, id) != 0)
			continue;
		struct service s;
		catalogue_to_result(&cat->v[i], LANG_EN, &s);
		bool local = s.contacts_local;
		service_free(&s);
		return local;
	}
	fail_msg("no service %s", id);
	return false;
}
