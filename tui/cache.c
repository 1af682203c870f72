#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "sync.h"
#include "text.h"
#include "secmem.h"
#include "util.h"

void
cache_header_free(struct cache_header *h)
{
	free(h->source);
	free(h->municipalities);
	memset(h, 0, sizeof *h);
}

/* ---- Reading ----------------------------------------------------------- */

struct cache_reader {
	FILE *f;
	char *path;
	char *buf;
	size_t cap;
	int lineno;
	size_t entries;
	bool ended;
};

/* The next line without its newline: 1, 0 at the end of the file, -1
 * with *cause when it is too long or unreadable. */
static int
read_line(struct cache_reader *r, char **cause)
{
	ssize_t n = getline(&r->buf, &r->cap, r->f);

	if (n < 0) {
		if (ferror(r->f)) {
			*cause = xasprintf("%s: %s", r->path, strerror(errno));
			return -1;
		}
		return 0;
	}
	r->lineno++;
	if ((size_t)n > CACHE_MAX_LINE) {
		*cause = xasprintf("%s:%d: the line is longer than %u bytes", r->path,
		    r->lineno, CACHE_MAX_LINE);
		return -1;
	}
	if (n == 0 || r->buf[n - 1] != '\n') {
		*cause = xasprintf("%s:%d: the file ends inside a line", r->path, r->lineno);
		return -1;
	}
	r->buf[n - 1] = '\0';
	if (strlen(r->buf) != (size_t)n - 1) {
		*cause = xasprintf("%s:%d: the line holds a NUL byte", r->path, r->lineno);
		return -1;
	}
	return 1;
}

static int
parse_header(struct cache_reader *r, struct cache_header *h, char **cause)
{
	json_error_t e;
	json_t *j = json_loads(r->buf, JSON_REJECT_DUPLICATES, &e);
	const char *format = json_string_value(json_object_get(j, "format"));
	json_t *version = json_object_get(j, "version");
	const char *source = json_string_value(json_object_get(j, "source"));
	const char *munis = json_string_value(json_object_get(j, "municipalities"));
	time_t synced = sync_parse_time(json_string_value(json_object_get(j, "synced")));
	time_t full = sync_parse_time(json_string_value(json_object_get(j, "full_synced")));
	int rc = -1;

	if (format == NULL || strcmp(format, CACHE_FORMAT) != 0)
		*cause = xasprintf("%s:1: not a cache of Opastin's", r->path);
	else if (!json_is_integer(version) || json_integer_value(version) != CACHE_VERSION)
		*cause = xasprintf("%s:1: a cache of another version; run opastin --sync", r->path);
	else if (source == NULL || munis == NULL || synced < 0 || full < 0)
		*cause = xasprintf("%s:1: the header lacks source, municipalities or times", r->path);
	else {
		h->source = text_sanitize(source, false);
		h->municipalities = text_sanitize(munis, false);
		h->synced = synced;
		h->full_synced = full;
		rc = 0;
	}
	json_decref(j);
	return rc;
}

struct cache_reader *
cache_open(const char *path, struct cache_header *h, char **cause)
{
	struct cache_reader *r;
	struct stat st;
	int fd;

	memset(h, 0, sizeof *h);
	*cause = NULL;
	/* Not a FIFO or a device: a regular file, or nothing. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		close(fd);
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path);
	r->f = fdopen(fd, "r");
	if (r->f == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		cache_close(r);
		return NULL;
	}
	int got = read_line(r, cause);
	if (got == 0)
		*cause = xasprintf("%s: the file is empty", path);
	if (got <= 0 || parse_header(r, h, cause) < 0) {
		cache_close(r);
		cache_header_free(h);
		return NULL;
	}
	return r;
}

int
cache_next(struct cache_reader *r, const char **line, int *lineno, char **cause)
{
	int got;

	if (r->ended) {
		if ((got = read_line(r, cause)) < 0)
			return -1;
		if (got > 0) {
			*cause = xasprintf("%s:%d: a line after the end", r->path, r->lineno);
			return -1;
		}
		return 0;
	}
	if ((got = read_line(r, cause)) < 0)
		return -1;
	if (got == 0) {
		*cause = xasprintf("%s: the file was cut short (no end line)", r->path);
		return -1;
	}
	/* The trailer: {"end": ..., "services": N}.  An entry never starts
	 * so: it starts with "service_id". */
	if (strncmp(r->buf, "{\"end\":", 7) == 0) {
		json_t *j = json_loads(r->buf, 0, NULL);
		json_t *n = json_object_get(j, "services");
		bool ok = json_is_integer(n) && json_integer_value(n) == (json_int_t)r->entries;
		json_decref(j);
		if (!ok) {
			*cause = xasprintf("%s:%d: the end line's count does not match the %zu services",
			    r->path, r->lineno, r->entries);
			return -1;
		}
		r->ended = true;
		return cache_next(r, line, lineno, cause);
	}
	r->entries++;
	*line = r->buf;
	*lineno = r->lineno;
	return 1;
}

void
cache_close(struct cache_reader *r)
{
	if (r == NULL)
		return;
	if (r->f != NULL)
		fclose(r->f);
	free(r->buf);
	free(r->path);
	free(r);
}

