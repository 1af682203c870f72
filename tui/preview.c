/*
 * preview.c: every screen rendered off-screen, as plain text files.
 *
 * The screens draw into curses' stdscr as always; here stdscr belongs
 * to a terminal made with newterm() on /dev/null, resized to each size,
 * and never refreshed.  A fixed walk of keys (the same for every size
 * and language) brings each screen up, so the files are the same from
 * run to run: the bundled assets, no backend, OPASTIN_NOW fixed.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include "preview.h"
#include "session.h"
#include "text.h"
#include "ui.h"
#include "util.h"

struct preview {
	struct ui *ui;
	struct session *s;
	char *dir;		/* DIR/COLSxROWS/LANG */
	int n;			/* files written */
	FILE *problems;
	int failed;		/* errno of a failed write, or 0 */
};

static int
make_dir(const char *path)
{
	char *p = xstrdup(path);
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*q = '/';
	}
	int rc = mkdir(p, 0777) < 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

/* stdscr as text, one line per row, trailing spaces dropped. */
static void
dump(FILE *f)
{
	wchar_t *row = xcalloc((size_t)COLS + 1, sizeof *row);

	for (int y = 0; y < LINES; y++) {
		char *line = xcalloc((size_t)COLS * 4 + 1, 1), *o = line;
		int n = mvwinnwstr(stdscr, y, 0, row, COLS);
		for (int i = 0; i < n && row[i] != L'\0'; i++)
			o += utf8_encode((unsigned int)row[i], o);
		*o = '\0';
		while (o > line && o[-1] == ' ')
			*--o = '\0';
		fprintf(f, "%s\n", line);
		free(line);
	}
	free(row);
}

/* Render the top screen into NN-name.txt. */
static void
shot(struct preview *p, const char *name)
{
	ui_render(p->ui);
	char *path = xasprintf("%s/%02d-%s.txt", p->dir, ++p->n, name);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		p->failed = errno;
		free(path);
		return;
	}
	dump(f);
	if (fclose(f) != 0)
		p->failed = errno;
	const char *problems = ui_problems(p->ui);
	for (const char *l = problems; *l;) {
		size_t len = strcspn(l, "\n");
		fprintf(p->problems, "%02d-%s: %.*s\n", p->n, name, (int)len, l);
		l += len + (l[len] == '\n');
	}
	free(path);
}

static void
keys(struct preview *p, const int *k)
{
	for (; *k; k++)
		ui_key(p->ui, *k);
}

static void
type(struct preview *p, const char *text)
{
	for (; *text; text++)
		ui_key(p->ui, (unsigned char)*text);
}

static const char *
qtype_name(enum qtype t)
{
	switch (t) {
	case Q_SINGLE:
		return "question-single";
	case Q_MULTI:
		return "question-multi";
	case Q_SCALE:
		return "question-meter";
	case Q_NUMBER:
		return "question-number";
	case Q_MUNICIPALITY:
		return "question-municipality";
	}
	return "question";
}

/* The service among the results with the most ways to reach it, for
 * the detail screen. */
static size_t
richest_service(const struct results *res)
{
	size_t best = 0, most = 0;
	for (size_t i = 0; i < res->n; i++) {
		size_t ways = 0;
		for (size_t c = 0; c < res->v[i].nch; c++)
			ways += res->v[i].ch[c].nphones + res->v[i].ch[c].nweb;
		if (ways > most) {
			most = ways;
			best = i;
		}
	}
	return best;
}

