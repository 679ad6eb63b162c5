// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  list_next_entry() on ->tasks
 * in a while loop whose condition is the start task.
 */
#include <linux/list.h>
#include <linux/sched.h>

unsigned int count_after(struct task_struct *self)
{
	struct task_struct *pos = list_next_entry(self, tasks);
	unsigned int n = 0;

	while (pos != self) {
		n++;
		pos = list_next_entry(pos, tasks); /* oopslab-expect: dirpro-kill */
	}
	return n;
}
