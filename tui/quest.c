#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jread.h"
#include "quest.h"
#include "util.h"

/* The questions that the program makes itself, not the asset. */
#define EVENT_QUESTION_ID "event"
#define METER_PREFIX "meter-"

static const char *const qtype_names[] = {
	"single", "multi", "scale", "number", "municipality", NULL
};

struct loader {
	struct jr jr;
	struct quest *quest;
	const struct quest_codes *codes;
};

static bool
valid_id(const char *s)
{
	if (*s == '\0' || strlen(s) > 40)
		return false;
	for (; *s != '\0'; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
			return false;
	return true;
}

/* A list of strings, each checked against a code list. */
static int
load_codes(struct loader *ld, json_t *obj, const char *key,
    const struct codes *known, const char *what, char ***v, size_t *n)
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
		if (!json_is_string(item))
			return jr_fail(&ld->jr, "each %s must be a string", what);
		if (jr_clean_item(&ld->jr, item) < 0)
			return -1;
		const char *s = json_string_value(item);
		if (!codes_has(known, s))
			return jr_fail(&ld->jr, "unknown %s \"%s\"", what, s);
		if (strv_contains(*v, *n, s))
			return jr_fail(&ld->jr, "%s \"%s\" is listed twice", what, s);
		strv_push(v, n, xstrdup(s));
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* "conditions": {"children": true, "worked-abroad": false}: what an
 * answer says about the citizen, by the ids the questionnaire declares. */
static int
load_conditions(struct loader *ld, json_t *obj, struct effects *fx)
{
	json_t *conds, *v;
	const char *key;

	if (jr_object(&ld->jr, obj, "conditions", false, &conds) < 0)
		return -1;
	if (conds == NULL)
		return 0;
	jr_key(&ld->jr, "conditions");
	json_object_foreach(conds, key, v) {
		long c = quest_condition(ld->quest, key);
		jr_key(&ld->jr, key);
		if (c < 0)
			return jr_fail(&ld->jr, "unknown condition \"%s\": declare it in \"conditions\"", key);
		if (!json_is_boolean(v))
			return jr_fail(&ld->jr, "a condition is true or false");
		if (json_is_true(v))
			fx->cond_yes |= COND_BIT(c);
		else
			fx->cond_no |= COND_BIT(c);
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* An event's "meters" names dimensions to ask about, not values: events
 * read their effects without it. */
static int
load_effects_from(struct loader *ld, json_t *obj, struct effects *fx, bool with_meters)
{
	json_t *meters;
	const char *key;
	json_t *v;

	memset(fx->meters, -1, sizeof fx->meters);
	if (load_codes(ld, obj, "events", ld->codes->life_events, "life event",
	    &fx->events, &fx->nevents) < 0 ||
	    load_codes(ld, obj, "classes", ld->codes->classes, "service class",
	    &fx->classes, &fx->nclasses) < 0 ||
	    load_codes(ld, obj, "target_groups", ld->codes->groups, "target group",
	    &fx->groups, &fx->ngroups) < 0)
		return -1;
	if (load_conditions(ld, obj, fx) < 0)
		return -1;
	if (!with_meters)
		return 0;
	if (jr_object(&ld->jr, obj, "meters", false, &meters) < 0)
		return -1;
	if (meters == NULL)
		return 0;
	jr_key(&ld->jr, "meters");
	json_object_foreach(meters, key, v) {
		int d = dim_parse(key);
		long val;
		jr_key(&ld->jr, key);
		if (d < 0)
			return jr_fail(&ld->jr, "unknown life-situation dimension \"%s\"", key);
		jr_pop(&ld->jr);
		if (jr_int(&ld->jr, meters, key, true, METER_MIN, METER_MAX, &val) < 0)
			return -1;
		fx->meters[d] = (signed char)val;
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_effects(struct loader *ld, json_t *obj, struct effects *fx)
{
	return load_effects_from(ld, obj, fx, true);
}

static void
effects_free(struct effects *fx)
{
	strv_free(fx->events, fx->nevents);
	strv_free(fx->classes, fx->nclasses);
	strv_free(fx->groups, fx->ngroups);
	memset(fx, 0, sizeof *fx);
}

static char *
opt_string(struct loader *ld, json_t *obj, const char *key, bool required, int *rc)
{
	const char *s = NULL;

	if (jr_string(&ld->jr, obj, key, required, &s) < 0) {
		*rc = -1;
		return NULL;
	}
	return s ? xstrdup(s) : NULL;
}

/* A msgctxt: gettext joins it to the msgid with a control character,
 * so it may hold none. */
static bool
valid_context(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* "unit": { "one": "child", "other": "children" }: the English singular
 * and plural, the msgid and msgid_plural of a gettext message with plural
 * forms, so that each language has as many forms as its grammar. */
static int
load_unit(struct loader *ld, json_t *obj, struct question *q)
{
	static const char *const keys[] = { "one", "other", NULL };
	json_t *u = json_object_get(obj, "unit");
	const char *one, *other;

	if (u == NULL)
		return 0;
	jr_key(&ld->jr, "unit");
	if (!json_is_object(u))
		return jr_fail(&ld->jr, "a unit is an object with its singular and plural: { \"one\": \"child\", \"other\": \"children\" }");
	if (jr_known_keys(&ld->jr, u, keys) < 0 ||
	    jr_string(&ld->jr, u, "one", true, &one) < 0 ||
	    jr_string(&ld->jr, u, "other", true, &other) < 0)
		return -1;
	if (*one == '\0' || *other == '\0')
		return jr_fail(&ld->jr, "a unit's \"one\" and \"other\" may not be empty");
	q->unit_one = xstrdup(one);
	q->unit_other = xstrdup(other);
	jr_pop(&ld->jr);
	return 0;
}

static struct question *
new_question(struct quest *quest)
{
	quest->q = xreallocarray(quest->q, quest->nq + 1, sizeof *quest->q);
	struct question *q = &quest->q[quest->nq++];
	memset(q, 0, sizeof *q);
	q->event = -1;
	q->meter = -1;
	return q;
}

static int
load_options(struct loader *ld, json_t *obj, struct question *q, bool is_age)
{
	static const char *const keys[] = {
		"id", "label", "context", "events", "classes", "target_groups",
		"meters", "conditions", "age_min", "age_max", "translators", NULL
	};
	json_t *arr, *o;
	size_t i;

	if (jr_array(&ld->jr, obj, "options", true, &arr) < 0)
		return -1;
	jr_key(&ld->jr, "options");
	if (json_array_size(arr) < 2 || json_array_size(arr) > QUEST_MAX_OPTIONS)
		return jr_fail(&ld->jr, "a choice needs 2 to %d options", QUEST_MAX_OPTIONS);
	q->opts = xcalloc(json_array_size(arr), sizeof *q->opts);
	json_array_foreach(arr, i, o) {
		struct choice *opt = &q->opts[i];
		int rc = 0;
		long v;

		jr_index(&ld->jr, i);
		opt->age_min = opt->age_max = -1;
		if (!json_is_object(o))
			return jr_fail(&ld->jr, "an option must be an object");
		if (jr_known_keys(&ld->jr, o, keys) < 0)
			return -1;
		opt->id = opt_string(ld, o, "id", true, &rc);
		opt->label = opt_string(ld, o, "label", true, &rc);
		opt->context = opt_string(ld, o, "context", false, &rc);
		q->nopts = i + 1;
		if (rc < 0)
			return -1;
		if (opt->context != NULL && !valid_context(opt->context)) {
			jr_key(&ld->jr, "context");
			return jr_fail(&ld->jr, "\"context\" must be a non-empty line of text");
		}
		if (load_effects(ld, o, &opt->fx) < 0)
			return -1;
		if (!valid_id(opt->id)) {
			jr_key(&ld->jr, "id");
			return jr_fail(&ld->jr, "option id \"%s\" must be lower-case letters, digits and '-'", opt->id);
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(q->opts[j].id, opt->id) == 0) {
				jr_key(&ld->jr, "id");
				return jr_fail(&ld->jr, "option id \"%s\" is used twice", opt->id);
			}
		}
		v = -1;
		if (jr_int(&ld->jr, o, "age_min", false, 0, 150, &v) < 0)
			return -1;
		opt->age_min = (int)v;
		v = -1;
		if (jr_int(&ld->jr, o, "age_max", false, 0, 150, &v) < 0)
			return -1;
		opt->age_max = (int)v;
		if ((opt->age_min >= 0 || opt->age_max >= 0) && !is_age)
			return jr_fail(&ld->jr, "only the age question's options take age_min and age_max");
		if ((opt->age_min < 0) != (opt->age_max < 0) ||
		    opt->age_min > opt->age_max)
			return jr_fail(&ld->jr, "age_min and age_max go together, with age_min <= age_max");
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_bands(struct loader *ld, json_t *obj, struct question *q)
{
	static const char *const keys[] = {
		"min", "max", "events", "classes", "target_groups", "meters",
		"conditions", NULL
	};
	json_t *arr, *b;
	size_t i;

	if (jr_array(&ld->jr, obj, "bands", false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, "bands");
	q->bands = xcalloc(json_array_size(arr) + 1, sizeof *q->bands);
	json_array_foreach(arr, i, b) {
		struct band *band = &q->bands[i];
		long lo, hi;
		jr_index(&ld->jr, i);
		if (!json_is_object(b))
			return jr_fail(&ld->jr, "a band must be an object");
		if (jr_known_keys(&ld->jr, b, keys) < 0 ||
		    jr_int(&ld->jr, b, "min", true, q->min, q->max, &lo) < 0 ||
		    jr_int(&ld->jr, b, "max", true, lo, q->max, &hi) < 0)
			return -1;
		band->min = (int)lo;
		band->max = (int)hi;
		q->nbands = i + 1;
		if (load_effects(ld, b, &band->fx) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

/* `first` is the first question that a condition of q may refer to. */
static int
load_when(struct loader *ld, json_t *obj, struct question *q, size_t self, size_t first)
{
	static const char *const keys[] = { "question", "any", "min", "max", NULL };
	struct quest *quest = ld->quest;
	json_t *when, *any, *item;
	const char *ref;
	size_t i;

	if (jr_object(&ld->jr, obj, "when", false, &when) < 0)
		return -1;
	if (when == NULL)
		return 0;
	jr_key(&ld->jr, "when");
	if (jr_known_keys(&ld->jr, when, keys) < 0 ||
	    jr_string(&ld->jr, when, "question", true, &ref) < 0)
		return -1;
	long r = quest_find(quest, ref);
	if (r < 0 || (size_t)r < first || (size_t)r >= self) {
		jr_key(&ld->jr, "question");
		return jr_fail(&ld->jr, "\"when\" must name an earlier question of the same event, not \"%s\"", ref);
	}
	struct question *target = &quest->q[r];
	q->when.question = (size_t)r;
	if (target->type == Q_SINGLE || target->type == Q_MULTI) {
		if (jr_array(&ld->jr, when, "any", true, &any) < 0)
			return -1;
		jr_key(&ld->jr, "any");
		if (json_array_size(any) == 0)
			return jr_fail(&ld->jr, "\"any\" must list at least one option");
		json_array_foreach(any, i, item) {
			jr_index(&ld->jr, i);
			long o = json_is_string(item) ?
			    quest_option(quest, (size_t)r, json_string_value(item)) : -1;
			if (o < 0)
				return jr_fail(&ld->jr, "question \"%s\" has no such option", ref);
			q->when.any |= 1UL << o;
			jr_pop(&ld->jr);
		}
		jr_pop(&ld->jr);
		q->when.kind = COND_ANY;
	} else if (target->type == Q_NUMBER || target->type == Q_SCALE) {
		long lo = target->min, hi = target->max;
		if (json_object_get(when, "any") != NULL)
			return jr_fail(&ld->jr, "\"any\" applies to choices; use \"min\" and \"max\" here");
		if (jr_int(&ld->jr, when, "min", false, target->min, target->max, &lo) < 0 ||
		    jr_int(&ld->jr, when, "max", false, lo, target->max, &hi) < 0)
			return -1;
		q->when.kind = COND_RANGE;
		q->when.min = (int)lo;
		q->when.max = (int)hi;
	} else
		return jr_fail(&ld->jr, "a condition cannot depend on a %s question",
		    qtype_names[target->type]);
	jr_pop(&ld->jr);
	return 0;
}

static int
load_question(struct loader *ld, json_t *obj, int event, size_t first)
{
	static const char *const keys[] = {
		"id", "type", "text", "short", "help", "optional", "when",
		"options", "min", "max", "unit", "bands", "meter", "low", "high",
		"translators", NULL
	};
	struct quest *quest = ld->quest;
	const char *id;
	int type, rc = 0;

	if (!json_is_object(obj))
		return jr_fail(&ld->jr, "a question must be an object");
	if (jr_known_keys(&ld->jr, obj, keys) < 0 ||
	    jr_string(&ld->jr, obj, "id", true, &id) < 0 ||
	    jr_enum(&ld->jr, obj, "type", qtype_names, &type) < 0)
		return -1;
	if (!valid_id(id) || strcmp(id, EVENT_QUESTION_ID) == 0 ||
	    strncmp(id, METER_PREFIX, strlen(METER_PREFIX)) == 0) {
		jr_key(&ld->jr, "id");
		return jr_fail(&ld->jr, "question id \"%s\" must be lower-case letters, digits and '-', and not \"event\" or \"meter-...\"", id);
	}
	if (quest_find(quest, id) >= 0) {
		jr_key(&ld->jr, "id");
		return jr_fail(&ld->jr, "question id \"%s\" is used twice", id);
	}
	size_t self = quest->nq;
	struct question *q = new_question(quest);
	q->id = xstrdup(id);
	q->type = (enum qtype)type;
	q->event = event;
	q->text = opt_string(ld, obj, "text", true, &rc);
	q->shrt = opt_string(ld, obj, "short", false, &rc);
	q->help = opt_string(ld, obj, "help", false, &rc);
	if (load_unit(ld, obj, q) < 0)
		rc = -1;
	q->low = opt_string(ld, obj, "low", false, &rc);
	q->high = opt_string(ld, obj, "high", false, &rc);
	if (rc < 0 || jr_bool(&ld->jr, obj, "optional", &q->optional) < 0)
		return -1;
	if (q->type == Q_SCALE)
		q->optional = true;

	bool choice = q->type == Q_SINGLE || q->type == Q_MULTI;
	if (!choice && json_object_get(obj, "options") != NULL)
		return jr_fail(&ld->jr, "only single and multi questions have options");
	if (choice && load_options(ld, obj, q, strcmp(id, "age") == 0) < 0)
		return -1;
	if (q->type != Q_NUMBER && (json_object_get(obj, "unit") || json_object_get(obj, "bands")))
		return jr_fail(&ld->jr, "only number questions have a unit and bands");
	if (q->type != Q_SCALE && (q->low != NULL || q->high != NULL))
		return jr_fail(&ld->jr, "only scale questions have end labels \"low\" and \"high\"");

	if (q->type == Q_NUMBER) {
		long lo, hi;
		if (jr_int(&ld->jr, obj, "min", true, 0, 100000, &lo) < 0 ||
		    jr_int(&ld->jr, obj, "max", true, lo, 100000, &hi) < 0)
			return -1;
		q->min = (int)lo;
		q->max = (int)hi;
		if (load_bands(ld, obj, q) < 0)
			return -1;
	} else if (q->type == Q_SCALE) {
		const char *m;
		q->min = METER_MIN;
		q->max = METER_MAX;
		if (jr_string(&ld->jr, obj, "meter", true, &m) < 0)
			return -1;
		if ((q->meter = dim_parse(m)) < 0) {
			jr_key(&ld->jr, "meter");
			return jr_fail(&ld->jr, "unknown life-situation dimension \"%s\"", m);
		}
	} else if (json_object_get(obj, "min") || json_object_get(obj, "max") ||
	    json_object_get(obj, "meter"))
		return jr_fail(&ld->jr, "min, max and meter belong to number and scale questions");

	return load_when(ld, obj, q, self, first);
}

static int
load_dimensions(struct loader *ld, json_t *root)
{
	static const char *const keys[] = {
		"id", "label", "text", "low", "high", "translators", NULL
	};
	struct quest *quest = ld->quest;
	bool seen[DIM_COUNT] = { false };
	json_t *arr, *o;
	size_t i;

	if (jr_array(&ld->jr, root, "dimensions", true, &arr) < 0)
		return -1;
	jr_key(&ld->jr, "dimensions");
	json_array_foreach(arr, i, o) {
		const char *id;
		int rc = 0;
		jr_index(&ld->jr, i);
		if (!json_is_object(o))
			return jr_fail(&ld->jr, "a dimension must be an object");
		if (jr_known_keys(&ld->jr, o, keys) < 0 ||
		    jr_string(&ld->jr, o, "id", true, &id) < 0)
			return -1;
		int d = dim_parse(id);
		if (d < 0 || seen[d]) {
			jr_key(&ld->jr, "id");
			return jr_fail(&ld->jr, d < 0 ?
			    "unknown life-situation dimension \"%s\"" :
			    "dimension \"%s\" is listed twice", id);
		}
		seen[d] = true;
		struct dimension *dim = &quest->dims[d];
		dim->label = opt_string(ld, o, "label", true, &rc);
		dim->text = opt_string(ld, o, "text", true, &rc);
		dim->low = opt_string(ld, o, "low", true, &rc);
		dim->high = opt_string(ld, o, "high", true, &rc);
		if (rc < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	for (int d = 0; d < DIM_COUNT; d++)
		if (!seen[d])
			return jr_fail(&ld->jr, "dimension \"%s\" is missing", dim_key(d));
	jr_pop(&ld->jr);
	return 0;
}

static int
load_events(struct loader *ld, json_t *root)
{
	static const char *const keys[] = {
		"id", "title", "description", "meters", "classes",
		"target_groups", "conditions", "questions", "translators", NULL
	};
	struct quest *quest = ld->quest;
	json_t *arr, *o, *meters, *qs, *item;
	size_t i, j;

	if (jr_array(&ld->jr, root, "events", true, &arr) < 0)
		return -1;
	jr_key(&ld->jr, "events");
	if (json_array_size(arr) < 1 || json_array_size(arr) > QUEST_MAX_OPTIONS)
		return jr_fail(&ld->jr, "there must be 1 to %d life events", QUEST_MAX_OPTIONS);
	quest->events = xcalloc(json_array_size(arr), sizeof *quest->events);
	json_array_foreach(arr, i, o) {
		struct event *ev = &quest->events[i];
		const char *id;
		int rc = 0;

		jr_index(&ld->jr, i);
		if (!json_is_object(o))
			return jr_fail(&ld->jr, "an event must be an object");
		if (jr_known_keys(&ld->jr, o, keys) < 0 ||
		    jr_string(&ld->jr, o, "id", true, &id) < 0)
			return -1;
		if (!codes_has(ld->codes->life_events, id)) {
			jr_key(&ld->jr, "id");
			return jr_fail(&ld->jr, "unknown life event \"%s\"", id);
		}
		for (j = 0; j < i; j++) {
			if (strcmp(quest->events[j].id, id) == 0) {
				jr_key(&ld->jr, "id");
				return jr_fail(&ld->jr, "life event \"%s\" is listed twice", id);
			}
		}
		ev->id = xstrdup(id);
		quest->nevents = i + 1;
		ev->title = opt_string(ld, o, "title", true, &rc);
		ev->description = opt_string(ld, o, "description", true, &rc);
		if (rc < 0 || load_effects_from(ld, o, &ev->fx, false) < 0)
			return -1;

		if (jr_array(&ld->jr, o, "meters", true, &meters) < 0)
			return -1;
		jr_key(&ld->jr, "meters");
		if (json_array_size(meters) < 1 || json_array_size(meters) > QUEST_MAX_EVENT_METERS)
			return jr_fail(&ld->jr, "an event names 1 to %d dimensions", QUEST_MAX_EVENT_METERS);
		json_array_foreach(meters, j, item) {
			jr_index(&ld->jr, j);
			int d = json_is_string(item) ? dim_parse(json_string_value(item)) : -1;
			if (d < 0)
				return jr_fail(&ld->jr, "not a life-situation dimension");
			for (size_t k = 0; k < ev->nmeters; k++)
				if (ev->meters[k] == d)
					return jr_fail(&ld->jr, "dimension listed twice");
			ev->meters[ev->nmeters++] = d;
			jr_pop(&ld->jr);
		}
		jr_pop(&ld->jr);

		if (jr_array(&ld->jr, o, "questions", true, &qs) < 0)
			return -1;
		jr_key(&ld->jr, "questions");
		if (json_array_size(qs) < 2 || json_array_size(qs) > 5)
			return jr_fail(&ld->jr, "an event has 2 to 5 follow-up questions");
		ev->first = quest->nq;
		json_array_foreach(qs, j, item) {
			jr_index(&ld->jr, j);
			if (load_question(ld, item, (int)i, ev->first) < 0)
				return -1;
			if (quest->q[quest->nq - 1].type == Q_MUNICIPALITY)
				return jr_fail(&ld->jr, "the municipality question belongs in \"common\"");
			jr_pop(&ld->jr);
		}
		ev->count = quest->nq - ev->first;
		jr_pop(&ld->jr);
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

static void
effects_copy(struct effects *dst, const struct effects *src)
{
	memcpy(dst->meters, src->meters, sizeof dst->meters);
	dst->cond_yes = src->cond_yes;
	dst->cond_no = src->cond_no;
	for (size_t i = 0; i < src->nevents; i++)
		strv_push(&dst->events, &dst->nevents, xstrdup(src->events[i]));
	for (size_t i = 0; i < src->nclasses; i++)
		strv_push(&dst->classes, &dst->nclasses, xstrdup(src->classes[i]));
	for (size_t i = 0; i < src->ngroups; i++)
		strv_push(&dst->groups, &dst->ngroups, xstrdup(src->groups[i]));
}

/* q[0]: which life event, one option per event. */
static void
make_event_question(struct quest *quest, struct question *q)
{
	q->id = xstrdup(EVENT_QUESTION_ID);
	q->type = Q_SINGLE;
	q->text = xstrdup(N_("What has happened in your life?"));
	q->shrt = xstrdup(N_("Life event"));
	q->help = xstrdup(N_("Choose the one that is closest to your situation."));
	q->opts = xcalloc(quest->nevents, sizeof *q->opts);
	q->nopts = quest->nevents;
	for (size_t i = 0; i < quest->nevents; i++) {
		struct choice *o = &q->opts[i];
		o->id = xstrdup(quest->events[i].id);
		o->label = xstrdup(quest->events[i].title);
		o->age_min = o->age_max = -1;
		effects_copy(&o->fx, &quest->events[i].fx);
		strv_push(&o->fx.events, &o->fx.nevents, xstrdup(quest->events[i].id));
	}
}

/* "conditions": [{"id": "children", "about": "..."}], the facts about a
 * citizen that answers may establish and catalogue entries may require.
 * "about" documents the condition for whoever writes either file. */
static int
load_condition_ids(struct loader *ld, json_t *root)
{
	static const char *const keys[] = { "id", "about", NULL };
	struct quest *quest = ld->quest;
	json_t *arr, *o;
	const char *id, *about;
	size_t i;

	if (jr_array(&ld->jr, root, "conditions", false, &arr) < 0)
		return -1;
	if (arr == NULL)
		return 0;
	jr_key(&ld->jr, "conditions");
	if (json_array_size(arr) > QUEST_MAX_CONDITIONS)
		return jr_fail(&ld->jr, "at most %d conditions", QUEST_MAX_CONDITIONS);
	json_array_foreach(arr, i, o) {
		jr_index(&ld->jr, i);
		if (!json_is_object(o))
			return jr_fail(&ld->jr, "a condition is an object with \"id\" and \"about\"");
		if (jr_known_keys(&ld->jr, o, keys) < 0 ||
		    jr_string(&ld->jr, o, "id", true, &id) < 0 ||
		    jr_string(&ld->jr, o, "about", true, &about) < 0)
			return -1;
		if (!valid_id(id)) {
			jr_key(&ld->jr, "id");
			return jr_fail(&ld->jr, "condition id \"%s\" must be lower-case letters, digits and '-'", id);
		}
		if (quest_condition(quest, id) >= 0) {
			jr_key(&ld->jr, "id");
			return jr_fail(&ld->jr, "condition \"%s\" is declared twice", id);
		}
		strv_push(&quest->conds, &quest->nconds, xstrdup(id));
		jr_pop(&ld->jr);
	}
	jr_pop(&ld->jr);
	return 0;
}

static int
load_common(struct loader *ld, json_t *root)
{
	struct quest *quest = ld->quest;
	json_t *arr, *item;
	size_t i;

	if (jr_array(&ld->jr, root, "common", true, &arr) < 0)
		return -1;
	jr_key(&ld->jr, "common");
	quest->common_first = quest->nq;
	json_array_foreach(arr, i, item) {
		jr_index(&ld->jr, i);
		if (load_question(ld, item, -1, quest->common_first) < 0)
			return -1;
		jr_pop(&ld->jr);
	}
	long m = quest_find(quest, "municipality");
	long a = quest_find(quest, "age");
	if (m < 0 || quest->q[m].type != Q_MUNICIPALITY)
		return jr_fail(&ld->jr, "\"common\" needs the question \"municipality\" of type \"municipality\"");
	if (a < 0 || quest->q[a].type != Q_SINGLE)
		return jr_fail(&ld->jr, "\"common\" needs the single-choice question \"age\"");
	bool undisclosed = false;
	for (size_t k = 0; k < quest->q[a].nopts; k++)
		if (quest->q[a].opts[k].age_min < 0)
			undisclosed = true;
	if (!undisclosed)
		return jr_fail(&ld->jr, "the age question needs a \"prefer not to say\" option (one without age_min)");
	quest->municipality_q = (size_t)m;
	quest->age_q = (size_t)a;
	jr_pop(&ld->jr);
	return 0;
}

int
quest_load(struct quest *quest, const char *path, const char *display,
    const struct quest_codes *codes, char **cause)
{
	static const char *const keys[] = {
		"conditions", "dimensions", "events", "common", NULL
	};
	struct loader ld = { .quest = quest, .codes = codes };
	json_t *root;
	int rc = -1;

	memset(quest, 0, sizeof *quest);
	root = jr_load(&ld.jr, path, display, 8 << 20);
	if (root == NULL)
		goto out;
	if (!json_is_object(root)) {
		jr_fail(&ld.jr, "the file must hold one JSON object");
		goto out;
	}
	/* q[0] is filled in once the events are known. */
	new_question(quest);
	if (jr_known_keys(&ld.jr, root, keys) < 0 ||
	    load_condition_ids(&ld, root) < 0 ||
	    load_dimensions(&ld, root) < 0 || load_events(&ld, root) < 0)
		goto out;
	make_event_question(quest, &quest->q[0]);

	quest->meter_first = quest->nq;
	for (int d = 0; d < DIM_COUNT; d++) {
		struct question *q = new_question(quest);
		q->id = xasprintf(METER_PREFIX "%s", dim_key(d));
		q->type = Q_SCALE;
		q->text = xstrdup(quest->dims[d].text);
		q->shrt = xstrdup(quest->dims[d].label);
		/* No help of its own: the screen says what 0 and 10 mean in
		 * the dimension's own end labels, which differ. */
		q->optional = true;
		q->min = METER_MIN;
		q->max = METER_MAX;
		q->meter = d;
	}
	if (load_common(&ld, root) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0) {
		*cause = ld.jr.cause;
		ld.jr.cause = NULL;
		quest_free(quest);
	}
	json_decref(root);
	jr_done(&ld.jr);
	return rc;
}

void
quest_free(struct quest *quest)
{
	for (size_t i = 0; i < quest->nq; i++) {
		struct question *q = &quest->q[i];
		free(q->id);
		free(q->text);
		free(q->shrt);
		free(q->help);
		free(q->unit_one);
		free(q->unit_other);
		free(q->low);
		free(q->high);
		for (size_t j = 0; j < q->nopts; j++) {
			free(q->opts[j].id);
			free(q->opts[j].label);
			free(q->opts[j].context);
			effects_free(&q->opts[j].fx);
		}
		free(q->opts);
		for (size_t j = 0; j < q->nbands; j++)
			effects_free(&q->bands[j].fx);
		free(q->bands);
	}
	free(quest->q);
	for (size_t i = 0; i < quest->nevents; i++) {
		free(quest->events[i].id);
		free(quest->events[i].title);
		free(quest->events[i].description);
		effects_free(&quest->events[i].fx);
	}
	free(quest->events);
	strv_free(quest->conds, quest->nconds);
	for (int d = 0; d < DIM_COUNT; d++) {
		free(quest->dims[d].label);
		free(quest->dims[d].text);
		free(quest->dims[d].low);
		free(quest->dims[d].high);
	}
	memset(quest, 0, sizeof *quest);
}

const char *
quest_label(const struct choice *c)
{
	if (c->context != NULL)
		return pgettext_expr(c->context, c->label);
	return _(c->label);
}

const char *
quest_unit(const struct question *q, long n)
{
	if (q->unit_one == NULL)
		return NULL;
	return ngettext(q->unit_one, q->unit_other, (unsigned long)(n < 0 ? -n : n));
}

bool
quest_exclusive(const struct choice *c)
{
	return strcmp(c->id, "none") == 0 || strcmp(c->id, "no-answer") == 0;
}

unsigned long
quest_toggle(const struct question *q, unsigned long mask, size_t i)
{
	unsigned long bit = 1UL << i;

	if (i >= q->nopts)
		return mask;
	if (mask & bit)
		return mask & ~bit;
	if (quest_exclusive(&q->opts[i]))
		return bit;
	for (size_t j = 0; j < q->nopts; j++)
		if (quest_exclusive(&q->opts[j]))
			mask &= ~(1UL << j);
	return mask | bit;
}

long
quest_find(const struct quest *quest, const char *id)
{
	for (size_t i = 0; i < quest->nq; i++)
		if (quest->q[i].id != NULL && strcmp(quest->q[i].id, id) == 0)
			return (long)i;
	return -1;
}

long
quest_option(const struct quest *quest, size_t qi, const char *id)
{
	const struct question *q = &quest->q[qi];
	for (size_t i = 0; i < q->nopts; i++)
		if (strcmp(q->opts[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *
quest_short(const struct quest *quest, size_t qi)
{
	const struct question *q = &quest->q[qi];
	return q->shrt ? q->shrt : q->text;
}

long
quest_condition(const struct quest *quest, const char *id)
{
	for (size_t i = 0; i < quest->nconds; i++)
		if (strcmp(quest->conds[i], id) == 0)
			return (long)i;
	return -1;
}

long
quest_event_for(const struct quest *quest, const char *code)
{
	for (size_t i = 0; i < quest->nevents; i++) {
		const char *id = quest->events[i].id;
		size_t n = strlen(id);
		if (strcmp(id, code) == 0 ||
		    (strncmp(id, code, n) == 0 && code[n] == '.'))
			return (long)i;
	}
	return -1;
}