/* The walk: every screen once, in the order a citizen meets them. */
static void
walk(struct preview *p)
{
	struct session *s = p->s;
	const struct quest *quest = &s->assets->quest;
	bool seen[Q_MUNICIPALITY + 1] = { false };

	shot(p, "welcome");
	keys(p, (const int[]){ UI_KEY_ENTER, 0 });
	shot(p, "question-event");
	/* Starting a business (the twelfth event) meets every type of
	 * question: single and multiple choice, a number, meters and the
	 * municipality. */
	keys(p, (const int[]){ '1', '2', UI_KEY_ENTER, 0 });
	for (int step = 0; step < 40 && ui_top(p->ui) == &screen_question; step++) {
		const struct question *q = &quest->q[s->flow.cur];
		if (!seen[q->type]) {
			seen[q->type] = true;
			shot(p, qtype_name(q->type));
		}
		switch (q->type) {
		case Q_SINGLE:
			keys(p, (const int[]){ UI_KEY_ENTER, 0 });
			break;
		case Q_MULTI:
			/* Tick the first and third boxes, then go on. */
			keys(p, (const int[]){ ' ', UI_FN(KEY_DOWN), UI_FN(KEY_DOWN), ' ', 0 });
			shot(p, "question-multi-ticked");
			keys(p, (const int[]){ UI_FN(KEY_END), UI_KEY_ENTER, 0 });
			break;
		case Q_SCALE:
			keys(p, (const int[]){ '7', UI_KEY_ENTER, 0 });
			break;
		case Q_NUMBER:
			/* A number too large: the error, then one that fits. */
			type(p, "999999");
			keys(p, (const int[]){ UI_KEY_ENTER, 0 });
			shot(p, "question-number-error");
			for (int i = 0; i < 6; i++)
				keys(p, (const int[]){ UI_FN(KEY_BACKSPACE), 0 });
			type(p, "4");
			keys(p, (const int[]){ UI_KEY_ENTER, 0 });
			break;
		case Q_MUNICIPALITY:
			type(p, "tukholma");
			shot(p, "question-municipality-none");
			for (int i = 0; i < 8; i++)
				keys(p, (const int[]){ UI_FN(KEY_BACKSPACE), 0 });
			type(p, "ii");
			shot(p, "question-municipality-typed");
			keys(p, (const int[]){ UI_KEY_ENTER, 0 });
			break;
		}
	}
	shot(p, "review");
	keys(p, (const int[]){ UI_KEY_ENTER, 0 });
	shot(p, "results");
	/* A long list, scrolled: the marks above and below. */
	keys(p, (const int[]){ UI_FN(KEY_DOWN), UI_FN(KEY_DOWN), UI_FN(KEY_DOWN),
	    UI_FN(KEY_DOWN), UI_FN(KEY_DOWN), UI_FN(KEY_DOWN), UI_FN(KEY_DOWN), 0 });
	shot(p, "results-scrolled");
	keys(p, (const int[]){ UI_FN(KEY_HOME), 0 });
	for (size_t i = richest_service(&s->results); i > 0; i--)
		keys(p, (const int[]){ UI_FN(KEY_DOWN), 0 });
	keys(p, (const int[]){ UI_KEY_ENTER, 0 });
	shot(p, "detail");
	keys(p, (const int[]){ UI_FN(KEY_END), 0 });
	shot(p, "detail-end");
	keys(p, (const int[]){ UI_KEY_ESC, UI_FN(KEY_F(1)), 0 });
	shot(p, "help");
	keys(p, (const int[]){ UI_KEY_ENTER, 0 });
	shot(p, "about");
	keys(p, (const int[]){ UI_KEY_ESC, UI_KEY_ESC, 0 });

	/* The recommender could not be reached: the kiosk's own list,
	 * with a notice that says so. */
	s->offline_reason = BACKEND_TIMEOUT;
	shot(p, "results-backend-failed");
	s->offline_reason = BACKEND_OK;

	keys(p, (const int[]){ UI_FN(KEY_F(10)), 0 });
	shot(p, "confirm-reset");
	keys(p, (const int[]){ UI_KEY_ESC, 0 });

	ui_push(p->ui, &screen_idle);
	shot(p, "idle-warning");
	ui_pop(p->ui);

	ui_set_mode(p->ui, MODE_COUNTER);
	keys(p, (const int[]){ UI_FN(KEY_F(4)), 0 });
	shot(p, "counter-summary");
	ui_pop(p->ui);
	ui_set_mode(p->ui, MODE_PLAIN);

	ui_push(p->ui, &screen_pin);
	shot(p, "staff-pin");
	ui_pop(p->ui);
	ui_push(p->ui, &screen_staff);
	shot(p, "staff-menu");
	ui_pop(p->ui);

	ui_goto(p->ui, &screen_search);
	shot(p, "search");
	type(p, "xyzzy qwerty");
	keys(p, (const int[]){ UI_KEY_ENTER, 0 });
	shot(p, "no-results");
}

