/*
 * present.h: how results read, in words, in the current language.
 *
 * Shared by the screens and by batch mode's text format, so that the
 * terminal and a printout say the same thing.  Pure: returns new strings,
 * draws nothing.
 */
#ifndef OPASTIN_PRESENT_H
#define OPASTIN_PRESENT_H

#include "quest.h"
#include "results.h"

struct session;

/* The answer behind a reason, with its question, in words:
 * "Registered jobseeker: Not yet", "Money: your rating 3/10". */
char *present_reason(const struct reason *, const struct quest *);
/* Why service i of the results was chosen, in one line: "Why: ...; ...". */
char *present_reasons(const struct results *, size_t i, const struct quest *);

/* "Do this first: ..." for a service whose first step applies, or NULL. */
char *present_first_step(const struct service *);

/* The name of a channel type: "Phone", "Web page", ... */
const char *present_channel_type(enum channel_type);

/* A channel as label and value lines ("Phone", "020 634 0200"), appended
 * to labels[] and values[] (n of each), for a citizen reading lang: a
 * phone line that does not serve lang says which languages it serves
 * ("09 2525 0112 (in Swedish)"), and so does a web page in another
 * language ("https://... (in English)"). */
void present_channel(const struct channel *, enum lang, char ***labels, char ***values, size_t *n);

/* Phone number k or web page k of a channel as present_channel() shows
 * it to a citizen reading lang (a new string). */
char *present_phone(const struct channel *, size_t k, enum lang);
char *present_web(const struct channel *, size_t k, enum lang);

/* "in Swedish", "in Finnish and in English": the languages of mask (a bit
 * per enum lang, not 0) as a note, in the current language. */
char *present_in_languages(unsigned int mask);

/* The answer to question qi in words: "Moving home", "7 of 10",
 * "(not answered)".  A new string; it may hold what the citizen entered, so
 * free it with wipe_free_str(). */
char *present_answer(const struct session *, size_t qi);

/* A language's name in the current language: "Finnish", "suomi", ... */
const char *present_language(enum lang);

/* "Suggestions from this kiosk's own catalogue, checked 2026-11-29." */
char *present_source(const struct results *);
/* A date ("2026-12-02", or "2025-06") in the current language's form:
 * 2.12.2026 in Finnish and Swedish, 2 December 2026 in English. */
char *present_date(const char *iso);

#endif
