// SPDX-License-Identifier: GPL-2.0
/*
 * afalg-hash: hash files through an AF_ALG hash socket the way util-linux
 * hardlink does (lib/fileeq.c), then close the sockets.
 *
 *   socket(AF_ALG, SOCK_SEQPACKET, 0); bind({"hash", ALG});
 *   per file: opfd = accept(); per block: sendfile(opfd, fd, NULL, n);
 *             read(opfd, digest, 32); then close(opfd)
 *   close(bindfd)   <- the tfm is destroyed here: exit_tfm runs
 *
 * Every digest is checked against a userspace SHA-256 (itself checked
 * against the FIPS 180-2 vectors first).  --uring submits the sends and
 * the closes through io_uring (IORING_OP_SEND, IORING_OP_CLOSE).
 * --driver and --counter prove which algorithm served the digests: the
 * driver's /proc/crypto refcnt must rise while bound and fall back after,
 * and the counter file must advance by exactly the digests read.
 */
#include <fcntl.h>
#include <getopt.h>
#include <liburing.h>
#include <linux/if_alg.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trigger.h"

const char *trigger_name = "afalg-hash";

#define DIGEST_SIZE	32
#define MAX_FILES	64
#define MAX_ROUNDS	1000
#define MAX_BLOCK	(1024 * 1024)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- userspace SHA-256 (FIPS 180-4), the reference for every digest ---- */

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	size_t fill;
};

static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror32(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 64; i++)
		w[i] = w[i - 16] + w[i - 7] +
		       (ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3)) +
		       (ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10));
	a = s->h[0]; b = s->h[1]; c = s->h[2]; d = s->h[3];
	e = s->h[4]; f = s->h[5]; g = s->h[6]; h = s->h[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) +
		     ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
		t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) +
		     ((a & b) ^ (a & c) ^ (b & c));
		h = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d;
	s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

static void sha256_init(struct sha256 *s)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(s->h, h0, sizeof(h0));
	s->len = 0;
	s->fill = 0;
}

static void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const uint8_t *p = data;

	s->len += n;
	while (n) {
		size_t k = 64 - s->fill < n ? 64 - s->fill : n;

		memcpy(s->buf + s->fill, p, k);
		s->fill += k;
		p += k;
		n -= k;
		if (s->fill == 64) {
			sha256_block(s, s->buf);
			s->fill = 0;
		}
	}
}

static void sha256_final(struct sha256 *s, uint8_t out[DIGEST_SIZE])
{
	uint64_t bits = s->len * 8;
	uint8_t pad[72] = { 0x80 };
	size_t padlen = (s->fill < 56 ? 56 : 120) - s->fill;
	int i;

	for (i = 0; i < 8; i++)
		pad[padlen + i] = bits >> (56 - 8 * i);
	sha256_update(s, pad, padlen + 8);
	for (i = 0; i < 8; i++) {
		out[4 * i] = s->h[i] >> 24;
		out[4 * i + 1] = s->h[i] >> 16;
		out[4 * i + 2] = s->h[i] >> 8;
		out[4 * i + 3] = s->h[i];
	}
}

static void sha256(const void *data, size_t n, uint8_t out[DIGEST_SIZE])
{
	struct sha256 s;

	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, out);
}

