// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The handler is assigned at
 * run time; the put is two helpers down.
 */
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/kprobes.h>


static struct kprobe *probes;

static void drop_ref(struct file *f)
{
	fput(f); /* oopslab-expect: elkeid-fput */
}

static void scan_fd(struct task_struct *t, unsigned int fd)
{
	struct file *f;

	rcu_read_lock();
	f = task_lookup_fdget_rcu(t, fd);
	rcu_read_unlock();
	if (f)
		drop_ref(f);
}

static int on_unlink(struct kprobe *p, struct pt_regs *regs)
{
	scan_fd(current, 0);
	return 0;
}

int install(void)
{
	probes[0].symbol_name = "vfs_unlink";
	probes[0].pre_handler = on_unlink;
	return register_kprobe(&probes[0]);
}
