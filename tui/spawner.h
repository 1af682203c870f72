/*
 * spawner.h: the one process that may start programs once the kiosk is
 * sandboxed.
 *
 * The sandbox (sandbox.h) forbids execve.  Before it is applied, the
 * kiosk forks this helper, which stays outside the sandbox and starts,
 * on request over a socket, only the commands it was configured with:
 * a request names a kind of command (SPAWN_SPEECH, ...) and carries
 * short parameters and a text for the command's standard input, never a
 * command line.  What each kind runs is decided in the helper, by the
 * kind's function (struct spawn_handler), from the configuration it had
 * when it was forked, so a compromised kiosk process can ask for speech
 * or a printout but cannot make the helper run a program of its
 * choosing.
 *
 * The kinds are speech (speech.c) and the printer (print.c).  Adding
 * one: a value in enum spawn_kind, a function that builds its command
 * (as speech_handler() and print_handler() do), and that handler in the
 * table app.c gives spawner_start().
 *
 * A program started this way runs in a process group of its own; the
 * helper reaps it, and tells the kiosk how it ended (spawner_reap).  The
 * helper ends when the kiosk does (its socket closes, or
 * PR_SET_PDEATHSIG), stopping what it started.
 */
#ifndef OPASTIN_SPAWNER_H
#define OPASTIN_SPAWNER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "spawn.h"

enum spawn_kind { SPAWN_SPEECH, SPAWN_PRINT, SPAWN_KINDS };

#define SPAWN_MAX_PARAMS 4
#define SPAWN_PARAM_MAX 32	/* bytes with the NUL: "fi", "160" */
/* The input a request carries is cut to SPAWN_MAX_INPUT (spawn.h), as
 * spawn_with_input() would cut it. */

/* What a request carries: parameters of [A-Za-z0-9._-] only (checked
 * again by the helper) and the text for standard input. */
struct spawn_request {
	enum spawn_kind kind;
	char param[SPAWN_MAX_PARAMS][SPAWN_PARAM_MAX];
	size_t nparams;
	const char *input;
	size_t len;
};

/*
 * One kind of command, run in the helper: start what the request asks
 * for (spawn_with_input() of spawn.h does the forking, as everywhere a
 * program is run) and return its process id, 0
 * when the request was served without a process (a line appended to a
 * log), or -1 when it is refused or fails.  ctx is the kind's own
 * configuration, as it was when the helper was forked.
 */
struct spawn_handler {
	pid_t (*run)(void *ctx, const struct spawn_request *);
	void *ctx;
};

struct spawner;

/* Fork the helper with kinds[k] for each enum spawn_kind (run NULL: that
 * kind is refused).  NULL when it cannot be forked. */
struct spawner *spawner_start(const struct spawn_handler kinds[SPAWN_KINDS]);
/* Stop everything it started and end it. */
void spawner_free(struct spawner *);
/* Start a command: its id (> 0), 0 when nothing needed to run, -1 on
 * failure. */
pid_t spawner_run(struct spawner *, const struct spawn_request *);
/* Stop a command and its process group. */
void spawner_stop(struct spawner *, pid_t);
/* Wait for a command to end: true when it exited with status 0. */
bool spawner_wait(struct spawner *, pid_t);
/* Whether a command has ended, without waiting, as spawn_reap() of
 * spawn.h: 1 when it has (its wait status in *status, and the helper
 * forgets it), 0 while it runs, -1 when the helper does not know it or
 * is gone. */
int spawner_reap(struct spawner *, pid_t, int *status);

#endif
