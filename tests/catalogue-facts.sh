#!/bin/sh
# The catalogue's facts (issue 11): every web address and source is
# https, a page filed under fi, sv or en is a page in that language and
# on no old or odd path, every source is an official page, and every
# phone number shipped is one that the facts in
# ../shared/reference/facts tag high (skipped where they are not beside
# the project).
. "$top_srcdir/tests/lib.sh"

python3 "$top_srcdir/tests/catalogue-facts.py" "$ASSETS/catalogue.json" \
    "$top_srcdir/../shared/reference/facts"
