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
	bool on;
	int rate;
	int volume;
	pid_t child;		/* the synthesizer speaking now, or 0 */
	enum lang last_lang;
	char *last;		/* the last utterance, for repeat */
};

struct speech *
speech_new(const struct speech_config *cfg)
{
	struct speech *sp = xcalloc(1, sizeof *sp);
	sp->cfg = cfg;
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
	if (sp != NULL && sp->child > 0 && spawn_reap(sp->child, NULL))
		sp->child = 0;
}

void
speech_stop(struct speech *sp)
{
	if (sp == NULL || sp->child <= 0)
		return;
	spawn_kill(sp->child);
	sp->child = 0;
}

bool
speech_wait(struct speech *sp)
{
	int status = 0;

	if (sp == NULL || sp->child <= 0)
		return sp != NULL && sp->cfg->log != NULL;
	pid_t pid = sp->child;
	sp->child = 0;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0;
}

static void
log_utterance(struct speech *sp, enum lang l, const char *text)
{
	int fd = open(sp->cfg->log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	char *line = xasprintf("%s\t%s\n", lang_code(l), text);
	ssize_t w = write(fd, line, strlen(line));
	(void)w;
	wipe_free_str(line);
	close(fd);
}

/* Start the synthesizer with the text on its standard input. */
static void
synthesize(struct speech *sp, enum lang l, const char *text)
{
	char rate[16], volume[16];
	char *env[4] = { NULL };

	snprintf(rate, sizeof rate, "%d", sp->rate);
	snprintf(volume, sizeof volume, "%d", sp->volume);
	size_t n = strlen(text);
	if (n > SPEECH_MAX_UTTERANCE)
		n = SPEECH_MAX_UTTERANCE;
	if (sp->cfg->command != NULL) {
		/* speech_command is documented as a shell command (a site may
		 * pipe espeak-ng into its player), unlike print_command. */
		char *argv[] = { "/bin/sh", "-c", (char *)sp->cfg->command, NULL };
		env[0] = xasprintf("OPASTIN_LANG=%s", lang_code(l));
		env[1] = xasprintf("OPASTIN_RATE=%s", rate);
		env[2] = xasprintf("OPASTIN_VOLUME=%s", volume);
		sp->child = spawn_with_input(argv, env, text, n);
		for (int i = 0; i < 3; i++)
			free(env[i]);
	} else if (sp->cfg->wav != NULL) {
		char *argv[] = { "espeak-ng", "-v", (char *)lang_code(l), "-s", rate,
		    "-a", volume, "-w", (char *)sp->cfg->wav, "--stdin", NULL };
		sp->child = spawn_with_input(argv, NULL, text, n);
	} else {
		char *argv[] = { "espeak-ng", "-v", (char *)lang_code(l), "-s", rate,
		    "-a", volume, "--stdin", NULL };
		sp->child = spawn_with_input(argv, NULL, text, n);
	}
	if (sp->child < 0)
		sp->child = 0;
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
	if (sp->cfg->log != NULL)
		log_utterance(sp, l, text);
	else
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
