#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "profile.h"
#include "session.h"
#include "util.h"

char *
present_reason(const struct reason *r, const struct quest *quest)
{
	switch (r->kind) {
	case REASON_EVENT:
	case REASON_ANSWER:
		if (r->question != PROFILE_NO_SOURCE && r->question < quest->nq) {
			const struct question *q = &quest->q[r->question];
			const char *label = _(quest_short(quest, r->question));
			if (r->option >= 0 && (size_t)r->option < q->nopts)
				/* TRANSLATORS: why a service was suggested: %1$s
				   is a question's short label, %2$s the citizen's
				   answer, e.g. "Registered jobseeker: Not yet". */
				return xasprintf(_("%1$s: %2$s"), label,
				    quest_label(&q->opts[r->option]));
			if (q->type == Q_NUMBER)
				/* TRANSLATORS: %1$s is a question's short label,
				   %2$d the number the citizen gave, e.g.
				   "Children together: 2". */
				return xasprintf(_("%1$s: %2$d"), label, r->value);
			return xstrdup(label);
		}
		/* A life event straight from a batch profile. */
		long ev = quest_event_for(quest, r->code);
		if (ev >= 0)
			return xasprintf(_("%1$s: %2$s"), _(quest_short(quest, QUEST_EVENT_QUESTION)),
			    _(quest->events[ev].title));
		return xstrdup(r->code);
	case REASON_METER:
		/* TRANSLATORS: %1$s is a life area such as "Housing", %2$d the
		   citizen's own rating of it from 0 (very bad) to 10 (very
		   good), e.g. "Money: your rating 2/10". */
		return xasprintf(_("%1$s: your rating %2$d/10"), _(quest->dims[r->dim].label), r->value);
	}
	return xstrdup("");
}

char *
present_reasons(const struct results *res, size_t i, const struct quest *quest)
{
	const struct service *s = &res->v[i];
	char *out = NULL;

	for (size_t k = 0; k < s->nreasons; k++) {
		char *r = present_reason(&s->reasons[k], quest);
		char *joined = out ? xasprintf("%s; %s", out, r) : r;
		if (out != NULL) {
			free(out);
			free(r);
		}
		out = joined;
	}
	if (out == NULL && res->from_search)
		return xstrdup(_("Why: it matches the words you searched for."));
	if (out == NULL && res->source == SOURCE_BACKEND)
		return xstrdup(_("Why: the national service recommender suggested it for your answers."));
	if (out == NULL)
		return xstrdup(_("Why: it matches your life situation."));
	/* TRANSLATORS: %s lists the answers that led to a suggestion,
	   separated by semicolons, e.g. "Registered jobseeker: Not yet;
	   Money: your rating 2/10". */
	char *line = xasprintf(_("Why: %s"), out);
	free(out);
	return line;
}

char *
present_first_step(const struct service *s)
{
	if (s->first_step == NULL)
		return NULL;
	/* TRANSLATORS: %s is the step with its deadline, e.g. "Register as
	   a jobseeker no later than your first day without work." */
	return xasprintf(_("Do this first: %s"), s->first_step);
}

const char *
present_channel_type(enum channel_type t)
{
	switch (t) {
	case CHANNEL_WEBPAGE:
		return _("Web page");
	case CHANNEL_ECHANNEL:
		return _("Online service");
	case CHANNEL_PHONE:
		return _("Phone");
	case CHANNEL_EMAIL:
		return _("E-mail");
	case CHANNEL_LOCATION:
		return _("Visiting address");
	case CHANNEL_FORM:
		return _("Printable form");
	case CHANNEL_OTHER:
		break;
	}
	return _("Contact");
}

static void
add(char ***labels, char ***values, size_t *n, const char *label, char *value)
{
	*labels = xreallocarray(*labels, *n + 1, sizeof **labels);
	*values = xreallocarray(*values, *n + 1, sizeof **values);
	(*labels)[*n] = xstrdup(label);
	(*values)[*n] = value;
	(*n)++;
}

/* "in Finnish": one language's note. */
static const char *
in_language(enum lang l)
{
	switch (l) {
	case LANG_FI:
		/* TRANSLATORS: after a phone number or a web address that
		   serves another language than the screen's, in brackets:
		   "09 2525 0111 (in Finnish)".  fi: "suomeksi", sv: "på
		   finska". */
		return _("in Finnish");
	case LANG_SV:
		/* TRANSLATORS: as "in Finnish": "(in Swedish)" after a
		   phone number or web address.  fi: "ruotsiksi". */
		return _("in Swedish");
	case LANG_EN:
	case LANG_COUNT:
		break;
	}
	/* TRANSLATORS: as "in Finnish": "(in English)" after a phone
	   number or web address.  fi: "englanniksi". */
	return _("in English");
}

char *
present_in_languages(unsigned int mask)
{
	char *out = NULL;

	for (int l = 0; l < LANG_COUNT; l++) {
		if (!(mask & (1u << l)))
			continue;
		char *next = out == NULL ? xstrdup(in_language((enum lang)l)) :
		    /* TRANSLATORS: two languages a phone line serves, each
		       as "in Finnish", "in English": "in Finnish and in
		       English".  fi: "suomeksi ja englanniksi". */
		    xasprintf(_("%1$s and %2$s"), out, in_language((enum lang)l));
		free(out);
		out = next;
	}
	return out ? out : xstrdup("");
}