static void hex(const uint8_t *d, char out[2 * DIGEST_SIZE + 1])
{
	int i;

	for (i = 0; i < DIGEST_SIZE; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

/* FIPS 180-2 appendix B vectors, and the empty message. */
static void sha256_selftest(void)
{
	static const struct {
		const char *msg;
		size_t repeat;
		const char *digest;
	} v[] = {
		{ "", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
	};
	char got[2 * DIGEST_SIZE + 1];
	uint8_t d[DIGEST_SIZE];
	struct sha256 s;
	size_t i, r;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		sha256_init(&s);
		for (r = 0; r < v[i].repeat; r++)
			sha256_update(&s, v[i].msg, strlen(v[i].msg));
		sha256_final(&s, d);
		hex(d, got);
		if (strcmp(got, v[i].digest))
			die("userspace SHA-256 self-test %zu failed: %s, expected %s",
			    i, got, v[i].digest);
	}
}

/* ---- the run ---- */

static const char *alg = "sha256-oopslab";
static const char *driver;
static const char *counter_path;
static unsigned long nfiles = 12, block = 4096, rounds = 1;
static unsigned long long budget_ms = 20000;
static bool use_uring;
static struct io_uring ring;

/* Sizes around the SHA-256 padding and block boundaries, and multi-block. */
static const size_t file_sizes[] = {
	0, 1, 55, 56, 64, 1000, 4095, 4096, 4097, 3 * 4096 + 17, 65536 + 7,
	200000,
};

static char dir[64];
static char paths[MAX_FILES][96];

static void make_files(void)
{
	uint32_t x = 0x9e3779b9;
	unsigned long i;
	size_t j, size;
	uint8_t *data;
	int fd;

	snprintf(dir, sizeof(dir), "/tmp/afalg-hash.XXXXXX");
	if (!mkdtemp(dir))
		die("mkdtemp %s: %s", dir, strerror(errno));
	for (i = 0; i < nfiles; i++) {
		size = file_sizes[i % ARRAY_SIZE(file_sizes)] +
		       i / ARRAY_SIZE(file_sizes);
		data = malloc(size + 1);
		if (!data)
			die("malloc %zu: %s", size, strerror(errno));
		for (j = 0; j < size; j++) {	/* xorshift32 */
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			data[j] = x;
		}
		snprintf(paths[i], sizeof(paths[i]), "%s/file%02lu", dir, i);
		fd = open(paths[i], O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			die("open %s: %s", paths[i], strerror(errno));
		if (write(fd, data, size) != (ssize_t)size)
			die("write %s: %s", paths[i], strerror(errno));
		close(fd);
		free(data);
	}
}

static void remove_files(void)
{
	unsigned long i;

	for (i = 0; i < nfiles; i++)
		unlink(paths[i]);
	rmdir(dir);
}

/* The driver's refcnt in /proc/crypto, or -1 if it is not registered. */
static long proc_crypto_refcnt(const char *drv)
{
	char line[256], val[128];
	bool in_entry = false;
	long refcnt = -1;
	FILE *f;

	f = fopen("/proc/crypto", "r");
	if (!f)
		die("open /proc/crypto: %s", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '\n')
			in_entry = false;
		else if (sscanf(line, "driver : %127s", val) == 1)
			in_entry = !strcmp(val, drv);
		else if (in_entry && sscanf(line, "refcnt : %ld", &refcnt) == 1)
			break;
	}
	fclose(f);
	return refcnt;
}

static long read_counter(void)
{
	long v;
	FILE *f;

	f = fopen(counter_path, "r");
	if (!f)
		die("open %s: %s", counter_path, strerror(errno));
	if (fscanf(f, "%ld", &v) != 1)
		die("%s: not a number", counter_path);
	fclose(f);
	return v;
}

static int uring_run(void)
{
	struct io_uring_cqe *cqe;
	int ret;

	ret = io_uring_submit_and_wait(&ring, 1);
	if (ret < 0)
		die("io_uring_submit_and_wait: %s", strerror(-ret));
	ret = io_uring_wait_cqe(&ring, &cqe);
	if (ret < 0)
		die("io_uring_wait_cqe: %s", strerror(-ret));
	ret = cqe->res;
	io_uring_cqe_seen(&ring, cqe);
	return ret;
}

static struct io_uring_sqe *get_sqe(void)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);

	if (!sqe)
		die("io_uring_get_sqe: ring full");
	return sqe;
}

static void close_fd(int fd, const char *what)
{
	int ret;

	if (use_uring) {
		io_uring_prep_close(get_sqe(), fd);
		ret = uring_run();
	} else {
		ret = close(fd) ? -errno : 0;
	}
	if (ret < 0)
		die("close %s: %s", what, strerror(-ret));
}

