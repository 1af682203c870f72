#include "config.h"

#include <crypt.h>
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "staff.h"
#include "util.h"

char *
staff_hash_pin(const char *pin, char **cause)
{
	size_t n = strlen(pin);

	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)pin[i])) {
			/* TRANSLATORS: opastin --hash-pin refuses a PIN with
			 * something else than the digits 0 to 9. */
			*cause = xstrdup(_("a staff PIN has only digits"));
			return NULL;
		}
	}
	if (n < STAFF_PIN_MIN || n > STAFF_PIN_MAX) {
		/* TRANSLATORS: opastin --hash-pin refuses a PIN too short
		 * or too long; %1$d is the fewest digits (6), %2$d the most
		 * (12), %3$zu how many were given. */
		*cause = xasprintf(_("a staff PIN has %1$d to %2$d digits, not %3$zu"),
		    STAFF_PIN_MIN, STAFF_PIN_MAX, n);
		return NULL;
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

long long
staff_lock_ms(int failures)
{
	/* With 6 digits and these times, a guesser gets about 120 PINs a
	 * day: the whole space takes over 20 000 years. */
	static const long long minutes[] = { 1, 5, 15, 60 };

	if (failures < STAFF_MAX_FAILURES || failures % STAFF_MAX_FAILURES != 0)
		return 0;
	size_t k = (size_t)(failures / STAFF_MAX_FAILURES) - 1;
	if (k >= nitems(minutes))
		k = nitems(minutes) - 1;
	return minutes[k] * 60 * 1000;
}

bool
staff_record(struct staff_guard *g, bool right, long long now)
{
	if (right) {
		g->failures = 0;
		g->locked_until = 0;
		g->lock_ms = 0;
		return false;
	}
	/* At five an hour, INT_MAX is out of reach. */
	if (g->failures < INT_MAX)
		g->failures++;
	long long ms = staff_lock_ms(g->failures);
	if (ms == 0)
		return false;
	g->lock_ms = ms;
	g->locked_until = now + ms;
	return true;
}

bool
staff_attempt(struct staff_guard *g, const char *hash, const char *pin, long long now)
{
	if (staff_locked(g, now, NULL))
		return false;
	bool right = staff_pin_matches(hash, pin);
	staff_record(g, right, now);
	return right;
}
