#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "catalogue.h"
#include "i18n.h"
#include "linkcheck.h"
#include "text.h"
#include "util.h"

/* ---- Which URLs ------------------------------------------------------ */

bool
linkcheck_is_web(const char *s)
{
	return s != NULL && (strncasecmp(s, "https://", 8) == 0 ||
	    strncasecmp(s, "http://", 7) == 0);
}

bool
linkcheck_is_https(const char *s)
{
	return s != NULL && strncasecmp(s, "https://", 8) == 0;
}

/* Add url, used by service id, keeping the order of first use.  A linear
 * search: a catalogue has some hundreds of URLs. */
static void
add(struct links *ls, const char *url, const char *id)
{
	struct link *l = NULL;

	for (size_t i = 0; i < ls->n; i++) {
		if (strcmp(ls->v[i].url, url) == 0) {
			l = &ls->v[i];
			break;
		}
	}
	if (l == NULL) {
		ls->v = xreallocarray(ls->v, ls->n + 1, sizeof *ls->v);
		l = &ls->v[ls->n++];
		memset(l, 0, sizeof *l);
		l->url = xstrdup(url);
		/* The program speaks nothing but https: an http:// page is
		 * a problem to fix, not a page to fetch. */
		l->verdict = linkcheck_is_https(url) ? LINK_UNCHECKED : LINK_NOT_HTTPS;
	}
	if (!strv_contains(l->services, l->nservices, id))
		strv_push(&l->services, &l->nservices, xstrdup(id));
}

void
linkcheck_collect(struct links *ls, const struct catalogue *cat)
{
	memset(ls, 0, sizeof *ls);
	for (size_t i = 0; i < cat->n; i++) {
		const struct cat_service *s = &cat->v[i];
		for (size_t j = 0; j < s->nch; j++)
			for (int l = 0; l < LANG_COUNT; l++)
				if (s->ch[j].web.v[l] != NULL)
					add(ls, s->ch[j].web.v[l], s->id);
		/* A source may be a URL or words ("Kela's brochure"). */
		if (linkcheck_is_web(s->source))
			add(ls, s->source, s->id);
	}
}

void
linkcheck_free(struct links *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		struct link *l = &ls->v[i];
		free(l->url);
		strv_free(l->services, l->nservices);
		free(l->target);
		free(l->why);
	}
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

/* ---- What an answer means -------------------------------------------- */

enum link_verdict
linkcheck_verdict(long code, bool has_location)
{
	if (code >= 200 && code <= 299)
		return LINK_OK;
	if (code >= 300 && code <= 399 && has_location)
		return LINK_REDIRECT;
	return LINK_HTTP_ERROR;
}

bool
linkcheck_retry_get(enum net_status st, long code)
{
	switch (st) {
	case NET_OK:
		/* Servers that refuse HEAD, or do not know it. */
		return code == 403 || code == 405 || code == 501;
	case NET_FAILED:	/* an empty or garbled answer */
	case NET_TRUNCATED:
		return true;
	default:		/* the server could not be reached at all */
		return false;
	}
}

char *
linkcheck_redirect(const char *url, const char *location)
{
	/* Made safe first, so that junk around a URL does not keep it from
	 * being resolved; and again after, as resolving is not there to
	 * make anything safe. */
	char *clean = text_sanitize(location, false);
	char *abs = net_url_resolve(url, clean);
	if (abs == NULL)
		return clean;
	char *safe = text_sanitize(abs, false);
	free(abs);
	free(clean);
	return safe;
}

/* A reason with libcurl's words after it, made safe: they may quote what
 * the server sent (a certificate's names, say). */
static char *
reason(const char *what, const char *detail)
{
	if (detail == NULL || *detail == '\0')
		return xstrdup(what);
	char *safe = text_sanitize(detail, false);
	char *s = xasprintf("%s: %s", what, safe);
	free(safe);
	return s;
}

