// SPDX-License-Identifier: GPL-2.0
/*
 * elkeid-fput: race close() of fds against open(O_CREAT) of new files in
 * one process, so that a security_inode_create() hook that walks the
 * process's fds sometimes holds the last reference to a file being closed.
 *
 * Unless --dir is given, the files live on a real filesystem: an image in
 * the current directory (a tmpfs in the lab VM), formatted with mke2fs,
 * attached to a loop device and mounted with the ext4 driver.
 *
 * Each thread loops: create a batch of new files (O_CREAT | O_EXCL, so
 * every open is a create and calls the hook) in a directory of its own,
 * close them in descending fd order (against the hook's ascending walk),
 * unlink them.  A thread killed inside a create holds only its own
 * directory's lock, so the others and the cleanup go on.
 *
 *   --variant uring    IORING_OP_OPENAT with O_CREAT (always run by io-wq
 *                      workers), IORING_OP_CLOSE, IORING_OP_UNLINKAT
 *   --variant syscall  openat(2), close(2), unlinkat(2)
 *   --variant both     half of the threads each (default)
 *
 * Bounded by --seconds and by --creates per thread.  Exit 0 when every
 * create, close and unlink succeeded and every thread finished.
 */
#include <fcntl.h>
#include <liburing.h>
#include <linux/loop.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trigger.h"

const char *trigger_name = "elkeid-fput";

#define IMAGE		"elkeid-fput.img"
#define MNT		"elkeid-fput.mnt"
#define IMAGE_SIZE	(16 << 20)
#define MAX_BATCH	256
#define MAX_THREADS	64
#define CQE_WAIT_S	5

enum variant { V_URING, V_SYSCALL, V_BOTH };

struct worker {
	pthread_t tid;
	int idx;
	bool uring;
	int dirfd;
	volatile bool done;	/* set by the thread when it returns */
	bool joined;
	const char *err;	/* first failure, for the report */
	int err_no;		/* and its errno, 0 if none */
	unsigned long creates, created, closed, unlinked;
};

static unsigned long opt_seconds = 8, opt_creates = 1000000;
static unsigned long opt_threads = 4, opt_batch = 32;
static unsigned long long deadline_ms;

static void note_err(struct worker *w, const char *what, int err_no)
{
	if (!w->err) {
		w->err = what;
		w->err_no = err_no;
	}
}

static bool keep_going(struct worker *w)
{
	return w->creates < opt_creates &&
	       now_ms() < __atomic_load_n(&deadline_ms, __ATOMIC_RELAXED);
}

static int cmp_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

static void *syscall_worker(void *arg)
{
	struct worker *w = arg;
	int fds[MAX_BATCH];
	char name[24];	/* "f" or "t", up to 20 digits, NUL */
	unsigned long i, n;

	while (keep_going(w)) {
		n = opt_batch;
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "f%lu", i);
			w->creates++;
			fds[i] = openat(w->dirfd, name,
					O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
			if (fds[i] >= 0)
				w->created++;
			else
				note_err(w, "openat(O_CREAT) failed", errno);
		}
		qsort(fds, n, sizeof(fds[0]), cmp_desc);
		for (i = 0; i < n && fds[i] >= 0; i++) {
			if (close(fds[i]) == 0)
				w->closed++;
			else
				note_err(w, "close failed", errno);
		}
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "f%lu", i);
			if (unlinkat(w->dirfd, name, 0) == 0)
				w->unlinked++;
		}
	}
	w->done = true;
	return NULL;
}

/*
 * The next completion, or -ETIME after CQE_WAIT_S without one.  Not
 * io_uring_wait_cqe_timeout(): before 5.11 (no IORING_FEAT_EXT_ARG)
 * liburing implements it with an IORING_OP_TIMEOUT request of its own per
 * wait, and on 5.10 one of those could end a later wait early, leaving a
 * batch that did complete unreaped.  poll(2) on the ring works the same
 * on every kernel.
 */
static int uring_wait(struct io_uring *ring, struct io_uring_cqe **cqe)
{
	struct pollfd pfd = { .fd = ring->ring_fd, .events = POLLIN };
	int ret;

	for (;;) {
		ret = io_uring_peek_cqe(ring, cqe);
		if (ret != -EAGAIN)
			return ret;
		ret = poll(&pfd, 1, CQE_WAIT_S * 1000);
		if (!ret)
			return -ETIME;
		if (ret < 0 && errno != EINTR)
			return -errno;
	}
}

