// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: feed arbitrary bytes to the parser, split at a point
 * taken from the input, and render every report in every output format.
 * Any crash, leak, sanitizer report, timeout or RSS blow-up is a finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "oopsparse.h"

static FILE *sink;

static void on_report(const struct oops_report *r, void *arg)
{
	unsigned long *n = arg;

	(*n)++;
	oops_print_json(sink, r, "fuzz");
	oops_print_tsv(sink, r);
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
