#include "config.h"

#include <string.h>

#include "meter.h"

static const char *const keys[DIM_COUNT] = {
	"working_studying", "family", "friends", "health",
	"improvement_of_strengths", "housing", "finance", "self_esteem",
	"resilience", "life_satisfaction",
};

const char *
dim_key(enum dim d)
{
	return keys[d];
}

int
dim_parse(const char *key)
{
	for (int i = 0; i < DIM_COUNT; i++)
		if (key != NULL && strcmp(keys[i], key) == 0)
			return i;
	return -1;
}