/* Submit what is queued and reap n completions into res[user_data]. */
static int uring_run(struct worker *w, struct io_uring *ring, unsigned int n,
		     int *res)
{
	struct io_uring_cqe *cqe;
	unsigned int i;
	int ret;

	ret = io_uring_submit(ring);
	if (ret != (int)n) {
		note_err(w, "io_uring_submit failed", ret < 0 ? -ret : 0);
		return -1;
	}
	for (i = 0; i < n; i++) {
		ret = uring_wait(ring, &cqe);
		if (ret) {
			/* e.g. the io-wq worker running it was killed */
			note_err(w, "an io_uring request never completed", -ret);
			return -1;
		}
		res[cqe->user_data] = cqe->res;
		io_uring_cqe_seen(ring, cqe);
	}
	return 0;
}

static void *uring_worker(void *arg)
{
	struct worker *w = arg;
	char names[MAX_BATCH][16];
	int fds[MAX_BATCH], res[MAX_BATCH];
	struct io_uring_sqe *sqe;
	struct io_uring ring;
	unsigned int i, n, c;
	int ret;

	ret = io_uring_queue_init(MAX_BATCH, &ring, 0);
	if (ret) {
		note_err(w, "io_uring_queue_init failed", -ret);
		w->done = true;
		return NULL;
	}
	for (i = 0; i < MAX_BATCH; i++)
		snprintf(names[i], sizeof(names[i]), "f%u", i);

	while (keep_going(w)) {
		n = opt_batch;
		for (i = 0; i < n; i++) {
			sqe = io_uring_get_sqe(&ring);
			io_uring_prep_openat(sqe, w->dirfd, names[i],
					     O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC,
					     0600);
			sqe->user_data = i;
		}
		w->creates += n;
		if (uring_run(w, &ring, n, fds))
			goto out;
		for (i = 0; i < n; i++) {
			if (fds[i] >= 0)
				w->created++;
			else
				note_err(w, "IORING_OP_OPENAT(O_CREAT) failed", -fds[i]);
		}

		qsort(fds, n, sizeof(fds[0]), cmp_desc);
		for (c = 0; c < n && fds[c] >= 0; c++) {
			sqe = io_uring_get_sqe(&ring);
			io_uring_prep_close(sqe, fds[c]);
			sqe->user_data = c;
		}
		if (c && uring_run(w, &ring, c, res))
			goto out;
		for (i = 0; i < c; i++) {
			if (res[i] == 0)
				w->closed++;
			else
				note_err(w, "IORING_OP_CLOSE failed", -res[i]);
		}

		for (i = 0; i < n; i++) {
			sqe = io_uring_get_sqe(&ring);
			io_uring_prep_unlinkat(sqe, w->dirfd, names[i], 0);
			sqe->user_data = i;
		}
		if (uring_run(w, &ring, n, res))
			goto out;
		for (i = 0; i < n; i++)
			w->unlinked += res[i] == 0;
	}
	io_uring_queue_exit(&ring);
	w->done = true;
	return NULL;
out:
	/* A ring with a lost request cannot be torn down: leave it. */
	return NULL;
}

/* Run mke2fs on the image, quietly; exit 4 if there is none. */
static void make_fs(void)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (!pid) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execlp("mke2fs", "mke2fs", "-F", IMAGE, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid: %s", strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		skip("mke2fs not found (use --dir DIR)");
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("mke2fs %s failed", IMAGE);
}

