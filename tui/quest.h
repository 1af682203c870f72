/*
 * quest.h: the questionnaire, as loaded from assets/questions.json.
 *
 * Every question the citizen can meet lives in one flat array, quest->q,
 * so that answers, the flow and the review screen can all index it:
 *
 *   q[0]                     the choice of life event (generated from events)
 *   q[1 ..]                  every event's follow-up questions, event by event
 *   q[meter_first + d]       one 0-10 scale per dimension d (generated)
 *   q[common_first ..]       the common questions: municipality, age group
 *
 * All user-visible strings are English msgids: draw them through _(),
 * and an option's label through quest_label(), which heeds its context.
 * The struct quest owns everything in it; it is read-only after loading.
 */
#ifndef OPASTIN_QUEST_H
#define OPASTIN_QUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "meter.h"
#include "table.h"

enum qtype { Q_SINGLE, Q_MULTI, Q_SCALE, Q_NUMBER, Q_MUNICIPALITY };

/* Options of one question are a bitmask in an answer. */
#define QUEST_MAX_OPTIONS 32
#define QUEST_EVENT_QUESTION 0
/* At most two meter screens per event: each is 11 rows to read, and a
 * citizen in a hard moment should not be surveyed (issue 10). */
#define QUEST_MAX_EVENT_METERS 2
/* Conditions are a bitmask in effects, profiles and catalogue entries. */
#define QUEST_MAX_CONDITIONS 64
typedef uint64_t condset;
#define COND_BIT(c) ((condset)1 << (c))

/* What an answer adds to the citizen's profile. */
struct effects {
	char **events;
	size_t nevents;
	char **classes;
	size_t nclasses;
	char **groups;
	size_t ngroups;
	signed char meters[DIM_COUNT];	/* -1 where the answer sets none */
	/* Conditions the answer says hold (yes) or do not (no): bit c stands
	 * for quest->conds[c].  A service's eligibility is stated in them. */
	condset cond_yes, cond_no;
};

struct choice {
	char *id;
	char *label;
	/* The msgctxt of the label, or NULL: "Yes" to "Have you registered
	 * as a jobseeker?" is "Olen" in Finnish, to "Do you have children
	 * under 18 together?" "On".  Draw the label with quest_label(). */
	char *context;
	struct effects fx;
	int age_min, age_max;	/* -1 when absent */
};

struct band {
	int min, max;
	struct effects fx;
};

enum cond_kind { COND_NONE, COND_ANY, COND_RANGE };

/* "Show this question only when question `question` has ..." */
struct cond {
	enum cond_kind kind;
	size_t question;
	unsigned long any;	/* COND_ANY: bitmask of option indices */
	int min, max;		/* COND_RANGE */
};

struct question {
	char *id;
	enum qtype type;
	char *text;
	char *shrt;		/* review label, may be NULL */
	char *help;		/* may be NULL */
	/* number only: the unit's singular and plural msgids ("child",
	 * "children"), both NULL when it has none; see quest_unit(). */
	char *unit_one, *unit_other;
	char *low, *high;	/* scale: end labels, NULL for the dimension's */
	bool optional;
	int event;		/* owning event, -1 for generated and common */
	struct cond when;
	struct choice *opts;
	size_t nopts;
	int min, max;		/* number and scale bounds */
	struct band *bands;
	size_t nbands;
	int meter;		/* scale: dimension it feeds, else -1 */
};

struct event {
	char *id;
	char *title;
	char *description;
	int meters[QUEST_MAX_EVENT_METERS];
	size_t nmeters;
	struct effects fx;
	size_t first, count;	/* its follow-ups in quest->q */
};

struct dimension {
	char *label, *text, *low, *high;
};

/*
 * A condition is a fact about the citizen that decides whether a service
 * is for them: "children" (children under 18), "worked-abroad", ...  The
 * questionnaire declares them ("conditions": [{"id", "about"}]), answers
 * set them yes or no, and catalogue entries require them.
 */
struct quest {
	char **conds;		/* condition ids, at most QUEST_MAX_CONDITIONS */
	size_t nconds;
	struct dimension dims[DIM_COUNT];
	struct event *events;
	size_t nevents;
	struct question *q;
	size_t nq;
	size_t meter_first;
	size_t common_first;
	size_t municipality_q;	/* index of the municipality question */
	size_t age_q;		/* index of the age-group question */
};

/* Code lists an asset may refer to, for validation. */
struct quest_codes {
	const struct codes *life_events;
	const struct codes *classes;
	const struct codes *groups;
};

/* 0 on success; -1 with *cause ("file:line:col: ...") on failure. */
int quest_load(struct quest *, const char *path, const char *display,
    const struct quest_codes *, char **cause);
void quest_free(struct quest *);

/* Index of the question with this id, or -1. */
long quest_find(const struct quest *, const char *id);
/* Index of the option with this id in question qi, or -1. */
long quest_option(const struct quest *, size_t qi, const char *id);
/* The label to show for question qi on the review screen (a msgid). */
const char *quest_short(const struct quest *, size_t qi);
/* An option's label in the current language: its msgid translated in
 * its context, if it has one.  Every screen, reason and summary that
 * shows an answer goes through this. */
const char *quest_label(const struct choice *);
/* A number question's unit for the number n in the current language,
 * in its plural form for n (ngettext: "1 child", "2 children"; fi "1
 * lapsi", "2 lasta"), or NULL when the question has no unit. */
const char *quest_unit(const struct question *, long n);
/* Whether a multiple-choice option stands alone: "none" (None of these)
 * and "no-answer" (Prefer not to say) cannot be ticked with others. */
bool quest_exclusive(const struct choice *);
/* The mask after ticking or unticking option i of a multiple-choice
 * question: ticking an exclusive option clears the others, and ticking
 * any other clears the exclusive ones. */
unsigned long quest_toggle(const struct question *, unsigned long mask, size_t i);
/* Index of the condition with this id, or -1. */
long quest_condition(const struct quest *, const char *id);
/* The event whose id is code (or whose sub-event it is), or -1. */
long quest_event_for(const struct quest *, const char *code);

#endif
