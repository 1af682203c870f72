#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "cache-record.h"
#include "log.h"
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

/*
 * The last steps of either reader once every service is in: the ids are
 * unique, the catalogue's date is the day of the sync, it covers the
 * header's municipalities (a copy of covers), and its code index is
 * built.  0, or -1 with *cause set.
 */
static int
finish_catalogue(struct catalogue *cat, const char *path, time_t synced, const char *covers,
    char **cause)
{
	if (catalogue_check_ids(cat, path, cause) < 0)
		return -1;
	char day[20];
	sync_format_time(synced, day);
	day[10] = '\0';
	cat->date = xstrdup(day);
	cat->covers = xstrdup(covers);
	cat->origin = CATALOGUE_REGISTER;
	catalogue_index(cat);
	return 0;
}

int
cache_load_jsonl(struct catalogue *cat, const char *dir, const struct catalogue_codes *codes,
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
	rc = finish_catalogue(cat, path, h.synced, h.municipalities, cause);
out:
	if (rc < 0)
		catalogue_free(cat);
	catalogue_loader_free(ld);
	cache_close(r);
	cache_header_free(&h);
	free(path);
	return rc;
}

/* ---- The compact cache: reading ------------------------------------------ */

/* 64-bit FNV-1a, continued from h: the compact cache's checksum. */
static uint64_t
fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ULL;
	}
	return h;
}
#define FNV_START 14695981039346656037ULL

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

struct bin_reader {
	FILE *f;
	const char *path;
	uint64_t hash;
};

/* Exactly n bytes, hashed; false with *cause when the file ends first. */
static bool
bin_read(struct bin_reader *r, void *p, size_t n, char **cause)
{
	if (fread(p, 1, n, r->f) != n) {
		*cause = ferror(r->f) ? xasprintf("%s: %s", r->path, strerror(errno)) :
		    xasprintf("%s: the file was cut short", r->path);
		return false;
	}
	r->hash = fnv1a(r->hash, p, n);
	return true;
}

/* A u32-counted string of the header at h[*at .. n): its length, its
 * bytes and a NUL.  NULL when it does not fit or is not so ended. */
static const char *
bin_header_string(const unsigned char *h, size_t n, size_t *at)
{
	if (n - *at < 4)
		return NULL;
	uint32_t len = le32(h + *at);
	if (len >= n - *at - 4 || h[*at + 4 + len] != '\0' ||
	    memchr(h + *at + 4, '\0', len) != NULL)
		return NULL;
	const char *s = (const char *)h + *at + 4;
	*at += 4 + (size_t)len + 1;
	return s;
}

/* Whether s is a list of three-digit codes, "179,853", or "". */
static bool
is_code_list(const char *s)
{
	for (size_t i = 0; s[i] != '\0'; i++)
		if (i % 4 == 3 ? s[i] != ',' : (s[i] < '0' || s[i] > '9'))
			return false;
	return s[0] == '\0' || strlen(s) % 4 == 3;
}

/* The header after the magic and version: u32 length, then u64 synced,
 * u64 full_synced, and the source and municipalities as u32-counted
 * strings.  The time and the municipalities are needed here: *munis is
 * the caller's to free. */
static bool
bin_header(struct bin_reader *r, time_t *synced, char **munis, char **cause)
{
	unsigned char n4[4], *h;
	bool ok = false;

	if (!bin_read(r, n4, 4, cause))
		return false;
	uint32_t n = le32(n4);
	if (n < 16 || n > 65536) {
		*cause = xasprintf("%s: a header of %u bytes", r->path, (unsigned)n);
		return false;
	}
	h = xmalloc(n);
	if (bin_read(r, h, n, cause)) {
		int64_t t = (int64_t)le64(h);
		size_t at = 16;
		const char *m = NULL;
		if (bin_header_string(h, n, &at) != NULL)
			m = bin_header_string(h, n, &at);
		/* Up to 9999-12-31, which sync_format_time() can write. */
		if (t < 0 || t > 253402300799LL) {
			*cause = xasprintf("%s: the header's time is out of range", r->path);
		} else if (m == NULL || !is_code_list(m)) {
			*cause = xasprintf("%s: the header's list of municipalities is damaged", r->path);
		} else {
			*synced = (time_t)t;
			*munis = xstrdup(m);
			ok = true;
		}
	}
	free(h);
	return ok;
}

