#include "config.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "log.h"
#include "print.h"
#include "speech.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define UI_MAX_DEPTH 8
#define UI_MAX_HITS 512
/* Wake up now and then even without input, so that a resize signal that
 * arrives just before poll() is never left waiting for a key. */
#define UI_POLL_MS 250
/* The wait after the first screen, before the rest of the start-up. */
#define UI_LATER_MS 2

/* Key bar targets are negative, so they never clash with a screen's. */
#define HIT_KEY(k) (-1 - (k))

struct frame {
	const struct screen_ops *ops;
	void *data;
	unsigned long serial;	/* new for every screen opened */
};

struct hit {
	int y, x, w, target;
	bool keybar;
};

struct ui {
	struct session *session;
	struct frame stack[UI_MAX_DEPTH];
	int depth;
	bool dirty;
	struct hit hits[UI_MAX_HITS];
	int nhits;
	int cursor_y, cursor_x;
	char *message;
	enum role message_role;
	char *title;
	char *right;
	char *right_brief;
	struct layout layout;
	/* The checks of ui_render (see ui_set_checking). */
	bool checking;
	bool in_body;		/* a screen's draw function is running */
	int layer;		/* overlays draw over the layer below */
	int put_serial;
	int *cells;		/* per cell: layer << 20 | the ui_put that wrote it */
	int ncells;
	char *problems;
	enum conf_mode mode;
	bool quit;
	struct speech *speech;		/* borrowed, may be NULL */
	unsigned long serial;		/* the last frame serial given */
	unsigned long spoken;		/* serial of the screen last announced, 0: none */
	enum lang spoken_lang;
	char *spoken_focus;		/* what was last said of its focus */
	bool speech_greeting;		/* say "Speech on." first */
	long long idle_deadline;	/* ms: when the session resets */
	int idle_factor;		/* 1, doubled by each "more time" */
	struct staff_guard staff;
	struct print_job print;		/* the printout being printed */
	ui_later later;			/* run once the first screen is drawn */
	void *later_arg;
};

static void idle_restart(struct ui *);

struct ui *
ui_new(struct session *s, struct speech *speech, struct spawner *helper)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	ui->session = s;
	ui->speech = speech;
	ui->print.spawner = helper;
	ui->dirty = true;
	ui->mode = s->conf->mode;
	ui->idle_factor = 1;
	idle_restart(ui);
	ui_goto(ui, &screen_welcome);
	return ui;
}

static void
pop_all(struct ui *ui)
{
	while (ui->depth > 0)
		ui_pop(ui);
}

void
ui_free(struct ui *ui)
{
	pop_all(ui);
	print_stop(&ui->print);
	wipe_free_str(ui->spoken_focus);
	free(ui->message);
	free(ui->title);
	free(ui->right);
	free(ui->right_brief);
	free(ui->cells);
	free(ui->problems);
	free(ui);
}

struct session *
ui_session(struct ui *ui)
{
	return ui->session;
}

void
ui_push(struct ui *ui, const struct screen_ops *ops)
{
	/* An overlay already open (help over about over help ...) is
	 * returned to, not stacked again. */
	for (int i = 1; i < ui->depth; i++) {
		if (ui->stack[i].ops == ops) {
			while (ui->depth > i + 1)
				ui_pop(ui);
			return;
		}
	}
	/* Room is always made: the idle warning must be able to open. */
	if (ui->depth == UI_MAX_DEPTH)
		ui_pop(ui);
	struct frame *f = &ui->stack[ui->depth++];
	f->ops = ops;
	f->data = NULL;
	/* Not the data pointer: a new screen's state may reuse the old
	 * one's address. */
	f->serial = ++ui->serial;
	f->data = ops->init ? ops->init(ui) : NULL;
	ui->dirty = true;
}

void
ui_pop(struct ui *ui)
{
	if (ui->depth == 0)
		return;
	struct frame *f = &ui->stack[--ui->depth];
	if (f->ops->free != NULL)
		f->ops->free(f->data);
	f->ops = NULL;
	f->data = NULL;
	ui->dirty = true;
}

void *
ui_below(struct ui *ui)
{
	return ui->depth >= 2 ? ui->stack[ui->depth - 2].data : NULL;
}

void
ui_goto(struct ui *ui, const struct screen_ops *ops)
{
	pop_all(ui);
	ui_push(ui, ops);
}

void
ui_dirty(struct ui *ui)
{
	ui->dirty = true;
}

void
ui_follow_flow(struct ui *ui)
{
	ui_goto(ui, ui->session->flow.at_review ? &screen_review : &screen_question);
}

void
ui_start_over(struct ui *ui)
{
	session_reset(ui->session);
	ui->idle_factor = 1;
	wipe_free_str(ui->spoken_focus);
	ui->spoken_focus = NULL;
	/* Speech goes back to the configured state for the next person. */
	if (ui->speech != NULL)
		speech_reset(ui->speech);
	ui_goto(ui, &screen_welcome);
	/* Nothing of the last citizen may stay on the terminal, scrollback
	 * included. */
	tty_wipe();
	ui->dirty = true;
}

enum conf_mode
ui_mode(struct ui *ui)
{
	return ui->mode;
}

