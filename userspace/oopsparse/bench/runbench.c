// SPDX-License-Identifier: GPL-2.0
/*
 * runbench OOPSPARSE LOG EXPECTED: run "OOPSPARSE MODE LOG" for --tsv and
 * --json, count the reports it prints, and report wall time, MB/s and the
 * child's peak RSS (getrusage/wait4: no /usr/bin/time needed).  Fails when
 * the report count differs from the number in the file EXPECTED.
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

static int run(const char *bin, const char *mode, const char *log,
	       double mb, unsigned long want)
{
	struct timespec t0, t1;
	struct rusage ru;
	unsigned long lines = 0;
	int fd[2], st;
	char buf[1 << 16];
	ssize_t n;
	pid_t pid;
	double s;

	if (pipe(fd))
		return -1;
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
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("bench: oopsparse %-6s %.1f MB in %.2f s = %.1f MB/s, peak RSS %ld KB, %lu reports (expected %lu)\n",
	       mode, mb, s, mb / s, ru.ru_maxrss, lines, want);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		printf("bench: FAIL: exit status %d\n", st);
		return -1;
	}
	return lines == want ? 0 : -1;
}

int main(int argc, char **argv)
{
	unsigned long want = 0;
	struct stat sb;
	FILE *f;
	double mb;
	int bad = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: runbench OOPSPARSE LOG EXPECTED\n");
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
	bad |= run(argv[1], "--tsv", argv[2], mb, want);
	bad |= run(argv[1], "--json", argv[2], mb, want);
	printf("bench: %s\n", bad ? "FAIL" : "OK");
	return bad ? 1 : 0;
}
