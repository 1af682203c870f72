#!/usr/bin/env python3
"""Turn a tmux capture (capture-pane -e -p) into a bitmap of the screen.

Each terminal cell becomes a block of pixels, 2 wide and 4 high (a cell
is about twice as high as it is wide), its upper and lower half each
light or dark: the glyph (one of " ▀▄█", or anything else as blank), its
foreground and background colours and reverse video, as the SGR sequences
of the capture set them.  The terminal's own default colours are a guess,
so --background says which: "dark" (light text on black) or "light"
(dark text on white).  A QR code drawn to scan on every terminal decodes
under both.

    screen-qr.py --background dark|light CAPTURE OUT.pgm
"""
import re
import sys

SCALE_X, SCALE_Y = 4, 8          # pixels a cell: an even height, halves
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESC = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][0-9A-Za-z]|.)")

# The 16 basic colours by luminance: dark ones first.
def light_of_index(n):
    if n in (0, 1, 4, 5, 8):     # black, red, blue, magenta, dark grey
        return False
    if n < 16:
        return True
    if n >= 232:                 # the grey ramp
        return n >= 244
    n -= 16
    r, g, b = n // 36, (n // 6) % 6, n % 6
    return 0.3 * r + 0.59 * g + 0.11 * b >= 2.5


def parse(line, default_fg_light):
    """Cells of a line: (glyph, fg_light, bg_light)."""
    cells = []
    fg = bg = None               # None: the terminal's default
    reverse = False
    pos = 0
    text = line
    while pos < len(text):
        m = SGR.match(text, pos)
        if m:
            params = [p for p in re.split("[;:]", m.group(1))] or ["0"]
            i = 0
            while i < len(params):
                p = int(params[i] or 0)
                if p == 0:
                    fg = bg = None
                    reverse = False
                elif p == 7:
                    reverse = True
                elif p == 27:
                    reverse = False
                elif 30 <= p <= 37:
                    fg = light_of_index(p - 30)
                elif 90 <= p <= 97:
                    fg = light_of_index(p - 90 + 8)
                elif p == 39:
                    fg = None
                elif 40 <= p <= 47:
                    bg = light_of_index(p - 40)
                elif 100 <= p <= 107:
                    bg = light_of_index(p - 100 + 8)
                elif p == 49:
                    bg = None
                elif p in (38, 48) and i + 2 < len(params) and params[i + 1] == "5":
                    val = light_of_index(int(params[i + 2]))
                    if p == 38:
                        fg = val
                    else:
                        bg = val
                    i += 2
                elif p in (38, 48) and i + 4 < len(params) and params[i + 1] == "2":
                    r, g, b = (int(x) for x in params[i + 2:i + 5])
                    val = 0.3 * r + 0.59 * g + 0.11 * b >= 128
                    if p == 38:
                        fg = val
                    else:
                        bg = val
                    i += 4
                i += 1
            pos = m.end()
            continue
        m = OTHER_ESC.match(text, pos)
        if m:
            pos = m.end()
            continue
        ch = text[pos]
        pos += 1
        f = default_fg_light if fg is None else fg
        b = (not default_fg_light) if bg is None else bg
        if reverse:
            f, b = b, f
        cells.append((ch, f, b))
    return cells


def halves(cell):
    """(upper light, lower light) of a cell."""
    ch, f, b = cell
    if ch == "█":
        return f, f
    if ch == "▀":
        return f, b
    if ch == "▄":
        return b, f
    return b, b


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[0] != "--background" or args[1] not in ("dark", "light"):
        sys.exit(__doc__)
    default_fg_light = args[1] == "dark"
    with open(args[2], encoding="utf-8") as f:
        lines = f.read().split("\n")
    rows = [parse(l, default_fg_light) for l in lines]
    width = max((len(r) for r in rows), default=1)
    blank = (" ", default_fg_light, not default_fg_light)
    pixels = []
    for r in rows:
        r = r + [blank] * (width - len(r))
        upper, lower = [], []
        for cell in r:
            u, d = halves(cell)
            upper += [255 if u else 0] * SCALE_X
            lower += [255 if d else 0] * SCALE_X
        pixels += [upper] * (SCALE_Y // 2) + [lower] * (SCALE_Y // 2)
    # A light margin, so that a code at the edge keeps a quiet zone.
    margin = 16
    w = width * SCALE_X + 2 * margin
    out = [[255] * w for _ in range(margin)]
    out += [[255] * margin + p + [255] * margin for p in pixels]
    out += [[255] * w for _ in range(margin)]
    with open(args[3], "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, len(out)))
        for p in out:
            f.write(bytes(p))


if __name__ == "__main__":
    main()
