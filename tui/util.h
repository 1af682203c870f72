/*
 * util.h: allocation that cannot fail silently, string helpers, and wiping.
 *
 * Ownership: every x* allocator returns memory the caller owns and frees
 * with free().  xasprintf() and xstrndup() never return NULL: on memory
 * exhaustion the program stops with a message, as a kiosk cannot carry on
 * sensibly without memory.
 */
#ifndef OPASTIN_UTIL_H
#define OPASTIN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define nitems(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Overwrite n bytes in a way the compiler may not optimise away. */
void wipe(void *, size_t);
/* Wipe a NUL-terminated string in place, then free it.  NULL is fine. */
void wipe_free_str(char *);

/* Append to a growable array of strings (*v has *n entries); takes s. */
void strv_push(char ***v, size_t *n, char *s);
void strv_free(char **v, size_t n);
/* The same, wiping each string first: for what a citizen entered, and
 * for text made from it. */
void strv_wipe_free(char **v, size_t n);
bool strv_contains(char *const *v, size_t n, const char *s);

/* Parse a whole decimal integer in [min, max]; 0 on success, -1 if not. */
int parse_int(const char *s, long min, long max, long *out);

/* Open path for reading, refusing at once what is not a regular file (a
 * FIFO, a device, a directory): O_NONBLOCK, so a FIFO without a writer
 * cannot hang the open.  A symbolic link to a regular file is fine.
 * The descriptor, blocking again, or -1 with *cause ("file: reason"). */
int open_regular(const char *path, char **cause);
/* Whether path is a regular file this process can read: 0, or -1 with
 * *reason ("not a regular file", or strerror), which does not name it. */
int check_readable_file(const char *path, char **reason);

/* Read a whole regular file (see open_regular) into a NUL-terminated
 * buffer of at most max bytes.
 * Returns NULL with *cause set ("file: reason") on failure. */
char *read_file(const char *path, size_t max, size_t *len, char **cause);

/* 32 random hex digits and a NUL into id (33 bytes): a session id. */
void random_id(char *id);

/* Milliseconds from a monotonic clock. */
long long now_ms(void);

#endif