/* Attach the image to a free loop device; returns its fd (autoclear). */
static int attach_loop(char *dev, size_t len)
{
	struct loop_config cfg = { .info.lo_flags = LO_FLAGS_AUTOCLEAR };
	int ctl, nr, fd, img;

	ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
	if (ctl < 0)
		skip("/dev/loop-control: %s (load the loop module, or use --dir DIR)",
		     strerror(errno));
	nr = ioctl(ctl, LOOP_CTL_GET_FREE);
	if (nr < 0)
		die("LOOP_CTL_GET_FREE: %s", strerror(errno));
	close(ctl);
	snprintf(dev, len, "/dev/loop%d", nr);
	fd = open(dev, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die("%s: %s", dev, strerror(errno));
	img = open(IMAGE, O_RDWR | O_CLOEXEC);
	if (img < 0)
		die("%s: %s", IMAGE, strerror(errno));
	cfg.fd = img;
	if (ioctl(fd, LOOP_CONFIGURE, &cfg) < 0) {
		struct loop_info64 info = { .lo_flags = LO_FLAGS_AUTOCLEAR };

		/* Before 5.8 */
		if (ioctl(fd, LOOP_SET_FD, img) < 0 ||
		    ioctl(fd, LOOP_SET_STATUS64, &info) < 0)
			die("attaching %s to %s: %s", IMAGE, dev, strerror(errno));
	}
	close(img);
	return fd;
}

static int setup_ext4(char *dev, size_t len)
{
	int img, loopfd;

	img = open(IMAGE, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (img < 0 || ftruncate(img, IMAGE_SIZE) < 0)
		die("%s: %s", IMAGE, strerror(errno));
	close(img);
	make_fs();
	loopfd = attach_loop(dev, len);
	if (mkdir(MNT, 0700) < 0 && errno != EEXIST)
		die("mkdir %s: %s", MNT, strerror(errno));
	if (mount(dev, MNT, "ext4", 0, NULL) < 0) {
		if (errno == EPERM)
			skip("mount: %s (needs root, or use --dir DIR)",
			     strerror(errno));
		die("mount -t ext4 %s %s: %s", dev, MNT, strerror(errno));
	}
	printf("%s: ext4 on %s (image %s, %d MiB) mounted at %s\n",
	       trigger_name, dev, IMAGE, IMAGE_SIZE >> 20, MNT);
	return loopfd;
}

/* Lazily, when a killed thread still pins the filesystem. */
static void teardown_ext4(int loopfd, bool lazy)
{
	if (umount2(MNT, lazy ? MNT_DETACH : 0) < 0 &&
	    umount2(MNT, MNT_DETACH) < 0)
		fprintf(stderr, "%s: umount %s: %s\n", trigger_name, MNT,
			strerror(errno));
	close(loopfd);
	rmdir(MNT);
	unlink(IMAGE);
}

static void __attribute__((noreturn)) usage(int code)
{
	fprintf(code ? stderr : stdout,
		"usage: %s [--variant uring|syscall|both] [--threads N] [--batch N]\n"
		"       [--seconds S] [--creates N] [--dir DIR]\n", trigger_name);
	exit(code);
}

int main(int argc, char **argv)
{
	struct worker workers[MAX_THREADS];
	enum variant variant = V_BOTH;
	unsigned long creates = 0, created = 0, closed = 0, unlinked = 0;
	unsigned long t, nuring = 0, dead = 0, start, running;
	unsigned long long give_up;
	const char *dir = NULL;
	char dev[32] = "";
	int loopfd = -1, basefd, i;
	bool ok = true;

	for (i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(o, "--help") || !strcmp(o, "-h"))
			usage(TRIGGER_PASS);
		if (!v)
			usage(TRIGGER_USAGE);
		i++;
		if (!strcmp(o, "--variant")) {
			if (!strcmp(v, "uring"))
				variant = V_URING;
			else if (!strcmp(v, "syscall"))
				variant = V_SYSCALL;
			else if (!strcmp(v, "both"))
				variant = V_BOTH;
			else
				usage_error("--variant: uring, syscall or both, got '%s'", v);
		} else if (!strcmp(o, "--threads")) {
			opt_threads = parse_ulong(o, v, 1, MAX_THREADS);
		} else if (!strcmp(o, "--batch")) {
			opt_batch = parse_ulong(o, v, 1, MAX_BATCH);
		} else if (!strcmp(o, "--seconds")) {
			opt_seconds = parse_ulong(o, v, 1, 600);
		} else if (!strcmp(o, "--creates")) {
			opt_creates = parse_ulong(o, v, 1, 1UL << 40);
		} else if (!strcmp(o, "--dir")) {
			dir = v;
		} else {
			usage(TRIGGER_USAGE);
		}
	}
	if (variant == V_BOTH && opt_threads < 2)
		usage_error("--variant both needs --threads 2 or more");

	if (variant != V_SYSCALL) {
		struct io_uring_probe *probe = io_uring_get_probe();

		if (!probe)
			skip("io_uring unavailable (io_uring_get_probe failed)");
		if (!io_uring_opcode_supported(probe, IORING_OP_OPENAT) ||
		    !io_uring_opcode_supported(probe, IORING_OP_CLOSE) ||
		    !io_uring_opcode_supported(probe, IORING_OP_UNLINKAT))
			skip("io_uring lacks OPENAT, CLOSE or UNLINKAT");
		io_uring_free_probe(probe);
		nuring = variant == V_URING ? opt_threads : opt_threads / 2;
	}

	if (!dir) {
		loopfd = setup_ext4(dev, sizeof(dev));
		dir = MNT;
	}
	basefd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (basefd < 0)
		die("%s: %s", dir, strerror(errno));

	for (t = 0; t < opt_threads; t++) {
		struct worker *w = &workers[t];
		char name[24];	/* "f" or "t", up to 20 digits, NUL */

		memset(w, 0, sizeof(*w));
		w->idx = t;
		w->uring = t < nuring;
		snprintf(name, sizeof(name), "t%lu", t);
		if (mkdirat(basefd, name, 0700) < 0 && errno != EEXIST)
			die("mkdir %s/%s: %s", dir, name, strerror(errno));
		w->dirfd = openat(basefd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (w->dirfd < 0)
			die("%s/%s: %s", dir, name, strerror(errno));
	}

	start = now_ms();
	deadline_ms = start + opt_seconds * 1000;
	for (t = 0; t < opt_threads; t++) {
		struct worker *w = &workers[t];

		errno = pthread_create(&w->tid, NULL,
				       w->uring ? uring_worker : syscall_worker, w);
		if (errno)
			die("pthread_create: %s", strerror(errno));
	}

	/*
	 * Reap threads as they end.  One that ends without having finished
	 * was killed in the kernel (a thread that oopses exits, and its
	 * joiner is woken): stop the others, the run has shown what it can.
	 */
	give_up = deadline_ms + 2000 * CQE_WAIT_S;
	for (running = opt_threads; running && now_ms() < give_up;) {
		for (t = 0; t < opt_threads; t++) {
			struct worker *w = &workers[t];

			if (w->joined || pthread_tryjoin_np(w->tid, NULL))
				continue;
			w->joined = true;
			running--;
			if (!w->done)
				__atomic_store_n(&deadline_ms, 0, __ATOMIC_RELAXED);
		}
		usleep(20000);
	}

	for (t = 0; t < opt_threads; t++) {
		struct worker *w = &workers[t];
		char name[24];	/* "f" or "t", up to 20 digits, NUL */

		creates += w->creates;
		created += w->created;
		closed += w->closed;
		unlinked += w->unlinked;
		if (!w->done) {
			printf("%s: %s thread %d did not finish: %s (see the console)\n",
			       trigger_name, w->uring ? "io_uring" : "syscall", w->idx,
			       !w->joined ? "stuck in the kernel" :
			       w->err ? w->err : "killed in the kernel");
			dead++;
			ok = false;
			continue;
		}
		if (w->err) {
			printf("%s: %s thread %d: %s%s%s\n", trigger_name,
			       w->uring ? "io_uring" : "syscall", w->idx, w->err,
			       w->err_no ? ": " : "",
			       w->err_no ? strerror(w->err_no) : "");
			ok = false;
		}
		close(w->dirfd);
		snprintf(name, sizeof(name), "t%lu", t);
		unlinkat(basefd, name, AT_REMOVEDIR);
	}
	close(basefd);

	printf("%s: %lu threads (%lu io_uring, %lu syscall), batch %lu, %.1f s: %lu creates issued, %lu succeeded, %lu closed, %lu unlinked\n",
	       trigger_name, opt_threads, nuring, opt_threads - nuring,
	       opt_batch, (now_ms() - start) / 1000.0, creates, created,
	       closed, unlinked);
	if (ok && (!creates || created != creates || closed != created ||
		   unlinked != created))
		ok = false;
	if (ok)
		printf("%s: all %lu creates succeeded\n", trigger_name, creates);
	else
		printf("%s: FAIL: %lu of %lu creates did not succeed, %lu of %lu threads did not finish\n",
		       trigger_name, creates - created, creates, dead,
		       opt_threads);
	fflush(stdout);

	if (loopfd >= 0)
		teardown_ext4(loopfd, dead > 0);
	return ok ? TRIGGER_PASS : TRIGGER_FAIL;
}
