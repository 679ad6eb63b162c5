// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Clear CR0.WP, store into a
 * 6.12 static-call slot of the LSM table, set WP again.
 */
#include <linux/lsm_hooks.h>
#include <linux/module.h>
#include <asm/special_insns.h>

static struct security_hook_list mine;

static void unprotect(void)
{
	write_cr0(read_cr0() & ~X86_CR0_WP); /* oopslab-expect: deepin-lsm */
}

static void protect(void)
{
	write_cr0(read_cr0() | X86_CR0_WP);
}

void plant(struct lsm_static_call *slot)
{
	unprotect();
	slot->hl = &mine; /* oopslab-expect: deepin-lsm */
	protect();
}

static void unprotect_raw(void)
{
	unsigned long cr0 = read_cr0();

	native_write_cr0(cr0 & ~0x00010000UL); /* oopslab-expect: deepin-lsm */
}
MODULE_LICENSE("GPL");
