// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A kill hook names its target
 * by stepping next_task() from current until it is back at current.
 */
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/kprobes.h>

static int audit_kill_pre(struct kprobe *kp, struct pt_regs *regs)
{
	pid_t target = (pid_t)regs->di;
	struct task_struct *t;
	char comm[TASK_COMM_LEN] = "?";

	for (t = current; (t = next_task(t)) != current; ) { /* oopslab-expect: dirpro-kill */
		if (t->tgid == target) {
			get_task_comm(comm, t);
			break;
		}
	}
	pr_info("kill(%d) -> %s\n", target, comm);
	return 0;
}
