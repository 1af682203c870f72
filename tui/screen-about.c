/*
 * screen-about.c: "About these suggestions", in plain words: what is
 * sent and what is not, that nothing is stored, that the list is a
 * suggestion and not a decision, and where it came from.  An overlay,
 * reached from the results and from the help.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "present.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

struct about {
	struct doc doc;
};

static void *
about_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct about));
}

static void
about_free(void *data)
{
	struct about *ab = data;
	doc_clear(&ab->doc);
	free(ab);
}

static void
para(struct about *ab, int w, enum role role, const char *text)
{
	doc_add(&ab->doc, role, 0, w, text);
	doc_blank(&ab->doc);
}

static void
build(struct ui *ui, struct about *ab, int w)
{
	struct session *s = ui_session(ui);
	char *line;

	doc_clear(&ab->doc);
	para(ab, w, ROLE_TITLE, _("The list is a suggestion, not a decision"));
	para(ab, w, ROLE_NORMAL, _("The services are suggested by a computer program from your answers. The suggestion is not a decision about you or your rights: each service decides on its own benefits and help. The staff here can help you further."));

	para(ab, w, ROLE_TITLE, _("What is sent, and what is not"));
	if (s->backend != NULL) {
		para(ab, w, ROLE_NORMAL, _("This kiosk asks Finland's national service recommender (AuroraAI) for suggestions. It sends your ratings of your life situation from 0 to 10, the kinds of service your answers point to, your municipality, your age group as a group of people (such as \"young people\"), and a random number for this visit. Words you search for are sent as you typed them."));
		para(ab, w, ROLE_NORMAL, _("It does not send your name, your age in years, your answers as such, or anything else that tells who you are."));
	} else
		para(ab, w, ROLE_NORMAL, _("This kiosk sends nothing anywhere: it makes the suggestions itself, from its own catalogue of services."));

	para(ab, w, ROLE_TITLE, _("Nothing is stored"));
	para(ab, w, ROLE_NORMAL, _("Your answers are kept only while you use the kiosk. They are not saved, and they are wiped when you start over."));

	para(ab, w, ROLE_TITLE, _("Where these suggestions came from"));
	if (!s->have_results && s->backend != NULL)
		line = xstrdup(_("From the national service recommender, or from this kiosk's own catalogue when the recommender cannot be reached."));
	else if (s->have_results && s->results.source == SOURCE_BACKEND)
		line = xstrdup(_("From the national service recommender (AuroraAI)."));
	else if (s->have_results && s->results.from_register)
		/* The register's cache served this citizen's municipality. */
		line = present_source(&s->results);
	else {
		/* The bundled catalogue: national services and every
		 * county's own. */
		char *date = present_date(s->assets->cat.date);
		/* TRANSLATORS: %s is the date the catalogue's facts were
		   checked, in the language's own form (2.12.2026). */
		line = xasprintf(_("From this kiosk's own catalogue of services, checked %s."), date);
		free(date);
	}
	para(ab, w, ROLE_NORMAL, line);
	free(line);
}

static int
about_key(struct ui *ui, void *data, int key)
{
	struct about *ab = data;
	int y, x, h, w;

	ui_body(ui, &y, &x, &h, &w);
	build(ui, ab, w);
	return doc_key(&ab->doc, key, h) ? UI_HANDLED : UI_IGNORED;
}

static void
about_draw(struct ui *ui, void *data)
{
	struct about *ab = data;
	int y, x, h, w;

	ui_header(ui, _("About these suggestions"), NULL);
	ui_body(ui, &y, &x, &h, &w);
	build(ui, ab, w);
	doc_draw(ui, &ab->doc, y, x, h, w);
}

/* All of the text, in order. */
static char *
about_speak(struct ui *ui, void *data, bool whole)
{
	struct about *p = data;
	int y, x, h, w;

	if (!whole)
		return NULL;
	ui_body(ui, &y, &x, &h, &w);
	build(ui, p, w);
	return doc_utterance(&p->doc, _("About these suggestions."));
}

const struct screen_ops screen_about = {
	.name = "about",
	.init = about_init,
	.free = about_free,
	.key = about_key,
	.draw = about_draw,
	.speak = about_speak,
};
