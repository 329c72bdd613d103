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
 *
 * This object creates every map (maps.bpf.h). The guards of a sealed enforcer live in
 * seal.bpf.c, a second object loaded with the same maps.
 */
#include "vmlinux_min.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "core_fixes.bpf.h"
#include "decide.h"
#include "lockdown_abi.h"
#include "maps.bpf.h"
#include "report.bpf.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline __u32 lookup_rule(void *map, const void *key)
{
	__u32 *r = bpf_map_lookup_elem(map, key);

	return r ? *r : LD_RULE_NONE;
}

/*
 * A sealed enforcer gives an executable's exemption only to the executable itself: not to a
 * traced task (a tracer could run its own code there), and not to a file that replaced or
 * removed the exempt one since the seal (its inode number may be reused). Sets the flag
 * that says why and returns nonzero when the exemption is withheld.
 */
static __always_inline int exe_withheld(struct task_struct *t, struct ld_task *s, const int btf)
{
	if (ld_read_traced(t, btf)) {
		s->flags |= LD_EV_TRACED;
		return 1;
	}
	if (ld_revoked(s->exe_dev, s->exe_ino)) {
		s->flags |= LD_EV_REVOKED;
		return 1;
	}
	return 0;
}

/*
 * Step 1, lookup: the rule of each subject kind the generation can match on. Reads only
 * what the tables of the generation `set` need (kernel threads match none); what it read is
 * kept in `s` and marked in the returned LD_HAVE_* bits for the event.
 */
static __always_inline __u32 lookup_subject(const struct ld_policy *p, __u32 set, __u32 sealed,
					    struct ld_subject_rules *sr, struct ld_task *s,
					    const int btf)
{
	struct task_struct *t = 0;
	__u32 has = p->subjects, have = 0;

	if (has & (LD_HAS_EXE | LD_HAS_UID)) {
		t = ld_current(btf);
		have |= LD_HAVE_KTHREAD;
		if (!ld_read_kthread(t, s, btf)) {
			if (has & LD_HAS_EXE) {
				ld_read_exe(t, s, btf);
				have |= LD_HAVE_EXE;
				if (s->exe_ino) {
					struct ld_exe_key k = { .gen = set,
								.dev = s->exe_dev,
								.ino = s->exe_ino };

					sr->exe = lookup_rule(&exes, &k);
					if (sr->exe != LD_RULE_NONE && sealed &&
					    exe_withheld(t, s, btf))
						sr->exe = LD_RULE_NONE;
				}
			}
			if (has & LD_HAS_UID) {
				struct ld_uid_key k = { .gen = set,
							.uid = (__u32)bpf_get_current_uid_gid() };

				sr->uid = lookup_rule(&uids, &k);
			}
		}
	}
	if (has & LD_HAS_CGROUP) {
		s->cgroup_id = bpf_get_current_cgroup_id();
		have |= LD_HAVE_CGROUP;
		if (s->cgroup_id) {
			struct ld_cgroup_key k = { .gen = set, .id = s->cgroup_id };

			sr->cgroup = lookup_rule(&cgroups, &k);
		}
	}
	if (p->host_rule != LD_RULE_NONE) {
		if (!t)
			t = ld_current(btf);
		ld_read_ns(t, s, ld_init_netns, btf);
		have |= LD_HAVE_NS;
		sr->host = !!(s->flags & LD_EV_HOST);
	}
	return have;
}

/* Step 3, count: the outcome in this CPU's counters of the reason. */
static __always_inline struct ld_counters *count_outcome(__u32 reason, const struct ld_verdict *v)
{
	struct ld_counters *c = ld_counters_of(reason);

	if (c && v->outcome < LD_OUTCOMES)
		LD_ADD(c->outcome[v->outcome]);
	return c;
}

/* Step 4, report: an event for an audited or denied call, under the reason's rate limit. */
static __always_inline void report_call(__u32 reason, __u32 gen, const struct ld_policy *p,
					const struct ld_verdict *v, struct ld_counters *c,
					struct ld_task *s, __u32 have, const int btf)
{
	struct ld_event *e;

	if (v->outcome == LD_OUT_ALLOWED)
		return;
	e = ld_event_reserve(reason, p->rate_limit, c);
	if (!e)
		return;
	e->kind = LD_EVK_REASON;
	e->reason = reason;
	e->rule = v->rule;
	e->action = v->action;
	e->outcome = v->outcome;
	e->match = v->match;
	e->mode = p->mode;
	e->flags = v->would_deny ? LD_EV_WOULD_DENY : 0;
	e->gen = gen;
	e->obj_dev = 0;
	e->obj_ino = 0;
	ld_event_submit(e, s, c, have, btf);
}

/*
 * The whole decision: lookup, decide (ld_decide(), shared with the host tests), count,
 * report. The generation is read once, so every lookup uses the same one.
 */
static __always_inline int decide_and_report(__u32 reason, const int btf)
{
	struct ld_subject_rules sr = {
		.exe = LD_RULE_NONE, .cgroup = LD_RULE_NONE, .uid = LD_RULE_NONE, .host = 0
	};
	struct ld_task s = {};
	__u32 zero = 0, gen, set, have;
	struct ld_counters *c;
	struct ld_verdict v;
	struct ld_active *a;
	struct ld_policy *p;

	a = bpf_map_lookup_elem(&active, &zero);
	if (!a)
		return 0;
	gen = *(volatile __u32 *)&a->gen;
	set = gen & 1;
	p = bpf_map_lookup_elem(&policy, &set);
	if (!p)
		return 0;

	have = lookup_subject(p, set, a->sealed, &sr, &s, btf);
	v = ld_decide(p, reason, &sr);
	c = count_outcome(reason, &v);
	report_call(reason, gen, p, &v, c, &s, have, btf);
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
