// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: the streaming line parser.
 *
 * Every input line is stripped of its transport prefixes (syslog, <N>,
 * [timestamp], [T123] caller ids, dmesg -x facility) and then either starts
 * a report (a "header": the first line the kernel prints for a class of
 * bug), continues the current report (registers, Call Trace frames,
 * Modules linked in, ...) or is noise.  A report stays open until the next
 * header, a reboot (Linux version banner) or the end of input, so that a
 * later "Kernel panic - not syncing" can be attached to it.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum section {
	SEC_NONE = 0,
	SEC_MAIN,	/* Call Trace: */
	SEC_ALLOC,	/* Allocated by task / allocated by task / Allocated in */
	SEC_FREE,	/* Freed by task ... */
	SEC_OTHER,	/* a stack we do not keep (second Call Trace, ...) */
	SEC_STACK,	/* Stack: hex dump */
};

enum last_type {
	LT_OTHER = 0,
	LT_MODULES,
	LT_PIDLINE,
	LT_HWNAME,
	LT_WARN_NOFUNC,
	LT_LOCKUP_NOCOMM,
	LT_LOCKDEP_ACQ,
	LT_UBSAN_OLD,
};

struct oops_parser {
	oops_report_cb cb;
	void *arg;

	char line[OOPS_LINE_MAX];
	size_t len;
	bool overflow;

	unsigned long lineno;
	unsigned long nreports;
	char boot_kernel[128];

	struct oops_report *cur;
	bool active;

	/* state of the current report */
	enum section sec;
	bool main_opened;
	bool main_closed;
	bool in_task_block;	/* between <TASK> and </TASK> */
	int ctx;
	bool seen_die;
	bool end_trace;
	bool panic_tail;
	bool done;
	unsigned long last_relevant;
	enum last_type last;
	size_t last_len;	/* length of that line: only long lines wrap */
	unsigned long sep_line;	/* "cut here" / "=====" separator */
	int arch_strength;
	/*
	 * The report's header came with a kernel prefix (printk time, caller
	 * id, <N>, syslog "kernel:"): its other lines will too, so a bare
	 * line inside it is someone else's (see process_line()).
	 */
	bool stamped;
	bool line_stamped;	/* the line being processed has such a prefix */
};

/* ------------------------------------------------------------------ */
/* small parsing helpers                                               */

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

static long parse_long(const char *s, const char **end)
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

static bool is_sym_start(char c)
{
	return is_alpha(c) || c == '_' || c == '.' || c == '$';
}

static bool is_sym_char(char c)
{
	return is_sym_start(c) || is_digit(c);
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
	return p;
}

/* ------------------------------------------------------------------ */
/* line prefixes                                                       */

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static bool is_month(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(months); i++)
		if (!strncmp(s, months[i], 3))
			return true;
	return false;
}

/* "HH:MM:SS" */
static bool is_hms(const char *s)
{
	return is_digit(s[0]) && is_digit(s[1]) && s[2] == ':' &&
	       is_digit(s[3]) && is_digit(s[4]) && s[5] == ':' &&
	       is_digit(s[6]) && is_digit(s[7]);
}

/*
 * After a syslog date: "HOST kernel: rest" -> rest, *foreign when the
 * program is not the kernel.
 */
static const char *syslog_program(const char *p, bool *foreign)
{
	const char *host = skip_ws(p), *e = host;

	while (*e && !is_space(*e))
		e++;
	if (e == host)
		return NULL;
	e = skip_ws(e);
	if (!strncmp(e, "kernel:", 7))
		return e[7] == ' ' ? e + 8 : e + 7;
	if (!strncmp(e, "vmunix:", 7))
		return e[7] == ' ' ? e + 8 : e + 7;
	*foreign = true;
	return e;
}

/* strip one prefix, or return NULL */
static const char *strip_one(const char *s, bool *foreign)
{
	const char *p;

	/* BSD syslog: "May 23 18:36:31 host kernel: " */
	if (is_month(s) && s[3] == ' ') {
		p = s + 4;
		if (*p == ' ')
			p++;
		if (is_digit(*p))
			p++;
		if (is_digit(*p))
			p++;
		if (*p == ' ' && is_hms(p + 1))
			return syslog_program(p + 9, foreign);
	}
	/* ISO syslog: "2024-05-23T18:36:31.123+08:00 host kernel: " */
	if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-' && is_digit(s[5]) &&
	    is_digit(s[6]) && s[7] == '-' && s[10] == 'T' &&
	    is_hms(s + 11)) {
		p = s + 19;
		while (*p && !is_space(*p))
			p++;
		return syslog_program(p, foreign);
	}
	/* mail quoting: "> " / ">> " (not KASAN's ">ffff888...: fa fb") */
	if (s[0] == '>' && (s[1] == ' ' || s[1] == '>' || s[1] == '[' ||
			    s[1] == '<' || s[1] == '\0'))
		return s[1] == ' ' ? s + 2 : s + 1;
	/* /dev/kmsg record: "PRI,SEQ,USEC,FLAGS;message" */
	if (is_digit(s[0])) {
		int commas = 0;

		for (p = s; *p && *p != ';' && p - s < 48; p++) {
			if (*p == ',')
				commas++;
			else if (!is_digit(*p) && !(commas >= 3 && *p != ' '))
				break;
		}
		if (*p == ';' && commas >= 3)
			return p + 1;
	}
	/* <N> level prefix (vmcore-dmesg, dmesg -r) */
	if (s[0] == '<' && is_digit(s[1])) {
		p = s + 1;
		while (is_digit(*p) && p - s < 5)
			p++;
		if (*p == '>')
			return p + 1;
	}
	/* dmesg -x: "kern  :warn  : " */
	if (!strncmp(s, "kern", 4) || !strncmp(s, "user", 4) ||
	    !strncmp(s, "daemon", 6) || !strncmp(s, "syslog", 6)) {
		p = s;
		while (is_alpha(*p))
			p++;
		p = skip_ws(p);
		if (*p == ':') {
			p++;
			while (is_alpha(*p))
				p++;
			p = skip_ws(p);
			if (*p == ':')
				return p[1] == ' ' ? p + 2 : p + 1;
		}
	}
	if (s[0] == '[') {
		p = skip_ws(s + 1);
		/* [ 1234.567890] */
		if (is_digit(*p)) {
			while (is_digit(*p))
				p++;
			if (*p == '.' && is_digit(p[1])) {
				p++;
				while (is_digit(*p))
					p++;
				if (*p == ']')
					return p[1] == ' ' ? p + 2 : p + 1;
			}
		}
		/* caller id [ T1234] / [  C0] */
		if ((*p == 'T' || *p == 'C') && is_digit(p[1])) {
			p++;
			while (is_digit(*p))
				p++;
			if (*p == ']')
				return p[1] == ' ' ? p + 2 : p + 1;
		}
		/* dmesg -T: [Mon May 23 18:36:31 2022] */
		p = s + 1;
		if (is_alpha(p[0]) && is_alpha(p[1]) && is_alpha(p[2]) &&
		    p[3] == ' ' && is_month(p + 4)) {
			const char *close = strchr(p, ']');

			if (close && close - p < 32 && close - p > 16 &&
			    strchr(p, ':'))
				return close[1] == ' ' ? close + 2 : close + 1;
		}
	}
	return NULL;
}

