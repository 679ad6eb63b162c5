// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The handler takes a
 * reference and hands it to a work item; the worker drops it.
 */
#include <linux/file.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct put_work {
	struct work_struct work;
	struct file *file;
};

static void put_work_fn(struct work_struct *w)
{
	struct put_work *pw = container_of(w, struct put_work, work);

	fput(pw->file);
	kfree(pw);
}

static int creat_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct put_work *pw = kmalloc(sizeof(*pw), GFP_ATOMIC);
	struct file *f;

	if (!pw)
		return 0;
	f = get_task_exe_file(current);
	if (!f) {
		kfree(pw);
		return 0;
	}
	pw->file = f;
	INIT_WORK(&pw->work, put_work_fn);
	schedule_work(&pw->work);
	return 0;
}

static struct kprobe creat_kp = {
	.symbol_name = "security_inode_create",
	.pre_handler = creat_pre,
};
