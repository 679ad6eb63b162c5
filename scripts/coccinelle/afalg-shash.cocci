// SPDX-License-Identifier: GPL-2.0
/// Find the confusion between a crypto transform and its context: the
/// result of crypto_shash_ctx(), crypto_tfm_ctx(), crypto_ahash_ctx() (or
/// another crypto_*_ctx() accessor) passed where a struct crypto_tfm * or
/// struct crypto_shash * (any transform type) is expected, or handed to
/// crypto_tfm_ctx() a second time; and an exit_tfm/cra_exit that frees a
/// context field its init_tfm/cra_init pointed at memory it did not
/// allocate.  nx_crypto's shash exit
/// did the first (4e67f504ee9d) and kfree_sensitive()d a value read 32
/// bytes past its context: an oops in close() of an AF_ALG hash socket.
/// exit_tfm must free exactly what init_tfm allocated, through helpers
/// typed for what they are given.
///
// Confidence: High
// Copyright: (C) 2026 oopslab
// Comments: oopslab class afalg-shash, Documentation/afalg-shash.rst.
//  Parameter types are known for functions defined in the same file (the
//  first three parameters).  A context reaches the call directly, through
//  a cast, or through a variable assigned from the accessor in the same
//  function.  Request contexts are not accessors here: a fallback
//  sub-request kept there is a request.  The exit/init pairing is by field
//  name: a free is reported when the init function (or a function of the
//  file it calls) sets the field to something other than NULL or an
//  allocation, and nothing in the file allocates it (a setkey() may).
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import re
TFM = re.compile(r"^struct\s+crypto_(tfm|shash|ahash|skcipher|sync_skcipher|lskcipher|aead|akcipher|sig|kpp|rng|cipher|comp|acomp|scomp)\s*\*$")
conf = []	# (position, callee, accessor, argument number)
findings = []	# (position, message)
reported = set()
params = {}	# file -> {function: {index: type}}
seen = set()
st = {}		# file -> {"init": set, "exit": {name: how}, "sets": {f: set},
		#          "calls": {f: set}, "frees": {f: [(field, pos)]}}

def fs(p):
	return st.setdefault(p[0].file, {"init": set(), "exit": {}, "sets": {},
					 "calls": {}, "frees": {}, "defs": set()})

def afalg_report(p, msg, print_fn):
	key = (p[0].file, p[0].line)
	if key in seen:
		return
	seen.add(key)
	print_fn(p[0], "oopslab/afalg-shash: " + msg + " (Documentation/afalg-shash.rst)")

# Kernel API taking a transform (or a request) first.
API = re.compile(r"^(crypto_[a-z_]+_ctx(_aligned|_dma)?|crypto_free_[a-z_]+|crypto_[a-z_]+_setkey|crypto_[a-z_]+_(digestsize|blocksize|alignmask|ivsize|authsize|reqsize|statesize|get_flags|set_flags|clear_flags|tfm|alg)|crypto_tfm_alg_[a-z_]+)$")

def is_tfm_param(p, f, i):
	if i == 0 and API.match(f):
		return True
	t = params.get(p[0].file, {}).get(f, {}).get(i)
	return t is not None and TFM.match(re.sub(r"\s+", " ", t).replace("const ", "").strip()) is not None

def afalg_is_finding(p):
	return any((q[0].file, q[0].line, q[0].column) ==
		   (p[0].file, p[0].line, p[0].column) for q, m in findings)

def reach(s, f, seen_f):
	if f in seen_f:
		return
	seen_f.add(f)
	for g in s["calls"].get(f, ()):
		reach(s, g, seen_f)

ALLOC = re.compile(r"(alloc|kmemdup|strdup|get_free_page|get_zeroed_page|vmap|ioremap|_get$|^get_)")

def unset_frees(p):
	"""(field, position, exit, inits) freed by an exit function of this
	file, which its init functions point at something they did not
	allocate, and which nothing in the file allocates.  A field nothing
	sets is NULL (the crypto API zeroes the context): freeing it is
	harmless, and a field a setkey() allocates is that setkey's."""
	s = fs(p)
	if not s["init"]:
		return []
	defined = s["defs"]
	inits = set()
	for i in s["init"]:
		if i not in defined:
			return []	# defined elsewhere: cannot tell
		reach(s, i, inits)
	init_other = set()
	for f in inits:
		init_other |= set(fld for fld, how in s["sets"].get(f, ())
				  if how != "alloc")
	allocated = set()
	for f, sets in s["sets"].items():
		allocated |= set(fld for fld, how in sets if how == "alloc")
	out = []
	for x in sorted(s["exit"]):
		exits = set()
		reach(s, x, exits)
		for f in sorted(exits):
			for fld, pos in s["frees"].get(f, []):
				if fld in init_other and fld not in allocated:
					out.append((fld, pos, x, sorted(s["init"])))
	return out

