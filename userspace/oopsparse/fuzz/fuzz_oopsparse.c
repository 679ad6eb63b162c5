// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: feed arbitrary bytes to the parser, split at a point
 * taken from the input, and render every report in every output format.
 * Any crash, leak, sanitizer report, timeout or RSS blow-up is a finding.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oopsparse.h"
#include "../tests/json_check.h"

static FILE *sink;

/* render with fn into memory; the result must be one valid line */
static void check_line(const struct oops_report *r, int mode)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	bool ok;

	if (!f)
		return;
	if (mode)
		oops_print_tsv(f, r);
	else
		oops_print_json(f, r, "fuzz\t\"\x01");
	fclose(f);
	ok = len > 0 && buf[len - 1] == '\n' && !memchr(buf, '\n', len - 1);
	if (ok) {
		buf[len - 1] = '\0';
		ok = mode ? tsv_valid_line(buf) : json_valid_line(buf);
	}
	if (!ok) {
		fprintf(stderr, "bad %s line: %s\n", mode ? "TSV" : "JSON", buf);
		__builtin_trap();
	}
	free(buf);
}

static void on_report(const struct oops_report *r, void *arg)
{
	unsigned long *n = arg;

	(*n)++;
	check_line(r, 0);
	check_line(r, 1);
	oops_print_title(sink, r);
	oops_print_triage(sink, r);
	oops_print_human(sink, r, *n, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct oops_parser *p;
	unsigned long n = 0;
	size_t split;

	if (!sink)
		sink = fopen("/dev/null", "w");
	if (!sink)
		return 0;
	p = oops_parser_new(on_report, &n);
	if (!p)
		return 0;
	/* the first byte picks where the stream is cut in two */
	split = size ? (size_t)data[0] * size / 256 : 0;
	oops_parser_feed(p, (const char *)data, split);
	oops_parser_feed(p, (const char *)data + split, size - split);
	oops_parser_finish(p);
	if (oops_parser_reports(p) != n)
		__builtin_trap();
	oops_parser_free(p);
	return 0;
}
