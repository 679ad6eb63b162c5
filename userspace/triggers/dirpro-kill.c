// SPDX-License-Identifier: GPL-2.0
/*
 * dirpro-kill: the field reproducer for the dirpro soft lockup.
 *
 * The customer's ten-line program: a second thread calls kill(11111, 0)
 * for a pid that does not exist.  A kill(2) hook that walks current->tasks
 * from that thread never gets back to where it started.  With --main-thread
 * the same calls come from the thread-group leader, whose ->tasks is on the
 * list, and the walk ends.
 *
 * Exits 0 when every kill(2) returned ESRCH, the correct answer.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "trigger.h"

const char *trigger_name = "dirpro-kill";

struct kill_loop {
	pid_t target;
	unsigned long iterations;
	unsigned long esrch;
	int other_errno;
	pid_t tid;
};

static void *kill_loop(void *arg)
{
	struct kill_loop *kl = arg;
	unsigned long i;

	kl->tid = (pid_t)syscall(SYS_gettid);
	for (i = 0; i < kl->iterations; i++) {
		if (kill(kl->target, 0) == 0)
			break;		/* the pid exists: not the test */
		if (errno != ESRCH) {
			kl->other_errno = errno;
			break;
		}
		kl->esrch++;
	}
	return NULL;
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: %s [--iterations N] [--pid PID] [--main-thread]\n"
		"  kill(PID, 0) N times (default 1, pid 11111) from a second\n"
		"  thread, or from the main thread with --main-thread\n",
		trigger_name);
	exit(TRIGGER_USAGE);
}

int main(int argc, char **argv)
{
	struct kill_loop kl = { .target = 11111, .iterations = 1 };
	bool main_thread = false;
	pthread_t thread;

	static const struct option opts[] = {
		{ "iterations", required_argument, NULL, 'n' },
		{ "pid", required_argument, NULL, 'p' },
		{ "main-thread", no_argument, NULL, 'm' },
		{ }
	};
	int opt, err;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			kl.iterations = parse_ulong("--iterations", optarg, 1, 100000000);
			break;
		case 'p':
			kl.target = (pid_t)parse_ulong("--pid", optarg, 2, 4194304);
			break;
		case 'm':
			main_thread = true;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	if (kill(kl.target, 0) == 0 || errno != ESRCH)
		skip("pid %d exists here; pick another with --pid", kl.target);

	printf("%s: pid %d, kill(%d, 0) x %lu from the %s thread\n",
	       trigger_name, getpid(), kl.target, kl.iterations,
	       main_thread ? "main" : "second");
	fflush(stdout);

	if (main_thread) {
		kill_loop(&kl);
	} else {
		err = pthread_create(&thread, NULL, kill_loop, &kl);
		if (err)
			die("pthread_create: %s", strerror(err));
		pthread_join(thread, NULL);
	}

	printf("%s: %lu/%lu kill(%d, 0) returned ESRCH (tid %d)\n",
	       trigger_name, kl.esrch, kl.iterations, kl.target, kl.tid);
	if (kl.other_errno)
		die("kill(%d, 0): %s", kl.target, strerror(kl.other_errno));
	return kl.esrch == kl.iterations ? TRIGGER_PASS : TRIGGER_FAIL;
}
