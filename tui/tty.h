/*
 * tty.h: the terminal: curses set-up and restore, colour roles, signals.
 *
 * Colours are named roles, never raw colours, so that a theme is data and
 * no information rests on colour alone (focus also has a marker, choices
 * have [x] and (*) marks).  Only this file and the draw helpers in
 * ui.c touch curses attributes.
 */
#ifndef OPASTIN_TTY_H
#define OPASTIN_TTY_H

#include <signal.h>
#include <stdbool.h>

/* Role, foreground, background, attribute when there is no colour. */
#define TTY_ROLES(X) \
	X(ROLE_NORMAL,   -1,            -1,           A_NORMAL) \
	X(ROLE_HEADER,   COLOR_WHITE,   COLOR_BLUE,   A_REVERSE) \
	X(ROLE_TITLE,    -1,            -1,           A_BOLD) \
	X(ROLE_HINT,     COLOR_CYAN,    -1,           A_NORMAL) \
	X(ROLE_NUMBER,   COLOR_YELLOW,  -1,           A_BOLD) \
	X(ROLE_FOCUS,    COLOR_BLACK,   COLOR_CYAN,   A_REVERSE) \
	X(ROLE_CHOSEN,   COLOR_GREEN,   -1,           A_BOLD) \
	X(ROLE_KEYBAR,   COLOR_BLACK,   COLOR_WHITE,  A_REVERSE) \
	X(ROLE_KEY,      COLOR_BLUE,    COLOR_WHITE,  A_REVERSE | A_BOLD) \
	X(ROLE_ERROR,    COLOR_RED,     -1,           A_BOLD) \
	X(ROLE_NOTICE,   COLOR_YELLOW,  -1,           A_BOLD) \
	X(ROLE_LINK,     COLOR_CYAN,    -1,           A_UNDERLINE) \
	X(ROLE_BUTTON,   COLOR_BLACK,   COLOR_WHITE,  A_REVERSE)

enum role {
#define X(name, fg, bg, mono) name,
	TTY_ROLES(X)
#undef X
	ROLE_COUNT
};

/* Minimum size at which the screens are laid out. */
#define TTY_MIN_COLS 80
#define TTY_MIN_LINES 24

/* Start curses; restore it at exit and from any signal.  The colour
 * table is chosen here: none when the terminal has none or NO_COLOR is
 * set. */
void tty_start(void);
void tty_stop(void);
/* The curses attribute for a role. */
int tty_attr(enum role);
/* Set by SIGTERM, SIGHUP and SIGINT: the main loop ends cleanly. */
extern volatile sig_atomic_t tty_quit_signal;

#endif
