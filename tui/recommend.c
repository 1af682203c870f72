#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recommend.h"
#include "text.h"
#include "util.h"
#include "words.h"

double
recommend_cosine(const double *a, const double *b)
{
	double dot = 0, na = 0, nb = 0;

	for (int d = 0; d < DIM_COUNT; d++) {
		dot += a[d] * b[d];
		na += a[d] * a[d];
		nb += b[d] * b[d];
	}
	if (na == 0 || nb == 0)
		return 0;
	return dot / (sqrt(na) * sqrt(nb));
}

static bool
qualifies_here(const struct cat_service *s, const struct profile *p)
{
	if (s->municipalities == NULL)
		return true;
	return p->municipality[0] != '\0' &&
	    strv_contains(s->municipalities, s->nmunicipalities, p->municipality);
}

/*
 * Matching a service's codes against the profile's tags is most of the
 * ranking's work: a 10,000-service register catalogue has some 30,000
 * codes, each compared with every tag by strcmp.  The answer depends
 * only on the code, and the catalogue loader shares one string per code
 * (the code table's own, catalogue.c), so one ranking remembers the
 * answer per string pointer.  Keyed by pointer, it stays right for a
 * catalogue whose strings are not shared (each is then looked up once).
 */
struct memo_slot {
	const char *key;	/* NULL: free */
	const struct tag *tag;	/* the answer; NULL when no tag matches */
};
struct memo {
	struct memo_slot *v;
	size_t cap, n;		/* cap a power of two */
};

static size_t
memo_hash(const char *key)
{
	uintptr_t x = (uintptr_t)key;
	x ^= x >> 17;
	x *= (uintptr_t)0x9e3779b97f4a7c15ull;
	return (size_t)(x ^ (x >> 29));
}

/* The slot of key: found, or the free one where it belongs. */
static struct memo_slot *
memo_slot(struct memo *m, const char *key)
{
	if (m->n * 2 >= m->cap) {
		struct memo old = *m;
		m->cap = old.cap ? old.cap * 2 : 256;
		m->v = xcalloc(m->cap, sizeof *m->v);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++) {
			if (old.v[i].key != NULL) {
				*memo_slot(m, old.v[i].key) = old.v[i];
				m->n++;
			}
		}
		free(old.v);
	}
	size_t i = memo_hash(key) & (m->cap - 1);
	while (m->v[i].key != NULL && m->v[i].key != key)
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

struct rank_memo {
	struct memo events, classes, groups;
	double need[DIM_COUNT];	/* profile_need() of each dimension */
};

static const struct tag *event_match(const struct tags *, const char *);

/* match(tags, code), remembered in m when m is not NULL. */
static const struct tag *
memo_match(struct memo *m, const struct tags *t, const char *code,
    const struct tag *(*match)(const struct tags *, const char *))
{
	if (m == NULL)
		return match(t, code);
	struct memo_slot *s = memo_slot(m, code);
	if (s->key == NULL) {
		s->key = code;
		s->tag = match(t, code);
		m->n++;
	}
	return s->tag;
}

static void
rank_memo_free(struct rank_memo *rm)
{
	free(rm->events.v);
	free(rm->classes.v);
	free(rm->groups.v);
}

/*
 * Which services a local variant stands in for here: a national entry is
 * left out when a variant of it ("variant_of") serves the citizen's
 * municipality, so that Jyväskylä sees Keski-Suomen hyvinvointialue's
 * clinic and not the generic one beside it.  Without a municipality no
 * variant qualifies and the national entry stays.  out has cat->n bools.
 */
void
recommend_superseded(const struct catalogue *cat, const struct profile *p, bool *out)
{
	const struct cat_index *ix = catalogue_index_of(cat);
	size_t nv = ix != NULL ? ix->nvariants : cat->n;

	memset(out, 0, cat->n * sizeof *out);
	for (size_t j = 0; j < nv; j++) {
		size_t i = ix != NULL ? ix->variants[j] : j;
		const struct cat_service *v = &cat->v[i];
		if (v->variant_of == NULL || v->municipalities == NULL || !qualifies_here(v, p))
			continue;
		for (size_t k = 0; k < cat->n; k++)
			if (k != i && strcmp(cat->v[k].id, v->variant_of) == 0)
				out[k] = true;
	}
}