void
ui_set_mode(struct ui *ui, enum conf_mode mode)
{
	ui->mode = mode;
	tty_keys_raw(mode != MODE_PLAIN);
	idle_restart(ui);
	log_info("mode changed to %s", mode == MODE_COUNTER ? "counter" :
	    mode == MODE_KIOSK ? "kiosk" : "plain");
}

void
ui_quit(struct ui *ui)
{
	ui->quit = true;
}

struct staff_guard *
ui_staff_guard(struct ui *ui)
{
	return &ui->staff;
}

/* ---- The idle timeout (kiosk and plain modes; never at a counter) ---- */

long long
ui_idle_timeout_ms(struct ui *ui)
{
	const struct conf *c = ui->session->conf;
	if (ui->mode == MODE_COUNTER || c->idle_timeout_s <= 0)
		return 0;
	/* Listening takes longer than reading: speech doubles the time. */
	long long factor = ui->idle_factor * (speech_active(ui->speech) ? 2 : 1);
	return c->idle_timeout_s * 1000LL * factor;
}

static void
idle_restart(struct ui *ui)
{
	ui->idle_deadline = now_ms() + ui_idle_timeout_ms(ui);
}

long long
ui_idle_left_ms(struct ui *ui)
{
	return ui_idle_timeout_ms(ui) > 0 ? ui->idle_deadline - now_ms() : 0;
}

void
ui_more_time(struct ui *ui)
{
	/* The timeout doubles for the rest of this citizen's session, as
	 * often as asked. */
	ui->idle_factor *= 2;
	idle_restart(ui);
	log_info("idle timeout extended to %lld s", ui_idle_timeout_ms(ui) / 1000);
}

/* ---- Printing: the command runs while the interface goes on ---- */

bool
ui_can_print(struct ui *ui)
{
	return ui->session->conf->print_command != NULL;
}

void
ui_print(struct ui *ui, const char *text)
{
	if (print_busy(&ui->print)) {
		/* TRANSLATORS: when the citizen asks to print again before
		   the first printout is done. */
		ui_message(ui, ROLE_NOTICE, "%s", _("Printing. Please wait a moment."));
		return;
	}
	if (!print_start(&ui->print, text)) {
		log_warn("print_command could not be started");
		char *why = print_outcome_text(PRINT_NOT_RUN, 0);
		ui_message(ui, ROLE_ERROR, "%s", why);
		free(why);
		return;
	}
	/* TRANSLATORS: while the printer command runs. */
	ui_message(ui, ROLE_NOTICE, "%s", _("Printing…"));
}

static void
print_tick(struct ui *ui)
{
	int status;
	enum print_outcome o = print_poll(&ui->print, now_ms(), &status);

	if (o == PRINT_RUNNING)
		return;
	if (o == PRINT_TIMED_OUT)
		log_warn("print_command did not finish within %d s: stopped", PRINT_TIMEOUT_MS / 1000);
	else if (o != PRINT_DONE)
		log_warn("print_command failed with status %d", status);
	char *msg = print_outcome_text(o, status);
	ui_message(ui, o == PRINT_DONE ? ROLE_NOTICE : ROLE_ERROR, "%s", msg);
	free(msg);
}

/* Anything of a citizen's on the screen or in the session. */
static bool
in_use(struct ui *ui)
{
	struct session *s = ui->session;
	return ui->stack[0].ops != &screen_welcome || ui->depth > 1 ||
	    s->lang != s->default_lang || flow_answered(&s->flow, QUEST_EVENT_QUESTION) ||
	    s->search[0] != '\0' || s->have_results || s->fetching;
}

static void
check_idle(struct ui *ui)
{
	long long timeout = ui_idle_timeout_ms(ui);
	const struct conf *c = ui->session->conf;

	if (timeout == 0 || !in_use(ui)) {
		idle_restart(ui);
		return;
	}
	long long left = ui_idle_left_ms(ui);
	if (left <= 0) {
		log_info("idle timeout: session reset");
		ui_start_over(ui);
		idle_restart(ui);
		return;
	}
	if (left <= c->idle_warning_s * 1000LL &&
	    ui->stack[ui->depth - 1].ops != &screen_idle) {
		ui_push(ui, &screen_idle);
		beep();	/* the warning is heard as well as seen */
	}
}

void
ui_message(struct ui *ui, enum role role, const char *fmt, ...)
{
	va_list ap;

	free(ui->message);
	va_start(ap, fmt);
	ui->message = xvasprintf(fmt, ap);
	va_end(ap);
	ui->message_role = role;
	ui->dirty = true;
	ui_say(ui, ui->message);
}

bool
ui_speech_available(struct ui *ui)
{
	return ui->speech != NULL;
}

bool
ui_speech_on(struct ui *ui)
{
	return speech_active(ui->speech);
}

void
ui_say(struct ui *ui, const char *text)
{
	speech_say(ui->speech, ui->session->lang, text);
}

/*
 * Speech follows the screen: a new screen (or language) is said whole;
 * otherwise the focused item is said whenever it changes.
 */
