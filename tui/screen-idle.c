/*
 * screen-idle.c: "Are you still there?", with a countdown.  Any key goes
 * on with the session; "More time" doubles the idle time for the rest of
 * the session.  When the countdown ends, the main loop resets the session.
 * The warning is also heard: the main loop rings the bell as it opens.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "i18n.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

enum { IDLE_CONTINUE, IDLE_MORE_TIME, IDLE_COUNT };

struct idle {
	struct list list;
	struct list_item items[IDLE_COUNT];
};

static void *
idle_init(struct ui *ui)
{
	struct idle *id = xcalloc(1, sizeof *id);
	list_init(&id->list, 1);
	return id;
}

static void
idle_free(void *data)
{
	free(data);
}

static void
build(struct idle *id)
{
	id->items[IDLE_CONTINUE].text = _("Continue");
	id->items[IDLE_MORE_TIME].text = _("More time");
	for (int i = 0; i < IDLE_COUNT; i++)
		id->items[i].numbered = true;
}

static void
choose(struct ui *ui, size_t which)
{
	if (which == IDLE_MORE_TIME)
		ui_more_time(ui);
	ui_pop(ui);
}

/* Every key answers the warning; only the choice of "More time" is more
 * than going on. */
static int
idle_key(struct ui *ui, void *data, int key)
{
	struct idle *id = data;

	build(id);
	if (key == '2' || (key == UI_KEY_ENTER && id->list.focus == IDLE_MORE_TIME)) {
		choose(ui, IDLE_MORE_TIME);
		return UI_HANDLED;
	}
	if (key == UI_FN(KEY_DOWN) || key == UI_FN(KEY_UP) || key == UI_KEY_TAB) {
		list_key(&id->list, id->items, IDLE_COUNT, key, 1);
		return UI_HANDLED;
	}
	return UI_IGNORED;	/* the manager closes the warning */
}

static void
idle_click(struct ui *ui, void *data, int target)
{
	if (target >= 0 && target < IDLE_COUNT)
		choose(ui, (size_t)target);
}

static void
idle_draw(struct ui *ui, void *data)
{
	struct idle *id = data;
	int y, x, h, w;
	long long left = ui_idle_left_ms(ui);

	build(id);
	ui_body(ui, &y, &x, &h, &w);
	ui_header(ui, _("Are you still there?"), NULL);
	/* TRANSLATORS: %lld is the number of seconds before the answers are
	   cleared. */
	char *msg = xasprintf(ngettext("Your answers will be cleared in %lld second.",
	    "Your answers will be cleared in %lld seconds.", (left + 999) / 1000),
	    (left + 999) / 1000);
	int used = ui_wrap(ui, y, x, w, 3, ROLE_NOTICE, msg);
	free(msg);
	used += ui_wrap(ui, y + used, x, w, 3, ROLE_NORMAL,
	    _("Press any key to go on, or choose More time if you need longer."));
	list_draw(ui, &id->list, id->items, IDLE_COUNT, y + used + 1, x, h - used - 1, w);
}

static char *
idle_speak(struct ui *ui, void *data, bool whole)
{
	struct idle *id = data;
	long long secs = (ui_idle_left_ms(ui) + 999) / 1000;

	build(id);
	char *focus = list_utterance(&id->list, id->items, IDLE_COUNT);
	if (!whole)
		return focus;
	char *msg = xasprintf(ngettext("Your answers will be cleared in %lld second.",
	    "Your answers will be cleared in %lld seconds.", secs), secs);
	char *out = xasprintf("%s %s %s %s", _("Are you still there?"), msg,
	    _("Press any key to go on, or choose More time if you need longer."), focus ? focus : "");
	free(msg);
	free(focus);
	return out;
}

const struct screen_ops screen_idle = {
	.name = "idle",
	.enter_label = N_("Select"),
	.no_back = true,
	.init = idle_init,
	.free = idle_free,
	.key = idle_key,
	.click = idle_click,
	.draw = idle_draw,
	.speak = idle_speak,
};
