/*
 * app.h: the program from the command line to the exit status.
 *
 * Order matters: everything that can fail (options, configuration,
 * assets) is checked before the terminal is touched, so an error is one
 * clear line on a normal terminal.  The first screen then appears at
 * once: nothing else is set up before it.
 */
#ifndef OPASTIN_APP_H
#define OPASTIN_APP_H

#define EXIT_BROKEN 1	/* configuration or assets */
#define EXIT_USAGE 2	/* command line or batch profile */

int app_main(int argc, char **argv);

#endif
