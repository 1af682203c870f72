#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "secmem.h"
#include "util.h"

/* The header before every block: its size, padded to SECMEM_HEADER so
 * that the block keeps malloc's alignment. */
union header {
	size_t size;
	unsigned char pad[SECMEM_HEADER];
};

_Static_assert(sizeof(union header) == SECMEM_HEADER, "the header is SECMEM_HEADER bytes");
_Static_assert(_Alignof(max_align_t) <= SECMEM_HEADER, "a block keeps malloc's alignment");

static union header *
header_of(const void *p)
{
	return (union header *)((unsigned char *)p - SECMEM_HEADER);
}

void *
secmem_malloc(size_t n)
{
	if (n > SIZE_MAX - SECMEM_HEADER)
		return NULL;
	union header *h = malloc(SECMEM_HEADER + n);
	if (h == NULL)
		return NULL;
	h->size = n;
	return (unsigned char *)h + SECMEM_HEADER;
}

void *
secmem_calloc(size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		return NULL;
	void *p = secmem_malloc(nmemb * size);
	if (p != NULL)
		memset(p, 0, nmemb * size);
	return p;
}

size_t
secmem_size(const void *p)
{
	return p == NULL ? 0 : header_of(p)->size;
}

void
secmem_free(void *p)
{
	if (p == NULL)
		return;
	union header *h = header_of(p);
	wipe(h, SECMEM_HEADER + h->size);
	free(h);
}

void *
secmem_realloc(void *p, size_t n)
{
	if (p == NULL)
		return secmem_malloc(n);
	size_t old = header_of(p)->size;
	if (n <= old) {
		/* Keep the block, and its size for the wipe on free. */
		wipe((unsigned char *)p + n, old - n);
		return p;
	}
	/* Never realloc(): it may move the block and leave the old bytes. */
	void *q = secmem_malloc(n);
	if (q == NULL)
		return NULL;
	memcpy(q, p, old);
	secmem_free(p);
	return q;
}

char *
secmem_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = secmem_malloc(n);
	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

char *
secmem_json_dumps(const json_t *j, size_t flags)
{
	json_malloc_t m;
	json_free_t f;
	char *s = json_dumps(j, flags);

	if (s == NULL)
		return NULL;
	char *out = xstrdup(s);
	json_get_alloc_funcs(&m, &f);
	wipe(s, strlen(s));
	f(s);
	return out;
}

static void *
ossl_malloc(size_t n, const char *file, int line)
{
	(void)file;
	(void)line;
	return secmem_malloc(n);
}

static void *
ossl_realloc(void *p, size_t n, const char *file, int line)
{
	(void)file;
	(void)line;
	return secmem_realloc(p, n);
}

static void
ossl_free(void *p, const char *file, int line)
{
	(void)file;
	(void)line;
	secmem_free(p);
}

static bool openssl_wipes;

bool
secmem_install(void)
{
	json_set_alloc_funcs(secmem_malloc, secmem_free);
	openssl_wipes = CRYPTO_set_mem_functions(ossl_malloc, ossl_realloc, ossl_free) == 1;
	return openssl_wipes;
}

bool
secmem_openssl_wipes(void)
{
	return openssl_wipes;
}
