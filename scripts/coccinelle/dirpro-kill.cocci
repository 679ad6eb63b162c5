// SPDX-License-Identifier: GPL-2.0
/// Find task-list walks that start from current, or from another task that
/// may not be a thread-group leader, and stop only when they are back at
/// it.  Only group leaders are linked into init_task.tasks: the ->tasks of
/// any other thread is a stale copy of its creator's, so a walk from there
/// never gets back to where it started, and in a kprobe or syscall hook
/// the CPU soft-locks.  Walk the list with for_each_process() (from
/// init_task), or look the pid up with pid_task(find_vpid(nr), PIDTYPE_PID)
/// under rcu_read_lock().
///
// Confidence: High
// Copyright: (C) 2026 oopslab
// Comments: oopslab class dirpro-kill, Documentation/dirpro-kill.rst.
//  Iterators over &T->tasks are reported for any T but a group leader
//  (T->group_leader) and anything whose type is known not to be a task.
//  Open-coded walks (next_task(), list_entry() or container_of() of
//  ->tasks.next, list_next_entry(p, tasks)) are reported when the function
//  compares the walking task with a start other than &init_task (a
//  do-while condition cannot be matched as such: any P != T, or
//  "if (P == T) break;", counts), and that start is not itself a cursor
//  assigned from a step.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Per file: steps of walks bounded by &init_task, expressions assigned
# from a step (cursors, not starts), and the candidate findings.
init_walks = set()
cursors = set()
cands = {}
reported = set()
findings = []

ITER_MSG = "walks the task list from %s->tasks, which is on init_task.tasks only for a thread-group leader: from any other thread the walk never gets back and the CPU soft-locks"
WALK_MSG = "task-list walk that stops only when it is back at %s: if that is not a thread-group leader (current in a thread) it never is and the CPU soft-locks"

def key(p):
	return (p[0].file, p[0].line, p[0].column)

def cand(p, f, T, msg):
	cands.setdefault(p[0].file, []).append((p, f, T.strip(), msg))

def dirpro_findings(file):
	"""Candidates of a file, once all of it is collected, as findings."""
	if file in reported:
		return []
	reported.add(file)
	out, seen = [], set()
	for p, f, T, msg in cands.get(file, []):
		if key(p) in init_walks or key(p) in seen:
			continue
		if f is not None and (file, f, T) in cursors:
			continue
		seen.add(key(p))
		out.append((p, "oopslab/dirpro-kill: " + msg + "; use for_each_process() or pid_task(find_vpid(nr), PIDTYPE_PID) under rcu_read_lock() (Documentation/dirpro-kill.rst)"))
	findings.extend(out)
	return out

def dirpro_is_finding(p):
	return any(key(q) == key(p) for q, m in findings)

// A walk from the group leader gets back to it (while it is alive).
@leader@
symbol tasks;
expression T, P, N;
position p;
statement S;
iterator name list_for_each_entry, list_for_each_entry_rcu,
	list_for_each_entry_safe, list_for_each_entry_continue,
	list_for_each_entry_continue_rcu, list_for_each_entry_from,
	list_for_each, list_for_each_safe, list_for_each_rcu;
@@
(
list_for_each_entry@p(P, &T->group_leader->tasks, tasks) S
|
list_for_each_entry_rcu@p(P, &T->group_leader->tasks, tasks, ...) S
|
list_for_each_entry_safe@p(P, N, &T->group_leader->tasks, tasks) S
|
list_for_each_entry_continue@p(P, &T->group_leader->tasks, tasks) S
|
list_for_each_entry_continue_rcu@p(P, &T->group_leader->tasks, tasks) S
|
list_for_each_entry_from@p(P, &T->group_leader->tasks, tasks) S
|
list_for_each@p(P, &T->group_leader->tasks) S
|
list_for_each_rcu@p(P, &T->group_leader->tasks) S
|
list_for_each_safe@p(P, N, &T->group_leader->tasks) S
)

// A list head of some other type that happens to be called "tasks".
@othertype@
symbol tasks;
type TY : script:python () { TY.replace(" ", "") != "structtask_struct" };
TY *T;
expression P, N;
position p;
statement S;
@@
(
list_for_each_entry@p(P, &T->tasks, tasks) S
|
list_for_each_entry_rcu@p(P, &T->tasks, tasks, ...) S
|
list_for_each_entry_safe@p(P, N, &T->tasks, tasks) S
|
list_for_each_entry_continue@p(P, &T->tasks, tasks) S
|
list_for_each_entry_continue_rcu@p(P, &T->tasks, tasks) S
|
list_for_each_entry_from@p(P, &T->tasks, tasks) S
|
list_for_each@p(P, &T->tasks) S
|
list_for_each_rcu@p(P, &T->tasks) S
|
list_for_each_safe@p(P, N, &T->tasks) S
)

