// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  kstrdup() returns a
 * terminated string; converting it and then cutting a trailing separator
 * is fine.
 */
#include <linux/slab.h>
#include <linux/string.h>

char *share_name(const char *s)
{
	char *n = kstrdup(s, GFP_KERNEL);
	size_t len;

	if (!n)
		return NULL;
	strreplace(n, '\\', '/');
	len = strlen(n);
	if (len && n[len - 1] == '/')
		n[len - 1] = '\0';
	return n;
}
