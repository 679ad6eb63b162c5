// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The pid hash, under RCU.
 */
#include <linux/pid.h>
#include <linux/sched.h>

bool name_of(pid_t nr, char *buf)
{
	struct task_struct *tsk;
	bool ok = false;

	rcu_read_lock();
	tsk = pid_task(find_vpid(nr), PIDTYPE_PID);
	if (tsk && tsk != current) {
		get_task_comm(buf, tsk);
		ok = true;
	}
	rcu_read_unlock();
	return ok;
}
