// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: header matching: the first line the kernel prints for a class of
 * bug, and the fields it carries.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "formats.h"

void op_hdr_init(struct hdr *h)
{
	memset(h, 0, sizeof(*h));
	h->pid = -1;
	h->cpu = -1;
	h->line = -1;
	h->write = -1;
	h->instr = -1;
	h->prot = -1;
}

/* "FILE:LINE" ending at '!' or space; returns true on success */
bool op_parse_file_line(const char *s, char *file, size_t fsz, int *line)
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
	*line = (int)op_parse_long(colon + 1, NULL);
	return true;
}

/* "[comm:pid]" -> comm, pid */
bool op_parse_comm_pid_bracket(const char *s, struct hdr *h)
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
	h->pid = op_parse_long(colon + 1, NULL);
	return true;
}

/* "comm/pid" ending at end or at stop */
void op_parse_comm_slash_pid(const char *s, char stop, char *comm,
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
	*pid = op_parse_long(slash + 1, NULL);
}

void op_hdr_sym(struct hdr *h, const char *s)
{
	struct oops_frame f;

	memset(&f, 0, sizeof(f));
	s = skip_ws(s);
	if (oops_parse_symbol(s, &f) && f.function[0]) {
		h->sym = f;
		h->has_sym = true;
	}
}

void op_hdr_addr(struct hdr *h, const char *s)
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

bool op_is_die_suffix(const char *s)
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
		{ "trying to register non-static key", "trying to register non-static key" },
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

/* ------------------------------------------------------------------ */
/* the fields each header carries (the rows of formats.c name these)   */

enum oops_kind hp_cpu(const char *s, const char *r, struct hdr *h,
		      enum oops_kind k)
{
	(void)s;
	h->cpu = (int)op_parse_long(r, NULL);
	return k;
}

/* "BUG: soft lockup - CPU#1 stuck for 67s! [comm:pid]" */
enum oops_kind hp_soft_lockup(const char *s, const char *r, struct hdr *h,
			      enum oops_kind k)
{
	(void)s;
	h->cpu = (int)op_parse_long(r, NULL);
	op_parse_comm_pid_bracket(r, h);
	return k;
}

enum oops_kind hp_panic(const char *s, const char *r, struct hdr *h,
			enum oops_kind k)
{
	(void)s;
	h->panic = true;
	COPY(h->detail, r);
	/* "stack-protector: Kernel stack is corrupted in: F+0x../0x.." */
	if (prefix(r, "stack-protector: Kernel stack is corrupted in: "))
		op_hdr_sym(h, r + 47);
	if ((r = prefix(r, "Watchdog detected hard LOCKUP on cpu "))) {
		h->cpu = (int)op_parse_long(r, NULL);
		return OOPS_KIND_HARD_LOCKUP;
	}
	return k;
}

/* "kernel BUG at FILE:LINE!" or 2.6.18's "Kernel BUG at func+0x.." */
enum oops_kind hp_kernel_bug(const char *s, const char *r, struct hdr *h,
			     enum oops_kind k)
{
	if (s[0] == 'K')
		op_hdr_sym(h, r);
	else
		op_parse_file_line(r, h->file, sizeof(h->file), &h->line);
	return k;
}

enum oops_kind hp_file_line(const char *s, const char *r, struct hdr *h,
			    enum oops_kind k)
{
	(void)s;
	op_parse_file_line(r, h->file, sizeof(h->file), &h->line);
	return k;
}

/* "BUG: KASAN: TYPE in F", "... on address", KFENCE: "TYPE in F" */
enum oops_kind hp_sanitizer(const char *s, const char *r, struct hdr *h,
			    enum oops_kind k)
{
	const char *in = strstr(r, " in ");
	const char *on = strstr(r, " on address ");

	(void)s;
	if (in) {
		COPYN(h->bug_type, r, in - r);
		op_hdr_sym(h, in + 4);
	} else if (on) {
		COPYN(h->bug_type, r, on - r);
		COPY(h->detail, "on address");
	} else {
		COPY(h->bug_type, r);
	}
	return k;
}

/* "BUG: scheduling while atomic: comm/pid/0x%08x": comm may hold '/' */
enum oops_kind hp_sched_atomic(const char *s, const char *r, struct hdr *h,
			       enum oops_kind k)
{
	const char *e = r + strlen(r), *p1 = NULL, *p2 = NULL, *c;

	(void)s;
	for (c = r; c < e; c++)
		if (*c == '/') {
			p1 = p2;
			p2 = c;
		}
	if (p1 && p2) {
		COPYN(h->comm, r, p1 - r);
		h->pid = op_parse_long(p1 + 1, NULL);
		COPY(h->detail, p2 + 1);
	}
	return k;
}

enum oops_kind hp_bad_page(const char *s, const char *r, struct hdr *h,
			   enum oops_kind k)
{
	const char *e = r;

	(void)s;
	while (*e && !is_space(*e))
		e++;
	COPYN(h->comm, r, e - r);
	return k;
}

