/*
 * test-backend.c: the policy over the transport (tui/backend.c).
 *
 *   - a finished transfer classified into an error;
 *   - the citizen's message and the log line of each error: the log has
 *     the HTTP status and a cut, sanitised copy of the server's text;
 *   - which errors are retried;
 *   - without network: a request to a closed local port fails with
 *     BACKEND_CONNECT after one retry a pause later, cancelling ends a
 *     request with BACKEND_CANCELLED, and no credential reaches the log.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "profile.h"
#include "results.h"
#include "testutil.h"
#include "text.h"
#include "util.h"

#define FFFD "\xEF\xBF\xBD"

#define CLIENT_ID "kiosk-client-4321"
#define CLIENT_SECRET "s3cr3t-Pa55w0rd-XYZ"
/* A closed local port: the connection is refused at once. */
#define CLOSED_URL "https://127.0.0.1:9/x"
#define DEADLINE_MS 5000

static const enum backend_error all_errors[] = {
	BACKEND_OK, BACKEND_CONNECT, BACKEND_TIMEOUT, BACKEND_TLS, BACKEND_REJECTED,
	BACKEND_UNAUTHORIZED, BACKEND_SERVER, BACKEND_BUSY, BACKEND_HTTP,
	BACKEND_BAD_ANSWER, BACKEND_TOO_LARGE, BACKEND_FAILED, BACKEND_CANCELLED,
};
#define NERRORS (sizeof all_errors / sizeof all_errors[0])

static struct net_reply
reply(enum net_status st, long code, const char *body, const char *detail)
{
	struct net_reply r;

	memset(&r, 0, sizeof r);
	r.status = st;
	r.http_code = code;
	r.body = body != NULL ? body : "";
	r.len = body != NULL ? strlen(body) : 0;
	r.detail = detail;
	return r;
}

/* ---- classification ---- */

static void
test_classify(void **state)
{
	static const struct {
		enum net_status st;
		long code;
		enum backend_error want;
	} cases[] = {
		{ NET_OK, 200, BACKEND_OK },
		{ NET_OK, 201, BACKEND_OK },
		{ NET_OK, 204, BACKEND_OK },
		{ NET_OK, 299, BACKEND_OK },
		{ NET_OK, 400, BACKEND_REJECTED },
		{ NET_OK, 401, BACKEND_UNAUTHORIZED },
		{ NET_OK, 403, BACKEND_UNAUTHORIZED },
		{ NET_OK, 500, BACKEND_SERVER },
		{ NET_OK, 502, BACKEND_SERVER },
		{ NET_OK, 504, BACKEND_SERVER },
		{ NET_OK, 503, BACKEND_BUSY },
		{ NET_OK, 418, BACKEND_HTTP },
		{ NET_OK, 404, BACKEND_HTTP },
		{ NET_OK, 301, BACKEND_HTTP },
		{ NET_OK, 100, BACKEND_HTTP },
		{ NET_CONNECT, 0, BACKEND_CONNECT },
		{ NET_TIMEOUT, 0, BACKEND_TIMEOUT },
		{ NET_TLS, 0, BACKEND_TLS },
		{ NET_TOO_LARGE, 200, BACKEND_TOO_LARGE },
		{ NET_CANCELLED, 0, BACKEND_CANCELLED },
		{ NET_FAILED, 0, BACKEND_FAILED },
		/* The transport's verdict wins over a status code it saw. */
		{ NET_TIMEOUT, 200, BACKEND_TIMEOUT },
		{ NET_FAILED, 503, BACKEND_FAILED },
		{ NET_CANCELLED, 200, BACKEND_CANCELLED },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct net_reply r = reply(cases[i].st, cases[i].code, "", NULL);
		enum backend_error got = backend_classify(&r);
		if (got != cases[i].want)
			fail_msg("status %d, HTTP %ld: %d, not %d", (int)cases[i].st,
			    cases[i].code, (int)got, (int)cases[i].want);
	}
}

/* ---- messages for the citizen ---- */