static bool
same_reason(const struct reason *a, const struct reason *b)
{
	if (a->kind == REASON_METER || b->kind == REASON_METER)
		return a->kind == b->kind && a->dim == b->dim;
	return a->question == b->question && a->option == b->option;
}

/* Reasons come in order of how telling they are; one per answer. */
static void
add_reason(struct reason *v, size_t *n, const struct reason *r)
{
	if (v == NULL || *n >= RECOMMEND_MAX_REASONS)
		return;
	if (r->kind != REASON_METER && r->question == PROFILE_NO_SOURCE &&
	    r->code[0] == '\0')
		return;
	for (size_t i = 0; i < *n; i++)
		if (same_reason(&v[i], r))
			return;
	v[(*n)++] = *r;
}

static void
reason_from_tag(struct reason *r, const struct tag *t)
{
	memset(r, 0, sizeof *r);
	r->kind = t->question == QUEST_EVENT_QUESTION ||
	    t->question == PROFILE_NO_SOURCE ? REASON_EVENT : REASON_ANSWER;
	r->question = t->question;
	r->option = t->option;
	r->value = t->value;
	r->dim = -1;
	snprintf(r->code, sizeof r->code, "%s", t->code);
}

/* The answer that settled condition c, as a reason. */
static void
reason_from_condition(struct reason *r, const struct profile *p, size_t c)
{
	reason_from_tag(r, &p->cond_src[c]);
	r->code[0] = '\0';
}

/*
 * Of the conditions in mask (not 0), the one whose answer says most: an
 * event's own follow-up question ("Registered jobseeker: Not yet") before
 * a common one ("Age group"), which comes later in quest->q, and either
 * before the choice of the event itself.
 */
static size_t
telling_condition(const struct profile *p, condset mask)
{
	size_t best = QUEST_MAX_CONDITIONS, best_q = 0;

	for (size_t c = 0; c < QUEST_MAX_CONDITIONS; c++) {
		if (!(mask & COND_BIT(c)))
			continue;
		size_t q = p->cond_src[c].question;
		if (q == QUEST_EVENT_QUESTION)
			q = (size_t)-2;	/* after every answer, before none */
		if (best == QUEST_MAX_CONDITIONS || q < best_q) {
			best = c;
			best_q = q;
		}
	}
	return best;
}

/* Whether an answer (not the choice of event itself) gave the tag. */
static bool
from_answer(const struct tag *t)
{
	return t->question != QUEST_EVENT_QUESTION && t->question != PROFILE_NO_SOURCE;
}

/*
 * Whether a service's life-event code matches the citizen's events:
 * exactly; a service's event (KE4) matches any of its sub-events (KE4.2);
 * a service's sub-event (KE4.3) matches its parent event only when the
 * citizen named no sub-event of it, so moving within Finland does not
 * bring up the services for moving abroad.
 */
static const struct tag *
event_match(const struct tags *events, const char *code)
{
	const char *dot = strchr(code, '.');

	for (size_t i = 0; i < events->n; i++)
		if (strcmp(events->v[i].code, code) == 0)
			return &events->v[i];
	if (dot == NULL) {
		size_t n = strlen(code);
		for (size_t i = 0; i < events->n; i++)
			if (strncmp(events->v[i].code, code, n) == 0 && events->v[i].code[n] == '.')
				return &events->v[i];
		return NULL;
	}
	size_t n = (size_t)(dot - code);
	const struct tag *parent = NULL;
	for (size_t i = 0; i < events->n; i++) {
		const char *c = events->v[i].code;
		if (strncmp(c, code, n) != 0)
			continue;
		if (c[n] == '\0')
			parent = &events->v[i];
		else if (c[n] == '.')
			return NULL;	/* another sub-event was named */
	}
	return parent;
}

/* Out when the age group lies wholly outside the service's ages. */
static bool
age_fits(const struct eligibility *e, const struct profile *p)
{
	if (p->age_min < 0)
		return true;
	if (e->age_min >= 0 && p->age_max < e->age_min)
		return false;
	if (e->age_max >= 0 && p->age_min > e->age_max)
		return false;
	return true;
}

