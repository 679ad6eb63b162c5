// SPDX-License-Identifier: GPL-2.0
/*
 * oopsparse [--json|--title|--triage|--tsv] [FILE...]
 *
 * Exit status: 0 when at least one report was found, 1 when none,
 * 2 on bad usage or unreadable input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oopsparse.h"

enum mode { M_HUMAN, M_JSON, M_TITLE, M_TRIAGE, M_TSV };

struct ctx {
	enum mode mode;
	const char *file;
	unsigned long n;
};

static void on_report(const struct oops_report *r, void *arg)
{
	struct ctx *c = arg;

	c->n++;
	switch (c->mode) {
	case M_JSON:
		oops_print_json(stdout, r, c->file);
		break;
	case M_TITLE:
		oops_print_title(stdout, r);
		break;
	case M_TRIAGE:
		oops_print_triage(stdout, r);
		break;
	case M_TSV:
		oops_print_tsv(stdout, r);
		break;
	default:
		oops_print_human(stdout, r, c->n, c->file);
		break;
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: oopsparse [--json|--title|--triage|--tsv] [FILE...]\n"
		"Parse kernel console logs (FILE or '-' for stdin) into crash reports.\n"
		"  (default)  human-readable summary per report\n"
		"  --title    one title per report\n"
		"  --json     one JSON object per report (JSON Lines)\n"
		"  --tsv      title kind comm pid guilty_module rip_function panicked class frames\n"
		"  --triage   class, reason and reproducer command per report\n"
		"Exit: 0 reports found, 1 none, 2 usage or input error.\n");
}

/* returns 0 ok, -1 on read error */
static int parse_stream(struct oops_parser *p, FILE *in, const char *name)
{
	static char buf[1 << 16];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		oops_parser_feed(p, buf, n);
	if (ferror(in)) {
		fprintf(stderr, "oopsparse: cannot read %s: %s\n", name,
			strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct ctx c = { .mode = M_HUMAN };
	int i, nfiles = 0, bad = 0;
	bool opts_done = false;
	unsigned long total = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts_done || a[0] != '-' || !strcmp(a, "-")) {
			nfiles++;
			continue;
		}
		if (!strcmp(a, "--")) {
			opts_done = true;
		} else if (!strcmp(a, "--json") || !strcmp(a, "--title") ||
			   !strcmp(a, "--triage") || !strcmp(a, "--tsv")) {
			enum mode m = a[2] == 'j' ? M_JSON :
				      !strcmp(a, "--title") ? M_TITLE :
				      !strcmp(a, "--triage") ? M_TRIAGE : M_TSV;

			if (c.mode != M_HUMAN && c.mode != m) {
				fprintf(stderr, "oopsparse: choose one of --json, --title, --triage, --tsv\n");
				return 2;
			}
			c.mode = m;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "oopsparse: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}

	opts_done = false;
	for (i = 1; i < argc || !nfiles; i++) {
		const char *name = "-";
		FILE *in = stdin;
		struct oops_parser *p;

		if (nfiles) {
			const char *a = argv[i];

			if (!opts_done && !strcmp(a, "--")) {
				opts_done = true;
				continue;
			}
			if (!opts_done && a[0] == '-' && strcmp(a, "-"))
				continue;
			name = a;
		}
		if (strcmp(name, "-")) {
			in = fopen(name, "rb");
			if (!in) {
				fprintf(stderr, "oopsparse: cannot open %s: %s\n",
					name, strerror(errno));
				bad = 1;
				continue;
			}
		}
		p = oops_parser_new(on_report, &c);
		if (!p) {
			fprintf(stderr, "oopsparse: out of memory\n");
			return 2;
		}
		c.file = name;
		if (parse_stream(p, in, name))
			bad = 1;
		oops_parser_finish(p);
		total += oops_parser_reports(p);
		oops_parser_free(p);
		if (in != stdin)
			fclose(in);
		if (!nfiles)
			break;
	}
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "oopsparse: write error: %s\n", strerror(errno));
		return 2;
	}
	if (bad)
		return 2;
	return total ? 0 : 1;
}
