/*
 * screen-staff.c: the staff menu, after the PIN: quit, diagnostics,
 * switch between kiosk and counter mode, back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "assets.h"
#include "i18n.h"
#include "log.h"
#include "present.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

enum { STAFF_QUIT, STAFF_DIAGNOSTICS, STAFF_MODE, STAFF_BACK, STAFF_COUNT };

struct staff {
	struct list list;
	struct list_item items[STAFF_COUNT];
	bool diagnostics;
};

/* The backend check outlives no screen: its answer lands here. */
static struct {
	bool running;
	bool done;
	enum backend_error result;
	size_t services;
	long long started, took;
} probe;

static void *
staff_init(struct ui *ui)
{
	struct staff *st = xcalloc(1, sizeof *st);
	list_init(&st->list, 1);
	return st;
}

static void
staff_free(void *data)
{
	free(data);
}

static void
on_probe(void *arg, struct results *res, enum backend_error e)
{
	probe.running = false;
	probe.done = true;
	probe.result = e;
	probe.services = res->n;
	probe.took = now_ms() - probe.started;
	results_free(res);
	log_info("staff diagnostics: backend %s", e == BACKEND_OK ? "reachable" : "not reachable");
}

/* Ask the backend something harmless: a neutral rating, no filters. */
static void
start_probe(struct ui *ui)
{
	struct session *s = ui_session(ui);
	struct profile p;

	if (s->backend == NULL || probe.running)
		return;
	session_cancel(s);
	memset(&p, 0, sizeof p);
	p.lang = s->lang;
	p.age = -1;
	p.meter[DIM_LIFE_SATISFACTION][0] = 5;
	p.nmeter[DIM_LIFE_SATISFACTION] = 1;
	probe.running = true;
	probe.done = false;
	probe.started = now_ms();
	backend_recommend(s->backend, &p, "diagnostics", "", on_probe, NULL);
}

static void
build(struct ui *ui, struct staff *st)
{
	st->items[STAFF_QUIT].text = _("Quit Opastin");
	st->items[STAFF_DIAGNOSTICS].text = _("Diagnostics");
	st->items[STAFF_MODE].text = ui_mode(ui) == MODE_COUNTER ?
	    _("Switch to kiosk mode") : _("Switch to counter mode");
	st->items[STAFF_BACK].text = _("Back");
	for (int i = 0; i < STAFF_COUNT; i++)
		st->items[i].numbered = true;
}

static void
choose(struct ui *ui, struct staff *st, size_t which)
{
	switch (which) {
	case STAFF_QUIT:
		log_info("staff quit");
		ui_quit(ui);
		break;
	case STAFF_DIAGNOSTICS:
		st->diagnostics = true;
		start_probe(ui);
		break;
	case STAFF_MODE:
		ui_set_mode(ui, ui_mode(ui) == MODE_COUNTER ? MODE_KIOSK : MODE_COUNTER);
		ui_pop(ui);
		break;
	case STAFF_BACK:
		ui_pop(ui);
		break;
	}
}

static int
staff_key(struct ui *ui, void *data, int key)
{
	struct staff *st = data;

	build(ui, st);
	if (key == UI_KEY_ENTER) {
		choose(ui, st, st->list.focus);
		return UI_HANDLED;
	}
	return list_key(&st->list, st->items, STAFF_COUNT, key, 2) ? UI_HANDLED : UI_IGNORED;
}

static void
staff_click(struct ui *ui, void *data, int target)
{
	if (target >= 0 && target < STAFF_COUNT)
		choose(ui, data, (size_t)target);
}

