/*
 * screen-qr.c: a QR code of one contact of a service, for the citizen's
 * phone to read: the service's main web page in the interface's
 * language, else its phone as a tel: URI.  ←/→ or Tab choose another
 * contact.  An overlay on the detail screen.
 *
 * It first says what the code will hold (only that contact, nothing of
 * the citizen's answers); Enter then shows the code at the largest scale
 * that fits, with the contact's label beside or under it.
 *
 * Colours: the code is drawn in ROLE_QR, black on white, so that it
 * reads dark on light on a dark and on a light terminal alike.  Without
 * colours ROLE_QR is reverse video: the light modules and the quiet zone
 * take the terminal's foreground, which reads right on a dark screen
 * (the usual kiosk console).  The issue asked for reverse-video spaces
 * there; half blocks in reverse video draw the same modules at half the
 * size, so the code still fits 80×24, and spaces are kept for terminals
 * that cannot show the block characters.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "qr.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* Columns the text beside the code needs at least. */
#define QR_TEXT_MIN 30

struct contact {
	char *label;	/* "Web page: Kela", "Phone" */
	char *value;	/* the address or number as the detail screen shows it */
	char *uri;	/* what the code holds */
};

struct qrscreen {
	char *id;		/* the service, looked up again by id */
	size_t choice;		/* the contact chosen */
	bool shown;		/* the citizen has seen what it holds */
	struct contact *v;
	size_t n;
};

enum { TARGET_SHOW = 1, TARGET_PREV = 2, TARGET_NEXT = 3 };

static size_t qr_pending = (size_t)-1;

void
screen_qr_open(struct ui *ui, size_t i)
{
	qr_pending = i;
	ui_push(ui, &screen_qr);
}

bool
screen_qr_offers(const struct service *s)
{
	for (size_t i = 0; i < s->nch; i++)
		if (s->ch[i].nweb > 0 || s->ch[i].nphones > 0)
			return true;
	return false;
}

static void *
qrs_init(struct ui *ui)
{
	struct qrscreen *q = xcalloc(1, sizeof *q);
	const struct results *res = &ui_session(ui)->results;
	if (qr_pending < res->n)
		q->id = xstrdup(res->v[qr_pending].id);
	qr_pending = (size_t)-1;
	return q;
}

static void
drop_contacts(struct qrscreen *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->v[i].label);
		free(q->v[i].value);
		free(q->v[i].uri);
	}
	free(q->v);
	q->v = NULL;
	q->n = 0;
}

static void
qrs_free(void *data)
{
	struct qrscreen *q = data;
	drop_contacts(q);
	free(q->id);
	free(q);
}

static void
add(struct qrscreen *q, const struct channel *c, char *value, char *uri)
{
	char *cname = c->name ? present_fallback(c->name, c->name_in) : NULL;
	q->v = xreallocarray(q->v, q->n + 1, sizeof *q->v);
	q->v[q->n].label = cname ?
	    xasprintf("%s: %s", present_channel_type(c->type), cname) :
	    xstrdup(present_channel_type(c->type));
	q->v[q->n].value = value;
	q->v[q->n].uri = uri;
	q->n++;
	free(cname);
}

/* The contacts of the service as it is in the results now (a language
 * change makes them anew): web pages in the interface's language first,
 * the first of them the main one; then phones; then web pages in other
 * languages.  Returns false when the service is gone. */
static bool
build(struct ui *ui, struct qrscreen *q)
{
	const struct results *res = &ui_session(ui)->results;
	const struct service *s = NULL;

	drop_contacts(q);
	for (size_t i = 0; i < res->n && q->id != NULL; i++)
		if (strcmp(res->v[i].id, q->id) == 0)
			s = &res->v[i];
	if (s == NULL)
		return false;
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < s->nch; i++) {
			const struct channel *c = &s->ch[i];
			if (pass == 1) {
				for (size_t k = 0; k < c->nphones; k++)
					add(q, c, present_phone(c, k, res->lang),
					    qr_tel_uri(c->phones[k]));
				continue;
			}
			for (size_t k = 0; k < c->nweb; k++) {
				int wl = c->web_lang != NULL ? c->web_lang[k] : -1;
				bool own = wl < 0 || wl == (int)res->lang;
				if (own == (pass == 0))
					add(q, c, present_web(c, k, res->lang), xstrdup(c->web[k]));
			}
		}
	}
	if (q->choice >= q->n)
		q->choice = 0;
	return true;
}