/* Whether code (KE4.4) belongs to a life event the citizen chose (KE4). */
static bool
chosen_event(const struct profile *p, const char *code)
{
	size_t n = strcspn(code, ".");

	for (size_t i = 0; i < p->events.n; i++) {
		const struct tag *t = &p->events.v[i];
		if (from_answer(t))
			continue;
		if (strcspn(t->code, ".") == n && strncmp(t->code, code, n) == 0)
			return true;
	}
	return false;
}

/* Count the questions whose answers named a service, up to three. */
static void
count_answer(size_t *v, size_t *n, size_t question)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == question)
			return;
	if (*n < 3)
		v[(*n)++] = question;
}

/* The first of the situations that the answers establish (every
 * condition of it yes), or 0 when none is. */
static condset
situation(const struct situations *sit, const struct profile *p)
{
	for (size_t i = 0; i < sit->n; i++)
		if ((sit->v[i] & ~p->cond_yes) == 0)
			return sit->v[i];
	return 0;
}

bool
recommend_first_step(const struct cat_service *s, const struct profile *p)
{
	return first_step_exists(&s->step) &&
	    (s->step.when.n == 0 || situation(&s->step.when, p) != 0) &&
	    (s->step.unless & p->cond_yes) == 0;
}

/* Out by the answers alone, whatever the life event. */
static bool
ruled_out(const struct cat_service *s, const struct profile *p)
{
	const struct eligibility *e = &s->elig;

	return !qualifies_here(s, p) || !age_fits(e, p) ||
	    (e->forv.n > 0 && situation(&e->forv, p) == 0) ||
	    (e->not_for & p->cond_yes) != 0 ||
	    (e->unless_no & p->cond_no) != 0;
}

/* How a service fits the citizen's life event and answers (step 1). */
struct fit {
	const struct tag *event;	/* the chosen event, or a sub-event of it */
	const struct tag *answer;	/* the first answer that named it */
	size_t nanswers;		/* questions whose answers named it */
	bool subevent;			/* its very sub-event (KE4.2, not KE4) */
	bool event_class;		/* one of the event's own classes */
	bool group;			/* one of the citizen's target groups */
};

/*
 * Step 1, scope: the citizen's life event (or a sub-event of it that an
 * answer named, "Moving back to Finland"), or another event that an
 * answer named exactly ("Starting my own business" after a job loss), or
 * a class an answer named.  False when nothing brings the service in.
 */
static bool
match_scope(const struct cat_service *s, const struct profile *p, struct fit *f,
    struct rank_memo *rm)
{
	size_t questions[3];

	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < s->nevents; i++) {
		const struct tag *t = memo_match(rm ? &rm->events : NULL, &p->events,
		    s->events[i], event_match);
		if (t == NULL)
			continue;
		if (chosen_event(p, t->code)) {
			if (f->event == NULL || strcmp(t->code, s->events[i]) == 0)
				f->event = t;
			if (strchr(s->events[i], '.') != NULL && strcmp(t->code, s->events[i]) == 0)
				f->subevent = true;
		} else if (strcmp(t->code, s->events[i]) == 0) {
			count_answer(questions, &f->nanswers, t->question);
			if (f->answer == NULL)
				f->answer = t;
		}
	}
	for (size_t i = 0; i < s->nclasses; i++) {
		const struct tag *t = memo_match(rm ? &rm->classes : NULL, &p->classes,
		    s->classes[i], tags_match);
		if (t == NULL)
			continue;
		if (!from_answer(t)) {
			f->event_class = true;
			continue;
		}
		count_answer(questions, &f->nanswers, t->question);
		if (f->answer == NULL)
			f->answer = t;
	}
	for (size_t i = 0; i < s->ngroups && !f->group; i++)
		if (memo_match(rm ? &rm->groups : NULL, &p->groups, s->groups[i],
		    tags_match) != NULL)
			f->group = true;
	return f->event != NULL || f->answer != NULL;
}

/* The life-situation dimension that pulls the service up the most, or
 * -1: a low rating of something the service is about. */
static int
telling_meter(const struct cat_service *s, const struct profile *p)
{
	int best = -1;
	double best_w = RECOMMEND_METER_REASON;

	for (int d = 0; d < DIM_COUNT; d++) {
		double w = profile_need(p, d) * s->relevance[d];
		if (p->nmeter[d] > 0 && w > best_w) {
			best = d;
			best_w = w;
		}
	}
	return best;
}

