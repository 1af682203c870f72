/*
 * staff.h: the staff PIN.
 *
 * The configuration holds only a salted, slow hash of the PIN (crypt(3),
 * yescrypt where libcrypt has it); `opastin --hash-pin` makes the line to
 * paste.  Five wrong PINs in a row lock the staff menu for a minute.
 */
#ifndef OPASTIN_STAFF_H
#define OPASTIN_STAFF_H

#include <stdbool.h>

#define STAFF_MAX_FAILURES 5
#define STAFF_LOCK_MS 60000
#define STAFF_PIN_MIN 4
#define STAFF_PIN_MAX 12

/* A new hash of pin (digits only, 4 to 12 of them), or NULL with *cause. */
char *staff_hash_pin(const char *pin, char **cause);
/* Whether hash is a crypt(3) string that some PIN can match: a method
 * libcrypt has and that is not weak, and the shape that method gives. */
bool staff_hash_usable(const char *hash);
/* Whether pin matches the hash, in time that does not depend on where
 * they differ. */
bool staff_pin_matches(const char *hash, const char *pin);

struct staff_guard {
	int failures;
	long long locked_until;		/* ms on the monotonic clock, 0 if open */
};

/* Whether the menu is locked at time now; how long yet in *left_ms. */
bool staff_locked(const struct staff_guard *, long long now, long long *left_ms);
/* Record an attempt; returns true when it opened the menu. */
bool staff_attempt(struct staff_guard *, const char *hash, const char *pin, long long now);

#endif
