/*
 * linkcheck.h: opastin --check-links, every URL of the catalogue checked.
 *
 * For a site with internet access: an administrator's command, never the
 * kiosk.  Two parts:
 *
 *   pure      which URLs (linkcheck_collect: every channel's web pages in
 *             every language, then the service's source when it is an
 *             http(s) URL; each distinct URL once, in catalogue order,
 *             over one catalogue or several), what an answer means
 *             (linkcheck_verdict), where a redirect points
 *             (linkcheck_redirect), the report line (linkcheck_line) and
 *             the counts (linkcheck_count).  No network, no I/O:
 *             unit-tested.
 *   network   linkcheck_run: HEAD, or GET when HEAD is refused or fails
 *             oddly, at most LINKCHECK_PARALLEL at a time, within
 *             LINKCHECK_TIMEOUT_MS a URL, through net.c (which owns
 *             libcurl: TLS verified, ca_file, proxy).
 *
 * Redirects are reported, never followed: a catalogue should hold the
 * address a page has now.  A redirect is a warning, not a failure, as the
 * citizen still reaches the page; anything else but 2xx is broken, and so
 * is any URL that is not https:// (never requested: the program speaks
 * nothing but https).
 *
 * Two catalogues: with a register cache the kiosk serves the cache's
 * services to the municipalities it was synced for and the bundled
 * catalogue's to everyone else (assets_catalogue), so a dead link in
 * either reaches citizens and both are checked.  Each is fixed in its
 * own place (the register by the organisation that owns the service,
 * the bundled one in assets/catalogue.json), so every link keeps its
 * services by the catalogue they are in (enum link_source), and the
 * report names the catalogue when it covers more than one.
 *
 * Ownership: struct links owns its URLs, the service ids it lists and
 * each outcome's strings; linkcheck_free() frees them all.  It keeps no
 * pointer into the catalogues it was collected from: they may be freed
 * as soon as linkcheck_collect returns.  The strings linkcheck_line and
 * linkcheck_redirect return belong to the caller.
 */
#ifndef OPASTIN_LINKCHECK_H
#define OPASTIN_LINKCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "net.h"

struct catalogue;

#define LINKCHECK_PARALLEL 4
#define LINKCHECK_TIMEOUT_MS 5000L

enum link_verdict {
	LINK_UNCHECKED,		/* not checked (yet) */
	LINK_OK,		/* 2xx */
	LINK_REDIRECT,		/* 3xx with a Location: a warning */
	LINK_HTTP_ERROR,	/* any other status: 4xx, 5xx, 3xx without Location */
	LINK_UNREACHABLE,	/* no HTTP answer: connection, time, TLS */
	LINK_NOT_HTTPS		/* http:// (never requested) */
};

/* The catalogue a URL is in, from its struct catalogue's origin.  In
 * the order the kiosk prefers them: the register's cache first. */
enum link_source {
	LINK_REGISTER,		/* the service register's cache (opastin --sync) */
	LINK_BUNDLED,		/* the bundled catalogue (assets/catalogue.json) */
	LINK_SOURCES
};

struct link {
	char *url;
	/* The ids of the services that use it, by catalogue, each list in
	 * the order of first use.  An id is kept once a catalogue; the same
	 * id in both catalogues is two services and kept twice. */
	char **services[LINK_SOURCES];
	size_t nservices[LINK_SOURCES];

	/* The outcome. */
	enum link_verdict verdict;
	long code;		/* the HTTP status, 0 without one */
	char *target;		/* LINK_REDIRECT: where to, safe to print */
	char *why;		/* LINK_UNREACHABLE, LINK_HTTP_ERROR: a reason, or NULL */
};

struct links {
	struct link *v;
	size_t n;
	unsigned sources;	/* 1u << enum link_source, of each catalogue collected */
};

/*
 * The URLs of the catalogues cats[0 .. ncats), each once however many
 * services of however many catalogues use it: first those of cats[0] in
 * its order, then those of cats[1] that cats[0] does not have, and so
 * on.  Each catalogue's origin tells its source.  Initialises ls (no
 * linkcheck_free needed before).
 */
void linkcheck_collect(struct links *ls, const struct catalogue *const cats[], size_t ncats);
void linkcheck_free(struct links *);
/* Whether the links were collected from more than one catalogue: then
 * the report names the catalogue of each service. */
bool linkcheck_several_sources(const struct links *);

/* Whether s is an http:// or https:// URL (by its scheme, any case). */
bool linkcheck_is_web(const char *s);
bool linkcheck_is_https(const char *s);

/* What an HTTP answer means. */
enum link_verdict linkcheck_verdict(long code, bool has_location);
/* Whether a HEAD answer calls for the same request as GET: HEAD refused
 * (403, 405, 501), or a transport failure that is not about reaching
 * the server at all (an empty or garbled answer). */
bool linkcheck_retry_get(enum net_status, long code);
/* Where a Location (untrusted, as sent) points from url: resolved
 * against url, and safe to print (text_sanitize).  A Location that is not
 * a URL is given back as sent, made safe.  A new string. */
char *linkcheck_redirect(const char *url, const char *location);
/* Fill in a link's outcome from a finished request. */
void linkcheck_outcome(struct link *, const struct net_reply *);

/* The status word of the report, fixed and untranslated so that the
 * report can be read by scripts: OK, REDIRECT, the HTTP code ("404"),
 * UNREACHABLE, NOT-HTTPS (UNCHECKED before the check). */
const char *linkcheck_word(const struct link *, char buf[16]);
/* The report line of a link, without a newline: a new string.  With
 * by_source, the services are named with their catalogue ("used by a in
 * the bundled catalogue"); without it, as with one catalogue ("used by
 * a"). */
char *linkcheck_line(const struct link *, bool by_source);
/* Whether a link is broken (every verdict but OK and REDIRECT). */
bool linkcheck_broken(const struct link *);

struct link_counts {
	size_t n, ok, moved, broken;
};
/* How the links of one source fared (a URL that both use counts in
 * each), or of all when source is LINK_SOURCES. */
struct link_counts linkcheck_count(const struct links *, enum link_source source);

/* Called after each finished URL. */
typedef void (*linkcheck_progress)(void *arg, size_t done, size_t total);

/*
 * Check every link that is not yet decided (linkcheck_collect marks the
 * http:// ones).  Of cfg only ca_file and proxy are used.  Returns when
 * all are done.
 */
void linkcheck_run(struct links *, const struct net_config *cfg,
    linkcheck_progress, void *arg);

/*
 * The whole command: collect from cats (as linkcheck_collect), check
 * with a progress line on err (updated in place when err is a terminal,
 * else none), print the report on out and a summary on err (then one
 * more line a catalogue when there are several).  Returns the exit
 * status: 0 when nothing is broken, 1 otherwise.
 */
int linkcheck_command(const struct catalogue *const cats[], size_t ncats,
    const struct net_config *cfg, FILE *out, FILE *err);

#endif
