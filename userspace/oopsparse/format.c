// SPDX-License-Identifier: GPL-2.0
/* oopsparse: output formats (JSON Lines, TSV, titles, triage, human). */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* JSON                                                                */

/* length of a valid UTF-8 sequence at s, 0 if invalid */
static int utf8_len(const unsigned char *s)
{
	int n, i;
	unsigned int cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static void json_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (*p) {
		int n;

		switch (*p) {
		case '"':
			fputs("\\\"", f);
			p++;
			continue;
		case '\\':
			fputs("\\\\", f);
			p++;
			continue;
		case '\n':
			fputs("\\n", f);
			p++;
			continue;
		case '\t':
			fputs("\\t", f);
			p++;
			continue;
		case '\r':
			fputs("\\r", f);
			p++;
			continue;
		default:
			break;
		}
		if (*p < 0x20 || *p == 0x7f) {
			fprintf(f, "\\u%04x", *p);
			p++;
			continue;
		}
		n = utf8_len(p);
		if (!n) {
			fputs("\\ufffd", f);
			p++;
			continue;
		}
		fwrite(p, 1, (size_t)n, f);
		p += n;
	}
	fputc('"', f);
}

/* string or null when empty */
static void json_str_or_null(FILE *f, const char *s)
{
	if (s && *s)
		json_str(f, s);
	else
		fputs("null", f);
}

static void json_key(FILE *f, const char *k, bool *first)
{
	if (!*first)
		fputc(',', f);
	*first = false;
	json_str(f, k);
	fputc(':', f);
}

static void json_tri(FILE *f, int v)
{
	fputs(v < 0 ? "null" : v ? "true" : "false", f);
}

static void json_frame(FILE *f, const struct oops_frame *fr, bool ctx)
{
	static const char *const ctxs[] = {
		"task", "irq", "softirq", "nmi", "exception",
	};
	bool first = true;

	fputc('{', f);
	json_key(f, "function", &first);
	json_str(f, fr->function);
	json_key(f, "offset", &first);
	if (fr->has_offset)
		fprintf(f, "\"0x%llx\"", fr->offset);
	else
		fputs("null", f);
	json_key(f, "size", &first);
	if (fr->size)
		fprintf(f, "\"0x%llx\"", fr->size);
	else
		fputs("null", f);
	json_key(f, "module", &first);
	json_str_or_null(f, fr->module);
	json_key(f, "reliable", &first);
	fputs(fr->reliable ? "true" : "false", f);
	if (fr->address) {
		json_key(f, "address", &first);
		fprintf(f, "\"0x%llx\"", fr->address);
	}
	if (ctx) {
		json_key(f, "context", &first);
		json_str(f, fr->context < ARRAY_SIZE(ctxs) ?
			 ctxs[fr->context] : "task");
	}
	fputc('}', f);
}

static void json_frames(FILE *f, const struct oops_frame *fr, int n, bool ctx)
{
	fputc('[', f);
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		json_frame(f, &fr[i], ctx);
	}
	fputc(']', f);
}

