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
#include <stdint.h>

#include "hours.h"
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
/* The language ltext_get() takes its text from; -1 when there is none. */
int ltext_lang(const struct ltext *, enum lang);

/* What the register says of one phone number ("phone_numbers" item
 * given as an object); a plain string has charge PHONE_CHARGE_UNSTATED,
 * no texts and lang -1. */
struct cat_phone {
	enum phone_charge charge;
	struct ltext charge_info;	/* "other": what the call costs */
	struct ltext info;		/* what the line is for: "Ajanvaraus" */
	int lang;			/* enum lang the line serves, or -1 */
};

/*
 * A channel.  Everything in it is owned by the catalogue: phones[k] and
 * phone[k] (the same number's details, nphones of both), the hours, the
 * texts and the lists.  Fields the bundled catalogue never uses stay
 * zero: phone[k] as above, no opening hours, no accessibility.
 */
struct cat_channel {
	char *id;
	enum channel_type type;
	struct ltext name;	/* any language may be missing */
	struct ltext web;	/* one URL per language */
	struct ltext hours;	/* free text, "ma–pe 8–16" */
	char **phones;
	struct cat_phone *phone;
	size_t nphones;
	char **emails;
	size_t nemails;
	/* "street no, postcode town"; a plain string in the JSON is a copy
	 * under every language, as it serves them all. */
	struct ltext address;
	struct opening_hours opening;	/* structured; n = 0 when none */
	/* Sentences about the entrance, per language. */
	char **access[LANG_COUNT];
	size_t naccess[LANG_COUNT];
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
	/* A national entry that local variants stand in for somewhere: who
	 * provides it, and so whom to contact, depends on where one lives.
	 * Set by catalogue_index(), which sees every service; false until
	 * then, and for every entry of a catalogue that is never indexed. */
	bool has_variants;
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
	/* "origin": "ptv" for an entry of the national service register,
	 * which may have empty life_events, no keywords and texts in fewer
	 * than three languages; false for the bundled catalogue. */
	bool from_register;
	/* classes, events and groups are the code tables' own strings
	 * (codes_intern), not the service's: the loader's services share
	 * them, and the tables outlive the catalogue.  Only the arrays are
	 * the service's then. */
	bool codes_shared;
};

/*
 * What a ranking reads of every service, laid out contiguously, so that
 * it can pass over the services that cannot be in scope without touching
 * them: in a 10,000-service register catalogue most are out for any one
 * profile, and reading their structs and code arrays, each a separate
 * allocation, was most of a ranking's time.  The codes of each kind are
 * numbered by their distinct strings (sorted), so that a ranking decides
 * each code once, and each service's are runs of a flat array:
 * ev[ev_at[i] .. ev_at[i + 1]) are service i's life events.
 *
 * Built by catalogue_index() once the services are loaded; valid while
 * v and n are the catalogue's (recommend() checks, and ranks without it
 * otherwise).  Owned by the catalogue.
 */
struct cat_index {
	const struct cat_service *v;	/* the services it was built for */
	size_t n;
	const char **events, **classes, **munis;	/* borrowed */
	size_t nevents, nclasses, nmunis;
	uint16_t *ev, *cl, *mu;
	uint32_t *ev_at, *cl_at, *mu_at;
	uint8_t *local;			/* 1: serves only mu's municipalities */
	size_t *variants;		/* the services with "variant_of" */
	size_t nvariants;
};

struct catalogue {
	/* Where the services come from: the bundled assets/catalogue.json,
	 * or the national service register through opastin --sync. */
	enum catalogue_origin { CATALOGUE_BUNDLED, CATALOGUE_REGISTER } origin;
	char *date;		/* of the check, or of the last sync */
	/* The municipalities whose local services the register's cache was
	 * synced for ("179,853", the cache header's list; "" for none):
	 * only their citizens are served from it (catalogue_covers()).
	 * NULL for the bundled catalogue, which covers every municipality. */
	char *covers;
	struct cat_service *v;
	size_t n;
	struct cat_index *index;	/* NULL until catalogue_index() */
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
 * Whether cat can serve a citizen of municipality ("179", or "" when the
 * citizen did not say): a catalogue without a list (the bundled one)
 * covers every municipality; the register's cache covers those it was
 * synced for, and a citizen who gave no municipality, who is offered
 * only nationwide services from either.  A register cache for 179 has
 * no local services of Turku at all: serving a citizen of Turku from it
 * would hide their own county's clinic, which the bundled catalogue has.
 */
bool catalogue_covers(const struct catalogue *, const char *municipality);
/* Build (again) cat->index for the services as they are now, and mark
 * the national entries that local variants stand in for (has_variants).
 * The loaders call it; a catalogue made some other way ranks without the
 * index, and its entries' has_variants stay false. */
void catalogue_index(struct catalogue *);
/* The index when it describes cat's services as they are, else NULL. */
const struct cat_index *catalogue_index_of(const struct catalogue *);

/*
 * One service object at a time, for a file of one JSON object per line
 * (the register's JSON Lines, ptv-services.jsonl, which the sync reads
 * and turns into the compact cache: cache.h), with the same checks as
 * catalogue_load():
 *
 *     struct catalogue_loader *ld = catalogue_loader_new(&codes, "cache.jsonl");
 *     for each line (lineno counted from 1):
 *         if (catalogue_parse_service(ld, text, lineno, &svc, &cause) < 0)
 *             the cause reads "cache.jsonl:5:123: what is wrong"
 *     catalogue_loader_free(ld);
 *
 * display names the file in messages and is borrowed for the loader's
 * life; codes too, and the services' class, event and target group
 * strings are the code tables' own (codes_shared): free the services
 * before the tables.  text is one JSON object (no newline needed); lineno
 * is its line in the file, which the message gives with the column in
 * that line.  On success *out holds the service (the caller owns it:
 * cat_service_free()); on failure *out is left empty and *cause is set
 * (the caller frees it).  Checks that need the whole catalogue (a
 * service id used twice, "variant_of") are the caller's.
 */
struct catalogue_loader;
struct catalogue_loader *catalogue_loader_new(const struct catalogue_codes *,
    const char *display);
int catalogue_parse_service(struct catalogue_loader *, const char *text,
    size_t lineno, struct cat_service *out, char **cause);
void catalogue_loader_free(struct catalogue_loader *);
void cat_service_free(struct cat_service *);
void cat_channel_free(struct cat_channel *);
/* No id used twice: 0, or -1 with *cause "display: ...". */
int catalogue_check_ids(const struct catalogue *, const char *display, char **cause);

/* Whether a first step exists (in any language). */
bool first_step_exists(const struct first_step *);

/* Copy a catalogue service into the result model, in one language. */
void catalogue_to_result(const struct cat_service *, enum lang, struct service *);

#endif
