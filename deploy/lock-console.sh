#!/bin/sh
# lock-console.sh [--root DIR]: lock the Linux console of an Opastin kiosk.
#
# Installs the three files beside this script and masks six units, so
# that Alt-F2...F6 reach no login prompt, Ctrl-Alt-Del (once, or 7 times
# within 2 s) does nothing, and SysRq is off:
#
#   console-logind.conf  -> /etc/systemd/logind.conf.d/90-opastin-kiosk.conf
#   console-system.conf  -> /etc/systemd/system.conf.d/90-opastin-kiosk.conf
#   console-sysctl.conf  -> /etc/sysctl.d/90-opastin-kiosk.conf
#   getty@tty2.service ... getty@tty6.service, autovt@.service and
#   ctrl-alt-del.target  -> masked (/etc/systemd/system/UNIT -> /dev/null,
#                           what "systemctl mask" makes)
#
# Run it as root.  It can run again: what is already in place is left as
# it is.  A unit file of the site's own where a mask goes is not replaced:
# the script says so and changes nothing.
#
# --root DIR installs into the tree under DIR instead of / (an image being
# built, or a test), and touches nothing of the running system.  Without
# it, it also sets kernel.sysrq = 0 now and runs "systemctl daemon-reload"
# when systemd runs; logind reads its part when it restarts.
#
# deploy/check-kiosk.sh reports what is still open.  Exit status: 0 when
# all is in place, 1 on a failure (one line on standard error says what),
# 2 on a usage error.
set -u
LC_ALL=C
export LC_ALL
me=lock-console.sh

usage() {
	echo "usage: $me [--root DIR]" >&2
	exit 2
}

die() {
	echo "$me: $*" >&2
	exit 1
}

root=
root_set=
while [ $# -gt 0 ]; do
	case $1 in
	--root)
		[ $# -ge 2 ] || usage
		root=$2 root_set=1
		shift 2
		;;
	--root=*)
		root=${1#--root=} root_set=1
		shift
		;;
	-h | --help)
		sed -n '2,/^set -u/{/^set -u/d;s/^# \{0,1\}//;p;}' "$0"
		exit 0
		;;
	*)
		usage
		;;
	esac
done

live=
if [ -n "$root_set" ]; then
	# Never the running system, even with --root / (no sysctl, no reload).
	[ -n "$root" ] || die "--root needs a directory"
	[ -d "$root" ] || die "--root $root: no such directory"
	while :; do	# without its trailing slashes
		case $root in
		*/) root=${root%/} ;;
		*) break ;;
		esac
	done
else
	[ "$(id -u)" = 0 ] || die "run it as root (or with --root DIR for a tree under DIR)"
	live=1	# the running system: tell it too
fi

here=$(dirname "$0")
for f in console-logind.conf console-system.conf console-sysctl.conf; do
	[ -f "$here/$f" ] || die "$here/$f is missing: run this script from Opastin's deploy/ directory, beside its files"
done

masks="getty@tty2.service getty@tty3.service getty@tty4.service getty@tty5.service getty@tty6.service autovt@.service ctrl-alt-del.target"
unitdir=$root/etc/systemd/system

# First every check, so that a refusal leaves nothing half done.
for u in $masks; do
	p=$unitdir/$u
	if [ -L "$p" ]; then
		[ "$(readlink "$p")" = /dev/null ] ||
			die "$p is a link to $(readlink "$p"), not a mask: remove it (or systemctl unmask $u) and run this again"
	elif [ -e "$p" ]; then
		die "$p is a unit file of this machine's own, where the mask of $u goes: move it away and run this again"
	fi
done

# install_file SRC DEST: SRC's content at DEST, mode 0644, replaced only
# when it differs.
install_file() {
	d=$(dirname "$2")
	mkdir -p "$d" || die "cannot make $d"
	if [ -f "$2" ] && [ ! -L "$2" ] && cmp -s "$1" "$2"; then
		echo "in place: $2"
		return
	fi
	# A new file beside it, renamed over it: never a half-written one.
	if ! { cp "$1" "$2.tmp.$$" && chmod 0644 "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"; }; then
		rm -f "$2.tmp.$$"
		die "cannot write $2"
	fi
	echo "installed: $2"
}

install_file "$here/console-logind.conf" "$root/etc/systemd/logind.conf.d/90-opastin-kiosk.conf"
install_file "$here/console-system.conf" "$root/etc/systemd/system.conf.d/90-opastin-kiosk.conf"
install_file "$here/console-sysctl.conf" "$root/etc/sysctl.d/90-opastin-kiosk.conf"

mkdir -p "$unitdir" || die "cannot make $unitdir"
for u in $masks; do
	p=$unitdir/$u
	if [ -L "$p" ]; then
		echo "in place: $p -> /dev/null"
	else
		ln -s /dev/null "$p" || die "cannot make the mask $p"
		echo "masked: $u ($p -> /dev/null)"
	fi
done

[ -n "$live" ] || {
	echo "done: the tree under $root has the console locked; it takes effect when it boots"
	exit 0
}

status=0
# kernel.sysrq now, as "sysctl --system" would set it from the new file.
if [ -w /proc/sys/kernel/sysrq ] && echo 0 >/proc/sys/kernel/sysrq 2>/dev/null; then
	echo "set: kernel.sysrq = 0"
else
	echo "$me: cannot set kernel.sysrq now (/proc/sys/kernel/sysrq is not writable here); it is 0 from the next boot" >&2
	status=1
fi
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
	if systemctl daemon-reload; then
		echo "reloaded: systemd (the masks and CtrlAltDelBurstAction=none hold now)"
	else
		echo "$me: systemctl daemon-reload failed; the masks and CtrlAltDelBurstAction=none hold from the next boot" >&2
		status=1
	fi
else
	echo "note: systemd does not run here; the masks and CtrlAltDelBurstAction=none hold from the next boot"
fi
echo "note: logind reads NAutoVTs=0 and ReserveVT=0 when it restarts, and login prompts already running on tty2...tty6 stay until they end: reboot the machine now (or systemctl restart systemd-logind, then stop those gettys)"
exit $status
