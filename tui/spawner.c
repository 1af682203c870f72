#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawner.h"
#include "util.h"

enum op { OP_RUN = 1, OP_STOP, OP_WAIT, OP_REAP };

/* One message each way on a SOCK_SEQPACKET socket: a request is this
 * header followed by the input, a reply a struct reply. */
struct wire {
	uint32_t op;
	uint32_t kind;
	int32_t pid;
	uint32_t nparams;
	char param[SPAWN_MAX_PARAMS][SPAWN_PARAM_MAX];
	uint32_t len;
};

struct reply {
	int32_t value;
	int32_t status;		/* OP_REAP: the wait status */
};

#define WIRE_MAX (sizeof(struct wire) + SPAWN_MAX_INPUT)
#define MAX_CHILDREN 16

struct spawner {
	pid_t helper;
	int fd;
};

/* ---- The helper ---- */

struct child {
	pid_t pid;
	bool done;
	int status;
};

static void
reap(struct child *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].pid > 0 && !c[i].done && spawn_reap(c[i].pid, &c[i].status))
			c[i].done = true;
}

/* The slot of pid; with pid 0, a free one. */
static struct child *
find(struct child *c, size_t n, pid_t pid)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].pid == pid)
			return &c[i];
	return NULL;
}

static void
stop(struct child *c)
{
	/* The whole group: a command line of the configuration may be a
	 * pipeline. */
	if (!c->done)
		spawn_kill(c->pid);
	c->pid = 0;
	c->done = false;
}

/* A parameter is a language code or a number: nothing a shell or a
 * command line could read as more. */
static bool
param_ok(const char *p)
{
	size_t n = strnlen(p, SPAWN_PARAM_MAX);
	if (n == 0 || n == SPAWN_PARAM_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == '_' || p[i] == '-'))
			return false;
	return true;
}

static pid_t
serve_run(const struct spawn_handler kinds[SPAWN_KINDS], const struct wire *w, const char *input,
    size_t len)
{
	struct spawn_request r = { .input = input, .len = len };

	if (w->kind >= SPAWN_KINDS || kinds[w->kind].run == NULL ||
	    w->nparams > SPAWN_MAX_PARAMS || w->len != len)
		return -1;
	r.kind = (enum spawn_kind)w->kind;
	r.nparams = w->nparams;
	for (size_t i = 0; i < r.nparams; i++) {
		if (!param_ok(w->param[i]))
			return -1;
		memcpy(r.param[i], w->param[i], SPAWN_PARAM_MAX);
	}
	return kinds[r.kind].run(kinds[r.kind].ctx, &r);
}

static _Noreturn void
helper_main(int fd, const struct spawn_handler kinds[SPAWN_KINDS])
{
	struct child c[MAX_CHILDREN] = { 0 };
	char *buf = xmalloc(WIRE_MAX);

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		reap(c, MAX_CHILDREN);
		if (poll(&p, 1, 1000) <= 0)
			continue;
		ssize_t n = recv(fd, buf, WIRE_MAX, 0);
		if (n <= 0)
			break;		/* the kiosk is gone */
		struct wire w;
		if ((size_t)n < sizeof w)
			continue;
		memcpy(&w, buf, sizeof w);
		struct reply reply = { .value = -1 };
		struct child *k;
		switch (w.op) {
		case OP_RUN:
			reap(c, MAX_CHILDREN);
			k = find(c, MAX_CHILDREN, 0);	/* a free slot */
			for (size_t i = 0; k == NULL && i < MAX_CHILDREN; i++)
				if (c[i].done)
					k = &c[i];
			if (k == NULL)
				break;
			reply.value = serve_run(kinds, &w, buf + sizeof w, (size_t)n - sizeof w);
			if (reply.value > 0)
				*k = (struct child){ .pid = reply.value };
			break;
		case OP_STOP:
			if (w.pid > 0 && (k = find(c, MAX_CHILDREN, w.pid)) != NULL)
				stop(k);
			reply.value = 0;
			break;
		case OP_WAIT:
			if (w.pid <= 0 || (k = find(c, MAX_CHILDREN, w.pid)) == NULL)
				break;
			if (!k->done && waitpid(k->pid, &k->status, 0) == k->pid)
				k->done = true;
			reply.value = k->done && WIFEXITED(k->status) && WEXITSTATUS(k->status) == 0;
			k->pid = 0;
			k->done = false;
			break;
		case OP_REAP:
			if (w.pid <= 0 || (k = find(c, MAX_CHILDREN, w.pid)) == NULL)
				break;
			reap(c, MAX_CHILDREN);	/* it may have ended since poll() */
			reply.value = k->done;
			if (k->done) {
				reply.status = k->status;
				k->pid = 0;
				k->done = false;
			}
			break;
		}
		/* What was said may be what a citizen typed. */
		wipe(buf, (size_t)n);
		if (send(fd, &reply, sizeof reply, MSG_NOSIGNAL) < 0)
			break;
	}
	for (size_t i = 0; i < MAX_CHILDREN; i++)
		if (c[i].pid > 0)
			stop(&c[i]);
	_exit(0);
}

