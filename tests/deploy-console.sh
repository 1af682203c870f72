#!/bin/sh
# The kiosk's console lock (deploy/lock-console.sh) and its check
# (deploy/check-kiosk.sh), on trees under a temporary directory: an empty
# tree is open on every item; after lock-console.sh --root everything is
# closed, and running it again changes nothing; a tree with one thing
# undone is open on exactly that item.  Never run on / (make check may run
# as root).
. "$top_srcdir/tests/lib.sh"

lock="$top_srcdir/deploy/lock-console.sh"
check="$top_srcdir/deploy/check-kiosk.sh"
items=12

# diag_file FILE...: the FILEs in the log.
diag_file() {
	sed 's/^/# /' "$@"
}

# fake_proc DIR SYSRQ [CMDLINE]: a stand-in for /proc.
fake_proc() {
	mkdir -p "$1/sys/kernel"
	echo "$2" >"$1/sys/kernel/sysrq"
	echo "${3:-BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet}" >"$1/cmdline"
}

# run_check NAME ROOT PROC: check-kiosk.sh's report in $tmpdir/NAME.out,
# its exit status in rc.
run_check() {
	rc=0
	sh "$check" --root "$2" --proc "$3" >"$tmpdir/$1.out" 2>"$tmpdir/$1.err" || rc=$?
}

# count KIND NAME: how many "KIND: " lines report NAME has.
count() {
	grep -c "^$1: " "$tmpdir/$2.out"
}

# only_open NAME TEXT: the report NAME has exactly one open item, and it
# holds TEXT.
only_open() {
	[ "$(count open "$1")" -eq 1 ] &&
	    [ "$(count closed "$1")" -eq $((items - 1)) ] &&
	    grep '^open: ' "$tmpdir/$1.out" | grep -qF -- "$2" &&
	    grep -qx "1 of $items open: deploy/lock-console.sh closes them" "$tmpdir/$1.out"
}

# snapshot ROOT: every path of the tree with its type, mode, link target
# and content, for comparing two states of it.
snapshot() {
	(cd "$1" && find . -print | LC_ALL=C sort | while IFS= read -r p; do
		if [ -L "$p" ]; then
			echo "$p link $(readlink "$p")"
		elif [ -d "$p" ]; then
			echo "$p dir $(stat -c %a "$p")"
		else
			echo "$p file $(stat -c %a "$p") $(cksum <"$p")"
		fi
	done)
}

fake_proc "$tmpdir/proc1" 438
fake_proc "$tmpdir/proc0" 0

# ---- An empty tree: everything open.
mkdir "$tmpdir/empty"
run_check empty "$tmpdir/empty" "$tmpdir/proc1"
[ "$rc" -eq 1 ] || diag_file "$tmpdir/empty.out" "$tmpdir/empty.err"
ok_if "an empty tree: check-kiosk exits 1" test "$rc" -eq 1
ok_if "an empty tree: all $items items are open, none closed" \
    test "$(count open empty)" -eq "$items" -a "$(count closed empty)" -eq 0
ok_if "an empty tree: systemd's defaults are named (NAutoVTs=6, ReserveVT=6, CtrlAltDelBurstAction=reboot-force)" \
    sh -c 'grep -q "^open: .*NAutoVTs=6, systemd.s default" "$1" &&
	grep -q "^open: .*ReserveVT=6, systemd.s default" "$1" &&
	grep -q "^open: .*CtrlAltDelBurstAction=reboot-force, systemd.s default" "$1"' \
    sh "$tmpdir/empty.out"
ok_if "an empty tree: the summary line says $items of $items open" \
    grep -qx "$items of $items open: deploy/lock-console.sh closes them" "$tmpdir/empty.out"
ok_if "an empty tree: sysrq now is read from --proc (438)" \
    grep -q '^open: SysRq is on now (kernel.sysrq=438)' "$tmpdir/empty.out"

