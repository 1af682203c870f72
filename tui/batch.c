#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "batch.h"
#include "hours.h"
#include "i18n.h"
#include "present.h"
#include "profile.h"
#include "recommend.h"
#include "secmem.h"
#include "util.h"

static json_t *
strings(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

/* "fallback": {"address": {"language": "fi", "note": "(in Finnish)"}}:
 * the texts shown in another language than the results'. */
static void
fallback_add(json_t *fb, const char *key, text_lang in)
{
	char *note = present_fallback_mark(in);
	if (note == NULL)
		return;
	json_object_set_new(fb, key, json_pack("{s:s, s:s}",
	    "language", lang_code((enum lang)TEXT_LANG_OF(in)), "note", note));
	free(note);
}

static json_t *
clock_json(int minute)
{
	if (minute > 1440)
		minute -= 1440;
	return json_sprintf("%02d:%02d", minute / 60, minute % 60);
}

static json_t *
phones_json(const struct channel *c)
{
	static const char *const charges[] = {
		[PHONE_CHARGE_UNSTATED] = NULL, [PHONE_CHARGE_FREE] = "free",
		[PHONE_CHARGE_LOCAL] = "local", [PHONE_CHARGE_OTHER] = "other",
	};
	json_t *a = json_array();

	for (size_t k = 0; k < c->nphones; k++) {
		const struct phone_about *p = c->phone_about ? &c->phone_about[k] : NULL;
		json_t *o = json_object();
		json_object_set_new(o, "number", json_string(c->phones[k]));
		const char *charge = p ? charges[p->charge] : NULL;
		json_object_set_new(o, "charge", charge ? json_string(charge) : json_null());
		char *words = present_charge(c, k);
		json_object_set_new(o, "charge_text", words ? json_string(words) : json_null());
		free(words);
		json_object_set_new(o, "info", p && p->info ? json_string(p->info) : json_null());
		json_object_set_new(o, "language", p && p->lang >= 0 ?
		    json_string(lang_code((enum lang)p->lang)) : json_null());
		json_array_append_new(a, o);
	}
	return a;
}

/* Today's hours as of now, computed, and the week in words. */
static json_t *
hours_json(const struct channel *c, enum lang l, time_t now)
{
	static const char *const kinds[] = {
		[DAY_UNKNOWN] = "unknown", [DAY_CLOSED] = "closed",
		[DAY_ALWAYS] = "always_open", [DAY_TIMES] = "times",
	};
	struct hours_now n;

	if (c->opening.n == 0)
		return json_null();
	hours_at(&c->opening, now, &n);
	json_t *o = json_object(), *times = json_array();
	json_object_set_new(o, "today_kind", json_string(kinds[n.today.kind]));
	for (size_t i = 0; i < n.today.n; i++)
		json_array_append_new(times, json_pack("{s:o, s:o}",
		    "from", clock_json(n.today.span[i].from), "to", clock_json(n.today.span[i].to)));
	json_object_set_new(o, "today_times", times);
	json_object_set_new(o, "open_now", n.known ? json_boolean(n.open) : json_null());
	json_object_set_new(o, n.open ? "closes_at" : "opens_at",
	    n.change >= 0 ? clock_json(n.change) : json_null());
	char *today = present_today(&c->opening, now, l), *week = present_week(&c->opening, now, l);
	json_object_set_new(o, "today", today ? json_string(today) : json_null());
	json_object_set_new(o, "week", week ? json_string(week) : json_null());
	free(today);
	free(week);
	return o;
}

char *
batch_json(const struct results *r, const char *fallback_reason, const struct quest *quest)
{
	json_t *root = json_object(), *list = json_array();

	json_object_set_new(root, "source",
	    json_string(r->source == SOURCE_EMBEDDED ? "embedded" : "backend"));
	if (fallback_reason != NULL)
		json_object_set_new(root, "fallback_reason", json_string(fallback_reason));
	json_object_set_new(root, "language", json_string(lang_code(r->lang)));
	if (r->recommendation_id != NULL)
		json_object_set_new(root, "auroraai_recommendation_id",
		    json_string(r->recommendation_id));
	if (r->catalogue_date != NULL) {
		/* Which catalogue served: the register's cache, or the
		 * bundled one (assets_catalogue()). */
		json_object_set_new(root, "catalogue",
		    json_string(r->from_register ? "register" : "bundled"));
		json_object_set_new(root, "catalogue_date", json_string(r->catalogue_date));
	}
	time_t now = hours_now();
	for (size_t i = 0; i < r->n; i++) {
		const struct service *s = &r->v[i];
		json_t *o = json_object(), *chans = json_array(), *sfb = json_object();
		json_object_set_new(o, "service_id", json_string(s->id));
		json_object_set_new(o, "service_name", json_string(s->name));
		json_object_set_new(o, "service_description_summary", json_string(s->summary));
		json_object_set_new(o, "responsible_organization",
		    json_pack("{s:s}", "name", s->org));
		for (size_t j = 0; j < s->nch; j++) {
			const struct channel *c = &s->ch[j];
			json_t *co = json_object();
			json_object_set_new(co, "service_channel_id", json_string(c->id));
			json_object_set_new(co, "service_channel_type",
			    json_string(channel_type_name(c->type)));
			if (c->name != NULL)
				json_object_set_new(co, "service_channel_name", json_string(c->name));
			json_object_set_new(co, "phone_numbers", strings(c->phones, c->nphones));
			json_object_set_new(co, "web_pages", strings(c->web, c->nweb));
			json_object_set_new(co, "emails", strings(c->emails, c->nemails));
			json_object_set_new(co, "service_hours", strings(c->hours, c->nhours));
			json_object_set_new(co, "address", c->address ? json_string(c->address) : json_null());
			/* The register's facts, beside the AuroraAI shape. */
			json_object_set_new(co, "phones", phones_json(c));
			json_object_set_new(co, "opening_hours", hours_json(c, r->lang, now));
			json_object_set_new(co, "accessibility", strings(c->access, c->naccess));
			json_t *fb = json_object();
			fallback_add(fb, "service_channel_name", c->name_in);
			fallback_add(fb, "address", c->address_in);
			fallback_add(fb, "accessibility", c->access_in);
			json_object_set_new(co, "fallback", fb);
			json_array_append_new(chans, co);
		}
		json_object_set_new(o, "service_channels", chans);
		json_object_set_new(o, "rank", json_integer(s->rank));
		json_object_set_new(o, "similarity_score", json_real(s->score));
		/* Our own additions to the AuroraAI shape, in the language. */
		json_t *why = json_array();
		for (size_t k = 0; k < s->nreasons; k++) {
			char *text = present_reason(&s->reasons[k], quest);
			json_array_append_new(why, json_string(text));
			wipe_free_str(text);
		}
		json_object_set_new(o, "reasons", why);
		json_object_set_new(o, "first_step",
		    s->first_step ? json_string(s->first_step) : json_null());
		fallback_add(sfb, "service_name", s->name_in);
		fallback_add(sfb, "service_description_summary", s->summary_in);
		json_object_set_new(o, "fallback", sfb);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "recommended_services", list);
	char *text = secmem_json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	json_decref(root);
	char *out = xasprintf("%s\n", text);
	free(text);
	return out;
}

void
batch_text(FILE *f, const struct results *r, const struct quest *quest)
{
	time_t now = hours_now();
	char *src = present_source(r);
	fprintf(f, "%s\n\n", src);
	free(src);
	if (r->n == 0)
		fprintf(f, "%s\n", _("No services matched these answers."));
	for (size_t i = 0; i < r->n; i++) {
		const struct service *s = &r->v[i];
		char *why = present_reasons(r, i, quest);
		char *first = present_first_step(s);
		char *name = present_fallback(s->name, s->name_in);
		char *summary = present_fallback(s->summary, s->summary_in);
		fprintf(f, "%d. %s\n", s->rank, name);
		if (first != NULL)
			fprintf(f, "   %s\n", first);
		fprintf(f, "   %s\n   %s\n   %s\n", s->org, summary, why);
		free(name);
		free(summary);
		free(first);
		free(why);
		for (size_t j = 0; j < s->nch; j++) {
			const struct channel *c = &s->ch[j];
			char **labels = NULL, **values = NULL;
			size_t n = 0;
			present_channel_at(c, r->lang, now, &labels, &values, &n);
			for (size_t k = 0; k < n; k++)
				fprintf(f, "   %s: %s\n", labels[k], values[k]);
			strv_free(labels, n);
			strv_free(values, n);
			if (c->naccess > 0) {
				char *mark = present_fallback_mark(c->access_in);
				fprintf(f, "   %s%s%s:\n", _("Accessibility"), mark ? " " : "", mark ? mark : "");
				free(mark);
				for (size_t k = 0; k < c->naccess; k++)
					fprintf(f, "     – %s\n", c->access[k]);
			}
		}
		fputc('\n', f);
	}
}

struct batch_wait {
	struct results *out;
	enum backend_error error;
};

static void
on_results(void *arg, struct results *res, enum backend_error e)
{
	struct batch_wait *w = arg;
	w->error = e;
	if (e == BACKEND_OK)
		*w->out = *res;
}

int
batch_run(const struct assets *a, struct backend *backend, const char *path,
    enum batch_format format, int lang_override, FILE *out, char **cause)
{
	struct profile p;
	struct results r;
	const char *fallback = NULL;

	if (profile_parse(&p, path, a, cause) < 0)
		return 2;
	/* As in the kiosk (session.c): the register's cache for the
	 * municipalities it covers, the bundled catalogue for the rest. */
	const struct catalogue *cat = assets_catalogue(a, p.municipality);
	if (lang_override >= 0)
		p.lang = lang_override;
	i18n_set(p.lang);
	memset(&r, 0, sizeof r);
	if (backend != NULL) {
		struct batch_wait w = { .out = &r, .error = BACKEND_FAILED };
		char id[33];
		const struct tag *ev = p.events.n > 0 ? &p.events.v[0] : NULL;
		long e = ev ? quest_event_for(&a->quest, ev->code) : -1;
		random_id(id);
		if (p.search[0] != '\0')
			backend_search(backend, p.search, &p, on_results, &w);
		else
			backend_recommend(backend, &p, id,
			    e >= 0 ? _(a->quest.events[e].title) : "", on_results, &w);
		backend_finish(backend);
		if (w.error != BACKEND_OK)
			fallback = backend_error_message(w.error);
		else {
			recommend_filter(&r, cat, &p);
			recommend_explain(&r, &p);
		}
	}
	if ((backend == NULL || fallback != NULL) && p.search[0] != '\0')
		recommend_search(cat, p.search, &p, RECOMMEND_DEFAULT_LIMIT, &r);
	else if (backend == NULL || fallback != NULL)
		recommend(cat, &p, RECOMMEND_DEFAULT_LIMIT, &r);
	if (format == BATCH_JSON) {
		char *text = batch_json(&r, fallback, &a->quest);
		fputs(text, out);
		free(text);
	} else {
		if (fallback != NULL)
			/* TRANSLATORS: %s says why the national recommender
			   could not be used, a whole sentence such as "The
			   national service recommender did not answer in time." */
			fprintf(out, _("Suggestions from this kiosk: %s"), fallback);
		if (fallback != NULL)
			fputs("\n", out);
		batch_text(out, &r, &a->quest);
	}
	results_free(&r);
	profile_wipe(&p);
	return 0;
}
