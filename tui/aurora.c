#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aurora.h"
#include "text.h"
#include "secmem.h"
#include "util.h"

static json_t *
filters(const struct profile *p, const struct codes *classes)
{
	json_t *f = json_object();

	json_object_set_new(f, "include_national_services", json_true());
	if (p->municipality[0] != '\0')
		json_object_set_new(f, "municipality_codes",
		    json_pack("[s]", p->municipality));
	if (p->classes.n > 0) {
		json_t *uris = json_array();
		for (size_t i = 0; i < p->classes.n; i++) {
			const char *uri = codes_uri(classes, p->classes.v[i].code);
			if (uri != NULL && *uri != '\0')
				json_array_append_new(uris, json_string(uri));
		}
		if (json_array_size(uris) > 0)
			json_object_set_new(f, "service_classes", uris);
		else
			json_decref(uris);
	}
	if (p->groups.n > 0) {
		json_t *groups = json_array();
		for (size_t i = 0; i < p->groups.n; i++)
			json_array_append_new(groups, json_string(p->groups.v[i].code));
		json_object_set_new(f, "target_groups", groups);
	}
	return f;
}

static char *
dump(json_t *root)
{
	char *s = secmem_json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	return s;
}

static size_t
clamp_limit(size_t limit)
{
	if (limit < 1)
		return 1;
	return limit > AURORA_MAX_SERVICES ? AURORA_MAX_SERVICES : limit;
}

char *
aurora_recommend_body(const struct profile *p, const struct codes *classes,
    size_t limit, const char *session_id)
{
	json_t *meters = json_object();

	for (int d = 0; d < DIM_COUNT; d++) {
		if (p->nmeter[d] == 0)
			continue;
		json_t *values = json_array();
		for (size_t i = 0; i < p->nmeter[d]; i++)
			json_array_append_new(values, json_integer(p->meter[d][i]));
		json_object_set_new(meters, dim_key(d), values);
	}
	if (json_object_size(meters) == 0) {
		json_decref(meters);
		return NULL;
	}
	json_t *root = json_object();
	json_object_set_new(root, "life_situation_meters", meters);
	json_object_set_new(root, "service_filters", filters(p, classes));
	json_object_set_new(root, "limit", json_integer((json_int_t)clamp_limit(limit)));
	json_object_set_new(root, "session_id", json_string(session_id));
	return dump(root);
}

char *
aurora_search_body(const char *text, const struct profile *p,
    const struct codes *classes, size_t limit)
{
	json_t *root = json_object();

	json_object_set_new(root, "search_text", json_string(text));
	json_object_set_new(root, "service_filters", filters(p, classes));
	json_object_set_new(root, "limit", json_integer((json_int_t)clamp_limit(limit)));
	json_object_set_new(root, "language", json_string(lang_code(p->lang)));
	return dump(root);
}

char *
aurora_feedback_body(long long recommendation_id, const char *service_id, int score)
{
	score = score > 0 ? 1 : -1;
	return dump(json_pack("{s:I, s:[{s:s, s:i}]}",
	    "auroraai_recommendation_id", (json_int_t)recommendation_id,
	    "service_feedbacks", "service_id", service_id, "feedback_score", score));
}

/* A string field, sanitised; NULL when absent, empty or not a string. */
static char *
clean_string(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_string(v))
		return NULL;
	char *s = text_sanitize(json_string_value(v), false);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* A list of strings, or one string, into v; others are ignored. */
static void
clean_strings(json_t *obj, const char *key, char ***v, size_t *n)
{
	json_t *val = json_object_get(obj, key), *item;
	size_t i;

	if (json_is_string(val)) {
		char *s = text_sanitize(json_string_value(val), false);
		if (*s != '\0')
			strv_push(v, n, s);
		else
			free(s);
		return;
	}
	if (!json_is_array(val))
		return;
	json_array_foreach(val, i, item) {
		if (*n >= AURORA_MAX_CHANNELS)
			break;
		if (!json_is_string(item))
			continue;
		char *s = text_sanitize(json_string_value(item), false);
		if (*s != '\0')
			strv_push(v, n, s);
		else
			free(s);
	}
}

static bool
parse_channel(json_t *o, struct channel *c)
{
	memset(c, 0, sizeof *c);
	if (!json_is_object(o))
		return false;
	c->id = clean_string(o, "service_channel_id");
	if (c->id == NULL)
		return false;
	c->name = clean_string(o, "service_channel_name");
	if (c->name == NULL)
		c->name = clean_string(o, "service_name");
	char *type = clean_string(o, "service_channel_type");
	int t = type ? channel_type_parse(type) : -1;
	c->type = t >= 0 ? (enum channel_type)t : CHANNEL_OTHER;
	free(type);
	clean_strings(o, "phone_numbers", &c->phones, &c->nphones);
	clean_strings(o, "service_hours", &c->hours, &c->nhours);
	clean_strings(o, "emails", &c->emails, &c->nemails);
	clean_strings(o, "web_pages", &c->web, &c->nweb);
	c->address = clean_string(o, "address");
	return true;
}