/* "BUG: spinlock bad magic on CPU#0, comm/pid" */
enum oops_kind hp_spinlock(const char *s, const char *r, struct hdr *h,
			   enum oops_kind k)
{
	const char *on = strstr(r, " on CPU#");

	COPYN(h->detail, s + 5, on ? (on - s - 5) : -1);
	if (on) {
		const char *c;

		h->cpu = (int)op_parse_long(on + 8, &c);
		if (*c == ',')
			op_parse_comm_slash_pid(skip_ws(c + 1), ',', h->comm,
						sizeof(h->comm), &h->pid);
	}
	return k;
}

/* SLUB: "BUG %s (%s): %pV" and old "BUG %s: %s" */
enum oops_kind hp_slab(const char *s, const char *r, struct hdr *h,
		       enum oops_kind k)
{
	const char *e = r, *what = NULL;

	(void)s;
	if (!*r || is_space(*r))
		return OOPS_KIND_NONE;
	while (*e && !is_space(*e) && *e != ':')
		e++;
	if (!((e[0] == ' ' && e[1] == '(') || (e[0] == ':' && e[1] == ' ')))
		return OOPS_KIND_NONE;
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
	if (!what)
		return OOPS_KIND_NONE;
	COPY(h->detail, what);
	return k;
}

/* anything else the kernel calls a BUG: the message */
enum oops_kind hp_detail(const char *s, const char *r, struct hdr *h,
			 enum oops_kind k)
{
	enum oops_kind l;

	(void)s;
	/* "BUG: bad unlock balance detected!", "BUG: held lock freed!" */
	if ((l = lockdep_kind(r, h)) != OOPS_KIND_NONE)
		return l;
	COPY(h->detail, r);
	return k;
}

/* "WARNING: CPU: N PID: P at FILE:LINE F" and "WARNING: at FILE:LINE F()" */
enum oops_kind hp_warning(const char *s, const char *r, struct hdr *h,
			  enum oops_kind k)
{
	const char *at;
	enum oops_kind l;

	(void)s;
	if ((l = lockdep_kind(r, h)) != OOPS_KIND_NONE)
		return l;
	if ((at = prefix(r, "CPU: "))) {
		const char *q;

		h->cpu = (int)op_parse_long(at, &q);
		q = strstr(q, "PID: ");
		if (q)
			h->pid = op_parse_long(q + 5, NULL);
		at = strstr(r, " at ");
		if (!at)
			return OOPS_KIND_NONE;
		at += 4;
	} else if ((at = prefix(r, "at "))) {
		;
	} else {
		/*
		 * 6.19+: "WARNING: FILE:LINE at FUNC, CPU#N: comm/pid", with
		 * "[condition] " first when the WARN_ON printed it.
		 */
		const char *f = r, *c;

		if (*f == '[' && (c = strstr(f, "] ")))
			f = c + 2;
		if (!op_parse_file_line(f, h->file, sizeof(h->file), &h->line))
			return OOPS_KIND_NONE;
		while (*f && !is_space(*f))
			f++;
		if (!(at = prefix(f, " at ")))
			return OOPS_KIND_NONE;
		c = strstr(at, ", CPU#");
		if (c) {
			const char *q;

			h->cpu = (int)op_parse_long(c + 6, &q);
			if (*q == ':')
				op_parse_comm_slash_pid(skip_ws(q + 1), '\0',
							h->comm, sizeof(h->comm),
							&h->pid);
		}
		op_hdr_sym(h, at);
		return k;
	}
	/* "FILE:LINE FUNC" or just "FUNC" */
	if (op_parse_file_line(at, h->file, sizeof(h->file), &h->line)) {
		while (*at && !is_space(*at))
			at++;
	}
	op_hdr_sym(h, at);
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
	return k;
}

/* lockdep before 4.x: "[ INFO: possible recursive locking detected ]" */
enum oops_kind hp_lockdep(const char *s, const char *r, struct hdr *h,
			  enum oops_kind k)
{
	(void)s;
	(void)k;
	return lockdep_kind(r, h);
}

/* "INFO: task comm:pid blocked for more than N seconds." */
enum oops_kind hp_hung_task(const char *s, const char *r, struct hdr *h,
			    enum oops_kind k)
{
	const char *bl = strstr(r, " blocked for more than ");
	const char *p, *colon = NULL;

	(void)s;
	/* 6.x: "blocked in I/O wait for more than"; "can't die for more than" */
	if (!bl && (bl = strstr(r, " can't die for more than ")))
		COPY(h->detail, "can't die");
	if (!bl && (bl = strstr(r, " blocked in ")) &&
	    !strstr(bl, " for more than "))
		bl = NULL;
	if (!bl)
		return OOPS_KIND_NONE;
	for (p = r; p < bl; p++)
		if (*p == ':')
			colon = p;
	if (colon) {
		COPYN(h->comm, r, colon - r);
		h->pid = op_parse_long(colon + 1, NULL);
	}
	return k;
}

