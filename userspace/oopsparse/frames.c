// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: stack frames, every arch: symbols, frame lines, stack sections and
 * their context markers.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

unsigned long long oops_hex(const char *s, const char **end)
{
	unsigned long long v = 0;
	int n = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	while (is_xdigit(*s)) {
		char c = *s++;
		unsigned int d = is_digit(c) ? (unsigned int)(c - '0') :
			(unsigned int)((c | 0x20) - 'a' + 10);

		if (n++ < 16)
			v = (v << 4) | d;
	}
	if (end)
		*end = s;
	return v;
}

long op_parse_long(const char *s, const char **end)
{
	long v = 0;
	bool neg = false;
	int n = 0;

	if (*s == '-') {
		neg = true;
		s++;
	}
	while (is_digit(*s)) {
		if (n++ < 18)
			v = v * 10 + (*s - '0');
		s++;
	}
	if (end)
		*end = s;
	return neg ? -v : v;
}

/*
 * Parse "name+0xOFF/0xSIZE [module]" (size and module optional) or a raw
 * "0xADDRESS".  Returns the position after what was parsed, or NULL.
 */
const char *oops_parse_symbol(const char *s, struct oops_frame *f)
{
	const char *p = s, *q;
	size_t n;

	f->function[0] = '\0';
	f->module[0] = '\0';
	f->has_offset = false;
	f->offset = f->size = 0;

	if (p[0] == '0' && p[1] == 'x' && is_xdigit(p[2])) {
		/* raw address: no symbol */
		unsigned long long a = oops_hex(p, &q);

		if (is_sym_char(*q) || *q == '+')
			return NULL;
		if (!f->address)
			f->address = a;
		return q;
	}
	if (*p == ':' && is_sym_start(p[1])) {
		/* 2.6.18 x86-64: ":module:function+0x42/0x100" */
		const char *m = p + 1, *e = m;

		while (is_sym_char(*e) || *e == '-')
			e++;
		if (*e != ':' || !is_sym_start(e[1]))
			return NULL;
		q = oops_parse_symbol(e + 1, f);
		if (!q || !f->function[0])
			return NULL;
		COPYN(f->module, m, e - m);
		return q;
	}
	if (!is_sym_start(*p))
		return NULL;
	while (is_sym_char(*p))
		p++;
	if (*p != '+' || p[1] != '0' || p[2] != 'x')
		return NULL;
	n = (size_t)(p - s);
	COPYN(f->function, s, n);
	f->offset = oops_hex(p + 1, &q);
	f->has_offset = true;
	p = q;
	if (*p == '/' && p[1] == '0' && p[2] == 'x') {
		f->size = oops_hex(p + 1, &q);
		p = q;
	}
	/* " [module]" or " [module buildid]" */
	q = skip_ws(p);
	if (*q == '[' && (is_sym_start(q[1]) || is_digit(q[1]))) {
		const char *m = q + 1, *e = m;

		while (is_sym_char(*e) || *e == '-')
			e++;
		if (*e == ']' || *e == ' ') {
			const char *close = strchr(e, ']');

			if (close) {
				COPYN(f->module, m, e - m);
				p = close + 1;
			}
		}
	}
	return p;
}

/* symbolized frames: " mm/slub.c:4314", " include/linux/slab.h:600 [inline]" */
static const char *skip_source(const char *p)
{
	const char *e = p, *colon = NULL;

	while (*e && !is_space(*e)) {
		if (*e == ':' && is_digit(e[1]))
			colon = e;
		e++;
	}
	if (!colon || !memchr(p, '.', (size_t)(colon - p)))
		return p;
	p = skip_ws(e);
	if (prefix(p, "[inline]"))
		p = skip_ws(p + 8);
	return p;
}

/*
 * Parse one stack frame as printed by any of the supported formats:
 *   x86 old:  [<ffffffff81559d05>] ? schedule_timeout+0x215/0x2f0 [mod]
 *   x86 new:  ? schedule_timeout+0x215/0x2f0 [mod]
 *   powerpc:  [c00000018a4a7b40] [c0003d00002b0acc] func+0x24/0x60 [mod]
 *             [c00000018a4a7ae0] [c00000018a4a7b20] 0xc000... (unreliable)
 * Returns the end of the frame or NULL.  *raw is set for frames without
 * a symbol.
 */