static char *
file_date(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat sb;
	char buf[32] = "?";
	if (stat(path, &sb) == 0) {
		struct tm tm;
		localtime_r(&sb.st_mtime, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	}
	free(path);
	/* In the language's own form, as every date on the screens. */
	return present_date(buf);
}

static void
draw_diagnostics(struct ui *ui, int y, int x, int h, int w)
{
	struct session *s = ui_session(ui);
	struct doc d = { 0 };
	char *line;

	line = xasprintf("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
	doc_add_pair(&d, 0, 20, w, _("Version"), line);
	free(line);
	doc_add_pair(&d, 0, 20, w, _("Mode"), ui_mode(ui) == MODE_COUNTER ?
	    _("counter") : ui_mode(ui) == MODE_KIOSK ? _("kiosk") : _("plain"));
	/* The configuration refuses a user and password in backend_url;
	 * should one get through, staff still never see it here. */
	char *url = s->conf->backend_url ? net_url_redact(s->conf->backend_url) : NULL;
	if (s->backend == NULL)
		line = xstrdup(_("none: this kiosk's own catalogue only"));
	else if (probe.running)
		line = xstrdup(_("checking…"));
	else if (probe.done && probe.result == BACKEND_OK)
		/* TRANSLATORS: %1$s is a URL, %2$lld milliseconds. */
		line = xasprintf(_("%1$s: reachable, answered in %2$lld ms"), url, probe.took);
	else if (probe.done)
		line = xasprintf("%s: %s", url, backend_error_message(probe.result));
	else
		line = xstrdup(url);
	free(url);
	doc_add_pair(&d, 0, 20, w, _("Backend"), line);
	free(line);
	doc_add_pair(&d, 0, 20, w, _("Data language"), s->have_results ?
	    present_language(s->results.lang) : "–");
	doc_add_pair(&d, 0, 20, w, _("Assets"), s->assets->dir);
	char *q = file_date(s->assets->dir, "questions.json");
	char *c = file_date(s->assets->dir, "catalogue.json");
	char *checked = present_date(s->assets->cat.date);
	/* TRANSLATORS: %1$s and %3$s are dates of files, %2$s the date the
	   catalogue's facts were checked, each in the language's own form
	   (2.12.2026). */
	line = xasprintf(_("questions %1$s, catalogue %2$s (file %3$s)"), q, checked, c);
	free(checked);
	doc_add_pair(&d, 0, 20, w, _("Dates"), line);
	free(line);
	free(q);
	free(c);
	if (assets_have_register(s->assets)) {
		char *synced = present_date(s->assets->reg.date);
		char *who = present_coverage(&s->assets->reg, &s->assets->munis, i18n_current());
		/* TRANSLATORS: the cache of the national service register
		   that opastin --sync writes.  %1$zu is a number of services,
		   %2$s a date in the language's own form (2.12.2026), %3$s a
		   sentence on which citizens it serves. */
		line = xasprintf(_("%1$zu services, synced %2$s. %3$s"), s->assets->reg.n, synced, who);
		free(synced);
		free(who);
	} else
		line = xstrdup(_("none: the bundled catalogue serves every citizen"));
	/* TRANSLATORS: a label on the staff's diagnostics: the cache of
	   the national service register (palvelutietovaranto). */
	doc_add_pair(&d, 0, 20, w, _("Register"), line);
	free(line);
	doc_draw(ui, &d, y, x, h, w);
	doc_clear(&d);
}

static void
staff_draw(struct ui *ui, void *data)
{
	struct staff *st = data;
	int y, x, h, w;

	build(ui, st);
	ui_header(ui, _("Staff menu"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	list_draw(ui, &st->list, st->items, STAFF_COUNT, y, x, STAFF_COUNT, w);
	if (st->diagnostics)
		draw_diagnostics(ui, y + STAFF_COUNT + 1, x, h - STAFF_COUNT - 1, w);
}

static char *
staff_speak(struct ui *ui, void *data, bool whole)
{
	struct staff *st = data;

	build(ui, st);
	char *focus = list_utterance(&st->list, st->items, STAFF_COUNT);
	if (!whole)
		return focus;
	char *out = xasprintf("%s. %s", _("Staff menu"), focus ? focus : "");
	free(focus);
	return out;
}

const struct screen_ops screen_staff = {
	.name = "staff",
	.enter_label = N_("Select"),
	.tiny_ok = true,
	.init = staff_init,
	.free = staff_free,
	.key = staff_key,
	.click = staff_click,
	.draw = staff_draw,
	.speak = staff_speak,
};
