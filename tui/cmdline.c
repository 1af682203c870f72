#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmdline.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

enum {
	OPT_LANG = 256, OPT_CONFIG, OPT_ASSETS, OPT_OFFLINE, OPT_CHECK,
	OPT_HELP, OPT_VERSION, OPT_PROFILE, OPT_FORMAT, OPT_BACKEND, OPT_CA_FILE,
	OPT_TIMEOUT, OPT_LOG_STDERR, OPT_KIOSK, OPT_COUNTER, OPT_HASH_PIN,
	OPT_SAY, OPT_WAV, OPT_CHECK_LINKS, OPT_SYNC, OPT_PTV_URL, OPT_CACHE_DIR,
	OPT_PREVIEW, OPT_SANDBOX_SELFTEST
};

static const struct option longopts[] = {
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "assets", required_argument, NULL, OPT_ASSETS },
	{ "offline", no_argument, NULL, OPT_OFFLINE },
	{ "check-config", no_argument, NULL, OPT_CHECK },
	{ "check-links", no_argument, NULL, OPT_CHECK_LINKS },
	{ "sync", no_argument, NULL, OPT_SYNC },
	{ "ptv-url", required_argument, NULL, OPT_PTV_URL },
	{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "backend", required_argument, NULL, OPT_BACKEND },
	{ "ca-file", required_argument, NULL, OPT_CA_FILE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "log-stderr", no_argument, NULL, OPT_LOG_STDERR },
	{ "kiosk", no_argument, NULL, OPT_KIOSK },
	{ "counter", no_argument, NULL, OPT_COUNTER },
	{ "hash-pin", no_argument, NULL, OPT_HASH_PIN },
	{ "say", required_argument, NULL, OPT_SAY },
	{ "wav", required_argument, NULL, OPT_WAV },
	{ "preview", required_argument, NULL, OPT_PREVIEW },
	{ "sandbox-selftest", no_argument, NULL, OPT_SANDBOX_SELFTEST },
	{ NULL, 0, NULL, 0 },
};

int
cmdline_lang(int argc, char **argv)
{
	int l = -1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			l = lang_parse(argv[++i]);
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			l = lang_parse(argv[i] + 7);
	}
	return l;
}

