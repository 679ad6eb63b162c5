// SPDX-License-Identifier: GPL-2.0
/*
 * deepin-lsm: exercise the file_open hook that deepin_lsm installed.
 *
 * The module does its work at load time: with mode=buggy the insmod
 * itself oopses.  This program proves the result on the functional side:
 * it opens a file N times and reads the module's hit counter
 * (/sys/module/deepin_lsm/parameters/hits) before and after.
 *
 * Exits 0 when the counter grew by at least N (every open went through the
 * hook), 1 when it did not (no hook installed, or the module is missing).
 */
#include <fcntl.h>
#include <getopt.h>
#include <unistd.h>

#include "trigger.h"

const char *trigger_name = "deepin-lsm";

static unsigned long read_hits(const char *path)
{
	char buf[64], *end;
	unsigned long v;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		die("cannot open %s: %s (is deepin_lsm loaded?)",
		    path, strerror(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0)
		die("read %s: %s", path, strerror(errno));
	close(fd);
	buf[n] = '\0';
	errno = 0;
	v = strtoul(buf, &end, 10);
	if (errno || end == buf || (*end && *end != '\n'))
		die("%s: not a number: '%s'", path, buf);
	return v;
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: %s [--opens N] [--file PATH] [--hits PATH] [--budget-ms MS]\n"
		"  open PATH (default ./deepin-lsm.probe, created) N times\n"
		"  (default 1000, at most MS ms, default 10000) and check that\n"
		"  the hit counter HITS grew by at least N\n",
		trigger_name);
	exit(TRIGGER_USAGE);
}

int main(int argc, char **argv)
{
	const char *hits_path = "/sys/module/deepin_lsm/parameters/hits";
	const char *file = "deepin-lsm.probe";
	unsigned long opens = 1000, budget_ms = 10000, done = 0;
	unsigned long before, after, grew;
	unsigned long long start;
	int opt, fd;

	static const struct option opts[] = {
		{ "opens", required_argument, NULL, 'n' },
		{ "file", required_argument, NULL, 'f' },
		{ "hits", required_argument, NULL, 'h' },
		{ "budget-ms", required_argument, NULL, 'b' },
		{ }
	};

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			opens = parse_ulong("--opens", optarg, 1, 10000000);
			break;
		case 'f':
			file = optarg;
			break;
		case 'h':
			hits_path = optarg;
			break;
		case 'b':
			budget_ms = parse_ulong("--budget-ms", optarg, 1, 600000);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	fd = open(file, O_RDONLY | O_CREAT, 0600);
	if (fd < 0)
		die("cannot create %s: %s", file, strerror(errno));
	close(fd);

	before = read_hits(hits_path);
	printf("%s: hits=%lu, opening %s %lu times\n",
	       trigger_name, before, file, opens);
	fflush(stdout);

	start = now_ms();
	while (done < opens && now_ms() - start < budget_ms) {
		fd = open(file, O_RDONLY);
		if (fd < 0)
			die("open %s: %s", file, strerror(errno));
		close(fd);
		done++;
	}

	after = read_hits(hits_path);
	grew = after >= before ? after - before : 0;
	printf("%s: %lu/%lu opens in %llu ms; hits %lu -> %lu (+%lu)\n",
	       trigger_name, done, opens, now_ms() - start, before, after,
	       grew);
	if (done < opens)
		die("time budget of %lu ms ran out after %lu opens",
		    budget_ms, done);
	if (grew < done)
		die("the hook missed opens: hits grew by %lu for %lu opens",
		    grew, done);
	printf("%s: the file_open hook saw every open\n", trigger_name);
	return TRIGGER_PASS;
}
