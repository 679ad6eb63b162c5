// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The module's own rewrite
 * helper (named for what it does, not "convert"), used on a strncpy()ed
 * buffer before the NUL goes in.
 */
#include <linux/slab.h>
#include <linux/string.h>

static void to_backslashes(char *s)
{
	while (*s) {
		if (*s == '/')
			*s = '\\';
		s++;
	}
}

char *nfsx_mkpath(const char *prefix, const char *rel)
{
	size_t a = strlen(prefix), b = strlen(rel);
	char *p = kmalloc(a + b + 1, GFP_KERNEL);

	if (!p)
		return NULL;
	strncpy(p, prefix, a);
	strncpy(p + a, rel, b);
	to_backslashes(p); /* oopslab-expect: cifs-delim */
	p[a + b] = 0;
	return p;
}
