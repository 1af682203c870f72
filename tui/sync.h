/*
 * sync.h: opastin --sync, the national service register (PTV) fetched
 * into the cache that the kiosk reads.
 *
 * A separate run, never the kiosk session (which writes nothing).  For
 * the configured municipality_code and sync_municipalities it pages
 * through the register's services of each municipality (the first with
 * the nationwide ones: includeWholeCountry=true), fetches the channels
 * they name by id, at most SYNC_BATCH a request, maps both with ptv.c
 * and checks each entry with the catalogue's own loader, so the cache
 * holds only what the kiosk can show.  Memory is bounded by one page:
 * each page is written out before the next is asked for.
 *
 * Refreshing: with a cache younger than sync_full_days (from its last
 * full sync) and for the same municipalities, only the services changed
 * since the last sync are fetched (Service?date=), and the rest of the
 * cache is copied from the previous JSON Lines; a channel that changes
 * without its service is caught by the next full sync.  An entry there
 * that the current assets refuse is left out, with the reason logged.
 *
 * Writing: the new cache goes to temporary files in cache_dir, is
 * flushed to disk, then renamed over the old one; on any failure the old
 * one stays as it was.  A lock file keeps two syncs from running at once.
 *
 * The cache files (cache.h has both formats): the JSON Lines, a header,
 * one catalogue entry a line, and a trailer with the count, so a cut file
 * is known, which the sync reads back; and the compact ptv-services.bin
 * made from the same entries, which the kiosk reads.
 *
 * Requests follow the backend client's rules (net.c): TLS verified
 * against ca_file, the proxy, time limits, a size cap per answer
 * (CONF_PTV_MAX_BODY), and one retry after a 500 or 503.
 */
#ifndef OPASTIN_SYNC_H
#define OPASTIN_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include <jansson.h>

struct assets;
struct conf;

#define SYNC_BATCH 100		/* ids per Service/list or ServiceChannel/list */
#define SYNC_MAX_PAGES 100000	/* a pageCount above this is a lie */

/*
 * What a page of the register holds: validated against the page asked
 * for.  Pure.  0 with *count (the page's items) and *page_count, or -1
 * with *cause.
 */
int sync_check_page(const json_t *page, long asked, json_t **items, long *page_count,
    char **cause);

/* The register's time format, "2026-12-02T01:02:03", in UTC. */
void sync_format_time(time_t, char out[20]);
/* Parse "2026-12-02T01:02:03Z" (the Z optional); -1 when it is none. */
time_t sync_parse_time(const char *);

/* Run opastin --sync: the summary on out, progress and errors on err.
 * Returns the exit status: 0, or 1 with one line on err. */
int sync_command(const struct conf *, const struct assets *, FILE *out, FILE *err);

#endif
