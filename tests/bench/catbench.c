/*
 * catbench: the register cache's load and the recommender's ranking,
 * timed apart, for tests/bench/run.py ("make bench").  Not a test.
 *
 *     catbench ASSETS CACHE_DIR PROFILE RANK_RUNS
 *
 * Loads the assets, then the cache once (as the kiosk does at start:
 * the compact ptv-services.bin), then ranks the profile RANK_RUNS times,
 * then loads the same services the way before the compact cache (the
 * JSON Lines with jansson and the catalogue's loader), for the ratio.
 * Prints one line of "key=value" pairs:
 *
 *     services=9644 load_s=0.0600 jsonl_load_s=0.9000 same=1
 *     rank_us_median=412.0 rank_us_min=390.1 rank_us_max=700.2
 *     peak_kib=30000 results=10
 *
 * load_s is cache_load() alone; peak_kib is the process's peak RSS after
 * it (getrusage), before the JSON Lines are read, which the caller
 * compares with a run that loads no cache.  same=1 when both ways gave
 * the same number of services.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "assets.h"
#include "cache.h"
#include "profile.h"
#include "recommend.h"
#include "results.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct assets a;
	struct catalogue cat;
	struct profile p;
	char *cause = NULL;

	if (argc != 5) {
		fprintf(stderr, "usage: catbench ASSETS CACHE_DIR PROFILE RANK_RUNS\n");
		return 2;
	}
	int runs = atoi(argv[4]);
	if (runs < 1)
		runs = 1;
	if (assets_load(&a, argv[1], &cause) < 0) {
		fprintf(stderr, "catbench: %s\n", cause);
		return 1;
	}
	struct catalogue_codes cc = {
		.quest = &a.quest, .life_events = &a.life_events,
		.classes = &a.classes, .groups = &a.groups, .munis = &a.munis,
	};
	double t0 = now();
	int rc = cache_load(&cat, argv[2], &cc, &cause);
	double load = now() - t0;
	if (rc != 0) {
		fprintf(stderr, "catbench: no cache loaded: %s\n", cause ? cause : "no cache");
		return 1;
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	struct catalogue old;
	t0 = now();
	rc = cache_load_jsonl(&old, argv[2], &cc, &cause);
	double load_jsonl = now() - t0;
	if (rc != 0) {
		fprintf(stderr, "catbench: no JSON Lines loaded: %s\n", cause ? cause : "no cache");
		return 1;
	}
	bool same = old.n == cat.n;
	catalogue_free(&old);
	catalogue_free(&a.cat);
	a.cat = cat;
	if (profile_parse(&p, argv[3], &a, &cause) < 0) {
		fprintf(stderr, "catbench: %s\n", cause);
		return 1;
	}
	double *t = calloc((size_t)runs, sizeof *t);
	size_t nres = 0;
	for (int i = 0; i < runs; i++) {
		struct results r;
		double s = now();
		recommend(&a.cat, &p, RECOMMEND_DEFAULT_LIMIT, &r);
		t[i] = (now() - s) * 1e6;
		nres = r.n;
		results_free(&r);
	}
	qsort(t, (size_t)runs, sizeof *t, by_double);
	printf("services=%zu load_s=%.4f jsonl_load_s=%.4f same=%d rank_us_median=%.1f "
	    "rank_us_min=%.1f rank_us_max=%.1f peak_kib=%ld results=%zu\n", a.cat.n, load,
	    load_jsonl, same, t[runs / 2], t[0], t[runs - 1], ru.ru_maxrss, nres);
	free(t);
	profile_wipe(&p);
	assets_free(&a);
	return 0;
}
