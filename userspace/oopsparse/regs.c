// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: registers and fault decoding: RIP/EIP/NIP/pc/LR lines, register
 * dumps, #PF lines, the die() code, the fault a header describes, KASAN
 * and KFENCE access lines.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "formats.h"

/* register-dump lines: "RAX: ...", "NIP:  c000...", "GPR00: ..." */
bool op_is_register_line(const char *b)
{
	const char *p = b;

	if (!is_upper(*p))
		return false;
	while (is_upper(*p) || is_digit(*p) || *p == '_')
		p++;
	if (p - b > 12 || *p != ':')
		return false;
	p = skip_ws(p + 1);
	return is_xdigit(*p) || *p == '[' || *p == '(';
}

bool op_is_hex_dump_line(const char *b)
{
	int words = 0;

	if (prefix(b, "<d>"))
		b = skip_ws(b + 3);
	while (*b) {
		const char *e = b;

		if (*e == '<' || *e == '(')
			e++;
		while (is_xdigit(*e))
			e++;
		if (*e == '>' || *e == ')')
			e++;
		if (e == b || (*e && !is_space(*e)))
			return false;
		words++;
		b = skip_ws(e);
	}
	return words > 0;
}

/* RIP/NIP/EIP/pc lines; only the first kernel-mode symbolised one counts */
bool op_parse_ip_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	struct oops_frame f;
	const char *q, *s = NULL;
	bool lr = false;
	bool user = false;

	if ((q = prefix(b, "RIP: "))) {
		op_set_arch(p, "x86_64", 3);
		/* "RIP: 0010:func+.." or "RIP: 0010:[<addr>]  [<addr>] func" */
		if (is_xdigit(q[0]) && q[4] == ':') {
			unsigned long cs = (unsigned long)oops_hex(q, NULL);

			user = (cs & 3) != 0;
			q += 5;
		}
		s = q;
	} else if ((q = prefix(b, "EIP: "))) {
		op_set_arch(p, "i386", 3);
		if (is_xdigit(q[0]) && q[4] == ':') {
			unsigned long cs = (unsigned long)oops_hex(q, NULL);

			user = (cs & 3) != 0;
			q += 5;
		}
		s = q;
	} else if ((q = prefix(b, "EIP is at "))) {
		op_set_arch(p, "i386", 3);
		s = q;
	} else if ((q = prefix(b, "RIP ")) || (q = prefix(b, "RIP  "))) {
		op_set_arch(p, "x86_64", 3);
		s = q;
	} else if ((q = prefix(b, "IP: "))) {
		s = q;
	} else if ((q = prefix(b, "NIP [")) || (q = prefix(b, "NIP  ["))) {
		s = q - 1;
	} else if ((q = prefix(b, "LR [")) || (q = prefix(b, "LR  ["))) {
		s = q - 1;
		lr = true;
	} else if ((q = prefix(b, "pc : "))) {
		/* arm: "pc : [<80b10c70>]    lr : [<...>]", arm64: "pc : f+off" */
		op_set_arch(p, q[0] == '[' ? "arm" : "arm64", 3);
		s = q;
	} else if ((q = prefix(b, "lr : "))) {
		s = q;
		lr = true;
	} else if ((q = prefix(b, "PC is at "))) {
		/* arm, arm64 before 4.x */
		s = q;
	} else if ((q = prefix(b, "LR is at "))) {
		s = q;
		lr = true;
	} else {
		return false;
	}
	if (user)
		return true;
	{
		bool raw;
		const char *e;

		/* skip "[<addr>]" groups, then a symbol */
		e = oops_parse_frame(s, &f, &raw);
		if (!e) {
			/* "0010:[<addr>] EFLAGS: ..." (i386) has no symbol */
			return true;
		}
		if (raw || !f.function[0])
			return true;
		f.reliable = true;
		f.context = OOPS_CTX_TASK;
	}
	if (lr) {
		if (!r->has_lr && !r->has_rip)
			return true;
		if (!r->has_lr) {
			r->lr = f;
			r->has_lr = true;
		}
		return true;
	}
	if (!r->has_rip) {
		r->rip = f;
		r->has_rip = true;
	}
	/* the interrupted context of a stack that went through an IRQ */
	if (p->sec == SEC_MAIN)
		p->rip_in_trace = true;
	if (p->sec == SEC_MAIN && !r->has_trace_rip) {
		r->trace_rip = f;
		r->has_trace_rip = true;
		r->trace_rip_at = r->nframes;
	}
	return true;
}