static void
test_messages(void **state)
{
	(void)state;
	assert_string_equal(backend_error_message(BACKEND_OK), "");
	for (size_t i = 0; i < NERRORS; i++) {
		enum backend_error e = all_errors[i];
		const char *m = backend_error_message(e);
		assert_non_null(m);
		if (e == BACKEND_OK)
			continue;
		if (*m == '\0')
			fail_msg("error %d has no message", (int)e);
		/* One plain sentence: no format left in it, no line break. */
		assert_null(strchr(m, '%'));
		assert_null(strchr(m, '\n'));
		assert_true(m[strlen(m) - 1] == '.');
	}
	/* The ones a citizen or the staff can act on differ. */
	static const enum backend_error distinct[] = {
		BACKEND_CONNECT, BACKEND_TIMEOUT, BACKEND_TLS, BACKEND_UNAUTHORIZED,
		BACKEND_BUSY, BACKEND_CANCELLED,
	};
	for (size_t i = 0; i < sizeof distinct / sizeof distinct[0]; i++)
		for (size_t j = i + 1; j < sizeof distinct / sizeof distinct[0]; j++)
			if (strcmp(backend_error_message(distinct[i]),
			    backend_error_message(distinct[j])) == 0)
				fail_msg("errors %d and %d have the same message",
				    (int)distinct[i], (int)distinct[j]);
	/* The message names no technique. */
	for (size_t i = 0; i < NERRORS; i++) {
		const char *m = backend_error_message(all_errors[i]);
		assert_null(strstr(m, "HTTP"));
		assert_null(strstr(m, "TLS"));
		assert_null(strstr(m, "503"));
	}
}

/* ---- log lines ---- */

/* The part of a log line after its last ": ". */
static const char *
tail(const char *line)
{
	const char *p = line, *last = NULL;
	while ((p = strstr(p, ": ")) != NULL) {
		last = p + 2;
		p += 2;
	}
	assert_non_null(last);
	return last;
}

static void
assert_log_safe(const char *s)
{
	for (const unsigned char *b = (const unsigned char *)s; *b != '\0'; b++)
		if (*b < 0x20 || *b == 0x7f)
			fail_msg("byte 0x%02x in the log line \"%s\"", *b, s);
	assert_null(strstr(s, "\xc2\x9b"));
	assert_null(strstr(s, "\xe2\x80\xae"));
}

