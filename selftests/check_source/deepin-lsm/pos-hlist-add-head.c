// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A 4.x-style module that
 * links its hooks into security_hook_heads itself, at insmod.
 */
#include <linux/lsm_hooks.h>
#include <linux/module.h>

static int guard_bprm_check(struct linux_binprm *bprm)
{
	return 0;
}

static struct security_hook_list guard_hooks[] = {
	LSM_HOOK_INIT(bprm_check_security, guard_bprm_check),
};

static struct security_hook_heads *heads;

static void guard_install(struct security_hook_list *h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		hlist_add_tail_rcu(&h[i].list, h[i].head); /* oopslab-expect: deepin-lsm */
}

static int __init guard_init(void)
{
	guard_hooks[0].head = &heads->bprm_check_security;
	guard_install(guard_hooks, ARRAY_SIZE(guard_hooks));
	return 0;
}
module_init(guard_init);
MODULE_LICENSE("GPL");
