#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "log.h"
#include "net.h"
#include "secmem.h"
#include "text.h"
#include "util.h"

struct request {
	long id;
	CURL *easy;
	struct curl_slist *headers;
	char *url;
	char *body;		/* what we send */
	char *reply;		/* what we get, capped */
	size_t len, cap;
	bool too_large;
	bool probe;		/* net_probe: the body is skipped, never kept */
	bool stopped;		/* a probe stopped reading the body on purpose */
	size_t skipped;
	char content_language[64];
	char location[NET_MAX_LOCATION];
	char error[CURL_ERROR_SIZE];
	net_done done;
	void *arg;
	struct request *next;
};

struct net {
	const struct net_config *cfg;
	CURLM *multi;		/* created on the first request; net_forget ends it */
	CURLSH *share;		/* the TLS sessions, kept across net_forget */
	struct request *requests;
	long next_id;
	long connects;
};

static bool curl_ready;

/* Where the userinfo of url would be: its authority, after any
 * "scheme://", up to the path, query or fragment. */
static const char *
authority(const char *url, size_t *len)
{
	const char *sep = strstr(url, "://");
	const char *a = sep != NULL && sep - url < 32 ? sep + 3 : url;
	*len = strcspn(a, "/?#");
	return a;
}

bool
net_url_has_credentials(const char *url)
{
	size_t n;
	const char *a = authority(url, &n);
	return memchr(a, '@', n) != NULL;
}

char *
net_url_redact(const char *url)
{
	size_t n;
	const char *a = authority(url, &n);
	const char *at = NULL;
	for (const char *p = a; p < a + n; p++)
		if (*p == '@')
			at = p;
	if (at == NULL)
		return xstrdup(url);
	return xasprintf("%.*s%s", (int)(a - url), url, at + 1);
}

int
net_check_pinned_key(const char *v, char **why)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	if (strncmp(v, "sha256//", 8) != 0) {
		char *reason = NULL;
		if (check_readable_file(v, &reason) < 0) {
			*why = xasprintf("pinned_public_key is neither sha256//BASE64 pins separated by \";\" nor a readable key file (%s)", reason);
			free(reason);
			return -1;
		}
		return 0;
	}
	/* A SHA-256 digest is 32 bytes: 43 base64 digits and one '='. */
	for (const char *p = v;; p += 8 + 44) {
		if (strncmp(p, "sha256//", 8) != 0 || strspn(p + 8, b64) != 43 ||
		    p[8 + 43] != '=' || (p[8 + 44] != '\0' && p[8 + 44] != ';')) {
			*why = xstrdup("pinned_public_key must be sha256// and the base64 of a SHA-256 digest (44 characters), several separated by \";\"");
			return -1;
		}
		if (p[8 + 44] == '\0')
			return 0;
		p++;	/* the ';' */
	}
}

/* Check that url is https://, or http:// to a loopback host where allowed;
 * what names the setting in messages ("backend_url"). */
int
net_check_url(const char *what, const char *url, bool allow_insecure_http, char **cause)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL;
	int rc = -1;

	if (url == NULL || *url == '\0') {
		*cause = xasprintf("%s is empty", what);
		return -1;
	}
	if (net_url_has_credentials(url)) {
		/* Never echo it: the part before '@' may be a password. */
		*cause = xasprintf("%s must not hold a user name or password%s", what,
		    strcmp(what, "backend_url") == 0 ? "; set client_id and client_secret instead" : "");
		return -1;
	}
	u = curl_url();
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		char *shown = text_echo(url);
		*cause = xasprintf("%s \"%s\" is not a URL", what, shown);
		free(shown);
		goto out;
	}
	if (strcasecmp(scheme, "https") == 0) {
		rc = 0;
		goto out;
	}
	if (strcasecmp(scheme, "http") != 0) {
		*cause = xasprintf("%s must start with https://, not %s://", what, scheme);
		goto out;
	}
	bool loopback = strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0 ||
	    strcmp(host, "::1") == 0 || strcasecmp(host, "localhost") == 0;
	if (!loopback || !allow_insecure_http) {
		*cause = xasprintf("%s must use https:// (http:// is allowed only to a loopback host with allow_insecure_http = yes)", what);
		goto out;
	}
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return rc;
}

int
net_check_config(const struct net_config *c, char **cause)
{
	return net_check_url("backend_url", c->base_url, c->allow_insecure_http, cause);
}

struct net *
net_new(const struct net_config *cfg)
{
	struct net *n = xcalloc(1, sizeof *n);
	n->cfg = cfg;
	n->next_id = 1;
	return n;
}

