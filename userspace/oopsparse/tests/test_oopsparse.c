// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse unit tests.
 *
 *   test_oopsparse TESTDIR [CLI]
 *
 * TESTDIR/field-logs/EXPECTED.tsv: the field logs' expected reports.
 * TESTDIR/data/NAME.log + NAME.expected: "reports<TAB>N" and
 * "I.key<TAB>value" lines ("-" means empty/unknown).
 * Every log is also checked for: valid JSON Lines, well-formed TSV, the
 * same result when fed one byte at a time, and the same titles under other
 * transport prefixes (syslog, <N>, CRLF, mail quoting).  With CLI, the command line
 * contract (modes, exit codes, errors) is checked too.
 *
 * Prints "oopsparse: N passed, M failed" last; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "oopsparse.h"

static int passed, failed;

static void check(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void check(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		passed++;
		return;
	}
	failed++;
	fputs("FAIL: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

/* ------------------------------------------------------------------ */

struct reports {
	struct oops_report **r;
	int n;
};

static void collect(const struct oops_report *r, void *arg)
{
	struct reports *rs = arg;

	rs->r = realloc(rs->r, sizeof(*rs->r) * (size_t)(rs->n + 1));
	rs->r[rs->n] = malloc(sizeof(*r));
	memcpy(rs->r[rs->n], r, sizeof(*r));
	rs->n++;
}

static void free_reports(struct reports *rs)
{
	for (int i = 0; i < rs->n; i++)
		free(rs->r[i]);
	free(rs->r);
	rs->r = NULL;
	rs->n = 0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* chunk 0: all at once, else that many bytes per call */
static void parse_buf(const char *buf, size_t len, size_t chunk,
		      struct reports *rs)
{
	struct oops_parser *p = oops_parser_new(collect, rs);

	if (!chunk)
		chunk = len ? len : 1;
	for (size_t off = 0; off < len; off += chunk)
		oops_parser_feed(p, buf + off, len - off < chunk ?
				 len - off : chunk);
	oops_parser_finish(p);
	oops_parser_free(p);
}

#include "json_check.h"

/* ------------------------------------------------------------------ */
/* fields by name                                                      */

static void field(const struct oops_report *r, const char *key, char *out,
		  size_t sz)
{
	out[0] = '\0';
#define S(k, v) else if (!strcmp(key, k)) snprintf(out, sz, "%s", v)
#define I(k, v) else if (!strcmp(key, k)) snprintf(out, sz, "%ld", (long)(v))
	if (0)
		;
	S("title", r->title);
	S("kind", oops_kind_name(r->kind));
	S("class", r->class_name);
	S("arch", r->arch);
	S("kernel", r->kernel);
	S("comm", r->comm);
	S("module", r->guilty_module);
	S("guilty", r->guilty_function);
	S("rip", r->has_rip ? r->rip.function : "");
	S("panic_reason", r->panic_reason);
	S("taint", r->taint_known && !r->tainted ? "Not tainted" : r->taint);
	S("fault_address", r->fault.address);
	S("src_file", r->src_file);
	S("last_unloaded", r->last_unloaded);
	S("bug_type", r->bug_type);
	S("access", r->access);
	S("cache", r->slab_cache);
	S("oops", r->oops_code);
	S("hardware", r->hardware);
	S("frame0", r->nframes ? r->frames[0].function : "");
	I("pid", r->pid);
	I("cpu", r->cpu);
	I("panicked", r->panicked);
	I("corrupted", r->corrupted);
	I("error_code", r->fault.error_code);
	I("write", r->fault.write);
	I("protection", r->fault.protection);
	I("user", r->fault.user);
	I("instruction", r->fault.instruction);
	I("src_line", r->src_line);
	I("frames", r->nframes);
	I("nalloc", r->nalloc);
	I("start_line", r->start_line);
	I("end_line", r->end_line);
	I("access_size", r->access_size);
	I("first_byte", r->first_byte);
	I("irqs_disabled", r->irqs_disabled);
	else if (!strcmp(key, "modules")) {
		size_t n = 0;

		for (int i = 0; i < r->nmodules && n + 80 < sz; i++)
			n += (size_t)snprintf(out + n, sz - n, "%s%s%s%s%s",
					      i ? " " : "", r->modules[i].name,
					      r->modules[i].flags[0] ? "(" : "",
					      r->modules[i].flags,
					      r->modules[i].flags[0] ? ")" : "");
	} else if (!strncmp(key, "module_flags:", 13)) {
		for (int i = 0; i < r->nmodules; i++)
			if (!strcmp(r->modules[i].name, key + 13))
				snprintf(out, sz, "(%s)", r->modules[i].flags);
	} else if (!strcmp(key, "nmodules")) {
		snprintf(out, sz, "%d", r->nmodules);
	} else if (!strcmp(key, "reliable_frames")) {
		int n = 0;

		for (int i = 0; i < r->nframes; i++)
			n += r->frames[i].reliable;
		snprintf(out, sz, "%d", n);
	} else if (!strcmp(key, "lr")) {
		snprintf(out, sz, "%s", r->has_lr ? r->lr.function : "");
	} else if (!strcmp(key, "taint_flags")) {
		size_t n = 0;

		for (int c = 0; c < 26 && n + 2 < sz; c++)
			if (r->taint_mask & (1u << c))
				out[n++] = (char)('A' + c);
		out[n] = '\0';
	} else {
		snprintf(out, sz, "<unknown key %s>", key);
	}
#undef S
#undef I
	/* unknown numbers are -1, unknown strings empty: both print "-" */
	if (!out[0] || !strcmp(out, "-1"))
		snprintf(out, sz, "-");
}

static void expect_field(const char *name, int idx,
			 const struct oops_report *r, const char *key,
			 const char *want)
{
	char got[4096];

	field(r, key, got, sizeof(got));
	check(!strcmp(got, want), "%s: report %d %s: got '%s', want '%s'",
	      name, idx + 1, key, got, want);
}

/* ------------------------------------------------------------------ */
/* generic properties of every log                                     */

static char *render(const struct reports *rs, int mode)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	for (int i = 0; i < rs->n; i++) {
		switch (mode) {
		case 0:
			oops_print_json(f, rs->r[i], NULL);
			break;
		case 1:
			oops_print_tsv(f, rs->r[i]);
			break;
		case 2:
			oops_print_title(f, rs->r[i]);
			break;
		case 3:
			oops_print_triage(f, rs->r[i]);
			break;
		default:
			oops_print_human(f, rs->r[i], (unsigned long)i + 1,
					 "x");
			break;
		}
	}
	fclose(f);
	return buf;
}

static void check_formats(const char *name, const struct reports *rs)
{
	char *json = render(rs, 0), *tsv = render(rs, 1), *tri = render(rs, 3);
	char *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(json, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++)
		check(json_valid_line(line), "%s: invalid JSON: %.200s", name,
		      line);
	check(n == rs->n, "%s: %d JSON lines for %d reports", name, n, rs->n);
	n = 0;
	for (line = strtok_r(tsv, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++) {
		int tabs = 0;
		bool empty = false;
		char *p = line;

		for (char *q = line; ; q++) {
			if (*q == '\t' || !*q) {
				if (q == p)
					empty = true;
				if (!*q)
					break;
				tabs++;
				p = q + 1;
			}
		}
		check(tabs == 8 && !empty,
		      "%s: TSV line needs 9 non-empty fields: %.200s", name,
		      line);
	}
	check(n == rs->n, "%s: %d TSV lines for %d reports", name, n, rs->n);
	n = 0;
	for (line = strtok_r(tri, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++) {
		int tabs = 0;

		for (char *q = line; *q; q++)
			tabs += *q == '\t';
		check(tabs == 2, "%s: triage line needs 3 fields: %.200s",
		      name, line);
	}
	free(json);
	free(tsv);
	free(tri);
}

static void check_streaming(const char *name, const char *buf, size_t len,
			    const struct reports *whole)
{
	static const size_t chunks[] = { 1, 7, 4096 };
	char *a = render(whole, 0), *h = render(whole, 4);

	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		struct reports rs = { 0 };
		char *b;

		parse_buf(buf, len, chunks[i], &rs);
		b = render(&rs, 0);
		check(!strcmp(a, b), "%s: output differs when fed %zu bytes at a time",
		      name, chunks[i]);
		free(b);
		free_reports(&rs);
	}
	free(a);
	free(h);
}

/*
 * "[    1.234567] ...": the printk time the kernel puts on a console line,
 * maybe after what was left on the line ("syzkaller login: [  1.2] ...")
 */
static bool printk_time(const char *p, size_t n);

static bool printk_stamped(const char *p, size_t n)
{
	if (printk_time(p, n))
		return true;
	for (size_t i = 1; i < n && i < 64; i++)
		if (p[i] == '[' && p[i - 1] == ' ' &&
		    printk_time(p + i, n - i))
			return true;
	return false;
}

static bool printk_time(const char *p, size_t n)
{
	size_t i = 1;

	if (!n || p[0] != '[')
		return false;
	while (i < n && p[i] == ' ')
		i++;
	if (i == n || p[i] < '0' || p[i] > '9')
		return false;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	/* "[00001044] *pgd=..." (arm's page table dump) is no time */
	if (i == n || p[i] != '.')
		return false;
	while (++i < n && p[i] >= '0' && p[i] <= '9')
		;
	return i < n && p[i] == ']';
}

/*
 * Re-emit every line with another transport prefix.  In a console whose
 * kernel lines carry the printk time, a line without it was written by a
 * program to the same console: syslog files it under that program, not
 * "kernel:", and the other styles leave it bare, as the real transports do.
 */
static char *reprefix(const char *buf, size_t len, int style, size_t *outlen)
{
	char *out = NULL;
	size_t olen = 0;
	FILE *f = open_memstream(&out, &olen);
	const char *p = buf, *end = buf + len;
	bool stamped_log = false;

	for (const char *q = buf; q < end && !stamped_log; ) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t n = nl ? (size_t)(nl - q) : (size_t)(end - q);

		stamped_log = printk_stamped(q, n);
		q += n + 1;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		bool kernel;

		if (n && p[n - 1] == '\r')
			n--;
		kernel = !stamped_log || printk_stamped(p, n);
		switch (style) {
		case 0:
			fprintf(f, "Nov 21 05:10:01 labvm %s: %.*s\n",
				kernel ? "kernel" : "sh[1]", (int)n, p);
			break;
		case 1:
			fprintf(f, "%s%.*s\r\n", kernel ? "<4>" : "", (int)n, p);
			break;
		case 3:
			/* a log quoted in a mail reply */
			fprintf(f, "> %.*s\n", (int)n, p);
			break;
		default:
			fprintf(f, "2025-11-21T05:10:01.123456+00:00 labvm %s: %.*s\n",
				kernel ? "kernel" : "sh[1]", (int)n, p);
			break;
		}
		p += n;
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
	fclose(f);
	*outlen = olen;
	return out;
}

static void check_prefixes(const char *name, const char *buf, size_t len,
			   const struct reports *whole)
{
	char *a = render(whole, 2);

	for (int style = 0; style < 4; style++) {
		struct reports rs = { 0 };
		size_t n;
		char *v = reprefix(buf, len, style, &n);
		char *b;

		parse_buf(v, n, 0, &rs);
		b = render(&rs, 2);
		check(!strcmp(a, b), "%s: titles differ with prefix style %d:\n%s---\n%s",
		      name, style, a, b);
		free(b);
		free(v);
		free_reports(&rs);
	}
	free(a);
}

static void generic_checks(const char *name, const char *buf, size_t len,
			   const struct reports *rs)
{
	check_formats(name, rs);
	check_streaming(name, buf, len, rs);
	check_prefixes(name, buf, len, rs);
}

/* ------------------------------------------------------------------ */

/* what EXPECTED.tsv's notes say, beyond its columns */
static void field_extra(const char *dir)
{
	static const char *const extra[][3] = {
		{ "cifs-shm-close-bug.log", "module_flags:cifs", "(X)" },
		{ "cifs-shm-close-bug.log", "module_flags:vsock", "(EX)" },
		{ "cifs-shm-close-bug.log", "module_flags:nls_utf8", "()" },
		{ "cifs-shm-close-bug.log", "taint_flags", "EGX" },
		{ "cifs-shm-close-bug.log", "last_unloaded", "ppa" },
		{ "cifs-shm-close-bug.log", "src_file", "ipc/shm.c" },
		{ "cifs-shm-close-bug.log", "src_line", "205" },
		{ "cifs-shm-close-bug.log", "cpu", "1" },
		{ "cifs-shm-close-bug.log", "hardware", "VMware, Inc. VMware Virtual Platform/440BX Desktop Reference Platform" },
		{ "cifs-shm-close-bug.log", "frames", "8" },
		{ "deepin-lsm-oops0003.log", "fault_address", "ffffffffaa6f0210" },
		{ "deepin-lsm-oops0003.log", "error_code", "3" },
		{ "deepin-lsm-oops0003.log", "protection", "1" },
		{ "deepin-lsm-oops0003.log", "write", "1" },
		{ "deepin-lsm-oops0003.log", "user", "0" },
		{ "deepin-lsm-oops0003.log", "instruction", "0" },
		{ "deepin-lsm-oops0003.log", "taint_flags", "EGO" },
		{ "deepin-lsm-oops0003.log", "oops", "0003 [#1] SMP PTI" },
		{ "afalg-nx-shash-ppc64.log", "rip", "__ksize" },
		{ "afalg-nx-shash-ppc64.log", "lr", "kfree_sensitive" },
		{ "afalg-nx-shash-ppc64.log", "taint_flags", "DGS" },
		{ "afalg-nx-shash-ppc64.log", "cpu", "22" },
		{ "afalg-nx-shash-ppc64.log", "fault_address", "0xc0403effffffffc8" },
		{ "afalg-nx-shash-ppc64.log", "frames", "15" },
		{ "afalg-nx-shash-ppc64.log", "nmodules", "12" },
		{ "dirpro-softlockup-customer.log", "reliable_frames", "0" },
		{ "dirpro-softlockup-customer.log", "last_unloaded", "nf_conntrack" },
		{ "dirpro-softlockup-customer.log", "module_flags:dirpro", "(U)" },
		{ "dirpro-softlockup-customer.log", "taint", "Not tainted" },
		{ "dirpro-softlockup-customer.log", "hardware", "Inspur NF5280M4/YZMB-00689-101" },
		{ "dirpro-softlockup-reproduced.log", "last_unloaded", "speedstep_lib" },
		{ "dirpro-hungtask-customer.log", "taint_flags", "GL" },
		{ "dirpro-hungtask-customer.log", "frame0", "file_read_actor" },
		{ "dirpro-hungtask-customer.log", "corrupted", "0" },
	};
	char path[4096];

	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		struct reports rs = { 0 };
		size_t len;
		char *buf;

		snprintf(path, sizeof(path), "%s/field-logs/%s", dir,
			 extra[i][0]);
		buf = read_file(path, &len);
		check(buf != NULL, "cannot read %s", path);
		if (!buf)
			continue;
		parse_buf(buf, len, 0, &rs);
		if (rs.n == 1)
			expect_field(extra[i][0], 0, rs.r[0], extra[i][1],
				     extra[i][2]);
		free_reports(&rs);
		free(buf);
	}
}

static void field_logs(const char *dir)
{
	char path[4096], *line = NULL;
	size_t cap = 0;
	FILE *f;
	int nlogs = 0;

	snprintf(path, sizeof(path), "%s/field-logs/EXPECTED.tsv", dir);
	f = fopen(path, "r");
	check(f != NULL, "cannot open %s", path);
	if (!f)
		return;
	while (getline(&line, &cap, f) > 0) {
		static const char *const keys[] = {
			NULL, "title", "class", "arch", "kernel", "comm", "pid",
			"module",
		};
		char *col[9] = { 0 }, *save = NULL, *buf;
		struct reports rs = { 0 };
		size_t len;
		int n = 0;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (char *t = strtok_r(line, "\t", &save); t && n < 9;
		     t = strtok_r(NULL, "\t", &save))
			col[n++] = t;
		check(n >= 8, "EXPECTED.tsv: short line");
		if (n < 8)
			continue;
		snprintf(path, sizeof(path), "%s/field-logs/%s", dir, col[0]);
		buf = read_file(path, &len);
		check(buf != NULL, "cannot read %s", path);
		if (!buf)
			continue;
		nlogs++;
		parse_buf(buf, len, 0, &rs);
		check(rs.n == 1, "%s: %d reports, want 1", col[0], rs.n);
		if (rs.n >= 1)
			for (int k = 1; k < 8; k++)
				expect_field(col[0], 0, rs.r[0], keys[k], col[k]);
		generic_checks(col[0], buf, len, &rs);
		free_reports(&rs);
		free(buf);
	}
	check(nlogs >= 6, "only %d field logs checked", nlogs);
	field_extra(dir);
	free(line);
	fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void data_logs(const char *dir)
{
	char path[4096], **names = NULL;
	struct dirent *de;
	int nn = 0;
	DIR *d;

	snprintf(path, sizeof(path), "%s/data", dir);
	d = opendir(path);
	check(d != NULL, "cannot open %s", path);
	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 4 && !strcmp(de->d_name + l - 4, ".log")) {
			names = realloc(names, sizeof(*names) * (size_t)(nn + 1));
			names[nn++] = strndup(de->d_name, l - 4);
		}
	}
	closedir(d);
	qsort(names, (size_t)nn, sizeof(*names), cmp_str);
	for (int i = 0; i < nn; i++) {
		struct reports rs = { 0 };
		char *buf, *exp, *line, *save = NULL;
		size_t len, elen;
		bool counted = false;

		snprintf(path, sizeof(path), "%s/data/%s.log", dir, names[i]);
		buf = read_file(path, &len);
		snprintf(path, sizeof(path), "%s/data/%s.expected", dir,
			 names[i]);
		exp = read_file(path, &elen);
		if (!exp && !strncmp(names[i], "clean-", 6))
			exp = strdup("reports\t0\n");
		check(buf && exp, "%s: missing .log or .expected", names[i]);
		if (!buf || !exp) {
			free(buf);
			free(exp);
			free(names[i]);
			continue;
		}
		parse_buf(buf, len, 0, &rs);
		for (line = strtok_r(exp, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *tab = strchr(line, '\t'), *dot;
			int idx;

			if (line[0] == '#' || !tab)
				continue;
			*tab = '\0';
			if (!strcmp(line, "reports")) {
				check(rs.n == atoi(tab + 1),
				      "%s: %d reports, want %s", names[i],
				      rs.n, tab + 1);
				counted = true;
				continue;
			}
			dot = strchr(line, '.');
			if (!dot)
				continue;
			idx = atoi(line) - 1;
			check(idx >= 0 && idx < rs.n,
			      "%s: no report %d for %s", names[i], idx + 1,
			      dot + 1);
			if (idx >= 0 && idx < rs.n)
				expect_field(names[i], idx, rs.r[idx], dot + 1,
					     tab + 1);
		}
		check(counted, "%s: .expected has no reports line", names[i]);
		generic_checks(names[i], buf, len, &rs);
		free_reports(&rs);
		free(buf);
		free(exp);
		free(names[i]);
	}
	free(names);
}

/* ------------------------------------------------------------------ */
/* syzkaller's Linux report corpus                                     */

/*
 * The kind of a title: its leading words, before " in " (syzbot's
 * "KIND in FUNCTION"), e.g. "KASAN: use-after-free Read", "WARNING",
 * "INFO: task hung".  A title without " in " is its own kind
 * ("kernel panic: Fatal exception").
 */
static void title_kind(const char *title, char *out, size_t sz)
{
	const char *in = strstr(title, " in ");

	snprintf(out, sz, "%.*s", in ? (int)(in - title) : (int)strlen(title),
		 title);
}

struct syz_case {
	char *titles[16];	/* TITLE then ALTs */
	int ntitles;
	const char *log;
	size_t loglen;
};

/* Split a corpus file into its header (TITLE, ALT, ...) and the log. */
static void syz_parse(char *buf, size_t len, struct syz_case *c)
{
	char *p = buf, *end = buf + len, *rep;

	memset(c, 0, sizeof(*c));
	while (p < end && *p != '\n') {
		char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			nl = end;
		*nl = '\0';
		if ((!strncmp(p, "TITLE: ", 7) || !strncmp(p, "ALT: ", 5)) &&
		    c->ntitles < 16) {
			char *t = strchr(p, ' ') + 1;

			if (*t)
				c->titles[c->ntitles++] = t;
		}
		p = nl + 1;
	}
	if (p < end)
		p++;
	c->log = p;
	c->loglen = (size_t)(end - p);
	/* "REPORT:" and syzkaller's own cut of the report follow the log */
	for (rep = p; rep < end; ) {
		char *nl = memchr(rep, '\n', (size_t)(end - rep));

		if (!strncmp(rep, "REPORT:", 7) &&
		    (rep[7] == '\n' || rep[7] == '\r' || rep + 7 == end)) {
			c->loglen = (size_t)(rep - p);
			break;
		}
		if (!nl)
			break;
		rep = nl + 1;
	}
}

static bool in_list(char **list, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

static void pct(const char *what, int n, int total)
{
	printf("syzkaller: %-12s %3d/%d = %5.1f %%\n", what, n, total,
	       total ? 100.0 * n / total : 0.0);
}

/*
 * Every file of tests/syzkaller: the first report's title must be its
 * TITLE or an ALT, a file without a TITLE must give no report.  Files
 * that do not yet are listed in tests/syzkaller-known-mismatches: a
 * mismatch not on the list fails, and so does a listed file that now
 * passes (the list only shrinks).  With SYZ_KNOWN_OUT=FILE, the current
 * mismatches are written to FILE.
 */
static void syzkaller_corpus(const char *dir)
{
	char path[4096], **names = NULL, **known = NULL, *kbuf;
	int nn = 0, nk = 0, exact = 0, kind = 0, clean = 0, clean_ok = 0;
	int crash = 0, nknown_mis = 0, fixed = 0;
	const char *out_path = getenv("SYZ_KNOWN_OUT");
	FILE *out = out_path ? fopen(out_path, "w") : NULL;
	struct dirent *de;
	size_t klen;
	DIR *d;

	snprintf(path, sizeof(path), "%s/syzkaller-known-mismatches", dir);
	kbuf = read_file(path, &klen);
	for (char *save = NULL, *l = kbuf ? strtok_r(kbuf, "\n", &save) : NULL;
	     l; l = strtok_r(NULL, "\n", &save)) {
		l[strcspn(l, " \t#")] = '\0';
		if (!l[0])
			continue;
		known = realloc(known, sizeof(*known) * (size_t)(nk + 1));
		known[nk++] = l;
	}
	if (out)
		fputs("# syzkaller corpus files whose first title is not yet syzbot's\n"
		      "# (see syzkaller_corpus() in test_oopsparse.c); only shrinks.\n",
		      out);

	snprintf(path, sizeof(path), "%s/syzkaller", dir);
	d = opendir(path);
	check(d != NULL, "cannot open %s", path);
	if (!d) {
		free(kbuf);
		free(known);
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		names = realloc(names, sizeof(*names) * (size_t)(nn + 1));
		names[nn++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, (size_t)nn, sizeof(*names), cmp_str);
	for (int i = 0; i < nn; i++) {
		struct reports rs = { 0 };
		struct syz_case c;
		size_t len;
		char *buf;
		bool ok = false, kind_ok = false;
		const char *got;

		snprintf(path, sizeof(path), "%s/syzkaller/%s", dir, names[i]);
		buf = read_file(path, &len);
		check(buf != NULL, "cannot read %s", path);
		if (!buf)
			continue;
		syz_parse(buf, len, &c);
		parse_buf(c.log, c.loglen, 0, &rs);
		got = rs.n ? rs.r[0]->title : NULL;
		if (!c.ntitles) {
			clean++;
			ok = kind_ok = !got;
			clean_ok += ok;
		} else if (got) {
			char gk[OOPS_TEXT_MAX], wk[OOPS_TEXT_MAX];

			crash++;
			title_kind(got, gk, sizeof(gk));
			for (int t = 0; t < c.ntitles; t++) {
				ok |= !strcmp(got, c.titles[t]);
				title_kind(c.titles[t], wk, sizeof(wk));
				kind_ok |= !strcmp(gk, wk);
			}
		} else {
			crash++;
		}
		exact += ok;
		kind += kind_ok;
		if (!ok) {
			bool listed = in_list(known, nk, names[i]);

			nknown_mis += listed;
			check(listed, "syzkaller/%s: got '%s', want '%s' (not in syzkaller-known-mismatches)",
			      names[i], got ? got : "(no report)",
			      c.ntitles ? c.titles[0] : "(no report)");
			if (out)
				fprintf(out, "%s\t%s\t%s\n", names[i],
					got ? got : "(no report)",
					c.ntitles ? c.titles[0] : "(no report)");
		} else if (in_list(known, nk, names[i])) {
			fixed++;
			check(false, "syzkaller/%s: now gives '%s': remove it from syzkaller-known-mismatches",
			      names[i], got ? got : "(no report)");
		}
		generic_checks(names[i], c.log, c.loglen, &rs);
		free_reports(&rs);
		free(buf);
	}
	printf("syzkaller: %d files (%d crashes, %d clean logs)\n", nn, crash,
	       clean);
	pct("exact title", exact, nn);
	pct("kind", kind, nn);
	pct("clean logs", clean_ok, clean);
	printf("syzkaller: known mismatches: %d (tests/syzkaller-known-mismatches)\n",
	       nknown_mis);
	if (fixed)
		printf("syzkaller: %d listed files now pass: shrink the list\n",
		       fixed);
	if (out)
		fclose(out);
	for (int i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	free(known);
	free(kbuf);
}

/* ------------------------------------------------------------------ */
/* library edge cases                                                  */

static void edge_cases(void)
{
	struct reports rs = { 0 };
	char *big;
	size_t n = 3 * OOPS_LINE_MAX;

	/* an empty input, a line without newline, NUL bytes, huge lines */
	parse_buf("", 0, 0, &rs);
	check(rs.n == 0, "empty input gives %d reports", rs.n);
	parse_buf("kernel BUG at mm/slub.c:42!", 27, 0, &rs);
	check(rs.n == 1 && rs.r[0]->corrupted,
	      "header without newline at EOF: 1 corrupted report");
	free_reports(&rs);
	parse_buf("BUG: soft lockup - CPU#0 stuck for 2s! [a\0b:1]\n", 47, 0,
		  &rs);
	check(rs.n == 1, "NUL byte inside a line");
	free_reports(&rs);
	big = malloc(n + 64);
	memset(big, 'A', n);
	memcpy(big, "WARNING: CPU: 0 PID: 1 at a.c:1 ", 32);
	big[n] = '\n';
	parse_buf(big, n + 1, 0, &rs);
	check(rs.n == 1 && strlen(rs.r[0]->header) < OOPS_TEXT_MAX,
	      "overlong line is truncated, not overflowed");
	free_reports(&rs);
	free(big);
	/* plumbing and normalisation */
	check(oops_is_plumbing("kfree_sensitive") && oops_is_plumbing("__ksize"),
	      "kfree_sensitive/__ksize are plumbing");
	check(oops_is_plumbing("_raw_spin_lock_irqsave") &&
	      oops_is_plumbing("do_syscall_64") &&
	      oops_is_plumbing("watchdog_timer_fn") &&
	      oops_is_plumbing("dump_stack_lvl"),
	      "locks, syscall entry, detector, dump_stack are plumbing");
	check(!oops_is_plumbing("get_process_name") &&
	      !oops_is_plumbing("shm_close") &&
	      !oops_is_plumbing("__find_get_block") &&
	      !oops_is_plumbing("__x64_sys_kill") &&
	      !oops_is_plumbing("spin_forever"),
	      "real functions are not plumbing");
	{
		char out[64];

		oops_normalize_function(".foo_read.isra.0", out, sizeof(out));
		check(!strcmp(out, "foo_read"), "normalize: %s", out);
	}
	check(!strcmp(oops_taint_name('O'), "OOT_MODULE") &&
	      !strcmp(oops_taint_name('E'), "UNSIGNED_MODULE"),
	      "taint names");
}

/* ------------------------------------------------------------------ */
/* the CLI                                                             */

static int run(const char *cmd, char **out)
{
	FILE *p = popen(cmd, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	char tmp[4096];
	int st;

	if (!p)
		return -1;
	while ((n = fread(tmp, 1, sizeof(tmp), p)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			buf = realloc(buf, cap);
		}
		memcpy(buf + len, tmp, n);
		len += n;
	}
	if (!buf)
		buf = calloc(1, 1);
	buf[len] = '\0';
	st = pclose(p);
	*out = buf;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void cli(const char *dir, const char *cli)
{
	char cmd[8192], *out;
	int rc;

	snprintf(cmd, sizeof(cmd), "%s --title %s/field-logs/dirpro-softlockup-customer.log",
		 cli, dir);
	rc = run(cmd, &out);
	check(rc == 0 && !strcmp(out, "BUG: soft lockup in get_process_name\n"),
	      "cli --title: rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --triage %s/field-logs/dirpro-softlockup-customer.log",
		 cli, dir);
	rc = run(cmd, &out);
	check(rc == 0 && !strcmp(out, "dirpro-kill\tsoft lockup whose RIP is in out-of-tree module dirpro reached from a kill hook\tscripts/run_reproducer.sh dirpro-kill\n"),
	      "cli --triage: rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --triage < %s/field-logs/dirpro-hungtask-customer.log",
		 cli, dir);
	rc = run(cmd, &out);
	check(rc == 0 && !strncmp(out, "-\t", 2) && strstr(out, "\t-\n"),
	      "cli --triage (stdin, no class): rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "cat %s/field-logs/deepin-lsm-oops0003.log | %s --tsv -",
		 dir, cli);
	rc = run(cmd, &out);
	check(rc == 0 && !strcmp(out, "BUG: unable to handle kernel paging request in init_lsm_hooks\tpaging-request\tinsmod\t8366\tdeepin_security\tinit_lsm_hooks\t0\tdeepin-lsm\tinit_lsm_hooks init_module do_one_initcall _cond_resched kmem_cache_alloc_trace do_init_module load_module __do_sys_finit_module __do_sys_finit_module do_syscall_64 entry_SYSCALL_64_after_hwframe\n"),
	      "cli --tsv -: rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --json %s/field-logs/afalg-nx-shash-ppc64.log %s/field-logs/cifs-shm-close-bug.log",
		 cli, dir, dir);
	rc = run(cmd, &out);
	{
		int lines = 0;
		char *save = NULL;

		for (char *l = strtok_r(out, "\n", &save); l;
		     l = strtok_r(NULL, "\n", &save), lines++)
			check(json_valid_line(l), "cli --json: invalid line");
		check(rc == 0 && lines == 2, "cli --json two files: rc %d, %d lines",
		      rc, lines);
	}
	free(out);

	snprintf(cmd, sizeof(cmd), "%s %s/data/clean-noise.log", cli, dir);
	rc = run(cmd, &out);
	check(rc == 1 && !out[0], "cli on a clean log: rc %d (want 1)", rc);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --title /nonexistent/x.log 2>&1", cli);
	rc = run(cmd, &out);
	check(rc == 2 && !strcmp(out, "oopsparse: cannot open /nonexistent/x.log: No such file or directory\n"),
	      "cli unreadable input: rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --frobnicate 2>/dev/null", cli);
	rc = run(cmd, &out);
	check(rc == 2, "cli bad usage: rc %d (want 2)", rc);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s --json --tsv %s/field-logs/cifs-shm-close-bug.log 2>/dev/null",
		 cli, dir);
	rc = run(cmd, &out);
	check(rc == 2 && !out[0], "cli two modes: rc %d (want 2)", rc);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s %s 2>&1", cli, dir);
	rc = run(cmd, &out);
	check(rc == 2 && strstr(out, "Is a directory"),
	      "cli directory as input: rc %d out '%s'", rc, out);
	free(out);

	snprintf(cmd, sizeof(cmd), "%s %s/field-logs/cifs-shm-close-bug.log", cli, dir);
	rc = run(cmd, &out);
	check(rc == 0 && strstr(out, "Report 1: kernel BUG in shm_close") &&
	      strstr(out, "class:     cifs-delim"),
	      "cli default human output: rc %d", rc);
	free(out);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests";

	setvbuf(stdout, NULL, _IOLBF, 0);
	edge_cases();
	field_logs(dir);
	data_logs(dir);
	syzkaller_corpus(dir);
	if (argc > 2)
		cli(dir, argv[2]);
	printf("oopsparse: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
