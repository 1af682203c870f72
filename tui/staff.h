/*
 * staff.h: the staff PIN.
 *
 * The configuration holds only a salted, slow hash of the PIN (crypt(3),
 * yescrypt where libcrypt has it); `opastin --hash-pin` makes the line to
 * paste.  A PIN has at least 6 digits, so that guessing takes long
 * even without the lock-outs.  Wrong PINs lock the staff menu for
 * longer and longer: after 5 wrong PINs 1 minute, after 10 5 minutes,
 * after 15 a quarter of an hour, and from 20 on an hour after every
 * fifth (see staff_lock_ms).  Only the right PIN, once the lock is over,
 * starts the count again; the guard lives in the ui, so a session reset
 * (F10, the idle timeout) keeps it.
 */
#ifndef OPASTIN_STAFF_H
#define OPASTIN_STAFF_H

#include <stdbool.h>

#define STAFF_MAX_FAILURES 5	/* wrong PINs between two lock-outs */
#define STAFF_PIN_MIN 6
#define STAFF_PIN_MAX 12

/* A new hash of pin (digits only, 6 to 12 of them), or NULL with *cause
 * (translated, for the staff member at the command line). */
char *staff_hash_pin(const char *pin, char **cause);
/* Whether hash is a crypt(3) string that some PIN can match: a method
 * libcrypt has and that is not weak, and the shape that method gives. */
bool staff_hash_usable(const char *hash);
/* Whether pin matches the hash, in time that does not depend on where
 * they differ. */
bool staff_pin_matches(const char *hash, const char *pin);

struct staff_guard {
	int failures;			/* wrong PINs since the last right one */
	long long locked_until;		/* ms on the monotonic clock, 0 if open */
	long long lock_ms;		/* the length of the last lock-out */
};

/* The lock rule, pure: how long (ms) the menu locks after the wrong PIN
 * that makes failures in a row; 0 for no lock-out. */
long long staff_lock_ms(int failures);
/* Whether the menu is locked at time now; how long yet in *left_ms. */
bool staff_locked(const struct staff_guard *, long long now, long long *left_ms);
/* Record the outcome of a PIN checked at time now (not while locked):
 * a right one opens and starts the count again, a wrong one counts and
 * may lock.  Returns true when this wrong PIN began a lock-out, whose
 * length is then in lock_ms.  No hashing: for tests over a fake clock. */
bool staff_record(struct staff_guard *, bool right, long long now);
/* Check a PIN and record it; returns true when it opened the menu.
 * While locked, the PIN is not even checked. */
bool staff_attempt(struct staff_guard *, const char *hash, const char *pin, long long now);

#endif
