// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: guilty frame, title and names.
 *
 * The guilty frame F is the first frame, in order of preference
 *   1. the function the header names (WARNING, KASAN, KFENCE, lockdep),
 *   2. the RIP/NIP (and powerpc LR) for reports where the faulting
 *      instruction is the bug site (faults, BUG, lockups, stalls),
 *   3. the call trace, reliable frames only when there are any, and for
 *      lockups and stalls only frames outside interrupt/NMI stacks,
 * that is not generic plumbing (oops_is_plumbing()).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

void xsnprintf(char *dst, size_t sz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, sz, fmt, ap);
	va_end(ap);
}

static const char *const kind_names[OOPS_KIND_COUNT] = {
	[OOPS_KIND_NONE]		= "none",
	[OOPS_KIND_SOFT_LOCKUP]		= "soft-lockup",
	[OOPS_KIND_HARD_LOCKUP]		= "hard-lockup",
	[OOPS_KIND_KERNEL_BUG]		= "kernel-bug",
	[OOPS_KIND_PAGING]		= "paging-request",
	[OOPS_KIND_NULL_DEREF]		= "null-ptr-deref",
	[OOPS_KIND_GPF]			= "general-protection-fault",
	[OOPS_KIND_WARNING]		= "warning",
	[OOPS_KIND_KASAN]		= "kasan",
	[OOPS_KIND_KFENCE]		= "kfence",
	[OOPS_KIND_SCHED_ATOMIC]	= "scheduling-while-atomic",
	[OOPS_KIND_SLEEP_ATOMIC]	= "sleeping-in-atomic",
	[OOPS_KIND_HUNG_TASK]		= "hung-task",
	[OOPS_KIND_RCU_STALL]		= "rcu-stall",
	[OOPS_KIND_LIST]		= "list-corruption",
	[OOPS_KIND_SLAB]		= "slab-corruption",
	[OOPS_KIND_PANIC]		= "panic",
	[OOPS_KIND_OOPS]		= "oops",
	[OOPS_KIND_DIVIDE]		= "divide-error",
	[OOPS_KIND_INVALID_OPCODE]	= "invalid-opcode",
	[OOPS_KIND_UBSAN]		= "ubsan",
	[OOPS_KIND_BAD_PAGE]		= "bad-page-state",
	[OOPS_KIND_LOCKDEP]		= "lockdep",
	[OOPS_KIND_SPINLOCK]		= "spinlock",
	[OOPS_KIND_WQ_LOCKUP]		= "workqueue-lockup",
	[OOPS_KIND_BUG]			= "bug",
};

const char *oops_kind_name(enum oops_kind k)
{
	if ((unsigned int)k >= OOPS_KIND_COUNT || !kind_names[k])
		return "none";
	return kind_names[k];
}

/* kernel/panic.c taint_flags[] and Documentation/admin-guide/tainted-kernels.rst */
static const struct {
	char flag;
	const char *name;
	const char *meaning;
} taints[] = {
	{ 'G', "PROPRIETARY_MODULE", "no proprietary module loaded (all GPL-compatible)" },
	{ 'P', "PROPRIETARY_MODULE", "proprietary module was loaded" },
	{ 'F', "FORCED_MODULE", "module was force loaded" },
	{ 'S', "CPU_OUT_OF_SPEC", "kernel running on an out of specification system" },
	{ 'R', "FORCED_RMMOD", "module was force unloaded" },
	{ 'M', "MACHINE_CHECK", "processor reported a Machine Check Exception" },
	{ 'B', "BAD_PAGE", "bad page referenced or unexpected page flags" },
	{ 'U', "USER", "taint requested by userspace application (RHEL 6: unsupported/unsigned module)" },
	{ 'D', "DIE", "kernel died recently (OOPS or BUG)" },
	{ 'A', "OVERRIDDEN_ACPI_TABLE", "ACPI table overridden by user" },
	{ 'W', "WARN", "kernel issued warning" },
	{ 'C', "CRAP", "staging driver was loaded" },
	{ 'I', "FIRMWARE_WORKAROUND", "workaround for bug in platform firmware applied" },
	{ 'O', "OOT_MODULE", "externally-built (out-of-tree) module was loaded" },
	{ 'E', "UNSIGNED_MODULE", "unsigned module was loaded" },
	{ 'L', "SOFTLOCKUP", "soft lockup occurred" },
	{ 'K', "LIVEPATCH", "kernel has been live patched" },
	{ 'X', "AUX", "auxiliary taint, defined for and used by distros (SUSE: externally supported module)" },
	{ 'T', "RANDSTRUCT", "kernel was built with the struct randomization plugin" },
	{ 'N', "TEST", "an in-kernel test has been run" },
};

