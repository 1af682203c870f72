#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "hours.h"
#include "i18n.h"
#include "present.h"
#include "print.h"
#include "spawn.h"
#include "spawner.h"
#include "text.h"
#include "util.h"

/* A growing text. */
struct out {
	char *s;
	size_t n;
};

static void
put(struct out *o, const char *line)
{
	size_t k = strlen(line);
	o->s = xreallocarray(o->s, o->n + k + 2, 1);
	memcpy(o->s + o->n, line, k);
	o->n += k;
	o->s[o->n++] = '\n';
	o->s[o->n] = '\0';
}

/* text wrapped to width after indent spaces; the first line after lead
 * (as wide as indent) instead.  Addresses and numbers are cut without a
 * hyphen. */
static void
put_wrapped(struct out *o, int indent, const char *lead, const char *text)
{
	struct lines l;
	text_wrap_unmarked(text, PRINT_COLUMNS - indent, &l);
	for (size_t i = 0; i < l.n; i++) {
		char *line = xasprintf("%-*s%s", i == 0 && lead ? 0 : indent,
		    i == 0 && lead ? lead : "", l.v[i]);
		put(o, line);
		free(line);
	}
	lines_free(&l);
}

static void
put_rule(struct out *o)
{
	char rule[PRINT_COLUMNS + 1];
	memset(rule, '-', PRINT_COLUMNS);
	rule[PRINT_COLUMNS] = '\0';
	put(o, rule);
}

/* lead padded with spaces to width columns (by display width). */
static char *
pad(const char *lead, int width)
{
	int w = text_width(lead);
	return xasprintf("%s%*s", lead, width > w ? width - w : 0, "");
}

static void
put_service(struct out *o, const struct service *s, size_t number, enum lang l, time_t now)
{
	char *name = present_fallback(s->name, s->name_in);
	char *num = xasprintf("%zu. ", number);
	char *lead = pad(num, 4);
	put_wrapped(o, 4, lead, name);
	free(lead);
	free(num);
	free(name);
	if (s->org != NULL && s->org[0] != '\0')
		put_wrapped(o, 4, NULL, s->org);
	if (s->nch == 0) {
		char *none = present_no_contacts(s);
		put_wrapped(o, 4, NULL, none);
		free(none);
	}
	for (size_t i = 0; i < s->nch; i++) {
		const struct channel *c = &s->ch[i];
		char **labels = NULL, **values = NULL;
		size_t n = 0;
		present_channel_at(c, l, now, &labels, &values, &n);
		if (n == 0)
			continue;
		char *cname = c->name ? present_fallback(c->name, c->name_in) : NULL;
		char *head = cname ? xasprintf("%s: %s", present_channel_type(c->type), cname) :
		    xstrdup(present_channel_type(c->type));
		put_wrapped(o, 4, NULL, head);
		free(head);
		free(cname);
		/* Labels in a column, values wrapped under themselves. */
		int lw = 0;
		for (size_t k = 0; k < n; k++)
			if (text_width(labels[k]) + 1 > lw)
				lw = text_width(labels[k]) + 1;
		if (lw > 24)
			lw = 24;
		for (size_t k = 0; k < n; k++) {
			char *label = xasprintf("%s:", labels[k]);
			char *padded = pad(label, lw + 1);
			char *indented = xasprintf("      %s", padded);
			put_wrapped(o, 6 + lw + 1, indented, values[k]);
			free(indented);
			free(padded);
			free(label);
		}
		strv_free(labels, n);
		strv_free(values, n);
	}
	put(o, "");
}