static void
request_free(struct request *r)
{
	if (r->easy != NULL)
		curl_easy_cleanup(r->easy);
	curl_slist_free_all(r->headers);
	free(r->url);
	if (r->body != NULL)
		wipe(r->body, strlen(r->body));
	free(r->body);
	if (r->reply != NULL)
		wipe(r->reply, r->len);
	free(r->reply);
	free(r);
}

static void
unlink_request(struct net *n, struct request *r)
{
	for (struct request **p = &n->requests; *p != NULL; p = &(*p)->next) {
		if (*p == r) {
			*p = r->next;
			return;
		}
	}
}

void
net_free(struct net *n)
{
	if (n == NULL)
		return;
	while (n->requests != NULL) {
		struct request *r = n->requests;
		n->requests = r->next;
		curl_multi_remove_handle(n->multi, r->easy);
		request_free(r);
	}
	if (n->multi != NULL)
		curl_multi_cleanup(n->multi);
	if (n->share != NULL)
		curl_share_cleanup(n->share);
	free(n);
}

void
net_forget(struct net *n)
{
	if (n == NULL)
		return;
	net_cancel_all(n);
	/* Closing the connections frees what libcurl and OpenSSL kept for
	 * them, through the wiping allocators. */
	if (n->multi != NULL)
		curl_multi_cleanup(n->multi);
	n->multi = NULL;
}

static size_t
on_body(char *data, size_t size, size_t nmemb, void *arg)
{
	struct request *r = arg;
	size_t n = size * nmemb;
	size_t max = r->cap;

	if (r->probe) {
		/* The status line and the headers have come: the body says
		 * nothing more about whether the page is there. */
		r->skipped += n;
		if (r->skipped > NET_PROBE_MAX_BODY) {
			r->stopped = true;
			return 0;
		}
		return n;
	}
	if (r->len + n > max) {
		r->too_large = true;
		return 0;	/* abort the transfer */
	}
	r->reply = xreallocarray(r->reply, r->len + n + 1, 1);
	memcpy(r->reply + r->len, data, n);
	r->len += n;
	r->reply[r->len] = '\0';
	return n;
}

/* If the header line data (n bytes) is name (with its colon), copy its
 * value, trimmed and cut to size - 1 bytes, into out. */
static bool
header_value(const char *data, size_t n, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name);

	if (n <= nl || strncasecmp(data, name, nl) != 0)
		return false;
	const char *v = data + nl;
	size_t len = n - nl;
	while (len > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		len--;
	}
	while (len > 0 && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(out, v, len);
	out[len] = '\0';
	return true;
}

static size_t
on_header(char *data, size_t size, size_t nmemb, void *arg)
{
	struct request *r = arg;
	size_t n = size * nmemb;

	/* A new status line (after a 1xx) starts the headers afresh. */
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		r->location[0] = '\0';
	header_value(data, n, "content-language:", r->content_language,
	    sizeof r->content_language);
	if (r->probe)
		header_value(data, n, "location:", r->location, sizeof r->location);
	return n;
}

static int
start_curl(struct net *n, char **cause)
{
	if (!curl_ready) {
		/* libcurl's buffers hold the requests, with what the citizen
		 * typed or chose: they are wiped when freed. */
		if (curl_global_init_mem(CURL_GLOBAL_DEFAULT, secmem_malloc, secmem_free,
		    secmem_realloc, secmem_strdup, secmem_calloc) != CURLE_OK) {
			*cause = xstrdup("libcurl could not start");
			return -1;
		}
		curl_ready = true;
		if (!secmem_openssl_wipes())
			log_warn("OpenSSL allocated before its wiping allocators were set: its freed buffers are not wiped");
	}
	if (n->share == NULL) {
		n->share = curl_share_init();
		if (n->share != NULL)
			curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	}
	if (n->multi == NULL) {
		n->multi = curl_multi_init();
		curl_multi_setopt(n->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	}
	return 0;
}

/* What every request has: no redirects, the time limits, TLS verified
 * against ca_file (or the system's CAs), the proxy.  Size caps differ:
 * net_post keeps a capped body, net_probe none. */
static void
set_common(const struct net *n, struct request *r, const struct net_config *c,
    const char *protocols,
    long connect_ms, long timeout_ms)
{
	CURL *e = r->easy;

	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, protocols);
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->error);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	/* Cancelling must not wait for a name lookup to finish. */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	/* Verification is never switched off. */
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(e, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (c->ca_file != NULL && *c->ca_file != '\0')
		curl_easy_setopt(e, CURLOPT_CAINFO, c->ca_file);
	if (c->proxy != NULL && *c->proxy != '\0')
		curl_easy_setopt(e, CURLOPT_PROXY, c->proxy);
	else if (!c->proxy_from_environment)
		/* "" turns off the proxies of the environment. */
		curl_easy_setopt(e, CURLOPT_PROXY, "");
	curl_easy_setopt(e, CURLOPT_PRIVATE, r);
	if (n->share != NULL)
		curl_easy_setopt(e, CURLOPT_SHARE, n->share);
}

