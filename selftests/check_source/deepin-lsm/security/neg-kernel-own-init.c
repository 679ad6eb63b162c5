// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The kernel's own LSM
 * framework (a file under security/, no MODULE_LICENSE) fills the
 * static-call slots from __init code, before mark_rodata_ro(): that is
 * what the slots are for, not a module patching them.  Reduced from a
 * finding in Linux 6.12's security/security.c.
 */
#include <linux/init.h>
#include <linux/lsm_hooks.h>

static void __init fill_first_free(struct lsm_static_call *tbl,
				   struct security_hook_list *hl)
{
	int i;

	for (i = 0; i < MAX_LSM_COUNT; i++) {
		if (tbl[i].hl)
			continue;
		tbl[i].hl = hl;
		return;
	}
}

void __init register_hooks(struct security_hook_list *hooks, int n)
{
	int i;

	for (i = 0; i < n; i++)
		fill_first_free(hooks[i].scalls, &hooks[i]);
}