static void uring_setup(void)
{
	struct io_uring_probe *probe;
	int ret;

	ret = io_uring_queue_init(8, &ring, 0);
	if (ret < 0)
		skip("io_uring_queue_init: %s", strerror(-ret));
	probe = io_uring_get_probe_ring(&ring);
	if (!probe)
		skip("io_uring: opcode probe not supported by this kernel");
	if (!io_uring_opcode_supported(probe, IORING_OP_SEND))
		skip("io_uring: IORING_OP_SEND not supported");
	if (!io_uring_opcode_supported(probe, IORING_OP_CLOSE))
		skip("io_uring: IORING_OP_CLOSE not supported");
	io_uring_free_probe(probe);
}

/* Send one block to the op socket: one complete message, one digest. */
static void send_block(int opfd, int fd, const uint8_t *buf, size_t n)
{
	ssize_t ret;

	if (use_uring) {
		io_uring_prep_send(get_sqe(), opfd, buf, n, 0);
		ret = uring_run();
		if (ret < 0)
			die("io_uring send %zu bytes: %s", n, strerror(-ret));
	} else {
		ret = sendfile(opfd, fd, NULL, n);
		if (ret < 0)
			die("sendfile %zu bytes: %s", n, strerror(errno));
	}
	if ((size_t)ret != n)
		die("%s sent %zd of %zu bytes", use_uring ? "send" : "sendfile",
		    ret, n);
}

static unsigned long hash_file(int bindfd, unsigned long f, uint8_t *buf)
{
	char got[2 * DIGEST_SIZE + 1], want[2 * DIGEST_SIZE + 1];
	uint8_t kd[DIGEST_SIZE], ud[DIGEST_SIZE];
	unsigned long blocks = 0;
	off_t off = 0;
	ssize_t n;
	int opfd, fd;

	fd = open(paths[f], O_RDONLY);
	if (fd < 0)
		die("open %s: %s", paths[f], strerror(errno));
	opfd = accept(bindfd, NULL, NULL);
	if (opfd < 0)
		die("accept: %s", strerror(errno));
	/* An empty file still gets one digest, of the empty message. */
	do {
		n = pread(fd, buf, block, off);
		if (n < 0)
			die("pread %s: %s", paths[f], strerror(errno));
		send_block(opfd, fd, buf, n);
		if (read(opfd, kd, DIGEST_SIZE) != DIGEST_SIZE)
			die("read digest: %s", strerror(errno));
		sha256(buf, n, ud);
		if (memcmp(kd, ud, DIGEST_SIZE)) {
			hex(kd, got);
			hex(ud, want);
			die("%s block %lu (%zd bytes): wrong digest %s, expected %s",
			    paths[f], blocks, n, got, want);
		}
		off += n;
		blocks++;
	} while ((size_t)n == block);
	close_fd(opfd, "op socket");
	close(fd);
	return blocks;
}

