// SPDX-License-Identifier: GPL-2.0
/*
 * elkeid_fput - the final fput() in a kprobe pre-handler with IRQs off.
 *
 * Elkeid's driver kprobed security_inode_create(); its pre-handler walked
 * the file descriptors of current and its parents, and for each one took a
 * reference, read the path and dropped the reference again.  Before 3.6,
 * fput() ran __fput() synchronously when it dropped the last reference.  If
 * another thread closed that fd while the handler held it, the handler's
 * fput() was the last one and ext4_release_file() ran inside the int3
 * handler with IRQs off; its block bitmap read reached the buffer cache and
 * BUG_ON(irqs_disabled()) in fs/buffer.c fired.
 *
 * Modes (module parameter "mode"):
 *
 *   off     default: nothing is registered.
 *   legacy  the walk, with fput() emulated as before 3.6: when the handler
 *           drops the last reference, the release runs right there.  The
 *           emulated release of a file opened for writing on a block device
 *           backed filesystem looks a block up in the buffer cache, as
 *           ext4's could (e.g. ext4_release_file ->
 *           ext4_discard_preallocations -> ... -> sb_getblk ->
 *           __find_get_block), and hits check_irqs_on().
 *   modern  the same walk with today's fput(): the final put is deferred to
 *           task_work (commit 4a9d4b024a31, 3.6), nothing crashes.
 *   fixed   the handler never drops a file reference: the puts are queued
 *           to a worker, as Elkeid does today.  Safe on any kernel.
 *
 * Emulated: the synchronous release (today's __fput() is static) and its
 * ext4 body, one buffer cache lookup; when the handler survives, the
 * file's real release runs later through today's fput().  Not emulated:
 * the walk, the race, the buffer cache lookup and the BUG, which are the
 * kernel's own.
 *
 * Debian's kernels have KPROBES_ON_FTRACE: a probe at function entry is an
 * ftrace callback that runs with IRQs on, where an int3 probe (and the old
 * kernels' only kind) runs with them off.  The handler then disables IRQs
 * itself, and says so at load time.
 *
 * The functions the trace must name are noinline __noclone: GCC's IPA
 * clones would show as legacy_release_file.isra.0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/buffer_head.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/llist.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "compat.h"

enum elkeid_mode { MODE_OFF, MODE_LEGACY, MODE_MODERN, MODE_FIXED };

static const char * const mode_names[] = {
	[MODE_OFF] = "off",
	[MODE_LEGACY] = "legacy",
	[MODE_MODERN] = "modern",
	[MODE_FIXED] = "fixed",
};

static char *mode = "off";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "off (default), legacy (pre-3.6 fput: BUG), modern (deferred fput), fixed (puts in a worker)");

static unsigned int parents = 3;
module_param(parents, uint, 0444);
MODULE_PARM_DESC(parents, "parents of current whose fds are walked too (default 3, max 8)");

static unsigned int max_fds = 256;
module_param(max_fds, uint, 0444);
MODULE_PARM_DESC(max_fds, "files looked at per task and walk (default 256, max 4096)");

static unsigned int max_releases = 1;
module_param(max_releases, uint, 0444);
MODULE_PARM_DESC(max_releases, "legacy: releases reaching the buffer cache in the handler, each a BUG (default 1, max 16)");

/*
 * A worker that falls behind keeps every file it has yet to put open: an
 * unlinked file's inode stays allocated until then, and a busy machine runs
 * out of inodes (ENOSPC).  An agent must shed work instead of pinning files
 * without limit.
 */
static unsigned int max_pending = 512;
module_param(max_pending, uint, 0444);
MODULE_PARM_DESC(max_pending, "fixed: references the worker may have queued; past it a walk is shed (default 512)");

static enum elkeid_mode cur_mode;
static atomic_t nr_releases;
static atomic_t nr_pending;

/* What the walks did, reported at unload. */
static atomic_long_t nr_walks, nr_refs, nr_last, nr_nomem, nr_shed;

/* Per-CPU path buffer: the handler runs with IRQs off on its CPU. */
static DEFINE_PER_CPU(char [256], path_buf);

/* mode=fixed: references waiting for the worker to drop them. */
struct deferred_put {
	struct llist_node node;
	struct file *file;
};