/* Why the service is suggested, the most telling answer first. */
static void
explain(const struct cat_service *s, const struct profile *p, const struct fit *f,
    bool step, struct reason *reasons, size_t *n)
{
	const struct eligibility *e = &s->elig;
	struct reason r;

	if (step) {
		/* "Registered jobseeker: Not yet" says more than the event
		 * that made the citizen a jobseeker. */
		condset why = (s->step.unless & p->cond_no) != 0 ?
		    (s->step.unless & p->cond_no) : situation(&s->step.when, p);
		if (why != 0) {
			reason_from_condition(&r, p, telling_condition(p, why));
			add_reason(reasons, n, &r);
		}
	}
	if (e->forv.n > 0) {
		/* The answer behind the situation that says most. */
		reason_from_condition(&r, p, telling_condition(p, situation(&e->forv, p)));
		add_reason(reasons, n, &r);
	}
	if (f->answer != NULL) {
		reason_from_tag(&r, f->answer);
		add_reason(reasons, n, &r);
	}
	if (f->event != NULL && from_answer(f->event)) {
		/* "Kind of move: Moving back to Finland from abroad" */
		reason_from_tag(&r, f->event);
		add_reason(reasons, n, &r);
	}
	int d = telling_meter(s, p);
	if (d >= 0 && p->rated[d]) {
		memset(&r, 0, sizeof r);
		r.kind = REASON_METER;
		r.dim = d;
		r.option = -1;
		r.question = PROFILE_NO_SOURCE;
		/* The citizen's own rating, not a mean with implied values. */
		r.value = (int)lround(profile_own_mean(p, d));
		add_reason(reasons, n, &r);
	} else if (d >= 0) {
		/* Not rated: the answer that implied the need is the reason. */
		reason_from_tag(&r, &p->implied[d]);
		r.code[0] = '\0';
		add_reason(reasons, n, &r);
	}
	if (*n == 0 && f->event != NULL) {
		reason_from_tag(&r, f->event);
		add_reason(reasons, n, &r);
	}
}

/* Step 4: the score within the tier (the weights of recommend.h). */
static double
weigh(const struct cat_service *s, const struct profile *p, const struct fit *f,
    const double *need)
{
	return (f->event != NULL ? WEIGHT_EVENT : 0) +
	    (f->subevent ? WEIGHT_SUBEVENT : 0) +
	    (f->answer != NULL ? WEIGHT_ANSWER : 0) +
	    (f->nanswers > 1 ? WEIGHT_MORE_ANSWERS * (double)(f->nanswers - 1) : 0) +
	    ((s->elig.unless_no & ~p->cond_yes) != 0 ? WEIGHT_UNKNOWN : 0) +
	    (s->general ? WEIGHT_GENERAL : 0) +
	    (s->elig.forv.n > 0 ? WEIGHT_FOR : 0) +
	    (f->event_class ? WEIGHT_EVENT_CLASS : 0) +
	    (f->group ? WEIGHT_GROUP : 0) +
	    WEIGHT_COSINE * recommend_cosine(need, s->relevance);
}

/* The tier and score; with explaining, the reasons too (which neither
 * the tier nor the score depend on: a ranking explains only the services
 * it keeps). */
static enum tier
score_memo(const struct cat_service *s, const struct profile *p, bool explaining,
    double *score, struct reason *reasons, size_t *nreasons, struct rank_memo *rm)
{
	struct fit f;
	size_t n = 0;
	double need[DIM_COUNT];

	if (nreasons != NULL)
		*nreasons = 0;
	*score = 0;
	if (ruled_out(s, p) || !match_scope(s, p, &f, rm))
		return TIER_OUT;
	bool step = recommend_first_step(s, p);
	if (explaining)
		explain(s, p, &f, step, reasons, &n);
	if (nreasons != NULL)
		*nreasons = n;
	if (rm == NULL)
		for (int d = 0; d < DIM_COUNT; d++)
			need[d] = profile_need(p, d);
	*score = weigh(s, p, &f, rm != NULL ? rm->need : need);
	return step ? TIER_FIRST_STEP : TIER_ELIGIBLE;
}

