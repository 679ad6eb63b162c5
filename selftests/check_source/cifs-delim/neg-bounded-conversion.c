// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Converting within the known
 * length needs no NUL at all; building a string byte by byte and then
 * terminating it is not a conversion.
 */
#include <linux/slab.h>
#include <linux/string.h>

void fix_seps(char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] == '/')
			p[i] = '\\';
	p[len] = '\0';
}

void hex_name(char *out, const u8 *id, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hex[id[i] >> 4];
		out[2 * i + 1] = hex[id[i] & 0xf];
	}
	out[2 * n] = '\0';
}
