# SPDX-License-Identifier: GPL-2.0
#
# oopslab: reproducers of how third-party kernel modules crash machines.
#
#   make [KDIR=/path/to/kernel/build]   modules + triggers + parser
#   make check                          every test (installs what it needs)
#   make matrix                         every reproducer on every kernel and arch
#   make lint                           checkpatch, W=1, sparse, sanitizers, shellcheck
#   make check-source M=PATH            the five classes in a module's source (Coccinelle)
#   make bench                          suite time against bare VM boots; parser speed
#   make soak [N=20] [KERNEL=K] [ARCH=A] [LOAD=1] every row N times: is every verdict repeatable?
#   make -C /lib/modules/$(uname -r)/build M=$PWD    modules only (kbuild)
#
# KDIR defaults to the running kernel's build directory, or Debian's 6.1
# cloud kernel headers when the running kernel has none (a build host).

KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
		   $(shell scripts/kernel-dir.sh debian-6.1 2>/dev/null))

all: modules userspace

modules:
	@test -n "$(KDIR)" -a -d "$(KDIR)" || { echo "oopslab: no kernel build directory: pass KDIR=, or install headers with scripts/deps.sh" >&2; exit 2; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

userspace:
	$(MAKE) -C userspace

deps:
	scripts/deps.sh --for check

# The parser's unit tests and fuzzer, the semantic patches' tests
# (selftests/check_source.sh, seconds), the runner's robustness checks, the
# matrix (every reproducer in a fresh VM each, on every kernel: it runs
# selftests/run.sh once per kernel), the full Debian lab VM (crash, reboot,
# collect: selftests/labvm.sh), then the quality gates, last because
# they build every module against every kernel the matrix brought, the lab
# kernel included.
check: deps
	$(MAKE) -C userspace check
	$(MAKE) -C selftests run_tests TEST_PROGS=check_source.sh
	$(MAKE) -C selftests run_tests TEST_PROGS=robustness.sh
	$(MAKE) matrix
	$(MAKE) -C selftests run_tests TEST_PROGS=labvm.sh
	scripts/lint.sh

# Reproducer x mode x kernel x architecture (debian-5.10, debian-6.1,
# debian-6.12, debian-7, lab on x86_64; debian-6.1 and debian-6.12 on
# arm64 and ppc64le, emulated; the chroots, sysroots and the lab kernel
# made first, cached), two VMs at a time: build/matrix/matrix.md and
# junit.xml.  Documentation/kernels.rst, Documentation/architectures.rst
matrix: deps
	scripts/matrix.sh

# Documentation/quality.rst
lint:
	scripts/lint.sh

bench: deps
	scripts/bench.sh

# Every row N times on one kernel, two VMs at a time; LOAD=1 keeps the
# other host CPUs busy meanwhile.  Too long for make check, which runs
# each cell once.  Documentation/quality.rst
N ?= 20
KERNEL ?= debian-6.1
soak: deps
	scripts/soak.sh -n $(N) --kernel $(KERNEL) $(if $(ARCH),--arch $(ARCH)) $(if $(filter 1,$(LOAD)),--load)

# A module's source, any tree: M=DIR or M=FILE.  Documentation/check-source.rst
check-source:
	@test -n "$(M)" || { echo "oopslab: make check-source M=PATH (a module source directory or file)" >&2; exit 2; }
	scripts/check_source.sh $(M)

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C userspace clean
	rm -rf build

.PHONY: all modules userspace deps check matrix lint bench soak check-source clean