enum tier
recommend_score(const struct cat_service *s, const struct profile *p,
    double *score, struct reason *reasons, size_t *nreasons)
{
	return score_memo(s, p, true, score, reasons, nreasons, NULL);
}

/*
 * What one ranking knows of the codes before it looks at any service
 * (catalogue.h, struct cat_index): for each distinct life event and
 * class, whether any tag of the profile matches it, and the number of
 * the citizen's municipality.  A service none of whose events and classes
 * match is out of scope (match_scope() finds neither an event nor an
 * answer), and a local one that lists another municipality is ruled out
 * (qualifies_here()): those two tests on the flat arrays pass over most
 * of a register catalogue, and score_memo() decides the rest exactly as
 * before, so the results do not change.
 */
struct prefilter {
	const struct cat_index *ix;
	bool *event_ok, *class_ok;	/* one allocation, nevents + nclasses */
	long muni;			/* in ix->munis, or -1 */
};

static void
prefilter_init(struct prefilter *pf, const struct catalogue *cat, const struct profile *p)
{
	const struct cat_index *ix = catalogue_index_of(cat);

	memset(pf, 0, sizeof *pf);
	pf->muni = -1;
	if (ix == NULL)
		return;
	pf->ix = ix;
	pf->event_ok = xcalloc(ix->nevents + ix->nclasses + 1, sizeof *pf->event_ok);
	pf->class_ok = pf->event_ok + ix->nevents;
	for (size_t c = 0; c < ix->nevents; c++)
		pf->event_ok[c] = event_match(&p->events, ix->events[c]) != NULL;
	for (size_t c = 0; c < ix->nclasses; c++)
		pf->class_ok[c] = tags_match(&p->classes, ix->classes[c]) != NULL;
	for (size_t m = 0; m < ix->nmunis && p->municipality[0] != '\0'; m++)
		if (strcmp(ix->munis[m], p->municipality) == 0)
			pf->muni = (long)m;
}

/* False when service i is surely out; true when score_memo() decides. */
static bool
prefilter_may(const struct prefilter *pf, size_t i)
{
	const struct cat_index *ix = pf->ix;
	bool in = false;

	if (ix == NULL)
		return true;
	if (ix->local[i]) {
		if (pf->muni < 0)
			return false;
		for (uint32_t k = ix->mu_at[i]; k < ix->mu_at[i + 1] && !in; k++)
			in = ix->mu[k] == pf->muni;
		if (!in)
			return false;
		in = false;
	}
	for (uint32_t k = ix->ev_at[i]; k < ix->ev_at[i + 1] && !in; k++)
		in = pf->event_ok[ix->ev[k]];
	for (uint32_t k = ix->cl_at[i]; k < ix->cl_at[i + 1] && !in; k++)
		in = pf->class_ok[ix->cl[k]];
	return in;
}

struct scored {
	size_t index;
	int tier;
	double score;
};

static int
by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	if (x->tier != y->tier)
		return x->tier < y->tier ? 1 : -1;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	/* Equal scores keep catalogue order, so results are stable. */
	return x->index < y->index ? -1 : x->index > y->index;
}

void
recommend(const struct catalogue *cat, const struct profile *p, size_t limit,
    struct results *out)
{
	/* Only the services in scope are kept: in a register catalogue
	 * they are a few of thousands. */
	struct scored *sc = NULL;
	size_t cap = 0;
	bool *superseded = xcalloc(cat->n ? cat->n : 1, sizeof *superseded);
	struct rank_memo rm;
	size_t n = 0;

	memset(&rm, 0, sizeof rm);
	for (int d = 0; d < DIM_COUNT; d++)
		rm.need[d] = profile_need(p, d);

	memset(out, 0, sizeof *out);
	out->source = SOURCE_EMBEDDED;
	out->lang = p->lang;
	out->catalogue_date = cat->date;
	out->from_register = cat->origin == CATALOGUE_REGISTER;
	if (limit == 0 || limit > RECOMMEND_MAX_LIMIT)
		limit = RECOMMEND_MAX_LIMIT;

