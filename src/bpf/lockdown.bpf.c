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
#include "meta.h"

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

/* Subject tables: key (with the table set) -> rule index. */
#define SUBJECT_MAP(name, key_type, max)                                                           \
	struct {                                                                                   \
		__uint(type, BPF_MAP_TYPE_HASH);                                                   \
		__uint(max_entries, (max)*LD_GENS);                                                \
		__uint(map_flags, BPF_F_NO_PREALLOC);                                              \
		__type(key, key_type);                                                             \
		__type(value, __u32);                                                              \
	} name SEC(".maps")

SUBJECT_MAP(exes, struct ld_exe_key, LD_EXE_MAX);
SUBJECT_MAP(cgroups, struct ld_cgroup_key, LD_CGROUP_MAX);
SUBJECT_MAP(uids, struct ld_uid_key, LD_UID_MAX);

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

/* Jiffies per second (the kernel's HZ), set by the loader: the rate limit's window. */
const volatile __u32 ld_hz = 1000;

struct subject {
	__u64 cgroup_id;
	__u64 exe_dev;
	__u64 exe_ino;
	__u32 pidns, netns;
	__u16 flags;
	char pcomm[LD_COMM_LEN];
};

/*
 * The task readers. `btf` is a constant in each program (the functions are always inlined),
 * so each program keeps only its own kind of read: plain loads through BTF pointers (5.11+),
 * or bpf_get_current_task() and CO-RE probe reads (5.10). See core_fixes.bpf.h.
 */
static __always_inline struct task_struct *current_task(const int btf)
{
	if (btf)
		return bpf_get_current_task_btf();
	return (struct task_struct *)bpf_get_current_task();
}

/* Kernel thread: PF_KTHREAD, or no mm at all. Sets the flags and returns nonzero. */
static __always_inline int read_kthread(struct task_struct *t, struct subject *s, const int btf)
{
	unsigned int flags = btf ? t->flags : BPF_CORE_READ(t, flags);
	struct mm_struct *mm = btf ? t->mm : BPF_CORE_READ(t, mm);

	if ((flags & PF_KTHREAD) || !mm) {
		s->flags |= LD_EV_KTHREAD | LD_EV_NOT_ACTOR | LD_EV_NO_EXE;
		return 1;
	}
	return 0;
}

static __always_inline void read_exe(struct task_struct *t, struct subject *s, const int btf)
{
	struct mm_struct *mm;
	struct inode *ino = 0;

	if (btf) {
		mm = t->mm;
		if (mm) {
			struct file *f = mm->exe_file;

			if (f)
				ino = f->f_inode;
		}
		if (ino) {
			struct super_block *sb = ino->i_sb;

			s->exe_ino = ino->i_ino;
			if (sb)
				s->exe_dev = sb->s_dev;
		}
	} else {
		mm = BPF_CORE_READ(t, mm);
		if (mm)
			ino = BPF_CORE_READ(mm, exe_file, f_inode);
		if (ino) {
			s->exe_ino = BPF_CORE_READ(ino, i_ino);
			s->exe_dev = BPF_CORE_READ(ino, i_sb, s_dev);
		}
	}
	if (!s->exe_ino)
		s->flags |= LD_EV_NO_EXE;
}

