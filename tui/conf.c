#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "assets.h"
#include "conf.h"
#include "ui.h"
#include "i18n.h"
#include "spawn.h"
#include "staff.h"
#include "text.h"
#include "util.h"

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	c->default_language = -1;
	c->connect_timeout_s = NET_DEFAULT_CONNECT_TIMEOUT_S;
	c->timeout_s = NET_DEFAULT_TIMEOUT_S;
	c->languages = (1u << LANG_COUNT) - 1;
	c->idle_timeout_s = CONF_DEFAULT_IDLE_TIMEOUT_S;
	c->idle_warning_s = CONF_DEFAULT_IDLE_WARNING_S;
	c->speech = SPEECH_KEY;
	c->speech_key = UI_FN(KEY_F(5));
	c->speech_rate = SPEECH_DEFAULT_RATE;
	c->speech_volume = SPEECH_DEFAULT_VOLUME;
	c->sync_full_days = CONF_DEFAULT_SYNC_FULL_DAYS;
}

void
conf_free(struct conf *c)
{
	free(c->path);
	free(c->backend_url);
	free(c->client_id);
	wipe_free_str(c->client_secret);
	free(c->ca_file);
	free(c->pinned_public_key);
	free(c->proxy);
	wipe_free_str(c->staff_pin_hash);
	free(c->speech_command);
	free(c->speech_log);
	free(c->print_command);
	free(c->site_name);
	free(c->ptv_url);
	free(c->cache_dir);
	free(c->sync_municipalities);
	for (size_t i = 0; i < c->nerrors; i++)
		free(c->errors[i].text);
	free(c->errors);
	conf_init(c);
}

const char *
conf_default_path(void)
{
	return SYSCONFDIR "/opastin/opastin.conf";
}

const char *
conf_ptv_url(const struct conf *c)
{
	return c->ptv_url != NULL ? c->ptv_url : CONF_DEFAULT_PTV_URL;
}

const char *
conf_cache_dir(const struct conf *c)
{
	return c->cache_dir != NULL ? c->cache_dir : LOCALSTATEDIR "/cache/opastin";
}

static char *
trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

enum conf_type {
	T_MUNICIPALITY, T_LANGUAGE, T_LANGUAGES, T_STRING, T_SECRET, T_SECONDS,
	T_IDLE_SECONDS, T_BOOL, T_MODE, T_THEME, T_SPEECH, T_FKEY, T_RATE, T_VOLUME,
	T_MUNICIPALITIES, T_DAYS
};

static const struct conf_key {
	const char *key;
	enum conf_type type;
	size_t offset;
} conf_keys[] = {
	{ "municipality_code", T_MUNICIPALITY, 0 },
	{ "default_language", T_LANGUAGE, offsetof(struct conf, default_language) },
	{ "backend_url", T_STRING, offsetof(struct conf, backend_url) },
	{ "client_id", T_STRING, offsetof(struct conf, client_id) },
	{ "client_secret", T_SECRET, offsetof(struct conf, client_secret) },
	{ "ca_file", T_STRING, offsetof(struct conf, ca_file) },
	{ "pinned_public_key", T_STRING, offsetof(struct conf, pinned_public_key) },
	{ "proxy", T_STRING, offsetof(struct conf, proxy) },
	{ "proxy_from_environment", T_BOOL, offsetof(struct conf, proxy_from_environment) },
	{ "connect_timeout_s", T_SECONDS, offsetof(struct conf, connect_timeout_s) },
	{ "timeout_s", T_SECONDS, offsetof(struct conf, timeout_s) },
	{ "allow_insecure_http", T_BOOL, offsetof(struct conf, allow_insecure_http) },
	{ "languages", T_LANGUAGES, offsetof(struct conf, languages) },
	{ "idle_timeout_s", T_IDLE_SECONDS, offsetof(struct conf, idle_timeout_s) },
	{ "idle_warning_s", T_SECONDS, offsetof(struct conf, idle_warning_s) },
	{ "staff_pin_hash", T_SECRET, offsetof(struct conf, staff_pin_hash) },
	{ "theme", T_THEME, offsetof(struct conf, theme) },
	{ "mode", T_MODE, offsetof(struct conf, mode) },
	{ "speech", T_SPEECH, offsetof(struct conf, speech) },
	{ "speech_key", T_FKEY, offsetof(struct conf, speech_key) },
	{ "speech_rate", T_RATE, offsetof(struct conf, speech_rate) },
	{ "speech_volume", T_VOLUME, offsetof(struct conf, speech_volume) },
	{ "speech_command", T_STRING, offsetof(struct conf, speech_command) },
	{ "speech_log", T_STRING, offsetof(struct conf, speech_log) },
	{ "ptv_url", T_STRING, offsetof(struct conf, ptv_url) },
	{ "cache_dir", T_STRING, offsetof(struct conf, cache_dir) },
	{ "sync_municipalities", T_MUNICIPALITIES, offsetof(struct conf, sync_municipalities) },
	{ "sync_full_days", T_DAYS, offsetof(struct conf, sync_full_days) },
	{ "print_command", T_STRING, offsetof(struct conf, print_command) },
	{ "site_name", T_STRING, offsetof(struct conf, site_name) },
};

