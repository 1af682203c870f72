#!/bin/sh
# pseudo-long.sh POT OUT.po: the pseudo-locale en@long, made from the
# template at build time: every message about 40 % longer ("Services
# for you" becomes "Śéŕvîçéš ƒôŕ ýôû ~~~~"), its letters accented so that
# a string left untranslated stands out, and its printf directives
# (%s, %1$zu, %2$.2f, %%), newlines and msgctxt kept exactly.  The size
# test renders every screen in it (opastin --preview --lang en@long):
# a screen that fits it has room for a longer language.
set -eu
pot=$1
out=$2
here=$(dirname "$0")
tmp=$out.tmp
# msgen copies each msgid into its msgstr; the template's header has no
# charset or plural forms yet.
msgen --no-wrap "$pot" |
    sed -e 's/charset=CHARSET/charset=UTF-8/' \
        -e 's/^"Plural-Forms: .*"$/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' \
        -e 's/^"Language: .*"$/"Language: en@long\\n"/' \
        -e 's/^"PO-Revision-Date: .*"$/"PO-Revision-Date: 2026-12-01 00:00+0200\\n"/' \
        -e 's/^"Last-Translator: .*"$/"Last-Translator: locales\/pseudo-long.sh\\n"/' \
        -e 's/^"Language-Team: .*"$/"Language-Team: none\\n"/' >"$tmp"
msgfilter --keep-header --no-wrap -i "$tmp" -o "$out" perl "$here/pseudo-long.pl"
rm -f "$tmp"
