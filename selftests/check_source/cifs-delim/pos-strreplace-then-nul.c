// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A share path copied with
 * memcpy(), converted with strreplace(), terminated last.
 */
#include <linux/slab.h>
#include <linux/string.h>

char *smbx_unc(const char *host, size_t hl, const char *share, size_t sl)
{
	char *unc = kmalloc(hl + sl + 3, GFP_KERNEL);

	if (!unc)
		return NULL;
	unc[0] = '/';
	unc[1] = '/';
	memcpy(unc + 2, host, hl);
	memcpy(unc + 2 + hl, share, sl);
	strreplace(unc, '/', '\\'); /* oopslab-expect: cifs-delim */
	unc[hl + sl + 2] = '\0';
	return unc;
}
