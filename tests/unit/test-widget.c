#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <string.h>

#include "text.h"
#include "widget.h"

/* ---- numsel ---- */

static void
test_numsel_single_digit(void **state)
{
	struct numsel ns;
	(void)state;

	numsel_init(&ns);
	assert_int_equal(ns.pending, -1);
	/* Five options numbered 1..5: a digit focuses at once. */
	assert_int_equal(numsel_digit(&ns, 3, 0, 5, 1), 2);
	assert_int_equal(numsel_digit(&ns, 1, 10, 5, 1), 0);
	assert_int_equal(numsel_digit(&ns, 5, 20, 5, 1), 4);
	/* Beyond the count, and 0 in a list from 1: nothing. */
	assert_int_equal(numsel_digit(&ns, 6, 30, 5, 1), -1);
	assert_int_equal(numsel_digit(&ns, 9, 40, 5, 1), -1);
	assert_int_equal(numsel_digit(&ns, 0, 50, 5, 1), -1);
	/* Nine options: "1" then "1" is option 1 twice, never 11. */
	assert_int_equal(numsel_digit(&ns, 1, 100, 9, 1), 0);
	assert_int_equal(numsel_digit(&ns, 1, 150, 9, 1), 0);
	assert_int_equal(numsel_digit(&ns, 9, 200, 9, 1), 8);
	/* No options at all. */
	assert_int_equal(numsel_digit(&ns, 1, 300, 0, 1), -1);
}

static void
test_numsel_two_digits(void **state)
{
	struct numsel ns;
	(void)state;

	numsel_init(&ns);
	/* Twelve options: "1" focuses option 1 and waits; "2" makes 12. */
	assert_int_equal(numsel_digit(&ns, 1, 1000, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 2, 1500, 12, 1), 11);
	/* The pair is used up: the next digit starts over. */
	assert_int_equal(numsel_digit(&ns, 3, 1600, 12, 1), 2);
	/* "1", "0": option 10, at the very end of the second. */
	assert_int_equal(numsel_digit(&ns, 1, 5000, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 0, 5000 + NUMSEL_TIMEOUT_MS, 12, 1), 9);
	/* "1", "5": there is no 15, so 5 on its own. */
	assert_int_equal(numsel_digit(&ns, 1, 8000, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 5, 8100, 12, 1), 4);
	/* 25 options: "2", "5". */
	assert_int_equal(numsel_digit(&ns, 2, 9000, 25, 1), 1);
	assert_int_equal(numsel_digit(&ns, 5, 9100, 25, 1), 24);
	/* "3" cannot start a number up to 25: "3", "1" is 3 then 1. */
	assert_int_equal(numsel_digit(&ns, 3, 9200, 25, 1), 2);
	assert_int_equal(numsel_digit(&ns, 1, 9300, 25, 1), 0);
}

static void
test_numsel_timeout(void **state)
{
	struct numsel ns;
	(void)state;

	numsel_init(&ns);
	/* After the timeout the second digit starts over. */
	assert_int_equal(numsel_digit(&ns, 1, 0, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 2, NUMSEL_TIMEOUT_MS + 1, 12, 1), 1);
	/* ... and may itself start a new pair. */
	assert_int_equal(numsel_digit(&ns, 1, 10000, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 1, 10000 + NUMSEL_TIMEOUT_MS + 500, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 1, 10000 + NUMSEL_TIMEOUT_MS + 600, 12, 1), 10);
	/* A second digit that makes no option ends the pair: "1", "9" is 1
	 * then 9, and a "2" after it is 2, not 92 or 12. */
	assert_int_equal(numsel_digit(&ns, 1, 20000, 12, 1), 0);
	assert_int_equal(numsel_digit(&ns, 9, 20100, 12, 1), 8);
	assert_int_equal(ns.pending, -1);
	assert_int_equal(numsel_digit(&ns, 2, 20200, 12, 1), 1);
}

