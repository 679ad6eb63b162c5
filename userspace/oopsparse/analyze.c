// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse: guilty frame, title and names.
 *
 * The guilty frame F is the first frame, in order of preference
 *   1. the function the header names (WARNING, KASAN, KFENCE, lockdep),
 *   2. the RIP/NIP (and powerpc LR) for reports where the faulting
 *      instruction is the bug site (faults, BUG, lockups, stalls),
 *   3. the call trace, reliable frames only when there are any, and for
 *      lockups and stalls only frames outside interrupt/NMI stacks,
 * that is not generic plumbing (oops_is_plumbing()).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "formats.h"

void xsnprintf(char *dst, size_t sz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, sz, fmt, ap);
	va_end(ap);
}

static const char *const kind_names[OOPS_KIND_COUNT] = {
	[OOPS_KIND_NONE]		= "none",
	[OOPS_KIND_SOFT_LOCKUP]		= "soft-lockup",
	[OOPS_KIND_HARD_LOCKUP]		= "hard-lockup",
	[OOPS_KIND_KERNEL_BUG]		= "kernel-bug",
	[OOPS_KIND_PAGING]		= "paging-request",
	[OOPS_KIND_NULL_DEREF]		= "null-ptr-deref",
	[OOPS_KIND_GPF]			= "general-protection-fault",
	[OOPS_KIND_WARNING]		= "warning",
	[OOPS_KIND_KASAN]		= "kasan",
	[OOPS_KIND_KFENCE]		= "kfence",
	[OOPS_KIND_SCHED_ATOMIC]	= "scheduling-while-atomic",
	[OOPS_KIND_SLEEP_ATOMIC]	= "sleeping-in-atomic",
	[OOPS_KIND_HUNG_TASK]		= "hung-task",
	[OOPS_KIND_RCU_STALL]		= "rcu-stall",
	[OOPS_KIND_LIST]		= "list-corruption",
	[OOPS_KIND_SLAB]		= "slab-corruption",
	[OOPS_KIND_PANIC]		= "panic",
	[OOPS_KIND_OOPS]		= "oops",
	[OOPS_KIND_DIVIDE]		= "divide-error",
	[OOPS_KIND_INVALID_OPCODE]	= "invalid-opcode",
	[OOPS_KIND_UBSAN]		= "ubsan",
	[OOPS_KIND_BAD_PAGE]		= "bad-page-state",
	[OOPS_KIND_LOCKDEP]		= "lockdep",
	[OOPS_KIND_SPINLOCK]		= "spinlock",
	[OOPS_KIND_WQ_LOCKUP]		= "workqueue-lockup",
	[OOPS_KIND_BUG]			= "bug",
	[OOPS_KIND_KMSAN]		= "kmsan",
	[OOPS_KIND_KCSAN]		= "kcsan",
	[OOPS_KIND_MEMLEAK]		= "memory-leak",
};

const char *oops_kind_name(enum oops_kind k)
{
	if ((unsigned int)k >= OOPS_KIND_COUNT || !kind_names[k])
		return "none";
	return kind_names[k];
}

/* kernel/panic.c taint_flags[] and Documentation/admin-guide/tainted-kernels.rst */
static const struct {
	char flag;
	const char *name;
	const char *meaning;
} taints[] = {
	{ 'G', "PROPRIETARY_MODULE", "no proprietary module loaded (all GPL-compatible)" },
	{ 'P', "PROPRIETARY_MODULE", "proprietary module was loaded" },
	{ 'F', "FORCED_MODULE", "module was force loaded" },
	{ 'S', "CPU_OUT_OF_SPEC", "kernel running on an out of specification system" },
	{ 'R', "FORCED_RMMOD", "module was force unloaded" },
	{ 'M', "MACHINE_CHECK", "processor reported a Machine Check Exception" },
	{ 'B', "BAD_PAGE", "bad page referenced or unexpected page flags" },
	{ 'U', "USER", "taint requested by userspace application (RHEL 6: unsupported/unsigned module)" },
	{ 'D', "DIE", "kernel died recently (OOPS or BUG)" },
	{ 'A', "OVERRIDDEN_ACPI_TABLE", "ACPI table overridden by user" },
	{ 'W', "WARN", "kernel issued warning" },
	{ 'C', "CRAP", "staging driver was loaded" },
	{ 'I', "FIRMWARE_WORKAROUND", "workaround for bug in platform firmware applied" },
	{ 'O', "OOT_MODULE", "externally-built (out-of-tree) module was loaded" },
	{ 'E', "UNSIGNED_MODULE", "unsigned module was loaded" },
	{ 'L', "SOFTLOCKUP", "soft lockup occurred" },
	{ 'K', "LIVEPATCH", "kernel has been live patched" },
	{ 'X', "AUX", "auxiliary taint, defined for and used by distros (SUSE: externally supported module)" },
	{ 'T', "RANDSTRUCT", "kernel was built with the struct randomization plugin" },
	{ 'N', "TEST", "an in-kernel test has been run" },
};

