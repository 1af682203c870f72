#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "recommend.h"
#include "session.h"
#include "util.h"

static void
new_id(char *id)
{
	unsigned char raw[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, raw, sizeof raw) : -1;

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof raw) {
		/* No urandom: an id need only be unlikely to repeat. */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		srand((unsigned)(ts.tv_nsec ^ ts.tv_sec ^ getpid()));
		for (size_t i = 0; i < sizeof raw; i++)
			raw[i] = (unsigned char)rand();
	}
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(id + 2 * i, 3, "%02x", raw[i]);
	wipe(raw, sizeof raw);
}

void
session_init(struct session *s, const struct assets *a, const struct conf *c, enum lang l)
{
	memset(s, 0, sizeof *s);
	s->assets = a;
	s->conf = c;
	s->default_lang = l;
	s->lang = l;
	flow_init(&s->flow, &a->quest);
	new_id(s->id);
	i18n_set(l);
}

static void
drop_results(struct session *s)
{
	results_free(&s->results);
	s->have_results = false;
}

void
session_free(struct session *s)
{
	drop_results(s);
	flow_free(&s->flow);
	wipe(s, sizeof *s);
}

void
session_reset(struct session *s)
{
	drop_results(s);
	flow_reset(&s->flow);
	s->lang = s->default_lang;
	i18n_set(s->lang);
	new_id(s->id);
}

void
session_set_lang(struct session *s, enum lang l)
{
	s->lang = l;
	i18n_set(l);
	/* Embedded results are cheap to compute again in the new language. */
	if (s->have_results && s->results.source == SOURCE_EMBEDDED)
		session_recommend(s);
}

void
session_answer(struct session *s, size_t qi, const struct answer *a)
{
	flow_set(&s->flow, qi, a);
	drop_results(s);
}

struct answer
session_answer_or_default(const struct session *s, size_t qi)
{
	struct answer a = s->flow.answers[qi];
	const struct quest *quest = &s->assets->quest;

	if (a.state == ANSWER_NONE && qi == quest->municipality_q &&
	    s->conf->municipality_code[0] != '\0') {
		long m = munis_find(&s->assets->munis, s->conf->municipality_code);
		if (m >= 0) {
			a.state = ANSWER_SET;
			a.value = (int)m;
		}
	}
	return a;
}

void
session_recommend(struct session *s)
{
	struct profile p;

	drop_results(s);
	profile_build(&p, &s->flow, s->assets, s->lang);
	recommend(&s->assets->cat, &p, RECOMMEND_DEFAULT_LIMIT, &s->results);
	profile_wipe(&p);
	s->have_results = true;
}
