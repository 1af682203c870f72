/*
 * app.h: the program from the command line to the exit status.
 *
 * Order matters: the options, the configuration and what its checks
 * need (the municipalities) are checked before the terminal is touched,
 * so an error is one clear line on a normal terminal.  The kiosk's first
 * screen then appears at once; the other assets are read right after
 * it, and a broken one ends the kiosk with the same one line once the
 * terminal is restored.  Every other use (--check-config, batch mode,
 * ...) reads every asset before it does anything.
 */
#ifndef OPASTIN_APP_H
#define OPASTIN_APP_H

#define EXIT_BROKEN 1	/* configuration or assets */
#define EXIT_USAGE 2	/* command line or batch profile */

int app_main(int argc, char **argv);

#endif
