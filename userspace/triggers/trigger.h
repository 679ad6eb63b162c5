/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers shared by the oopslab triggers.  Triggers are single-file
 * static programs run inside a busybox initramfs: no dependencies beyond
 * libc, libpthread and liburing.  Every loop they run is bounded by a count
 * and by a time budget, and every failure is one line on stderr.
 */
#ifndef OOPSLAB_TRIGGER_H
#define OOPSLAB_TRIGGER_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Exit codes, as kselftest: 0 pass, 1 fail, 2 usage, 4 skip. */
#define TRIGGER_PASS	0
#define TRIGGER_FAIL	1
#define TRIGGER_USAGE	2
#define TRIGGER_SKIP	4

extern const char *trigger_name;

static inline void __attribute__((format(printf, 2, 3), noreturn))
trigger_exit(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", trigger_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

#define die(...)	trigger_exit(TRIGGER_FAIL, __VA_ARGS__)
#define usage_error(...) trigger_exit(TRIGGER_USAGE, __VA_ARGS__)
#define skip(...)	trigger_exit(TRIGGER_SKIP, __VA_ARGS__)

/* Parse a decimal option value in [min, max] or exit with a usage error. */
static inline unsigned long parse_ulong(const char *opt, const char *s,
					unsigned long min, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v < min || v > max)
		usage_error("%s: expected a number in [%lu, %lu], got '%s'",
			    opt, min, max, s);
	return v;
}

/* Monotonic milliseconds, for time budgets. */
static inline unsigned long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#endif /* OOPSLAB_TRIGGER_H */