/*
 * Load the compact cache at path: 0, 1 when there is no such file, -1
 * with *cause.  Records are read and decoded one at a time, so that the
 * file is never in memory whole; the catalogue counts only once the
 * trailer's count and checksum match what was read.
 */
static int
load_bin(struct catalogue *cat, const char *path, const struct catalogue_codes *codes,
    char **cause)
{
	struct bin_reader r = { .path = path, .hash = FNV_START };
	unsigned char head[12], n4[4], *rec = NULL;
	size_t cap = 0, reccap = 0;
	struct stat st;
	time_t synced = 0;
	char *munis = NULL;
	int rc = -1;

	memset(cat, 0, sizeof *cat);
	*cause = NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		close(fd);
		return -1;
	}
	r.f = fdopen(fd, "r");
	if (r.f == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (st.st_size == 0) {
		*cause = xasprintf("%s: the file is empty", path);
		goto out;
	}
	if (!bin_read(&r, head, sizeof head, cause))
		goto out;
	if (memcmp(head, CACHE_BIN_MAGIC, 8) != 0) {
		*cause = xasprintf("%s: not a cache of Opastin's", path);
		goto out;
	}
	if (le32(head + 8) != CACHE_BIN_VERSION) {
		*cause = xasprintf("%s: a cache of format version %u, and this Opastin reads "
		    "version %d; run opastin --sync", path, (unsigned)le32(head + 8), CACHE_BIN_VERSION);
		goto out;
	}
	if (!bin_header(&r, &synced, &munis, cause))
		goto out;
	for (;;) {
		if (!bin_read(&r, n4, 4, cause))
			goto out;
		uint32_t len = le32(n4);
		if (len == 0)
			break;
		if (len > CACHE_MAX_LINE) {
			*cause = xasprintf("%s: service %zu: a record longer than %u bytes", path,
			    cat->n + 1, CACHE_MAX_LINE);
			goto out;
		}
		if (len > reccap) {
			reccap = len;
			rec = xreallocarray(rec, reccap, 1);
		}
		if (!bin_read(&r, rec, len, cause))
			goto out;
		if (cat->n == cap) {
			cap = cap ? cap * 2 : 256;
			cat->v = xreallocarray(cat->v, cap, sizeof *cat->v);
		}
		char *why = NULL;
		if (cache_record_decode(rec, len, codes, &cat->v[cat->n], &why) < 0) {
			*cause = xasprintf("%s: service %zu: %s", path, cat->n + 1, why);
			free(why);
			goto out;
		}
		cat->n++;
	}
	/* The trailer: the count, then the checksum of everything before it. */
	unsigned char tail[16];
	if (!bin_read(&r, tail, 8, cause))
		goto out;
	uint64_t sum = r.hash;
	if (fread(tail + 8, 1, 8, r.f) != 8) {
		*cause = xasprintf("%s: the file was cut short", path);
		goto out;
	}
	if (le64(tail) != (uint64_t)cat->n) {
		*cause = xasprintf("%s: the end's count does not match the %zu services", path, cat->n);
		goto out;
	}
	if (le64(tail + 8) != sum) {
		*cause = xasprintf("%s: the checksum does not match: the file is damaged", path);
		goto out;
	}
	if (fgetc(r.f) != EOF) {
		*cause = xasprintf("%s: bytes after the end", path);
		goto out;
	}
	rc = finish_catalogue(cat, path, synced, munis, cause);
out:
	if (rc < 0)
		catalogue_free(cat);
	free(munis);
	free(rec);
	fclose(r.f);
	return rc;
}

