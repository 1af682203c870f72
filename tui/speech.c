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
	if (sp == NULL || sp->child <= 0)
		return;
	if (waitpid(sp->child, NULL, WNOHANG) == sp->child)
		sp->child = 0;
}

void
speech_stop(struct speech *sp)
{
	if (sp == NULL || sp->child <= 0)
		return;
	/* The whole group: a speech_command pipeline has more than one. */
	kill(-sp->child, SIGTERM);
	/* The synthesizer ends at once on SIGTERM; reap it so it leaves no
	 * zombie, without waiting on a stubborn one. */
	for (int i = 0; i < 20 && waitpid(sp->child, NULL, WNOHANG) == 0; i++)
		usleep(1000);
	if (waitpid(sp->child, NULL, WNOHANG) == 0) {
		kill(-sp->child, SIGKILL);
		waitpid(sp->child, NULL, 0);
	}
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
	int in[2];
	char rate[16], volume[16];

	if (pipe2(in, O_CLOEXEC) < 0)
		return;
	snprintf(rate, sizeof rate, "%d", sp->rate);
	snprintf(volume, sizeof volume, "%d", sp->volume);
	pid_t pid = fork();
	if (pid < 0) {
		close(in[0]);
		close(in[1]);
		return;
	}
	if (pid == 0) {
		setpgid(0, 0);
		int null = open("/dev/null", O_WRONLY);
		dup2(in[0], STDIN_FILENO);
		/* Never draw over the screen. */
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		signal(SIGPIPE, SIG_DFL);
		if (sp->cfg->command != NULL) {
			setenv("OPASTIN_LANG", lang_code(l), 1);
			setenv("OPASTIN_RATE", rate, 1);
			setenv("OPASTIN_VOLUME", volume, 1);
			execl("/bin/sh", "sh", "-c", sp->cfg->command, (char *)NULL);
		} else if (sp->cfg->wav != NULL) {
			execlp("espeak-ng", "espeak-ng", "-v", lang_code(l), "-s", rate,
			    "-a", volume, "-w", sp->cfg->wav, "--stdin", (char *)NULL);
		} else {
			execlp("espeak-ng", "espeak-ng", "-v", lang_code(l), "-s", rate,
			    "-a", volume, "--stdin", (char *)NULL);
		}
		_exit(127);
	}
	setpgid(pid, pid);	/* in both, so neither races the other */
	close(in[0]);
	/* Never wait on a slow reader: a pipe takes 64 KiB at once, and an
	 * utterance is cut well below that. */
	signal(SIGPIPE, SIG_IGN);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	size_t n = strlen(text);
	if (n > SPEECH_MAX_UTTERANCE)
		n = SPEECH_MAX_UTTERANCE;
	ssize_t w = write(in[1], text, n);
	(void)w;
	close(in[1]);
	sp->child = pid;
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
