#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ptv.h"
#include "text.h"
#include "util.h"

/* The catalogue's limits (catalogue.c checks them again on loading). */
#define NAME_MAX_BYTES 200
#define SUMMARY_MAX_BYTES 160
#define INFO_MAX_BYTES 200
#define URL_MAX_BYTES 500
#define ADDRESS_MAX_BYTES 200
#define SENTENCE_MAX_BYTES 400
#define SENTENCES_MAX 16
#define HOURS_MAX 32
#define TIMES_MAX 32
#define EMAIL_MAX_BYTES 254

/* ---- Meters from service classes ---- */

int
class_dims_load(struct class_dims *d, const char *path, const char *display,
    const struct codes *classes, char **cause)
{
	const char *columns[DIM_COUNT + 2];

	memset(d, 0, sizeof *d);
	columns[0] = "class";
	for (int k = 0; k < DIM_COUNT; k++)
		columns[k + 1] = dim_key((enum dim)k);
	columns[DIM_COUNT + 1] = NULL;
	if (table_load(&d->t, path, display, columns, cause) < 0)
		return -1;
	d->v = xcalloc(d->t.nrows ? d->t.nrows : 1, sizeof *d->v);
	for (size_t r = 0; r < d->t.nrows; r++) {
		const char *code = table_cell(&d->t, r, 0);
		if (!codes_has(classes, code)) {
			*cause = xasprintf("%s:%zu:1: unknown service class \"%s\"",
			    display, d->t.lines[r], code);
			goto fail;
		}
		if (table_find(&d->t, code) != (long)r) {
			*cause = xasprintf("%s:%zu:1: service class %s has two rows",
			    display, d->t.lines[r], code);
			goto fail;
		}
		for (int k = 0; k < DIM_COUNT; k++) {
			const char *cell = table_cell(&d->t, r, (size_t)k + 1);
			char *end;
			double x = strtod(cell, &end);
			if (*cell == '\0' || *end != '\0' || !(x >= 0 && x <= 1)) {
				*cause = xasprintf("%s:%zu: %s must be a number from 0 to 1, not \"%s\"",
				    display, d->t.lines[r], dim_key((enum dim)k), cell);
				goto fail;
			}
			d->v[r][k] = x;
		}
	}
	return 0;
fail:
	class_dims_free(d);
	return -1;
}

void
class_dims_free(struct class_dims *d)
{
	table_free(&d->t);
	free(d->v);
	memset(d, 0, sizeof *d);
}

void
class_dims_relevance(const struct class_dims *d, char *const *classes,
    size_t nclasses, double out[DIM_COUNT])
{
	for (int k = 0; k < DIM_COUNT; k++)
		out[k] = 0;
	for (size_t i = 0; i < nclasses; i++) {
		long r = table_find(&d->t, classes[i]);
		if (r < 0) {
			/* "P5.7" without a row of its own reads "P5". */
			char main[16];
			size_t n = strcspn(classes[i], ".");
			if (n >= sizeof main)
				continue;
			memcpy(main, classes[i], n);
			main[n] = '\0';
			r = table_find(&d->t, main);
		}
		if (r < 0)
			continue;
		for (int k = 0; k < DIM_COUNT; k++)
			if (d->v[r][k] > out[k])
				out[k] = d->v[r][k];
	}
}

/* ---- Text ---- */

bool
ptv_is_guid(const char *s)
{
	if (s == NULL || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return false;
	}
	return true;
}

/*
 * Untrusted text made fit for the catalogue: sanitised, white space
 * collapsed, cut at a character boundary to max bytes with "…".  NULL
 * when nothing is left.
 */
