// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A table of kprobes, one of
 * whose post handlers drops an fdget() reference with fdput().
 */
#include <linux/file.h>
#include <linux/kprobes.h>

static void on_read_post(struct kprobe *p, struct pt_regs *regs,
			 unsigned long flags)
{
	struct fd f = fdget((int)regs->di);

	if (fd_file(f))
		pr_debug("read on %pD\n", fd_file(f));
	fdput(f); /* oopslab-expect: elkeid-fput */
}

static int on_write_pre(struct kprobe *p, struct pt_regs *regs)
{
	return 0;
}

static struct kprobe io_probes[] = {
	{ .symbol_name = "vfs_read", .post_handler = on_read_post },
	{ .symbol_name = "vfs_write", .pre_handler = on_write_pre },
};