_Static_assert(nitems(conf_keys) <= nitems(((struct conf *)0)->key_line),
    "struct conf's key_line has a place for each key");

/* Note an error found at line (0: the whole file), kept in line order:
 * after those of the same line, so that a line's errors stay in the
 * order they were found. */
static void __attribute__((format(printf, 3, 4)))
add_error(struct conf *c, size_t line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	c->errors = xreallocarray(c->errors, c->nerrors + 1, sizeof *c->errors);
	size_t at = c->nerrors;
	while (at > 0 && c->errors[at - 1].line > line) {
		c->errors[at] = c->errors[at - 1];
		at--;
	}
	c->errors[at].line = line;
	c->errors[at].text = text;
	c->nerrors++;
}

char *
conf_errors(const struct conf *c)
{
	if (c->nerrors == 0)
		return NULL;
	size_t len = 0;
	for (size_t i = 0; i < c->nerrors; i++)
		len += strlen(c->errors[i].text) + 1;
	char *all = xmalloc(len), *out = all;
	for (size_t i = 0; i < c->nerrors; i++) {
		size_t n = strlen(c->errors[i].text);
		memcpy(out, c->errors[i].text, n);
		out += n;
		*out++ = i + 1 < c->nerrors ? '\n' : '\0';
	}
	return all;
}

/* -1 with *cause every error, when there is one. */
static int
errors_out(const struct conf *c, char **cause)
{
	if (c->nerrors == 0)
		return 0;
	*cause = conf_errors(c);
	return -1;
}

/* The edit distance between a and b, letters compared without case,
 * an exchange of two neighbours counting as one edit ("tiemout"), or
 * more than limit when it is more than limit. */
static size_t
distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	/* It takes at least the difference of the lengths: no need to
	 * count (a file of unknown keys is checked at once, fuzzed too). */
	if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int ai = tolower((unsigned char)a[i - 1]), bj = tolower((unsigned char)b[j - 1]);
			size_t best = d[i - 1][j - 1] + (ai != bj);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && ai == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == bj && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *
conf_near_key(const char *key)
{
	/* Near enough to be a slip: two edits, one more for each five
	 * letters beyond ten ("idle_timeout" for idle_timeout_s, but
	 * "colour" for nothing). */
	size_t len = strlen(key);
	size_t limit = 2 + (len > 10 ? (len - 10) / 5 : 0);
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t k = 0; k < nitems(conf_keys); k++) {
		size_t d = distance(key, conf_keys[k].key, limit);
		if (d < best_d) {
			best_d = d;
			best = conf_keys[k].key;
		}
	}
	return best;
}

/* Lines that hold secrets: a file holding one must not be readable by
 * others.  A proxy's URL may carry its password ("user:pass@host"). */
static bool
holds_secret(const char *key, const char *value)
{
	return strcmp(key, "client_secret") == 0 || strcmp(key, "staff_pin_hash") == 0 ||
	    (strcmp(key, "proxy") == 0 && net_url_has_credentials(value));
}

/* The checks of string values that fail closed later if let through:
 * files that cannot be read, pins curl cannot use. */
