#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef WITH_SECCOMP
#include <seccomp.h>
#endif

#include "i18n.h"
#include "sandbox.h"
#include "util.h"

/*
 * A sanitizer build keeps ptrace and /proc: LeakSanitizer stops the
 * threads with ptrace and reads /proc/self/maps when the program ends,
 * and would fail the run otherwise.  Such a build is for tests only; the
 * self-test says what it does not check there, and the kiosk does not
 * confine itself at all (sandbox_sanitizer_build()).
 */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define SANITIZER_BUILD 1
#endif
#endif
#ifndef SANITIZER_BUILD
#define SANITIZER_BUILD 0
#endif

bool
sandbox_sanitizer_build(void)
{
	return SANITIZER_BUILD;
}

bool
sandbox_built(void)
{
#ifdef WITH_SECCOMP
	return true;
#else
	return false;
#endif
}

/* ---- Landlock, through its system calls: glibc has no wrappers, and
 * the kernel headers of the build machine may be older than the kernel
 * it runs on, so the constants of later ABIs are spelt out here. ---- */

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#endif
#ifndef SYS_landlock_add_rule
#define SYS_landlock_add_rule 445
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif

struct ll_ruleset_attr {
	uint64_t handled_access_fs;
};

struct ll_path_beneath {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1

#define LL_EXECUTE (1ULL << 0)
#define LL_WRITE_FILE (1ULL << 1)
#define LL_READ_FILE (1ULL << 2)
#define LL_READ_DIR (1ULL << 3)
/* ABI 1 handles bits 0 to 12; 2 adds REFER, 3 TRUNCATE, 5 IOCTL_DEV. */
#define LL_ABI1_ALL ((1ULL << 13) - 1)
#define LL_REFER (1ULL << 13)
#define LL_TRUNCATE (1ULL << 14)
#define LL_IOCTL_DEV (1ULL << 15)

static int
landlock_abi(void)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
	return abi < 0 ? 0 : (int)abi;
}

/* Read-only under path (a directory or a file); a path that does not
 * exist is left out. */
static void
allow_read(int ruleset, const char *path)
{
	struct stat st;

	if (path == NULL || *path == '\0')
		return;
	int fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return;
	struct ll_path_beneath rule = { .parent_fd = fd };
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		rule.allowed_access = LL_READ_FILE | LL_READ_DIR;
	else
		rule.allowed_access = LL_READ_FILE;
	syscall(SYS_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0);
	close(fd);
}

/* What libc, ncurses, libcurl and OpenSSL read at run time. */
static const char *const system_reads[] = {
	/* Shared libraries loaded late: name service modules, gconv,
	 * OpenSSL's providers. */
	"/etc/ld.so.cache", "/lib", "/lib64", "/usr/lib", "/usr/lib64",
	"/usr/local/lib",
	/* libc: locales and its own messages, time zones. */
	"/usr/lib/locale", "/usr/share/locale", "/etc/localtime",
	"/etc/timezone", "/usr/share/zoneinfo",
	/* Names and addresses. */
	"/etc/hosts", "/etc/resolv.conf", "/etc/nsswitch.conf", "/etc/host.conf",
	"/etc/gai.conf", "/etc/services", "/etc/protocols",
	/* TLS: OpenSSL's settings, the system's CAs. */
	"/etc/ssl", "/usr/lib/ssl", "/usr/share/ca-certificates",
	/* terminfo, wherever the system keeps it. */
	"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
	/* Randomness and an empty input. */
	"/dev/urandom", "/dev/random", "/dev/null",
};

