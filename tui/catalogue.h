/*
 * catalogue.h: the bundled catalogue of services, as loaded from
 * assets/catalogue.json (AuroraAI result shape, trilingual fields).
 *
 * The struct catalogue owns everything in it and is read-only after
 * loading.  Strings are trusted asset text, already validated as UTF-8
 * without control characters.
 */
#ifndef OPASTIN_CATALOGUE_H
#define OPASTIN_CATALOGUE_H

#include <stddef.h>

#include "i18n.h"
#include "meter.h"
#include "quest.h"
#include "results.h"
#include "table.h"

/* A text in the three languages; any of them may be NULL. */
struct ltext {
	char *v[LANG_COUNT];
};
/* The text in lang, else English, Finnish, Swedish; NULL if none. */
const char *ltext_get(const struct ltext *, enum lang);

struct cat_channel {
	char *id;
	enum channel_type type;
	struct ltext name;
	struct ltext web;	/* one URL per language */
	struct ltext hours;
	char **phones;
	size_t nphones;
	char **emails;
	size_t nemails;
	char *address;
	unsigned int languages;	/* bit per enum lang; 0 = not stated */
};

/*
 * Situations: one or more sets of conditions (bit c stands for
 * quest->conds[c]), such as "widowed", or "lost-parent" with "minor".
 * The answers establish a situation when every condition of one of the
 * sets holds.  In JSON: ["widowed", ["lost-parent", "minor"]].
 */
#define SITUATIONS_MAX 4
struct situations {
	condset v[SITUATIONS_MAX];
	size_t n;		/* 0: no situation is named */
};

/*
 * Who a service is for, in the questionnaire's conditions.  Eligibility
 * is data, never code:
 *   forv       the service is for people in one of these situations: it
 *              is out unless the answers establish one of them;
 *   not_for    out when an answer says one of these holds;
 *   unless_no  out when an answer says one of these does not hold; when
 *              none says either way, it stays, ranked below the rest;
 *   age_min, age_max   out when the citizen's age group lies outside.
 */
struct eligibility {
	struct situations forv;
	condset not_for, unless_no;
	int age_min, age_max;	/* -1 when open */
};

/*
 * A first step with its deadline ("Register as a jobseeker no later than
 * your first day without work"): it applies when the answers establish
 * one of the situations of `when` (or `when` names none) and none of
 * `unless` holds, and then the service comes first.  text has no
 * language at all when the service has no step.
 */
struct first_step {
	struct situations when;
	condset unless;
	struct ltext text;
};

struct cat_service {
	char *id;
	/* A local variant ("wellbeing-child-health-clinic--lappi") names the
	 * national entry it stands in for: where the variant serves the
	 * citizen's municipality, the recommender shows it instead. */
	char *variant_of;	/* NULL for an entry of its own */
	struct ltext name, summary, org;
	char *org_id;
	char **classes;
	size_t nclasses;
	char **events;
	size_t nevents;
	char **groups;
	size_t ngroups;
	char **municipalities;	/* NULL for a national service */
	size_t nmunicipalities;
	double relevance[DIM_COUNT];
	struct eligibility elig;
	struct first_step step;
	bool general;		/* a general contact point, not a service for
				   a life event: listed after those that are */
	/* Words people search with, per language: "työtön", "lost job". */
	char **keywords[LANG_COUNT];
	size_t nkeywords[LANG_COUNT];
	struct cat_channel *ch;
	size_t nch;
	char *source;
	char *checked;		/* NULL when the facts date no check */
};

struct catalogue {
	/* Where the services come from: the bundled assets/catalogue.json,
	 * or the national service register through opastin --sync. */
	enum catalogue_origin { CATALOGUE_BUNDLED, CATALOGUE_REGISTER } origin;
	char *date;		/* of the check, or of the last sync */
	struct cat_service *v;
	size_t n;
};

struct munis;

struct catalogue_codes {
	const struct quest *quest;	/* its conditions */
	const struct codes *life_events;
	const struct codes *classes;
	const struct codes *groups;
	const struct munis *munis;
};

int catalogue_load(struct catalogue *, const char *path, const char *display,
    const struct catalogue_codes *, char **cause);
void catalogue_free(struct catalogue *);

/*
 * Read one entry, the JSON text of one object of "services", into *s (the
 * caller frees it with cat_service_free), with the same checks as the
 * catalogue file.  For a JSON Lines file, display and line say where the
 * text is, for messages "display:line:col: what is wrong".  Checks that
 * span entries (ids used twice, variant_of) are the caller's.
 */
int catalogue_parse_entry(const char *text, const char *display, int line,
    const struct catalogue_codes *, struct cat_service *s, char **cause);
void cat_service_free(struct cat_service *);
/* No id used twice: 0, or -1 with *cause "display: ...". */
int catalogue_check_ids(const struct catalogue *, const char *display, char **cause);

/* Whether a first step exists (in any language). */
bool first_step_exists(const struct first_step *);

/* Copy a catalogue service into the result model, in one language. */
void catalogue_to_result(const struct cat_service *, enum lang, struct service *);

#endif
