/*
 * sandbox.h: the kiosk confined by the kernel once it has started.
 *
 * A kiosk faces anyone who walks up to it.  Should a bug in the program
 * or a library ever let its input take control of the process (a
 * hostile answer from the network, a terminal escape), the kernel still
 * refuses what an attacker would do next:
 *
 *   - a seccomp filter (libseccomp) refuses execve and execveat, ptrace
 *     and reading or writing another process's memory, opening any file
 *     for writing (open and openat with O_WRONLY, O_RDWR, O_CREAT,
 *     O_TRUNC or O_TMPFILE: EACCES; openat2, whose flags it cannot see:
 *     ENOSYS, so libraries fall back to openat), and creating, removing,
 *     renaming or linking files.  The kiosk writes only to the terminal
 *     and to sockets it opens (the backend, syslog), which stay allowed.
 *   - where the kernel has Landlock, every file access but reading is
 *     refused, and reading is limited to what the kiosk needs: the
 *     assets, the message catalogues, the register's cache, the CA file,
 *     terminfo, and what libc, libcurl and OpenSSL read (TLS settings and
 *     certificates, time zones, name service files, shared libraries).
 *
 * Programs (the speech synthesizer, the printer command) are started by
 * a helper forked before the filter (spawner.h), which runs only
 * configured commands.
 *
 * Both last for the life of the process and pass to any thread it
 * starts later (libcurl's resolver).  Nothing here draws or prints but
 * sandbox_selftest().
 */
#ifndef OPASTIN_SANDBOX_H
#define OPASTIN_SANDBOX_H

#include <stdbool.h>
#include <stdio.h>

/* What the kiosk still reads once confined (borrowed; NULL: none). */
struct sandbox_paths {
	const char *assets;
	const char *localedir;
	const char *cache_dir;
	const char *ca_file;
};

/* What sandbox_apply() did. */
struct sandbox_status {
	bool seccomp;		/* the filter is loaded */
	int landlock;		/* the Landlock ABI applied, 0 for none */
};

/* Whether this Opastin was built with the seccomp filter. */
bool sandbox_built(void);
/* Whether this is a sanitizer build (ASan, LSan).  Its reports are files
 * (log_path) that a confined process could not create, so a kiosk built
 * so stays unconfined: a sandbox there would lose the reports that such
 * a build is for. */
bool sandbox_sanitizer_build(void);

/*
 * Confine the calling process, for good.  Call it before any thread is
 * started (Landlock binds the calling thread only).  Returns 0 (with st
 * filled; a kernel without Landlock is no error), or -1 with *cause when
 * the filter could not be applied.
 */
int sandbox_apply(const struct sandbox_paths *, struct sandbox_status *st, char **cause);

/*
 * opastin --sandbox-selftest: apply the sandbox, then try each forbidden
 * act (run a program, trace a process, create a file, open one for
 * writing, read one outside the allowed set), with a line on out for
 * each.  The exit status: 0 when every act was refused, else 1.
 */
int sandbox_selftest(const struct sandbox_paths *, FILE *out);

#endif
