#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "cache.h"
#include "conf.h"
#include "i18n.h"
#include "log.h"
#include "net.h"
#include "ptv.h"
#include "sync.h"
#include "text.h"
#include "secmem.h"
#include "util.h"

/* ---- Pure parts ------------------------------------------------------- */

int
sync_check_page(const json_t *page, long asked, json_t **items, long *page_count,
    char **cause)
{
	json_t *num = json_object_get(page, "pageNumber");
	json_t *count = json_object_get(page, "pageCount");
	json_t *list = json_object_get(page, "itemList");

	if (!json_is_object(page)) {
		*cause = xstrdup("the answer is not a page (no JSON object)");
		return -1;
	}
	if (!json_is_integer(count) || json_integer_value(count) < 0 ||
	    json_integer_value(count) > SYNC_MAX_PAGES) {
		*cause = xstrdup("the page has no valid pageCount");
		return -1;
	}
	/* An empty answer may say it has no pages at all. */
	if (json_integer_value(count) == 0 && (list == NULL || json_is_null(list) ||
	    (json_is_array(list) && json_array_size(list) == 0))) {
		*items = NULL;
		*page_count = 0;
		return 0;
	}
	if (!json_is_integer(num) || json_integer_value(num) != asked) {
		*cause = xasprintf("asked for page %ld, got another", asked);
		return -1;
	}
	if (asked > json_integer_value(count)) {
		*cause = xasprintf("page %ld of only %ld", asked, (long)json_integer_value(count));
		return -1;
	}
	if (!json_is_array(list)) {
		*cause = xstrdup("the page has no itemList");
		return -1;
	}
	*items = list;
	*page_count = (long)json_integer_value(count);
	return 0;
}

void
sync_format_time(time_t t, char out[20])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%dT%H:%M:%S", &tm);
}

time_t
sync_parse_time(const char *s)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (s == NULL)
		return -1;
	const char *end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL || (*end != '\0' && strcmp(end, "Z") != 0))
		return -1;
	time_t t = timegm(&tm);
	return t;
}

/* ---- Fetching ------------------------------------------------------------ */

struct syncer {
	const struct conf *conf;
	const struct assets *assets;
	struct net_config netcfg;
	struct net *net;
	char *base;			/* ptv_url without a trailing '/' */
	struct ptv_codes codes;
	struct catalogue_codes catcodes;
	struct catalogue_loader *checker;	/* each entry, as the kiosk reads it */
	const char *munis;		/* "179,853" */
	FILE *err;
	bool tty;
	int progress_width;

	struct cache_writer *out;	/* the new cache, being written */
	json_t *written;		/* service ids written, as a set */
	json_t *channel_ids;		/* channel ids written, as a set */
	size_t nskipped;
	json_t *old;			/* the old cache: id -> digest */
	json_t *replaced;		/* a refresh's changed entries: id -> line */
	size_t changed;
};

struct fetch {
	bool done;
	enum net_status status;
	long code;
	char *body;
	size_t len;
	char *detail;
};

static void
on_fetch(void *arg, const struct net_reply *r)
{
	struct fetch *f = arg;
	f->done = true;
	f->status = r->status;
	f->code = r->http_code;
	f->body = xstrndup(r->body, r->len);
	f->len = r->len;
	f->detail = r->detail ? text_sanitize(r->detail, false) : NULL;
}

static const char *
status_text(enum net_status st)
{
	switch (st) {
	case NET_CONNECT: return "could not connect";
	case NET_TIMEOUT: return "no answer in time";
	case NET_TLS: return "the TLS connection failed";
	case NET_TOO_LARGE: return "the answer is larger than the limit";
	case NET_TRUNCATED: return "the answer was cut off";
	case NET_CANCELLED: return "cancelled";
	default: return "the request failed";
	}
}

/* The register's own words on an error: {"errorMessage": ...}, or for a
 * 400 a dictionary of field -> messages; sanitised and short. */
static char *
error_words(const char *body, size_t len)
{
	json_t *j = json_loadb(body, len, 0, NULL);
	char *out = NULL;

	if (json_is_object(j)) {
		const char *m = json_string_value(json_object_get(j, "errorMessage"));
		if (m == NULL) {
			const char *key;
			json_t *v;
			json_object_foreach(j, key, v) {
				m = json_string_value(json_array_get(v, 0));
				if (m != NULL)
					break;
			}
		}
		if (m != NULL) {
			char *s = text_sanitize(m, false);
			out = text_fit(s, 80);
			free(s);
		}
	}
	json_decref(j);
	return out;
}

