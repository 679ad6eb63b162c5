// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  for_each_process() written
 * out by hand: it starts and ends at &init_task, and compares with current
 * only to skip it.
 */
#include <linux/sched.h>

int count_but_me(void)
{
	struct task_struct *g = &init_task;
	int n = 0;

	while ((g = next_task(g)) != &init_task) {
		if (g != current)
			n++;
	}
	return n;
}
