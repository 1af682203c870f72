#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"
#include "speech.h"
#include "util.h"

#define RATE_STEP 20
#define VOLUME_STEP 20

struct speech {
	const struct speech_config *cfg;
	/* The helper that starts the synthesizer, forked before the
	 * kiosk's sandbox forbids execve (spawner.h); borrowed. */
	struct spawner *spawner;
	bool on;
	int rate;
	int volume;
	pid_t child;		/* the synthesizer speaking now, or 0 */
	enum lang last_lang;
	char *last;		/* the last utterance, for repeat */
};

/* ---- In the helper process (spawner.h): what SPAWN_SPEECH runs.  The
 * request's parameters are the language, the rate and the volume. ---- */

static void
log_utterance(const char *path, const char *lang, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	/* One write, so a line is never split. */
	char *line = xasprintf("%s\t%.*s\n", lang, (int)len, text);
	ssize_t w = write(fd, line, strlen(line));
	(void)w;
	wipe_free_str(line);
	close(fd);
}

static pid_t
run_synthesizer(void *ctx, const struct spawn_request *r)
{
	const struct speech_config *cfg = ctx;

	if (r->nparams != 3)
		return -1;
	const char *lang = r->param[0], *rate = r->param[1], *volume = r->param[2];
	if (lang_parse(lang) < 0)
		return -1;
	if (cfg->log != NULL) {
		log_utterance(cfg->log, lang, r->input, r->len);
		return 0;
	}
	if (cfg->command != NULL) {
		/* speech_command is documented as a shell command (a site may
		 * pipe espeak-ng into its player), unlike print_command. */
		char env[3][SPAWN_PARAM_MAX + 16];
		snprintf(env[0], sizeof env[0], "OPASTIN_LANG=%s", lang);
		snprintf(env[1], sizeof env[1], "OPASTIN_RATE=%s", rate);
		snprintf(env[2], sizeof env[2], "OPASTIN_VOLUME=%s", volume);
		char *const envp[] = { env[0], env[1], env[2], NULL };
		char *const argv[] = { "/bin/sh", "-c", (char *)cfg->command, NULL };
		return spawn_with_input(argv, envp, r->input, r->len);
	}
	if (cfg->wav != NULL) {
		char *const argv[] = { "espeak-ng", "-v", (char *)lang, "-s", (char *)rate,
		    "-a", (char *)volume, "-w", (char *)cfg->wav, "--stdin", NULL };
		return spawn_with_input(argv, NULL, r->input, r->len);
	}
	char *const argv[] = { "espeak-ng", "-v", (char *)lang, "-s", (char *)rate,
	    "-a", (char *)volume, "--stdin", NULL };
	return spawn_with_input(argv, NULL, r->input, r->len);
}

struct spawn_handler
speech_handler(const struct speech_config *cfg)
{
	return (struct spawn_handler){ run_synthesizer, (void *)cfg };
}

/* ---- In the kiosk ---- */

struct speech *
speech_new(const struct speech_config *cfg, struct spawner *spawner)
{
	struct speech *sp = xcalloc(1, sizeof *sp);
	sp->cfg = cfg;
	sp->spawner = spawner;
	sp->rate = cfg->rate > 0 ? cfg->rate : SPEECH_DEFAULT_RATE;
	sp->volume = cfg->volume > 0 ? cfg->volume : SPEECH_DEFAULT_VOLUME;
	sp->on = cfg->mode == SPEECH_ALWAYS;
	return sp;
}

void
speech_free(struct speech *sp)
{
	if (sp == NULL)
		return;
	speech_stop(sp);
	wipe_free_str(sp->last);
	free(sp);
}

bool
speech_active(const struct speech *sp)
{
	return sp != NULL && sp->on;
}

bool
speech_toggle(struct speech *sp)
{
	if (sp->cfg->mode == SPEECH_OFF)
		return false;
	sp->on = !sp->on;
	if (!sp->on)
		speech_stop(sp);
	return sp->on;
}