const char *oops_taint_name(char flag)
{
	for (size_t i = 0; i < ARRAY_SIZE(taints); i++)
		if (taints[i].flag == flag)
			return taints[i].name;
	return "UNKNOWN";
}

const char *oops_taint_meaning(char flag)
{
	for (size_t i = 0; i < ARRAY_SIZE(taints); i++)
		if (taints[i].flag == flag)
			return taints[i].meaning;
	return "unknown taint flag";
}

/* ------------------------------------------------------------------ */
/* guilty frame                                                        */

/* ------------------------------------------------------------------ */
/* titles                                                              */

/* drop addresses and numbers that make titles differ for the same bug */
static void sanitize(char *s)
{
	char *w = s;
	const char *p = s;

	while (*p) {
		/* 0x... or 8+ hex digits */
		if ((p == s || p[-1] == ' ' || p[-1] == '(' || p[-1] == '=') &&
		    ((p[0] == '0' && p[1] == 'x') ||
		     strspn(p, "0123456789abcdef") >= 8)) {
			p += (p[0] == '0' && p[1] == 'x') ? 2 : 0;
			while (is_xdigit(*p))
				p++;
			continue;
		}
		*w++ = *p++;
	}
	*w = '\0';
	/* collapse spaces, trim */
	for (p = w = s; *p; p++) {
		if (is_space(*p) && (w == s || is_space(w[-1])))
			continue;
		*w++ = is_space(*p) ? ' ' : *p;
	}
	while (w > s && (is_space(w[-1]) || w[-1] == ',' || w[-1] == ':'))
		w--;
	*w = '\0';
}