static void
test_log_http(void **state)
{
	static const char validation[] =
	    "Validation error in request data: {'life_situation_meters': "
	    "{'housing': {0: ['Must be less than or equal to 10.']}}}";
	static const struct {
		long code;
		const char *body;
		const char *words;
	} cases[] = {
		{ 400, validation, "request rejected" },
		{ 401, "Unauthorized", "unauthorized" },
		{ 403, "Forbidden", "unauthorized" },
		{ 500, "Error in request: division by zero", "server error" },
		{ 503, "Server busy.", "busy" },
		{ 418, "I'm a teapot", "unexpected HTTP status" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct net_reply r = reply(NET_OK, cases[i].code, cases[i].body, NULL);
		enum backend_error e = backend_classify(&r);
		char *line = backend_error_log(e, &r);
		char code[16];
		snprintf(code, sizeof code, "HTTP %ld", cases[i].code);
		if (strstr(line, code) == NULL || strstr(line, cases[i].body) == NULL ||
		    strstr(line, cases[i].words) == NULL)
			fail_msg("log line \"%s\"", line);
		/* The server's text ends the line, whole. */
		size_t nl = strlen(line), nb = strlen(cases[i].body);
		assert_true(nl > nb + 2);
		assert_memory_equal(line + nl - nb - 2, ": ", 2);
		assert_string_equal(line + nl - nb, cases[i].body);
		assert_log_safe(line);
		free(line);
	}
}

static void
test_log_hostile_body(void **state)
{
	static const char body[] =
	    "Error in request: \x1b[2J\x1b[H\x1b]0;owned\x07" "bad\r\ninput\x1b[31m!\x1b[0m"
	    "\xc2\x9b" "1m\xe2\x80\xae" "x\x7f";

	(void)state;
	struct net_reply r = reply(NET_OK, 500, body, NULL);
	char *line = backend_error_log(BACKEND_SERVER, &r);
	assert_null(strchr(line, '\x1b'));
	assert_null(strchr(line, '\a'));
	assert_log_safe(line);
	assert_non_null(strstr(line, "HTTP 500"));
	assert_string_equal(tail(line), "bad  input!x");
	free(line);
}

static void
test_log_body_cut(void **state)
{
	char body[1001];

	(void)state;
	memset(body, 'x', 1000);
	body[1000] = '\0';
	struct net_reply r = reply(NET_OK, 400, body, NULL);
	char *line = backend_error_log(BACKEND_REJECTED, &r);
	const char *t = tail(line);
	assert_true(strlen(t) > 0);
	assert_true(strlen(t) <= 200);
	assert_int_equal(strspn(t, "x"), strlen(t));
	assert_true(strlen(line) < 300);
	free(line);
}

/* The cut keeps whole characters and at most 200 bytes of the server's
 * text: a Finnish text whose byte 200 falls inside an "ä" loses the
 * whole letter, and a Latin-1 text does not swell past the limit when
 * each of its bytes becomes U+FFFD. */
static void
test_log_body_cut_characters(void **state)
{
	static const char prefix[] = "Virhe pyynnössä: ";
	char body[512], kept[1024];

	(void)state;
	snprintf(body, sizeof body, "%s", prefix);
	assert_true((200 - strlen(prefix)) % 2 == 1);	/* byte 200 splits an "ä" */
	while (strlen(body) + 2 < sizeof body)
		strcat(body, "ä");
	struct net_reply r = reply(NET_OK, 400, body, NULL);
	char *line = backend_error_log(BACKEND_REJECTED, &r);
	const char *t = strstr(line, prefix);
	snprintf(kept, sizeof kept, "%s", t != NULL ? t : "");
	free(line);
	assert_true(strlen(kept) > 100);
	if (strstr(kept, FFFD) != NULL)
		fail_msg("the cut made an invalid character: \"%s\"", kept);
	if (strlen(kept) > 200)
		fail_msg("the server's text takes %zu bytes in the log", strlen(kept));
	/* What is kept is a prefix of what the server said. */
	assert_true(strncmp(body, kept, strlen(kept)) == 0);

	/* ISO-8859-1 "ä" bytes, each invalid UTF-8. */
	memset(body, '\xe4', 300);
	body[300] = '\0';
	r = reply(NET_OK, 400, body, NULL);
	line = backend_error_log(BACKEND_REJECTED, &r);
	snprintf(kept, sizeof kept, "%s", tail(line));
	bool safe = strchr(line, '\x1b') == NULL;
	free(line);
	assert_true(safe);
	assert_true(strlen(kept) > 0);
	if (strlen(kept) > 200)
		fail_msg("the server's text takes %zu bytes in the log", strlen(kept));
}

static void
test_log_transport(void **state)
{
	static const struct {
		enum net_status st;
		const char *detail;
		const char *words;
	} cases[] = {
		{ NET_CONNECT, "Failed to connect to 127.0.0.1 port 9: Connection refused", "connect failed" },
		{ NET_TIMEOUT, "Operation timed out after 15000 milliseconds", "timed out" },
		{ NET_TLS, "SSL certificate problem: self-signed certificate", "TLS failed" },
		{ NET_TOO_LARGE, "the answer is larger than the limit", "too large" },
		{ NET_FAILED, "Failure when receiving data from the peer", "transfer failed" },
		{ NET_CANCELLED, "cancelled", "cancelled" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* A transfer cut short may carry part of a body: not logged. */
		struct net_reply r = reply(cases[i].st, 0, "{\"partial\": \"" CLIENT_SECRET,
		    cases[i].detail);
		char *line = backend_error_log(backend_classify(&r), &r);
		if (strstr(line, cases[i].detail) == NULL || strstr(line, cases[i].words) == NULL)
			fail_msg("log line \"%s\"", line);
		assert_null(strstr(line, ", HTTP"));
		assert_null(strstr(line, "HTTP 0"));
		assert_null(strstr(line, "partial"));
		assert_null(strstr(line, CLIENT_SECRET));
		assert_log_safe(line);
		free(line);
	}
}

static void
test_log_every_error(void **state)
{
	(void)state;
	for (size_t i = 0; i < NERRORS; i++) {
		/* Without a reply at all (a request that could not start). */
		char *line = backend_error_log(all_errors[i], NULL);
		assert_true(strncmp(line, "backend: ", 9) == 0);
		assert_true(strlen(line) > 9);
		assert_null(strstr(line, ", HTTP"));
		assert_log_safe(line);
		free(line);
	}
	/* Each error has its own words. */
	for (size_t i = 0; i < NERRORS; i++)
		for (size_t j = i + 1; j < NERRORS; j++) {
			char *a = backend_error_log(all_errors[i], NULL);
			char *b = backend_error_log(all_errors[j], NULL);
			assert_string_not_equal(a, b);
			free(a);
			free(b);
		}
	/* The body of a success is not logged; an unreadable one is. */
	struct net_reply r = reply(NET_OK, 200, "{\"recommended_services\":[]}", NULL);
	char *line = backend_error_log(BACKEND_OK, &r);
	assert_null(strstr(line, "recommended_services"));
	free(line);
	r = reply(NET_OK, 200, "<html>captive portal</html>", NULL);
	line = backend_error_log(BACKEND_BAD_ANSWER, &r);
	assert_non_null(strstr(line, "HTTP 200"));
	assert_non_null(strstr(line, "captive portal"));
	free(line);
}

/* ---- retries ---- */

static void
test_retryable(void **state)
{
	(void)state;
	for (size_t i = 0; i < NERRORS; i++) {
		enum backend_error e = all_errors[i];
		bool want = e == BACKEND_BUSY || e == BACKEND_CONNECT;
		if (backend_retryable(e) != want)
			fail_msg("error %d: retryable %d", (int)e, !want);
	}
}

/* ---- without network: a closed local port ---- */

struct outcome {
	int calls;
	enum backend_error e;
	size_t n;
	bool had_id;
	long long at;
};

static void
on_done(void *arg, struct results *res, enum backend_error e)
{
	struct outcome *o = arg;

	o->calls++;
	o->e = e;
	o->n = res->n;
	o->had_id = res->recommendation_id != NULL;
	o->at = now_ms();
	results_free(res);
}

/* The log goes to stderr: catch it in a file while the test runs. */
struct capture {
	int saved;
	const char *path;
};

static void
capture_start(struct capture *c)
{
	c->path = tu_temp_file("", ".log");
	fflush(stderr);
	c->saved = dup(STDERR_FILENO);
	assert_true(c->saved >= 0);
	int fd = open(c->path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_true(dup2(fd, STDERR_FILENO) >= 0);
	close(fd);
}

/* Stop catching; returns what was logged (free it). */
static char *
capture_end(struct capture *c)
{
	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	return tu_read(c->path);
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static struct net_config
closed_config(void)
{
	struct net_config cfg;

	memset(&cfg, 0, sizeof cfg);
	cfg.base_url = CLOSED_URL;
	cfg.client_id = CLIENT_ID;
	cfg.client_secret = CLIENT_SECRET;
	cfg.connect_timeout_s = 1;
	cfg.timeout_s = 2;
	return cfg;
}

static void
meter_profile(struct profile *p)
{
	memset(p, 0, sizeof *p);
	p->lang = LANG_FI;
	p->age = 41;
	p->meter[DIM_HOUSING][0] = 2;
	p->nmeter[DIM_HOUSING] = 1;
}

/* Drive the backend as the main loop does until o has its answer or the
 * deadline passes. */
static void
drive(struct backend *b, struct outcome *o, long long deadline)
{
	while (o->calls == 0 && now_ms() < deadline) {
		backend_wait(b, -1, 50);
		backend_run(b);
	}
}

static void
check_connect_after_retry(bool by_text)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct profile p;
	struct outcome o = { 0 };
	struct capture cap;

	meter_profile(&p);
	if (by_text)
		memset(p.nmeter, 0, sizeof p.nmeter);	/* no rating: a text search */
	assert_false(backend_busy(b));
	assert_int_equal(backend_next_timeout(b), -1);

	capture_start(&cap);
	long long start = now_ms();
	bool started = backend_recommend(b, &p, "session-1", "asunto", on_done, &o);
	bool busy = backend_busy(b);
	/* Wait for the first failure: a retry is then due. */
	int retry_due = -1;
	while (o.calls == 0 && retry_due < 0 && now_ms() < start + DEADLINE_MS) {
		backend_wait(b, -1, 50);
		backend_run(b);
		retry_due = backend_next_timeout(b);
	}
	bool busy_waiting = backend_busy(b);
	drive(b, &o, start + DEADLINE_MS);
	bool busy_after = backend_busy(b);
	backend_free(b);
	char *log = capture_end(&cap);

	assert_true(started);
	assert_true(busy);
	if (o.calls != 1)
		fail_msg("callback ran %d times within %d ms; log:\n%s", o.calls, DEADLINE_MS, log);
	assert_int_equal(o.e, BACKEND_CONNECT);
	assert_int_equal(o.n, 0);
	assert_false(o.had_id);
	assert_in_range(retry_due, 0, BACKEND_RETRY_MS);
	assert_true(busy_waiting);
	assert_false(busy_after);
	/* One retry, a pause later. */
	if (o.at - start < BACKEND_RETRY_MS)
		fail_msg("the retry came after %lld ms", o.at - start);
	assert_int_equal(count(log, "connect failed"), 2);
	assert_int_equal(count(log, "retrying in"), 1);
	/* No credential and nothing the citizen entered in the log. */
	assert_null(strstr(log, CLIENT_SECRET));
	assert_null(strstr(log, CLIENT_ID));
	assert_null(strstr(log, "asunto"));
	assert_null(strstr(log, "session-1"));
	assert_null(strstr(log, "housing"));
	free(log);
	profile_wipe(&p);
}

static void
test_connect_retry_recommend(void **state)
{
	(void)state;
	check_connect_after_retry(false);
}

static void
test_connect_retry_search(void **state)
{
	(void)state;
	check_connect_after_retry(true);
}

static void
test_cancel_in_flight(void **state)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct profile p;
	struct outcome o = { 0 };
	struct capture cap;

	(void)state;
	meter_profile(&p);
	capture_start(&cap);
	backend_recommend(b, &p, "s", "", on_done, &o);
	bool busy = backend_busy(b);
	backend_cancel(b);
	int calls_at_cancel = o.calls;
	bool busy_after = backend_busy(b);
	/* Nothing more comes for a cancelled request. */
	long long until = now_ms() + 300;
	while (now_ms() < until) {
		backend_wait(b, -1, 20);
		backend_run(b);
	}
	backend_cancel(b);	/* nothing to cancel: no second call */
	backend_free(b);
	free(capture_end(&cap));

	assert_true(busy);
	assert_int_equal(calls_at_cancel, 1);
	assert_int_equal(o.calls, 1);
	assert_int_equal(o.e, BACKEND_CANCELLED);
	assert_int_equal(o.n, 0);
	assert_false(busy_after);
	profile_wipe(&p);
}

static void
test_cancel_while_waiting_to_retry(void **state)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct profile p;
	struct outcome o = { 0 };
	struct capture cap;

	(void)state;
	meter_profile(&p);
	capture_start(&cap);
	long long start = now_ms();
	backend_recommend(b, &p, "s", "", on_done, &o);
	int due = -1;
	while (o.calls == 0 && due < 0 && now_ms() < start + DEADLINE_MS) {
		backend_wait(b, -1, 50);
		backend_run(b);
		due = backend_next_timeout(b);
	}
	int calls_before = o.calls;
	backend_cancel(b);
	int calls_at_cancel = o.calls;
	enum backend_error e = o.e;
	int due_after = backend_next_timeout(b);
	/* The retry does not happen any more. */
	long long until = now_ms() + BACKEND_RETRY_MS + 200;
	while (now_ms() < until) {
		backend_wait(b, -1, 50);
		backend_run(b);
	}
	backend_free(b);
	char *log = capture_end(&cap);

	assert_int_equal(calls_before, 0);
	assert_true(due >= 0);
	assert_int_equal(calls_at_cancel, 1);
	assert_int_equal(e, BACKEND_CANCELLED);
	assert_int_equal(o.calls, 1);
	assert_int_equal(due_after, -1);
	assert_int_equal(count(log, "connect failed"), 1);
	free(log);
	profile_wipe(&p);
}

/* A new request replaces the one in flight, which ends cancelled. */
static void
test_new_request_cancels_old(void **state)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct profile p;
	struct outcome first = { 0 }, second = { 0 };
	struct capture cap;

	(void)state;
	meter_profile(&p);
	capture_start(&cap);
	long long start = now_ms();
	backend_recommend(b, &p, "s", "", on_done, &first);
	backend_search(b, "words", &p, on_done, &second);
	int first_calls = first.calls;
	enum backend_error first_e = first.e;
	drive(b, &second, start + DEADLINE_MS);
	backend_free(b);
	free(capture_end(&cap));

	assert_int_equal(first_calls, 1);
	assert_int_equal(first_e, BACKEND_CANCELLED);
	assert_int_equal(first.calls, 1);
	assert_int_equal(second.calls, 1);
	assert_int_equal(second.e, BACKEND_CONNECT);
	profile_wipe(&p);
}

