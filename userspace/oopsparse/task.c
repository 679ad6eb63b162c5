// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the task, machine, taint and module lines of a report, and the
 * other lines every report kind shares.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

void op_set_arch(struct oops_parser *p, const char *arch, int strength)
{
	if (strength > p->arch_strength) {
		COPY(p->cur->arch, arch);
		p->arch_strength = strength;
	}
}

static void arch_from_version(struct oops_parser *p, const char *v)
{
	if (strstr(v, "x86_64") || strstr(v, "amd64"))
		op_set_arch(p, "x86_64", 2);
	else if (strstr(v, "ppc64") || strstr(v, "powerpc64"))
		op_set_arch(p, "ppc64", 2);
	else if (strstr(v, "aarch64") || strstr(v, "arm64"))
		op_set_arch(p, "arm64", 2);
	else if (strstr(v, "i686") || strstr(v, "i386") || strstr(v, ".686"))
		op_set_arch(p, "i386", 2);
}

/*
 * s points at "Tainted: FLAGS VERSION #N ..." or "Not tainted VERSION ...".
 * Returns the position after the version (at " #N"), or NULL.
 */
const char *op_parse_taint(struct oops_parser *p, const char *s)
{
	struct oops_report *r = p->cur;
	const char *q, *v, *e;

	if ((q = prefix(s, "Not tainted"))) {
		if (!r->taint_known) {
			r->taint_known = true;
			r->tainted = false;
		}
		v = skip_ws(q);
	} else if ((q = prefix(s, "Tainted: "))) {
		const char *f = q;

		if (*q == '[') {
			/* 6.x verbose: "Tainted: [S]=CPU_OUT_OF_SPEC, [D]=DIE" */
			for (; *q; q++)
				if (q[0] == '[' && is_upper(q[1]) && q[2] == ']')
					r->taint_mask |= 1u << (q[1] - 'A');
			return NULL;
		}
		while (is_upper(*q) || *q == ' ' || *q == '-')
			q++;
		if (!r->taint_known) {
			const char *fe = q;

			while (fe > f && is_space(fe[-1]))
				fe--;
			r->taint_known = true;
			r->tainted = true;
			COPYN(r->taint, f, fe - f);
			for (const char *c = f; c < fe; c++)
				if (is_upper(*c))
					r->taint_mask |= 1u << (*c - 'A');
		}
		v = skip_ws(q);
	} else {
		return NULL;
	}
	if (*v == '(')
		v++;
	if (!is_digit(*v))
		return NULL;
	e = v;
	while (*e && !is_space(*e) && *e != ')')
		e++;
	if (!r->kernel[0]) {
		COPYN(r->kernel, v, e - v);
		arch_from_version(p, r->kernel);
	}
	return e;
}

/* text after the taint/version of a "Pid:" line: " #1 HARDWARE" */
static void hardware_after_version(struct oops_report *r, const char *e)
{
	e = skip_ws(e);
	if (*e == ')')
		e = skip_ws(e + 1);
	if (*e == '#') {
		while (*e && !is_space(*e))
			e++;
		e = skip_ws(e);
		if (*e && !r->hardware[0])
			COPY(r->hardware, e);
	}
}

void op_set_comm(struct oops_report *r, const char *s, size_t n)
{
	if (!r->comm[0])
		COPYN(r->comm, s, n);
}

/* "CPU: 0 PID: 1 Comm: x Tainted: ..." and variants */
bool op_parse_cpu_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c, *e;

	if (!(q = prefix(b, "CPU: ")) || !is_digit(*q))
		return false;
	c = strstr(q, " PID: ");
	if (!c)
		return false;
	if (r->cpu < 0)
		r->cpu = (int)op_parse_long(q, NULL);
	if (r->pid < 0)
		r->pid = op_parse_long(c + 6, NULL);
	c = strstr(c, " Comm: ");
	if (!c)
		return true;
	c += 7;
	e = strstr(c, " Tainted: ");
	q = strstr(c, " Not tainted");
	if (!e || (q && q < e))
		e = q;
	q = strstr(c, " Kdump: loaded");
	if (q && (!e || q < e))
		op_set_comm(r, c, q - c);
	else if (e)
		op_set_comm(r, c, e - c);
	else
		op_set_comm(r, c, strlen(c));
	if (e)
		op_parse_taint(p, skip_ws(e));
	return true;
}