const char *oops_parse_frame(const char *s, struct oops_frame *f, bool *raw)
{
	const char *p = skip_ws(s), *q;
	bool brackets = false;

	memset(f, 0, sizeof(*f));
	f->reliable = true;
	*raw = false;
	while (*p == '[') {
		const char *in = p + 1;
		const char *close = strchr(in, ']');
		unsigned long long a;

		if (!close)
			return NULL;
		if (*in == '<') {
			a = oops_hex(in + 1, &q);
			if (q == in + 1 || *q != '>' || q + 1 != close)
				return NULL;
		} else {
			a = oops_hex(in, &q);
			if (q == in || q != close)
				return NULL;
		}
		f->address = a;
		brackets = true;
		p = skip_ws(close + 1);
	}
	if (p[0] == '?' && p[1] == ' ') {
		f->reliable = false;
		p = skip_ws(p + 2);
	}
	q = oops_parse_symbol(p, f);
	if (!q)
		return NULL;
	if (!f->function[0]) {
		*raw = true;
		/* a bare hex number is only a frame when bracketed or 0x.. */
		(void)brackets;
	}
	p = skip_ws(q);
	if (prefix(p, "(unreliable)")) {
		f->reliable = false;
		p += strlen("(unreliable)");
	}
	/* arm64 6.x: where the unwinder found it, "(T)", "(L)", "(K)" */
	if (p[0] == '(' && is_upper(p[1]) && p[2] == ')')
		p = skip_ws(p + 3);
	return skip_source(p);
}

/*
 * arm: "[<8062eec8>] (n_tty_set_termios) from [<80632588>] (tty_set_termios+0x1bc/0x230)",
 * 5.x+ "n_tty_set_termios from tty_set_termios+0x1bc/0x230": the frame is
 * the function before "from".
 */
bool op_parse_arm_frame(const char *s, struct oops_frame *f,
			struct oops_frame *from)
{
	const char *p = skip_ws(s), *n, *e, *g;

	memset(f, 0, sizeof(*f));
	memset(from, 0, sizeof(*from));
	f->reliable = from->reliable = true;
	if (p[0] == '[' && p[1] == '<') {
		const char *close = strchr(p, ']');

		if (!close)
			return false;
		f->address = oops_hex(p + 2, NULL);
		p = skip_ws(close + 1);
		if (*p != '(')
			return false;
		n = p + 1;
		e = strchr(n, ')');
		if (!e || !prefix(e, ") from "))
			return false;
		g = skip_ws(e + 7);
		if (g[0] == '[' && (g = strchr(g, ']')))
			g = skip_ws(g + 1);
		if (g && *g == '(')
			g++;
	} else {
		n = p;
		e = strstr(n, " from ");
		if (!e || !is_sym_start(*n))
			return false;
		for (const char *c = n; c < e; c++)
			if (!is_sym_char(*c))
				return false;
		if (!strstr(e, "+0x"))
			return false;
		g = e + 6;
	}
	if (e == n || !is_sym_start(*n))
		return false;
	/* "(frob_ioctl [frob])": a module's function */
	{
		const char *sp = memchr(n, ' ', (size_t)(e - n));

		if (sp && sp[1] == '[') {
			const char *ce = memchr(sp, ']', (size_t)(e - sp));

			if (ce)
				COPYN(f->module, sp + 2, ce - sp - 2);
			e = sp;
		}
	}
	COPYN(f->function, n, e - n);
	/* the caller: "(tty_set_termios+0x1bc/0x230)" */
	if (g && !oops_parse_symbol(g, from))
		from->function[0] = '\0';
	from->reliable = true;
	return true;
}

void op_add_frame(struct oops_parser *p, const struct oops_frame *f)
{
	struct oops_report *r = p->cur;
	struct oops_frame *dst = NULL;

	switch (p->sec) {
	case SEC_MAIN:
		if (r->nframes < OOPS_MAX_FRAMES)
			dst = &r->frames[r->nframes++];
		else
			r->frames_dropped++;
		break;
	case SEC_ALLOC:
		if (r->nalloc < OOPS_MAX_AUX_FRAMES)
			dst = &r->alloc_frames[r->nalloc++];
		break;
	case SEC_FREE:
		if (r->nfree < OOPS_MAX_AUX_FRAMES)
			dst = &r->free_frames[r->nfree++];
		break;
	default:
		break;
	}
	if (dst) {
		*dst = *f;
		dst->context = (unsigned char)p->ctx;
	}
	if (p->sec == SEC_MAIN &&
	    (p->ctx != OOPS_CTX_TASK || strstr(f->function, "apic_timer_interrupt") ||
	     strstr(f->function, "el1h_64_irq")))
		p->main_irq = true;
}