void op_parse_ppc_regs(struct oops_parser *p, const char *b)
{
	const char *q;

	if ((q = prefix(b, "NIP: ")) || (q = prefix(b, "NIP:  "))) {
		const char *e;

		q = skip_ws(q);
		e = q;
		while (is_xdigit(*e))
			e++;
		op_set_arch(p, e - q > 8 ? "ppc64" : "ppc", 3);
	} else if ((q = prefix(b, "REGS: "))) {
		const char *t = strstr(q, "Tainted: ");

		if (!t)
			t = strstr(q, "Not tainted");
		if (t)
			op_parse_taint(p, t);
	}
}

void op_parse_pf_line(struct oops_report *r, const char *q)
{
	/* "#PF: supervisor write access in kernel mode" */
	if (prefix(q, "user "))
		r->fault.user = 1;
	else if (prefix(q, "supervisor "))
		r->fault.user = 0;
	if (strstr(q, "instruction fetch")) {
		r->fault.instruction = 1;
		r->fault.write = 0;
	} else if (strstr(q, "write access")) {
		r->fault.write = 1;
		r->fault.instruction = 0;
	} else if (strstr(q, "read access")) {
		r->fault.write = 0;
		r->fault.instruction = 0;
	}
	/* "#PF: error_code(0x0003) - permissions violation" */
	if ((q = prefix(q, "error_code("))) {
		const char *e;

		r->fault.error_code = (long)oops_hex(q, &e);
	}
}

/*
 * What the other architectures say of a fault below its header, as x86's
 * "#PF:" lines do: arm64's ESR decoding ("  FSC = 0x0f: level 3
 * permission fault", "  CM = 0, WnR = 1"), powerpc's DSISR in the
 * register dump ("CFAR: ... DAR: ... DSISR: 0a000000": 0x08000000
 * protection fault, 0x02000000 a store).  Only fills what is unknown.
 */
void op_parse_fault_detail(struct oops_report *r, const char *b)
{
	const char *q;

	if (r->kind != OOPS_KIND_PAGING && r->kind != OOPS_KIND_NULL_DEREF &&
	    r->kind != OOPS_KIND_OOPS)
		return;
	b = skip_ws(b);
	if (prefix(b, "FSC = 0x")) {
		if (r->fault.protection < 0 && strstr(b, " permission fault"))
			r->fault.protection = 1;
		else if (r->fault.protection < 0 && strstr(b, " translation fault"))
			r->fault.protection = 0;
	} else if ((q = strstr(b, "WnR = ")) && (q[6] == '0' || q[6] == '1')) {
		if (r->fault.write < 0)
			r->fault.write = q[6] == '1';
	} else if ((q = strstr(b, "DSISR: "))) {
		unsigned long dsisr = (unsigned long)oops_hex(q + 7, NULL);

		if (r->fault.protection < 0)
			r->fault.protection = !!(dsisr & 0x08000000);
		if (r->fault.write < 0)
			r->fault.write = !!(dsisr & 0x02000000);
	}
}

void op_oops_code(struct oops_parser *p, const char *code)
{
	struct oops_report *r = p->cur;

	if (!r->oops_code[0])
		COPY(r->oops_code, code);
	/* x86 page fault "Oops: 0003 [#1]": the #PF error code */
	if ((r->kind == OOPS_KIND_PAGING || r->kind == OOPS_KIND_NULL_DEREF ||
	     r->kind == OOPS_KIND_OOPS) &&
	    r->fault.error_code < 0 && op_is_die_suffix(code) &&
	    is_xdigit(code[3]) && code[4] == ' ' &&
	    strcmp(r->arch, "arm64") && strncmp(r->arch, "ppc", 3)) {
		r->fault.error_code = (long)oops_hex(code, NULL);
	}
}

