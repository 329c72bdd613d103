/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ABI between the BPF programs and user space: map layouts, the event record and the
 * counters. Fixed-size types only; included by the BPF programs (src/bpf/) and by user space.
 *
 * Tables come in two sets (0 and 1). Each apply is a new generation, numbered from 0 at the
 * first load; generation g lives in table set g & 1. A policy is written into the set that is
 * not in force, then the one-entry `active` map moves to the new generation: the program reads
 * `active` once per call and uses that set for every lookup, so it never sees a half-written
 * policy, and stamps the generation on its events, so a reader can tell which policy's rule
 * names an event refers to.
 *
 * Sealing (src/enforcer/seal.c, src/bpf/seal.bpf.c) fills the `seal` and `trusted` maps,
 * attaches the guard programs, arms them (`seal.armed`, `active.sealed`) and freezes every map
 * that user space writes.
 *
 * Pinned objects carry LD_ABI_VERSION in the one-entry `abi` map; a lockdown of another ABI
 * refuses to touch them (src/enforcer/pinned.c). Change the version with any layout here.
 */
#ifndef LD_LOCKDOWN_ABI_H
#define LD_LOCKDOWN_ABI_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#ifdef LD_ABI_SKEW
/* A build for the upgrade test only (meson -Dabi_skew=true): another ABI on purpose. */
#define LD_ABI_VERSION 103
#else
#define LD_ABI_VERSION 4
#endif
#define LD_ABI_MAGIC 0x4c444142u /* "LDAB" */

#define LD_REASONS	64 /* reason slots: enum lockdown_reason values, ~31 in kernels today */
#define LD_TAMPERS	16 /* tamper kinds (enum ld_tamper) */
#define LD_SLOTS	(LD_REASONS + LD_TAMPERS) /* counters and rate: reasons, then tampers */
#define LD_RULES	64 /* rule sets in a policy: the default plus subject sections */
#define LD_GENS		2
#define LD_EXE_MAX	16384 /* executable subjects per generation */
#define LD_CGROUP_MAX	1024  /* cgroup subjects per generation */
#define LD_UID_MAX	1024  /* uid subjects per generation */
#define LD_OBJECT_MAX	4096  /* object rules (a file, and a subject or none) per generation */
#define LD_LOADING_MAX	1024  /* threads whose module or kexec image the kernel just read */
#define LD_TRUSTED_MAX	65536 /* exempt executables and the files they may map, once sealed */
#define LD_REVOKE_MAX	65536 /* protected files (or file systems) gone since the seal */
#define LD_RULE_NONE	0xffffu
#define LD_EXE_NAME_LEN 64 /* the executable's file name in events */

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
	LD_MATCH_OBJECT = 5, /* the file the kernel read for the operation (Module=, Kexec=) */
};

/*
 * The object of an operation: the file the kernel reads for it, named by a policy's Module=
 * (reason module_signature) or Kexec= (reason kexec). The kernel reads the file in the same
 * thread just before it asks lockdown (finit_module, kexec_file_load); bytes handed over from
 * user space (init_module, kexec_load) have no file and never match.
 */
enum ld_object_kind {
	LD_OBJ_NONE = 0,
	LD_OBJ_MODULE = 1,
	LD_OBJ_KEXEC = 2,
	LD_OBJ_KINDS = 3,
};

/* What narrows an object rule to some tasks (ld_obj_key.subj); most specific first. */
enum ld_obj_subject {
	LD_OSUBJ_ANY = 0,    /* every task */
	LD_OSUBJ_EXE = 1,    /* sa, sb: the executable's (dev, ino) */
	LD_OSUBJ_CGROUP = 2, /* sa: the cgroup id */
	LD_OSUBJ_UID = 3,    /* sa: the uid */
};

/*
 * What a sealed enforcer refused (the guards in src/bpf/seal.bpf.c): the event's `reason`
 * for LD_EVK_TAMPER events, and counters slot LD_REASONS + kind.
 */
