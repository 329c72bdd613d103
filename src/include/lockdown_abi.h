/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ABI between the BPF program and user space: map layouts, the event record and the
 * counters. Fixed-size types only; included by src/bpf/lockdown.bpf.c and by user space.
 *
 * Tables come in two sets (0 and 1). Each apply is a new generation, numbered from 0 at the
 * first load; generation g lives in table set g & 1. A policy is written into the set that is
 * not in force, then the one-entry `active` map moves to the new generation: the program reads
 * `active` once per call and uses that set for every lookup, so it never sees a half-written
 * policy, and stamps the generation on its events, so a reader can tell which policy's rule
 * names an event refers to.
 */
#ifndef LD_LOCKDOWN_ABI_H
#define LD_LOCKDOWN_ABI_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define LD_REASONS    64 /* reason slots: enum lockdown_reason values, ~31 in kernels today */
#define LD_RULES      64 /* rule sets in a policy: the default plus subject sections */
#define LD_GENS	      2
#define LD_EXE_MAX    16384 /* executable subjects per generation */
#define LD_CGROUP_MAX 1024  /* cgroup subjects per generation */
#define LD_UID_MAX    1024  /* uid subjects per generation */
#define LD_RULE_NONE  0xffffu

/* What a rule says for one reason. Zero is allow, so an empty row allows everything. */
enum ld_action {
	LD_ACT_ALLOW = 0,
	LD_ACT_AUDIT = 1, /* allow and report */
	LD_ACT_DENY = 2,  /* deny and report */
};

enum ld_mode {
	LD_MODE_ENFORCE = 0,
	LD_MODE_AUDIT = 1, /* every deny becomes a reported would-deny */
};

/* What happened to one call; also the index into the counters. */
enum ld_outcome {
	LD_OUT_ALLOWED = 0,
	LD_OUT_AUDITED = 1, /* allowed and reported: action audit, or a deny in audit mode */
	LD_OUT_DENIED = 2,
	LD_OUTCOMES = 3,
};

/* Which subject matched, most specific first (see ld_decide()). */
enum ld_match {
	LD_MATCH_DEFAULT = 0,
	LD_MATCH_HOST = 1,
	LD_MATCH_UID = 2,
	LD_MATCH_CGROUP = 3,
	LD_MATCH_EXE = 4,
};

/* Value of the `policy` array map, one entry per generation. */
struct ld_policy {
	__u32 mode;	  /* enum ld_mode */
	__u32 nrules;	  /* rows in use in action[] */
	__u16 host_rule;  /* rule for tasks in the initial pid and net namespaces, or NONE */
	__u16 rate_limit; /* events per second per reason; 0 = no events at all */
	__u32 subjects;	  /* LD_HAS_*: subject tables that hold anything (set by the loader) */
	__u8 digest[32];  /* SHA-256 of the policy's canonical form, for status */
	__u8 action[LD_RULES][LD_REASONS]; /* enum ld_action; row 0 is the default rule */
};

/* ld_policy.subjects: the program skips lookups (and task reads) that cannot match. */
#define LD_HAS_EXE    (1u << 0)
#define LD_HAS_CGROUP (1u << 1)
#define LD_HAS_UID    (1u << 2)

/* Keys of the subject hash maps; values are __u32 rule indexes into ld_policy.action. */
struct ld_exe_key {
	__u32 gen; /* table set: 0 or 1 */
	__u32 pad;
	__u64 dev; /* kernel encoding of the executable's sb->s_dev: major << 20 | minor */
	__u64 ino;
};

struct ld_cgroup_key {
	__u32 gen;
	__u32 pad;
	__u64 id; /* cgroup v2 id, as bpf_get_current_cgroup_id() returns it */
};

struct ld_uid_key {
	__u32 gen;
	__u32 uid;
};

/* Value of the one-entry `active` array map. */
struct ld_active {
	__u32 gen;    /* generation in force; its tables are set gen & 1 */
	__u32 sealed; /* nonzero: user space refuses to change or remove the policy */
};

/* Per-CPU counters, one entry per reason number. Exact: summed over CPUs by user space. */
struct ld_counters {
	__u64 outcome[LD_OUTCOMES];
	__u64 events;	   /* records written to the ring buffer */
	__u64 ratelimited; /* records not written: over the per-reason rate */
	__u64 dropped;	   /* records not written: ring buffer full */
};

/* Per-reason rate limiter state (array map, one entry per reason). */
struct ld_rate {
	__u64 window; /* start of the current one-second window, in jiffies */
	__u64 count;  /* events in this window */
};

enum ld_event_flags {
	LD_EV_KTHREAD = 1 << 0,	   /* caller is a kernel thread */
	LD_EV_NOT_ACTOR = 1 << 1,  /* current is not the real actor (kernel context) */
	LD_EV_HOST = 1 << 2,	   /* initial pid and net namespaces */
	LD_EV_WOULD_DENY = 1 << 3, /* audit mode turned a deny into an allow */
	LD_EV_NO_EXE = 1 << 4,	   /* no executable (kernel thread, or exe not readable) */
};

#define LD_COMM_LEN 16

/* One record in the `events` ring buffer. */
struct ld_event {
	__u64 ts_ns; /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__u64 cgroup_id;
	__u64 exe_dev;
	__u64 exe_ino;
	__u32 pid; /* thread group id, as user space calls a pid */
	__u32 tid;
	__u32 uid;
	__u32 gid;
	__u32 pidns; /* pid namespace inode number */
	__u32 netns; /* net namespace inode number */
	__u32 reason;
	__u16 rule;   /* index of the matched rule */
	__u8 action;  /* enum ld_action of the matched rule */
	__u8 outcome; /* enum ld_outcome */
	__u8 match;   /* enum ld_match */
	__u8 mode;    /* enum ld_mode */
	__u16 flags;  /* enum ld_event_flags */
	char comm[LD_COMM_LEN];
	char pcomm[LD_COMM_LEN]; /* parent's comm */
	__u32 gen;		 /* generation of the policy that decided: names the rule */
	__u32 pad;
};

#endif