# ---- lock-console.sh --root: everything in place and closed.
locked=$tmpdir/locked
mkdir "$locked"
rc=0
sh "$lock" --root "$locked" >"$tmpdir/lock1.out" 2>"$tmpdir/lock1.err" || rc=$?
[ "$rc" -eq 0 ] || diag_file "$tmpdir/lock1.out" "$tmpdir/lock1.err"
ok_if "lock-console.sh --root exits 0" test "$rc" -eq 0
ok_if "lock-console.sh --root writes nothing on standard error" test ! -s "$tmpdir/lock1.err"
same_files() {
	cmp -s "$top_srcdir/deploy/console-logind.conf" "$locked/etc/systemd/logind.conf.d/90-opastin-kiosk.conf" &&
	    cmp -s "$top_srcdir/deploy/console-system.conf" "$locked/etc/systemd/system.conf.d/90-opastin-kiosk.conf" &&
	    cmp -s "$top_srcdir/deploy/console-sysctl.conf" "$locked/etc/sysctl.d/90-opastin-kiosk.conf" &&
	    [ "$(stat -c %a "$locked/etc/sysctl.d/90-opastin-kiosk.conf")" = 644 ]
}
ok_if "the three files are installed where they belong, mode 644" same_files
masks_made() {
	for u in getty@tty2.service getty@tty3.service getty@tty4.service \
	    getty@tty5.service getty@tty6.service autovt@.service ctrl-alt-del.target; do
		[ -L "$locked/etc/systemd/system/$u" ] &&
		    [ "$(readlink "$locked/etc/systemd/system/$u")" = /dev/null ] || return 1
	done
}
ok_if "the seven units are masked (links to /dev/null in /etc/systemd/system)" masks_made
run_check locked "$locked" "$tmpdir/proc0"
[ "$rc" -eq 0 ] || diag_file "$tmpdir/locked.out"
ok_if "a locked tree: check-kiosk exits 0" test "$rc" -eq 0
ok_if "a locked tree: all $items items are closed, none open" \
    test "$(count closed locked)" -eq "$items" -a "$(count open locked)" -eq 0
ok_if "a locked tree: the summary line says all closed" \
    grep -qx "all $items closed" "$tmpdir/locked.out"
ok_if "a locked tree: the settings are found in the installed files" \
    sh -c 'grep -q "^closed: .*NAutoVTs=0 in /etc/systemd/logind.conf.d/90-opastin-kiosk.conf" "$1" &&
	grep -q "^closed: .*CtrlAltDelBurstAction=none in /etc/systemd/system.conf.d/90-opastin-kiosk.conf" "$1" &&
	grep -q "^closed: SysRq is off at boot (kernel.sysrq=0 in /etc/sysctl.d/90-opastin-kiosk.conf)" "$1"' \
    sh "$tmpdir/locked.out"

# ---- A second run: harmless.
snapshot "$locked" >"$tmpdir/before"
rc=0
sh "$lock" --root "$locked/" >"$tmpdir/lock2.out" 2>"$tmpdir/lock2.err" || rc=$?
ok_if "lock-console.sh a second time exits 0, nothing on standard error" \
    test "$rc" -eq 0 -a ! -s "$tmpdir/lock2.err"
snapshot "$locked" >"$tmpdir/after"
diff "$tmpdir/before" "$tmpdir/after" | sed 's/^/# /'
ok_if "lock-console.sh a second time changes nothing in the tree" \
    cmp -s "$tmpdir/before" "$tmpdir/after"
ok_if "lock-console.sh a second time says all 10 are in place" \
    test "$(grep -c '^in place: ' "$tmpdir/lock2.out")" -eq 10
run_check again "$locked" "$tmpdir/proc0"
ok_if "after a second run: still all closed" test "$rc" -eq 0 -a "$(count closed again)" -eq "$items"