static void
announce(struct ui *ui)
{
	struct frame *top = &ui->stack[ui->depth - 1];
	struct session *s = ui->session;

	if (!speech_active(ui->speech) || top->ops->speak == NULL ||
	    (ui_layout(ui)->tiny && !top->ops->tiny_ok))
		return;
	bool fresh = top->serial != ui->spoken || s->lang != ui->spoken_lang;
	char *focus = top->ops->speak(ui, top->data, false);
	if (fresh) {
		char *whole = top->ops->speak(ui, top->data, true);
		if (ui->speech_greeting) {
			char *both = xasprintf("%s %s", _("Speech on."), whole ? whole : "");
			wipe_free_str(whole);
			whole = both;
			ui->speech_greeting = false;
		}
		speech_say(ui->speech, s->lang, whole);
		wipe_free_str(whole);
	} else if (focus != NULL && (ui->spoken_focus == NULL ||
	    strcmp(focus, ui->spoken_focus) != 0))
		speech_say(ui->speech, s->lang, focus);
	wipe_free_str(ui->spoken_focus);
	ui->spoken_focus = focus;
	ui->spoken = top->serial;
	ui->spoken_lang = s->lang;
}

/* The speech keys; true when key was one. */
static bool
speech_key(struct ui *ui, int key)
{
	struct session *s = ui->session;
	struct speech *sp = ui->speech;

	if (sp == NULL)
		return false;
	if (key == s->conf->speech_key || key == UI_FN(KEY_B2)) {
		bool on = speech_toggle(sp);
		if (!on)
			speech_say_always(sp, s->lang, _("Speech off."));
		else {
			/* The whole screen is said next, after this. */
			ui->spoken = 0;
			ui->speech_greeting = true;
		}
		/* The welcome screen's hint comes and goes; speech changes the
		 * idle time. */
		ui->dirty = true;
		idle_restart(ui);
		return true;
	}
	if (!speech_active(sp))
		return false;
	switch (key) {
	case UI_FN(KEY_F(6)):
		speech_repeat(sp);
		return true;
	case UI_FN(KEY_F(7)):
	case UI_FN(KEY_F(8)):
		speech_faster(sp, key == UI_FN(KEY_F(8)) ? 1 : -1);
		speech_say(sp, s->lang, key == UI_FN(KEY_F(8)) ? _("Faster.") : _("Slower."));
		return true;
	case UI_FN(KEY_F(9)):
	case UI_FN(KEY_F(11)):
		speech_louder(sp, key == UI_FN(KEY_F(11)) ? 1 : -1);
		speech_say(sp, s->lang, key == UI_FN(KEY_F(11)) ? _("Louder.") : _("Quieter."));
		return true;
	}
	return false;
}

/* ---- The key bar ---- */

/* The next language the kiosk offers, for F2. */
static enum lang
next_lang(const struct ui *ui, enum lang l)
{
	unsigned offered = ui->session->conf->languages;
	for (int i = 1; i <= LANG_COUNT; i++) {
		enum lang next = (enum lang)((l + i) % LANG_COUNT);
		if (offered & (1u << next))
			return next;
	}
	return l;
}

#define KEYBAR_MAX 10

struct keybar_item {
	int key;
	const char *name;
	const char *label;	/* translated */
	const char *brief;	/* translated short form, for a narrow bar */
};

/* How the key bar is laid out: on how many rows, with which separator,
 * and which labels take their short form. */
struct keybar_plan {
	struct keybar_item items[KEYBAR_MAX];
	size_t n;
	int rows;
	const char *sep;
	bool brief[KEYBAR_MAX];
	int row_of[KEYBAR_MAX];
	int label_max;		/* labels are cut to this, with "…" */
};

/* The short form of a key bar label, for a narrow screen. */
static const char *
brief_label(const char *msgid)
{
	/* Each short form is its own message in the context "key bar,
	 * short", so that translators can make it shorter than the long
	 * one; the long one stands when there is room. */
	if (strcmp(msgid, "Select") == 0)
		/* TRANSLATORS: the short form of "Select" on the key bar of a
		   narrow screen (40 columns): at most 8 columns. */
		return C_("key bar, short", "Select");
	if (strcmp(msgid, "Continue") == 0)
		/* TRANSLATORS: the short form of "Continue" on the key bar of
		   a narrow screen (40 columns): at most 8 columns. */
		return C_("key bar, short", "Next");
	if (strcmp(msgid, "Open") == 0)
		/* TRANSLATORS: the short form of "Open" (a service's details)
		   on the key bar of a narrow screen: at most 8 columns. */
		return C_("key bar, short", "Open");
	if (strcmp(msgid, "Search") == 0)
		/* TRANSLATORS: the short form of "Search" on the key bar of a
		   narrow screen (40 columns): at most 8 columns. */
		return C_("key bar, short", "Search");
	if (strcmp(msgid, "About the suggestions") == 0)
		/* TRANSLATORS: the short form of "About the suggestions" on
		   the key bar of a narrow screen: at most 8 columns. */
		return C_("key bar, short", "About");
	return _(msgid);
}

static void
keybar_add(struct keybar_plan *p, int key, const char *name, const char *label,
    const char *brief)
{
	if (p->n == KEYBAR_MAX)
		return;
	p->items[p->n++] = (struct keybar_item){ key, name, label, brief };
}

/* The keys of the top screen, the most needed first: Enter and Space,
 * Esc, F1, F2, F10, then F4 at a counter.  Below the smallest layout
 * only Esc, F10 and the staff's F12 work. */
