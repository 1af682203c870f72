#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "recommend.h"
#include "session.h"
#include "util.h"

void
session_init(struct session *s, const struct assets *a, const struct conf *c,
    struct backend *b, enum lang l)
{
	memset(s, 0, sizeof *s);
	s->assets = a;
	s->conf = c;
	s->backend = b;
	s->default_lang = l;
	s->lang = l;
	s->profile.age = -1;
	flow_init(&s->flow, &a->quest);
	random_id(s->id);
	i18n_set(l);
}

void
session_assets_loaded(struct session *s)
{
	/* The flow was set up over the questionnaire before it was read
	 * (no questions).  No answer can have been given: keys wait until
	 * the assets are read. */
	flow_free(&s->flow);
	flow_init(&s->flow, &s->assets->quest);
}

static void
drop_results(struct session *s)
{
	results_free(&s->results);
	s->have_results = false;
	s->offline_reason = BACKEND_OK;
}

void
session_cancel(struct session *s)
{
	if (s->fetching && s->backend != NULL)
		backend_cancel(s->backend);
	s->fetching = false;
}

void
session_leave_results(struct session *s)
{
	session_cancel(s);
	drop_results(s);
	wipe(s->search, sizeof s->search);
}

void
session_free(struct session *s)
{
	session_cancel(s);
	drop_results(s);
	profile_wipe(&s->profile);
	flow_free(&s->flow);
	wipe(s, sizeof *s);
}

void
session_reset(struct session *s)
{
	/* A request in flight is cancelled and its answer never shown;
	 * the connections close, and the libraries' buffers with the
	 * requests are wiped as they are freed. */
	session_cancel(s);
	if (s->backend != NULL)
		backend_forget(s->backend);
	drop_results(s);
	profile_wipe(&s->profile);
	wipe(s->search, sizeof s->search);
	flow_reset(&s->flow);
	s->lang = s->default_lang;
	i18n_set(s->lang);
	random_id(s->id);
	s->generation++;
	log_info("session reset");
}

void
session_set_lang(struct session *s, enum lang l)
{
	s->lang = l;
	i18n_set(l);
	if (!s->have_results && !s->fetching)
		return;
	/* Results are in the old language: fetch or compute them again. */
	if (s->search[0] != '\0')
		session_search(s, s->search);
	else
		session_recommend(s);
}

void
session_answer(struct session *s, size_t qi, const struct answer *a)
{
	flow_set(&s->flow, qi, a);
	session_cancel(s);
	drop_results(s);
}

struct answer
session_answer_or_default(const struct session *s, size_t qi)
{
	struct answer a = s->flow.answers[qi];
	const struct quest *quest = &s->assets->quest;

	if (a.state == ANSWER_NONE && qi == quest->municipality_q &&
	    s->conf->municipality_code[0] != '\0') {
		long m = munis_find(&s->assets->munis, s->conf->municipality_code);
		if (m >= 0) {
			a.state = ANSWER_SET;
			a.value = (int)m;
		}
	}
	return a;
}

/* The embedded recommender, as the answer or as the fallback. */
static void
embedded(struct session *s)
{
	/* The register's cache when it covers the citizen's municipality,
	 * else the bundled catalogue (assets.h). */
	const struct catalogue *cat = assets_catalogue(s->assets, s->profile.municipality);

	results_free(&s->results);
	if (s->search[0] != '\0')
		recommend_search(cat, s->search, &s->profile, RECOMMEND_DEFAULT_LIMIT, &s->results);
	else
		recommend(cat, &s->profile, RECOMMEND_DEFAULT_LIMIT, &s->results);
	s->have_results = true;
}

static void
on_results(void *arg, struct results *res, enum backend_error e)
{
	struct session *s = arg;

	s->fetching = false;
	if (e == BACKEND_CANCELLED)
		return;
	s->generation++;
	if (e == BACKEND_OK) {
		results_free(&s->results);
		s->results = *res;
		s->have_results = true;
		s->offline_reason = BACKEND_OK;
		recommend_filter(&s->results,
		    assets_catalogue(s->assets, s->profile.municipality), &s->profile);
		recommend_explain(&s->results, &s->profile);
		return;
	}
	results_free(res);
	embedded(s);
	s->offline_reason = e;
}

static void
start(struct session *s, bool search)
{
	session_cancel(s);
	drop_results(s);
	profile_wipe(&s->profile);
	profile_build(&s->profile, &s->flow, s->assets, s->lang);
	if (s->backend == NULL) {
		embedded(s);
		return;
	}
	s->fetching = true;
	s->fetch_started = now_ms();
	if (search) {
		backend_search(s->backend, s->search, &s->profile, on_results, s);
	} else {
		/* With no rating, the API cannot rank: search by the life
		 * event's name instead. */
		long ev = flow_event(&s->flow);
		const char *words = ev >= 0 ? _(s->assets->quest.events[ev].title) : "";
		backend_recommend(s->backend, &s->profile, s->id, words, on_results, s);
	}
}

void
session_recommend(struct session *s)
{
	wipe(s->search, sizeof s->search);
	start(s, false);
}

void
session_search(struct session *s, const char *words)
{
	if (words != s->search)
		snprintf(s->search, sizeof s->search, "%s", words);
	start(s, true);
}

bool
session_can_feedback(const struct session *s)
{
	return s->backend != NULL && s->have_results &&
	    s->results.source == SOURCE_BACKEND && s->results.recommendation_id != NULL;
}

bool
session_feedback(struct session *s, size_t i, int score)
{
	if (!session_can_feedback(s) || i >= s->results.n)
		return false;
	backend_feedback(s->backend, s->results.recommendation_id,
	    s->results.v[i].id, score, s->lang);
	return true;
}

bool
session_wait(struct session *s, int fd, int timeout_ms)
{
	if (s->backend == NULL) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		return poll(&p, 1, timeout_ms) > 0;
	}
	return backend_wait(s->backend, fd, timeout_ms);
}

void
session_run(struct session *s)
{
	backend_run(s->backend);
}