const char *oops_taint_name(char flag)
{
	for (size_t i = 0; i < ARRAY_SIZE(taints); i++)
		if (taints[i].flag == flag)
			return taints[i].name;
	return "UNKNOWN";
}

const char *oops_taint_meaning(char flag)
{
	for (size_t i = 0; i < ARRAY_SIZE(taints); i++)
		if (taints[i].flag == flag)
			return taints[i].meaning;
	return "unknown taint flag";
}

/* ------------------------------------------------------------------ */
/* plumbing                                                            */

/* "name" matches exactly, "name*" is a prefix */
static const char *const plumbing[] = {
	/* the reporters: printk, dump_stack, panic, BUG/WARN machinery */
	"dump_stack*", "show_stack*", "show_trace*", "show_regs*",
	"dump_trace", "dump_backtrace*", "print_context_stack*",
	"__show_regs", "show_regs", "sched_show_task", "printk*", "vprintk*",
	"_printk*", "__printk*", "__warn*", "warn_slowpath*", "report_bug*",
	"handle_bug", "exc_invalid_op", "asm_exc_*", "do_trap", "do_error_trap",
	"do_invalid_op", "invalid_op", "panic", "nmi_panic", "vpanic",
	"check_panic_on_warn", "die", "__die*", "die_body", "oops_*",
	"notify_die", "notifier_call_chain", "atomic_notifier_call_chain",
	"__atomic_notifier_call_chain", "bust_spinlocks", "__bug",
	"bug_handler", "program_check_exception", "program_check_common",
	"do_program_check", "_exception*", "show_fault_oops", "dump_header",
	"print_modules", "print_tainted*",
	/* page fault / trap handling */
	"page_fault", "do_page_fault", "__do_page_fault", "___do_page_fault",
	"do_user_addr_fault", "exc_page_fault", "page_fault_oops",
	"kernelmode_fixup_or_oops", "no_context", "__bad_area*",
	"bad_area*", "do_kern_addr_fault", "spurious_kernel_fault",
	"fixup_exception", "general_protection", "do_general_protection",
	"exc_general_protection", "die_addr", "bad_page_fault",
	"__bad_page_fault", "data_access_common*", "data_access",
	"instruction_access*", "handle_page_fault", "hash_page*",
	"interrupt_return*", "exc_divide_error", "do_divide_error",
	"divide_error", "do_int3*", "exc_int3", "int3", "do_debug",
	"el1_*", "el0_*", "do_mem_abort", "do_translation_fault",
	"do_bad_area", "__do_kernel_fault", "die_kernel_fault",
	"arm64_*", "bug_brk_handler", "brk_handler", "call_break_hook",
	/* watchdogs, timers, interrupts, the stall detectors */
	"watchdog", "watchdog_timer_fn", "watchdog_overflow_callback",
	"watchdog_hardlockup_*", "watchdog_buddy_*", "watchdog_check_*",
	"softlockup_fn", "softlockup_tick", "run_local_timers",
	"smp_local_timer_interrupt", "local_timer_interrupt",
	"__hrtimer_run_queues",
	"hrtimer_interrupt", "hrtimer_run_queues", "__run_hrtimer",
	"__sysvec_*", "sysvec_*", "apic_timer_interrupt",
	"smp_apic_timer_interrupt", "local_apic_timer_interrupt",
	"irq_exit*", "__irq_exit_rcu", "do_softirq*", "__do_softirq",
	"handle_softirqs", "run_timer_softirq", "tick_*",
	"update_process_times", "rcu_sched_clock_irq", "rcu_pending",
	"rcu_check_callbacks", "print_cpu_stall*", "print_other_cpu_stall",
	"check_cpu_stall", "rcu_dump_cpu_stacks", "rcu_check_gp_kthread_starvation",
	"nmi_*", "arch_trigger_*", "trigger_*_backtrace",
	"default_do_nmi", "do_nmi", "exc_nmi", "end_repeat_nmi",
	"perf_event_nmi_handler", "__perf_event_overflow",
	"perf_event_overflow", "x86_pmu_handle_irq", "intel_pmu_handle_irq",
	"amd_pmu_handle_irq", "handle_irq*", "__handle_irq*",
	"common_interrupt", "ret_from_intr", "timer_interrupt",
	"decrementer_common*", "hardware_interrupt_common*",
	"__common_interrupt", "asm_common_interrupt", "irq_enter*",
	"__irq_enter*", "do_IRQ",
	/* KASAN, KFENCE, UBSAN, KMSAN runtimes */
	"kasan_*", "__kasan_*", "____kasan_*", "__asan_*", "asan_*",
	"check_memory_region*", "print_address_description*",
	"print_report", "end_report", "start_report", "describe_object*",
	"kfence_*", "__kfence_*", "ubsan_*", "__ubsan_*", "kmsan_*",
	"__msan_*", "__sanitizer_*", "__kcsan_*", "kcsan_*",
	"check_stack_object", "__check_object_size*", "check_heap_object",
	"check_object_size", "usercopy_*", "__usercopy_*", "fortify_*",
	"__fortify_*",
	/* allocators */
	/* exact names: "kmalloc*" would also swallow kmalloc_oob_right() */
	"kmalloc", "kmalloc_noprof", "kmalloc_node", "kmalloc_node_noprof",
	"kmalloc_array", "kmalloc_array_noprof", "kmalloc_trace",
	"kmalloc_trace_noprof", "kmalloc_node_trace", "kmalloc_large",
	"kmalloc_large_node", "kmalloc_order", "kmalloc_order_trace",
	"kmalloc_slab", "kmalloc_reserve", "kmalloc_fix_flags",
	"__kmalloc*", "kfree", "kfree_sensitive", "kzfree",
	"__kfree*", "kvfree", "kvfree_sensitive", "__ksize", "ksize",
	"kmem_cache_alloc*", "kmem_cache_free*", "kmem_cache_zalloc",
	"__kmem_cache_*", "slab_alloc*", "slab_free*", "slab_post_alloc_hook",
	"slab_pre_alloc_hook", "__slab_*", "___slab_*",
	"kvmalloc", "kvmalloc_node*", "kvmalloc_array*", "__kvmalloc*",
	"kvzalloc", "kvzalloc_node", "kzalloc", "kzalloc_node",
	"kzalloc_noprof", "kcalloc", "kcalloc_node", "vfree", "vfree_atomic",
	"__vfree*", "vmalloc", "vmalloc_node", "vmalloc_user",
	"vmalloc_noprof", "__vmalloc*", "vzalloc", "vzalloc_node",
	"krealloc*", "__krealloc*", "kmemdup*", "kstrdup*", "kstrndup",
	"alloc_pages*", "__alloc_pages*", "__get_free_pages",
	"get_zeroed_page", "free_pages*", "__free_pages*", "free_unref_page*",
	"free_pcp*", "bad_page", "check_free_page", "free_page_is_bad",
	"free_pages_prepare", "__free_one_page", "__put_page", "put_page",
	"folio_put*", "__folio_put*", "release_pages", "free_large_kmalloc",
	"memcg_slab_*", "__memcg_slab_*", "cache_from_obj",
	"free_debug_processing", "alloc_debug_processing", "check_object",
	"check_bytes_and_report", "check_valid_pointer", "print_trailer",
	"object_err", "slab_err", "slab_bug", "slab_fix", "on_freelist",
	"set_track*", "do_slab_free", "__cache_free", "cache_free_debugcheck",
	"qlist_free_all", "quarantine_*", "kvfree_call_rcu", "kfree_rcu*",
	"free_to_partial_list", "free_partial*", "check_slab", "validate_slab*",
	"free_consistency_checks", "alloc_consistency_checks",
	"___cache_free", "cache_free*", "discard_slab", "free_slab",
	"__free_slab", "slub_*", "object_err*",
	"mempool_*", "page_frag_*", "__page_frag_*", "kfree_skb*",
	"__kfree_skb", "kmalloc_trace", "kmalloc_node*",
	/* locks and preemption */
	"_raw_spin_*", "raw_spin_*", "__raw_spin_*", "do_raw_spin_*",
	"spin_lock*", "spin_unlock*", "spin_trylock*", "_spin_lock*",
	"_spin_unlock*", "_spin_trylock*", "queued_spin_*",
	"native_queued_spin_*", "__pv_queued_spin_*", "pv_queued_spin_*",
	"_raw_read_*", "_raw_write_*", "__raw_read_*", "__raw_write_*",
	"do_raw_read_*", "do_raw_write_*", "queued_read_*",
	"queued_write_*", "read_lock*", "write_lock*", "read_unlock*",
	"write_unlock*", "mutex_lock*", "mutex_unlock*", "mutex_trylock*",
	"__mutex_*", "mutex_spin_on_owner", "rwsem_*", "__rwsem_*",
	"down_read*", "down_write*", "up_read*", "up_write*", "down",
	"down_interruptible", "down_killable", "down_timeout", "down_trylock",
	"up", "__down*", "__up*", "lock_acquire*", "lock_release",
	"lock_is_held*", "__lock_acquire*", "lock_acquired", "lock_contended",
	"lockdep_*", "__lockdep_*", "check_noncircular", "check_prev_add",
	"check_prevs_add", "validate_chain", "print_circular_bug*",
	"print_usage_bug", "mark_lock*", "__lock_release",
	"rcu_read_lock*", "rcu_read_unlock*", "__rcu_read_*",
	"local_bh_*", "__local_bh_*", "preempt_*", "__preempt_*",
	"percpu_down*", "percpu_up*", "__percpu_down*", "__percpu_up*",
	"osq_lock", "rt_mutex*", "__rt_mutex*", "rt_spin_*", "bit_spin_*",
	"_atomic_dec_and_lock*", "atomic_dec_and_*lock*",
	"arch_spin_*", "delay_tsc", "__delay", "__const_udelay", "udelay",
	"cpu_relax",
	/* sleeping and waiting */
	"schedule", "__schedule", "schedule_*", "io_schedule*",
	"preempt_schedule*", "__schedule_bug", "__might_sleep",
	"___might_sleep", "__might_resched", "might_sleep*", "__might_fault",
	"might_fault", "__cant_sleep", "__cant_migrate", "wait_for_completion*",
	"wait_for_common*", "__wait_for_common", "do_wait_for_common",
	"synchronize_rcu*", "synchronize_sched*", "synchronize_srcu*",
	"__synchronize_srcu", "synchronize_rcu_expedited", "wait_rcu_gp",
	"_wait_rcu_gp", "__wait_rcu_gp", "rcu_barrier*", "msleep*",
	"usleep_range*", "do_nanosleep", "hrtimer_nanosleep",
	"prepare_to_wait*", "finish_wait", "__wait_event*", "wait_woken",
	"wait_on_bit*", "__wait_on_bit*", "out_of_line_wait_on_bit*",
	"bit_wait*", "folio_wait_bit*", "wait_on_page_bit*",
	"__folio_lock*", "__lock_page*", "io_schedule_timeout", "flush_work",
	"__flush_work", "flush_workqueue", "__flush_workqueue",
	"wait_for_*completion*",
	/* strings, lists, refcounts, copies */
	"strcpy", "strncpy", "strscpy*", "sized_strscpy", "strlcpy",
	"strcat", "strncat", "strlcat", "strlen", "strnlen", "strcmp",
	"strncmp", "strchr", "strrchr", "strstr", "memcpy*", "__memcpy*",
	"memset*", "__memset*", "memmove*", "__memmove*", "memcmp",
	"__memcmp", "bcmp", "memchr*", "memscan", "sprintf", "snprintf",
	"vsnprintf", "vscnprintf", "scnprintf", "vsprintf", "kvasprintf*",
	"kasprintf", "__list_add*", "__list_del*", "list_add*", "list_del*",
	"__list_add_valid*", "__list_del_entry_valid*", "list_move*",
	"list_splice*", "hlist_add*", "hlist_del*", "refcount_*",
	"__refcount_*", "kref_put*", "kref_get*", "copy_to_user*",
	"copy_from_user*", "_copy_to_user*", "_copy_from_user*",
	"__copy_to_user*", "__copy_from_user*", "raw_copy_*",
	"copy_user_*", "rep_movs_alternative", "strncpy_from_user",
	"__get_user*", "__put_user*", "get_user*", "put_user*",
	/* syscall and exception entry, thread start, idle */
	"do_syscall_64", "do_syscall_x64", "do_syscall_32*",
	"__do_fast_syscall_32", "do_fast_syscall_32", "do_int80_syscall_32",
	"entry_SYSCALL*", "entry_SYSENTER*", "entry_INT80*", "x64_sys_call",
	"ia32_sys_call", "system_call*", "sysenter_*", "ia32_sysenter_target",
	"ia32_syscall", "syscall_exit_*", "exit_to_user_mode*",
	"syscall_trace_*", "syscall_enter_from_user_mode*",
	"system_call_exception", "system_call_common", "system_call_vectored*",
	"invoke_syscall", "el0_svc*", "do_el0_svc", "el0t_64_sync*",
	"ret_from_fork*", "ret_from_kernel_thread", "kernel_thread_helper",
	"kthread", "worker_thread", "process_one_work",
	"process_scheduled_works", "smpboot_thread_fn", "start_kernel",
	"x86_64_start_*", "secondary_startup*", "start_secondary",
	"cpu_startup_entry", "do_idle", "default_idle*", "cpu_idle",
	"cpuidle_*", "arch_cpu_idle*", "native_safe_halt", "mwait_idle*",
	"intel_idle*", "acpi_idle_*", "poll_idle", "rest_init",
	"kernel_init", "kernel_init_freeable", "do_basic_setup",
	"do_initcalls", "do_initcall_level",
	/* kprobe / ftrace trampolines */
	"kprobe_ftrace_handler", "kprobe_int3_handler", "kprobe_handler",
	"kprobe_exceptions_notify", "aggr_pre_handler", "opt_pre_handler",
	"optimized_callback", "pre_handler_kretprobe", "arch_ftrace_ops_list_func",
	"ftrace_ops_*", "__ftrace_ops_*", "ftrace_call*", "ftrace_regs_call*",
	"ftrace_trampoline", "ftrace_stub*",
	NULL,
};

