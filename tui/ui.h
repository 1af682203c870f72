/*
 * ui.h: the screen manager and the main loop.
 *
 * Each screen is a table of functions over its own private state (see
 * struct screen_ops), like tmux's window modes.  Screens never change
 * what the citizen sees by themselves: key handlers change the model (the
 * session) or move between screens and return flags; ui_run() then draws
 * the top screen again when something is dirty.
 *
 * The loop waits on the terminal and the network together
 * (session_wait), so keys are answered while a request runs.
 *
 * Screens stack: a base screen (welcome, question, review, results) and
 * overlays on top (detail, help, the start-over confirmation).
 */
#ifndef OPASTIN_UI_H
#define OPASTIN_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"
#include "staff.h"
#include "tty.h"

/*
 * Keys: a Unicode code point for typed characters, or UI_FN(KEY_x) for
 * curses' function keys, which would otherwise overlap code points.
 */
#define UI_FN_BASE 0x200000
#define UI_FN(k) (UI_FN_BASE + (k))
#define UI_KEY_ESC 0x1b
#define UI_KEY_TAB '\t'
#define UI_KEY_ENTER '\r'

/* Backspace, however the terminal sends it: erases typed text, or goes
 * back where there is nothing to erase. */
#define UI_IS_ERASE(k) ((k) == UI_FN(KEY_BACKSPACE) || (k) == 0x7F || (k) == 0x08)

/* What a key handler did. */
#define UI_IGNORED 0
#define UI_HANDLED 1

struct ui;

struct screen_ops {
	const char *name;
	/* The verb on the key bar for Enter (a msgid), e.g. N_("Select"). */
	const char *enter_label;
	/* Whether Space means something here (it is then on the key bar). */
	bool space;
	/* The first screen: there is nothing to go back to. */
	bool no_back;
	/* Drawn even below the smallest layout (ui_layout's tiny): the
	 * staff's PIN and menu, short and needed to leave a kiosk. */
	bool tiny_ok;
	/* Optional: the two above for the state the screen is in now. */
	void (*keybar)(void *, const char **enter_label, bool *space);
	/* Create the private state.  May read the session. */
	void *(*init)(struct ui *);
	void (*free)(void *);
	/* A key; returns UI_HANDLED or UI_IGNORED (then the global keys
	 * Esc and Backspace, meaning back, are tried). */
	int (*key)(struct ui *, void *, int key);
	/* Go back (Esc, Backspace).  NULL: pop the overlay. */
	void (*back)(struct ui *, void *);
	/* A click on a target registered with ui_hit() while drawing. */
	void (*click)(struct ui *, void *, int target);
	/* Draw into the body area given by ui_body(). */
	void (*draw)(struct ui *, void *);
	/* What speech says (a new string, or NULL): with whole, all of the
	 * screen as it opens; else just the focused item, said again when
	 * it changes. */
	char *(*speak)(struct ui *, void *, bool whole);
};

/* The screens. */
extern const struct screen_ops screen_welcome;
extern const struct screen_ops screen_question;
extern const struct screen_ops screen_review;
extern const struct screen_ops screen_results;
extern const struct screen_ops screen_detail;
extern const struct screen_ops screen_help;
extern const struct screen_ops screen_confirm;
extern const struct screen_ops screen_search;
extern const struct screen_ops screen_about;
extern const struct screen_ops screen_idle;
extern const struct screen_ops screen_pin;
extern const struct screen_ops screen_staff;
extern const struct screen_ops screen_summary;
extern const struct screen_ops screen_qr;
extern const struct screen_ops screen_print;
/* The service focused on the results screen, given its state. */
size_t screen_results_focus(void *);
/* Open the QR code of service i of the session's results. */
void screen_qr_open(struct ui *, size_t i);
/* Whether a service has a contact that a QR code can hold (a web page or
 * a phone): the detail screen offers the code only then. */
bool screen_qr_offers(const struct service *);
/* Open the printing of count services of the results from first on,
 * which first says what the printout holds. */
void screen_print_open(struct ui *, size_t first, size_t count);

struct speech;
struct spawner;
/* The ui borrows the speech (NULL: no speech at all) and the helper that
 * runs print_command (spawner.h; NULL: nothing is printed). */
struct ui *ui_new(struct session *, struct speech *, struct spawner *);
void ui_free(struct ui *);
/*
 * What ui_run() does once the first screen is on the terminal (once):
 * the start-up work that the first screen does not need.  When fn fails
 * (-1 with *cause), ui_run() restores the terminal and returns -1 with
 * that cause, for the caller to print on a normal terminal.
 */
typedef int (*ui_later)(void *arg, char **cause);
void ui_after_first_screen(struct ui *, ui_later fn, void *arg);
/* Run until the program should end: 0, or -1 with *cause when the work
 * given to ui_after_first_screen() failed (the terminal is restored). */
int ui_run(struct ui *, char **cause);

struct session *ui_session(struct ui *);

