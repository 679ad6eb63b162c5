// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  Reduced from a false
 * positive in a packaged NAT64 module: list_add*() of the module's own
 * nodes onto heads reached through pointers, one of them through a cast.
 * The cast pattern (T)E must not stand for "any E" here.
 */
#include <linux/list.h>
#include <linux/module.h>

struct timeout_bucket {
	struct list_head entries;
};

struct flow {
	struct list_head hook;
	unsigned long stamp;
};

static void flow_requeue(struct flow *fl, struct timeout_bucket *b)
{
	list_del(&fl->hook);
	list_add_tail(&fl->hook, &b->entries);
}

static void flow_push(struct flow *fl, void *priv)
{
	list_add(&fl->hook, &((struct timeout_bucket *)priv)->entries);
}
MODULE_LICENSE("GPL");
