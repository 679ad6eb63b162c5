// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  A kretprobe allocated and
 * filled in at run time, as tracers do: its return handler is assigned to
 * .handler of a structure whose type is not visible here, and known for a
 * kretprobe because the same function registers it.
 */
#include <linux/file.h>
#include <linux/kprobes.h>
#include <linux/slab.h>

struct tracer_probe {
	struct kretprobe rp;
	int id;
};

static int on_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct file *f = fget((int)regs_return_value(regs));

	if (f)
		fput(f); /* oopslab-expect: elkeid-fput */
	return 0;
}

int tracer_attach(const char *sym)
{
	struct tracer_probe *tp = kzalloc(sizeof(*tp), GFP_KERNEL);

	if (!tp)
		return -ENOMEM;
	tp->rp.handler = on_return;
	tp->rp.kp.symbol_name = sym;
	return register_kretprobe(&tp->rp);
}