/*
 * Strip every transport prefix; *stamped tells whether one of them was the
 * kernel's own (printk time, caller id, <N>, /dev/kmsg, dmesg -x/-T,
 * syslog's "kernel:"), as opposed to none or only mail quoting.
 */
static const char *strip_prefixes(const char *s, bool *foreign,
				  bool *indented, bool *stamped)
{
	const char *p;
	int i;

	*foreign = false;
	*stamped = false;
	for (i = 0; i < 6; i++) {
		p = strip_one(s, foreign);
		if (!p || *foreign)
			break;
		if (s[0] != '>')
			*stamped = true;
		s = p;
	}
	if (p && *foreign)
		s = p;
	*indented = is_space(*s);
	return skip_ws(s);
}

/* ------------------------------------------------------------------ */
/* report life cycle                                                   */

static void reset_state(struct oops_parser *p)
{
	p->sec = SEC_NONE;
	p->main_opened = false;
	p->main_closed = false;
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

static bool kind_needs_trace(enum oops_kind k)
{
	switch (k) {
	case OOPS_KIND_PANIC:
	case OOPS_KIND_WQ_LOCKUP:
	case OOPS_KIND_RCU_STALL:
	case OOPS_KIND_BUG:
		return false;
	default:
		return true;
	}
}

static bool has_trace(const struct oops_parser *p)
{
	return p->cur->nframes > 0 || p->cur->has_rip;
}

static void set_corrupted(struct oops_report *r, const char *why)
{
	if (r->corrupted)
		return;
	r->corrupted = true;
	COPY(r->corrupted_reason, why);
}

enum end_cause { END_HEADER, END_BOOT, END_EOF };

static void end_report(struct oops_parser *p, enum end_cause cause)
{
	struct oops_report *r = p->cur;
	char why[160];

	if (!p->active)
		return;
	p->active = false;
	if (kind_needs_trace(r->kind) && !has_trace(p) && !r->panicked) {
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
		set_corrupted(r, why);
	}
	if (!r->kernel[0] && p->boot_kernel[0])
		COPY(r->kernel, p->boot_kernel);
	if (!r->end_line)
		r->end_line = r->start_line;
	oops_report_analyze(r);
	p->nreports++;
	if (p->cb)
		p->cb(r, p->arg);
}

/* ------------------------------------------------------------------ */
/* headers                                                             */

struct hdr {
	enum oops_kind kind;
	bool die_line;		/* Oops:/invalid opcode: follow-up line */
	bool panic;		/* Kernel panic - not syncing */
	char text[OOPS_TEXT_MAX];
	char comm[64];
	long pid;
	int cpu;
	struct oops_frame sym;	/* function named by the header */
	bool has_sym;
	char file[256];
	int line;
	char addr[40];
	bool has_addr;
	char bug_type[64];
	char detail[OOPS_TEXT_MAX];
	char cache[64];
	char code[64];
	int write;		/* ppc "on write" */
	int instr;
};

static void hdr_init(struct hdr *h)
{
	memset(h, 0, sizeof(*h));
	h->pid = -1;
	h->cpu = -1;
	h->line = -1;
	h->write = -1;
	h->instr = -1;
}

/* "FILE:LINE" ending at '!' or space; returns true on success */
static bool parse_file_line(const char *s, char *file, size_t fsz, int *line)
{
	const char *colon = NULL, *p = s;

	while (*p && !is_space(*p) && *p != '!') {
		if (*p == ':' && is_digit(p[1]) && !colon)
			colon = p;
		p++;
	}
	if (!colon || !is_digit(colon[1]))
		return false;
	copy_n(file, fsz, s, colon - s);
	*line = (int)parse_long(colon + 1, NULL);
	return true;
}

/* "[comm:pid]" -> comm, pid */
static bool parse_comm_pid_bracket(const char *s, struct hdr *h)
{
	const char *open = strchr(s, '['), *close, *colon = NULL, *p;

	if (!open)
		return false;
	close = strrchr(open, ']');
	if (!close)
		return false;
	for (p = open + 1; p < close; p++)
		if (*p == ':')
			colon = p;
	if (!colon || !is_digit(colon[1]))
		return false;
	COPYN(h->comm, open + 1, colon - open - 1);
	h->pid = parse_long(colon + 1, NULL);
	return true;
}

/* "comm/pid" ending at end or at stop */
static void parse_comm_slash_pid(const char *s, char stop, char *comm,
				 size_t csz, long *pid)
{
	const char *e = s, *slash = NULL;

	while (*e && *e != stop && !(stop == ' ' && is_space(*e))) {
		if (*e == '/' && is_digit(e[1]))
			slash = e;
		e++;
	}
	if (!slash)
		return;
	copy_n(comm, csz, s, slash - s);
	*pid = parse_long(slash + 1, NULL);
}

static void hdr_sym(struct hdr *h, const char *s)
{
	struct oops_frame f;

	memset(&f, 0, sizeof(f));
	s = skip_ws(s);
	if (oops_parse_symbol(s, &f) && f.function[0]) {
		h->sym = f;
		h->has_sym = true;
	}
}

static void hdr_addr(struct hdr *h, const char *s)
{
	const char *e;

	s = skip_ws(s);
	if (s[0] == '(')
		s++;
	if (prefix(s, "virtual address "))
		s += 16;
	e = s;
	if (e[0] == '0' && e[1] == 'x')
		e += 2;
	while (is_xdigit(*e))
		e++;
	if (e == s)
		return;
	COPYN(h->addr, s, e - s);
	h->has_addr = true;
}

static bool is_die_suffix(const char *s)
{
	/* "0000 [#1] ..." */
	const char *p = s;

	while (is_xdigit(*p))
		p++;
	return p > s && p[0] == ' ' && p[1] == '[' && p[2] == '#';
}

static enum oops_kind lockdep_kind(const char *s, struct hdr *h)
{
	static const struct {
		const char *text;
		const char *type;
	} ld[] = {
		{ "possible circular locking dependency detected",
		  "possible deadlock" },
		{ "possible recursive locking detected", "possible deadlock" },
		{ "possible irq lock inversion dependency detected",
		  "possible deadlock" },
		{ "inconsistent lock state", "inconsistent lock state" },
		{ "bad unlock balance detected!", "bad unlock balance" },
		{ "held lock freed!", "held lock freed" },
		{ "suspicious RCU usage", "suspicious RCU usage" },
		{ "lock held when returning to user space!",
		  "lock held when returning to user space" },
		{ "Nested lock was not taken", "nested lock was not taken" },
		{ "bad contention detected!", "bad contention" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(ld); i++) {
		if (!strncmp(s, ld[i].text, strlen(ld[i].text))) {
			COPY(h->bug_type, ld[i].type);
			return OOPS_KIND_LOCKDEP;
		}
	}
	/* "%s-safe -> %s-unsafe lock order detected" */
	if (strstr(s, "-safe -> ") && strstr(s, "lock order detected")) {
		COPY(h->bug_type, "possible deadlock");
		return OOPS_KIND_LOCKDEP;
	}
	/* "%s/%d still has locks held!" */
	if (strstr(s, " still has locks held!")) {
		COPY(h->bug_type, "still has locks held");
		return OOPS_KIND_LOCKDEP;
	}
	return OOPS_KIND_NONE;
}

static enum oops_kind paging_header(const char *b, struct hdr *h)
{
	const char *r;

	/* x86 old */
	if ((r = prefix(b, "BUG: unable to handle kernel paging request at "))) {
		hdr_addr(h, r);
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "BUG: unable to handle kernel NULL pointer dereference at "))) {
		hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	/* x86 >= 4.20 */
	if ((r = prefix(b, "BUG: unable to handle page fault for address: "))) {
		hdr_addr(h, r);
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "BUG: kernel NULL pointer dereference, address: "))) {
		hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	if (prefix(b, "BUG: unable to handle kernel ")) {
		r = strstr(b, " at ");
		if (r)
			hdr_addr(h, r + 4);
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
			hdr_addr(h, r + 4);
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
			hdr_addr(h, a + 12);
		if (prefix(r, "instruction fetch"))
			h->instr = 1;
		return OOPS_KIND_PAGING;
	}
	if ((r = prefix(b, "Unable to handle kernel NULL pointer dereference at virtual address "))) {
		hdr_addr(h, r);
		return OOPS_KIND_NULL_DEREF;
	}
	if (prefix(b, "Unable to handle kernel ") &&
	    (r = strstr(b, " at virtual address "))) {
		hdr_addr(h, r + 20);
		if (strstr(b, "execute"))
			h->instr = 1;
		else if (strstr(b, "write"))
			h->write = 1;
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
			hdr_addr(h, a + 8);
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

static enum oops_kind detect_header(const char *b, struct hdr *h)
{
	const char *r, *s;
	enum oops_kind k;

	/* most lines are noise: reject them before touching h */
	switch (b[0]) {
	case 'B': case 'W': case 'N': case 'w': case 'k': case 'K': case 'I':
	case 'r': case 'g': case 'O': case 'i': case 'd': case 'U': case 'l':
	case 's': case '[': case 'E':
		break;
	default:
		return OOPS_KIND_NONE;
	}
	hdr_init(h);
	COPY(h->text, b);

	/* strip the detector's pr_fmt */
	s = b;
	if ((r = prefix(s, "watchdog: ")) || (r = prefix(s, "NMI watchdog: ")))
		s = r;
	else if ((r = prefix(s, "rcu: ")))
		s = r;

	/* soft lockup, all versions */
	if ((r = prefix(s, "BUG: soft lockup - CPU#"))) {
		h->cpu = (int)parse_long(r, NULL);
		parse_comm_pid_bracket(r, h);
		return OOPS_KIND_SOFT_LOCKUP;
	}
	if ((r = prefix(s, "BUG: soft lockup detected on CPU#"))) {
		/* 2.6.18 */
		h->cpu = (int)parse_long(r, NULL);
		return OOPS_KIND_SOFT_LOCKUP;
	}
	if ((r = prefix(s, "Watchdog detected hard LOCKUP on cpu "))) {
		h->cpu = (int)parse_long(r, NULL);
		return OOPS_KIND_HARD_LOCKUP;
	}
	if ((r = prefix(s, "Kernel panic - not syncing: "))) {
		h->panic = true;
		COPY(h->detail, r);
		if ((r = prefix(r, "Watchdog detected hard LOCKUP on cpu "))) {
			h->cpu = (int)parse_long(r, NULL);
			return OOPS_KIND_HARD_LOCKUP;
		}
		return OOPS_KIND_PANIC;
	}
	if ((r = prefix(s, "kernel BUG at "))) {
		parse_file_line(r, h->file, sizeof(h->file), &h->line);
		return OOPS_KIND_KERNEL_BUG;
	}
	if ((r = prefix(s, "Kernel BUG at "))) {
		hdr_sym(h, r);
		return OOPS_KIND_KERNEL_BUG;
	}
	if ((k = paging_header(s, h)) != OOPS_KIND_NONE)
		return k;
	if ((r = prefix(s, "BUG: KASAN: "))) {
		const char *in = strstr(r, " in ");
		const char *on = strstr(r, " on address ");

		if (in) {
			COPYN(h->bug_type, r, in - r);
			hdr_sym(h, in + 4);
		} else if (on) {
			COPYN(h->bug_type, r, on - r);
		} else {
			COPY(h->bug_type, r);
		}
		return OOPS_KIND_KASAN;
	}
	if ((r = prefix(s, "BUG: KFENCE: "))) {
		const char *in = strstr(r, " in ");

		if (in) {
			COPYN(h->bug_type, r, in - r);
			hdr_sym(h, in + 4);
		} else {
			COPY(h->bug_type, r);
		}
		return OOPS_KIND_KFENCE;
	}
	if ((r = prefix(s, "BUG: scheduling while atomic: "))) {
		/* "comm/pid/0x%08x": comm may itself contain '/' */
		const char *e = r + strlen(r), *p1 = NULL, *p2 = NULL, *c;

		for (c = r; c < e; c++)
			if (*c == '/') {
				p1 = p2;
				p2 = c;
			}
		if (p1 && p2) {
			COPYN(h->comm, r, p1 - r);
			h->pid = parse_long(p1 + 1, NULL);
			COPY(h->detail, p2 + 1);
		}
		return OOPS_KIND_SCHED_ATOMIC;
	}
	if (prefix(s, "BUG: scheduling in a non-blocking section: "))
		return OOPS_KIND_SCHED_ATOMIC;
	if ((r = prefix(s, "BUG: sleeping function called from invalid context at "))) {
		parse_file_line(r, h->file, sizeof(h->file), &h->line);
		return OOPS_KIND_SLEEP_ATOMIC;
	}
	if ((r = prefix(s, "BUG: assuming atomic context at "))) {
		parse_file_line(r, h->file, sizeof(h->file), &h->line);
		return OOPS_KIND_SLEEP_ATOMIC;
	}
	if ((r = prefix(s, "BUG: Bad page state in process "))) {
		const char *e = r;

		while (*e && !is_space(*e))
			e++;
		COPYN(h->comm, r, e - r);
		return OOPS_KIND_BAD_PAGE;
	}
	if ((r = prefix(s, "BUG: spinlock ")) || (r = prefix(s, "BUG: rwlock "))) {
		const char *on = strstr(r, " on CPU#");

		COPYN(h->detail, s + 5, on ? (on - s - 5) : -1);
		if (on) {
			const char *c;

			h->cpu = (int)parse_long(on + 8, &c);
			if (*c == ',')
				parse_comm_slash_pid(skip_ws(c + 1), ',',
						     h->comm, sizeof(h->comm),
						     &h->pid);
		}
		return OOPS_KIND_SPINLOCK;
	}
	if (prefix(s, "BUG: workqueue lockup"))
		return OOPS_KIND_WQ_LOCKUP;
	if ((r = prefix(s, "BUG ")) && *r && !is_space(*r)) {
		/* SLUB: "BUG %s (%s): %pV" and old "BUG %s: %s" */
		const char *e = r;

		while (*e && !is_space(*e) && *e != ':')
			e++;
		if ((e[0] == ' ' && e[1] == '(') || (e[0] == ':' && e[1] == ' ')) {
			const char *what = NULL;

			COPYN(h->cache, r, e - r);
			if (e[0] == ' ') {
				const char *close = strstr(e, "): ");

				if (close) {
					what = close + 3;
					COPYN(h->code, e + 2, close - e - 2);
				}
			} else {
				what = e + 2;
			}
			if (what) {
				COPY(h->detail, what);
				return OOPS_KIND_SLAB;
			}
		}
	}
	if ((r = prefix(s, "BUG: "))) {
		/* anything else the kernel calls a BUG */
		COPY(h->detail, r);
		return OOPS_KIND_BUG;
	}
	if ((r = prefix(s, "Oops: "))) {
		if ((r = prefix(r, "Oops: ")) && is_die_suffix(r)) {
			/* 6.12 x86 page fault: "Oops: Oops: 0003 [#1]" */
			COPY(h->code, r);
			h->die_line = true;
			return OOPS_KIND_OOPS;
		}
		r = s + 6;
		if ((k = die_line(r, h)) != OOPS_KIND_NONE)
			return k;
		/* "Oops: 0003 [#1]", "Oops: Kernel access of bad area, sig: 11 [#1]" */
		if (!strstr(r, "[#"))
			return OOPS_KIND_NONE;
		COPY(h->code, r);
		h->die_line = true;
		return OOPS_KIND_OOPS;
	}
	if ((r = prefix(s, "Internal error: Oops")) && strstr(r, "[#")) {
		if (*r == ':')
			r = skip_ws(r + 1);
		COPY(h->code, r);
		h->die_line = true;
		return OOPS_KIND_OOPS;
	}
	if ((k = die_line(s, h)) != OOPS_KIND_NONE) {
		/* only with the "NNNN [#N]" suffix, not any prose */
		const char *c = strchr(s, ':');

		if (k == OOPS_KIND_GPF)
			return strstr(s, "[#") ? k : OOPS_KIND_NONE;
		if (c && is_die_suffix(skip_ws(c + 1)))
			return k;
		return OOPS_KIND_NONE;
	}
	if ((r = prefix(s, "WARNING: "))) {
		const char *at;

		if ((k = lockdep_kind(r, h)) != OOPS_KIND_NONE)
			return k;
		if ((at = prefix(r, "CPU: "))) {
			const char *q;

			h->cpu = (int)parse_long(at, &q);
			q = strstr(q, "PID: ");
			if (q)
				h->pid = parse_long(q + 5, NULL);
			at = strstr(r, " at ");
			if (!at)
				return OOPS_KIND_NONE;
			at += 4;
		} else if (!(at = prefix(r, "at "))) {
			return OOPS_KIND_NONE;
		}
		/* "FILE:LINE FUNC" or just "FUNC" */
		if (parse_file_line(at, h->file, sizeof(h->file), &h->line)) {
			while (*at && !is_space(*at))
				at++;
		}
		hdr_sym(h, at);
		if (!h->has_sym) {
			/* old: "WARNING: at file:line func()" */
			const char *f = skip_ws(at), *e = f;

			while (is_sym_char(*e))
				e++;
			if (e > f && e[0] == '(' && e[1] == ')') {
				COPYN(h->sym.function, f, e - f);
				h->has_sym = true;
			}
		}
		return OOPS_KIND_WARNING;
	}
	if ((r = prefix(s, "[ INFO: ")) || (r = prefix(s, "[ BUG: "))) {
		/* lockdep before 4.x */
		if ((k = lockdep_kind(r, h)) != OOPS_KIND_NONE)
			return k;
		return OOPS_KIND_NONE;
	}
	if ((r = prefix(s, "INFO: task "))) {
		const char *bl = strstr(r, " blocked for more than ");
		const char *p, *colon = NULL;

		if (!bl)
			return OOPS_KIND_NONE;
		for (p = r; p < bl; p++)
			if (*p == ':')
				colon = p;
		if (colon) {
			COPYN(h->comm, r, colon - r);
			h->pid = parse_long(colon + 1, NULL);
		}
		return OOPS_KIND_HUNG_TASK;
	}
	if ((r = prefix(s, "INFO: rcu")) && strstr(r, "stall"))
		return OOPS_KIND_RCU_STALL;
	if (prefix(s, "INFO: "))
		return OOPS_KIND_NONE;
	if ((prefix(s, "list_add") || prefix(s, "list_del")) &&
	    (strstr(s, " corruption") || strstr(s, "double add"))) {
		COPY(h->detail, s);
		return OOPS_KIND_LIST;
	}
	if ((r = prefix(s, "UBSAN: "))) {
		const char *in = strstr(r, " in ");

		if (!in)
			return OOPS_KIND_NONE;
		COPYN(h->bug_type, r, in - r);
		if (!strcmp(h->bug_type, "Undefined behaviour"))
			h->bug_type[0] = '\0';
		parse_file_line(in + 4, h->file, sizeof(h->file), &h->line);
		return OOPS_KIND_UBSAN;
	}
	return OOPS_KIND_NONE;
}

/* ------------------------------------------------------------------ */
/* report fields                                                       */

static void set_arch(struct oops_parser *p, const char *arch, int strength)
{
	if (strength > p->arch_strength) {
		COPY(p->cur->arch, arch);
		p->arch_strength = strength;
	}
}

static void arch_from_version(struct oops_parser *p, const char *v)
{
	if (strstr(v, "x86_64") || strstr(v, "amd64"))
		set_arch(p, "x86_64", 2);
	else if (strstr(v, "ppc64") || strstr(v, "powerpc64"))
		set_arch(p, "ppc64", 2);
	else if (strstr(v, "aarch64") || strstr(v, "arm64"))
		set_arch(p, "arm64", 2);
	else if (strstr(v, "i686") || strstr(v, "i386") || strstr(v, ".686"))
		set_arch(p, "i386", 2);
}

/*
 * s points at "Tainted: FLAGS VERSION #N ..." or "Not tainted VERSION ...".
 * Returns the position after the version (at " #N"), or NULL.
 */
static const char *parse_taint(struct oops_parser *p, const char *s)
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

static void set_comm(struct oops_report *r, const char *s, size_t n)
{
	if (!r->comm[0])
		COPYN(r->comm, s, n);
}

/* "CPU: 0 PID: 1 Comm: x Tainted: ..." and variants */
static bool parse_cpu_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c, *e;

	if (!(q = prefix(b, "CPU: ")) || !is_digit(*q))
		return false;
	c = strstr(q, " PID: ");
	if (!c)
		return false;
	if (r->cpu < 0)
		r->cpu = (int)parse_long(q, NULL);
	if (r->pid < 0)
		r->pid = parse_long(c + 6, NULL);
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
		set_comm(r, c, q - c);
	else if (e)
		set_comm(r, c, e - c);
	else
		set_comm(r, c, strlen(c));
	if (e)
		parse_taint(p, skip_ws(e));
	return true;
}

/* 2.6/3.x: "Pid: 27392, comm: wsssr_defence_d Not tainted 2.6.32 #1 HW" */
static bool parse_pid_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c, *e, *t;

	if (!(q = prefix(b, "Pid: ")) || !is_digit(*q))
		return false;
	c = strstr(q, ", comm: ");
	if (!c)
		return false;
	if (r->pid < 0)
		r->pid = parse_long(q, NULL);
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
		set_comm(r, c, ce - c);
		return true;
	}
	set_comm(r, c, e - c);
	t = parse_taint(p, skip_ws(e));
	if (t)
		hardware_after_version(r, t);
	return true;
}

