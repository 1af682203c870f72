/*
 * hours.h: structured opening hours (the register's serviceHours) and
 * what they mean at a moment: open today from when to when, open now or
 * closed now, and when that changes today.
 *
 * Pure: no curses, no locale, no time zone database.  Europe/Helsinki is
 * computed here (EET, UTC+2; EEST, UTC+3 from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC), so a kiosk with a
 * wrong TZ or no tzdata still says the right thing.
 *
 * Days are counted as days since 1970-01-01 in the civil calendar; minutes
 * as minutes since local midnight, 0 to 1440.
 *
 * Ownership: a struct opening_hours owns its entries and their times and
 * texts; hours_free() releases them, hours_copy() makes an independent copy.
 */
#ifndef OPASTIN_HOURS_H
#define OPASTIN_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "i18n.h"

#define HOURS_MAX_ENTRIES 32
#define HOURS_MAX_TIMES 32
#define HOURS_OPEN_START (-2147483647L)	/* valid_from of an open range */
#define HOURS_OPEN_END 2147483647L	/* valid_to of an open range */

enum hours_kind { HOURS_NORMAL, HOURS_EXCEPTIONAL };

/* Open on days day_from..day_to (1 = Monday ... 7 = Sunday; a range may
 * wrap, 6..1 is Saturday to Monday) from minute from to minute to; to <=
 * from runs past midnight into the next day. */
struct hours_time {
	int day_from, day_to;
	int from, to;
};

struct hours_entry {
	enum hours_kind kind;
	long valid_from, valid_to;	/* days, inclusive; HOURS_OPEN_* when open */
	bool closed;			/* closed on every day of the range */
	bool always_open;		/* open 24 hours on every day of the range */
	struct hours_time *times;
	size_t ntimes;
	char *info[LANG_COUNT];		/* a note per language, any may be NULL */
};

struct opening_hours {
	struct hours_entry *v;
	size_t n;
};

void hours_free(struct opening_hours *);
void hours_copy(struct opening_hours *dst, const struct opening_hours *src);

/* Days since 1970-01-01 of a civil date, and back; weekday 1 = Monday. */
long hours_days(int y, int m, int d);
void hours_civil(long days, int *y, int *m, int *d);
int hours_weekday(long days);
/* Whether y-m-d is a date that exists. */
bool hours_date_valid(int y, int m, int d);
/* "YYYY-MM-DD" into days; false when it is not such a date. */
bool hours_parse_date(const char *, long *days);
/* "HH:MM" (00:00 to 23:59, and 24:00 when allow_24) into minutes. */
bool hours_parse_time(const char *, bool allow_24, int *minutes);

/* Europe/Helsinki's offset from UTC at t, in seconds: 7200 or 10800. */
int hours_helsinki_offset(time_t t);
/* The Helsinki day (days since 1970-01-01) and minute of the day at t. */
void hours_helsinki(time_t t, long *day, int *minute);

/* What one day holds. */
enum hours_day_kind {
	DAY_UNKNOWN,	/* no entry covers the day */
	DAY_CLOSED,
	DAY_ALWAYS,	/* open 24 hours */
	DAY_TIMES
};
struct hours_span {
	int from, to;	/* minutes of the day; to may exceed 1440 (past midnight) */
};
struct hours_day {
	enum hours_day_kind kind;
	struct hours_span span[HOURS_MAX_TIMES];	/* by start, DAY_TIMES only */
	size_t n;
	const struct hours_entry *entry;	/* the deciding entry, for its info; may be NULL */
};
/* The hours of a day: an exceptional entry that covers it wins over the
 * normal ones; without one, the normal entries that cover it together. */
void hours_day(const struct opening_hours *, long day, struct hours_day *);

/* Today at a moment. */
struct hours_now {
	struct hours_day today;
	bool known;		/* false: nothing is known about today or now */
	bool open;		/* open now (yesterday's past-midnight hours count) */
	int change;		/* minute of today when it next opens (closed) or
				   closes (open), or -1 when not today */
};
void hours_at(const struct opening_hours *, time_t now, struct hours_now *);

/*
 * The time now: OPASTIN_NOW ("2026-12-02T10:00:00Z", UTC) when it is set,
 * for tests that must not depend on the clock; else time(NULL).  A kiosk
 * never sets it.
 */
time_t hours_now(void);

#endif