static LLIST_HEAD(deferred_puts);

static void deferred_put_fn(struct work_struct *work)
{
	struct llist_node *list = llist_del_all(&deferred_puts);
	struct deferred_put *d, *t;

	llist_for_each_entry_safe(d, t, list, node) {
		/* The worker may hold the last reference: that is fine here. */
		if (file_count(d->file) == 1)
			atomic_long_inc(&nr_last);
		fput(d->file);
		kfree(d);
		atomic_dec(&nr_pending);
	}
}

static DECLARE_WORK(deferred_put_work, deferred_put_fn);

/* Hand a reference to the worker; from any context, IRQs off included. */
static void defer_put(struct deferred_put *d, struct file *file)
{
	d->file = file;
	atomic_inc(&nr_pending);
	llist_add(&d->node, &deferred_puts);
	/* Unbound: any idle CPU may drop it, not just this busy one. */
	queue_work(system_unbound_wq, &deferred_put_work);
}

/*
 * The emulated pre-3.6 __fput(): the release of the file runs now, in the
 * handler.  ext4_release_file() of a file open for writing drops its
 * block preallocations, which could read a block bitmap through
 * sb_getblk() -> __find_get_block(): look up the block holding the
 * superblock the same way.  With IRQs off that is check_irqs_on(): kernel
 * BUG at fs/buffer.c.  Other files have nothing to release here.
 */
static noinline __noclone void legacy_release_file(struct file *file,
						   const char *path)
{
	struct super_block *sb = file_inode(file)->i_sb;
	struct buffer_head *bh;

	if (!(file->f_mode & FMODE_WRITE) || !sb->s_bdev)
		return;
	if (atomic_inc_return(&nr_releases) > max_releases)
		return;

	/*
	 * __fput() starts so, then and now.  With DEBUG_ATOMIC_SLEEP (the lab
	 * kernel) it is the first report: sleeping function called from
	 * invalid context, irqs_disabled(): 1.
	 */
	might_sleep();
	pr_info("legacy: the handler dropped the last reference to %s with IRQs %s: releasing it synchronously, as fput() did before 3.6\n",
		path, irqs_disabled() ? "off" : "on");
	/*
	 * The BUG kills this task inside the kprobe handler, and its CPU's
	 * current_kprobe keeps pointing at kp for good: pin the module so
	 * that kp is never freed.
	 */
	__module_get(THIS_MODULE);
	pr_info("legacy: the release reads the buffer cache of %s\n", sb->s_id);
	bh = __find_get_block(sb->s_bdev, 1024 >> sb->s_blocksize_bits,
			      sb->s_blocksize);
	brelse(bh);
	module_put(THIS_MODULE);
	pr_err("FAIL: buffer cache lookup with IRQs off did not BUG\n");
}

/*
 * fput() as before 3.6.  After the emulated release (when it survives, or
 * past max_releases) the count goes back to one and today's fput() frees
 * the file: nobody else can get a reference to a file whose count is zero.
 */
static noinline __noclone void legacy_fput(struct file *file, const char *path)
{
	if (!elkeid_put_ref(file))
		return;
	atomic_long_inc(&nr_last);
	legacy_release_file(file, path);
	elkeid_reset_ref(file);
	fput(file);
}

/* A count of one while the handler holds a reference: that one is the last. */
static void modern_fput(struct file *file)
{
	if (file_count(file) == 1)
		atomic_long_inc(&nr_last);
	fput(file);
}

/* Take a reference to each file of task, read its path, drop it. */
static noinline __noclone void elkeid_walk_fds(struct task_struct *task)
{
	char *buf = this_cpu_ptr(path_buf);
	struct deferred_put *d = NULL;
	unsigned int fd, n;
	struct file *file;
	char *path;

	for (fd = 0, n = 0; n < max_fds; fd++, n++) {
		if (cur_mode == MODE_FIXED) {
			if (atomic_read(&nr_pending) >= max_pending) {
				atomic_long_inc(&nr_shed);
				return;
			}
			d = kmalloc(sizeof(*d), GFP_ATOMIC | __GFP_NOWARN);
			if (!d) {
				atomic_long_inc(&nr_nomem);
				return;
			}
		}
		file = elkeid_next_file(task, &fd);
		if (!file) {
			kfree(d);
			return;
		}
		atomic_long_inc(&nr_refs);
		path = d_path(&file->f_path, buf, sizeof(path_buf));
		if (IS_ERR(path))
			path = "?";

		switch (cur_mode) {
		case MODE_LEGACY:
			legacy_fput(file, path);
			break;
		case MODE_MODERN:
			modern_fput(file);
			break;
		default:
			defer_put(d, file);
			break;
		}
	}
}