/* "Process a.out (pid: 5114, threadinfo ..., task ...)" */
static bool parse_process_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *c;

	if (!(q = prefix(b, "Process ")))
		return false;
	c = strstr(q, " (pid: ");
	if (!c)
		return false;
	set_comm(r, q, c - q);
	if (r->pid < 0)
		r->pid = parse_long(c + 7, NULL);
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

static void last_unloaded(struct oops_report *r, const char *s)
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
static bool parse_modules(struct oops_parser *p, const char *s, bool check)
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
			last_unloaded(r, lu);
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

static void add_frame(struct oops_parser *p, const struct oops_frame *f)
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
}

static void open_section(struct oops_parser *p, enum section s)
{
	if (s == SEC_MAIN) {
		if (p->main_opened) {
			s = SEC_OTHER;
		} else {
			p->main_opened = true;
			p->ctx = OOPS_CTX_TASK;
		}
	}
	p->sec = s;
}

static void close_section(struct oops_parser *p)
{
	if (p->sec == SEC_MAIN)
		p->main_closed = true;
	p->sec = SEC_NONE;
	p->in_task_block = false;
}

/* Stack context markers; returns the rest of the line or NULL. */
static const char *context_marker(struct oops_parser *p, const char *b)
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
			p->ctx = mk[i].ctx;
			if (mk[i].task > 0)
				p->in_task_block = true;
			else if (mk[i].task < 0)
				p->in_task_block = false;
			if (mk[i].task < 0 && p->sec == SEC_MAIN)
				close_section(p);
			return skip_ws(r);
		}
	}
	return NULL;
}