struct spawner *
spawner_start(const struct spawn_handler kinds[SPAWN_KINDS])
{
	int sv[2];
	pid_t parent = getpid();

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return NULL;
	pid_t pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return NULL;
	}
	if (pid == 0) {
		close(sv[0]);
		/* Out of the terminal's process group, so that no key sent to
		 * the kiosk signals it; gone when the kiosk is. */
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(0);
		signal(SIGPIPE, SIG_IGN);
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTERM, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		helper_main(sv[1], kinds);
	}
	close(sv[1]);
	struct spawner *s = xcalloc(1, sizeof *s);
	s->helper = pid;
	s->fd = sv[0];
	return s;
}

void
spawner_free(struct spawner *s)
{
	if (s == NULL)
		return;
	close(s->fd);		/* the helper stops its commands and ends */
	waitpid(s->helper, NULL, 0);
	free(s);
}

/* The reply's value (-1 when the helper did not answer), and its
 * status in *status unless status is NULL. */
static int32_t
ask(struct spawner *s, const struct wire *w, const char *input, size_t len, int *status)
{
	struct iovec iov[2] = {
		{ .iov_base = (void *)w, .iov_len = sizeof *w },
		{ .iov_base = (void *)input, .iov_len = len },
	};
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = len > 0 ? 2 : 1 };
	struct reply reply;

	if (s == NULL || sendmsg(s->fd, &m, MSG_NOSIGNAL) < 0)
		return -1;
	ssize_t n;
	do
		n = recv(s->fd, &reply, sizeof reply, 0);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof reply)
		return -1;
	if (status != NULL)
		*status = reply.status;
	return reply.value;
}

pid_t
spawner_run(struct spawner *s, const struct spawn_request *r)
{
	struct wire w = { .op = OP_RUN, .kind = r->kind };
	size_t len = r->len > SPAWN_MAX_INPUT ? SPAWN_MAX_INPUT : r->len;

	if (r->nparams > SPAWN_MAX_PARAMS)
		return -1;
	w.nparams = (uint32_t)r->nparams;
	for (size_t i = 0; i < r->nparams; i++)
		snprintf(w.param[i], SPAWN_PARAM_MAX, "%s", r->param[i]);
	w.len = (uint32_t)len;
	return ask(s, &w, r->input, len, NULL);
}

void
spawner_stop(struct spawner *s, pid_t pid)
{
	struct wire w = { .op = OP_STOP, .pid = pid };
	if (pid > 0)
		ask(s, &w, NULL, 0, NULL);
}

bool
spawner_wait(struct spawner *s, pid_t pid)
{
	struct wire w = { .op = OP_WAIT, .pid = pid };
	return pid > 0 && ask(s, &w, NULL, 0, NULL) == 1;
}

int
spawner_reap(struct spawner *s, pid_t pid, int *status)
{
	struct wire w = { .op = OP_REAP, .pid = pid };
	if (pid <= 0)
		return -1;
	int32_t r = ask(s, &w, NULL, 0, status);
	return r < 0 ? -1 : r > 0;
}