	struct prefilter pf;
	prefilter_init(&pf, cat, p);
	recommend_superseded(cat, p, superseded);
	for (size_t i = 0; i < cat->n; i++) {
		if (superseded[i] || !prefilter_may(&pf, i))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			sc = xreallocarray(sc, cap, sizeof *sc);
		}
		struct scored *s = &sc[n];
		s->index = i;
		s->tier = (int)score_memo(&cat->v[i], p, false, &s->score, NULL, NULL, &rm);
		if (s->tier != TIER_OUT)
			n++;
	}
	free(pf.event_ok);
	if (n > 0)	/* sc is NULL when nothing scored */
		qsort(sc, n, sizeof *sc, by_score);
	if (n > limit)
		n = limit;

	out->v = xcalloc(n, sizeof *out->v);
	for (size_t i = 0; i < n; i++) {
		struct service *s = &out->v[i];
		const struct cat_service *cs = &cat->v[sc[i].index];
		catalogue_to_result(cs, p->lang, s);
		s->rank = (int)i + 1;
		/* Tier and score in one number from 0 to 1 that falls with
		 * the rank, as AuroraAI's similarity score does: a score
		 * within a tier lies in -0.5 .. 1.5 (recommend.h), so each
		 * tier takes a band of 2. */
		s->score = (2.0 * sc[i].tier + sc[i].score + 0.5) / (2.0 * TIER_FIRST_STEP + 2.0);
		if (sc[i].tier == TIER_FIRST_STEP)
			s->first_step = xstrdup(ltext_get(&cs->step.text, p->lang));
		/* The reasons of the services kept, as the first pass would
		 * have found them. */
		struct reason reasons[RECOMMEND_MAX_REASONS];
		double again;
		score_memo(cs, p, true, &again, reasons, &s->nreasons, &rm);
		s->reasons = xcalloc(s->nreasons, sizeof *s->reasons);
		memcpy(s->reasons, reasons, s->nreasons * sizeof *s->reasons);
		wipe(reasons, sizeof reasons);
	}
	rank_memo_free(&rm);
	out->n = n;
	if (sc != NULL)
		wipe(sc, cap * sizeof *sc);
	free(sc);
	free(superseded);
}

/* The weights of the fields a search word may match in. */
#define SEARCH_IN_NAME 4
#define SEARCH_IN_KEYWORDS 3
#define SEARCH_IN_SUMMARY 1
/* The words typed name the service: they are one of its keywords,
 * whole ("eläke" is a keyword of the pension claim, not of the pension
 * from abroad), or every one of them is a word of its name ("divorce"
 * in "Application for divorce"). */
#define SEARCH_WHOLE_KEYWORD 12

/*
 * A search's words, stemmed in the citizen's language, and the same
 * words stemmed in Finnish, one for one (words_stem_query()), for the
 * fields a service has only in Finnish.
 */
struct query {
	enum lang lang;
	struct lines words;	/* in lang */
	struct lines fi;	/* the same words in Finnish; empty when lang is */
};

/* The query's stems for a field read in language l. */
static const struct lines *
query_in(const struct query *q, enum lang l)
{
	return l == q->lang || l != LANG_FI ? &q->words : &q->fi;
}

/*
 * The language in which a search reads a text of a service: the
 * citizen's, else Finnish when the service has the text only in Finnish,
 * as a register service may (the detail screen shows it so, marked "(in
 * Finnish)"): a citizen reading Swedish who types its Finnish name finds
 * it.  A Swedish word never finds a service through the Finnish name of
 * one that has a Swedish name.  -1 when it has neither.
 */
static int
search_lang(const struct ltext *t, enum lang l)
{
	return t->v[l] != NULL ? (int)l : t->v[LANG_FI] != NULL ? LANG_FI : -1;
}

static int
keywords_lang(const struct cat_service *s, enum lang l)
{
	return s->nkeywords[l] > 0 ? (int)l : s->nkeywords[LANG_FI] > 0 ? LANG_FI : -1;
}