/* register-dump lines: "RAX: ...", "NIP:  c000...", "GPR00: ..." */
static bool is_register_line(const char *b)
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

static bool is_hex_dump_line(const char *b)
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
static bool parse_ip_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	struct oops_frame f;
	const char *q, *s = NULL;
	bool lr = false;
	bool user = false;

	if ((q = prefix(b, "RIP: "))) {
		set_arch(p, "x86_64", 3);
		/* "RIP: 0010:func+.." or "RIP: 0010:[<addr>]  [<addr>] func" */
		if (is_xdigit(q[0]) && q[4] == ':') {
			unsigned long cs = (unsigned long)oops_hex(q, NULL);

			user = (cs & 3) != 0;
			q += 5;
		}
		s = q;
	} else if ((q = prefix(b, "EIP: "))) {
		set_arch(p, "i386", 3);
		if (is_xdigit(q[0]) && q[4] == ':') {
			unsigned long cs = (unsigned long)oops_hex(q, NULL);

			user = (cs & 3) != 0;
			q += 5;
		}
		s = q;
	} else if ((q = prefix(b, "EIP is at "))) {
		set_arch(p, "i386", 3);
		s = q;
	} else if ((q = prefix(b, "RIP ")) || (q = prefix(b, "RIP  "))) {
		set_arch(p, "x86_64", 3);
		s = q;
	} else if ((q = prefix(b, "IP: "))) {
		s = q;
	} else if ((q = prefix(b, "NIP [")) || (q = prefix(b, "NIP  ["))) {
		s = q - 1;
	} else if ((q = prefix(b, "LR [")) || (q = prefix(b, "LR  ["))) {
		s = q - 1;
		lr = true;
	} else if ((q = prefix(b, "pc : "))) {
		set_arch(p, "arm64", 3);
		s = q;
	} else if ((q = prefix(b, "lr : "))) {
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
	return true;
}

