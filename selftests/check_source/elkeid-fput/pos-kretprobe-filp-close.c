// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A kretprobe's entry handler
 * opens the target's exe to hash it and closes it again: filp_close() in
 * probe context.
 */
#include <linux/fs.h>
#include <linux/kprobes.h>

static int hash_file(struct file *f)
{
	return f ? 0 : -EINVAL;
}

static int exec_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct file *exe = filp_open("/proc/self/exe", O_RDONLY, 0);

	if (IS_ERR(exe))
		return 0;
	hash_file(exe);
	filp_close(exe, NULL); /* oopslab-expect: elkeid-fput */
	return 0;
}

static int exec_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	return 0;
}

static struct kretprobe exec_krp = {
	.kp.symbol_name	= "bprm_execve",
	.entry_handler	= exec_entry,
	.handler	= exec_ret,
	.maxactive	= 16,
};
