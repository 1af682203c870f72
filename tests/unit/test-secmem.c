/*
 * The wiping allocators that libcurl, OpenSSL and jansson get (secmem.h):
 * blocks keep malloc's alignment, realloc keeps the contents, a shrink
 * wipes the tail, overflows fail, and the libraries take them.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "secmem.h"
#include "util.h"

static void
test_alignment_and_size(void **state)
{
	(void)state;
	for (size_t n = 0; n < 100; n++) {
		unsigned char *p = secmem_malloc(n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		assert_int_equal(secmem_size(p), n);
		memset(p, 0xAB, n);
		secmem_free(p);
	}
	secmem_free(NULL);
}

static void
test_grow_and_shrink(void **state)
{
	(void)state;
	char *p = secmem_realloc(NULL, 6);
	memcpy(p, "Zyxwv", 6);
	/* Grows: a new block with the contents. */
	char *q = secmem_realloc(p, 4096);
	assert_non_null(q);
	assert_string_equal(q, "Zyxwv");
	assert_int_equal(secmem_size(q), 4096);
	/* Shrinks: the same block, its tail wiped. */
	memcpy(q, "Zyxwv velka", 12);
	char *r = secmem_realloc(q, 3);
	assert_ptr_equal(r, q);
	assert_memory_equal(r, "Zyx", 3);
	for (size_t i = 3; i < 12; i++)
		assert_int_equal(r[i], 0);
	secmem_free(r);
}

static void
test_calloc_and_strdup(void **state)
{
	(void)state;
	assert_null(secmem_calloc(SIZE_MAX / 2, 3));
	assert_null(secmem_malloc(SIZE_MAX - 8));
	unsigned char *z = secmem_calloc(10, 10);
	for (size_t i = 0; i < 100; i++)
		assert_int_equal(z[i], 0);
	secmem_free(z);
	char *s = secmem_strdup("velka");
	assert_string_equal(s, "velka");
	secmem_free(s);
}

/* jansson with the allocators: building, dumping and freeing works, and
 * secmem_json_dumps gives a string for free(). */
static void
test_jansson(void **state)
{
	(void)state;
	json_malloc_t m0;
	json_free_t f0;
	json_get_alloc_funcs(&m0, &f0);
	json_set_alloc_funcs(secmem_malloc, secmem_free);
	json_t *j = json_pack("{s:s}", "search_text", "Zyxwv velka");
	char *s = secmem_json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"search_text\":\"Zyxwv velka\"}");
	free(s);
	json_decref(j);
	json_set_alloc_funcs(m0, f0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment_and_size),
		cmocka_unit_test(test_grow_and_shrink),
		cmocka_unit_test(test_calloc_and_strdup),
		cmocka_unit_test(test_jansson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
