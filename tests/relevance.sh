#!/bin/sh
# The relevance suite: one TAP case per citizen scenario in
# tests/relevance/scenarios/, passing when every expectation a caseworker
# wrote for it holds (what must and must not be shown, what must be in
# the first k, what must come before what).  A failed case lists the
# failed expectations and the services shown.  tests/relevance/README.md
# describes the scenarios; "make relevance" prints the same run as a table.
. "$top_srcdir/tests/lib.sh"

python3 "$top_srcdir/tests/relevance/run.py" --tap "$OPASTIN" "$ASSETS"