/* strip ".isra.0", ".constprop.0", ".part.0", ".cold", ".llvm.N", leading '.' */
void oops_normalize_function(const char *in, char *out, size_t outsz)
{
	const char *dot;
	size_t n;

	if (*in == '.')
		in++;
	dot = strchr(in, '.');
	n = dot ? (size_t)(dot - in) : strlen(in);
	copy_n(out, outsz, in, (long)n);
}

bool oops_frame_matches(const char *fn, const char *const *pats, size_t n)
{
	char name[OOPS_FUNC_MAX];

	oops_normalize_function(fn, name, sizeof(name));
	for (size_t i = 0; i < n && pats[i]; i++) {
		const char *pat = pats[i];
		size_t len = strlen(pat);

		if (len && pat[len - 1] == '*') {
			if (!strncmp(name, pat, len - 1))
				return true;
		} else if (!strcmp(name, pat)) {
			return true;
		}
	}
	return false;
}

bool oops_is_plumbing(const char *function)
{
	if (!function[0])
		return true;
	return oops_frame_matches(function, plumbing, ARRAY_SIZE(plumbing));
}

/* ------------------------------------------------------------------ */
/* guilty frame                                                        */

static bool kind_uses_rip(enum oops_kind k)
{
	switch (k) {
	case OOPS_KIND_HUNG_TASK:
	case OOPS_KIND_SCHED_ATOMIC:
	case OOPS_KIND_SLEEP_ATOMIC:
	case OOPS_KIND_PANIC:
	case OOPS_KIND_BAD_PAGE:
	case OOPS_KIND_WQ_LOCKUP:
	case OOPS_KIND_SPINLOCK:
	case OOPS_KIND_LOCKDEP:
	case OOPS_KIND_SLAB:
	case OOPS_KIND_KASAN:
	case OOPS_KIND_KFENCE:
	case OOPS_KIND_UBSAN:
		return false;
	default:
		return true;
	}
}

