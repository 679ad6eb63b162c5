#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Build the oopslab lab kernel: Debian's linux-source-6.12 configured with
# Kconfig.snippet on top of tinyconfig, with KASAN, KUnit, lockdep & co.
#
#   scripts/build_lab_kernel.sh [--print-dir] [--config-only] [--jobs N]
#
# The kernel tree, built in place, is the directory out-of-tree modules
# are built against (make -C DIR M=...); bzImage is DIR/arch/x86/boot/
# bzImage and DIR/modules-install/lib/modules/RELEASE its modules.  It is
# cached in build/lab-kernel/HASH/, HASH over the fragment, the source
# package version, the compiler and this script's version: a repeated run
# rebuilds nothing, and an interrupted one resumes.
#
#   --print-dir    print the directory on stdout (building it first if
#                  needed); progress always goes to stderr
#   --config-only  configure and verify the fragment, do not build
#   --jobs N       parallel make jobs (default: nproc)
#
# Every CONFIG_ line of the fragment, "is not set" lines included, must
# hold in the final .config, or the build fails naming the option.
# OOPSLAB_LAB_FRAGMENT=FILE uses another fragment (to try options).

set -u
PROG=build_lab_kernel
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${OOPSLAB_BUILD:-$TOP/build}
. "$TOP/scripts/lib/common.sh"

# Bump when the way the tree is configured or built changes.
LAB_SCRIPT_VERSION=1
SRC_PKG=linux-source-6.12
SRC_TAR=/usr/src/$SRC_PKG.tar.xz
FRAGMENT=${OOPSLAB_LAB_FRAGMENT:-$TOP/Kconfig.snippet}

print_dir=0 config_only=0 jobs=$(nproc)
while [ $# -gt 0 ]; do
	case $1 in
	--print-dir) print_dir=1 ;;
	--config-only) config_only=1 ;;
	--jobs) [ $# -ge 2 ] || die "$KSFT_USAGE" "--jobs needs a value"; jobs=$2; shift ;;
	--jobs=*) jobs=${1#*=} ;;
	-h | --help) sed -n '4,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "$KSFT_USAGE" "unknown argument $1 (see --help)" ;;
	esac
	shift
done
case $jobs in
'' | *[!0-9]* | 0) die "$KSFT_USAGE" "--jobs takes a number > 0, got '$jobs'" ;;
esac
[ -r "$FRAGMENT" ] || die 1 "no config fragment $FRAGMENT"

t_start=$(now_ms)
elapsed() {
	awk -v ms="$(($(now_ms) - t_start))" \
		'BEGIN { s = int(ms / 1000); printf "%d:%02d", s / 60, s % 60 }'
}
step() {
	progress "[$(elapsed)] $*"
}

"$TOP/scripts/deps.sh" lab >&2 || die 1 "cannot install what the lab kernel needs (scripts/deps.sh lab)"
[ -r "$SRC_TAR" ] || die 1 "no $SRC_TAR (apt-get install $SRC_PKG)"
src_ver=$(dpkg-query -W -f '${Version}' "$SRC_PKG" 2>/dev/null) ||
	src_ver=$(stat -c '%s-%Y' "$SRC_TAR")
cc_ver=$(${CC:-gcc} --version | head -n 1)

hash=$({
	echo "script $LAB_SCRIPT_VERSION"
	echo "source $SRC_PKG $src_ver"
	echo "cc $cc_ver"
	cat "$FRAGMENT"
} | sha256sum | cut -c 1-12)
dir=$BUILD/lab-kernel/$hash
log=$dir.log
stamp=$dir/.oopslab-built

done_print() {
	if [ "$print_dir" = 1 ]; then
		echo "$dir"
	else
		progress "lab kernel $(cat "$dir/include/config/kernel.release") in $dir"
	fi
	exit 0
}

[ -e "$stamp" ] && done_print

# One build per directory at a time (the matrix resolves kernels in
# parallel); the loser of the race waits and finds the stamp.
mkdir -p "$BUILD/lab-kernel"
if command -v flock >/dev/null 2>&1; then
	exec 9>"$dir.lock"
	if ! flock -n 9; then
		step "another build of $dir is running: waiting for it"
		flock 9
	fi
	[ -e "$stamp" ] && done_print
fi

step "lab kernel $hash: $SRC_PKG $src_ver + $(basename "$FRAGMENT"), log $log"
: > "$log"

# ---------------------------------------------------------------- source
if ! [ -e "$dir/.oopslab-extracted" ]; then
	step "extracting $SRC_TAR"
	rm -rf "$dir"
	mkdir -p "$dir"
	tar -xJf "$SRC_TAR" -C "$dir" --strip-components=1 ||
		die 1 "cannot extract $SRC_TAR into $dir"
	touch "$dir/.oopslab-extracted"
