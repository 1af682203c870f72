/*
 * speech.h: text to speech, for citizens who cannot see the screen.
 *
 * Each utterance is spoken by a synthesizer process (espeak-ng, started
 * without a shell, or speech_command through /bin/sh) in a process group
 * of its own, fed the text on its standard input, so the interface never
 * waits for speech: a new utterance stops the whole group of the one
 * before, pipelines included.  The voice follows the language.
 *
 * The synthesizer is started by the helper process of spawner.h, as the
 * kiosk's sandbox forbids execve once applied: the caller starts the
 * helper, before sandbox_apply(), with speech_handler() as its
 * SPAWN_SPEECH kind, and gives it to speech_new().  The helper also
 * appends to the speech log, which the sandboxed kiosk could not open.
 *
 * With speech_log set (tests and diagnostics only, never on a kiosk in
 * service: it would keep what citizens do), utterances go to that file,
 * one per line with their language, instead of to a synthesizer.
 */
#ifndef OPASTIN_SPEECH_H
#define OPASTIN_SPEECH_H

#include <stdbool.h>

#include "i18n.h"
#include "spawner.h"

enum speech_mode { SPEECH_OFF, SPEECH_KEY, SPEECH_ALWAYS };

#define SPEECH_DEFAULT_RATE 160		/* words a minute */
#define SPEECH_MIN_RATE 80
#define SPEECH_MAX_RATE 400
#define SPEECH_DEFAULT_VOLUME 100	/* espeak-ng's amplitude, 0 to 200 */
#define SPEECH_MAX_VOLUME 200
#define SPEECH_MAX_UTTERANCE 16384	/* bytes: a long help text fits */

/* Borrowed by struct speech. */
struct speech_config {
	enum speech_mode mode;
	int rate;
	int volume;
	const char *command;	/* NULL: espeak-ng */
	const char *log;	/* NULL: speak */
	const char *wav;	/* write WAV here instead of playing (--say) */
};

struct speech;

/* What the helper runs for SPAWN_SPEECH; cfg is read in the helper, as
 * it was when the helper was forked. */
struct spawn_handler speech_handler(const struct speech_config *);
/* The helper is borrowed (NULL: nothing is ever said). */
struct speech *speech_new(const struct speech_config *, struct spawner *);
void speech_free(struct speech *);

bool speech_active(const struct speech *);
/* The speech key: on or off.  Returns the new state. */
bool speech_toggle(struct speech *);
/* Back to the configured state (a kiosk reset). */
void speech_reset(struct speech *);

/* Say text in a language, stopping whatever is being said; nothing when
 * speech is off. */
void speech_say(struct speech *, enum lang, const char *text);
/* Say text even when speech is off (the announcement that it is on). */
void speech_say_always(struct speech *, enum lang, const char *text);
void speech_stop(struct speech *);
void speech_repeat(struct speech *);
/* Change the rate or the volume by a step, and say so. */
void speech_faster(struct speech *, int direction);
void speech_louder(struct speech *, int direction);
/* Wait for the utterance in progress to end (for --say); false when the
 * synthesizer could not be run or failed. */
bool speech_wait(struct speech *);
/* Reap finished synthesizers; call from the main loop. */
void speech_tick(struct speech *);

/* Phone numbers read in groups, the way people say them:
 * "020 634 0200" becomes "0 2 0, 6 3 4, 0 2 0 0". */
char *speech_phone(const char *number);

#endif
