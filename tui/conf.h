/*
 * conf.h: the kiosk's configuration file.
 *
 * The file is `key = value` lines with `#` comments and blank lines.
 * Every key is known (an unknown one is an error, so a typo cannot go
 * unnoticed, and the nearest known key is suggested), and every bad line
 * is reported as "file:line: what is wrong": all of them in one run, in
 * the order of their lines, so that an admin fixes the file at once.  Named conf, not config, so as not to clash with autoconf's
 * config.h.
 *
 * Ownership: the struct conf owns its strings; conf_free() wipes the
 * secrets before freeing them.  The command line may override values
 * (conf_set), after which they are owned the same way.
 */
#ifndef OPASTIN_CONF_H
#define OPASTIN_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "net.h"
#include "speech.h"

struct assets;

struct conf {
	char *path;			/* NULL when no file was read */
	size_t nkeys;			/* how many keys the file set */

	char municipality_code[4];	/* "" when not set */
	size_t municipality_line;
	int default_language;		/* enum lang, or -1 when not set */

	/* The AuroraAI backend; no backend_url means the embedded
	 * recommender only. */
	char *backend_url;
	char *client_id;
	char *client_secret;
	char *ca_file;
	char *pinned_public_key;
	char *proxy;
	long connect_timeout_s;
	long timeout_s;
	bool allow_insecure_http;
	bool proxy_from_environment;	/* in kiosk mode; elsewhere always */
	size_t backend_line;		/* where backend_url was set, or 0 */
	size_t secret_line;		/* the first line with a secret, or 0 */

	/* The kiosk. */
	enum conf_mode { MODE_PLAIN, MODE_KIOSK, MODE_COUNTER } mode;
	unsigned languages;		/* bit per enum lang offered; all by default */
	long idle_timeout_s;		/* 0: never (counter mode ignores it) */
	long idle_warning_s;
	size_t idle_warning_line;	/* where it was set, 0 for the default */
	char *staff_pin_hash;		/* crypt(3) hash, or NULL: no staff menu */
	enum conf_theme { THEME_DEFAULT, THEME_HIGH_CONTRAST, THEME_MONOCHROME } theme;

	/* The service register (PTV) and its cache, for opastin --sync;
	 * the kiosk and batch mode read cache_dir. */
	char *ptv_url;			/* NULL: CONF_DEFAULT_PTV_URL */
	char *cache_dir;		/* NULL: conf_default_cache_dir() */
	char *sync_municipalities;	/* "179,853" (validated), or NULL */
	long sync_full_days;
	size_t ptv_line;		/* where ptv_url was set, or 0 */

	/* Speech. */
	enum speech_mode speech;
	int speech_key;			/* a ui.h key code: UI_FN(KEY_F(5)) */
	long speech_rate;
	long speech_volume;
	char *speech_command;		/* NULL: espeak-ng */
	char *speech_log;		/* tests and diagnostics only */

	/* Taking the services home. */
	char *print_command;		/* NULL: no printing */
	char *site_name;		/* the kiosk's place, on the printout */

	/* Where each key was last set, by its place in conf.c's table;
	 * 0 when it was not set from the file. */
	size_t key_line[48];
	/* What is wrong so far, "file:line: what" each, kept in the order
	 * of their lines (those of the whole file first). */
	struct conf_error { size_t line; char *text; } *errors;
	size_t nerrors;
};

#define CONF_DEFAULT_IDLE_TIMEOUT_S 120
#define CONF_DEFAULT_IDLE_WARNING_S 20
#define CONF_DEFAULT_PTV_URL "https://api.palvelutietovaranto.suomi.fi/api/v11"
#define CONF_DEFAULT_SYNC_FULL_DAYS 7
/* One page of the register's answer may be this large. */
#define CONF_PTV_MAX_BODY (32u << 20)

void conf_init(struct conf *);
/* Read a file.  0, or -1 with *cause every error found, one
 * "file:line: ..." a line, in line order; the errors stay in the conf,
 * and conf_check adds its own to them. */
int conf_load(struct conf *, const char *path, char **cause);
/* Parse text as if read from a file named display (for tests). */
int conf_parse(struct conf *, const char *display, const char *text, char **cause);
/* Every error found so far, one a line in line order, or NULL for none;
 * the caller frees it. */
char *conf_errors(const struct conf *);
/* The known key nearest to a misspelt one (by edit distance, ignoring
 * case), or NULL when none is near enough to be what was meant. */
const char *conf_near_key(const char *key);
/* Set one key as if from a line of the file (for command-line options);
 * where names the source in messages, e.g. "--timeout". */
int conf_set(struct conf *, const char *key, const char *value, const char *where, char **cause);
/* Check the values against the assets and each other.  0, or -1 with
 * *cause every error: those of conf_load and those found here, in line
 * order as for conf_load. */
int conf_check(struct conf *, const struct assets *, char **cause);
void conf_free(struct conf *);
/* The backend settings for net.c; borrowed from the conf. */
void conf_net(const struct conf *, struct net_config *);

/* The default path: $(sysconfdir)/opastin/opastin.conf. */
const char *conf_default_path(void);
/* The register's URL and the cache directory, with their defaults
 * ($(localstatedir)/cache/opastin for the cache). */
const char *conf_ptv_url(const struct conf *);
const char *conf_cache_dir(const struct conf *);
/* The settings for fetching from the register: ca_file, proxy and the
 * time limits of the conf, ptv_url as the base; borrowed from the conf. */
void conf_ptv_net(const struct conf *, struct net_config *);

#endif