# ---- One thing undone at a time: exactly that item is open.
# undone NAME: a copy of the locked tree in $tmpdir/NAME, in $t.
undone() {
	t=$tmpdir/$1
	cp -a "$locked" "$t"
}

undone late-logind
printf '[Login]\nNAutoVTs=6\n' >"$t/etc/systemd/logind.conf.d/99-site.conf"
run_check late-logind "$t" "$tmpdir/proc0"
ok_if "NAutoVTs=6 in a later logind.conf.d file: exit 1" test "$rc" -eq 1
ok_if "NAutoVTs=6 in a later logind.conf.d file: only that is open, and where it is set" \
    only_open late-logind "Alt-F2…F6 can reach a login prompt (NAutoVTs=6 in /etc/systemd/logind.conf.d/99-site.conf)"

undone early-logind
printf '[Login]\nNAutoVTs=6\nReserveVT=6\n' >"$t/etc/systemd/logind.conf.d/10-site.conf"
printf '[Login]\nReserveVT=6\n' >"$t/etc/systemd/logind.conf"
run_check early-logind "$t" "$tmpdir/proc0"
ok_if "NAutoVTs=6 in logind.conf and an earlier drop-in: the later 90-opastin-kiosk.conf wins, all closed" \
    test "$rc" -eq 0 -a "$(count closed early-logind)" -eq "$items"

undone usr-logind
mkdir -p "$t/usr/lib/systemd/logind.conf.d"
printf '[Login]\nNAutoVTs=6\n' >"$t/usr/lib/systemd/logind.conf.d/90-opastin-kiosk.conf"
printf '[Login]\nReserveVT=2\n' >"$t/usr/lib/systemd/logind.conf.d/95-vendor.conf"
run_check usr-logind "$t" "$tmpdir/proc0"
ok_if "/usr/lib's logind.conf.d: a file of the same name is hidden by /etc's, a later one counts" \
    only_open usr-logind "logind keeps a login prompt ready on tty2 (ReserveVT=2 in /usr/lib/systemd/logind.conf.d/95-vendor.conf)"

undone other-section
printf '# NAutoVTs=6\n[Manager]\nNAutoVTs=6\n[Login]\nNAutoVTs = six\nReserveVT=6 # comment\n' \
    >"$t/etc/systemd/logind.conf.d/99-site.conf"
run_check other-section "$t" "$tmpdir/proc0"
ok_if "a comment, another section and values systemd ignores change nothing: all closed" \
    test "$rc" -eq 0 -a "$(count closed other-section)" -eq "$items"

undone cad-mask
rm "$t/etc/systemd/system/ctrl-alt-del.target"
run_check cad-mask "$t" "$tmpdir/proc0"
ok_if "the ctrl-alt-del.target mask removed: exit 1" test "$rc" -eq 1
ok_if "the ctrl-alt-del.target mask removed: only that is open" \
    only_open cad-mask "Ctrl-Alt-Del reboots the machine (ctrl-alt-del.target is not masked)"

undone tty4
rm "$t/etc/systemd/system/getty@tty4.service"
printf '[Service]\nExecStart=/sbin/agetty tty4\n' >"$t/etc/systemd/system/getty@tty4.service"
run_check tty4 "$t" "$tmpdir/proc0"
ok_if "a unit file instead of getty@tty4's mask: only that is open" \
    only_open tty4 "getty@tty4.service is not masked"

undone burst
printf '[Manager]\nCtrlAltDelBurstAction=reboot\n' >"$t/etc/systemd/system.conf.d/99-site.conf"
run_check burst "$t" "$tmpdir/proc0"
ok_if "CtrlAltDelBurstAction=reboot in a later system.conf.d file: only that is open" \
    only_open burst "CtrlAltDelBurstAction=reboot in /etc/systemd/system.conf.d/99-site.conf"

