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
 *     (type, detail, file, func, FMT_NEED_SRC) hold: a row without headers
 *     refines the rows of its kind below it.
 *
 * The generic plumbing that is never the guilty function is in skip.c.
 */
#include "parser.h"
#include "formats.h"

#define K(x) OOPS_KIND_##x

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
	{ .id = "panic", .kind = K(PANIC),
	  /* alone; after a report it joins that report (assemble.c) */
	  .headers = { "Kernel panic - not syncing: " },
	  .parse = hp_panic,
	  .title = "kernel panic: %P", .guilty = GUILTY_TRACE },

	/* ---- BUG_ON and faults -------------------------------------------- */
	{ .id = "kernel-bug", .kind = K(KERNEL_BUG),
	  .headers = { "kernel BUG at ", "Kernel BUG at " },
	  .parse = hp_kernel_bug,
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
	{ .id = "kasan-free", .kind = K(KASAN), .type = "double-free",
	  .title = "KASAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan-invalid-free", .kind = K(KASAN), .type = "invalid-free",
	  .title = "KASAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan-invalid-access", .kind = K(KASAN),
	  .type = "invalid-access",
	  .title = "KASAN: %T in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kasan", .kind = K(KASAN),
	  /* "BUG: KASAN: slab-out-of-bounds in F+0x../0x.." + "Write of size" */
	  .headers = { "BUG: KASAN: " }, .parse = hp_sanitizer,
	  .title = "KASAN: %T%A in %F", .dflt = "unknown-crash",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },
	{ .id = "kfence", .kind = K(KFENCE),
	  .headers = { "BUG: KFENCE: " }, .parse = hp_sanitizer,
	  .title = "KFENCE: %T in %F", .dflt = "memory corruption",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },

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
	  .title = "BUG: Bad page state in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE },
	{ .id = "spinlock", .kind = K(SPINLOCK),
	  .headers = { "BUG: spinlock ", "BUG: rwlock " },
	  .parse = hp_spinlock,
	  .title = "BUG: %D in %F", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE },
	{ .id = "workqueue-lockup", .kind = K(WQ_LOCKUP),
	  .headers = { "BUG: workqueue lockup" },
	  .title = "BUG: workqueue lockup", .guilty = GUILTY_TRACE },
	{ .id = "slub", .kind = K(SLAB),
	  /* "BUG kmalloc-32 (Tainted: G B OE): Right Redzone overwritten" */
	  .headers = { "BUG " }, .parse = hp_slab,
	  .title = "BUG %C: %d", .guilty = GUILTY_TRACE,
	  .flags = FMT_TRACE | FMT_ALLOC_SITE },
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
	  .headers = { "divide error: " }, .parse = hp_die,
	  .title = "divide error in %F", .flags = FMT_TRACE },

	/* ---- WARN() ------------------------------------------------------- */
	{ .id = "warning", .kind = K(WARNING),
	  .headers = { "WARNING: " }, .parse = hp_warning,
	  .title = "WARNING in %F", .flags = FMT_TRACE | FMT_HDR_AFTER_RIP },

	/* ---- lockdep ------------------------------------------------------ */
	{ .id = "suspicious-rcu", .kind = K(LOCKDEP),
	  .type = "suspicious RCU usage",
	  .flags = FMT_TRACE | FMT_NEED_SRC | FMT_HDR_FUNC,
	  .title = "suspicious RCU usage at %S:%L", .guilty = GUILTY_TRACE },
	{ .id = "lockdep", .kind = K(LOCKDEP),
	  /* 4.x+: "WARNING: possible circular locking dependency detected"
	   * (in hp_warning); before: "[ INFO: ... ]" */
	  .headers = { "[ INFO: ", "[ BUG: " }, .parse = hp_lockdep,
	  .title = "%T in %F", .dflt = "lockdep warning",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE | FMT_HDR_FUNC },

	/* ---- INFO: -------------------------------------------------------- */
	{ .id = "hung-task", .kind = K(HUNG_TASK),
	  .headers = { "INFO: task " }, .parse = hp_hung_task,
	  .title = "INFO: task hung in %F", .guilty = GUILTY_TRACE,
	  .extract = EXTRACT_HANG,
	  .flags = FMT_TRACE },
	{ .id = "rcu-stall", .kind = K(RCU_STALL),
	  /* "INFO: rcu_sched detected stalls", "[rcu: ]INFO: rcu_preempt
	   * self-detected stall on CPU" */
	  .headers = { "INFO: rcu" }, .parse = hp_rcu_stall,
	  .title = "INFO: rcu detected stall in %F", .extract = EXTRACT_STALL },

	/* ---- lists and UBSAN ---------------------------------------------- */
	{ .id = "list-corruption", .kind = K(LIST),
	  .headers = { "list_add", "list_del" }, .parse = hp_list,
	  .title = "BUG: corrupted list in %F", .flags = FMT_TRACE },
	{ .id = "ubsan", .kind = K(UBSAN),
	  .headers = { "UBSAN: " }, .parse = hp_ubsan,
	  .title = "UBSAN: %T in %S", .dflt = "undefined-behaviour",
	  .guilty = GUILTY_TRACE, .flags = FMT_TRACE },
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

static bool row_matches(const struct oops_format *f,
			const struct oops_report *r)
{
	if (f->kind != r->kind)
		return false;
	if (f->type && !strstr(r->bug_type, f->type))
		return false;
	if (f->detail && !prefix(r->detail, f->detail))
		return false;
	if (f->file && !strstr(r->src_file, f->file))
		return false;
	if (f->func && !prefix(r->header_function, f->func))
		return false;
	if ((f->flags & FMT_NEED_SRC) && !r->src_file[0])
		return false;
	return true;
}

const struct oops_format *oops_format_of(const struct oops_report *r)
{
	static const struct oops_format none = {
		.id = "none", .title = "%H",
	};

	for (size_t i = 0; i < oops_nformats; i++)
		if (row_matches(&oops_formats[i], r))
			return &oops_formats[i];
	return &none;
}
