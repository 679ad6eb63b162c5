// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: report assembly: starting a report at a header, merging the
 * headers the kernel prints for the same event, ending it.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "formats.h"

static void reset_state(struct oops_parser *p)
{
	p->sec = SEC_NONE;
	p->main_opened = false;
	p->main_closed = false;
	p->main_irq = false;
	p->irq_returned = false;
	p->rip_in_trace = false;
	p->lockdep_armed = false;
	p->paused_at = 0;
	p->in_task_block = false;
	p->ctx = OOPS_CTX_TASK;
	p->seen_die = false;
	p->end_trace = false;
	p->panic_tail = false;
	p->done = false;
	p->last = LT_OTHER;
	p->arch_strength = 0;
}

static void report_reset(struct oops_report *r)
{
	memset(r, 0, offsetof(struct oops_report, frames));
	r->pid = -1;
	r->cpu = -1;
	r->src_line = -1;
	r->access_size = -1;
	r->irqs_disabled = -1;
	r->in_atomic = -1;
	r->first_byte = -1;
	r->fault.error_code = -1;
	r->fault.protection = OOPS_UNKNOWN;
	r->fault.write = OOPS_UNKNOWN;
	r->fault.user = OOPS_UNKNOWN;
	r->fault.reserved = OOPS_UNKNOWN;
	r->fault.instruction = OOPS_UNKNOWN;
}

static bool has_trace(const struct oops_parser *p)
{
	return p->cur->nframes > 0 || p->cur->has_rip;
}

void op_set_corrupted(struct oops_report *r, const char *why)
{
	if (r->corrupted)
		return;
	r->corrupted = true;
	COPY(r->corrupted_reason, why);
}


static void start_report(struct oops_parser *p, enum oops_kind k,
			 const struct hdr *h);

void op_end_report(struct oops_parser *p, enum end_cause cause)
{
	struct oops_report *r = p->cur;
	char why[160];

	if (!p->active)
		return;
	p->active = false;
	if ((oops_format_of(r)->flags & FMT_TRACE) && !has_trace(p) &&
	    !r->panicked) {
		switch (cause) {
		case END_HEADER:
			xsnprintf(why, sizeof(why),
				 "interrupted at line %lu by another report before its call trace (interleaved or truncated)",
				 p->lineno);
			break;
		case END_BOOT:
			xsnprintf(why, sizeof(why),
				 "truncated: the machine rebooted (line %lu) before the call trace",
				 p->lineno);
			break;
		default:
			xsnprintf(why, sizeof(why),
				 "truncated: the input ends before the call trace");
			break;
		}
		op_set_corrupted(r, why);
	}
	if (!r->kernel[0] && p->boot_kernel[0])
		COPY(r->kernel, p->boot_kernel);
	if (!r->end_line)
		r->end_line = r->start_line;
	oops_report_analyze(r);
	p->nreports++;
	if (p->cb)
		p->cb(r, p->arg);
	/* a one-line report that was printed into this one's trace */
	if (p->has_pend) {
		unsigned long now = p->lineno;

		p->has_pend = false;
		p->lineno = p->pend_line;
		start_report(p, p->pend.kind, &p->pend);
		p->lineno = now;
		op_end_report(p, cause);
	}
}

/*
 * Distro kernels built from a packaging tree print absolute paths
 * ("/usr/src/packages/BUILD/kernel-default-3.0.101/linux-3.0/ipc/shm.c"):
 * keep the path relative to the kernel tree.
 */
const char *op_source_path(const char *f)
{
	const char *p, *best = NULL;

	/* out-of-tree builds (O=...) print "../include/linux/bitops.h" */
	while (f[0] == '.' && f[1] == '.' && f[2] == '/')
		f += 3;
	if (f[0] != '/')
		return f;
	for (p = f; (p = strstr(p, "/linux-")); p++)
		if (is_digit(p[7]) || !strncmp(p + 7, "source", 6))
			best = p;
	if (best && (p = strchr(best + 1, '/')) && p[1])
		return p + 1;
	return f;
}