void
linkcheck_outcome(struct link *l, const struct net_reply *r)
{
	free(l->target);
	free(l->why);
	l->target = l->why = NULL;
	l->code = 0;
	switch (r->status) {
	case NET_OK: {
		bool has_location = r->location != NULL && *r->location != '\0';
		l->code = r->http_code;
		l->verdict = linkcheck_verdict(r->http_code, has_location);
		if (l->verdict == LINK_REDIRECT)
			l->target = linkcheck_redirect(l->url, r->location);
		else if (l->verdict == LINK_HTTP_ERROR && r->http_code >= 300 &&
		    r->http_code <= 399)
			/* TRANSLATORS: why a web address is broken: the server
			   answered with a redirect (3xx) but no Location. */
			l->why = xstrdup(_("a redirect that does not say where to"));
		return;
	}
	case NET_TIMEOUT:
		l->verdict = LINK_UNREACHABLE;
		/* TRANSLATORS: why a web address could not be checked; %ld is
		   a number of seconds. */
		l->why = xasprintf(ngettext("no answer within %ld second",
		    "no answer within %ld seconds", LINKCHECK_TIMEOUT_MS / 1000),
		    LINKCHECK_TIMEOUT_MS / 1000);
		return;
	case NET_CONNECT:
		l->verdict = LINK_UNREACHABLE;
		/* TRANSLATORS: why a web address could not be checked (then
		   libcurl's English words on what happened). */
		l->why = reason(_("could not connect"), r->detail);
		return;
	case NET_TLS:
		l->verdict = LINK_UNREACHABLE;
		/* TRANSLATORS: why a web address could not be checked: the
		   server's certificate was not trusted, or the encrypted
		   connection failed (then libcurl's English words). */
		l->why = reason(_("TLS certificate problem"), r->detail);
		return;
	case NET_CANCELLED:
		l->verdict = LINK_UNREACHABLE;
		/* TRANSLATORS: why a web address was not checked. */
		l->why = xstrdup(_("cancelled"));
		return;
	case NET_TOO_LARGE:
	case NET_TRUNCATED:
	case NET_FAILED:
		break;
	}
	l->verdict = LINK_UNREACHABLE;
	/* TRANSLATORS: why a web address could not be checked: an empty or
	   garbled answer (then libcurl's English words). */
	l->why = reason(_("no usable answer"), r->detail);
}

/* ---- The report ------------------------------------------------------ */

/* The status words stay English whatever the language, so that the
 * report reads the same to scripts (grep -v '^OK ') and to anyone asked
 * for help with it; the reasons are translated. */
const char *
linkcheck_word(const struct link *l, char buf[16])
{
	switch (l->verdict) {
	case LINK_UNCHECKED:
		return "UNCHECKED";
	case LINK_OK:
		return "OK";
	case LINK_REDIRECT:
		return "REDIRECT";
	case LINK_HTTP_ERROR:
		snprintf(buf, 16, "%03ld", l->code);
		return buf;
	case LINK_UNREACHABLE:
		return "UNREACHABLE";
	case LINK_NOT_HTTPS:
		return "NOT-HTTPS";
	}
	return "?";
}

bool
linkcheck_broken(const struct link *l)
{
	return l->verdict != LINK_OK && l->verdict != LINK_REDIRECT;
}

char *
linkcheck_line(const struct link *l)
{
	char buf[16];
	char *ids = xstrdup("");

	for (size_t i = 0; i < l->nservices; i++) {
		char *more = xasprintf("%s%s%s", ids, i > 0 ? ", " : "", l->services[i]);
		free(ids);
		ids = more;
	}
	/* TRANSLATORS: the end of a line of the link report; %s is the ids
	   of the services whose catalogue entries hold the web address,
	   such as "kela-child-benefit, vero-tax-card". */
	char *used = xasprintf(ngettext("used by %s", "used by %s", l->nservices), ids);
	char *line = xasprintf("%-8s %s%s%s%s%s%s  %s", linkcheck_word(l, buf), l->url,
	    l->target ? " -> " : "", l->target ? l->target : "",
	    l->why ? " (" : "", l->why ? l->why : "", l->why ? ")" : "", used);
	free(used);
	free(ids);
	return line;
}

/* ---- The network ----------------------------------------------------- */

enum job_state { JOB_WAITING, JOB_HEAD, JOB_WANT_GET, JOB_GET, JOB_DONE };

struct job {
	struct checker *ck;
	struct link *link;
	enum job_state state;
	long long start_ms;
};

struct checker {
	struct net *net;
	struct job *jobs;
	size_t njobs, next, active, done;
	size_t decided, total;	/* for the progress: decided without asking */
	linkcheck_progress progress;
	void *arg;
};

static void
job_finish(struct job *j, const struct net_reply *r)
{
	linkcheck_outcome(j->link, r);
	j->state = JOB_DONE;
	j->ck->active--;
	j->ck->done++;
	if (j->ck->progress != NULL)
		j->ck->progress(j->ck->arg, j->ck->decided + j->ck->done, j->ck->total);
}

static void
on_reply(void *arg, const struct net_reply *r)
{
	struct job *j = arg;

	/* Started again from the loop, not from inside net_run(). */
	if (j->state == JOB_HEAD && linkcheck_retry_get(r->status, r->http_code)) {
		j->state = JOB_WANT_GET;
		return;
	}
	job_finish(j, r);
}

