#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "util.h"

static const char *const channel_names[] = {
	[CHANNEL_WEBPAGE] = "WebPage",
	[CHANNEL_ECHANNEL] = "EChannel",
	[CHANNEL_PHONE] = "Phone",
	[CHANNEL_EMAIL] = "Email",
	[CHANNEL_LOCATION] = "ServiceLocation",
	[CHANNEL_FORM] = "PrintableForm",
	[CHANNEL_OTHER] = "Other",
};

const char *
channel_type_name(enum channel_type t)
{
	return channel_names[t];
}

int
channel_type_parse(const char *s)
{
	for (int i = 0; i < (int)nitems(channel_names); i++)
		if (strcmp(channel_names[i], s) == 0)
			return i;
	return -1;
}

void
channel_free(struct channel *c)
{
	free(c->id);
	free(c->name);
	strv_free(c->phones, c->nphones);
	strv_free(c->hours, c->nhours);
	strv_free(c->emails, c->nemails);
	strv_free(c->web, c->nweb);
	free(c->web_lang);
	free(c->address);
	free(c->languages);
	if (c->phone_about != NULL) {
		for (size_t k = 0; k < c->nphones; k++) {
			free(c->phone_about[k].charge_info);
			free(c->phone_about[k].info);
		}
		free(c->phone_about);
	}
	hours_free(&c->opening);
	strv_free(c->access, c->naccess);
	memset(c, 0, sizeof *c);
}

void
service_free(struct service *s)
{
	free(s->id);
	free(s->name);
	free(s->org);
	free(s->summary);
	free(s->checked);
	free(s->first_step);
	strv_free(s->classes, s->nclasses);
	for (size_t j = 0; j < s->nch; j++)
		channel_free(&s->ch[j]);
	free(s->ch);
	if (s->reasons != NULL)
		wipe(s->reasons, s->nreasons * sizeof *s->reasons);
	free(s->reasons);
	memset(s, 0, sizeof *s);
}

void
results_free(struct results *r)
{
	for (size_t i = 0; i < r->n; i++)
		service_free(&r->v[i]);
	if (r->v != NULL)
		wipe(r->v, r->n * sizeof *r->v);
	free(r->v);
	free(r->recommendation_id);
	memset(r, 0, sizeof *r);
}
