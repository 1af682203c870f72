#!/bin/sh
# check-kiosk.sh [--root DIR] [--proc DIR]: what is still open on the
# Linux console of an Opastin kiosk.
#
# One line an item, "open: ..." or "closed: ...", then a summary line:
#
#   NAutoVTs, ReserveVT   logind's login prompts on other VTs (Alt-F2...F6)
#   getty@tty2...6, autovt@.service, ctrl-alt-del.target   masked or not
#   CtrlAltDelBurstAction Ctrl-Alt-Del 7 times within 2 s
#   kernel.sysrq now      read from /proc/sys/kernel/sysrq
#   kernel.sysrq at boot  what the sysctl.d files and /etc/sysctl.conf set
#
# It reads files only, as systemd and systemd-sysctl would read them, and
# needs no systemctl: it works in a container, and on an image's tree
# with --root DIR (the files under DIR instead of /).  --proc DIR reads
# DIR/sys/kernel/sysrq and DIR/cmdline instead of /proc's (the running
# kernel's, even with --root).  deploy/lock-console.sh closes everything.
#
# Exit status: 0 when everything is closed, 1 when something is open or
# a file could not be read (run it as root), 2 on a usage error.
set -u
LC_ALL=C
export LC_ALL
me=check-kiosk.sh
tab=$(printf '\t')

usage() {
	echo "usage: $me [--root DIR] [--proc DIR]" >&2
	exit 2
}

root=
proc=/proc
while [ $# -gt 0 ]; do
	case $1 in
	--root | --proc)
		[ $# -ge 2 ] || usage
		if [ "$1" = --root ]; then root=$2; else proc=$2; fi
		shift 2
		;;
	--root=*) root=${1#--root=}; shift ;;
	--proc=*) proc=${1#--proc=}; shift ;;
	-h | --help)
		sed -n '2,/^set -u/{/^set -u/d;s/^# \{0,1\}//;p;}' "$0"
		exit 0
		;;
	*) usage ;;
	esac
done
if [ -n "$root" ] && [ ! -d "$root" ]; then
	echo "$me: --root $root: no such directory" >&2
	exit 2
fi
while :; do	# without trailing slashes: --root / is /
	case $root in
	*/) root=${root%/} ;;
	*) break ;;
	esac
done

n_open=0
n_all=0
unread=	# set when a file could not be read: the report may be wrong
open() {
	n_all=$((n_all + 1))
	n_open=$((n_open + 1))
	echo "open: $*"
}
closed() {
	n_all=$((n_all + 1))
	echo "closed: $*"
}

# dropins NAME DIR...: the NAME files of the DIRs (under the root), in the
# order systemd reads them: by file name, in byte order, a name in an
# earlier DIR hiding the same name in a later one.  NAME is a pattern
# such as "*.conf".  Names with a tab or a newline are not expected.
dropins() {
	_pat=$1
	shift
	for _d in "$@"; do
		for _f in "$root$_d"/$_pat; do
			[ -e "$_f" ] || continue
			[ -d "$_f" ] && continue
			printf '%s\t%s\n' "${_f##*/}" "$_f"
		done
	done | awk -F "$tab" '!seen[$1]++' | sort -t "$tab" -k1,1 | cut -f2-
}

# readable: the files named on standard input, one a line, that can be
# read; a note on standard error for each other.
readable() {
	while IFS= read -r _f; do
		[ -n "$_f" ] || continue
		if [ -r "$_f" ]; then
			printf '%s\n' "$_f"
		else
			echo "$me: cannot read $_f (run as root?); what it sets is not counted" >&2
		fi
	done
}

