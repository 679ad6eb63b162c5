// SPDX-License-Identifier: GPL-2.0
/*
 * cifs-delim: fill kmalloc-32 with SysV shm attachments, then make the
 * cifs_delim module build a 31-byte "path to root" many times.
 *
 * Every shmat() allocates a struct shm_file_data (32 bytes, kmalloc-32)
 * holding the segment id; shmdt() frees it.  The victim segment gets the
 * id of the field's crash dump, 13008943 (0x00c6802f), through
 * /proc/sys/kernel/shm_next_id in a new IPC namespace: its low byte is '/'.
 *
 * The path buffer, kmalloc(32), must land right before a live
 * shm_file_data, in a slot whose last byte is not 0.  On one CPU:
 *
 *  1. spray: attach N times; past the slabs that were partly free before,
 *     whole slabs hold nothing but shm_file_data;
 *  2. holes: detach every 16th attachment of the middle of the spray.  A
 *     hole's last byte is the top byte of its old ->vm_ops (0xff) and its
 *     neighbours are attachments; the slabs go on the partial lists;
 *  3. fillers: attach 128 times, using up what was left of the current
 *     slab, so that the next allocations come from the holes;
 *  4. builds: write "TREE PREFIX" to the module, then attach once more to
 *     fill the hole the path buffer used, so that the next build gets the
 *     next hole.
 *
 * A buggy build converts '/' to '\\' past its buffer, in the neighbour's
 * id: 0x00c6805c, a segment that does not exist, so that attachment's
 * shm_close() fails when it is detached.  Without step 2 and 3 the buffer
 * would get a random free slot, and the walk would run through whatever
 * free object follows, SLUB's free pointer included.
 *
 * Prints what it did, the module's counters and the victim's shm_nattch
 * after every attachment was detached (0 unless a shm_close() missed it).
 * Exits 0 when every system call worked and, with the module in
 * mode=fixed, nothing was rewritten outside the buffer and shm_nattch
 * is 0.
 */
#include <fcntl.h>
#include <getopt.h>
#include <sched.h>
#include <stdbool.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "trigger.h"

const char *trigger_name = "cifs-delim";

#define FIELD_SHMID	"13008943"	/* 0x00c6802f, from the crash dump */
#define DEBUGFS_FILE	"/sys/kernel/debug/cifs_delim/path_to_root"
#define NEXT_ID_FILE	"/proc/sys/kernel/shm_next_id"

#define SPRAY_HEAD	1024	/* may share slabs with older objects: no holes */
#define SPRAY_TAIL	256	/* may be in the current slab: no holes */
#define HOLE_STRIDE	16	/* 8 holes per 128-object slab */
#define FILLERS		128	/* more than one slab holds */

struct counters {
	char mode[16];
	unsigned long calls, stale_nonzero, overflow_calls, outside_rewrites;
};

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr,
		"usage: %s [--attach N] [--calls N] [--tree T] [--prefix P]\n"
		"          [--time-ms MS] [--leave-attached]\n"
		"  N shmat() of one segment (default 6144), holes, then N calls\n"
		"  (default 32) of the module's path builder with \"T P\" (16..31\n"
		"  bytes together; default a 31-byte DFS path), then shmdt() of\n"
		"  all (--leave-attached: let exit_mmap() detach, as in the field)\n",
		trigger_name);
	exit(TRIGGER_USAGE);
}

static void write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0)
		die("open %s: %s", path, strerror(errno));
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		die("write '%s' to %s: %s", s, path, strerror(errno));
	close(fd);
}

static void read_counters(struct counters *c)
{
	char buf[256];
	ssize_t n;
	int fd;

	fd = open(DEBUGFS_FILE, O_RDONLY);
	if (fd < 0)
		die("open %s: %s", DEBUGFS_FILE, strerror(errno));
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0)
		die("read %s: %s", DEBUGFS_FILE, strerror(errno));
	buf[n] = '\0';
	close(fd);
	if (sscanf(buf, "mode=%15s calls=%lu stale_nonzero=%lu overflow_calls=%lu outside_rewrites=%lu",
		   c->mode, &c->calls, &c->stale_nonzero, &c->overflow_calls,
		   &c->outside_rewrites) != 5)
		die("cannot parse %s: '%s'", DEBUGFS_FILE, buf);
}

