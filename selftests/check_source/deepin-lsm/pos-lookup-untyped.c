// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  An AppArmor hook array found
 * by name and patched through an untyped address.
 */
#include <linux/kallsyms.h>
#include <linux/lsm_hooks.h>
#include <linux/module.h>

static int my_open(struct file *file)
{
	return 0;
}

int take_over(unsigned int idx)
{
	unsigned long base;

	base = kallsyms_lookup_name("apparmor_hooks");
	if (!base)
		return -ENOENT;
	((struct security_hook_list *)base)[idx].hook.file_open = my_open; /* oopslab-expect: deepin-lsm */
	return 0;
}
MODULE_LICENSE("GPL");
