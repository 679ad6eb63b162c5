// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The rewrite written inline,
 * stopping only at a NUL that is stored after it.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

char *fsx_path_from_user(const char __user *up, size_t len)
{
	char *buf = kmalloc(len + 1, GFP_KERNEL);
	size_t i;

	if (!buf || copy_from_user(buf, up, len)) {
		kfree(buf);
		return NULL;
	}
	for (i = 0; buf[i]; i++) { /* oopslab-expect: cifs-delim */
		if (buf[i] == '\\')
			buf[i] = '/';
	}
	buf[len] = '\0';
	return buf;
}
