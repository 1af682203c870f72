/*
 * results.h: the ranked list of services shown to the citizen.
 *
 * This is the one result model: the embedded recommender fills it from
 * the catalogue, and a backend client fills it from an AuroraAI answer.
 * Its strings are in one language (results->lang) and are safe to draw:
 * whoever fills it passes untrusted text through text_sanitize() first.
 *
 * Ownership: a struct results owns every string and array in it;
 * results_free() releases them, wiping the reasons (which point at the
 * citizen's answers).
 */
#ifndef OPASTIN_RESULTS_H
#define OPASTIN_RESULTS_H

#include <stddef.h>

#include "i18n.h"

enum channel_type {
	CHANNEL_WEBPAGE,
	CHANNEL_ECHANNEL,
	CHANNEL_PHONE,
	CHANNEL_EMAIL,
	CHANNEL_LOCATION,
	CHANNEL_FORM,
	CHANNEL_OTHER
};

/* AuroraAI's names: "WebPage", "EChannel", "Phone", ... */
const char *channel_type_name(enum channel_type);
int channel_type_parse(const char *);

struct channel {
	char *id;
	enum channel_type type;
	char *name;		/* may be NULL */
	char **phones;
	size_t nphones;
	char **hours;
	size_t nhours;
	char **emails;
	size_t nemails;
	char **web;
	size_t nweb;
	/* Per web page, the page's language (enum lang) when it is not the
	 * results' language, so that the screen can say "(in English)";
	 * -1 when it is, or when nobody knows.  NULL: all -1. */
	int *web_lang;
	char *address;		/* may be NULL */
	/* The languages a phone line serves, a bit per enum lang; 0 when
	 * not stated (the backend's channels); and the same as codes,
	 * "fi, en", or NULL, for whoever prints them as data. */
	unsigned int langs;
	char *languages;
};

/* Why a service was chosen: the answer behind it. */
enum reason_kind { REASON_EVENT, REASON_ANSWER, REASON_METER };

struct reason {
	enum reason_kind kind;
	size_t question;	/* REASON_EVENT, REASON_ANSWER */
	int option;		/* REASON_EVENT, REASON_ANSWER; -1 for a number */
	int dim;		/* REASON_METER */
	int value;		/* REASON_METER: the citizen's rating, rounded;
				   REASON_ANSWER with option -1: the number */
	char code[24];		/* the life event or class that matched */
};

struct service {
	char *id;
	char *name;
	char *org;
	char *summary;
	double score;
	int rank;
	struct channel *ch;
	size_t nch;
	struct reason *reasons;
	size_t nreasons;
	char *checked;		/* when the catalogue entry was checked */
	char *first_step;	/* "Do this first" with its deadline, or NULL */
	int feedback;		/* the citizen's "was this useful": +1, -1, 0 */
	char **classes;		/* PTV service classes ("P1.4"), backend only */
	size_t nclasses;
};

enum results_source { SOURCE_EMBEDDED, SOURCE_BACKEND };

struct results {
	enum results_source source;
	enum lang lang;
	char *recommendation_id;	/* backend only */
	const char *catalogue_date;	/* embedded only, borrowed */
	bool from_register;		/* embedded: the catalogue is the national
					   service register's, as synced */
	bool from_search;		/* a search by words, not by answers */
	struct service *v;
	size_t n;
};

void results_free(struct results *);
/* Free one channel or one service's contents, for whoever fills a
 * struct results and drops a part it could not complete. */
void channel_free(struct channel *);
void service_free(struct service *);

#endif
