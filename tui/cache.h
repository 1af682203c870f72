/*
 * cache.h: the register's services on disk, as opastin --sync writes them
 * (sync.h) and the kiosk and batch mode read them.
 *
 * $cache_dir/ptv-services.jsonl is JSON Lines:
 *
 *   {"format": "opastin-ptv-cache", "version": 1, "source": URL,
 *    "synced": "2026-12-02T01:02:03Z", "full_synced": "...",
 *    "municipalities": "179,853"}
 *   {one catalogue entry, as in assets/catalogue.json, "origin": "ptv"}
 *   ...
 *   {"end": "opastin-ptv-cache", "services": N}
 *
 * The trailer's count tells a whole file from a cut one.  Each entry
 * passed the catalogue's own loader before it was written, and is read
 * with it again, one line at a time, so loading holds one line's JSON at
 * a time besides the catalogue itself.
 *
 * The kiosk only reads: a missing cache means the bundled catalogue, a
 * broken one is reported in the log and ignored, never fatal.
 *
 * Ownership: a struct cache_header owns its strings; a reader owns its
 * line buffer (a line it returns lives until the next call); a writer
 * owns its temporary file until cache_commit() renames it into place or
 * cache_abort() removes it.
 */
#ifndef OPASTIN_CACHE_H
#define OPASTIN_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <jansson.h>

#include "catalogue.h"

#define CACHE_FILE "ptv-services.jsonl"
#define CACHE_FORMAT "opastin-ptv-cache"
#define CACHE_VERSION 1
#define CACHE_MAX_LINE (4u << 20)	/* one service with all its channels */

struct cache_header {
	char *source;		/* the register's URL */
	time_t synced;		/* the last sync, full or not */
	time_t full_synced;	/* the last full sync */
	char *municipalities;	/* "179,853", as conf's sync list */
};
void cache_header_free(struct cache_header *);

/* Reading, one entry at a time. */
struct cache_reader;
/* Open path and read its header.  NULL with *cause; *cause is NULL when
 * the file does not exist. */
struct cache_reader *cache_open(const char *path, struct cache_header *, char **cause);
/* The next entry's text: 1 with *line, 0 at a whole file's end (the
 * trailer checked), -1 with *cause ("path:line: ..."). */
int cache_next(struct cache_reader *, const char **line, int *lineno, char **cause);
void cache_close(struct cache_reader *);

/* Writing: a temporary file in dir, renamed over dir/CACHE_FILE. */
struct cache_writer;
struct cache_writer *cache_create(const char *dir, const struct cache_header *, char **cause);
/* Add one entry (its compact JSON, one line). */
int cache_write(struct cache_writer *, const char *line, char **cause);
size_t cache_count(const struct cache_writer *);
/* Write the trailer, flush to disk and rename into place; the writer is
 * freed either way. */
int cache_commit(struct cache_writer *, char **cause);
void cache_abort(struct cache_writer *);

/* Whether an entry's area serves one of the municipalities ("179,853"):
 * a national service does, a local one when it lists one of them. */
bool cache_entry_serves(const json_t *entry, const char *municipalities);

/*
 * Load dir/CACHE_FILE into cat: 0 when loaded, 1 when there is no cache,
 * -1 with *cause when it is broken (cat is then empty).  cat->date is the
 * day of the last sync.
 */
int cache_load(struct catalogue *, const char *dir, const struct catalogue_codes *,
    char **cause);

#endif
