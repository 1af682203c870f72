#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache-record.h"
#include "muni.h"
#include "text.h"
#include "util.h"

/* ---- Writing --------------------------------------------------------- */

void
cache_buf_put(struct cache_buf *b, const void *v, size_t n)
{
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->n + n)
			cap *= 2;
		b->p = xreallocarray(b->p, cap, 1);
		b->cap = cap;
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static void
put_u8(struct cache_buf *b, unsigned int v)
{
	unsigned char c = (unsigned char)v;
	cache_buf_put(b, &c, 1);
}

void
cache_buf_u32(struct cache_buf *b, unsigned long v)
{
	unsigned char c[4] = {
		(unsigned char)v, (unsigned char)(v >> 8),
		(unsigned char)(v >> 16), (unsigned char)(v >> 24)
	};
	cache_buf_put(b, c, 4);
}

static void
put_u64(struct cache_buf *b, uint64_t v)
{
	cache_buf_u32(b, (unsigned long)(v & 0xffffffffu));
	cache_buf_u32(b, (unsigned long)(v >> 32));
}

static void
put_str(struct cache_buf *b, const char *s)
{
	size_t n = strlen(s);
	cache_buf_u32(b, (unsigned long)n);
	cache_buf_put(b, s, n + 1);
}

static void
put_ltext(struct cache_buf *b, const struct ltext *t)
{
	unsigned int mask = 0;
	for (int l = 0; l < LANG_COUNT; l++)
		if (t->v[l] != NULL)
			mask |= 1u << l;
	put_u8(b, mask);
	for (int l = 0; l < LANG_COUNT; l++)
		if (t->v[l] != NULL)
			put_str(b, t->v[l]);
}

static void
put_strv(struct cache_buf *b, char *const *v, size_t n)
{
	cache_buf_u32(b, (unsigned long)n);
	for (size_t i = 0; i < n; i++)
		put_str(b, v[i]);
}

static void
put_conds(struct cache_buf *b, condset m, const struct quest *q)
{
	unsigned int n = 0;
	for (size_t c = 0; c < q->nconds; c++)
		if (m & COND_BIT(c))
			n++;
	put_u8(b, n);
	for (size_t c = 0; c < q->nconds; c++)
		if (m & COND_BIT(c))
			put_str(b, q->conds[c]);
}

static void
put_situations(struct cache_buf *b, const struct situations *s, const struct quest *q)
{
	put_u8(b, (unsigned int)s->n);
	for (size_t i = 0; i < s->n; i++)
		put_conds(b, s->v[i], q);
}

static void
put_channel(struct cache_buf *b, const struct cat_channel *c)
{
	put_str(b, c->id);
	put_u8(b, (unsigned int)c->type);
	put_ltext(b, &c->name);
	put_ltext(b, &c->web);
	put_ltext(b, &c->hours);
	cache_buf_u32(b, (unsigned long)c->nphones);
	for (size_t k = 0; k < c->nphones; k++) {
		const struct cat_phone *ph = &c->phone[k];
		put_str(b, c->phones[k]);
		put_u8(b, (unsigned int)ph->charge);
		put_ltext(b, &ph->charge_info);
		put_ltext(b, &ph->info);
		put_u8(b, (unsigned int)(ph->lang + 1));
	}
	put_strv(b, c->emails, c->nemails);
	put_ltext(b, &c->address);
	cache_buf_u32(b, (unsigned long)c->opening.n);
	for (size_t k = 0; k < c->opening.n; k++) {
		const struct hours_entry *e = &c->opening.v[k];
		struct ltext info;
		put_u8(b, (unsigned int)e->kind);
		cache_buf_u32(b, (unsigned long)(uint32_t)(int32_t)e->valid_from);
		cache_buf_u32(b, (unsigned long)(uint32_t)(int32_t)e->valid_to);
		put_u8(b, (e->closed ? 1u : 0u) | (e->always_open ? 2u : 0u));
		cache_buf_u32(b, (unsigned long)e->ntimes);
		for (size_t t = 0; t < e->ntimes; t++) {
			const struct hours_time *ht = &e->times[t];
			unsigned char v[6] = {
				(unsigned char)ht->day_from, (unsigned char)ht->day_to,
				(unsigned char)ht->from, (unsigned char)(ht->from >> 8),
				(unsigned char)ht->to, (unsigned char)(ht->to >> 8)
			};
			cache_buf_put(b, v, sizeof v);
		}
		for (int l = 0; l < LANG_COUNT; l++)
			info.v[l] = e->info[l];
		put_ltext(b, &info);
	}
	for (int l = 0; l < LANG_COUNT; l++)
		put_strv(b, c->access[l], c->naccess[l]);
	put_u8(b, c->languages);
}

enum {
	REC_REGISTER = 1, REC_GENERAL = 2, REC_VARIANT = 4, REC_CHECKED = 8, REC_LOCAL = 16
};