static int
check_string(const char *key, const char *v, char **why)
{
	if (strcmp(key, "ca_file") == 0) {
		char *reason = NULL;
		if (check_readable_file(v, &reason) < 0) {
			*why = xasprintf("ca_file must be a readable file (%s)", reason);
			free(reason);
			return -1;
		}
	} else if (strcmp(key, "print_command") == 0) {
		/* Split as it will be run, so that a stray quote is found now. */
		char **argv, *reason = NULL;
		size_t argc;
		if (spawn_split(v, &argv, &argc, &reason) < 0) {
			*why = xasprintf("print_command is a program and its arguments, run without a shell: %s", reason);
			free(reason);
			return -1;
		}
		strv_free(argv, argc + 1);
	} else if (strcmp(key, "pinned_public_key") == 0) {
		return net_check_pinned_key(v, why);
	} else if (strcmp(key, "staff_pin_hash") == 0 && !staff_hash_usable(v)) {
		/* Never echo it. */
		*why = xstrdup("staff_pin_hash is not a hash that a PIN can match; make one with opastin --hash-pin");
		return -1;
	}
	return 0;
}

/* Match v against a NULL-terminated list of names; its index, or -1. */
static int
pick(const char *v, const char *const *names)
{
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return -1;
}

/* Set a key; on a bad value *why says what is wrong, quoting shown, the
 * value made safe to echo. */
