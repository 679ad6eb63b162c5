// SPDX-License-Identifier: GPL-2.0
/// Find module code that writes the kernel's LSM hook state: a
/// struct security_hook_list linked into (or out of) a hook list, a store
/// into the static-call slots (struct lsm_static_call) or the hook heads,
/// security_add_hooks() called from a module, LSM hook state looked up by
/// name and written through, and CR0.WP cleared to make such a write
/// possible.  Since 4.12 all of it is __ro_after_init: the store oopses
/// ("Oops: 0003", a write to a read-only page), as deepin_security's did
/// on insmod.  Hook through a supported mechanism instead (a kprobe or
/// fentry program on the security_* function, the BPF LSM); code that must
/// touch such memory checks the page is writable and refuses.
///
// Confidence: High
// Copyright: (C) 2026 oopslab
// Comments: oopslab class deepin-lsm, Documentation/deepin-lsm.rst.
//  security_add_hooks() is reported only in a file with a MODULE_LICENSE():
//  built-in LSMs call it from their __init code, which is correct.  Names
//  looked up are string literals naming LSM state (security_hook_heads,
//  static_calls_table, security_ops, <lsm>_hooks); a name built by a macro
//  is not seen.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
seen = set()

def lsm_report(p, msg, print_fn):
	key = (p[0].file, p[0].line)
	if key in seen or builtin(p):
		return
	seen.add(key)
	print_fn(p[0], "oopslab/deepin-lsm: " + msg + "; hook through a kprobe or fentry on the security_* function or the BPF LSM, and check that a page is writable before writing it (Documentation/deepin-lsm.rst)")

import re
modules = set()

def builtin(p):
	"""The kernel's own LSM code (security/, no MODULE_LICENSE) writes
	these structures from its __init functions, before they turn
	read-only: that is what they are for."""
	f = p[0].file
	return f not in modules and re.search(r"(^|/)security/", f) is not None

RO = "the LSM hook lists are __ro_after_init since 4.12: the store oopses (Oops: 0003, write to a read-only page)"

@ismodule@
declarer name MODULE_LICENSE;
position p;
@@
MODULE_LICENSE@p(...);

@script:python@
p << ismodule.p;
@@
modules.add(p[0].file)

// 1. A security_hook_list linked into or out of a hook list, or a list
//    operation on a member of security_hook_heads.
@hooklist depends on context || org || report disable drop_cast@
struct security_hook_list HL;
struct security_hook_list *HP;
struct security_hook_heads SH;
struct security_hook_heads *SP;
expression E, H;
identifier fn =~ "^(hlist_add_head|hlist_add_head_rcu|hlist_add_tail_rcu|hlist_add_before|hlist_add_behind|hlist_add_before_rcu|hlist_add_behind_rcu|hlist_del|hlist_del_rcu|hlist_del_init|hlist_del_init_rcu|list_add|list_add_tail|list_add_rcu|list_add_tail_rcu|list_del|list_del_rcu|list_del_init)$";
identifier F;
position p : script:python () { not builtin(p) };
symbol security_hook_heads;
@@
(
fn@p(&HL.list, ...)
|
fn@p(&HP->list, ...)
|
fn@p(E, &SH.F)
|
fn@p(E, &SP->F)
|
fn@p(E, &security_hook_heads.F)
|
fn@p(E, &((struct security_hook_heads *)H)->F)
)

@script:python depends on org@
p << hooklist.p;
fn << hooklist.fn;
@@
lsm_report(p, "%s() on an LSM hook list at run time: %s" % (fn, RO), coccilib.org.print_todo)

@script:python depends on report@
p << hooklist.p;
fn << hooklist.fn;
@@
lsm_report(p, "%s() on an LSM hook list at run time: %s" % (fn, RO), coccilib.report.print_report)

// 2. Stores into the hook heads or the static-call slots (6.8+).
@slot depends on context || org || report@
struct lsm_static_call *SC;
struct lsm_static_call SV;
struct security_hook_heads SH;
struct security_hook_heads *SP;
identifier F;
expression V;
position p : script:python () { not builtin(p) };
symbol security_hook_heads;
@@
(
SC@p->F = V
|
SV@p.F = V
|
SH@p.F = V
|
SP@p->F = V
|
security_hook_heads@p.F = V
)

@script:python depends on org@
p << slot.p;
@@
lsm_report(p, "store into the kernel's LSM hook heads or static-call table: %s" % RO, coccilib.org.print_todo)

