/*
 * The helper that starts programs for the sandboxed kiosk (spawner.h):
 * it runs what its kinds say with the request's input, refuses
 * parameters that are more than letters and digits and kinds it was not
 * given, stops a command's process group, tells how a command ended
 * without waiting for it, and keeps serving a process that the sandbox
 * has since forbidden execve.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sandbox.h"
#include "spawn.h"
#include "spawner.h"
#include "util.h"

static char dir[] = "/tmp/opastin-spawner.XXXXXX";

/* The test kind: parameter 0 names the file (in dir) that the command
 * writes its input to; "sleep" runs a command that takes its time. */
static pid_t
run_writer(void *ctx, const struct spawn_request *r)
{
	(void)ctx;
	if (r->nparams != 1)
		return -1;
	if (strcmp(r->param[0], "sleep") == 0) {
		char *const argv[] = { "sh", "-c", "sleep 30", NULL };
		return spawn_with_input(argv, NULL, NULL, 0);
	}
	if (strcmp(r->param[0], "exit3") == 0) {
		char *const argv[] = { "sh", "-c", "exit 3", NULL };
		return spawn_with_input(argv, NULL, NULL, 0);
	}
	char env[64 + sizeof dir];
	snprintf(env, sizeof env, "OUT=%s/%s", dir, r->param[0]);
	char *const envp[] = { env, NULL };
	char *const argv[] = { "sh", "-c", "cat > \"$OUT\"", NULL };
	return spawn_with_input(argv, envp, r->input, r->len);
}

static struct spawner *
start(void)
{
	struct spawn_handler kinds[SPAWN_KINDS] = { [SPAWN_SPEECH] = { run_writer, NULL } };
	struct spawner *s = spawner_start(kinds);
	assert_non_null(s);
	return s;
}

static struct spawn_request
request(const char *param, const char *input)
{
	struct spawn_request r = { .kind = SPAWN_SPEECH, .nparams = 1, .input = input,
	    .len = strlen(input) };
	snprintf(r.param[0], sizeof r.param[0], "%s", param);
	return r;
}

static char *
slurp(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	size_t len;
	char *cause = NULL;
	char *text = read_file(path, 1 << 16, &len, &cause);
	free(cause);
	free(path);
	return text;
}

static void
test_runs_with_input(void **state)
{
	(void)state;
	struct spawner *s = start();
	struct spawn_request r = request("out1", "Hyvää päivää");
	pid_t pid = spawner_run(s, &r);
	assert_true(pid > 0);
	assert_true(spawner_wait(s, pid));
	char *text = slurp("out1");
	assert_non_null(text);
	assert_string_equal(text, "Hyvää päivää");
	free(text);
	spawner_free(s);
}

static void
test_refuses_parameters(void **state)
{
	(void)state;
	static const char *const bad[] = { "a;b", "$(id)", "a b", "../x", "", "`x`", "a\nb" };
	struct spawner *s = start();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct spawn_request r = request(bad[i], "x");
		assert_int_equal(spawner_run(s, &r), -1);
	}
	/* The helper still serves after refusing. */
	struct spawn_request ok = request("out2", "x");
	pid_t pid = spawner_run(s, &ok);
	assert_true(pid > 0);
	assert_true(spawner_wait(s, pid));
	spawner_free(s);
}

static void
test_refuses_unknown_kind(void **state)
{
	(void)state;
	struct spawn_handler none[SPAWN_KINDS] = { { NULL, NULL } };
	struct spawner *s = spawner_start(none);
	assert_non_null(s);
	struct spawn_request r = request("out3", "x");
	assert_int_equal(spawner_run(s, &r), -1);
	r.kind = (enum spawn_kind)SPAWN_KINDS;
	assert_int_equal(spawner_run(s, &r), -1);
	spawner_free(s);
}

static void
test_stop(void **state)
{
	(void)state;
	struct spawner *s = start();
	struct spawn_request r = request("sleep", "");
	pid_t pid = spawner_run(s, &r);
	assert_true(pid > 0);
	time_t t0 = time(NULL);
	spawner_stop(s, pid);
	assert_true(time(NULL) - t0 < 5);
	/* The whole group is gone: no process of it is left, once init has
	 * reaped the sleep that the shell left behind. */
	for (int i = 0; i < 200 && kill(-pid, 0) == 0; i++)
		usleep(10000);
	assert_int_equal(kill(-pid, 0), -1);
	assert_int_equal(errno, ESRCH);
	spawner_free(s);
}

/* spawner_reap(), as the printout's poll uses it: 0 while the command
 * runs, then 1 once with its wait status, then -1 (forgotten). */
static void
test_reap(void **state)
{
	(void)state;
	struct spawner *s = start();
	struct spawn_request r = request("sleep", "");
	pid_t sleeper = spawner_run(s, &r);
	assert_true(sleeper > 0);
	int status = -1;
	assert_int_equal(spawner_reap(s, sleeper, &status), 0);
	spawner_stop(s, sleeper);
	assert_int_equal(spawner_reap(s, sleeper, &status), -1);

	r = request("exit3", "");
	pid_t pid = spawner_run(s, &r);
	assert_true(pid > 0);
	int ended = 0;
	for (int i = 0; i < 500 && (ended = spawner_reap(s, pid, &status)) == 0; i++)
		usleep(10000);
	assert_int_equal(ended, 1);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);
	assert_int_equal(spawner_reap(s, pid, &status), -1);
	assert_int_equal(spawner_reap(s, 12345678, &status), -1);
	spawner_free(s);
	/* The helper is gone: nothing is known. */
	assert_int_equal(spawner_reap(NULL, pid, &status), -1);
}

/* Valgrind does not know the system calls of seccomp and Landlock, so
 * under it (make check-valgrind; its preloaded vgpreload library is in
 * LD_PRELOAD) the sandbox cannot be applied: make check runs the test
 * below. */
static bool
under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");
	return p != NULL && strstr(p, "vgpreload") != NULL;
}

/* In a child: the sandbox forbids execve, yet the helper forked before
 * it still runs the command. */
static void
test_serves_sandboxed_process(void **state)
{
	(void)state;
	if (!sandbox_built() || under_valgrind())
		skip();
	struct spawner *s = start();
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct sandbox_paths p = { 0 };
		struct sandbox_status st;
		char *cause = NULL;
		if (sandbox_apply(&p, &st, &cause) < 0)
			_exit(10);
		char *const argv[] = { "true", NULL };
		execv("/bin/true", argv);
		if (errno != EPERM)
			_exit(11);
		struct spawn_request r = request("out4", "from the sandbox");
		pid_t pid = spawner_run(s, &r);
		_exit(pid > 0 && spawner_wait(s, pid) ? 0 : 12);
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	char *text = slurp("out4");
	assert_non_null(text);
	assert_string_equal(text, "from the sandbox");
	free(text);
	spawner_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_with_input),
		cmocka_unit_test(test_refuses_parameters),
		cmocka_unit_test(test_refuses_unknown_kind),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_reap),
		cmocka_unit_test(test_serves_sandboxed_process),
	};
	if (mkdtemp(dir) == NULL)
		return 1;
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}
