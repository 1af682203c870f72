/*
 * recommend.h: the embedded recommender, AuroraAI's scoring model run
 * locally over the bundled catalogue.
 *
 * Pure functions: no I/O, no globals.  The score of a service is
 *
 *   0.45 * cosine(need, relevance)      need_d = 1 - mean_d / 10.1 for
 *                                       every dimension the citizen rated
 * + 0.30 if one of its life events is the citizen's (or a sub-event)
 * + 0.05 more if it names the citizen's very sub-event (KE4.2, not KE4)
 * + 0.15 if one of its service classes came up in the answers
 * + 0.05 if one of its target groups did
 *
 * A local service qualifies only in its municipalities; national services
 * always do.  A service needs a life event or class match, or a cosine of
 * at least RECOMMEND_MIN_COSINE, to be listed at all.
 */
#ifndef OPASTIN_RECOMMEND_H
#define OPASTIN_RECOMMEND_H

#include <stddef.h>

#include "catalogue.h"
#include "profile.h"
#include "results.h"

#define RECOMMEND_DEFAULT_LIMIT 10
#define RECOMMEND_MAX_LIMIT 50
#define RECOMMEND_MIN_COSINE 0.6

#define WEIGHT_COSINE 0.45
#define WEIGHT_EVENT 0.30
#define WEIGHT_SUBEVENT 0.05
#define WEIGHT_CLASS 0.15
#define WEIGHT_GROUP 0.05

/* Cosine similarity of two vectors of DIM_COUNT; 0 if either is zero. */
double recommend_cosine(const double *a, const double *b);

/* Score one service for a profile; reasons (room for RECOMMEND_MAX_REASONS)
 * and *nreasons may be NULL.  Returns a negative score when the service
 * does not qualify. */
#define RECOMMEND_MAX_REASONS 4
double recommend_score(const struct cat_service *, const struct profile *,
    struct reason *reasons, size_t *nreasons);

/* Rank the catalogue for a profile into out (which the caller frees with
 * results_free), at most limit services, in the profile's language. */
void recommend(const struct catalogue *, const struct profile *, size_t limit,
    struct results *out);

/* Give the backend's services reasons from the citizen's answers: the
 * API says none, but its services name their service classes, and the
 * answers that pointed to those classes are why they fit. */
void recommend_explain(struct results *, const struct profile *);

/* Rank the catalogue by the words of a search (in any of the three
 * languages, ignoring case and accents), best matches first. */
void recommend_search(const struct catalogue *, const char *words,
    const struct profile *, size_t limit, struct results *out);

#endif