/* The kprobe pre-handler on security_inode_create(). */
static noinline __noclone int elkeid_pre_handler(struct kprobe *p, struct pt_regs *regs)
{
	struct files_struct *last = NULL;
	struct task_struct *task;
	unsigned long flags;
	unsigned int depth;

	/* As an int3 probe runs; a no-op when the probe is one. */
	local_irq_save(flags);
	atomic_long_inc(&nr_walks);

	rcu_read_lock();
	task = current;
	for (depth = 0; depth <= parents; depth++) {
		/* Threads share one table; walk it once. */
		if (READ_ONCE(task->files) != last) {
			last = READ_ONCE(task->files);
			elkeid_walk_fds(task);
		}
		if (task->pid <= 1)
			break;
		task = rcu_dereference(task->real_parent);
	}
	rcu_read_unlock();
	local_irq_restore(flags);
	return 0;
}

static struct kprobe kp = {
	.symbol_name = "security_inode_create",
	.pre_handler = elkeid_pre_handler,
};

static int __init elkeid_fput_init(void)
{
	int ret;

	ret = match_string(mode_names, ARRAY_SIZE(mode_names), mode);
	if (ret < 0) {
		pr_err("unknown mode '%s'\n", mode);
		return -EINVAL;
	}
	cur_mode = ret;
	if (cur_mode == MODE_OFF) {
		pr_info("mode=off: nothing registered\n");
		return 0;
	}
	if (parents > 8 || !max_fds || max_fds > 4096 || max_releases > 16 ||
	    !max_pending) {
		pr_err("parents, max_fds, max_releases or max_pending out of range\n");
		return -EINVAL;
	}

	ret = register_kprobe(&kp);
	if (ret) {
		pr_err("register_kprobe(%s): %d\n", kp.symbol_name, ret);
		return ret;
	}
	pr_info("mode=%s: kprobe on %s+%#x, walking the fds of current and %u parents (max_fds=%u max_releases=%u)\n",
		mode_names[cur_mode], kp.symbol_name, kp.offset, parents,
		max_fds, max_releases);
	if (kp.flags & KPROBE_FLAG_FTRACE)
		pr_info("the probe is ftrace-based (KPROBES_ON_FTRACE) and would run with IRQs on: the handler disables IRQs itself, as an int3 probe runs\n");
	return 0;
}

static void __exit elkeid_fput_exit(void)
{
	if (cur_mode == MODE_OFF)
		return;
	unregister_kprobe(&kp);
	/* No handler runs any more: drop what is still queued. */
	flush_work(&deferred_put_work);
	deferred_put_fn(NULL);

	pr_info("mode=%s: %ld walks, %ld file references taken and dropped, %ld of them the last one%s%s\n",
		mode_names[cur_mode], atomic_long_read(&nr_walks),
		atomic_long_read(&nr_refs), atomic_long_read(&nr_last),
		cur_mode == MODE_MODERN ? " (deferred by fput())" :
		cur_mode == MODE_FIXED ? " (dropped by the worker)" : "",
		atomic_long_read(&nr_nomem) ? ", walks cut short for lack of memory" : "");
	if (atomic_long_read(&nr_shed))
		pr_info("mode=fixed: %ld walks shed while the worker had max_pending=%u references queued\n",
			atomic_long_read(&nr_shed), max_pending);
}

module_init(elkeid_fput_init);
module_exit(elkeid_fput_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("oopslab: Elkeid's final fput() in a kprobe pre-handler with IRQs off");

#if IS_ENABLED(CONFIG_KUNIT)
#include "elkeid_fput_kunit.c"
#endif