static void
test_numsel_scale(void **state)
{
	struct numsel ns;
	(void)state;

	/* A 0-10 scale: eleven options numbered from 0. */
	numsel_init(&ns);
	assert_int_equal(numsel_digit(&ns, 0, 0, 11, 0), 0);
	assert_int_equal(numsel_digit(&ns, 5, 100, 11, 0), 5);
	assert_int_equal(numsel_digit(&ns, 1, 200, 11, 0), 1);
	assert_int_equal(numsel_digit(&ns, 0, 300, 11, 0), 10);	/* "10" */
	assert_int_equal(numsel_digit(&ns, 9, 400, 11, 0), 9);
	/* "0" never waits for a second digit: "0", "5" is 0 then 5. */
	assert_int_equal(numsel_digit(&ns, 0, 500, 11, 0), 0);
	assert_int_equal(numsel_digit(&ns, 5, 600, 11, 0), 5);
	/* "1" then "0" too late: 1, then 0. */
	assert_int_equal(numsel_digit(&ns, 1, 1000, 11, 0), 1);
	assert_int_equal(numsel_digit(&ns, 0, 1000 + NUMSEL_TIMEOUT_MS + 1, 11, 0), 0);
	/* "1", "1" on a scale: no 11, so 1. */
	assert_int_equal(numsel_digit(&ns, 1, 5000, 11, 0), 1);
	assert_int_equal(numsel_digit(&ns, 1, 5100, 11, 0), 1);
}

/* ---- list_key ---- */

static struct list_item items12[12];

static void
fill_items(struct list_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		memset(&v[i], 0, sizeof v[i]);
		v[i].text = "item";
		v[i].mark = MARK_RADIO;
		v[i].numbered = true;
	}
}

static void
test_list_arrows(void **state)
{
	struct list l;
	(void)state;

	fill_items(items12, 5);
	list_init(&l, 1);
	assert_int_equal(l.focus, 0);
	assert_int_equal(l.first_number, 1);
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_DOWN), 3));
	assert_int_equal(l.focus, 1);
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_DOWN), 3));
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_DOWN), 3));
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_DOWN), 3));
	assert_int_equal(l.focus, 4);
	/* Down stops at the end; Up at the start. */
	list_key(&l, items12, 5, UI_FN(KEY_DOWN), 3);
	assert_int_equal(l.focus, 4);
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_UP), 3));
	assert_int_equal(l.focus, 3);
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_HOME), 3));
	assert_int_equal(l.focus, 0);
	list_key(&l, items12, 5, UI_FN(KEY_UP), 3);
	assert_int_equal(l.focus, 0);
	assert_true(list_key(&l, items12, 5, UI_FN(KEY_END), 3));
	assert_int_equal(l.focus, 4);
}

static void
test_list_tab_wraps(void **state)
{
	struct list l;
	(void)state;

	fill_items(items12, 3);
	list_init(&l, 1);
	assert_true(list_key(&l, items12, 3, UI_KEY_TAB, 1));
	assert_int_equal(l.focus, 1);
	list_key(&l, items12, 3, UI_KEY_TAB, 1);
	assert_int_equal(l.focus, 2);
	list_key(&l, items12, 3, UI_KEY_TAB, 1);
	assert_int_equal(l.focus, 0);		/* wrapped */
	assert_true(list_key(&l, items12, 3, UI_FN(KEY_BTAB), 1));
	assert_int_equal(l.focus, 2);		/* wrapped back */
	list_key(&l, items12, 3, UI_FN(KEY_BTAB), 1);
	assert_int_equal(l.focus, 1);
}

static void
test_list_pages(void **state)
{
	struct list l;
	(void)state;

	fill_items(items12, 12);
	list_init(&l, 1);
	assert_true(list_key(&l, items12, 12, UI_FN(KEY_NPAGE), 5));
	assert_int_equal(l.focus, 5);
	list_key(&l, items12, 12, UI_FN(KEY_NPAGE), 5);
	assert_int_equal(l.focus, 10);
	list_key(&l, items12, 12, UI_FN(KEY_NPAGE), 5);
	assert_int_equal(l.focus, 11);		/* stops at the end */
	list_key(&l, items12, 12, UI_FN(KEY_PPAGE), 5);
	assert_int_equal(l.focus, 6);
	list_key(&l, items12, 12, UI_FN(KEY_PPAGE), 5);
	list_key(&l, items12, 12, UI_FN(KEY_PPAGE), 5);
	assert_int_equal(l.focus, 0);		/* stops at the start */
	/* A page below 1 counts as 1. */
	list_key(&l, items12, 12, UI_FN(KEY_NPAGE), 0);
	assert_int_equal(l.focus, 1);
}

