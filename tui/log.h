/*
 * log.h: the operational log.
 *
 * Only operational events go here: start, stop, backend errors and
 * timeouts, resets, staff actions.  Never anything a citizen entered
 * (answers, meters, ages, municipalities, search words) and never a
 * credential: callers pass only fixed texts, codes and counts.
 *
 * The log goes to syslog, or to stderr with --log-stderr.  In batch mode
 * and before log_open() it goes to stderr.
 */
#ifndef OPASTIN_LOG_H
#define OPASTIN_LOG_H

#include <stdbool.h>

void log_open(bool to_stderr);
void log_close(void);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
