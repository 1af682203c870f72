/*
 * screen-print.c: before printing, what the printout will hold (the
 * services and their contacts, the date and time, this place; none of
 * the citizen's answers), and a button to print it.  An overlay on the
 * results or the detail screen; the printing itself runs in ui.c while
 * the interface goes on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hours.h"
#include "i18n.h"
#include "print.h"
#include "text.h"
#include "ui.h"
#include "util.h"

struct printscreen {
	char *id;		/* one service (from its details), or NULL: all */
};

enum { TARGET_PRINT = 1 };

static struct {
	size_t first, count;
} print_pending;

void
screen_print_open(struct ui *ui, size_t first, size_t count)
{
	print_pending.first = first;
	print_pending.count = count;
	ui_push(ui, &screen_print);
}

static void *
prs_init(struct ui *ui)
{
	struct printscreen *p = xcalloc(1, sizeof *p);
	const struct results *res = &ui_session(ui)->results;
	if (print_pending.count == 1 && print_pending.first < res->n)
		p->id = xstrdup(res->v[print_pending.first].id);
	return p;
}

static void
prs_free(void *data)
{
	struct printscreen *p = data;
	free(p->id);
	free(p);
}

/* The services to print now: first and count; false when the one
 * service is no longer among the results. */
static bool
scope(struct ui *ui, struct printscreen *p, size_t *first, size_t *count)
{
	const struct results *res = &ui_session(ui)->results;

	*first = 0;
	*count = res->n;
	if (p->id == NULL)
		return res->n > 0;
	for (size_t i = 0; i < res->n; i++)
		if (strcmp(res->v[i].id, p->id) == 0) {
			*first = i;
			*count = 1;
			return true;
		}
	return false;
}

static void
print_now(struct ui *ui, struct printscreen *p)
{
	size_t first, count;

	if (!scope(ui, p, &first, &count))
		return;
	struct session *s = ui_session(ui);
	char *text = print_summary(&s->results, first, count, s->conf->site_name, hours_now());
	ui_pop(ui);	/* frees p */
	ui_print(ui, text);
	free(text);
}

static int
prs_key(struct ui *ui, void *data, int key)
{
	if (key == UI_KEY_ENTER || key == 'p') {
		print_now(ui, data);
		return UI_HANDLED;
	}
	return UI_IGNORED;
}

static void
prs_click(struct ui *ui, void *data, int target)
{
	if (target == TARGET_PRINT)
		print_now(ui, data);
}

/* What the printout holds, in words. */
static char *
holds(struct ui *ui, struct printscreen *p)
{
	size_t first, count;
	scope(ui, p, &first, &count);
	const char *site = ui_session(ui)->conf->site_name;
	char *what = p->id != NULL ?
	    /* TRANSLATORS: before printing one service. */
	    xstrdup(_("The printout will hold this service with its phone numbers and opening hours, web addresses and visiting addresses,")) :
	    /* TRANSLATORS: before printing the list of services; %zu is
	       how many. */
	    xasprintf(ngettext("The printout will hold the %zu service shown with its phone numbers and opening hours, web addresses and visiting addresses,",
		"The printout will hold the %zu services shown with their phone numbers and opening hours, web addresses and visiting addresses,", count), count);
	char *out = site != NULL ?
	    /* TRANSLATORS: after "The printout will hold ... addresses,":
	       %1$s is that sentence, %2$s the place of this kiosk (a
	       library, a service point). */
	    xasprintf(_("%1$s the date and time, and the name of this place, %2$s."), what, site) :
	    /* TRANSLATORS: after "The printout will hold ... addresses,":
	       %s is that sentence. */
	    xasprintf(_("%s and the date and time."), what);
	free(what);
	return out;
}

static void
prs_draw(struct ui *ui, void *data)
{
	struct printscreen *p = data;
	size_t first, count;
	int y, x, h, w;

	ui_body(ui, &y, &x, &h, &w);
	/* TRANSLATORS: the title of the screen before printing. */
	ui_header(ui, _("Print"), NULL);
	if (!scope(ui, p, &first, &count)) {
		ui_wrap(ui, y, x, w, 2, ROLE_NOTICE,
		    _("This service is not among the new suggestions. Press Esc to see them."));
		return;
	}
	char *what = holds(ui, p);
	int used = ui_wrap(ui, y, x, w, 4, ROLE_NORMAL, what);
	free(what);
	used += 1 + ui_wrap(ui, y + used + 1, x, w, 3, ROLE_NOTICE,
	    /* TRANSLATORS: before printing. */
	    _("None of your answers is printed."));
	/* TRANSLATORS: a button: print now. */
	char *button = xasprintf("[ %s ]", _("Print"));
	ui_put(ui, y + used + 1, x, w, ROLE_BUTTON, button);
	ui_hit(ui, y + used + 1, x, text_width(button), TARGET_PRINT);
	ui_cursor(ui, y + used + 1, x);
	free(button);
	(void)h;
}

static char *
prs_speak(struct ui *ui, void *data, bool whole)
{
	if (!whole)
		return NULL;
	char *what = holds(ui, data);
	char *out = xasprintf("%s %s %s", what, _("None of your answers is printed."),
	    /* TRANSLATORS: spoken on the screen before printing. */
	    _("Press Enter to print, or Esc to go back."));
	free(what);
	return out;
}

const struct screen_ops screen_print = {
	.name = "print",
	/* TRANSLATORS: on the key bar after "Enter": print now. */
	.enter_label = N_("Print"),
	.init = prs_init,
	.free = prs_free,
	.key = prs_key,
	.click = prs_click,
	.draw = prs_draw,
	.speak = prs_speak,
};
