#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "jread.h"
#include "muni.h"
#include "text.h"
#include "util.h"

#define SUMMARY_MAX 160

const char *
ltext_get(const struct ltext *t, enum lang l)
{
	static const enum lang order[] = { LANG_EN, LANG_FI, LANG_SV };

	if (t->v[l] != NULL)
		return t->v[l];
	for (size_t i = 0; i < nitems(order); i++)
		if (t->v[order[i]] != NULL)
			return t->v[order[i]];
	return NULL;
}

int
ltext_lang(const struct ltext *t, enum lang l)
{
	const char *s = ltext_get(t, l);

	for (int k = 0; k < LANG_COUNT; k++)
		if (s != NULL && t->v[k] == s)
			return k;
	return -1;
}

static void
ltext_free(struct ltext *t)
{
	for (int i = 0; i < LANG_COUNT; i++)
		free(t->v[i]);
}

struct loader {
	struct jr jr;
	const struct catalogue_codes *codes;
	const char *display;	/* catalogue_parse_service()'s file */
	bool ptv;		/* the service being read is from the register */
};

/* A trilingual object; with all, each of fi, sv and en is required. */
static int
load_ltext(struct loader *ld, json_t *obj, const char *key, bool required,
    bool all, size_t max, struct ltext *out)
{
	static const char *const keys[] = { "fi", "sv", "en", NULL };
	json_t *o;
	int found = 0;

	if (jr_object(&ld->jr, obj, key, required, &o) < 0)
		return -1;
	if (o == NULL)
		return 0;
	jr_key(&ld->jr, key);
	if (jr_known_keys(&ld->jr, o, keys) < 0)
		return -1;
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *s = NULL;
		if (jr_string(&ld->jr, o, lang_code(l), all, &s) < 0)
			return -1;
		if (s == NULL)
			continue;
		jr_key(&ld->jr, lang_code(l));
		if (max > 0 && strlen(s) > max)
			return jr_fail(&ld->jr, "longer than %zu bytes", max);
		jr_pop(&ld->jr);
		out->v[l] = xstrdup(s);
		found++;
	}
	if (found == 0)
		return jr_fail(&ld->jr, "needs at least one of \"fi\", \"sv\" and \"en\"");
	jr_pop(&ld->jr);
	return 0;
}

