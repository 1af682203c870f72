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

/*
 * The themes are data: for each role, the default theme's colours, the
 * high-contrast theme's colours, and the attribute used without colour
 * (monochrome), which alone must keep every role apart.
 *
 *        role          default fg     default bg    contrast fg    contrast bg   monochrome
 */
#define TTY_ROLES(X) \
	X(ROLE_NORMAL,   -1,            -1,           COLOR_WHITE,   COLOR_BLACK,  A_NORMAL) \
	X(ROLE_HEADER,   COLOR_WHITE,   COLOR_BLUE,   COLOR_BLACK,   COLOR_YELLOW, A_REVERSE) \
	X(ROLE_TITLE,    -1,            -1,           COLOR_WHITE,   COLOR_BLACK,  A_BOLD) \
	X(ROLE_HINT,     COLOR_CYAN,    -1,           COLOR_CYAN,    COLOR_BLACK,  A_NORMAL) \
	X(ROLE_NUMBER,   COLOR_YELLOW,  -1,           COLOR_YELLOW,  COLOR_BLACK,  A_BOLD) \
	X(ROLE_FOCUS,    COLOR_BLACK,   COLOR_CYAN,   COLOR_BLACK,   COLOR_YELLOW, A_REVERSE) \
	X(ROLE_CHOSEN,   COLOR_GREEN,   -1,           COLOR_GREEN,   COLOR_BLACK,  A_BOLD) \
	X(ROLE_KEYBAR,   COLOR_BLACK,   COLOR_WHITE,  COLOR_BLACK,   COLOR_WHITE,  A_REVERSE) \
	X(ROLE_KEY,      COLOR_BLUE,    COLOR_WHITE,  COLOR_BLACK,   COLOR_YELLOW, A_REVERSE | A_BOLD) \
	X(ROLE_ERROR,    COLOR_RED,     -1,           COLOR_RED,     COLOR_WHITE,  A_BOLD) \
	X(ROLE_NOTICE,   COLOR_YELLOW,  -1,           COLOR_YELLOW,  COLOR_BLACK,  A_BOLD) \
	X(ROLE_LINK,     COLOR_CYAN,    -1,           COLOR_CYAN,    COLOR_BLACK,  A_UNDERLINE) \
	X(ROLE_BUTTON,   COLOR_BLACK,   COLOR_WHITE,  COLOR_BLACK,   COLOR_WHITE,  A_REVERSE) \
	X(ROLE_QR,       COLOR_BLACK,   COLOR_WHITE,  COLOR_BLACK,   COLOR_WHITE,  A_REVERSE) \
	X(ROLE_QR_DARK,  COLOR_WHITE,   COLOR_BLACK,  COLOR_WHITE,   COLOR_BLACK,  A_NORMAL)

/*
 * ROLE_QR is a QR code's paper and ink: black on white in every theme, so
 * that the code reads dark on light whatever the terminal's background.
 * Without colours its paper is the terminal's foreground (reverse video):
 * light on a dark screen.  ROLE_QR_DARK is a dark module drawn as a space.
 */
enum role {
#define X(name, fg, bg, hcfg, hcbg, mono) name,
	TTY_ROLES(X)
#undef X
	ROLE_COUNT
};

/* Minimum size at which the screens are laid out. */
#define TTY_MIN_COLS 80
#define TTY_MIN_LINES 24

enum tty_theme { TTY_THEME_DEFAULT, TTY_THEME_HIGH_CONTRAST, TTY_THEME_MONOCHROME };

/* Start curses; restore it at exit and from any signal.  The theme is
 * monochrome anyway when the terminal has no colours or NO_COLOR is set.
 * With raw, keys never raise signals or stop output (Ctrl-C, Ctrl-Z,
 * Ctrl-\, Ctrl-S, Ctrl-Q arrive as plain keys): for a kiosk. */
void tty_start(enum tty_theme, bool raw);
/* Whether the terminal of standard output can move the cursor (terminfo
 * "cup"): without it, as with TERM=dumb, curses draws nothing useful.
 * Call before tty_start; an unknown TERM counts as able here, as
 * tty_start reports it itself. */
bool tty_can_address(void);
/* Keys raw (kiosk, counter) or with the terminal's signals (plain). */
void tty_keys_raw(bool raw);
/* Clear the screen and the terminal's scrollback. */
void tty_wipe(void);
void tty_stop(void);
/* The curses attribute for a role. */
int tty_attr(enum role);
/* Set by SIGTERM, SIGHUP and SIGINT: the main loop ends cleanly. */
extern volatile sig_atomic_t tty_quit_signal;

#endif
