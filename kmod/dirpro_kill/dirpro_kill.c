// SPDX-License-Identifier: GPL-2.0
/*
 * dirpro-kill: a kill(2) hook that resolves the target pid to a name by
 * walking current->tasks, as the "dirpro" host agent did on RHEL 6.
 *
 * Only thread-group leaders are linked into init_task.tasks.  A thread
 * created with CLONE_THREAD never gets its own ->tasks initialised: it is
 * a stale copy of its creator's (dup_task_struct), pointing at the leader's
 * neighbours.  A walk that starts there and stops when it comes back to
 * &current->tasks never stops when the target is not a leader on the list
 * (a pid that does not exist, an exited task, a TID).  In a kprobe
 * pre-handler preemption is off, so the CPU is stuck: soft lockup.
 *
 * The hook is a kprobe on the syscall entry, as agents do on 6.x now that
 * sys_call_table cannot be patched.
 *
 *   mode=off      (default) the probe is not even registered
 *   mode=buggy    walk current->tasks like dirpro's get_process_name(),
 *                 giving up after walk_max_ms so the VM can report
 *   mode=fixed    pid_task(find_vpid()) under RCU
 *
 *   hook=kprobe   (default) a kprobe on the syscall's entry symbol
 *   hook=ftrace   an ftrace_ops filtered to it, as agents on arm64 do: an
 *                 arm64 kprobe handler runs from a BRK exception with IRQs
 *                 masked, so the watchdog's timer never fires on the
 *                 stuck CPU and there is no soft lockup report, only RCU
 *                 stalls; an ftrace callback runs with IRQs on and
 *                 preemption off, like a kprobe on x86 (KPROBES_ON_FTRACE
 *                 or int3 with IRQs re-enabled) and ppc64
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "compat.h"

static char *mode = "off";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "off (default), buggy or fixed");

static char *hook = "kprobe";
module_param(hook, charp, 0444);
MODULE_PARM_DESC(hook, "kprobe (default) or ftrace: how kill(2) is hooked");

/*
 * Well past the default soft-lockup threshold (2 * watchdog_thresh = 20 s),
 * so that the lockup is seen on an untuned kernel too; the lab VM lowers
 * the threshold and this bound with it.
 */
static uint walk_max_ms = 30000;
module_param(walk_max_ms, uint, 0444);
MODULE_PARM_DESC(walk_max_ms, "buggy walk gives up after this many ms (default 30000)");

static atomic_t kills_seen = ATOMIC_INIT(0);
static atomic_t names_found = ATOMIC_INIT(0);
static atomic_t walks_abandoned = ATOMIC_INIT(0);

module_param_named(kills_seen, kills_seen.counter, int, 0444);
MODULE_PARM_DESC(kills_seen, "kill(2) calls the hook saw");
module_param_named(names_found, names_found.counter, int, 0444);
MODULE_PARM_DESC(names_found, "targets resolved to a name");
module_param_named(walks_abandoned, walks_abandoned.counter, int, 0444);
MODULE_PARM_DESC(walks_abandoned, "buggy walks stopped by walk_max_ms");

enum dirpro_mode { DIRPRO_OFF, DIRPRO_BUGGY, DIRPRO_FIXED };

static const char * const dirpro_modes[] = {
	[DIRPRO_OFF] = "off",
	[DIRPRO_BUGGY] = "buggy",
	[DIRPRO_FIXED] = "fixed",
};

static enum dirpro_mode dirpro_mode;

enum dirpro_hook { DIRPRO_KPROBE, DIRPRO_FTRACE };

static const char * const dirpro_hooks[] = {
	[DIRPRO_KPROBE] = "kprobe",
	[DIRPRO_FTRACE] = "ftrace",
};

static enum dirpro_hook dirpro_hook;

/*
 * The walk looks at the clock once per this many steps: rarely enough
 * that the watchdog's sample of the spinning CPU lands in the walk itself
 * (the report's title is the function its RIP is in), not in the clock.
 * A clock read can be slow: with the HPET as clocksource (QEMU TCG, some
 * VMs) it is an emulated MMIO read of tens of microseconds, and at one
 * read per 64K steps a loaded TCG host had one sample in 40 in the read's
 * retpoline thunk.  4M steps are 0.1 to 0.2 s of a walk under TCG and
 * milliseconds on hardware: fine for a bound of seconds.
 */
