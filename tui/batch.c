#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "batch.h"
#include "i18n.h"
#include "present.h"
#include "profile.h"
#include "recommend.h"
#include "util.h"

static json_t *
strings(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
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
	if (r->catalogue_date != NULL)
		json_object_set_new(root, "catalogue_date", json_string(r->catalogue_date));
	for (size_t i = 0; i < r->n; i++) {
		const struct service *s = &r->v[i];
		json_t *o = json_object(), *chans = json_array();
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
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "recommended_services", list);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	json_decref(root);
	char *out = xasprintf("%s\n", text);
	free(text);
	return out;
}

void
batch_text(FILE *f, const struct results *r, const struct quest *quest)
{
	char *src = present_source(r);
	fprintf(f, "%s\n\n", src);
	free(src);
	if (r->n == 0)
		fprintf(f, "%s\n", _("No services matched these answers."));
	for (size_t i = 0; i < r->n; i++) {
		const struct service *s = &r->v[i];
		char *why = present_reasons(r, i, quest);
		char *first = present_first_step(s);
		fprintf(f, "%d. %s\n", s->rank, s->name);
		if (first != NULL)
			fprintf(f, "   %s\n", first);
		fprintf(f, "   %s\n   %s\n   %s\n", s->org, s->summary, why);
		free(first);
		free(why);
		for (size_t j = 0; j < s->nch; j++) {
			char **labels = NULL, **values = NULL;
			size_t n = 0;
			present_channel(&s->ch[j], r->lang, &labels, &values, &n);
			for (size_t k = 0; k < n; k++)
				fprintf(f, "   %s: %s\n", labels[k], values[k]);
			strv_free(labels, n);
			strv_free(values, n);
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
			recommend_filter(&r, &a->cat, &p);
			recommend_explain(&r, &p);
		}
	}
	if ((backend == NULL || fallback != NULL) && p.search[0] != '\0')
		recommend_search(&a->cat, p.search, &p, RECOMMEND_DEFAULT_LIMIT, &r);
	else if (backend == NULL || fallback != NULL)
		recommend(&a->cat, &p, RECOMMEND_DEFAULT_LIMIT, &r);
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
