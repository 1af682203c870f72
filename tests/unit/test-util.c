#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* A file of n bytes in a fresh temporary directory; its path. */
static char *
file_of(size_t n)
{
	char dir[] = "/tmp/opastin-util.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/f", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		fputc('x', f);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void
remove_file(char *path)
{
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
	free(path);
}

/* The limit is exact: max bytes are read, max + 1 refused, for small
 * limits and for ones past the first buffer (8 KiB) and its doublings. */
static void
test_read_file_limit_exact(void **state)
{
	static const size_t limits[] = { 1, 100, 8191, 8192, 8193, 20000, 1 << 20 };
	(void)state;

	for (size_t i = 0; i < nitems(limits); i++) {
		size_t max = limits[i], len = 0;
		char *cause = NULL;

		char *path = file_of(max);
		char *text = read_file(path, max, &len, &cause);
		if (text == NULL)
			print_error("max %zu: %s\n", max, cause);
		assert_non_null(text);
		assert_int_equal(len, max);
		assert_int_equal(strlen(text), max);
		free(text);
		remove_file(path);

		path = file_of(max + 1);
		text = read_file(path, max, &len, &cause);
		if (text != NULL)
			print_error("max %zu: a file of %zu bytes was read\n", max, max + 1);
		assert_null(text);
		assert_non_null(strstr(cause, "larger than"));
		free(cause);
		remove_file(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file_limit_exact),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
