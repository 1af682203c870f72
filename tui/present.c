#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "i18n.h"
#include "muni.h"
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
			if (q->type == Q_NUMBER) {
				char *n = present_number(q, r->value);
				/* The same as "%1$s: %2$s" above, the answer
				   being a number with its unit: "Children
				   together: 2 children". */
				char *out = xasprintf(_("%1$s: %2$s"), label, n);
				free(n);
				return out;
			}
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

char *
present_no_contacts(const struct service *s)
{
	if (s->contacts_local)
		return xstrdup(_("This service is provided locally, so contact details vary by area. Ask the staff here, or search for the service on suomi.fi."));
	/* Never "provided locally" where nobody knows it is: Kela's student
	 * financial aid has no channel in the catalogue, yet one Kela serves
	 * the whole country. */
	if (s->org == NULL || s->org[0] == '\0')
		return xstrdup(_("This kiosk has no contact details for this service. Ask the staff here, or look for the service on Suomi.fi."));
	/* TRANSLATORS: %s is the name of the organisation that provides
	   the service, as the catalogue writes it: "Kela (Social Insurance
	   Institution of Finland)", "Earnings-related pension companies"
	   (a plural), "District court".  It cannot be inflected: put it
	   where its plain form reads well, after a colon if need be (fi
	   "... Palvelun järjestäjä: %s."). */
	return xasprintf(_("This kiosk has no contact details for this service. Ask the staff here, or look for the service on Suomi.fi: it is provided by %s."), s->org);
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

/* The language note of phone number k for a reader of l, or NULL: the
 * number's own language where the register gives one, else the
 * channel's. */
char *
present_phone_language(const struct channel *c, size_t k, enum lang l)
{
	int own = c->phone_about != NULL ? c->phone_about[k].lang : -1;

	if (own >= 0 && own < LANG_COUNT)
		return own == (int)l ? NULL : xstrdup(in_language((enum lang)own));
	if (c->langs == 0 || (c->langs & (1u << l)))
		return NULL;
	return present_in_languages(c->langs);
}

char *
present_phone(const struct channel *c, size_t k, enum lang l)
{
	char *note = present_phone_language(c, k, l);
	if (note == NULL)
		return xstrdup(c->phones[k]);
	/* TRANSLATORS: a phone number or web address, then in brackets
	   the language it serves when that is not the screen's: "09 2525
	   0112 (in Swedish)". */
	char *out = xasprintf(_("%1$s (%2$s)"), c->phones[k], note);
	free(note);
	return out;
}

char *
present_fallback_mark(text_lang in)
{
	int l = TEXT_LANG_OF(in);
	if (l < 0 || l >= LANG_COUNT)
		return NULL;
	/* The same words as after a web page in another language. */
	return xasprintf("(%s)", in_language((enum lang)l));
}

char *
present_fallback(const char *text, text_lang in)
{
	int l = TEXT_LANG_OF(in);
	if (text == NULL)
		return NULL;
	if (l < 0 || l >= LANG_COUNT)
		return xstrdup(text);
	return xasprintf(_("%1$s (%2$s)"), text, in_language((enum lang)l));
}

char *
present_charge(const struct channel *c, size_t k)
{
	if (c->phone_about == NULL)
		return NULL;
	const struct phone_about *a = &c->phone_about[k];
	switch (a->charge) {
	case PHONE_CHARGE_FREE:
		/* TRANSLATORS: what a call to a phone number costs, after
		   the number: fi "maksuton", sv "avgiftsfritt". */
		return xstrdup(_("free of charge"));
	case PHONE_CHARGE_LOCAL:
		/* TRANSLATORS: what a call costs, after the number: the
		   caller pays the normal price of a call (the register's
		   "Chargeable"): fi "paikallisverkkomaksu tai
		   matkapuhelinmaksu", sv "lokalnätsavgift eller
		   mobilsamtalsavgift". */
		return xstrdup(_("local network or mobile charge"));
	case PHONE_CHARGE_OTHER:
		if (a->charge_info != NULL)
			return present_fallback(a->charge_info, a->charge_info_in);
		/* TRANSLATORS: what a call costs, when the register says
		   only that it costs something else than a normal call. */
		return xstrdup(_("a special charge applies"));
	case PHONE_CHARGE_UNSTATED:
		break;
	}
	return a->charge_info ? present_fallback(a->charge_info, a->charge_info_in) : NULL;
}

char *
present_phone_notes(const struct channel *c, size_t k)
{
	if (c->phone_about == NULL)
		return NULL;
	const struct phone_about *a = &c->phone_about[k];
	char *info = a->info ? present_fallback(a->info, a->info_in) : NULL;
	char *charge = present_charge(c, k);
	char *out = info && charge ? xasprintf("%s · %s", info, charge) :
	    info ? xstrdup(info) : charge ? xstrdup(charge) : NULL;
	free(info);
	free(charge);
	return out;
}

/* Times are written by each language's own rule, not translated: a
 * Finn reads "8.00–16.00", a Swede "kl. 8–16", an English reader
 * "8 am – 4 pm". */
char *
present_clock(int minute, enum lang l)
{
	int h = minute / 60, m = minute % 60;

	switch (l) {
	case LANG_FI:
		return xasprintf("%d.%02d", h, m);
	case LANG_SV:
		return m == 0 ? xasprintf("%d", h) : xasprintf("%d.%02d", h, m);
	case LANG_EN:
	case LANG_COUNT:
		break;
	}
	if (minute == 0 || minute == 1440)
		return xstrdup("midnight");
	if (minute == 720)
		return xstrdup("noon");
	int h12 = h % 12 == 0 ? 12 : h % 12;
	const char *ampm = h < 12 ? "am" : "pm";
	return m == 0 ? xasprintf("%d %s", h12, ampm) : xasprintf("%d:%02d %s", h12, m, ampm);
}

char *
present_spans(const struct hours_span *v, size_t n, enum lang l)
{
	char *out = xstrdup(l == LANG_SV ? "kl. " : "");

	for (size_t i = 0; i < n; i++) {
		int to = v[i].to > 1440 ? v[i].to - 1440 : v[i].to;
		char *a = present_clock(v[i].from, l), *b = present_clock(to, l);
		char *next = xasprintf("%s%s%s%s%s", out, i > 0 ? ", " : "", a,
		    l == LANG_EN ? " – " : "–", b);
		free(a);
		free(b);
		free(out);
		out = next;
	}
	return out;
}

static char *
day_hours(const struct hours_day *d, enum lang l)
{
	switch (d->kind) {
	case DAY_TIMES:
		return present_spans(d->span, d->n, l);
	case DAY_CLOSED:
		/* TRANSLATORS: a day of the week's opening hours:
		   "Sat–Sun closed"; fi "suljettu", sv "stängt". */
		return xstrdup(_("closed"));
	case DAY_ALWAYS:
		/* TRANSLATORS: a day of the week's opening hours: "Sat–Sun
		   open 24 hours"; fi "auki ympäri vuorokauden", sv "öppet
		   dygnet runt". */
		return xstrdup(_("open 24 hours"));
	case DAY_UNKNOWN:
		break;
	}
	return NULL;
}

char *
present_today(const struct opening_hours *h, time_t now, enum lang l)
{
	struct hours_now n;
	char *today = NULL, *status, *at = NULL;

	if (h == NULL || h->n == 0)
		return NULL;
	hours_at(h, now, &n);
	if (!n.known)
		return NULL;
	if (n.today.kind == DAY_TIMES) {
		char *spans = present_spans(n.today.span, n.today.n, l);
		/* TRANSLATORS: %s is today's opening times as your language
		   writes them ("8.00–16.00"; sv "kl. 8–16"): fi "Avoinna
		   tänään %s", sv "Öppet i dag %s". */
		today = xasprintf(_("Open today %s"), spans);
		free(spans);
	} else if (n.today.kind == DAY_ALWAYS)
		/* TRANSLATORS: fi "Avoinna tänään ympäri vuorokauden". */
		today = xstrdup(_("Open 24 hours today"));
	else if (n.today.kind == DAY_CLOSED && !n.open)
		/* TRANSLATORS: fi "Suljettu tänään", sv "Stängt i dag". */
		today = xstrdup(_("Closed today"));
	if (n.change >= 0)
		at = present_clock(n.change, l);
	if (n.open && at != NULL)
		/* TRANSLATORS: after "Open today 8.00–16.00 · ": %s is a time
		   of day as your language writes it ("16.00"): fi "avoinna
		   nyt, sulkeutuu klo %s", sv "öppet nu, stänger kl. %s". */
		status = xasprintf(_("open now, closes at %s"), at);
	else if (n.open)
		/* TRANSLATORS: after "Open today ... · ": fi "avoinna nyt". */
		status = xstrdup(_("open now"));
	else if (at != NULL)
		/* TRANSLATORS: after "Open today 8.00–16.00 · ": %s is a time
		   of day ("8.00"): fi "suljettu nyt, avautuu klo %s", sv
		   "stängt nu, öppnar kl. %s". */
		status = xasprintf(_("closed now, opens at %s"), at);
	else
		/* TRANSLATORS: after "Open today ... · ": fi "suljettu nyt". */
		status = xstrdup(_("closed now"));
	free(at);
	char *out = today ? xasprintf("%s · %s", today, status) : xstrdup(status);
	free(today);
	free(status);
	/* An exceptional day says why: "Christmas Eve". */
	const struct hours_entry *e = n.today.entry;
	if (e != NULL && e->kind == HOURS_EXCEPTIONAL) {
		const char *note = e->info[l];
		for (int k = 0; note == NULL && k < LANG_COUNT; k++)
			note = e->info[k];
		if (note != NULL) {
			char *with = xasprintf("%s · %s", out, note);
			free(out);
			out = with;
		}
	}
	return out;
}

static const char *
weekday_short(int wd)
{
	switch (wd) {
	/* TRANSLATORS: short weekday names in a week's opening hours,
	   "Mon–Fri 8 am – 4 pm": fi "ma", sv "mån". */
	case 1: return C_("weekday", "Mon");
	/* TRANSLATORS: fi "ti", sv "tis". */
	case 2: return C_("weekday", "Tue");
	/* TRANSLATORS: fi "ke", sv "ons". */
	case 3: return C_("weekday", "Wed");
	/* TRANSLATORS: fi "to", sv "tors". */
	case 4: return C_("weekday", "Thu");
	/* TRANSLATORS: fi "pe", sv "fre". */
	case 5: return C_("weekday", "Fri");
	/* TRANSLATORS: fi "la", sv "lör". */
	case 6: return C_("weekday", "Sat");
	default: break;
	}
	/* TRANSLATORS: fi "su", sv "sön". */
	return C_("weekday", "Sun");
}

char *
present_week(const struct opening_hours *h, time_t now, enum lang l)
{
	char *days[7];
	char *out = NULL;
	long today;
	int min;
	bool any = false;

	if (h == NULL || h->n == 0)
		return NULL;
	hours_helsinki(now, &today, &min);
	long monday = today - (hours_weekday(today) - 1);
	for (int i = 0; i < 7; i++) {
		struct hours_day d;
		hours_day(h, monday + i, &d);
		days[i] = day_hours(&d, l);
		any = any || days[i] != NULL;
	}
	for (int i = 0; any && i < 7;) {
		int j = i;
		while (j + 1 < 7 && days[i] != NULL && days[j + 1] != NULL &&
		    strcmp(days[i], days[j + 1]) == 0)
			j++;
		if (days[i] != NULL) {
			char *range = j > i ? xasprintf("%s–%s", weekday_short(i + 1),
			    weekday_short(j + 1)) : xstrdup(weekday_short(i + 1));
			char *next = out ? xasprintf("%s, %s %s", out, range, days[i]) :
			    xasprintf("%s %s", range, days[i]);
			free(range);
			free(out);
			out = next;
		}
		i = j + 1;
	}
	for (int i = 0; i < 7; i++)
		free(days[i]);
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
present_channel_at(const struct channel *c, enum lang l, time_t now,
    char ***labels, char ***values, size_t *n)
{
	for (size_t i = 0; i < c->nphones; i++) {
		char *num = present_phone(c, i, l), *notes = present_phone_notes(c, i);
		if (notes != NULL) {
			char *both = xasprintf("%s · %s", num, notes);
			free(num);
			num = both;
		}
		free(notes);
		add(labels, values, n, _("Phone"), num);
	}
	for (size_t i = 0; i < c->nhours; i++)
		add(labels, values, n, _("Hours"), xstrdup(c->hours[i]));
	char *today = present_today(&c->opening, now, l);
	if (today != NULL)
		/* TRANSLATORS: a label before "Open today 8.00–16.00 · open
		   now": fi "Aukioloajat", sv "Öppettider". */
		add(labels, values, n, _("Opening hours"), today);
	char *week = present_week(&c->opening, now, l);
	if (week != NULL)
		/* TRANSLATORS: a label before the week's opening hours,
		   "Mon–Fri 8 am – 4 pm, Sat–Sun closed": fi "Tällä
		   viikolla", sv "Den här veckan". */
		add(labels, values, n, _("This week"), week);
	for (size_t i = 0; i < c->nweb; i++)
		add(labels, values, n, _("Web"), present_web(c, i, l));
	for (size_t i = 0; i < c->nemails; i++)
		add(labels, values, n, _("E-mail"), xstrdup(c->emails[i]));
	if (c->address != NULL)
		add(labels, values, n, _("Address"), present_fallback(c->address, c->address_in));
}

void
present_channel(const struct channel *c, enum lang l, char ***labels, char ***values, size_t *n)
{
	present_channel_at(c, l, hours_now(), labels, values, n);
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

char *
present_coverage(const struct catalogue *cat, const struct munis *m, enum lang l)
{
	const char *p = cat->covers != NULL ? cat->covers : "";
	char *list = xstrdup("");

	while (*p != '\0') {
		size_t k = strcspn(p, ",");
		char code[8];
		snprintf(code, sizeof code, "%.*s", (int)(k < 7 ? k : 7), p);
		long i = munis_find(m, code);
		char *next = xasprintf("%s%s%s (%s)", list, list[0] ? ", " : "",
		    i >= 0 ? muni_name(&m->v[i], l) : "?", code);
		free(list);
		list = next;
		p += k;
		if (*p == ',')
			p++;
	}
	char *s = list[0] == '\0' ?
	    xstrdup(_("The cache has only nationwide services: citizens who name a municipality are served from the bundled catalogue.")) :
	    /* TRANSLATORS: %s lists municipalities with their codes,
	       "Jyväskylä (179), Turku (853)". */
	    xasprintf(_("Citizens of %s are served from the cache; those of other municipalities, from the bundled catalogue."), list);
	free(list);
	return s;
}

char *
present_number(const struct question *q, long n)
{
	const char *unit = quest_unit(q, n);
	if (unit == NULL)
		return xasprintf("%ld", n);
	/* TRANSLATORS: a number the citizen typed and its unit, in the
	   plural form for the number: "1 child", "3 months". */
	return xasprintf(_("%1$ld %2$s"), n, unit);
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
		return present_number(q, a->value);
	case Q_MUNICIPALITY:
		return xstrdup(muni_name(&s->assets->munis.v[a->value], s->lang));
	}
	return xstrdup("");
}
