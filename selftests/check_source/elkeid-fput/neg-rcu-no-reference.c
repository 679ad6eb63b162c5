// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  The handler reads the path
 * under RCU without taking a reference: nothing to put.  The module's
 * own fput() is in process context.
 */
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/kprobes.h>

static char pathbuf[256];

static int open_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct file *f;

	rcu_read_lock();
	f = files_lookup_fd_rcu(current->files, 0);
	if (f)
		d_path(&f->f_path, pathbuf, sizeof(pathbuf));
	rcu_read_unlock();
	return 0;
}

static struct kprobe open_kp = {
	.symbol_name	= "do_sys_openat2",
	.pre_handler	= open_pre,
};

static int __init mod_init(void)
{
	struct file *log = filp_open("/var/log/agent", O_WRONLY, 0);

	if (!IS_ERR(log))
		filp_close(log, NULL);
	return register_kprobe(&open_kp);
}
