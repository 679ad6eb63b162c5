// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A built-in LSM registers its
 * hooks from its __init function: that is what security_add_hooks() is
 * for.  No MODULE_LICENSE: this is not a module.
 */
#include <linux/lsm_hooks.h>

static int tiny_task_kill(struct task_struct *p, struct kernel_siginfo *info,
			  int sig, const struct cred *cred)
{
	return 0;
}

static struct security_hook_list tiny_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(task_kill, tiny_task_kill),
};

static int __init tiny_init(void)
{
	security_add_hooks(tiny_hooks, ARRAY_SIZE(tiny_hooks), "tiny");
	return 0;
}

DEFINE_LSM(tiny) = {
	.name = "tiny",
	.init = tiny_init,
};
