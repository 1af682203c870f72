/*
 * present.h: how results read, in words, in the current language.
 *
 * Shared by the screens and by batch mode's text format, so that the
 * terminal and a printout say the same thing.  Pure: returns new strings,
 * draws nothing.
 */
#ifndef OPASTIN_PRESENT_H
#define OPASTIN_PRESENT_H

#include <time.h>

#include "hours.h"
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

/* What to do about a service that has no contact channels, in one
 * paragraph: for one whose contacts depend on where one lives
 * (contacts_local), that they vary by area; for any other, that this
 * kiosk has none, with its organisation named.  Where to ask either way:
 * the staff here, or Suomi.fi. */
char *present_no_contacts(const struct service *);

/* The name of a channel type: "Phone", "Web page", ... */
const char *present_channel_type(enum channel_type);

/* A channel as label and value lines ("Phone", "020 634 0200"), appended
 * to labels[] and values[] (n of each), for a citizen reading lang: a
 * phone line that does not serve lang says which languages it serves
 * ("09 2525 0112 (in Swedish)"), and so does a web page in another
 * language ("https://... (in English)"). */
void present_channel(const struct channel *, enum lang, char ***labels, char ***values, size_t *n);
/* The same, with the opening hours as they are at now. */
void present_channel_at(const struct channel *, enum lang, time_t now,
    char ***labels, char ***values, size_t *n);

/* Phone number k or web page k of a channel as present_channel() shows
 * it to a citizen reading lang (a new string). */
char *present_phone(const struct channel *, size_t k, enum lang);
char *present_web(const struct channel *, size_t k, enum lang);

/* The languages phone number k serves, "in Swedish", when the reader of
 * lang needs telling (the number's own language, else its channel's);
 * NULL when not. */
char *present_phone_language(const struct channel *, size_t k, enum lang);
/* What is said after phone number k: what the line is for and what a
 * call costs, "Appointments · local network or mobile charge"; NULL when
 * the channel says neither. */
char *present_phone_notes(const struct channel *, size_t k);
/* What a call to number k costs, in words; NULL when not stated. */
char *present_charge(const struct channel *, size_t k);

/* A text shown in another language than the screen's, marked so:
 * "Neuvola Kyllö (in Finnish)"; the text alone when in is 0. */
char *present_fallback(const char *text, text_lang in);
/* "(in Finnish)" alone, for a heading; NULL when in is 0. */
char *present_fallback_mark(text_lang in);

/* A time of day (minutes, 0 to 1440) as readers of lang expect it:
 * fi "8.00", sv "8" or "8.30", en "8 am" or "4:30 pm". */
char *present_clock(int minute, enum lang);
/* Opening times as lang writes them: fi "8.00–16.00, 17.00–19.00",
 * sv "kl. 8–16", en "8 am – 4 pm". */
char *present_spans(const struct hours_span *, size_t n, enum lang);
/* Today at now in Europe/Helsinki: "Open today 8.00–16.00 · open now,
 * closes at 16.00"; NULL when the hours say nothing of today. */
char *present_today(const struct opening_hours *, time_t now, enum lang);
/* The week of now, Monday to Sunday, days of the same hours together:
 * "Mon–Fri 8 am – 4 pm, Sat–Sun closed"; NULL when nothing is known. */
char *present_week(const struct opening_hours *, time_t now, enum lang);

/* "in Swedish", "in Finnish and in English": the languages of mask (a bit
 * per enum lang, not 0) as a note, in the current language. */
char *present_in_languages(unsigned int mask);

/* A number question's answer n with its unit in the plural form for n:
 * "1 child", "2 children", or "2" for a question without a unit.  A new
 * string: free it with wipe_free_str(). */
char *present_number(const struct question *, long n);

/* The answer to question qi in words: "Moving home", "7 of 10",
 * "(not answered)".  A new string; it may hold what the citizen entered, so
 * free it with wipe_free_str(). */
char *present_answer(const struct session *, size_t qi);

/* A language's name in the current language: "Finnish", "suomi", ... */
const char *present_language(enum lang);

/* "Suggestions from this kiosk's own catalogue, checked 2026-11-29." */
char *present_source(const struct results *);

/* For --check-config: whom the register's cache (cat, covers) serves,
 * and that the bundled catalogue serves the rest (assets_catalogue()):
 * "Citizens of Jyväskylä (179), Turku (853) are served from the cache;
 * those of other municipalities, from the bundled catalogue." */
struct catalogue;
struct munis;
char *present_coverage(const struct catalogue *, const struct munis *, enum lang);
/* A date ("2026-12-02", or "2025-06") in the current language's form:
 * 2.12.2026 in Finnish and Swedish, 2 December 2026 in English. */
char *present_date(const char *iso);

#endif
