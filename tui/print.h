/*
 * print.h: the printout a citizen takes home, and the printer command.
 *
 * The summary is plain text for 80 columns, in the current language: the
 * services (all that are shown, or one) with their contacts, the date
 * and time, and the kiosk's place (site_name).  It is made from the
 * results only: none of the citizen's answers, no reasons, no search
 * words.  Pure: print_summary() returns a new string.
 *
 * print_command (the configuration) is split into a program and its
 * arguments by spawn_split() and run without a shell, the summary on its
 * standard input.  Like speech, it is started by the helper process of
 * spawner.h, as the kiosk's sandbox forbids execve once applied: the
 * caller starts the helper, before sandbox_apply(), with print_handler()
 * as its SPAWN_PRINT kind, and gives it to the job.  The kiosk never
 * waits on the command: print_poll() is called
 * from the main loop, and a command that has not finished within
 * PRINT_TIMEOUT_MS is stopped.  Nothing is written to disk.
 */
#ifndef OPASTIN_PRINT_H
#define OPASTIN_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "results.h"
#include "spawner.h"

#define PRINT_COLUMNS 80
#define PRINT_TIMEOUT_MS 10000

/* Services first to first + count - 1 of the results, at the time now,
 * from the place site (NULL: not said). */
char *print_summary(const struct results *, size_t first, size_t count,
    const char *site, time_t now);

/* What the helper runs for SPAWN_PRINT: command (print_command,
 * checked by the configuration) as it was when the helper was forked. */
struct spawn_handler print_handler(const char *command);

struct print_job {
	struct spawner *spawner;	/* borrowed; NULL: nothing is printed */
	pid_t pid;		/* the printer command, 0 when none runs */
	long long deadline;	/* ms (now_ms()) when it is stopped */
};

enum print_outcome {
	PRINT_RUNNING,		/* still running, or nothing to report */
	PRINT_DONE,		/* exit status 0 */
	PRINT_FAILED,		/* another exit status, or a signal */
	PRINT_NOT_RUN,		/* the program could not be run (status 127) */
	PRINT_TIMED_OUT,	/* stopped after PRINT_TIMEOUT_MS */
};

bool print_busy(const struct print_job *);
/* Start the command through the job's helper with text on its standard
 * input; false when it could not be started. */
bool print_start(struct print_job *, const char *text);
/* What became of the job, at now (ms); anything but PRINT_RUNNING once,
 * and the job is idle again. */
enum print_outcome print_poll(struct print_job *, long long now, int *status);
/* Stop a job that runs (at exit). */
void print_stop(struct print_job *);
/* What the citizen reads about an outcome (a new string). */
char *print_outcome_text(enum print_outcome, int status);

#endif
