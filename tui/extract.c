/*
 * opastin-extract: the strings of a questionnaire asset as a PO template.
 *
 *   opastin-extract FILE [NAME] > locales/assets.pot
 *
 * Every string under a key that the interface shows (title, text, label,
 * ...) becomes a msgid, with a "#: NAME:LINE" reference and, where the
 * object has a "translators" key, a "#. TRANSLATORS:" comment.  An
 * option with a "context" puts its label in that msgctxt, and its note
 * names the question it answers, so that the translator can answer as
 * one answers that question.  A unit ({"one": ..., "other": ...}) becomes
 * a message with plural forms.  Short labels, life areas and units get a
 * note on where they stand and how much room they have.  xgettext then
 * merges this file with the strings of the C sources.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jread.h"
#include "util.h"

static const char *const shown_keys[] = {
	"title", "description", "text", "short", "help", "label", "low",
	"high", NULL
};

/*
 * Notes that every string of a kind gets, whatever its object.  The
 * review screen's lines ("label: answer") have 70 columns at the
 * smallest screen, 80x24, and wrap after that.
 */
static const char short_note[] =
    "Short label of a question: before the answer on the review screen "
    "(\"Study place: Yes\") and in the reasons. Keep it within about 30 "
    "columns: the line wraps after 70.";
static const char area_note[] =
    "A life area, also the short label of its 0-10 question (\"Housing: "
    "7 of 10\", \"Housing: your rating 2/10\"). Keep it within about 30 "
    "columns.";
static const char unit_note[] =
    "The unit of a number, after the number the citizen typed: \"3 "
    "months\" on the review screen and in the reasons, and beside the "
    "field while typing. Give each plural form its own word (fi \"1 "
    "kuukausi\", \"3 kuukautta\"; sv \"1 månad\", \"3 månader\").";

struct entry {
	char *msgctxt;		/* NULL for none */
	char *msgid;
	char *plural;		/* msgid_plural, or NULL */
	char *refs;
	char *comment;		/* notes, one a line; NULL for none */
};

static struct entry *entries;
static size_t nentries;

static bool
same_context(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Whether the lines of text hold line. */
static bool
has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = text; p != NULL; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

static void
add(const char *msgctxt, const char *msgid, const char *plural, const char *ref,
    const char *comment)
{
	for (size_t i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];
		if (strcmp(e->msgid, msgid) != 0 || !same_context(e->msgctxt, msgctxt) ||
		    !same_context(e->plural, plural))
			continue;
		char *refs = xasprintf("%s %s", e->refs, ref);
		free(e->refs);
		e->refs = refs;
		/* A string in several places gets each place's note, once. */
		if (comment != NULL && e->comment == NULL)
			e->comment = xstrdup(comment);
		else if (comment != NULL && !has_line(e->comment, comment)) {
			char *c = xasprintf("%s\n%s", e->comment, comment);
			free(e->comment);
			e->comment = c;
		}
		return;
	}
	entries = xreallocarray(entries, nentries + 1, sizeof *entries);
	entries[nentries].msgctxt = msgctxt ? xstrdup(msgctxt) : NULL;
	entries[nentries].msgid = xstrdup(msgid);
	entries[nentries].plural = plural ? xstrdup(plural) : NULL;
	entries[nentries].refs = xstrdup(ref);
	entries[nentries].comment = comment ? xstrdup(comment) : NULL;
	nentries++;
}

static bool
shown(const char *key)
{
	for (const char *const *k = shown_keys; *k != NULL; k++)
		if (strcmp(*k, key) == 0)
			return true;
	return false;
}

/*
 * question is the text of the question whose options are being walked,
 * or NULL: an option in a context is noted as an answer to it.
 */