enum ld_tamper {
	LD_TAMPER_UNLINK = 0,	  /* unlink of a pin */
	LD_TAMPER_RMDIR = 1,	  /* rmdir of the pin directory */
	LD_TAMPER_RENAME = 2,	  /* rename of, into or out of the pin directory */
	LD_TAMPER_UMOUNT = 3,	  /* unmounting the BPF file system, or detaching a parent */
	LD_TAMPER_MOUNT_MOVE = 4, /* moving a mount in the pins' mount namespace */
	LD_TAMPER_MAP_WRITE = 5,  /* a writable handle to one of the enforcer's maps */
	LD_TAMPER_PROG_MAPS = 6,  /* another program using the enforcer's maps */
	LD_TAMPER_MAP_IN_MAP = 7, /* a map-in-map that could hold the enforcer's maps */
	LD_TAMPER_PTRACE = 8,	  /* ptrace, /proc/PID/mem, process_vm_writev into a guarded task */
	LD_TAMPER_FILE_WRITE = 9, /* opening a protected file for writing */
	LD_TAMPER_TRUNCATE = 10,  /* truncate(2) of a protected file */
	LD_TAMPER_CODE = 11,	  /* an exempt process mapping code from an unlisted file */
	LD_TAMPER_EXE_LINK = 12,  /* prctl(PR_SET_MM) changing a process's executable */
	LD_TAMPER_PROG_FD = 13,	  /* a handle to one of the enforcer's programs */
	LD_TAMPER_MAP_ITER = 14,  /* a map-element iterator: it writes any map it is given */
	LD_TAMPER_KNOB = 15,	  /* a kernel switch that turns the programs off (ftrace_enabled) */
	LD_TAMPER_KINDS = 16,
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
#define LD_HAS_OBJECT (1u << 3)

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

/* Keys of the `objects` hash map; values are __u32 rule indexes into ld_policy.action. */
struct ld_obj_key {
	__u32 gen;
	__u8 kind; /* enum ld_object_kind */
	__u8 subj; /* enum ld_obj_subject */
	__u16 pad;
	__u64 dev; /* the file the kernel read (kernel dev encoding, inode) */
	__u64 ino;
	__u64 sa; /* the narrowing subject (see enum ld_obj_subject); 0 for any task */
	__u64 sb;
};

/* Value of the `loading` map (key: the thread id): the file a thread last had the kernel read
 * as a module or kexec image, until lockdown is asked about it (or the thread loads bytes). */
struct ld_loading {
	__u32 kind; /* enum ld_object_kind */
	__u32 pad;
	__u64 dev;
	__u64 ino;
	char name[LD_EXE_NAME_LEN]; /* the file's name, as its dentry has it */
};

/* A file by identity (kernel dev encoding, inode): keys of `trusted` and `revoked`. */
struct ld_file_key {
	__u64 dev;
	__u64 ino; /* 0 in `revoked`: the whole file system is gone */
};

/* Value of the one-entry `active` array map. */
struct ld_active {
	__u32 gen;	 /* generation in force; its tables are set gen & 1 */
	__u32 sealed;	 /* nonzero: sealed until reboot; the guards are armed */
	__u64 sealed_ns; /* CLOCK_REALTIME of the seal */
};

/* Per-CPU counters: one entry per reason number, then one per tamper kind. Exact: atomic
 * adds, summed over CPUs by user space. */
struct ld_counters {
	__u64 outcome[LD_OUTCOMES];
	__u64 events;	   /* records written to the ring buffer */
	__u64 ratelimited; /* records not written: over the per-reason rate */
	__u64 dropped;	   /* records not written: ring buffer full */
};

/* Per-slot rate limiter state (array map, one entry per reason, then per tamper kind). */
struct ld_rate {
	__u64 window; /* start of the current one-second window, in jiffies */
	__u64 count;  /* events let through in this window */
};

#define LD_SEAL_FS    8	 /* file systems remembered per list in struct ld_seal */
#define LD_SEAL_MAPS  16 /* the enforcer's maps */
#define LD_SEAL_PROGS 32 /* the enforcer's programs */

/* Value of the one-entry `seal` map: what the guards protect. Written once, when sealing. */
struct ld_seal {
	__u32 armed;   /* the guards act (written last, with active.sealed) */
	__u32 set;     /* table set of the sealed generation */
	__u64 pin_dev; /* the pin directory (kernel dev, inode) */
	__u64 pin_ino;
	__u64 bpffs_dev;	      /* the BPF file system holding it */
	__u64 anc_dev[LD_SEAL_FS];    /* file systems mounted above the pins, 0: unused */
	__u64 prot_dev[LD_SEAL_FS];   /* file systems holding protected files, 0: unused */
	__u32 prot_any;		      /* more than LD_SEAL_FS of those: look every file up */
	__u32 mntns;		      /* mount namespace (inode number) holding the pins */
	__u32 map_id[LD_SEAL_MAPS];   /* the enforcer's maps, 0: unused */
	__u32 events_id;	      /* the ring buffer: its readers need a writable handle */
	__u32 ntrusted;		      /* entries in `trusted` */
	__u32 prog_id[LD_SEAL_PROGS]; /* the enforcer's own programs, 0: unused */
};

/* Value of the one-entry `sealstate` map: what the guards write once sealed. */
struct ld_sealstate {
	__u32 revoke_full; /* `revoked` overflowed: no exemption holds any more */
	__u32 pad;
};

/* Value of the one-entry `abi` map: the stamp of the lockdown that made the pins. */
struct ld_abi {
	__u32 magic;   /* LD_ABI_MAGIC */
	__u32 version; /* LD_ABI_VERSION */
	__u32 event_size;
	__u32 policy_size;
	__u32 meta_size;
	__u32 seal_size;
};

enum ld_event_flags {
	LD_EV_KTHREAD = 1 << 0,	   /* caller is a kernel thread */
	LD_EV_NOT_ACTOR = 1 << 1,  /* current is not the real actor (kernel context) */
	LD_EV_HOST = 1 << 2,	   /* initial pid and net namespaces */
	LD_EV_WOULD_DENY = 1 << 3, /* audit mode turned a deny into an allow */
	LD_EV_NO_EXE = 1 << 4,	   /* no executable (kernel thread, or exe not readable) */
	LD_EV_TRACED = 1 << 5,	   /* sealed: a traced task does not get its exe's exemption */
	LD_EV_REVOKED = 1 << 6,	   /* sealed: the exempt file was replaced or removed */
	LD_EV_NAME_LONG = 1 << 7,  /* exe_name could not be read (long name, no probe reads) */
	LD_EV_OBJECT = 1 << 8,	   /* obj_* name the module or kexec image the kernel read */
};

enum ld_event_kind {
	LD_EVK_REASON = 0, /* a lockdown reason was decided */
	LD_EVK_TAMPER = 1, /* a sealed enforcer refused an attempt on itself */
};

#define LD_COMM_LEN 16

/* One record in the `events` ring buffer. */
struct ld_event {
	__u64 ts_ns; /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__u64 cgroup_id;
	__u64 exe_dev;
	__u64 exe_ino;
	__u64 obj_dev; /* tamper: the file or file system acted on (kernel dev); LD_EV_OBJECT:
			* the module or kexec image read; else 0 */
	__u64 obj_ino; /* its inode; tamper: or the map or program id, or the target pid */
	__u32 pid;     /* thread group id, as user space calls a pid */
	__u32 tid;
	__u32 uid;
	__u32 gid;
	__u32 pidns;  /* pid namespace inode number */
	__u32 netns;  /* net namespace inode number */
	__u32 reason; /* LD_EVK_REASON: the reason number; LD_EVK_TAMPER: enum ld_tamper */
	__u16 rule;   /* index of the matched rule */
	__u8 action;  /* enum ld_action of the matched rule */
	__u8 outcome; /* enum ld_outcome */
	__u8 match;   /* enum ld_match */
	__u8 mode;    /* enum ld_mode */
	__u16 flags;  /* enum ld_event_flags */
	char comm[LD_COMM_LEN];
	char pcomm[LD_COMM_LEN]; /* parent's comm */
	__u32 gen;		 /* generation of the policy that decided: names the rule */
	__u8 kind;		 /* enum ld_event_kind */
	__u8 pad[3];
	char exe_name[LD_EXE_NAME_LEN]; /* the executable's file name, as its dentry has it;
					 * not NUL-terminated when it fills the array */
	char obj_name[LD_EXE_NAME_LEN]; /* LD_EV_OBJECT: the object's file name, likewise */
};

#endif
