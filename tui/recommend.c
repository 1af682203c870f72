#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recommend.h"
#include "text.h"
#include "util.h"

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

static void
add_reason(struct reason *v, size_t *n, const struct reason *r)
{
	if (v == NULL || *n >= RECOMMEND_MAX_REASONS)
		return;
	/* One reason per answer is enough. */
	for (size_t i = 0; i < *n; i++)
		if (v[i].kind == r->kind && v[i].question == r->question &&
		    v[i].option == r->option && v[i].dim == r->dim)
			return;
	v[(*n)++] = *r;
}

static void
reason_from_tag(struct reason *r, enum reason_kind kind, const struct tag *t)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->question = t->question;
	r->option = t->option;
	r->dim = -1;
	snprintf(r->code, sizeof r->code, "%s", t->code);
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

double
recommend_score(const struct cat_service *s, const struct profile *p,
    struct reason *reasons, size_t *nreasons)
{
	double need[DIM_COUNT];
	struct reason r;
	size_t n = 0;
	bool event = false, subevent = false, klass = false, group = false;

	if (!qualifies_here(s, p))
		return -1;
	for (int d = 0; d < DIM_COUNT; d++)
		need[d] = profile_need(p, d);
	double cos = recommend_cosine(need, s->relevance);

	for (size_t i = 0; i < s->nevents && !event; i++) {
		const struct tag *t = event_match(&p->events, s->events[i]);
		if (t != NULL) {
			event = true;
			reason_from_tag(&r, t->question == PROFILE_NO_SOURCE ?
			    REASON_EVENT : (t->question == QUEST_EVENT_QUESTION ?
			    REASON_EVENT : REASON_ANSWER), t);
			add_reason(reasons, &n, &r);
		}
	}
	for (size_t i = 0; i < s->nevents; i++) {
		const struct tag *t = event_match(&p->events, s->events[i]);
		if (t != NULL && strchr(s->events[i], '.') != NULL &&
		    strcmp(t->code, s->events[i]) == 0)
			subevent = true;
	}
	for (size_t i = 0; i < s->nclasses; i++) {
		const struct tag *t = tags_match(&p->classes, s->classes[i]);
		if (t != NULL) {
			klass = true;
			reason_from_tag(&r, REASON_ANSWER, t);
			if (t->question != QUEST_EVENT_QUESTION &&
			    t->question != PROFILE_NO_SOURCE)
				add_reason(reasons, &n, &r);
		}
	}
	for (size_t i = 0; i < s->ngroups && !group; i++)
		if (tags_match(&p->groups, s->groups[i]) != NULL)
			group = true;

	if (!event && !klass && cos < RECOMMEND_MIN_COSINE)
		return -1;

	/* The ratings that pull this service up the most. */
	int best = -1;
	double best_w = 0.3;
	for (int d = 0; d < DIM_COUNT; d++) {
		double w = need[d] * s->relevance[d];
		if (p->nmeter[d] > 0 && w > best_w) {
			best = d;
			best_w = w;
		}
	}
	if (best >= 0 && p->rated[best]) {
		memset(&r, 0, sizeof r);
		r.kind = REASON_METER;
		r.dim = best;
		r.option = -1;
		r.question = PROFILE_NO_SOURCE;
		/* The citizen's own rating, not a mean with implied values. */
		r.value = (int)lround(profile_own_mean(p, best));
		add_reason(reasons, &n, &r);
	} else if (best >= 0) {
		/* Not rated: the answer that implied the need is the reason. */
		reason_from_tag(&r, REASON_ANSWER, &p->implied[best]);
		add_reason(reasons, &n, &r);
	}
	if (nreasons != NULL)
		*nreasons = n;
	return WEIGHT_COSINE * cos + (event ? WEIGHT_EVENT : 0) +
	    (subevent ? WEIGHT_SUBEVENT : 0) +
	    (klass ? WEIGHT_CLASS : 0) + (group ? WEIGHT_GROUP : 0);
}

