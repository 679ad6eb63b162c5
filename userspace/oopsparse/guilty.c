// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the guilty function F of "KIND in F".
 *
 * The candidates, in order, are those the report's format names
 * (struct oops_format, formats.c): the function of its header
 * (FMT_HDR_FUNC: KASAN, KFENCE, KMSAN, lockdep's "at:" line), the RIP/PC
 * (GUILTY_RIP) and the frames of its call trace, never '?' and
 * "(unreliable)" ones (leftovers on the stack, not callers).  Plumbing
 * (skip.c, and the format's own skip list) is never F.  The format's
 * extractor then picks one, as syzkaller's pkg/report does:
 *
 *   EXTRACT_FIRST  the first candidate;
 *   EXTRACT_STALL  lockups and stalls loop across several functions, so
 *                  the top frame is random: F is the frame just above the
 *                  first "anchor" (syscall entry, a file operation's
 *                  dispatcher, the timer or softirq that ran it) of the
 *                  stalled stack, the stack after the timer interrupt;
 *                  a frame in a loadable module wins (it is what the
 *                  CPU ran on behalf of the out-of-tree code);
 *   EXTRACT_HANG   a hung task sleeps in generic code: F is its first
 *                  frame that is not sleeping, waiting or locking, or
 *                  rtnl_lock; a hang in synchronize_net() is
 *                  "synchronize_rcu", as syzbot groups them.  Unlike
 *                  syzbot, a direct caller of synchronize_rcu() or
 *                  synchronize_sched() is named: that is what a support
 *                  engineer can act on (the field log
 *                  dirpro-hungtask-customer's title).
 *
 * When no candidate is left and the format needs a stack, F is
 * "corrupted" and so is the report.
 */
#include <string.h>

#include "internal.h"
#include "formats.h"

#define MAX_CAND (OOPS_MAX_FRAMES + 4)

struct cand {
	const struct oops_frame *f;
	int header;		/* 1: the header's function, 2: lockdep's held */
};

/*
 * Where a stalled stack's interesting part starts: after the timer
 * interrupt (x86 apic_timer_interrupt, arm64 el1h_64_irq, arm's
 * exception stack).
 */
static const char *const irq_entry[] = {
	"*apic_timer_interrupt*", "el1h_64_irq*", "el1_irq", "__irq_svc",
	"gic_handle_irq",
};

/*
 * The dispatchers a stalled CPU's stack passes through: F is the frame
 * above the first of them (syzkaller's linuxStallAnchorFrames).
 */
static const char *const stall_anchor[] = {
	/* syscall entry */
	"do_syscall_*", "do_fast_syscall_*", "sysenter_dispatch",
	"tracesys_phase2", "el0_svc_handler", "invoke_syscall",
	"ret_fast_syscall", "entry_SYSCALL_64_fastpath",
	"system_call_fastpath", "sysenter_do_call",
	/* work, timers, softirqs, kthreads */
	"process_one_work", "*netif_receive_skb*", "*do_softirq*",
	"call_timer_fn", "*_run_timers*", "run_timer_softirq",
	"*hrtimer_run*", "run_ksoftirqd", "smpboot_thread_fn", "kthread",
	"start_secondary", "cpu_startup_entry",
	/* file operations and sockets: the caller names the device */
	"*vfs_write*", "*vfs_read*", "vfs_iter_read", "vfs_iter_write",
	"do_iter_read", "do_iter_write", "call_read_iter", "call_write_iter",
	"new_sync_read", "new_sync_write", "*vfs_ioctl*", "ksys_ioctl",
	"*compat_ioctl*", "blkdev_driver_ioctl", "blkdev_ioctl",
	"sock_sendmsg*", "sock_recvmsg*", "__sock_sendmsg", "__sock_recvmsg",
	"sock_write_iter", "sock_read_iter", "sock_do_ioctl", "sock_ioctl",
	"__fput", "rtnetlink_rcv_msg", "nfnetlink_rcv_msg", "do_dentry_open",
	"*smp_call_function*",
};

/* what a hung task's own stack is made of before its caller */
static const char *const hang_skip[] = {
	"*sched*", "*_lock*", "*_slowlock*", "*down*", "*rwsem*",
	"*completion*", "*kthread*", "*wait*", "*synchronize*",
	"*context_switch*", "*__switch_to*", "*cancel_delayed_work*",
	"*cancel_work*", "*rcu_barrier*", "*flush_work*",
};

static bool skipped(const struct oops_format *fmt, const char *fn)
{
	if (oops_is_plumbing(fn))
		return true;
	if (fmt->skip && oops_frame_matches(fn, fmt->skip, 64))
		return true;
	return false;
}

static bool matches(const char *fn, const char *const *pats, size_t n)
{
	return fn[0] && oops_frame_matches(fn, pats, n);
}

/* "__x64_sys_kill", "SyS_kill", "__se_sys_kill" are all sys_kill */
static const char *syscall_name(const char *fn)
{
	static const char *const wrap[] = {
		"__x64_", "__ia32_", "__arm64_", "__x32_", "__se_", "__do_",
		"__riscv_", "__s390x_", "__s390_", "__powerpc_",
	};

	for (size_t i = 0; i < ARRAY_SIZE(wrap); i++) {
		const char *r = prefix(fn, wrap[i]);

		if (r && (prefix(r, "sys_") || prefix(r, "compat_sys_")))
			return r;
	}
	return fn;
}

/* C++ (Itanium ABI) names: "_Z8fakeNameiii" -> "fakeName" */
static void demangle(char *name, size_t sz)
{
	char out[OOPS_FUNC_MAX];
	const char *p = name + 2;
	size_t n = 0;
	bool nested;

	if (name[0] != '_' || name[1] != 'Z')
		return;
	nested = *p == 'N';
	if (nested)
		p++;
	while (is_digit(*p)) {
		long len = 0;

		while (is_digit(*p))
			len = len * 10 + (*p++ - '0');
		if (len <= 0 || (size_t)len > strlen(p) ||
		    n + (size_t)len + 3 >= sizeof(out))
			return;
		if (n) {
			out[n++] = ':';
			out[n++] = ':';
		}
		memcpy(out + n, p, (size_t)len);
		n += (size_t)len;
		p += len;
		if (!nested)
			break;
	}
	if (!n)
		return;
	out[n] = '\0';
	copy_n(name, sz, out, -1);
}

static void set_guilty(struct oops_report *r, const char *fn, const char *mod)
{
	char name[OOPS_FUNC_MAX];
	const char *s;

	oops_normalize_function(fn, name, sizeof(name));
	demangle(name, sizeof(name));
	/* 3.x/4.x SYSC_x/SyS_x wrappers: syzbot names the bare syscall */
	if ((s = prefix(name, "SyS_")) || (s = prefix(name, "SYSC_")))
		COPY(r->guilty_function, s);
	else
		COPY(r->guilty_function, syscall_name(name));
	COPY(r->guilty_module, mod);
}

static bool has_own_frame(const struct oops_report *r,
			  const struct oops_format *fmt)
{
	for (int i = 0; i < r->nframes; i++)
		if (!skipped(fmt, r->frames[i].function))
			return true;
	return false;
}

/* The candidates of r, plumbing included, in order. */
static int candidates(const struct oops_report *r,
		      const struct oops_format *fmt, struct cand *c)
{
	bool any_task = false;
	int n = 0, start = 0, i;

	if ((fmt->flags & FMT_HDR_FUNC) && r->header_function[0]) {
		c[n].f = NULL;
		c[n++].header = 1;
		/* lockdep: the lock already held, second "at:" line */
		if (r->held_function[0]) {
			c[n].f = NULL;
			c[n++].header = 2;
		}
	}
	if (fmt->guilty != GUILTY_TRACE && r->has_rip) {
		c[n].f = &r->rip;
		c[n++].header = 0;
	}
	/*
	 * WARNING: the function of the header, if a stack follows it that
	 * is more than the reporting machinery (else the report was cut)
	 */
	if ((fmt->flags & FMT_HDR_AFTER_RIP) && r->header_function[0] &&
	    (r->has_rip || has_own_frame(r, fmt))) {
		c[n].f = NULL;
		c[n++].header = 1;
	}
	/* ppc LR: only when there is no trace to go by */
	if (fmt->guilty != GUILTY_TRACE && r->has_lr && !r->nframes) {
		c[n].f = &r->lr;
		c[n++].header = 0;
	}
	for (i = 0; i < r->nframes; i++) {
		if (r->frames[i].context == OOPS_CTX_TASK)
			any_task = true;
	}
	if (fmt->flags & FMT_AFTER_IRQ) {
		/* the first: a softirq the interrupt ran follows it */
		for (i = 0; i < r->nframes; i++)
			if (matches(r->frames[i].function, irq_entry,
				    ARRAY_SIZE(irq_entry)))
				break;
		start = i < r->nframes ? i + 1 : 0;
	}
	for (i = start; i < r->nframes && n < MAX_CAND; i++) {
		const struct oops_frame *f = &r->frames[i];

		/* a stall's interrupted context: "</IRQ> RIP: 0010:f" */
		if (fmt->extract == EXTRACT_STALL && start && r->has_trace_rip &&
		    r->trace_rip_at == i && n < MAX_CAND) {
			c[n].f = &r->trace_rip;
			c[n++].header = 0;
		}
		/* '?' frames are leftovers on the stack, not callers */
		if (!f->reliable)
			continue;
		if ((fmt->flags & FMT_TASK_FRAMES) && !start && any_task &&
		    f->context != OOPS_CTX_TASK)
			continue;
		c[n].f = f;
		c[n++].header = 0;
	}
	if ((fmt->flags & FMT_HDR_LAST) && r->header_function[0] &&
	    n < MAX_CAND) {
		c[n].f = NULL;
		c[n++].header = 1;
	}
	return n;
}

static const char *cand_fn(const struct oops_report *r, const struct cand *c)
{
	if (c->header == 2)
		return r->held_function;
	return c->header ? r->header_function : c->f->function;
}

static const char *cand_mod(const struct oops_report *r, const struct cand *c)
{
	if (c->header == 2)
		return r->held_module;
	return c->header ? r->header_module : c->f->module;
}

static int extract_stall(const struct oops_report *r,
			 const struct oops_format *fmt, const struct cand *c,
			 int n, const char **literal)
{
	int prev = -1;

	for (int i = 0; i < n; i++)
		if (cand_mod(r, &c[i])[0] && !skipped(fmt, cand_fn(r, &c[i])))
			return i;
	for (int i = 0; i < n; i++) {
		const char *fn = cand_fn(r, &c[i]);

		if (matches(fn, stall_anchor, ARRAY_SIZE(stall_anchor))) {
			if (strstr(fn, "smp_call_function")) {
				*literal = "smp_call_function";
				return i;
			}
			if (prev >= 0)
				return prev;
			continue;
		}
		if (!skipped(fmt, fn))
			prev = i;
	}
	return -1;
}

static int extract_hang(const struct oops_report *r,
			const struct oops_format *fmt, const struct cand *c,
			int n, const char **literal)
{
	for (int i = 0; i < n; i++) {
		char name[OOPS_FUNC_MAX];

		oops_normalize_function(cand_fn(r, &c[i]), name, sizeof(name));
		if (prefix(name, "rtnl_lock"))
			return i;
		/*
		 * The network stack waiting for RCU readers: its callers are
		 * generic teardown paths, syzbot puts them all in one bucket
		 */
		if (!strcmp(name, "synchronize_net")) {
			*literal = "synchronize_rcu";
			return i;
		}
	}
	for (int i = 0; i < n; i++) {
		const char *fn = cand_fn(r, &c[i]);

		if (!skipped(fmt, fn) &&
		    !matches(fn, hang_skip, ARRAY_SIZE(hang_skip)))
			return i;
	}
	return -1;
}

void oops_pick_guilty(struct oops_report *r, const struct oops_format *fmt)
{
	struct cand c[MAX_CAND];
	const char *literal = NULL;
	int n, i = -1;

	r->guilty_function[0] = '\0';
	r->guilty_module[0] = '\0';
	n = candidates(r, fmt, c);
	switch (fmt->extract) {
	case EXTRACT_STALL:
		i = extract_stall(r, fmt, c, n, &literal);
		for (int j = 0; i < 0 && j < n && (fmt->flags & FMT_OR_FIRST); j++)
			if (!skipped(fmt, cand_fn(r, &c[j])))
				i = j;
		break;
	case EXTRACT_HANG:
		i = extract_hang(r, fmt, c, n, &literal);
		break;
	default:
		for (int j = 0; j < n && i < 0; j++)
			if (!skipped(fmt, cand_fn(r, &c[j])))
				i = j;
		break;
	}
	if (i >= 0) {
		set_guilty(r, literal ? literal : cand_fn(r, &c[i]),
			   cand_mod(r, &c[i]));
		return;
	}
	/* SLUB reports: the allocation site when the trace is all slab */
	for (int j = 0; j < r->nalloc && (fmt->flags & FMT_ALLOC_SITE); j++) {
		if (!skipped(fmt, r->alloc_frames[j].function)) {
			set_guilty(r, r->alloc_frames[j].function,
				   r->alloc_frames[j].module);
			return;
		}
	}
	if (fmt->flags & FMT_TRACE) {
		COPY(r->guilty_function, "corrupted");
		if (!r->corrupted) {
			r->corrupted = true;
			COPY(r->corrupted_reason,
			     "no function outside the generic plumbing in its stack");
		}
	}
}