static void
keybar_items(struct ui *ui, struct keybar_plan *p, bool tiny)
{
	const struct frame *top = &ui->stack[ui->depth - 1];
	const char *enter = top->ops->enter_label;
	bool space = top->ops->space;

	p->n = 0;
	if (top->ops->keybar != NULL)
		top->ops->keybar(top->data, &enter, &space);
	if (tiny && !top->ops->tiny_ok)
		enter = NULL, space = false;
	if (enter != NULL)
		keybar_add(p, UI_KEY_ENTER, "Enter", _(enter), brief_label(enter));
	/*
	 * The widest bar, on a multi question: "Enter Continue · Space Tick
	 * · Esc Back · F1 Help · F2 Svenska · F10 Start over".  Where it is
	 * wider than the screen, the longest labels take their short forms,
	 * then the bar takes two rows; only then are labels cut.
	 */
	if (space)
		/* TRANSLATORS: on the key bar: "Space" names the space bar,
		   "Tick" says that it ticks a box.  At 80 columns the labels
		   after Enter, Space, Esc, F1 and F10 and the name "Space"
		   share about 40 columns; longer ones take their short forms
		   ("key bar, short"). */
		keybar_add(p, ' ', _("Space"), _("Tick"),
		    /* TRANSLATORS: the short form of "Tick" on the key bar
		       of a narrow screen: at most 8 columns. */
		    C_("key bar, short", "Tick"));
	if (!top->ops->no_back || tiny)
		/* TRANSLATORS: on the key bar after "Esc": go to the previous
		   screen.  At 80 columns the labels after Enter, Space, Esc,
		   F1 and F10 and the name "Space" share about 40 columns;
		   longer ones take their short forms ("key bar, short"). */
		keybar_add(p, UI_KEY_ESC, "Esc", _("Back"),
		    /* TRANSLATORS: the short form of "Back" on the key bar of
		       a narrow screen: at most 8 columns. */
		    C_("key bar, short", "Back"));
	if (!tiny) {
		/* TRANSLATORS: on the key bar after "F1": open the help.  At
		   80 columns the labels after Enter, Space, Esc, F1 and F10
		   and the name "Space" share about 40 columns. */
		keybar_add(p, UI_FN(KEY_F(1)), "F1", _("Help"),
		    /* TRANSLATORS: the short form of "Help" on the key bar of
		       a narrow screen: at most 8 columns. */
		    C_("key bar, short", "Help"));
		/* The next language is named in its own language, for its
		 * readers. */
		const char *next = lang_native_name(next_lang(ui, ui->session->lang));
		keybar_add(p, UI_FN(KEY_F(2)), "F2", next, next);
	}
	/* TRANSLATORS: on the key bar after "F10": clear all answers.  At 80
	   columns the labels after Enter, Space, Esc, F1 and F10 and the
	   name "Space" share about 40 columns ("Aloita alusta" fits). */
	keybar_add(p, UI_FN(KEY_F(10)), "F10", _("Start over"),
	    /* TRANSLATORS: the short form of "Start over" on the key bar of
	       a narrow screen: at most 8 columns. */
	    C_("key bar, short", "Restart"));
	if (ui->mode == MODE_COUNTER && !tiny)
		/* TRANSLATORS: on the key bar after "F4", in counter mode:
		   the citizen's answers in full sentences, for staff. */
		keybar_add(p, UI_FN(KEY_F(4)), "F4", _("Summary"),
		    /* TRANSLATORS: the short form of "Summary" on the key bar
		       of a narrow screen: at most 8 columns. */
		    C_("key bar, short", "Answers"));
	if (tiny && ui->mode == MODE_KIOSK && ui->session->conf->staff_pin_hash != NULL)
		/* TRANSLATORS: on the key bar of a window too small to use,
		   after "F12": the staff's way in.  At most 8 columns. */
		keybar_add(p, UI_FN(KEY_F(12)), "F12", C_("key bar, short", "Staff"),
		    C_("key bar, short", "Staff"));
}

static int
item_width(const struct keybar_plan *p, size_t i)
{
	int lw = text_width(p->brief[i] ? p->items[i].brief : p->items[i].label);
	if (lw > p->label_max)
		lw = p->label_max;
	return text_width(p->items[i].name) + 1 + lw;
}

/* Lay the items out on rows rows (1 or 2) of cols; true when they fit. */
static bool
keybar_fits(struct keybar_plan *p, int rows, int cols)
{
	int sw = text_width(p->sep), x = 0, row = 0;
	for (size_t i = 0; i < p->n; i++) {
		int w = item_width(p, i);
		int need = x == 0 ? w : x + sw + w;
		if (need > cols) {
			if (++row >= rows || w > cols)
				return false;
			need = w;
		}
		p->row_of[i] = row;
		x = need;
	}
	p->rows = rows;
	return true;
}