void
cache_record_encode(struct cache_buf *b, const struct cat_service *s, const struct quest *q)
{
	put_str(b, s->id);
	put_u8(b, (s->from_register ? REC_REGISTER : 0) | (s->general ? REC_GENERAL : 0) |
	    (s->variant_of ? REC_VARIANT : 0) | (s->checked ? REC_CHECKED : 0) |
	    (s->municipalities ? REC_LOCAL : 0));
	if (s->variant_of != NULL)
		put_str(b, s->variant_of);
	put_ltext(b, &s->name);
	put_ltext(b, &s->summary);
	put_ltext(b, &s->org);
	put_str(b, s->org_id);
	put_strv(b, s->classes, s->nclasses);
	put_strv(b, s->events, s->nevents);
	put_strv(b, s->groups, s->ngroups);
	if (s->municipalities != NULL)
		put_strv(b, s->municipalities, s->nmunicipalities);
	for (int d = 0; d < DIM_COUNT; d++) {
		uint64_t bits;
		memcpy(&bits, &s->relevance[d], sizeof bits);
		put_u64(b, bits);
	}
	put_situations(b, &s->elig.forv, q);
	put_conds(b, s->elig.not_for, q);
	put_conds(b, s->elig.unless_no, q);
	cache_buf_u32(b, (unsigned long)(uint32_t)(int32_t)s->elig.age_min);
	cache_buf_u32(b, (unsigned long)(uint32_t)(int32_t)s->elig.age_max);
	put_situations(b, &s->step.when, q);
	put_conds(b, s->step.unless, q);
	put_ltext(b, &s->step.text);
	for (int l = 0; l < LANG_COUNT; l++)
		put_strv(b, s->keywords[l], s->nkeywords[l]);
	cache_buf_u32(b, (unsigned long)s->nch);
	for (size_t i = 0; i < s->nch; i++)
		put_channel(b, &s->ch[i]);
	put_str(b, s->source);
	if (s->checked != NULL)
		put_str(b, s->checked);
}

/* ---- Reading --------------------------------------------------------- */

/* A cursor over one record.  The first failure sticks in bad; every
 * getter then returns zeroes, so a decoder checks once per step. */
struct rd {
	const unsigned char *p, *end;
	const struct catalogue_codes *codes;
	const char *bad;
	char *detail;		/* e.g. the unknown code, for the message */
};

static bool
fail(struct rd *r, const char *why)
{
	if (r->bad == NULL)
		r->bad = why;
	r->p = r->end;
	return false;
}

static bool
need(struct rd *r, size_t n)
{
	if (r->bad != NULL)
		return false;
	if ((size_t)(r->end - r->p) < n)
		return fail(r, "a field runs past the record's end");
	return true;
}

static unsigned int
get_u8(struct rd *r)
{
	return need(r, 1) ? *r->p++ : 0;
}

