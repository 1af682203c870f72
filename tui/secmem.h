/*
 * secmem.h: allocators that overwrite memory as they give it back.
 *
 * The libraries that see what a citizen typed or chose keep copies of it
 * in their own buffers: libcurl the request it sends, OpenSSL the
 * records it writes and reads, jansson the strings and the JSON text it
 * builds.  They free those buffers as any program does, and free() leaves
 * the bytes where they were, for a core dump or a later bug to find.
 * secmem_install() gives OpenSSL and jansson allocators that wipe a
 * block (explicit_bzero) on free and on realloc; net.c gives the same to
 * libcurl (curl_global_init_mem).  Our own code wipes what it owns
 * itself (util.h: wipe).
 *
 * A block's size is kept in a header of SECMEM_HEADER bytes before it,
 * so that malloc's alignment (16 bytes on x86-64 and arm64) holds for the
 * block too.
 */
#ifndef OPASTIN_SECMEM_H
#define OPASTIN_SECMEM_H

#include <stdbool.h>
#include <stddef.h>

#define SECMEM_HEADER 16

void *secmem_malloc(size_t);
void *secmem_calloc(size_t nmemb, size_t size);
/* Always moves a block that grows, wiping the old one; a block that
 * shrinks stays where it is, its tail wiped. */
void *secmem_realloc(void *, size_t);
void secmem_free(void *);
char *secmem_strdup(const char *);
/* How many bytes the block holds (what was asked for, or more). */
size_t secmem_size(const void *);

/* json_dumps(j, flags) as a string to free() like any other: jansson's
 * own, from its allocator, is given back to it (and so wiped).  NULL
 * when jansson fails. */
struct json_t;
char *secmem_json_dumps(const struct json_t *, size_t flags);

/*
 * Give OpenSSL and jansson the wiping allocators.  Call it first thing in
 * main(), before either allocates: a jansson value made with malloc and
 * freed by secmem_free would be a crash, and OpenSSL refuses new
 * functions once it has allocated.  Returns false when OpenSSL refused.
 */
bool secmem_install(void);
/* Whether secmem_install() gave OpenSSL the wiping allocators. */
bool secmem_openssl_wipes(void);

#endif