static void parse_ppc_regs(struct oops_parser *p, const char *b)
{
	const char *q;

	if ((q = prefix(b, "NIP: ")) || (q = prefix(b, "NIP:  "))) {
		const char *e;

		q = skip_ws(q);
		e = q;
		while (is_xdigit(*e))
			e++;
		set_arch(p, e - q > 8 ? "ppc64" : "ppc", 3);
	} else if ((q = prefix(b, "REGS: "))) {
		const char *t = strstr(q, "Tainted: ");

		if (!t)
			t = strstr(q, "Not tainted");
		if (t)
			parse_taint(p, t);
	}
}

static void parse_pf_line(struct oops_report *r, const char *q)
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

static void oops_code(struct oops_parser *p, const char *code)
{
	struct oops_report *r = p->cur;

	if (!r->oops_code[0])
		COPY(r->oops_code, code);
	/* x86 page fault "Oops: 0003 [#1]": the #PF error code */
	if ((r->kind == OOPS_KIND_PAGING || r->kind == OOPS_KIND_NULL_DEREF ||
	     r->kind == OOPS_KIND_OOPS) &&
	    r->fault.error_code < 0 && is_die_suffix(code) &&
	    is_xdigit(code[3]) && code[4] == ' ' &&
	    strcmp(r->arch, "arm64") && strncmp(r->arch, "ppc", 3)) {
		r->fault.error_code = (long)oops_hex(code, NULL);
	}
}