static uint32_t
get_u32(struct rd *r)
{
	if (!need(r, 4))
		return 0;
	uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 |
	    (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static int32_t
get_i32(struct rd *r)
{
	uint32_t u = get_u32(r);
	int32_t v;
	memcpy(&v, &u, sizeof v);
	return v;
}

/* A count of items of at least min_size bytes each: never more than the
 * record can hold, so a damaged count cannot make a huge allocation. */
static size_t
get_count(struct rd *r, size_t min_size)
{
	uint32_t n = get_u32(r);
	if (r->bad == NULL && n > (size_t)(r->end - r->p) / min_size) {
		fail(r, "a count larger than the record");
		return 0;
	}
	return n;
}

/* A string in the record, checked: its NUL where the length says, none
 * before, and clean text.  Borrowed from the record. */
static const char *
get_raw(struct rd *r)
{
	uint32_t n = get_u32(r);
	if (!need(r, (size_t)n + 1))
		return NULL;
	const char *s = (const char *)r->p;
	if (s[n] != '\0' || memchr(s, '\0', n) != NULL) {
		fail(r, "a text of the wrong length");
		return NULL;
	}
	if (!text_is_clean(s)) {
		fail(r, "a text with a control character or invalid UTF-8");
		return NULL;
	}
	r->p += n + 1;
	return s;
}

static char *
get_str(struct rd *r)
{
	const char *s = get_raw(r);
	return s != NULL ? xstrdup(s) : NULL;
}

static void
get_ltext(struct rd *r, struct ltext *t)
{
	unsigned int mask = get_u8(r);
	if (mask >> LANG_COUNT) {
		fail(r, "a text in an unknown language");
		return;
	}
	for (int l = 0; l < LANG_COUNT; l++)
		if (mask & (1u << l))
			t->v[l] = get_str(r);
}

static void
get_strv(struct rd *r, char ***v, size_t *n)
{
	size_t count = get_count(r, 5);
	if (count == 0)
		return;
	*v = xcalloc(count, sizeof **v);
	for (size_t i = 0; i < count && r->bad == NULL; i++) {
		(*v)[i] = get_str(r);
		*n = i + 1;
	}
}

/* Codes of a table: the table's own strings (codes_shared). */
static void
get_codes(struct rd *r, const struct codes *table, char ***v, size_t *n)
{
	size_t count = get_count(r, 5);
	if (count == 0)
		return;
	*v = xcalloc(count, sizeof **v);
	for (size_t i = 0; i < count && r->bad == NULL; i++) {
		const char *s = get_raw(r);
		const char *shared = s != NULL ? codes_intern(table, s) : NULL;
		if (s != NULL && shared == NULL) {
			r->detail = xasprintf("unknown code \"%s\"", s);
			fail(r, "an unknown code");
		}
		if (shared == NULL)
			return;
		(*v)[i] = (char *)shared;
		*n = i + 1;
	}
}

static condset
get_conds(struct rd *r)
{
	unsigned int n = get_u8(r);
	condset m = 0;
	for (unsigned int i = 0; i < n && r->bad == NULL; i++) {
		const char *id = get_raw(r);
		long c = id != NULL ? quest_condition(r->codes->quest, id) : -1;
		if (id != NULL && c < 0) {
			r->detail = xasprintf("\"%s\" is not a condition of assets/questions.json", id);
			fail(r, "an unknown condition");
		}
		if (c >= 0)
			m |= COND_BIT(c);
	}
	return m;
}

static void
get_situations(struct rd *r, struct situations *s)
{
	unsigned int n = get_u8(r);
	if (n > SITUATIONS_MAX) {
		fail(r, "too many situations");
		return;
	}
	for (unsigned int i = 0; i < n && r->bad == NULL; i++) {
		s->v[i] = get_conds(r);
		if (s->v[i] == 0)
			fail(r, "a situation without a condition");
		s->n = i + 1;
	}
}

static bool
minute_ok(int m, bool allow_24)
{
	return m >= 0 && (m < 1440 || (allow_24 && m == 1440));
}

static void
get_hours_entry(struct rd *r, struct hours_entry *e)
{
	unsigned int kind = get_u8(r);
	e->valid_from = get_i32(r);
	e->valid_to = get_i32(r);
	unsigned int flags = get_u8(r);
	e->kind = kind == 1 ? HOURS_EXCEPTIONAL : HOURS_NORMAL;
	e->closed = flags & 1;
	e->always_open = (flags & 2) != 0;
	if (kind > 1 || flags > 3 || e->valid_from > e->valid_to || (e->closed && e->always_open)) {
		fail(r, "an opening hours entry out of range");
		return;
	}
	size_t n = get_count(r, 6);
	if (n > HOURS_MAX_TIMES) {
		fail(r, "too many opening times");
		return;
	}
	if (n > 0) {
		e->times = xcalloc(n, sizeof *e->times);
		e->ntimes = n;
	}
	for (size_t t = 0; t < n && need(r, 6); t++) {
		struct hours_time *ht = &e->times[t];
		ht->day_from = r->p[0];
		ht->day_to = r->p[1];
		ht->from = r->p[2] | r->p[3] << 8;
		ht->to = r->p[4] | r->p[5] << 8;
		r->p += 6;
		if (ht->day_from < 1 || ht->day_from > 7 || ht->day_to < 1 || ht->day_to > 7 ||
		    !minute_ok(ht->from, false) || !minute_ok(ht->to, true))
			fail(r, "an opening time out of range");
	}
	struct ltext info = { { NULL } };
	get_ltext(r, &info);
	for (int l = 0; l < LANG_COUNT; l++)
		e->info[l] = info.v[l];
}

static void
get_channel(struct rd *r, struct cat_channel *c)
{
	c->id = get_str(r);
	unsigned int type = get_u8(r);
	if (type > CHANNEL_OTHER)
		fail(r, "an unknown channel type");
	c->type = (enum channel_type)type;
	get_ltext(r, &c->name);
	get_ltext(r, &c->web);
	get_ltext(r, &c->hours);
	size_t n = get_count(r, 8);	/* a phone has at least 9 bytes */
	if (n > 0) {
		c->phones = xcalloc(n, sizeof *c->phones);
		c->phone = xcalloc(n, sizeof *c->phone);
	}
	for (size_t k = 0; k < n && r->bad == NULL; k++) {
		struct cat_phone *ph = &c->phone[k];
		c->nphones = k + 1;
		ph->lang = -1;
		c->phones[k] = get_str(r);
		unsigned int charge = get_u8(r);
		if (charge > PHONE_CHARGE_OTHER)
			fail(r, "an unknown phone charge");
		ph->charge = (enum phone_charge)charge;
		get_ltext(r, &ph->charge_info);
		get_ltext(r, &ph->info);
		unsigned int lang = get_u8(r);
		if (lang > LANG_COUNT)
			fail(r, "a phone line in an unknown language");
		ph->lang = (int)lang - 1;
	}
	get_strv(r, &c->emails, &c->nemails);
	get_ltext(r, &c->address);
	n = get_count(r, 15);	/* an entry has at least 15 bytes */
	if (n > HOURS_MAX_ENTRIES) {
		fail(r, "too many opening hours entries");
		return;
	}
	if (n > 0)
		c->opening.v = xcalloc(n, sizeof *c->opening.v);
	for (size_t k = 0; k < n && r->bad == NULL; k++) {
		c->opening.n = k + 1;
		get_hours_entry(r, &c->opening.v[k]);
	}
	for (int l = 0; l < LANG_COUNT; l++)
		get_strv(r, &c->access[l], &c->naccess[l]);
	c->languages = get_u8(r);
	if (c->languages >> LANG_COUNT)
		fail(r, "a channel in an unknown language");
}

char *
cache_record_id(const unsigned char *p, size_t len)
{
	struct rd r = { .p = p, .end = p + len };
	char *id = get_str(&r);
	free(r.detail);
	return id;
}

int
cache_record_decode(const unsigned char *p, size_t len, const struct catalogue_codes *codes,
    struct cat_service *s, char **cause)
{
	struct rd r = { .p = p, .end = p + len, .codes = codes };

	memset(s, 0, sizeof *s);
	s->codes_shared = true;
	s->id = get_str(&r);
	unsigned int flags = get_u8(&r);
	if (flags >> 5)
		fail(&r, "unknown flags");
	s->from_register = flags & REC_REGISTER;
	s->general = (flags & REC_GENERAL) != 0;
	if (flags & REC_VARIANT)
		s->variant_of = get_str(&r);
	get_ltext(&r, &s->name);
	get_ltext(&r, &s->summary);
	get_ltext(&r, &s->org);
	s->org_id = get_str(&r);
	get_codes(&r, codes->classes, &s->classes, &s->nclasses);
	get_codes(&r, codes->life_events, &s->events, &s->nevents);
	get_codes(&r, codes->groups, &s->groups, &s->ngroups);
	if (flags & REC_LOCAL) {
		get_strv(&r, &s->municipalities, &s->nmunicipalities);
		if (r.bad == NULL && s->nmunicipalities == 0)
			fail(&r, "a local service without a municipality");
		for (size_t i = 0; i < s->nmunicipalities && r.bad == NULL; i++)
			if (munis_find(codes->munis, s->municipalities[i]) < 0)
				fail(&r, "an unknown municipality code");
	}
	for (int d = 0; d < DIM_COUNT; d++) {
		uint64_t bits = get_u32(&r);
		bits |= (uint64_t)get_u32(&r) << 32;
		memcpy(&s->relevance[d], &bits, sizeof bits);
		if (!(s->relevance[d] >= 0.0 && s->relevance[d] <= 1.0))
			fail(&r, "a relevance outside 0 to 1");
	}
	get_situations(&r, &s->elig.forv);
	s->elig.not_for = get_conds(&r);
	s->elig.unless_no = get_conds(&r);
	s->elig.age_min = get_i32(&r);
	s->elig.age_max = get_i32(&r);
	if (s->elig.age_min < -1 || s->elig.age_min > 130 || s->elig.age_max < -1 ||
	    s->elig.age_max > 130)
		fail(&r, "an age outside 0 to 130");
	get_situations(&r, &s->step.when);
	s->step.unless = get_conds(&r);
	get_ltext(&r, &s->step.text);
	for (int l = 0; l < LANG_COUNT; l++)
		get_strv(&r, &s->keywords[l], &s->nkeywords[l]);
	size_t n = get_count(&r, 16);	/* a channel has at least 35 bytes */
	if (n > 0)
		s->ch = xcalloc(n, sizeof *s->ch);
	for (size_t i = 0; i < n && r.bad == NULL; i++) {
		s->nch = i + 1;
		get_channel(&r, &s->ch[i]);
	}
	s->source = get_str(&r);
	if (flags & REC_CHECKED)
		s->checked = get_str(&r);
	if (r.bad == NULL && r.p != r.end)
		fail(&r, "bytes after the record's last field");
	if (r.bad == NULL && (s->id == NULL || s->org_id == NULL || s->source == NULL ||
	    s->nclasses == 0 || ltext_get(&s->name, LANG_EN) == NULL))
		fail(&r, "a service without its id, name, organisation, class or source");
	if (r.bad == NULL)
		return 0;
	*cause = r.detail != NULL ? r.detail : xstrdup(r.bad);
	cat_service_free(s);
	return -1;
}