void op_open_section(struct oops_parser *p, enum section s)
{
	if (s == SEC_MAIN) {
		if (p->main_opened && p->cur->kind == OOPS_KIND_RCU_STALL &&
		    !p->main_irq) {
			/*
			 * An RCU stall prints the stacks of the grace-period
			 * kthread and of the tasks it waits for before the
			 * stalled CPU's: the stack to go by is the one the
			 * timer interrupt caught.
			 */
			p->cur->nframes = 0;
			p->cur->frames_dropped = 0;
			p->main_closed = false;
			p->ctx = OOPS_CTX_TASK;
		} else if (p->main_opened) {
			s = SEC_OTHER;
		} else {
			p->main_opened = true;
			p->ctx = OOPS_CTX_TASK;
		}
	}
	p->sec = s;
}

void op_close_section(struct oops_parser *p)
{
	if (p->sec != SEC_MAIN)
		p->paused_at = 0;
	if (p->sec == SEC_MAIN)
		p->main_closed = true;
	p->sec = SEC_NONE;
	p->in_task_block = false;
}

/* Stack context markers; returns the rest of the line or NULL. */
const char *op_context_marker(struct oops_parser *p, const char *b)
{
	static const struct {
		const char *m;
		int ctx;
		int task;	/* 1 opens, -1 closes the <TASK> block */
	} mk[] = {
		{ "<IRQ>", OOPS_CTX_IRQ, 0 },
		{ "</IRQ>", OOPS_CTX_TASK, 0 },
		{ "<SOFTIRQ>", OOPS_CTX_SOFTIRQ, 0 },
		{ "</SOFTIRQ>", OOPS_CTX_IRQ, 0 },
		{ "<NMI>", OOPS_CTX_NMI, 0 },
		{ "</NMI>", OOPS_CTX_TASK, 0 },
		{ "<TASK>", OOPS_CTX_TASK, 1 },
		{ "</TASK>", OOPS_CTX_TASK, -1 },
		{ "<EOI>", OOPS_CTX_TASK, 0 },
		{ "<<EOE>>", OOPS_CTX_TASK, 0 },
		{ "<EOE>", OOPS_CTX_TASK, 0 },
		{ "<#DF>", OOPS_CTX_EXCEPTION, 0 },
		{ "</#DF>", OOPS_CTX_TASK, 0 },
		{ "<#MC>", OOPS_CTX_EXCEPTION, 0 },
		{ "</#MC>", OOPS_CTX_TASK, 0 },
		{ "<#DB>", OOPS_CTX_EXCEPTION, 0 },
		{ "</#DB>", OOPS_CTX_TASK, 0 },
		{ "<ENTRY_TRAMPOLINE>", OOPS_CTX_TASK, 0 },
		{ "</ENTRY_TRAMPOLINE>", OOPS_CTX_TASK, 0 },
	};

	if (b[0] != '<')
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(mk); i++) {
		const char *r = prefix(b, mk[i].m);

		if (r) {
			if (p->ctx != OOPS_CTX_TASK &&
			    mk[i].ctx == OOPS_CTX_TASK && p->sec == SEC_MAIN)
				p->irq_returned = true;
			p->ctx = mk[i].ctx;
			if (mk[i].task > 0)
				p->in_task_block = true;
			else if (mk[i].task < 0)
				p->in_task_block = false;
			if (mk[i].task < 0 && p->sec == SEC_MAIN)
				op_close_section(p);
			r = skip_ws(r);
			/* "<IRQ> [  420.408595]  [<ffffffff814249f9>] f+0x1/0x2" */
			if (*r == '[') {
				bool foreign, indented, stamped;

				r = op_strip_prefixes(r, &foreign, &indented,
						      &stamped);
			}
			return r;
		}
	}
	return NULL;
}
