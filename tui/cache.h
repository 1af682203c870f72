/*
 * cache.h: the register's services on disk, as opastin --sync writes them
 * (sync.h) and the kiosk and batch mode read them.
 *
 * The sync writes two files into $cache_dir, each atomically (a
 * temporary file, fsync, rename), from the same entries:
 *
 * ptv-services.jsonl, the sync's own record, JSON Lines (format 1):
 *
 *   {"format": "opastin-ptv-cache", "version": 1, "source": URL,
 *    "synced": "2026-12-02T01:02:03Z", "full_synced": "...",
 *    "municipalities": "179,853"}
 *   {one catalogue entry, as in assets/catalogue.json, "origin": "ptv"}
 *   ...
 *   {"end": "opastin-ptv-cache", "services": N}
 *
 * The trailer's count tells a whole file from a cut one.  The next sync
 * reads it for its refresh of only the changes, and people read it.
 *
 * ptv-services.bin, the compact cache that the kiosk reads (format 2),
 * little-endian:
 *
 *   "OPASTINC"  u32 version (2)
 *   u32 header length, then u64 synced, u64 full_synced (seconds since
 *       1970, UTC) and the source and municipalities as strings
 *       (u32 length, bytes, NUL)
 *   per service: u32 record length (1 to CACHE_MAX_LINE), the record
 *       (cache-record.h: the struct cat_service that the catalogue's
 *       loader made of the entry, field by field)
 *   u32 0, u64 the count of services, u64 FNV-1a 64 of every byte
 *       before it
 *
 * It is read with no JSON parser, a record at a time, each bounds- and
 * range-checked (cache-record.h); a cut, damaged or other-version file
 * is reported and ignored whole.  Such a record holds only entries that
 * the catalogue's own loader accepted at sync time: the writer makes it
 * from what that loader makes of the JSON line.
 *
 * The kiosk only reads: a missing cache means the bundled catalogue, a
 * broken one is reported in the log and ignored, never fatal.  A cache
 * serves only the municipalities of its header (cat->covers, from
 * "municipalities"); the bundled catalogue, loaded beside it, serves the
 * rest (assets_catalogue()).  A cache
 * dir with only the JSON Lines (a sync by an Opastin before the compact
 * cache) is read from those, more slowly, with a line in the log.
 *
 * Ownership: a struct cache_header owns its strings; a reader owns its
 * line buffer (a line it returns lives until the next call); a writer
 * owns its temporary files until cache_commit() renames them into place
 * or cache_abort() removes them.
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
#define CACHE_BIN_FILE "ptv-services.bin"
#define CACHE_BIN_MAGIC "OPASTINC"
#define CACHE_BIN_VERSION 2

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

/* Writing: temporary files in dir, renamed over dir/CACHE_FILE and
 * dir/CACHE_BIN_FILE.  codes are those of the kiosk's loader, borrowed
 * for the writer's life. */
struct cache_writer;
struct cache_writer *cache_create(const char *dir, const struct cache_header *,
    const struct catalogue_codes *, char **cause);
/* Add one entry (its compact JSON, one line): 0, -1 with *cause when it
 * cannot be written, or -2 with *cause (the loader's) and nothing written
 * when the catalogue's loader does not accept it, as an entry of an older
 * sync may not when the assets have changed since. */
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
 * Load dir/CACHE_BIN_FILE into cat (or dir/CACHE_FILE when there is only
 * that): 0 when loaded, 1 when there is no cache, -1 with *cause when it
 * is broken or of another version (cat is then empty).  cat->date is the
 * day of the last sync, cat->covers the header's municipalities (owned
 * by cat, as both are).
 */
int cache_load(struct catalogue *, const char *dir, const struct catalogue_codes *,
    char **cause);
/* The same from dir/CACHE_FILE alone, with jansson and the catalogue's
 * loader: the way before the compact cache, kept for a cache dir of an
 * older sync, and for the benchmark's comparison. */
int cache_load_jsonl(struct catalogue *, const char *dir, const struct catalogue_codes *,
    char **cause);

#endif
