#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>

#include "log.h"

static enum { TO_STDERR_DEFAULT, TO_SYSLOG, TO_STDERR } target = TO_STDERR_DEFAULT;

void
log_open(bool to_stderr)
{
	if (to_stderr) {
		target = TO_STDERR;
		return;
	}
	openlog("opastin", LOG_PID, LOG_USER);
	target = TO_SYSLOG;
}

void
log_close(void)
{
	if (target == TO_SYSLOG)
		closelog();
	target = TO_STDERR_DEFAULT;
}

static void
vlog(int priority, const char *fmt, va_list ap)
{
	if (target == TO_SYSLOG) {
		vsyslog(priority, fmt, ap);
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(stderr, "%s opastin: %s", stamp, priority == LOG_WARNING ? "warning: " : "");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(LOG_INFO, fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vlog(LOG_WARNING, fmt, ap);
	va_end(ap);
}
