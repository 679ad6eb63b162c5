// SPDX-License-Identifier: GPL-2.0
/// Find file references dropped in atomic context: fput(), filp_close()
/// (or a function of the same file that reaches one) called from a
/// kprobe/kretprobe/fprobe handler, or between local_irq_save() or
/// local_irq_disable() and the matching restore.  Before 3.6 a last put ran
/// __fput() right there, the file's release with IRQs off: the field's
/// "kernel BUG at fs/buffer.c".  Since 3.6 fput() defers the release, but
/// it is still a last put from atomic context.  Never drop file references
/// in probe context: take what is needed under RCU without a reference, or
/// hand the put to a workqueue or kthread.
///
// Confidence: Moderate
// Copyright: (C) 2026 oopslab
// Comments: oopslab class elkeid-fput, Documentation/elkeid-fput.rst.
//  Calls are followed through the functions defined in the same file, to
//  any depth; calls through function pointers are not followed.  Handlers
//  are found where they are named in an initializer or assigned
//  (.pre_handler, .post_handler, .handler, .entry_handler, .exit_handler).
//  An IRQs-off region is the text between the save/disable and the next
//  restore/enable of the same function.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Per file: calls[f] = [(callee, position)], handlers = {name: how},
# irq[f] = [(first line, last line)] of IRQs-off regions, defined functions.
PUTS = ("fput", "filp_close", "__fput_sync", "fput_many", "fdput",
	"fput_light")
state = {}
done = set()

def st(p):
	return state.setdefault(p[0].file, {"calls": {}, "handlers": {},
					    "irq": {}, "defs": set(),
					    "off": {}, "on": {},
					    "hfield": [], "krmark": set()})

def chain_to_puts(s, f, seen):
	"""[(position of a put, [f, ..., caller of the put])] reached from f."""
	out = []
	if f in seen:
		return out
	seen.add(f)
	for g, pc in s["calls"].get(f, []):
		if g in PUTS:
			out.append((pc, [f], g))
		elif g in s["defs"]:
			for pp, ch, put in chain_to_puts(s, g, seen):
				out.append((pp, [f] + ch, put))
	return out

def elkeid_findings(file):
	"""[(position, message)] for one file, once all of it is collected;
	later calls for the same file get nothing."""
	if file in done:
		return []
	done.add(file)
	return elkeid_compute(file)

cache = {}

def elkeid_is_finding(pc):
	file = pc[0].file
	if file not in cache:
		cache[file] = set((p[0].line, p[0].column)
				  for p, msg in elkeid_compute(file))
	return (pc[0].line, pc[0].column) in cache[file]

def elkeid_compute(file):
	if file not in state:
		return []
	s = state[file]
	s["irq"] = {}
	for fn, e, h in s["hfield"]:
		if (fn, e) in s["krmark"]:
			s["handlers"].setdefault(h, "kretprobe .handler")
	for f, offs in s["off"].items():
		ons = sorted(s["on"].get(f, []))
		for a in offs:
			b = min([x for x in ons if x > a] or [10 ** 9])
			s["irq"].setdefault(f, []).append((a, b))
	found = {}
	for h, how in sorted(s["handlers"].items()):
		for pc, ch, put in chain_to_puts(s, h, set()):
			where = "%s %s()" % (how, h)
			found.setdefault((pc[0].line, pc[0].column),
					 (pc, put, where, ch))
	for f, regions in sorted(s["irq"].items()):
		for g, pc in s["calls"].get(f, []):
			line = int(pc[0].line)
			if not any(a < line < b for a, b in regions):
				continue
			where = "%s() with IRQs off" % f
			if g in PUTS:
				found.setdefault((pc[0].line, pc[0].column),
						 (pc, g, where, [f]))
			elif g in s["defs"]:
				for pp, ch, put in chain_to_puts(s, g, set()):
					found.setdefault((pp[0].line, pp[0].column),
							 (pp, put, where, [f] + ch))
	out = []
	for key in sorted(found, key=lambda k: (int(k[0]), int(k[1]))):
		pc, put, where, ch = found[key]
		via = ""
		if len(ch) > 1:
			via = " (%s)" % " -> ".join(ch + [put])
		out.append((pc, "oopslab/elkeid-fput: %s() reached from %s%s drops a file reference in atomic context: before 3.6 a last put here runs the file's release right there, the field's 'kernel BUG at fs/buffer.c'; after 3.6 it is still a last put from atomic context; never drop file references there: read what is needed under RCU without a reference, or hand the put to a worker (Documentation/elkeid-fput.rst)" % (put, where, via)))
	return out

