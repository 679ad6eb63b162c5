// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Reading CR0 to report
 * whether WP is set is harmless; so is a list of the module's own hooks
 * that is not struct security_hook_list.
 */
#include <linux/list.h>
#include <linux/module.h>
#include <asm/special_insns.h>

struct my_hook {
	struct list_head list;
	void (*fn)(void);
};

static LIST_HEAD(my_hooks);

bool wp_on(void)
{
	return read_cr0() & X86_CR0_WP;
}

void my_hook_add(struct my_hook *h)
{
	list_add_tail(&h->list, &my_hooks);
}
MODULE_LICENSE("GPL");
