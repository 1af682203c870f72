/*
 * Opening hours at a moment, in Europe/Helsinki computed without the
 * machine's time zone: the changes to and from summer time, midnight,
 * hours past midnight, the Sunday-Monday wrap, exceptional days,
 * validity ranges and places open around the clock.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "util.h"

/* A moment given in UTC. */
static time_t
utc(int y, int m, int d, int h, int mi)
{
	return (time_t)((long long)hours_days(y, m, d) * 86400 + h * 3600 + mi * 60);
}

static long
day(int y, int m, int d)
{
	return hours_days(y, m, d);
}

/* Append an entry; times as {day_from, day_to, from, to} quadruples. */
static struct hours_entry *
entry(struct opening_hours *h, enum hours_kind kind, long from, long to, size_t n, const int *t)
{
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	struct hours_entry *e = &h->v[h->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->valid_from = from;
	e->valid_to = to;
	if (n > 0) {
		e->times = xcalloc(n, sizeof *e->times);
		for (size_t i = 0; i < n; i++)
			e->times[i] = (struct hours_time){ t[4 * i], t[4 * i + 1], t[4 * i + 2], t[4 * i + 3] };
		e->ntimes = n;
	}
	return e;
}

#define ALWAYS_VALID HOURS_OPEN_START, HOURS_OPEN_END
#define H(h, m) ((h) * 60 + (m))

/* Mon-Fri 8-16. */
static void
office(struct opening_hours *h)
{
	static const int t[] = { 1, 5, H(8, 0), H(16, 0) };
	memset(h, 0, sizeof *h);
	entry(h, HOURS_NORMAL, ALWAYS_VALID, 1, t);
}

static void
test_calendar(void **state)
{
	int y, m, d;
	(void)state;

	assert_int_equal(hours_days(1970, 1, 1), 0);
	assert_int_equal(hours_weekday(day(2026, 12, 2)), 3);
	assert_int_equal(hours_weekday(day(2026, 12, 6)), 7);
	assert_int_equal(hours_weekday(day(2026, 12, 7)), 1);
	assert_int_equal(hours_weekday(day(1969, 12, 31)), 3);
	hours_civil(day(2024, 2, 29), &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20240229);
	assert_true(hours_date_valid(2024, 2, 29));
	assert_false(hours_date_valid(2026, 2, 29));
	assert_false(hours_date_valid(2100, 2, 29));
	assert_true(hours_date_valid(2000, 2, 29));
	assert_false(hours_date_valid(2026, 4, 31));

	long days;
	int min;
	assert_true(hours_parse_date("2026-12-31", &days));
	assert_int_equal(days, day(2026, 12, 31));
	assert_false(hours_parse_date("2026-02-30", &days));
	assert_false(hours_parse_date("2026-13-01", &days));
	assert_false(hours_parse_date("2026-1-01", &days));
	assert_false(hours_parse_date("2026-01-01x", &days));
	assert_true(hours_parse_time("08:30", false, &min));
	assert_int_equal(min, 510);
	assert_true(hours_parse_time("24:00", true, &min));
	assert_int_equal(min, 1440);
	assert_false(hours_parse_time("24:00", false, &min));
	assert_false(hours_parse_time("24:01", true, &min));
	assert_false(hours_parse_time("8:00", false, &min));
	assert_false(hours_parse_time("12:60", false, &min));
}

static void
test_helsinki_offset(void **state)
{
	(void)state;
	/* 2026: summer time from Sunday 29 March to Sunday 25 October,
	 * each time at 01:00 UTC. */
	assert_int_equal(hours_helsinki_offset(utc(2026, 3, 29, 0, 59)), 7200);
	assert_int_equal(hours_helsinki_offset(utc(2026, 3, 29, 1, 0)), 10800);
	assert_int_equal(hours_helsinki_offset(utc(2026, 10, 25, 0, 59)), 10800);
	assert_int_equal(hours_helsinki_offset(utc(2026, 10, 25, 1, 0)), 7200);
	assert_int_equal(hours_helsinki_offset(utc(2026, 7, 1, 12, 0)), 10800);
	assert_int_equal(hours_helsinki_offset(utc(2026, 1, 1, 12, 0)), 7200);
	/* 2024: 31 March and 27 October. */
	assert_int_equal(hours_helsinki_offset(utc(2024, 3, 31, 0, 59)), 7200);
	assert_int_equal(hours_helsinki_offset(utc(2024, 3, 31, 1, 0)), 10800);
	assert_int_equal(hours_helsinki_offset(utc(2024, 10, 27, 1, 0)), 7200);

	long d;
	int min;
	/* 03:00 EET becomes 04:00 EEST: 00:30 UTC is 02:30, 01:30 is 04:30. */
	hours_helsinki(utc(2026, 3, 29, 0, 30), &d, &min);
	assert_int_equal(d, day(2026, 3, 29));
	assert_int_equal(min, H(2, 30));
	hours_helsinki(utc(2026, 3, 29, 1, 30), &d, &min);
	assert_int_equal(min, H(4, 30));
	/* Late evening UTC is the next day in Helsinki. */
	hours_helsinki(utc(2026, 12, 1, 22, 15), &d, &min);
	assert_int_equal(d, day(2026, 12, 2));
	assert_int_equal(min, H(0, 15));
	hours_helsinki(utc(2026, 8, 31, 21, 0), &d, &min);
	assert_int_equal(d, day(2026, 9, 1));
	assert_int_equal(min, 0);
}

static void
test_office_day(void **state)
{
	struct opening_hours h;
	struct hours_now n;
	(void)state;

	office(&h);
	/* Wednesday 2 December 2026, 12:00 in Helsinki. */
	hours_at(&h, utc(2026, 12, 2, 10, 0), &n);
	assert_true(n.known);
	assert_int_equal(n.today.kind, DAY_TIMES);
	assert_int_equal(n.today.n, 1);
	assert_int_equal(n.today.span[0].from, H(8, 0));
	assert_int_equal(n.today.span[0].to, H(16, 0));
	assert_true(n.open);
	assert_int_equal(n.change, H(16, 0));
	/* 07:59: closed, opens at 8. */
	hours_at(&h, utc(2026, 12, 2, 5, 59), &n);
	assert_false(n.open);
	assert_int_equal(n.change, H(8, 0));
	/* 16:00 sharp: closed, and it opens no more today. */
	hours_at(&h, utc(2026, 12, 2, 14, 0), &n);
	assert_false(n.open);
	assert_int_equal(n.change, -1);
	/* Saturday: closed all day, but known. */
	hours_at(&h, utc(2026, 12, 5, 10, 0), &n);
	assert_true(n.known);
	assert_int_equal(n.today.kind, DAY_CLOSED);
	assert_false(n.open);
	/* The day in Helsinki, not in UTC: 22:30 UTC on Friday is 00:30
	 * on Saturday. */
	hours_at(&h, utc(2026, 12, 4, 22, 30), &n);
	assert_int_equal(n.today.kind, DAY_CLOSED);
	hours_free(&h);
}

static void
test_summer_time(void **state)
{
	struct opening_hours h = { 0 };
	struct hours_now n;
	static const int sunday[] = { 7, 7, H(10, 0), H(14, 0) };
	(void)state;

	entry(&h, HOURS_NORMAL, ALWAYS_VALID, 1, sunday);
	/* 07:30 UTC is 09:30 in winter and 10:30 in summer. */
	hours_at(&h, utc(2026, 3, 22, 7, 30), &n);
	assert_false(n.open);
	assert_int_equal(n.change, H(10, 0));
	hours_at(&h, utc(2026, 3, 29, 7, 30), &n);	/* the day it changes */
	assert_true(n.open);
	assert_int_equal(n.change, H(14, 0));
	hours_at(&h, utc(2026, 10, 18, 7, 30), &n);
	assert_true(n.open);
	hours_at(&h, utc(2026, 10, 25, 7, 30), &n);	/* back to winter */
	assert_false(n.open);
	assert_int_equal(n.change, H(10, 0));
	hours_free(&h);
}

static void
test_past_midnight(void **state)
{
	struct opening_hours h = { 0 };
	struct hours_now n;
	/* Friday and Saturday 22-02; Sunday to Monday 23-01. */
	static const int nights[] = {
		5, 6, H(22, 0), H(2, 0),
		7, 7, H(23, 0), H(1, 0),
	};
	(void)state;

	entry(&h, HOURS_NORMAL, ALWAYS_VALID, 2, nights);
	/* Saturday 01:00: Friday's night is still open. */
	hours_at(&h, utc(2026, 12, 4, 23, 0), &n);
	assert_true(n.open);
	assert_int_equal(n.change, H(2, 0));
	assert_int_equal(n.today.kind, DAY_TIMES);
	assert_int_equal(n.today.span[0].from, H(22, 0));
	assert_int_equal(n.today.span[0].to, H(26, 0));
	/* Saturday 03:00: closed, opens at 22. */
	hours_at(&h, utc(2026, 12, 5, 1, 0), &n);
	assert_false(n.open);
	assert_int_equal(n.change, H(22, 0));
	/* Saturday 23:00: open, and it closes after midnight, not today. */
	hours_at(&h, utc(2026, 12, 5, 21, 0), &n);
	assert_true(n.open);
	assert_int_equal(n.change, -1);
	/* Monday 00:30: Sunday's night, across the week's end. */
	hours_at(&h, utc(2026, 12, 6, 22, 30), &n);
	assert_true(n.open);
	assert_int_equal(n.change, H(1, 0));
	assert_int_equal(n.today.kind, DAY_CLOSED);
	/* Monday 01:00: closed. */
	hours_at(&h, utc(2026, 12, 6, 23, 0), &n);
	assert_false(n.open);
	hours_free(&h);
}

static void
test_week_wrap_and_merge(void **state)
{
	struct opening_hours h = { 0 };
	struct hours_now n;
	/* Saturday to Monday 10-12 and 12-14: one run from 10 to 14. */
	static const int t[] = {
		6, 1, H(10, 0), H(12, 0),
		6, 1, H(12, 0), H(14, 0),
	};
	(void)state;

	entry(&h, HOURS_NORMAL, ALWAYS_VALID, 2, t);
	hours_at(&h, utc(2026, 12, 7, 9, 0), &n);	/* Monday 11:00 */
	assert_true(n.open);
	assert_int_equal(n.change, H(14, 0));
	hours_at(&h, utc(2026, 12, 6, 9, 0), &n);	/* Sunday */
	assert_true(n.open);
	hours_at(&h, utc(2026, 12, 8, 9, 0), &n);	/* Tuesday */
	assert_int_equal(n.today.kind, DAY_CLOSED);
	assert_false(n.open);
	hours_free(&h);
}

static void
test_exceptional(void **state)
{
	struct opening_hours h;
	struct hours_now n;
	struct hours_day dd;
	static const int eve[] = { 4, 4, H(10, 0), H(14, 0) };
	(void)state;

	office(&h);
	entry(&h, HOURS_EXCEPTIONAL, day(2026, 12, 24), day(2026, 12, 24), 0, NULL)->closed = true;
	entry(&h, HOURS_EXCEPTIONAL, day(2026, 12, 31), day(2026, 12, 31), 1, eve);
	/* Christmas Eve, a Thursday: closed, though Thursdays are open. */
	hours_at(&h, utc(2026, 12, 24, 10, 0), &n);
	assert_int_equal(n.today.kind, DAY_CLOSED);
	assert_false(n.open);
	assert_ptr_equal(n.today.entry, &h.v[1]);
	hours_day(&h, day(2026, 12, 23), &dd);
	assert_int_equal(dd.kind, DAY_TIMES);
	assert_int_equal(dd.span[0].to, H(16, 0));
	/* New Year's Eve: 10-14 instead of 8-16. */
	hours_at(&h, utc(2026, 12, 31, 7, 0), &n);	/* 09:00 */
	assert_false(n.open);
	assert_int_equal(n.change, H(10, 0));
	assert_int_equal(n.today.n, 1);
	assert_int_equal(n.today.span[0].to, H(14, 0));
	hours_free(&h);
}

static void
test_validity(void **state)
{
	struct opening_hours h = { 0 };
	struct hours_day dd;
	struct hours_now n;
	static const int summer[] = { 1, 7, H(8, 0), H(12, 0) };
	(void)state;

	entry(&h, HOURS_NORMAL, day(2026, 6, 1), day(2026, 8, 31), 1, summer);
	hours_day(&h, day(2026, 5, 31), &dd);
	assert_int_equal(dd.kind, DAY_UNKNOWN);
	hours_day(&h, day(2026, 6, 1), &dd);
	assert_int_equal(dd.kind, DAY_TIMES);
	hours_day(&h, day(2026, 8, 31), &dd);
	assert_int_equal(dd.kind, DAY_TIMES);
	hours_day(&h, day(2026, 9, 1), &dd);
	assert_int_equal(dd.kind, DAY_UNKNOWN);
	/* The last valid day ends at midnight in Helsinki, three hours
	 * before midnight UTC. */
	hours_at(&h, utc(2026, 8, 31, 20, 59), &n);
	assert_true(n.known);
	hours_at(&h, utc(2026, 8, 31, 21, 0), &n);
	assert_false(n.known);
	assert_false(n.open);
	hours_free(&h);
}

static void
test_always_open(void **state)
{
	struct opening_hours h = { 0 };
	struct hours_now n;
	static const int late[] = { 1, 7, H(20, 0), H(24, 0) };
	(void)state;

	entry(&h, HOURS_NORMAL, ALWAYS_VALID, 0, NULL)->always_open = true;
	hours_at(&h, utc(2026, 12, 6, 1, 0), &n);
	assert_int_equal(n.today.kind, DAY_ALWAYS);
	assert_true(n.open);
	assert_int_equal(n.change, -1);
	hours_free(&h);

	/* Open until 24:00: it closes at midnight, today. */
	memset(&h, 0, sizeof h);
	entry(&h, HOURS_NORMAL, ALWAYS_VALID, 1, late);
	hours_at(&h, utc(2026, 12, 2, 21, 59), &n);	/* 23:59 */
	assert_true(n.open);
	assert_int_equal(n.change, 1440);
	hours_free(&h);
}

static void
test_copy_and_now(void **state)
{
	struct opening_hours h, c;
	(void)state;

	office(&h);
	h.v[0].info[LANG_FI] = xstrdup("Ajanvaraus");
	hours_copy(&c, &h);
	hours_free(&h);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].times[0].to, H(16, 0));
	assert_string_equal(c.v[0].info[LANG_FI], "Ajanvaraus");
	hours_free(&c);

	setenv("OPASTIN_NOW", "2026-12-02T10:00:00Z", 1);
	assert_true(hours_now() == utc(2026, 12, 2, 10, 0));
	setenv("OPASTIN_NOW", "tomorrow", 1);
	time_t t = time(NULL);
	assert_true(hours_now() >= t - 5 && hours_now() <= t + 5);
	unsetenv("OPASTIN_NOW");
	assert_true(hours_now() >= t - 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_helsinki_offset),
		cmocka_unit_test(test_office_day),
		cmocka_unit_test(test_summer_time),
		cmocka_unit_test(test_past_midnight),
		cmocka_unit_test(test_week_wrap_and_merge),
		cmocka_unit_test(test_exceptional),
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_always_open),
		cmocka_unit_test(test_copy_and_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