#define DIRPRO_STEPS_PER_CLOCK_CHECK	SZ_4M

/*
 * The target's name.  get_task_comm() wants an array it can size, and
 * __get_task_comm() is gone after 6.12; this is what both do today (the
 * comm is always NUL-terminated, so no task_lock() is needed to read it).
 */
static void dirpro_copy_comm(char *name, struct task_struct *p)
{
	strscpy_pad(name, p->comm, TASK_COMM_LEN);
}

/*
 * The field code, minus the crash: walk from current until the pid is
 * found or the walk is back at current.  From a non-leader thread the
 * second condition never holds.  The time check is the only addition; the
 * clock is the NMI-safe one because the loop must not depend on the tick.
 */
static noinline bool dirpro_get_process_name(pid_t nr, char *name)
{
	u64 deadline = ktime_get_mono_fast_ns() +
		       (u64)walk_max_ms * NSEC_PER_MSEC;
	struct task_struct *p = current;
	unsigned long steps = 0;

	do {
		p = list_entry(READ_ONCE(p->tasks.next), struct task_struct,
			       tasks);
		if (p->pid == nr) {
			dirpro_copy_comm(name, p);
			return true;
		}
		if (!(++steps % DIRPRO_STEPS_PER_CLOCK_CHECK) &&
		    ktime_get_mono_fast_ns() > deadline) {
			atomic_inc(&walks_abandoned);
			pr_warn("walk from %s/%d for pid %d did not end after %lu steps in %u ms; giving up\n",
				current->comm, task_pid_nr(current), nr, steps,
				walk_max_ms);
			return false;
		}
	} while (p != current);

	return false;
}

/* The correct lookup: the pid hash, under RCU, from any thread. */
static noinline bool dirpro_lookup_name(pid_t nr, char *name)
{
	struct task_struct *p;
	bool found = false;

	rcu_read_lock();
	p = pid_task(find_vpid(nr), PIDTYPE_PID);
	if (p) {
		dirpro_copy_comm(name, p);
		found = true;
	}
	rcu_read_unlock();

	return found;
}

/* What the agent's hook did with every kill(2), whichever way it hooked. */
static void dirpro_kill_hook(pid_t nr)
{
	char name[TASK_COMM_LEN];
	bool found;

	atomic_inc(&kills_seen);
	if (nr <= 0)
		return;		/* process groups: not what the agent logged */

	if (dirpro_mode == DIRPRO_BUGGY)
		found = dirpro_get_process_name(nr, name);
	else
		found = dirpro_lookup_name(nr, name);
	if (found)
		atomic_inc(&names_found);
}

/*
 * __x64_sys_kill(const struct pt_regs *regs), and its arm64 and ppc64
 * twins: the user's arguments are in the pt_regs the wrapper receives as
 * its first argument (compat.h).
 */
static int dirpro_kill_pre(struct kprobe *kp, struct pt_regs *regs)
{
	dirpro_kill_hook(dirpro_kill_pid(regs));
	return 0;
}

static struct kprobe dirpro_kp = {
	.symbol_name = DIRPRO_KILL_SYMBOL,
	.pre_handler = dirpro_kill_pre,
};

#ifdef DIRPRO_HAVE_FTRACE_HOOK
/*
 * Called at the entry of the syscall with the regs saved there
 * (FTRACE_OPS_FL_SAVE_REGS), or only its argument registers where that
 * is all the architecture saves (compat.h).  FTRACE_OPS_FL_RECURSION:
 * ftrace's own recursion guard, which also keeps preemption off while
 * this runs.
 */
static void notrace dirpro_kill_ftrace(unsigned long ip, unsigned long parent_ip,
				       struct ftrace_ops *op,
				       struct ftrace_regs *fregs)
{
#ifdef DIRPRO_FTRACE_PT_REGS
	struct pt_regs *regs = ftrace_get_regs(fregs);