static bool kind_is_lockup(enum oops_kind k)
{
	return k == OOPS_KIND_SOFT_LOCKUP || k == OOPS_KIND_HARD_LOCKUP ||
	       k == OOPS_KIND_RCU_STALL;
}

static void set_guilty(struct oops_report *r, const char *fn, const char *mod)
{
	oops_normalize_function(fn, r->guilty_function,
				sizeof(r->guilty_function));
	COPY(r->guilty_module, mod);
}

static void pick_guilty(struct oops_report *r)
{
	const char *first_fn = NULL, *first_mod = NULL;
	bool any_reliable = false, any_task = false;
	int i;

	r->guilty_function[0] = '\0';
	r->guilty_module[0] = '\0';

	if (r->header_function[0]) {
		if (!oops_is_plumbing(r->header_function)) {
			set_guilty(r, r->header_function, r->header_module);
			return;
		}
		first_fn = r->header_function;
		first_mod = r->header_module;
	}
	if (kind_uses_rip(r->kind)) {
		if (r->has_rip) {
			if (!oops_is_plumbing(r->rip.function)) {
				set_guilty(r, r->rip.function, r->rip.module);
				return;
			}
			if (!first_fn) {
				first_fn = r->rip.function;
				first_mod = r->rip.module;
			}
		}
		/* ppc LR: only when there is no trace to go by */
		if (r->has_lr && !r->nframes &&
		    !oops_is_plumbing(r->lr.function)) {
			set_guilty(r, r->lr.function, r->lr.module);
			return;
		}
	}
	for (i = 0; i < r->nframes; i++) {
		if (r->frames[i].reliable)
			any_reliable = true;
		if (r->frames[i].context == OOPS_CTX_TASK)
			any_task = true;
	}
	for (i = 0; i < r->nframes; i++) {
		const struct oops_frame *f = &r->frames[i];

		if (any_reliable && !f->reliable)
			continue;
		if (kind_is_lockup(r->kind) && any_task &&
		    f->context != OOPS_CTX_TASK)
			continue;
		if (!first_fn) {
			first_fn = f->function;
			first_mod = f->module;
		}
		if (!oops_is_plumbing(f->function)) {
			set_guilty(r, f->function, f->module);
			return;
		}
	}
	/* SLUB reports: the allocation site when the trace is all slab */
	for (i = 0; i < r->nalloc && r->kind == OOPS_KIND_SLAB; i++) {
		if (!oops_is_plumbing(r->alloc_frames[i].function)) {
			set_guilty(r, r->alloc_frames[i].function,
				   r->alloc_frames[i].module);
			return;
		}
	}
	if (first_fn)
		set_guilty(r, first_fn, first_mod);
}

