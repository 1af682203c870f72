/*
 * widget.h: the pieces screens are made of.
 *
 * struct numsel turns typed digits into an option number: one digit goes
 * to options 1 to 9 at once, and a second digit typed within a second
 * reaches options 10 and up.  struct list is a numbered, scrolling list
 * of items, each one or more lines, with a focus.  Their logic is pure
 * (list_key, list_scroll, numsel_digit) and unit-tested; list_draw is
 * the only part that draws.
 */
#ifndef OPASTIN_WIDGET_H
#define OPASTIN_WIDGET_H

#include <stdbool.h>
#include <stddef.h>

#include "ui.h"

#define NUMSEL_TIMEOUT_MS 1000

struct numsel {
	int pending;		/* first digit of a possible two-digit number, or -1 */
	long long at;		/* when it was typed */
};

void numsel_init(struct numsel *);
/* A digit typed at time now (ms) in a list of count options numbered from
 * first (1, or 0 for a 0-10 scale).  Returns the option index to focus,
 * or -1 if the number fits no option. */
long numsel_digit(struct numsel *, int digit, long long now, size_t count, int first);

enum list_mark { MARK_NONE, MARK_RADIO, MARK_RADIO_ON, MARK_CHECK, MARK_CHECK_ON, MARK_BUTTON };

struct list_item {
	const char *text;	/* the first line, wrapped */
	const char *alert;	/* a line to notice first, such as a deadline, may be NULL */
	const char *sub;	/* more text under it in a quieter role, may be NULL */
	const char *sub2;	/* a further line in the hint role, may be NULL */
	enum list_mark mark;
	bool numbered;		/* shows its number; buttons do not */
};

struct list {
	size_t focus;
	size_t top;
	int first_number;	/* 1, or 0 for a scale */
	struct numsel ns;
};

void list_init(struct list *, int first_number);
/* Arrow keys, Tab, Home, End, PageUp, PageDown and digits.  Returns true
 * when the key was one of these (the focus may not have moved: Up at the
 * top). */
bool list_key(struct list *, const struct list_item *, size_t n, int key, int page);
/* Make the focused item visible in h rows, given each item's height. */
void list_scroll(struct list *, const int *heights, size_t n, int h);
/* Rows an item takes at width w. */
int list_item_height(const struct list_item *, int w);
/* Draw the items into the area; clicks report the item index. */
void list_draw(struct ui *, struct list *, const struct list_item *, size_t n,
    int y, int x, int h, int w);

/*
 * A scrolling document of wrapped lines, each in a role and indented:
 * the detail and help screens.  doc_add() wraps at the given width, so
 * build the document again when the width changes.
 */
struct doc_line {
	char *text;
	enum role role;
	int indent;
};
struct doc {
	struct doc_line *v;
	size_t n;
	size_t top;
};
void doc_add(struct doc *, enum role, int indent, int width, const char *text);
/* A label in a column of col columns, then text wrapped beside it. */
void doc_add_pair(struct doc *, int indent, int col, int width, const char *label, const char *text);
/* The same in a role, for a value such as a phone number or a web
 * address: continuation lines start under the value, and a word too
 * wide for the line is cut without a hyphen, which would read as part
 * of the number or address. */
void doc_add_field(struct doc *, enum role, int indent, int col, int width,
    const char *label, const char *text);
void doc_blank(struct doc *);
void doc_clear(struct doc *);
/* Up, Down, PageUp, PageDown, Home, End; true when handled. */
bool doc_key(struct doc *, int key, int h);
void doc_draw(struct ui *, struct doc *, int y, int x, int h, int w);
/* The whole document as one utterance, after a title. */
char *doc_utterance(const struct doc *, const char *title);

/* What speech says of the focused item: "3, Moving home, chosen". */
char *list_utterance(const struct list *, const struct list_item *, size_t n);

/* A one-line text field for typing (a number, a search). */
#define FIELD_MAX 64
struct field {
	char text[FIELD_MAX * 4 + 1];
	size_t chars;
};
void field_clear(struct field *);
/* Type a character; false if the field is full or it is not printable. */
bool field_type(struct field *, unsigned int cp);
/* Delete the last character; false if the field was empty. */
bool field_erase(struct field *);

#endif