/* ------------------------------------------------------------------ */
/* starting and merging reports                                        */

static void fault_from_hdr(struct oops_report *r, const struct hdr *h)
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
	/* "kernel ... access" messages are about kernel-mode faults */
	if (strstr(h->text, "kernel") || strstr(h->text, "Kernel"))
		r->fault.user = 0;
}

/*
 * Distro kernels built from a packaging tree print absolute paths
 * ("/usr/src/packages/BUILD/kernel-default-3.0.101/linux-3.0/ipc/shm.c"):
 * keep the path relative to the kernel tree.
 */
static const char *source_path(const char *f)
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
		COPY(r->src_file, source_path(h->file));
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
		fault_from_hdr(r, h);
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
			oops_code(p, h->code);
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
		if (is_die_suffix(h->code)) {
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
	if (k == OOPS_KIND_SOFT_LOCKUP && !h->comm[0])
		p->last = LT_LOCKUP_NOCOMM;
	if (k == OOPS_KIND_WARNING && !h->has_sym)
		p->last = LT_WARN_NOFUNC;
	if (k == OOPS_KIND_UBSAN && !h->bug_type[0])
		p->last = LT_UBSAN_OLD;
}

static bool is_list_file(const char *f)
{
	size_t n = strlen(f);

	return n >= 16 && !strcmp(f + n - 16, "lib/list_debug.c");
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
	/* "Oops: 0003 [#1]" / "invalid opcode: 0000 [#1]" after the header */
	if (h->die_line && !p->seen_die &&
	    (r->kind == OOPS_KIND_PAGING || r->kind == OOPS_KIND_NULL_DEREF ||
	     r->kind == OOPS_KIND_KERNEL_BUG || r->kind == OOPS_KIND_LIST ||
	     r->kind == OOPS_KIND_BUG)) {
		p->seen_die = true;
		if (h->code[0])
			oops_code(p, h->code);
		return true;
	}
	/* list corruption message, then the WARN/BUG in lib/list_debug.c */
	if (r->kind == OOPS_KIND_LIST &&
	    (k == OOPS_KIND_WARNING || k == OOPS_KIND_KERNEL_BUG) &&
	    (is_list_file(h->file) || !h->file[0])) {
		apply_header(p, k, h);
		return true;
	}
	/* old kernels: WARNING at lib/list_debug.c, then the message */
	if (k == OOPS_KIND_LIST &&
	    (r->kind == OOPS_KIND_WARNING || r->kind == OOPS_KIND_KERNEL_BUG) &&
	    is_list_file(r->src_file)) {
		r->kind = OOPS_KIND_LIST;
		apply_header(p, k, h);
		return true;
	}
	/* 6.12 SLUB: object_err()/slab_err() end with a WARN in mm/slub.c */
	if (r->kind == OOPS_KIND_SLAB && k == OOPS_KIND_WARNING &&
	    (strstr(h->file, "mm/slub.c") ||
	     (h->has_sym && (!strcmp(h->sym.function, "object_err") ||
			     !strcmp(h->sym.function, "slab_err"))))) {
		if (h->cpu >= 0 && r->cpu < 0)
			r->cpu = h->cpu;
		if (h->pid >= 0 && r->pid < 0)
			r->pid = h->pid;
		return true;
	}
	/* 3.x hard lockup: WARN in watchdog_overflow_callback + message */
	if (k == OOPS_KIND_HARD_LOCKUP && r->kind == OOPS_KIND_WARNING &&
	    strstr(r->header_function, "watchdog")) {
		r->kind = OOPS_KIND_HARD_LOCKUP;
		r->header_function[0] = '\0';
		apply_header(p, k, h);
		return true;
	}
	return false;
}