static char *
clean(const char *s, size_t max)
{
	if (s == NULL)
		return NULL;
	char *t = text_sanitize(s, false);
	char *out = xmalloc(strlen(t) + 1), *o = out;
	bool space = true;	/* drops leading white space */
	for (const char *p = t; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t') {
			if (!space)
				*o++ = ' ';
			space = true;
			continue;
		}
		*o++ = *p;
		space = false;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(t);
	if (*out == '\0') {
		free(out);
		return NULL;
	}
	size_t len = strlen(out);
	if (len > max) {
		static const char ellipsis[] = "…";
		size_t cut = max - (sizeof ellipsis - 1);
		/* Back to the start of a character, then to a word's end. */
		while (cut > 0 && ((unsigned char)out[cut] & 0xC0) == 0x80)
			cut--;
		size_t word = cut;
		while (word > cut / 2 && out[word] != ' ')
			word--;
		if (out[word] == ' ')
			cut = word;
		while (cut > 0 && out[cut - 1] == ' ')
			cut--;
		memcpy(out + cut, ellipsis, sizeof ellipsis);
	}
	return out;
}

static const char *
str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s;
}

/* The language of a {language, value} item: fi, sv or en, else NULL. */
static const char *
item_lang(const json_t *item)
{
	const char *l = str(item, "language");
	return l != NULL && lang_parse(l) >= 0 ? l : NULL;
}

/*
 * From an array of {language, value[, type]}, the first value of each
 * language (of the type, when type is not NULL), cleaned: an object
 * {"fi": ..., "sv": ...}, or NULL when no language has one.
 */
