/* SPDX-License-Identifier: GPL-2.0 */
/*
 * oopsparse: the table of report formats (formats.c) and what reads it.
 *
 * One row per format of report the kernel prints.  A row with headers
 * starts a report when a line begins with one of them (after the
 * detector's pr_fmt, "watchdog: ", "rcu: "...); its parse function takes
 * the fields the header carries and may refuse the line.  A row without
 * headers refines the rows of its kind below it: the first row of the
 * report's kind whose conditions hold gives the title, the source of the
 * guilty function, the extra plumbing and the corruption rule.
 */
#ifndef OOPSPARSE_FORMATS_H
#define OOPSPARSE_FORMATS_H

#include "oopsparse.h"

struct hdr;

/*
 * s: the line after the detector's prefix; rest: after the header that
 * matched.  Returns the row's kind (or another one) to start a report,
 * OOPS_KIND_NONE to refuse the line.
 */
typedef enum oops_kind oops_hdr_fn(const char *s, const char *rest,
				   struct hdr *h, enum oops_kind kind);

/* the header parsers, in header.c (faults and die() lines in regs.c) */
oops_hdr_fn hp_cpu, hp_soft_lockup, hp_panic, hp_kernel_bug, hp_file_line,
	hp_sanitizer, hp_sched_atomic, hp_bad_page, hp_spinlock, hp_slab,
	hp_detail, hp_oops, hp_internal_error, hp_die, hp_warning, hp_lockdep,
	hp_hung_task, hp_rcu_stall, hp_list, hp_ubsan, hp_paging, hp_kcsan,
	hp_message, hp_preemptible;

/* Where the function of "KIND in F" comes from. */
enum oops_guilty {
	/* the header's function, then the RIP/PC, then the call trace */
	GUILTY_RIP = 0,
	/* the header's function, then the call trace (RIP is not the bug) */
	GUILTY_TRACE,
};

/* Which candidate is F (guilty.c). */
enum oops_extract {
	EXTRACT_FIRST = 0,	/* the first that is not plumbing */
	EXTRACT_STALL,		/* the frame above the stalled stack's anchor */
	EXTRACT_HANG,		/* the hung task's first non-sleeping frame */
};

/* Row flags. */
#define FMT_TRACE	(1u << 0)	/* corrupted without a RIP or trace */
#define FMT_ALLOC_SITE	(1u << 1)	/* all plumbing: the allocation site */
#define FMT_NEED_SRC	(1u << 2)	/* row applies only with a FILE:LINE */
#define FMT_HDR_FUNC	(1u << 3)	/* the header's function is F */
#define FMT_TASK_FRAMES	(1u << 4)	/* frames outside IRQ/NMI, if any */
#define FMT_HDR_AFTER_RIP (1u << 5)	/* ... after the RIP, with a stack */
#define FMT_NEED_HFUNC	(1u << 6)	/* row applies only with a header F */
#define FMT_STACK_NEXT	(1u << 7)	/* the stack follows the header line */
#define FMT_AFTER_IRQ	(1u << 8)	/* stalls: the stack after the timer IRQ */
#define FMT_HDR_LAST	(1u << 9)	/* the header's F after the trace's */
#define FMT_OR_FIRST	(1u << 10)	/* stall extractor: no anchor, the first */
#define FMT_MESSAGE	(1u << 11)	/* one line, its own title: it may be
					 * printed into another report */

#define FMT_MAX_HEADERS	8

struct oops_format {
	const char *id;			/* short name, for people */
	enum oops_kind kind;
	const char *headers[FMT_MAX_HEADERS];
	oops_hdr_fn *parse;		/* NULL: the header alone is enough */

	/* conditions of a row (all that are set must hold) */
	const char *type;		/* bug_type contains this */
	const char *detail;		/* the message starts with this */
	const char *file;		/* the source file contains this */
	const char *func;		/* the header's function, skip.c syntax */
	bool (*match)(const struct oops_report *r);	/* anything else */

	/*
	 * Title template: %F guilty function (" in %F" is left out when
	 * there is none), %T bug type (or dflt), %A " Read"/" Write",
	 * %D the message (addresses dropped, cut at '[' or '{'), %d the
	 * SLUB message (cut at '.' or '('), %C the slab cache, %P the
	 * panic reason, %S the source file (else %F), %L its line, %W the
	 * header's first word (WARNING, BUG, INFO).  Numbers and addresses
	 * in a message become NUM and ADDR, as in syzbot's titles.
	 */
	const char *title;
	const char *dflt;		/* %T when the bug type is unknown */
	enum oops_guilty guilty;
	enum oops_extract extract;
	const char *const *skip;	/* plumbing of this format only */
	unsigned int flags;
};

/* The header of a report absorbs a later header (the same event). */
#define ABS_DIE		(1u << 0)	/* the later one is a die() line */
#define ABS_HDR_FILE	(1u << 1)	/* ... in .file, or with no file */
#define ABS_REP_FILE	(1u << 2)	/* the report's FILE is .file */
#define ABS_HDR_FUNC	(1u << 3)	/* ... or the later header's F is .func */
#define ABS_REP_FUNC	(1u << 4)	/* the report's header F contains .func */
#define ABS_TASK_ONLY	(1u << 5)	/* take only its CPU and PID */
#define ABS_CLEAR_FUNC	(1u << 6)	/* forget the report's header F */

struct oops_absorb {
	enum oops_kind report;		/* NONE: any of report_any */
	enum oops_kind report_any[6];
	enum oops_kind header;		/* NONE: any */
	enum oops_kind header_alt;
	const char *file;
	const char *func[3];
	enum oops_kind become;		/* NONE: keep the report's kind */
	unsigned int flags;
};

extern const struct oops_format oops_formats[];
extern const size_t oops_nformats;
extern const struct oops_absorb oops_absorbs[];
extern const size_t oops_nabsorbs;

/* 6.19+ "WARNING: FILE:LINE at FUNC, CPU#N: comm/pid" (header.c) */
bool op_warning_7(const struct oops_report *r);
/* a WARNING in kmalloc*(), kvmalloc*(), kzmalloc*() (header.c) */
bool op_kmalloc_warning(const struct oops_report *r);

/* The row that describes report r (never NULL). */
const struct oops_format *oops_format_of(const struct oops_report *r);
/* Set r's guilty function by fmt's rules (guilty.c). */
void oops_pick_guilty(struct oops_report *r, const struct oops_format *fmt);

#endif /* OOPSPARSE_FORMATS_H */
