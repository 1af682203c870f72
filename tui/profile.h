/*
 * profile.h: what the answers say about the citizen, in the terms a
 * recommender takes: life events, life-situation meters, service classes,
 * target groups, municipality and age.
 *
 * Every code remembers which answer put it there, so that the results can
 * say why a service was chosen.  A profile is derived from the answers
 * (profile_build) or read from a JSON file in batch mode (profile_parse);
 * it owns its strings, and profile_wipe() clears it from memory.
 */
#ifndef OPASTIN_PROFILE_H
#define OPASTIN_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "flow.h"
#include "i18n.h"
#include "meter.h"

struct assets;

#define PROFILE_NO_SOURCE ((size_t)-1)
#define PROFILE_MAX_VALUES 8
#define PROFILE_SEARCH_MAX 801

/* A code and the answer that gave it (question and option, or
 * PROFILE_NO_SOURCE when it came straight from a batch profile). */
struct tag {
	char code[24];
	size_t question;
	int option;
	int value;	/* a number question's answer (option -1) */
};

struct tags {
	struct tag *v;
	size_t n;
};

struct profile {
	enum lang lang;
	struct tags events;
	struct tags classes;
	struct tags groups;
	int meter[DIM_COUNT][PROFILE_MAX_VALUES];
	size_t nmeter[DIM_COUNT];
	/* Whether the citizen rated a dimension; a value may also be implied
	 * by an answer ("I cannot pay my rent"), which implied[] then names. */
	bool rated[DIM_COUNT];
	int own_sum[DIM_COUNT];		/* the citizen's own ratings only */
	size_t nown[DIM_COUNT];
	struct tag implied[DIM_COUNT];
	/* Conditions (quest->conds) the answers settled: a bit in cond_yes
	 * or cond_no, never both; cond_src[c] is the answer that settled c.
	 * A later answer overrides an earlier one, as in the flow. */
	condset cond_yes, cond_no;
	struct tag cond_src[QUEST_MAX_CONDITIONS];
	char search[PROFILE_SEARCH_MAX];	/* batch: words to search for, or "" */
	char municipality[4];	/* "" when not given */
	int age;		/* -1 when not given */
	int age_min, age_max;	/* the age group's bounds; -1 when not given */
};

/* Derive the profile from the answers of a flow. */
void profile_build(struct profile *, const struct flow *, const struct assets *, enum lang);
void profile_wipe(struct profile *);

/* a is b, or one is a dotted sub-code of the other ("KE4" and "KE4.2",
 * "P1" and "P1.4"). */
bool code_related(const char *a, const char *b);
/* Whether the profile has a code (a sub-event such as KE4.2 also counts
 * as its parent KE4, and a class P1.4 as its parent P1). */
const struct tag *tags_match(const struct tags *, const char *code);
void tags_add(struct tags *, const char *code, size_t question, int option);

/* What the answers say of condition c: 1 yes, -1 no, 0 not known. */
int profile_condition(const struct profile *, size_t c);

/* The mean of a dimension's values, or -1 when none was given. */
double profile_mean(const struct profile *, enum dim);
/* The mean of the citizen's own ratings of it, or -1 (for saying why). */
double profile_own_mean(const struct profile *, enum dim);
/* AuroraAI's need: 1 - mean/10.1, or 0 when the dimension has no value. */
double profile_need(const struct profile *, enum dim);

/*
 * Read a batch profile:
 *   {"language":"sv","municipality_code":"091","age":34,
 *    "life_events":["KE4.2"],"life_situation_meters":{"housing":[4]},
 *    "answers":{"question-id": value}, "search": "words"}
 * "search" asks for a search by words, as the search screen makes; life
 * events and answers may come with it or not.
 * Answers are replayed through a flow, so conditions and effects work as
 * in the terminal.  Returns 0, or -1 with *cause ("file:line:col: ...").
 */
int profile_parse(struct profile *, const char *path, const struct assets *, char **cause);

#endif