static void
keybar_plan(struct ui *ui, struct keybar_plan *p, bool tiny, int cols, int lines)
{
	static const char *seps[] = { " · ", "  " };

	keybar_items(ui, p, tiny);
	p->label_max = 1000;
	int max_rows = lines >= UI_MIN_LINES ? 2 : 1;
	for (int rows = 1; rows <= max_rows; rows++)
		for (size_t s = 0; s < nitems(seps); s++) {
			p->sep = seps[s];
			/* The longest labels take their short forms first. */
			memset(p->brief, 0, sizeof p->brief);
			for (size_t k = 0; k <= p->n; k++) {
				if (keybar_fits(p, rows, cols))
					return;
				size_t longest = p->n;
				for (size_t i = 0; i < p->n; i++)
					if (!p->brief[i] && (longest == p->n ||
					    text_width(p->items[i].label) > text_width(p->items[longest].label)))
						longest = i;
				if (longest < p->n)
					p->brief[longest] = true;
			}
		}
	/* Still too wide: cut the labels, with "…". */
	for (p->label_max = 12; p->label_max > 1; p->label_max--)
		if (keybar_fits(p, max_rows, cols))
			return;
	keybar_fits(p, max_rows, 1 << 20);
}

/* ---- The layout ---- */

static void
compute_layout(struct ui *ui, struct keybar_plan *kb)
{
	struct layout *l = &ui->layout;
	const struct frame *top = &ui->stack[ui->depth - 1];

	l->lines = LINES;
	l->cols = COLS;
	l->tiny = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	keybar_plan(ui, kb, l->tiny, COLS, LINES);
	l->keybar_rows = LINES >= 2 ? kb->rows : 0;
	l->keybar_y = LINES - l->keybar_rows;
	l->message_y = l->keybar_y - 1;
	int margin = COLS >= 60 ? 2 : 1;
	l->gap = LINES >= 20 ? 1 : 0;
	l->body_x = margin;
	l->body_w = COLS - 2 * margin;
	if (l->tiny && !top->ops->tiny_ok) {
		/* The notice, from the top row. */
		l->body_y = 0;
		l->body_x = COLS > 2 ? 1 : 0;
		l->body_w = COLS - 2 * l->body_x;
		l->body_h = l->keybar_y;
		l->gap = 0;
		return;
	}
	l->body_y = 1 + l->gap;
	l->body_h = l->message_y - l->body_y;
	if (l->body_h < 1)
		l->body_h = 1;
}

const struct layout *
ui_layout(struct ui *ui)
{
	struct keybar_plan kb;
	compute_layout(ui, &kb);
	return &ui->layout;
}

/* ---- Drawing helpers ---- */

void
ui_body(struct ui *ui, int *y, int *x, int *h, int *w)
{
	const struct layout *l = ui_layout(ui);
	*y = l->body_y;
	*x = l->body_x;
	*h = l->body_h;
	*w = l->body_w;
}

void
ui_header(struct ui *ui, const char *title, const char *right)
{
	free(ui->title);
	free(ui->right);
	ui->title = xstrdup(title);
	ui->right = right ? xstrdup(right) : NULL;
}

void
ui_header_brief(struct ui *ui, const char *right)
{
	free(ui->right_brief);
	ui->right_brief = right ? xstrdup(right) : NULL;
}