static void
move_choice(struct qrscreen *q, int by)
{
	if (q->n > 0)
		q->choice = (size_t)(((long)q->choice + by + (long)q->n) % (long)q->n);
}

static int
qrs_key(struct ui *ui, void *data, int key)
{
	struct qrscreen *q = data;

	if (!build(ui, q))
		return UI_IGNORED;
	switch (key) {
	case UI_KEY_ENTER:
	case 'q':
		q->shown = true;
		return UI_HANDLED;
	case UI_FN(KEY_RIGHT):
	case UI_KEY_TAB:
		move_choice(q, 1);
		return UI_HANDLED;
	case UI_FN(KEY_LEFT):
	case UI_FN(KEY_BTAB):
		move_choice(q, -1);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void
qrs_click(struct ui *ui, void *data, int target)
{
	struct qrscreen *q = data;

	if (!build(ui, q))
		return;
	if (target == TARGET_SHOW)
		q->shown = true;
	else if (target == TARGET_PREV || target == TARGET_NEXT)
		move_choice(q, target == TARGET_NEXT ? 1 : -1);
}

/* The chosen contact, and the other choices; returns the rows used. */
static int
draw_contact(struct ui *ui, struct qrscreen *q, int y, int x, int w, int h)
{
	const struct contact *c = &q->v[q->choice];
	int used = 0;

	ui_put(ui, y, x, w, ROLE_TITLE, c->label);
	ui_cursor(ui, y, x);
	used++;
	used += ui_wrap(ui, y + used, x, w, h - used > 2 ? 2 : h - used,
	    strncmp(c->uri, "tel:", 4) == 0 ? ROLE_NORMAL : ROLE_LINK, c->value);
	if (q->n > 1 && used < h) {
		/* TRANSLATORS: under the QR code, when a service has several
		   contacts: the arrow keys or Tab show the code of another. */
		const char *hint = _("← → or Tab: another contact");
		ui_put(ui, y + used, x, w, ROLE_HINT, hint);
		/* The arrows can be touched too. */
		ui_hit(ui, y + used, x, 1, TARGET_PREV);
		ui_hit(ui, y + used, x + 2, 1, TARGET_NEXT);
		used++;
	}
	return used;
}

static void
draw_code(struct ui *ui, const struct lines *l, enum qr_glyphs g, int y, int x, int cols)
{
	for (size_t r = 0; r < l->n; r++) {
		if (g == QR_HALF_BLOCKS) {
			ui_put(ui, y + (int)r, x, cols, ROLE_QR, l->v[r]);
			continue;
		}
		/* Runs of dark and light modules, as spaces in two roles. */
		const char *p = l->v[r];
		int at = 0;
		while (p[at] != '\0') {
			int run = 0;
			char kind = p[at];
			while (p[at + run] == kind)
				run++;
			char *spaces = xasprintf("%*s", run, "");
			ui_put(ui, y + (int)r, x + at, run,
			    kind == '#' ? ROLE_QR_DARK : ROLE_QR, spaces);
			free(spaces);
			at += run;
		}
	}
}

static void
draw_shown(struct ui *ui, struct qrscreen *q, int y, int x, int h, int w)
{
	const struct contact *c = &q->v[q->choice];
	enum qr_glyphs g = qr_terminal_has_blocks() ? QR_HALF_BLOCKS : QR_SPACES;
	struct qr code;
	int below = 0, beside = 0;

	/* Error correction M where it fits, else L: a smaller code. */
	for (int robust = 1; robust >= 0; robust--) {
		if (qr_encode(c->uri, robust, &code) < 0)
			break;
		below = qr_fit(&code, g, w, h - 3);
		beside = qr_fit(&code, g, w - 2 - QR_TEXT_MIN, h);
		if (below > 0 || beside > 0)
			break;
		qr_free(&code);
	}
	if (below == 0 && beside == 0) {
		int used = ui_wrap(ui, y, x, w, 4, ROLE_NOTICE,
		    /* TRANSLATORS: when the window is too small for the QR
		       code; the contact follows. */
		    _("There is no room for the code in this window. Make the window larger, or write down the contact:"));
		draw_contact(ui, q, y + used + 1, x, w, h - used - 1);
		return;
	}
	int scale = below >= beside ? below : beside;
	struct lines l;
	qr_render(&code, g, scale, &l);
	int cols = qr_cols(&code, g, scale), rows = qr_rows(&code, g, scale);
	draw_code(ui, &l, g, y, x, cols);
	if (below >= beside)
		draw_contact(ui, q, y + rows, x, w, h - rows);
	else
		draw_contact(ui, q, y, x + cols + 2, w - cols - 2, h);
	lines_free(&l);
	qr_free(&code);
}

static void
draw_notice(struct ui *ui, struct qrscreen *q, int y, int x, int h, int w)
{
	int used = ui_wrap(ui, y, x, w, 4, ROLE_NORMAL,
	    /* TRANSLATORS: before the QR code is shown. */
	    _("A QR code takes a contact of this service to your phone: point the phone's camera at the code."));
	used += 1 + ui_wrap(ui, y + used + 1, x, w, 3, ROLE_NOTICE,
	    /* TRANSLATORS: before the QR code is shown: what it holds. */
	    _("The code holds only this contact, nothing of your answers:"));
	used += 1 + draw_contact(ui, q, y + used + 1, x + 2, w - 2, 4);
	/* TRANSLATORS: a button: show the QR code now. */
	char *show = xasprintf("[ %s ]", _("Show the QR code"));
	ui_put(ui, y + used + 1, x, w, ROLE_BUTTON, show);
	ui_hit(ui, y + used + 1, x, text_width(show), TARGET_SHOW);
	free(show);
	(void)h;
}

static void
qrs_draw(struct ui *ui, void *data)
{
	struct qrscreen *q = data;
	int y, x, h, w;

	ui_body(ui, &y, &x, &h, &w);
	bool there = build(ui, q);
	char *pos = there && q->n > 1 ? xasprintf(_("%1$zu of %2$zu"), q->choice + 1, q->n) : NULL;
	/* TRANSLATORS: the title of the screen with a QR code. */
	ui_header(ui, _("QR code"), pos);
	free(pos);
	if (!there) {
		ui_wrap(ui, y, x, w, 2, ROLE_NOTICE,
		    _("This service is not among the new suggestions. Press Esc to see them."));
		return;
	}
	if (q->n == 0) {
		ui_wrap(ui, y, x, w, 2, ROLE_NOTICE,
		    /* TRANSLATORS: a service with no web page or phone. */
		    _("This service has no web address or phone number for a QR code."));
		return;
	}
	if (q->shown)
		draw_shown(ui, q, y, x, h, w);
	else
		draw_notice(ui, q, y, x, h, w);
}

static char *
qrs_speak(struct ui *ui, void *data, bool whole)
{
	struct qrscreen *q = data;

	if (!build(ui, q) || q->n == 0)
		return NULL;
	const struct contact *c = &q->v[q->choice];
	if (!whole || q->shown)
		return xasprintf("%s. %s.", c->label, c->value);
	return xasprintf("%s %s %s. %s.",
	    _("A QR code takes a contact of this service to your phone: point the phone's camera at the code."),
	    _("The code holds only this contact, nothing of your answers:"), c->label, c->value);
}

static void
qrs_keybar(void *data, const char **enter, bool *space)
{
	struct qrscreen *q = data;
	/* TRANSLATORS: on the key bar after "Enter": show the QR code.
	   The labels after Enter, Esc, F1 and F10 share 49 columns of the
	   key bar. */
	*enter = q->shown ? NULL : N_("Show");
	*space = false;
}

const struct screen_ops screen_qr = {
	.name = "qr",
	.keybar = qrs_keybar,
	.init = qrs_init,
	.free = qrs_free,
	.key = qrs_key,
	.click = qrs_click,
	.draw = qrs_draw,
	.speak = qrs_speak,
};
