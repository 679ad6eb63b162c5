// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the skip list, in one place.
 *
 * The guilty function of a title ("KIND in F") is the first function of
 * the report that is not generic plumbing: code every report of a kind
 * runs through, whatever the bug, so that naming it would put unrelated
 * bugs under one title.  Each group below says why its functions are
 * plumbing.  "name" matches exactly (after oops_normalize_function()),
 * "name*" is a prefix, "*name" a suffix, "*name*" a part of the name.
 * The formats of formats.c may add their own.
 */
#define _GNU_SOURCE
#include <string.h>

#include "internal.h"

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
	"tick_*",
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
	"__kmalloc*", "___kmalloc*", "kfree", "kfree_sensitive", "kzfree",
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
	"quarantine_*", "kvfree_call_rcu", "kfree_rcu*",
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
	"__lock_acquire*", "lock_acquired", "lock_contended",
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
	"synchronize_rcu*", "synchronize_sched", "synchronize_sched_expedited",
	"synchronize_srcu*", "complete", "complete_all",
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
	"ia32_syscall", "syscall_exit_*",
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
	"kernel_init_freeable", "do_basic_setup",
	"do_initcalls", "do_initcall_level",
	/*
	 * the reporters' and exception entry's helpers syzkaller skips too:
	 * fault injection, retpoline/return thunks and their __pfx_ padding
	 */
	"fixup_bug", "__panic", "*panic*", "warn_alloc*", "should_fail*",
	"__should_fail*", "fail_dump", "should_failslab", "__should_failslab",
	"__x86_indirect_thunk_*", "__x86_indirect_call_thunk_*",
	"__x86_return_thunk", "srso_*", "__pfx_*", "warn_bogus_irq_restore",
	"unwind_backtrace", "trace_hardirqs_*",
	/* printk's wrappers and the console */
	"dev_vprintk_emit", "dev_printk*", "_dev_*", "__dev_printk",
	"netdev_printk", "__netdev_printk", "netdev_info", "netdev_warn",
	"netdev_err", "netdev_notice", "console_lock", "console_unlock",
	/* vsnprintf()'s helpers */
	"pointer", "number", "va_format", "widen_string", "check_pointer*",
	"format_decode", "special_hex_number", "ip4_string", "ip6_string",
	"file_dentry_name", "dentry_name", "address_val", "set_precision",
	"set_field_width", "symbol_string", "resource_string",
	"mac_address_string",
	/* lock debugging: the lock's checks, not its user */
	"spin_dump", "spin_bug", "rwlock_bug", "debug_spin_lock_*",
	"debug_spin_unlock", "print_unlock_imbalance_bug",
	"print_lock_invalid_wait_context", "print_bad_irq_dependency",
	"print_deadlock_bug", "print_lock_nested_lock_not_held",
	"print_held_locks_bug", "*lockdep*", "*lock_class*", "mutex_*",
	"lock_sock*", "release_sock", "__lock_sock*",
	/* debug objects, ref trackers, stack walking */
	"debug_*", "*_is_static_object", "timer_fixup_*", "work_fixup_*",
	"ref_tracker_*", "*stack_trace*", "arch_stack_walk", "walk_stackframe",
	"*nocheck*", "read_word_at_a_time",
	/* timer and workqueue internals: their caller armed or flushed them */
	"lock_timer_base", "try_to_del_timer_sync", "__try_to_del_timer_sync",
	"del_timer*", "timer_delete*", "__timer_delete*", "sk_stop_timer*",
	"__queue_work", "queue_work_on", "__queue_delayed_work",
	"queue_delayed_work_on", "mod_delayed_work_on", "__cancel_work_timer",
	"__cancel_work*", "cancel_work_sync", "cancel_delayed_work_sync",
	"drain_workqueue", "destroy_workqueue",
	/*
	 * the refcount-release and link-count helpers, like kref_put: their
	 * WARN_ONs and BUG_ONs report their caller's bug
	 */
	"dput", "fast_dput", "kobject_put", "kobject_get", "kobject_del",
	"__kobject_del", "kobject_cleanup", "kobject_release", "drop_nlink",
	"clear_nlink", "inc_nlink", "set_nlink",
	/* I/O accessors: the driver that called them */
	"__raw_read*", "__raw_write*", "logic_in*", "logic_out*", "ioread*",
	"iowrite*", "readb", "readw", "readl", "readq", "writeb", "writew",
	"writel", "writeq",
	/* library code: checksums, strings, bit and atomic ops, trees */
	"crc*", "__crc*", "*string*", "atomic_*", "atomic64_*",
	"arch_atomic*", "raw_atomic*", "test_and_set_bit*",
	"test_and_clear_bit*", "__test_and_*", "test_bit*", "set_bit",
	"clear_bit", "__set_bit", "__clear_bit", "change_bit", "rb_*",
	"__rb_*", "klist_*", "xas_*", "__wake_up*",
	/* more allocators: 6.15+ page allocation, the percpu allocator */
	"__alloc_frozen_pages*", "alloc_frozen_pages*", "pcpu_*",
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
	size_t nlen;

	oops_normalize_function(fn, name, sizeof(name));
	nlen = strlen(name);
	for (size_t i = 0; i < n && pats[i]; i++) {
		const char *pat = pats[i];
		size_t len = strlen(pat);

		if (len > 1 && pat[0] == '*' && pat[len - 1] == '*') {
			/* "*part*": anywhere in the name */
			if (memmem(name, nlen, pat + 1, len - 2))
				return true;
		} else if (len > 1 && pat[0] == '*') {
			if (nlen >= len - 1 &&
			    !strcmp(name + nlen - (len - 1), pat + 1))
				return true;
		} else if (len && pat[len - 1] == '*') {
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
