/*
 * net.h: HTTPS requests that never block the interface.
 *
 * This is the only module that knows libcurl.  It drives the multi
 * interface: the main loop waits in net_wait(), which polls the terminal
 * and every transfer together, then calls net_run() to move the
 * transfers along; finished requests call their callback from there.
 *
 * libcurl, and OpenSSL under it, allocate through secmem.h's allocators,
 * which wipe what they free: the requests carry what a citizen typed.
 *
 * Nothing touches libcurl until the first request, so the first screen
 * appears before any network or TLS set-up.  All requests of one struct
 * net share its connection cache, so a session's requests reuse one
 * connection, over HTTP/2 where the server offers it.
 *
 * Besides the backend's requests (net_post), it fetches the service
 * register's pages for opastin --sync (net_get), and it probes the catalogue's
 * web addresses for opastin --check-links (net_probe), under the same
 * TLS rules.
 *
 * Security: peer and host verification are always on, TLS 1.2 at least;
 * only https:// is allowed, except http:// to a loopback host when the
 * configuration allows it for development.  Bodies are capped.  The
 * credentials are never logged.
 */
#ifndef OPASTIN_NET_H
#define OPASTIN_NET_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"

#define NET_DEFAULT_CONNECT_TIMEOUT_S 5
#define NET_DEFAULT_TIMEOUT_S 15
#define NET_DEFAULT_MAX_BODY (2u << 20)
/* A probe reads at most this much of a body, throwing it away, then stops:
 * the status line and headers came first, and they are what it is for. */
#define NET_PROBE_MAX_BODY (64u << 10)
/* A probe keeps at most this many bytes of a Location header. */
#define NET_MAX_LOCATION 2048

/* Borrowed by the struct net: must outlive it. */
struct net_config {
	const char *base_url;
	const char *client_id;
	const char *client_secret;
	const char *ca_file;
	const char *pinned_public_key;
	const char *proxy;
	long connect_timeout_s;
	long timeout_s;
	size_t max_body;
	bool allow_insecure_http;
	/* Whether https_proxy, HTTPS_PROXY, ALL_PROXY, all_proxy, no_proxy
	 * and NO_PROXY count when proxy is not set (curl reads them). */
	bool proxy_from_environment;
};

enum net_status {
	NET_OK,			/* an HTTP answer, of any status code */
	NET_CONNECT,		/* could not connect or resolve */
	NET_TIMEOUT,
	NET_TLS,		/* certificate, host name, pin, handshake */
	NET_TOO_LARGE,		/* the body passed max_body */
	NET_TRUNCATED,		/* the connection closed inside the body */
	NET_CANCELLED,
	NET_FAILED		/* anything else the transport reports */
};

/* What a finished request gives its callback; owned by net, valid only
 * during the callback. */
struct net_reply {
	enum net_status status;
	long http_code;
	const char *body;	/* NUL-terminated */
	size_t len;
	const char *content_language;	/* header value or NULL */
	const char *location;	/* a probe's Location header (untrusted), or NULL */
	const char *detail;	/* for the log: curl's error, no secrets */
	double seconds;
};

typedef void (*net_done)(void *arg, const struct net_reply *);

struct net;

/* Check a configuration's URL: 0, or -1 with *cause (one line). */
int net_check_config(const struct net_config *, char **cause);
/* The same rule for any URL: https://, or http:// to a loopback host when
 * allow_insecure_http; what names it in the message ("ptv_url"). */
int net_check_url(const char *what, const char *url, bool allow_insecure_http,
    char **cause);
/* Whether a URL (or curl's scheme-less "host:port") holds a user name or
 * password before its host ("user:pass@host"). */
bool net_url_has_credentials(const char *url);
/* A copy of url without its user name and password, for showing. */
char *net_url_redact(const char *url);
/* Whether v is a key pin as curl takes it: "sha256//BASE64" items
 * separated by ';', or the path of a readable PEM or DER file.  0, or -1
 * with *why. */
int net_check_pinned_key(const char *v, char **why);
struct net *net_new(const struct net_config *);
void net_free(struct net *);

/* Start POST {base_url}/{path} with a JSON body.  Returns a request id
 * (> 0), or -1 with *cause when it cannot start at all. */
long net_post(struct net *, const char *path, const char *body, enum lang,
    net_done, void *arg, char **cause);
/*
 * Probe an absolute https:// URL: is it there?  For checking the links of
 * the catalogue, not for the backend, so none of the backend's settings
 * but ca_file and proxy apply: no credentials, no key pin, no base URL.
 * HEAD, or GET; no redirect is followed (the reply's location says where
 * it points); the body is never kept (see NET_PROBE_MAX_BODY).
 * timeout_ms covers the connection and the whole transfer.  Returns a
 * request id (> 0), or -1 with *cause when it cannot start at all.
 */
enum net_method { NET_HEAD, NET_GET };
long net_probe(struct net *, const char *url, enum net_method, long timeout_ms,
    net_done, void *arg, char **cause);

/*
 * GET an absolute URL (the register's, for opastin --sync) and keep its
 * body, capped at max_body, as net_post does.  Of the configuration only
 * ca_file, proxy, the time limits, max_body and allow_insecure_http
 * apply; base_url, the credentials and the pin are the backend's.
 * Returns a request id (> 0), or -1 with *cause.
 */
long net_get(struct net *, const char *url, net_done, void *arg, char **cause);

/*
 * Resolve ref (a Location header: absolute, "//host/p", "/p", "p", "?q")
 * against the absolute URL base, as a browser would (RFC 3986, section
 * 5).  Pure: no network.  Returns a new string, or NULL when either is
 * not a URL.  The result is as untrusted as ref.
 */
char *net_url_resolve(const char *base, const char *ref);

/* Cancel every request and close every connection: what libcurl and
 * OpenSSL buffered for them is freed, and wiped (secmem.h).  For the
 * session reset.  The TLS sessions stay, for the next connection to
 * resume; the next request connects anew. */
void net_forget(struct net *);

/* Cancel one request (its callback runs with NET_CANCELLED) or all. */
void net_cancel(struct net *, long id);
void net_cancel_all(struct net *);
bool net_busy(const struct net *);

/* Wait up to timeout_ms for the terminal (fd) or any transfer.  Returns
 * true when fd is readable; fd < 0 waits for the transfers only. */
bool net_wait(struct net *, int fd, int timeout_ms);
/* Move transfers along and run the callbacks of finished ones. */
void net_run(struct net *);
/* How many connections the session opened so far (for tests and logs). */
long net_connects(const struct net *);

#endif