char *
print_summary(const struct results *res, size_t first, size_t count,
    const char *site, time_t now)
{
	struct out o = { xstrdup(""), 0 };
	long day;
	int minute, y, m, d;

	hours_helsinki(now, &day, &minute);
	hours_civil(day, &y, &m, &d);
	char *iso = xasprintf("%04d-%02d-%02d", y, m, d);
	char *date = present_date(iso);
	char *clock = present_clock(minute, i18n_current());
	free(iso);

	/* TRANSLATORS: the title of the printout a citizen takes home. */
	put_wrapped(&o, 0, NULL, _("Public services for you"));
	char *when = site != NULL && site[0] != '\0' ?
	    /* TRANSLATORS: on the printout: %1$s is a date (2.12.2026),
	       %2$s a time of day as your language writes it ("12.00",
	       sv "12"), %3$s the place of the kiosk (a library, a
	       service point). fi "Tulostettu %1$s klo %2$s, %3$s". */
	    xasprintf(_("Printed on %1$s at %2$s at %3$s"), date, clock, site) :
	    /* TRANSLATORS: on the printout: %1$s is a date (2.12.2026),
	       %2$s a time of day as your language writes it ("12.00"). */
	    xasprintf(_("Printed on %1$s at %2$s"), date, clock);
	put_wrapped(&o, 0, NULL, when);
	free(when);
	free(date);
	free(clock);
	put_rule(&o);
	put(&o, "");
	for (size_t i = first; i < first + count && i < res->n; i++)
		put_service(&o, &res->v[i], i - first + 1, res->lang, now);
	put_rule(&o);
	/* TRANSLATORS: the last lines of the printout. */
	put_wrapped(&o, 0, NULL, _("These are suggestions, not decisions. Contact the service to find out what applies to you."));
	return o.s;
}

bool
print_busy(const struct print_job *j)
{
	return j->pid > 0;
}

/* ---- In the helper process (spawner.h): what SPAWN_PRINT runs, the
 * summary on its standard input.  A request has no parameters. ---- */

static pid_t
run_printer(void *ctx, const struct spawn_request *r)
{
	const char *command = ctx;
	char **argv;
	size_t argc;
	char *cause = NULL;

	if (command == NULL || r->nparams != 0)
		return -1;
	/* The configuration was checked at start, so this does not fail. */
	if (spawn_split(command, &argv, &argc, &cause) < 0) {
		free(cause);
		return -1;
	}
	pid_t pid = spawn_with_input(argv, NULL, r->input, r->len);
	strv_free(argv, argc + 1);
	return pid;
}

struct spawn_handler
print_handler(const char *command)
{
	return (struct spawn_handler){ run_printer, (void *)command };
}

/* ---- In the kiosk ---- */

bool
print_start(struct print_job *j, const char *text)
{
	struct spawn_request r = { .kind = SPAWN_PRINT, .input = text, .len = strlen(text) };

	if (print_busy(j))
		return false;
	pid_t pid = spawner_run(j->spawner, &r);
	if (pid <= 0)
		return false;
	j->pid = pid;
	j->deadline = now_ms() + PRINT_TIMEOUT_MS;
	return true;
}

enum print_outcome
print_poll(struct print_job *j, long long now, int *status)
{
	int st = 0;

	*status = 0;
	if (j->pid <= 0)
		return PRINT_RUNNING;
	int ended = spawner_reap(j->spawner, j->pid, &st);
	if (ended < 0) {
		/* The helper is gone, and the printer with it. */
		j->pid = 0;
		return PRINT_NOT_RUN;
	}
	if (ended > 0) {
		j->pid = 0;
		if (WIFEXITED(st)) {
			*status = WEXITSTATUS(st);
			return *status == 0 ? PRINT_DONE : *status == 127 ? PRINT_NOT_RUN :
			    PRINT_FAILED;
		}
		*status = WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
		return PRINT_FAILED;
	}
	if (now < j->deadline)
		return PRINT_RUNNING;
	print_stop(j);
	return PRINT_TIMED_OUT;
}

void
print_stop(struct print_job *j)
{
	if (j->pid > 0)
		spawner_stop(j->spawner, j->pid);
	j->pid = 0;
}

char *
print_outcome_text(enum print_outcome o, int status)
{
	switch (o) {
	case PRINT_DONE:
		/* TRANSLATORS: after printing the services. */
		return xstrdup(_("Printed. Please take your printout from the printer."));
	case PRINT_FAILED:
		/* TRANSLATORS: %d is the printer command's exit status, for
		   the staff. */
		return xasprintf(_("The printout failed (the printer command ended with status %d). Please ask the staff. The services are still on the screen."),
		    status);
	case PRINT_NOT_RUN:
		return xstrdup(_("The printer could not be used. Please ask the staff. The services are still on the screen."));
	case PRINT_TIMED_OUT:
		/* TRANSLATORS: %d is the time limit in seconds (10). */
		return xasprintf(_("The printer did not finish within %d seconds, so printing was stopped. Please ask the staff. The services are still on the screen."),
		    PRINT_TIMEOUT_MS / 1000);
	case PRINT_RUNNING:
		break;
	}
	return xstrdup("");
}