struct scored {
	size_t index;
	double score;
	struct reason reasons[RECOMMEND_MAX_REASONS];
	size_t nreasons;
};

static int
by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	/* Equal scores keep catalogue order, so results are stable. */
	return x->index < y->index ? -1 : x->index > y->index;
}

void
recommend(const struct catalogue *cat, const struct profile *p, size_t limit,
    struct results *out)
{
	struct scored *sc = xcalloc(cat->n, sizeof *sc);
	size_t n = 0;

	memset(out, 0, sizeof *out);
	out->source = SOURCE_EMBEDDED;
	out->lang = p->lang;
	out->catalogue_date = cat->date;
	if (limit == 0 || limit > RECOMMEND_MAX_LIMIT)
		limit = RECOMMEND_MAX_LIMIT;

	for (size_t i = 0; i < cat->n; i++) {
		struct scored *s = &sc[n];
		s->index = i;
		s->score = recommend_score(&cat->v[i], p, s->reasons, &s->nreasons);
		if (s->score >= 0)
			n++;
	}
	qsort(sc, n, sizeof *sc, by_score);
	if (n > limit)
		n = limit;

	out->v = xcalloc(n, sizeof *out->v);
	for (size_t i = 0; i < n; i++) {
		struct service *s = &out->v[i];
		catalogue_to_result(&cat->v[sc[i].index], p->lang, s);
		s->rank = (int)i + 1;
		s->score = sc[i].score;
		s->nreasons = sc[i].nreasons;
		s->reasons = xcalloc(s->nreasons, sizeof *s->reasons);
		memcpy(s->reasons, sc[i].reasons, s->nreasons * sizeof *s->reasons);
	}
	out->n = n;
	wipe(sc, cat->n * sizeof *sc);
	free(sc);
}

/* How many of the words occur in the service's names and summaries. */
static size_t
word_hits(const struct cat_service *s, char **words, size_t nwords)
{
	size_t hits = 0;
	char *hay = NULL;

	for (int l = 0; l < LANG_COUNT; l++) {
		char *next = xasprintf("%s %s %s %s", hay ? hay : "",
		    s->name.v[l] ? s->name.v[l] : "", s->summary.v[l] ? s->summary.v[l] : "",
		    s->org.v[l] ? s->org.v[l] : "");
		free(hay);
		hay = next;
	}
	char *folded = text_fold(hay);
	for (size_t i = 0; i < nwords; i++)
		if (text_match(folded, words[i]))
			hits++;
	free(folded);
	free(hay);
	return hits;
}

void
recommend_search(const struct catalogue *cat, const char *text,
    const struct profile *p, size_t limit, struct results *out)
{
	struct scored *sc = xcalloc(cat->n, sizeof *sc);
	struct lines words;
	size_t n = 0;

	text_words(text, &words);

	memset(out, 0, sizeof *out);
	out->source = SOURCE_EMBEDDED;
	out->lang = p->lang;
	out->catalogue_date = cat->date;
	out->from_search = true;
	if (limit == 0 || limit > RECOMMEND_MAX_LIMIT)
		limit = RECOMMEND_MAX_LIMIT;
	for (size_t i = 0; i < cat->n && words.n > 0; i++) {
		size_t hits = word_hits(&cat->v[i], words.v, words.n);
		if (hits == 0 || !qualifies_here(&cat->v[i], p))
			continue;
		sc[n].index = i;
		sc[n].score = (double)hits / (double)words.n;
		n++;
	}
	qsort(sc, n, sizeof *sc, by_score);
	if (n > limit)
		n = limit;
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	for (size_t i = 0; i < n; i++) {
		catalogue_to_result(&cat->v[sc[i].index], p->lang, &out->v[i]);
		out->v[i].rank = (int)i + 1;
		out->v[i].score = sc[i].score;
	}
	out->n = n;
	lines_wipe(&words);
	free(sc);
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
			reason_from_tag(&r, t->question == QUEST_EVENT_QUESTION ?
			    REASON_EVENT : REASON_ANSWER, t);
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