static void
test_list_digits(void **state)
{
	struct list l;
	(void)state;

	fill_items(items12, 12);
	list_init(&l, 1);
	assert_true(list_key(&l, items12, 12, '3', 5));
	assert_int_equal(l.focus, 2);
	/* "1", "2" typed together: item 12. */
	list_init(&l, 1);
	assert_true(list_key(&l, items12, 12, '1', 5));
	assert_int_equal(l.focus, 0);
	assert_true(list_key(&l, items12, 12, '2', 5));
	assert_int_equal(l.focus, 11);
	/* "0" fits no item numbered from 1: not handled, focus kept. */
	assert_false(list_key(&l, items12, 12, '0', 5));
	assert_int_equal(l.focus, 11);
	/* A movement key forgets a pending digit. */
	list_init(&l, 1);
	list_key(&l, items12, 12, '1', 5);
	list_key(&l, items12, 12, UI_FN(KEY_DOWN), 5);
	assert_int_equal(l.focus, 1);
	list_key(&l, items12, 12, '2', 5);
	assert_int_equal(l.focus, 1);		/* 2, not 12 */
	/* Other keys are not the list's. */
	assert_false(list_key(&l, items12, 12, 'x', 5));
	assert_false(list_key(&l, items12, 12, UI_KEY_ENTER, 5));
	assert_false(list_key(&l, items12, 0, UI_FN(KEY_DOWN), 5));
}

/* Buttons are not numbered: digits count numbered items only. */
static void
test_list_digits_skip_buttons(void **state)
{
	struct list_item v[5];
	struct list l;
	(void)state;

	fill_items(v, 5);
	v[0].numbered = false;		/* e.g. a "Skip" button first */
	v[0].mark = MARK_BUTTON;
	v[4].numbered = false;
	v[4].mark = MARK_BUTTON;
	list_init(&l, 1);
	assert_true(list_key(&l, v, 5, '1', 1));
	assert_int_equal(l.focus, 1);
	assert_true(list_key(&l, v, 5, '3', 1));
	assert_int_equal(l.focus, 3);
	assert_false(list_key(&l, v, 5, '4', 1));	/* three numbered items */
	assert_int_equal(l.focus, 3);
}

static void
test_list_scale_digits(void **state)
{
	struct list l;
	static struct list_item v[11];
	(void)state;

	fill_items(v, 11);
	list_init(&l, 0);
	assert_true(list_key(&l, v, 11, '0', 5));
	assert_int_equal(l.focus, 0);
	assert_true(list_key(&l, v, 11, '7', 5));
	assert_int_equal(l.focus, 7);
	list_init(&l, 0);
	list_key(&l, v, 11, '1', 5);
	assert_int_equal(l.focus, 1);
	list_key(&l, v, 11, '0', 5);
	assert_int_equal(l.focus, 10);
}

/* ---- list_scroll ---- */

/* The focus is visible: top <= focus, and the items from top to the
 * focus fit in h (unless the focused item alone is taller). */
static void
assert_visible(const struct list *l, const int *heights, int h)
{
	int used = 0;
	assert_true(l->top <= l->focus);
	for (size_t i = l->top; i <= l->focus; i++)
		used += heights[i];
	assert_true(used <= h || l->top == l->focus);
}

static void
test_scroll_even(void **state)
{
	static const int heights[10] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	struct list l;
	(void)state;

	list_init(&l, 1);
	list_scroll(&l, heights, 10, 3);
	assert_int_equal(l.top, 0);
	l.focus = 5;
	list_scroll(&l, heights, 10, 3);
	assert_int_equal(l.top, 3);		/* 3, 4, 5: the least move */
	assert_visible(&l, heights, 3);
	l.focus = 4;				/* still visible: no move */
	list_scroll(&l, heights, 10, 3);
	assert_int_equal(l.top, 3);
	l.focus = 9;
	list_scroll(&l, heights, 10, 3);
	assert_int_equal(l.top, 7);
	l.focus = 1;				/* above the top */
	list_scroll(&l, heights, 10, 3);
	assert_int_equal(l.top, 1);
	/* Everything fits: the top stays at 0. */
	l.top = 0;
	l.focus = 9;
	list_scroll(&l, heights, 10, 10);
	assert_int_equal(l.top, 0);
}

