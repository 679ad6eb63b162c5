// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  One function, two walks:
 * the first from &init_task (fine), the second from current (not).
 */
#include <linux/sched.h>

int census(pid_t nr)
{
	struct task_struct *g = &init_task, *t = current;
	int all = 0, after_me = 0;

	while ((g = next_task(g)) != &init_task)
		all++;
	while ((t = next_task(t)) != current) { /* oopslab-expect: dirpro-kill */
		if (t->pid == nr)
			break;
		after_me++;
	}
	return all - after_me;
}
