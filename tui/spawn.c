#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"
#include "util.h"

int
spawn_split(const char *command, char ***argv, size_t *argc, char **cause)
{
	size_t len = strlen(command);
	char *word = xmalloc(len + 1);
	char **v = NULL;
	size_t n = 0, w = 0;
	bool in_word = false;
	char quote = 0;

	for (const char *p = command;; p++) {
		char c = *p;
		if (c == '\0') {
			if (quote != 0) {
				*cause = xasprintf("it has a %c without its closing %c", quote, quote);
				strv_free(v, n);
				free(word);
				return -1;
			}
			break;
		}
		if (quote == '\'') {
			if (c == '\'')
				quote = 0;
			else
				word[w++] = c;
			continue;
		}
		if (c == '\\' && p[1] != '\0') {
			word[w++] = *++p;
			in_word = true;
			continue;
		}
		if (quote == '"') {
			if (c == '"')
				quote = 0;
			else
				word[w++] = c;
			continue;
		}
		if (c == '"' || c == '\'') {
			quote = c;
			in_word = true;
			continue;
		}
		if (c == ' ' || c == '\t') {
			if (in_word) {
				strv_push(&v, &n, xstrndup(word, w));
				w = 0;
				in_word = false;
			}
			continue;
		}
		word[w++] = c;
		in_word = true;
	}
	if (in_word)
		strv_push(&v, &n, xstrndup(word, w));
	free(word);
	if (n == 0 || v[0][0] == '\0') {
		*cause = xstrdup("it names no program");
		strv_free(v, n);
		return -1;
	}
	v = xreallocarray(v, n + 1, sizeof *v);
	v[n] = NULL;
	*argv = v;
	*argc = n;
	return 0;
}

pid_t
spawn_with_input(char *const argv[], char *const env[], const char *text, size_t n)
{
	int in[2];

	if (pipe2(in, O_CLOEXEC) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(in[0]);
		close(in[1]);
		return -1;
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
		for (size_t i = 0; env != NULL && env[i] != NULL; i++)
			putenv(env[i]);
		execvp(argv[0], argv);
		_exit(127);
	}
	setpgid(pid, pid);	/* in both, so neither races the other */
	close(in[0]);
	/* Never wait on a slow reader: a pipe takes 64 KiB at once, and the
	 * text is cut to that. */
	signal(SIGPIPE, SIG_IGN);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	if (n > SPAWN_MAX_INPUT)
		n = SPAWN_MAX_INPUT;
	ssize_t w = write(in[1], text, n);
	(void)w;
	close(in[1]);
	return pid;
}

bool
spawn_reap(pid_t pid, int *status)
{
	int st = 0;
	if (pid <= 0 || waitpid(pid, &st, WNOHANG) != pid)
		return false;
	if (status != NULL)
		*status = st;
	return true;
}

void
spawn_kill(pid_t pid)
{
	if (pid <= 0)
		return;
	/* The whole group: a pipeline has more than one process. */
	kill(-pid, SIGTERM);
	/* Most programs end at once on SIGTERM; reap it so it leaves no
	 * zombie, without waiting on a stubborn one. */
	for (int i = 0; i < 20 && waitpid(pid, NULL, WNOHANG) == 0; i++)
		usleep(1000);
	if (waitpid(pid, NULL, WNOHANG) == 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}
