#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aurora.h"
#include "backend.h"
#include "i18n.h"
#include "log.h"
#include "text.h"
#include "util.h"

#define PATH_RECOMMEND "recommend_service"
#define PATH_SEARCH "text_search"
#define PATH_FEEDBACK "recommendation_feedback"

struct job {
	bool active;
	bool retried;
	long long retry_at;	/* 0: not waiting to retry */
	long id;		/* net request id, 0 when none in flight */
	const char *path;
	char *body;
	enum lang lang;
	backend_done done;
	void *arg;
};

struct backend {
	const struct net_config *cfg;
	const struct codes *classes;
	struct net *net;
	struct job job;
};

enum backend_error
backend_classify(const struct net_reply *r)
{
	switch (r->status) {
	case NET_OK:
		break;
	case NET_CONNECT:
		return BACKEND_CONNECT;
	case NET_TIMEOUT:
		return BACKEND_TIMEOUT;
	case NET_TLS:
		return BACKEND_TLS;
	case NET_TOO_LARGE:
		return BACKEND_TOO_LARGE;
	case NET_TRUNCATED:
		return BACKEND_BAD_ANSWER;
	case NET_CANCELLED:
		return BACKEND_CANCELLED;
	case NET_FAILED:
		return BACKEND_FAILED;
	}
	if (r->http_code >= 200 && r->http_code < 300)
		return BACKEND_OK;
	switch (r->http_code) {
	case 400:
		return BACKEND_REJECTED;
	case 401:
	case 403:
		return BACKEND_UNAUTHORIZED;
	case 503:
		return BACKEND_BUSY;
	}
	return r->http_code >= 500 ? BACKEND_SERVER : BACKEND_HTTP;
}

const char *
backend_error_message(enum backend_error e)
{
	switch (e) {
	case BACKEND_OK:
		return "";
	case BACKEND_CONNECT:
	case BACKEND_FAILED:
		return _("The national service recommender could not be reached.");
	case BACKEND_TIMEOUT:
		return _("The national service recommender did not answer in time.");
	case BACKEND_TLS:
		return _("The connection to the national service recommender could not be verified as safe, so it was not used.");
	case BACKEND_REJECTED:
		return _("The national service recommender did not accept the question.");
	case BACKEND_UNAUTHORIZED:
		return _("This kiosk is not allowed to use the national service recommender. Please tell the staff.");
	case BACKEND_SERVER:
	case BACKEND_HTTP:
		return _("The national service recommender had a problem.");
	case BACKEND_BUSY:
		return _("The national service recommender is busy.");
	case BACKEND_BAD_ANSWER:
	case BACKEND_TOO_LARGE:
		return _("We could not read the answer from the national service recommender.");
	case BACKEND_CANCELLED:
		return _("The search was cancelled.");
	}
	return "";
}

bool
backend_retryable(enum backend_error e)
{
	return e == BACKEND_BUSY || e == BACKEND_CONNECT;
}

char *
backend_error_log(enum backend_error e, const struct net_reply *r)
{
	static const char *const names[] = {
		"ok", "connect failed", "timed out", "TLS failed",
		"request rejected (400)", "unauthorized", "server error",
		"server busy (503)", "unexpected HTTP status", "unreadable answer",
		"answer too large", "transfer failed", "cancelled",
	};
	/* The server's own plain-text error, cut short and made safe. */
	char *body = NULL;
	if (r != NULL && r->status == NET_OK && r->len > 0 && e != BACKEND_OK) {
		size_t n = r->len < 200 ? r->len : 200;
		/* Do not cut a character in two. */
		for (int k = 0; k < 3 && n > 0 && n < r->len &&
		    ((unsigned char)r->body[n] & 0xC0) == 0x80; k++)
			n--;
		char *cut = xstrndup(r->body, n);
		body = text_sanitize(cut, false);
		free(cut);
		/* U+FFFD for invalid bytes may make it longer: cut again. */
		size_t m = strlen(body);
		if (m > 200) {
			m = 200;
			while (m > 0 && ((unsigned char)body[m] & 0xC0) == 0x80)
				m--;
			body[m] = '\0';
		}
	}
	char http[32] = "";
	if (r != NULL && r->http_code != 0)
		snprintf(http, sizeof http, ", HTTP %ld", r->http_code);
	/* curl's message may quote a certificate's names: clean it too. */
	char *detail = r != NULL && r->detail ? text_sanitize(r->detail, false) : NULL;
	char *line = xasprintf("backend: %s%s%s%s%s%s", names[e], http,
	    detail ? ": " : "", detail ? detail : "", body ? ": " : "", body ? body : "");
	free(detail);
	free(body);
	return line;
}

struct backend *
backend_new(const struct net_config *cfg, const struct codes *classes)
{
	struct backend *b = xcalloc(1, sizeof *b);
	b->cfg = cfg;
	b->classes = classes;
	b->net = net_new(cfg);
	return b;
}

static void
job_clear(struct job *j)
{
	if (j->body != NULL)
		wipe(j->body, strlen(j->body));
	free(j->body);
	memset(j, 0, sizeof *j);
}

void
backend_free(struct backend *b)
{
	if (b == NULL)
		return;
	backend_cancel(b);
	net_free(b->net);
	job_clear(&b->job);
	free(b);
}

static void job_start(struct backend *);

/* The job is over: hand the results (or the error) to its owner. */
static void
job_end(struct backend *b, struct results *res, enum backend_error e)
{
	backend_done done = b->job.done;
	void *arg = b->job.arg;
	job_clear(&b->job);
	if (done != NULL)
		done(arg, res, e);
}