int
cache_load(struct catalogue *cat, const char *dir, const struct catalogue_codes *codes,
    char **cause)
{
	char *path = xasprintf("%s/%s", dir, CACHE_BIN_FILE);
	int rc = load_bin(cat, path, codes, cause);

	free(path);
	if (rc != 1)
		return rc;
	/* No compact cache, but perhaps the JSON Lines of a sync by an
	 * Opastin before it: still right, only slower to read, until the
	 * next sync writes both. */
	rc = cache_load_jsonl(cat, dir, codes, cause);
	if (rc == 0)
		log_info("the cache in %s has no %s (a sync by an older Opastin): read %s "
		    "instead, which is slower; the next opastin --sync writes it", dir,
		    CACHE_BIN_FILE, CACHE_FILE);
	return rc;
}

/* ---- Writing ----------------------------------------------------------- */

struct cache_writer {
	char *dir, *tmp, *path;
	FILE *f;
	size_t count;
	/* The compact cache beside it, written from the same entries. */
	char *btmp, *bpath;
	FILE *bf;
	uint64_t bhash;
	struct catalogue_loader *ld;
	const struct quest *quest;
	struct cache_buf rec;
};

/* Bytes to the compact cache, hashed for its checksum. */
static bool
bin_write(struct cache_writer *w, const void *p, size_t n)
{
	w->bhash = fnv1a(w->bhash, p, n);
	return fwrite(p, 1, n, w->bf) == n;
}

static bool
bin_write_u64(struct cache_writer *w, uint64_t v)
{
	struct cache_buf b = { 0 };
	cache_buf_u32(&b, (unsigned long)(v & 0xffffffffu));
	cache_buf_u32(&b, (unsigned long)(v >> 32));
	bool ok = bin_write(w, b.p, b.n);
	free(b.p);
	return ok;
}

/* Magic, version and header of the compact cache. */
static bool
bin_start(struct cache_writer *w, const struct cache_header *h)
{
	struct cache_buf b = { 0 }, hd = { 0 };
	uint64_t t[2] = { (uint64_t)h->synced, (uint64_t)h->full_synced };

	for (int i = 0; i < 2; i++) {
		cache_buf_u32(&hd, (unsigned long)(t[i] & 0xffffffffu));
		cache_buf_u32(&hd, (unsigned long)(t[i] >> 32));
	}
	const char *strs[2] = { h->source, h->municipalities };
	for (int i = 0; i < 2; i++) {
		cache_buf_u32(&hd, (unsigned long)strlen(strs[i]));
		cache_buf_put(&hd, strs[i], strlen(strs[i]) + 1);
	}
	cache_buf_put(&b, CACHE_BIN_MAGIC, 8);
	cache_buf_u32(&b, CACHE_BIN_VERSION);
	cache_buf_u32(&b, (unsigned long)hd.n);
	cache_buf_put(&b, hd.p, hd.n);
	bool ok = bin_write(w, b.p, b.n);
	free(b.p);
	free(hd.p);
	return ok;
}

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

/* A temporary file beside name in dir, for writing: *tmp is its path
 * (NULL when none was made).  The kiosk's user reads what the sync's
 * user writes, hence 0644. */
