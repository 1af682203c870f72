#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "conf.h"
#include "i18n.h"
#include "testutil.h"

#define FILE_NAME "kiosk.conf"

static void
parse_ok(struct conf *c, const char *text)
{
	char *cause = NULL;
	conf_init(c);
	if (conf_parse(c, FILE_NAME, text, &cause) < 0) {
		print_error("conf_parse: %s\n", cause ? cause : "(no cause)");
		free(cause);
		fail();
	}
}

/* Parse text that must fail at line with phrase in the message. */
static void
parse_bad(const char *text, int line, const char *phrase)
{
	struct conf c;
	char *cause = NULL;
	conf_init(&c);
	assert_int_equal(conf_parse(&c, FILE_NAME, text, &cause), -1);
	tu_assert_cause(cause, FILE_NAME, line, 0, phrase);
	free(cause);
	conf_free(&c);
}

static void
test_defaults(void **state)
{
	struct conf c;
	(void)state;
	conf_init(&c);
	assert_null(c.path);
	assert_string_equal(c.municipality_code, "");
	assert_int_equal(c.default_language, -1);
	assert_int_equal(c.nkeys, 0);
	conf_free(&c);
}

static void
test_parse(void **state)
{
	struct conf c;
	(void)state;
	parse_ok(&c,
	    "# The kiosk at the Kallio library\n"
	    "\n"
	    "   municipality_code   =   091   # Helsinki\n"
	    "\t\n"
	    "default_language=sv\n"
	    "  # indented comment = not a key\n");
	assert_string_equal(c.municipality_code, "091");
	assert_int_equal(c.municipality_line, 3);
	assert_int_equal(c.default_language, LANG_SV);
	assert_int_equal(c.nkeys, 2);
	assert_null(c.path);		/* conf_parse reads no file */
	conf_free(&c);
	assert_string_equal(c.municipality_code, "");
	assert_int_equal(c.default_language, -1);
}

static void
test_comments_and_blanks(void **state)
{
	struct conf c;
	(void)state;
	parse_ok(&c, "# nothing set\n\n   \n#municipality_code = 091\n");
	assert_int_equal(c.nkeys, 0);
	assert_string_equal(c.municipality_code, "");
	assert_int_equal(c.default_language, -1);
	conf_free(&c);

	parse_ok(&c, "");
	assert_int_equal(c.nkeys, 0);
	conf_free(&c);

	/* No newline at the end, CRLF line ends. */
	parse_ok(&c, "default_language = fi\r\nmunicipality_code = 905");
	assert_int_equal(c.default_language, LANG_FI);
	assert_string_equal(c.municipality_code, "905");
	assert_int_equal(c.municipality_line, 2);
	conf_free(&c);
}

static void
test_trailing_comment(void **state)
{
	struct conf c;
	(void)state;
	parse_ok(&c, "default_language = en # English for the tourists\n");
	assert_int_equal(c.default_language, LANG_EN);
	conf_free(&c);
	/* A '#' with no space before it is part of the value. */
	parse_bad("municipality_code = 091#x\n", 1, "three-digit code such as 091, not \"091#x\"");
}

static void
test_last_wins(void **state)
{
	struct conf c;
	(void)state;
	parse_ok(&c, "municipality_code = 091\ndefault_language = fi\nmunicipality_code = 049\n");
	assert_string_equal(c.municipality_code, "049");
	assert_int_equal(c.municipality_line, 3);
	conf_free(&c);
}

static void
test_unknown_key(void **state)
{
	(void)state;
	parse_bad("# comment\nmunicipality_code = 091\nmunicipalty_code = 091\n", 3,
	    "unknown key \"municipalty_code\"");
	/* Keys are case-sensitive. */
	parse_bad("Default_Language = fi\n", 1, "unknown key \"Default_Language\"");
}

/* Every bad line is reported, one a line, in the order of the lines. */
static void
test_every_error(void **state)
{
	struct conf c;
	char *cause = NULL;
	(void)state;
	conf_init(&c);
	assert_int_equal(conf_parse(&c, FILE_NAME,
	    "# kiosk\n"
	    "mode = kiosky\n"
	    "theme = default\n"
	    "idle_timeout = 60\n"
	    "just words\n"
	    "speech =\n", &cause), -1);
	assert_string_equal(cause,
	    FILE_NAME ":2: mode must be kiosk, counter or plain, not \"kiosky\"\n"
	    FILE_NAME ":4: unknown key \"idle_timeout\"; did you mean idle_timeout_s?\n"
	    FILE_NAME ":5: expected \"key = value\"\n"
	    FILE_NAME ":6: speech has no value");
	/* The good lines between them still count. */
	assert_int_equal(c.nkeys, 1);
	free(cause);
	conf_free(&c);
	assert_int_equal(c.nerrors, 0);
}

static void
test_near_key(void **state)
{
	(void)state;
	assert_string_equal(conf_near_key("idle_timeout"), "idle_timeout_s");
	assert_string_equal(conf_near_key("municipalty_code"), "municipality_code");
	assert_string_equal(conf_near_key("Default_Language"), "default_language");
	assert_string_equal(conf_near_key("tiemout_s"), "timeout_s");
	assert_string_equal(conf_near_key("langauges"), "languages");
	assert_string_equal(conf_near_key("speech-rate"), "speech_rate");
	assert_null(conf_near_key("colour"));
	assert_null(conf_near_key("x"));
	assert_null(conf_near_key(""));
	/* No suggestion: the message ends at the key. */
	parse_bad("colour = blue\n", 1, "unknown key \"colour\"");
	parse_bad("langauges = fi\n", 1, "unknown key \"langauges\"; did you mean languages?");
}

