/* SPDX-License-Identifier: GPL-2.0 */
/*
 * oopsparse - turn kernel console logs into structured crash reports.
 *
 * The parser is a streaming, line-oriented state machine: feed it bytes in
 * chunks of any size, and it calls back once per report, in log order, with
 * a fully analysed report (title, guilty frame, triage class).  Memory use
 * is bounded: lines longer than OOPS_LINE_MAX are truncated, and every list
 * in a report has a fixed capacity (overflow is counted, not stored).
 *
 * See Documentation/oopsparse.rst for the formats understood and the rules
 * used to pick the guilty frame and the failure class.
 */
#ifndef OOPSPARSE_H
#define OOPSPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define OOPS_LINE_MAX		4096
#define OOPS_FUNC_MAX		256
#define OOPS_MOD_MAX		64
#define OOPS_MAX_FRAMES		128
#define OOPS_MAX_AUX_FRAMES	32
#define OOPS_MAX_MODULES	512
#define OOPS_TEXT_MAX		512

enum oops_kind {
	OOPS_KIND_NONE = 0,
	OOPS_KIND_SOFT_LOCKUP,
	OOPS_KIND_HARD_LOCKUP,
	OOPS_KIND_KERNEL_BUG,
	OOPS_KIND_PAGING,
	OOPS_KIND_NULL_DEREF,
	OOPS_KIND_GPF,
	OOPS_KIND_WARNING,
	OOPS_KIND_KASAN,
	OOPS_KIND_KFENCE,
	OOPS_KIND_SCHED_ATOMIC,
	OOPS_KIND_SLEEP_ATOMIC,
	OOPS_KIND_HUNG_TASK,
	OOPS_KIND_RCU_STALL,
	OOPS_KIND_LIST,
	OOPS_KIND_SLAB,
	OOPS_KIND_PANIC,
	OOPS_KIND_OOPS,
	OOPS_KIND_DIVIDE,
	OOPS_KIND_INVALID_OPCODE,
	OOPS_KIND_UBSAN,
	OOPS_KIND_BAD_PAGE,
	OOPS_KIND_LOCKDEP,
	OOPS_KIND_SPINLOCK,
	OOPS_KIND_WQ_LOCKUP,
	OOPS_KIND_BUG,
	OOPS_KIND_KMSAN,
	OOPS_KIND_KCSAN,
	OOPS_KIND_MEMLEAK,
	OOPS_KIND_COUNT
};

/* Execution context a frame was printed in (x86 <IRQ>/<NMI>/<TASK>). */
enum oops_ctx {
	OOPS_CTX_TASK = 0,
	OOPS_CTX_IRQ,
	OOPS_CTX_SOFTIRQ,
	OOPS_CTX_NMI,
	OOPS_CTX_EXCEPTION,
};

struct oops_frame {
	char function[OOPS_FUNC_MAX];	/* as printed, e.g. "__ksize" */
	char module[OOPS_MOD_MAX];	/* "" for core kernel */
	unsigned long long offset;
	unsigned long long size;
	unsigned long long address;	/* 0 when not printed */
	bool has_offset;
	bool reliable;			/* false for "? f" and "(unreliable)" */
	unsigned char context;		/* enum oops_ctx */
};

struct oops_module {
	char name[OOPS_MOD_MAX];
	char flags[16];			/* "OE", "U", "" ... */
};

/* Tri-state for decoded fault bits. */
enum oops_tri { OOPS_UNKNOWN = -1, OOPS_NO = 0, OOPS_YES = 1 };

struct oops_fault {
	bool present;			/* this report is a memory fault */
	char address[40];		/* as printed, "" when unknown */
	unsigned long long addr;
	long error_code;		/* x86 #PF error code, -1 unknown */
	int protection;			/* 1: protection violation, 0: not-present */
	int write;			/* 1 write, 0 read */
	int user;			/* 1 user mode, 0 kernel mode */
	int reserved;			/* reserved bit violation */
	int instruction;		/* instruction fetch */
};

struct oops_report {
	enum oops_kind kind;
	char title[OOPS_TEXT_MAX];
	char header[OOPS_TEXT_MAX];	/* first line of the report */
	unsigned long start_line;	/* 1-based line numbers in the input */
	unsigned long end_line;

