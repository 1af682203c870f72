/*
 * cmdline.h: the command line.
 */
#ifndef OPASTIN_CMDLINE_H
#define OPASTIN_CMDLINE_H

#include <stdbool.h>
#include <stdio.h>

#include "batch.h"

struct options {
	int lang;		/* enum lang, or -1 */
	const char *config;	/* NULL: the default file, if it exists */
	const char *assets;	/* NULL: the default directory */
	bool offline;
	bool log_stderr;
	bool kiosk;		/* --kiosk: mode = kiosk */
	bool counter;		/* --counter: mode = counter */
	bool hash_pin;
	const char *say;	/* --say TEXT: speak it and exit */
	const char *wav;	/* --wav FILE: with --say, write WAV instead */
	const char *backend;	/* overrides backend_url */
	const char *ca_file;	/* overrides ca_file */
	const char *timeout;	/* overrides timeout_s */
	bool check_config;
	bool check_links;	/* --check-links: check the catalogue's URLs */
	bool sync;		/* --sync: fetch the register into the cache */
	const char *ptv_url;	/* overrides ptv_url */
	const char *cache_dir;	/* overrides cache_dir */
	bool sandbox_selftest;	/* --sandbox-selftest (sandbox.h) */
	bool help;
	bool version;
	const char *preview;	/* --preview DIR: every screen as text */
	bool pseudo_long;	/* --lang en@long: the pseudo-locale */
	const char *profile;	/* batch mode */
	enum batch_format format;
	bool format_given;
};

/* The language --lang asks for, looked up before the rest is parsed so
 * that errors about the rest are in it; -1 without a valid --lang. */
int cmdline_lang(int argc, char **argv);
/* 0, or -1 with *cause (one line, translated). */
int cmdline_parse(struct options *, int argc, char **argv, char **cause);
void cmdline_usage(FILE *);
void cmdline_version(FILE *);

#endif