static FILE *
open_temp(const char *dir, const char *name, char **tmp, char **cause)
{
	*tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		*cause = xasprintf("cannot write in the cache directory %s: %s", dir, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	fchmod(fd, 0644);
	FILE *f = fdopen(fd, "w");
	if (f == NULL) {
		*cause = xasprintf("cannot write %s: %s", *tmp, strerror(errno));
		close(fd);
	}
	return f;
}

struct cache_writer *
cache_create(const char *dir, const struct cache_header *h, const struct catalogue_codes *codes,
    char **cause)
{
	struct cache_writer *w = xcalloc(1, sizeof *w);
	w->dir = xstrdup(dir);
	w->path = xasprintf("%s/%s", dir, CACHE_FILE);
	w->bpath = xasprintf("%s/%s", dir, CACHE_BIN_FILE);
	w->bhash = FNV_START;
	w->ld = catalogue_loader_new(codes, CACHE_FILE);
	w->quest = codes->quest;
	if ((w->bf = open_temp(dir, CACHE_BIN_FILE, &w->btmp, cause)) == NULL ||
	    (w->f = open_temp(dir, CACHE_FILE, &w->tmp, cause)) == NULL) {
		cache_abort(w);
		return NULL;
	}
	char *line = header_line(h);
	bool ok = fprintf(w->f, "%s\n", line) >= 0;
	free(line);
	if (!ok || !bin_start(w, h)) {
		*cause = xasprintf("cannot write %s: %s", ok ? w->btmp : w->tmp, strerror(errno));
		cache_abort(w);
		return NULL;
	}
	return w;
}

int
cache_write(struct cache_writer *w, const char *line, char **cause)
{
	if (strchr(line, '\n') != NULL || strlen(line) > CACHE_MAX_LINE) {
		*cause = xstrdup("an entry too long for the cache");
		return -1;
	}
	/* The compact record is made of what the kiosk's loader makes of
	 * the line, so that it holds only entries that loader accepts. */
	struct cat_service svc;
	char *bad = NULL;
	if (catalogue_parse_service(w->ld, line, w->count + 2, &svc, &bad) < 0) {
		*cause = bad;
		return -2;
	}
	w->rec.n = 0;
	cache_buf_u32(&w->rec, 0);
	cache_record_encode(&w->rec, &svc, w->quest);
	cat_service_free(&svc);
	size_t len = w->rec.n - 4;
	if (len > CACHE_MAX_LINE) {
		*cause = xstrdup("an entry too long for the cache");
		return -1;
	}
	w->rec.n = 0;
	cache_buf_u32(&w->rec, (unsigned long)len);
	w->rec.n += len;
	if (fputs(line, w->f) == EOF || fputc('\n', w->f) == EOF) {
		*cause = xasprintf("cannot write %s: %s", w->tmp, strerror(errno));
		return -1;
	}
	if (!bin_write(w, w->rec.p, w->rec.n)) {
		*cause = xasprintf("cannot write %s: %s", w->btmp, strerror(errno));
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
	/* The compact cache's end: a record length of 0, the count, and the
	 * checksum of everything before the checksum. */
	unsigned char zero[4] = { 0 };
	if (!bin_write(w, zero, 4) || !bin_write_u64(w, w->count)) {
		*cause = xasprintf("cannot write %s: %s", w->btmp, strerror(errno));
		goto out;
	}
	uint64_t sum = w->bhash;
	if (!bin_write_u64(w, sum) || fflush(w->bf) != 0 || fsync(fileno(w->bf)) != 0) {
		*cause = xasprintf("cannot write %s: %s", w->btmp, strerror(errno));
		goto out;
	}
	if (fclose(w->bf) != 0) {
		w->bf = NULL;
		*cause = xasprintf("cannot write %s: %s", w->btmp, strerror(errno));
		goto out;
	}
	w->bf = NULL;
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
	/* The JSON Lines first, the sync's own record of what it has, then
	 * the compact cache that the kiosk reads.  Each is whole at any time;
	 * should this second rename fail, the kiosk keeps the previous
	 * compact cache, and the next sync writes it again whole. */
	if (rename(w->btmp, w->bpath) < 0) {
		*cause = xasprintf("cannot replace %s: %s", w->bpath, strerror(errno));
		goto out;
	}
	free(w->btmp);
	w->btmp = NULL;
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
	if (w->bf != NULL)
		fclose(w->bf);
	if (w->btmp != NULL)
		unlink(w->btmp);
	free(w->btmp);
	free(w->bpath);
	free(w->rec.p);
	catalogue_loader_free(w->ld);
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