/* Namespaces, and the host flag: initial pid namespace (level 0) and initial net namespace. */
static __always_inline void read_ns(struct task_struct *t, struct subject *s, const int btf)
{
	struct nsproxy *nsp;
	struct net *net = 0;
	struct pid_namespace *pns = 0;
	unsigned int level = 1;

	if (btf) {
		struct pid *pid = t->thread_pid;

		if (pid)
			level = pid->level;
		nsp = t->nsproxy;
		if (nsp) {
			net = nsp->net_ns;
			pns = nsp->pid_ns_for_children;
		}
		if (net)
			s->netns = LD_NS_INUM_BTF(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_BTF(&pns->ns);
	} else {
		level = BPF_CORE_READ(t, thread_pid, level);
		nsp = BPF_CORE_READ(t, nsproxy);
		if (nsp) {
			net = BPF_CORE_READ(nsp, net_ns);
			pns = BPF_CORE_READ(nsp, pid_ns_for_children);
		}
		if (net)
			s->netns = LD_NS_INUM_PROBE(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_PROBE(&pns->ns);
	}
	if (level == 0)
		s->pidns = PROC_PID_INIT_INO;
	if (level == 0 && ld_init_netns && s->netns == ld_init_netns)
		s->flags |= LD_EV_HOST;
}

static __always_inline void read_pcomm(struct task_struct *t, struct subject *s, const int btf)
{
	if (btf) {
		struct task_struct *parent = t->real_parent;

		if (parent) {
#pragma unroll
			for (int i = 0; i < LD_COMM_LEN; i++)
				s->pcomm[i] = parent->comm[i];
		}
	} else {
		BPF_CORE_READ_STR_INTO(&s->pcomm, t, real_parent, comm);
	}
}

static __always_inline __u32 lookup_rule(void *map, const void *key)
{
	__u32 *r = bpf_map_lookup_elem(map, key);

	return r ? *r : LD_RULE_NONE;
}

/*
 * One-second window per reason, timed in jiffies: reading jiffies is a plain load, where a
 * nanosecond clock reads the clock source on every denied call. Concurrent CPUs may let a few
 * more through, never fewer.
 */
static __always_inline int rate_ok(__u32 reason, __u32 limit)
{
	struct ld_rate *r;
	__u64 now;

	if (!limit)
		return 0;
	r = bpf_map_lookup_elem(&rate, &reason);
	if (!r)
		return 0;
	now = bpf_jiffies64();
	if (now - r->window >= ld_hz) {
		r->window = now;
		r->count = 0;
	}
	if (r->count >= limit)
		return 0;
	/* Shared by all CPUs; a lost update lets one more event through, never fewer. */
	r->count++;
	return 1;
}

/*
 * The whole decision. Reads only what the generation in force can match on; the rest of
 * the subject is read only for an event that will really be written.
 */
static __always_inline int decide_and_report(__u32 reason, const int btf)
{
	struct ld_subject_rules sr = {
		.exe = LD_RULE_NONE, .cgroup = LD_RULE_NONE, .uid = LD_RULE_NONE, .host = 0
	};
	struct subject s = {};
	struct task_struct *t;
	__u32 zero = 0, gen, set, has;
	struct ld_active *a;
	struct ld_policy *p;
	struct ld_counters *c;
	struct ld_verdict v;
	struct ld_event *e;
	int kthread = -1, have_exe = 0, have_ns = 0;

	a = bpf_map_lookup_elem(&active, &zero);
	if (!a)
		return 0;
	gen = *(volatile __u32 *)&a->gen; /* read once: every lookup uses this generation */
	set = gen & 1;
	p = bpf_map_lookup_elem(&policy, &set);
	if (!p)
		return 0;
	has = p->subjects;

	/* The task is read only when a table can match on it (kernel threads match none). */
	if (has & (LD_HAS_EXE | LD_HAS_UID)) {
		t = current_task(btf);
		kthread = read_kthread(t, &s, btf);
		if (!kthread && (has & LD_HAS_EXE)) {
			read_exe(t, &s, btf);
			have_exe = 1;
			if (s.exe_ino) {
				struct ld_exe_key k = { .gen = set,
							.dev = s.exe_dev,
							.ino = s.exe_ino };

				sr.exe = lookup_rule(&exes, &k);
			}
		}
		if (!kthread && (has & LD_HAS_UID)) {
			struct ld_uid_key k = { .gen = set,
						.uid = (__u32)bpf_get_current_uid_gid() };

			sr.uid = lookup_rule(&uids, &k);
		}
	}
	if (has & LD_HAS_CGROUP) {
		s.cgroup_id = bpf_get_current_cgroup_id();
		if (s.cgroup_id) {
			struct ld_cgroup_key k = { .gen = set, .id = s.cgroup_id };

			sr.cgroup = lookup_rule(&cgroups, &k);
		}
	}
	if (p->host_rule != LD_RULE_NONE) {
		read_ns(current_task(btf), &s, btf);
		have_ns = 1;
		sr.host = !!(s.flags & LD_EV_HOST);
	}

	v = ld_decide(p, reason, &sr);

	/*
	 * Per-CPU counters take plain increments and stay exact: the program runs with migration
	 * disabled and never re-enters itself on one CPU (the trampoline's recursion check).
	 */
	c = bpf_map_lookup_elem(&counters, &reason);
	if (c && v.outcome < LD_OUTCOMES)
		c->outcome[v.outcome]++;

	if (v.outcome != LD_OUT_ALLOWED) {
		if (!rate_ok(reason, p->rate_limit)) {
			if (c && p->rate_limit)
				c->ratelimited++;
		} else if (!(e = bpf_ringbuf_reserve(&events, sizeof(*e), 0))) {
			if (c)
				c->dropped++;
		} else {
			__u64 pt = bpf_get_current_pid_tgid();
			__u64 ug = bpf_get_current_uid_gid();

			t = current_task(btf);
			if (kthread < 0)
				kthread = read_kthread(t, &s, btf);
			if (!kthread && !have_exe)
				read_exe(t, &s, btf);
			if (!have_ns)
				read_ns(t, &s, btf);
			if (!(has & LD_HAS_CGROUP))
				s.cgroup_id = bpf_get_current_cgroup_id();
			read_pcomm(t, &s, btf);
			e->ts_ns = bpf_ktime_get_ns();
			e->cgroup_id = s.cgroup_id;
			e->exe_dev = s.exe_dev;
			e->exe_ino = s.exe_ino;
			e->pid = pt >> 32;
			e->tid = (__u32)pt;
			e->uid = (__u32)ug;
			e->gid = ug >> 32;
			e->pidns = s.pidns;
			e->netns = s.netns;
			e->reason = reason;
			e->rule = v.rule;
			e->action = v.action;
			e->outcome = v.outcome;
			e->match = v.match;
			e->mode = p->mode;
			e->flags = s.flags | (v.would_deny ? LD_EV_WOULD_DENY : 0);
			e->gen = gen;
			e->kind = LD_EVK_REASON;
			bpf_get_current_comm(e->comm, sizeof(e->comm));
			__builtin_memcpy(e->pcomm, s.pcomm, sizeof(e->pcomm));
			bpf_ringbuf_submit(e, 0);
			if (c)
				c->events++;
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
	if (ret != 0)
		return earlier_verdict(ret);
	return decide_and_report((__u32)what, 1);
}

SEC("lsm/locked_down")
int BPF_PROG(ld_locked_down_probe, enum lockdown_reason what, int ret)
{
	if (ret != 0)
		return earlier_verdict(ret);
	return decide_and_report((__u32)what, 0);
}
