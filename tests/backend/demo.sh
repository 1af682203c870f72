#!/bin/sh
# make demo: the whole HTTPS path on one machine.  Makes a CA and a
# certificate, starts the test backend on 127.0.0.1, and runs the kiosk
# against it.  Everything is removed when the kiosk ends.
#
#   demo.sh OPASTIN ASSETS_DIR [opastin options...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
opastin=$1
assets=$2
shift 2

dir=$(mktemp -d "${TMPDIR:-/tmp}/opastin-demo.XXXXXX")
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

sh "$here/mkcerts.sh" "$dir"
python3 "$here/server.py" --cert "$dir/server.pem" --key "$dir/server.key" \
    --port-file "$dir/port" --log "$dir/server.log" &
server=$!
# Wait for the server to say where it listens (at most 10 s).
i=0
while [ ! -s "$dir/port" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -s "$dir/port" ] || { echo "demo: the test backend did not start" >&2; exit 1; }
port=$(cat "$dir/port")
echo "demo: test backend on https://127.0.0.1:$port (log: $dir/server.log)"
"$opastin" --assets "$assets" --backend "https://127.0.0.1:$port/service-recommender/v1" \
    --ca-file "$dir/ca.pem" "$@"