void oops_print_json(FILE *f, const struct oops_report *r, const char *file)
{
	bool first = true;
	char buf[64];

	fputc('{', f);
	if (file) {
		json_key(f, "file", &first);
		json_str(f, file);
	}
	json_key(f, "start_line", &first);
	fprintf(f, "%lu", r->start_line);
	json_key(f, "end_line", &first);
	fprintf(f, "%lu", r->end_line);
	json_key(f, "kind", &first);
	json_str(f, oops_kind_name(r->kind));
	json_key(f, "title", &first);
	json_str(f, r->title);
	json_key(f, "header", &first);
	json_str(f, r->header);
	json_key(f, "guilty", &first);
	fputc('{', f);
	{
		bool g = true;

		json_key(f, "function", &g);
		json_str_or_null(f, r->guilty_function);
		json_key(f, "module", &g);
		json_str_or_null(f, r->guilty_module);
	}
	fputc('}', f);
	json_key(f, "kernel", &first);
	json_str_or_null(f, r->kernel);
	json_key(f, "arch", &first);
	json_str_or_null(f, r->arch);
	json_key(f, "hardware", &first);
	json_str_or_null(f, r->hardware);
	json_key(f, "cpu", &first);
	if (r->cpu >= 0)
		fprintf(f, "%d", r->cpu);
	else
		fputs("null", f);
	json_key(f, "comm", &first);
	json_str_or_null(f, r->comm);
	json_key(f, "pid", &first);
	if (r->pid >= 0)
		fprintf(f, "%ld", r->pid);
	else
		fputs("null", f);

	json_key(f, "taint", &first);
	if (!r->taint_known && !r->taint_mask) {
		fputs("null", f);
	} else {
		bool t = true;
		bool firstflag = true;

		fputc('{', f);
		json_key(f, "tainted", &t);
		fputs(r->tainted || r->taint_mask & ~(1u << ('G' - 'A')) ?
		      "true" : "false", f);
		json_key(f, "string", &t);
		json_str(f, r->taint_known && !r->tainted ? "Not tainted" :
			 r->taint);
		json_key(f, "flags", &t);
		fputc('[', f);
		for (int c = 0; c < 26; c++) {
			bool ff = true;

			if (!(r->taint_mask & (1u << c)))
				continue;
			if (!firstflag)
				fputc(',', f);
			firstflag = false;
			buf[0] = (char)('A' + c);
			buf[1] = '\0';
			fputc('{', f);
			json_key(f, "flag", &ff);
			json_str(f, buf);
			json_key(f, "name", &ff);
			json_str(f, oops_taint_name((char)('A' + c)));
			json_key(f, "meaning", &ff);
			json_str(f, oops_taint_meaning((char)('A' + c)));
			fputc('}', f);
		}
		fputs("]}", f);
	}

	json_key(f, "fault", &first);
	if (!r->fault.present) {
		fputs("null", f);
	} else {
		bool t = true;

		fputc('{', f);
		json_key(f, "address", &t);
		json_str_or_null(f, r->fault.address);
		json_key(f, "error_code", &t);
		if (r->fault.error_code >= 0)
			fprintf(f, "\"0x%04lx\"", r->fault.error_code);
		else
			fputs("null", f);
		json_key(f, "protection_violation", &t);
		json_tri(f, r->fault.protection);
		json_key(f, "not_present", &t);
		json_tri(f, r->fault.protection < 0 ? -1 :
			 !r->fault.protection);
		json_key(f, "write", &t);
		json_tri(f, r->fault.write);
		json_key(f, "access", &t);
		json_str_or_null(f, r->fault.instruction == 1 ?
				 "instruction fetch" :
				 r->fault.write == 1 ? "write" :
				 r->fault.write == 0 ? "read" : "");
		json_key(f, "user_mode", &t);
		json_tri(f, r->fault.user);
		json_key(f, "mode", &t);
		json_str_or_null(f, r->fault.user == 1 ? "user" :
				 r->fault.user == 0 ? "kernel" : "");
		json_key(f, "reserved_bit", &t);
		json_tri(f, r->fault.reserved);
		json_key(f, "instruction_fetch", &t);
		json_tri(f, r->fault.instruction);
		fputc('}', f);
	}
	json_key(f, "oops", &first);
	json_str_or_null(f, r->oops_code);

	json_key(f, "rip", &first);
	if (r->has_rip)
		json_frame(f, &r->rip, false);
	else
		fputs("null", f);
	if (r->has_lr) {
		json_key(f, "lr", &first);
		json_frame(f, &r->lr, false);
	}
	json_key(f, "frames", &first);
	json_frames(f, r->frames, r->nframes, true);
	if (r->frames_dropped) {
		json_key(f, "frames_dropped", &first);
		fprintf(f, "%d", r->frames_dropped);
	}
	if (r->nalloc) {
		json_key(f, "alloc_frames", &first);
		json_frames(f, r->alloc_frames, r->nalloc, false);
	}
	if (r->nfree) {
		json_key(f, "free_frames", &first);
		json_frames(f, r->free_frames, r->nfree, false);
	}

	json_key(f, "modules", &first);
	fputc('[', f);
	for (int i = 0; i < r->nmodules; i++) {
		bool m = true;

		if (i)
			fputc(',', f);
		fputc('{', f);
		json_key(f, "name", &m);
		json_str(f, r->modules[i].name);
		json_key(f, "flags", &m);
		json_str(f, r->modules[i].flags);
		fputc('}', f);
	}
	fputc(']', f);
	if (r->modules_dropped) {
		json_key(f, "modules_dropped", &first);
		fprintf(f, "%d", r->modules_dropped);
	}
	json_key(f, "last_unloaded", &first);
	json_str_or_null(f, r->last_unloaded);

	json_key(f, "source", &first);
	if (r->src_file[0]) {
		bool s = true;

		fputc('{', f);
		json_key(f, "file", &s);
		json_str(f, r->src_file);
		json_key(f, "line", &s);
		if (r->src_line >= 0)
			fprintf(f, "%d", r->src_line);
		else
			fputs("null", f);
		fputc('}', f);
	} else {
		fputs("null", f);
	}

	json_key(f, "details", &first);
	{
		bool d = true;

		fputc('{', f);
		json_key(f, "bug_type", &d);
		json_str_or_null(f, r->bug_type);
		json_key(f, "access", &d);
		json_str_or_null(f, r->access);
		json_key(f, "access_size", &d);
		if (r->access_size >= 0)
			fprintf(f, "%ld", r->access_size);
		else
			fputs("null", f);
		json_key(f, "slab_cache", &d);
		json_str_or_null(f, r->slab_cache);
		json_key(f, "message", &d);
		json_str_or_null(f, r->detail);
		json_key(f, "header_function", &d);
		json_str_or_null(f, r->header_function);
		json_key(f, "in_atomic", &d);
		json_tri(f, r->in_atomic);
		json_key(f, "irqs_disabled", &d);
		json_tri(f, r->irqs_disabled);
		json_key(f, "first_byte", &d);
		if (r->first_byte >= 0)
			fprintf(f, "\"0x%02x\"", r->first_byte);
		else
			fputs("null", f);
		fputc('}', f);
	}

	json_key(f, "panicked", &first);
	fputs(r->panicked ? "true" : "false", f);
	json_key(f, "panic_reason", &first);
	json_str_or_null(f, r->panic_reason);
	json_key(f, "corrupted", &first);
	fputs(r->corrupted ? "true" : "false", f);
	json_key(f, "corrupted_reason", &first);
	json_str_or_null(f, r->corrupted_reason);

	json_key(f, "class", &first);
	json_str_or_null(f, r->class_name);
	json_key(f, "class_reason", &first);
	json_str_or_null(f, r->class_reason);
	json_key(f, "reproducer", &first);
	json_str_or_null(f, r->reproducer);
	fputs("}\n", f);
}