undone sysrq-now
run_check sysrq-now "$t" "$tmpdir/proc1"
ok_if "a proc with kernel.sysrq=438: exit 1" test "$rc" -eq 1
ok_if "a proc with kernel.sysrq=438: only sysrq now is open" \
    only_open sysrq-now "SysRq is on now (kernel.sysrq=438)"

fake_proc "$tmpdir/proc-always" 0 "root=/dev/sda1 ro sysrq_always_enabled quiet"
run_check sysrq-always "$t" "$tmpdir/proc-always"
ok_if "sysrq_always_enabled on the kernel's command line: only sysrq now is open" \
    only_open sysrq-always "sysrq_always_enabled"

undone sysctl-conf
echo 'kernel.sysrq = 1' >"$t/etc/sysctl.conf"
run_check sysctl-conf "$t" "$tmpdir/proc0"
ok_if "kernel.sysrq = 1 in /etc/sysctl.conf, read last: only sysrq at boot is open" \
    only_open sysctl-conf "SysRq is on at boot (kernel.sysrq=1 in /etc/sysctl.conf)"

undone sysctl-d
printf -- '-kernel/sysrq=16\n' >"$t/etc/sysctl.d/99-zz-site.conf"
mkdir -p "$t/usr/lib/sysctl.d"
echo 'kernel.sysrq = 0x0' >"$t/usr/lib/sysctl.d/99-zz-site.conf"
run_check sysctl-d "$t" "$tmpdir/proc0"
ok_if "-kernel/sysrq=16 in a later sysctl.d file (hiding /usr/lib's): only sysrq at boot is open" \
    only_open sysctl-d "SysRq is on at boot (kernel.sysrq=16 in /etc/sysctl.d/99-zz-site.conf)"

undone usr-sysctl
mkdir -p "$t/usr/lib/sysctl.d"
echo 'kernel.sysrq = 1' >"$t/usr/lib/sysctl.d/95-vendor.conf"
echo 'kernel.sysrq = 1' >"$t/usr/lib/sysctl.d/10-vendor.conf"
run_check usr-sysctl "$t" "$tmpdir/proc0"
ok_if "kernel.sysrq = 1 in /usr/lib/sysctl.d, in a file after ours by name: only sysrq at boot is open" \
    only_open usr-sysctl "SysRq is on at boot (kernel.sysrq=1 in /usr/lib/sysctl.d/95-vendor.conf)"

# ---- Refusals and errors.
mkdir -p "$tmpdir/own/etc/systemd/system"
echo '[Service]' >"$tmpdir/own/etc/systemd/system/getty@tty3.service"
rc=0
sh "$lock" --root "$tmpdir/own" >"$tmpdir/own.out" 2>"$tmpdir/own.err" || rc=$?
ok_if "a unit file of the site's own where a mask goes: lock-console.sh exits 1" test "$rc" -eq 1
ok_if "... with one line on standard error naming it" \
    sh -c 'test "$(wc -l <"$1")" -eq 1 && grep -q "^lock-console.sh: .*/etc/systemd/system/getty@tty3.service" "$1"' \
    sh "$tmpdir/own.err"
ok_if "... and nothing installed, the file left as it was" \
    sh -c 'test ! -e "$1/etc/systemd/logind.conf.d" && test ! -e "$1/etc/systemd/system/getty@tty2.service" &&
	test "$(cat "$1/etc/systemd/system/getty@tty3.service")" = "[Service]"' sh "$tmpdir/own"

rc=0
sh "$lock" --root "$tmpdir/nonexistent" >/dev/null 2>"$tmpdir/noroot.err" || rc=$?
ok_if "lock-console.sh --root with no such directory: exit 1, one line" \
    test "$rc" -eq 1 -a "$(wc -l <"$tmpdir/noroot.err")" -eq 1
rc=0
sh "$check" --bogus >/dev/null 2>&1 || rc=$?
ok_if "check-kiosk.sh with an unknown option: exit 2" test "$rc" -eq 2

finish