@defs@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
f << defs.f;
p << defs.p;
@@
st(p)["defs"].add(f)

// Every call, with the function it is in (current_element: matching the
// enclosing definition instead costs minutes on a large file).
@calls@
identifier g;
position pc;
@@
g@pc(...)

@script:python@
g << calls.g;
pc << calls.pc;
@@
st(pc)["calls"].setdefault(pc[0].current_element, []).append((g, pc))

@irqoff@
expression F;
position p;
@@
(
local_irq_save@p(F)
|
local_irq_disable@p()
|
raw_local_irq_save@p(F)
|
raw_local_irq_disable@p()
)

@script:python@
p << irqoff.p;
@@
st(p)["off"].setdefault(p[0].current_element, []).append(int(p[0].line))

@irqon@
expression F;
position p;
@@
(
local_irq_restore@p(F)
|
local_irq_enable@p()
|
raw_local_irq_restore@p(F)
|
raw_local_irq_enable@p()
)

@script:python@
p << irqon.p;
@@
st(p)["on"].setdefault(p[0].current_element, []).append(int(p[0].line))

// Probe handlers, where they are named.
@hinit@
identifier h, x;
identifier fld =~ "^(pre_handler|post_handler|entry_handler|exit_handler)$";
type T;
position p;
@@
(
T x = { ..., .fld = h@p, ... };
|
T x[] = { ..., { ..., .fld = h@p, ... }, ... };
)

@script:python@
h << hinit.h;
fld << hinit.fld;
p << hinit.p;
@@
st(p)["handlers"].setdefault(h, "probe ." + fld)

@krinit@
identifier h, x;
position p;
@@
(
struct \(kretprobe\|fprobe\) x = { ..., .handler = h@p, ... };
|
struct \(kretprobe\|fprobe\) x[] = { ..., { ..., .handler = h@p, ... }, ... };
)

@script:python@
h << krinit.h;
p << krinit.p;
@@
st(p)["handlers"].setdefault(h, "kretprobe .handler")

@hassign@
expression E;
identifier h;
identifier fld =~ "^(pre_handler|post_handler|entry_handler|exit_handler)$";
position p;
@@
(
E.fld = h@p;
|
E->fld = h@p;
)

@script:python@
h << hassign.h;
fld << hassign.fld;
p << hassign.p;
@@
st(p)["handlers"].setdefault(h, "probe ." + fld)

// A .handler assigned at run time is a kretprobe's when the same function
// registers that kretprobe, or sets its other kretprobe fields.
@hfield@
expression E;
identifier h;
position p;
@@
(
E.handler = h@p;
|
E->handler = h@p;
)

@script:python@
E << hfield.E;
h << hfield.h;
p << hfield.p;
@@
st(p)["hfield"].append((p[0].current_element, E.strip(), h))

@krmark@
expression E, V;
position p;
@@
(
register_kretprobe@p(&E)
|
register_kretprobe@p(E)
|
E.entry_handler@p = V
|
E->entry_handler@p = V
|
E.maxactive@p = V
|
E->maxactive@p = V
|
E.kp@p.symbol_name = V
|
E->kp@p.symbol_name = V
)

@script:python@
E << krmark.E;
p << krmark.p;
@@
st(p)["krmark"].add((p[0].current_element, E.strip()))

// Once per file, after everything above has run over it.
@last@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python depends on org@
p << last.p;
@@
for pc, msg in elkeid_findings(p[0].file):
	coccilib.org.print_todo(pc[0], msg)

@script:python depends on report@
p << last.p;
@@
for pc, msg in elkeid_findings(p[0].file):
	coccilib.report.print_report(pc[0], msg)

// MODE=context: the puts reported above, marked.
@depends on context@
identifier put =~ "^(fput|filp_close|__fput_sync|fput_many|fdput|fput_light)$";
position pc : script:python () { elkeid_is_finding(pc) };
@@
* put@pc(...)