# ini_value SECTION KEY VALID FILE...: the value the last assignment of
# KEY in [SECTION] across the FILEs gives, then a tab and its file; nothing
# when none does.  As systemd: "#" and ";" begin comments, assignments
# outside the section count for nothing, and a value not matching the
# extended regular expression VALID is ignored (systemd logs it and
# keeps the one before).
ini_value() {
	_s=$1 _k=$2 _v=$3
	shift 3
	[ $# -gt 0 ] || return 0
	awk -v sect="$_s" -v key="$_k" -v valid="$_v" '
		FNR == 1 { in_sect = 0 }
		{ sub(/\r$/, "") }
		/^[ \t]*([#;]|$)/ { next }
		/^[ \t]*\[/ {
			s = $0
			sub(/^[ \t]*\[/, "", s)
			sub(/\][ \t]*$/, "", s)
			in_sect = (s == sect)
			next
		}
		in_sect && (i = index($0, "=")) > 0 {
			k = substr($0, 1, i - 1)
			v = substr($0, i + 1)
			gsub(/^[ \t]+|[ \t]+$/, "", k)
			gsub(/^[ \t]+|[ \t]+$/, "", v)
			if (k == key && v ~ valid) { val = v; src = FILENAME }
		}
		END { if (src != "") print val "\t" src }' "$@"
}

# sysctl_value KEY FILE...: the same for a sysctl.d file: "key = value"
# lines, "#" and ";" comments, a leading "-" (ignore errors) and "/" for
# "." in the key allowed.
sysctl_value() {
	_k=$1
	shift
	[ $# -gt 0 ] || return 0
	awk -v key="$_k" '
		{ sub(/\r$/, "") }
		/^[ \t]*([#;]|$)/ { next }
		(i = index($0, "=")) > 0 {
			k = substr($0, 1, i - 1)
			v = substr($0, i + 1)
			gsub(/^[ \t]+|[ \t]+$/, "", k)
			gsub(/^[ \t]+|[ \t]+$/, "", v)
			sub(/^-[ \t]*/, "", k)
			if (index(k, "/") > 0) gsub(/\//, ".", k)
			if (k == key && v != "") { val = v; src = FILENAME }
		}
		END { if (src != "") print val "\t" src }' "$@"
}

# where FILE: FILE as it is on the machine (without the --root prefix).
where() {
	printf '%s\n' "${1#"$root"}"
}

# is_zero VALUE: true for 0 written any way the kernel or systemd reads it
# (0, 00, 0x0).
is_zero() {
	printf '%s\n' "$1" | grep -Eq '^(0+|0[xX]0+)$'
}

# $files is a list of files, one a line (none has a newline in its name);
# "set -- $files" with IFS a newline and no globbing makes them the
# arguments, blanks and glob characters in names and all.
nl='
'
old_ifs=$IFS

# ---- logind: NAutoVTs and ReserveVT
# /etc/systemd/logind.conf, then the logind.conf.d drop-ins.
all=$({
	[ -e "$root/etc/systemd/logind.conf" ] && echo "$root/etc/systemd/logind.conf"
	dropins '*.conf' /etc/systemd/logind.conf.d /run/systemd/logind.conf.d \
	    /usr/local/lib/systemd/logind.conf.d /usr/lib/systemd/logind.conf.d \
	    /lib/systemd/logind.conf.d
})
files=$(printf '%s\n' "$all" | readable)
[ "$files" = "$all" ] || unread=1
set -f; IFS=$nl
# shellcheck disable=SC2086
set -- $files
IFS=$old_ifs; set +f
unsigned='^([0-9]+|0[xX][0-9a-fA-F]+)$'

# logind_setting KEY FILE...: value= and from= (" in FILE", or
# ", systemd's default" and 6).
logind_setting() {
	_key=$1
	shift
	_r=$(ini_value Login "$_key" "$unsigned" "$@")
	if [ -n "$_r" ]; then
		value=${_r%%"$tab"*}
		from=" in $(where "${_r#*"$tab"}")"
	else
		value=6
		from=", systemd's default"
	fi
}

logind_setting NAutoVTs "$@"
if is_zero "$value"; then
	closed "Alt-F2…F6 start no login prompt (NAutoVTs=$value$from)"
else
	open "Alt-F2…F6 can reach a login prompt (NAutoVTs=$value$from)"
fi
logind_setting ReserveVT "$@"
if is_zero "$value"; then
	closed "logind keeps no login prompt ready on another VT (ReserveVT=$value$from)"
else
	open "logind keeps a login prompt ready on tty$value (ReserveVT=$value$from)"
fi

# ---- the masks, in /etc/systemd/system: a link to /dev/null (what
# systemctl mask makes) or an empty file.
is_masked() {
	_p=$root/etc/systemd/system/$1
	if [ -L "$_p" ]; then
		[ "$(readlink "$_p")" = /dev/null ]
	else
		[ -f "$_p" ] && [ ! -s "$_p" ]
	fi
}
for n in 2 3 4 5 6; do
	if is_masked "getty@tty$n.service"; then
		closed "getty@tty$n.service is masked"
	else
		open "getty@tty$n.service is not masked: a login prompt can run on tty$n"
	fi
done
if is_masked autovt@.service; then
	closed "autovt@.service is masked"
else
	open "autovt@.service is not masked: logind can start a login prompt on any VT"
fi
if is_masked ctrl-alt-del.target; then
	closed "Ctrl-Alt-Del does nothing (ctrl-alt-del.target is masked)"
else
	open "Ctrl-Alt-Del reboots the machine (ctrl-alt-del.target is not masked)"
fi

# ---- CtrlAltDelBurstAction: system.conf, then the system.conf.d drop-ins.
all=$({
	[ -e "$root/etc/systemd/system.conf" ] && echo "$root/etc/systemd/system.conf"
	dropins '*.conf' /etc/systemd/system.conf.d /run/systemd/system.conf.d \
	    /usr/local/lib/systemd/system.conf.d /usr/lib/systemd/system.conf.d \
	    /lib/systemd/system.conf.d
})
files=$(printf '%s\n' "$all" | readable)
[ "$files" = "$all" ] || unread=1
set -f; IFS=$nl
# shellcheck disable=SC2086
set -- $files
IFS=$old_ifs; set +f
actions='^(none|reboot|reboot-force|reboot-immediate|poweroff|poweroff-force|poweroff-immediate|halt|halt-force|halt-immediate|kexec|kexec-force|exit|exit-force|soft-reboot|soft-reboot-force)$'
r=$(ini_value Manager CtrlAltDelBurstAction "$actions" "$@")
if [ -n "$r" ]; then
	value=${r%%"$tab"*}
	from=" in $(where "${r#*"$tab"}")"
else
	value=reboot-force
	from=", systemd's default"
fi
if [ "$value" = none ]; then
	closed "Ctrl-Alt-Del pressed 7 times within 2 s does nothing (CtrlAltDelBurstAction=$value$from)"
else
	open "Ctrl-Alt-Del pressed 7 times within 2 s: $value (CtrlAltDelBurstAction=$value$from)"
fi

# ---- kernel.sysrq now.  sysrq_always_enabled on the kernel's command
# line turns SysRq on whatever the sysctl says.
now=
if [ -r "$proc/sys/kernel/sysrq" ]; then
	now=$(sed -n '1{s/[[:space:]]//g;p;}' "$proc/sys/kernel/sysrq")
fi
if [ -r "$proc/cmdline" ] && grep -Eq '(^|[[:space:]])sysrq_always_enabled([[:space:]=]|$)' "$proc/cmdline"; then
	open "SysRq is on now (sysrq_always_enabled on the kernel's command line, $proc/cmdline)"
elif [ -z "$now" ]; then
	open "SysRq may be on now ($proc/sys/kernel/sysrq cannot be read)"
elif is_zero "$now"; then
	closed "SysRq is off now (kernel.sysrq=$now)"
else
	open "SysRq is on now (kernel.sysrq=$now)"
fi

# ---- kernel.sysrq at boot: the sysctl.d files as systemd-sysctl reads
# them, then /etc/sysctl.conf, which "sysctl --system" reads last and
# Debian's /etc/sysctl.d/99-sysctl.conf links to.
all=$({
	dropins '*.conf' /etc/sysctl.d /run/sysctl.d /usr/local/lib/sysctl.d \
	    /usr/lib/sysctl.d /lib/sysctl.d
	[ -e "$root/etc/sysctl.conf" ] && echo "$root/etc/sysctl.conf"
})
files=$(printf '%s\n' "$all" | readable)
[ "$files" = "$all" ] || unread=1
set -f; IFS=$nl
# shellcheck disable=SC2086
set -- $files
IFS=$old_ifs; set +f
r=$(sysctl_value kernel.sysrq "$@")
if [ -z "$r" ]; then
	open "SysRq is on at boot (no sysctl file sets kernel.sysrq: the kernel's default holds)"
else
	value=${r%%"$tab"*}
	from=$(where "${r#*"$tab"}")
	if is_zero "$value"; then
		closed "SysRq is off at boot (kernel.sysrq=$value in $from)"
	else
		open "SysRq is on at boot (kernel.sysrq=$value in $from)"
	fi
fi

if [ -n "$unread" ]; then
	echo "$n_open of $n_all open, but some files could not be read (see above): run it as root"
	exit 1
fi
if [ "$n_open" -eq 0 ]; then
	echo "all $n_all closed"
	exit 0
fi
echo "$n_open of $n_all open: deploy/lock-console.sh closes them"
exit 1