/* "INFO: rcu_sched detected stalls", "INFO: rcu_preempt self-detected stall" */
enum oops_kind hp_rcu_stall(const char *s, const char *r, struct hdr *h,
			    enum oops_kind k)
{
	(void)s;
	(void)h;
	return strstr(r, "stall") ? k : OOPS_KIND_NONE;
}

/* "list_add corruption. ...", "list_del corruption, ...", "list_add double add" */
enum oops_kind hp_list(const char *s, const char *r, struct hdr *h,
		       enum oops_kind k)
{
	(void)r;
	if (!strstr(s, " corruption") && !strstr(s, "double add"))
		return OOPS_KIND_NONE;
	COPY(h->detail, s);
	return k;
}

/* "UBSAN: KIND in FILE:LINE:COL", old "UBSAN: Undefined behaviour in FILE" */
enum oops_kind hp_ubsan(const char *s, const char *r, struct hdr *h,
			enum oops_kind k)
{
	const char *in = strstr(r, " in ");

	(void)s;
	if (!in)
		return OOPS_KIND_NONE;
	COPYN(h->bug_type, r, in - r);
	if (!strcmp(h->bug_type, "Undefined behaviour"))
		h->bug_type[0] = '\0';
	op_parse_file_line(in + 4, h->file, sizeof(h->file), &h->line);
	return k;
}

/* "BUG: KCSAN: data-race in f+0x1/0x2 / g+0x3/0x4": both functions */
enum oops_kind hp_kcsan(const char *s, const char *r, struct hdr *h,
			enum oops_kind k)
{
	const char *in = strstr(r, " in ");
	char *w = h->detail;
	size_t room = sizeof(h->detail) - 1;

	(void)s;
	if (!in) {
		COPY(h->bug_type, r);
		return k;
	}
	COPYN(h->bug_type, r, in - r);
	op_hdr_sym(h, in + 4);
	/* the functions without their offsets */
	for (const char *p = in + 4; *p && room; ) {
		if (*p == '+' && p[1] == '0' && p[2] == 'x') {
			while (*p && !is_space(*p))
				p++;
			continue;
		}
		*w++ = *p++;
		room--;
	}
	*w = '\0';
	return k;
}

/* a message that is its own title: "unregister_netdevice: waiting for" */
enum oops_kind hp_message(const char *s, const char *r, struct hdr *h,
			  enum oops_kind k)
{
	(void)r;
	COPY(h->detail, s);
	return k;
}

/* "BUG: using smp_processor_id() in preemptible [00000000] code: c/123" */
enum oops_kind hp_preemptible(const char *s, const char *r, struct hdr *h,
			      enum oops_kind k)
{
	const char *in = strstr(r, " in preemptible"), *c;

	(void)s;
	if (!in)
		return OOPS_KIND_NONE;
	COPYN(h->detail, r, in - r);
	c = strstr(in, "code: ");
	if (c)
		op_parse_comm_slash_pid(c + 6, '\0', h->comm, sizeof(h->comm),
					&h->pid);
	return k;
}

/* ------------------------------------------------------------------ */
/* matching a line against the table                                   */

/* The first bytes of every header in the table, to reject noise fast. */
/*
 * For each first byte, 1 + the first row with a header that starts with
 * it (0: none), so that noise is rejected at its first byte and a line
 * is only compared with the rows that may match it.
 */
void op_header_index(unsigned char first[256])
{
	memset(first, 0, 256);
	for (size_t i = oops_nformats; i-- > 0; )
		for (int j = 0; j < FMT_MAX_HEADERS &&
		     oops_formats[i].headers[j]; j++)
			first[(unsigned char)oops_formats[i].headers[j][0]] =
				(unsigned char)(i + 1);
}

enum oops_kind op_detect_header(const unsigned char first[256], const char *b,
				struct hdr *h)
{
	const char *r, *s = b;
	bool init = false;

	/* strip the detector's pr_fmt */
	if ((b[0] == 'w' || b[0] == 'N' || b[0] == 'r') &&
	    ((r = prefix(s, "watchdog: ")) || (r = prefix(s, "NMI watchdog: ")) ||
	     (r = prefix(s, "rcu: "))))
		s = r;
	/* most lines are noise: reject them at their first byte */
	if (!first[(unsigned char)s[0]])
		return OOPS_KIND_NONE;
	for (size_t i = first[(unsigned char)s[0]] - 1; i < oops_nformats; i++) {
		const struct oops_format *f = &oops_formats[i];

		for (int j = 0; j < FMT_MAX_HEADERS && f->headers[j]; j++) {
			const char *hd = f->headers[j];
			enum oops_kind k;

			if (hd[0] != s[0] || hd[1] != s[1] || !(r = prefix(s, hd)))
				continue;
			if (!init) {
				op_hdr_init(h);
				COPY(h->text, b);
				init = true;
			}
			k = f->parse ? f->parse(s, r, h, f->kind) : f->kind;
			if (k != OOPS_KIND_NONE) {
				h->fmt = f;
				return k;
			}
			init = false;	/* a refusing parser may have written */
		}
	}
	return OOPS_KIND_NONE;
}
