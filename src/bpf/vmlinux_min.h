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
	BPF_MAP_TYPE_LRU_HASH = 9,
	BPF_MAP_TYPE_ARRAY_OF_MAPS = 12,
	BPF_MAP_TYPE_HASH_OF_MAPS = 13,
	BPF_MAP_TYPE_RINGBUF = 27,
};
enum {
	BPF_F_NO_PREALLOC = 1U << 0,
	BPF_F_RDONLY_PROG = 1U << 7,
};
enum {
	BPF_ANY = 0,
};
/* UAPI values; CO-RE matches an enum field only against an enum of the same name. */
enum bpf_prog_type {
	BPF_PROG_TYPE_TRACING = 26,
};
enum bpf_attach_type {
	BPF_TRACE_ITER = 28,
};

/* Stable UAPI and kernel constants the guards compare against (each unchanged since 2.6 or
 * its introduction). */
#define FMODE_WRITE	   0x2	  /* include/linux/fs.h */
#define MNT_DETACH	   0x2	  /* include/uapi/linux/fs.h (umount2 flags) */
#define MNT_SHARED	   0x1000 /* include/linux/mount.h: vfsmount.mnt_flags */
#define MS_MOVE		   8192	  /* include/uapi/linux/mount.h */
#define PROT_EXEC	   0x4
#define PTRACE_MODE_ATTACH 0x02 /* include/linux/ptrace.h */
#define PT_PTRACED	   0x00000001
#define PR_SET_MM	   35
#define PR_SET_MM_EXE_FILE 13
#define PR_SET_MM_MAP	   14
#define S_IFMT		   00170000
#define S_IFREG		   0100000

/*
 * The values differ between kernels: the program passes the number through, and finds the
 * two reasons an object can decide (Module=, Kexec=) by name with CO-RE enum relocations
 * (bpf_core_enum_value); the values here are placeholders.
 */
enum lockdown_reason {
	LOCKDOWN_NONE = 0,
	LOCKDOWN_MODULE_SIGNATURE = 1,
	LOCKDOWN_KEXEC = 3,
};

/* include/linux/kernel_read_file.h and security.h; likewise found by name. */
enum kernel_read_file_id {
	READING_UNKNOWN = 0,
	READING_MODULE = 2,
	READING_KEXEC_IMAGE = 3,
	READING_MODULE_COMPRESSED = 7,
};

enum kernel_load_data_id {
	LOADING_UNKNOWN = 0,
	LOADING_MODULE = 2,
	LOADING_KEXEC_IMAGE = 3,
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

struct mnt_namespace {
	struct ns_common ns;
};

struct nsproxy {
	struct mnt_namespace *mnt_ns;
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
	unsigned long s_magic;
};

#define PROC_SUPER_MAGIC 0x9fa0 /* include/uapi/linux/magic.h */

struct inode {
	unsigned short i_mode;
	unsigned int i_nlink;
	unsigned long i_ino;
	struct super_block *i_sb;
};

struct qstr {
	__u32 len;
	const unsigned char *name;
};

/* Before 6.14 a short name lives in d_iname; from 6.14 in d_shortname.string (see
 * core_fixes.bpf.h). */
union shortname_store {
	unsigned char string[32];
};

struct dentry {
	struct qstr d_name;
	struct dentry *d_parent;
	struct inode *d_inode;
	unsigned char d_iname[32];
	union shortname_store d_shortname;
};

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	unsigned int f_mode;
};

struct mm_struct {
	struct file *exe_file;
};

struct vm_area_struct {
	struct file *vm_file;
};

struct bpf_map {
	enum bpf_map_type map_type;
	__u32 key_size;
	__u32 value_size;
	__u32 max_entries;
	__u32 id;
	struct bpf_map *inner_map_meta;
};

struct bpf_prog_aux {
	__u32 used_map_cnt;
	__u32 id;
	struct bpf_map **used_maps;
	const char *attach_func_name;
};

struct bpf_prog {
	enum bpf_prog_type type;
	enum bpf_attach_type expected_attach_type;
	struct bpf_prog_aux *aux;
};

struct task_struct {
	unsigned int flags;
	unsigned int ptrace;
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
