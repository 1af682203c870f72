/*
 * recommend.h: the embedded recommender, run locally over the catalogue.
 *
 * Pure functions: no I/O, no globals.  The answers decide, in this order:
 *
 *  1. Scope.  A service is considered only when it belongs to one of the
 *     citizen's life events (a service of KE4 to moving within Finland,
 *     KE4.2; a service of KE4.3 not), or when a follow-up answer names
 *     its service class or life event ("Violence or threats" brings the
 *     helpline in).  The life event's own classes add weight, never
 *     scope: nothing about a death appears for a birth.
 *  2. Eligibility, from the catalogue's data (catalogue.h): out when an
 *     answer rules it out or the service is for a situation no answer
 *     established; kept, with a lower score, when a condition it needs is
 *     not known either way.  A local service is for its municipalities,
 *     and a local variant of a national entry (catalogue "variant_of":
 *     the wellbeing services county's own child health clinic) replaces
 *     that entry for the citizens it serves.
 *  3. Tiers.  A service whose first step applies to the answers comes
 *     first ("register as a jobseeker by your first day without work"),
 *     then the rest.
 *  4. Within a tier, the score:
 *       0.50 for a class or event a follow-up answer named, and 0.05 for
 *            each further answer that names one of them (two at most),
 *       0.30 for the citizen's life event (0.05 more for the very
 *            sub-event), 0.10 for a situation the service is for, 0.05
 *            for one of the event's own classes, 0.05 for a target group,
 *     - 0.20 when a condition it needs is not known,
 *     - 0.30 for a general contact point ("general": true, such as
 *       Kela's telephone service), which comes after the services,
 *     + 0.20 * cosine(need, relevance), need_d = 1 - mean_d / 10.1, so
 *       the life-situation meters reorder services that are equally
 *       eligible but never bring one in on their own.
 *     An answer that names what the citizen needs ("Help with: paying
 *     for the funeral") says more than the life event they chose, so it
 *     weighs more.
 *
 * Every service carries at most RECOMMEND_MAX_REASONS reasons, the most
 * telling first: the answer behind its first step or its eligibility, the
 * answer that named its class, a meter the citizen rated low, and the
 * life event only when nothing more particular applies.
 */
#ifndef OPASTIN_RECOMMEND_H
#define OPASTIN_RECOMMEND_H

#include <stddef.h>

#include "catalogue.h"
#include "profile.h"
#include "results.h"

#define RECOMMEND_DEFAULT_LIMIT 10
#define RECOMMEND_MAX_LIMIT 50

#define WEIGHT_EVENT 0.30
#define WEIGHT_SUBEVENT 0.05
#define WEIGHT_ANSWER 0.50
#define WEIGHT_MORE_ANSWERS 0.05
#define WEIGHT_UNKNOWN (-0.20)
#define WEIGHT_GENERAL (-0.30)
#define WEIGHT_FOR 0.10
#define WEIGHT_EVENT_CLASS 0.05
#define WEIGHT_GROUP 0.05
#define WEIGHT_COSINE 0.20
/* A meter is a reason only when need times relevance is above this:
 * a low rating of something the service is about. */
#define RECOMMEND_METER_REASON 0.45

/* The tiers of step 3. */
enum tier { TIER_OUT = -1, TIER_ELIGIBLE, TIER_FIRST_STEP };

/* Cosine similarity of two vectors of DIM_COUNT; 0 if either is zero. */
double recommend_cosine(const double *a, const double *b);

/* Score one service for a profile: its tier, and its score within the
 * tier in *score.  reasons (room for RECOMMEND_MAX_REASONS) and *nreasons
 * may be NULL. */
#define RECOMMEND_MAX_REASONS 2
enum tier recommend_score(const struct cat_service *, const struct profile *,
    double *score, struct reason *reasons, size_t *nreasons);

/* Whether the service's first step applies to the profile. */
bool recommend_first_step(const struct cat_service *, const struct profile *);

/* Mark in out (cat->n bools) the national entries that a local variant
 * replaces for this citizen: a variant of theirs serves the profile's
 * municipality.  recommend() and recommend_search() leave them out. */
void recommend_superseded(const struct catalogue *, const struct profile *, bool *out);

/* Rank the catalogue for a profile into out (which the caller frees with
 * results_free), at most limit services, in the profile's language. */
void recommend(const struct catalogue *, const struct profile *, size_t limit,
    struct results *out);

/* Drop the backend's services that the answers rule out, where the
 * service is one the catalogue knows (by id) and its eligibility says so;
 * the backend's order is kept and the ranks renumbered. */
void recommend_filter(struct results *, const struct catalogue *, const struct profile *);

/* Give the backend's services reasons from the citizen's answers: the
 * API says none, but its services name their service classes, and the
 * answers that pointed to those classes are why they fit. */
void recommend_explain(struct results *, const struct profile *);

/* Rank the catalogue by the words of a search, in the profile's language:
 * whole words and word beginnings of the service's name, summary and
 * keywords, stemmed (words.h), never its organisation's name alone.  A
 * field the service has only in Finnish (a register service written in
 * Finnish alone) is read in Finnish, with the query stemmed as Finnish.  A
 * service matching more of the words comes first, then one matching in
 * its name rather than its keywords, and in either rather than its
 * summary.  When some services match every word, only they are listed. */
void recommend_search(const struct catalogue *, const char *words,
    const struct profile *, size_t limit, struct results *out);

#endif
