#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"
#include "widget.h"

void
numsel_init(struct numsel *ns)
{
	ns->pending = -1;
	ns->at = 0;
}

long
numsel_digit(struct numsel *ns, int digit, long long now, size_t count, int first)
{
	long last = (long)count - 1 + first;	/* the highest number shown */

	if (ns->pending >= 0 && now - ns->at <= NUMSEL_TIMEOUT_MS) {
		long two = ns->pending * 10 + digit;
		ns->pending = -1;
		if (two >= first && two <= last)
			return two - first;
	}
	ns->pending = -1;
	if (digit * 10 <= last && digit > 0) {
		ns->pending = digit;
		ns->at = now;
	}
	if (digit >= first && digit <= last)
		return digit - first;
	return -1;
}

void
list_init(struct list *l, int first_number)
{
	memset(l, 0, sizeof *l);
	l->first_number = first_number;
	numsel_init(&l->ns);
}

/* The number an item shows: its position among the numbered items. */
static long
item_number(const struct list *l, const struct list_item *items, size_t i)
{
	long k = l->first_number;
	for (size_t j = 0; j < i; j++)
		if (items[j].numbered)
			k++;
	return items[i].numbered ? k : -1;
}

bool
list_key(struct list *l, const struct list_item *items, size_t n, int key, int page)
{
	if (n == 0)
		return false;
	if (page < 1)
		page = 1;
	switch (key) {
	case UI_FN(KEY_UP):
	case UI_FN(KEY_BTAB):
		l->focus = l->focus > 0 ? l->focus - 1 : (key == UI_FN(KEY_BTAB) ? n - 1 : 0);
		break;
	case UI_FN(KEY_DOWN):
	case UI_KEY_TAB:
		l->focus = l->focus + 1 < n ? l->focus + 1 : (key == UI_KEY_TAB ? 0 : n - 1);
		break;
	case UI_FN(KEY_HOME):
		l->focus = 0;
		break;
	case UI_FN(KEY_END):
		l->focus = n - 1;
		break;
	case UI_FN(KEY_PPAGE):
		l->focus = l->focus > (size_t)page ? l->focus - (size_t)page : 0;
		break;
	case UI_FN(KEY_NPAGE):
		l->focus = l->focus + (size_t)page < n ? l->focus + (size_t)page : n - 1;
		break;
	default:
		if (key >= '0' && key <= '9') {
			size_t numbered = 0;
			for (size_t i = 0; i < n; i++)
				if (items[i].numbered)
					numbered++;
			long k = numsel_digit(&l->ns, key - '0', now_ms(), numbered,
			    l->first_number);
			if (k < 0)
				return false;
			/* The k-th numbered item. */
			for (size_t i = 0; i < n; i++) {
				if (items[i].numbered && k-- == 0) {
					l->focus = i;
					break;
				}
			}
			return true;
		}
		return false;
	}
	numsel_init(&l->ns);
	return true;
}

/* The columns an item's text takes in a list w wide: after the focus
 * marker and the number (6 columns), and the mark (4 more) if any. */
static int
item_text_width(const struct list_item *it, int w)
{
	int text_w = w - 6 - (it->mark == MARK_NONE || it->mark == MARK_BUTTON ? 0 : 4);
	return text_w > 1 ? text_w : 1;
}

int
list_item_height(const struct list_item *it, int w)
{
	int text_w = item_text_width(it, w);
	if (it->mark == MARK_BUTTON)
		return 1;
	int h = ui_wrap_height(it->text, text_w);
	if (it->alert != NULL)
		h += ui_wrap_height(it->alert, text_w);
	if (it->sub != NULL)
		h += ui_wrap_height(it->sub, text_w);
	/* Wrapped whole words, never cut: a reason cut mid-word misleads. */
	if (it->sub2 != NULL)
		h += ui_wrap_height(it->sub2, text_w);
	return h;
}

void
list_scroll(struct list *l, const int *heights, size_t n, int h)
{
	if (n == 0) {
		l->top = l->focus = 0;
		return;
	}
	if (l->focus >= n)
		l->focus = n - 1;
	if (l->top > l->focus)
		l->top = l->focus;
	/* Move the top down until the focused item fits below it. */
	for (;;) {
		int used = 0;
		for (size_t i = l->top; i <= l->focus; i++)
			used += heights[i];
		if (used <= h || l->top == l->focus)
			break;
		l->top++;
	}
}

static const char *
mark_text(enum list_mark m)
{
	switch (m) {
	case MARK_RADIO:
		return "( )";
	case MARK_RADIO_ON:
		return "(*)";
	case MARK_CHECK:
		return "[ ]";
	case MARK_CHECK_ON:
		return "[x]";
	case MARK_NONE:
	case MARK_BUTTON:
		break;
	}
	return NULL;
}

