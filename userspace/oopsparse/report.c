// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the streaming line parser: each line is stripped of its transport
 * prefixes, then starts a report (a header), continues the current one
 * or is noise.  A report stays open until the next header, a reboot
 * (Linux version banner) or the end of input, so that a later "Kernel
 * panic - not syncing" can be attached to it.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* UBSAN before 5.x: the kind is on the line after the header */
static void ubsan_description(struct oops_report *r, const char *b)
{
	static const struct {
		const char *text;
		const char *kind;
	} d[] = {
		{ "shift exponent", "shift-out-of-bounds" },
		{ "left shift of", "shift-out-of-bounds" },
		{ "is out of range for type", "array-index-out-of-bounds" },
		{ "signed integer overflow", "signed-integer-overflow" },
		{ "cannot be represented in type", "integer-overflow" },
		{ "division by zero", "divide-by-zero" },
		{ "null pointer of type", "null-ptr-deref" },
		{ "misaligned address", "misaligned-access" },
		{ "load of value", "invalid-load" },
		{ "with insufficient space", "object-size-mismatch" },
		{ "__builtin_unreachable", "unreachable" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(d); i++)
		if (strstr(b, d[i].text)) {
			COPY(r->bug_type, d[i].kind);
			return;
		}
	COPY(r->bug_type, "undefined-behaviour");
}

/* continuation of a line that slides or mail wrapped */
bool op_continuation(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	struct hdr h;

	switch (p->last) {
	case LT_MODULES:
		if (p->last_len >= 60 && op_parse_modules(p, b, true)) {
			p->last_len = strlen(b);
			return true;
		}
		p->last = LT_OTHER;
		break;
	case LT_PIDLINE:
	case LT_HWNAME:
		/* "Platform/440BX Desktop Reference Platform" */
		if (p->last_len >= 60 && !strstr(b, ": ") &&
		    !op_is_hex_dump_line(b) &&
		    r->hardware[0] && strlen(r->hardware) + strlen(b) + 2 <
		    sizeof(r->hardware)) {
			strcat(r->hardware, " ");
			strcat(r->hardware, b);
			p->last = LT_OTHER;
			return true;
		}
		break;
	case LT_WARN_NOFUNC:
		op_hdr_init(&h);
		op_hdr_sym(&h, b);
		if (h.has_sym) {
			COPY(r->header_function, h.sym.function);
			COPY(r->header_module, h.sym.module);
			p->last = LT_OTHER;
			return true;
		}
		break;
	case LT_LOCKUP_NOCOMM:
		op_hdr_init(&h);
		if (b[0] == '[' && op_parse_comm_pid_bracket(b, &h)) {
			op_set_comm(r, h.comm, strlen(h.comm));
			if (r->pid < 0)
				r->pid = h.pid;
			p->last = LT_OTHER;
			return true;
		}
		break;
	case LT_UBSAN_OLD:
		ubsan_description(r, b);
		p->last = LT_OTHER;
		return true;
	default:
		break;
	}
	return false;
}

/* lockdep: "ffff... (&lock){+.+.}-{3:3}, at: func+0x../0x.. [mod]" */
/* "dir/file.c:123 ..." */
static bool is_source_line(const char *b)
{
	const char *e = b, *dot = NULL;

	while (*e && !is_space(*e) && *e != ':') {
		if (*e == '.')
			dot = e;
		e++;
	}
	return *e == ':' && is_digit(e[1]) && dot && memchr(b, '/', e - b) &&
	       is_alpha(dot[1]);
}

static bool lockdep_at(struct oops_parser *p, struct oops_report *r,
		       const char *b)
{
	const char *at = strstr(b, ", at: ");
	struct hdr h;

	if (!at)
		at = strstr(b, "}, at: ");
	if (!at)
		return false;
	if (r->kind != OOPS_KIND_LOCKDEP || r->held_function[0])
		return true;
	/*
	 * A deadlock's functions are the locks after "... is trying to
	 * acquire [lock]:" (a "-safe -> -unsafe" report lists others
	 * before it)
	 */
	if (!strcmp(r->bug_type, "possible deadlock") && !p->lockdep_armed)
		return true;
	op_hdr_init(&h);
	at = strstr(at, "at: ") + 4;
	/* before 4.x: "at: [<ffffffff8110e5b1>] rtnl_lock+0x17/0x20" */
	if (at[0] == '[' && at[1] == '<' && strchr(at, ']'))
		at = skip_ws(strchr(at, ']') + 1);
	op_hdr_sym(&h, at);
	/* the lock being taken, then the lock already held */
	if (h.has_sym && !r->header_function[0]) {
		COPY(r->header_function, h.sym.function);
		COPY(r->header_module, h.sym.module);
	} else if (h.has_sym) {
		COPY(r->held_function, h.sym.function);
		COPY(r->held_module, h.sym.module);
	}
	return true;
}

/* "(f) from (g+off/size)": f, unless the line before named it, then g */
static void add_arm_frames(struct oops_parser *p, const struct oops_frame *f,
			   const struct oops_frame *from)
{
	struct oops_report *r = p->cur;

	if (!r->nframes || strcmp(r->frames[r->nframes - 1].function,
				  f->function))
		op_add_frame(p, f);
	if (from->function[0])
		op_add_frame(p, from);
}

static bool is_arm_saved_regs(const char *b)
{
	int n = 0;

	while ((b[0] == 'r' && is_digit(b[1])) || prefix(b, "fp:") ||
	       prefix(b, "ip:") || prefix(b, "sl:")) {
		const char *c = strchr(b, ':');

		if (!c || !is_xdigit(c[1]))
			return false;
		b = c + 1;
		while (is_xdigit(*b))
			b++;
		b = skip_ws(b);
		n++;
	}
	return n > 0 && !*b;
}

/*
 * A frame a few lines after the call trace stopped at an unknown line
 * ("binder: ... transaction failed", another CPU's message): the trace
 * goes on, as in syzkaller, which reads frames to the end of the report.
 */
static bool resume_trace(struct oops_parser *p, const char *b,
			 struct oops_frame *f)
{
	const char *q;
	bool raw;

	if (p->sec != SEC_NONE || !p->paused_at ||
	    p->lineno - p->paused_at > 8 || p->end_trace)
		return false;
	q = oops_parse_frame(b, f, &raw);
	if (!q || *q || raw) {
		struct oops_frame from;

		if (!op_parse_arm_frame(b, f, &from))
			return false;
		p->sec = SEC_MAIN;
		p->main_closed = false;
		p->paused_at = 0;
		add_arm_frames(p, f, &from);
		return true;
	}
	p->sec = SEC_MAIN;
	p->main_closed = false;
	p->paused_at = 0;
	op_add_frame(p, f);
	return true;
}


/* Returns true when the line was recognised as part of a report. */
static bool report_line(struct oops_parser *p, const char *b, bool indented)
{
	struct oops_report *r = p->cur;
	const char *q;
	struct oops_frame f, from;
	enum last_type lt;
	bool raw;

	memset(&f, 0, sizeof(f));

	/* frames first: they are most lines of a report */
	if (p->sec == SEC_MAIN || p->sec == SEC_ALLOC || p->sec == SEC_FREE ||
	    p->sec == SEC_OTHER) {
		const char *rest = op_context_marker(p, b);

		if (rest) {
			if (!*rest)
				return true;
			b = rest;
		}
		q = oops_parse_frame(b, &f, &raw);
		if (q && !*q) {
			if (!raw)
				op_add_frame(p, &f);
			/* raw x86 frames are usually ftrace/kprobe trampolines */
			return true;
		}
		/* ppc: "--- interrupt: c00 at 0x3ffff7def394" */
		if (prefix(b, "--- interrupt:") || prefix(b, "---- interrupt:"))
			return true;
		if (op_parse_arm_frame(b, &f, &from)) {
			add_arm_frames(p, &f, &from);
			return true;
		}
		/* arm: the registers a frame saved, " r7:81d67c90 r6:82222b24" */
		if (is_arm_saved_regs(b))
			return true;
		/* an inlined frame: "f include/linux/slab.h:600 [inline]" */
		if (strstr(b, " [inline]"))
			return true;
	} else if (b[0] == '<' && p->main_opened && !p->main_closed) {
		/* a marker right after an empty section */
		if (op_context_marker(p, b))
			return true;
	} else if (resume_trace(p, b, &f)) {
		return true;
	} else if (p->sec == SEC_NONE && !p->main_opened &&
		   op_parse_arm_frame(b, &f, &from)) {
		/* arm prints its frames with no "Call trace:" before them */
		op_open_section(p, SEC_MAIN);
		add_arm_frames(p, &f, &from);
		return true;
	}

	lt = p->last;
	p->last = LT_OTHER;
	if (op_info_line(p, b))
		return true;

	/* KFENCE: the access line opens the main stack */
	if (r->kind == OOPS_KIND_KFENCE && !p->main_opened &&
	    (prefix(b, "Out-of-bounds ") || prefix(b, "Use-after-free ") ||
	     prefix(b, "Invalid free of ") || prefix(b, "Corrupted memory at ") ||
	     prefix(b, "Invalid read at ") || prefix(b, "Invalid write at "))) {
		if (strstr(b, " write at "))
			COPY(r->access, "Write");
		else if (strstr(b, " read at "))
			COPY(r->access, "Read");
		op_open_section(p, SEC_MAIN);
		return true;
	}
	if (r->kind == OOPS_KIND_KFENCE && (q = strstr(b, "cache=")) &&
	    prefix(b, "kfence-#")) {
		const char *e = q + 6;

		while (*e && !is_space(*e) && *e != ',')
			e++;
		if (!r->slab_cache[0])
			COPYN(r->slab_cache, q + 6, e - q - 6);
		return true;
	}

	/* SLUB: "[INFO: ]0x...-0x... @offset=N. First byte 0x5c instead of 0xcc" */
	if ((q = strstr(b, "First byte 0x"))) {
		if (r->first_byte < 0)
			r->first_byte = (int)oops_hex(q + 11, NULL);
		return true;
	}
	if (op_parse_ip_line(p, b))
		return true;
	if (op_is_register_line(b)) {
		op_parse_ppc_regs(p, b);
		if (prefix(b, "RSP: ") || prefix(b, "RAX: "))
			op_set_arch(p, "x86_64", 3);
		else if (prefix(b, "ESP: ") || prefix(b, "EAX: "))
			op_set_arch(p, "i386", 3);
		return true;
	}
	if (r->kind == OOPS_KIND_KASAN || r->kind == OOPS_KIND_KFENCE) {
		if (prefix(b, "Read ") || prefix(b, "Write ") ||
		    prefix(b, "Free of addr ")) {
			op_kasan_access_line(p, b);
			return true;
		}
	}
	if ((q = strstr(b, "belongs to the cache "))) {
		const char *e = q + 21;

		while (*e && !is_space(*e))
			e++;
		if (!r->slab_cache[0])
			COPYN(r->slab_cache, q + 21, e - q - 21);
		return true;
	}
	if (r->kind == OOPS_KIND_LOCKDEP) {
		if (lockdep_at(p, r, b))
			return true;
		/*
		 * "include/linux/rcupdate.h:414 suspicious rcu_dereference_check()
		 * usage!", "./include/linux/rcupdate.h:302 Illegal context switch
		 * in RCU read-side critical section!": the first FILE:LINE
		 */
		if (!r->src_file[0] && (((q = strstr(b, " suspicious ")) &&
		    strstr(q, "usage!")) ||
		    (!strcmp(r->bug_type, "suspicious RCU usage") &&
		     is_source_line(b)))) {
			char file[256];
			int line = -1;

			if (op_parse_file_line(b, file, sizeof(file), &line)) {
				COPY(r->src_file, op_source_path(file));
				r->src_line = line;
			}
			return true;
		}
		if ((q = strstr(b, " is trying to acquire")) ||
		    (q = strstr(b, " just changed the state of lock")) ||
		    (q = strstr(b, " is trying to release lock ")) ||
		    (q = strstr(b, " takes:"))) {
			char comm[64] = "";
			long pid = -1;

			p->lockdep_armed = true;
			op_parse_comm_slash_pid(b, ' ', comm, sizeof(comm), &pid);
			if (comm[0])
				op_set_comm(r, comm, strlen(comm));
			if (r->pid < 0)
				r->pid = pid;
			return true;
		}
		/* "6.1.0 #1 Not tainted" */
		if (is_digit(b[0])) {
			const char *t = strstr(b, " Not tainted");

			if (!t)
				t = strstr(b, " Tainted: ");
			if (t && !r->kernel[0]) {
				const char *e = b;

				while (*e && !is_space(*e))
					e++;
				COPYN(r->kernel, b, e - b);
				op_parse_taint(p, skip_ws(t));
				return true;
			}
		}
	}
	if (p->sec == SEC_STACK && op_is_hex_dump_line(b))
		return true;
	if (prefix(b, "NMI backtrace for cpu") || prefix(b, "Sending NMI from") ||
	    prefix(b, "Workqueue: ") || prefix(b, "PGD ") ||
	    prefix(b, "Faulting instruction address:") ||
	    prefix(b, "Instruction dump:") || prefix(b, "Supported: "))
		return true;
	(void)indented;
	/* nothing else: maybe the rest of a line that was wrapped */
	if (lt != LT_OTHER) {
		p->last = lt;
		return op_continuation(p, b);
	}
	return false;
}

static void in_report(struct oops_parser *p, const char *b, bool indented)
{
	struct oops_report *r = p->cur;

	if (p->done)
		return;
	/* after an attached panic, its own dump_stack adds nothing */
	if (p->panic_tail && (r->nframes > 0 || p->main_closed)) {
		if (prefix(b, "---[ end Kernel panic") ||
		    prefix(b, "Kernel Offset:") || prefix(b, "Rebooting in")) {
			r->end_line = p->lineno;
			p->last_relevant = p->lineno;
		}
		return;
	}
	if (report_line(p, b, indented)) {
		r->end_line = p->lineno;
		p->last_relevant = p->lineno;
		return;
	}
	/*
	 * An unknown line ends a stack (old kernels have no </TASK>), but
	 * the call trace may go on after another CPU's or a driver's lines
	 * printed into it: see resume_trace().
	 */
	if (p->sec == SEC_MAIN && !p->in_task_block)
		p->paused_at = p->lineno;
	if (p->sec != SEC_NONE && p->sec != SEC_STACK &&
	    !(p->sec == SEC_MAIN && p->in_task_block))
		op_close_section(p);
	else if (p->sec == SEC_STACK)
		p->sec = SEC_NONE;
	if (p->end_trace && !p->panic_tail)
		p->done = true;
	if ((p->main_closed || r->kind == OOPS_KIND_WQ_LOCKUP) &&
	    p->lineno - p->last_relevant > 64)
		p->done = true;
}

/*
 * A header after what another CPU or program left on the line, with its
 * own printk time: "ffff8801d5eef730[   45.871305] BUG: KASAN: ..."
 */
static enum oops_kind midline_header(struct oops_parser *p, const char *b,
				     struct hdr *h)
{
	const char *q = b;

	for (int i = 0; i < 3 && (q = strchr(q + 1, '[')); i++) {
		const char *t = q + 1, *r;
		bool foreign, indented, stamped;

		while (*t == ' ')
			t++;
		if (!is_digit(*t))
			continue;
		while (is_digit(*t))
			t++;
		if (*t != '.' || !is_digit(t[1]))
			continue;
		r = op_strip_prefixes(q, &foreign, &indented, &stamped);
		if (r != q && !foreign)
			return op_detect_header(p->first, r, h);
	}
	return OOPS_KIND_NONE;
}

static void process_line(struct oops_parser *p, char *line)
{
	bool foreign, indented;
	const char *b;
	size_t n = strlen(line);
	enum oops_kind k;
	struct hdr h;

	while (n && (line[n - 1] == '\r' || line[n - 1] == '\n' ||
		     is_space(line[n - 1])))
		line[--n] = '\0';
	b = op_strip_prefixes(line, &foreign, &indented, &p->line_stamped);
	if (foreign)
		return;
	if (!*b) {
		/* blank lines end KFENCE/KASAN stacks */
		if (p->active && p->sec != SEC_NONE &&
		    !(p->sec == SEC_MAIN && p->in_task_block))
			op_close_section(p);
		if (p->active && p->last != LT_MODULES)
			p->last = LT_OTHER;
		return;
	}
	if (prefix(b, "Linux version ") && is_digit(b[14])) {
		const char *e = b + 14;

		while (*e && !is_space(*e))
			e++;
		if (p->active)
			op_end_report(p, END_BOOT);
		COPYN(p->boot_kernel, b + 14, e - b - 14);
		p->sep_line = 0;
		return;
	}
	k = op_detect_header(p->first, b, &h);
	if (k == OOPS_KIND_NONE)
		k = midline_header(p, b, &h);
	if (k != OOPS_KIND_NONE) {
		op_on_header(p, k, &h);
		return;
	}
	if (op_is_separator(b)) {
		p->sep_line = p->lineno;
		if (p->active && !p->done && p->sec == SEC_NONE)
			p->cur->end_line = p->cur->end_line;
		return;
	}
	if (p->active && p->stamped && !p->line_stamped) {
		/*
		 * A line without the prefix every line of this report has is
		 * not the kernel's: a program writing to the same serial
		 * console, a shell prompt.  It must neither end the trace nor
		 * name the guilty frame.  Only a pasted log's wrapped line
		 * continues the line before it.
		 */
		if (!p->done && p->last != LT_OTHER && op_continuation(p, b))
			p->cur->end_line = p->lineno;
		return;
	}
	if (p->active)
		in_report(p, b, indented);
}

/* ------------------------------------------------------------------ */
/* public API                                                          */

struct oops_parser *oops_parser_new(oops_report_cb cb, void *arg)
{
	struct oops_parser *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->cur = calloc(1, sizeof(*p->cur));
	if (!p->cur) {
		free(p);
		return NULL;
	}
	p->cb = cb;
	p->arg = arg;
	op_header_index(p->first);
	return p;
}

static void flush_line(struct oops_parser *p)
{
	p->line[p->len] = '\0';
	p->lineno++;
	process_line(p, p->line);
	p->len = 0;
	p->overflow = false;
}

void oops_parser_feed(struct oops_parser *p, const char *buf, size_t len)
{
	const char *end = buf + len;

	while (buf < end) {
		const char *nl = memchr(buf, '\n', (size_t)(end - buf));
		size_t n = nl ? (size_t)(nl - buf) : (size_t)(end - buf);
		size_t room = OOPS_LINE_MAX - 1 - p->len;

		if (n > room) {
			p->overflow = true;
			memcpy(p->line + p->len, buf, room);
			p->len += room;
		} else {
			memcpy(p->line + p->len, buf, n);
			p->len += n;
		}
		/* NUL bytes would hide the rest of the line: make them spaces */
		for (size_t i = p->len - (n > room ? room : n); i < p->len; i++)
			if (!p->line[i])
				p->line[i] = ' ';
		if (!nl)
			break;
		flush_line(p);
		buf = nl + 1;
	}
}

void oops_parser_finish(struct oops_parser *p)
{
	if (p->len)
		flush_line(p);
	if (p->active)
		op_end_report(p, END_EOF);
}

unsigned long oops_parser_reports(const struct oops_parser *p)
{
	return p->nreports;
}

void oops_parser_free(struct oops_parser *p)
{
	if (!p)
		return;
	free(p->cur);
	free(p);
}
