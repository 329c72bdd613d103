/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Counting and reporting, shared by the decision program and the guards: exact per-CPU
 * counters, a per-slot rate limit, and event records in the ring buffer.
 *
 * Counters take atomic adds: a program runs with migration disabled but may be preempted on
 * preempt=full and RT kernels by another task running the same program on the same CPU, so a
 * plain increment could lose one. The adds' results are unused, so clang emits the plain
 * atomic add every supported kernel has (5.10 has no fetching atomics).
 */
#ifndef LD_REPORT_BPF_H
#define LD_REPORT_BPF_H

#include "core_fixes.bpf.h"
#include "maps.bpf.h"

/* Inode number of the initial network namespace, set by the loader before load from
 * /proc/1/ns/net (the loader refuses to run outside the initial pid namespace, where pid 1
 * would be a container's init). Fixed for the life of the kernel. */
const volatile __u32 ld_init_netns = 0;

/* Jiffies per second (the kernel's HZ), set by the loader: the rate limit's window. */
const volatile __u32 ld_hz = 1000;

#define LD_ADD(field) __sync_fetch_and_add(&(field), 1)

/* A protected file (or its whole file system) that is gone since the seal; and everything,
 * once `revoked` has overflowed. */
static __always_inline int ld_revoked(__u64 dev, __u64 ino)
{
	struct ld_file_key f = { .dev = dev, .ino = ino };
	struct ld_file_key fs = { .dev = dev, .ino = 0 };
	struct ld_sealstate *st;
	__u32 zero = 0;

	if (bpf_map_lookup_elem(&revoked, &f) || bpf_map_lookup_elem(&revoked, &fs))
		return 1;
	st = bpf_map_lookup_elem(&sealstate, &zero);
	return st && st->revoke_full;
}

static __always_inline struct ld_counters *ld_counters_of(__u32 slot)
{
	return bpf_map_lookup_elem(&counters, &slot);
}

/*
 * One-second window per slot, timed in jiffies (a plain load; a nanosecond clock would read
 * the clock source on every call). Every CPU shares a slot. The count only grows by atomic
 * adds within a window; a CPU that sees the window expired starts a new one (count, then
 * window). Races can only let a few more events through, never fewer: a late add lands in
 * the new window, and a late reset moves the window back or zeroes the count. So a slot is
 * never muted past the end of the window that filled it.
 */
static __always_inline int ld_rate_ok(__u32 slot, __u32 limit)
{
	struct ld_rate *r;
	__u64 now;

	if (!limit)
		return 0;
	r = bpf_map_lookup_elem(&rate, &slot);
	if (!r)
		return 0;
	now = bpf_jiffies64();
	if (now - *(volatile __u64 *)&r->window >= ld_hz) {
		*(volatile __u64 *)&r->count = 0;
		*(volatile __u64 *)&r->window = now;
	}
	if (*(volatile __u64 *)&r->count >= limit)
		return 0;
	LD_ADD(r->count);
	return 1;
}

/* A record for slot, or NULL; counts a record that is rate-limited or finds no room. */
static __always_inline struct ld_event *ld_event_reserve(__u32 slot, __u32 limit,
							 struct ld_counters *c)
{
	struct ld_event *e;

	if (!ld_rate_ok(slot, limit)) {
		if (c)
			LD_ADD(c->ratelimited);
		return 0;
	}
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		if (c)
			LD_ADD(c->dropped);
		return 0;
	}
	return e;
}

/* What the caller of ld_event_submit() has already read into its struct ld_task. */
enum {
	LD_HAVE_KTHREAD = 1 << 0, /* the kernel-thread test (flags) */
	LD_HAVE_EXE = 1 << 1,	  /* the executable */
	LD_HAVE_NS = 1 << 2,	  /* the namespaces and the host flag */
	LD_HAVE_CGROUP = 1 << 3,  /* the cgroup id */
};

/* Fill the subject fields of e from the task (reading what s does not hold yet) and submit. */
static __always_inline void ld_event_submit(struct ld_event *e, struct ld_task *s,
					    struct ld_counters *c, __u32 have, const int btf)
{
	struct task_struct *t = ld_current(btf);
	__u64 pt = bpf_get_current_pid_tgid();
	__u64 ug = bpf_get_current_uid_gid();
	int kthread;

	if (have & LD_HAVE_KTHREAD)
		kthread = (s->flags & LD_EV_KTHREAD) != 0;
	else
		kthread = ld_read_kthread(t, s, btf);
	if (!kthread && !(have & LD_HAVE_EXE))
		ld_read_exe(t, s, btf);
	if (!(have & LD_HAVE_NS))
		ld_read_ns(t, s, ld_init_netns, btf);
	if (!(have & LD_HAVE_CGROUP))
		s->cgroup_id = bpf_get_current_cgroup_id();
	ld_read_pcomm(t, s, btf);
	__builtin_memset(e->exe_name, 0, sizeof(e->exe_name));
	if (!kthread)
		ld_read_exe_name(s, e->exe_name, btf);
	e->ts_ns = bpf_ktime_get_ns();
	e->cgroup_id = s->cgroup_id;
	e->exe_dev = s->exe_dev;
	e->exe_ino = s->exe_ino;
	e->pid = pt >> 32;
	e->tid = (__u32)pt;
	e->uid = (__u32)ug;
	e->gid = ug >> 32;
	e->pidns = s->pidns;
	e->netns = s->netns;
	e->flags |= s->flags;
	e->pad[0] = e->pad[1] = e->pad[2] = 0;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	__builtin_memcpy(e->pcomm, s->pcomm, sizeof(e->pcomm));
	bpf_ringbuf_submit(e, 0);
	if (c)
		LD_ADD(c->events);
}

#endif
