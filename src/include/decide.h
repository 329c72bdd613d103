/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ld_decide(): the one decision function. Compiled into the BPF program and into the host
 * binary (`lockdown explain`, unit tests), so what user space explains is what the kernel does.
 *
 * The caller does the lookups (bpf_map_lookup_elem in the kernel, plain tables in user space)
 * and passes their results; this function applies precedence and mode. It is pure, has no
 * loops and returns a bounded value, so the verifier of every kernel accepts it inlined.
 */
#ifndef LD_DECIDE_H
#define LD_DECIDE_H

#include "lockdown_abi.h"

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif

/* Rule indexes found for the current subject; LD_RULE_NONE where nothing matched. */
struct ld_subject_rules {
	__u32 obj; /* the object's rule (Module=, Kexec=): found only for its reason */
	__u32 exe;
	__u32 cgroup;
	__u32 uid;
	__u32 host; /* nonzero: the task is in the initial pid and net namespaces */
};

struct ld_verdict {
	__u16 rule;
	__u8 action;  /* enum ld_action */
	__u8 outcome; /* enum ld_outcome */
	__u8 match;   /* enum ld_match */
	__u8 would_deny;
	__s16 ret; /* 0 or -EPERM (-1 * 1): the hook's return value */
};

#define LD_EPERM 1

#ifdef __bpf__
#define LD_OPAQUE(x) asm volatile("" : "+r"(x))
#else
#define LD_OPAQUE(x) ((void)0)
#endif
_Static_assert((LD_RULES & (LD_RULES - 1)) == 0 && (LD_REASONS & (LD_REASONS - 1)) == 0,
	       "table dimensions are powers of two (ld_decide() masks indexes)");

/*
 * Precedence, most specific first: object (the file the operation loads, looked up only for
 * the reason its kind guards), executable, cgroup, uid, host, default (rule 0).
 * The matched rule's action for this reason decides; audit mode turns deny into audit.
 * A reason number outside the table, or a rule index outside the policy, is allowed: the
 * compiler never produces one, and failing open there keeps a bad table from bricking a host.
 */
static __always_inline struct ld_verdict ld_decide(const struct ld_policy *p, __u32 reason,
						   const struct ld_subject_rules *s)
{
	struct ld_verdict v = { .rule = 0, .match = LD_MATCH_DEFAULT };
	__u32 rule = 0;

	if (s->obj != LD_RULE_NONE) {
		rule = s->obj;
		v.match = LD_MATCH_OBJECT;
	} else if (s->exe != LD_RULE_NONE) {
		rule = s->exe;
		v.match = LD_MATCH_EXE;
	} else if (s->cgroup != LD_RULE_NONE) {
		rule = s->cgroup;
		v.match = LD_MATCH_CGROUP;
	} else if (s->uid != LD_RULE_NONE) {
		rule = s->uid;
		v.match = LD_MATCH_UID;
	} else if (s->host && p->host_rule != LD_RULE_NONE) {
		rule = p->host_rule;
		v.match = LD_MATCH_HOST;
	}
	if (rule >= LD_RULES || rule >= p->nrules || reason >= LD_REASONS) {
		v.action = LD_ACT_ALLOW;
		v.outcome = LD_OUT_ALLOWED;
		v.ret = 0;
		return v;
	}
	/*
	 * Bound both indexes again right where they are used: clang may test one copy of a value
	 * and index with another, which the verifier cannot connect. The masks change nothing
	 * after the checks above; the empty asm keeps clang from dropping them in the BPF object.
	 */
	LD_OPAQUE(rule);
	LD_OPAQUE(reason);
	rule &= LD_RULES - 1;
	reason &= LD_REASONS - 1;
	v.rule = (__u16)rule;
	v.action = p->action[rule][reason];
	if (v.action == LD_ACT_DENY && p->mode == LD_MODE_AUDIT) {
		v.would_deny = 1;
		v.outcome = LD_OUT_AUDITED;
	} else if (v.action == LD_ACT_DENY) {
		v.outcome = LD_OUT_DENIED;
	} else if (v.action == LD_ACT_AUDIT) {
		v.outcome = LD_OUT_AUDITED;
	} else {
		v.action = LD_ACT_ALLOW; /* any unknown value allows, like the bound checks above */
		v.outcome = LD_OUT_ALLOWED;
	}
	v.ret = v.outcome == LD_OUT_DENIED ? -LD_EPERM : 0;
	return v;
}

/*
 * The host test, from what the program could read of the task: its pid namespace level
 * (level_ok: the read worked) and its net namespace's inode number (0: not read). The host is
 * the initial pid namespace (level 0) and the initial net namespace (init_netns, from the
 * loader). Anything not read means "not host", on every program variant.
 */
static __always_inline int ld_is_host(int level_ok, unsigned int level, __u32 netns,
				      __u32 init_netns)
{
	return level_ok && level == 0 && init_netns != 0 && netns == init_netns;
}

#endif