	/* what the header itself said */
	char header_function[OOPS_FUNC_MAX];
	char header_module[OOPS_MOD_MAX];
	char held_function[OOPS_FUNC_MAX];	/* lockdep: the second "at:" */
	char held_module[OOPS_MOD_MAX];
	char bug_type[64];		/* KASAN/KFENCE/UBSAN/lockdep kind */
	char access[8];			/* "Read"/"Write" (KASAN) */
	long access_size;		/* -1 unknown */
	char slab_cache[64];		/* SLUB/KASAN cache, e.g. kmalloc-32 */
	char detail[OOPS_TEXT_MAX];	/* SLUB "what", spinlock kind, ... */
	char src_file[256];		/* kernel BUG at / WARNING at / UBSAN */
	int src_line;			/* -1 unknown */
	char oops_code[64];		/* "0003 [#1] SMP PTI" */
	int irqs_disabled;		/* from "irqs_disabled(): N", -1 */
	int in_atomic;			/* from "in_atomic(): N", -1 */
	int first_byte;			/* SLUB "First byte 0x5c", -1 */

	/* task and machine */
	char kernel[128];
	char arch[16];
	char hardware[256];
	char comm[64];
	long pid;			/* -1 unknown */
	int cpu;			/* -1 unknown */

	/* taint */
	bool taint_known;
	bool tainted;
	char taint[64];			/* flags as printed, "" when not */
	unsigned int taint_mask;	/* bit (c - 'A') for flag letter c */

	struct oops_fault fault;

	bool has_rip;
	struct oops_frame rip;		/* RIP / NIP / EIP / pc */
	bool has_lr;
	struct oops_frame lr;		/* powerpc LR, arm64 lr */
	/* a RIP printed inside the call trace, before frame trace_rip_at */
	bool has_trace_rip;
	int trace_rip_at;
	struct oops_frame trace_rip;

	int nframes;
	int frames_dropped;
	int nalloc;
	int nfree;
	int nmodules;
	int modules_dropped;
	char last_unloaded[OOPS_MOD_MAX];

	bool panicked;
	char panic_reason[OOPS_TEXT_MAX];
	unsigned long panic_line;

	bool corrupted;
	char corrupted_reason[OOPS_TEXT_MAX];

	/* analysis */
	char guilty_function[OOPS_FUNC_MAX];
	char guilty_module[OOPS_MOD_MAX];
	char class_name[32];		/* "" when no class matches */
	char class_reason[OOPS_TEXT_MAX];
	char reproducer[128];

	/*
	 * Large arrays last: only the part above is cleared between reports,
	 * entries past the counts are never read.
	 */
	struct oops_frame frames[OOPS_MAX_FRAMES];
	struct oops_frame alloc_frames[OOPS_MAX_AUX_FRAMES];
	struct oops_frame free_frames[OOPS_MAX_AUX_FRAMES];
	struct oops_module modules[OOPS_MAX_MODULES];
};

typedef void (*oops_report_cb)(const struct oops_report *r, void *arg);

struct oops_parser;

struct oops_parser *oops_parser_new(oops_report_cb cb, void *arg);
/* Feed any number of bytes; lines may span calls. */
void oops_parser_feed(struct oops_parser *p, const char *buf, size_t len);
/* End of input: flush the last line and the report in progress. */
void oops_parser_finish(struct oops_parser *p);
/* Number of reports emitted so far. */
unsigned long oops_parser_reports(const struct oops_parser *p);
void oops_parser_free(struct oops_parser *p);

/* Names and descriptions. */
const char *oops_kind_name(enum oops_kind k);
const char *oops_taint_name(char flag);
const char *oops_taint_meaning(char flag);

/* Analysis entry points (run automatically before the callback). */
void oops_report_analyze(struct oops_report *r);
bool oops_is_plumbing(const char *function);
void oops_normalize_function(const char *in, char *out, size_t outsz);

/* Output. */
void oops_print_json(FILE *f, const struct oops_report *r, const char *file);
void oops_print_tsv(FILE *f, const struct oops_report *r);
void oops_print_title(FILE *f, const struct oops_report *r);
void oops_print_triage(FILE *f, const struct oops_report *r);
void oops_print_human(FILE *f, const struct oops_report *r, unsigned long n,
		      const char *file);

#endif /* OOPSPARSE_H */