/* ------------------------------------------------------------------ */
/* titles                                                              */

/* drop addresses and numbers that make titles differ for the same bug */
static void sanitize(char *s)
{
	char *w = s;
	const char *p = s;

	while (*p) {
		/* 0x... or 8+ hex digits */
		if ((p == s || p[-1] == ' ' || p[-1] == '(' || p[-1] == '=') &&
		    ((p[0] == '0' && p[1] == 'x') ||
		     strspn(p, "0123456789abcdef") >= 8)) {
			p += (p[0] == '0' && p[1] == 'x') ? 2 : 0;
			while (is_xdigit(*p))
				p++;
			continue;
		}
		*w++ = *p++;
	}
	*w = '\0';
	/* collapse spaces, trim */
	for (p = w = s; *p; p++) {
		if (is_space(*p) && (w == s || is_space(w[-1])))
			continue;
		*w++ = is_space(*p) ? ' ' : *p;
	}
	while (w > s && (is_space(w[-1]) || w[-1] == ',' || w[-1] == ':'))
		w--;
	*w = '\0';
}

static void title_in(struct oops_report *r, const char *what)
{
	if (r->guilty_function[0])
		xsnprintf(r->title, sizeof(r->title), "%s in %s", what,
			 r->guilty_function);
	else
		xsnprintf(r->title, sizeof(r->title), "%s", what);
}