static void
test_scroll_uneven(void **state)
{
	static const int heights[6] = { 2, 3, 1, 4, 2, 1 };
	struct list l;
	(void)state;

	list_init(&l, 1);
	for (int h = 1; h <= 8; h++) {
		for (size_t f = 0; f < 6; f++) {
			l.focus = f;
			list_scroll(&l, heights, 6, h);
			assert_visible(&l, heights, h);
		}
		for (size_t f = 6; f-- > 0;) {
			l.focus = f;
			list_scroll(&l, heights, 6, h);
			assert_visible(&l, heights, h);
		}
	}
	/* h = 5, focus 3 (height 4): only 2 and 3 fit. */
	l.top = 0;
	l.focus = 3;
	list_scroll(&l, heights, 6, 5);
	assert_int_equal(l.top, 2);
	/* An item taller than the area gets the top. */
	l.top = 0;
	list_scroll(&l, heights, 6, 2);
	assert_int_equal(l.top, 3);
}

static void
test_scroll_edges(void **state)
{
	static const int heights[3] = { 1, 1, 1 };
	struct list l;
	(void)state;

	list_init(&l, 1);
	l.focus = 7;				/* past the end: the last */
	list_scroll(&l, heights, 3, 2);
	assert_int_equal(l.focus, 2);
	assert_int_equal(l.top, 1);
	l.focus = 2;
	l.top = 2;
	list_scroll(&l, NULL, 0, 2);		/* no items */
	assert_int_equal(l.focus, 0);
	assert_int_equal(l.top, 0);
}

/* ---- field ---- */

static void
test_field_type_erase(void **state)
{
	struct field f;
	(void)state;

	field_clear(&f);
	assert_string_equal(f.text, "");
	assert_int_equal(f.chars, 0);
	assert_false(field_erase(&f));		/* empty */
	assert_true(field_type(&f, 'J'));
	assert_true(field_type(&f, 0xE4));	/* ä */
	assert_true(field_type(&f, 0x65E5));	/* 日 */
	assert_true(field_type(&f, 0x1F600));	/* 😀 */
	assert_string_equal(f.text, "Jä日😀");
	assert_int_equal(f.chars, 4);
	/* Erase takes whole characters, and leaves no bytes behind. */
	assert_true(field_erase(&f));
	assert_string_equal(f.text, "Jä日");
	assert_int_equal(f.text[6], 0);
	assert_int_equal(f.text[7], 0);
	assert_true(field_erase(&f));
	assert_string_equal(f.text, "Jä");
	assert_true(field_erase(&f));
	assert_string_equal(f.text, "J");
	assert_int_equal(f.text[1], 0);
	assert_int_equal(f.text[2], 0);
	assert_int_equal(f.chars, 1);
	assert_true(field_erase(&f));
	assert_false(field_erase(&f));
	assert_int_equal(f.chars, 0);
	assert_string_equal(f.text, "");
}

static void
test_field_rejects_controls(void **state)
{
	struct field f;
	(void)state;

	field_clear(&f);
	assert_false(field_type(&f, 0x1B));	/* ESC */
	assert_false(field_type(&f, '\n'));
	assert_false(field_type(&f, '\t'));
	assert_false(field_type(&f, 0x7F));	/* DEL */
	assert_false(field_type(&f, 0x9B));	/* C1 CSI */
	assert_false(field_type(&f, 0x85));
	assert_string_equal(f.text, "");
	assert_int_equal(f.chars, 0);
	assert_true(field_type(&f, ' '));
	assert_true(field_type(&f, 0xA0));	/* no-break space is printable */
	assert_int_equal(f.chars, 2);
}

static void
test_field_full(void **state)
{
	struct field f;
	(void)state;

	field_clear(&f);
	for (int i = 0; i < FIELD_MAX; i++)
		assert_true(field_type(&f, 0x1F600));	/* four bytes each */
	assert_int_equal(f.chars, FIELD_MAX);
	assert_int_equal(strlen(f.text), FIELD_MAX * 4);
	assert_false(field_type(&f, 'a'));
	assert_int_equal(f.chars, FIELD_MAX);
	assert_true(field_erase(&f));
	assert_true(field_type(&f, 'a'));
	assert_int_equal(strlen(f.text), (FIELD_MAX - 1) * 4 + 1);
	field_clear(&f);
	assert_int_equal(f.chars, 0);
	assert_string_equal(f.text, "");
	/* The limit is in characters, not bytes: 64 ASCII letters fill it. */
	for (int i = 0; i < FIELD_MAX; i++)
		assert_true(field_type(&f, 'a' + i % 26));
	assert_false(field_type(&f, 'z'));
	assert_int_equal(strlen(f.text), FIELD_MAX);
}