static int
one_size(const struct assets *a, const struct conf *c, const char *dir, int cols,
    int lines, enum lang lang, const char *lang_dir, char **cause)
{
	struct preview p = { 0 };
	struct session s;

	p.dir = xasprintf("%s/%dx%d/%s", dir, cols, lines, lang_dir);
	if (make_dir(p.dir) < 0) {
		*cause = xasprintf("%s: %s", p.dir, strerror(errno));
		free(p.dir);
		return -1;
	}
	char *pp = xasprintf("%s/problems.txt", p.dir);
	p.problems = fopen(pp, "w");
	if (p.problems == NULL) {
		*cause = xasprintf("%s: %s", pp, strerror(errno));
		free(pp);
		free(p.dir);
		return -1;
	}
	resize_term(lines, cols);
	session_init(&s, a, c, NULL, lang);
	p.s = &s;
	p.ui = ui_new(&s, NULL, NULL);
	ui_set_checking(p.ui, true);
	if (cols >= UI_MIN_COLS && lines >= UI_MIN_LINES)
		walk(&p);
	else {
		shot(&p, "too-small");
		keys(&p, (const int[]){ UI_KEY_ENTER, 0 });
		shot(&p, "too-small-question");
	}
	ui_free(p.ui);
	session_free(&s);
	int rc = 0;
	if (fclose(p.problems) != 0 || p.failed) {
		*cause = xasprintf("%s: %s", p.dir, strerror(p.failed ? p.failed : errno));
		rc = -1;
	}
	free(pp);
	free(p.dir);
	return rc;
}

int
preview_write(const struct assets *a, const struct conf *c, const char *dir,
    enum lang lang, const char *lang_dir, char **cause)
{
	static const char *terms[] = { "xterm", "vt100", "ansi", "dumb" };
	const char *sizes = getenv("OPASTIN_PREVIEW_SIZES");
	SCREEN *scr = NULL;
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	int rc = 0;

	if (sizes == NULL || *sizes == '\0')
		sizes = PREVIEW_SIZES;
	/* What the detail screen says is open now depends on the time. */
	setenv("OPASTIN_NOW", "2026-12-02T10:00:00Z", 0);
	for (size_t i = 0; out && in && scr == NULL && i < nitems(terms); i++)
		scr = newterm(terms[i], out, in);
	if (scr == NULL) {
		*cause = xstrdup("curses cannot start on /dev/null");
		rc = -1;
		goto out;
	}
	char *list = xasprintf("%s 39x14", sizes);
	for (char *save = NULL, *tok = strtok_r(list, " ,", &save); tok && rc == 0;
	    tok = strtok_r(NULL, " ,", &save)) {
		int cols, lines;
		if (sscanf(tok, "%dx%d", &cols, &lines) != 2 || cols < 10 || lines < 5 ||
		    cols > 1000 || lines > 1000) {
			*cause = xasprintf("OPASTIN_PREVIEW_SIZES: not a size: %s", tok);
			rc = -1;
			break;
		}
		rc = one_size(a, c, dir, cols, lines, lang, lang_dir, cause);
	}
	free(list);
	endwin();
	delscreen(scr);
out:
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	return rc;
}
