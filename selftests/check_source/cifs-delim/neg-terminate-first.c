// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The 3.8 order: the NUL
 * first, then the conversion.
 */
#include <linux/slab.h>
#include <linux/string.h>

void convert_delimiter(char *path, char delim);

char *root_path_fixed(const char *tree, size_t tl, const char *pre, size_t pl)
{
	char *full = kmalloc(tl + pl + 1, GFP_KERNEL);

	if (!full)
		return NULL;
	memcpy(full, tree, tl);
	memcpy(full + tl, pre, pl);
	full[tl + pl] = 0;
	convert_delimiter(full, '\\');
	return full;
}
