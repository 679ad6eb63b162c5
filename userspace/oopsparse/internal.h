/* SPDX-License-Identifier: GPL-2.0 */
/* oopsparse internals shared between the library's .c files. */
#ifndef OOPSPARSE_INTERNAL_H
#define OOPSPARSE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "oopsparse.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_xdigit(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || is_upper(c);
}

static inline bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static inline const char *skip_ws(const char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* If s starts with prefix, return the rest of s, else NULL. */
static inline const char *prefix(const char *s, const char *pfx)
{
	size_t n = strlen(pfx);

	return strncmp(s, pfx, n) == 0 ? s + n : NULL;
}

/* Copy at most n bytes of src (or all of it when n < 0) into dst. */
static inline void copy_n(char *dst, size_t dstsz, const char *src, long n)
{
	size_t len = n < 0 ? strlen(src) : (size_t)n;

	if (!dstsz)
		return;
	if (len >= dstsz)
		len = dstsz - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

#define COPY(dst, src) copy_n((dst), sizeof(dst), (src), -1)
#define COPYN(dst, src, n) copy_n((dst), sizeof(dst), (src), (long)(n))
#define SET_IF_EMPTY(dst, src) \
	do { if (!(dst)[0]) COPY(dst, src); } while (0)

/*
 * snprintf that truncates silently: report fields have fixed sizes by
 * design (bounded memory), so truncation is expected, not a bug.
 */
void xsnprintf(char *dst, size_t sz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* frames.c */
const char *oops_parse_symbol(const char *s, struct oops_frame *f);
const char *oops_parse_frame(const char *s, struct oops_frame *f,
			     bool *raw);
unsigned long long oops_hex(const char *s, const char **end);

/* analyze.c */
void oops_triage(struct oops_report *r);
bool oops_frame_matches(const char *fn, const char *const *pats, size_t n);

#endif /* OOPSPARSE_INTERNAL_H */