static int
set_value(struct conf *c, const struct conf_key *k, const char *v, const char *shown,
    size_t line, char **why)
{
	void *field = (char *)c + k->offset;
	long n;

	switch (k->type) {
	case T_MUNICIPALITY:
		if (strlen(v) != 3 || !isdigit((unsigned char)v[0]) ||
		    !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[2])) {
			*why = xasprintf("municipality_code must be a three-digit code such as 091, not \"%s\"", shown);
			return -1;
		}
		memcpy(c->municipality_code, v, 4);
		c->municipality_line = line;
		return 0;
	case T_LANGUAGE:
		if (lang_parse(v) < 0) {
			*why = xasprintf("%s must be fi, sv or en, not \"%s\"", k->key, shown);
			return -1;
		}
		*(int *)field = lang_parse(v);
		return 0;
	case T_LANGUAGES: {
		unsigned set = 0;
		char *copy = xstrdup(v);
		for (char *item = copy, *next; item != NULL; item = next) {
			next = strchr(item, ',');
			if (next != NULL)
				*next++ = '\0';
			char *w = trim(item);
			if (*w == '\0') {
				*why = xstrdup("languages has an empty item: name fi, sv or en between each two commas");
				free(copy);
				return -1;
			}
			if (lang_parse(w) < 0) {
				char *item_shown = text_echo(w);
				*why = xasprintf("languages lists fi, sv and en, separated by commas, not \"%s\"", item_shown);
				free(item_shown);
				free(copy);
				return -1;
			}
			set |= 1u << lang_parse(w);
		}
		free(copy);
		if (set == 0) {
			*why = xstrdup("languages must name at least one of fi, sv and en");
			return -1;
		}
		*(unsigned *)field = set;
		return 0;
	}
	case T_STRING:
		if (check_string(k->key, v, why) < 0)
			return -1;
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		if (strcmp(k->key, "backend_url") == 0)
			c->backend_line = line;
		if (strcmp(k->key, "ptv_url") == 0)
			c->ptv_line = line;
		return 0;
	case T_MUNICIPALITIES: {
		/* Three-digit codes separated by commas: "179, 853". */
		size_t len = strlen(v), count = 0;
		char *list = xmalloc(len + 1), *out = list;
		for (const char *p = v; *p != '\0';) {
			while (*p == ' ' || *p == '\t')
				p++;
			size_t w = strcspn(p, ", \t");
			if (w != 3 || !isdigit((unsigned char)p[0]) ||
			    !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2])) {
				*why = xasprintf("%s lists three-digit municipality codes separated by commas, such as 091,179; \"%.*s\" is not one",
				    k->key, (int)(w > 40 ? 40 : w), p);
				free(list);
				return -1;
			}
			if (count++ > 0)
				*out++ = ',';
			memcpy(out, p, 3);
			out += 3;
			p += 3;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == ',') {
				p++;
				while (*p == ' ' || *p == '\t')
					p++;
				if (*p == '\0') {
					*why = xasprintf("%s ends in a comma", k->key);
					free(list);
					return -1;
				}
			} else if (*p != '\0') {
				*why = xasprintf("%s lists three-digit municipality codes separated by commas, such as 091,179", k->key);
				free(list);
				return -1;
			}
		}
		*out = '\0';
		free(*(char **)field);
		*(char **)field = list;
		return 0;
	}
	case T_DAYS:
		if (parse_int(v, 1, 365, &n) < 0) {
			*why = xasprintf("%s must be a whole number of days from 1 to 365, not \"%s\"", k->key, v);
			return -1;
		}
		*(long *)field = n;
		return 0;
	case T_SECRET:
		if (check_string(k->key, v, why) < 0)
			return -1;
		wipe_free_str(*(char **)field);
		*(char **)field = xstrdup(v);
		return 0;
	case T_IDLE_SECONDS:
		if (parse_int(v, 0, 86400, &n) < 0) {
			*why = xasprintf("%s must be a whole number of seconds (0 for never), not \"%s\"", k->key, shown);
			return -1;
		}
		*(long *)field = n;
		return 0;
	case T_MODE: {
		static const char *const modes[] = { "plain", "kiosk", "counter", NULL };
		int m = pick(v, modes);
		if (m < 0) {
			*why = xasprintf("mode must be kiosk, counter or plain, not \"%s\"", shown);
			return -1;
		}
		*(enum conf_mode *)field = (enum conf_mode)m;
		return 0;
	}
	case T_SPEECH: {
		static const char *const modes[] = { "off", "key", "always", NULL };
		int m = pick(v, modes);
		if (m < 0) {
			*why = xasprintf("speech must be off, key or always, not \"%s\"", shown);
			return -1;
		}
		*(enum speech_mode *)field = (enum speech_mode)m;
		return 0;
	}
	case T_FKEY:
		/* The other function keys have their jobs: help, language,
		 * answers, the speech controls, start over, staff. */
		if ((v[0] != 'F' && v[0] != 'f') || parse_int(v + 1, 3, 5, &n) < 0 || n == 4) {
			*why = xasprintf("%s must be F3 or F5, not \"%s\"", k->key, shown);
			return -1;
		}
		*(int *)field = UI_FN(KEY_F((int)n));
		return 0;
	case T_RATE:
		if (parse_int(v, SPEECH_MIN_RATE, SPEECH_MAX_RATE, &n) < 0) {
			*why = xasprintf("%s must be words a minute from %d to %d, not \"%s\"",
			    k->key, SPEECH_MIN_RATE, SPEECH_MAX_RATE, shown);
			return -1;
		}
		*(long *)field = n;
		return 0;
	case T_VOLUME:
		if (parse_int(v, 0, SPEECH_MAX_VOLUME, &n) < 0) {
			*why = xasprintf("%s must be from 0 to %d, not \"%s\"", k->key, SPEECH_MAX_VOLUME, shown);
			return -1;
		}
		*(long *)field = n;
		return 0;
	case T_THEME: {
		static const char *const themes[] = { "default", "high-contrast", "monochrome", NULL };
		int t = pick(v, themes);
		if (t < 0) {
			*why = xasprintf("theme must be default, high-contrast or monochrome, not \"%s\"", shown);
			return -1;
		}
		*(enum conf_theme *)field = (enum conf_theme)t;
		return 0;
	}
	case T_SECONDS:
		if (parse_int(v, 1, 600, &n) < 0) {
			*why = xasprintf("%s must be a whole number of seconds from 1 to 600, not \"%s\"", k->key, shown);
			return -1;
		}
		*(long *)field = n;
		return 0;
	case T_BOOL:
		if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0)
			*(bool *)field = true;
		else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0)
			*(bool *)field = false;
		else {
			*why = xasprintf("%s must be yes or no, not \"%s\"", k->key, shown);
			return -1;
		}
		return 0;
	}
	return -1;
}

static int
set(struct conf *c, const struct conf_key *k, const char *v, size_t line, char **why)
{
	char *shown = text_echo(v);
	int rc = set_value(c, k, v, shown, line, why);
	free(shown);
	return rc;
}