/* 2.6/3.x: "Pid: 27392, comm: wsssr_defence_d Not tainted 2.6.32 #1 HW" */
bool op_parse_pid_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c, *e, *t;

	if (!(q = prefix(b, "Pid: ")) || !is_digit(*q))
		return false;
	c = strstr(q, ", comm: ");
	if (!c)
		return false;
	if (r->pid < 0)
		r->pid = op_parse_long(q, NULL);
	c += 8;
	e = strstr(c, " Tainted: ");
	t = strstr(c, " Not tainted");
	if (!e || (t && t < e))
		e = t;
	if (!e) {
		/* comm then maybe nothing */
		const char *ce = c;

		while (*ce && !is_space(*ce))
			ce++;
		op_set_comm(r, c, ce - c);
		return true;
	}
	op_set_comm(r, c, e - c);
	t = op_parse_taint(p, skip_ws(e));
	if (t)
		hardware_after_version(r, t);
	return true;
}

/* "Process a.out (pid: 5114, threadinfo ..., task ...)" */
bool op_parse_process_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c;

	if (!(q = prefix(b, "Process ")))
		return false;
	c = strstr(q, " (pid: ");
	if (!c)
		return false;
	op_set_comm(r, q, c - q);
	if (r->pid < 0)
		r->pid = op_parse_long(c + 7, NULL);
	return true;
}

static bool is_mod_char(char c)
{
	return is_sym_char(c) || c == '-';
}

/* one "name(FLAGS)" token; returns end or NULL */
static const char *module_token(const char *s, struct oops_module *m)
{
	const char *e = s;

	while (is_mod_char(*e))
		e++;
	if (e == s)
		return NULL;
	copy_n(m->name, sizeof(m->name), s, e - s);
	m->flags[0] = '\0';
	if (*e == '(') {
		const char *close = strchr(e, ')');

		if (!close)
			return NULL;
		copy_n(m->flags, sizeof(m->flags), e + 1, close - e - 1);
		e = close + 1;
	}
	if (*e && !is_space(*e))
		return NULL;
	return e;
}

void op_last_unloaded(struct oops_report *r, const char *s)
{
	const char *e = s;

	while (is_mod_char(*e))
		e++;
	if (!r->last_unloaded[0])
		COPYN(r->last_unloaded, s, e - s);
}

/*
 * Module tokens after "Modules linked in:" (or a wrapped continuation).
 * With check, only accept a line made entirely of module tokens.
 */
bool op_parse_modules(struct oops_parser *p, const char *s, bool check)
{
	struct oops_report *r = p->cur;
	struct oops_module m;
	const char *q;

	if (check) {
		int n = 0;

		for (q = skip_ws(s); *q; q = skip_ws(q)) {
			if (*q == '[')
				return n > 0 && prefix(q, "[last unloaded: ");
			if (prefix(q, "<...>")) {
				q += 5;
				continue;
			}
			q = module_token(q, &m);
			if (!q)
				return false;
			n++;
		}
		if (!n)
			return false;
	}
	for (q = skip_ws(s); *q; q = skip_ws(q)) {
		const char *lu;

		if ((lu = prefix(q, "[last unloaded: "))) {
			op_last_unloaded(r, lu);
			break;
		}
		if (*q == '[' || *q == '<') {
			while (*q && !is_space(*q))
				q++;
			continue;
		}
		{
			const char *e = module_token(q, &m);

			if (!e) {
				while (*q && !is_space(*q))
					q++;
				continue;
			}
			q = e;
		}
		/* a module is listed once; skip duplicates (repeated line) */
		{
			bool dup = false;

			for (int i = 0; i < r->nmodules; i++)
				if (!strcmp(r->modules[i].name, m.name)) {
					dup = true;
					break;
				}
			if (dup)
				continue;
		}
		if (r->nmodules < OOPS_MAX_MODULES)
			r->modules[r->nmodules++] = m;
		else
			r->modules_dropped++;
	}
	return true;
}

/*
 * The lines every report kind shares: the call trace and stack headers,
 * task, taint, modules, CR2, #PF, SLUB/KASAN allocation stacks, the
 * sched_show_task() line.  Returns true when b was one of them.
 */