/* ------------------------------------------------------------------ */
/* TSV and one-liners                                                  */

/* a field with no TAB, CR, LF or other control bytes; "-" when empty */
static void tsv_field(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!*p) {
		fputc('-', f);
		return;
	}
	for (; *p; p++)
		fputc(*p < 0x20 || *p == 0x7f ? ' ' : *p, f);
}

/* function names in TSV drop compiler suffixes: what people match on */
static void tsv_func(FILE *f, const char *fn)
{
	char name[OOPS_FUNC_MAX];

	oops_normalize_function(fn, name, sizeof(name));
	tsv_field(f, name);
}

void oops_print_tsv(FILE *f, const struct oops_report *r)
{
	char num[32];
	bool any = false;

	tsv_field(f, r->title);
	fputc('\t', f);
	tsv_field(f, oops_kind_name(r->kind));
	fputc('\t', f);
	tsv_field(f, r->comm);
	fputc('\t', f);
	if (r->pid >= 0)
		xsnprintf(num, sizeof(num), "%ld", r->pid);
	else
		num[0] = '\0';
	tsv_field(f, num);
	fputc('\t', f);
	tsv_field(f, r->guilty_module);
	fputc('\t', f);
	tsv_func(f, r->has_rip ? r->rip.function : "");
	fputc('\t', f);
	fputc(r->panicked ? '1' : '0', f);
	fputc('\t', f);
	tsv_field(f, r->class_name);
	fputc('\t', f);
	if (r->has_rip) {
		tsv_func(f, r->rip.function);
		any = true;
	}
	for (int i = 0; i < r->nframes; i++) {
		if (any)
			fputc(' ', f);
		tsv_func(f, r->frames[i].function);
		any = true;
	}
	if (!any)
		fputc('-', f);
	fputc('\n', f);
}

void oops_print_title(FILE *f, const struct oops_report *r)
{
	tsv_field(f, r->title);
	fputc('\n', f);
}

void oops_print_triage(FILE *f, const struct oops_report *r)
{
	tsv_field(f, r->class_name);
	fputc('\t', f);
	tsv_field(f, r->class_reason);
	fputc('\t', f);
	tsv_field(f, r->reproducer);
	fputc('\n', f);
}

/* ------------------------------------------------------------------ */
/* human                                                               */

static void human_frame(FILE *f, const struct oops_frame *fr)
{
	fprintf(f, "%s%s", fr->reliable ? "" : "? ", fr->function);
	if (fr->has_offset)
		fprintf(f, "+0x%llx", fr->offset);
	if (fr->size)
		fprintf(f, "/0x%llx", fr->size);
	if (fr->module[0])
		fprintf(f, " [%s]", fr->module);
}

static const char *tri(int v, const char *yes, const char *no)
{
	return v < 0 ? "?" : v ? yes : no;
}

