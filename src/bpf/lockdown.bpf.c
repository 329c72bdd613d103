// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel side of lockdown: one BPF LSM program on `locked_down`.
 *
 * For each call it gathers the subject (task, executable, cgroup, uid, namespaces), looks up
 * the compiled tables of the generation in force (O(1): one lookup per subject kind), lets
 * ld_decide() pick the action, counts the outcome per CPU, reports audited and denied calls
 * to a ring buffer under a per-reason rate limit, and returns 0 or -EPERM. It never parses,
 * allocates or loops over the policy. Two copies of the program differ only in how they read
 * the current task (see core_fixes.bpf.h); the loader loads exactly one.
 */
#include "vmlinux_min.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "core_fixes.bpf.h"
#include "decide.h"
#include "lockdown_abi.h"
#include "../enforcer/meta.h"

char LICENSE[] SEC("license") = "GPL";

/*
 * Map memory stays small: hash maps allocate per element (BPF_F_NO_PREALLOC) and the ring
 * buffer is 64 KiB. On 5.10 map memory is charged to RLIMIT_MEMLOCK of the creating user (the
 * loader charges a user of its own there, see loader.c), from 5.11 to the memory cgroup.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ld_active);
} active SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LD_GENS);
	__type(key, __u32);
	__type(value, struct ld_policy);
} policy SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, LD_EXE_MAX *LD_GENS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ld_exe_key);
	__type(value, __u32);
} exes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, LD_CGROUP_MAX *LD_GENS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ld_cgroup_key);
	__type(value, __u32);
} cgroups SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, LD_UID_MAX *LD_GENS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ld_uid_key);
	__type(value, __u32);
} uids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, LD_REASONS);
	__type(key, __u32);
	__type(value, struct ld_counters);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LD_REASONS);
	__type(key, __u32);
	__type(value, struct ld_rate);
} rate SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LD_GENS);
	__type(key, __u32);
	__type(value, struct ld_meta);
} meta SEC(".maps");

/*
 * Inode number of the initial network namespace, set by the loader before load from
 * /proc/1/ns/net (the loader refuses to run outside the initial pid namespace, where pid 1
 * would be a container's init). Fixed for the life of the kernel.
 */
const volatile __u32 ld_init_netns = 0;

struct subject {
	__u64 cgroup_id;
	__u64 exe_dev;
	__u64 exe_ino;
	__u32 pid, tid, uid, gid;
	__u32 pidns, netns;
	__u32 pid_level;
	__u16 flags;
	char pcomm[LD_COMM_LEN];
};

/* What every variant gathers the same way, through helpers. */
static __always_inline void subject_common(struct subject *s)
{
	__u64 v;

	v = bpf_get_current_pid_tgid();
	s->pid = v >> 32;
	s->tid = (__u32)v;
	v = bpf_get_current_uid_gid();
	s->uid = (__u32)v;
	s->gid = v >> 32;
	s->cgroup_id = bpf_get_current_cgroup_id();
}

/* Flags derived from what the variants read. */
static __always_inline void subject_finish(struct subject *s, int kthread, int have_mm)
{
	if (kthread || !have_mm)
		s->flags |= LD_EV_KTHREAD | LD_EV_NOT_ACTOR;
	if (!s->exe_ino)
		s->flags |= LD_EV_NO_EXE;
	if (s->pid_level == 0)
		s->pidns = PROC_PID_INIT_INO;
	if (s->pid_level == 0 && ld_init_netns && s->netns == ld_init_netns)
		s->flags |= LD_EV_HOST;
}

/* LD_BTF: plain loads through BTF pointers (5.11+). */
static __always_inline void subject_btf(struct subject *s)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct task_struct *parent;
	struct mm_struct *mm;
	struct nsproxy *nsp;
	struct pid *pid;

	subject_common(s);
	mm = t->mm;
	if (mm) {
		struct file *f = mm->exe_file;

		if (f) {
			struct inode *ino = f->f_inode;

			if (ino) {
				struct super_block *sb = ino->i_sb;

				s->exe_ino = ino->i_ino;
				if (sb)
					s->exe_dev = sb->s_dev;
			}
		}
	}
	pid = t->thread_pid;
	if (pid)
		s->pid_level = pid->level;
	nsp = t->nsproxy;
	if (nsp) {
		struct net *net = nsp->net_ns;
		struct pid_namespace *pns = nsp->pid_ns_for_children;

		if (net)
			s->netns = LD_NS_INUM_BTF(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_BTF(&pns->ns);
	}
	parent = t->real_parent;
	if (parent) {
#pragma unroll
		for (int i = 0; i < LD_COMM_LEN; i++)
			s->pcomm[i] = parent->comm[i];
	}
	subject_finish(s, t->flags & PF_KTHREAD, mm != 0);
}

/* LD_PROBE: bpf_get_current_task() and CO-RE probe reads (5.10). */
static __always_inline void subject_probe(struct subject *s)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct mm_struct *mm;
	struct nsproxy *nsp;
	struct inode *ino;
	struct net *net;
	struct pid_namespace *pns;

	subject_common(s);
	mm = BPF_CORE_READ(t, mm);
	if (mm) {
		ino = BPF_CORE_READ(mm, exe_file, f_inode);
		if (ino) {
			s->exe_ino = BPF_CORE_READ(ino, i_ino);
			s->exe_dev = BPF_CORE_READ(ino, i_sb, s_dev);
		}
	}
	s->pid_level = BPF_CORE_READ(t, thread_pid, level);
	nsp = BPF_CORE_READ(t, nsproxy);
	if (nsp) {
		net = BPF_CORE_READ(nsp, net_ns);
		pns = BPF_CORE_READ(nsp, pid_ns_for_children);
		if (net)
			s->netns = LD_NS_INUM_PROBE(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_PROBE(&pns->ns);
	}
	BPF_CORE_READ_STR_INTO(&s->pcomm, t, real_parent, comm);
	subject_finish(s, BPF_CORE_READ(t, flags) & PF_KTHREAD, mm != 0);
}

