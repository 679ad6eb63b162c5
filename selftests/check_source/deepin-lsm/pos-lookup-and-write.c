// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The hook heads found by
 * name through a resolver the module got from a kprobe, then written.
 */
#include <linux/kprobes.h>
#include <linux/lsm_hooks.h>
#include <linux/module.h>

typedef unsigned long (*lookup_fn)(const char *);

static lookup_fn ksym;

static int watch_file_open(struct file *file)
{
	return 0;
}

static struct hlist_node my_node;

static int __init watch_init(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	struct security_hook_heads *shh;

	if (register_kprobe(&kp))
		return -ENOENT;
	ksym = (lookup_fn)kp.addr;
	unregister_kprobe(&kp);

	shh = (struct security_hook_heads *)ksym("security_hook_heads");
	if (!shh)
		return -ENOENT;
	hlist_add_head_rcu(&my_node, &shh->file_open); /* oopslab-expect: deepin-lsm */
	return 0;
}
module_init(watch_init);
MODULE_LICENSE("GPL");
