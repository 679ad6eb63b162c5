/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small strict JSON validator and a TSV shape check, shared by the unit
 * tests and the fuzz target.
 */
#ifndef OOPSPARSE_JSON_CHECK_H
#define OOPSPARSE_JSON_CHECK_H

#include <stdbool.h>
#include <string.h>

static inline const char *json_value(const char *s, int depth);

static inline const char *json_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

static inline const char *json_string(const char *s)
{
	if (*s++ != '"')
		return NULL;
	while (*s != '"') {
		unsigned char c = (unsigned char)*s;

		if (!c || c < 0x20)
			return NULL;
		if (c == '\\') {
			s++;
			if (*s == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", s[i]) || !s[i])
						return NULL;
				s += 5;
				continue;
			}
			if (!*s || !strchr("\"\\/bfnrt", *s))
				return NULL;
		}
		s++;
	}
	return s + 1;
}

static inline const char *json_number(const char *s)
{
	const char *b;

	if (*s == '-')
		s++;
	b = s;
	while (*s >= '0' && *s <= '9')
		s++;
	if (s == b)
		return NULL;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return s;
}

static inline const char *json_value(const char *s, int depth)
{
	if (depth > 32)
		return NULL;
	s = json_ws(s);
	switch (*s) {
	case '{':
		s = json_ws(s + 1);
		if (*s == '}')
			return s + 1;
		for (;;) {
			s = json_string(json_ws(s));
			if (!s)
				return NULL;
			s = json_ws(s);
			if (*s++ != ':')
				return NULL;
			s = json_value(s, depth + 1);
			if (!s)
				return NULL;
			s = json_ws(s);
			if (*s == '}')
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	case '[':
		s = json_ws(s + 1);
		if (*s == ']')
			return s + 1;
		for (;;) {
			s = json_value(s, depth + 1);
			if (!s)
				return NULL;
			s = json_ws(s);
			if (*s == ']')
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	case '"':
		return json_string(s);
	case 't':
		return strncmp(s, "true", 4) ? NULL : s + 4;
	case 'f':
		return strncmp(s, "false", 5) ? NULL : s + 5;
	case 'n':
		return strncmp(s, "null", 4) ? NULL : s + 4;
	default:
		return json_number(s);
	}
}

static inline bool json_valid_line(const char *s)
{
	s = json_value(s, 0);
	return s && *json_ws(s) == '\0';
}

/* TSV: exactly 9 non-empty TAB-separated fields */
static inline bool tsv_valid_line(const char *line)
{
	const char *p = line;
	int tabs = 0;

	for (const char *q = line; ; q++) {
		if (*q == '\t' || !*q) {
			if (q == p)
				return false;
			if (!*q)
				break;
			tabs++;
			p = q + 1;
		} else if ((unsigned char)*q < 0x20) {
			return false;
		}
	}
	return tabs == 8;
}

#endif /* OOPSPARSE_JSON_CHECK_H */