static __always_inline __u32 lookup_rule(void *map, const void *key)
{
	__u32 *r = bpf_map_lookup_elem(map, key);

	return r ? *r : LD_RULE_NONE;
}

/* One-second window per reason; concurrent CPUs may let a few more through, never fewer. */
static __always_inline int rate_ok(__u32 reason, __u32 limit)
{
	struct ld_rate *r = bpf_map_lookup_elem(&rate, &reason);
	__u64 now = bpf_ktime_get_ns();

	if (!r || !limit)
		return 0;
	if (now - r->window_ns >= 1000000000ULL) {
		r->window_ns = now;
		r->count = 0;
	}
	if (r->count >= limit)
		return 0;
	__sync_fetch_and_add(&r->count, 1);
	return 1;
}

static __always_inline int decide_and_report(__u32 reason, struct subject *s)
{
	struct ld_subject_rules sr = {
		.exe = LD_RULE_NONE, .cgroup = LD_RULE_NONE, .uid = LD_RULE_NONE, .host = 0
	};
	__u32 zero = 0, gen, pidx;
	struct ld_active *a;
	struct ld_policy *p;
	struct ld_counters *c;
	struct ld_verdict v;
	struct ld_event *e;

	a = bpf_map_lookup_elem(&active, &zero);
	if (!a)
		return 0;
	gen = *(volatile __u32 *)&a->gen & 1; /* read once: every lookup uses this generation */
	pidx = gen;
	p = bpf_map_lookup_elem(&policy, &pidx);
	if (!p)
		return 0;

	if (s->exe_ino) {
		struct ld_exe_key k = { .gen = gen, .dev = s->exe_dev, .ino = s->exe_ino };

		sr.exe = lookup_rule(&exes, &k);
	}
	if (s->cgroup_id) {
		struct ld_cgroup_key k = { .gen = gen, .id = s->cgroup_id };

		sr.cgroup = lookup_rule(&cgroups, &k);
	}
	if (!(s->flags & LD_EV_KTHREAD)) {
		struct ld_uid_key k = { .gen = gen, .uid = s->uid };

		sr.uid = lookup_rule(&uids, &k);
	}
	sr.host = !!(s->flags & LD_EV_HOST);

	v = ld_decide(p, reason, &sr);

	c = bpf_map_lookup_elem(&counters, &reason);
	if (c && v.outcome < LD_OUTCOMES)
		__sync_fetch_and_add(&c->outcome[v.outcome], 1);

	if (v.outcome != LD_OUT_ALLOWED) {
		if (!rate_ok(reason, p->rate_limit)) {
			if (c && p->rate_limit)
				__sync_fetch_and_add(&c->ratelimited, 1);
		} else if (!(e = bpf_ringbuf_reserve(&events, sizeof(*e), 0))) {
			if (c)
				__sync_fetch_and_add(&c->dropped, 1);
		} else {
			e->ts_ns = bpf_ktime_get_ns();
			e->cgroup_id = s->cgroup_id;
			e->exe_dev = s->exe_dev;
			e->exe_ino = s->exe_ino;
			e->pid = s->pid;
			e->tid = s->tid;
			e->uid = s->uid;
			e->gid = s->gid;
			e->pidns = s->pidns;
			e->netns = s->netns;
			e->reason = reason;
			e->rule = v.rule;
			e->action = v.action;
			e->outcome = v.outcome;
			e->match = v.match;
			e->mode = p->mode;
			e->flags = s->flags | (v.would_deny ? LD_EV_WOULD_DENY : 0) |
				   (gen ? LD_EV_GEN1 : 0);
			bpf_get_current_comm(e->comm, sizeof(e->comm));
			__builtin_memcpy(e->pcomm, s->pcomm, sizeof(e->pcomm));
			bpf_ringbuf_submit(e, 0);
			if (c)
				__sync_fetch_and_add(&c->events, 1);
		}
	}
	/* 0 or -EPERM: inlined, so the verifier sees the bounded value ([-4095, 0] on 6.12+). */
	return v.ret;
}

/* A verdict of an earlier BPF program stands; bounded so the verifier can check the range. */
static __always_inline int earlier_verdict(int ret)
{
	return ret > 0 || ret < -4095 ? -LD_EPERM : ret;
}

SEC("lsm/locked_down")
int BPF_PROG(ld_locked_down, enum lockdown_reason what, int ret)
{
	struct subject s = {};

	if (ret != 0)
		return earlier_verdict(ret);
	subject_btf(&s);
	return decide_and_report((__u32)what, &s);
}

SEC("lsm/locked_down")
int BPF_PROG(ld_locked_down_probe, enum lockdown_reason what, int ret)
{
	struct subject s = {};

	if (ret != 0)
		return earlier_verdict(ret);
	subject_probe(&s);
	return decide_and_report((__u32)what, &s);
}
