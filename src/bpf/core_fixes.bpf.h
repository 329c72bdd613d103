/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one home for differences between the kernels lockdown supports (5.10 to 7.2). Each fix
 * names the kernel change it answers. The programs read kernel memory only through these.
 *
 * Two ways to reach the current task, chosen by the loader (src/enforcer/loader.c); every
 * reader takes `btf`, a constant in each program (the functions are always inlined), so each
 * program keeps only its own kind of read:
 *  - btf: bpf_get_current_task_btf() returns a BTF pointer, and fields are plain loads that
 *    the verifier turns into fault-safe loads. No probe-read helper, so nothing here asks the
 *    lockdown hook (`bpf_read_kernel`) for permission.
 *    Kernel change: bpf_get_current_task_btf() arrived in 5.11 (3ca1032ab7ab, "bpf: Add
 *    bpf_get_current_task_btf()"); on 5.10 a program calling it is rejected at load.
 *  - probe: bpf_get_current_task() gives a plain number, and BPF_CORE_READ() reads through
 *    bpf_probe_read_kernel(). The kernel asks lockdown (`bpf_read_kernel`, spelt `bpf_read`
 *    before 5.14) whether that helper may be used when the program is verified (ff40e51043af,
 *    "bpf, lockdown, audit: Fix buggy SELinux lockdown permission checks", 5.13 and 5.10.y
 *    stable): the programs are loaded before any policy denies `bpf_read_kernel` (the loader
 *    loads once, then only rewrites maps). On a 5.10.y older than that fix the check ran on
 *    every call and would re-enter this hook; those kernels are not supported.
 *
 * Pointers a hook receives as arguments (an inode, a file, a vfsmount) are BTF pointers on
 * every supported kernel (BPF LSM, 5.7), so the guards read them with plain loads.
 *
 * ld_probe_ok (set by the loader) says whether bpf_probe_read_kernel() may be used at all:
 * it is 0 when the kernel's own lockdown level is confidentiality, where a program calling it
 * fails to load. The verifier knows the value (read-only data) and never visits the branches
 * it rules out, so those programs load without the helper.
 */
#ifndef LD_CORE_FIXES_BPF_H
#define LD_CORE_FIXES_BPF_H

#include "vmlinux_min.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "decide.h"
#include "lockdown_abi.h"

const volatile __u32 ld_probe_ok = 1;

/*
 * struct ns_common.inum: stable from 3.19 to 6.17; the namespace rework of 6.18 ("ns: add
 * ns_common_init()", "nstree") reshaped struct ns_common. If a kernel ever drops the field the
 * namespaces read as 0: never the host, and events say netns=0 instead of failing to load.
 */
#define LD_NS_INUM_BTF(nsc)   (bpf_core_field_exists((nsc)->inum) ? (nsc)->inum : 0)
#define LD_NS_INUM_PROBE(nsc) (bpf_core_field_exists((nsc)->inum) ? BPF_CORE_READ(nsc, inum) : 0)

/*
 * struct inode.i_ino: `unsigned long` through 6.x, widened to u64 later; both are 8 bytes on
 * x86_64 and CO-RE relocates the size, so one read serves both (no guard needed).
 *
 * struct mm_struct: since 6.2 ("mm: move mm_count into its own cache line") most fields,
 * exe_file included, sit in an anonymous struct; CO-RE matches fields through anonymous
 * members by name, so `mm->exe_file` relocates on every kernel unchanged. The same holds for
 * inode.i_nlink (in a union with __i_nlink) and qstr.len (in a union with hash_len).
 *
 * The current pid namespace: task->thread_pid (4.19+) ->level is 0 exactly in the initial pid
 * namespace. The namespace's inode number for events comes from nsproxy->pid_ns_for_children,
 * which is the task's own namespace except right after unshare(CLONE_NEWPID) without fork; a
 * variable index into pid->numbers[] would need a probe read. Level 0 always reports the
 * initial namespace's fixed number.
 */

/* What the programs learn about the current task. */
struct ld_task {
	__u64 cgroup_id;
	__u64 exe_dev;
	__u64 exe_ino;
	struct dentry *exe_dentry; /* for the file name; NULL when unknown */
	__u32 pidns, netns, mntns;
	__u16 flags; /* enum ld_event_flags */
	char pcomm[LD_COMM_LEN];
};

static __always_inline struct task_struct *ld_current(const int btf)
{
	if (btf)
		return bpf_get_current_task_btf();
	return (struct task_struct *)bpf_get_current_task();
}

/* Kernel thread: PF_KTHREAD, or no mm at all. Sets the flags and returns nonzero. */
static __always_inline int ld_read_kthread(struct task_struct *t, struct ld_task *s, const int btf)
{
	unsigned int flags = btf ? t->flags : BPF_CORE_READ(t, flags);
	struct mm_struct *mm = btf ? t->mm : BPF_CORE_READ(t, mm);

	if ((flags & PF_KTHREAD) || !mm) {
		s->flags |= LD_EV_KTHREAD | LD_EV_NOT_ACTOR | LD_EV_NO_EXE;
		return 1;
	}
	return 0;
}

/* A file's identity as the programs and the tables see it: (sb->s_dev, i_ino). */
static __always_inline void ld_inode_id(struct inode *ino, __u64 *dev, __u64 *ino_nr)
{
	struct super_block *sb = ino->i_sb;

	*ino_nr = ino->i_ino;
	*dev = sb ? sb->s_dev : 0;
}

static __always_inline void ld_read_exe(struct task_struct *t, struct ld_task *s, const int btf)
{
	struct mm_struct *mm;
	struct file *f = 0;
	struct inode *ino = 0;

	if (btf) {
		mm = t->mm;
		if (mm)
			f = mm->exe_file;
		if (f) {
			ino = f->f_inode;
			s->exe_dentry = f->f_path.dentry;
		}
		if (ino)
			ld_inode_id(ino, &s->exe_dev, &s->exe_ino);
	} else {
		mm = BPF_CORE_READ(t, mm);
		if (mm)
			f = BPF_CORE_READ(mm, exe_file);
		if (f) {
			ino = BPF_CORE_READ(f, f_inode);
			s->exe_dentry = BPF_CORE_READ(f, f_path.dentry);
		}
		if (ino) {
			s->exe_ino = BPF_CORE_READ(ino, i_ino);
			s->exe_dev = BPF_CORE_READ(ino, i_sb, s_dev);
		}
	}
	if (!s->exe_ino)
		s->flags |= LD_EV_NO_EXE;
}

/*
 * A dentry's name into out (LD_EXE_NAME_LEN bytes, zeroed by the caller); LD_EV_NAME_LONG
 * into *flags when it cannot be read. d is a BTF pointer when btf is set (the current task's,
 * or a hook's argument).
 */
static __always_inline void ld_read_dentry_name(struct dentry *d, char *out, __u16 *flags,
						const int btf)
{
	if (!d)
		return;
	if (ld_probe_ok) {
		const unsigned char *name = btf ? d->d_name.name : BPF_CORE_READ(d, d_name.name);

		bpf_probe_read_kernel_str(out, LD_EXE_NAME_LEN, name);
		return;
	}
	/*
	 * No probe reads (btf programs under the kernel's confidentiality level): a name shorter
	 * than the inline buffer is in the dentry itself. Kernel change: 6.14 ("dcache: back
	 * inline names with a struct-wrapped array of unsigned long") replaced d_iname by
	 * d_shortname.string.
	 */
	if (btf) {
		__u32 len = d->d_name.len;

		if (len >= 32 || len >= LD_EXE_NAME_LEN) {
			*flags |= LD_EV_NAME_LONG;
			return;
		}
		if (bpf_core_field_exists(d->d_iname)) {
#pragma unroll
			for (int i = 0; i < 32; i++)
				out[i] = d->d_iname[i];
		} else if (bpf_core_field_exists(d->d_shortname)) {
#pragma unroll
			for (int i = 0; i < 32; i++)
				out[i] = d->d_shortname.string[i];
		} else {
			*flags |= LD_EV_NAME_LONG;
		}
	}
}

/* The executable's file name into out (LD_EXE_NAME_LEN bytes, zeroed by the caller). */
static __always_inline void ld_read_exe_name(struct ld_task *s, char *out, const int btf)
{
	ld_read_dentry_name(s->exe_dentry, out, &s->flags, btf);
}

/*
 * Namespaces, and the host flag: initial pid namespace (level 0) and initial net namespace.
 * A read that fails leaves the task "not host" on both variants (ld_is_host() in decide.h
 * decides from what was read).
 */
static __always_inline void ld_read_ns(struct task_struct *t, struct ld_task *s, __u32 init_netns,
				       const int btf)
{
	struct nsproxy *nsp = 0;
	struct net *net = 0;
	struct pid_namespace *pns = 0;
	struct mnt_namespace *mns = 0;
	struct pid *pid = 0;
	unsigned int level = 1;
	int level_ok = 0;

	if (btf) {
		pid = t->thread_pid;
		if (pid) {
			level = pid->level;
			level_ok = 1;
		}
		nsp = t->nsproxy;
		if (nsp) {
			net = nsp->net_ns;
			pns = nsp->pid_ns_for_children;
			mns = nsp->mnt_ns;
		}
		if (net)
			s->netns = LD_NS_INUM_BTF(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_BTF(&pns->ns);
		if (mns)
			s->mntns = LD_NS_INUM_BTF(&mns->ns);
	} else {
		pid = BPF_CORE_READ(t, thread_pid);
		if (pid && bpf_core_read(&level, sizeof(level), &pid->level) == 0)
			level_ok = 1;
		nsp = BPF_CORE_READ(t, nsproxy);
		if (nsp) {
			net = BPF_CORE_READ(nsp, net_ns);
			pns = BPF_CORE_READ(nsp, pid_ns_for_children);
			mns = BPF_CORE_READ(nsp, mnt_ns);
		}
		if (net)
			s->netns = LD_NS_INUM_PROBE(&net->ns);
		if (pns)
			s->pidns = LD_NS_INUM_PROBE(&pns->ns);
		if (mns)
			s->mntns = LD_NS_INUM_PROBE(&mns->ns);
	}
	if (level_ok && level == 0)
		s->pidns = PROC_PID_INIT_INO;
	if (ld_is_host(level_ok, level, s->netns, init_netns))
		s->flags |= LD_EV_HOST;
}

static __always_inline void ld_read_pcomm(struct task_struct *t, struct ld_task *s, const int btf)
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

/* Nonzero when the task is traced (ptrace attach, PTRACE_TRACEME before an exec). */
static __always_inline int ld_read_traced(struct task_struct *t, const int btf)
{
	unsigned int pt = btf ? t->ptrace : BPF_CORE_READ(t, ptrace);

	return (pt & PT_PTRACED) != 0;
}

/* Mount namespace of the current task (0 when unreadable). */
static __always_inline __u32 ld_read_mntns(struct task_struct *t, const int btf)
{
	struct nsproxy *nsp;
	struct mnt_namespace *mns = 0;

	if (btf) {
		nsp = t->nsproxy;
		if (nsp)
			mns = nsp->mnt_ns;
		return mns ? LD_NS_INUM_BTF(&mns->ns) : 0;
	}
	nsp = BPF_CORE_READ(t, nsproxy);
	if (nsp)
		mns = BPF_CORE_READ(nsp, mnt_ns);
	return mns ? LD_NS_INUM_PROBE(&mns->ns) : 0;
}

#endif