static void usage(int code)
{
	fprintf(code ? stderr : stdout,
		"usage: %s [--alg NAME] [--files N] [--block BYTES] [--rounds N] [--uring]\n"
		"       [--driver DRIVER] [--counter FILE] [--time-budget MS]\n"
		"  --alg NAME        salg_name to bind (default sha256-oopslab)\n"
		"  --files N         files to create and hash, 1..%d (default 12)\n"
		"  --block BYTES     bytes per sendfile/digest, 1..%d (default 4096)\n"
		"  --rounds N        socket..close cycles, 1..%d (default 1)\n"
		"  --uring           send and close through io_uring\n"
		"  --driver DRIVER   require DRIVER's /proc/crypto refcnt to rise while bound\n"
		"  --counter FILE    require FILE's number to advance by the digests read\n"
		"  --time-budget MS  give up after MS milliseconds (default 20000)\n",
		trigger_name, MAX_FILES, MAX_BLOCK, MAX_ROUNDS);
	exit(code);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "alg", required_argument, NULL, 'a' },
		{ "files", required_argument, NULL, 'f' },
		{ "block", required_argument, NULL, 'b' },
		{ "rounds", required_argument, NULL, 'r' },
		{ "uring", no_argument, NULL, 'u' },
		{ "driver", required_argument, NULL, 'd' },
		{ "counter", required_argument, NULL, 'c' },
		{ "time-budget", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sockaddr_alg sa = { .salg_family = AF_ALG, .salg_type = "hash" };
	long refcnt_before = -1, refcnt_bound = -1, refcnt_after = -1;
	long counter_before = 0, counter_after = 0;
	unsigned long r, f, digests = 0;
	unsigned long long start;
	int opt, bindfd;
	uint8_t *buf;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			alg = optarg;
			break;
		case 'f':
			nfiles = parse_ulong("--files", optarg, 1, MAX_FILES);
			break;
		case 'b':
			block = parse_ulong("--block", optarg, 1, MAX_BLOCK);
			break;
		case 'r':
			rounds = parse_ulong("--rounds", optarg, 1, MAX_ROUNDS);
			break;
		case 'u':
			use_uring = true;
			break;
		case 'd':
			driver = optarg;
			break;
		case 'c':
			counter_path = optarg;
			break;
		case 't':
			budget_ms = parse_ulong("--time-budget", optarg, 1, 600000);
			break;
		case 'h':
			usage(TRIGGER_PASS);
			break;
		default:
			usage(TRIGGER_USAGE);
		}
	}
	if (optind != argc)
		usage(TRIGGER_USAGE);
	if (strlen(alg) >= sizeof(sa.salg_name))
		usage_error("--alg %s: longer than %zu bytes", alg,
			    sizeof(sa.salg_name) - 1);
	memcpy(sa.salg_name, alg, strlen(alg) + 1);

	sha256_selftest();
	if (use_uring)
		uring_setup();
	buf = malloc(block);
	if (!buf)
		die("malloc %lu: %s", block, strerror(errno));
	make_files();
	atexit(remove_files);
	if (counter_path)
		counter_before = read_counter();
	start = now_ms();

	for (r = 0; r < rounds; r++) {
		if (now_ms() - start > budget_ms)
			die("time budget of %llu ms spent after %lu rounds, %lu digests",
			    budget_ms, r, digests);
		if (driver) {
			refcnt_before = proc_crypto_refcnt(driver);
			if (refcnt_before < 0)
				die("driver %s not in /proc/crypto (module not loaded?)",
				    driver);
		}

		bindfd = socket(AF_ALG, SOCK_SEQPACKET, 0);
		if (bindfd < 0) {
			if (errno == EAFNOSUPPORT)
				skip("socket(AF_ALG): %s (af_alg not loaded?)",
				     strerror(errno));
			die("socket(AF_ALG): %s", strerror(errno));
		}
		if (bind(bindfd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
			die("bind(hash, %s): %s (algif_hash or the algorithm missing?)",
			    alg, strerror(errno));
		if (driver)
			refcnt_bound = proc_crypto_refcnt(driver);

		for (f = 0; f < nfiles; f++)
			digests += hash_file(bindfd, f, buf);

		printf("%s: round %lu: %lu files, %lu digests correct so far; closing the bind socket (%s): the tfm is freed now\n",
		       trigger_name, r + 1, nfiles, digests,
		       use_uring ? "IORING_OP_CLOSE" : "close");
		close_fd(bindfd, "bind socket");

		if (driver) {
			refcnt_after = proc_crypto_refcnt(driver);
			if (refcnt_bound <= refcnt_before ||
			    refcnt_after != refcnt_before)
				die("%s refcnt %ld -> %ld while bound -> %ld: bind(%s) did not use it",
				    driver, refcnt_before, refcnt_bound,
				    refcnt_after, alg);
		}
	}
	if (counter_path) {
		counter_after = read_counter();
		if (counter_after - counter_before != (long)digests)
			die("%s went %ld -> %ld for %lu digests read: another algorithm served them",
			    counter_path, counter_before, counter_after, digests);
	}

	printf("%s: all %lu digests correct (%lu rounds x %lu files, %s, %lu-byte blocks)",
	       trigger_name, digests, rounds, nfiles,
	       use_uring ? "io_uring send/close" : "sendfile/close", block);
	if (driver)
		printf("; served by %s: refcnt %ld -> %ld while bound -> %ld",
		       driver, refcnt_before, refcnt_bound, refcnt_after);
	if (counter_path)
		printf("; %s %ld -> %ld", counter_path, counter_before,
		       counter_after);
	printf("\n");
	return TRIGGER_PASS;
}