/*
 * The victim segment: id 0x00c6802f if shm_next_id is there
 * (CONFIG_CHECKPOINT_RESTORE), else the 48th segment of the fresh
 * namespace, id 0x0000002f.  Either way its low byte is '/' and the idr
 * slot of the converted id (idx 0x5c) is empty.
 */
static int make_victim(void)
{
	int ids[0x2f], id, i;

	if (access(NEXT_ID_FILE, W_OK) == 0) {
		write_file(NEXT_ID_FILE, FIELD_SHMID);
		id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
		if (id < 0)
			die("shmget: %s", strerror(errno));
		return id;
	}
	for (i = 0; i < 0x2f; i++) {
		ids[i] = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
		if (ids[i] < 0)
			die("shmget: %s", strerror(errno));
	}
	id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (id < 0)
		die("shmget: %s", strerror(errno));
	for (i = 0; i < 0x2f; i++)
		shmctl(ids[i], IPC_RMID, NULL);
	return id;
}

static void *attach(int id)
{
	void *addr = shmat(id, NULL, 0);

	if (addr == (void *)-1)
		die("shmat: %s", strerror(errno));
	return addr;
}

int main(int argc, char **argv)
{
	/* A DFS tree name and a prefix path: 15 + 16 = 31 bytes, kmalloc(32) */
	const char *tree = "\\\\srv01\\dfsroot", *prefix = "/eng/builds/2013";
	unsigned long nattach = 6144, ncalls = 32, time_ms = 20000;
	unsigned long nslots, live = 0, holes = 0, calls = 0, i;
	bool leave_attached = false;
	unsigned long long t0;
	struct shmid_ds ds;
	struct counters c;
	char path[128];
	cpu_set_t cpus;
	void **addrs;
	int fd, id, cpu;
	size_t len;

	static const struct option opts[] = {
		{ "attach", required_argument, NULL, 'a' },
		{ "calls", required_argument, NULL, 'c' },
		{ "tree", required_argument, NULL, 't' },
		{ "prefix", required_argument, NULL, 'p' },
		{ "time-ms", required_argument, NULL, 'T' },
		{ "leave-attached", no_argument, NULL, 'l' },
		{ }
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			nattach = parse_ulong("--attach", optarg, 1, 30000);
			break;
		case 'c':
			ncalls = parse_ulong("--calls", optarg, 1, 1000);
			break;
		case 't':
			tree = optarg;
			break;
		case 'p':
			prefix = optarg;
			break;
		case 'T':
			time_ms = parse_ulong("--time-ms", optarg, 100, 600000);
			break;
		case 'l':
			leave_attached = true;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	len = strlen(tree) + strlen(prefix);
	if (len < 16 || len > 31 || strchr(tree, ' ') || !*tree)
		usage_error("\"%s %s\": tree (no spaces) + prefix must be 16..31 bytes, got %zu",
			    tree, prefix, len);
	if (nattach < SPRAY_HEAD + SPRAY_TAIL + HOLE_STRIDE * (FILLERS + ncalls))
		usage_error("--attach %lu: %lu calls need at least %lu attachments",
			    nattach, ncalls, SPRAY_HEAD + SPRAY_TAIL +
			    HOLE_STRIDE * (FILLERS + ncalls));
	snprintf(path, sizeof(path), "%s %s", tree, prefix);
	if (access(DEBUGFS_FILE, W_OK))
		skip("%s: %s (cifs_delim loaded? debugfs mounted?)",
		     DEBUGFS_FILE, strerror(errno));

	/* One CPU: every free and allocation uses this CPU's slab and lists. */
	cpu = sched_getcpu();
	if (cpu < 0)
		cpu = 0;
	CPU_ZERO(&cpus);
	CPU_SET(cpu, &cpus);
	if (sched_setaffinity(0, sizeof(cpus), &cpus))
		die("sched_setaffinity: %s", strerror(errno));

	/* A namespace of our own: no other segment, idx 0x5c is free. */
	if (unshare(CLONE_NEWIPC))
		die("unshare(CLONE_NEWIPC): %s", strerror(errno));
	id = make_victim();

	nslots = nattach + FILLERS + ncalls;
	addrs = calloc(nslots, sizeof(*addrs));
	if (!addrs)
		die("calloc: %s", strerror(errno));
	fd = open(DEBUGFS_FILE, O_WRONLY);
	if (fd < 0)
		die("open %s: %s", DEBUGFS_FILE, strerror(errno));

	printf("%s: pid %d on cpu %d, victim shmid %d (0x%08x), %lu attachments, %lu calls of \"%s\" (%zu bytes + NUL)\n",
	       trigger_name, getpid(), cpu, id, (unsigned int)id, nattach,
	       ncalls, path, len);
	fflush(stdout);
	t0 = now_ms();

	for (i = 0; i < nattach; i++)
		addrs[i] = attach(id);
	live = nattach;

	for (i = SPRAY_HEAD; i < nattach - SPRAY_TAIL; i += HOLE_STRIDE) {
		if (shmdt(addrs[i]))
			die("shmdt: %s", strerror(errno));
		addrs[i] = NULL;
		holes++;
	}
	live -= holes;

	for (i = 0; i < FILLERS; i++)
		addrs[nattach + i] = attach(id);
	live += FILLERS;

	for (i = 0; i < ncalls && now_ms() - t0 < time_ms; i++) {
		if (write(fd, path, strlen(path)) != (ssize_t)strlen(path))
			die("write \"%s\" to %s: %s", path, DEBUGFS_FILE,
			    strerror(errno));
		calls++;
		addrs[nattach + FILLERS + i] = attach(id);
		live++;
	}
	close(fd);
	read_counters(&c);
	printf("%s: %lu attached, %lu holes, %lu fillers, %lu path-to-root calls in %llu ms; %lu attachments live\n",
	       trigger_name, nattach, holes, (unsigned long)FILLERS, calls,
	       now_ms() - t0, live);
	fflush(stdout);

	if (leave_attached) {
		printf("%s: module mode=%s: %lu/%lu builds found a non-NUL byte after the copy, %lu byte(s) rewritten outside; exiting with %lu attachments for exit_mmap()\n",
		       trigger_name, c.mode, c.stale_nonzero, c.calls,
		       c.outside_rewrites, live);
		return TRIGGER_PASS;
	}

	for (i = 0; i < nslots; i++) {
		if (addrs[i] && shmdt(addrs[i]))
			die("shmdt: %s", strerror(errno));
	}
	if (shmctl(id, IPC_STAT, &ds))
		die("shmctl(IPC_STAT): %s", strerror(errno));
	printf("%s: detached all %lu; victim shmid %d: shm_nattch %lu%s; module mode=%s: %lu/%lu builds found a non-NUL byte after the copy, %lu byte(s) rewritten outside\n",
	       trigger_name, live, id, (unsigned long)ds.shm_nattch,
	       ds.shm_nattch ? " (a shm_close() did not find its segment)" : "",
	       c.mode, c.stale_nonzero, c.calls, c.outside_rewrites);
	shmctl(id, IPC_RMID, NULL);
	free(addrs);

	if (!strcmp(c.mode, "fixed") && (c.outside_rewrites || ds.shm_nattch))
		die("mode=fixed: %lu byte(s) rewritten outside, shm_nattch %lu",
		    c.outside_rewrites, (unsigned long)ds.shm_nattch);
	return TRIGGER_PASS;
}