void oops_print_human(FILE *f, const struct oops_report *r, unsigned long n,
		      const char *file)
{
	int i;

	fprintf(f, "Report %lu: %s\n", n, r->title);
	fprintf(f, "  where:     %s%slines %lu-%lu\n", file ? file : "",
		file ? " " : "", r->start_line, r->end_line);
	fprintf(f, "  kind:      %s\n", oops_kind_name(r->kind));
	fprintf(f, "  kernel:    %s (%s)\n", r->kernel[0] ? r->kernel : "?",
		r->arch[0] ? r->arch : "?");
	if (r->hardware[0])
		fprintf(f, "  hardware:  %s\n", r->hardware);
	fprintf(f, "  task:      %s", r->comm[0] ? r->comm : "?");
	if (r->pid >= 0)
		fprintf(f, " (pid %ld)", r->pid);
	if (r->cpu >= 0)
		fprintf(f, " on CPU %d", r->cpu);
	fputc('\n', f);
	if (r->taint_known || r->taint_mask) {
		fprintf(f, "  taint:     %s",
			r->tainted ? r->taint : "Not tainted");
		for (int c = 0; c < 26; c++)
			if (r->taint_mask & (1u << c))
				fprintf(f, "%s%c=%s", c ? "; " : "",
					'A' + c, oops_taint_meaning((char)('A' + c)));
		fputc('\n', f);
	}
	fprintf(f, "  guilty:    %s", r->guilty_function[0] ?
		r->guilty_function : "?");
	if (r->guilty_module[0])
		fprintf(f, " [%s]", r->guilty_module);
	fputc('\n', f);
	if (r->src_file[0])
		fprintf(f, "  source:    %s:%d\n", r->src_file, r->src_line);
	if (r->has_rip) {
		fprintf(f, "  ip:        ");
		human_frame(f, &r->rip);
		fputc('\n', f);
	}
	if (r->has_lr) {
		fprintf(f, "  lr:        ");
		human_frame(f, &r->lr);
		fputc('\n', f);
	}
	if (r->fault.present) {
		fprintf(f, "  fault:     address %s",
			r->fault.address[0] ? r->fault.address : "?");
		if (r->fault.error_code >= 0)
			fprintf(f, ", error code 0x%04lx", r->fault.error_code);
		fprintf(f, ": %s, %s, %s mode%s%s\n",
			tri(r->fault.protection, "protection violation",
			    "page not present"),
			r->fault.instruction == 1 ? "instruction fetch" :
			tri(r->fault.write, "write", "read"),
			tri(r->fault.user, "user", "kernel"),
			r->fault.reserved == 1 ? ", reserved bit set" : "",
			"");
	}
	if (r->bug_type[0] || r->slab_cache[0] || r->access[0] ||
	    r->detail[0]) {
		const char *sep = "";

		fprintf(f, "  detail:    ");
		if (r->bug_type[0]) {
			fprintf(f, "%s", r->bug_type);
			sep = ", ";
		}
		if (r->access[0]) {
			fprintf(f, "%s%s", sep, r->access);
			if (r->access_size >= 0)
				fprintf(f, " of size %ld", r->access_size);
			sep = ", ";
		}
		if (r->slab_cache[0]) {
			fprintf(f, "%scache %s", sep, r->slab_cache);
			sep = ", ";
		}
		if (r->detail[0] && r->kind != OOPS_KIND_PANIC)
			fprintf(f, "%s%s", sep, r->detail);
		fputc('\n', f);
	}
	if (r->nframes) {
		fprintf(f, "  trace:\n");
		for (i = 0; i < r->nframes; i++) {
			fprintf(f, "    ");
			human_frame(f, &r->frames[i]);
			fputc('\n', f);
		}
		if (r->frames_dropped)
			fprintf(f, "    (%d more)\n", r->frames_dropped);
	}
	if (r->nmodules) {
		int third = 0;

		fprintf(f, "  modules:   %d linked in", r->nmodules +
			r->modules_dropped);
		for (i = 0; i < r->nmodules; i++) {
			if (!r->modules[i].flags[0])
				continue;
			fprintf(f, "%s%s(%s)", third++ ? " " : "; flagged: ",
				r->modules[i].name, r->modules[i].flags);
		}
		fputc('\n', f);
	}
	if (r->last_unloaded[0])
		fprintf(f, "  unloaded:  %s (last)\n", r->last_unloaded);
	fprintf(f, "  panicked:  %s%s%s\n", r->panicked ? "yes" : "no",
		r->panicked ? ": " : "", r->panic_reason);
	if (r->corrupted)
		fprintf(f, "  corrupted: %s\n", r->corrupted_reason);
	fprintf(f, "  class:     %s\n", r->class_name[0] ? r->class_name : "-");
	fprintf(f, "  reason:    %s\n", r->class_reason);
	if (r->reproducer[0])
		fprintf(f, "  reproduce: %s\n", r->reproducer);
	fputc('\n', f);
}