@script:python depends on report@
p << slot.p;
@@
lsm_report(p, "store into the kernel's LSM hook heads or static-call table: %s" % RO, coccilib.report.print_report)

// 3. security_add_hooks() from a module: it is __init, not exported, and
//    writes the read-only lists.
@addhooks depends on ismodule && (context || org || report)@
position p;
@@
\(security_add_hooks@p\|security_delete_hooks@p\)(...)

@script:python depends on org@
p << addhooks.p;
@@
lsm_report(p, "security_add_hooks() from a module: it is __init and unexported, and %s" % RO, coccilib.org.print_todo)

@script:python depends on report@
p << addhooks.p;
@@
lsm_report(p, "security_add_hooks() from a module: it is __init and unexported, and %s" % RO, coccilib.report.print_report)

// 4. LSM state looked up by name and written through.
@lookup depends on context || org || report exists@
expression X, E, E1;
identifier lk, fld, g;
constant char[] S =~ "^\"(security_hook_heads|static_calls_table|security_ops|[a-z_]*lsm_[a-z_]*|(selinux|apparmor|smack|tomoyo|yama|loadpin|lockdown|landlock|bpf_lsm|capability|safesetid|ipe|integrity|evm|ima)_hooks)\"$";
type T;
type T1;
position p;
position pw : script:python () { not builtin(pw) };
@@
(
X = lk@p(S)
|
X = (T)lk@p(S)
)
... when != X = E1
(
 *X@pw = E
|
 *(T1)X@pw = E
|
 X@pw[E1] = E
|
 X@pw[E1].fld = E
|
 X@pw[E1].fld.g = E
|
 X@pw->fld = E
|
 X@pw->fld.g = E
|
 ((T1)X@pw)->fld = E
|
 ((T1)X@pw)->fld.g = E
|
 ((T1)X@pw)[E1] = E
|
 ((T1)X@pw)[E1].fld = E
|
 ((T1)X@pw)[E1].fld.g = E
|
memcpy@pw(<+... X ...+>, ...)
|
hlist_add_head_rcu@pw(E, <+... X ...+>)
|
hlist_add_tail_rcu@pw(E, <+... X ...+>)
|
hlist_add_head@pw(E, <+... X ...+>)
|
list_add@pw(E, <+... X ...+>)
|
list_add_tail@pw(E, <+... X ...+>)
|
list_add_rcu@pw(E, <+... X ...+>)
|
list_add_tail_rcu@pw(E, <+... X ...+>)
)

@script:python depends on org@
p << lookup.p;
pw << lookup.pw;
S << lookup.S;
lk << lookup.lk;
@@
lsm_report(pw, "writes through %s looked up by name with %s() at line %s: %s" % (S, lk, p[0].line, RO), coccilib.org.print_todo)

@script:python depends on report@
p << lookup.p;
pw << lookup.pw;
S << lookup.S;
lk << lookup.lk;
@@
lsm_report(pw, "writes through %s looked up by name with %s() at line %s: %s" % (S, lk, p[0].line, RO), coccilib.report.print_report)

// 5. CR0.WP cleared, to write read-only kernel data.
@cr0 depends on context || org || report@
constant C =~ "^0x0*10000[uUlL]*$";
position p : script:python () { not builtin(p) };
symbol X86_CR0_WP;
@@
(
\(write_cr0@p\|native_write_cr0@p\)(<+... ~X86_CR0_WP ...+>)
|
\(write_cr0@p\|native_write_cr0@p\)(<+... ~C ...+>)
|
\(write_cr0@p\|native_write_cr0@p\)(<+... ~(1 << 16) ...+>)
)

@script:python depends on org@
p << cr0.p;
@@
lsm_report(p, "clears CR0.WP to write read-only kernel data: the bit is pinned since 5.3 ('CR0 WP bit went missing!?'), and what it is cleared for is __ro_after_init LSM or kernel state", coccilib.org.print_todo)

@script:python depends on report@
p << cr0.p;
@@
lsm_report(p, "clears CR0.WP to write read-only kernel data: the bit is pinned since 5.3 ('CR0 WP bit went missing!?'), and what it is cleared for is __ro_after_init LSM or kernel state", coccilib.report.print_report)

// MODE=context: the same places, marked.

@depends on context@
position hooklist.p;
expression E;
@@
* E@p

@depends on context@
position slot.p;
expression E;
@@
* E@p

@depends on context@
position addhooks.p;
expression E;
@@
* E@p

@depends on context@
position lookup.pw;
expression E;
@@
* E@pw

@depends on context@
position cr0.p;
expression E;
@@
* E@p
