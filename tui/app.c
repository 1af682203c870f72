#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app.h"
#include "assets.h"
#include "batch.h"
#include "cmdline.h"
#include "conf.h"
#include "i18n.h"
#include "session.h"
#include "ui.h"
#include "util.h"

static void
fail(const char *cause)
{
	fprintf(stderr, "opastin: %s\n", cause);
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
	/* TRANSLATORS: %1$s is a directory; then the number of life events,
	   of questions, of services, of municipalities, and a date. */
	printf(_("Assets %1$s: OK, %2$zu life events, %3$zu questions, %4$zu services, %5$zu municipalities, catalogue dated %6$s.\n"),
	    a->dir, a->quest.nevents, a->quest.nq, a->cat.n, a->munis.n, a->cat.date);
}

int
app_main(int argc, char **argv)
{
	struct options o;
	struct conf conf;
	struct assets assets;
	char *cause = NULL;
	int status = EXIT_SUCCESS;

	i18n_init(NULL);
	int env_lang = (int)i18n_from_environment();
	i18n_set((enum lang)env_lang);

	if (cmdline_parse(&o, argc, argv, &cause) < 0) {
		fail(cause);
		fprintf(stderr, "%s\n", _("Try \"opastin --help\" for more information."));
		free(cause);
		return EXIT_USAGE;
	}
	if (o.lang >= 0)
		i18n_set((enum lang)o.lang);
	if (o.help) {
		cmdline_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (o.version) {
		cmdline_version(stdout);
		return EXIT_SUCCESS;
	}

	conf_init(&conf);
	const char *conf_path = o.config;
	if (conf_path == NULL && access(conf_default_path(), F_OK) == 0)
		conf_path = conf_default_path();
	if (conf_path != NULL && conf_load(&conf, conf_path, &cause) < 0) {
		fail(cause);
		free(cause);
		conf_free(&conf);
		return EXIT_BROKEN;
	}
	if (assets_load(&assets, o.assets ? o.assets : assets_default_dir(), &cause) < 0 ||
	    conf_check(&conf, &assets, &cause) < 0) {
		fail(cause);
		free(cause);
		conf_free(&conf);
		if (assets.dir != NULL)
			assets_free(&assets);
		return EXIT_BROKEN;
	}

	if (o.check_config) {
		report(&conf, &assets);
	} else if (o.profile != NULL) {
		status = batch_run(&assets, o.profile, o.format, o.lang, stdout, &cause);
		if (status != 0) {
			fail(cause);
			free(cause);
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fail(_("the kiosk needs a terminal; for a printout use --profile FILE"));
		status = EXIT_USAGE;
	} else {
		/* The kiosk's language: the command line, the configuration,
		 * then Finnish, the language of most who use it. */
		enum lang l = o.lang >= 0 ? (enum lang)o.lang :
		    conf.default_language >= 0 ? (enum lang)conf.default_language : LANG_FI;
		struct session s;
		session_init(&s, &assets, &conf, l);
		struct ui *ui = ui_new(&s);
		status = ui_run(ui);
		ui_free(ui);
		session_free(&s);
	}
	assets_free(&assets);
	conf_free(&conf);
	return status;
}
