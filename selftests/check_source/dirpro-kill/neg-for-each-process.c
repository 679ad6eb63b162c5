// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  for_each_process() starts at
 * init_task; skipping current inside the loop is fine.
 */
#include <linux/sched/signal.h>

int others_with_comm(const char *comm)
{
	struct task_struct *p;
	int n = 0;

	rcu_read_lock();
	for_each_process(p) {
		if (p == current)
			continue;
		if (!strcmp(p->comm, comm))
			n++;
	}
	rcu_read_unlock();
	return n;
}
