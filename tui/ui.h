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
/* Open the printing of count services of the results from first on,
 * which first says what the printout holds. */
void screen_print_open(struct ui *, size_t first, size_t count);

struct speech;
/* The ui borrows the speech (NULL: no speech at all). */
struct ui *ui_new(struct session *, struct speech *);
void ui_free(struct ui *);
/* Run until the program should end; returns the exit status. */
int ui_run(struct ui *);

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

/* The area below the header and above the message line and key bar. */
void ui_body(struct ui *, int *y, int *x, int *h, int *w);
/* The header: a title, and on the right e.g. "Question 3 of 7". */
void ui_header(struct ui *, const char *title, const char *right);
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

#endif
