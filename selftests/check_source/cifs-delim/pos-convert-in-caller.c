// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The copy is in one helper,
 * the conversion (cifs's convert_delimiter(), from a header) in the
 * caller, and the NUL after it.
 */
#include <linux/slab.h>
#include <linux/string.h>

void convert_delimiter(char *path, char delim);

static char *dup_no_nul(const char *tree, size_t tl, const char *pre, size_t pl)
{
	char *b = kmalloc(tl + pl + 1, GFP_KERNEL);

	if (b) {
		memcpy(b, tree, tl);
		memcpy(b + tl, pre, pl);
	}
	return b;
}

char *root_path(const char *tree, size_t tl, const char *pre, size_t pl)
{
	char *full = dup_no_nul(tree, tl, pre, pl);

	if (!full)
		return NULL;
	convert_delimiter(full, '\\'); /* oopslab-expect: cifs-delim */
	full[tl + pl] = 0;
	return full;
}