/* A list of strings; with known, each must be in that code list. */
static int
load_strings(struct loader *ld, json_t *obj, const char *key, bool required,
    const struct codes *known, char ***v, size_t *n)
{
	json_t *arr, *item;
	size_t i;

	if (jr_array(&ld->jr, obj, key, required, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, key);
	if (required && json_array_size(arr) == 0)
		return jr_fail(&ld->jr, "\"%s\" must not be empty", key);
	json_array_foreach(arr, i, item) {
		jr_index(&ld->jr, i);
		if (!json_is_string(item) || json_string_length(item) == 0)
			return jr_fail(&ld->jr, "must be a non-empty string");
		const char *s = json_string_value(item);
		if (jr_clean_item(&ld->jr, item) < 0)
			return -1;
		const char *shared = known != NULL ? codes_intern(known, s) : NULL;
		if (known != NULL && shared == NULL)
			return jr_fail(&ld->jr, "unknown code \"%s\"", s);
		/* A code of a table is the table's string (codes_shared). */
		strv_push(v, n, shared != NULL ? (char *)shared : xstrdup(s));
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

#define PHONE_TEXT_MAX 200
#define ACCESS_MAX 16
#define ACCESS_TEXT_MAX 400

static int
check_number(struct loader *ld, const char *s)
{
	if (*s == '\0')
		return jr_fail(&ld->jr, "a phone number must not be empty");
	for (const char *p = s; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p) && *p != ' ' && *p != '+' && *p != '-')
			return jr_fail(&ld->jr, "a phone number holds only digits, spaces, '+' and '-'");
	return 0;
}

/* One "phone_numbers" item: "020 634 0200", or an object with the
 * number's charge, what the line is for and the language it serves. */
static int
load_phone(struct loader *ld, json_t *item, char **number, struct cat_phone *ph)
{
	static const char *const keys[] = {
		"number", "charge", "charge_info", "info", "language", NULL
	};
	static const char *const charges[] = { "free", "local", "other", NULL };
	const char *num, *charge = NULL, *lang = NULL;

	ph->lang = -1;
	if (json_is_string(item)) {
		if (check_number(ld, json_string_value(item)) < 0)
			return -1;
		*number = xstrdup(json_string_value(item));
		return 0;
	}
	if (!json_is_object(item))
		return jr_fail(&ld->jr, "a phone number is a string or an object with \"number\"");
	if (jr_known_keys(&ld->jr, item, keys) < 0 ||
	    jr_string(&ld->jr, item, "number", true, &num) < 0)
		return -1;
	jr_key(&ld->jr, "number");
	if (check_number(ld, num) < 0)
		return -1;
	jr_pop(&ld->jr);
	*number = xstrdup(num);
	if (jr_string(&ld->jr, item, "charge", false, &charge) < 0 ||
	    jr_string(&ld->jr, item, "language", false, &lang) < 0)
		return -1;
	if (charge != NULL) {
		int k = 0;
		while (charges[k] != NULL && strcmp(charges[k], charge) != 0)
			k++;
		if (charges[k] == NULL) {
			jr_key(&ld->jr, "charge");
			return jr_fail(&ld->jr, "\"charge\" is \"free\", \"local\" or \"other\"");
		}
		ph->charge = (enum phone_charge)(PHONE_CHARGE_FREE + k);
	}
	if (lang != NULL && (ph->lang = lang_parse(lang)) < 0) {
		jr_key(&ld->jr, "language");
		return jr_fail(&ld->jr, "a language is \"fi\", \"sv\" or \"en\"");
	}
	return load_ltext(ld, item, "charge_info", false, false, PHONE_TEXT_MAX, &ph->charge_info) < 0 ||
	    load_ltext(ld, item, "info", false, false, PHONE_TEXT_MAX, &ph->info) < 0 ? -1 : 0;
}

static int
load_phones(struct loader *ld, json_t *o, struct cat_channel *c)
{
	json_t *arr, *item;
	size_t i;

	if (jr_array(&ld->jr, o, "phone_numbers", false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, "phone_numbers");
	c->phones = xcalloc(json_array_size(arr), sizeof *c->phones);
	c->phone = xcalloc(json_array_size(arr), sizeof *c->phone);
	json_array_foreach(arr, i, item) {
		jr_index(&ld->jr, i);
		c->nphones = i + 1;
		if (load_phone(ld, item, &c->phones[i], &c->phone[i]) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* "HH:MM" of an opening time. */
static int
load_clock(struct loader *ld, json_t *o, const char *key, bool allow_24, int *out)
{
	const char *s;

	if (jr_string(&ld->jr, o, key, true, &s) < 0)
		return -1;
	if (!hours_parse_time(s, allow_24, out)) {
		jr_key(&ld->jr, key);
		return jr_fail(&ld->jr, "\"%s\" is \"%s\", not a time \"HH:MM\" from 00:00 to %s",
		    key, s, allow_24 ? "24:00" : "23:59");
	}
	return 0;
}

static int
load_date(struct loader *ld, json_t *o, const char *key, long *out)
{
	const char *s = NULL;

	if (jr_string(&ld->jr, o, key, false, &s) < 0)
		return -1;
	if (s != NULL && !hours_parse_date(s, out)) {
		jr_key(&ld->jr, key);
		return jr_fail(&ld->jr, "\"%s\" is \"%s\", not a date \"YYYY-MM-DD\" that exists", key, s);
	}
	return 0;
}

static int
load_hours_entry(struct loader *ld, json_t *o, struct hours_entry *e)
{
	static const char *const keys[] = {
		"kind", "valid_from", "valid_to", "closed", "always_open",
		"times", "info", NULL
	};
	static const char *const kinds[] = { "normal", "exceptional", NULL };
	static const char *const time_keys[] = { "day_from", "day_to", "from", "to", NULL };
	struct ltext info = { { NULL } };
	json_t *arr, *item;
	int kind;
	size_t i;

	e->valid_from = HOURS_OPEN_START;
	e->valid_to = HOURS_OPEN_END;
	if (!json_is_object(o))
		return jr_fail(&ld->jr, "an opening hours entry must be an object");
	if (jr_known_keys(&ld->jr, o, keys) < 0 ||
	    jr_enum(&ld->jr, o, "kind", kinds, &kind) < 0 ||
	    load_date(ld, o, "valid_from", &e->valid_from) < 0 ||
	    load_date(ld, o, "valid_to", &e->valid_to) < 0 ||
	    jr_bool(&ld->jr, o, "closed", &e->closed) < 0 ||
	    jr_bool(&ld->jr, o, "always_open", &e->always_open) < 0 ||
	    jr_array(&ld->jr, o, "times", false, &arr) < 0)
		return -1;
	e->kind = (enum hours_kind)kind;
	if (e->valid_from > e->valid_to) {
		jr_key(&ld->jr, "valid_to");
		return jr_fail(&ld->jr, "\"valid_to\" is before \"valid_from\"");
	}
	if (e->closed && e->always_open)
		return jr_fail(&ld->jr, "an entry is not both \"closed\" and \"always_open\"");
	size_t n = arr ? json_array_size(arr) : 0;
	if (n == 0 && !e->closed && !e->always_open)
		return jr_fail(&ld->jr, "an entry needs \"times\" unless it is \"closed\" or \"always_open\"");
	if (n > 0 && (e->closed || e->always_open)) {
		jr_key(&ld->jr, "times");
		return jr_fail(&ld->jr, "a \"closed\" or \"always_open\" entry has no \"times\"");
	}
	if (n > HOURS_MAX_TIMES) {
		jr_key(&ld->jr, "times");
		return jr_fail(&ld->jr, "\"times\" lists at most %d opening times", HOURS_MAX_TIMES);
	}
	if (n > 0) {
		jr_key(&ld->jr, "times");
		e->times = xcalloc(n, sizeof *e->times);
		json_array_foreach(arr, i, item) {
			struct hours_time *t = &e->times[i];
			long from, to = -1;
			jr_index(&ld->jr, i);
			e->ntimes = i + 1;
			if (!json_is_object(item))
				return jr_fail(&ld->jr, "an opening time must be an object");
			if (jr_known_keys(&ld->jr, item, time_keys) < 0 ||
			    jr_int(&ld->jr, item, "day_from", true, 1, 7, &from) < 0 ||
			    jr_int(&ld->jr, item, "day_to", false, 1, 7, &to) < 0 ||
			    load_clock(ld, item, "from", false, &t->from) < 0 ||
			    load_clock(ld, item, "to", true, &t->to) < 0)
				return -1;
			t->day_from = (int)from;
			t->day_to = to < 0 ? (int)from : (int)to;
			jr_pop(&ld->jr);
		}
		jr_pop(&ld->jr);
	}
	if (load_ltext(ld, o, "info", false, false, PHONE_TEXT_MAX, &info) < 0) {
		ltext_free(&info);
		return -1;
	}
	for (int l = 0; l < LANG_COUNT; l++)
		e->info[l] = info.v[l];
	return 0;
}

static int
load_opening_hours(struct loader *ld, json_t *o, struct opening_hours *h)
{
	json_t *arr, *item;
	size_t i;

	if (jr_array(&ld->jr, o, "opening_hours", false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, "opening_hours");
	if (json_array_size(arr) > HOURS_MAX_ENTRIES)
		return jr_fail(&ld->jr, "\"opening_hours\" lists at most %d entries", HOURS_MAX_ENTRIES);
	h->v = xcalloc(json_array_size(arr), sizeof *h->v);
	json_array_foreach(arr, i, item) {
		jr_index(&ld->jr, i);
		h->n = i + 1;
		if (load_hours_entry(ld, item, &h->v[i]) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* "address": one string for every language, or one per language. */
static int
load_address(struct loader *ld, json_t *o, struct ltext *out)
{
	json_t *v = json_object_get(o, "address");

	if (v == NULL || json_is_null(v))
		return 0;
	if (json_is_object(v))
		return load_ltext(ld, o, "address", false, false, 200, out);
	jr_key(&ld->jr, "address");
	if (!json_is_string(v) || json_string_length(v) == 0)
		return jr_fail(&ld->jr, "\"address\" is a string or an object of \"fi\", \"sv\" and \"en\"");
	const char *s = json_string_value(v);
	if (jr_clean_item(&ld->jr, v) < 0)
		return -1;
	if (strlen(s) > 200)
		return jr_fail(&ld->jr, "longer than %d bytes", 200);
	jr_pop(&ld->jr);
	for (int l = 0; l < LANG_COUNT; l++)
		out->v[l] = xstrdup(s);
	return 0;
}

/* "accessibility": {"fi": ["Sisäänkäynti on ...", ...], "sv": [...]} */
static int
load_access(struct loader *ld, json_t *o, struct cat_channel *c)
{
	static const char *const keys[] = { "fi", "sv", "en", NULL };
	json_t *acc;

	if (jr_object(&ld->jr, o, "accessibility", false, &acc) < 0)
		return -1;
	if (acc == NULL)
		return 0;
	jr_key(&ld->jr, "accessibility");
	if (jr_known_keys(&ld->jr, acc, keys) < 0)
		return -1;
	for (int l = 0; l < LANG_COUNT; l++) {
		if (load_strings(ld, acc, lang_code(l), false, NULL, &c->access[l], &c->naccess[l]) < 0)
			return -1;
		if (c->naccess[l] > ACCESS_MAX) {
			jr_key(&ld->jr, lang_code(l));
			return jr_fail(&ld->jr, "at most %d sentences per language", ACCESS_MAX);
		}
		for (size_t k = 0; k < c->naccess[l]; k++) {
			if (strlen(c->access[l][k]) > ACCESS_TEXT_MAX) {
				jr_key(&ld->jr, lang_code(l));
				jr_index(&ld->jr, k);
				return jr_fail(&ld->jr, "longer than %d bytes", ACCESS_TEXT_MAX);
			}
		}
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_channel(struct loader *ld, json_t *o, struct cat_channel *c)
{
	static const char *const keys[] = {
		"service_channel_id", "service_channel_type",
		"service_channel_name", "web_pages", "phone_numbers",
		"service_hours", "opening_hours", "emails", "address",
		"accessibility", "languages", NULL
	};
	static const char *const types[] = {
		"WebPage", "EChannel", "Phone", "Email", "ServiceLocation",
		"PrintableForm", NULL
	};
	const char *id;
	int type;
	json_t *langs, *item;
	size_t i;

	if (!json_is_object(o))
		return jr_fail(&ld->jr, "a channel must be an object");
	if (jr_known_keys(&ld->jr, o, keys) < 0 ||
	    jr_string(&ld->jr, o, "service_channel_id", true, &id) < 0 ||
	    jr_enum(&ld->jr, o, "service_channel_type", types, &type) < 0)
		return -1;
	c->id = xstrdup(id);
	c->type = (enum channel_type)type;
	/* The register names many a channel in Finnish only. */
	if (load_ltext(ld, o, "service_channel_name", true, false, 200, &c->name) < 0 ||
	    load_ltext(ld, o, "web_pages", false, false, 500, &c->web) < 0 ||
	    load_ltext(ld, o, "service_hours", false, false, 200, &c->hours) < 0 ||
	    load_phones(ld, o, c) < 0 ||
	    load_opening_hours(ld, o, &c->opening) < 0 ||
	    load_strings(ld, o, "emails", false, NULL, &c->emails, &c->nemails) < 0 ||
	    load_address(ld, o, &c->address) < 0 ||
	    load_access(ld, o, c) < 0)
		return -1;
	for (int l = 0; l < LANG_COUNT; l++) {
		const char *url = c->web.v[l];
		if (url != NULL && strncmp(url, "https://", 8) != 0 &&
		    strncmp(url, "http://", 7) != 0) {
			jr_key(&ld->jr, "web_pages");
			jr_key(&ld->jr, lang_code(l));
			return jr_fail(&ld->jr, "a web page must start with https:// or http://");
		}
	}
	if (c->type == CHANNEL_PHONE && c->nphones == 0)
		return jr_fail(&ld->jr, "a Phone channel needs \"phone_numbers\"");
	if ((c->type == CHANNEL_WEBPAGE || c->type == CHANNEL_ECHANNEL) &&
	    ltext_get(&c->web, LANG_EN) == NULL)
		return jr_fail(&ld->jr, "a %s channel needs \"web_pages\"", types[type]);
	if (jr_array(&ld->jr, o, "languages", false, &langs) < 0)
		return -1;
	if (langs != NULL) {
		jr_key(&ld->jr, "languages");
		json_array_foreach(langs, i, item) {
			jr_index(&ld->jr, i);
			int l = json_is_string(item) ? lang_parse(json_string_value(item)) : -1;
			if (l < 0)
				return jr_fail(&ld->jr, "a language is \"fi\", \"sv\" or \"en\"");
			c->languages |= 1u << l;
			jr_pop(&ld->jr);
		}
		jr_pop(&ld->jr);
	}
	return 0;
}

static int
load_relevance(struct loader *ld, json_t *o, double *rel)
{
	json_t *r;

	if (jr_object(&ld->jr, o, "relevance", true, &r) < 0)
		return -1;
	jr_key(&ld->jr, "relevance");
	const char *key;
	json_t *v;
	json_object_foreach(r, key, v) {
		if (dim_parse(key) < 0) {
			jr_key(&ld->jr, key);
			return jr_fail(&ld->jr, "unknown life-situation dimension \"%s\"", key);
		}
	}
	for (int d = 0; d < DIM_COUNT; d++)
		if (jr_real(&ld->jr, r, dim_key(d), true, 0.0, 1.0, &rel[d]) < 0)
			return -1;
	jr_pop(&ld->jr);
	return 0;
}

/* One condition id into a bitmask. */
static int
load_condition(struct loader *ld, json_t *item, condset *mask)
{
	long c = json_is_string(item) ?
	    quest_condition(ld->codes->quest, json_string_value(item)) : -1;
	if (c < 0)
		return jr_fail(&ld->jr, "not a condition of assets/questions.json");
	*mask |= COND_BIT(c);
	return 0;
}

/* A list of condition ids as a bitmask. */
static int
load_condition_list(struct loader *ld, json_t *obj, const char *key, condset *mask)
{
	json_t *arr, *item;
	size_t i;

	if (jr_array(&ld->jr, obj, key, false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, key);
	json_array_foreach(arr, i, item) {
		jr_index(&ld->jr, i);
		if (load_condition(ld, item, mask) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* ["widowed", ["lost-parent", "minor"]]: situations, each one condition
 * or a list of conditions that must all hold. */
static int
load_situations(struct loader *ld, json_t *obj, const char *key, struct situations *sit)
{
	json_t *arr, *item, *part;
	size_t i, j;

	if (jr_array(&ld->jr, obj, key, false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, key);
	if (json_array_size(arr) == 0 || json_array_size(arr) > SITUATIONS_MAX)
		return jr_fail(&ld->jr, "\"%s\" lists 1 to %d situations", key, SITUATIONS_MAX);
	json_array_foreach(arr, i, item) {
		condset *m = &sit->v[sit->n++];
		jr_index(&ld->jr, i);
		if (json_is_array(item)) {
			if (json_array_size(item) == 0)
				return jr_fail(&ld->jr, "a situation needs at least one condition");
			json_array_foreach(item, j, part) {
				jr_index(&ld->jr, j);
				if (load_condition(ld, part, m) < 0)
					return -1;
				jr_pop(&ld->jr);
			}
		} else if (load_condition(ld, item, m) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_eligibility(struct loader *ld, json_t *o, struct eligibility *e)
{
	static const char *const keys[] = {
		"for", "not_for", "unless_no", "age_min", "age_max", NULL
	};
	json_t *el;
	long lo = -1, hi = -1;

	e->age_min = e->age_max = -1;
	if (jr_object(&ld->jr, o, "eligibility", false, &el) < 0)
		return -1;
	if (el == NULL)
		return 0;
	jr_key(&ld->jr, "eligibility");
	if (jr_known_keys(&ld->jr, el, keys) < 0 ||
	    load_situations(ld, el, "for", &e->forv) < 0 ||
	    load_condition_list(ld, el, "not_for", &e->not_for) < 0 ||
	    load_condition_list(ld, el, "unless_no", &e->unless_no) < 0 ||
	    jr_int(&ld->jr, el, "age_min", false, 0, 130, &lo) < 0 ||
	    jr_int(&ld->jr, el, "age_max", false, lo < 0 ? 0 : lo, 130, &hi) < 0)
		return -1;
	e->age_min = (int)lo;
	e->age_max = (int)hi;
	jr_pop(&ld->jr);
	return 0;
}

static int
load_first_step(struct loader *ld, json_t *o, struct first_step *st)
{
	static const char *const keys[] = { "when", "unless", "text", NULL };
	json_t *fs;

	if (jr_object(&ld->jr, o, "first_step", false, &fs) < 0)
		return -1;
	if (fs == NULL)
		return 0;
	jr_key(&ld->jr, "first_step");
	if (jr_known_keys(&ld->jr, fs, keys) < 0 ||
	    load_situations(ld, fs, "when", &st->when) < 0 ||
	    load_condition_list(ld, fs, "unless", &st->unless) < 0 ||
	    load_ltext(ld, fs, "text", true, true, SUMMARY_MAX, &st->text) < 0)
		return -1;
	jr_pop(&ld->jr);
	return 0;
}

bool
first_step_exists(const struct first_step *st)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (st->text.v[l] != NULL)
			return true;
	return false;
}

/* "keywords": {"fi": ["työtön", ...], "sv": [...], "en": [...]} */
static int
load_keywords(struct loader *ld, json_t *o, struct cat_service *s)
{
	static const char *const keys[] = { "fi", "sv", "en", NULL };
	json_t *kw;

	if (jr_object(&ld->jr, o, "keywords", false, &kw) < 0)
		return -1;
	if (kw == NULL)
		return 0;
	jr_key(&ld->jr, "keywords");
	if (jr_known_keys(&ld->jr, kw, keys) < 0)
		return -1;
	for (int l = 0; l < LANG_COUNT; l++)
		if (load_strings(ld, kw, lang_code(l), false, NULL,
		    &s->keywords[l], &s->nkeywords[l]) < 0)
			return -1;
	jr_pop(&ld->jr);
	return 0;
}

static int
load_area(struct loader *ld, json_t *o, struct cat_service *s)
{
	json_t *area = json_object_get(o, "area");

	if (area == NULL)
		return jr_fail(&ld->jr, "missing \"area\"");
	if (json_is_string(area) && strcmp(json_string_value(area), "national") == 0)
		return 0;
	jr_key(&ld->jr, "area");
	if (!json_is_object(area) || json_object_size(area) != 1 ||
	    !json_is_array(json_object_get(area, "municipalities")))
		return jr_fail(&ld->jr, "\"area\" is \"national\" or {\"municipalities\": [...]}");
	if (load_strings(ld, area, "municipalities", true, NULL,
	    &s->municipalities, &s->nmunicipalities) < 0)
		return -1;
	for (size_t i = 0; i < s->nmunicipalities; i++) {
		if (munis_find(ld->codes->munis, s->municipalities[i]) < 0) {
			jr_key(&ld->jr, "municipalities");
			jr_index(&ld->jr, i);
			return jr_fail(&ld->jr, "unknown municipality code \"%s\"", s->municipalities[i]);
		}
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_service(struct loader *ld, json_t *o, struct cat_service *s)
{
	static const char *const keys[] = {
		"service_id", "service_name", "service_description_summary",
		"responsible_organization", "service_classes", "life_events",
		"target_groups", "area", "relevance", "eligibility",
		"first_step", "keywords", "general", "service_channels",
		"source", "checked", "variant_of", "origin", NULL
	};
	static const char *const org_keys[] = { "id", "name", NULL };
	const char *id, *src, *checked = NULL, *org_id, *variant_of = NULL;
	const char *origin = NULL;
	json_t *org, *chans, *item;
	size_t i;

	s->codes_shared = true;	/* load_strings() shares the table's codes */
	if (!json_is_object(o))
		return jr_fail(&ld->jr, "a service must be an object");
	if (jr_known_keys(&ld->jr, o, keys) < 0 ||
	    jr_string(&ld->jr, o, "service_id", true, &id) < 0 ||
	    jr_string(&ld->jr, o, "origin", false, &origin) < 0)
		return -1;
	s->id = xstrdup(id);
	if (origin != NULL && strcmp(origin, "ptv") != 0) {
		jr_key(&ld->jr, "origin");
		return jr_fail(&ld->jr, "\"origin\" is \"ptv\" or absent");
	}
	/* The register's own rules: texts in the languages its editors
	 * wrote, life events only where it names some, no keywords. */
	s->from_register = ld->ptv = origin != NULL;
	bool all = !ld->ptv;
	if (jr_string(&ld->jr, o, "variant_of", false, &variant_of) < 0)
		return -1;
	if (variant_of != NULL)
		s->variant_of = xstrdup(variant_of);
	if (load_ltext(ld, o, "service_name", true, all, 200, &s->name) < 0 ||
	    load_ltext(ld, o, "service_description_summary", true, all,
	    SUMMARY_MAX, &s->summary) < 0 ||
	    jr_object(&ld->jr, o, "responsible_organization", true, &org) < 0)
		return -1;
	jr_key(&ld->jr, "responsible_organization");
	if (jr_known_keys(&ld->jr, org, org_keys) < 0 ||
	    jr_string(&ld->jr, org, "id", true, &org_id) < 0 ||
	    load_ltext(ld, org, "name", true, all, 200, &s->org) < 0)
		return -1;
	s->org_id = xstrdup(org_id);
	jr_pop(&ld->jr);
	if (load_strings(ld, o, "service_classes", true, ld->codes->classes,
	    &s->classes, &s->nclasses) < 0 ||
	    load_strings(ld, o, "life_events", !ld->ptv, ld->codes->life_events,
	    &s->events, &s->nevents) < 0 ||
	    load_strings(ld, o, "target_groups", false, ld->codes->groups,
	    &s->groups, &s->ngroups) < 0 ||
	    load_area(ld, o, s) < 0 || load_relevance(ld, o, s->relevance) < 0 ||
	    load_eligibility(ld, o, &s->elig) < 0 ||
	    load_first_step(ld, o, &s->step) < 0 || load_keywords(ld, o, s) < 0 ||
	    jr_bool(&ld->jr, o, "general", &s->general) < 0)
		return -1;
	if (jr_array(&ld->jr, o, "service_channels", true, &chans) < 0)
		return -1;
	jr_key(&ld->jr, "service_channels");
	/* A service with no national contact (legal aid, say, which each
	 * region runs) may have no channels: the detail screen says so. */
	s->ch = xcalloc(json_array_size(chans), sizeof *s->ch);
	json_array_foreach(chans, i, item) {
		jr_index(&ld->jr, i);
		s->nch = i + 1;
		if (load_channel(ld, item, &s->ch[i]) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	if (jr_string(&ld->jr, o, "source", true, &src) < 0 ||
	    jr_string(&ld->jr, o, "checked", false, &checked) < 0)
		return -1;
	s->source = xstrdup(src);
	if (checked != NULL)
		s->checked = xstrdup(checked);
	return 0;
}

/*
 * "variant_of" names a national entry of the catalogue that is no
 * variant itself; the variant is local, and its id is the national one's
 * with "--" and a suffix, so that both read as one service in a list.
 */
static int
check_variant(struct loader *ld, const struct catalogue *cat, size_t i)
{
	const struct cat_service *s = &cat->v[i], *g = NULL;

	if (s->variant_of == NULL)
		return 0;
	for (size_t k = 0; k < cat->n && g == NULL; k++)
		if (strcmp(cat->v[k].id, s->variant_of) == 0)
			g = &cat->v[k];
	jr_index(&ld->jr, i);
	jr_key(&ld->jr, "variant_of");
	if (g == NULL)
		return jr_fail(&ld->jr, "no service \"%s\" in the catalogue", s->variant_of);
	if (g == s || g->variant_of != NULL || g->municipalities != NULL)
		return jr_fail(&ld->jr, "\"%s\" is not a national service of its own", s->variant_of);
	size_t n = strlen(g->id);
	if (strncmp(s->id, g->id, n) != 0 || strncmp(s->id + n, "--", 2) != 0 || s->id[n + 2] == '\0')
		return jr_fail(&ld->jr, "a variant's id is \"%s--\" and a suffix", g->id);
	if (s->municipalities == NULL)
		return jr_fail(&ld->jr, "a variant is local: its \"area\" names municipalities");
	jr_pop(&ld->jr);
	jr_pop(&ld->jr);
	return 0;
}

void
cat_channel_free(struct cat_channel *c)
{
	free(c->id);
	ltext_free(&c->name);
	ltext_free(&c->web);
	ltext_free(&c->hours);
	for (size_t k = 0; c->phone != NULL && k < c->nphones; k++) {
		ltext_free(&c->phone[k].charge_info);
		ltext_free(&c->phone[k].info);
	}
	free(c->phone);
	strv_free(c->phones, c->nphones);
	strv_free(c->emails, c->nemails);
	ltext_free(&c->address);
	hours_free(&c->opening);
	for (int l = 0; l < LANG_COUNT; l++)
		strv_free(c->access[l], c->naccess[l]);
	memset(c, 0, sizeof *c);
}

void
cat_service_free(struct cat_service *s)
{
	free(s->id);
	free(s->variant_of);
	ltext_free(&s->name);
	ltext_free(&s->summary);
	ltext_free(&s->org);
	free(s->org_id);
	if (s->codes_shared) {
		free(s->classes);
		free(s->events);
		free(s->groups);
	} else {
		strv_free(s->classes, s->nclasses);
		strv_free(s->events, s->nevents);
		strv_free(s->groups, s->ngroups);
	}
	strv_free(s->municipalities, s->nmunicipalities);
	ltext_free(&s->step.text);
	for (int l = 0; l < LANG_COUNT; l++)
		strv_free(s->keywords[l], s->nkeywords[l]);
	for (size_t i = 0; i < s->nch; i++)
		cat_channel_free(&s->ch[i]);
	free(s->ch);
	free(s->source);
	free(s->checked);
	memset(s, 0, sizeof *s);
}

struct catalogue_loader {
	struct loader ld;
};

struct catalogue_loader *
catalogue_loader_new(const struct catalogue_codes *codes, const char *display)
{
	struct catalogue_loader *cl = xcalloc(1, sizeof *cl);
	cl->ld.codes = codes;
	cl->ld.display = display;
	return cl;
}

int
catalogue_parse_service(struct catalogue_loader *cl, const char *text,
    size_t lineno, struct cat_service *out, char **cause)
{
	struct loader *ld = &cl->ld;
	int rc = -1;

	memset(out, 0, sizeof *out);
	ld->ptv = false;
	json_t *root = jr_parse_at(&ld->jr, ld->display, text,
	    lineno > (size_t)INT_MAX ? INT_MAX : (int)lineno);
	if (root != NULL && load_service(ld, root, out) == 0)
		rc = 0;
	if (rc < 0) {
		*cause = ld->jr.cause;
		ld->jr.cause = NULL;
		cat_service_free(out);
	}
	json_decref(root);
	jr_done(&ld->jr);
	return rc;
}

void
catalogue_loader_free(struct catalogue_loader *cl)
{
	if (cl == NULL)
		return;
	jr_done(&cl->ld.jr);
	free(cl);
}

int
catalogue_load(struct catalogue *cat, const char *path, const char *display,
    const struct catalogue_codes *codes, char **cause)
{
	static const char *const keys[] = { "catalogue_date", "services", NULL };
	struct loader ld = { .codes = codes };
	json_t *root, *arr, *item;
	const char *date;
	size_t i;
	int rc = -1;

	memset(cat, 0, sizeof *cat);
	root = jr_load(&ld.jr, path, display, 16 << 20);
	if (root == NULL)
		goto out;
	if (!json_is_object(root)) {
		jr_fail(&ld.jr, "the file must hold one JSON object");
		goto out;
	}
	if (jr_known_keys(&ld.jr, root, keys) < 0 ||
	    jr_string(&ld.jr, root, "catalogue_date", true, &date) < 0 ||
	    jr_array(&ld.jr, root, "services", true, &arr) < 0)
		goto out;
	cat->date = xstrdup(date);
	jr_key(&ld.jr, "services");
	cat->v = xcalloc(json_array_size(arr), sizeof *cat->v);
	json_array_foreach(arr, i, item) {
		jr_index(&ld.jr, i);
		cat->n = i + 1;
		if (load_service(&ld, item, &cat->v[i]) < 0)
			goto out;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(cat->v[j].id, cat->v[i].id) == 0) {
				jr_key(&ld.jr, "service_id");
				jr_fail(&ld.jr, "service id \"%s\" is used twice", cat->v[i].id);
				goto out;
			}
		}
		jr_pop(&ld.jr);
	}
	for (i = 0; i < cat->n; i++)
		if (check_variant(&ld, cat, i) < 0)
			goto out;
	catalogue_index(cat);
	rc = 0;
out:
	if (rc < 0) {
		*cause = ld.jr.cause;
		ld.jr.cause = NULL;
		catalogue_free(cat);
	}
	json_decref(root);
	jr_done(&ld.jr);
	return rc;
}

static int
by_id(const void *a, const void *b)
{
	const struct cat_service *const *x = a, *const *y = b;
	return strcmp((*x)->id, (*y)->id);
}

int
catalogue_check_ids(const struct catalogue *cat, const char *display, char **cause)
{
	const struct cat_service **v = xcalloc(cat->n ? cat->n : 1, sizeof *v);
	int rc = 0;

	for (size_t i = 0; i < cat->n; i++)
		v[i] = &cat->v[i];
	qsort(v, cat->n, sizeof *v, by_id);
	for (size_t i = 1; i < cat->n && rc == 0; i++) {
		if (strcmp(v[i - 1]->id, v[i]->id) == 0) {
			*cause = xasprintf("%s: service id \"%s\" is used twice", display, v[i]->id);
			rc = -1;
		}
	}
	free(v);
	return rc;
}

static void
index_free(struct cat_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->events);
	free(ix->classes);
	free(ix->munis);
	free(ix->ev);
	free(ix->cl);
	free(ix->mu);
	free(ix->ev_at);
	free(ix->cl_at);
	free(ix->mu_at);
	free(ix->local);
	free(ix->variants);
	free(ix);
}

void
catalogue_free(struct catalogue *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		cat_service_free(&cat->v[i]);
	free(cat->v);
	free(cat->date);
	free(cat->covers);
	index_free(cat->index);
	memset(cat, 0, sizeof *cat);
}

bool
catalogue_covers(const struct catalogue *cat, const char *municipality)
{
	if (cat->covers == NULL || municipality[0] == '\0')
		return true;
	size_t n = strlen(municipality);
	for (const char *p = cat->covers; *p != '\0';) {
		size_t k = strcspn(p, ",");
		if (k == n && strncmp(p, municipality, n) == 0)
			return true;
		p += k;
		if (*p == ',')
			p++;
	}
	return false;
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct strings of one kind of code, sorted: *out, *nout. */
static void
distinct(const struct catalogue *cat, size_t which, const char ***out, size_t *nout)
{
	size_t total = 0, n = 0;
	for (size_t i = 0; i < cat->n; i++)
		total += which == 0 ? cat->v[i].nevents : which == 1 ? cat->v[i].nclasses :
		    cat->v[i].nmunicipalities;
	const char **v = xcalloc(total ? total : 1, sizeof *v);
	for (size_t i = 0; i < cat->n; i++) {
		const struct cat_service *s = &cat->v[i];
		char **codes = which == 0 ? s->events : which == 1 ? s->classes : s->municipalities;
		size_t k = which == 0 ? s->nevents : which == 1 ? s->nclasses : s->nmunicipalities;
		for (size_t j = 0; j < k; j++)
			v[n++] = codes[j];
	}
	qsort(v, n, sizeof *v, by_str);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || strcmp(v[u - 1], v[i]) != 0)
			v[u++] = v[i];
	*out = v;
	*nout = u;
}

/* Number each service's codes of one kind into a flat array. */
static bool
number(const struct catalogue *cat, size_t which, const char **names, size_t nnames,
    uint16_t **flat, uint32_t **at)
{
	size_t total = 0;
	for (size_t i = 0; i < cat->n; i++)
		total += which == 0 ? cat->v[i].nevents : which == 1 ? cat->v[i].nclasses :
		    cat->v[i].nmunicipalities;
	if (nnames > UINT16_MAX || total > UINT32_MAX)
		return false;
	*flat = xcalloc(total ? total : 1, sizeof **flat);
	*at = xcalloc(cat->n + 1, sizeof **at);
	size_t n = 0;
	for (size_t i = 0; i < cat->n; i++) {
		const struct cat_service *s = &cat->v[i];
		char **codes = which == 0 ? s->events : which == 1 ? s->classes : s->municipalities;
		size_t k = which == 0 ? s->nevents : which == 1 ? s->nclasses : s->nmunicipalities;
		(*at)[i] = (uint32_t)n;
		for (size_t j = 0; j < k; j++) {
			const char **hit = bsearch(&codes[j], names, nnames, sizeof *names, by_str);
			(*flat)[n++] = (uint16_t)(hit - names);
		}
	}
	(*at)[cat->n] = (uint32_t)n;
	return true;
}

/*
 * Mark each national entry that a local variant ("variant_of") stands in
 * for: its contacts depend on where the citizen lives.  The ids are
 * sorted once, so that a register of 10,000 services with variants costs
 * n log n, not n times the variants.
 */
static void
mark_variants(struct catalogue *cat)
{
	const struct cat_service **v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < cat->n; i++) {
		cat->v[i].has_variants = false;
		if (cat->v[i].variant_of != NULL)
			n++;
	}
	if (n == 0)
		return;
	v = xcalloc(cat->n, sizeof *v);
	for (size_t i = 0; i < cat->n; i++)
		v[i] = &cat->v[i];
	qsort(v, cat->n, sizeof *v, by_id);
	for (size_t i = 0; i < cat->n; i++) {
		if (cat->v[i].variant_of == NULL)
			continue;
		struct cat_service key = { .id = cat->v[i].variant_of };
		const struct cat_service *kp = &key;
		const struct cat_service **hit = bsearch(&kp, v, cat->n, sizeof *v, by_id);
		if (hit != NULL)
			cat->v[*hit - cat->v].has_variants = true;
	}
	free(v);
}

void
catalogue_index(struct catalogue *cat)
{
	struct cat_index *ix = xcalloc(1, sizeof *ix);

	index_free(cat->index);
	cat->index = NULL;
	/* Before anything that can give up: the detail screen needs it
	 * whether or not the ranking gets its index. */
	mark_variants(cat);
	ix->v = cat->v;
	ix->n = cat->n;
	distinct(cat, 0, &ix->events, &ix->nevents);
	distinct(cat, 1, &ix->classes, &ix->nclasses);
	distinct(cat, 2, &ix->munis, &ix->nmunis);
	if (!number(cat, 0, ix->events, ix->nevents, &ix->ev, &ix->ev_at) ||
	    !number(cat, 1, ix->classes, ix->nclasses, &ix->cl, &ix->cl_at) ||
	    !number(cat, 2, ix->munis, ix->nmunis, &ix->mu, &ix->mu_at)) {
		index_free(ix);		/* too many to number: rank without */
		return;
	}
	ix->local = xcalloc(cat->n ? cat->n : 1, 1);
	ix->variants = xcalloc(cat->n ? cat->n : 1, sizeof *ix->variants);
	for (size_t i = 0; i < cat->n; i++) {
		ix->local[i] = cat->v[i].municipalities != NULL;
		if (cat->v[i].variant_of != NULL)
			ix->variants[ix->nvariants++] = i;
	}
	cat->index = ix;
}

const struct cat_index *
catalogue_index_of(const struct catalogue *cat)
{
	const struct cat_index *ix = cat->index;
	return ix != NULL && ix->v == cat->v && ix->n == cat->n ? ix : NULL;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* The text of t in lang or its fallback, with the fallback's mark. */
static char *
text_in(const struct ltext *t, enum lang l, text_lang *in)
{
	int got = ltext_lang(t, l);

	*in = got >= 0 && got != (int)l ? TEXT_LANG(got) : 0;
	return got >= 0 ? xstrdup(t->v[got]) : NULL;
}

static void
phones_to_result(const struct cat_channel *cc, enum lang l, struct channel *c)
{
	bool any = false;

	for (size_t k = 0; k < cc->nphones; k++)
		strv_push(&c->phones, &c->nphones, xstrdup(cc->phones[k]));
	for (size_t k = 0; cc->phone != NULL && k < cc->nphones; k++) {
		const struct cat_phone *p = &cc->phone[k];
		if (p->charge != PHONE_CHARGE_UNSTATED || p->lang >= 0 ||
		    ltext_get(&p->info, l) != NULL || ltext_get(&p->charge_info, l) != NULL)
			any = true;
	}
	if (!any)
		return;
	c->phone_about = xcalloc(cc->nphones, sizeof *c->phone_about);
	for (size_t k = 0; k < cc->nphones; k++) {
		const struct cat_phone *p = &cc->phone[k];
		struct phone_about *a = &c->phone_about[k];
		a->charge = p->charge;
		a->lang = p->lang;
		a->charge_info = text_in(&p->charge_info, l, &a->charge_info_in);
		a->info = text_in(&p->info, l, &a->info_in);
	}
}

/* Accessibility sentences in lang, else in the first language that has
 * some, English before Finnish and Swedish as ltext_get() does. */
static void
access_to_result(const struct cat_channel *cc, enum lang l, struct channel *c)
{
	static const enum lang order[] = { LANG_EN, LANG_FI, LANG_SV };
	int got = cc->naccess[l] > 0 ? (int)l : -1;

	for (size_t i = 0; got < 0 && i < nitems(order); i++)
		if (cc->naccess[order[i]] > 0)
			got = order[i];
	if (got < 0)
		return;
	for (size_t k = 0; k < cc->naccess[got]; k++)
		strv_push(&c->access, &c->naccess, xstrdup(cc->access[got][k]));
	c->access_in = got != (int)l ? TEXT_LANG(got) : 0;
}

void
catalogue_to_result(const struct cat_service *cs, enum lang l, struct service *s)
{
	memset(s, 0, sizeof *s);
	s->id = xstrdup(cs->id);
	s->name = text_in(&cs->name, l, &s->name_in);
	s->org = xstrdup(ltext_get(&cs->org, l));
	s->summary = text_in(&cs->summary, l, &s->summary_in);
	s->checked = dup_or_null(cs->checked);
	s->contacts_local = cs->municipalities != NULL || cs->has_variants;

	/*
	 * Channels that serve the citizen's language come first: a phone
	 * line in another language only after the lines in theirs.  A web
	 * page in another language is kept with its language, so that the
	 * screen can say "(in English)".
	 */
	s->ch = xcalloc(cs->nch, sizeof *s->ch);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < cs->nch; i++) {
			const struct cat_channel *cc = &cs->ch[i];
			bool mine = cc->languages == 0 || (cc->languages & (1u << l));
			if (mine != (pass == 0))
				continue;
			struct channel *c = &s->ch[s->nch++];
			c->id = xstrdup(cc->id);
			c->type = cc->type;
			c->name = text_in(&cc->name, l, &c->name_in);
			phones_to_result(cc, l, c);
			for (size_t k = 0; k < cc->nemails; k++)
				strv_push(&c->emails, &c->nemails, xstrdup(cc->emails[k]));
			if (ltext_get(&cc->hours, l) != NULL)
				strv_push(&c->hours, &c->nhours, xstrdup(ltext_get(&cc->hours, l)));
			const char *url = ltext_get(&cc->web, l);
			if (url != NULL) {
				strv_push(&c->web, &c->nweb, xstrdup(url));
				c->web_lang = xcalloc(1, sizeof *c->web_lang);
				c->web_lang[0] = -1;
				for (int k = 0; k < LANG_COUNT; k++)
					if (k != (int)l && cc->web.v[l] == NULL && cc->web.v[k] == url)
						c->web_lang[0] = k;
			}
			c->address = text_in(&cc->address, l, &c->address_in);
			hours_copy(&c->opening, &cc->opening);
			access_to_result(cc, l, c);
			c->langs = cc->languages;
			if (cc->languages != 0) {
				char buf[16] = "";
				for (int k = 0; k < LANG_COUNT; k++) {
					if (cc->languages & (1u << k)) {
						if (buf[0] != '\0')
							strcat(buf, ", ");
						strcat(buf, lang_code(k));
					}
				}
				c->languages = xstrdup(buf);
			}
		}
	}
}