void op_fault_from_hdr(struct oops_report *r, const struct hdr *h)
{
	r->fault.present = true;
	if (h->has_addr) {
		COPY(r->fault.address, h->addr);
		r->fault.addr = oops_hex(h->addr, NULL);
	}
	if (h->write >= 0)
		r->fault.write = h->write;
	if (h->instr >= 0)
		r->fault.instruction = h->instr;
	if (h->prot >= 0)
		r->fault.protection = h->prot;
	/* "kernel ... access" messages are about kernel-mode faults */
	if (strstr(h->text, "kernel") || strstr(h->text, "Kernel"))
		r->fault.user = 0;
}

void op_kasan_access_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *t;

	/* "Write of size 1 at addr ffff... by task x/123" */
	if ((q = prefix(b, "Read of size ")) || (q = prefix(b, "Write of size "))) {
		if (!r->access[0])
			COPYN(r->access, b, b[0] == 'R' ? 4 : 5);
		if (r->access_size < 0)
			r->access_size = op_parse_long(q, NULL);
	} else if (prefix(b, "Read at addr ") || prefix(b, "Write at addr ")) {
		if (!r->access[0])
			COPYN(r->access, b, b[0] == 'R' ? 4 : 5);
	} else if (!prefix(b, "Free of addr ")) {
		return;
	}
	t = strstr(b, " by task ");
	if (t) {
		char comm[64] = "";
		long pid = -1;

		op_parse_comm_slash_pid(t + 9, '\0', comm, sizeof(comm), &pid);
		if (comm[0])
			op_set_comm(r, comm, strlen(comm));
		if (r->pid < 0)
			r->pid = pid;
	}
	q = strstr(b, " addr ");
	if (q && !r->fault.address[0]) {
		const char *e = q = skip_ws(q + 6);

		while (is_xdigit(*e))
			e++;
		COPYN(r->fault.address, q, e - q);
		r->fault.addr = oops_hex(q, NULL);
	}
}

/* ------------------------------------------------------------------ */
/* the headers of faults and die() lines (rows of formats.c)            */

enum oops_kind hp_paging(const char *b, const char *rest, struct hdr *h,
			 enum oops_kind kind)
{
	const char *r;

	(void)rest;
	(void)kind;
	/* x86 old */
	if ((r = prefix(b, "BUG: unable to handle kernel paging request at "))) {
		op_hdr_addr(h, r);
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "BUG: unable to handle kernel NULL pointer dereference at "))) {
		op_hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	/* x86 >= 4.20 */
	if ((r = prefix(b, "BUG: unable to handle page fault for address: "))) {
		op_hdr_addr(h, r);
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "BUG: kernel NULL pointer dereference, address: "))) {
		op_hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	if (prefix(b, "BUG: unable to handle kernel ")) {
		r = strstr(b, " at ");
		if (r)
			op_hdr_addr(h, r + 4);
		return OOPS_KIND_PAGING;
	}
	/* powerpc >= 5.x: "BUG: %s on %s at 0x%08lx" / "BUG: %s at 0x%08lx" */
	if (prefix(b, "BUG: Unable to handle kernel data access") ||
	    prefix(b, "BUG: Kernel NULL pointer dereference") ||
	    prefix(b, "BUG: Unable to handle kernel instruction fetch") ||
	    prefix(b, "BUG: Unable to handle kernel unaligned access") ||
	    prefix(b, "BUG: Unable to handle unknown paging fault")) {
		r = strstr(b, " at ");
		if (r)
			op_hdr_addr(h, r + 4);
		if (strstr(b, " on write "))
			h->write = 1;
		else if (strstr(b, " on read "))
			h->write = 0;
		else if (strstr(b, " on execute "))
			h->instr = 1;
		if (strstr(b, "instruction fetch"))
			h->instr = 1;
		return prefix(b, "BUG: Kernel NULL") ? OOPS_KIND_NULL_DEREF :
						      OOPS_KIND_PAGING;
	}
	/* powerpc old, arm, arm64 */
	if ((r = prefix(b, "Unable to handle kernel paging request for "))) {
		const char *a = strstr(r, " at address ");

		if (a)
			op_hdr_addr(h, a + 12);
		if (prefix(r, "instruction fetch"))
			h->instr = 1;
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "Unable to handle kernel NULL pointer dereference at virtual address "))) {
		op_hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	if (prefix(b, "Unable to handle kernel ") &&
	    (r = strstr(b, " at virtual address "))) {
		op_hdr_addr(h, r + 20);
		if (strstr(b, "execute"))
			h->instr = 1;
		else if (strstr(b, "write"))
			h->write = 1;
		/* arm64 "write to read-only memory": a permission fault */
		if (strstr(b, "read-only memory"))
			h->prot = 1;
		return OOPS_KIND_PAGING;
	}
	return OOPS_KIND_NONE;
}