int
cmdline_parse(struct options *o, int argc, char **argv, char **cause)
{
	int c;

	memset(o, 0, sizeof *o);
	o->lang = -1;
	o->format = BATCH_TEXT;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LANG:
			/* The pseudo-locale of long strings: English, in the
			 * catalogue made from the template at build time. */
			o->pseudo_long = strcmp(optarg, I18N_PSEUDO_LONG) == 0;
			if (o->pseudo_long)
				o->lang = LANG_EN;
			else if ((o->lang = lang_parse(optarg)) < 0) {
				char *shown = text_echo(optarg);
				/* TRANSLATORS: %s is what was given after --lang. */
				*cause = xasprintf(_("--lang takes fi, sv or en, not \"%s\""), shown);
				free(shown);
				return -1;
			}
			break;
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_ASSETS:
			o->assets = optarg;
			break;
		case OPT_OFFLINE:
			o->offline = true;
			break;
		case OPT_BACKEND:
			o->backend = optarg;
			break;
		case OPT_CA_FILE:
			o->ca_file = optarg;
			break;
		case OPT_TIMEOUT:
			o->timeout = optarg;
			break;
		case OPT_LOG_STDERR:
			o->log_stderr = true;
			break;
		case OPT_KIOSK:
			o->kiosk = true;
			break;
		case OPT_COUNTER:
			o->counter = true;
			break;
		case OPT_HASH_PIN:
			o->hash_pin = true;
			break;
		case OPT_SAY:
			o->say = optarg;
			break;
		case OPT_WAV:
			o->wav = optarg;
			break;
		case OPT_CHECK:
			o->check_config = true;
			break;
		case OPT_CHECK_LINKS:
			o->check_links = true;
			break;
		case OPT_SYNC:
			o->sync = true;
			break;
		case OPT_PTV_URL:
			o->ptv_url = optarg;
			break;
		case OPT_CACHE_DIR:
			o->cache_dir = optarg;
			break;
		case OPT_PREVIEW:
			o->preview = optarg;
			break;
		case OPT_SANDBOX_SELFTEST:
			o->sandbox_selftest = true;
			break;
		case 'h':
		case OPT_HELP:
			o->help = true;
			break;
		case OPT_VERSION:
			o->version = true;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				o->format = BATCH_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = BATCH_JSON;
			else {
				char *shown = text_echo(optarg);
				/* TRANSLATORS: %s is what was given after --format. */
				*cause = xasprintf(_("--format takes text or json, not \"%s\""), shown);
				free(shown);
				return -1;
			}
			o->format_given = true;
			break;
		default:
			if (optopt != 0) {
				const struct option *lo;
				for (lo = longopts; lo->name != NULL; lo++)
					if (lo->val == optopt)
						break;
				if (lo->name != NULL) {
					/* TRANSLATORS: %s is an option such as --lang. */
					*cause = xasprintf(_("--%s needs a value"), lo->name);
					return -1;
				}
			}
			char *shown = text_echo(argv[optind - 1]);
			/* TRANSLATORS: %s is the command-line argument not understood. */
			*cause = xasprintf(_("unknown option \"%s\""), shown);
			free(shown);
			return -1;
		}
	}
	if (optind < argc) {
		char *shown = text_echo(argv[optind]);
		/* TRANSLATORS: %s is the command-line argument not understood. */
		*cause = xasprintf(_("unexpected argument \"%s\""), shown);
		free(shown);
		return -1;
	}
	if (o->kiosk && o->counter) {
		*cause = xstrdup(_("--kiosk and --counter cannot go together"));
		return -1;
	}
	if (o->wav != NULL && o->say == NULL) {
		*cause = xstrdup(_("--wav can only be used with --say"));
		return -1;
	}
	if (o->check_links && (o->check_config || o->profile != NULL ||
	    o->say != NULL || o->hash_pin || o->kiosk || o->counter)) {
		/* TRANSLATORS: --check-links and the options named stay as
		   they are: they are typed so. */
		*cause = xstrdup(_("--check-links does not go with --check-config, --profile, --say, --hash-pin, --kiosk or --counter"));
		return -1;
	}
	if (o->sync && (o->check_config || o->check_links || o->profile != NULL ||
	    o->say != NULL || o->hash_pin || o->kiosk || o->counter)) {
		/* TRANSLATORS: --sync and the options named stay as they are:
		   they are typed so. */
		*cause = xstrdup(_("--sync does not go with --check-config, --check-links, --profile, --say, --hash-pin, --kiosk or --counter"));
		return -1;
	}
	if (o->preview != NULL && (o->check_config || o->check_links || o->sync ||
	    o->profile != NULL || o->say != NULL || o->hash_pin)) {
		/* TRANSLATORS: --preview and the options named stay as they
		   are: they are typed so. */
		*cause = xstrdup(_("--preview does not go with --check-config, --check-links, --sync, --profile, --say or --hash-pin"));
		return -1;
	}
	if (o->sandbox_selftest && (o->check_config || o->check_links || o->sync ||
	    o->profile != NULL || o->say != NULL || o->hash_pin)) {
		/* TRANSLATORS: --sandbox-selftest and the options named stay
		   as they are: they are typed so. */
		*cause = xstrdup(_("--sandbox-selftest does not go with --check-config, --check-links, --sync, --profile, --say or --hash-pin"));
		return -1;
	}
	if (o->format_given && o->profile == NULL) {
		*cause = xstrdup(_("--format can only be used with --profile"));
		return -1;
	}
	return 0;
}