/*
 * GET base/path and parse it.  A 500 or 503 is tried once more.  NULL
 * with *cause ("Service/list/...: HTTP 404 (why)").
 */
static json_t *
fetch_json(struct syncer *s, const char *path, char **cause)
{
	char *url = xasprintf("%s/%s", s->base, path);
	json_t *j = NULL;

	for (int attempt = 0; attempt < 2; attempt++) {
		struct fetch f = { 0 };
		char *why = NULL;
		if (net_get(s->net, url, on_fetch, &f, &why) < 0) {
			*cause = xasprintf("%s: %s", path, why);
			free(why);
			break;
		}
		while (!f.done) {
			net_wait(s->net, -1, 1000);
			net_run(s->net);
		}
		bool retry = f.status == NET_OK && (f.code == 500 || f.code == 503) && attempt == 0;
		if (f.status != NET_OK) {
			*cause = xasprintf("%s: %s%s%s", path, status_text(f.status),
			    f.detail ? ": " : "", f.detail ? f.detail : "");
		} else if (f.code != 200) {
			char *words = error_words(f.body, f.len);
			if (!retry)
				*cause = xasprintf("%s: HTTP %ld%s%s%s", path, f.code,
				    words ? " (" : "", words ? words : "", words ? ")" : "");
			free(words);
		} else {
			json_error_t e;
			j = json_loadb(f.body, f.len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
			if (j == NULL) {
				char *t = text_sanitize(e.text, false);
				*cause = xasprintf("%s: not JSON: %s", path, t);
				free(t);
			}
		}
		free(f.body);
		free(f.detail);
		if (!retry)
			break;
		log_info("sync: %s: HTTP %ld, trying once more", path, f.code);
		sleep(1);
	}
	free(url);
	return j;
}

static void
progress(struct syncer *s, const char *what, long page, long pages)
{
	if (s->tty) {
		/* A bar over the pages of this list. */
		int width = 30, fill = pages > 0 ? (int)(width * page / pages) : width;
		char bar[64];
		memset(bar, '#', (size_t)fill);
		memset(bar + fill, '.', (size_t)(width - fill));
		bar[width] = '\0';
		/* TRANSLATORS: the progress line of opastin --sync: %1$s is
		   a bar of # and ., %2$s what is fetched (a municipality code,
		   or "changes"), then page %3$ld of %4$ld, then how many
		   services so far. */
		char *line = xasprintf(_("[%1$s] %2$s: page %3$ld of %4$ld, %5$zu services"),
		    bar, what, page, pages, s->out ? cache_count(s->out) : 0);
		int w = text_width(line);
		fprintf(s->err, "\r%s%*s", line, s->progress_width > w ? s->progress_width - w : 0, "");
		s->progress_width = w > s->progress_width ? w : s->progress_width;
		free(line);
	} else {
		/* TRANSLATORS: one line per page of opastin --sync when its
		   output is not a terminal: %1$s is what is fetched (a
		   municipality code, or "changes"), then page %2$ld of %3$ld,
		   then how many services so far.  "opastin: sync:" stays. */
		fprintf(s->err, _("opastin: sync: %1$s: page %2$ld of %3$ld, %4$zu services"),
		    what, page, pages, s->out ? cache_count(s->out) : 0);
		fputc('\n', s->err);
	}
	fflush(s->err);
}

static void
progress_done(struct syncer *s)
{
	if (s->progress_width > 0)
		fprintf(s->err, "\r%*s\r", s->progress_width, "");
	s->progress_width = 0;
}

/* GET what/list?guids=... for ids[from, to) (at most SYNC_BATCH of
 * them): a JSON array, or NULL with *cause. */
static json_t *
fetch_by_ids(struct syncer *s, const char *what, const json_t *ids, size_t from,
    size_t to, char **cause)
{
	size_t len = 0;
	char *list = xmalloc((to - from) * 37 + 1);

	for (size_t k = from; k < to; k++) {
		if (len > 0)
			list[len++] = ',';
		memcpy(list + len, json_string_value(json_array_get(ids, k)), 36);
		len += 36;
	}
	list[len] = '\0';
	char *path = xasprintf("%s/list?guids=%s", what, list);
	free(list);
	json_t *arr = fetch_json(s, path, cause);
	free(path);
	if (arr != NULL && !json_is_array(arr)) {
		*cause = xasprintf("%s/list: the answer is not a list", what);
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* Fetch the channels named by ids (register ids, checked), in batches,
 * and map them into channels (id -> mapped channel). */
static int
fetch_channels(struct syncer *s, json_t *ids, json_t *channels, char **cause)
{
	size_t n = json_array_size(ids);

	for (size_t i = 0; i < n; i += SYNC_BATCH) {
		json_t *arr = fetch_by_ids(s, "ServiceChannel", ids, i,
		    i + SYNC_BATCH < n ? i + SYNC_BATCH : n, cause);
		if (arr == NULL)
			return -1;
		size_t k;
		json_t *ch;
		json_array_foreach(arr, k, ch) {
			const char *why;
			json_t *m = ptv_map_channel(ch, &why);
			if (m == NULL)
				continue;
			const char *id = json_string_value(json_object_get(m, "service_channel_id"));
			json_object_set_new(channels, id, m);
		}
		json_decref(arr);
	}
	return 0;
}

/* ---- Mapping and writing ------------------------------------------------ */

typedef int (*emit_fn)(struct syncer *, const char *id, const char *line, char **cause);

/* Note the channels an entry names, for the summary. */
static void
note_channels(struct syncer *s, const json_t *entry)
{
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(entry, "service_channels"), i, c) {
		const char *id = json_string_value(json_object_get(c, "service_channel_id"));
		if (id != NULL)
			json_object_set_new(s->channel_ids, id, json_true());
	}
}

/*
 * Map the register's services (fetching the channels they name), check
 * each entry with the catalogue's own loader, and give the line of each
 * good one to emit.  An entry that cannot be shown is left out, with the
 * reason in the log.
 */
static int
map_services(struct syncer *s, json_t *services, emit_fn emit, char **cause)
{
	json_t *ids = json_array(), *seen = json_object(), *channels = json_object();
	size_t i;
	json_t *svc;
	int rc = -1;

	json_array_foreach(services, i, svc) {
		const char *id = json_string_value(json_object_get(svc, "id"));
		if (id != NULL && json_object_get(s->written, id) == NULL)
			ptv_channel_ids(svc, ids, seen);
	}
	if (fetch_channels(s, ids, channels, cause) < 0)
		goto out;
	json_array_foreach(services, i, svc) {
		const char *why = NULL, *id = json_string_value(json_object_get(svc, "id"));
		if (id == NULL || json_object_get(s->written, id) != NULL)
			continue;
		json_t *e = ptv_map_service(svc, channels, &s->codes, s->base, &why);
		if (e == NULL) {
			log_info("sync: service %s left out: %s", ptv_is_guid(id) ? id : "?", why);
			s->nskipped++;
			continue;
		}
		/* Relevance needs two digits, not seventeen: a smaller cache
		 * is a faster one to read. */
		char *line = secmem_json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(3));
		struct cat_service check;
		char *bad = NULL;
		if (catalogue_parse_service(s->checker, line, 1, &check, &bad) < 0) {
			log_info("sync: service %s left out: %s", id, bad);
			free(bad);
			s->nskipped++;
		} else {
			cat_service_free(&check);
			note_channels(s, e);
			if (emit(s, id, line, cause) < 0) {
				free(line);
				json_decref(e);
				goto out;
			}
		}
		free(line);
		json_decref(e);
	}
	rc = 0;
out:
	json_decref(ids);
	json_decref(seen);
	json_decref(channels);
	return rc;
}

/* 64-bit FNV-1a of a line: has an entry changed since the last sync? */
static json_t *
digest(const char *line)
{
	unsigned long long h = 14695981039346656037ULL;
	char hex[17];

	for (const char *p = line; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	snprintf(hex, sizeof hex, "%016llx", h);
	return json_string(hex);
}

/* The id of a cache line: every entry begins with "service_id". */
static char *
line_id(const char *line)
{
	static const char prefix[] = "{\"service_id\":\"";
	if (strncmp(line, prefix, sizeof prefix - 1) != 0)
		return NULL;
	const char *id = line + sizeof prefix - 1;
	const char *end = strchr(id, '"');
	return end == NULL ? NULL : xstrndup(id, (size_t)(end - id));
}

/* Write one line to the new cache; count it as changed unless the old
 * cache had the same line. */
static int
put(struct syncer *s, const char *id, const char *line, char **cause)
{
	int rc = cache_write(s->out, line, cause);
	if (rc == -2) {
		/* An entry of the old cache that these assets no longer
		 * accept (new entries were checked already): left out, as
		 * the kiosk could not read it. */
		log_info("sync: service %s left out: %s", id, *cause);
		free(*cause);
		*cause = NULL;
		s->nskipped++;
		if (json_object_get(s->old, id) != NULL)
			s->changed++;
		return 0;
	}
	if (rc < 0)
		return -1;
	json_object_set_new(s->written, id, json_true());
	json_t *was = json_object_get(s->old, id), *now = digest(line);
	if (was == NULL || !json_equal(was, now))
		s->changed++;
	json_decref(now);
	return 0;
}

/* ---- A full sync -------------------------------------------------------- */

static int
full_sync(struct syncer *s, const char *munis, char **cause)
{
	for (const char *m = munis; *m != '\0'; m += m[3] ? 4 : 3) {
		char code[4] = { m[0], m[1], m[2], '\0' };
		/* The nationwide services come with the first municipality. */
		bool whole = m == munis;
		long pages = 1;
		for (long page = 1; page <= pages; page++) {
			char *path = xasprintf("Service/list/area/Municipality/code/%s?includeWholeCountry=%s&page=%ld",
			    code, whole ? "true" : "false", page);
			json_t *j = fetch_json(s, path, cause), *items = NULL;
			if (j == NULL) {
				free(path);
				return -1;
			}
			char *why = NULL;
			if (sync_check_page(j, page, &items, &pages, &why) < 0) {
				*cause = xasprintf("%s: %s", path, why);
				free(why);
				free(path);
				json_decref(j);
				return -1;
			}
			free(path);
			progress(s, code, page, pages);
			int rc = items ? map_services(s, items, put, cause) : 0;
			json_decref(j);
			if (rc < 0)
				return -1;
		}
	}
	/* What the old cache had and the new one lacks has changed too. */
	const char *id;
	json_t *v;
	json_object_foreach(s->old, id, v)
		if (json_object_get(s->written, id) == NULL)
			s->changed++;
	return 0;
}

/* ---- Only the changes ---------------------------------------------------- */

static int
keep_changed(struct syncer *s, const char *id, const char *line, char **cause)
{
	json_t *e = json_loads(line, 0, NULL);

	(void)cause;
	if (cache_entry_serves(e, s->munis))
		json_object_set_new(s->replaced, id, json_string(line));
	json_decref(e);
	return 0;
}

/* The ids of the services changed since `since` whose state is status
 * ("Published", or "Archived": those removed), paged, added to ids. */
static int
changed_ids(struct syncer *s, time_t since, const char *status, json_t *ids, char **cause)
{
	char date[20];
	long pages = 1;

	sync_format_time(since, date);
	for (long page = 1; page <= pages; page++) {
		/* The register lists the published by default. */
		bool published = strcmp(status, "Published") == 0;
		char *path = xasprintf("Service?date=%s&page=%ld%s%s", date, page,
		    published ? "" : "&status=", published ? "" : status);
		json_t *j = fetch_json(s, path, cause), *items = NULL, *item;
		char *why = NULL;
		if (j == NULL || sync_check_page(j, page, &items, &pages, &why) < 0) {
			if (j != NULL)
				*cause = xasprintf("%s: %s", path, why);
			free(why);
			free(path);
			json_decref(j);
			return -1;
		}
		free(path);
		/* TRANSLATORS: what opastin --sync fetches, in its progress
		   line: the services changed since the last sync. */
		progress(s, _("changes"), page, pages);
		size_t i;
		json_array_foreach(items, i, item) {
			const char *id = json_string_value(json_object_get(item, "id"));
			if (ptv_is_guid(id))
				json_object_set_new(ids, id, json_true());
		}
		json_decref(j);
	}
	return 0;
}

static int
incremental_sync(struct syncer *s, const char *old_path, time_t since, char **cause)
{
	json_t *changed = json_object(), *removed = json_object(), *ids = json_array();
	int rc = -1;

	s->replaced = json_object();
	if (changed_ids(s, since, "Published", changed, cause) < 0 ||
	    changed_ids(s, since, "Archived", removed, cause) < 0)
		goto out;
	const char *key;
	json_t *v;
	json_object_foreach(changed, key, v)
		json_array_append_new(ids, json_string(key));
	json_object_update(changed, removed);
	size_t n = json_array_size(ids);
	/* The changed services, by id, in batches. */
	for (size_t i = 0; i < n; i += SYNC_BATCH) {
		json_t *arr = fetch_by_ids(s, "Service", ids, i,
		    i + SYNC_BATCH < n ? i + SYNC_BATCH : n, cause);
		if (arr == NULL)
			goto out;
		int mrc = map_services(s, arr, keep_changed, cause);
		json_decref(arr);
		if (mrc < 0)
			goto out;
	}
	/* The old cache, with the changed entries replaced; a changed
	 * service the register no longer gives, or that no longer serves
	 * these municipalities, is gone. */
	struct cache_header oh;
	struct cache_reader *r = cache_open(old_path, &oh, cause);
	if (r == NULL)
		goto out;
	cache_header_free(&oh);
	const char *line;
	int lineno, got;
	while ((got = cache_next(r, &line, &lineno, cause)) > 0) {
		char *id = line_id(line);
		if (id == NULL) {
			*cause = xasprintf("%s:%d: an entry without its id first", old_path, lineno);
			got = -1;
			break;
		}
		const char *now = json_string_value(json_object_get(s->replaced, id));
		int wrc = 0;
		if (json_object_get(changed, id) == NULL) {
			json_t *e = json_loads(line, 0, NULL);
			note_channels(s, e);
			json_decref(e);
			wrc = put(s, id, line, cause);
		} else if (now != NULL) {
			wrc = put(s, id, now, cause);
		} else {
			s->changed++;	/* removed */
		}
		free(id);
		if (wrc < 0) {
			got = -1;
			break;
		}
	}
	cache_close(r);
	if (got < 0)
		goto out;
	/* New services. */
	json_object_foreach(s->replaced, key, v)
		if (json_object_get(s->written, key) == NULL && put(s, key, json_string_value(v), cause) < 0)
			goto out;
	rc = 0;
out:
	json_decref(ids);
	json_decref(changed);
	json_decref(removed);
	return rc;
}

/* ---- The command ----------------------------------------------------------- */

/* The municipalities to sync: municipality_code, then sync_municipalities,
 * each once, as "179,853". */
static char *
sync_list(const struct conf *c)
{
	char *out = xmalloc(4 + (c->sync_municipalities ? strlen(c->sync_municipalities) : 0) + 1);
	size_t n = 0;

	out[0] = '\0';
	if (c->municipality_code[0] != '\0') {
		memcpy(out, c->municipality_code, 4);
		n = 3;
	}
	for (const char *m = c->sync_municipalities; m != NULL && *m != '\0'; m += m[3] ? 4 : 3) {
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k += 4)
			dup = strncmp(out + k, m, 3) == 0;
		if (dup)
			continue;
		if (n > 0)
			out[n++] = ',';
		memcpy(out + n, m, 3);
		n += 3;
		out[n] = '\0';
	}
	return out;
}

/* The old cache's digests, id -> digest, for the count of changes; an
 * unreadable old cache counts as none. */
static json_t *
old_digests(const char *path)
{
	struct cache_header h;
	char *cause = NULL;
	struct cache_reader *r = cache_open(path, &h, &cause);
	json_t *out = json_object();
	const char *line;
	int lineno;

	free(cause);
	cause = NULL;
	if (r == NULL)
		return out;
	while (cache_next(r, &line, &lineno, &cause) > 0) {
		char *id = line_id(line);
		if (id != NULL)
			json_object_set_new(out, id, digest(line));
		free(id);
	}
	free(cause);
	cache_close(r);
	cache_header_free(&h);
	return out;
}

static int
lock_dir(const char *dir, char **cause)
{
	char *path = xasprintf("%s/.opastin-sync.lock", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	free(path);
	if (fd < 0) {
		*cause = xasprintf("cannot write in the cache directory %s: %s", dir, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		*cause = xasprintf("another opastin --sync is writing %s", dir);
		close(fd);
		return -1;
	}
	return fd;
}

int
sync_command(const struct conf *conf, const struct assets *a, FILE *out, FILE *err)
{
	struct syncer s;
	struct cache_header h = { 0 }, old = { 0 };
	char *cause = NULL, *munis = sync_list(conf);
	const char *dir = conf_cache_dir(conf);
	char *path = xasprintf("%s/%s", dir, CACHE_FILE);
	int lock = -1, status = 1;
	bool full = true;

	memset(&s, 0, sizeof s);
	s.conf = conf;
	s.assets = a;
	s.err = err;
	s.tty = isatty(fileno(err));
	s.munis = munis;
	s.codes = (struct ptv_codes){ &a->life_events, &a->classes, &a->groups, &a->munis, &a->dims };
	s.catcodes = (struct catalogue_codes){ &a->quest, &a->life_events, &a->classes, &a->groups, &a->munis };
	s.checker = catalogue_loader_new(&s.catcodes, "register");
	s.written = json_object();
	s.channel_ids = json_object();
	conf_ptv_net(conf, &s.netcfg);
	size_t blen = strlen(s.netcfg.base_url);
	while (blen > 0 && s.netcfg.base_url[blen - 1] == '/')
		blen--;
	s.base = xstrndup(s.netcfg.base_url, blen);

	if (*munis == '\0') {
		cause = xstrdup(_("no municipality to sync: set municipality_code or sync_municipalities in the configuration"));
		goto out;
	}
	if (net_check_url("ptv_url", s.base, conf->allow_insecure_http, &cause) < 0)
		goto out;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		cause = xasprintf("cannot make the cache directory %s: %s", dir, strerror(errno));
		goto out;
	}
	if ((lock = lock_dir(dir, &cause)) < 0)
		goto out;

	/* Changes only, when the cache is recent and for the same places. */
	time_t now = time(NULL);
	struct cache_reader *r = cache_open(path, &old, &cause);
	if (r != NULL) {
		cache_close(r);
		full = strcmp(old.municipalities, munis) != 0 || strcmp(old.source, s.base) != 0 ||
		    now - old.full_synced > conf->sync_full_days * 86400L || old.synced > now;
	} else if (cause != NULL) {
		log_warn("sync: the old cache is unreadable, fetching everything: %s", cause);
		free(cause);
		cause = NULL;
	}
	s.old = old_digests(path);
	s.net = net_new(&s.netcfg);
	h.source = xstrdup(s.base);
	h.municipalities = xstrdup(munis);
	h.synced = now;
	h.full_synced = full ? now : old.full_synced;
	if ((s.out = cache_create(dir, &h, &s.catcodes, &cause)) == NULL)
		goto out;
	/* A margin for the clocks of the two machines. */
	int rc = full ? full_sync(&s, munis, &cause) :
	    incremental_sync(&s, path, old.synced - 300, &cause);
	progress_done(&s);
	if (rc < 0)
		goto out;
	size_t count = cache_count(s.out);
	if (cache_commit(s.out, &cause) < 0) {
		s.out = NULL;
		goto out;
	}
	s.out = NULL;
	size_t nch = json_object_size(s.channel_ids);
	char *places = xstrdup(munis);
	for (char *p = places; *p != '\0'; p++)
		if (*p == ',')
			*p = ' ';
	if (full)
		/* TRANSLATORS: the summary of opastin --sync after a full
		   refresh: %1$zu services, %2$zu channels (phones, web pages,
		   offices), %3$s the municipality codes, %4$zu how many services
		   changed since the last sync, %5$s the cache directory. */
		fprintf(out, ngettext("Synced %1$zu service with %2$zu channels for %3$s in full; %4$zu changed since the last sync. Cache: %5$s",
		    "Synced %1$zu services with %2$zu channels for %3$s in full; %4$zu changed since the last sync. Cache: %5$s", count),
		    count, nch, places, s.changed, dir);
	else
		/* TRANSLATORS: the summary of opastin --sync after fetching only
		   the changes; the same placeholders as the full sync's. */
		fprintf(out, ngettext("Synced the changes for %3$s: %1$zu service with %2$zu channels, %4$zu changed since the last sync. Cache: %5$s",
		    "Synced the changes for %3$s: %1$zu services with %2$zu channels, %4$zu changed since the last sync. Cache: %5$s", count),
		    count, nch, places, s.changed, dir);
	fputc('\n', out);
	free(places);
	if (s.nskipped > 0)
		log_info("sync: %zu services of the register left out (see above)", s.nskipped);
	status = fflush(out) == 0 && !ferror(out) ? 0 : 1;
out:
	if (status != 0 && cause != NULL) {
		/* TRANSLATORS: %s says why opastin --sync failed (in English). */
		fprintf(err, _("opastin: the sync failed, and the previous cache is kept: %s"), cause);
		fputc('\n', err);
	}
	cache_abort(s.out);
	catalogue_loader_free(s.checker);
	net_free(s.net);
	if (lock >= 0)
		close(lock);
	json_decref(s.written);
	json_decref(s.channel_ids);
	json_decref(s.old);
	json_decref(s.replaced);
	cache_header_free(&h);
	cache_header_free(&old);
	free(s.base);
	free(munis);
	free(path);
	free(cause);
	return status;
}