static void
on_reply(void *arg, const struct net_reply *r)
{
	struct backend *b = arg;
	struct job *j = &b->job;
	enum backend_error e = backend_classify(r);
	struct results res;

	memset(&res, 0, sizeof res);
	j->id = 0;
	if (e == BACKEND_CANCELLED) {
		job_end(b, &res, e);
		return;
	}
	if (e != BACKEND_OK) {
		char *line = backend_error_log(e, r);
		log_warn("%s", line);
		free(line);
		if (backend_retryable(e) && !j->retried) {
			j->retried = true;
			j->retry_at = now_ms() + BACKEND_RETRY_MS;
			log_info("backend: retrying in %d ms", BACKEND_RETRY_MS);
			return;
		}
		job_end(b, &res, e);
		return;
	}
	char *cause = NULL;
	/* The deployed service answers in Finnish and says nothing of it:
	 * without Content-Language, the data is taken to be Finnish. */
	int data_lang = aurora_content_language(r->content_language);
	if (aurora_parse(r->body, r->len, data_lang >= 0 ? (enum lang)data_lang : LANG_FI,
	    &res, &cause) < 0) {
		log_warn("backend: unreadable answer: %s", cause);
		free(cause);
		job_end(b, &res, BACKEND_BAD_ANSWER);
		return;
	}
	log_info("backend: %zu services in %.2f s", res.n, r->seconds);
	job_end(b, &res, BACKEND_OK);
}

static void
job_start(struct backend *b)
{
	struct job *j = &b->job;
	char *cause = NULL;

	j->retry_at = 0;
	j->id = net_post(b->net, j->path, j->body, j->lang, on_reply, b, &cause);
	if (j->id < 0) {
		struct results res;
		memset(&res, 0, sizeof res);
		log_warn("backend: cannot start a request: %s", cause);
		free(cause);
		j->id = 0;
		job_end(b, &res, BACKEND_FAILED);
	}
}

static bool
submit(struct backend *b, const char *path, char *body, enum lang lang,
    backend_done done, void *arg)
{
	backend_cancel(b);
	b->job.active = true;
	b->job.path = path;
	b->job.body = body;
	b->job.lang = lang;
	b->job.done = done;
	b->job.arg = arg;
	job_start(b);
	return true;
}

bool
backend_recommend(struct backend *b, const struct profile *p, const char *session_id,
    const char *fallback_text, backend_done done, void *arg)
{
	char *body = aurora_recommend_body(p, b->classes, AURORA_DEFAULT_LIMIT, session_id);
	if (body != NULL)
		return submit(b, PATH_RECOMMEND, body, p->lang, done, arg);
	/* No rating to send: the life event's own words will do. */
	body = aurora_search_body(fallback_text, p, b->classes, AURORA_DEFAULT_LIMIT);
	return submit(b, PATH_SEARCH, body, p->lang, done, arg);
}

bool
backend_search(struct backend *b, const char *text, const struct profile *p,
    backend_done done, void *arg)
{
	char *body = aurora_search_body(text, p, b->classes, AURORA_DEFAULT_LIMIT);
	return submit(b, PATH_SEARCH, body, p->lang, done, arg);
}

static void
on_feedback(void *arg, const struct net_reply *r)
{
	enum backend_error e = backend_classify(r);
	if (e == BACKEND_OK) {
		log_info("backend: feedback sent");
		return;
	}
	char *line = backend_error_log(e, r);
	log_warn("feedback not sent: %s", line);
	free(line);
}

void
backend_feedback(struct backend *b, const char *recommendation_id,
    const char *service_id, int score, enum lang lang)
{
	long id;
	char *cause = NULL;

	if (recommendation_id == NULL || parse_int(recommendation_id, 0, 0x7fffffffL, &id) < 0) {
		log_warn("feedback not sent: no recommendation id");
		return;
	}
	char *body = aurora_feedback_body(id, service_id, score);
	if (net_post(b->net, PATH_FEEDBACK, body, lang, on_feedback, NULL, &cause) < 0) {
		log_warn("feedback not sent: %s", cause);
		free(cause);
	}
	free(body);
}

void
backend_cancel(struct backend *b)
{
	struct job *j = &b->job;

	if (!j->active)
		return;
	if (j->id > 0)
		net_cancel(b->net, j->id);	/* on_reply ends the job */
	else {
		struct results res;
		memset(&res, 0, sizeof res);
		job_end(b, &res, BACKEND_CANCELLED);
	}
}

void
backend_forget(struct backend *b)
{
	if (b == NULL)
		return;
	backend_cancel(b);
	net_forget(b->net);
	job_clear(&b->job);
}

bool
backend_busy(const struct backend *b)
{
	return b != NULL && b->job.active;
}

int
backend_next_timeout(const struct backend *b)
{
	if (b == NULL || !b->job.active || b->job.retry_at == 0)
		return -1;
	long long left = b->job.retry_at - now_ms();
	return left < 0 ? 0 : (int)left;
}

bool
backend_wait(struct backend *b, int fd, int timeout_ms)
{
	int retry = backend_next_timeout(b);
	if (retry >= 0 && retry < timeout_ms)
		timeout_ms = retry;
	if (b == NULL) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		return poll(&p, 1, timeout_ms) > 0;
	}
	return net_wait(b->net, fd, timeout_ms);
}

void
backend_run(struct backend *b)
{
	if (b == NULL)
		return;
	net_run(b->net);
	if (b->job.active && b->job.retry_at != 0 && now_ms() >= b->job.retry_at)
		job_start(b);
}

long
backend_connects(const struct backend *b)
{
	return b ? net_connects(b->net) : 0;
}

void
backend_finish(struct backend *b)
{
	while (b->job.active) {
		backend_wait(b, -1, 100);
		backend_run(b);
	}
	/* Let a feedback request in flight finish too. */
	while (net_busy(b->net)) {
		net_wait(b->net, -1, 100);
		net_run(b->net);
	}
}