int
cache_load(struct catalogue *cat, const char *dir, const struct catalogue_codes *codes,
    char **cause)
{
	struct cache_header h;
	char *path = xasprintf("%s/%s", dir, CACHE_FILE);
	struct cache_reader *r = cache_open(path, &h, cause);
	struct catalogue_loader *ld = NULL;
	const char *line;
	size_t cap = 0;
	int lineno, got, rc = -1;

	memset(cat, 0, sizeof *cat);
	if (r == NULL) {
		free(path);
		return *cause == NULL ? 1 : -1;
	}
	ld = catalogue_loader_new(codes, path);
	while ((got = cache_next(r, &line, &lineno, cause)) > 0) {
		if (cat->n == cap) {
			cap = cap ? cap * 2 : 256;
			cat->v = xreallocarray(cat->v, cap, sizeof *cat->v);
		}
		if (catalogue_parse_service(ld, line, (size_t)lineno, &cat->v[cat->n], cause) < 0)
			goto out;
		cat->n++;
	}
	if (got < 0)
		goto out;
	if (catalogue_check_ids(cat, path, cause) < 0)
		goto out;
	char day[20];
	sync_format_time(h.synced, day);
	day[10] = '\0';
	cat->date = xstrdup(day);
	cat->origin = CATALOGUE_REGISTER;
	rc = 0;
out:
	if (rc < 0)
		catalogue_free(cat);
	catalogue_loader_free(ld);
	cache_close(r);
	cache_header_free(&h);
	free(path);
	return rc;
}

/* ---- Writing ----------------------------------------------------------- */

struct cache_writer {
	char *dir, *tmp, *path;
	FILE *f;
	size_t count;
};

static char *
header_line(const struct cache_header *h)
{
	char synced[20], full[20];
	sync_format_time(h->synced, synced);
	sync_format_time(h->full_synced, full);
	char *s1 = xasprintf("%sZ", synced), *s2 = xasprintf("%sZ", full);
	json_t *j = json_pack("{s:s,s:i,s:s,s:s,s:s,s:s}", "format", CACHE_FORMAT,
	    "version", CACHE_VERSION, "source", h->source, "synced", s1,
	    "full_synced", s2, "municipalities", h->municipalities);
	char *line = secmem_json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	free(s1);
	free(s2);
	return line;
}

struct cache_writer *
cache_create(const char *dir, const struct cache_header *h, char **cause)
{
	struct cache_writer *w = xcalloc(1, sizeof *w);
	w->dir = xstrdup(dir);
	w->path = xasprintf("%s/%s", dir, CACHE_FILE);
	w->tmp = xasprintf("%s/.%s.XXXXXX", dir, CACHE_FILE);
	int fd = mkstemp(w->tmp);
	if (fd < 0) {
		*cause = xasprintf("cannot write in the cache directory %s: %s", dir, strerror(errno));
		free(w->tmp);
		w->tmp = NULL;
		cache_abort(w);
		return NULL;
	}
	/* The kiosk's user reads what the sync's user writes. */
	fchmod(fd, 0644);
	w->f = fdopen(fd, "w");
	char *line = header_line(h);
	if (w->f == NULL || fprintf(w->f, "%s\n", line) < 0) {
		*cause = xasprintf("cannot write %s: %s", w->tmp, strerror(errno));
		if (w->f == NULL)
			close(fd);
		free(line);
		cache_abort(w);
		return NULL;
	}
	free(line);
	return w;
}

int
cache_write(struct cache_writer *w, const char *line, char **cause)
{
	if (strchr(line, '\n') != NULL || strlen(line) > CACHE_MAX_LINE) {
		*cause = xstrdup("an entry too long for the cache");
		return -1;
	}
	if (fputs(line, w->f) == EOF || fputc('\n', w->f) == EOF) {
		*cause = xasprintf("cannot write %s: %s", w->tmp, strerror(errno));
		return -1;
	}
	w->count++;
	return 0;
}

size_t
cache_count(const struct cache_writer *w)
{
	return w->count;
}

int
cache_commit(struct cache_writer *w, char **cause)
{
	int rc = -1;

	if (fprintf(w->f, "{\"end\":\"%s\",\"services\":%zu}\n", CACHE_FORMAT, w->count) < 0 ||
	    fflush(w->f) != 0 || fsync(fileno(w->f)) != 0) {
		*cause = xasprintf("cannot write %s: %s", w->tmp, strerror(errno));
		goto out;
	}
	if (fclose(w->f) != 0) {
		w->f = NULL;
		*cause = xasprintf("cannot write %s: %s", w->tmp, strerror(errno));
		goto out;
	}
	w->f = NULL;
	if (rename(w->tmp, w->path) < 0) {
		*cause = xasprintf("cannot replace %s: %s", w->path, strerror(errno));
		goto out;
	}
	free(w->tmp);
	w->tmp = NULL;
	/* The rename itself reaches the disk with the directory. */
	int dfd = open(w->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	cache_abort(w);
	return rc;
}

void
cache_abort(struct cache_writer *w)
{
	if (w == NULL)
		return;
	if (w->f != NULL)
		fclose(w->f);
	if (w->tmp != NULL)
		unlink(w->tmp);
	free(w->tmp);
	free(w->path);
	free(w->dir);
	free(w);
}

bool
cache_entry_serves(const json_t *e, const char *municipalities)
{
	const json_t *area = json_object_get(e, "area");
	size_t i;
	json_t *m;

	if (json_is_string(area))
		return true;
	json_array_foreach(json_object_get(area, "municipalities"), i, m) {
		const char *code = json_string_value(m);
		for (const char *p = municipalities; code != NULL && *p != '\0'; p += p[3] ? 4 : 3)
			if (strncmp(p, code, 3) == 0 && strlen(code) == 3)
				return true;
	}
	return false;
}
