#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "assets.h"
#include "batch.h"
#include "cache.h"
#include "cmdline.h"
#include "conf.h"
#include "i18n.h"
#include "linkcheck.h"
#include "log.h"
#include "present.h"
#include "preview.h"
#include "print.h"
#include "sandbox.h"
#include "session.h"
#include "spawner.h"
#include "speech.h"
#include "staff.h"
#include "sync.h"
#include "text.h"
#include "tty.h"
#include "ui.h"
#include "util.h"

/* Each line of cause (a configuration may have many errors) on a line
 * of its own, "opastin: " before it. */
static void
fail(const char *cause)
{
	for (const char *p = cause;;) {
		size_t n = strcspn(p, "\n");
		fprintf(stderr, "opastin: %.*s\n", (int)n, p);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

/* The configuration's errors so far, if any. */
static void
fail_conf(const struct conf *c)
{
	char *all = conf_errors(c);
	if (all != NULL)
		fail(all);
	free(all);
}

/* Is there a directory at PATH?  When the assets directory is missing
 * altogether, the program was most likely run from the build tree before
 * "make install", and "No such file or directory" for its first file
 * would not say what to do. */
static bool
is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --check-config: say what was checked. */
static void
report(const struct conf *c, const struct assets *a)
{
	if (c->path != NULL)
		/* TRANSLATORS: %1$s is a file name, %2$zu how many settings it has. */
		printf(ngettext("Configuration %1$s: OK, %2$zu setting.\n",
		    "Configuration %1$s: OK, %2$zu settings.\n", c->nkeys), c->path, c->nkeys);
	else
		printf("%s\n", _("Configuration: no file, using the defaults."));
	/* Dates in the language's own form, as on the screens. */
	char *date = present_date(a->cat.date);
	/* TRANSLATORS: %1$s is a directory; then the number of life events,
	   of questions, of services, of municipalities, and a date in the
	   language's own form (2.12.2026). */
	printf(_("Assets %1$s: OK, %2$zu life events, %3$zu questions, %4$zu services, %5$zu municipalities, catalogue dated %6$s.\n"),
	    a->dir, a->quest.nevents, a->quest.nq, a->cat.n, a->munis.n, date);
	free(date);
}

/*
 * The register's services from the cache that opastin --sync wrote,
 * beside the bundled catalogue: the cache serves the municipalities it
 * was synced for, the bundled catalogue every other (assets_catalogue()).
 * A broken cache is only a warning, as the bundled catalogue still
 * serves.  Whether the cache is used.
 */
static bool
use_cache(const struct conf *c, struct assets *a)
{
	struct catalogue_codes cc = {
		.quest = &a->quest,
		.life_events = &a->life_events,
		.classes = &a->classes,
		.groups = &a->groups,
		.munis = &a->munis,
	};
	struct catalogue cat;
	char *cause = NULL;

	switch (cache_load(&cat, conf_cache_dir(c), &cc, &cause)) {
	case 0:
		log_info("using the service register's cache in %s: %zu services, synced %s, "
		    "for municipalities %s", conf_cache_dir(c), cat.n, cat.date,
		    cat.covers[0] ? cat.covers : "none");
		catalogue_free(&a->reg);
		a->reg = cat;
		return true;
	case 1:
		return false;
	default:
		log_warn("the cache is broken and is ignored; the bundled catalogue serves: %s", cause);
		free(cause);
		return false;
	}
}

/* What the kiosk reads once its first screen is on the terminal. */
struct later_load {
	const struct conf *conf;
	struct assets *assets;
	struct session *session;
};

static int
load_later(void *arg, char **cause)
{
	struct later_load *ll = arg;

	if (assets_load_rest(ll->assets, cause) < 0)
		return -1;
	use_cache(ll->conf, ll->assets);
	session_assets_loaded(ll->session);
#ifdef __GLIBC__
	/* jansson's trees of the catalogue and the questionnaire are freed
	 * by now, but their pages lie between what stays and would stay
	 * resident for the whole run: some 3 MiB, more than the rest of a
	 * session with a request needs at its peak.  Give them back. */
	malloc_trim(0);
#endif
	return 0;
}

/* --hash-pin: read a PIN without showing it, print the line to paste. */
static int
hash_pin(void)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	char pin[64] = "";
	char *cause = NULL;

	if (tty) {
		/* TRANSLATORS: the prompt of opastin --hash-pin; %1$d and
		 * %2$d are the fewest and most digits (6 and 12). */
		fprintf(stderr, _("Staff PIN (%1$d to %2$d digits): "), STAFF_PIN_MIN, STAFF_PIN_MAX);
		quiet = old;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool got = fgets(pin, sizeof pin, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	pin[strcspn(pin, "\r\n")] = '\0';
	char *hash = got ? staff_hash_pin(pin, &cause) : NULL;
	wipe(pin, sizeof pin);
	if (hash == NULL) {
		fail(cause ? cause : _("no PIN was given"));
		free(cause);
		return EXIT_USAGE;
	}
	printf("staff_pin_hash = %s\n", hash);
	free(hash);
	return EXIT_SUCCESS;
}

/* Command-line options that override the configuration file. */
static int
apply_overrides(struct conf *c, const struct options *o, char **cause)
{
	if (o->backend != NULL && conf_set(c, "backend_url", o->backend, "--backend", cause) < 0)
		return -1;
	if (o->ca_file != NULL && conf_set(c, "ca_file", o->ca_file, "--ca-file", cause) < 0)
		return -1;
	if (o->timeout != NULL && conf_set(c, "timeout_s", o->timeout, "--timeout", cause) < 0)
		return -1;
	if (o->ptv_url != NULL && conf_set(c, "ptv_url", o->ptv_url, "--ptv-url", cause) < 0)
		return -1;
	if (o->cache_dir != NULL && conf_set(c, "cache_dir", o->cache_dir, "--cache-dir", cause) < 0)
		return -1;
	if (o->kiosk)
		c->mode = MODE_KIOSK;
	if (o->counter)
		c->mode = MODE_COUNTER;
	return 0;
}

/* What the sandbox leaves readable: the assets, the catalogues, the
 * register's cache and the CA file (sandbox.h adds the system's). */
static struct sandbox_paths
sandbox_paths(const struct conf *c, const char *assets_dir)
{
	return (struct sandbox_paths){
		.assets = assets_dir,
		.localedir = i18n_localedir(),
		.cache_dir = conf_cache_dir(c),
		.ca_file = c->ca_file,
	};
}

/* Kiosk and counter mode: confine the process once everything it needs
 * at start is open, and the helper that runs speech and print_command
 * forked.  A failure is logged, not fatal: the kiosk still serves as it
 * did before the sandbox. */
static void
confine(const struct conf *c, const char *assets_dir)
{
	struct sandbox_paths p = sandbox_paths(c, assets_dir);
	struct sandbox_status st;
	char *cause = NULL;

	if (!sandbox_built()) {
		log_warn("built without seccomp: the kiosk is not sandboxed");
		return;
	}
	if (sandbox_sanitizer_build()) {
		log_warn("a sanitizer build is not sandboxed: its reports could not be written");
		return;
	}
	if (sandbox_apply(&p, &st, &cause) < 0) {
		log_warn("the sandbox could not be applied: %s", cause);
		free(cause);
		return;
	}
	if (st.landlock > 0)
		log_info("sandboxed: seccomp filter, Landlock ABI %d", st.landlock);
	else
		log_info("sandboxed: seccomp filter; no Landlock in this kernel, reading is not limited");
}

/*
 * The helper that starts programs for the kiosk once it is sandboxed
 * (spawner.h), with a handler for every kind of command it is to run:
 * speech with sc (NULL: none), the printer with print_command (NULL:
 * none).  Each kind's configuration is read in the helper as it is now.
 * NULL when there is nothing to run or it cannot be forked (then nothing
 * is spoken or printed).
 */
static struct spawner *
start_helper(const struct speech_config *sc, const char *print_command)
{
	struct spawn_handler kinds[SPAWN_KINDS] = { { NULL, NULL } };

#ifdef WITH_SPEECH
	if (sc != NULL)
		kinds[SPAWN_SPEECH] = speech_handler(sc);
#endif
	if (print_command != NULL)
		kinds[SPAWN_PRINT] = print_handler(print_command);
	if (kinds[SPAWN_SPEECH].run == NULL && kinds[SPAWN_PRINT].run == NULL)
		return NULL;
	return spawner_start(kinds);
}

static int run(int argc, char **argv);

int
app_main(int argc, char **argv)
{
	int status = run(argc, argv);

	/* What was printed (a result, the help, a report) may not have
	 * reached its file: a full disk must not pass for success. */
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		char *cause = xasprintf("%s: %s", _("cannot write to standard output"),
		    strerror(errno != 0 ? errno : EIO));
		fail(cause);
		free(cause);
		if (status == EXIT_SUCCESS)
			status = EXIT_BROKEN;
	}
	return status;
}

static int
run(int argc, char **argv)
{
	struct options o;
	struct conf conf;
	struct assets assets;
	struct net_config netcfg;
	struct backend *backend = NULL;
	char *cause = NULL;
	int status = EXIT_SUCCESS;

	i18n_init(NULL);
	int early = cmdline_lang(argc, argv);
	i18n_set(early >= 0 ? (enum lang)early : i18n_from_environment());

	if (cmdline_parse(&o, argc, argv, &cause) < 0) {
		fail(cause);
		fprintf(stderr, "%s\n", _("Try \"opastin --help\" for more information."));
		free(cause);
		return EXIT_USAGE;
	}
	if (o.lang >= 0)
		i18n_set((enum lang)o.lang);
	i18n_set_pseudo_long(o.pseudo_long);
	if (o.help) {
		cmdline_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (o.version) {
		cmdline_version(stdout);
		return EXIT_SUCCESS;
	}
	if (o.hash_pin)
		return hash_pin();

	conf_init(&conf);
	const char *conf_path = o.config;
	if (conf_path == NULL && access(conf_default_path(), F_OK) == 0)
		conf_path = conf_default_path();
	/* A file with errors is not refused at once: the checks against
	 * the assets below may find more, and an admin should see them all
	 * in one run.  A file that could not be read at all is refused. */
	if (conf_path != NULL && conf_load(&conf, conf_path, &cause) < 0) {
		if (conf.nerrors == 0) {
			fail(cause);
			free(cause);
			conf_free(&conf);
			return EXIT_BROKEN;
		}
		free(cause);
		cause = NULL;
	}
	if (apply_overrides(&conf, &o, &cause) < 0) {
		fail_conf(&conf);
		fail(cause);
		free(cause);
		bool broken = conf.nerrors > 0;
		conf_free(&conf);
		return broken ? EXIT_BROKEN : EXIT_USAGE;
	}
	const char *assets_dir = o.assets ? o.assets : assets_default_dir();
	if (!is_directory(assets_dir)) {
		/* TRANSLATORS: %s is a directory.  "make install", --assets and
		   "make run RUN_ARGS=..." are commands and an option: keep them
		   as they are (DIR as in --help). */
		cause = xasprintf(_("the assets directory %s does not exist: install Opastin with \"make install\", give another directory with --assets DIR, or in the build tree use \"make run RUN_ARGS=...\""),
		    assets_dir);
		fail_conf(&conf);
		fail(cause);
		free(cause);
		conf_free(&conf);
		return EXIT_BROKEN;
	}
	/* The kiosk draws its first screen before it reads the assets it
	 * does not need (all but the municipalities, which the checks of
	 * the configuration need) and the register's cache: the citizen
	 * sees the language screen at once.  A broken asset then ends the
	 * kiosk with the same one line, after the terminal is restored.
	 * Every other use reads everything first. */
	bool kiosk = !o.sync && !o.check_config && !o.check_links && o.say == NULL &&
	    o.preview == NULL && o.profile == NULL && !o.sandbox_selftest;
	bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	bool later = kiosk && terminal && tty_can_address();
	if ((later ? assets_load_first(&assets, assets_dir, &cause) :
	    assets_load(&assets, assets_dir, &cause)) < 0) {
		fail_conf(&conf);
		fail(cause);
		free(cause);
		conf_free(&conf);
		if (assets.dir != NULL)
			assets_free(&assets);
		return EXIT_BROKEN;
	}
	if (conf_check(&conf, &assets, &cause) < 0) {
		fail(cause);
		free(cause);
		conf_free(&conf);
		if (assets.dir != NULL)
			assets_free(&assets);
		return EXIT_BROKEN;
	}

	/* Only the log is opened before the first screen: the network is
	 * set up on the first request. */
	log_open(o.log_stderr || o.profile != NULL || o.check_config || o.check_links || o.sync);
	/* The kiosk and batch mode serve the register's services when a
	 * sync has fetched them, and --check-links checks them beside the
	 * bundled catalogue's; --preview shows the bundled catalogue, the
	 * same on every machine. */
	if (o.profile != NULL || (!later && !o.sync && !o.check_config && o.say == NULL &&
	    o.preview == NULL && !o.sandbox_selftest))
		use_cache(&conf, &assets);
	conf_net(&conf, &netcfg);
	if (conf.backend_url != NULL && !o.offline)
		backend = backend_new(&netcfg, &assets.classes);

	struct speech_config sc = {
		.mode = conf.speech,
		.rate = (int)conf.speech_rate,
		.volume = (int)conf.speech_volume,
		.command = conf.speech_command,
		.log = conf.speech_log,
		.wav = o.wav,
	};

	if (o.sandbox_selftest) {
		struct sandbox_paths p = sandbox_paths(&conf, assets_dir);
		fflush(stdout);
		status = sandbox_selftest(&p, stdout);
	} else if (o.sync) {
		status = sync_command(&conf, &assets, stdout, stderr);
	} else if (o.check_config) {
		report(&conf, &assets);
		if (use_cache(&conf, &assets)) {
			char *date = present_date(assets.reg.date);
			/* TRANSLATORS: %1$s is a directory, %2$zu a number of
			   services, %3$s a date in the language's own form
			   (2.12.2026). */
			printf(_("Service register cache %1$s: OK, %2$zu services, synced %3$s.\n"),
			    conf_cache_dir(&conf), assets.reg.n, date);
			free(date);
			char *who = present_coverage(&assets.reg, &assets.munis, i18n_current());
			printf("%s\n", who);
			free(who);
		}
	} else if (o.check_links) {
		/* Every catalogue that reaches citizens: with a cache, the
		 * bundled one still serves every municipality the cache was
		 * not synced for (assets_catalogue).  1 when a link is broken,
		 * as for a broken asset: either way a catalogue needs
		 * fixing. */
		const struct catalogue *cats[2];
		size_t ncats = 0;
		if (assets_have_register(&assets))
			cats[ncats++] = &assets.reg;
		cats[ncats++] = &assets.cat;
		status = linkcheck_command(cats, ncats, &netcfg, stdout, stderr);
	} else if (o.say != NULL) {
#ifndef WITH_SPEECH
		fail(_("this Opastin was built without speech support"));
		status = EXIT_USAGE;
#else
		/* The synthesis path of the kiosk, for a test or a site check. */
		struct spawner *helper = start_helper(&sc, NULL);
		struct speech *sp = speech_new(&sc, helper);
		speech_say_always(sp, o.lang >= 0 ? (enum lang)o.lang : LANG_EN, o.say);
		if (!speech_wait(sp)) {
			fail(_("the speech synthesizer could not be run (is espeak-ng installed?)"));
			status = EXIT_BROKEN;
		}
		speech_free(sp);
		spawner_free(helper);
#endif
	} else if (o.preview != NULL) {
		/* The bundled assets and no backend: the same files on every
		 * run. */
		enum lang l = o.lang >= 0 ? (enum lang)o.lang : LANG_FI;
		const char *name = o.pseudo_long ? I18N_PSEUDO_LONG : lang_code(l);
		if (preview_write(&assets, &conf, o.preview, l, name, &cause) < 0) {
			fail(cause);
			free(cause);
			status = EXIT_BROKEN;
		}
	} else if (o.profile != NULL) {
		status = batch_run(&assets, backend, o.profile, o.format, o.lang, stdout, &cause);
		if (status != 0) {
			fail(cause);
			free(cause);
		}
	} else if (!terminal) {
		fail(_("the kiosk needs a terminal; for a printout use --profile FILE"));
		status = EXIT_USAGE;
	} else if (!later) {
		/* A terminal that cannot address the cursor. */
		const char *term = getenv("TERM");
		char *shown = text_echo(term ? term : "");
		/* TRANSLATORS: %s is the terminal type, such as "dumb"; TERM,
		   xterm-256color and linux stay as they are. */
		char *why = xasprintf(_("this terminal (TERM=%s) cannot move the cursor; run Opastin in one that can, such as TERM=xterm-256color or linux"),
		    shown);
		fail(why);
		free(why);
		free(shown);
		status = EXIT_BROKEN;
	} else {
		/* The kiosk's language: the command line, the configuration,
		 * then Finnish, the language of most who use it. */
		enum lang l = o.lang >= 0 ? (enum lang)o.lang :
		    conf.default_language >= 0 ? (enum lang)conf.default_language : LANG_FI;
		/* Never a language the kiosk does not offer. */
		for (int k = 0; k < LANG_COUNT && !(conf.languages & (1u << l)); k++)
			l = (enum lang)k;
		struct session s;
		/* Before the sandbox, which forbids starting programs. */
		struct spawner *helper = start_helper(conf.speech == SPEECH_OFF ? NULL : &sc,
		    conf.print_command);
#ifdef WITH_SPEECH
		struct speech *sp = conf.speech == SPEECH_OFF ? NULL : speech_new(&sc, helper);
#else
		struct speech *sp = NULL;	/* built without speech */
#endif
		log_info("started in %s mode, %s", conf.mode == MODE_KIOSK ? "kiosk" :
		    conf.mode == MODE_COUNTER ? "counter" : "plain",
		    backend ? "with a backend" : "embedded recommender only");
		session_init(&s, &assets, &conf, backend, l);
		struct ui *ui = ui_new(&s, sp, helper);
		struct later_load ll = { .conf = &conf, .assets = &assets, .session = &s };
		if (later)
			ui_after_first_screen(ui, load_later, &ll);
		if (conf.mode != MODE_PLAIN)
			confine(&conf, assets_dir);
		if (ui_run(ui, &cause) < 0) {
			/* The terminal is itself again: one line, as for any
			 * broken asset. */
			fail(cause);
			free(cause);
			status = EXIT_BROKEN;
		}
		ui_free(ui);
		speech_free(sp);
		spawner_free(helper);
		session_free(&s);
		log_info(status == EXIT_SUCCESS ? "stopped" : "stopped: a broken asset");
	}
	backend_free(backend);
	log_close();
	assets_free(&assets);
	conf_free(&conf);
	return status;
}
