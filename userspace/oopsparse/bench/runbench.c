// SPDX-License-Identifier: GPL-2.0
/*
 * runbench OOPSPARSE LOG EXPECTED [OLD]: run "OOPSPARSE MODE LOG" for --tsv
 * and --json, count the reports it prints, and report wall time, MB/s and
 * the child's peak RSS (getrusage/wait4: no /usr/bin/time needed).  Fails
 * when the report count differs from the number in the file EXPECTED.
 *
 * Each run is repeated RUNS times, alternating with OLD (an older build
 * measured beside it) when given, and the best is kept: the machine may be
 * shared, so MB/s is also given by CPU time (user + system), which other
 * load disturbs much less than wall time.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 5

struct result {
	double wall, cpu;	/* best of RUNS, seconds */
	long rss;		/* largest peak RSS, KB */
	unsigned long lines;
	int bad;
};

static void run(const char *bin, const char *mode, const char *log,
		unsigned long want, struct result *res)
{
	struct timespec t0, t1;
	struct rusage ru;
	unsigned long lines = 0;
	int fd[2], st;
	char buf[1 << 16];
	ssize_t n;
	pid_t pid;
	double s, cpu;

	if (pipe(fd)) {
		res->bad = 1;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execl(bin, bin, mode, log, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			lines += buf[i] == '\n';
	close(fd[0]);
	if (wait4(pid, &st, 0, &ru) < 0) {
		res->bad = 1;
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	      (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	if (!res->wall || s < res->wall)
		res->wall = s;
	if (!res->cpu || cpu < res->cpu)
		res->cpu = cpu;
	if (ru.ru_maxrss > res->rss)
		res->rss = ru.ru_maxrss;
	res->lines = lines;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		printf("bench: FAIL: %s %s: exit status %d\n", bin, mode, st);
		res->bad = 1;
	}
	if (lines != want)
		res->bad = 1;
}

static void show(const char *who, const char *mode, double mb,
		 unsigned long want, const struct result *r)
{
	printf("bench: %-10s %-6s %.1f MB in %.2f s = %.1f MB/s (CPU %.2f s = %.1f MB/s), peak RSS %ld KB, %lu reports (expected %lu)\n",
	       who, mode, mb, r->wall, mb / r->wall, r->cpu,
	       r->cpu > 0 ? mb / r->cpu : 0.0, r->rss, r->lines, want);
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "--tsv", "--json" };
	struct result cur[2] = { 0 }, old[2] = { 0 };
	const char *old_bin = argc > 4 ? argv[4] : NULL;
	unsigned long want = 0;
	struct stat sb;
	FILE *f;
	double mb;
	int bad = 0;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: runbench OOPSPARSE LOG EXPECTED [OLD]\n");
		return 2;
	}
	if (stat(argv[2], &sb)) {
		perror(argv[2]);
		return 2;
	}
	f = fopen(argv[3], "r");
	if (!f || fscanf(f, "%lu", &want) != 1) {
		fprintf(stderr, "runbench: cannot read %s\n", argv[3]);
		return 2;
	}
	fclose(f);
	mb = (double)sb.st_size / (1 << 20);
	for (int i = 0; i < RUNS; i++)
		for (int m = 0; m < 2; m++) {
			if (old_bin)
				run(old_bin, modes[m], argv[2], want, &old[m]);
			run(argv[1], modes[m], argv[2], want, &cur[m]);
		}
	for (int m = 0; m < 2; m++) {
		if (old_bin)
			show("before", modes[m], mb, want, &old[m]);
		show(old_bin ? "this tree" : "oopsparse", modes[m], mb, want,
		     &cur[m]);
		bad |= cur[m].bad;
		if (old_bin)
			printf("bench: %-6s this tree / before: %.2fx (CPU), %.2fx (wall), peak RSS %+ld KB\n",
			       modes[m], old[m].cpu / cur[m].cpu,
			       old[m].wall / cur[m].wall,
			       cur[m].rss - old[m].rss);
	}
	printf("bench: %s (best of %d runs each%s)\n", bad ? "FAIL" : "OK",
	       RUNS, old_bin ? ", alternating with the older build" : "");
	return bad ? 1 : 0;
}
