/*
 * cache-record.h: one register service as a record of the compact cache
 * (ptv-services.bin, see cache.h), read back without a JSON parser.
 *
 * A record is the struct cat_service that the catalogue's own loader made
 * of the service's JSON entry at sync time, written field by field in a
 * fixed order, little-endian:
 *
 *   str     u32 length, the bytes, a NUL (the length counts no NUL)
 *   ltext   u8 mask of the languages present (bit per enum lang), then a
 *           str for each set bit, fi first
 *   strv    u32 count, then a str each
 *   conds   u8 count, then a str each: condition ids, not bits, since the
 *           bits depend on assets/questions.json and the kiosk may run
 *           other assets than the sync did
 *
 *   service   str id; u8 flags (1 from the register, 2 general, 4 has
 *             variant_of, 8 has checked, 16 local); [str variant_of];
 *             ltext name, summary, org; str org_id; strv classes, life
 *             events, target groups (codes, interned again on reading);
 *             [strv municipalities when local]; f64 relevance x DIM_COUNT;
 *             eligibility (situations for, conds not_for, conds
 *             unless_no, i32 age_min, i32 age_max); first step
 *             (situations when, conds unless, ltext text); strv keywords
 *             x3; u32 channels, each a channel; str source; [str checked]
 *   situations  u8 count (<= SITUATIONS_MAX), then conds each
 *   channel   str id; u8 type; ltext name, web, hours; u32 phones, each
 *             (str number, u8 charge, ltext charge_info, ltext info, u8
 *             language + 1); strv emails; ltext address; u32 opening
 *             hours, each (u8 kind, i32 valid_from, i32 valid_to, u8
 *             flags 1 closed 2 always open, u32 times, each u8 day_from,
 *             u8 day_to, u16 from, u16 to; ltext info); strv
 *             accessibility x3; u8 languages
 *
 * Reading trusts nothing: every length is checked against the record's
 * end, every enum and number against its range, every text with
 * text_is_clean() and every code against the tables, so that a damaged
 * or hostile file can make a record fail but never read out of bounds or
 * put a control character on the screen.
 *
 * Ownership: cache_record_encode() appends to a buffer the caller owns
 * (free(buf->p)); cache_record_decode() fills *out, which the caller
 * frees with cat_service_free(), or leaves it empty on failure.
 */
#ifndef OPASTIN_CACHE_RECORD_H
#define OPASTIN_CACHE_RECORD_H

#include <stddef.h>

#include "catalogue.h"

struct cache_buf {
	unsigned char *p;
	size_t n, cap;
};
void cache_buf_put(struct cache_buf *, const void *, size_t);
void cache_buf_u32(struct cache_buf *, unsigned long);

/* Append s's record to buf.  s passed catalogue_parse_service() with the
 * same quest, whose condition ids name the bits of its condsets. */
void cache_record_encode(struct cache_buf *buf, const struct cat_service *s,
    const struct quest *quest);

/* A record's service id, without decoding the rest: a new string, or
 * NULL when the record does not start with one. */
char *cache_record_id(const unsigned char *p, size_t len);

/* Decode one record of len bytes: 0, or -1 with *cause saying what is
 * wrong (the caller frees it and adds where). */
int cache_record_decode(const unsigned char *p, size_t len, const struct catalogue_codes *,
    struct cat_service *out, char **cause);

#endif