static int
apply_landlock(const struct sandbox_paths *p, char **cause)
{
	int abi = landlock_abi();
	if (abi <= 0)
		return 0;

	struct ll_ruleset_attr attr = { .handled_access_fs = LL_ABI1_ALL };
	if (abi >= 2)
		attr.handled_access_fs |= LL_REFER;
	if (abi >= 3)
		attr.handled_access_fs |= LL_TRUNCATE;
	if (abi >= 5)
		attr.handled_access_fs |= LL_IOCTL_DEV;
	int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	if (rs < 0) {
		*cause = xasprintf("landlock_create_ruleset: %s", strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < nitems(system_reads); i++)
		allow_read(rs, system_reads[i]);
	allow_read(rs, p->assets);
	allow_read(rs, p->localedir);
	allow_read(rs, p->cache_dir);
	allow_read(rs, p->ca_file);
	allow_read(rs, getenv("TERMINFO"));
	const char *home = getenv("HOME");
	if (home != NULL && *home == '/') {
		char *t = xasprintf("%s/.terminfo", home);
		allow_read(rs, t);
		free(t);
	}
	if (SANITIZER_BUILD)
		allow_read(rs, "/proc");
	/* No new privileges: required by Landlock, and set anyway by the
	 * seccomp filter after it. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_landlock_restrict_self, rs, 0) < 0) {
		*cause = xasprintf("landlock_restrict_self: %s", strerror(errno));
		close(rs);
		return -1;
	}
	close(rs);
	return abi;
}

/* ---- seccomp ---- */

#ifdef WITH_SECCOMP
static int
apply_seccomp(char **cause)
{
	/* Everything not named here stays allowed: the kiosk needs the
	 * terminal, sockets, threads and time, and a list of all it needs
	 * from three libraries would break with their next version. */
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	int rc = 0;

	if (ctx == NULL) {
		*cause = xstrdup("seccomp_init failed");
		return -1;
	}
	/* Every thread of the process, should there be one already. */
	rc |= seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);

	/* No program: the helper runs the configured commands. */
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(execve), 0);
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(execveat), 0);
	/* No other process's memory. */
	if (!SANITIZER_BUILD)
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ptrace), 0);
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(process_vm_readv), 0);
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(process_vm_writev), 0);

	/* No file opened for writing: the terminal is open already. */
	static const int write_flags[] = { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_TMPFILE & ~O_DIRECTORY };
	for (size_t i = 0; i < nitems(write_flags); i++) {
		scmp_datum_t f = (scmp_datum_t)write_flags[i];
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1,
		    SCMP_A1(SCMP_CMP_MASKED_EQ, f, f));
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
		    SCMP_A2(SCMP_CMP_MASKED_EQ, f, f));
	}
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(creat), 0);
	/* openat2's flags are in a struct the filter cannot read: ENOSYS,
	 * and libraries fall back to openat. */
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(openat2), 0);
	rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(open_by_handle_at), 0);

	/* No file created, removed, renamed, linked or changed by name. */
	static const int names[] = {
		SCMP_SYS(truncate), SCMP_SYS(unlink), SCMP_SYS(unlinkat),
		SCMP_SYS(rename), SCMP_SYS(renameat), SCMP_SYS(renameat2),
		SCMP_SYS(mkdir), SCMP_SYS(mkdirat), SCMP_SYS(rmdir),
		SCMP_SYS(link), SCMP_SYS(linkat), SCMP_SYS(symlink), SCMP_SYS(symlinkat),
		SCMP_SYS(mknod), SCMP_SYS(mknodat), SCMP_SYS(chmod), SCMP_SYS(fchmodat),
		SCMP_SYS(chown), SCMP_SYS(lchown), SCMP_SYS(fchownat),
	};
	for (size_t i = 0; i < nitems(names); i++)
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), names[i], 0);

	if (rc != 0) {
		*cause = xstrdup("the seccomp filter could not be built");
		seccomp_release(ctx);
		return -1;
	}
	rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc != 0) {
		*cause = xasprintf("seccomp_load: %s", strerror(-rc));
		return -1;
	}
	return 0;
}
#endif

int
sandbox_apply(const struct sandbox_paths *p, struct sandbox_status *st, char **cause)
{
	*st = (struct sandbox_status){ 0 };
	/* Landlock first, so that its rules' open(O_PATH) calls come before
	 * the filter (which would allow them anyway). */
	int abi = apply_landlock(p, cause);
	if (abi < 0)
		return -1;
	st->landlock = abi;
#ifdef WITH_SECCOMP
	if (apply_seccomp(cause) < 0)
		return -1;
	st->seccomp = true;
#endif
	return 0;
}

/* ---- opastin --sandbox-selftest ---- */

struct selftest {
	FILE *out;
	int tried;
	int allowed;	/* forbidden acts that were not refused */
};

/* One line per act: refused, with the kernel's answer, or not. */
static void
verdict(struct selftest *t, const char *act, int err)
{
	t->tried++;
	if (err != 0) {
		/* TRANSLATORS: %1$s is what was tried ("running /bin/true"),
		   %2$s the system's reason ("Operation not permitted"). */
		fprintf(t->out, _("refused: %1$s (%2$s)\n"), act, strerror(err));
	} else {
		t->allowed++;
		/* TRANSLATORS: %s is what was tried ("running /bin/true"); it
		   should have been refused and was not. */
		fprintf(t->out, _("NOT REFUSED: %s\n"), act);
	}
	fflush(t->out);
}

/* Run /bin/true in a child: the exec fails there, or /bin/true exits 0. */
static void
try_exec(struct selftest *t)
{
	/* TRANSLATORS: what --sandbox-selftest tries; %s is a program,
	   /bin/true. */
	char *act = xasprintf(_("running a program (%s)"), "/bin/true");
	pid_t pid = fork();
	int status = 0, err = 0;

	if (pid == 0) {
		char *const argv[] = { "true", NULL };
		execv("/bin/true", argv);
		_exit(errno == EPERM || errno == EACCES ? 100 + (errno == EACCES) : 99);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		err = errno;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 100)
		err = EPERM;
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 101)
		err = EACCES;
	verdict(t, act, err);
	free(act);
}

