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
staff_hash_usable(const char *hash)
{
	/* yescrypt, gost-yescrypt, SHA-512, SHA-256 and bcrypt: the ones
	 * --hash-pin could have made on a system of the last decade. */
	static const char *const methods[] = { "$y$", "$gy$", "$6$", "$5$", "$2b$", "$2y$" };
	bool known = false;

	if (hash == NULL)
		return false;
	for (size_t i = 0; i < nitems(methods); i++)
		if (strncmp(hash, methods[i], strlen(methods[i])) == 0)
			known = true;
	const char *last = strrchr(hash, '$');
	if (!known || last == NULL || last[1] == '\0')
		return false;
	/* Hashing a probe with the hash as its setting gives a string of
	 * the same shape: the same method, parameters and salt (all up to
	 * the last '$') and a hash of the same length.  A string cut short
	 * or with a bad salt gives something else, or "*0". */
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_r("opastin-probe", hash, cd);
	size_t head = (size_t)(last - hash) + 1;
	bool ok = h != NULL && h[0] == '$' && strlen(h) == strlen(hash) &&
	    strncmp(h, hash, head) == 0 && strspn(h + head,
	    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
	    strlen(h + head) && strspn(hash + head,
	    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
	    strlen(hash + head);
	wipe(cd, sizeof *cd);
	free(cd);
	return ok;
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
