/*
 * qr.h: QR codes for the screen, drawn with text.
 *
 * libqrencode makes the code (an optional dependency: without it,
 * qr_available() is false and nothing offers a code).  The rest is pure:
 * the code, its 4-module quiet zone included, becomes lines of text at a
 * scale, which the QR screen copies to the terminal in one colour role.
 *
 * The lines are written as dark ink on light paper: with half blocks,
 * "█" is two dark modules, "▀" a dark one over a light one, "▄" the other
 * way round and " " two light ones.  Drawn in explicit black on white the
 * code reads dark on light on any terminal background; without colours,
 * in reverse video, the paper is the terminal's foreground (see
 * screen-qr.c).  Without the block characters every module is two spaces
 * (a cell is about twice as high as it is wide), and each line is a run
 * of "#" (dark) and " " (light) cells for the screen to draw in two
 * roles.
 */
#ifndef OPASTIN_QR_H
#define OPASTIN_QR_H

#include <stdbool.h>

#include "text.h"

#define QR_QUIET 4	/* modules of light margin on every side */

struct qr {
	int width;		/* modules a side, without the quiet zone */
	unsigned char *dark;	/* width * width, row by row: 1 dark */
};

enum qr_glyphs {
	QR_HALF_BLOCKS,		/* a cell is 1 module wide, 2 high, at scale 1 */
	QR_SPACES,		/* a cell is half a module wide, 1 high */
};

/* Whether this build makes QR codes at all. */
bool qr_available(void);
/* Whether the terminal can show the block characters: its locale (as the
 * environment gave it, before Opastin chose its own) is UTF-8, and it is
 * no DEC VT terminal.  Reads the environment. */
bool qr_terminal_has_blocks(void);

/* Encode text (bytes, case kept) at the smallest version, with error
 * correction M, or L when robust is false.  0, or -1 when the text
 * cannot be encoded (too long) or there is no libqrencode. */
int qr_encode(const char *text, bool robust, struct qr *);
void qr_free(struct qr *);

/* Columns and rows the code takes with its quiet zone at a scale. */
int qr_cols(const struct qr *, enum qr_glyphs, int scale);
int qr_rows(const struct qr *, enum qr_glyphs, int scale);
/* The largest scale at which the code fits w columns and h rows; 0 when
 * it does not fit at all. */
int qr_fit(const struct qr *, enum qr_glyphs, int w, int h);
/* The code at a scale as lines of text (see above); lines_free() them. */
void qr_render(const struct qr *, enum qr_glyphs, int scale, struct lines *);

/* The tel: URI of a phone number as people write it: "+358 14 266 0111"
 * becomes "tel:+358142660111" (digits, and a leading +, kept). */
char *qr_tel_uri(const char *number);

#endif
