/*
 * linkcheck.h: opastin --check-links, every URL of the catalogue checked.
 *
 * For a site with internet access: an administrator's command, never the
 * kiosk.  Two parts:
 *
 *   pure      which URLs (linkcheck_collect: every channel's web pages in
 *             every language, then the service's source when it is an
 *             http(s) URL; each distinct URL once, in catalogue order),
 *             what an answer means (linkcheck_verdict), where a redirect
 *             points (linkcheck_redirect), and the report line
 *             (linkcheck_line).  No network, no I/O: unit-tested.
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
 * Ownership: struct links owns its URLs, the service ids it lists and
 * each outcome's strings; linkcheck_free() frees them all.
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

struct link {
	char *url;
	char **services;	/* the ids of the services that use it */
	size_t nservices;

	/* The outcome. */
	enum link_verdict verdict;
	long code;		/* the HTTP status, 0 without one */
	char *target;		/* LINK_REDIRECT: where to, safe to print */
	char *why;		/* LINK_UNREACHABLE, LINK_HTTP_ERROR: a reason, or NULL */
};

struct links {
	struct link *v;
	size_t n;
};

/* The URLs of a catalogue, each once, in catalogue order. */
void linkcheck_collect(struct links *, const struct catalogue *);
void linkcheck_free(struct links *);

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
/* The report line of a link, without a newline: a new string. */
char *linkcheck_line(const struct link *);
/* Whether a link is broken (every verdict but OK and REDIRECT). */
bool linkcheck_broken(const struct link *);

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
 * The whole command: collect, check with a progress line on err (updated
 * in place when err is a terminal, else none), print the report on out
 * and a summary on err.  Returns the exit status: 0 when nothing is
 * broken, 1 otherwise.
 */
int linkcheck_command(const struct catalogue *, const struct net_config *cfg,
    FILE *out, FILE *err);

#endif