/* Whether the query's stems are exactly those of one keyword. */
static bool
whole_keyword(struct stemmers *st, const struct cat_service *s, const struct query *q)
{
	int l = keywords_lang(s, q->lang);
	bool same = false;

	if (l < 0)
		return false;
	const struct lines *query = query_in(q, (enum lang)l);
	for (size_t k = 0; k < s->nkeywords[l] && !same; k++) {
		struct lines kw = { 0 };
		words_stem(st, (enum lang)l, s->keywords[l][k], true, &kw);
		same = kw.n == query->n;
		for (size_t i = 0; i < kw.n && same; i++)
			same = strcmp(kw.v[i], query->v[i]) == 0;
		lines_free(&kw);
	}
	return same;
}

/* The best weight with which a query stem matches one field's stems. */
static int
field_match(enum lang l, const struct lines *field, const char *q, int weight)
{
	int best = 0;
	for (size_t i = 0; i < field->n; i++) {
		int m = words_match(l, field->v[i], q);
		if (m * weight > best)
			best = m * weight;
	}
	return best;
}

/* One field of a service, stemmed in the language it is read in. */
struct field {
	enum lang lang;
	struct lines stems;
	const struct lines *query;	/* the query's stems in lang */
};

static void
field_stem(struct stemmers *st, struct field *f, int l, const char *const *texts,
    size_t n, const struct query *q)
{
	memset(f, 0, sizeof *f);
	f->lang = l >= 0 ? (enum lang)l : q->lang;
	f->query = query_in(q, f->lang);
	for (size_t k = 0; l >= 0 && k < n; k++)
		words_stem(st, f->lang, texts[k], false, &f->stems);
}

static int
field_hit(const struct field *f, size_t i, int weight)
{
	return field_match(f->lang, &f->stems, f->query->v[i], weight);
}

/* How many query words a service matches, how many of them in its name
 * or keywords (*strong), and how strongly. */
static size_t
word_hits(struct stemmers *st, const struct cat_service *s, const struct query *q,
    size_t *strong, double *strength)
{
	struct field name, summary, keywords;
	size_t hits = 0;
	enum lang l = q->lang;
	int nl = search_lang(&s->name, l), sl = search_lang(&s->summary, l);
	int kl = keywords_lang(s, l);

	/* The citizen's language, or Finnish where the service has no text
	 * in it (search_lang()); never the organisation's name, or "eläke"
	 * would find every service of Kansaneläkelaitos. */
	field_stem(st, &name, nl, (const char *const[]){ nl >= 0 ? s->name.v[nl] : NULL }, 1, q);
	field_stem(st, &summary, sl,
	    (const char *const[]){ sl >= 0 ? s->summary.v[sl] : NULL }, 1, q);
	field_stem(st, &keywords, kl, kl >= 0 ? (const char *const *)s->keywords[kl] : NULL,
	    kl >= 0 ? s->nkeywords[kl] : 0, q);
	*strength = 0;
	*strong = 0;
	bool in_name = true;	/* every word is a word of the name */
	for (size_t i = 0; i < q->words.n; i++) {
		int w = field_hit(&name, i, SEARCH_IN_NAME);
		int k = field_hit(&keywords, i, SEARCH_IN_KEYWORDS);
		int m = field_hit(&summary, i, SEARCH_IN_SUMMARY);
		/* A word in the name and the keywords and the summary is
		 * what the service is about more than a word in one. */
		if (w + k + m > 0) {
			hits++;
			*strength += w + k + m;
		}
		if (w > 0 || k > 0)
			(*strong)++;
		if (w < 2 * SEARCH_IN_NAME)
			in_name = false;
	}
	if (hits > 0 && (in_name || whole_keyword(st, s, q)))
		*strength += SEARCH_WHOLE_KEYWORD;
	lines_free(&name.stems);
	lines_free(&summary.stems);
	lines_free(&keywords.stems);
	return hits;
}