/* Replace all screens by a new base screen. */
void ui_goto(struct ui *, const struct screen_ops *);
/* Put an overlay on top, or take the top one away. */
void ui_push(struct ui *, const struct screen_ops *);
void ui_pop(struct ui *);
/* The state of the screen under the top one (for overlays), or NULL. */
void *ui_below(struct ui *);
/* Ask for a redraw. */
void ui_dirty(struct ui *);
/* Start over from the welcome screen, wiping the session. */
void ui_start_over(struct ui *);
/* The base screen for the session as it is now (question, review, ...). */
void ui_follow_flow(struct ui *);

/* Kiosk, counter or plain: the staff menu can switch. */
enum conf_mode ui_mode(struct ui *);
void ui_set_mode(struct ui *, enum conf_mode);
/* End the program (the staff menu's "Quit", counter mode's F10). */
void ui_quit(struct ui *);
struct staff_guard *ui_staff_guard(struct ui *);
/* The idle timeout in ms (0: none), and what is left of it. */
long long ui_idle_timeout_ms(struct ui *);
long long ui_idle_left_ms(struct ui *);
/* "More time": double what is left of the idle time. */
void ui_more_time(struct ui *);

/* Whether print_command is set: only then is printing offered. */
bool ui_can_print(struct ui *);
/* Print a summary through print_command, without waiting for it; the
 * message line says when it is done or why it failed. */
void ui_print(struct ui *, const char *text);

/* Say something now (an error, a notice), when speech is on. */
void ui_say(struct ui *, const char *text);
bool ui_speech_on(struct ui *);
/* Whether there is speech to turn on at all. */
bool ui_speech_available(struct ui *);

/* Show a one-line message above the key bar until the next key; it is
 * also spoken. */
void ui_message(struct ui *, enum role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- Drawing, for screens' draw functions. ---- */

/*
 * The layout of the whole terminal, the one place for the rules of size
 * (computed in ui.c from LINES and COLS and the key bar of the top
 * screen), used by the frame and by every screen through ui_body():
 *
 *   - UI_MIN_COLS x UI_MIN_LINES (40x15) is the smallest size at which
 *     screens are drawn; below it (tiny) the body is a notice, and the
 *     key bar offers Esc, F10 and, in kiosk mode, F12;
 *   - row 0 is the header; a blank row follows it from 20 rows up;
 *   - the margin is 2 columns from 60 columns up, else 1; the column
 *     right of the body (body_x + body_w) is the scroll marks' own;
 *   - the message line is the row above the key bar;
 *   - the key bar takes the last row, or the last two when its keys do
 *     not fit in one even with short labels.
 */
#define UI_MIN_COLS 40
#define UI_MIN_LINES 15
struct layout {
	int lines, cols;
	bool tiny;		/* below UI_MIN_COLS x UI_MIN_LINES */
	int body_y, body_x, body_h, body_w;
	int gap;		/* blank rows between a screen's parts: 1 or 0 */
	int message_y;
	int keybar_y, keybar_rows;
};
const struct layout *ui_layout(struct ui *);

/* The area below the header and above the message line and key bar. */
void ui_body(struct ui *, int *y, int *x, int *h, int *w);
/* The header: a title, and on the right e.g. "Question 3 of 7". */
void ui_header(struct ui *, const char *title, const char *right);
/* A shorter form of the right part ("3/7"), for a narrow header. */
void ui_header_brief(struct ui *, const char *right);
/* Draw a string at (y, x) in a role, cut to w columns ("…" on a cut). */
void ui_put(struct ui *, int y, int x, int w, enum role, const char *s);
/* Draw wrapped text; returns the number of lines used (at most h). */
int ui_wrap(struct ui *, int y, int x, int w, int h, enum role, const char *s);
/* Lines text_wrap() would make. */
int ui_wrap_height(const char *s, int w);
/* For an overlay box: draw the screen under it first, unclickable. */
void ui_draw_below(struct ui *);
/* Register a clickable area for the top screen's click(). */
void ui_hit(struct ui *, int y, int x, int w, int target);
/* Put the hardware cursor here after drawing (the focused item), so that
 * a braille display or screen reader can follow the focus. */
void ui_cursor(struct ui *, int y, int x);
/* A scroll mark ("↑" above, "↓" below) at row y, in the column right of
 * an area that starts at x and is w wide: never on the area's text. */
void ui_scroll_mark(struct ui *, int y, int x, int w, bool up);

/* ---- Off-screen, for opastin --preview and its size test ---- */

/* Draw the top screen into curses' stdscr without sending it to the
 * terminal; with checking, every cell written twice in one layer, or
 * by a screen outside its body, or text dropped off the screen, is
 * recorded as a problem. */
void ui_render(struct ui *);
/* A key, as if typed. */
void ui_key(struct ui *, int key);
/* The screen on top. */
const struct screen_ops *ui_top(struct ui *);
void ui_set_checking(struct ui *, bool);
/* The problems found by the last ui_render, one per line ("" for none). */
const char *ui_problems(struct ui *);

#endif
