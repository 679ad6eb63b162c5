// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A walk from the group leader
 * gets back to it; a "tasks" list of the module's own is not the task list;
 * for_each_thread() walks the thread group.
 */
#include <linux/list.h>
#include <linux/sched/signal.h>

struct job_queue {
	struct list_head tasks;
	spinlock_t lock;
};

struct job {
	struct list_head tasks;
	int prio;
};

int leader_walk(void)
{
	struct task_struct *t;
	int n = 0;

	list_for_each_entry(t, &current->group_leader->tasks, tasks)
		n++;
	return n;
}

int jobs_over(struct job_queue *q, int prio)
{
	struct job *j;
	int n = 0;

	spin_lock(&q->lock);
	list_for_each_entry(j, &q->tasks, tasks)
		if (j->prio > prio)
			n++;
	spin_unlock(&q->lock);
	return n;
}

int threads_of_current(void)
{
	struct task_struct *t;
	int n = 0;

	rcu_read_lock();
	for_each_thread(current, t)
		n++;
	rcu_read_unlock();
	return n;
}
