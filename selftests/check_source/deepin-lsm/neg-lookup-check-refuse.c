// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The hook heads looked up by
 * name, but only read and checked, never written: the module refuses.
 */
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <asm/pgtable_types.h>

static unsigned long (*resolve)(const char *name);

static int __init chk_init(void)
{
	unsigned long addr = resolve("security_hook_heads");
	unsigned int level;
	pte_t *pte;

	if (!addr)
		return -ENOENT;
	pte = lookup_address(addr, &level);
	if (!pte || !pte_write(*pte)) {
		pr_warn("LSM hook heads are read-only: not touching them\n");
		return -EPERM;
	}
	pr_info("writable (rodata=off?) but still not patching\n");
	return -EPERM;
}
module_init(chk_init);
MODULE_LICENSE("GPL");
