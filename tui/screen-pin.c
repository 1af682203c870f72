/*
 * screen-pin.c: the staff PIN, after F12.  Digits show as dots; wrong
 * PINs lock the staff menu for longer and longer (staff.h).  The PIN is wiped from
 * memory as soon as it is checked.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log.h"
#include "staff.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct pin {
	struct field field;
};

static void *
pin_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct pin));
}

static void
pin_free(void *data)
{
	struct pin *p = data;
	field_clear(&p->field);
	free(p);
}

static void
check(struct ui *ui, struct pin *p)
{
	struct staff_guard *g = ui_staff_guard(ui);
	long long left;

	if (staff_locked(g, now_ms(), &left)) {
		field_clear(&p->field);
		return;
	}
	bool ok = staff_attempt(g, ui_session(ui)->conf->staff_pin_hash, p->field.text, now_ms());
	field_clear(&p->field);
	if (ok) {
		log_info("staff login");
		ui_pop(ui);
		ui_push(ui, &screen_staff);
		return;
	}
	log_warn("wrong staff PIN");
	if (staff_locked(g, now_ms(), NULL)) {
		long long min = g->lock_ms / 60000;
		log_warn("staff PIN locked for %lld minute%s after %d wrong PINs",
		    min, min == 1 ? "" : "s", g->failures);
	}
	ui_message(ui, ROLE_ERROR, "%s", _("Wrong PIN."));
}

static int
pin_key(struct ui *ui, void *data, int key)
{
	struct pin *p = data;

	if (key == UI_KEY_ENTER) {
		check(ui, p);
		return UI_HANDLED;
	}
	if (key >= '0' && key <= '9') {
		if (p->field.chars < STAFF_PIN_MAX)
			field_type(&p->field, (unsigned)key);
		return UI_HANDLED;
	}
	if (UI_IS_ERASE(key))
		return field_erase(&p->field) ? UI_HANDLED : UI_IGNORED;
	return UI_IGNORED;
}

static void
pin_draw(struct ui *ui, void *data)
{
	struct pin *p = data;
	int y, x, h, w;
	long long left;
	char dots[STAFF_PIN_MAX * 3 + 1] = "";

	ui_header(ui, _("Staff"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	if (staff_locked(ui_staff_guard(ui), now_ms(), &left)) {
		long long s = (left + 999) / 1000, min = (s + 59) / 60;
		/* TRANSLATORS: %lld is a number of seconds. */
		char *msg = s <= 60 ? xasprintf(_("Too many wrong PINs. Try again in %lld s."), s) :
		    /* TRANSLATORS: the staff menu is locked for longer than
		     * a minute; %lld is the minutes left, rounded up. */
		    xasprintf(ngettext("Too many wrong PINs. Try again in %lld minute.",
		    "Too many wrong PINs. Try again in %lld minutes.", (unsigned long)min), min);
		ui_wrap(ui, y, x, w, 3, ROLE_ERROR, msg);
		free(msg);
		return;
	}
	ui_wrap(ui, y, x, w, 2, ROLE_TITLE, _("Staff PIN, then Enter:"));
	for (size_t i = 0; i < p->field.chars; i++)
		strcat(dots, "•");
	ui_put(ui, y + 2, x, w, ROLE_FOCUS, p->field.chars ? dots : " ");
	ui_cursor(ui, y + 2, x + (int)p->field.chars);
}

/* Never the PIN itself: only how many digits there are. */
static char *
pin_speak(struct ui *ui, void *data, bool whole)
{
	struct pin *p = data;

	if (whole)
		return xstrdup(_("Staff PIN, then Enter:"));
	if (p->field.chars == 0)
		return NULL;
	/* TRANSLATORS: spoken as a staff PIN is typed; %zu counts digits. */
	return xasprintf(ngettext("%zu digit entered", "%zu digits entered", p->field.chars),
	    p->field.chars);
}

const struct screen_ops screen_pin = {
	.name = "pin",
	.enter_label = N_("Continue"),
	.tiny_ok = true,
	.init = pin_init,
	.free = pin_free,
	.key = pin_key,
	.draw = pin_draw,
	.speak = pin_speak,
};