void
list_draw(struct ui *ui, struct list *l, const struct list_item *items, size_t n,
    int y, int x, int h, int w)
{
	if (h < 1)
		return;
	int *heights = xcalloc(n ? n : 1, sizeof *heights);

	for (size_t i = 0; i < n; i++)
		heights[i] = list_item_height(&items[i], w);
	list_scroll(l, heights, n, h);

	int row = y;
	for (size_t i = l->top; i < n && row < y + h; i++) {
		const struct list_item *it = &items[i];
		bool focus = i == l->focus;
		int rows = heights[i] < y + h - row ? heights[i] : y + h - row;
		char num[24] = "";
		long k = item_number(l, items, i);

		if (k >= 0)
			snprintf(num, sizeof num, "%2ld", k);
		/* The focus has a marker as well as a colour. */
		ui_put(ui, row, x, 2, focus ? ROLE_FOCUS : ROLE_NORMAL, focus ? ">" : " ");
		ui_put(ui, row, x + 2, 3, ROLE_NUMBER, num);
		const char *mark = mark_text(it->mark);
		int tx = x + 6;
		if (mark != NULL) {
			ui_put(ui, row, tx, 3, it->mark == MARK_RADIO_ON ||
			    it->mark == MARK_CHECK_ON ? ROLE_CHOSEN : ROLE_NORMAL, mark);
			tx += 4;
		}
		int tw = x + w - tx;
		enum role role = focus ? ROLE_FOCUS : (it->mark == MARK_BUTTON ? ROLE_BUTTON : ROLE_TITLE);
		int used;
		if (it->mark == MARK_BUTTON) {
			char *b = xasprintf("[ %s ]", it->text);
			ui_put(ui, row, tx, tw, role, b);
			free(b);
			used = 1;
		} else
			used = ui_wrap(ui, row, tx, tw, rows, role, it->text);
		if (focus)
			ui_cursor(ui, row, x);
		if (it->alert != NULL && used < rows)
			used += ui_wrap(ui, row + used, tx, tw, rows - used, ROLE_NOTICE, it->alert);
		if (it->sub != NULL && used < rows)
			used += ui_wrap(ui, row + used, tx, tw, rows - used, ROLE_NORMAL, it->sub);
		if (it->sub2 != NULL && used < rows)
			used += ui_wrap(ui, row + used, tx, tw, rows - used, ROLE_HINT, it->sub2);
		for (int r = 0; r < rows; r++)
			ui_hit(ui, row + r, x, w, (int)i);
		row += heights[i];
	}
	/* Show that more items are above or below, in the column right of
	 * the list, never on an item's text. */
	if (l->top > 0)
		ui_scroll_mark(ui, y, x, w, true);
	int r = y;
	size_t below;
	for (below = l->top; below < n && r + heights[below] <= y + h; below++)
		r += heights[below];
	if (below < n)
		ui_scroll_mark(ui, y + h - 1, x, w, false);
	free(heights);
}

void
field_clear(struct field *f)
{
	wipe(f, sizeof *f);
}

bool
field_type(struct field *f, unsigned int cp)
{
	char buf[4];

	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || f->chars >= FIELD_MAX)
		return false;
	size_t n = utf8_encode(cp, buf);
	size_t len = strlen(f->text);
	if (len + n >= sizeof f->text)
		return false;
	memcpy(f->text + len, buf, n);
	f->text[len + n] = '\0';
	f->chars++;
	return true;
}

bool
field_erase(struct field *f)
{
	if (f->chars == 0)
		return false;
	size_t before = strlen(f->text);
	text_pop_char(f->text);
	wipe(f->text + strlen(f->text), before - strlen(f->text));
	f->chars--;
	return true;
}

static void
doc_push(struct doc *d, enum role role, int indent, char *text)
{
	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	d->v[d->n].text = text;
	d->v[d->n].role = role;
	d->v[d->n].indent = indent;
	d->n++;
}

void
doc_add(struct doc *d, enum role role, int indent, int width, const char *text)
{
	struct lines l;

	text_wrap(text, width - indent, &l);
	for (size_t i = 0; i < l.n; i++) {
		doc_push(d, role, indent, l.v[i]);
		l.v[i] = NULL;
	}
	free(l.v);
}

void
doc_add_pair(struct doc *d, int indent, int col, int width, const char *label,
    const char *text)
{
	struct lines l;
	int pad = col - text_width(label);

	if (pad < 1)
		pad = 1;
	text_wrap(text, width - indent - col, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0)
			doc_push(d, ROLE_NORMAL, indent,
			    xasprintf("%s%*s%s", label, pad, "", l.v[i]));
		else
			doc_push(d, ROLE_NORMAL, indent + col, xstrdup(l.v[i]));
	}
	lines_free(&l);
}