/* Freeing the backend ends the request in flight with BACKEND_CANCELLED. */
static void
test_free_cancels(void **state)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct profile p;
	struct outcome o = { 0 };
	struct capture cap;

	(void)state;
	meter_profile(&p);
	capture_start(&cap);
	backend_recommend(b, &p, "s", "", on_done, &o);
	backend_free(b);
	free(capture_end(&cap));
	assert_int_equal(o.calls, 1);
	assert_int_equal(o.e, BACKEND_CANCELLED);
	profile_wipe(&p);
}

/* A configuration net refuses: the callback says so at once, no retry. */
static void
test_bad_config_fails_at_once(void **state)
{
	static const char *const urls[] = {
		"http://example.invalid/x", "ftp://127.0.0.1/x", "", "not a url",
	};

	(void)state;
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		struct net_config cfg = closed_config();
		cfg.base_url = urls[i];
		struct backend *b = backend_new(&cfg, NULL);
		struct profile p;
		struct outcome o = { 0 };
		struct capture cap;

		meter_profile(&p);
		capture_start(&cap);
		backend_recommend(b, &p, "s", "", on_done, &o);
		int calls = o.calls;
		bool busy = backend_busy(b);
		backend_free(b);
		char *log = capture_end(&cap);
		assert_int_equal(calls, 1);
		assert_int_equal(o.e, BACKEND_FAILED);
		assert_false(busy);
		assert_null(strstr(log, CLIENT_SECRET));
		free(log);
		profile_wipe(&p);
	}
}

