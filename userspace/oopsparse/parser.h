/* SPDX-License-Identifier: GPL-2.0 */
/*
 * oopsparse: the line parser's state and the functions its files share.
 *
 *   lines.c     line normalisation (transport prefixes, separators)
 *   formats.c   the table of report formats (formats.h)
 *   skip.c      the skip list: generic plumbing, never the guilty frame
 *   header.c    header matching: which format a line starts
 *   frames.c    stack frames of every arch, stack sections and contexts
 *   regs.c      registers, IP/LR lines, fault decoding
 *   task.c      task, taint, modules and the other shared lines
 *   assemble.c  starting, merging and ending reports
 *   report.c    the lines inside a report, the stream, the public API
 */
#ifndef OOPSPARSE_PARSER_H
#define OOPSPARSE_PARSER_H

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

struct hdr {
	enum oops_kind kind;
	const struct oops_format *fmt;	/* the row whose header matched */
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
	int prot;		/* arm64 "write to read-only memory" */
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
	bool main_irq;		/* the main stack went through an interrupt */
	bool irq_returned;	/* ... and came back to the task: </IRQ> */
	bool rip_in_trace;	/* a RIP line inside the main stack */
	bool lockdep_armed;	/* lockdep: the locks of the report follow */
	unsigned long paused_at;	/* the call trace stopped at this line */
	/* a one-line report printed into the trace, reported after it */
	bool has_pend;
	unsigned long pend_line;
	struct hdr pend;
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
	unsigned char first[256];	/* first bytes of the table's headers */
};

enum end_cause { END_HEADER, END_BOOT, END_EOF };


static inline bool is_sym_start(char c)
{
	return is_alpha(c) || c == '_' || c == '.' || c == '$';
}

static inline bool is_sym_char(char c)
{
	return is_sym_start(c) || is_digit(c);
}

/* frames.c */
long op_parse_long(const char *s, const char **end);
void op_add_frame(struct oops_parser *p, const struct oops_frame *f);
void op_open_section(struct oops_parser *p, enum section s);
void op_close_section(struct oops_parser *p);
const char *op_context_marker(struct oops_parser *p, const char *b);
bool op_parse_arm_frame(const char *s, struct oops_frame *f,
			struct oops_frame *from);

/* lines.c */
const char *op_strip_prefixes(const char *s, bool *foreign, bool *indented, bool *stamped);
bool op_is_separator(const char *b);

/* task.c */
void op_set_arch(struct oops_parser *p, const char *arch, int strength);
const char *op_parse_taint(struct oops_parser *p, const char *s);
void op_set_comm(struct oops_report *r, const char *s, size_t n);
bool op_parse_cpu_line(struct oops_parser *p, const char *b);
bool op_parse_pid_line(struct oops_parser *p, const char *b);
bool op_parse_process_line(struct oops_parser *p, const char *b);
void op_last_unloaded(struct oops_report *r, const char *s);
bool op_parse_modules(struct oops_parser *p, const char *s, bool check);
bool op_info_line(struct oops_parser *p, const char *b);

/* regs.c */
bool op_is_register_line(const char *b);
bool op_is_hex_dump_line(const char *b);
bool op_parse_ip_line(struct oops_parser *p, const char *b);
void op_parse_ppc_regs(struct oops_parser *p, const char *b);
void op_parse_pf_line(struct oops_report *r, const char *q);
void op_parse_fault_detail(struct oops_report *r, const char *b);
void op_oops_code(struct oops_parser *p, const char *code);
void op_fault_from_hdr(struct oops_report *r, const struct hdr *h);
void op_kasan_access_line(struct oops_parser *p, const char *b);

/* header.c */
void op_hdr_init(struct hdr *h);
bool op_parse_file_line(const char *s, char *file, size_t fsz, int *line);
bool op_parse_comm_pid_bracket(const char *s, struct hdr *h);
void op_parse_comm_slash_pid(const char *s, char stop, char *comm, size_t csz, long *pid);
void op_hdr_sym(struct hdr *h, const char *s);
void op_hdr_addr(struct hdr *h, const char *s);
bool op_is_die_suffix(const char *s);
void op_header_index(unsigned char first[256]);
enum oops_kind op_detect_header(const unsigned char first[256], const char *b,
				struct hdr *h);

/* assemble.c */
void op_set_corrupted(struct oops_report *r, const char *why);
void op_end_report(struct oops_parser *p, enum end_cause cause);
const char *op_source_path(const char *f);
void op_on_header(struct oops_parser *p, enum oops_kind k, const struct hdr *h);

/* report.c */
bool op_continuation(struct oops_parser *p, const char *b);

#endif /* OOPSPARSE_PARSER_H */