	if (regs)
		dirpro_kill_hook(dirpro_kill_pid(regs));
#else
	dirpro_kill_hook(dirpro_kill_pid_arg(ftrace_regs_get_argument(fregs, 0)));
#endif
}

static struct ftrace_ops dirpro_fops = {
	.func = dirpro_kill_ftrace,
	.flags = DIRPRO_FTRACE_FLAGS,
};

static int dirpro_register_ftrace(void)
{
	int ret;

	ret = ftrace_set_filter(&dirpro_fops, (unsigned char *)DIRPRO_KILL_SYMBOL,
				strlen(DIRPRO_KILL_SYMBOL), 1);
	if (ret) {
		pr_err("cannot filter ftrace to %s: %d\n", DIRPRO_KILL_SYMBOL, ret);
		return ret;
	}
	ret = register_ftrace_function(&dirpro_fops);
	if (ret) {
		pr_err("cannot hook %s with ftrace: %d\n", DIRPRO_KILL_SYMBOL, ret);
		ftrace_free_filter(&dirpro_fops);
	}
	return ret;
}

static void dirpro_unregister_ftrace(void)
{
	unregister_ftrace_function(&dirpro_fops);
	ftrace_free_filter(&dirpro_fops);
}
#else
static int dirpro_register_ftrace(void)
{
	pr_err("hook=ftrace needs CONFIG_DYNAMIC_FTRACE_WITH_REGS or _WITH_ARGS and 5.11 or later\n");
	return -EOPNOTSUPP;
}

static void dirpro_unregister_ftrace(void)
{
}
#endif /* DIRPRO_HAVE_FTRACE_HOOK */

static int __init dirpro_kill_init(void)
{
	int ret;

	ret = match_string(dirpro_modes, ARRAY_SIZE(dirpro_modes), mode);
	if (ret < 0) {
		pr_err("unknown mode '%s' (off, buggy, fixed)\n", mode);
		return -EINVAL;
	}
	dirpro_mode = ret;
	if (dirpro_mode == DIRPRO_OFF) {
		pr_info("mode=off: kill(2) is not hooked\n");
		return 0;
	}

	ret = match_string(dirpro_hooks, ARRAY_SIZE(dirpro_hooks), hook);
	if (ret < 0) {
		pr_err("unknown hook '%s' (kprobe, ftrace)\n", hook);
		return -EINVAL;
	}
	dirpro_hook = ret;

	if (dirpro_hook == DIRPRO_FTRACE) {
		ret = dirpro_register_ftrace();
		if (ret)
			return ret;
	} else {
		ret = register_kprobe(&dirpro_kp);
		if (ret) {
			pr_err("cannot probe %s: %d\n", dirpro_kp.symbol_name, ret);
			return ret;
		}
	}

	if (dirpro_mode == DIRPRO_BUGGY)
		pr_info("mode=buggy: kill(2) walks current->tasks to name the target (bounded by %u ms); a kill from a non-leader thread will not find its way back\n",
			walk_max_ms);
	else
		pr_info("mode=fixed: kill(2) looks the target up with pid_task(find_vpid()) under RCU\n");
	pr_info("hook=%s on %s\n", dirpro_hooks[dirpro_hook], DIRPRO_KILL_SYMBOL);
	return 0;
}

static void __exit dirpro_kill_exit(void)
{
	if (dirpro_mode != DIRPRO_OFF && dirpro_hook == DIRPRO_FTRACE)
		dirpro_unregister_ftrace();
	else if (dirpro_mode != DIRPRO_OFF)
		unregister_kprobe(&dirpro_kp);
	pr_info("unloaded: %d kills seen, %d names found, %d walks abandoned\n",
		atomic_read(&kills_seen), atomic_read(&names_found),
		atomic_read(&walks_abandoned));
}

module_init(dirpro_kill_init);
module_exit(dirpro_kill_exit);

MODULE_DESCRIPTION("oopslab: kill(2) hook walking task->tasks from a non-leader thread");
MODULE_LICENSE("GPL");

#if IS_ENABLED(CONFIG_KUNIT)
#include "dirpro_kill_kunit.c"
#endif
