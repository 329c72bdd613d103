/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few kernel types the lsm/locked_down program touches, for CO-RE: every struct carries
 * preserve_access_index, so libbpf relocates each field access against the running kernel's
 * BTF at load time. Only the fields used are declared; their offsets here mean nothing.
 * Cross-kernel differences are handled in core_fixes.bpf.h, not here.
 */
#ifndef LD_VMLINUX_MIN_H
#define LD_VMLINUX_MIN_H

#include <linux/types.h>

/* UAPI constants from linux/bpf.h (stable ABI), so the build needs no kernel headers. */
enum bpf_map_type {
	BPF_MAP_TYPE_HASH = 1,
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_PERCPU_ARRAY = 6,
	BPF_MAP_TYPE_RINGBUF = 27,
};
enum {
	BPF_F_NO_PREALLOC = 1U << 0,
};

/* The values differ between kernels; the program only passes the number through. */
enum lockdown_reason {
	LOCKDOWN_NONE = 0,
};

/* include/linux/sched.h: "I am a kernel thread"; unchanged since 2.6. */
#define PF_KTHREAD 0x00200000

/* include/linux/proc_ns.h: the initial pid namespace's fixed inode number. */
#define PROC_PID_INIT_INO 0xEFFFFFFCU

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

struct ns_common {
	unsigned int inum;
};

struct pid_namespace {
	struct ns_common ns;
};

struct net {
	struct ns_common ns;
};

struct nsproxy {
	struct pid_namespace *pid_ns_for_children;
	struct net *net_ns;
};

struct upid {
	int nr;
	struct pid_namespace *ns;
};

struct pid {
	unsigned int level;
	struct upid numbers[1];
};

struct super_block {
	__u32 s_dev; /* dev_t: MAJOR << 20 | MINOR */
};

struct inode {
	unsigned long i_ino;
	struct super_block *i_sb;
};

struct file {
	struct inode *f_inode;
};

struct mm_struct {
	struct file *exe_file;
};

struct task_struct {
	unsigned int flags;
	int pid;
	int tgid;
	struct task_struct *real_parent;
	struct pid *thread_pid;
	struct mm_struct *mm;
	struct nsproxy *nsproxy;
	char comm[16];
};

#pragma clang attribute pop

#endif