fi

kmake() {
	make -C "$dir" "$@" >>"$log" 2>&1
}

# ---------------------------------------------------------------- config

# The fragment's settings as "CONFIG_X value" lines ("n" for is not set).
fragment_settings() {
	sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' \
		-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1 n/p' "$1"
}

# Where KCONFIG option NAME is defined, and what it depends on.
kconfig_where() {
	_f=$(grep -rlx --include='Kconfig*' "\(menu\)\{0,1\}config $1" "$dir" | head -n 1)
	[ -n "$_f" ] || { echo "no such option in $SRC_PKG"; return; }
	awk -v o="$1" -v f="${_f#"$dir"/}" '
		$0 ~ "^(menu)?config " o "$" { on = 1; printf "%s", f; next }
		on && /^(menu)?config |^(end)?(menu|choice|if)/ { exit }
		on && /^[ \t]*depends on/ { sub(/^[ \t]*/, ""); printf "; %s", $0 }
		END { print "" }' "$_f"
}

# Every option of the fragment must have its value in .config.
verify_config() {
	_bad=0
	fragment_settings "$FRAGMENT" > "$dir/.oopslab-fragment"
	while read -r _opt _want; do
		_got=$(sed -n "s/^$_opt=//p" "$dir/.config")
		[ -n "$_got" ] || _got=n
		[ "$_got" = "$_want" ] && continue
		[ "$_want" = n ] && _want="not set"
		[ "$_got" = n ] && _got="not set"
		printf '%s: %s: %s in the fragment, %s in .config (%s)\n' \
			"$PROG" "$_opt" "$_want" "$_got" "$(kconfig_where "${_opt#CONFIG_}")" >&2
		_bad=$((_bad + 1))
	done < "$dir/.oopslab-fragment"
	[ "$_bad" = 0 ] && return 0
	# The tree is of no use with this fragment: keep only its .config.
	cp "$dir/.config" "$dir.config-rejected"
	rm -rf "$dir"
	die 1 "$_bad option(s) of $FRAGMENT did not survive olddefconfig (a dependency forbids them); the .config is in $dir.config-rejected"
}

if ! [ -e "$dir/.oopslab-configured" ] || [ "$config_only" = 1 ]; then
	step "configuring: tinyconfig + $(basename "$FRAGMENT"), olddefconfig"
	kmake tinyconfig || die 1 "make tinyconfig failed (log: $log)"
	"$dir/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" "$FRAGMENT" >>"$log" 2>&1 ||
		die 1 "merge_config.sh failed (log: $log)"
	# The release names the configuration, so that builds of different
	# fragments never share module or initramfs directories.
	"$dir/scripts/config" --file "$dir/.config" \
		--set-str LOCALVERSION "-oopslab-$hash" --disable LOCALVERSION_AUTO
	kmake olddefconfig || die 1 "make olddefconfig failed (log: $log)"
	step "verifying: all $(fragment_settings "$FRAGMENT" | wc -l) options of the fragment hold in .config"
	verify_config
	touch "$dir/.oopslab-configured"
fi
if [ "$config_only" = 1 ]; then
	step "configured $dir (--config-only)"
	exit 0
fi

# ----------------------------------------------------------------- build
step "building bzImage and modules with -j$jobs (a cold build takes minutes; log $log)"
kmake -j"$jobs" bzImage modules &
mpid=$!
n=0
while kill -0 "$mpid" 2>/dev/null; do
	sleep 1
	n=$((n + 1))
	[ $((n % 30)) = 0 ] || continue
	_cc=$(grep -c '^  CC ' "$log")
	_last=$(grep '^  [A-Z]' "$log" | tail -n 1 | awk '{ print $NF }')
	step "  $_cc objects compiled, now at $_last"
done
wait "$mpid" || {
	grep -E -B 2 -A 8 'error:|Error [0-9]' "$log" | tail -n 30 >&2
	die 1 "kernel build failed (log: $log)"
}
step "installing modules into $dir/modules-install"
rm -rf "$dir/modules-install"
kmake INSTALL_MOD_PATH="$dir/modules-install" modules_install ||
	die 1 "modules_install failed (log: $log)"

rel=$(cat "$dir/include/config/kernel.release")
[ -r "$dir/arch/x86/boot/bzImage" ] || die 1 "no bzImage after the build (log: $log)"
[ -d "$dir/modules-install/lib/modules/$rel" ] || die 1 "no modules-install/lib/modules/$rel (log: $log)"
echo "$rel built in $(elapsed) with -j$jobs" > "$stamp"
step "built $rel: $(du -h "$dir/arch/x86/boot/bzImage" | cut -f 1) bzImage"
done_print