@iter depends on context || org || report@
symbol tasks;
expression T, P, N;
position p != {leader.p, othertype.p};
statement S;
@@
(
list_for_each_entry@p(P, &T->tasks, tasks) S
|
list_for_each_entry_rcu@p(P, &T->tasks, tasks, ...) S
|
list_for_each_entry_safe@p(P, N, &T->tasks, tasks) S
|
list_for_each_entry_continue@p(P, &T->tasks, tasks) S
|
list_for_each_entry_continue_rcu@p(P, &T->tasks, tasks) S
|
list_for_each_entry_from@p(P, &T->tasks, tasks) S
|
list_for_each@p(P, &T->tasks) S
|
list_for_each_rcu@p(P, &T->tasks) S
|
list_for_each_safe@p(P, N, &T->tasks) S
)

@script:python@
p << iter.p;
T << iter.T;
@@
cand(p, None, T, ITER_MSG % T)

// One step along ->tasks from P, in the ways modules spell it.
@step@
symbol tasks;
expression P, E;
position p;
@@
(
next_task@p(P)
|
list_entry@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
list_entry_rcu@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
container_of@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
list_next_entry@p(P, tasks)
|
list_next_or_null_rcu@p(E, &P->tasks, struct task_struct, tasks)
)

@notatask@
symbol tasks;
type TY : script:python () { TY.replace(" ", "") != "structtask_struct" };
TY *P;

position step.p;
@@
(
list_next_entry@p(P, tasks)
|
next_task@p(P)
)

@walk depends on (context || org || report) && !notatask@
symbol tasks;
identifier f;
expression step.P, E;
position step.p;
@@
f(...) {
<+...
(
next_task@p(P)
|
list_entry@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
list_entry_rcu@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
container_of@p(<+... P->tasks.next ...+>, struct task_struct, tasks)
|
list_next_entry@p(P, tasks)
|
list_next_or_null_rcu@p(E, &P->tasks, struct task_struct, tasks)
)
...+>
}

// Cursors: what a step is assigned to is not where the walk started.
@cursor@
symbol tasks;
identifier walk.f;
expression X, Q, E;
@@
f(...) {
<+...
X = \(next_task(Q)\|list_entry(<+... Q->tasks.next ...+>, struct task_struct, tasks)\|list_entry_rcu(<+... Q->tasks.next ...+>, struct task_struct, tasks)\|container_of(<+... Q->tasks.next ...+>, struct task_struct, tasks)\|list_next_entry(Q, tasks)\|list_next_or_null_rcu(E, &Q->tasks, struct task_struct, tasks)\)
...+>
}

@script:python@
f << walk.f;
X << cursor.X;
p << step.p;
@@
cursors.add((p[0].file, f, X.strip()))

// for_each_process() written out: the walk ends at &init_task.
@init_walk@
symbol init_task;
identifier walk.f;
expression step.P, E;
position q;
@@
f(...) {
<+...
\(P != &init_task@q\|&init_task@q != P\|(P = E) != &init_task@q\|P == &init_task@q\)
...+>
}

@script:python@
p << step.p;
q << init_walk.q;
@@
init_walks.add(key(p))

@loop exists@
identifier walk.f;
expression step.P, E;
expression T : script:python () { T.strip() not in ("&init_task", "NULL", "0") };
@@
f(...) {
<+...
(
 P != T
|
 T != P
|
 (P = E) != T
)
...+>
}

@script:python@
p << step.p;
f << walk.f;
T << loop.T;
@@
cand(p, f, T, WALK_MSG % T)

@loop_break exists@
identifier walk.f;
expression step.P;
expression T : script:python () { T.strip() not in ("&init_task", "NULL", "0") };
@@
f(...) {
<+...
 if (\(P == T\|T == P\)) break;
...+>
}

@script:python@
p << step.p;
f << walk.f;
T << loop_break.T;
@@
cand(p, f, T, WALK_MSG % T)

// Once per file, after everything above has run over it.
@last@
identifier f;
position p;
@@
f@p(...) { ... }

@script:python@
p << last.p;
@@
dirpro_findings(p[0].file)

@script:python depends on org@
p << last.p;
@@
for q, msg in findings:
	if q[0].file == p[0].file and key(q) not in init_walks:
		init_walks.add(key(q))
		coccilib.org.print_todo(q[0], msg)

@script:python depends on report@
p << last.p;
@@
for q, msg in findings:
	if q[0].file == p[0].file and key(q) not in init_walks:
		init_walks.add(key(q))
		coccilib.report.print_report(q[0], msg)

// MODE=context: the places reported above, marked.
@depends on context@
identifier f;
position p : script:python () { dirpro_is_finding(p) };
@@
* f@p(...)

@depends on context@
expression P, N, H;
identifier I;
statement S;
position p : script:python () { dirpro_is_finding(p) };
@@
(
* list_for_each_entry@p(P, H, I) S
|
* list_for_each_entry_rcu@p(P, H, I, ...) S
|
* list_for_each_entry_safe@p(P, N, H, I) S
|
* list_for_each_entry_continue@p(P, H, I) S
|
* list_for_each_entry_continue_rcu@p(P, H, I) S
|
* list_for_each_entry_from@p(P, H, I) S
|
* list_for_each@p(P, H) S
|
* list_for_each_rcu@p(P, H) S
|
* list_for_each_safe@p(P, N, H) S
)