static const struct conf_key *
find_key(const char *key)
{
	for (size_t k = 0; k < nitems(conf_keys); k++)
		if (strcmp(conf_keys[k].key, key) == 0)
			return &conf_keys[k];
	return NULL;
}

int
conf_set(struct conf *c, const char *key, const char *value, const char *where, char **cause)
{
	const struct conf_key *k = find_key(key);
	char *why = NULL;

	if (k == NULL || set(c, k, value, 0, &why) < 0) {
		*cause = why ? xasprintf("%s: %s", where, why) :
		    xasprintf("%s: unknown setting", where);
		free(why);
		return -1;
	}
	return 0;
}

int
conf_parse(struct conf *c, const char *display, const char *text, char **cause)
{
	char *copy = xstrdup(text), *line = copy, *next;
	size_t lineno = 0;

	/* Every line is read even after a bad one: each error is
	 * reported, not only the first. */
	for (; line != NULL; line = next) {
		char *why = NULL;

		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			add_error(c, lineno, "%s:%zu: expected \"key = value\"", display, lineno);
			continue;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		/* A comment may follow the value. */
		char *hash = strstr(value, " #");
		if (hash != NULL) {
			*hash = '\0';
			value = trim(value);
		}
		const struct conf_key *k = find_key(key);
		if (k == NULL) {
			char *shown = text_echo(key);
			const char *near = conf_near_key(key);
			if (near != NULL)
				add_error(c, lineno, "%s:%zu: unknown key \"%s\"; did you mean %s?",
				    display, lineno, shown, near);
			else
				add_error(c, lineno, "%s:%zu: unknown key \"%s\"", display, lineno, shown);
			free(shown);
			continue;
		}
		if (*value == '\0') {
			add_error(c, lineno, "%s:%zu: %s has no value", display, lineno, key);
			continue;
		}
		if (set(c, k, value, lineno, &why) < 0) {
			add_error(c, lineno, "%s:%zu: %s", display, lineno, why);
			free(why);
			continue;
		}
		c->key_line[k - conf_keys] = lineno;
		if (holds_secret(key, value) && c->secret_line == 0)
			c->secret_line = lineno;
		if (strcmp(key, "idle_warning_s") == 0)
			c->idle_warning_line = lineno;
		c->nkeys++;
	}
	/* A short idle timeout with the default warning: shorten the
	 * warning with it rather than refuse a file that never named it. */
	if (c->idle_warning_line == 0 && c->idle_timeout_s > 0 &&
	    c->idle_warning_s >= c->idle_timeout_s)
		c->idle_warning_s = c->idle_timeout_s > 6 ? c->idle_timeout_s / 6 : 1;
	wipe(copy, strlen(text));
	free(copy);
	return errors_out(c, cause);
}

int
conf_load(struct conf *c, const char *path, char **cause)
{
	struct stat st;
	size_t len;
	char *text = read_file(path, 1 << 20, &len, cause);
	if (text == NULL)
		return -1;
	free(c->path);
	c->path = xstrdup(path);
	/* A NUL would end the text early: the lines after it, perhaps
	 * "mode = kiosk", would silently not count.  The file is not
	 * text, so its lines are not read at all. */
	const char *nul = memchr(text, '\0', len);
	if (nul != NULL) {
		size_t line = 1;
		for (const char *p = text; p < nul; p++)
			line += *p == '\n';
		add_error(c, line, "%s:%zu: the file holds a NUL byte; a configuration is text", path, line);
	} else {
		char *ignored = NULL;
		if (conf_parse(c, path, text, &ignored) < 0)
			free(ignored);
	}
	wipe(text, len);
	free(text);
	/* The file says which commands run (speech_command): only its
	 * owner may change it. */
	if (stat(path, &st) == 0 && (st.st_mode & (S_IWGRP | S_IWOTH)))
		add_error(c, 0, "%s: others than its owner can change the file; make it writable only by its owner (chmod go-w %s)",
		    path, path);
	/* A secret in a file anyone can read is no secret. */
	if (c->secret_line > 0 && stat(path, &st) == 0 && (st.st_mode & S_IROTH))
		add_error(c, c->secret_line, "%s:%zu: the file holds a secret but anyone can read it; make it readable only by its owner and group (chmod 640 %s)",
		    path, c->secret_line, path);
	return errors_out(c, cause);
}

