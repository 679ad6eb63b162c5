// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  snprintf() terminates; a
 * convert_*() helper after it, then a NUL stored to cut the string short,
 * is fine.
 */
#include <linux/kernel.h>
#include <linux/string.h>

void convert_to_dos(char *s);

void mkname(char *buf, size_t sz, const char *dir, const char *f)
{
	snprintf(buf, sz, "%s/%s", dir, f);
	convert_to_dos(buf);
	if (sz > 8)
		buf[8] = 0;
}
