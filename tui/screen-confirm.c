/*
 * screen-confirm.c: "Start over?", a box over the current screen.
 * Enter on "Yes" wipes the session; Esc or "No" goes back unharmed.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

enum { CONFIRM_NO, CONFIRM_YES, CONFIRM_QUIT, CONFIRM_COUNT };

struct confirm {
	struct list list;
	struct list_item items[CONFIRM_COUNT];
	size_t n;	/* Quit is offered only at a counter */
};

static void *
confirm_init(struct ui *ui)
{
	struct confirm *c = xcalloc(1, sizeof *c);
	list_init(&c->list, 1);
	c->list.focus = CONFIRM_NO;	/* the safe choice */
	return c;
}

static void
confirm_free(void *data)
{
	free(data);
}

static void
choose(struct ui *ui, size_t which)
{
	if (which == CONFIRM_YES)
		ui_start_over(ui);
	else if (which == CONFIRM_QUIT)
		ui_quit(ui);
	else
		ui_pop(ui);
}

static void
build(struct ui *ui, struct confirm *c)
{
	c->items[CONFIRM_NO].text = _("No, keep my answers");
	c->items[CONFIRM_YES].text = _("Yes, start over");
	c->items[CONFIRM_QUIT].text = _("Quit Opastin");
	c->n = ui_mode(ui) == MODE_COUNTER ? CONFIRM_COUNT : CONFIRM_QUIT;
	for (int i = 0; i < CONFIRM_COUNT; i++)
		c->items[i].numbered = true;
}

static int
confirm_key(struct ui *ui, void *data, int key)
{
	struct confirm *c = data;

	build(ui, c);
	if (key == UI_KEY_ENTER) {
		choose(ui, c->list.focus);
		return UI_HANDLED;
	}
	return list_key(&c->list, c->items, c->n, key, 1) ? UI_HANDLED : UI_IGNORED;
}

static void
confirm_click(struct ui *ui, void *data, int target)
{
	struct confirm *c = data;
	if (target >= 0 && (size_t)target < c->n)
		choose(ui, (size_t)target);
}

static void
confirm_draw(struct ui *ui, void *data)
{
	struct confirm *c = data;
	int y, x, h, w;

	ui_draw_below(ui);
	build(ui, c);
	ui_body(ui, &y, &x, &h, &w);
	int bw = w < 60 ? w : 60, bh = 6 + (int)c->n - 1;
	int by = y + (h - bh) / 2, bx = x + (w - bw) / 2;
	attrset(tty_attr(ROLE_NORMAL));
	for (int r = 0; r < bh; r++)
		mvhline(by + r, bx, ' ', bw);
	mvaddstr(by, bx, "┌");
	mvaddstr(by, bx + bw - 1, "┐");
	mvaddstr(by + bh - 1, bx, "└");
	mvaddstr(by + bh - 1, bx + bw - 1, "┘");
	for (int i = 1; i < bw - 1; i++) {
		mvaddstr(by, bx + i, "─");
		mvaddstr(by + bh - 1, bx + i, "─");
	}
	for (int r = 1; r < bh - 1; r++) {
		mvaddstr(by + r, bx, "│");
		mvaddstr(by + r, bx + bw - 1, "│");
	}
	int used = ui_wrap(ui, by + 1, bx + 2, bw - 4, 3, ROLE_TITLE,
	    _("Start over? All your answers will be cleared."));
	list_draw(ui, &c->list, c->items, c->n, by + 2 + used, bx + 2,
	    bh - 3 - used, bw - 4);
}

static char *
confirm_speak(struct ui *ui, void *data, bool whole)
{
	struct confirm *c = data;

	build(ui, c);
	char *focus = list_utterance(&c->list, c->items, c->n);
	if (!whole)
		return focus;
	char *out = xasprintf("%s %s", _("Start over? All your answers will be cleared."),
	    focus ? focus : "");
	free(focus);
	return out;
}

const struct screen_ops screen_confirm = {
	.name = "confirm",
	.enter_label = N_("Select"),
	.init = confirm_init,
	.free = confirm_free,
	.key = confirm_key,
	.click = confirm_click,
	.draw = confirm_draw,
	.speak = confirm_speak,
};