static void on_header(struct oops_parser *p, enum oops_kind k,
		      const struct hdr *h)
{
	if (p->active) {
		struct oops_report *r = p->cur;

		if (h->panic && k == OOPS_KIND_PANIC) {
			if (!r->panicked) {
				r->panicked = true;
				r->panic_line = p->lineno;
				COPY(r->panic_reason, h->detail);
				p->panic_tail = true;
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
		end_report(p, END_HEADER);
	}
	start_report(p, k, h);
}

/* ------------------------------------------------------------------ */
/* lines inside a report                                               */

static void kasan_access_line(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	const char *q, *t;

	/* "Write of size 1 at addr ffff... by task x/123" */
	if ((q = prefix(b, "Read of size ")) || (q = prefix(b, "Write of size "))) {
		if (!r->access[0])
			COPYN(r->access, b, b[0] == 'R' ? 4 : 5);
		if (r->access_size < 0)
			r->access_size = parse_long(q, NULL);
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

		parse_comm_slash_pid(t + 9, '\0', comm, sizeof(comm), &pid);
		if (comm[0])
			set_comm(r, comm, strlen(comm));
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
static bool continuation(struct oops_parser *p, const char *b)
{
	struct oops_report *r = p->cur;
	struct hdr h;

	switch (p->last) {
	case LT_MODULES:
		if (p->last_len >= 60 && parse_modules(p, b, true)) {
			p->last_len = strlen(b);
			return true;
		}
		p->last = LT_OTHER;
		break;
	case LT_PIDLINE:
	case LT_HWNAME:
		/* "Platform/440BX Desktop Reference Platform" */
		if (p->last_len >= 60 && !strstr(b, ": ") &&
		    !is_hex_dump_line(b) &&
		    r->hardware[0] && strlen(r->hardware) + strlen(b) + 2 <
		    sizeof(r->hardware)) {
			strcat(r->hardware, " ");
			strcat(r->hardware, b);
			p->last = LT_OTHER;
			return true;
		}
		break;
	case LT_WARN_NOFUNC:
		hdr_init(&h);
		hdr_sym(&h, b);
		if (h.has_sym) {
			COPY(r->header_function, h.sym.function);
			COPY(r->header_module, h.sym.module);
			p->last = LT_OTHER;
			return true;
		}
		break;
	case LT_LOCKUP_NOCOMM:
		hdr_init(&h);
		if (b[0] == '[' && parse_comm_pid_bracket(b, &h)) {
			set_comm(r, h.comm, strlen(h.comm));
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
static bool lockdep_at(struct oops_report *r, const char *b)
{
	const char *at = strstr(b, ", at: ");
	struct hdr h;

	if (!at)
		at = strstr(b, "}, at: ");
	if (!at)
		return false;
	if (r->kind != OOPS_KIND_LOCKDEP || r->header_function[0])
		return true;
	hdr_init(&h);
	hdr_sym(&h, strstr(at, "at: ") + 4);
	if (h.has_sym) {
		COPY(r->header_function, h.sym.function);
		COPY(r->header_module, h.sym.module);
	}
	return true;
}

/* Returns true when the line was recognised as part of a report. */
static bool report_line(struct oops_parser *p, const char *b, bool indented)
{
	struct oops_report *r = p->cur;
	const char *q;
	struct oops_frame f;
	enum last_type lt;
	bool raw;

	memset(&f, 0, sizeof(f));

	/* frames first: they are most lines of a report */
	if (p->sec == SEC_MAIN || p->sec == SEC_ALLOC || p->sec == SEC_FREE ||
	    p->sec == SEC_OTHER) {
		const char *rest = context_marker(p, b);

		if (rest) {
			if (!*rest)
				return true;
			b = rest;
		}
		q = oops_parse_frame(b, &f, &raw);
		if (q && !*q) {
			if (!raw)
				add_frame(p, &f);
			/* raw x86 frames are usually ftrace/kprobe trampolines */
			return true;
		}
		/* ppc: "--- interrupt: c00 at 0x3ffff7def394" */
		if (prefix(b, "--- interrupt:") || prefix(b, "---- interrupt:"))
			return true;
	} else if (b[0] == '<' && p->main_opened && !p->main_closed) {
		/* a marker right after an empty section */
		if (context_marker(p, b))
			return true;
	}

	lt = p->last;
	p->last = LT_OTHER;

	switch (b[0]) {
	case 'C':
		if (prefix(b, "Call Trace:") || prefix(b, "Call trace:")) {
			open_section(p, SEC_MAIN);
			return true;
		}
		if (prefix(b, "Code: ")) {
			if (p->sec != SEC_NONE && !(p->in_task_block &&
						    p->sec == SEC_MAIN))
				close_section(p);
			return true;
		}
		if (parse_cpu_line(p, b))
			return true;
		if ((q = prefix(b, "CPU ")) && is_digit(*q)) {
			const char *e;
			long c = parse_long(q, &e);

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
	case 'B':
		if (prefix(b, "Backtrace:")) {
			open_section(p, SEC_MAIN);
			return true;
		}
		break;
	case 'M':
		if ((q = prefix(b, "Modules linked in:"))) {
			parse_modules(p, q, false);
			p->last = LT_MODULES;
			p->last_len = strlen(b);
			return true;
		}
		break;
	case '[':
		if ((q = prefix(b, "[last unloaded: "))) {
			last_unloaded(r, q);
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
				set_arch(p, "ppc64", 1);
			return true;
		}
		break;
	case 'P':
		if (parse_pid_line(p, b)) {
			p->last = LT_PIDLINE;
			p->last_len = strlen(b);
			return true;
		}
		if (parse_process_line(p, b))
			return true;
		break;
	case 'T':
	case 'N':
		if (prefix(b, "Tainted: ") || prefix(b, "Not tainted")) {
			parse_taint(p, b);
			return true;
		}
		break;
	case '#':
		if ((q = prefix(b, "#PF: "))) {
			parse_pf_line(r, q);
			r->fault.present = true;
			return true;
		}
		break;
	case '-':
		if (prefix(b, "---[ end trace")) {
			close_section(p);
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
				add_frame(p, &f);
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
					add_frame(p, &f);
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
					add_frame(p, &f);
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

			r->in_atomic = (int)parse_long(q, NULL);
			t = strstr(q, "irqs_disabled(): ");
			if (t)
				r->irqs_disabled = (int)parse_long(t + 17, NULL);
			t = strstr(q, " pid: ");
			if (t && r->pid < 0)
				r->pid = parse_long(t + 6, NULL);
			t = strstr(q, " name: ");
			if (t)
				set_comm(r, t + 7, strlen(t + 7));
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
				set_comm(r, q, n);
				if (pid && r->pid < 0)
					r->pid = parse_long(skip_ws(pid + 5), NULL);
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

	/* KFENCE: the access line opens the main stack */
	if (r->kind == OOPS_KIND_KFENCE && !p->main_opened &&
	    (prefix(b, "Out-of-bounds ") || prefix(b, "Use-after-free ") ||
	     prefix(b, "Invalid free of ") || prefix(b, "Corrupted memory at ") ||
	     prefix(b, "Invalid read at ") || prefix(b, "Invalid write at "))) {
		if (strstr(b, " write at "))
			COPY(r->access, "Write");
		else if (strstr(b, " read at "))
			COPY(r->access, "Read");
		open_section(p, SEC_MAIN);
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
	if (parse_ip_line(p, b))
		return true;
	if (is_register_line(b)) {
		parse_ppc_regs(p, b);
		if (prefix(b, "RSP: ") || prefix(b, "RAX: "))
			set_arch(p, "x86_64", 3);
		else if (prefix(b, "ESP: ") || prefix(b, "EAX: "))
			set_arch(p, "i386", 3);
		return true;
	}
	if (r->kind == OOPS_KIND_KASAN || r->kind == OOPS_KIND_KFENCE) {
		if (prefix(b, "Read ") || prefix(b, "Write ") ||
		    prefix(b, "Free of addr ")) {
			kasan_access_line(p, b);
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
		if (lockdep_at(r, b))
			return true;
		/* "include/linux/rcupdate.h:414 suspicious rcu_dereference_check() usage!" */
		if (!r->src_file[0] && (q = strstr(b, " suspicious ")) &&
		    strstr(q, "usage!")) {
			char file[256];
			int line = -1;

			if (parse_file_line(b, file, sizeof(file), &line)) {
				COPY(r->src_file, source_path(file));
				r->src_line = line;
			}
			return true;
		}
		if ((q = strstr(b, " is trying to acquire lock:")) ||
		    (q = strstr(b, " is trying to release lock ")) ||
		    (q = strstr(b, " takes:"))) {
			char comm[64] = "";
			long pid = -1;

			parse_comm_slash_pid(b, ' ', comm, sizeof(comm), &pid);
			if (comm[0])
				set_comm(r, comm, strlen(comm));
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
				parse_taint(p, skip_ws(t));
				return true;
			}
		}
	}
	if (p->sec == SEC_STACK && is_hex_dump_line(b))
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
		return continuation(p, b);
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
	/* an unknown line ends a stack (old kernels have no </TASK>) */
	if (p->sec != SEC_NONE && p->sec != SEC_STACK &&
	    !(p->sec == SEC_MAIN && p->in_task_block))
		close_section(p);
	else if (p->sec == SEC_STACK)
		p->sec = SEC_NONE;
	if (p->end_trace && !p->panic_tail)
		p->done = true;
	if ((p->main_closed || r->kind == OOPS_KIND_WQ_LOCKUP) &&
	    p->lineno - p->last_relevant > 64)
		p->done = true;
}

static bool is_separator(const char *b)
{
	size_t n = 0;

	if (prefix(b, "------------[ cut here ]------------"))
		return true;
	while (b[n] == '=')
		n++;
	return n >= 20 && !b[n];
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
	b = strip_prefixes(line, &foreign, &indented, &p->line_stamped);
	if (foreign)
		return;
	if (!*b) {
		/* blank lines end KFENCE/KASAN stacks */
		if (p->active && p->sec != SEC_NONE &&
		    !(p->sec == SEC_MAIN && p->in_task_block))
			close_section(p);
		if (p->active && p->last != LT_MODULES)
			p->last = LT_OTHER;
		return;
	}
	if (prefix(b, "Linux version ") && is_digit(b[14])) {
		const char *e = b + 14;

		while (*e && !is_space(*e))
			e++;
		if (p->active)
			end_report(p, END_BOOT);
		COPYN(p->boot_kernel, b + 14, e - b - 14);
		p->sep_line = 0;
		return;
	}
	k = detect_header(b, &h);
	if (k != OOPS_KIND_NONE) {
		on_header(p, k, &h);
		return;
	}
	if (is_separator(b)) {
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
		if (!p->done && p->last != LT_OTHER && continuation(p, b))
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
		end_report(p, END_EOF);
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