/* SLUB's "BUG cache (Tainted: G    B      OE     ): ..." / "(Not tainted)" */
static void slab_taint(struct oops_report *r, const char *t)
{
	size_t n;

	if (r->taint_known)
		return;
	if (prefix(t, "Not tainted")) {
		r->taint_known = true;
		return;
	}
	t = prefix(t, "Tainted: ");
	if (!t)
		return;
	n = strlen(t);
	while (n && is_space(t[n - 1]))
		n--;
	r->taint_known = true;
	r->tainted = true;
	COPYN(r->taint, t, n);
	for (size_t i = 0; i < n; i++)
		if (is_upper(t[i]))
			r->taint_mask |= 1u << (t[i] - 'A');
}

static void apply_header(struct oops_parser *p, enum oops_kind k,
			 const struct hdr *h)
{
	struct oops_report *r = p->cur;

	if (h->comm[0] && !r->comm[0])
		COPY(r->comm, h->comm);
	if (h->pid >= 0 && r->pid < 0)
		r->pid = h->pid;
	if (h->cpu >= 0 && r->cpu < 0)
		r->cpu = h->cpu;
	if (h->file[0] && !r->src_file[0]) {
		COPY(r->src_file, op_source_path(h->file));
		r->src_line = h->line;
	}
	if (h->has_sym && !r->header_function[0]) {
		COPY(r->header_function, h->sym.function);
		COPY(r->header_module, h->sym.module);
	}
	if (h->bug_type[0] && !r->bug_type[0])
		COPY(r->bug_type, h->bug_type);
	if (h->detail[0] && !r->detail[0])
		COPY(r->detail, h->detail);
	if (h->cache[0] && !r->slab_cache[0])
		COPY(r->slab_cache, h->cache);
	switch (k) {
	case OOPS_KIND_PAGING:
	case OOPS_KIND_NULL_DEREF:
		op_fault_from_hdr(r, h);
		break;
	case OOPS_KIND_GPF:
		if (h->has_addr) {
			r->fault.present = true;
			COPY(r->fault.address, h->addr);
			r->fault.addr = oops_hex(h->addr, NULL);
		}
		if (h->code[0] && !r->oops_code[0])
			COPY(r->oops_code, h->code);
		break;
	case OOPS_KIND_SLAB:
		slab_taint(r, h->code);
		break;
	case OOPS_KIND_OOPS:
	case OOPS_KIND_INVALID_OPCODE:
	case OOPS_KIND_DIVIDE:
		if (h->code[0])
			op_oops_code(p, h->code);
		break;
	default:
		break;
	}
}

