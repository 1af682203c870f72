/*
 * backend.h: recommendations from the AuroraAI backend, with retries,
 * errors in plain words, and a way back to the embedded recommender.
 *
 * This is the policy over net.c (transport) and aurora.c (the API's
 * data): what to ask, what to do when it fails.  A 503 or a failed
 * connection is retried once after BACKEND_RETRY_MS.  Each error has a
 * message for the citizen (translated, plain words) and one for the log
 * (precise, without credentials or anything the citizen entered).
 */
#ifndef OPASTIN_BACKEND_H
#define OPASTIN_BACKEND_H

#include <stdbool.h>

#include "net.h"
#include "profile.h"
#include "results.h"
#include "table.h"

#define BACKEND_RETRY_MS 1000

enum backend_error {
	BACKEND_OK,
	BACKEND_CONNECT,	/* could not connect */
	BACKEND_TIMEOUT,
	BACKEND_TLS,		/* the server could not be verified */
	BACKEND_REJECTED,	/* 400: the request was not accepted */
	BACKEND_UNAUTHORIZED,	/* 401 */
	BACKEND_SERVER,		/* 500 and other 5xx */
	BACKEND_BUSY,		/* 503 */
	BACKEND_HTTP,		/* any other status */
	BACKEND_BAD_ANSWER,	/* not an AuroraAI answer */
	BACKEND_TOO_LARGE,
	BACKEND_FAILED,		/* other transport failure */
	BACKEND_CANCELLED
};

/* Map a finished transfer to an error (BACKEND_OK for a 2xx). */
enum backend_error backend_classify(const struct net_reply *);
/* For the citizen: one translated sentence in plain words. */
const char *backend_error_message(enum backend_error);
/* For the log: a precise line (a new string). */
char *backend_error_log(enum backend_error, const struct net_reply *);
/* Worth one more try after a pause. */
bool backend_retryable(enum backend_error);

/* Called once per request: on success res holds the results (moved to
 * the callee, which frees them); on failure res is empty. */
typedef void (*backend_done)(void *arg, struct results *res, enum backend_error);

struct backend;

/* cfg is borrowed and must outlive the backend. */
struct backend *backend_new(const struct net_config *cfg, const struct codes *classes);
void backend_free(struct backend *);

/* Ask for services for a profile.  With no rating in the profile (the
 * API needs one), search by the words of fallback_text instead. */
bool backend_recommend(struct backend *, const struct profile *, const char *session_id,
    const char *fallback_text, backend_done, void *arg);
/* Ask for services matching words. */
bool backend_search(struct backend *, const char *text, const struct profile *,
    backend_done, void *arg);
/* "Was this useful?": never troubles the citizen, failures go to the log. */
void backend_feedback(struct backend *, const char *recommendation_id,
    const char *service_id, int score, enum lang);
/* Cancel the request in flight (its callback runs with BACKEND_CANCELLED). */
void backend_cancel(struct backend *);
/* For the session reset: cancel the job and any feedback in flight, and
 * close the connections, so that no buffer of libcurl's or OpenSSL's
 * keeps a request (net_forget). */
void backend_forget(struct backend *);
bool backend_busy(const struct backend *);

/* For the main loop: wait for the terminal fd and the network together;
 * true when fd is readable.  Then backend_run() moves things along. */
bool backend_wait(struct backend *, int fd, int timeout_ms);
void backend_run(struct backend *);
/* Milliseconds until a retry is due, or -1. */
int backend_next_timeout(const struct backend *);
long backend_connects(const struct backend *);

/* Run until the request in flight is done (batch mode). */
void backend_finish(struct backend *);

#endif
