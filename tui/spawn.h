/*
 * spawn.h: running a configured command: the synthesizer of speech.c,
 * the printer of print.c.
 *
 * The child runs in a process group of its own (so that stopping it stops
 * a pipeline it started too), with a text on its standard input and its
 * standard output and error sent to /dev/null, so that it never draws
 * over the screen.  The caller never waits on it: the text is written at
 * once into the pipe, and the child is reaped with spawn_reap().
 */
#ifndef OPASTIN_SPAWN_H
#define OPASTIN_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A pipe takes this much at once without the writer waiting. */
#define SPAWN_MAX_INPUT 65536

/*
 * Split a configured command into its program and arguments, without a
 * shell: words are separated by spaces or tabs; '...' keeps everything
 * inside as it is; "..." too, except that a backslash takes the next
 * character as it is; outside quotes a backslash does the same.  Nothing
 * else is special: no variables, wildcards, pipes or redirections.
 * Returns 0 with argv (NULL-terminated, *argc words, free with
 * strv_free(argv, argc + 1)), or -1 with *cause (a new string) for an
 * unclosed quote or an empty command.
 */
int spawn_split(const char *command, char ***argv, size_t *argc, char **cause);

/*
 * Start argv[0] (looked up in PATH) with argv, env (NULL, or "NAME=value"
 * strings ending in NULL) added to the environment, and the first n bytes
 * of text on its standard input (n is cut to SPAWN_MAX_INPUT).  Returns
 * the child's pid, or -1 when it could not be started.  A program that
 * cannot be run ends with status 127.
 */
pid_t spawn_with_input(char *const argv[], char *const env[], const char *text, size_t n);

/* Whether the child has ended (reaping it), with its wait status. */
bool spawn_reap(pid_t, int *status);

/* Stop the child's whole group: SIGTERM, then SIGKILL for a child that
 * lingers; the child is reaped. */
void spawn_kill(pid_t);

#endif
