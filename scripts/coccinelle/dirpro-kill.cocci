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
//  Iterators over &T->tasks are flagged for any T but a group leader
//  (T->group_leader); open-coded walks (next_task(), list_entry() or
//  container_of() of ->tasks.next, list_next_entry(p, tasks)) when their
//  loop stops at a task other than &init_task.
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
# Steps of walks bounded by &init_task, and findings already reported
# (a walk may match more than one loop form).
init_walks = set()
seen = set()

ITER_MSG = "oopslab/dirpro-kill: walks the task list from %s->tasks, which is on init_task.tasks only for a thread-group leader: from any other thread the walk never gets back and the CPU soft-locks; use for_each_process() or pid_task(find_vpid(nr), PIDTYPE_PID) under rcu_read_lock() (Documentation/dirpro-kill.rst)"
WALK_MSG = "oopslab/dirpro-kill: task-list walk that stops only when it is back at %s: if that is not a thread-group leader (current in a thread) it never is and the CPU soft-locks; use for_each_process() or pid_task(find_vpid(nr), PIDTYPE_PID) under rcu_read_lock() (Documentation/dirpro-kill.rst)"

def dirpro_report(p, msg, print_fn):
	key = (p[0].file, p[0].line, p[0].column)
	if key in init_walks or key in seen:
		return
	seen.add(key)
	print_fn(p[0], msg)

// A walk from the group leader gets back to it (while it is alive).
@leader@
symbol tasks, init_task;
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
list_for_each@p(P, &T->group_leader->tasks) S
|
list_for_each_rcu@p(P, &T->group_leader->tasks) S
|
list_for_each_safe@p(P, N, &T->group_leader->tasks) S
)

@iter depends on context || org || report@
symbol tasks, init_task;
expression T, P, N;
position p != leader.p;
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
list_for_each@p(P, &T->tasks) S
|
list_for_each_rcu@p(P, &T->tasks) S
|
list_for_each_safe@p(P, N, &T->tasks) S
)

// One step along ->tasks from P, in the ways modules spell it.
@step@
symbol tasks, init_task;
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

// ... in a function whose loop stops when P is back at T (T not
// &init_task: from there it is for_each_process(), open-coded).  A do-while
// condition cannot be matched as such, so the test is any comparison of P
// with T that continues, or breaks out of, the walk.
@walk depends on context || org || report@
symbol tasks, init_task;
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

@init_walk@
symbol tasks, init_task;
identifier walk.f;
expression step.P, E;
position step.p, q;
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
init_walks.add((p[0].file, p[0].line, p[0].column))

@loop depends on context || org || report exists@
symbol tasks, init_task;
identifier walk.f;
expression step.P, E;
expression T : script:python () { T.strip() not in ("&init_task", "NULL", "0") };
position step.p;
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

@loop_break depends on context || org || report exists@
symbol tasks, init_task;
identifier walk.f;
expression step.P;
expression T : script:python () { T.strip() not in ("&init_task", "NULL", "0") };
position step.p;
@@
f(...) {
<+...
 if (\(P == T\|T == P\)) break;
...+>
}

@script:python depends on org@
p << iter.p;
T << iter.T;
@@
dirpro_report(p, ITER_MSG % T, coccilib.org.print_todo)

@script:python depends on report@
p << iter.p;
T << iter.T;
@@
dirpro_report(p, ITER_MSG % T, coccilib.report.print_report)

@script:python depends on org@
p << step.p;
T << loop.T;
@@
dirpro_report(p, WALK_MSG % T, coccilib.org.print_todo)

@script:python depends on report@
p << step.p;
T << loop.T;
@@
dirpro_report(p, WALK_MSG % T, coccilib.report.print_report)

@script:python depends on org@
p << step.p;
T << loop_break.T;
@@
dirpro_report(p, WALK_MSG % T, coccilib.org.print_todo)

@script:python depends on report@
p << step.p;
T << loop_break.T;
@@
dirpro_report(p, WALK_MSG % T, coccilib.report.print_report)

// MODE=context: the same places, marked.

@depends on context@
position iter.p;
expression E;
@@
* E@p

@depends on context@
position step.p;
expression loop.T;
@@
(
* next_task@p(...)
|
* list_entry@p(...)
|
* list_entry_rcu@p(...)
|
* container_of@p(...)
|
* list_next_entry@p(...)
|
* list_next_or_null_rcu@p(...)
)

@depends on context@
position step.p;
expression loop_break.T;
@@
(
* next_task@p(...)
|
* list_entry@p(...)
|
* list_entry_rcu@p(...)
|
* container_of@p(...)
|
* list_next_entry@p(...)
|
* list_next_or_null_rcu@p(...)
)
