#!/bin/sh
# Proxies from the environment: a kiosk (mode = kiosk, also in batch
# mode with the kiosk's configuration) ignores https_proxy, HTTPS_PROXY,
# ALL_PROXY and all_proxy unless proxy_from_environment = yes; plain
# mode honours them as libcurl does (review 13).  A tiny local listener
# records each CONNECT it is sent and answers nothing useful.
. "$top_srcdir/tests/lib.sh"

out="$tmpdir/out"
err="$tmpdir/err"
conf="$tmpdir/opastin.conf"
seen="$tmpdir/connects"
: >"$seen"

python3 - "$tmpdir/port" "$seen" <<'PY' &
import socket, sys, time
port_file, seen = sys.argv[1], sys.argv[2]
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
s.settimeout(1)
open(port_file + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(port_file + ".tmp", port_file)
end = time.time() + 120
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    c.settimeout(2)
    try:
        line = c.recv(4096).split(b"\r\n")[0].decode("latin-1")
        open(seen, "a").write(line + "\n")
        c.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
    except OSError:
        pass
    c.close()
PY
listener=$!
trap 'kill $listener 2>/dev/null; rm -rf "$tmpdir"' EXIT
tries=100
while [ ! -s "$tmpdir/port" ] && [ "$tries" -gt 0 ]; do
	sleep 0.05
	tries=$((tries - 1))
done
proxy="http://127.0.0.1:$(cat "$tmpdir/port")"

# through VAR MODE [LINE...]: batch mode with a configuration of mode
# MODE (and the LINEs) and VAR set to the listener; true when the
# listener saw a CONNECT from it.
through() {
	_var=$1 _mode=$2
	shift 2
	printf '%s\n' "mode = $_mode" "connect_timeout_s = 2" "timeout_s = 3" "$@" >"$conf"
	chmod 600 "$conf"
	: >"$seen"
	env -u https_proxy -u HTTPS_PROXY -u ALL_PROXY -u all_proxy -u no_proxy -u NO_PROXY \
	    "$_var=$proxy" "$OPASTIN" --config "$conf" --assets "$ASSETS" \
	    --backend https://backend.example.net/v1 \
	    --profile "$DATA/profiles/en-job.json" </dev/null >"$out" 2>"$err"
	grep -q "^CONNECT backend.example.net:443" "$seen"
}

not_through() {
	! through "$@"
}

for var in https_proxy HTTPS_PROXY ALL_PROXY all_proxy; do
	ok_if "plain mode: $var is honoured" through "$var" plain
	ok_if "kiosk mode: $var is ignored" not_through "$var" kiosk
	ok_if "kiosk mode with proxy_from_environment = yes: $var is honoured" \
	    through "$var" kiosk "proxy_from_environment = yes"
done
ok_if "kiosk mode: the proxy key still works" \
    through NO_PROXY_AT_ALL kiosk "proxy = $proxy"

finish
