/*
 * aurora.h: the AuroraAI service recommender API v1, as data.
 *
 * Building request bodies and reading answers, with no network: net.c
 * moves the bytes.  Requests carry only fields of the published schema
 * (the real service answers 400 to any other, `age` included).  Answers
 * are read tolerantly, as the deployed service differs from its document:
 *
 *   - a channel's name may be `service_channel_name` or `service_name`;
 *   - `phone_numbers`, `emails`, `web_pages` and `service_hours` may be a
 *     list of strings or one string;
 *   - unknown fields are ignored;
 *   - a service without a required field, or with one of the wrong type,
 *     is skipped and the rest of the list kept.
 *
 * Every string taken from an answer passes through text_sanitize(), so
 * the struct results it fills is safe to draw.
 */
#ifndef OPASTIN_AURORA_H
#define OPASTIN_AURORA_H

#include <stddef.h>

#include "i18n.h"
#include "profile.h"
#include "results.h"
#include "table.h"

#define AURORA_MAX_SERVICES 50
#define AURORA_MAX_CHANNELS 20
#define AURORA_DEFAULT_LIMIT 10

/* POST {base}/recommend_service: NULL when the profile rates no
 * dimension (the API needs at least one), so the caller can search by
 * text instead.  classes turns P-codes into the URIs the API takes. */
char *aurora_recommend_body(const struct profile *, const struct codes *classes,
    size_t limit, const char *session_id);
/* POST {base}/text_search. */
char *aurora_search_body(const char *text, const struct profile *,
    const struct codes *classes, size_t limit);
/* POST {base}/recommendation_feedback: score +1 or -1. */
char *aurora_feedback_body(long long recommendation_id, const char *service_id, int score);

/* Read an answer body into out (source SOURCE_BACKEND, language lang).
 * Returns 0, or -1 with *cause (for the log) when the body is not an
 * AuroraAI answer at all. */
int aurora_parse(const char *body, size_t len, enum lang lang,
    struct results *out, char **cause);

/* The language of a Content-Language header ("sv", "sv-FI", "fi, en"):
 * the first one we know, or -1. */
int aurora_content_language(const char *header);

#endif
