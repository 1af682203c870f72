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

/* Add url, used by service id of catalogue src, keeping the order of
 * first use.  A linear search: a catalogue has some hundreds of URLs,
 * and the register's cache of a few municipalities as many again. */
static void
add(struct links *ls, const char *url, const char *id, enum link_source src)
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
	if (!strv_contains(l->services[src], l->nservices[src], id))
		strv_push(&l->services[src], &l->nservices[src], xstrdup(id));
}

static void
collect_one(struct links *ls, const struct catalogue *cat)
{
	enum link_source src = cat->origin == CATALOGUE_REGISTER ? LINK_REGISTER : LINK_BUNDLED;

	ls->sources |= 1u << src;
	for (size_t i = 0; i < cat->n; i++) {
		const struct cat_service *s = &cat->v[i];
		for (size_t j = 0; j < s->nch; j++)
			for (int l = 0; l < LANG_COUNT; l++)
				if (s->ch[j].web.v[l] != NULL)
					add(ls, s->ch[j].web.v[l], s->id, src);
		/* A source may be a URL or words ("Kela's brochure"). */
		if (linkcheck_is_web(s->source))
			add(ls, s->source, s->id, src);
	}
}

void
linkcheck_collect(struct links *ls, const struct catalogue *const cats[], size_t ncats)
{
	memset(ls, 0, sizeof *ls);
	for (size_t c = 0; c < ncats; c++)
		collect_one(ls, cats[c]);
}

bool
linkcheck_several_sources(const struct links *ls)
{
	/* More than one bit set. */
	return (ls->sources & (ls->sources - 1)) != 0;
}

void
linkcheck_free(struct links *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		struct link *l = &ls->v[i];
		free(l->url);
		for (int src = 0; src < LINK_SOURCES; src++)
			strv_free(l->services[src], l->nservices[src]);
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

/* Append ids to *list, after ", " when it holds some already. */
static void
join_ids(char **list, char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *more = xasprintf("%s%s%s", *list, **list ? ", " : "", ids[i]);
		free(*list);
		*list = more;
	}
}

/* "used by ..." of a link's line: its services, with their catalogue
 * when by_source. */
static char *
used_by(const struct link *l, bool by_source)
{
	char *reg = xstrdup(""), *cat = xstrdup(""), *used;
	size_t nreg = l->nservices[LINK_REGISTER], ncat = l->nservices[LINK_BUNDLED];

	join_ids(&reg, l->services[LINK_REGISTER], nreg);
	join_ids(&cat, l->services[LINK_BUNDLED], ncat);
	if (!by_source || (nreg == 0 && ncat == 0)) {
		/* One catalogue: one of the lists is empty. */
		char *all = xasprintf("%s%s%s", reg, *reg && *cat ? ", " : "", cat);
		/* TRANSLATORS: the end of a line of the link report; %s is the ids
		   of the services whose catalogue entries hold the web address,
		   such as "kela-child-benefit, vero-tax-card". */
		used = xasprintf(ngettext("used by %s", "used by %s", nreg + ncat), all);
		free(all);
	} else if (nreg > 0 && ncat > 0) {
		/* TRANSLATORS: the end of a line of the link report when
		   the kiosk has the service register's cache (fetched by
		   opastin --sync) beside its own bundled catalogue, and both
		   hold the web address: %1$s is the ids of the cache's
		   services that use it (the register's own ids, such as
		   "3f1c2b7e-9d10-4c8e-9a51-d2b8c1a45f0e"), %2$s those of the
		   bundled catalogue (such as "kela-child-benefit,
		   vero-tax-card"). */
		used = xasprintf(_("used by %1$s in the service register's cache and by %2$s in the bundled catalogue"),
		    reg, cat);
	} else if (nreg > 0) {
		/* TRANSLATORS: the end of a line of the link report when
		   the kiosk has the service register's cache (fetched by
		   opastin --sync) beside its own bundled catalogue, and only
		   the cache holds the web address: %s is the ids of its
		   services that use it (the register's own ids, such as
		   "3f1c2b7e-9d10-4c8e-9a51-d2b8c1a45f0e"). */
		used = xasprintf(ngettext("used by %s in the service register's cache",
		    "used by %s in the service register's cache", nreg), reg);
	} else {
		/* TRANSLATORS: the end of a line of the link report when
		   the kiosk has the service register's cache (fetched by
		   opastin --sync) beside its own bundled catalogue, and only
		   the bundled catalogue holds the web address: %s is the ids
		   of its services that use it, such as
		   "kela-child-benefit, vero-tax-card". */
		used = xasprintf(ngettext("used by %s in the bundled catalogue",
		    "used by %s in the bundled catalogue", ncat), cat);
	}
	free(reg);
	free(cat);
	return used;
}

