/*
 * session.h: one citizen's visit, from the welcome screen to the results.
 *
 * The session is the model the screens read and change: the language,
 * the flow of questions and answers, and the results.  It holds all that
 * a citizen entered, only in memory; session_reset() wipes it and draws a
 * new session id, so the next person finds nothing of the last.
 *
 * Ownership: the session borrows the assets and the configuration, which
 * outlive it, and owns the rest.
 */
#ifndef OPASTIN_SESSION_H
#define OPASTIN_SESSION_H

#include <stdbool.h>

#include "assets.h"
#include "conf.h"
#include "flow.h"
#include "i18n.h"
#include "profile.h"
#include "results.h"

struct session {
	const struct assets *assets;
	const struct conf *conf;
	enum lang default_lang;
	enum lang lang;
	struct flow flow;
	struct results results;
	bool have_results;
	char id[33];		/* random, new for every citizen */
};

void session_init(struct session *, const struct assets *, const struct conf *, enum lang);
void session_free(struct session *);
/* Wipe everything the citizen entered and start again. */
void session_reset(struct session *);
void session_set_lang(struct session *, enum lang);

/* Record an answer to the current question, then drop what no longer
 * applies and any results computed from the old answers. */
void session_answer(struct session *, size_t qi, const struct answer *);
/* The answer to start from on a question: the one given, or the default
 * (the kiosk's municipality). */
struct answer session_answer_or_default(const struct session *, size_t qi);

/* Compute the results for the answers (embedded recommender). */
void session_recommend(struct session *);

#endif
