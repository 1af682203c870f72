/*
 * session.h: one citizen's visit, from the welcome screen to the results.
 *
 * The session is the model the screens read and change: the language,
 * the flow of questions and answers, and the results.  It holds all that
 * a citizen entered, only in memory; session_reset() wipes it, cancels a
 * request in flight and draws a new session id, so the next person finds
 * nothing of the last.
 *
 * Results come from the backend when one is configured, else from the
 * embedded recommender, over the catalogue that serves the citizen's
 * municipality (assets_catalogue(): the register's cache where it was
 * synced for it, else the bundled catalogue); the results name it.  A backend request runs while the interface
 * stays live: session_wait() and session_run() belong in the main loop.
 * When the backend fails, the embedded results stand in, with the reason
 * (offline_reason) for the screen to say in plain words.
 *
 * Ownership: the session borrows the assets, the configuration and the
 * backend, which outlive it, and owns the rest; results borrow the date
 * of the catalogue they came from, which both stay loaded.
 */
#ifndef OPASTIN_SESSION_H
#define OPASTIN_SESSION_H

#include <stdbool.h>

#include "assets.h"
#include "backend.h"
#include "conf.h"
#include "flow.h"
#include "i18n.h"
#include "profile.h"
#include "results.h"

#define SESSION_SEARCH_MAX 200

struct session {
	const struct assets *assets;
	const struct conf *conf;
	struct backend *backend;	/* NULL: the embedded recommender only */
	enum lang default_lang;
	enum lang lang;
	struct flow flow;
	struct profile profile;		/* of the last request */
	char search[SESSION_SEARCH_MAX * 4 + 1];	/* words searched for, or "" */
	struct results results;
	bool have_results;
	bool fetching;			/* a backend request is in flight */
	long long fetch_started;	/* ms */
	enum backend_error offline_reason;	/* BACKEND_OK unless a fallback */
	unsigned generation;		/* bumped when a reply changes the model */
	char id[33];			/* random, new for every citizen */
};

void session_init(struct session *, const struct assets *, const struct conf *,
    struct backend *, enum lang);
void session_free(struct session *);
/* The kiosk reads its questionnaire after the first screen is drawn:
 * the flow is set up over it again once it is there. */
void session_assets_loaded(struct session *);
/* Wipe everything the citizen entered and start again. */
void session_reset(struct session *);
/* Change the language; results are fetched or computed again in it. */
void session_set_lang(struct session *, enum lang);

/* Record an answer, then drop what no longer applies and any results
 * computed from the old answers. */
void session_answer(struct session *, size_t qi, const struct answer *);
/* The answer to start from on a question: the one given, or the default
 * (the kiosk's municipality). */
struct answer session_answer_or_default(const struct session *, size_t qi);

/* Ask for services for the answers, or for words typed. */
void session_recommend(struct session *);
void session_search(struct session *, const char *words);
/* Stop waiting for the backend. */
void session_cancel(struct session *);
/* Leave the results (back to the answers): nothing is fetched again
 * for them, on F2 say, until they are asked for anew. */
void session_leave_results(struct session *);
/* "Was this useful?" for result i: +1 or -1.  Only backend results can
 * take feedback; returns false when there is nowhere to send it. */
bool session_feedback(struct session *, size_t i, int score);
bool session_can_feedback(const struct session *);

/* For the main loop. */
bool session_wait(struct session *, int fd, int timeout_ms);
void session_run(struct session *);

#endif