static long
add_request(struct net *n, struct request *r, char **cause)
{
	if (curl_multi_add_handle(n->multi, r->easy) != CURLM_OK) {
		*cause = xstrdup("libcurl could not start the request");
		request_free(r);
		return -1;
	}
	r->id = n->next_id++;
	r->next = n->requests;
	n->requests = r;
	return r->id;
}

/* A request for url with its easy handle; cap 0 keeps no body (a
 * probe).  NULL with *cause when libcurl cannot make one. */
static struct request *
new_request(char *url, size_t cap, net_done done, void *arg, char **cause)
{
	struct request *r = xcalloc(1, sizeof *r);

	r->url = url;
	r->cap = cap;
	r->probe = cap == 0;
	r->done = done;
	r->arg = arg;
	r->easy = curl_easy_init();
	if (r->easy == NULL) {
		*cause = xstrdup("libcurl could not make a request");
		request_free(r);
		return NULL;
	}
	return r;
}

/* The configuration's time limits, in milliseconds. */
static long
connect_ms(const struct net_config *c)
{
	return (c->connect_timeout_s > 0 ? c->connect_timeout_s : NET_DEFAULT_CONNECT_TIMEOUT_S) * 1000L;
}

static long
transfer_ms(const struct net_config *c)
{
	return (c->timeout_s > 0 ? c->timeout_s : NET_DEFAULT_TIMEOUT_S) * 1000L;
}

long
net_post(struct net *n, const char *path, const char *body, enum lang lang,
    net_done done, void *arg, char **cause)
{
	const struct net_config *c = n->cfg;

	if (net_check_config(c, cause) < 0 || start_curl(n, cause) < 0)
		return -1;

	size_t blen = strlen(c->base_url);
	struct request *r = new_request(xasprintf("%.*s/%s",
	    (int)(blen > 0 && c->base_url[blen - 1] == '/' ? blen - 1 : blen), c->base_url, path),
	    c->max_body ? c->max_body : NET_DEFAULT_MAX_BODY, done, arg, cause);
	if (r == NULL)
		return -1;
	r->body = xstrdup(body);
	char *al = xasprintf("Accept-Language: %s", lang_code(lang));
	r->headers = curl_slist_append(r->headers, "Content-Type: application/json");
	r->headers = curl_slist_append(r->headers, "Accept: application/json");
	r->headers = curl_slist_append(r->headers, al);
	free(al);

	CURL *e = r->easy;
	set_common(n, r, c, c->allow_insecure_http ? "https,http" : "https", connect_ms(c), transfer_ms(c));
	curl_easy_setopt(e, CURLOPT_POST, 1L);
	curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body);
	curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)strlen(r->body));
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->cap);
	if (c->pinned_public_key != NULL && *c->pinned_public_key != '\0')
		curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, c->pinned_public_key);
	if (c->client_id != NULL && *c->client_id != '\0') {
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(e, CURLOPT_USERNAME, c->client_id);
		curl_easy_setopt(e, CURLOPT_PASSWORD, c->client_secret ? c->client_secret : "");
	}
	return add_request(n, r, cause);
}

long
net_probe(struct net *n, const char *url, enum net_method method, long timeout_ms,
    net_done done, void *arg, char **cause)
{
	if (strncasecmp(url, "https://", 8) != 0) {
		*cause = xstrdup("only https:// URLs are probed");
		return -1;
	}
	if (start_curl(n, cause) < 0)
		return -1;

	struct request *r = new_request(xstrdup(url), 0, done, arg, cause);
	if (r == NULL)
		return -1;
	/* Only ca_file and proxy of the configuration: the backend's
	 * credentials and pin are for the backend alone. */
	if (timeout_ms < 1)
		timeout_ms = 1;
	set_common(n, r, n->cfg, "https", timeout_ms, timeout_ms);
	if (method == NET_HEAD)
		curl_easy_setopt(r->easy, CURLOPT_NOBODY, 1L);
	else
		curl_easy_setopt(r->easy, CURLOPT_HTTPGET, 1L);
	return add_request(n, r, cause);
}

