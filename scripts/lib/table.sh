# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Reader for selftests/reproducers.txt, the reproducer table.  The format is
# described at the top of that file: blank-line separated stanzas of
# "key: value" lines; "key@KERNEL: value" overrides "key" for one kernel,
# "key@ARCH" for one architecture (x86_64, arm64, ppc64le) and
# "key@KERNEL-ARCH" for one kernel on one architecture (debian-6.1-arm64),
# the most specific winning: KERNEL-ARCH, then ARCH, then KERNEL.

TABLE_KEYS="name mode description module trigger trigger-exit expect
expect-comm expect-frame expect-line expect-output panic-expect requires
cmdline sysctl timeout"

# Print "NAME MODE" for every stanza, in table order.
table_rows() {
	awk 'BEGIN { RS = ""; FS = "\n" }
	{
		n = m = ""
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^name:/) { n = $i; sub(/^name:[ \t]*/, "", n) }
			if ($i ~ /^mode:/) { m = $i; sub(/^mode:[ \t]*/, "", m) }
		}
		if (n != "") print n, m
	}' "$TABLE"
}

table_names() {
	table_rows | awk '!seen[$1]++ { print $1 }'
}

# Modes of NAME, space separated, in table order.
table_modes() {
	table_rows | awk -v n="$1" '$1 == n { printf "%s%s", sep, $2; sep = " " }
		END { print "" }'
}

table_has() {
	table_rows | grep -qx "$1 $2"
}

# Load the stanza NAME MODE for KERNEL on ARCH (default x86_64) into
# R_<key> shell variables (dashes become underscores).  Every key of
# TABLE_KEYS is set, empty if absent.
table_load() {
	_vars=$(awk -v name="$1" -v mode="$2" -v kernel="$3" -v arch="${4:-x86_64}" \
		-v keys="$TABLE_KEYS" '
	function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
	BEGIN { RS = ""; FS = "\n"; nk = split(keys, K, /[ \n]+/) }
	{
		delete v; delete o1; delete o2; delete o3
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^[ \t]*#/ || (p = index($i, ":")) == 0)
				continue
			k = substr($i, 1, p - 1); val = substr($i, p + 1)
			sub(/^[ \t]+/, "", val); sub(/[ \t]+$/, "", val)
			if ((a = index(k, "@")) > 0) {
				sel = substr(k, a + 1); k = substr(k, 1, a - 1)
				if (sel == kernel "-" arch)
					o3[k] = val
				else if (sel == arch)
					o2[k] = val
				else if (sel == kernel)
					o1[k] = val
			} else {
				v[k] = val
			}
		}
		if (v["name"] != name || v["mode"] != mode)
			next
		for (i = 1; i <= nk; i++) {
			k = K[i]; if (k == "") continue
			val = (k in o3) ? o3[k] : (k in o2) ? o2[k] : (k in o1) ? o1[k] : v[k]
			gsub(/-/, "_", k)
			print "R_" k "=" q(val)
		}
		found = 1
		exit
	}
	END { exit !found }' "$TABLE") || return 1
	eval "$_vars"
}

# Report stanzas that are malformed: missing name/mode/expect, unknown
# keys, duplicates.  Prints one line per problem; returns 1 if any.
table_check() {
	awk -v keys="$TABLE_KEYS" '
	BEGIN {
		RS = ""; FS = "\n"; n = split(keys, K, /[ \n]+/)
		for (i = 1; i <= n; i++) known[K[i]] = 1
	}
	{
		delete v; stanza = 0
		for (i = 1; i <= NF; i++) {
			if ($i ~ /^[ \t]*#/)
				continue
			stanza = 1
			if ((p = index($i, ":")) == 0) {
				printf "stanza %d: not \"key: value\": %s\n", NR, $i
				bad = 1; continue
			}
			k = substr($i, 1, p - 1); sub(/@.*/, "", k)
			if (!(k in known)) {
				printf "stanza %d: unknown key \"%s\"\n", NR, k
				bad = 1
			}
			val = substr($i, p + 1); sub(/^[ \t]+/, "", val)
			if (k == "name" || k == "mode" || k == "expect" || k == "module")
				v[k] = val
		}
		if (!stanza)
			next
		for (k in known)
			if ((k == "name" || k == "mode" || k == "expect" || k == "module") && !(k in v)) {
				printf "stanza %d: no \"%s\"\n", NR, k
				bad = 1
			}
		id = v["name"] " " v["mode"]
		if (id in seen) {
			printf "stanza %d: %s defined twice\n", NR, id
			bad = 1
		}
		seen[id] = 1
	}
	END { exit bad }' "$TABLE"
}
