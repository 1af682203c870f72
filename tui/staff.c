#include "config.h"

#include <crypt.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "staff.h"
#include "util.h"

char *
staff_hash_pin(const char *pin, char **cause)
{
	size_t n = strlen(pin);

	if (n < STAFF_PIN_MIN || n > STAFF_PIN_MAX) {
		*cause = xasprintf("a PIN has %d to %d digits", STAFF_PIN_MIN, STAFF_PIN_MAX);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)pin[i])) {
			*cause = xstrdup("a PIN has only digits");
			return NULL;
		}
	}
	/* NULL prefix: libcrypt's strongest default (yescrypt on Debian). */
	char *salt = crypt_gensalt_ra(NULL, 0, NULL, 0);
	if (salt == NULL) {
		*cause = xstrdup("no random salt could be made");
		return NULL;
	}
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	char *h = crypt_r(pin, salt, cd);
	char *out = NULL;
	if (h == NULL || h[0] == '*')
		*cause = xstrdup("the PIN could not be hashed");
	else
		out = xstrdup(h);
	wipe(cd, sizeof *cd);
	free(cd);
	free(salt);
	return out;
}

bool
staff_pin_matches(const char *hash, const char *pin)
{
	if (hash == NULL || pin == NULL || hash[0] != '$')
		return false;
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_r(pin, hash, cd);
	bool ok = false;
	if (h != NULL && h[0] != '*' && strlen(h) == strlen(hash)) {
		unsigned char diff = 0;
		for (size_t i = 0; hash[i] != '\0'; i++)
			diff |= (unsigned char)(h[i] ^ hash[i]);
		ok = diff == 0;
	}
	wipe(cd, sizeof *cd);
	free(cd);
	return ok;
}

bool
staff_locked(const struct staff_guard *g, long long now, long long *left_ms)
{
	if (g->locked_until > now) {
		if (left_ms != NULL)
			*left_ms = g->locked_until - now;
		return true;
	}
	return false;
}

bool
staff_attempt(struct staff_guard *g, const char *hash, const char *pin, long long now)
{
	if (staff_locked(g, now, NULL))
		return false;
	if (staff_pin_matches(hash, pin)) {
		g->failures = 0;
		g->locked_until = 0;
		return true;
	}
	if (++g->failures >= STAFF_MAX_FAILURES) {
		g->failures = 0;
		g->locked_until = now + STAFF_LOCK_MS;
	}
	return false;
}
