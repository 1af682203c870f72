/*
 * preview.h: opastin --preview DIR: every screen as plain text, for
 * translators and for the size test.
 */
#ifndef OPASTIN_PREVIEW_H
#define OPASTIN_PREVIEW_H

#include "assets.h"
#include "conf.h"
#include "i18n.h"

/* The sizes written unless OPASTIN_PREVIEW_SIZES ("COLSxROWS ...") says
 * otherwise; the notice for a window too small is written at 39x14 too. */
#define PREVIEW_SIZES "80x24 40x15"

/*
 * Write DIR/COLSxROWS/LANG/NN-name.txt for every screen, with
 * DIR/COLSxROWS/LANG/problems.txt listing what the layout checks found
 * (empty when nothing).  lang_dir names LANG ("fi", "en@long").
 * Returns 0, or -1 with *cause.
 */
int preview_write(const struct assets *, const struct conf *, const char *dir,
    enum lang, const char *lang_dir, char **cause);

#endif
