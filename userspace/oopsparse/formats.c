// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the table of report formats.
 *
 * Every format of report the parser knows is one row of oops_formats[]
 * below: the headers it starts with (every variant, 2.6.x to 7.x, every
 * arch), the function that takes the fields of its header, its kind, its
 * title in syzbot's conventions, where the guilty function comes from and
 * what makes the report corrupted.  What other headers a report absorbs
 * is oops_absorbs[] at the end.  Adding a format is one row here and a
 * test log (tests/data/NAME.log + NAME.expected).
 *
 * Rows are tried in order:
 *   - to start a report, the first row with a header the line starts with
 *     whose parse function accepts the line (so a specific "BUG: soft
 *     lockup" comes before the catch-all "BUG: ");
 *   - to title it, the first row of the report's kind whose conditions
 *     (type, detail, file, func, match, FMT_NEED_SRC, FMT_NEED_HFUNC)
 *     hold and whose headers, if it has any, include the report's: a row
 *     without headers refines the rows of its kind below it.  A report
 *     whose kind changed after its header (a merged one) takes the first
 *     row of its kind whose conditions hold.
 *
 * The generic plumbing that is never the guilty function is in skip.c.
 */
#include "parser.h"
#include "formats.h"

#define K(x) OOPS_KIND_##x
#define SKIP(...) ((const char *const []){ __VA_ARGS__, NULL })

const struct oops_format oops_formats[] = {
	/* ---- lockups and stalls ----------------------------------------- */
	{ .id = "soft-lockup", .kind = K(SOFT_LOCKUP),
	  /* "[watchdog: ]BUG: soft lockup - CPU#1 stuck for 67s! [comm:pid]";
	   * 2.6.18: "BUG: soft lockup detected on CPU#1!" */
	  .headers = { "BUG: soft lockup - CPU#",
		       "BUG: soft lockup detected on CPU#" },
	  .parse = hp_soft_lockup,
	  .title = "BUG: soft lockup in %F", .extract = EXTRACT_STALL,
	  .flags = FMT_TRACE },
	{ .id = "hard-lockup", .kind = K(HARD_LOCKUP),
	  /* "[NMI watchdog: ]Watchdog detected hard LOCKUP on cpu 3" */
	  .headers = { "Watchdog detected hard LOCKUP on cpu " },
	  .parse = hp_cpu,
	  .title = "watchdog: hard lockup in %F",
	  .flags = FMT_TRACE | FMT_TASK_FRAMES },

	/* ---- panic -------------------------------------------------------- */
	{ .id = "stack-protector", .kind = K(PANIC),
	  .detail = "stack-protector: Kernel stack is corrupted in: ",
	  /* the function is in the message */
	  .title = "kernel panic: stack is corrupted in %F",
	  .guilty = GUILTY_TRACE, .flags = FMT_HDR_FUNC },
	{ .id = "corrupted-stack-end", .kind = K(PANIC),
	  .detail = "corrupted stack end",
	  .title = "kernel panic: corrupted stack end in %F",
	  .guilty = GUILTY_TRACE, .extract = EXTRACT_STALL,
	  .skip = SKIP("*schedule*", "*retint_kernel*"), .flags = FMT_TRACE },
	{ .id = "n-tty", .kind = K(PANIC),
	  .detail = "Couldn't open N_TTY ldisc",
	  .title = "kernel panic: Couldn't open N_TTY ldisc" },
	{ .id = "fatal-exception", .kind = K(PANIC),
	  /* alone: the report before it was lost */
	  .detail = "Fatal exception", .title = "kernel panic: Fatal exception" },
	{ .id = "panic-on-warn", .kind = K(PANIC),
	  /* alone, the WARNING before it was lost */
	  .detail = "panic_on_warn set",
	  .title = "kernel panic: panic_on_warn set" },
	{ .id = "panic", .kind = K(PANIC),
	  /* alone; after a report it joins that report (assemble.c) */
	  .headers = { "Kernel panic - not syncing: " },
	  .parse = hp_panic,
	  .title = "kernel panic: %P", .guilty = GUILTY_TRACE },

	/* ---- BUG_ON and faults -------------------------------------------- */
	{ .id = "bad-usercopy", .kind = K(KERNEL_BUG), .file = "mm/usercopy.c",
	  /* "kernel BUG at mm/usercopy.c:72!": usercopy_abort() */
	  .title = "BUG: bad usercopy in %F", .guilty = GUILTY_TRACE,
	  .skip = SKIP("*usercopy*", "*__check*"), .flags = FMT_TRACE },
	{ .id = "list-bug", .kind = K(KERNEL_BUG), .file = "lib/list_debug.c",
	  .title = "BUG: corrupted list in %F", .flags = FMT_TRACE,
	  .skip = SKIP("*list_*") },
	{ .id = "kernel-bug", .kind = K(KERNEL_BUG),
	  .headers = { "kernel BUG at ", "Kernel BUG at " },
	  .parse = hp_kernel_bug,
	  /* skb helpers BUG_ON() what their caller passed */
	  .skip = SKIP("skb_*", "__skb_*", "pskb_*"),
	  .title = "kernel BUG in %F", .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "page-fault", .kind = K(PAGING),
	  /*
	   * x86 old: "BUG: unable to handle kernel paging request at ADDR",
	   * "... NULL pointer dereference at ADDR"; x86 >= 4.20: "BUG:
	   * unable to handle page fault for address: ADDR", "BUG: kernel
	   * NULL pointer dereference, address: ADDR"; powerpc >= 5.x "BUG:
	   * Unable to handle kernel data access on write at ADDR", "BUG:
	   * Kernel NULL pointer dereference on read at"; powerpc old, arm,
	   * arm64: "Unable to handle kernel paging request at virtual
	   * address", "Unable to handle kernel NULL pointer dereference at
	   * virtual address".
	   */
	  .headers = { "BUG: unable to handle ", "BUG: kernel NULL pointer",
		       "BUG: Unable to handle ", "BUG: Kernel NULL pointer",
		       "Unable to handle kernel " },
	  .parse = hp_paging,
	  .title = "BUG: unable to handle kernel paging request in %F",
	  .flags = FMT_TRACE },
	{ .id = "null-ptr-deref", .kind = K(NULL_DEREF),
	  /* the page-fault headers above, or a fault address below 0x1000 */
	  .title = "BUG: unable to handle kernel NULL pointer dereference in %F",
	  .flags = FMT_TRACE },

	/* ---- sanitizers --------------------------------------------------- */
	{ .id = "kasan-double-or-invalid-free", .kind = K(KASAN),
	  .type = "double-free or invalid-free",
	  .title = "KASAN: invalid-free in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan-free", .kind = K(KASAN), .type = "double-free",
	  .title = "KASAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan-invalid-free", .kind = K(KASAN), .type = "invalid-free",
	  .title = "KASAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan-address", .kind = K(KASAN), .detail = "on address",
	  /* "BUG: KASAN: wild-memory-access on address ADDR": no F */
	  .title = "KASAN: %T%A" },
	{ .id = "kasan", .kind = K(KASAN),
	  /* "BUG: KASAN: slab-out-of-bounds in F+0x../0x.." + "Write of size" */
	  .headers = { "BUG: KASAN: " }, .parse = hp_sanitizer,
	  .title = "KASAN: %T%A in %F", .dflt = "unknown-crash",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kfence", .kind = K(KFENCE),
	  .headers = { "BUG: KFENCE: " }, .parse = hp_sanitizer,
	  .title = "KFENCE: %T in %F", .dflt = "memory corruption",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },

	{ .id = "kmsan", .kind = K(KMSAN),
	  /* "BUG: KMSAN: uninit-value in F", "... kernel-infoleak in F" */
	  .headers = { "BUG: KMSAN: " }, .parse = hp_sanitizer,
	  .title = "KMSAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC | FMT_STACK_NEXT },
	{ .id = "kcsan", .kind = K(KCSAN),
	  /* "BUG: KCSAN: data-race in f / g": both sides are the title */
	  .headers = { "BUG: KCSAN: " }, .parse = hp_kcsan,
	  .title = "KCSAN: %T in %D", .guilty = GUILTY_TRACE },
	{ .id = "memory-leak", .kind = K(MEMLEAK),
	  /* kmemleak: "BUG: memory leak", "unreferenced object", "backtrace:" */
	  .headers = { "BUG: memory leak" },
	  .title = "memory leak in %F", .guilty = GUILTY_TRACE,
	  .skip = SKIP("*kmemleak*", "*alloc*", "mmap_region", "*vm_area_*",
		       "*create_object*", "*idr_get_free*", "*memdup*",
		       "*strdup*", "*strndup*", "*mempool*", "*slab*",
		       "*kobject_set_name*", "*kvasprintf*", "*kstrdup*",
		       "*kmem_cache*", "*krealloc*"),
	  .flags = FMT_TRACE },

	/* ---- atomic context ----------------------------------------------- */
	{ .id = "scheduling-while-atomic", .kind = K(SCHED_ATOMIC),
	  .headers = { "BUG: scheduling while atomic: " },
	  .parse = hp_sched_atomic,
	  .title = "BUG: scheduling while atomic in %F",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE },
	{ .id = "scheduling-non-blocking", .kind = K(SCHED_ATOMIC),
	  .headers = { "BUG: scheduling in a non-blocking section: " },
	  .title = "BUG: scheduling while atomic in %F",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE },
	{ .id = "sleeping-in-atomic", .kind = K(SLEEP_ATOMIC),
	  .headers = { "BUG: sleeping function called from invalid context at ",
		       "BUG: assuming atomic context at " },
	  .parse = hp_file_line,
	  .title = "BUG: sleeping function called from invalid context in %F",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE },

	/* ---- memory state ------------------------------------------------- */
	{ .id = "bad-page-state", .kind = K(BAD_PAGE),
	  .headers = { "BUG: Bad page state in process " },
	  .parse = hp_bad_page,
	  /* the page was freed by generic code: name who freed it */
	  .skip = SKIP("free_*", "__free_*", "*_free_pages*", "*put_page*",
		       "*folio*", "release_pages", "page_pool_*",
		       "__page_pool_*", "skb_*", "__skb_*", "page_frag_*",
		       "*bad_page*", "__page_cache_release", "*kfree_skb*",
		       "consume_skb", "sk_skb_reason_drop",
		       "*netif_receive_skb*", "lru_add*", "free_unref*"),
	  .title = "BUG: Bad page state in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE },
	{ .id = "spinlock", .kind = K(SPINLOCK),
	  .headers = { "BUG: spinlock ", "BUG: rwlock " },
	  .parse = hp_spinlock,
	  .title = "BUG: %D in %F", .guilty = GUILTY_TRACE,
	  .skip = SKIP("*spin_*", "*_lock*", "*_unlock*"),
	  .flags = FMT_TRACE },
	{ .id = "workqueue-lockup", .kind = K(WQ_LOCKUP),
	  .headers = { "BUG: workqueue lockup" },
	  .title = "BUG: workqueue lockup", .guilty = GUILTY_TRACE },
	{ .id = "slub-double-free", .kind = K(SLAB),
	  .detail = "Object already free",
	  .title = "BUG: Object already free", .guilty = GUILTY_TRACE },
	{ .id = "slub", .kind = K(SLAB),
	  /* "BUG kmalloc-32 (Tainted: G B OE): Right Redzone overwritten" */
	  .headers = { "BUG " }, .parse = hp_slab,
	  .title = "BUG %C: %d", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_ALLOC_SITE },
	{ .id = "preemptible", .kind = K(BUG),
	  /* "BUG: using smp_processor_id() in preemptible [0] code: c/1",
	   * "BUG: using __this_cpu_read() in preemptible ..." */
	  .headers = { "BUG: using " }, .parse = hp_preemptible,
	  .title = "BUG: using %D in preemptible code in %F",
	  .guilty = GUILTY_TRACE,
	  .skip = SKIP("*dump_stack*", "*preempt*", "*debug_*",
		       "*processor_id*", "*this_cpu*", "*check_preemption*"),
	  .flags = FMT_TRACE },
	{ .id = "stack-guard", .kind = K(BUG),
	  /* "BUG: stack guard page was hit at ADDR", "BUG: TASK stack guard" */
	  .headers = { "BUG: stack guard page was hit",
		       "BUG: TASK stack guard page was hit",
		       "BUG: IRQ stack guard page was hit" },
	  .parse = hp_detail,
	  /* a recursion: the frame above its dispatcher, like a stall */
	  .title = "BUG: stack guard page was hit in %F",
	  .extract = EXTRACT_STALL, .flags = FMT_TRACE | FMT_OR_FIRST },
	{ .id = "workqueue-leak", .kind = K(BUG),
	  /* F is the work function: "last function: F" */
	  .headers = { "BUG: workqueue leaked lock or atomic" },
	  .parse = hp_detail,
	  .title = "BUG: workqueue leaked lock or atomic in %F",
	  .flags = FMT_HDR_FUNC },
	{ .id = "rss-counter", .kind = K(BUG),
	  .headers = { "BUG: Bad rss-counter state" }, .parse = hp_detail,
	  .title = "BUG: Bad rss-counter state" },
	{ .id = "dentry-in-use", .kind = K(BUG),
	  /* "BUG: Dentry ADDR{i=N,n=x}  still in use (1) [unmount of fs dev]" */
	  .headers = { "BUG: Dentry " }, .parse = hp_detail,
	  .title = "BUG: Dentry still in use in %X" },
	{ .id = "bug", .kind = K(BUG),
	  .headers = { "BUG: " }, .parse = hp_detail,
	  .title = "BUG: %D" },

	/* ---- die() -------------------------------------------------------- */
	{ .id = "oops", .kind = K(OOPS),
	  /* "Oops: 0003 [#1] SMP PTI" alone is a #PF (assemble.c) */
	  .headers = { "Oops: " }, .parse = hp_oops,
	  .title = "Oops in %F", .flags = FMT_TRACE },
	{ .id = "internal-error", .kind = K(OOPS),
	  .headers = { "Internal error: Oops" }, .parse = hp_internal_error,
	  .title = "Oops in %F", .flags = FMT_TRACE },
	{ .id = "gpf", .kind = K(GPF),
	  /* "general protection fault[, probably for non-canonical address
	   * 0x...]: 0000 [#1]" */
	  .headers = { "general protection fault",
		       "segment-related general protection fault" },
	  .parse = hp_die,
	  .title = "general protection fault in %F", .flags = FMT_TRACE },
	{ .id = "invalid-opcode", .kind = K(INVALID_OPCODE),
	  .headers = { "invalid opcode: " }, .parse = hp_die,
	  .title = "invalid opcode in %F", .flags = FMT_TRACE },
	{ .id = "divide-error", .kind = K(DIVIDE),
	  .headers = { "divide error: ", "divide_error: " }, .parse = hp_die,
	  .title = "divide error in %F", .flags = FMT_TRACE },

	{ .id = "double-fault", .kind = K(OOPS),
	  .headers = { "PANIC: double fault" },
	  .title = "PANIC: double fault in %F", .flags = FMT_TRACE },
	{ .id = "stack-segment", .kind = K(GPF),
	  .headers = { "stack segment: " }, .parse = hp_die,
	  .title = "stack segment fault in %F", .flags = FMT_TRACE },
	{ .id = "int3", .kind = K(OOPS),
	  .headers = { "int3: " }, .parse = hp_die,
	  .title = "int3 in %F", .flags = FMT_TRACE },
	{ .id = "unhandled-fault", .kind = K(PAGING),
	  /* arm: "Unhandled fault: page domain fault (0x81b) at 0x00001044" */
	  .headers = { "Unhandled fault: " },
	  .title = "Unhandled fault in %F", .flags = FMT_TRACE },
	{ .id = "arm64-internal-error", .kind = K(OOPS),
	  /* "Internal error: synchronous external abort: 96000010 [#1]" */
	  .headers = { "Internal error: " }, .parse = hp_internal_error,
	  .title = "Internal error in %F", .flags = FMT_TRACE },

	/* ---- WARN() ------------------------------------------------------- */
	{ .id = "odebug", .kind = K(WARNING), .file = "lib/debugobjects.c",
	  .title = "WARNING: ODEBUG bug in %F",
	  .skip = SKIP("*debug_*", "*rcu*", "*hrtimer_*", "*timer_*",
		       "*work_*", "*percpu_*", "*kmem_*", "*slab_*", "*kfree*",
		       "*vunmap*", "*vfree*", "*__free_*", "*free_*",
		       "*kobject_*"),
	  .flags = FMT_TRACE },
	{ .id = "refcount", .kind = K(WARNING), .file = "lib/refcount.c",
	  .title = "WARNING: refcount bug in %F",
	  .skip = SKIP("*refcount*", "*kobject_*"), .flags = FMT_TRACE },
	{ .id = "usercopy-warning", .kind = K(WARNING), .file = "mm/usercopy.c",
	  .title = "WARNING: bad usercopy in %F",
	  .skip = SKIP("*usercopy*", "*__check*"), .flags = FMT_TRACE },
	{ .id = "kobject", .kind = K(WARNING), .file = "lib/kobject.c",
	  .title = "WARNING: kobject bug in %F",
	  .skip = SKIP("*kobject_*"), .flags = FMT_TRACE },
	{ .id = "proc-registration", .kind = K(WARNING),
	  .file = "fs/proc/generic.c", .func = "proc_register",
	  .title = "WARNING: proc registration bug in %F",
	  .skip = SKIP("*proc_*"), .flags = FMT_TRACE },
	{ .id = "locking", .kind = K(WARNING),
	  .file = "kernel/locking/lockdep.c",
	  .title = "WARNING: locking bug in %F",
	  .skip = SKIP("*lockdep*", "*lock_acquire*", "*lock_release*",
		       "*lock_class*", "*__lock*", "*_raw_*", "*spin_lock*",
		       "*mutex_lock*", "*down_*", "*lock_is_held*"),
	  .flags = FMT_TRACE },
	{ .id = "zero-size-vmalloc", .kind = K(WARNING),
	  .file = "mm/vmalloc.c", .func = "*vmalloc_node*",
	  .title = "WARNING: zero-size vmalloc in %F",
	  .skip = SKIP("*vmalloc*"), .flags = FMT_TRACE },
	{ .id = "kmalloc", .kind = K(WARNING), .file = "mm/",
	  /* a WARN in kmalloc*(), kvmalloc*() itself: a size too large */
	  .match = op_kmalloc_warning,
	  .title = "WARNING: kmalloc bug in %F",
	  .skip = SKIP("*malloc*", "*krealloc*", "*slab*", "*kmem*"),
	  .flags = FMT_TRACE },
	{ .id = "stack-regs", .kind = K(WARNING),
	  /* "WARNING: kernel stack regs at ADDR in comm:pid has bad 'bp'
	   * value ADDR", "WARNING: kernel stack frame pointer at ..." */
	  .headers = { "WARNING: kernel stack regs at ",
		       "WARNING: kernel stack frame pointer at " },
	  .parse = hp_message,
	  .title = "WARNING: kernel stack regs has bad %Qvalue" },
	{ .id = "warning-7", .kind = K(WARNING), .match = op_warning_7,
	  /* 6.19+ "WARNING: FILE:LINE at FUNC, CPU#N: comm/pid": the RIP,
	   * else the trace (it starts at FUNC's caller), else FUNC */
	  .title = "WARNING in %F", .flags = FMT_TRACE | FMT_HDR_LAST },
	{ .id = "warning", .kind = K(WARNING),
	  .headers = { "WARNING: " }, .parse = hp_warning,
	  .title = "WARNING in %F", .flags = FMT_TRACE | FMT_HDR_AFTER_RIP },

	/* ---- lockdep ------------------------------------------------------ */
	{ .id = "suspicious-rcu", .kind = K(LOCKDEP),
	  /* "WARNING: suspicious RCU usage", "[ INFO: suspicious RCU usage. ]" */
	  .type = "suspicious RCU usage",
	  .title = "%W: suspicious RCU usage in %F", .guilty = GUILTY_TRACE,
	  .skip = SKIP("*rcu*", "*kmem*", "*slab*"),
	  .flags = FMT_TRACE | FMT_NEED_SRC },
	{ .id = "suspicious-rcu-cut", .kind = K(LOCKDEP),
	  /* without its "FILE:LINE suspicious rcu_dereference_check()" */
	  .type = "suspicious RCU usage", .title = "%W: suspicious RCU usage" },
	{ .id = "deadlock", .kind = K(LOCKDEP), .type = "possible deadlock",
	  /* F: the lock being acquired, "... at: F" */
	  .title = "possible deadlock in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC | FMT_NEED_HFUNC },
	{ .id = "deadlock-cut", .kind = K(LOCKDEP), .type = "possible deadlock",
	  /* cut before its locks: the header is all there is */
	  .title = "%H" },
	{ .id = "inconsistent-lock-state", .kind = K(LOCKDEP),
	  .type = "inconsistent lock state",
	  .title = "inconsistent lock state in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "non-static-key", .kind = K(LOCKDEP),
	  .type = "non-static key",
	  .title = "INFO: trying to register non-static key in %F",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE,
	  .skip = SKIP("*stack*", "*lock*", "*IRQ*") },
	{ .id = "lockdep", .kind = K(LOCKDEP),
	  /* 4.x+: "WARNING: possible circular locking dependency detected"
	   * (in hp_warning); before: "[ INFO: ... ]" */
	  .headers = { "[ INFO: ", "[ BUG: " }, .parse = hp_lockdep,
	  .title = "%W: %T in %F", .dflt = "lockdep warning",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },

	/* ---- INFO: -------------------------------------------------------- */
	{ .id = "task-cant-die", .kind = K(HUNG_TASK), .detail = "can't die",
	  .title = "INFO: task can't die in %F", .guilty = GUILTY_TRACE,
	  .extract = EXTRACT_HANG, .flags = FMT_TRACE },
	{ .id = "hung-task", .kind = K(HUNG_TASK),
	  .headers = { "INFO: task " }, .parse = hp_hung_task,
	  .title = "INFO: task hung in %F", .guilty = GUILTY_TRACE,
	  .extract = EXTRACT_HANG,
	  .flags = FMT_TRACE },
	{ .id = "rcu-stall", .kind = K(RCU_STALL),
	  /* "INFO: rcu_sched detected stalls", "[rcu: ]INFO: rcu_preempt
	   * self-detected stall on CPU" */
	  .headers = { "INFO: rcu" }, .parse = hp_rcu_stall,
	  .title = "INFO: rcu detected stall in %F", .extract = EXTRACT_STALL,
	  .skip = SKIP("*rcu*"), .flags = FMT_TRACE | FMT_AFTER_IRQ },
	{ .id = "info-lockdep", .kind = K(LOCKDEP),
	  /* old lockdep: "INFO: possible circular locking dependency
	   * detected", "INFO: trying to register non-static key." */
	  .headers = { "INFO: " }, .parse = hp_lockdep,
	  .title = "%W: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },

	/* ---- messages that are their own title ---------------------------- */
	{ .id = "netdev-refcount", .kind = K(BUG),
	  /* "unregister_netdevice: waiting for lo to become free. Usage count = 1" */
	  .headers = { "unregister_netdevice: waiting for " },
	  .parse = hp_message, .flags = FMT_MESSAGE,
	  .title = "unregister_netdevice: waiting for DEV to become free" },
	{ .id = "vfs-file-count", .kind = K(BUG),
	  .headers = { "VFS: Close: file count is 0" }, .parse = hp_message,
	  .flags = FMT_MESSAGE,
	  .title = "VFS: Close: file count is zero (use-after-free)" },
	{ .id = "vfs-busy-inodes", .kind = K(BUG),
	  .headers = { "VFS: Busy inodes after unmount" }, .parse = hp_message,
	  .flags = FMT_MESSAGE,
	  .title = "VFS: Busy inodes after unmount (use-after-free)" },

	/* ---- lists and UBSAN ---------------------------------------------- */
	{ .id = "list-corruption", .kind = K(LIST),
	  .headers = { "list_add", "list_del" }, .parse = hp_list,
	  .title = "BUG: corrupted list in %F", .flags = FMT_TRACE },
	{ .id = "ubsan-old", .kind = K(UBSAN),
	  /* before 5.x: "UBSAN: Undefined behaviour in FILE:LINE:COL" */
	  .headers = { "UBSAN: Undefined behaviour in " }, .parse = hp_ubsan,
	  .title = "UBSAN: undefined-behaviour in %F", .guilty = GUILTY_TRACE,
	  .skip = SKIP("*ubsan*", "*overflow*"), .flags = FMT_TRACE },
	{ .id = "ubsan", .kind = K(UBSAN),
	  /* "UBSAN: array-index-out-of-bounds in FILE:LINE:COL" */
	  .headers = { "UBSAN: " }, .parse = hp_ubsan,
	  .title = "UBSAN: %T in %F", .dflt = "undefined-behaviour",
	  .guilty = GUILTY_TRACE, .skip = SKIP("*ubsan*", "*overflow*"),
	  .flags = FMT_TRACE },
};

const size_t oops_nformats = ARRAY_SIZE(oops_formats);

/*
 * A later header that is part of the report in progress (only while it
 * has no call trace yet, within 40 lines of its start).
 */
const struct oops_absorb oops_absorbs[] = {
	/* "Oops: 0003 [#1]" / "invalid opcode: 0000 [#1]" after the header */
	{ .report_any = { K(PAGING), K(NULL_DEREF), K(KERNEL_BUG), K(LIST),
			  K(BUG) },
	  .flags = ABS_DIE },
	/* list corruption message, then the WARN/BUG in lib/list_debug.c */
	{ .report = K(LIST), .header = K(WARNING), .header_alt = K(KERNEL_BUG),
	  .file = "lib/list_debug.c", .flags = ABS_HDR_FILE },
	/* old kernels: WARNING/BUG at lib/list_debug.c, then the message */
	{ .report_any = { K(WARNING), K(KERNEL_BUG) }, .header = K(LIST),
	  .file = "lib/list_debug.c", .become = K(LIST),
	  .flags = ABS_REP_FILE },
	/* 6.12 SLUB: object_err()/slab_err() end with a WARN in mm/slub.c */
	{ .report = K(SLAB), .header = K(WARNING), .file = "mm/slub.c",
	  .func = { "object_err", "slab_err" },
	  .flags = ABS_HDR_FILE | ABS_HDR_FUNC | ABS_TASK_ONLY },
	/* 3.x hard lockup: WARN in watchdog_overflow_callback + message */
	{ .report = K(WARNING), .header = K(HARD_LOCKUP), .func = { "watchdog" },
	  .become = K(HARD_LOCKUP), .flags = ABS_REP_FUNC | ABS_CLEAR_FUNC },
};

const size_t oops_nabsorbs = ARRAY_SIZE(oops_absorbs);

/* ---- the match functions of rows ---------------------------------- */

bool op_warning_7(const struct oops_report *r)
{
	const char *w = prefix(r->header, "WARNING: ");

	return w && !prefix(w, "CPU: ") && !prefix(w, "at ") &&
	       strstr(w, ", CPU#");
}

bool op_kmalloc_warning(const struct oops_report *r)
{
	const char *f = r->header_function;

	/* syzkaller's "k?.?malloc": kmalloc_slab, kvmalloc_node */
	if (f[0] == 'k')
		f++;
	if (*f && strncmp(f, "malloc", 6))
		f++;
	return !strncmp(f, "malloc", 6);
}

/* the header without the detector's pr_fmt ("watchdog: ", "rcu: ") */
static const char *header_body(const char *h)
{
	const char *r;

	if ((r = prefix(h, "watchdog: ")) || (r = prefix(h, "NMI watchdog: ")) ||
	    (r = prefix(h, "rcu: ")))
		h = r;
	/* "Oops: general protection fault", "Oops: int3: 0000 [#1]" */
	if ((r = prefix(h, "Oops: ")))
		h = r;
	return h;
}

static bool header_matches(const struct oops_format *f, const char *body)
{
	for (int j = 0; j < FMT_MAX_HEADERS && f->headers[j]; j++)
		if (prefix(body, f->headers[j]))
			return true;
	return false;
}

static bool row_matches(const struct oops_format *f,
			const struct oops_report *r)
{
	if (f->kind != r->kind)
		return false;
	if (f->type && !strstr(r->bug_type, f->type))
		return false;
	if (f->detail && !strstr(r->detail, f->detail))
		return false;
	if (f->file && !strstr(r->src_file, f->file))
		return false;
	if (f->func && !oops_frame_matches(r->header_function, &f->func, 1))
		return false;
	if ((f->flags & FMT_NEED_SRC) && !r->src_file[0])
		return false;
	if ((f->flags & FMT_NEED_HFUNC) && !r->header_function[0])
		return false;
	if (f->match && !f->match(r))
		return false;
	return true;
}

/*
 * The first row of r's kind whose conditions hold and whose headers (if
 * it has any) include r's; else, when r's kind changed after its header
 * (a merged report), the first row of its kind whose conditions hold.
 */
const struct oops_format *oops_format_of(const struct oops_report *r)
{
	static const struct oops_format none = {
		.id = "none", .title = "%H",
	};
	const char *body = header_body(r->header);

	for (size_t i = 0; i < oops_nformats; i++) {
		const struct oops_format *f = &oops_formats[i];

		if (row_matches(f, r) &&
		    (!f->headers[0] || header_matches(f, body)))
			return f;
	}
	for (size_t i = 0; i < oops_nformats; i++)
		if (row_matches(&oops_formats[i], r))
			return &oops_formats[i];
	return &none;
}
