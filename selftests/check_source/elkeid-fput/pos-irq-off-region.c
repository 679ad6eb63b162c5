// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  No probe at all: a cache of
 * files flushed with IRQs off, the last put among them.
 */
#include <linux/file.h>
#include <linux/irqflags.h>

struct fcache {
	struct file *slot[16];
	int n;
};

static void fcache_release_one(struct fcache *c, int i)
{
	if (c->slot[i])
		fput(c->slot[i]); /* oopslab-expect: elkeid-fput */
	c->slot[i] = NULL;
}

void fcache_flush(struct fcache *c)
{
	unsigned long irqflags;
	int i;

	local_irq_save(irqflags);
	for (i = 0; i < c->n; i++)
		fcache_release_one(c, i);
	c->n = 0;
	local_irq_restore(irqflags);
}

void fcache_drop_last(struct fcache *c)
{
	local_irq_disable();
	if (c->n)
		filp_close(c->slot[--c->n], NULL); /* oopslab-expect: elkeid-fput */
	local_irq_enable();
}
