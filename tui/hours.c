#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "util.h"

void
hours_free(struct opening_hours *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].times);
		for (int l = 0; l < LANG_COUNT; l++)
			free(h->v[i].info[l]);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}

void
hours_copy(struct opening_hours *dst, const struct opening_hours *src)
{
	memset(dst, 0, sizeof *dst);
	if (src->n == 0)
		return;
	dst->v = xcalloc(src->n, sizeof *dst->v);
	dst->n = src->n;
	for (size_t i = 0; i < src->n; i++) {
		struct hours_entry *d = &dst->v[i];
		*d = src->v[i];
		if (d->ntimes > 0) {
			d->times = xcalloc(d->ntimes, sizeof *d->times);
			memcpy(d->times, src->v[i].times, d->ntimes * sizeof *d->times);
		}
		for (int l = 0; l < LANG_COUNT; l++)
			d->info[l] = src->v[i].info[l] ? xstrdup(src->v[i].info[l]) : NULL;
	}
}

/* Howard Hinnant's days_from_civil and civil_from_days: exact for every
 * date of the proleptic Gregorian calendar, with no table and no libc. */
long
hours_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
hours_civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
hours_weekday(long days)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((days % 7 + 7) % 7 + 3) % 7) + 1;
}

bool
hours_date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool
hours_parse_date(const char *s, long *days)
{
	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
	int m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
	if (!hours_date_valid(y, m, d))
		return false;
	*days = hours_days(y, m, d);
	return true;
}

bool
hours_parse_time(const char *s, bool allow_24, int *minutes)
{
	if (strlen(s) != 5 || !digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
		return false;
	int h = (s[0] - '0') * 10 + s[1] - '0', m = (s[3] - '0') * 10 + s[4] - '0';
	if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24)))
		return false;
	*minutes = h * 60 + m;
	return true;
}

/* The last Sunday of a month of 31 days, as days. */
static long
last_sunday(int y, int m)
{
	long last = hours_days(y, m, 31);
	return last - hours_weekday(last) % 7;
}

static long
floor_div(long long a, long b)
{
	return (long)(a >= 0 ? a / b : -((-a + b - 1) / b));
}

int
hours_helsinki_offset(time_t t)
{
	int y, m, d;

	hours_civil(floor_div((long long)t, 86400), &y, &m, &d);
	long long start = (long long)last_sunday(y, 3) * 86400 + 3600;
	long long end = (long long)last_sunday(y, 10) * 86400 + 3600;
	return (long long)t >= start && (long long)t < end ? 10800 : 7200;
}

void
hours_helsinki(time_t t, long *day, int *minute)
{
	long long local = (long long)t + hours_helsinki_offset(t);
	*day = floor_div(local, 86400);
	*minute = (int)((local - (long long)*day * 86400) / 60);
}

static bool
covers(const struct hours_entry *e, long day)
{
	return e->valid_from <= day && day <= e->valid_to;
}

static bool
on_weekday(const struct hours_time *t, int wd)
{
	if (t->day_from <= t->day_to)
		return wd >= t->day_from && wd <= t->day_to;
	return wd >= t->day_from || wd <= t->day_to;	/* Sat..Mon */
}

static void
add_times(const struct hours_entry *e, int wd, struct hours_day *out)
{
	for (size_t i = 0; i < e->ntimes && out->n < HOURS_MAX_TIMES; i++) {
		const struct hours_time *t = &e->times[i];
		if (!on_weekday(t, wd))
			continue;
		struct hours_span sp = { t->from, t->to <= t->from ? t->to + 1440 : t->to };
		size_t k = out->n++;
		while (k > 0 && out->span[k - 1].from > sp.from) {
			out->span[k] = out->span[k - 1];
			k--;
		}
		out->span[k] = sp;
	}
}

void
hours_day(const struct opening_hours *h, long day, struct hours_day *out)
{
	int wd = hours_weekday(day);

	memset(out, 0, sizeof *out);
	/* An exceptional entry decides its dates alone: a holiday closes a
	 * place that is open every other Monday. */
	for (size_t i = 0; i < h->n; i++) {
		const struct hours_entry *e = &h->v[i];
		if (e->kind != HOURS_EXCEPTIONAL || !covers(e, day))
			continue;
		out->entry = e;
		if (e->closed)
			out->kind = DAY_CLOSED;
		else if (e->always_open)
			out->kind = DAY_ALWAYS;
		else {
			add_times(e, wd, out);
			out->kind = out->n > 0 ? DAY_TIMES : DAY_CLOSED;
		}
		return;
	}
	/* The normal entries together: a place may list its mornings and its
	 * evenings apart, or its summer and winter hours. */
	for (size_t i = 0; i < h->n; i++) {
		const struct hours_entry *e = &h->v[i];
		if (e->kind != HOURS_NORMAL || !covers(e, day))
			continue;
		if (out->entry == NULL)
			out->entry = e;
		if (out->kind == DAY_UNKNOWN)
			out->kind = DAY_CLOSED;
		if (e->closed)
			continue;
		if (e->always_open) {
			out->kind = DAY_ALWAYS;
			out->entry = e;
			out->n = 0;
			return;
		}
		add_times(e, wd, out);
	}
	if (out->n > 0)
		out->kind = DAY_TIMES;
}

void
hours_at(const struct opening_hours *h, time_t now, struct hours_now *out)
{
	struct hours_day yesterday;
	struct hours_span run[HOURS_MAX_TIMES * 2];
	size_t nrun = 0;
	long day;
	int min;

	memset(out, 0, sizeof *out);
	out->change = -1;
	hours_helsinki(now, &day, &min);
	hours_day(h, day, &out->today);
	hours_day(h, day - 1, &yesterday);
	/* Yesterday's "22:00-02:00" is open at 01:00 today. */
	for (size_t i = 0; i < yesterday.n; i++)
		if (yesterday.kind == DAY_TIMES && yesterday.span[i].to > 1440)
			run[nrun++] = (struct hours_span){ 0, yesterday.span[i].to - 1440 };
	for (size_t i = 0; i < out->today.n; i++)
		run[nrun++] = out->today.span[i];
	out->known = out->today.kind != DAY_UNKNOWN || nrun > 0;
	if (out->today.kind == DAY_ALWAYS) {
		out->open = true;
		return;
	}
	/* Open now: until the end of the run of spans that meet or overlap. */
	int end = -1;
	for (size_t i = 0; i < nrun; i++)
		if (run[i].from <= min && min < run[i].to && run[i].to > end)
			end = run[i].to;
	if (end >= 0) {
		out->open = true;
		for (bool grew = true; grew;) {
			grew = false;
			for (size_t i = 0; i < nrun; i++) {
				if (run[i].from <= end && run[i].to > end) {
					end = run[i].to;
					grew = true;
				}
			}
		}
		out->change = end <= 1440 ? end : -1;
		return;
	}
	for (size_t i = 0; i < nrun; i++)
		if (run[i].from > min && (out->change < 0 || run[i].from < out->change))
			out->change = run[i].from;
}

time_t
hours_now(void)
{
	const char *s = getenv("OPASTIN_NOW");
	int y, mo, d, h, mi, sec;
	char z;

	if (s == NULL || *s == '\0')
		return time(NULL);
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &z) != 7 ||
	    z != 'Z' || !hours_date_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
		return time(NULL);
	return (time_t)((long long)hours_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec);
}