void
cmdline_usage(FILE *f)
{
	fprintf(f, "%s\n", _("Usage: opastin [OPTION]..."));
	fprintf(f, "%s\n\n", _("Guide people to public services through their life events."));
	/* TRANSLATORS: --kiosk and --counter are options, "mode" a key of the
	   configuration file and Ctrl-C a key: keep them as they are. */
	fprintf(f, "%s\n", _("Without --kiosk or --counter, opastin runs in this terminal in the mode that \"mode\" in the configuration file sets: by default plain mode, in which Ctrl-C quits."));
	fprintf(f, "\n");
	fprintf(f, "  --lang fi|sv|en      %s\n", _("start in this language"));
	fprintf(f, "  --config FILE        %s\n", _("read the configuration from FILE"));
	fprintf(f, "  --assets DIR         %s\n", _("read questions and services from DIR"));
	fprintf(f, "  --backend URL        %s\n", _("ask the AuroraAI service recommender at URL"));
	fprintf(f, "  --ca-file FILE       %s\n", _("trust the certificate authorities in FILE"));
	fprintf(f, "  --timeout SECONDS    %s\n", _("give up on the recommender after SECONDS"));
	fprintf(f, "  --offline            %s\n", _("use only the kiosk's own service catalogue"));
	fprintf(f, "  --kiosk              %s\n", _("kiosk mode: no way out without the staff PIN (F12)"));
	fprintf(f, "  --counter            %s\n", _("counter mode, for staff helping a citizen"));
	fprintf(f, "  --hash-pin           %s\n", _("read a staff PIN and print the configuration line for it"));
	fprintf(f, "  --say TEXT           %s\n", _("speak TEXT in the --lang language through the speech set-up, and exit"));
	fprintf(f, "  --wav FILE           %s\n", _("with --say: write the speech to FILE as WAV"));
	fprintf(f, "  --log-stderr         %s\n", _("write the log to standard error, not to syslog"));
	fprintf(f, "  --check-config       %s\n", _("check the configuration and assets, then exit"));
	fprintf(f, "  --check-links        %s\n", _("check every web address of the catalogue, then exit"));
	fprintf(f, "  --sync               %s\n", _("fetch the services of the national service register (PTV) into the cache, then exit"));
	fprintf(f, "  --ptv-url URL        %s\n", _("with --sync: fetch from the register at URL"));
	fprintf(f, "  --cache-dir DIR      %s\n", _("keep the register's services in DIR (--sync writes it, the kiosk reads it)"));
	/* TRANSLATORS: the help of --sandbox-selftest: it applies the
	   kiosk's sandbox to itself and tries what the sandbox forbids. */
	fprintf(f, "  --sandbox-selftest   %s\n", _("confine this process as the kiosk is confined, try what the sandbox forbids, and exit"));
	fprintf(f, "  --profile FILE       %s\n", _("print services for a citizen profile (JSON) and exit"));
	fprintf(f, "  --format text|json   %s\n", _("output format for --profile (default text)"));
	/* TRANSLATORS: --preview writes every screen of the kiosk as text
	   files, for translators to check that their words fit; DIR is as
	   in the option on the left, "--lang en@long" stays as it is. */
	fprintf(f, "  --preview DIR        %s\n", _("write every screen as text files at 80x24 and 40x15 into DIR, in the --lang language (or en@long, the long pseudo-language), and exit"));
	fprintf(f, "  --help               %s\n", _("show this help and exit"));
	fprintf(f, "  --version            %s\n", _("show the version and exit"));
	fprintf(f, "\n");
	/* TRANSLATORS: %s is the path of the configuration file. */
	fprintf(f, _("Default configuration file: %s"), SYSCONFDIR "/opastin/opastin.conf");
	fprintf(f, "\n");
	fprintf(f, "%s\n", _("Exit status: 0 on success, 1 when the configuration or assets are broken, 2 for a bad command line or profile."));
	fprintf(f, "%s\n", _("With --check-links: 0 when every web address works (a redirect is only a warning), 1 when one is broken."));
	fprintf(f, "%s\n", _("With --sync: 0 when the cache was written, 1 when the sync failed (the previous cache is kept)."));
	/* TRANSLATORS: --sandbox-selftest is typed so. */
	fprintf(f, "%s\n", _("With --sandbox-selftest: 0 when the sandbox refused every forbidden act, 1 when it did not."));
}

void
cmdline_version(FILE *f)
{
	/* TRANSLATORS: %s is the version number. */
	fprintf(f, _("Opastin %s"), PACKAGE_VERSION);
	fprintf(f, "\n");
}