void
recommend_search(const struct catalogue *cat, const char *text,
    const struct profile *p, size_t limit, struct results *out)
{
	struct scored *sc = xcalloc(cat->n ? cat->n : 1, sizeof *sc);
	bool *superseded = xcalloc(cat->n ? cat->n : 1, sizeof *superseded);
	struct stemmers *st = stemmers_new();
	struct query q = { .lang = p->lang };
	size_t n = 0;

	if (p->lang == LANG_FI)
		words_stem(st, p->lang, text, true, &q.words);
	else
		words_stem_query(st, p->lang, LANG_FI, text, &q.words, &q.fi);
	const struct lines *query = &q.words;

	memset(out, 0, sizeof *out);
	out->source = SOURCE_EMBEDDED;
	out->lang = p->lang;
	out->catalogue_date = cat->date;
	out->from_register = cat->origin == CATALOGUE_REGISTER;
	out->from_search = true;
	if (limit == 0 || limit > RECOMMEND_MAX_LIMIT)
		limit = RECOMMEND_MAX_LIMIT;
	size_t all = query->n * (query->n + 2);	/* every word, each strong */
	recommend_superseded(cat, p, superseded);
	for (size_t i = 0; i < cat->n && query->n > 0; i++) {
		double strength;
		size_t strong;
		if (!qualifies_here(&cat->v[i], p) || superseded[i])
			continue;
		size_t hits = word_hits(st, &cat->v[i], &q, &strong, &strength);
		if (hits == 0)
			continue;
		sc[n].index = i;
		/* More of the words first, then more of them in the name or
		 * keywords, then the stronger matches. */
		sc[n].tier = (int)(hits * (query->n + 1) + strong);
		sc[n].score = strength / (double)(query->n * 2 *
		    (SEARCH_IN_NAME + SEARCH_IN_KEYWORDS + SEARCH_IN_SUMMARY) +
		    SEARCH_WHOLE_KEYWORD);
		n++;
	}
	if (n > 0)	/* sc is NULL when nothing scored */
		qsort(sc, n, sizeof *sc, by_score);
	/*
	 * When some services have every word in their name or keywords,
	 * only they are listed: "lost my job" is about losing a job, not
	 * about every service whose summary mentions a job.  Else, when
	 * some have every word anywhere, only they are.
	 */
	size_t keep = n;
	for (size_t i = 0; i < n; i++) {
		size_t hits = (size_t)sc[i].tier / (query->n + 1);
		if ((size_t)sc[0].tier == all && (size_t)sc[i].tier < all) {
			keep = i;
			break;
		}
		if ((size_t)sc[0].tier / (query->n + 1) == query->n && hits < query->n) {
			keep = i;
			break;
		}
	}
	n = keep;
	if (n > limit)
		n = limit;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	for (size_t i = 0; i < n; i++) {
		catalogue_to_result(&cat->v[sc[i].index], p->lang, &out->v[i]);
		out->v[i].rank = (int)i + 1;
		/* Falls with the rank: the words matched, then how well. */
		out->v[i].score = ((double)sc[i].tier + sc[i].score) / (double)(all + 1);
	}
	out->n = n;
	lines_wipe(&q.words);
	lines_wipe(&q.fi);
	stemmers_free(st);
	free(sc);
	free(superseded);
}

void
recommend_filter(struct results *res, const struct catalogue *cat, const struct profile *p)
{
	size_t kept = 0;

	for (size_t i = 0; i < res->n; i++) {
		const struct cat_service *cs = NULL;
		for (size_t k = 0; k < cat->n && cs == NULL; k++)
			if (strcmp(cat->v[k].id, res->v[i].id) == 0)
				cs = &cat->v[k];
		if (cs != NULL && ruled_out(cs, p)) {
			service_free(&res->v[i]);
			continue;
		}
		if (kept != i)
			res->v[kept] = res->v[i];
		res->v[kept].rank = (int)kept + 1;
		kept++;
	}
	res->n = kept;
}

void
recommend_explain(struct results *res, const struct profile *p)
{
	for (size_t i = 0; i < res->n; i++) {
		struct service *s = &res->v[i];
		struct reason found[RECOMMEND_MAX_REASONS], r;
		size_t n = 0;

		for (size_t k = 0; k < s->nclasses; k++) {
			const struct tag *t = tags_match(&p->classes, s->classes[k]);
			if (t == NULL || t->question == PROFILE_NO_SOURCE)
				continue;
			reason_from_tag(&r, t);
			add_reason(found, &n, &r);
		}
		if (n == 0)
			continue;
		if (s->reasons != NULL)
			wipe(s->reasons, s->nreasons * sizeof *s->reasons);
		free(s->reasons);
		s->reasons = xcalloc(n, sizeof *s->reasons);
		memcpy(s->reasons, found, n * sizeof *found);
		s->nreasons = n;
	}
}
