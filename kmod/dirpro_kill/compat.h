/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dirpro_kill: where kill(2)'s pid is on x86_64, arm64 and ppc64, 5.10 to
 * 7.x, and whether an ftrace_ops can be the hook.  Kbuild's feature test
 * (kmod/dirpro_kill/Kbuild) sets DIRPRO_FTRACE_REGS.
 */
#ifndef DIRPRO_KILL_COMPAT_H
#define DIRPRO_KILL_COMPAT_H

#include <linux/ptrace.h>

/*
 * The syscall's entry symbol, and its first argument in a pt_regs: the
 * regs of the probed function (the wrapper's argument) or, with
 * CONFIG_ARCH_HAS_SYSCALL_WRAPPER, the user's regs that the wrapper gets.
 * regs_get_kernel_argument() would do for the former but powerpc has none
 * before 6.2; syscall_get_arguments() reads orig_x0/orig_gpr3, which the
 * wrappers do not.  These are the registers the wrappers read.
 */
#if defined(CONFIG_X86_64)
/* 4.17 on: __x64_sys_kill(const struct pt_regs *regs) */
#define DIRPRO_KILL_SYMBOL	"__x64_sys_kill"
#define dirpro_regs_arg0(r)	((r)->di)
#elif defined(CONFIG_ARM64)
/* 4.19 on: __arm64_sys_kill(const struct pt_regs *regs) */
#define DIRPRO_KILL_SYMBOL	"__arm64_sys_kill"
#define dirpro_regs_arg0(r)	((r)->regs[0])
#elif defined(CONFIG_PPC64)
/*
 * 6.1 on: sys_kill(const struct pt_regs *regs), with the wrapper; before,
 * sys_kill(pid_t pid, int sig).  The same symbol either way.
 */
#define DIRPRO_KILL_SYMBOL	"sys_kill"
#define dirpro_regs_arg0(r)	((r)->gpr[3])
#else
#error "dirpro_kill: x86_64, arm64 or ppc64 only (where is kill(2)'s pid?)"
#endif

/* The pid kill(2) was called with, from the probed function's arg 0. */
static inline pid_t dirpro_kill_pid_arg(unsigned long arg0)
{
#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
	return (pid_t)dirpro_regs_arg0((const struct pt_regs *)arg0);
#else
	return (pid_t)arg0;
#endif
}

/* ... and from its regs. */
static inline pid_t dirpro_kill_pid(const struct pt_regs *regs)
{
	return dirpro_kill_pid_arg(dirpro_regs_arg0(regs));
}

/*
 * hook=ftrace: an ftrace_ops whose callback gets the full pt_regs
 * (DYNAMIC_FTRACE_WITH_REGS: x86, ppc64, arm64 up to 6.1) or, where the
 * architecture saves only the argument registers (arm64 from 6.2:
 * DYNAMIC_FTRACE_WITH_ARGS), reads arg 0 with ftrace_regs_get_argument()
 * (DIRPRO_FTRACE_ARGS).  The callback takes a struct ftrace_regs * from
 * 5.11 on (DIRPRO_FTRACE_REGS), which is also when FTRACE_OPS_FL_RECURSION
 * came (ftrace then guards the callback against recursion and disables
 * preemption around it, as a kprobe handler has it).  On 5.10 the module
 * offers only hook=kprobe.
 */
#if defined(DIRPRO_FTRACE_REGS) && IS_ENABLED(CONFIG_DYNAMIC_FTRACE_WITH_REGS)
#define DIRPRO_HAVE_FTRACE_HOOK
#define DIRPRO_FTRACE_PT_REGS
#define DIRPRO_FTRACE_FLAGS	(FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_RECURSION)
#elif defined(DIRPRO_FTRACE_ARGS) && IS_ENABLED(CONFIG_DYNAMIC_FTRACE_WITH_ARGS)
#define DIRPRO_HAVE_FTRACE_HOOK
#define DIRPRO_FTRACE_FLAGS	FTRACE_OPS_FL_RECURSION
#endif

#endif /* DIRPRO_KILL_COMPAT_H */
