// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for dirpro-kill: what the fixed lookup gets right and how the
 * field walk fails.  Included at the end of dirpro_kill.c, so that it can
 * call the static functions; it runs when the module loads on a kernel with
 * CONFIG_KUNIT (the oopslab lab kernel), in any mode.
 *
 * The walk needs a task whose ->tasks is not on init_task.tasks, as a
 * CLONE_THREAD child's is not.  A module cannot create such a thread, but
 * every secondary CPU has one: its idle task, swapper/N (N > 0), also comes
 * out of copy_process() without being linked into the list, its ->tasks a
 * stale copy of its creator's (kernel_init at smp_init() time).  An IPI to
 * an idle secondary CPU runs as that task.  (swapper/0 is init_task, the
 * list's head: a walk from it ends.)
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/threads.h>

/* pid_max never exceeds PID_MAX_LIMIT - 1: this pid is never in use. */
#define DIRPRO_TEST_NO_PID	PID_MAX_LIMIT
#define DIRPRO_TEST_WALK_MS	20

static int dirpro_test_idle(void *unused)
{
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ / 10);
	return 0;
}

/* A kthread to look up: a thread-group leader, on init_task.tasks. */
static struct task_struct *dirpro_test_target(struct kunit *test)
{
	struct task_struct *t;

	t = kthread_run(dirpro_test_idle, NULL, "dirpro_target");
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(t), "kthread_run: %ld", PTR_ERR(t));
	return t;
}

static void dirpro_test_fixed_finds_target(struct kunit *test)
{
	struct task_struct *t = dirpro_test_target(test);
	char name[TASK_COMM_LEN];

	KUNIT_EXPECT_TRUE(test, dirpro_lookup_name(task_pid_vnr(t), name));
	KUNIT_EXPECT_STREQ(test, name, "dirpro_target");
	KUNIT_EXPECT_TRUE(test, dirpro_lookup_name(task_pid_vnr(current), name));
	KUNIT_EXPECT_STREQ(test, name, current->comm);
	kthread_stop(t);
}

/* kill(11111, 0) for a pid nobody has: no name, ESRCH for the caller. */
static void dirpro_test_fixed_no_such_pid(struct kunit *test)
{
	char name[TASK_COMM_LEN];

	KUNIT_EXPECT_FALSE(test, dirpro_lookup_name(DIRPRO_TEST_NO_PID, name));
}

/* From a leader the field walk works: it finds leaders and comes back. */
static void dirpro_test_walk_from_leader_ends(struct kunit *test)
{
	struct task_struct *t = dirpro_test_target(test);
	int abandoned = atomic_read(&walks_abandoned);
	char name[TASK_COMM_LEN];

	KUNIT_EXPECT_TRUE(test, thread_group_leader(current));
	KUNIT_EXPECT_TRUE(test, dirpro_get_process_name(task_pid_nr(t), name));
	KUNIT_EXPECT_STREQ(test, name, "dirpro_target");
	KUNIT_EXPECT_FALSE(test, dirpro_get_process_name(DIRPRO_TEST_NO_PID, name));
	KUNIT_EXPECT_EQ(test, atomic_read(&walks_abandoned), abandoned);
	kthread_stop(t);
}

struct dirpro_test_ipi {
	bool off_list;		/* ran as swapper/N, N > 0 */
	bool walk_found;
	u64 walk_ns;
	char walk_name[TASK_COMM_LEN];
};

/*
 * Hard IRQ context: only the walk, which takes no lock when the pid is not
 * found (__get_task_comm() takes task_lock, not an IRQ-safe lock).
 */
static void dirpro_test_on_idle_cpu(void *info)
{
	struct dirpro_test_ipi *r = info;
	u64 t0;

	r->off_list = is_idle_task(current) && current != &init_task;
	if (!r->off_list)
		return;
	t0 = ktime_get_mono_fast_ns();
	r->walk_found = dirpro_get_process_name(DIRPRO_TEST_NO_PID, r->walk_name);
	r->walk_ns = ktime_get_mono_fast_ns() - t0;
}

/*
 * From a task that is not on the list the field walk never gets back to
 * it: only walk_max_ms stops it, and the module counts the abandoned walk.
 */
static void dirpro_test_walk_off_list_is_bounded(struct kunit *test)
{
	struct dirpro_test_ipi r = { };
	int abandoned = atomic_read(&walks_abandoned);
	uint saved_max = walk_max_ms;
	int tries, cpu;

	if (dirpro_mode != DIRPRO_OFF)
		kunit_skip(test, "mode=%s: the hook is live, walk_max_ms is not ours",
			   mode);
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU, whose idle task to run on");
	/* Each case has a kthread of its own: pin it, the others are free. */
	if (set_cpus_allowed_ptr(current, cpumask_of(0)))
		kunit_skip(test, "cannot move the test thread to CPU 0");

	walk_max_ms = DIRPRO_TEST_WALK_MS;
	for (tries = 0; tries < 100 && !r.off_list; tries++) {
		cpu = cpumask_next(0, cpu_online_mask);
		if (cpu < nr_cpu_ids)
			smp_call_function_single(cpu, dirpro_test_on_idle_cpu, &r, 1);
		if (!r.off_list)
			msleep(20);
	}
	walk_max_ms = saved_max;
	if (!r.off_list)
		kunit_skip(test, "CPU %d was never idle in %d tries", cpu, tries);

	KUNIT_EXPECT_FALSE(test, r.walk_found);
	KUNIT_EXPECT_EQ(test, atomic_read(&walks_abandoned), abandoned + 1);
	KUNIT_EXPECT_GE(test, r.walk_ns, (u64)DIRPRO_TEST_WALK_MS * NSEC_PER_MSEC);
	/* Bounded: checked every 4M steps (0.1-0.2 s under TCG); generous. */
	KUNIT_EXPECT_LT(test, r.walk_ns, (u64)(DIRPRO_TEST_WALK_MS + 2000) * NSEC_PER_MSEC);
}

static struct kunit_case dirpro_kill_test_cases[] = {
	KUNIT_CASE(dirpro_test_fixed_finds_target),
	KUNIT_CASE(dirpro_test_fixed_no_such_pid),
	KUNIT_CASE(dirpro_test_walk_from_leader_ends),
	KUNIT_CASE(dirpro_test_walk_off_list_is_bounded),
	{}
};

static struct kunit_suite dirpro_kill_test_suite = {
	.name = "dirpro_kill",
	.test_cases = dirpro_kill_test_cases,
};

kunit_test_suite(dirpro_kill_test_suite);
