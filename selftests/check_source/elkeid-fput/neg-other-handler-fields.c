// SPDX-License-Identifier: GPL-2.0
/*
 * oopslab check_source test data, not built.  ".handler" of a structure
 * that is not a probe (a sysctl-like table of the module's own): its
 * callback runs in process context and may drop file references, whether
 * it is named in an initializer or assigned.
 */
#include <linux/file.h>

struct cmd {
	const char *name;
	int (*handler)(int fd);
};

static int cmd_close(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

static const struct cmd cmds[] = {
	{ .name = "close", .handler = cmd_close },
};

int cmd_register(struct cmd *c, int (*reg)(struct cmd *))
{
	c->name = "close2";
	c->handler = cmd_close;
	return reg(c);
}