static json_t *
ltext_of(const json_t *arr, const char *type, size_t max)
{
	json_t *out = json_object();
	size_t i;
	json_t *item;

	json_array_foreach(arr, i, item) {
		const char *l = item_lang(item);
		if (l == NULL || json_object_get(out, l) != NULL)
			continue;
		if (type != NULL && (str(item, "type") == NULL || strcmp(str(item, "type"), type) != 0))
			continue;
		char *v = clean(str(item, "value"), max);
		if (v != NULL)
			json_object_set_new(out, l, json_string(v));
		free(v);
	}
	if (json_object_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* The first sentence of each language's text, for a summary where the
 * register gives only a description. */
static json_t *
first_sentences(const json_t *arr, const char *type, size_t max)
{
	json_t *all = ltext_of(arr, type, 4096);
	const char *l;
	json_t *v;

	if (all == NULL)
		return NULL;
	json_object_foreach(all, l, v) {
		char *s = xstrdup(json_string_value(v));
		char *dot = strstr(s, ". ");
		if (dot != NULL)
			dot[1] = '\0';
		char *c = clean(s, max);
		json_object_set_new(all, l, json_string(c));
		free(c);
		free(s);
	}
	return all;
}

static void
set_if(json_t *o, const char *key, json_t *v)
{
	if (v != NULL)
		json_object_set_new(o, key, v);
}

/* ---- Channels ---- */

static bool
good_url(const char *u)
{
	if (u == NULL || strlen(u) > URL_MAX_BYTES)
		return false;
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	for (const char *p = u; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || (unsigned char)*p >= 0x80)
			return false;
	/* A host after the scheme. */
	const char *host = strstr(u, "//") + 2;
	return *host != '\0' && *host != '/';
}

static json_t *
map_web(const json_t *ch)
{
	json_t *out = json_object();
	size_t i;
	json_t *item;

	json_array_foreach(json_object_get(ch, "webPages"), i, item) {
		const char *l = item_lang(item), *u = str(item, "url");
		if (l == NULL || json_object_get(out, l) != NULL || !good_url(u))
			continue;
		json_object_set_new(out, l, json_string(u));
	}
	if (json_object_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* "+358" and "447943552" as "+358 44 7943552"-ish: the digits as the
 * register gives them, with the prefix; NULL when it is not a number. */
static char *
phone_number(const json_t *p)
{
	const char *num = str(p, "number"), *prefix = str(p, "prefixNumber");
	bool service = json_is_true(json_object_get(p, "isFinnishServiceNumber"));
	char buf[64];
	size_t n = 0, digits = 0;

	if (num == NULL)
		return NULL;
	/* A Finnish service number (0800..., 0295...) is dialled as it is. */
	if (!service && prefix != NULL && *prefix != '\0') {
		for (const char *q = prefix; *q != '\0' && n < 8; q++)
			if (isdigit((unsigned char)*q) || (*q == '+' && n == 0))
				buf[n++] = *q;
		if (n > 0 && buf[0] != '+') {
			memmove(buf + 1, buf, n);
			buf[0] = '+';
			n++;
		}
		if (n > 0)
			buf[n++] = ' ';
		/* "+358" then "0447..." drops the trunk 0. */
		while (*num == ' ')
			num++;
		if (*num == '0')
			num++;
	}
	for (const char *q = num; *q != '\0'; q++) {
		if (n >= sizeof buf - 1)
			return NULL;
		if (isdigit((unsigned char)*q)) {
			buf[n++] = *q;
			digits++;
		} else if (*q == ' ' || *q == '-') {
			if (n > 0 && buf[n - 1] != ' ' && buf[n - 1] != '-')
				buf[n++] = *q;
		} else if (*q == '(' || *q == ')' || *q == '/' || *q == '.') {
			continue;
		} else if (*q == '+' && n == 0) {
			buf[n++] = '+';
		} else {
			return NULL;	/* letters: not a number to dial */
		}
	}
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '-'))
		n--;
	if (digits < 3 || digits > 15)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

static json_t *
find_phone(json_t *phones, const char *number)
{
	size_t i;
	json_t *p;

	json_array_foreach(phones, i, p)
		if (strcmp(json_string_value(json_object_get(p, "number")), number) == 0)
			return p;
	return NULL;
}

static void
add_lang_text(json_t *obj, const char *key, const char *lang, const char *raw, size_t max)
{
	char *v = clean(raw, max);
	if (v == NULL)
		return;
	json_t *t = json_object_get(obj, key);
	if (t == NULL) {
		t = json_object();
		json_object_set_new(obj, key, t);
	}
	if (json_object_get(t, lang) == NULL)
		json_object_set_new(t, lang, json_string(v));
	free(v);
}

/*
 * The register lists a number once per language it describes it in; one
 * line of the catalogue holds them all.  Its "language" says which
 * language the line serves only when the register describes it in just
 * one.
 */
static json_t *
map_phones(const json_t *ch)
{
	json_t *out = json_array();
	size_t i;
	json_t *item;

	json_array_foreach(json_object_get(ch, "phoneNumbers"), i, item) {
		char *num = phone_number(item);
		if (num == NULL)
			continue;
		const char *l = item_lang(item);
		json_t *p = find_phone(out, num);
		if (p == NULL) {
			p = json_object();
			json_object_set_new(p, "number", json_string(num));
			const char *charge = str(item, "serviceChargeType");
			if (charge != NULL && strcmp(charge, "FreeOfCharge") == 0)
				json_object_set_new(p, "charge", json_string("free"));
			else if (charge != NULL && strcmp(charge, "Chargeable") == 0)
				json_object_set_new(p, "charge", json_string("local"));
			else if (charge != NULL && strcmp(charge, "Other") == 0)
				json_object_set_new(p, "charge", json_string("other"));
			if (l != NULL)
				json_object_set_new(p, "language", json_string(l));
			json_array_append_new(out, p);
		} else if (l != NULL && json_object_get(p, "language") != NULL &&
		    strcmp(json_string_value(json_object_get(p, "language")), l) != 0) {
			json_object_del(p, "language");
		}
		if (l != NULL) {
			add_lang_text(p, "charge_info", l, str(item, "chargeDescription"), INFO_MAX_BYTES);
			add_lang_text(p, "info", l, str(item, "additionalInformation"), INFO_MAX_BYTES);
		}
		free(num);
	}
	if (json_array_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

static json_t *
map_emails(const json_t *ch)
{
	json_t *out = json_array();
	size_t i, j;
	json_t *item, *have;

	json_array_foreach(json_object_get(ch, "emails"), i, item) {
		const char *e = str(item, "value");
		if (e == NULL || strlen(e) > EMAIL_MAX_BYTES || strchr(e, '@') == NULL ||
		    e[0] == '@' || strchr(e, '@')[1] == '\0')
			continue;
		bool ok = true;
		for (const char *p = e; *p != '\0' && ok; p++)
			ok = (unsigned char)*p > ' ' && (unsigned char)*p < 0x7f &&
			    strchr("\"<>(),;:\\[]", *p) == NULL;
		bool dup = false;
		json_array_foreach(out, j, have)
			dup = dup || strcasecmp(json_string_value(have), e) == 0;
		if (ok && !dup)
			json_array_append_new(out, json_string(e));
	}
	if (json_array_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

static int
weekday(const char *name)
{
	static const char *const days[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday", NULL
	};
	for (int i = 0; name != NULL && days[i] != NULL; i++)
		if (strcmp(name, days[i]) == 0)
			return i + 1;
	return 0;
}

/* "08:00:00" as "08:00"; NULL when it is no time of day ("24:00" is). */
static bool
hhmm(const char *s, char out[6])
{
	if (s == NULL || strlen(s) < 5 || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return false;
	memcpy(out, s, 5);
	out[5] = '\0';
	return true;
}

/* "2026-12-24T00:00:00" as "2026-12-24", when it is a date that exists. */
static json_t *
date_of(const json_t *v)
{
	const char *s = json_string_value(v);
	int y, m, d;
	char tail;

	if (s == NULL || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3)
		return NULL;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > (m == 2 && !leap ? 28 : mdays[m - 1]))
		return NULL;
	return json_stringn(s, 10);
}

static json_t *
map_hours(const json_t *ch)
{
	json_t *out = json_array();
	size_t i, j;
	json_t *item, *oh;

	json_array_foreach(json_object_get(ch, "serviceHours"), i, item) {
		if (json_array_size(out) >= HOURS_MAX)
			break;
		const char *type = str(item, "serviceHourType");
		if (type == NULL)
			continue;
		bool exceptional = strcmp(type, "Exceptional") == 0;
		if (!exceptional && strcmp(type, "DaysOfTheWeek") != 0 &&
		    strcmp(type, "OverMidnight") != 0)
			continue;
		json_t *h = json_object();
		json_object_set_new(h, "kind", json_string(exceptional ? "exceptional" : "normal"));
		set_if(h, "valid_from", date_of(json_object_get(item, "validFrom")));
		set_if(h, "valid_to", date_of(json_object_get(item, "validTo")));
		/* An exceptional entry with only a start is for that one day. */
		if (exceptional && json_object_get(h, "valid_to") == NULL &&
		    json_object_get(h, "valid_from") != NULL)
			json_object_set(h, "valid_to", json_object_get(h, "valid_from"));
		bool closed = json_is_true(json_object_get(item, "isClosed"));
		bool always = !closed && json_is_true(json_object_get(item, "isAlwaysOpen"));
		if (closed)
			json_object_set_new(h, "closed", json_true());
		if (always)
			json_object_set_new(h, "always_open", json_true());
		json_t *times = json_array();
		json_array_foreach(json_object_get(item, "openingHour"), j, oh) {
			char from[6], to[6];
			if (closed || always || json_array_size(times) >= TIMES_MAX)
				break;
			if (!hhmm(str(oh, "from"), from) || !hhmm(str(oh, "to"), to))
				continue;
			int d1 = weekday(str(oh, "dayFrom")), d2 = weekday(str(oh, "dayTo"));
			/* An exceptional day's times name no weekday. */
			if (d1 == 0 && !exceptional)
				continue;
			json_t *t = json_object();
			json_object_set_new(t, "day_from", json_integer(d1 ? d1 : 1));
			if (d1 == 0)
				json_object_set_new(t, "day_to", json_integer(7));
			else if (d2 != 0 && d2 != d1)
				json_object_set_new(t, "day_to", json_integer(d2));
			json_object_set_new(t, "from", json_string(from));
			json_object_set_new(t, "to", json_string(to));
			json_array_append_new(times, t);
		}
		json_object_set_new(h, "times", times);
		set_if(h, "info", ltext_of(json_object_get(item, "additionalInformation"), NULL, INFO_MAX_BYTES));
		/* Hours that say nothing (no times, not closed, not always
		 * open) are left out. */
		if (json_array_size(times) == 0 && !closed && !always)
			json_decref(h);
		else
			json_array_append_new(out, h);
	}
	if (json_array_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* The value of language l in a {language, value} array, else Finnish's. */
static const char *
value_in(const json_t *arr, const char *l)
{
	size_t i;
	json_t *item;
	const char *fi = NULL;

	json_array_foreach(arr, i, item) {
		const char *il = str(item, "language"), *v = str(item, "value");
		if (il == NULL || v == NULL || *v == '\0')
			continue;
		if (strcmp(il, l) == 0)
			return v;
		if (fi == NULL && strcmp(il, "fi") == 0)
			fi = v;
	}
	return fi;
}

/* The visiting address, "Street 1 B, 50670 OTAVA", in each language the
 * street has a name in. */
static json_t *
map_address(const json_t *ch)
{
	size_t i;
	json_t *a;

	json_array_foreach(json_object_get(ch, "addresses"), i, a) {
		const json_t *sa = json_object_get(a, "streetAddress");
		const char *type = str(a, "type");
		if (!json_is_object(sa) || (type != NULL && strcmp(type, "Location") != 0 &&
		    strcmp(type, "Visiting") != 0))
			continue;
		json_t *out = json_object();
		for (int l = 0; l < LANG_COUNT; l++) {
			const char *lc = lang_code((enum lang)l);
			const json_t *streets = json_object_get(sa, "street");
			bool own = false;
			size_t k;
			json_t *item;
			json_array_foreach(streets, k, item) {
				const char *il = str(item, "language"), *v = str(item, "value");
				own = own || (il != NULL && v != NULL && *v != '\0' && strcmp(il, lc) == 0);
			}
			if (!own)
				continue;
			const char *street = value_in(streets, lc);
			const char *number = str(sa, "streetNumber");
			const char *postal = str(sa, "postalCode");
			const char *office = value_in(json_object_get(sa, "postOffice"), lc);
			bool has_no = number != NULL && *number != '\0';
			bool has_pc = postal != NULL && *postal != '\0';
			char *full = xasprintf("%s%s%s%s%s%s", street, has_no ? " " : "",
			    has_no ? number : "", has_pc || office ? "," : "",
			    has_pc ? " " : "", has_pc ? postal : "");
			if (office != NULL) {
				char *t = xasprintf("%s %s", full, office);
				free(full);
				full = t;
			}
			char *c = clean(full, ADDRESS_MAX_BYTES);
			if (c != NULL)
				json_object_set_new(out, lc, json_string(c));
			free(c);
			free(full);
		}
		if (json_object_size(out) > 0)
			return out;
		json_decref(out);
	}
	return NULL;
}

/* The entrance's accessibility sentences per language, the main
 * entrance's first. */
static json_t *
map_accessibility(const json_t *ch)
{
	json_t *out = json_object();
	size_t i, e, g, s, k;
	json_t *a, *ent, *grp, *sen, *item;

	json_array_foreach(json_object_get(ch, "addresses"), i, a) {
		for (int pass = 0; pass < 2; pass++) {
			json_array_foreach(json_object_get(a, "entrances"), e, ent) {
				bool main = json_is_true(json_object_get(ent, "isMainEntrance"));
				if (main != (pass == 0))
					continue;
				json_array_foreach(json_object_get(ent, "accessibilitySentences"), g, grp) {
					json_array_foreach(json_object_get(grp, "sentences"), s, sen) {
						json_array_foreach(json_object_get(sen, "sentence"), k, item) {
							const char *l = item_lang(item);
							if (l == NULL)
								continue;
							json_t *list = json_object_get(out, l);
							if (list == NULL) {
								list = json_array();
								json_object_set_new(out, l, list);
							}
							if (json_array_size(list) >= SENTENCES_MAX)
								continue;
							char *c = clean(str(item, "value"), SENTENCE_MAX_BYTES);
							if (c != NULL)
								json_array_append_new(list, json_string(c));
							free(c);
						}
					}
				}
			}
		}
	}
	const char *l;
	json_t *v;
	void *tmp;
	json_object_foreach_safe(out, tmp, l, v)
		if (json_array_size(v) == 0)
			json_object_del(out, l);
	if (json_object_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

json_t *
ptv_map_channel(const json_t *ch, const char **why)
{
	static const char *const types[] = {
		"WebPage", "EChannel", "Phone", "ServiceLocation", "PrintableForm", NULL
	};
	const char *id = str(ch, "id"), *type = str(ch, "serviceChannelType");
	int t = -1;

	if (!json_is_object(ch) || !ptv_is_guid(id)) {
		*why = "no channel id";
		return NULL;
	}
	for (int i = 0; type != NULL && types[i] != NULL; i++)
		if (strcmp(type, types[i]) == 0)
			t = i;
	if (t < 0) {
		*why = "an unknown channel type";
		return NULL;
	}
	json_t *name = ltext_of(json_object_get(ch, "serviceChannelNames"), "Name", NAME_MAX_BYTES);
	if (name == NULL)
		name = ltext_of(json_object_get(ch, "serviceChannelNames"), NULL, NAME_MAX_BYTES);
	if (name == NULL) {
		*why = "a channel without a name";
		return NULL;
	}
	json_t *out = json_object();
	json_object_set_new(out, "service_channel_id", json_string(id));
	json_object_set_new(out, "service_channel_type", json_string(types[t]));
	json_object_set_new(out, "service_channel_name", name);
	set_if(out, "web_pages", map_web(ch));
	set_if(out, "phone_numbers", map_phones(ch));
	set_if(out, "opening_hours", map_hours(ch));
	set_if(out, "emails", map_emails(ch));
	set_if(out, "address", map_address(ch));
	set_if(out, "accessibility", map_accessibility(ch));

	json_t *langs = json_array();
	size_t i;
	json_t *item;
	json_array_foreach(json_object_get(ch, "languages"), i, item) {
		const char *l = json_string_value(item);
		if (l != NULL && lang_parse(l) >= 0)
			json_array_append_new(langs, json_string(l));
	}
	if (json_array_size(langs) > 0)
		json_object_set_new(out, "languages", langs);
	else
		json_decref(langs);

	/* What the catalogue needs of each type. */
	if (strcmp(types[t], "Phone") == 0 && json_object_get(out, "phone_numbers") == NULL)
		*why = "a phone channel without a number";
	else if ((strcmp(types[t], "WebPage") == 0 || strcmp(types[t], "EChannel") == 0 ||
	    strcmp(types[t], "PrintableForm") == 0) && json_object_get(out, "web_pages") == NULL)
		*why = "a web channel without a valid address";
	else if (strcmp(types[t], "ServiceLocation") == 0 && json_object_get(out, "address") == NULL &&
	    json_object_get(out, "phone_numbers") == NULL && json_object_get(out, "opening_hours") == NULL)
		*why = "a service location without an address";
	else
		return out;
	json_decref(out);
	return NULL;
}

/* ---- Services ---- */

/* The codes of a {code, ...} array that the assets know, each once; a
 * code they do not know is read as its main class ("P5.2.1" as "P5.2"). */
static json_t *
codes_of(const json_t *arr, const struct codes *known)
{
	json_t *out = json_array();
	size_t i, j;
	json_t *item, *have;

	json_array_foreach(arr, i, item) {
		const char *c = str(item, "code");
		char code[32];
		if (c == NULL || strlen(c) >= sizeof code)
			continue;
		strcpy(code, c);
		while (!codes_has(known, code)) {
			char *dot = strrchr(code, '.');
			if (dot == NULL)
				break;
			*dot = '\0';
		}
		if (!codes_has(known, code))
			continue;
		bool dup = false;
		json_array_foreach(out, j, have)
			dup = dup || strcmp(json_string_value(have), code) == 0;
		if (!dup)
			json_array_append_new(out, json_string(code));
	}
	return out;
}

static void
add_municipality(json_t *list, const json_t *m, const struct munis *munis)
{
	const char *code = str(m, "code");
	size_t i;
	json_t *have;

	if (code == NULL || munis_find(munis, code) < 0)
		return;
	json_array_foreach(list, i, have)
		if (strcmp(json_string_value(have), code) == 0)
			return;
	json_array_append_new(list, json_string(code));
}

/* "national", or {"municipalities": [...]}; NULL when the service's area
 * names no municipality the assets know. */
static json_t *
map_area(const json_t *svc, const struct munis *munis)
{
	const char *type = str(svc, "areaType");
	size_t i, j;
	json_t *area, *m;

	if (type != NULL && (strcmp(type, "Nationwide") == 0 ||
	    strcmp(type, "NationwideExceptAlandIslands") == 0))
		return json_string("national");
	json_t *list = json_array();
	json_array_foreach(json_object_get(svc, "areas"), i, area) {
		/* A municipality area names itself; a region lists its
		 * municipalities. */
		if (str(area, "code") != NULL && str(area, "type") != NULL &&
		    strcmp(str(area, "type"), "Municipality") == 0)
			add_municipality(list, area, munis);
		json_array_foreach(json_object_get(area, "municipalities"), j, m)
			add_municipality(list, m, munis);
	}
	if (json_array_size(list) == 0) {
		json_decref(list);
		return NULL;
	}
	return json_pack("{s:o}", "municipalities", list);
}

static json_t *
map_org(const json_t *svc)
{
	static const char *const roles[] = { "Responsible", "OtherResponsible", "Producer", NULL };
	size_t i;
	json_t *item;

	for (int r = 0; roles[r] != NULL; r++) {
		json_array_foreach(json_object_get(svc, "organizations"), i, item) {
			const char *role = str(item, "roleType");
			const json_t *org = json_object_get(item, "organization");
			const char *id = str(org, "id");
			if (role == NULL || strcmp(role, roles[r]) != 0 || !ptv_is_guid(id))
				continue;
			/* The reference names the organisation in Finnish. */
			char *name = clean(str(org, "name"), NAME_MAX_BYTES);
			if (name == NULL)
				continue;
			json_t *o = json_pack("{s:s,s:{s:s}}", "id", id, "name", "fi", name);
			free(name);
			return o;
		}
	}
	return NULL;
}

void
ptv_channel_ids(const json_t *svc, json_t *ids, json_t *seen)
{
	size_t i;
	json_t *ref;

	json_array_foreach(json_object_get(svc, "serviceChannels"), i, ref) {
		const char *id = str(json_object_get(ref, "serviceChannel"), "id");
		if (!ptv_is_guid(id) || json_object_get(seen, id) != NULL)
			continue;
		json_object_set_new(seen, id, json_true());
		json_array_append_new(ids, json_string(id));
	}
}

json_t *
ptv_map_service(const json_t *svc, const json_t *channels,
    const struct ptv_codes *codes, const char *source_base, const char **why)
{
	const char *id = str(svc, "id"), *status = str(svc, "publishingStatus");
	json_t *out = NULL, *name = NULL, *summary = NULL, *org = NULL, *area = NULL;
	json_t *classes = NULL;

	*why = NULL;
	if (!json_is_object(svc) || !ptv_is_guid(id)) {
		*why = "no service id";
		return NULL;
	}
	if (status != NULL && strcmp(status, "Published") != 0) {
		*why = "not published";
		return NULL;
	}
	const json_t *names = json_object_get(svc, "serviceNames");
	const json_t *descs = json_object_get(svc, "serviceDescriptions");
	if ((name = ltext_of(names, "Name", NAME_MAX_BYTES)) == NULL &&
	    (name = ltext_of(names, NULL, NAME_MAX_BYTES)) == NULL) {
		*why = "no name";
		goto out;
	}
	if ((summary = ltext_of(descs, "Summary", SUMMARY_MAX_BYTES)) == NULL &&
	    (summary = first_sentences(descs, "Description", SUMMARY_MAX_BYTES)) == NULL)
		summary = json_deep_copy(name);
	if ((org = map_org(svc)) == NULL) {
		*why = "no responsible organisation";
		goto out;
	}
	classes = codes_of(json_object_get(svc, "serviceClasses"), codes->classes);
	if (json_array_size(classes) == 0) {
		*why = "no known service class";
		goto out;
	}
	if ((area = map_area(svc, codes->munis)) == NULL) {
		*why = "no known municipality in its area";
		goto out;
	}

	out = json_object();
	json_object_set_new(out, "service_id", json_string(id));
	json_object_set_new(out, "origin", json_string("ptv"));
	json_object_set_new(out, "service_name", name);
	json_object_set_new(out, "service_description_summary", summary);
	json_object_set_new(out, "responsible_organization", org);
	json_object_set_new(out, "service_classes", classes);
	json_object_set_new(out, "life_events",
	    codes_of(json_object_get(svc, "lifeEvents"), codes->life_events));
	json_t *groups = codes_of(json_object_get(svc, "targetGroups"), codes->groups);
	if (json_array_size(groups) > 0)
		json_object_set_new(out, "target_groups", groups);
	else
		json_decref(groups);
	json_object_set_new(out, "area", area);
	name = summary = org = classes = area = NULL;

	/* The meters' relevance, from the classes. */
	size_t n = json_array_size(json_object_get(out, "service_classes"));
	char **cv = xcalloc(n ? n : 1, sizeof *cv);
	for (size_t i = 0; i < n; i++)
		cv[i] = (char *)json_string_value(json_array_get(json_object_get(out, "service_classes"), i));
	double rel[DIM_COUNT];
	class_dims_relevance(codes->dims, cv, n, rel);
	free(cv);
	json_t *r = json_object();
	for (int k = 0; k < DIM_COUNT; k++)
		json_object_set_new(r, dim_key((enum dim)k), json_real(rel[k]));
	json_object_set_new(out, "relevance", r);

	json_t *chans = json_array();
	size_t i;
	json_t *ref;
	json_array_foreach(json_object_get(svc, "serviceChannels"), i, ref) {
		const char *cid = str(json_object_get(ref, "serviceChannel"), "id");
		json_t *c = cid ? json_object_get(channels, cid) : NULL;
		if (c != NULL)
			json_array_append(chans, c);
	}
	json_object_set_new(out, "service_channels", chans);

	char *src = xasprintf("%s/Service/%s", source_base, id);
	json_object_set_new(out, "source", json_string(src));
	free(src);
	json_t *modified = date_of(json_object_get(svc, "modified"));
	if (modified != NULL)
		json_object_set_new(out, "checked", modified);
out:
	json_decref(name);
	json_decref(summary);
	json_decref(org);
	json_decref(classes);
	json_decref(area);
	return out;
}