static void start_report(struct oops_parser *p, enum oops_kind k,
			 const struct hdr *h)
{
	struct oops_report *r = p->cur;

	report_reset(r);
	reset_state(p);
	p->active = true;
	p->stamped = p->line_stamped;
	r->kind = k;
	COPY(r->header, h->text);
	r->start_line = p->lineno;
	/* a "cut here"/"=====" line just before belongs to the report */
	if (p->sep_line && p->sep_line + 2 >= p->lineno)
		r->start_line = p->sep_line;
	r->end_line = p->lineno;
	p->last_relevant = p->lineno;
	p->sep_line = 0;
	if (k == OOPS_KIND_OOPS && h->die_line) {
		/* the header line is missing: x86 "Oops: NNNN" is a #PF */
		p->seen_die = true;
		if (op_is_die_suffix(h->code)) {
			r->kind = OOPS_KIND_PAGING;
			r->fault.present = true;
		}
	}
	if (k == OOPS_KIND_INVALID_OPCODE)
		p->seen_die = true;
	if (h->panic) {
		r->panicked = true;
		r->panic_line = p->lineno;
		COPY(r->panic_reason, h->detail);
		if (k == OOPS_KIND_PANIC)
			COPY(r->detail, h->detail);
	}
	apply_header(p, r->kind, h);
	/* KMSAN prints its stack right after the header */
	if (h->fmt && (h->fmt->flags & FMT_STACK_NEXT))
		op_open_section(p, SEC_MAIN);
	if (k == OOPS_KIND_SOFT_LOCKUP && !h->comm[0])
		p->last = LT_LOCKUP_NOCOMM;
	if (k == OOPS_KIND_WARNING && !h->has_sym)
		p->last = LT_WARN_NOFUNC;
	if (k == OOPS_KIND_UBSAN && !h->bug_type[0])
		p->last = LT_UBSAN_OLD;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static bool kind_in(enum oops_kind k, enum oops_kind one,
		    const enum oops_kind *any, size_t n)
{
	if (one != OOPS_KIND_NONE)
		return k == one;
	for (size_t i = 0; i < n && any[i] != OOPS_KIND_NONE; i++)
		if (any[i] == k)
			return true;
	return false;
}

static bool absorb_applies(const struct oops_absorb *a,
			   const struct oops_report *r, enum oops_kind k,
			   const struct hdr *h)
{
	bool ok;

	if (!kind_in(r->kind, a->report, a->report_any,
		     ARRAY_SIZE(a->report_any)))
		return false;
	if (a->flags & ABS_DIE)
		return h->die_line;
	if (a->header != OOPS_KIND_NONE && k != a->header &&
	    (a->header_alt == OOPS_KIND_NONE || k != a->header_alt))
		return false;
	if (a->flags & ABS_REP_FILE)
		return ends_with(r->src_file, a->file);
	if (a->flags & ABS_REP_FUNC)
		return strstr(r->header_function, a->func[0]) != NULL;
	if (!(a->flags & ABS_HDR_FILE))
		return true;
	if (a->flags & ABS_HDR_FUNC) {
		/* in the file, or in one of the functions */
		ok = strstr(h->file, a->file) != NULL;
		for (size_t i = 0; !ok && i < ARRAY_SIZE(a->func) &&
		     a->func[i]; i++)
			ok = h->has_sym && !strcmp(h->sym.function, a->func[i]);
		return ok;
	}
	return ends_with(h->file, a->file) || !h->file[0];
}

/* Can header h continue the current report instead of starting one? */
static bool merge_header(struct oops_parser *p, enum oops_kind k,
			 const struct hdr *h)
{
	struct oops_report *r = p->cur;
	bool early = r->nframes == 0 && !p->main_opened &&
		     p->lineno - r->start_line <= 40;

	if (!early)
		return false;
	for (size_t i = 0; i < oops_nabsorbs; i++) {
		const struct oops_absorb *a = &oops_absorbs[i];

		if (!absorb_applies(a, r, k, h))
			continue;
		if (a->flags & ABS_DIE) {
			if (p->seen_die)
				continue;
			p->seen_die = true;
			if (h->code[0])
				op_oops_code(p, h->code);
			return true;
		}
		if (a->flags & ABS_TASK_ONLY) {
			if (h->cpu >= 0 && r->cpu < 0)
				r->cpu = h->cpu;
			if (h->pid >= 0 && r->pid < 0)
				r->pid = h->pid;
			return true;
		}
		if (a->become != OOPS_KIND_NONE)
			r->kind = a->become;
		if (a->flags & ABS_CLEAR_FUNC)
			r->header_function[0] = '\0';
		apply_header(p, k, h);
		return true;
	}
	return false;
}

void op_on_header(struct oops_parser *p, enum oops_kind k,
		      const struct hdr *h)
{
	if (p->active) {
		struct oops_report *r = p->cur;

		if (h->panic && k == OOPS_KIND_PANIC) {
			if (!r->panicked) {
				r->panicked = true;
				r->panic_line = p->lineno;
				COPY(r->panic_reason, h->detail);
				/*
				 * The panic's own stack adds nothing to a
				 * trace; without one yet (panic_on_warn
				 * panics before the WARNING prints it), its
				 * RIP and trace are the report's.
				 */
				p->panic_tail = r->nframes > 0 ||
						p->main_closed;
				r->end_line = p->lineno;
				p->last_relevant = p->lineno;
			}
			return;
		}
		if (h->panic && k == OOPS_KIND_HARD_LOCKUP &&
		    r->kind == OOPS_KIND_HARD_LOCKUP && !r->panicked) {
			r->panicked = true;
			r->panic_line = p->lineno;
			COPY(r->panic_reason, h->detail);
			p->panic_tail = true;
			return;
		}
		if (!p->done && merge_header(p, k, h)) {
			r->end_line = p->lineno;
			p->last_relevant = p->lineno;
			return;
		}
		/*
		 * A message that is a report of its own, printed by another
		 * CPU into this report's call trace ("unregister_netdevice:
		 * waiting for lo", every 10 s): it follows this report.
		 */
		if (h->fmt && (h->fmt->flags & FMT_MESSAGE) && !p->done &&
		    p->sec == SEC_MAIN && r->nframes && !p->has_pend) {
			p->pend = *h;
			p->pend.kind = k;
			p->pend_line = p->lineno;
			p->has_pend = true;
			return;
		}
		op_end_report(p, END_HEADER);
	}
	start_report(p, k, h);
}