/* ---- doc ---- */

/* A web address beside its label, or under it when a part between two
 * '/' would not fit beside it: never cut inside a part. */
static void
test_doc_field_url(void **state)
{
	struct doc d = { 0 };
	(void)state;

	doc_add_field(&d, ROLE_LINK, 2, 10, 40, "Web:", "https://a.example/short/path/more");
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].text, "Web:      https://a.example/short/");
	assert_string_equal(d.v[1].text, "path/more");
	assert_int_equal(d.v[1].indent, 12);
	doc_clear(&d);

	doc_add_field(&d, ROLE_LINK, 2, 10, 40, "Web:",
	    "https://a.example/yrityksen_perustaminen_ja_muuta/x");
	assert_string_equal(d.v[0].text, "Web:");
	for (size_t i = 1; i < d.n; i++)
		assert_int_equal(d.v[i].indent, 4);
	assert_string_equal(d.v[1].text, "https://a.example/");
	assert_string_equal(d.v[2].text, "yrityksen_perustaminen_ja_muuta/x");
	doc_clear(&d);
	assert_int_equal(text_widest_unit("see https://a.example/abc/defgh x"), 10);
	assert_int_equal(text_widest_unit("020 692 230"), 3);
}

static void
test_doc(void **state)
{
	struct doc d = { 0 };
	(void)state;

	doc_add(&d, ROLE_NORMAL, 2, 12, "Työttömyysturva ja peruspäiväraha");
	/* Wrapped to 10 columns (12 less the indent). */
	assert_true(d.n >= 3);
	for (size_t i = 0; i < d.n; i++) {
		assert_true(text_width(d.v[i].text) <= 10);
		assert_int_equal(d.v[i].indent, 2);
	}
	doc_blank(&d);
	size_t n = d.n;
	assert_string_equal(d.v[n - 1].text, "");
	/* Scrolling stays within the document. */
	assert_true(doc_key(&d, UI_FN(KEY_END), 2));
	assert_int_equal(d.top, n - 2);
	assert_true(doc_key(&d, UI_FN(KEY_DOWN), 2));
	assert_int_equal(d.top, n - 2);
	assert_true(doc_key(&d, UI_FN(KEY_UP), 2));
	assert_int_equal(d.top, n - 3);
	assert_true(doc_key(&d, UI_FN(KEY_HOME), 2));
	assert_int_equal(d.top, 0);
	assert_true(doc_key(&d, UI_FN(KEY_UP), 2));
	assert_int_equal(d.top, 0);
	assert_false(doc_key(&d, 'q', 2));
	/* A window taller than the document does not scroll. */
	assert_true(doc_key(&d, UI_FN(KEY_NPAGE), 100));
	assert_int_equal(d.top, 0);
	doc_clear(&d);
	assert_int_equal(d.n, 0);
	assert_null(d.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numsel_single_digit),
		cmocka_unit_test(test_numsel_two_digits),
		cmocka_unit_test(test_numsel_timeout),
		cmocka_unit_test(test_numsel_scale),
		cmocka_unit_test(test_list_arrows),
		cmocka_unit_test(test_list_tab_wraps),
		cmocka_unit_test(test_list_pages),
		cmocka_unit_test(test_list_digits),
		cmocka_unit_test(test_list_digits_skip_buttons),
		cmocka_unit_test(test_list_scale_digits),
		cmocka_unit_test(test_scroll_even),
		cmocka_unit_test(test_scroll_uneven),
		cmocka_unit_test(test_scroll_edges),
		cmocka_unit_test(test_field_type_erase),
		cmocka_unit_test(test_field_rejects_controls),
		cmocka_unit_test(test_field_full),
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_doc_field_url),
	};

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
	return cmocka_run_group_tests_name("widget", tests, NULL, NULL);
}