// Parameter types of the functions of this file.
@p0@
identifier f, a;
type T;
position p;
@@
f@p(T a, ...) { ... }

@script:python@
f << p0.f;
T << p0.T;
p << p0.p;
@@
params.setdefault(p[0].file, {}).setdefault(f, {})[0] = T
fs(p)["defs"].add(f)

@p00@
identifier f;
position p;
@@
f@p(void) { ... }

@script:python@
f << p00.f;
p << p00.p;
@@
fs(p)["defs"].add(f)

@p1@
identifier f, a, a0;
type T, T0;
position p;
@@
f@p(T0 a0, T a, ...) { ... }

@script:python@
f << p1.f;
T << p1.T;
p << p1.p;
@@
params.setdefault(p[0].file, {}).setdefault(f, {})[1] = T

@p2@
identifier f, a, a0, a1;
type T, T0, T1;
position p;
@@
f@p(T0 a0, T1 a1, T a, ...) { ... }

@script:python@
f << p2.f;
T << p2.T;
p << p2.p;
@@
params.setdefault(p[0].file, {}).setdefault(f, {})[2] = T

// 1. A context passed where a transform is expected.
@ctxarg0 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E;
type T;
position p;
@@
f@p(\(ctxf(E)\|(T)ctxf(E)\), ...)

@ctxvar0 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E, X, EX;
type T;
position p;
@@
X = ctxf(E)
... when != X = EX
f@p(\(X\|(T)X\), ...)

@ctxarg1 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E, E0;
type T;
position p;
@@
f@p(E0, \(ctxf(E)\|(T)ctxf(E)\), ...)

@ctxvar1 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E, X, EX, E0;
type T;
position p;
@@
X = ctxf(E)
... when != X = EX
f@p(E0, \(X\|(T)X\), ...)

@ctxarg2 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E, E0, E1;
type T;
position p;
@@
f@p(E0, E1, \(ctxf(E)\|(T)ctxf(E)\), ...)

@ctxvar2 depends on context || org || report exists@
identifier ctxf =~ "^(crypto_[a-z_]+_ctx|crypto_[a-z_]+_ctx_aligned|crypto_[a-z_]+_ctx_dma)$";
identifier f;
expression E, X, EX, E0, E1;
type T;
position p;
@@
X = ctxf(E)
... when != X = EX
f@p(E0, E1, \(X\|(T)X\), ...)

@script:python@
f << ctxarg0.f;
ctxf << ctxarg0.ctxf;
p << ctxarg0.p;
@@
if is_tfm_param(p, f, 0):
	conf.append((p, f, ctxf, 1))

@script:python@
f << ctxvar0.f;
ctxf << ctxvar0.ctxf;
p << ctxvar0.p;
@@
if is_tfm_param(p, f, 0):
	conf.append((p, f, ctxf, 1))

@script:python@
f << ctxarg1.f;
ctxf << ctxarg1.ctxf;
p << ctxarg1.p;
@@
if is_tfm_param(p, f, 1):
	conf.append((p, f, ctxf, 2))

@script:python@
f << ctxvar1.f;
ctxf << ctxvar1.ctxf;
p << ctxvar1.p;
@@
if is_tfm_param(p, f, 1):
	conf.append((p, f, ctxf, 2))

@script:python@
f << ctxarg2.f;
ctxf << ctxarg2.ctxf;
p << ctxarg2.p;
@@
if is_tfm_param(p, f, 2):
	conf.append((p, f, ctxf, 3))

@script:python@
f << ctxvar2.f;
ctxf << ctxvar2.ctxf;
p << ctxvar2.p;
@@
if is_tfm_param(p, f, 2):
	conf.append((p, f, ctxf, 3))

// 2. exit functions that free what init functions never set.
@algfields@
identifier fld =~ "^(init_tfm|cra_init|exit_tfm|cra_exit)$";
identifier fn, x, b, h;
position p;
expression E;
type T;
@@
(
T x = { ..., .fld = fn@p, ... };
|
T x = { ..., .b = { ..., .fld = fn@p, ... }, ... };
|
T x = { ..., .h = { ..., .b = { ..., .fld = fn@p, ... }, ... }, ... };
|
T x[] = { ..., { ..., .fld = fn@p, ... }, ... };
|
T x[] = { ..., { ..., .b = { ..., .fld = fn@p, ... }, ... }, ... };
|
T x[] = { ..., { ..., .h = { ..., .b = { ..., .fld = fn@p, ... }, ... }, ... }, ... };
|
E.fld = fn@p;
|
E->fld = fn@p;
)

