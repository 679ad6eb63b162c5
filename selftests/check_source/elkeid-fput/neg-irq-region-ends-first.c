// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The reference is taken off
 * a list with IRQs off and dropped after they are back on.
 */
#include <linux/file.h>
#include <linux/irqflags.h>
#include <linux/list.h>

struct pending {
	struct list_head node;
	struct file *file;
};

static LIST_HEAD(pending_files);

void drain_one(void)
{
	struct pending *pd = NULL;
	unsigned long fl;

	local_irq_save(fl);
	if (!list_empty(&pending_files)) {
		pd = list_first_entry(&pending_files, struct pending, node);
		list_del(&pd->node);
	}
	local_irq_restore(fl);

	if (pd)
		fput(pd->file);
}