void
speech_reset(struct speech *sp)
{
	speech_stop(sp);
	sp->on = sp->cfg->mode == SPEECH_ALWAYS;
	sp->rate = sp->cfg->rate > 0 ? sp->cfg->rate : SPEECH_DEFAULT_RATE;
	sp->volume = sp->cfg->volume > 0 ? sp->cfg->volume : SPEECH_DEFAULT_VOLUME;
	wipe_free_str(sp->last);
	sp->last = NULL;
}

void
speech_tick(struct speech *sp)
{
	/* The helper has reaped it; this frees its place there. */
	if (sp != NULL && sp->child > 0 && spawner_reap(sp->spawner, sp->child, NULL) != 0)
		sp->child = 0;
}

void
speech_stop(struct speech *sp)
{
	if (sp == NULL || sp->child <= 0)
		return;
	spawner_stop(sp->spawner, sp->child);
	sp->child = 0;
}

bool
speech_wait(struct speech *sp)
{
	if (sp == NULL || sp->child <= 0)
		return sp != NULL && sp->cfg->log != NULL && sp->spawner != NULL;
	pid_t pid = sp->child;
	sp->child = 0;
	return spawner_wait(sp->spawner, pid);
}

/* Ask the helper to speak text. */
static void
synthesize(struct speech *sp, enum lang l, const char *text)
{
	struct spawn_request r = { .kind = SPAWN_SPEECH, .nparams = 3, .input = text };

	snprintf(r.param[0], sizeof r.param[0], "%s", lang_code(l));
	snprintf(r.param[1], sizeof r.param[1], "%d", sp->rate);
	snprintf(r.param[2], sizeof r.param[2], "%d", sp->volume);
	r.len = strlen(text);
	if (r.len > SPEECH_MAX_UTTERANCE)
		r.len = SPEECH_MAX_UTTERANCE;
	pid_t pid = spawner_run(sp->spawner, &r);
	sp->child = pid > 0 ? pid : 0;
}

void
speech_say_always(struct speech *sp, enum lang l, const char *text)
{
	if (sp == NULL || text == NULL || *text == '\0')
		return;
	speech_stop(sp);
	if (text != sp->last) {
		wipe_free_str(sp->last);
		sp->last = xstrdup(text);
	}
	sp->last_lang = l;
	synthesize(sp, l, text);
}

void
speech_say(struct speech *sp, enum lang l, const char *text)
{
	if (speech_active(sp))
		speech_say_always(sp, l, text);
}

void
speech_repeat(struct speech *sp)
{
	if (speech_active(sp) && sp->last != NULL)
		speech_say_always(sp, sp->last_lang, sp->last);
}

void
speech_faster(struct speech *sp, int direction)
{
	sp->rate += direction * RATE_STEP;
	if (sp->rate < SPEECH_MIN_RATE)
		sp->rate = SPEECH_MIN_RATE;
	if (sp->rate > SPEECH_MAX_RATE)
		sp->rate = SPEECH_MAX_RATE;
}

void
speech_louder(struct speech *sp, int direction)
{
	sp->volume += direction * VOLUME_STEP;
	if (sp->volume < VOLUME_STEP)
		sp->volume = VOLUME_STEP;
	if (sp->volume > SPEECH_MAX_VOLUME)
		sp->volume = SPEECH_MAX_VOLUME;
}

char *
speech_phone(const char *number)
{
	size_t n = strlen(number);
	char *out = xmalloc(n * 2 + 1), *o = out;
	bool group = false;

	for (size_t i = 0; i < n; i++) {
		char c = number[i];
		if (c >= '0' && c <= '9') {
			if (group)
				*o++ = ' ';
			*o++ = c;
			group = true;
		} else if (c == ' ' || c == '-') {
			if (group) {
				*o++ = ',';
				*o++ = ' ';
				group = false;
			}
		} else if (c == '+') {
			memcpy(o, "+", 1);
			o++;
		}
	}
	*o = '\0';
	return out;
}
