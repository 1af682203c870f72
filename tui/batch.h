/*
 * batch.h: recommendations without a terminal, for staff and scripts.
 *
 *   opastin --profile FILE --format text|json
 *
 * The json format is the AuroraAI answer shape, with "source" and
 * "language" added at the top level, and for the embedded recommender
 * "catalogue" ("register" or "bundled": the one that served the
 * profile's municipality, assets_catalogue()) and "catalogue_date".
 */
#ifndef OPASTIN_BATCH_H
#define OPASTIN_BATCH_H

#include <stdio.h>

#include "assets.h"
#include "backend.h"
#include "results.h"

enum batch_format { BATCH_TEXT, BATCH_JSON };

/* Write results in the AuroraAI shape as JSON (a new string); with a
 * fallback_reason when the backend failed and the embedded recommender
 * stood in (NULL otherwise).  Each service also carries its "reasons"
 * (the answers behind it, in words) and its "first_step" or null. */
char *batch_json(const struct results *, const char *fallback_reason, const struct quest *);
/* Write results as readable text in the current language. */
void batch_text(FILE *, const struct results *, const struct quest *);

/* Read the profile, recommend (through the backend when there is one),
 * print.  Returns the exit status: 0, or 2 with *cause set when the
 * profile is bad. */
int batch_run(const struct assets *, struct backend *, const char *profile,
    enum batch_format, int lang_override, FILE *out, char **cause);

#endif
