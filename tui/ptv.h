/*
 * ptv.h: the national service register (PTV, Open API v11) mapped into
 * the catalogue model.
 *
 * The register's services and channels are JSON written by thousands of
 * organisations: every text is sanitised (text_sanitize) and cut to the
 * catalogue's limits, every code is kept only when the assets know it,
 * every URL and phone number is checked for shape.  The result is a
 * catalogue entry in the shape of assets/catalogue.json (with "origin":
 * "ptv"), which catalogue.c's loader reads like any other, so a register
 * service reaches the screen through the same checks as a bundled one.
 *
 * The register has no eligibility and no first steps: those fields stay
 * empty.  The meters' relevance is derived from the service classes with
 * assets/class_dimensions.tsv (struct class_dims).
 *
 * Pure: no I/O but class_dims_load().  Ownership: every json_t returned
 * is a new reference the caller owns; inputs are borrowed.
 */
#ifndef OPASTIN_PTV_H
#define OPASTIN_PTV_H

#include <jansson.h>

#include "meter.h"
#include "muni.h"
#include "table.h"

/*
 * How much each service class speaks to each life-situation meter, 0 to
 * 1: a row per class (a main class "P5", or a subclass "P5.7" that
 * differs from its main class), a column per dimension.
 */
struct class_dims {
	struct table t;
	double (*v)[DIM_COUNT];	/* t.nrows rows */
};
int class_dims_load(struct class_dims *, const char *path, const char *display,
    const struct codes *classes, char **cause);
void class_dims_free(struct class_dims *);
/* A service's relevance: per dimension, the highest of its classes,
 * each class read from its own row or else its main class's row. */
void class_dims_relevance(const struct class_dims *, char *const *classes,
    size_t nclasses, double out[DIM_COUNT]);

/* The code lists a mapped entry may use; all borrowed. */
struct ptv_codes {
	const struct codes *life_events;
	const struct codes *classes;
	const struct codes *groups;
	const struct munis *munis;
	const struct class_dims *dims;
};

/*
 * Map one service channel of the register ("serviceChannelType" ...).
 * Returns the catalogue's channel object, or NULL with *why (static
 * text) when it holds nothing a citizen can use (no phone number for a
 * Phone channel, no valid URL for a web page, an unknown type).
 */
json_t *ptv_map_channel(const json_t *channel, const char **why);

/*
 * Map one service of the register.  channels is an object from channel
 * id to the mapped channel (ptv_map_channel); a channel the service names
 * but channels lacks is left out.  source_base is the register's URL, for
 * the entry's "source".  Returns the catalogue entry, or NULL with *why
 * (static text) when it cannot be shown: not published, no name, no
 * responsible organisation, no service class the assets know, or an
 * area with no municipality the assets know.
 */
json_t *ptv_map_service(const json_t *service, const json_t *channels,
    const struct ptv_codes *, const char *source_base, const char **why);

/* The ids of the channels a service names, appended to ids (a JSON
 * array of strings) unless already in seen (an object used as a set). */
void ptv_channel_ids(const json_t *service, json_t *ids, json_t *seen);

/* Whether s is a register id: a GUID, 36 characters of hex and '-'. */
bool ptv_is_guid(const char *s);

#endif