/* Feedback never calls anyone back; failures go to the log. */
static void
test_feedback_failures_logged(void **state)
{
	struct net_config cfg = closed_config();
	struct backend *b = backend_new(&cfg, NULL);
	struct capture cap;

	(void)state;
	capture_start(&cap);
	long long start = now_ms();
	backend_feedback(b, NULL, "svc", 1, LANG_FI);
	backend_feedback(b, "not-a-number", "svc", 1, LANG_FI);
	backend_feedback(b, "93", "svc", -1, LANG_SV);
	backend_finish(b);	/* until the feedback request is done */
	long long took = now_ms() - start;
	backend_free(b);
	char *log = capture_end(&cap);

	assert_true(took < DEADLINE_MS);
	assert_int_equal(count(log, "feedback not sent"), 3);
	assert_int_equal(count(log, "no recommendation id"), 2);
	assert_int_equal(count(log, "connect failed"), 1);
	assert_null(strstr(log, CLIENT_SECRET));
	free(log);
}

int
main(void)
{
	/* The English msgids: no catalogue is bound. */
	setlocale(LC_ALL, "C");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_log_http),
		cmocka_unit_test(test_log_hostile_body),
		cmocka_unit_test(test_log_body_cut),
		cmocka_unit_test(test_log_body_cut_characters),
		cmocka_unit_test(test_log_transport),
		cmocka_unit_test(test_log_every_error),
		cmocka_unit_test(test_retryable),
		cmocka_unit_test(test_connect_retry_recommend),
		cmocka_unit_test(test_connect_retry_search),
		cmocka_unit_test(test_cancel_in_flight),
		cmocka_unit_test(test_cancel_while_waiting_to_retry),
		cmocka_unit_test(test_new_request_cancels_old),
		cmocka_unit_test(test_free_cancels),
		cmocka_unit_test(test_bad_config_fails_at_once),
		cmocka_unit_test(test_feedback_failures_logged),
	};
	return cmocka_run_group_tests_name("backend", tests, NULL, tu_teardown);
}