/* "Oops: ..." and friends: the die() line.  b starts after "Oops: ". */
static enum oops_kind die_line(const char *b, struct hdr *h)
{
	const char *r;

	if ((r = prefix(b, "general protection fault")) ||
	    (r = prefix(b, "segment-related general protection fault"))) {
		const char *a = strstr(r, "address 0x");

		if (a)
			op_hdr_addr(h, a + 8);
		r = strstr(b, ": ");
		if (r)
			COPY(h->code, r + 2);
		return OOPS_KIND_GPF;
	}
	if ((r = prefix(b, "invalid opcode: "))) {
		COPY(h->code, r);
		h->die_line = true;
		return OOPS_KIND_INVALID_OPCODE;
	}
	if ((r = prefix(b, "divide error: "))) {
		COPY(h->code, r);
		return OOPS_KIND_DIVIDE;
	}
	return OOPS_KIND_NONE;
}

/* "Oops: ..." and 6.12's doubled "Oops: Oops: 0003 [#1]" */
enum oops_kind hp_oops(const char *s, const char *r, struct hdr *h,
		       enum oops_kind k)
{
	const char *q;
	enum oops_kind d;

	(void)s;
	if ((q = prefix(r, "Oops: ")) && op_is_die_suffix(q)) {
		/* 6.12 x86 page fault: "Oops: Oops: 0003 [#1]" */
		COPY(h->code, q);
		h->die_line = true;
		return k;
	}
	if ((d = die_line(r, h)) != OOPS_KIND_NONE)
		return d;
	/* "Oops: 0003 [#1]", "Oops: Kernel access of bad area, sig: 11 [#1]" */
	if (!strstr(r, "[#"))
		return OOPS_KIND_NONE;
	COPY(h->code, r);
	h->die_line = true;
	return k;
}

/* arm/arm64: "Internal error: Oops: 96000005 [#1] SMP" */
enum oops_kind hp_internal_error(const char *s, const char *r, struct hdr *h,
				 enum oops_kind k)
{
	(void)s;
	if (!strstr(r, "[#"))
		return OOPS_KIND_NONE;
	if (*r == ':')
		r = skip_ws(r + 1);
	COPY(h->code, r);
	h->die_line = true;
	return k;
}

/* a bare die() line: only with the "NNNN [#N]" suffix, not any prose */
enum oops_kind hp_die(const char *s, const char *r, struct hdr *h,
		      enum oops_kind k)
{
	const char *c = strchr(s, ':');
	enum oops_kind d;

	(void)r;
	d = die_line(s, h);
	if (d == OOPS_KIND_GPF)
		return strstr(s, "[#") ? d : OOPS_KIND_NONE;
	if (d == OOPS_KIND_NONE)
		d = k;	/* "stack segment: 0000 [#1]", "int3: 0000 [#1]" */
	if (c && op_is_die_suffix(skip_ws(c + 1))) {
		if (!h->code[0])
			COPY(h->code, skip_ws(c + 1));
		return d;
	}
	return OOPS_KIND_NONE;
}