@script:python@
fld << algfields.fld;
fn << algfields.fn;
p << algfields.p;
@@
if fld in ("init_tfm", "cra_init"):
	fs(p)["init"].add(fn)
else:
	fs(p)["exit"].setdefault(fn, fld)

@algcond@
identifier fld =~ "^(init_tfm|cra_init|exit_tfm|cra_exit)$";
identifier fn1, fn2;
position p;
expression E, C;
@@
(
E.fld = C ? fn1@p : fn2;
|
E->fld = C ? fn1@p : fn2;
)

@script:python@
fld << algcond.fld;
fn1 << algcond.fn1;
fn2 << algcond.fn2;
p << algcond.p;
@@
for fn in (fn1, fn2):
	if fld in ("init_tfm", "cra_init"):
		fs(p)["init"].add(fn)
	else:
		fs(p)["exit"].setdefault(fn, fld)

// Fields set, functions called and fields freed, by the function they are
// in (current_element: cheaper than matching the enclosing definition).
@sets@
identifier fld;
expression E, V;
position p;
@@
\(E->fld@p = V\|E.fld@p = V\)

@script:python@
fld << sets.fld;
V << sets.V;
p << sets.p;
@@
# NULL is what the zeroed context holds anyway: freeing it is harmless.
if V.strip() not in ("NULL", "0"):
	fs(p)["sets"].setdefault(p[0].current_element, set()).add((fld, "other"))

// ... and which of them from an allocator.
@allocs@
identifier fld, al : script:python () { ALLOC.search(al) is not None };
expression E;
type T;
position p;
@@
(
E->fld@p = al(...)
|
E.fld@p = al(...)
|
E->fld@p = (T)al(...)
|
E.fld@p = (T)al(...)
)

@script:python@
fld << allocs.fld;
p << allocs.p;
@@
fs(p)["sets"].setdefault(p[0].current_element, set()).add((fld, "alloc"))

// ... or through a local first (fallback = crypto_alloc_*(); checked;
// ctx->fallback = fallback).
@allocvar exists@
identifier fld, al : script:python () { ALLOC.search(al) is not None };
expression E, X;
type T;
position p;
@@
\(X = al(...)\|X = (T)al(...)\)
...
\(E->fld@p = X\|E.fld@p = X\)

@script:python@
fld << allocvar.fld;
p << allocvar.p;
@@
fs(p)["sets"].setdefault(p[0].current_element, set()).add((fld, "alloc"))

@fcalls@
identifier g;
position p;
@@
g@p(...)

@script:python@
g << fcalls.g;
p << fcalls.p;
@@
fs(p)["calls"].setdefault(p[0].current_element, set()).add(g)

@frees@
identifier fld;
identifier fr =~ "^(kfree|kfree_sensitive|kzfree|kvfree|kvfree_sensitive|vfree|free_page|free_pages|crypto_free_[a-z_]+)$";
expression E;
position p;
@@
fr@p(\(E->fld\|E.fld\), ...)

@script:python@
fld << frees.fld;
p << frees.p;
@@
fs(p)["frees"].setdefault(p[0].current_element, []).append((fld, p))

// Once per file, after everything above has run over it.
@last@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << last.p;
@@
if p[0].file not in reported:
	reported.add(p[0].file)
	for pc, f, ctxf, n in conf:
		if pc[0].file == p[0].file:
			findings.append((pc, "%s() result passed as argument %d of %s(), which takes a crypto transform: the context is not the transform, and what %s() reads through it is not what it thinks (nx_crypto's exit freed a value 32 bytes past its context); pass the transform, or type the helper for the context" % (ctxf, n, f, f)))
	for fld, pc, x, inits in unset_frees(p):
		findings.append((pc, "%s(), the .%s of this file, frees ->%s, which %s() points at memory it did not allocate (and nothing in the file allocates): exit_tfm must free exactly what init_tfm allocated" % (x, st[p[0].file]["exit"][x], fld, "/".join(inits))))

@script:python depends on org@
p << last.p;
@@
for pc, msg in findings:
	if pc[0].file == p[0].file:
		afalg_report(pc, msg, coccilib.org.print_todo)

@script:python depends on report@
p << last.p;
@@
for pc, msg in findings:
	if pc[0].file == p[0].file:
		afalg_report(pc, msg, coccilib.report.print_report)

// MODE=context: the places reported above, marked.
@depends on context@
identifier f;
position p : script:python () { afalg_is_finding(p) };
@@
* f@p(...)