/* The line where key was last set, or 0. */
static size_t
line_of(const struct conf *c, const char *key)
{
	const struct conf_key *k = find_key(key);
	return k != NULL ? c->key_line[k - conf_keys] : 0;
}

int
conf_check(struct conf *c, const struct assets *a, char **cause)
{
	const char *file = c->path ? c->path : "configuration";

	if (c->municipality_code[0] != '\0' &&
	    munis_find(&a->munis, c->municipality_code) < 0)
		add_error(c, c->municipality_line, "%s:%zu: municipality_code %s is not a municipality of Finland",
		    file, c->municipality_line, c->municipality_code);
	if (c->default_language >= 0 && !(c->languages & (1u << c->default_language))) {
		size_t line = line_of(c, "default_language");
		add_error(c, line, "%s:%zu: default_language %s is not among the languages offered",
		    file, line, lang_code(c->default_language));
	}
	if (c->idle_timeout_s > 0 && c->idle_warning_s >= c->idle_timeout_s)
		add_error(c, c->idle_warning_line, "%s:%zu: idle_warning_s (%ld) must be shorter than idle_timeout_s (%ld)",
		    file, c->idle_warning_line, c->idle_warning_s, c->idle_timeout_s);
	if (c->staff_pin_hash != NULL && c->staff_pin_hash[0] != '$') {
		size_t line = line_of(c, "staff_pin_hash");
		add_error(c, line, "%s:%zu: staff_pin_hash is not a hash; make one with opastin --hash-pin", file, line);
	}
	if (c->sync_municipalities != NULL) {
		size_t line = line_of(c, "sync_municipalities");
		for (const char *m = c->sync_municipalities; *m != '\0'; m += m[3] ? 4 : 3) {
			char code[4] = { m[0], m[1], m[2], '\0' };
			if (munis_find(&a->munis, code) < 0)
				add_error(c, line, "%s:%zu: sync_municipalities: %s is not a municipality of Finland",
				    file, line, code);
		}
	}
	if (c->ptv_url != NULL) {
		char *why = NULL;
		if (net_check_url("ptv_url", c->ptv_url, c->allow_insecure_http, &why) < 0) {
			if (c->ptv_line > 0)
				add_error(c, c->ptv_line, "%s:%zu: %s", file, c->ptv_line, why);
			else
				add_error(c, 0, "--ptv-url: %s", why);
			free(why);
		}
	}
	if (c->backend_url != NULL) {
		struct net_config nc;
		char *why = NULL;
		conf_net(c, &nc);
		if (net_check_config(&nc, &why) < 0) {
			if (c->backend_line > 0)
				add_error(c, c->backend_line, "%s:%zu: %s", file, c->backend_line, why);
			else
				add_error(c, 0, "--backend: %s", why);
			free(why);
		}
	}
	return errors_out(c, cause);
}

void
conf_net(const struct conf *c, struct net_config *n)
{
	memset(n, 0, sizeof *n);
	n->base_url = c->backend_url;
	n->client_id = c->client_id;
	n->client_secret = c->client_secret;
	n->ca_file = c->ca_file;
	n->pinned_public_key = c->pinned_public_key;
	n->proxy = c->proxy;
	n->connect_timeout_s = c->connect_timeout_s;
	n->timeout_s = c->timeout_s;
	n->max_body = NET_DEFAULT_MAX_BODY;
	n->allow_insecure_http = c->allow_insecure_http;
	/* A kiosk's environment is not the admin's to vouch for: its proxy
	 * would see which services citizens look for. */
	n->proxy_from_environment = c->mode != MODE_KIOSK || c->proxy_from_environment;
}

void
conf_ptv_net(const struct conf *c, struct net_config *n)
{
	memset(n, 0, sizeof *n);
	n->base_url = conf_ptv_url(c);
	n->ca_file = c->ca_file;
	n->proxy = c->proxy;
	n->connect_timeout_s = c->connect_timeout_s;
	n->timeout_s = c->timeout_s;
	n->max_body = CONF_PTV_MAX_BODY;
	n->allow_insecure_http = c->allow_insecure_http;
}