bool op_info_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	struct oops_frame f;
	const char *q;

	memset(&f, 0, sizeof(f));
	op_parse_fault_detail(r, b);
	/* "dffffc0000000000Call Trace:": a line ran into the next */
	if (b[0] != 'C' && (q = strstr(b, "Call Trace:")) && !q[11]) {
		op_open_section(p, SEC_MAIN);
		return true;
	}
	switch (b[0]) {
	case 'C':
		if (prefix(b, "Call Trace:") || prefix(b, "Call trace:")) {
			op_open_section(p, SEC_MAIN);
			return true;
		}
		if (prefix(b, "Code: ")) {
			/*
			 * It ends a stack, but not one that printed the RIP
			 * of an exception or interrupt inside it: the
			 * registers and the interrupted context's frames
			 * follow ("</IRQ>" or "invalid_op", "RIP: ...",
			 * "Code: ...").
			 */
			if (p->sec != SEC_NONE && !(p->sec == SEC_MAIN &&
			    (p->in_task_block || p->irq_returned ||
			     p->rip_in_trace)))
				op_close_section(p);
			return true;
		}
		if (op_parse_cpu_line(p, b))
			return true;
		if ((q = prefix(b, "CPU ")) && is_digit(*q)) {
			const char *e;
			long c = op_parse_long(q, &e);

			if (!*e || *e == ' ' || *e == ':') {
				if (r->cpu < 0)
					r->cpu = (int)c;
				return true;
			}
		}
		if (prefix(b, "CR2: ")) {
			if (r->fault.present && !r->fault.address[0]) {
				const char *a = skip_ws(b + 5);
				const char *e = a;

				while (is_xdigit(*e))
					e++;
				COPYN(r->fault.address, a, e - a);
				r->fault.addr = oops_hex(a, NULL);
			}
			return true;
		}
		break;
	case 'b':
		/* kmemleak: "backtrace:", 6.x "backtrace (crc 1a2b3c4d):" */
		if (prefix(b, "backtrace:") || prefix(b, "backtrace (crc ")) {
			op_open_section(p, SEC_MAIN);
			return true;
		}
		break;
	case 'c':
		/* kmemleak: comm "frobd", pid 5120, jiffies 4294967043 */
		if ((q = prefix(b, "comm \"")) && strstr(q, "\", pid ")) {
			const char *e = strchr(q, '"');

			op_set_comm(r, q, (size_t)(e - q));
			if (r->pid < 0)
				r->pid = op_parse_long(e + 7, NULL);
			return true;
		}
		break;
	case 'l':
		/* "BUG: workqueue leaked lock or atomic": "last function: F" */
		if ((q = prefix(b, "last function: "))) {
			struct hdr h;

			op_hdr_init(&h);
			op_hdr_sym(&h, q);
			if (!h.has_sym) {
				const char *e = q;

				while (is_sym_char(*e))
					e++;
				COPYN(h.sym.function, q, e - q);
			}
			SET_IF_EMPTY(r->header_function, h.sym.function);
			return true;
		}
		break;
	case 'B':
		if (prefix(b, "Backtrace:")) {
			op_open_section(p, SEC_MAIN);
			return true;
		}
		break;
	case 'M':
		if ((q = prefix(b, "Modules linked in:"))) {
			op_parse_modules(p, q, false);
			p->last = LT_MODULES;
			p->last_len = strlen(b);
			return true;
		}
		break;
	case '[':
		if ((q = prefix(b, "[last unloaded: "))) {
			op_last_unloaded(r, q);
			return true;
		}
		break;
	case 'H':
		if ((q = prefix(b, "Hardware name: "))) {
			if (!r->hardware[0])
				COPY(r->hardware, q);
			p->last = LT_HWNAME;
			p->last_len = strlen(b);
			if (strstr(q, "pSeries") || strstr(q, "PowerNV") ||
			    strstr(q, "POWER"))
				op_set_arch(p, "ppc64", 1);
			return true;
		}
		break;
	case 'P':
		if (op_parse_pid_line(p, b)) {
			p->last = LT_PIDLINE;
			p->last_len = strlen(b);
			return true;
		}
		if (op_parse_process_line(p, b))
			return true;
		break;
	case 'T':
	case 'N':
		if (prefix(b, "Tainted: ") || prefix(b, "Not tainted")) {
			op_parse_taint(p, b);
			return true;
		}
		break;
	case '#':
		if ((q = prefix(b, "#PF: "))) {
			op_parse_pf_line(r, q);
			r->fault.present = true;
			return true;
		}
		break;
	case '-':
		if (prefix(b, "---[ end trace")) {
			op_close_section(p);
			p->end_trace = true;
			return true;
		}
		if (prefix(b, "---[ end Kernel panic"))
			return true;
		break;
	case 'S':
		if (prefix(b, "Stack:")) {
			p->sec = SEC_STACK;
			return true;
		}
		break;
	case 'I':
		/* SLUB before 4.x: "INFO: Allocated in f+0x6e/0x120 age=0 ..." */
		if (prefix(b, "INFO: Allocated in ") ||
		    prefix(b, "INFO: Freed in ")) {
			bool alloc = b[6] == 'A';

			q = b + (alloc ? 19 : 15);
			p->sec = alloc ? SEC_ALLOC : SEC_FREE;
			if (oops_parse_symbol(q, &f) && f.function[0]) {
				f.reliable = true;
				op_add_frame(p, &f);
			}
			return true;
		}
		break;
	case 'A':
		if (prefix(b, "Allocated by task ") ||
		    prefix(b, "Allocated in ")) {
			p->sec = SEC_ALLOC;
			if ((q = prefix(b, "Allocated in "))) {
				if (oops_parse_symbol(q, &f) && f.function[0]) {
					f.reliable = true;
					op_add_frame(p, &f);
				}
			}
			return true;
		}
		break;
	case 'F':
		if (prefix(b, "Freed by task ") || prefix(b, "Freed in ")) {
			p->sec = SEC_FREE;
			if ((q = prefix(b, "Freed in "))) {
				if (oops_parse_symbol(q, &f) && f.function[0]) {
					f.reliable = true;
					op_add_frame(p, &f);
				}
			}
			return true;
		}
		break;
	case 'a':
		if (prefix(b, "allocated by task ")) {
			p->sec = SEC_ALLOC;
			return true;
		}
		break;
	case 'f':
		if (prefix(b, "freed by task ")) {
			p->sec = SEC_FREE;
			return true;
		}
		break;
	case 'i':
		if ((q = prefix(b, "in_atomic(): "))) {
			const char *t;

			r->in_atomic = (int)op_parse_long(q, NULL);
			t = strstr(q, "irqs_disabled(): ");
			if (t)
				r->irqs_disabled = (int)op_parse_long(t + 17, NULL);
			t = strstr(q, " pid: ");
			if (t && r->pid < 0)
				r->pid = op_parse_long(t + 6, NULL);
			t = strstr(q, " name: ");
			if (t)
				op_set_comm(r, t + 7, strlen(t + 7));
			return true;
		}
		break;
	case 't':
		/* 5.x+ sched_show_task: "task:crond state:D stack:0 pid:..." */
		if ((q = prefix(b, "task:"))) {
			const char *st = strstr(q, " state:");
			const char *pid = strstr(q, " pid:");

			if (st) {
				size_t n = (size_t)(st - q);

				while (n && is_space(q[n - 1]))
					n--;
				op_set_comm(r, q, n);
				if (pid && r->pid < 0)
					r->pid = op_parse_long(skip_ws(pid + 5), NULL);
				return true;
			}
		}
		break;
	case 'K':
		if (prefix(b, "Kernel Offset:") || prefix(b, "Kernel panic"))
			return true;
		if ((q = prefix(b, "KASAN: ")) && r->kind == OOPS_KIND_GPF) {
			/* "KASAN: null-ptr-deref in range [...]" */
			const char *in = strstr(q, " in range");

			if (in && !r->bug_type[0])
				COPYN(r->bug_type, q, in - q);
			return true;
		}
		break;
	case 'O':
		if ((q = prefix(b, "Out-of-bounds ")) ||
		    (q = prefix(b, "Use-after-free ")) ||
		    (q = prefix(b, "Invalid free of ")) ||
		    (q = prefix(b, "Corrupted memory at ")) ||
		    (q = prefix(b, "Invalid read at ")) ||
		    (q = prefix(b, "Invalid write at "))) {
			break;
		}
		break;
	default:
		break;
	}
	return false;
}
