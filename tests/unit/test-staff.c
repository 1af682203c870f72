/*
 * The staff PIN's lock rule over a fake clock: 5 wrong PINs lock for a
 * minute, the next 5 for 5 minutes, then 15, then an hour and an hour
 * ever after; the right PIN starts the count again; nothing is checked
 * while locked.  And --hash-pin's length rule.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "staff.h"
#include "util.h"

#define MIN (60LL * 1000)

static void
test_lock_rule(void **state)
{
	(void)state;
	for (int f = 0; f < 5; f++)
		assert_int_equal(staff_lock_ms(f), 0);
	assert_int_equal(staff_lock_ms(5), 1 * MIN);
	for (int f = 6; f < 10; f++)
		assert_int_equal(staff_lock_ms(f), 0);
	assert_int_equal(staff_lock_ms(10), 5 * MIN);
	assert_int_equal(staff_lock_ms(15), 15 * MIN);
	assert_int_equal(staff_lock_ms(20), 60 * MIN);
	assert_int_equal(staff_lock_ms(25), 60 * MIN);
	assert_int_equal(staff_lock_ms(500), 60 * MIN);
	assert_int_equal(staff_lock_ms(501), 0);
}

/* Five wrong PINs at time *now, each a second apart; returns whether the
 * last began a lock-out, and checks that the first four did not. */
static bool
five_wrong(struct staff_guard *g, long long *now)
{
	bool locked = false;
	for (int i = 0; i < 5; i++) {
		assert_false(staff_locked(g, *now, NULL));
		locked = staff_record(g, false, *now);
		if (i < 4)
			assert_false(locked);
		*now += 1000;
	}
	return locked;
}

static void
test_escalation_over_fake_clock(void **state)
{
	static const long long want[] = { 1, 5, 15, 60, 60, 60 };
	struct staff_guard g;
	long long now = 1000000, left = 0;
	(void)state;

	memset(&g, 0, sizeof g);
	for (size_t k = 0; k < nitems(want); k++) {
		assert_true(five_wrong(&g, &now));
		assert_int_equal(g.failures, (int)(5 * (k + 1)));
		assert_int_equal(g.lock_ms, want[k] * MIN);
		/* The wrong PIN that locked was at now - 1000. */
		long long locked_at = now - 1000;
		assert_true(staff_locked(&g, now, &left));
		assert_int_equal(left, want[k] * MIN - 1000);
		assert_true(staff_locked(&g, locked_at + want[k] * MIN - 1, NULL));
		assert_false(staff_locked(&g, locked_at + want[k] * MIN, NULL));
		now = locked_at + want[k] * MIN;
	}
	/* The right PIN once open: the count starts again at a minute. */
	staff_record(&g, true, now);
	assert_int_equal(g.failures, 0);
	assert_false(staff_locked(&g, now, NULL));
	assert_true(five_wrong(&g, &now));
	assert_int_equal(g.lock_ms, 1 * MIN);
}

/* While locked, even the right PIN is not checked and does not open;
 * after the lock it does, and the count starts again. */
static void
test_attempt_while_locked(void **state)
{
	struct staff_guard g;
	long long now = 5000;
	char *cause = NULL;
	(void)state;

	char *hash = staff_hash_pin("246813", &cause);
	assert_non_null(hash);
	memset(&g, 0, sizeof g);
	for (int i = 0; i < 5; i++)
		assert_false(staff_attempt(&g, hash, "000000", now));
	assert_true(staff_locked(&g, now, NULL));
	assert_false(staff_attempt(&g, hash, "246813", now + MIN - 1));
	assert_int_equal(g.failures, 5);	/* not counted while locked */
	assert_true(staff_attempt(&g, hash, "246813", now + MIN));
	assert_int_equal(g.failures, 0);
	free(hash);
}

static void
test_hash_pin_length(void **state)
{
	static const char *const refused[] = { "", "1", "1234", "12345", "1234567890123", "12345a" };
	static const char *const taken[] = { "123456", "123456789012" };
	(void)state;

	for (size_t i = 0; i < nitems(refused); i++) {
		char *cause = NULL;
		char *h = staff_hash_pin(refused[i], &cause);
		assert_null(h);
		assert_non_null(cause);
		free(cause);
	}
	for (size_t i = 0; i < nitems(taken); i++) {
		char *cause = NULL;
		char *h = staff_hash_pin(taken[i], &cause);
		assert_non_null(h);
		assert_true(staff_pin_matches(h, taken[i]));
		free(h);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lock_rule),
		cmocka_unit_test(test_escalation_over_fake_clock),
		cmocka_unit_test(test_attempt_while_locked),
		cmocka_unit_test(test_hash_pin_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