void
doc_add_field(struct doc *d, enum role role, int indent, int col, int width,
    const char *label, const char *text)
{
	struct lines l;
	int pad = col - text_width(label);

	if (pad < 1)
		pad = 1;
	/* A web address whose parts do not fit beside the label goes under
	 * it, over the whole width, so that it breaks only after a '/'. */
	int beside = width - indent - col, under = width - indent - 2;
	if (text_widest_unit(text) > beside && text_widest_unit(text) <= under) {
		doc_push(d, role, indent, xstrdup(label));
		text_wrap_unmarked(text, under, &l);
		for (size_t i = 0; i < l.n; i++)
			doc_push(d, role, indent + 2, xstrdup(l.v[i]));
		lines_free(&l);
		return;
	}
	text_wrap_unmarked(text, beside, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0)
			doc_push(d, role, indent, xasprintf("%s%*s%s", label, pad, "", l.v[i]));
		else
			doc_push(d, role, indent + col, xstrdup(l.v[i]));
	}
	lines_free(&l);
}

void
doc_blank(struct doc *d)
{
	doc_push(d, ROLE_NORMAL, 0, xstrdup(""));
}

void
doc_clear(struct doc *d)
{
	/* A document may hold answers (the counter's summary): wipe it. */
	for (size_t i = 0; i < d->n; i++)
		wipe_free_str(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

bool
doc_key(struct doc *d, int key, int h)
{
	size_t max = d->n > (size_t)h ? d->n - (size_t)h : 0;
	size_t page = h > 1 ? (size_t)h - 1 : 1;

	switch (key) {
	case UI_FN(KEY_UP):
		if (d->top > 0)
			d->top--;
		break;
	case UI_FN(KEY_DOWN):
	case UI_KEY_TAB:
		d->top++;
		break;
	case UI_FN(KEY_PPAGE):
		d->top = d->top > page ? d->top - page : 0;
		break;
	case UI_FN(KEY_NPAGE):
	case ' ':
		d->top += page;
		break;
	case UI_FN(KEY_HOME):
		d->top = 0;
		break;
	case UI_FN(KEY_END):
		d->top = max;
		break;
	default:
		return false;
	}
	if (d->top > max)
		d->top = max;
	return true;
}

void
doc_draw(struct ui *ui, struct doc *d, int y, int x, int h, int w)
{
	if (h < 1)
		return;
	size_t max = d->n > (size_t)h ? d->n - (size_t)h : 0;

	if (d->top > max)
		d->top = max;
	for (int r = 0; r < h && d->top + (size_t)r < d->n; r++) {
		const struct doc_line *l = &d->v[d->top + (size_t)r];
		ui_put(ui, y + r, x + l->indent, w - l->indent, l->role, l->text);
	}
	if (d->top > 0)
		ui_scroll_mark(ui, y, x, w, true);
	if (d->top < max)
		ui_scroll_mark(ui, y + h - 1, x, w, false);
	ui_cursor(ui, y, x);
}

char *
list_utterance(const struct list *l, const struct list_item *items, size_t n)
{
	if (n == 0 || l->focus >= n)
		return NULL;
	const struct list_item *it = &items[l->focus];
	long k = item_number(l, items, l->focus);
	const char *state = NULL;
	if (it->mark == MARK_RADIO_ON || it->mark == MARK_CHECK_ON)
		/* TRANSLATORS: spoken after a choice that is selected (a
		   chosen answer or a ticked box), e.g. "2, Rent, selected". */
		state = _("selected");
	else if (it->mark == MARK_CHECK)
		/* TRANSLATORS: spoken after a box that is not ticked, e.g.
		   "2, Rent, not selected". */
		state = _("not selected");
	char *num = k >= 0 ? xasprintf("%ld, ", k) : xstrdup("");
	/* TRANSLATORS: spoken for a button, after its label. */
	const char *button = it->mark == MARK_BUTTON ? _("button") : NULL;
	char *out = xasprintf("%s%s%s%s%s%s%s", num, it->text,
	    it->sub ? ". " : "", it->sub ? it->sub : "",
	    state || button ? ", " : "", state ? state : "", button ? button : "");
	free(num);
	return out;
}

char *
doc_utterance(const struct doc *d, const char *title)
{
	char *out = xstrdup(title);

	for (size_t i = 0; i < d->n; i++) {
		char *next = xasprintf("%s %s", out, d->v[i].text);
		wipe_free_str(out);
		out = next;
	}
	return out;
}
