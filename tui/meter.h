/*
 * meter.h: the ten dimensions of AuroraAI's life-situation meter, keyed
 * exactly as the API keys them.  Each takes an integer from 0 to 10.
 */
#ifndef OPASTIN_METER_H
#define OPASTIN_METER_H

enum dim {
	DIM_WORKING_STUDYING,
	DIM_FAMILY,
	DIM_FRIENDS,
	DIM_HEALTH,
	DIM_IMPROVEMENT_OF_STRENGTHS,
	DIM_HOUSING,
	DIM_FINANCE,
	DIM_SELF_ESTEEM,
	DIM_RESILIENCE,
	DIM_LIFE_SATISFACTION,
	DIM_COUNT
};

#define METER_MIN 0
#define METER_MAX 10

/* "working_studying", ... */
const char *dim_key(enum dim);
/* The dimension for a key, or -1. */
int dim_parse(const char *key);

#endif
