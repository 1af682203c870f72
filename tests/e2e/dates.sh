#!/bin/sh
# Dates follow each language's form in the staff diagnostics as on the
# other screens: fi and sv 2.12.2026, en 2 December 2026; never ISO.
. "$top_srcdir/tests/e2e/lib.sh"

hashline=$(echo 246810 | "$OPASTIN" --hash-pin 2>/dev/null)
conf="$tmpdir/opastin.conf"
printf '%s\n' "speech = off" "$hashline" >"$conf"
chmod 600 "$conf"
iso=$(sed -n 's/^ *"catalogue_date": *"\([^"]*\)".*/\1/p' "$ASSETS/catalogue.json" | head -n 1)
y=${iso%%-*} m=${iso#*-} m=${m%-*} d=${iso##*-}
m=${m#0} d=${d#0}
month=$(echo "January February March April May June July August September October November December" |
    cut -d ' ' -f "$m")

for L in fi sv en; do
	case $L in en) date="$d $month $y"; re='[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}' ;;
	    *) date="$d.$m.$y"; re='[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}' ;; esac
	start 100 30 --config "$conf" --lang $L
	wait_for "$(msg $L Welcome)" >/dev/null
	keys F12
	wait_for "$(msg $L 'Staff PIN, then Enter:')" >/dev/null
	type 246810
	keys Enter
	wait_for "$(msg $L 'Diagnostics')" >/dev/null
	keys 2 Enter
	ok_if "$L: the diagnostics' dates line" wait_for "$(msg $L Dates)"
	want=$(msgf $L 'questions %1$s, catalogue %2$s (file %3$s)' @Q "$date" @F |
	    sed 's/[][\.*^$+?(){}|]/\\&/g; s/@Q/'"$re"'/; s/@F/'"$re"'/')
	ok_if "... every date in the $L form, the catalogue's $date" wait_re "$want"
	ok_if "... none in ISO form" sh -c '! "$1" -u -S "$2" capture-pane -p -t e2e | grep -qE "[0-9]{4}-[0-9]{2}-[0-9]{2}"' \
	    - "$TMUX_BIN" "$e2e_sock"
	stop
done
finish
