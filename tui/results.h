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

#include "hours.h"
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

/* What a call costs, as the register says. */
enum phone_charge {
	PHONE_CHARGE_UNSTATED,
	PHONE_CHARGE_FREE,	/* free of charge */
	PHONE_CHARGE_LOCAL,	/* local network or mobile charge */
	PHONE_CHARGE_OTHER	/* see the charge text */
};

/*
 * A text's fallback: the enum lang + 1 of the language it is shown in
 * when that is not the results' language (the screen then says "(in
 * Finnish)"), or 0 when it is in the results' language or nobody knows.
 * Zero means no mark, so whoever fills the model without knowing (the
 * backend) leaves it 0.
 */
typedef unsigned char text_lang;
#define TEXT_LANG(l) ((text_lang)((l) + 1))
#define TEXT_LANG_OF(t) ((int)(t) - 1)	/* -1: no mark */

/* The details of phone number k of a channel, in the results' language. */
struct phone_about {
	enum phone_charge charge;
	char *charge_info;	/* what the call costs, or NULL */
	text_lang charge_info_in;
	char *info;		/* what the line is for ("Appointments"), or NULL */
	text_lang info_in;
	int lang;		/* enum lang the line serves, -1 when not stated */
};

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
	text_lang name_in, address_in;
	/* Per phone number, its details (nphones of them); NULL when no
	 * number has any (the backend's channels). */
	struct phone_about *phone_about;
	/* Structured opening hours, for the screen to read at the time it
	 * draws (hours_at()); n = 0 when there are none. */
	struct opening_hours opening;
	/* The entrance's accessibility sentences, in one language. */
	char **access;
	size_t naccess;
	text_lang access_in;
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
	/* The date of the page the entry's facts come from (catalogue
	 * "checked": "2025-06-18", "2025-06" or "2025"), or the register's
	 * last change of the service; NULL when nobody dates it. */
	char *checked;
	/* Whether whom to contact depends on where the citizen lives: a
	 * local service (it names municipalities), or a national entry that
	 * local variants stand in for elsewhere.  Set by
	 * catalogue_to_result(); false for a national service, and for a
	 * backend's result, of which nobody knows, so that false claims
	 * nothing about the area. */
	bool contacts_local;
	char *first_step;	/* "Do this first" with its deadline, or NULL */
	int feedback;		/* the citizen's "was this useful": +1, -1, 0 */
	char **classes;		/* PTV service classes ("P1.4"), backend only */
	size_t nclasses;
	text_lang name_in, summary_in;	/* fallbacks of name and summary */
};

enum results_source { SOURCE_EMBEDDED, SOURCE_BACKEND };

struct results {
	enum results_source source;
	enum lang lang;
	char *recommendation_id;	/* backend only */
	const char *catalogue_date;	/* embedded only, borrowed from the
					   catalogue ranked */
	bool from_register;		/* embedded: the catalogue ranked was the
					   national service register's, as synced
					   (for this citizen: assets_catalogue()) */
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