static void
try_ptrace(struct selftest *t)
{
	/* TRANSLATORS: what --sandbox-selftest tries; ptrace is the name
	   of a system call. */
	const char *act = _("tracing another process (ptrace)");
	if (SANITIZER_BUILD) {
		/* TRANSLATORS: said of the ptrace check in a build for tests;
		   LeakSanitizer is a name. */
		fprintf(t->out, "%s: %s\n", act, _("not checked: a sanitizer build allows it for LeakSanitizer"));
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	int err = pid < 0 ? errno : 0;
	if (pid > 0) {
		if (ptrace(PTRACE_ATTACH, pid, NULL, NULL) < 0)
			err = errno;
		else
			ptrace(PTRACE_DETACH, pid, NULL, NULL);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	verdict(t, act, err);
}

/* Open path with flags; act (which it frees) says what that is. */
static void
try_open(struct selftest *t, const char *path, int flags, char *act)
{
	int fd = open(path, flags | O_CLOEXEC, 0600);
	int err = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	verdict(t, act, err);
	free(act);
}

/* A file outside the allowed set that can be read before the sandbox:
 * /etc/shadow when running as root, else another. */
static const char *
outside_file(void)
{
	static const char *const candidates[] = {
		"/etc/shadow", "/etc/passwd", "/etc/hostname", "/etc/os-release",
	};
	for (size_t i = 0; i < nitems(candidates); i++) {
		int fd = open(candidates[i], O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			close(fd);
			return candidates[i];
		}
	}
	return NULL;
}

int
sandbox_selftest(const struct sandbox_paths *p, FILE *out)
{
	struct selftest t = { .out = out };
	struct sandbox_status st;
	int checks = 0;		/* needed acts tried, beside the forbidden ones */
	char *cause = NULL;
	char tmpfile[64];

	if (!sandbox_built()) {
		/* TRANSLATORS: seccomp is a name; --without-seccomp is typed
		   so. */
		fprintf(out, "%s\n", _("This Opastin was built without the seccomp sandbox (--without-seccomp)."));
		return 1;
	}
	const char *outside = outside_file();
	char *inside = p->assets ? xasprintf("%s/questions.json", p->assets) : NULL;
	char *existing = p->assets ? xasprintf("%s/catalogue.json", p->assets) : NULL;
	snprintf(tmpfile, sizeof tmpfile, "/tmp/opastin-selftest-%ld", (long)getpid());

	if (sandbox_apply(p, &st, &cause) < 0) {
		/* TRANSLATORS: %s is the system's reason. */
		fprintf(out, _("The sandbox could not be applied: %s\n"), cause);
		free(cause);
		free(inside);
		free(existing);
		return 1;
	}
	/* TRANSLATORS: seccomp is the name of the kernel's system call
	   filter. */
	fprintf(out, "%s\n", _("seccomp filter: applied"));
	if (st.landlock > 0)
		/* TRANSLATORS: %d is the version of Landlock (a name) in the kernel. */
		fprintf(out, _("Landlock: ABI %d, reading limited to the allowed files\n"), st.landlock);
	else
		/* TRANSLATORS: Landlock is a name (of a part of the Linux
		   kernel). */
		fprintf(out, "%s\n", _("Landlock: not in this kernel, reading is not limited"));

	try_exec(&t);
	try_ptrace(&t);
	/* TRANSLATORS: %s is a file name. */
	try_open(&t, tmpfile, O_WRONLY | O_CREAT | O_EXCL, xasprintf(_("creating %s"), tmpfile));
	if (existing != NULL)
		/* TRANSLATORS: %s is a file name. */
		try_open(&t, existing, O_RDWR, xasprintf(_("opening %s for writing"), existing));
	if (outside != NULL)
		/* TRANSLATORS: %s is a file name. */
		try_open(&t, outside, O_RDONLY, xasprintf(_("reading %s"), outside));
	if (inside != NULL) {
		int fd = open(inside, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			/* TRANSLATORS: %s is a file name; reading it must
			   still work in the sandbox, and does. */
			fprintf(out, _("allowed, as it should be: reading %s\n"), inside);
			close(fd);
		} else {
			/* TRANSLATORS: %s is a file name; reading it must
			   still work in the sandbox, and does not. */
			fprintf(out, _("NOT ALLOWED, though the kiosk needs it: reading %s\n"), inside);
			t.allowed++;
		}
		checks++;
	}
	if (t.allowed == 0)
		/* TRANSLATORS: %d is how many acts were tried. */
		fprintf(out, ngettext("The sandbox holds: the %d forbidden act was refused.\n",
		    "The sandbox holds: all %d forbidden acts were refused.\n", t.tried), t.tried);
	else
		/* TRANSLATORS: %1$d acts of %2$d went otherwise than they
		   should (forbidden ones not refused, or a needed one refused). */
		fprintf(out, ngettext("The sandbox does not hold: %1$d check of %2$d failed.\n",
		    "The sandbox does not hold: %1$d checks of %2$d failed.\n", t.allowed),
		    t.allowed, t.tried + checks);
	free(inside);
	free(existing);
	return t.allowed == 0 ? 0 : 1;
}