/* decimal numbers between non-word bytes become NUM, as syzbot's */
static void numbers(char *s, size_t sz)
{
	char out[OOPS_TEXT_MAX];
	size_t n = 0;

	for (const char *p = s; *p && n + 4 < sizeof(out); ) {
		bool word_before = p > s && (is_alpha(p[-1]) || is_digit(p[-1]) ||
					     p[-1] == '_');

		if (is_digit(*p) && !word_before) {
			const char *e = p;

			while (is_digit(*e))
				e++;
			if (!is_alpha(*e) && *e != '_') {
				memcpy(out + n, "NUM", 3);
				n += 3;
				p = e;
				continue;
			}
			while (p < e && n + 4 < sizeof(out))
				out[n++] = *p++;
			continue;
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
	copy_n(s, sz, out, -1);
}

/* cut at the first of the bytes in stop, drop addresses */
static void clean_text(char *dst, size_t sz, const char *src, const char *stop)
{
	copy_n(dst, sz, src, -1);
	if (stop)
		dst[strcspn(dst, stop)] = '\0';
	sanitize(dst);
}

/* "WARNING", "BUG", "INFO": the header's first word */
static void header_word(const struct oops_report *r, char *out, size_t sz)
{
	const char *h = r->header, *e;

	if (prefix(h, "[ "))
		h += 2;
	if (prefix(h, "rcu: "))
		h += 5;
	e = h;
	while (is_upper(*e))
		e++;
	copy_n(out, sz, h, e > h ? e - h : -1);
	if (e == h)
		copy_n(out, sz, "WARNING", -1);
}

/* Expand the row's title template (see struct oops_format). */
static void make_title(struct oops_report *r, const struct oops_format *fmt)
{
	char out[OOPS_TEXT_MAX], tmp[OOPS_TEXT_MAX];
	size_t n = 0;

	for (const char *t = fmt->title; *t && n + 1 < sizeof(out); t++) {
		const char *v = tmp;

		/* "KIND in F": no " in " without an F */
		if (!r->guilty_function[0] && prefix(t, " in %F")) {
			t += 5;
			continue;
		}
		if (*t != '%') {
			out[n++] = *t;
			continue;
		}
		tmp[0] = '\0';
		switch (*++t) {
		case 'F':
			v = r->guilty_function;
			break;
		case 'T':
			v = r->bug_type[0] ? r->bug_type :
			    fmt->dflt ? fmt->dflt : "";
			break;
		case 'A':
			if (r->access[0])
				xsnprintf(tmp, sizeof(tmp), " %s", r->access);
			break;
		case 'D':
			clean_text(tmp, sizeof(tmp), r->detail, "[{");
			numbers(tmp, sizeof(tmp));
			break;
		case 'R':
			clean_text(tmp, sizeof(tmp), r->detail, NULL);
			numbers(tmp, sizeof(tmp));
			break;
		case 'W':
			header_word(r, tmp, sizeof(tmp));
			break;
		case 'Q': {
			/* a quoted word of the message, and a space */
			const char *q = strchr(r->detail, '\''), *e;

			if (q && (e = strchr(q + 1, '\'')))
				xsnprintf(tmp, sizeof(tmp), "%.*s ",
					  (int)(e - q + 1), q);
			break;
		}
		case 'X': {
			/* the first word of the message's last [...] */
			const char *o = strrchr(r->detail, '['), *e;

			if (o) {
				for (e = o + 1; *e && !is_space(*e) && *e != ']';)
					e++;
				xsnprintf(tmp, sizeof(tmp), "%.*s",
					  (int)(e - o - 1), o + 1);
			}
			break;
		}
		case 'd':
			clean_text(tmp, sizeof(tmp), r->detail, ".(");
			break;
		case 'C':
			v = r->slab_cache[0] ? r->slab_cache : "slab";
			break;
		case 'P': {
			char *x;

			COPY(tmp, r->panic_reason[0] ? r->panic_reason :
			     r->detail);
			x = strstr(tmp, " exitcode=");
			if (x)
				*x = '\0';
			sanitize(tmp);
			numbers(tmp, sizeof(tmp));
			break;
		}
		case 'S':
			v = r->src_file[0] ? r->src_file :
			    r->guilty_function[0] ? r->guilty_function : "?";
			break;
		case 'L':
			xsnprintf(tmp, sizeof(tmp), "%d", r->src_line);
			break;
		case 'H':
			clean_text(tmp, sizeof(tmp), r->header, NULL);
			break;
		case '\0':
			t--;
			break;
		default:
			break;
		}
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s", v);
		if (n >= sizeof(out))
			n = sizeof(out) - 1;
	}
	out[n] = '\0';
	COPY(r->title, out);
}

void oops_report_analyze(struct oops_report *r)
{
	const struct oops_format *fmt;

	/* NULL pointer dereference: faulting address in the first page */
	if (r->kind == OOPS_KIND_PAGING && r->fault.address[0] &&
	    r->fault.addr < 0x1000 && r->fault.user != 1)
		r->kind = OOPS_KIND_NULL_DEREF;
	if (r->fault.error_code >= 0) {
		long ec = r->fault.error_code;

		r->fault.present = true;
		r->fault.protection = !!(ec & 1);
		r->fault.write = !!(ec & 2);
		r->fault.user = !!(ec & 4);
		r->fault.reserved = !!(ec & 8);
		r->fault.instruction = !!(ec & 16);
	}
	fmt = oops_format_of(r);
	oops_pick_guilty(r, fmt);
	make_title(r, fmt);
	oops_triage(r);
}
