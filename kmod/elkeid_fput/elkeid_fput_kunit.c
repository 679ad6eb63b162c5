// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for elkeid-fput: a last reference dropped where the handler
 * runs (IRQs off) never runs the file's release there.  The fixed mode
 * hands the put to its worker; the modern one relies on today's fput(),
 * which defers the release itself.  Either way the release runs later in
 * process context, with IRQs on.  Included at the end of elkeid_fput.c, so
 * that it can use the module's static functions and its worker; it runs
 * when the module loads on a kernel with CONFIG_KUNIT (the lab kernel).
 *
 * The file is an anonymous inode whose ->release records where it ran.
 */
#include <kunit/test.h>
#include <linux/anon_inodes.h>
#include <linux/preempt.h>

struct elkeid_test_release {
	int calls;
	bool irqs_off;
	bool atomic;
	bool in_irq_ctx;
};

static int elkeid_test_release_fn(struct inode *inode, struct file *file)
{
	struct elkeid_test_release *r = file->private_data;

	r->calls++;
	r->irqs_off = irqs_disabled();
	/* preempt_count() is only kept with CONFIG_PREEMPT_COUNT */
	r->atomic = IS_ENABLED(CONFIG_PREEMPT_COUNT) && !preemptible();
	r->in_irq_ctx = in_interrupt();
	return 0;
}

static const struct file_operations elkeid_test_fops = {
	.owner = THIS_MODULE,
	.release = elkeid_test_release_fn,
};

static struct file *elkeid_test_file(struct kunit *test,
				     struct elkeid_test_release *r)
{
	struct file *file;

	file = anon_inode_getfile("elkeid_kunit", &elkeid_test_fops, r, O_RDONLY);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(file), "anon_inode_getfile: %ld",
			       PTR_ERR(file));
	KUNIT_ASSERT_EQ(test, file_count(file), 1L);
	return file;
}

static void elkeid_test_expect_process_context(struct kunit *test,
					       struct elkeid_test_release *r)
{
	KUNIT_EXPECT_EQ(test, r->calls, 1);
	KUNIT_EXPECT_FALSE(test, r->irqs_off);
	KUNIT_EXPECT_FALSE(test, r->atomic);
	KUNIT_EXPECT_FALSE(test, r->in_irq_ctx);
}

/*
 * mode=fixed: with IRQs off the handler only queues its reference, the
 * last one here, and queues the worker, with elkeid_walk_fds()'s
 * defer_put(); the worker's fput() releases the file.
 */
static void elkeid_test_fixed_put_is_deferred(struct kunit *test)
{
	struct elkeid_test_release r = { };
	long last = atomic_long_read(&nr_last);
	struct deferred_put *d;
	unsigned long flags;
	struct file *file;

	d = kmalloc(sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	file = elkeid_test_file(test, &r);

	local_irq_save(flags);
	defer_put(d, file);
	KUNIT_EXPECT_EQ(test, r.calls, 0);
	local_irq_restore(flags);

	flush_work(&deferred_put_work);
	/* the worker is a kthread: its last fput() goes to delayed_fput */
	flush_delayed_fput();
	elkeid_test_expect_process_context(test, &r);
	KUNIT_EXPECT_GE(test, atomic_long_read(&nr_last), last + 1);
}

/*
 * mode=modern: the handler's own fput() of the last reference, IRQs off,
 * only queues the file (task_work, or delayed_fput from a kthread).
 */
static void elkeid_test_modern_fput_defers_release(struct kunit *test)
{
	struct elkeid_test_release r = { };
	unsigned long flags;
	struct file *file;

	file = elkeid_test_file(test, &r);

	local_irq_save(flags);
	modern_fput(file);
	KUNIT_EXPECT_EQ(test, r.calls, 0);
	local_irq_restore(flags);

	flush_delayed_fput();
	elkeid_test_expect_process_context(test, &r);
}

/*
 * mode=legacy's fput() of a reference that is not the last drops the
 * count and nothing else: only the last put releases.
 */
static void elkeid_test_legacy_fput_not_last(struct kunit *test)
{
	struct elkeid_test_release r = { };
	unsigned long flags;
	struct file *file;

	file = elkeid_test_file(test, &r);
	get_file(file);

	local_irq_save(flags);
	legacy_fput(file, "elkeid_kunit");
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, file_count(file), 1L);
	KUNIT_EXPECT_EQ(test, r.calls, 0);

	fput(file);
	flush_delayed_fput();
	elkeid_test_expect_process_context(test, &r);
}

static struct kunit_case elkeid_fput_test_cases[] = {
	KUNIT_CASE(elkeid_test_fixed_put_is_deferred),
	KUNIT_CASE(elkeid_test_modern_fput_defers_release),
	KUNIT_CASE(elkeid_test_legacy_fput_not_last),
	{}
};

static struct kunit_suite elkeid_fput_test_suite = {
	.name = "elkeid_fput",
	.test_cases = elkeid_fput_test_cases,
};

kunit_test_suite(elkeid_fput_test_suite);
