#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "jread.h"
#include "profile.h"
#include "text.h"
#include "util.h"

void
tags_add(struct tags *t, const char *code, size_t question, int option)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return;
	t->v = xreallocarray(t->v, t->n + 1, sizeof *t->v);
	struct tag *g = &t->v[t->n++];
	memset(g, 0, sizeof *g);
	snprintf(g->code, sizeof g->code, "%s", code);
	g->question = question;
	g->option = option;
}

bool
code_related(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na == nb)
		return strcmp(a, b) == 0;
	if (na > nb)
		return strncmp(a, b, nb) == 0 && a[nb] == '.';
	return strncmp(a, b, na) == 0 && b[na] == '.';
}

const struct tag *
tags_match(const struct tags *t, const char *code)
{
	/* An exact match names the answer best; a relative will do. */
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	for (size_t i = 0; i < t->n; i++)
		if (code_related(t->v[i].code, code))
			return &t->v[i];
	return NULL;
}

static void
tags_wipe(struct tags *t)
{
	if (t->v != NULL)
		wipe(t->v, t->n * sizeof *t->v);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

void
profile_wipe(struct profile *p)
{
	tags_wipe(&p->events);
	tags_wipe(&p->classes);
	tags_wipe(&p->groups);
	wipe(p, sizeof *p);
	p->age = p->age_min = p->age_max = -1;
}

static void
add_meter(struct profile *p, int d, int value)
{
	if (p->nmeter[d] < PROFILE_MAX_VALUES)
		p->meter[d][p->nmeter[d]++] = value;
}

/* A rating the citizen gave. */
static void
add_rating(struct profile *p, int d, int value)
{
	add_meter(p, d, value);
	p->rated[d] = true;
	p->own_sum[d] += value;
	p->nown[d]++;
}

/* A value an answer implies; the first such answer is remembered. */
static void
add_implied(struct profile *p, int d, int value, size_t qi, int opt, int answer)
{
	if (p->implied[d].code[0] == '\0') {
		p->implied[d].question = qi;
		p->implied[d].option = opt;
		p->implied[d].value = answer;
		snprintf(p->implied[d].code, sizeof p->implied[d].code, "%s", dim_key(d));
	}
	add_meter(p, d, value);
}

static void
set_conditions(struct profile *p, const struct effects *fx, size_t qi, int opt, int value)
{
	for (size_t c = 0; c < QUEST_MAX_CONDITIONS; c++) {
		condset bit = COND_BIT(c);
		if (!((fx->cond_yes | fx->cond_no) & bit))
			continue;
		p->cond_yes &= ~bit;
		p->cond_no &= ~bit;
		if (fx->cond_yes & bit)
			p->cond_yes |= bit;
		else
			p->cond_no |= bit;
		p->cond_src[c].question = qi;
		p->cond_src[c].option = opt;
		p->cond_src[c].value = value;
	}
}

int
profile_condition(const struct profile *p, size_t c)
{
	if (c >= QUEST_MAX_CONDITIONS)
		return 0;
	if (p->cond_yes & COND_BIT(c))
		return 1;
	return (p->cond_no & COND_BIT(c)) ? -1 : 0;
}

/*
 * A tag that remembers a number question's answer, to say it back.  A
 * code the chosen life event already brought keeps the answer that named
 * it too: "Help needed: Money during parental leave" is why child benefit
 * fits better than "Life event: Having a child".
 */
static void
add_tag(struct tags *t, const char *code, size_t qi, int opt, int value)
{
	for (size_t i = 0; i < t->n; i++) {
		struct tag *g = &t->v[i];
		if (strcmp(g->code, code) != 0)
			continue;
		if (g->question == QUEST_EVENT_QUESTION && qi != QUEST_EVENT_QUESTION) {
			g->question = qi;
			g->option = opt;
			g->value = value;
		}
		return;
	}
	tags_add(t, code, qi, opt);
	t->v[t->n - 1].value = value;
}

/* What one answer adds; value is a number question's answer (opt -1). */
static void
apply(struct profile *p, const struct effects *fx, size_t qi, int opt, int value)
{
	set_conditions(p, fx, qi, opt, value);
	for (size_t i = 0; i < fx->nevents; i++)
		add_tag(&p->events, fx->events[i], qi, opt, value);
	for (size_t i = 0; i < fx->nclasses; i++)
		add_tag(&p->classes, fx->classes[i], qi, opt, value);
	for (size_t i = 0; i < fx->ngroups; i++)
		add_tag(&p->groups, fx->groups[i], qi, opt, value);
	for (int d = 0; d < DIM_COUNT; d++)
		if (fx->meters[d] >= 0)
			add_implied(p, d, fx->meters[d], qi, opt, value);
}

void
profile_build(struct profile *p, const struct flow *f, const struct assets *a, enum lang l)
{
	const struct quest *quest = f->quest;
	size_t *steps = xcalloc(quest->nq, sizeof *steps);
	size_t n = flow_steps(f, steps);

	memset(p, 0, sizeof *p);
	p->lang = l;
	p->age = -1;
	p->age_min = p->age_max = -1;
	for (size_t s = 0; s < n; s++) {
		size_t qi = steps[s];
		const struct question *q = &quest->q[qi];
		const struct answer *ans = &f->answers[qi];

		if (ans->state != ANSWER_SET)
			continue;
		switch (q->type) {
		case Q_SINGLE:
			apply(p, &q->opts[ans->value].fx, qi, ans->value, 0);
			if (qi == quest->age_q) {
				p->age_min = q->opts[ans->value].age_min;
				p->age_max = q->opts[ans->value].age_max;
			}
			break;
		case Q_MULTI:
			for (size_t o = 0; o < q->nopts; o++)
				if (ans->mask & (1UL << o))
					apply(p, &q->opts[o].fx, qi, (int)o, 0);
			break;
		case Q_SCALE:
			if (q->meter >= 0)
				add_rating(p, q->meter, ans->value);
			break;
		case Q_NUMBER:
			for (size_t b = 0; b < q->nbands; b++)
				if (ans->value >= q->bands[b].min && ans->value <= q->bands[b].max)
					apply(p, &q->bands[b].fx, qi, -1, ans->value);
			break;
		case Q_MUNICIPALITY:
			if (ans->value >= 0 && (size_t)ans->value < a->munis.n)
				snprintf(p->municipality, sizeof p->municipality, "%s",
				    a->munis.v[ans->value].code);
			break;
		}
	}
	wipe(steps, quest->nq * sizeof *steps);
	free(steps);
}

double
profile_mean(const struct profile *p, enum dim d)
{
	if (p->nmeter[d] == 0)
		return -1;
	double sum = 0;
	for (size_t i = 0; i < p->nmeter[d]; i++)
		sum += p->meter[d][i];
	return sum / (double)p->nmeter[d];
}

double
profile_own_mean(const struct profile *p, enum dim d)
{
	return p->nown[d] == 0 ? -1 : (double)p->own_sum[d] / (double)p->nown[d];
}

double
profile_need(const struct profile *p, enum dim d)
{
	double mean = profile_mean(p, d);
	return mean < 0 ? 0.0 : 1.0 - mean / 10.1;
}

/* Read one answer value for question qi from v into *ans. */
static int
parse_answer(struct jr *jr, const struct assets *a, size_t qi, json_t *v, struct answer *ans)
{
	const struct question *q = &a->quest.q[qi];
	size_t i;
	json_t *item;

	memset(ans, 0, sizeof *ans);
	ans->state = ANSWER_SET;
	switch (q->type) {
	case Q_SINGLE: {
		long o = json_is_string(v) ? quest_option(&a->quest, qi, json_string_value(v)) : -1;
		if (o < 0)
			return jr_fail(jr, "\"%s\" takes one of its option ids", q->id);
		ans->value = (int)o;
		return 0;
	}
	case Q_MULTI:
		if (!json_is_array(v))
			return jr_fail(jr, "\"%s\" takes a list of option ids", q->id);
		json_array_foreach(v, i, item) {
			jr_index(jr, i);
			long o = json_is_string(item) ? quest_option(&a->quest, qi, json_string_value(item)) : -1;
			if (o < 0)
				return jr_fail(jr, "\"%s\" has no such option", q->id);
			ans->mask |= 1UL << o;
			jr_pop(jr);
		}
		return 0;
	case Q_SCALE:
	case Q_NUMBER:
		if (!json_is_integer(v) || json_integer_value(v) < q->min ||
		    json_integer_value(v) > q->max)
			return jr_fail(jr, "\"%s\" takes a whole number from %d to %d",
			    q->id, q->min, q->max);
		ans->value = (int)json_integer_value(v);
		return 0;
	case Q_MUNICIPALITY: {
		long m = json_is_string(v) ? munis_find(&a->munis, json_string_value(v)) : -1;
		if (m < 0)
			return jr_fail(jr, "\"%s\" takes a municipality code such as \"091\"", q->id);
		ans->value = (int)m;
		return 0;
	}
	}
	return -1;
}

static int
parse_events(struct jr *jr, json_t *root, const struct assets *a, struct flow *f,
    char ***events, size_t *nevents)
{
	json_t *arr, *item;
	size_t i;

	if (jr_array(jr, root, "life_events", false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(jr, "life_events");
	json_array_foreach(arr, i, item) {
		jr_index(jr, i);
		const char *code = json_is_string(item) ? json_string_value(item) : NULL;
		if (code == NULL || !codes_has(&a->life_events, code)) {
			char *shown = code ? text_echo(code) : NULL;
			jr_fail(jr, "unknown life event %s%s%s", code ? "\"" : "",
			    code ? shown : "(not a string)", code ? "\"" : "");
			free(shown);
			return -1;
		}
		strv_push(events, nevents, xstrdup(code));
		/* The first life event of the questionnaire opens its questions. */
		long ev = quest_event_for(&a->quest, code);
		if (ev >= 0 && f->answers[QUEST_EVENT_QUESTION].state == ANSWER_NONE) {
			f->answers[QUEST_EVENT_QUESTION].state = ANSWER_SET;
			f->answers[QUEST_EVENT_QUESTION].value = (int)ev;
		}
		jr_pop(jr);
	}
	jr_pop(jr);
	return 0;
}

static int
parse_meters(struct jr *jr, json_t *root, struct profile *p)
{
	json_t *obj, *v, *item;
	const char *key;
	size_t i;

	if (jr_object(jr, root, "life_situation_meters", false, &obj) < 0)
		return -1;
	if (obj == NULL)
		return 0;
	jr_key(jr, "life_situation_meters");
	json_object_foreach(obj, key, v) {
		int d = dim_parse(key);
		jr_key(jr, key);
		if (d < 0) {
			char *shown = text_echo(key);
			jr_fail(jr, "unknown life-situation dimension \"%s\"", shown);
			free(shown);
			return -1;
		}
		if (json_is_integer(v))	/* a lone value is read as a list of one */
			v = json_pack("[O]", v);
		else
			json_incref(v);
		if (!json_is_array(v) || json_array_size(v) == 0) {
			json_decref(v);
			return jr_fail(jr, "\"%s\" takes a list of whole numbers from 0 to 10", key);
		}
		json_array_foreach(v, i, item) {
			json_int_t n = json_is_integer(item) ? json_integer_value(item) : -1;
			if (n < METER_MIN || n > METER_MAX) {
				json_decref(v);
				jr_index(jr, i);
				return jr_fail(jr, "\"%s\" takes whole numbers from 0 to 10", key);
			}
			add_rating(p, d, (int)n);
		}
		json_decref(v);
		jr_pop(jr);
	}
	jr_pop(jr);
	return 0;
}

int
profile_parse(struct profile *p, const char *path, const struct assets *a, char **cause)
{
	static const char *const keys[] = {
		"language", "municipality_code", "age", "life_events",
		"life_situation_meters", "answers", "search", NULL
	};
	const struct quest *quest = &a->quest;
	struct jr jr;
	struct flow f;
	json_t *root, *answers = NULL, *v;
	const char *lang = NULL, *muni = NULL, *search = NULL, *key;
	char **events = NULL;
	size_t nevents = 0;
	long age = -1;
	int rc = -1;

	flow_init(&f, quest);
	memset(p, 0, sizeof *p);
	root = jr_load(&jr, path, path, 1 << 20);
	if (root == NULL)
		goto out;
	if (!json_is_object(root)) {
		jr_fail(&jr, "a profile is one JSON object");
		goto out;
	}
	if (jr_known_keys(&jr, root, keys) < 0 ||
	    jr_string(&jr, root, "language", false, &lang) < 0 ||
	    jr_string(&jr, root, "municipality_code", false, &muni) < 0 ||
	    jr_string(&jr, root, "search", false, &search) < 0 ||
	    jr_int(&jr, root, "age", false, 0, 130, &age) < 0 ||
	    jr_object(&jr, root, "answers", false, &answers) < 0 ||
	    parse_events(&jr, root, a, &f, &events, &nevents) < 0)
		goto out;
	if (lang != NULL && lang_parse(lang) < 0) {
		jr_key(&jr, "language");
		char *shown = text_echo(lang);
		jr_fail(&jr, "language is \"fi\", \"sv\" or \"en\", not \"%s\"", shown);
		free(shown);
		goto out;
	}
	if (muni != NULL) {
		long m = munis_find(&a->munis, muni);
		if (m < 0) {
			jr_key(&jr, "municipality_code");
			char *shown = text_echo(muni);
			jr_fail(&jr, "unknown municipality code \"%s\"", shown);
			free(shown);
			goto out;
		}
		f.answers[quest->municipality_q].state = ANSWER_SET;
		f.answers[quest->municipality_q].value = (int)m;
	}
	if (age >= 0) {
		const struct question *q = &quest->q[quest->age_q];
		for (size_t o = 0; o < q->nopts; o++) {
			if (q->opts[o].age_min >= 0 && age >= q->opts[o].age_min &&
			    age <= q->opts[o].age_max) {
				f.answers[quest->age_q].state = ANSWER_SET;
				f.answers[quest->age_q].value = (int)o;
			}
		}
	}

	/* Set every answer first, as conditions may refer to any of them. */
	if (answers != NULL) {
		jr_key(&jr, "answers");
		json_object_foreach(answers, key, v) {
			long qi = quest_find(quest, key);
			jr_key(&jr, key);
			if (qi < 0) {
				char *shown = text_echo(key);
				jr_fail(&jr, "unknown question id \"%s\"", shown);
				free(shown);
				goto out;
			}
			if (parse_answer(&jr, a, (size_t)qi, v, &f.answers[qi]) < 0)
				goto out;
			jr_pop(&jr);
		}
		flow_prune(&f);
		json_object_foreach(answers, key, v) {
			long qi = quest_find(quest, key);
			if (!flow_answered(&f, (size_t)qi)) {
				jr_key(&jr, key);
				jr_fail(&jr, "question \"%s\" does not apply to the other answers", key);
				goto out;
			}
		}
		jr_pop(&jr);
	}

	profile_build(p, &f, a, lang ? lang_parse(lang) : LANG_EN);
	for (size_t i = 0; i < nevents; i++) {
		/* The questions are the first event's; every other event
		 * listed brings what choosing it would bring. */
		long ev = quest_event_for(quest, events[i]);
		bool first = f.answers[QUEST_EVENT_QUESTION].state == ANSWER_SET &&
		    ev == f.answers[QUEST_EVENT_QUESTION].value;
		if (ev >= 0 && !first) {
			apply(p, &quest->q[QUEST_EVENT_QUESTION].opts[ev].fx,
			    QUEST_EVENT_QUESTION, (int)ev, 0);
		}
		tags_add(&p->events, events[i], PROFILE_NO_SOURCE, -1);
	}
	if (parse_meters(&jr, root, p) < 0)
		goto out;
	if (age >= 0)
		p->age = p->age_min = p->age_max = (int)age;
	if (search != NULL) {
		if (strlen(search) >= sizeof p->search) {
			jr_key(&jr, "search");
			jr_fail(&jr, "\"search\" is longer than %zu bytes", sizeof p->search - 1);
			goto out;
		}
		snprintf(p->search, sizeof p->search, "%s", search);
	}
	rc = 0;
out:
	if (rc < 0) {
		*cause = jr.cause;
		jr.cause = NULL;
		profile_wipe(p);
	}
	strv_free(events, nevents);
	json_decref(root);
	jr_done(&jr);
	flow_free(&f);
	return rc;
}
