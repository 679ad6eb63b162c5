// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  An LSM-style hook walks the
 * list from the caller's own ->tasks with the RCU iterator.
 */
#include <linux/rculist.h>
#include <linux/sched.h>

int agent_task_kill(struct task_struct *target, int sig)
{
	struct task_struct *cur;
	int seen = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(cur, &current->tasks, tasks) { /* oopslab-expect: dirpro-kill */
		if (cur == target)
			seen = 1;
	}
	rcu_read_unlock();
	return seen;
}