static void
job_start(struct job *j, enum net_method m)
{
	struct checker *ck = j->ck;
	char *cause = NULL;
	long left = LINKCHECK_TIMEOUT_MS;

	if (m == NET_HEAD) {
		j->start_ms = now_ms();
		ck->active++;
	} else {
		/* The GET has what the HEAD left of the URL's time. */
		left -= (long)(now_ms() - j->start_ms);
	}
	if (left <= 0) {
		struct net_reply r = { .status = NET_TIMEOUT };
		job_finish(j, &r);
		return;
	}
	j->state = m == NET_HEAD ? JOB_HEAD : JOB_GET;
	if (net_probe(ck->net, j->link->url, m, left, on_reply, j, &cause) < 0) {
		struct net_reply r = { .status = NET_FAILED, .detail = cause };
		job_finish(j, &r);
		free(cause);
	}
}

void
linkcheck_run(struct links *ls, const struct net_config *cfg,
    linkcheck_progress progress, void *arg)
{
	/* Of the configuration, only what reaching any site needs: the
	 * backend's address, credentials and key pin stay with it. */
	struct net_config nc = {
		.ca_file = cfg != NULL ? cfg->ca_file : NULL,
		.proxy = cfg != NULL ? cfg->proxy : NULL,
		/* An admin's command, in the admin's environment. */
		.proxy_from_environment = true,
	};
	struct checker ck = { .progress = progress, .arg = arg };

	ck.jobs = xcalloc(ls->n ? ls->n : 1, sizeof *ck.jobs);
	for (size_t i = 0; i < ls->n; i++) {
		if (ls->v[i].verdict != LINK_UNCHECKED)
			continue;
		ck.jobs[ck.njobs++] = (struct job){ .ck = &ck, .link = &ls->v[i] };
	}
	ck.total = ls->n;
	ck.decided = ls->n - ck.njobs;
	ck.net = net_new(&nc);
	while (ck.done < ck.njobs) {
		for (size_t i = 0; i < ck.next; i++)
			if (ck.jobs[i].state == JOB_WANT_GET)
				job_start(&ck.jobs[i], NET_GET);
		while (ck.active < LINKCHECK_PARALLEL && ck.next < ck.njobs)
			job_start(&ck.jobs[ck.next++], NET_HEAD);
		if (ck.done == ck.njobs)
			break;
		net_wait(ck.net, -1, 1000);
		net_run(ck.net);
	}
	net_free(ck.net);
	free(ck.jobs);
}

/* ---- The command ----------------------------------------------------- */

struct progress_line {
	FILE *err;
	int width;		/* of what is on the line now */
};

static void
show_progress(void *arg, size_t done, size_t total)
{
	struct progress_line *p = arg;
	/* TRANSLATORS: the progress line of opastin --check-links: how
	   many web addresses of how many have been checked. */
	char *s = xasprintf(_("checked %1$zu of %2$zu"), done, total);
	int w = text_width(s);

	fprintf(p->err, "\r%s%*s", s, p->width > w ? p->width - w : 0, "");
	fflush(p->err);
	p->width = w > p->width ? w : p->width;
	free(s);
}

int
linkcheck_command(const struct catalogue *cat, const struct net_config *cfg,
    FILE *out, FILE *err)
{
	struct links ls;
	struct progress_line p = { .err = err };
	bool tty = isatty(fileno(err));
	size_t ok = 0, moved = 0, broken = 0;

	linkcheck_collect(&ls, cat);
	linkcheck_run(&ls, cfg, tty ? show_progress : NULL, &p);
	if (p.width > 0)
		fprintf(err, "\r%*s\r", p.width, "");
	for (size_t i = 0; i < ls.n; i++) {
		char *line = linkcheck_line(&ls.v[i]);
		fprintf(out, "%s\n", line);
		free(line);
		if (ls.v[i].verdict == LINK_OK)
			ok++;
		else if (ls.v[i].verdict == LINK_REDIRECT)
			moved++;
		else
			broken++;
	}
	fflush(out);
	/* TRANSLATORS: the last line of opastin --check-links: %1$zu web
	   addresses checked, of which %2$zu answered, %3$zu redirected
	   elsewhere and %4$zu did not work. */
	fprintf(err, ngettext("Checked %1$zu web address: %2$zu OK, %3$zu redirected, %4$zu broken.",
	    "Checked %1$zu web addresses: %2$zu OK, %3$zu redirected, %4$zu broken.", ls.n),
	    ls.n, ok, moved, broken);
	fputc('\n', err);
	linkcheck_free(&ls);
	return broken > 0 ? 1 : 0;
}