static void
walk(struct jr *jr, json_t *v, const char *name, const char *question)
{
	const char *key;
	json_t *child;
	size_t i;

	if (json_is_object(v)) {
		json_t *tr = json_object_get(v, "translators");
		const char *note = json_is_string(tr) ? json_string_value(tr) : NULL;
		json_t *ctx = json_object_get(v, "context");
		const char *msgctxt = json_is_string(ctx) ? json_string_value(ctx) : NULL;
		json_t *text = json_object_get(v, "text");
		const char *asks = json_object_get(v, "options") && json_is_string(text) ?
		    json_string_value(text) : question;
		/* The note explains the object's main string, which is its
		 * first of title, text and label; end labels such as "Not at
		 * all" are shared by many objects and must not take it. */
		const char *main_key = json_object_get(v, "title") ? "title" :
		    text ? "text" : "label";
		char *comment = NULL;
		if (msgctxt != NULL && question != NULL)
			comment = note ?
			    xasprintf("An answer to the question \"%s\" %s", question, note) :
			    xasprintf("An answer to the question \"%s\"", question);
		else if (note != NULL)
			comment = xstrdup(note);
		/* Keys in file order, so references come out in order. */
		json_object_foreach(v, key, child) {
			jr_key(jr, key);
			json_t *one = json_object_get(child, "one"), *other = json_object_get(child, "other");
			if (strcmp(key, "unit") == 0 && json_is_string(one) && json_is_string(other)) {
				/* A unit has plural forms: "child", "children". */
				int line, col;
				jr_where(jr, &line, &col);
				char *ref = xasprintf("%s:%d", name, line);
				add(NULL, json_string_value(one), json_string_value(other), ref, unit_note);
				free(ref);
			} else if (json_is_string(child) && shown(key) && json_string_length(child) > 0) {
				bool main = strcmp(key, main_key) == 0;
				/* A dimension's label is the short label of its
				 * meter question. */
				const char *kind_note = strcmp(key, "short") == 0 ? short_note :
				    strcmp(key, "label") == 0 && text != NULL ? area_note : NULL;
				int line, col;
				jr_where(jr, &line, &col);
				char *ref = xasprintf("%s:%d", name, line);
				/* The context is the option's label's. */
				add(main ? msgctxt : NULL, json_string_value(child), NULL, ref,
				    main ? comment : kind_note);
				free(ref);
			} else
				walk(jr, child, name, asks);
			jr_pop(jr);
		}
		free(comment);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child) {
			jr_index(jr, i);
			walk(jr, child, name, question);
			jr_pop(jr);
		}
	}
}

static void
put_string(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			putchar(*s);
		}
	}
	putchar('"');
}

int
main(int argc, char **argv)
{
	struct jr jr;

	if (argc < 2 || argc > 3) {
		fputs("usage: opastin-extract FILE [NAME]\n", stderr);
		return 2;
	}
	const char *name = argc == 3 ? argv[2] : argv[1];
	json_t *root = jr_load(&jr, argv[1], name, 16 << 20);
	if (root == NULL) {
		fprintf(stderr, "opastin-extract: %s\n", jr.cause);
		jr_done(&jr);
		return 1;
	}
	walk(&jr, root, name, NULL);

	puts("# Strings of the Opastin questionnaire, for xgettext to merge.");
	puts("# Generated by tui/opastin-extract from assets/questions.json:");
	puts("# do not edit; run \"make update-assets-pot\".");
	puts("msgid \"\"");
	puts("msgstr \"\"");
	puts("\"Content-Type: text/plain; charset=UTF-8\\n\"");
	puts("\"Content-Transfer-Encoding: 8bit\\n\"");
	for (size_t i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];
		putchar('\n');
		for (char *c = e->comment, *nl; c != NULL; c = nl ? nl + 1 : NULL) {
			nl = strchr(c, '\n');
			printf("#. TRANSLATORS: %.*s\n", nl ? (int)(nl - c) : (int)strlen(c), c);
		}
		printf("#: %s\n", e->refs);
		if (e->msgctxt != NULL) {
			fputs("msgctxt ", stdout);
			put_string(e->msgctxt);
			putchar('\n');
		}
		fputs("msgid ", stdout);
		put_string(e->msgid);
		if (e->plural != NULL) {
			fputs("\nmsgid_plural ", stdout);
			put_string(e->plural);
			fputs("\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n", stdout);
		} else
			fputs("\nmsgstr \"\"\n", stdout);
		free(e->msgctxt);
		free(e->plural);
		free(e->msgid);
		free(e->refs);
		free(e->comment);
	}
	free(entries);
	json_decref(root);
	jr_done(&jr);
	return ferror(stdout) ? 1 : 0;
}