long
net_get(struct net *n, const char *url, net_done done, void *arg, char **cause)
{
	const struct net_config *c = n->cfg;

	if (net_check_url("the URL", url, c->allow_insecure_http, cause) < 0 ||
	    start_curl(n, cause) < 0)
		return -1;

	struct request *r = new_request(xstrdup(url),
	    c->max_body ? c->max_body : NET_DEFAULT_MAX_BODY, done, arg, cause);
	if (r == NULL)
		return -1;
	r->headers = curl_slist_append(r->headers, "Accept: application/json");
	/* Only ca_file, proxy, the time limits and the size cap of the
	 * configuration: the backend's credentials and pin are its own. */
	set_common(n, r, c, c->allow_insecure_http ? "https,http" : "https", connect_ms(c), transfer_ms(c));
	curl_easy_setopt(r->easy, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(r->easy, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(r->easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->cap);
	return add_request(n, r, cause);
}

char *
net_url_resolve(const char *base, const char *ref)
{
	CURLU *u = curl_url();
	char *s = NULL, *out = NULL;

	if (u == NULL)
		return NULL;
	/* The flags libcurl itself resolves a Location with. */
	if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, ref, CURLU_URLENCODE | CURLU_ALLOW_SPACE) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK)
		out = xstrdup(s);
	curl_free(s);
	curl_url_cleanup(u);
	return out;
}

static enum net_status
classify(CURLcode rc)
{
	switch (rc) {
	case CURLE_OK:
		return NET_OK;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
		return NET_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return NET_TIMEOUT;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_CRL_BADFILE:
		return NET_TLS;
	case CURLE_FILESIZE_EXCEEDED:
		return NET_TOO_LARGE;
	case CURLE_PARTIAL_FILE:
		return NET_TRUNCATED;
	default:
		return NET_FAILED;
	}
}

static void
finish(struct net *n, struct request *r, enum net_status status, const char *detail)
{
	struct net_reply reply;
	long code = 0;
	double secs = 0;
	long connects = 0;

	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(r->easy, CURLINFO_TOTAL_TIME, &secs);
	curl_easy_getinfo(r->easy, CURLINFO_NUM_CONNECTS, &connects);
	n->connects += connects;
	memset(&reply, 0, sizeof reply);
	reply.status = status;
	reply.http_code = code;
	reply.body = r->reply ? r->reply : "";
	reply.len = r->len;
	reply.content_language = r->content_language[0] ? r->content_language : NULL;
	reply.location = r->location[0] ? r->location : NULL;
	reply.detail = detail;
	reply.seconds = secs;
	curl_multi_remove_handle(n->multi, r->easy);
	unlink_request(n, r);
	if (r->done != NULL)
		r->done(r->arg, &reply);
	request_free(r);
}

void
net_cancel(struct net *n, long id)
{
	for (struct request *r = n->requests; r != NULL; r = r->next) {
		if (r->id == id) {
			finish(n, r, NET_CANCELLED, "cancelled");
			return;
		}
	}
}

void
net_cancel_all(struct net *n)
{
	while (n->requests != NULL)
		finish(n, n->requests, NET_CANCELLED, "cancelled");
}

bool
net_busy(const struct net *n)
{
	return n != NULL && n->requests != NULL;
}

bool
net_wait(struct net *n, int fd, int timeout_ms)
{
	if (n == NULL || n->multi == NULL || n->requests == NULL) {
		if (fd < 0) {
			poll(NULL, 0, timeout_ms);
			return false;
		}
		struct pollfd p = { .fd = fd, .events = POLLIN };
		return poll(&p, 1, timeout_ms) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR));
	}
	struct curl_waitfd extra = { .fd = fd, .events = CURL_WAIT_POLLIN };
	int numfds = 0;
	curl_multi_poll(n->multi, fd < 0 ? NULL : &extra, fd < 0 ? 0 : 1, timeout_ms, &numfds);
	return (extra.revents & CURL_WAIT_POLLIN) != 0;
}

void
net_run(struct net *n)
{
	int running, queued;
	CURLMsg *m;

	if (n == NULL || n->multi == NULL)
		return;
	curl_multi_perform(n->multi, &running);
	while ((m = curl_multi_info_read(n->multi, &queued)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		struct request *r = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
		CURLcode rc = m->data.result;
		enum net_status st = r->too_large ? NET_TOO_LARGE : classify(rc);
		/* After a whole transfer there is no transport detail to give:
		 * the HTTP status and body say it all. */
		const char *detail = r->error[0] ? r->error :
		    rc == CURLE_OK ? NULL : curl_easy_strerror(rc);
		/* A probe that stopped reading the body has its answer. */
		if (r->stopped && rc == CURLE_WRITE_ERROR) {
			st = NET_OK;
			detail = NULL;
		}
		if (st == NET_TOO_LARGE)
			detail = "the answer is larger than the limit";
		finish(n, r, st, detail);
	}
}

long
net_connects(const struct net *n)
{
	return n ? n->connects : 0;
}
