// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The walk is in a helper that
 * is handed its starting task; it steps with container_of() of
 * ->tasks.next and gives up when it meets the start again.
 */
#include <linux/sched.h>

#define ME()	get_current()

static struct task_struct *hp_next(struct task_struct *t)
{
	return t;
}

static struct task_struct *hp_find(struct task_struct *from, pid_t nr)
{
	struct task_struct *it = from;

	while (1) {
		it = container_of(it->tasks.next, struct task_struct, tasks); /* oopslab-expect: dirpro-kill */
		if (it->pid == nr)
			return it;
		if (it == from)
			break;
	}
	return NULL;
}

struct task_struct *hp_lookup(pid_t nr)
{
	return hp_next(hp_find(ME(), nr));
}