static void make_title(struct oops_report *r)
{
	char buf[OOPS_TEXT_MAX];

	switch (r->kind) {
	case OOPS_KIND_SOFT_LOCKUP:
		title_in(r, "BUG: soft lockup");
		break;
	case OOPS_KIND_HARD_LOCKUP:
		title_in(r, "watchdog: hard lockup");
		break;
	case OOPS_KIND_KERNEL_BUG:
		title_in(r, "kernel BUG");
		break;
	case OOPS_KIND_PAGING:
		title_in(r, "BUG: unable to handle kernel paging request");
		break;
	case OOPS_KIND_NULL_DEREF:
		title_in(r, "BUG: unable to handle kernel NULL pointer dereference");
		break;
	case OOPS_KIND_GPF:
		title_in(r, "general protection fault");
		break;
	case OOPS_KIND_WARNING:
		title_in(r, "WARNING");
		break;
	case OOPS_KIND_KASAN:
		if (r->access[0] && !strstr(r->bug_type, "double-free") &&
		    !strstr(r->bug_type, "invalid-free") &&
		    strcmp(r->bug_type, "invalid-access"))
			xsnprintf(buf, sizeof(buf), "KASAN: %s %s", r->bug_type,
				 r->access);
		else
			xsnprintf(buf, sizeof(buf), "KASAN: %s",
				 r->bug_type[0] ? r->bug_type : "unknown-crash");
		title_in(r, buf);
		break;
	case OOPS_KIND_KFENCE:
		xsnprintf(buf, sizeof(buf), "KFENCE: %s",
			 r->bug_type[0] ? r->bug_type : "memory corruption");
		title_in(r, buf);
		break;
	case OOPS_KIND_SCHED_ATOMIC:
		title_in(r, "BUG: scheduling while atomic");
		break;
	case OOPS_KIND_SLEEP_ATOMIC:
		title_in(r, "BUG: sleeping function called from invalid context");
		break;
	case OOPS_KIND_HUNG_TASK:
		title_in(r, "INFO: task hung");
		break;
	case OOPS_KIND_RCU_STALL:
		title_in(r, "INFO: rcu detected stall");
		break;
	case OOPS_KIND_LIST:
		title_in(r, "BUG: corrupted list");
		break;
	case OOPS_KIND_SLAB: {
		char what[OOPS_TEXT_MAX];
		size_t n;

		COPY(what, r->detail);
		/* "Padding overwritten. 0x...": keep the sentence */
		n = strcspn(what, ".(");
		what[n] = '\0';
		sanitize(what);
		xsnprintf(r->title, sizeof(r->title), "BUG %s: %s",
			 r->slab_cache[0] ? r->slab_cache : "slab", what);
		break;
	}
	case OOPS_KIND_PANIC: {
		char why[OOPS_TEXT_MAX];
		char *x;

		COPY(why, r->panic_reason[0] ? r->panic_reason : r->detail);
		x = strstr(why, " exitcode=");
		if (x)
			*x = '\0';
		sanitize(why);
		xsnprintf(r->title, sizeof(r->title), "kernel panic: %s", why);
		break;
	}
	case OOPS_KIND_OOPS:
		title_in(r, "Oops");
		break;
	case OOPS_KIND_DIVIDE:
		title_in(r, "divide error");
		break;
	case OOPS_KIND_INVALID_OPCODE:
		title_in(r, "invalid opcode");
		break;
	case OOPS_KIND_UBSAN:
		xsnprintf(r->title, sizeof(r->title), "UBSAN: %s in %s",
			 r->bug_type[0] ? r->bug_type : "undefined-behaviour",
			 r->src_file[0] ? r->src_file :
			 r->guilty_function[0] ? r->guilty_function : "?");
		break;
	case OOPS_KIND_BAD_PAGE:
		title_in(r, "BUG: Bad page state");
		break;
	case OOPS_KIND_LOCKDEP:
		if (!strcmp(r->bug_type, "suspicious RCU usage") &&
		    r->src_file[0]) {
			xsnprintf(r->title, sizeof(r->title),
				 "suspicious RCU usage at %s:%d", r->src_file,
				 r->src_line);
			break;
		}
		title_in(r, r->bug_type[0] ? r->bug_type : "lockdep warning");
		break;
	case OOPS_KIND_SPINLOCK: {
		char what[OOPS_TEXT_MAX];

		xsnprintf(what, sizeof(what), "BUG: %s", r->detail);
		sanitize(what);
		title_in(r, what);
		break;
	}
	case OOPS_KIND_WQ_LOCKUP:
		xsnprintf(r->title, sizeof(r->title), "BUG: workqueue lockup");
		break;
	case OOPS_KIND_BUG: {
		char what[OOPS_TEXT_MAX];

		xsnprintf(what, sizeof(what), "BUG: %s", r->detail);
		/* keep the message, drop the variable tail */
		what[strcspn(what, "[{")] = '\0';
		sanitize(what);
		xsnprintf(r->title, sizeof(r->title), "%s", what);
		break;
	}
	default:
		xsnprintf(r->title, sizeof(r->title), "%s", r->header);
		sanitize(r->title);
		break;
	}
}

void oops_report_analyze(struct oops_report *r)
{
	/* NULL pointer dereference: faulting address in the first page */
	if (r->kind == OOPS_KIND_PAGING && r->fault.address[0] &&
	    r->fault.addr < 0x1000 && r->fault.user != 1)
		r->kind = OOPS_KIND_NULL_DEREF;
	if (r->fault.error_code >= 0) {
		long ec = r->fault.error_code;

		r->fault.present = true;
		r->fault.protection = !!(ec & 1);
		r->fault.write = !!(ec & 2);
		r->fault.user = !!(ec & 4);
		r->fault.reserved = !!(ec & 8);
		r->fault.instruction = !!(ec & 16);
	}
	pick_guilty(r);
	make_title(r);
	oops_triage(r);
}
