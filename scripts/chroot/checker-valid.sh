#!/bin/sh -eu
# SPDX-License-Identifier: GPL-2.0
#
# Installed by scripts/mkchroot.sh (profile build-7) into the kbuild
# scripts of Debian's 7.x headers, whose top Makefile runs
# scripts/checker-valid.sh to decide whether C=1/C=2 may run sparse, but
# whose linux-kbuild package does not ship it: without it every C=2 build
# is silently a build without sparse.  It does what the kernel's does:
# print 1 when the checker "$@" parses __typeof_unqual__, which the
# kernel's headers use since 6.19 and sparse before 0.6.5 does not.

[ -x "$(command -v "$1")" ] || { echo 0; exit 0; }

tmp_file=$(mktemp)
trap 'rm -f "$tmp_file"' EXIT

cat <<'EOC' >"$tmp_file"
static inline int u(const int *q)
{
	__typeof_unqual__(*q) v = *q;
	return v;
}
EOC

# sparse exits 0 on parse errors: look at what it prints
"$@" "$tmp_file" 2>&1 | awk -v c=1 '/error/ { c = 0 } END { print c }'