static bool
parse_service(json_t *o, struct service *s)
{
	json_t *chans, *item;
	size_t i;

	memset(s, 0, sizeof *s);
	if (!json_is_object(o) || !json_is_string(json_object_get(o, "service_id")) ||
	    !json_is_string(json_object_get(o, "service_name")))
		return false;
	json_t *score = json_object_get(o, "similarity_score");
	json_t *chs = json_object_get(o, "service_channels");
	json_t *org = json_object_get(o, "responsible_organization");
	if ((score != NULL && !json_is_number(score) && !json_is_null(score)) ||
	    (chs != NULL && !json_is_array(chs) && !json_is_null(chs)) ||
	    (org != NULL && !json_is_object(org) && !json_is_null(org)))
		return false;

	s->id = clean_string(o, "service_id");
	s->name = clean_string(o, "service_name");
	/* Empty once cleaned, or nothing but control characters: skip it. */
	if (s->id == NULL || s->name == NULL)
		return false;
	s->summary = clean_string(o, "service_description_summary");
	if (s->summary == NULL)
		s->summary = xstrdup("");
	s->org = json_is_object(org) ? clean_string(org, "name") : NULL;
	if (s->org == NULL)
		s->org = xstrdup("");
	s->score = json_is_number(score) ? json_number_value(score) : 0;

	/* The classes, as codes: ".../ptvserclass2/code/P1.4" is "P1.4". */
	char **uris = NULL;
	size_t nuris = 0;
	clean_strings(o, "service_class_uris", &uris, &nuris);
	for (size_t k = 0; k < nuris; k++) {
		const char *slash = strrchr(uris[k], '/');
		const char *code = slash ? slash + 1 : uris[k];
		if (*code != '\0' && strlen(code) < 24)
			strv_push(&s->classes, &s->nclasses, xstrdup(code));
	}
	strv_free(uris, nuris);

	chans = json_is_array(chs) ? chs : NULL;
	size_t cap = chans ? json_array_size(chans) : 0;
	if (cap > AURORA_MAX_CHANNELS)
		cap = AURORA_MAX_CHANNELS;
	s->ch = xcalloc(cap ? cap : 1, sizeof *s->ch);
	if (chans != NULL) {
		json_array_foreach(chans, i, item) {
			if (s->nch == cap)
				break;
			if (parse_channel(item, &s->ch[s->nch]))
				s->nch++;
			else
				channel_free(&s->ch[s->nch]);
		}
	}
	return true;
}

int
aurora_parse(const char *body, size_t len, enum lang lang, struct results *out, char **cause)
{
	json_error_t e;
	json_t *root, *list, *item;
	size_t i;

	memset(out, 0, sizeof *out);
	out->source = SOURCE_BACKEND;
	out->lang = lang;
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL) {
		/* jansson's text quotes the bad token: the server's bytes. */
		char *why = text_echo(e.text);
		*cause = xasprintf("the answer is not JSON: line %d column %d: %s",
		    e.line, e.column, why);
		free(why);
		return -1;
	}
	list = json_object_get(root, "recommended_services");
	if (!json_is_object(root) || !json_is_array(list)) {
		*cause = xstrdup("the answer has no \"recommended_services\" list");
		json_decref(root);
		return -1;
	}
	json_t *id = json_object_get(root, "auroraai_recommendation_id");
	if (json_is_integer(id))
		out->recommendation_id = xasprintf("%lld", (long long)json_integer_value(id));
	else if (json_is_string(id))
		out->recommendation_id = text_sanitize(json_string_value(id), false);

	size_t cap = json_array_size(list);
	if (cap > AURORA_MAX_SERVICES)
		cap = AURORA_MAX_SERVICES;
	out->v = xcalloc(cap ? cap : 1, sizeof *out->v);
	json_array_foreach(list, i, item) {
		if (out->n == cap)
			break;
		struct service *s = &out->v[out->n];
		if (parse_service(item, s)) {
			out->n++;
			s->rank = (int)out->n;
		} else
			service_free(s);	/* skip it, keep the rest */
	}
	json_decref(root);
	return 0;
}

int
aurora_content_language(const char *header)
{
	if (header == NULL)
		return -1;
	const char *p = header;
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		char code[3] = { 0 };
		if (isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1])) {
			code[0] = (char)tolower((unsigned char)p[0]);
			code[1] = (char)tolower((unsigned char)p[1]);
			if (!isalpha((unsigned char)p[2])) {
				int l = lang_parse(code);
				if (l >= 0)
					return l;
			}
		}
		while (*p != '\0' && *p != ',')
			p++;
	}
	return -1;
}
