#include "config.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tty.h"

volatile sig_atomic_t tty_quit_signal;

static bool started;
static int attrs[ROLE_COUNT];

static const struct {
	short fg, bg, hcfg, hcbg;
	int mono;
} roles[ROLE_COUNT] = {
#define X(name, fg, bg, hcfg, hcbg, mono) [name] = { fg, bg, hcfg, hcbg, mono },
	TTY_ROLES(X)
#undef X
};

static void
on_quit(int sig)
{
	tty_quit_signal = sig;
}

/* A crash still leaves a usable terminal behind. */
static void
on_crash(int sig)
{
	if (started)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
restore_at_exit(void)
{
	tty_stop();
}

static void
setup_colours(enum tty_theme theme)
{
	const char *no_colour = getenv("NO_COLOR");
	bool colour = theme != TTY_THEME_MONOCHROME && has_colors() &&
	    (no_colour == NULL || *no_colour == '\0');

	if (colour) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!colour || COLORS < 8 || COLOR_PAIRS < ROLE_COUNT + 1) {
			attrs[r] = roles[r].mono;
			continue;
		}
		if (theme == TTY_THEME_HIGH_CONTRAST)
			init_pair((short)(r + 1), roles[r].hcfg, roles[r].hcbg);
		else
			init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
		attrs[r] = COLOR_PAIR(r + 1);
		/* Keep emphasis that is not colour. */
		attrs[r] |= roles[r].mono & (A_BOLD | A_UNDERLINE);
	}
}

bool
tty_can_address(void)
{
	int err;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return true;
	const char *cup = tigetstr("cup");
	bool can = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	return can;
}

void
tty_start(enum tty_theme theme, bool raw_keys)
{
	struct sigaction sa;
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	static const int quit[] = { SIGTERM, SIGHUP, SIGINT };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++)
		sigaction(quit[i], &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
	atexit(restore_at_exit);

	initscr();
	started = true;
	/* Esc means "back": do not make the citizen wait a second for it. */
	set_escdelay(25);
	if (raw_keys)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* Draw each frame whole, in as few writes as curses can: by default
	 * it looks for typed keys during an update (a poll of the terminal
	 * every few lines) and writes out what it has before each look,
	 * some 35 writes for the help screen.  The main loop reads every
	 * pending key before it draws, so there is no update to cut short. */
	typeahead(-1);
	/* The cursor stays where the focus is, for braille displays and
	 * screen readers; it is hidden from sight where the terminal can. */
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	setup_colours(theme);
	if (theme == TTY_THEME_HIGH_CONTRAST && has_colors())
		bkgd((chtype)tty_attr(ROLE_NORMAL));
	/*
	 * ncurses 6 writes out its buffer after every cursor movement of an
	 * update (some 32 writes for the help screen, each a wakeup of the
	 * terminal's reader) until the screen has once been left with
	 * endwin() and drawn again: its "initial" state is meant for
	 * programs that use only terminfo.  Leaving it here, before anything
	 * is drawn, makes every frame one write.
	 *
	 * endwin() also takes the keypad out of application mode, and the
	 * first refresh() does not put it back: only the first getch() would,
	 * after the assets are read, and an arrow key typed in between came
	 * in the terminal's other encoding and was lost.  keypad() sends the
	 * mode again at once.
	 */
	endwin();
	keypad(stdscr, TRUE);
}

void
tty_keys_raw(bool raw_keys)
{
	if (!started)
		return;
	if (raw_keys)
		raw();
	else {
		noraw();
		cbreak();
	}
}

void
tty_wipe(void)
{
	clear();
	refresh();
	/* E3: clear the scrollback too, where the terminal keeps one. */
	static const char e3[] = "\033[3J";
	ssize_t w = write(STDOUT_FILENO, e3, sizeof e3 - 1);
	(void)w;
}

void
tty_stop(void)
{
	if (!started)
		return;
	started = false;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
}

int
tty_attr(enum role r)
{
	return attrs[r];
}
