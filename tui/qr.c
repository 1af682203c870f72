#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef WITH_QRENCODE
#include <qrencode.h>
#endif

#include "qr.h"
#include "util.h"

bool
qr_available(void)
{
#ifdef WITH_QRENCODE
	return true;
#else
	return false;
#endif
}

static bool
is_utf8(const char *v)
{
	return v != NULL && (strcasestr(v, "UTF-8") != NULL || strcasestr(v, "utf8") != NULL);
}

bool
qr_terminal_has_blocks(void)
{
	/* The locale that applies, as setlocale() would pick it. */
	const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *locale = NULL;
	for (size_t i = 0; i < 3 && locale == NULL; i++) {
		const char *v = getenv(names[i]);
		if (v != NULL && *v != '\0')
			locale = v;
	}
	const char *term = getenv("TERM");
	return is_utf8(locale) && !(term != NULL && strncmp(term, "vt", 2) == 0);
}

int
qr_encode(const char *text, bool robust, struct qr *q)
{
	memset(q, 0, sizeof *q);
#ifdef WITH_QRENCODE
	QRcode *c = QRcode_encodeString(text, 0, robust ? QR_ECLEVEL_M : QR_ECLEVEL_L,
	    QR_MODE_8, 1);
	if (c == NULL)
		return -1;
	q->width = c->width;
	q->dark = xmalloc((size_t)c->width * (size_t)c->width);
	/* libqrencode's lowest bit of each byte is the module's colour. */
	for (size_t i = 0; i < (size_t)c->width * (size_t)c->width; i++)
		q->dark[i] = c->data[i] & 1;
	QRcode_free(c);
	return 0;
#else
	(void)text;
	(void)robust;
	return -1;
#endif
}

void
qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}

/* Whether module (mx, my) of the code with its quiet zone is dark. */
static bool
dark_at(const struct qr *q, int mx, int my)
{
	mx -= QR_QUIET;
	my -= QR_QUIET;
	if (mx < 0 || my < 0 || mx >= q->width || my >= q->width)
		return false;
	return q->dark[(size_t)my * (size_t)q->width + (size_t)mx] != 0;
}

int
qr_cols(const struct qr *q, enum qr_glyphs g, int scale)
{
	int side = q->width + 2 * QR_QUIET;
	return g == QR_SPACES ? 2 * side * scale : side * scale;
}

int
qr_rows(const struct qr *q, enum qr_glyphs g, int scale)
{
	int side = q->width + 2 * QR_QUIET;
	return g == QR_SPACES ? side * scale : (side * scale + 1) / 2;
}

int
qr_fit(const struct qr *q, enum qr_glyphs g, int w, int h)
{
	int scale = 0;
	if (q->width <= 0)
		return 0;
	while (qr_cols(q, g, scale + 1) <= w && qr_rows(q, g, scale + 1) <= h)
		scale++;
	return scale;
}

void
qr_render(const struct qr *q, enum qr_glyphs g, int scale, struct lines *out)
{
	int side = q->width + 2 * QR_QUIET;
	int rows = qr_rows(q, g, scale), cols = qr_cols(q, g, scale);

	out->n = (size_t)rows;
	out->v = xcalloc((size_t)rows, sizeof *out->v);
	for (int r = 0; r < rows; r++) {
		/* Three bytes a cell at most ("▀" in UTF-8). */
		char *line = xmalloc((size_t)cols * 3 + 1), *o = line;
		for (int c = 0; c < cols; c++) {
			if (g == QR_SPACES) {
				*o++ = dark_at(q, c / (2 * scale), r / scale) ? '#' : ' ';
				continue;
			}
			/* Half a row a pixel: the upper and the lower module. */
			int mx = c / scale, top = 2 * r, bottom = 2 * r + 1;
			bool up = dark_at(q, mx, top / scale);
			bool down = bottom / scale < side && dark_at(q, mx, bottom / scale);
			const char *glyph = up && down ? "█" : up ? "▀" : down ? "▄" : " ";
			size_t n = strlen(glyph);
			memcpy(o, glyph, n);
			o += n;
		}
		*o = '\0';
		out->v[r] = line;
	}
}

char *
qr_tel_uri(const char *number)
{
	size_t n = strlen(number);
	char *out = xmalloc(n + 5), *o = out;

	memcpy(o, "tel:", 4);
	o += 4;
	for (const char *p = number; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			*o++ = *p;
		else if (*p == '+' && o == out + 4)
			*o++ = '+';
	}
	*o = '\0';
	return out;
}
