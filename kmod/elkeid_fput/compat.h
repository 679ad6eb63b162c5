/* SPDX-License-Identifier: GPL-2.0 */
/*
 * elkeid_fput: what the file refcount and the fd walk are on 5.10 to 7.x.
 * Kbuild's feature tests (kmod/elkeid_fput/Kbuild) set the ELKEID_* macros;
 * each branch names the kernels it is for.
 */
#ifndef ELKEID_FPUT_COMPAT_H
#define ELKEID_FPUT_COMPAT_H

#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched/task.h>

/*
 * elkeid_put_ref() drops a reference and is true when it was the last one:
 * nobody can take a new one then.  elkeid_reset_ref() makes the count one
 * again, for today's fput() to free the file.
 */
#ifdef ELKEID_FILE_REF
/* 6.13 on: file_ref_t f_ref; the last put leaves the count "dead". */
static inline bool elkeid_put_ref(struct file *file)
{
	return file_ref_put(&file->f_ref);
}

static inline void elkeid_reset_ref(struct file *file)
{
	file_ref_init(&file->f_ref, 1);
}
#else
/* Up to 6.12: atomic_long_t f_count. */
static inline bool elkeid_put_ref(struct file *file)
{
	return atomic_long_dec_and_test(&file->f_count);
}

static inline void elkeid_reset_ref(struct file *file)
{
	atomic_long_set(&file->f_count, 1);
}
#endif

/*
 * elkeid_next_file(): the next open file of task from *fd on, with a
 * reference, or NULL.  Under RCU.
 */
#if defined(ELKEID_FGET_TASK_NEXT)
/* 6.13 on: fget_task_next(). */
static inline struct file *elkeid_next_file(struct task_struct *task,
					    unsigned int *fd)
{
	return fget_task_next(task, fd);
}
#elif !defined(get_file_rcu)
/* 6.7 to 6.12: files are SLAB_TYPESAFE_BY_RCU, get_file_rcu() a function. */
static inline struct file *elkeid_next_file(struct task_struct *task,
					    unsigned int *fd)
{
	return task_lookup_next_fdget_rcu(task, fd);
}
#else
#ifdef ELKEID_OWN_FD_LOOKUP
/*
 * 5.10: task_lookup_next_fd_rcu() is declared (a backport, for /proc) but
 * not exported, and agents walked the fdtable themselves.  This is 5.11's,
 * on what 5.10 has.
 */
static inline struct file *elkeid_lookup_next_fd_rcu(struct task_struct *task,
						     unsigned int *ret_fd)
{
	struct files_struct *files;
	unsigned int fd = *ret_fd;
	struct file *file = NULL;

	task_lock(task);
	files = task->files;
	if (files) {
		for (; fd < files_fdtable(files)->max_fds; fd++) {
			file = files_lookup_fd_rcu(files, fd);
			if (file)
				break;
		}
	}
	task_unlock(task);
	*ret_fd = fd;
	return file;
}
#else
/* 5.11 to 6.6 */
#define elkeid_lookup_next_fd_rcu task_lookup_next_fd_rcu
#endif

/* Up to 6.6, get_file_rcu() is a macro that fails on a file being freed. */
static inline struct file *elkeid_next_file(struct task_struct *task,
					    unsigned int *fd)
{
	struct file *file;

	for (;;) {
		file = elkeid_lookup_next_fd_rcu(task, fd);
		if (!file || get_file_rcu(file))
			break;
		(*fd)++;	/* being freed: skip it */
	}
	return file;
}
#endif

#endif /* ELKEID_FPUT_COMPAT_H */
