// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The supported way: a kprobe
 * on security_file_open(), and an hlist of the module's own.
 */
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/rculist.h>

struct rule {
	struct hlist_node list;
	int id;
};

static HLIST_HEAD(rules);
static atomic_t opens;

static int sfo_pre(struct kprobe *p, struct pt_regs *regs)
{
	atomic_inc(&opens);
	return 0;
}

static struct kprobe sfo = {
	.symbol_name = "security_file_open",
	.pre_handler = sfo_pre,
};

void rule_add(struct rule *r)
{
	hlist_add_head_rcu(&r->list, &rules);
}

static int __init sfo_init(void)
{
	return register_kprobe(&sfo);
}
module_init(sfo_init);
MODULE_LICENSE("GPL");