static void
test_bad_municipality(void **state)
{
	(void)state;
	parse_bad("municipality_code = 91\n", 1, "municipality_code must be a three-digit code");
	parse_bad("\nmunicipality_code = 0911\n", 2, "not \"0911\"");
	parse_bad("municipality_code = 09a\n", 1, "not \"09a\"");
	parse_bad("municipality_code = Helsinki\n", 1, "not \"Helsinki\"");
	parse_bad("municipality_code = 0 91\n", 1, "not \"0 91\"");
}

static void
test_bad_language(void **state)
{
	(void)state;
	parse_bad("municipality_code = 091\ndefault_language = de\n", 2,
	    "default_language must be fi, sv or en, not \"de\"");
	parse_bad("default_language = FI\n", 1, "not \"FI\"");
	parse_bad("default_language = finnish\n", 1, "not \"finnish\"");
}

static void
test_missing_equals(void **state)
{
	(void)state;
	parse_bad("municipality_code 091\n", 1, "expected \"key = value\"");
	parse_bad("# ok\n\ndefault_language\n", 3, "expected \"key = value\"");
}

static void
test_no_value(void **state)
{
	struct conf c;
	char *cause = NULL;
	(void)state;
	parse_bad("default_language =\n", 1, "default_language has no value");
	parse_bad("municipality_code =    \n", 1, "municipality_code has no value");
	/* A comment in place of the value is an error too, on that line. */
	conf_init(&c);
	assert_int_equal(conf_parse(&c, FILE_NAME, "\ndefault_language = # later\n", &cause), -1);
	assert_int_equal(strncmp(cause, FILE_NAME ":2: ", strlen(FILE_NAME ":2: ")), 0);
	free(cause);
	conf_free(&c);
}

static void
test_load_file(void **state)
{
	struct conf c;
	char *cause = NULL;
	(void)state;

	const char *path = tu_temp_file("# kiosk\nmunicipality_code = 179\n", ".conf");
	conf_init(&c);
	assert_int_equal(conf_load(&c, path, &cause), 0);
	assert_string_equal(c.path, path);
	assert_string_equal(c.municipality_code, "179");
	conf_free(&c);
	assert_null(c.path);

	/* Messages name the file. */
	path = tu_temp_file("default_language = xx\n", ".conf");
	conf_init(&c);
	assert_int_equal(conf_load(&c, path, &cause), -1);
	tu_assert_cause(cause, path, 1, 0, "default_language must be fi, sv or en");
	free(cause);
	conf_free(&c);

	conf_init(&c);
	assert_int_equal(conf_load(&c, TEST_DATA "/no-such.conf", &cause), -1);
	assert_non_null(strstr(cause, "no-such.conf"));
	free(cause);
	conf_free(&c);
}

static void
test_check(void **state)
{
	const struct assets *a = *state;
	struct conf c;
	char *cause = NULL;

	/* Known to the assets. */
	parse_ok(&c, "municipality_code = 905\n");
	assert_int_equal(conf_check(&c, a, &cause), 0);
	conf_free(&c);

	/* Nothing set: nothing to check. */
	parse_ok(&c, "# empty\n");
	assert_int_equal(conf_check(&c, a, &cause), 0);
	conf_free(&c);

	/* Three digits, but no such municipality (not in the mini set). */
	parse_ok(&c, "default_language = fi\n\nmunicipality_code = 999\n");
	assert_int_equal(conf_check(&c, a, &cause), -1);
	tu_assert_cause(cause, "configuration", 3, 0, "municipality_code 999 is not a municipality of Finland");
	free(cause);
	conf_free(&c);

	/* From a file: the file and line. */
	const char *path = tu_temp_file("\nmunicipality_code = 020\n", ".conf");
	conf_init(&c);
	assert_int_equal(conf_load(&c, path, &cause), 0);
	assert_int_equal(conf_check(&c, a, &cause), -1);
	tu_assert_cause(cause, path, 2, 0, "municipality_code 020 is not a municipality");
	free(cause);
	conf_free(&c);

	/* The errors of the checks join those of the lines, in line
	 * order: the unknown municipality of line 2 before line 3's.
	 * (conf_parse names no file, so the checks say "configuration".) */
	conf_init(&c);
	assert_int_equal(conf_parse(&c, FILE_NAME,
	    "languages = fi\nmunicipality_code = 999\nmode = kiosky\ndefault_language = sv\n",
	    &cause), -1);
	free(cause);
	assert_int_equal(conf_check(&c, a, &cause), -1);
	assert_string_equal(cause,
	    "configuration:2: municipality_code 999 is not a municipality of Finland\n"
	    FILE_NAME ":3: mode must be kiosk, counter or plain, not \"kiosky\"\n"
	    "configuration:4: default_language sv is not among the languages offered");
	free(cause);
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_comments_and_blanks),
		cmocka_unit_test(test_trailing_comment),
		cmocka_unit_test(test_last_wins),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_near_key),
		cmocka_unit_test(test_bad_municipality),
		cmocka_unit_test(test_bad_language),
		cmocka_unit_test(test_missing_equals),
		cmocka_unit_test(test_no_value),
		cmocka_unit_test_teardown(test_load_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_check, tu_setup_mini, tu_teardown_assets),
	};
	return cmocka_run_group_tests_name("conf", tests, NULL, NULL);
}