static void
problem(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
problem(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *line = xvasprintf(fmt, ap);
	va_end(ap);
	char *all = xasprintf("%s%s\n", ui->problems ? ui->problems : "", line);
	free(line);
	free(ui->problems);
	ui->problems = all;
}

/* The checks of one ui_put of fit (already cut to its width) at (y, x). */
static void
check_put(struct ui *ui, int y, int x, const char *fit, const char *whole)
{
	const struct layout *l = &ui->layout;
	int id = ++ui->put_serial;
	int w = text_width(fit);

	if (w == 0)
		return;
	if (ui->in_body && (y < l->body_y || y >= l->body_y + l->body_h ||
	    x < l->body_x || x + w > l->body_x + l->body_w + 1))
		problem(ui, "row %d col %d: \"%s\" is outside the body (rows %d-%d, cols %d-%d)",
		    y, x, fit, l->body_y, l->body_y + l->body_h - 1, l->body_x,
		    l->body_x + l->body_w);
	size_t n = strlen(fit);
	const char *p = fit;
	int cx = x;
	unsigned int cp;
	while (n > 0) {
		size_t len = utf8_decode(p, n, &cp);
		int cw = cp_width(cp);
		for (int k = 0; k < cw; k++, cx++) {
			if (cp == ' ' || cx < 0 || cx >= COLS)
				continue;
			int *c = &ui->cells[y * COLS + cx];
			if (*c != 0 && (*c >> 20) == ui->layer && (*c & 0xFFFFF) != id)
				problem(ui, "row %d col %d: \"%s\" is drawn over other text",
				    y, cx, whole);
			*c = ui->layer << 20 | id;
		}
		p += len;
		n -= len;
	}
}

void
ui_put(struct ui *ui, int y, int x, int w, enum role role, const char *s)
{
	if (w <= 0)
		return;
	if (y < 0 || y >= LINES || x >= COLS) {
		if (ui->checking && *s != '\0')
			problem(ui, "row %d col %d: \"%s\" is off the screen", y, x, s);
		return;
	}
	if (x + w > COLS)
		w = COLS - x;
	char *fit = text_fit(s, w);
	if (ui->checking)
		check_put(ui, y, x, fit, s);
	attrset(tty_attr(role));
	mvaddstr(y, x, fit);
	attrset(A_NORMAL);
	free(fit);
}

int
ui_wrap(struct ui *ui, int y, int x, int w, int h, enum role role, const char *s)
{
	struct lines l;
	int n = 0;

	text_wrap(s, w, &l);
	for (size_t i = 0; i < l.n && n < h; i++, n++) {
		/* The last line that fits says when more text is cut off. */
		if (n == h - 1 && i + 1 < l.n) {
			char *more = xasprintf("%s …", l.v[i]);
			ui_put(ui, y + n, x, w, role, more);
			free(more);
		} else
			ui_put(ui, y + n, x, w, role, l.v[i]);
	}
	lines_free(&l);
	return n;
}

int
ui_wrap_height(const char *s, int w)
{
	struct lines l;
	text_wrap(s, w, &l);
	int n = (int)l.n;
	lines_free(&l);
	return n;
}

static void
add_hit(struct ui *ui, int y, int x, int w, int target, bool keybar)
{
	if (ui->nhits == UI_MAX_HITS)
		return;
	struct hit *h = &ui->hits[ui->nhits++];
	h->y = y;
	h->x = x;
	h->w = w;
	h->target = target;
	h->keybar = keybar;
}

void
ui_hit(struct ui *ui, int y, int x, int w, int target)
{
	add_hit(ui, y, x, w, target, false);
}

void
ui_cursor(struct ui *ui, int y, int x)
{
	ui->cursor_y = y;
	ui->cursor_x = x;
}

void
ui_scroll_mark(struct ui *ui, int y, int x, int w, bool up)
{
	ui_put(ui, y, x + w, 1, ROLE_HINT, up ? "↑" : "↓");
}

/* ---- The frame around every screen ---- */

static void
draw_keybar(struct ui *ui, const struct keybar_plan *p)
{
	const struct layout *l = &ui->layout;
	int sw = text_width(p->sep);

	if (l->keybar_rows == 0)
		return;
	attrset(tty_attr(ROLE_KEYBAR));
	for (int r = 0; r < l->keybar_rows; r++)
		mvhline(l->keybar_y + r, 0, ' ', COLS);
	int x = 0, row = -1;
	for (size_t i = 0; i < p->n; i++) {
		int y = l->keybar_y + p->row_of[i];
		if (p->row_of[i] != row) {
			row = p->row_of[i];
			x = 0;
		} else {
			ui_put(ui, y, x, sw, ROLE_KEYBAR, p->sep);
			x += sw;
		}
		int start = x;
		const char *label = p->brief[i] ? p->items[i].brief : p->items[i].label;
		int nw = text_width(p->items[i].name);
		int lw = text_width(label);
		if (lw > p->label_max)
			lw = p->label_max;
		ui_put(ui, y, x, nw, ROLE_KEY, p->items[i].name);
		x += nw + 1;
		ui_put(ui, y, x, lw, ROLE_KEYBAR, label);
		x += lw;
		add_hit(ui, y, start, x - start, p->items[i].key, true);
	}
	attrset(A_NORMAL);
}

/* The header: the title on the left, and on the right the markers (a
 * counter, speech) and the screen's own part (progress, a count).  The
 * title is the essential part: "Opastin · " goes first, then the right
 * part takes its brief form, then it is cut; the title keeps at least
 * half of the row. */
static void
draw_header(struct ui *ui)
{
	char *markers = NULL;

	if (ui->mode == MODE_COUNTER)
		/* TRANSLATORS: in the header in counter mode, where staff
		   help a citizen at a service counter: fi "Palvelutiski",
		   sv "Disk".  At most 14 columns. */
		markers = xstrdup(_("Counter"));
	if (ui_speech_available(ui)) {
		const char *sp = ui_speech_on(ui) ?
		    /* TRANSLATORS: in the header while speech is on: fi "Puhe
		       päällä", sv "Tal på".  At most 14 columns. */
		    _("Speech on") :
		    /* TRANSLATORS: in the header while speech is off (it can be
		       turned on): fi "Puhe pois", sv "Tal av".  At most 14
		       columns. */
		    _("Speech off");
		char *m = markers ? xasprintf("%s · %s", markers, sp) : xstrdup(sp);
		free(markers);
		markers = m;
	}
	const char *parts[2] = { ui->right, ui->right_brief ? ui->right_brief : ui->right };
	char *right[2];
	for (int i = 0; i < 2; i++) {
		if (markers && parts[i])
			right[i] = xasprintf("%s · %s", markers, parts[i]);
		else
			right[i] = xstrdup(markers ? markers : parts[i] ? parts[i] : "");
	}
	char *full = xasprintf("Opastin%s%s", ui->title ? " · " : "", ui->title ? ui->title : "");
	const char *bare = ui->title ? ui->title : "Opastin";
	int avail = COLS - 2;

	attrset(tty_attr(ROLE_HEADER));
	mvhline(0, 0, ' ', COLS);
	attrset(A_NORMAL);
	const char *title = full;
	const char *rt = right[0];
	int rw = text_width(rt);
	if (text_width(full) + (rw ? rw + 2 : 0) > avail) {
		title = bare;
		if (text_width(bare) + (rw ? rw + 2 : 0) > avail) {
			rt = right[1];
			rw = text_width(rt);
		}
	}
	int tw = text_width(title);
	if (tw + (rw ? rw + 2 : 0) > avail) {
		/* The title keeps at least half; the right part is cut. */
		int keep = tw < avail / 2 ? tw : avail / 2;
		if (rw > avail - keep - 2)
			rw = avail - keep - 2 > 0 ? avail - keep - 2 : 0;
		tw = avail - (rw ? rw + 2 : 0);
	}
	ui_put(ui, 0, 1, tw, ROLE_HEADER, title);
	if (rw > 0)
		ui_put(ui, 0, COLS - rw - 1, rw, ROLE_HEADER, rt);
	free(full);
	free(right[0]);
	free(right[1]);
	free(markers);
}

static void
draw_frame(struct ui *ui, const struct keybar_plan *kb)
{
	const struct layout *l = &ui->layout;

	if (!l->tiny || ui->stack[ui->depth - 1].ops->tiny_ok)
		draw_header(ui);
	if (ui->message && l->message_y > 0)
		ui_put(ui, l->message_y, l->body_x, l->body_w, ui->message_role, ui->message);
	draw_keybar(ui, kb);
}

static void
draw_too_small(struct ui *ui)
{
	const struct layout *l = &ui->layout;
	char *msg = xasprintf(
	    /* TRANSLATORS: %1$d x %2$d is the smallest size, %3$d x %4$d the
	       current size of the window, in columns and rows.  Shown on a
	       window smaller than 40x15, so keep it short. */
	    _("Please make this window larger: at least %1$d×%2$d is needed, it is now %3$d×%4$d."),
	    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	ui_wrap(ui, l->body_y, l->body_x, l->body_w, l->body_h, ROLE_NOTICE, msg);
	free(msg);
}

static void
check_reset(struct ui *ui)
{
	free(ui->problems);
	ui->problems = NULL;
	ui->layer = 1;
	ui->put_serial = 0;
	if (ui->ncells != LINES * COLS) {
		free(ui->cells);
		ui->ncells = LINES * COLS;
		ui->cells = xcalloc(ui->ncells > 0 ? (size_t)ui->ncells : 1, sizeof *ui->cells);
	}
	memset(ui->cells, 0, (size_t)ui->ncells * sizeof *ui->cells);
}

static void
render(struct ui *ui)
{
	struct frame *top = &ui->stack[ui->depth - 1];
	struct keybar_plan kb;

	erase();
	ui->nhits = 0;
	ui->cursor_y = ui->cursor_x = 0;
	check_reset(ui);
	compute_layout(ui, &kb);
	free(ui->title);
	free(ui->right);
	free(ui->right_brief);
	ui->title = ui->right = ui->right_brief = NULL;
	ui->in_body = true;
	if (ui->layout.tiny && !top->ops->tiny_ok)
		draw_too_small(ui);
	else
		top->ops->draw(ui, top->data);
	ui->in_body = false;
	ui->layer++;
	draw_frame(ui, &kb);
}

static void
draw(struct ui *ui)
{
	render(ui);
	move(ui->cursor_y, ui->cursor_x);
	refresh();
	ui->dirty = false;
}

void
ui_render(struct ui *ui)
{
	render(ui);
	ui->dirty = false;
}

void
ui_set_checking(struct ui *ui, bool on)
{
	ui->checking = on;
}

const char *
ui_problems(struct ui *ui)
{
	return ui->problems ? ui->problems : "";
}

void
ui_draw_below(struct ui *ui)
{
	if (ui->depth < 2)
		return;
	struct frame *below = &ui->stack[ui->depth - 2];
	below->ops->draw(ui, below->data);
	ui->nhits = 0;
	/* The overlay draws over what is below: no overlap. */
	ui->layer++;
}

/* ---- Input ---- */

static void dispatch(struct ui *, int key);

static void
click(struct ui *ui, int y, int x)
{
	for (int i = ui->nhits - 1; i >= 0; i--) {
		struct hit *h = &ui->hits[i];
		if (y != h->y || x < h->x || x >= h->x + h->w)
			continue;
		if (h->keybar) {
			dispatch(ui, h->target);
			return;
		}
		struct frame *top = &ui->stack[ui->depth - 1];
		if (top->ops->click != NULL)
			top->ops->click(ui, top->data, h->target);
		ui->dirty = true;
		return;
	}
}

static bool
is_back_key(int key)
{
	return key == UI_KEY_ESC || UI_IS_ERASE(key);
}

static void
dispatch(struct ui *ui, int key)
{
	struct frame *top = &ui->stack[ui->depth - 1];
	struct session *s = ui->session;

	if (key == UI_FN(KEY_RESIZE)) {
		ui->dirty = true;
		return;
	}
	idle_restart(ui);
	if (speech_key(ui, key))
		return;
	/* Any key answers the idle warning: the session goes on. */
	if (top->ops == &screen_idle && key != UI_FN(KEY_MOUSE)) {
		if (top->ops->key(ui, top->data, key) != UI_HANDLED)
			ui_pop(ui);
		ui->dirty = true;
		return;
	}
	if (key == UI_FN(KEY_MOUSE)) {
		MEVENT ev;
		if (getmouse(&ev) == OK &&
		    (ev.bstate & (BUTTON1_CLICKED | BUTTON1_RELEASED)))
			click(ui, ev.y, ev.x);
		return;
	}
	if (ui->message != NULL) {
		free(ui->message);
		ui->message = NULL;
		ui->dirty = true;
	}
	if (ui_layout(ui)->tiny && !top->ops->tiny_ok) {
		/* Nothing can be read at this size: only the keys on its key
		 * bar work.  F10 starts over at once, as its question could
		 * not be shown either. */
		if (key == UI_FN(KEY_F(10))) {
			ui_start_over(ui);
			return;
		}
		if (key == UI_FN(KEY_F(12)) && ui->mode == MODE_KIOSK &&
		    s->conf->staff_pin_hash != NULL) {
			ui_push(ui, &screen_pin);
			return;
		}
		if (key == UI_KEY_ESC) {
			if (top->ops->back != NULL)
				top->ops->back(ui, top->data);
			else if (ui->depth > 1)
				ui_pop(ui);
			ui->dirty = true;
		}
		return;
	}
	switch (key) {
	case UI_FN(KEY_F(1)):
		if (top->ops == &screen_help)
			ui_pop(ui);
		else
			ui_push(ui, &screen_help);
		return;
	case UI_FN(KEY_F(2)):
		session_set_lang(s, next_lang(ui, s->lang));
		ui->dirty = true;
		return;
	case UI_FN(KEY_F(10)):
		if (top->ops != &screen_confirm)
			ui_push(ui, &screen_confirm);
		return;
	case UI_FN(KEY_F(12)):
		/* Staff access, where a PIN is configured. */
		if (s->conf->staff_pin_hash != NULL && top->ops != &screen_pin &&
		    top->ops != &screen_staff)
			ui_push(ui, &screen_pin);
		return;
	case UI_FN(KEY_F(4)):
		if (ui->mode == MODE_COUNTER && top->ops != &screen_summary)
			ui_push(ui, &screen_summary);
		return;
	}
	if (top->ops->key != NULL && top->ops->key(ui, top->data, key) == UI_HANDLED) {
		ui->dirty = true;
		return;
	}
	if (is_back_key(key)) {
		if (top->ops->back != NULL)
			top->ops->back(ui, top->data);
		else if (ui->depth > 1)
			ui_pop(ui);
		ui->dirty = true;
	}
}

static int
read_key(int *key)
{
	wint_t wch;
	int rc = wget_wch(stdscr, &wch);

	if (rc == ERR)
		return -1;
	*key = rc == KEY_CODE_YES ? UI_FN((int)wch) : (int)wch;
	if (*key == '\n')
		*key = UI_KEY_ENTER;
	if (*key == UI_FN(KEY_ENTER))
		*key = UI_KEY_ENTER;
	return 0;
}

/* The terminal went away (a closed pty, a hung-up line). */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

void
ui_after_first_screen(struct ui *ui, ui_later fn, void *arg)
{
	ui->later = fn;
	ui->later_arg = arg;
}

int
ui_run(struct ui *ui, char **cause)
{
	struct session *s = ui->session;

	const struct conf *c = s->conf;
	tty_start(c->theme == THEME_HIGH_CONTRAST ? TTY_THEME_HIGH_CONTRAST :
	    c->theme == THEME_MONOCHROME ? TTY_THEME_MONOCHROME : TTY_THEME_DEFAULT,
	    ui->mode != MODE_PLAIN);
	while (!tty_quit_signal && !ui->quit) {
		unsigned generation = s->generation;
		if (ui->dirty) {
			draw(ui);
			announce(ui);
		}
		/* The terminal and the network together: keys are answered
		 * while a request runs. */
		session_wait(s, STDIN_FILENO, ui->later != NULL ? UI_LATER_MS : UI_POLL_MS);
		if (ui->later != NULL) {
			/* The first screen was written, and the wait above let
			 * the kernel pass it on to the terminal (a pty hands
			 * it over in a worker that a busy program would hold
			 * up).  Now the rest of the start-up, before any key
			 * is read: keys typed meanwhile wait in the terminal. */
			ui_later later = ui->later;
			ui->later = NULL;
			if (later(ui->later_arg, cause) < 0) {
				tty_stop();
				return -1;
			}
		}
		session_run(s);
		int key;
		/* Also after a timeout or signal: a resize arrives as a key. */
		while (read_key(&key) == 0)
			dispatch(ui, key);
		speech_tick(ui->speech);
		print_tick(ui);
		check_idle(ui);
		/* A reply changed the model (say the screen anew), the spinner
		 * turns, or a countdown runs. */
		if (s->generation != generation)
			ui->spoken = 0;
		if (s->generation != generation || s->fetching ||
		    ui->stack[ui->depth - 1].ops == &screen_idle ||
		    ui->stack[ui->depth - 1].ops == &screen_pin ||
		    ui->stack[ui->depth - 1].ops == &screen_staff)
			ui->dirty = true;
		if (terminal_gone())
			break;
	}
	tty_stop();
	return 0;
}

void
ui_key(struct ui *ui, int key)
{
	dispatch(ui, key);
}

const struct screen_ops *
ui_top(struct ui *ui)
{
	return ui->stack[ui->depth - 1].ops;
}
