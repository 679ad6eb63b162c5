#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Every reproducer and mode in reproducers.txt, each in a fresh lab VM, on
# the kernel given with --kernel (default debian-6.1).  KTAP on stdout.
# The table is checked first: a malformed stanza is a failure, not a skip.
set -u
here=$(cd "$(dirname "$0")" && pwd)
TABLE=$here/reproducers.txt
. "$here/../scripts/lib/table.sh"

if ! problems=$(table_check); then
	echo "run.sh: $TABLE is malformed:" >&2
	printf '%s\n' "$problems" >&2
	exit 1
fi
# Every CONFIG_ the table requires must be in the kselftest config file.
for c in $(sed -n 's/^requires[^:]*://p' "$TABLE" | tr ' ' '\n' | grep '^CONFIG_' | sort -u); do
	grep -q "^$c=" "$here/config" || { echo "run.sh: $c is required by the table but not in selftests/config" >&2; exit 1; }
done

# The README's reproducer table is generated from this one: keep it current.
readme=$here/../README.md
want=$(OOPSLAB_TABLE=$TABLE "$here/../scripts/run_reproducer.sh" --list --markdown)
have=$(sed -n '/^<!-- generated: /,/^<!-- end generated -->/p' "$readme" | sed '1d;$d')
if [ "$want" != "$have" ]; then
	echo "run.sh: README.md's reproducer table is stale: paste 'scripts/run_reproducer.sh --list --markdown' between its markers" >&2
	exit 1
fi

exec "$here/../scripts/run_reproducer.sh" --all "$@"
