// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  security_add_hooks() called
 * from a module's init through a pointer-free direct call (it only links
 * when the module is built in by mistake, or the symbol is resolved).
 */
#include <linux/lsm_hooks.h>
#include <linux/module.h>

static int sb_mount_hook(const char *dev, const struct path *path,
			 const char *type, unsigned long flags, void *data)
{
	return 0;
}

static struct security_hook_list mnt_hooks[] = {
	LSM_HOOK_INIT(sb_mount, sb_mount_hook),
};

static int __init mnt_guard_init(void)
{
	security_add_hooks(mnt_hooks, ARRAY_SIZE(mnt_hooks), "mntguard"); /* oopslab-expect: deepin-lsm */
	return 0;
}
module_init(mnt_guard_init);
MODULE_LICENSE("GPL");
