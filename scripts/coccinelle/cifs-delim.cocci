// SPDX-License-Identifier: GPL-2.0
/// Find a buffer converted in place before it is NUL-terminated: a
/// delimiter or character rewrite that walks to the first NUL (a
/// convert_*() call, strreplace(), a function of the same file that loops
/// until the NUL, or such a loop written inline) run on a buffer whose NUL
/// is only stored afterwards.  The walk does not stop at the end of the
/// copy: it reads the unwritten byte after it and runs on into the next
/// object, rewriting every match there.  cifs_build_path_to_root() did
/// this in 3.1-3.7 and turned a '/' of a neighbouring shm_file_data's id
/// into '\': kernel BUG at ipc/shm.c.  Terminate before converting, or
/// convert within the known length.
///
// Confidence: Moderate
// Copyright: (C) 2026 oopslab
// Comments: oopslab class cifs-delim, Documentation/cifs-delim.rst.
//  A converter is strreplace(), a function named convert_*, *_convert*
//  or *delim*, or a function of the file that rewrites characters of a
//  parameter in a loop whose condition reads the buffer.  The buffer must
//  not have been terminated (X[E] = 0, a string copy, kstrdup() and the
//  like) on the path before the conversion.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import re
NAMED = re.compile(r"^(strreplace|convert_[A-Za-z0-9_]*|[A-Za-z0-9_]*_convert[A-Za-z0-9_]*|[A-Za-z0-9_]*delim[A-Za-z0-9_]*)$")
loops = {}	# file -> functions with a loop whose condition reads a parameter
rewrites = {}	# file -> functions storing a character literal through one
findings = []
seen = set()

def is_char(c):
	"""A character literal other than the NUL (spatch hands the
	constraint the literal with leading blanks)."""
	c = c.strip()
	return c.startswith("'") and c not in ("'\\0'", "'\\x00'", "'\\000'")

def is_converter(p, f):
	if NAMED.match(f):
		return True
	fl = p[0].file
	return f in loops.get(fl, ()) and f in rewrites.get(fl, ())

def cifs_add(p, msg):
	key = (p[0].file, p[0].line, p[0].column)
	if key not in seen:
		seen.add(key)
		findings.append((p, "oopslab/cifs-delim: " + msg + "; terminate the buffer before converting it, or convert within its known length (Documentation/cifs-delim.rst)"))

def cifs_is_finding(p):
	return any((q[0].file, q[0].line, q[0].column) ==
		   (p[0].file, p[0].line, p[0].column) for q, m in findings)

// Functions of this file that walk a parameter until its NUL ...
@walkloop2@
identifier f, s;
type T;
expression E1, E3;
statement S;
position p;
@@
f@p(..., T s, ...) {
<+...
(
for (E1; <+... s ...+>; E3) S
|
for (E1; <+... *E1 ...+>; E3) S
|
while (<+... s ...+>) S
|
while (<+... strchr(...) ...+>) S
)
...+>
}

@script:python@
f << walkloop2.f;
p << walkloop2.p;
@@
loops.setdefault(p[0].file, set()).add(f)

// ... and store a character literal through it.
@charstore@
expression X, I;
constant C : script:python () { is_char(C) };
position p;
@@
\(X[I]@p = C\|*X@p = C\)

@script:python@
p << charstore.p;
@@
rewrites.setdefault(p[0].file, set()).add(p[0].current_element)

// The buffer terminated, or produced terminated, before the conversion.
@pre exists@
identifier cf;
expression X, E, E1, E2, R;
identifier prod =~ "^(kstrdup|kstrndup|kstrdup_const|kasprintf|kvasprintf|kmemdup_nul|strndup_user|strcpy|strscpy|strscpy_pad|strlcpy|sprintf|snprintf|scnprintf|vsnprintf|strcat|strlcat|strncat|seq_buf_str|match_strdup|dentry_path_raw|d_path)$";
position p;
@@
(
X[E] = \(0\|'\0'\)
|
X = prod(...)
|
R = prod(\(X\|X + E2\), ...)
|
prod(\(X\|X + E2\), ...)
)
...
(
cf@p(\(X\|X + E1\), ...)
|
R = cf@p(\(X\|X + E1\), ...)
)

@conv depends on context || org || report exists@
identifier cf;
expression X, E, E1, E3, R;
position p != pre.p;
position q;
@@
(
cf@p(\(X\|X + E1\), ...)
|
R = cf@p(\(X\|X + E1\), ...)
)
... when != X = E3
X[E]@q = \(0\|'\0'\)

@script:python@
cf << conv.cf;
p << conv.p;
q << conv.q;
X << conv.X;
@@
if is_converter(p, cf):
	cifs_add(p, "%s() converts %s in place before its NUL is stored (line %s): the walk runs past the copy into whatever follows the buffer" % (cf, X, q[0].line))

// The same rewrite loop written inline.
@inl depends on context || org || report exists@
expression X, I, J, E, E1, E3, E4;
constant C : script:python () { is_char(C) };
position p, q;
@@
(
for@p (E1; <+... X[I] ...+>; E3) { <+... X[J] = C ...+> }
|
while@p (<+... X[I] ...+>) { <+... X[J] = C ...+> }
|
for@p (E1; <+... X[I] ...+>; E3) if (...) X[J] = C;
)
... when != X = E4
X[E]@q = \(0\|'\0'\)

@script:python@
p << inl.p;
q << inl.q;
X << inl.X;
@@
cifs_add(p, "this loop rewrites %s up to its first NUL before that NUL is stored (line %s): it runs past the copy into whatever follows the buffer" % (X, q[0].line))

// Report once per file, after everything above has run over it.
@last@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python depends on org@
p << last.p;
@@
for pc, msg in findings:
	if pc[0].file == p[0].file and (pc[0].file, pc[0].line, "r") not in seen:
		seen.add((pc[0].file, pc[0].line, "r"))
		coccilib.org.print_todo(pc[0], msg)

@script:python depends on report@
p << last.p;
@@
for pc, msg in findings:
	if pc[0].file == p[0].file and (pc[0].file, pc[0].line, "r") not in seen:
		seen.add((pc[0].file, pc[0].line, "r"))
		coccilib.report.print_report(pc[0], msg)

// MODE=context: the places reported above, marked.
@depends on context@
identifier f;
position p : script:python () { cifs_is_finding(p) };
@@
* f@p(...)

@depends on context@
position p : script:python () { cifs_is_finding(p) };
statement S;
expression E1, E2, E3;
@@
(
* for@p (E1; E2; E3) S
|
* while@p (E2) S
)