char *
present_phone(const struct channel *c, size_t k, enum lang l)
{
	if (c->langs == 0 || (c->langs & (1u << l)))
		return xstrdup(c->phones[k]);
	char *note = present_in_languages(c->langs);
	/* TRANSLATORS: a phone number or web address, then in brackets
	   the language it serves when that is not the screen's: "09 2525
	   0112 (in Swedish)". */
	char *out = xasprintf(_("%1$s (%2$s)"), c->phones[k], note);
	free(note);
	return out;
}

char *
present_web(const struct channel *c, size_t k, enum lang l)
{
	int wl = c->web_lang != NULL ? c->web_lang[k] : -1;
	if (wl < 0 || wl >= LANG_COUNT || wl == (int)l)
		return xstrdup(c->web[k]);
	return xasprintf(_("%1$s (%2$s)"), c->web[k], in_language((enum lang)wl));
}

void
present_channel(const struct channel *c, enum lang l, char ***labels, char ***values, size_t *n)
{
	for (size_t i = 0; i < c->nphones; i++)
		add(labels, values, n, _("Phone"), present_phone(c, i, l));
	for (size_t i = 0; i < c->nhours; i++)
		add(labels, values, n, _("Hours"), xstrdup(c->hours[i]));
	for (size_t i = 0; i < c->nweb; i++)
		add(labels, values, n, _("Web"), present_web(c, i, l));
	for (size_t i = 0; i < c->nemails; i++)
		add(labels, values, n, _("E-mail"), xstrdup(c->emails[i]));
	if (c->address != NULL)
		add(labels, values, n, _("Address"), xstrdup(c->address));
}

const char *
present_language(enum lang l)
{
	switch (l) {
	case LANG_FI:
		return _("Finnish");
	case LANG_SV:
		return _("Swedish");
	case LANG_EN:
	case LANG_COUNT:
		break;
	}
	return _("English");
}

char *
present_date(const char *iso)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	int y, m, d;
	char tail;

	if (iso == NULL)
		return xstrdup("?");
	int got = sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail);
	if (got < 2 || m < 1 || m > 12 || (got >= 3 && (d < 1 || d > 31)))
		return xstrdup(iso);
	/* Finnish and Swedish write 2.12.2026 (and 12/2026 for a month
	 * alone); English 2 December 2026. */
	if (i18n_current() == LANG_EN)
		return got >= 3 ? xasprintf("%d %s %d", d, months[m - 1], y) :
		    xasprintf("%s %d", months[m - 1], y);
	return got >= 3 ? xasprintf("%d.%d.%d", d, m, y) : xasprintf("%d/%d", m, y);
}

char *
present_source(const struct results *r)
{
	if (r->source == SOURCE_BACKEND)
		return xstrdup(_("Suggestions from the national service recommender."));
	char *date = present_date(r->catalogue_date);
	char *s = r->from_register ?
	    /* TRANSLATORS: %s is a date in the language's own form
	       (2.12.2026); the register is Suomi.fi's
	       palvelutietovaranto, servicedatalagret. */
	    xasprintf(_("Services from the national service register (Suomi.fi), updated %s."), date) :
	    /* TRANSLATORS: %s is a date in the language's own form (2.12.2026). */
	    xasprintf(_("Suggestions from this kiosk's own service catalogue, checked %s."), date);
	free(date);
	return s;
}

/* The answer to question qi in words. */
char *
present_answer(const struct session *s, size_t qi)
{
	const struct question *q = &s->assets->quest.q[qi];
	const struct answer *a = &s->flow.answers[qi];

	/* Skipped or never reached, the citizen gave no answer. */
	if (a->state != ANSWER_SET)
		return xstrdup(_("(not answered)"));
	switch (q->type) {
	case Q_SINGLE:
		return xstrdup(quest_label(&q->opts[a->value]));
	case Q_MULTI: {
		char *out = NULL;
		for (size_t i = 0; i < q->nopts; i++) {
			if (!(a->mask & (1UL << i)))
				continue;
			char *next = out ? xasprintf("%s, %s", out, quest_label(&q->opts[i])) :
			    xstrdup(quest_label(&q->opts[i]));
			free(out);
			out = next;
		}
		return out ? out : xstrdup(_("(not answered)"));
	}
	case Q_SCALE:
		/* TRANSLATORS: a rating on the review screen, e.g. "7 of 10". */
		return xasprintf(_("%d of 10"), a->value);
	case Q_NUMBER:
		/* The unit in brackets: "3 (months)" reads right for 1 too. */
		if (q->unit != NULL)
			return xasprintf("%d (%s)", a->value, _(q->unit));
		return xasprintf("%d", a->value);
	case Q_MUNICIPALITY:
		return xstrdup(muni_name(&s->assets->munis.v[a->value], s->lang));
	}
	return xstrdup("");
}