char *
linkcheck_line(const struct link *l, bool by_source)
{
	char buf[16];
	char *used = used_by(l, by_source);
	char *line = xasprintf("%-8s %s%s%s%s%s%s  %s", linkcheck_word(l, buf), l->url,
	    l->target ? " -> " : "", l->target ? l->target : "",
	    l->why ? " (" : "", l->why ? l->why : "", l->why ? ")" : "", used);
	free(used);
	return line;
}

struct link_counts
linkcheck_count(const struct links *ls, enum link_source source)
{
	struct link_counts c = { 0 };

	for (size_t i = 0; i < ls->n; i++) {
		const struct link *l = &ls->v[i];
		if (source < LINK_SOURCES && l->nservices[source] == 0)
			continue;
		c.n++;
		if (l->verdict == LINK_OK)
			c.ok++;
		else if (l->verdict == LINK_REDIRECT)
			c.moved++;
		else
			c.broken++;
	}
	return c;
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

/* The summary of one catalogue, when the report covers several. */
static void
summary_of(FILE *err, const struct links *ls, enum link_source src)
{
	struct link_counts c = linkcheck_count(ls, src);

	if (src == LINK_REGISTER)
		/* TRANSLATORS: a line after the summary of opastin
		   --check-links when the kiosk has the service register's
		   cache (fetched by opastin --sync) beside its own bundled
		   catalogue: of the web addresses checked, %1$zu are the
		   cache's, of which %2$zu answered, %3$zu redirected
		   elsewhere and %4$zu did not work.  An address in both
		   catalogues counts in both lines. */
		fprintf(err, ngettext("In the service register's cache, %1$zu web address: %2$zu OK, %3$zu redirected, %4$zu broken.",
		    "In the service register's cache, %1$zu web addresses: %2$zu OK, %3$zu redirected, %4$zu broken.",
		    c.n), c.n, c.ok, c.moved, c.broken);
	else
		/* TRANSLATORS: a line after the summary of opastin
		   --check-links when the kiosk has the service register's
		   cache beside its own bundled catalogue: of the web
		   addresses checked, %1$zu are the bundled catalogue's, of
		   which %2$zu answered, %3$zu redirected elsewhere and %4$zu
		   did not work. */
		fprintf(err, ngettext("In the bundled catalogue, %1$zu web address: %2$zu OK, %3$zu redirected, %4$zu broken.",
		    "In the bundled catalogue, %1$zu web addresses: %2$zu OK, %3$zu redirected, %4$zu broken.",
		    c.n), c.n, c.ok, c.moved, c.broken);
	fputc('\n', err);
}

int
linkcheck_command(const struct catalogue *const cats[], size_t ncats,
    const struct net_config *cfg, FILE *out, FILE *err)
{
	struct links ls;
	struct progress_line p = { .err = err };
	bool tty = isatty(fileno(err));

	linkcheck_collect(&ls, cats, ncats);
	bool by_source = linkcheck_several_sources(&ls);
	linkcheck_run(&ls, cfg, tty ? show_progress : NULL, &p);
	if (p.width > 0)
		fprintf(err, "\r%*s\r", p.width, "");
	for (size_t i = 0; i < ls.n; i++) {
		char *line = linkcheck_line(&ls.v[i], by_source);
		fprintf(out, "%s\n", line);
		free(line);
	}
	fflush(out);
	struct link_counts all = linkcheck_count(&ls, LINK_SOURCES);
	/* TRANSLATORS: the last line of opastin --check-links: %1$zu web
	   addresses checked, of which %2$zu answered, %3$zu redirected
	   elsewhere and %4$zu did not work. */
	fprintf(err, ngettext("Checked %1$zu web address: %2$zu OK, %3$zu redirected, %4$zu broken.",
	    "Checked %1$zu web addresses: %2$zu OK, %3$zu redirected, %4$zu broken.", all.n),
	    all.n, all.ok, all.moved, all.broken);
	fputc('\n', err);
	if (by_source)
		for (int src = 0; src < LINK_SOURCES; src++)
			if (ls.sources & (1u << src))
				summary_of(err, &ls, (enum link_source)src);
	linkcheck_free(&ls);
	return all.broken > 0 ? 1 : 0;
}
