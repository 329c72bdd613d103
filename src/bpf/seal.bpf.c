// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guards of a sealed enforcer: BPF LSM programs that the loader loads with the enforcer
 * (before any policy is in force) and attaches only when the policy is sealed. From then on
 * the kernel itself refuses, to every task including root, whatever would switch the enforcer
 * off or let other code borrow an executable's exemption:
 *
 *  - the pins: unlink, rmdir, rename in or of the pin directory (inode_unlink, inode_rmdir,
 *    inode_rename);
 *  - the file system holding them: unmounting the BPF file system, lazily detaching a mount
 *    above it, moving mounts in its mount namespace, mounting over it (sb_umount, sb_mount,
 *    move_mount);
 *  - the maps: a writable handle to any of them (bpf_map; the ring buffer excepted, whose
 *    readers need one), another program that uses them (bpf_prog), a map-in-map that could
 *    hold the writable ones (bpf_map_alloc_security before 6.9, bpf_map_create from 6.9).
 *    User space writes are also stopped by freezing the maps; no program can write the
 *    policy maps at all (BPF_F_RDONLY_PROG, maps.bpf.h);
 *  - exemptions: ptrace, /proc/PID/mem, process_vm_writev or pidfd_getfd into an exempt
 *    process or into init (ptrace_access_check); writing or truncating a file in `trusted`
 *    (the exempt executables and the files they may map as code) (file_open, path_truncate);
 *    an exempt process mapping code from any other file (mmap_file, file_mprotect); changing
 *    a process's executable link (task_prctl). A protected file that is removed or replaced, and a file
 *    system holding one that goes away, are remembered in `revoked` (inode_unlink,
 *    inode_rename, sb_free_security), so a new file that happens to get the old inode
 *    number is not exempt.
 *
 * Each refusal is counted (counters slot LD_REASONS + enum ld_tamper) and reported as an
 * LD_EVK_TAMPER event. The guards do nothing until `seal.armed` is set (the loader attaches
 * them first, then arms them).
 *
 * One copy of each program serves every kernel: ld_task_btf (set by the loader) says how to
 * read the current task, and the verifier, which knows the value, checks only that branch.
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

/* 1: read the current task through BTF pointers (5.11+); 0: probe reads (5.10). */
const volatile __u32 ld_task_btf = 1;

#define BTF ld_task_btf

struct guard {
	struct ld_seal *seal;
	__u32 set; /* table set of the sealed generation */
};

/* The seal's configuration when the guards are armed, else 0 (do nothing). One lookup of an
 * array with a constant key: the verifier inlines it. */
static __always_inline int armed(struct guard *g)
{
	__u32 zero = 0;

	g->seal = bpf_map_lookup_elem(&seal, &zero);
	if (!g->seal || !g->seal->armed)
		return 0;
	g->set = g->seal->set & 1;
	return 1;
}

/* Count and report a refused attempt; returns the hook's -EPERM. */
static __always_inline int refuse(__u32 kind, __u64 obj_dev, __u64 obj_ino)
{
	__u32 slot = LD_REASONS + (kind & (LD_TAMPERS - 1)), zero = 0, limit = 100, gen = 0;
	struct ld_counters *c = ld_counters_of(slot);
	struct ld_task s = {};
	struct ld_active *a;
	struct ld_policy *p;
	struct ld_event *e;

	if (c)
		LD_ADD(c->outcome[LD_OUT_DENIED]);
	a = bpf_map_lookup_elem(&active, &zero);
	if (a) {
		__u32 set;

		gen = a->gen;
		set = gen & 1;
		p = bpf_map_lookup_elem(&policy, &set);
		if (p)
			limit = p->rate_limit;
	}
	e = ld_event_reserve(slot, limit, c);
	if (e) {
		e->kind = LD_EVK_TAMPER;
		e->reason = kind;
		e->rule = LD_RULE_NONE;
		e->action = LD_ACT_DENY;
		e->outcome = LD_OUT_DENIED;
		e->match = LD_MATCH_DEFAULT;
		e->mode = LD_MODE_ENFORCE;
		e->flags = 0;
		e->gen = gen;
		e->obj_dev = obj_dev;
		e->obj_ino = obj_ino;
		ld_event_submit(e, &s, c, 0, BTF);
	}
	return -LD_EPERM;
}

/* ---- identities -------------------------------------------------------------------------- */

static __always_inline int is_pin_dir(const struct ld_seal *sl, struct inode *ino)
{
	__u64 dev, nr;

	if (!ino)
		return 0;
	ld_inode_id(ino, &dev, &nr);
	return dev == sl->pin_dev && nr == sl->pin_ino;
}

static __always_inline int in_list(const __u64 *list, __u64 dev)
{
#pragma unroll
	for (int i = 0; i < LD_SEAL_FS; i++)
		if (list[i] && list[i] == dev)
			return 1;
	return 0;
}

/* In `trusted`: an exempt executable, or a file exempt processes may map as code. */
static __always_inline int protected_file(const struct guard *g, __u64 dev, __u64 ino)
{
	struct ld_file_key f = { .dev = dev, .ino = ino };

	if (!dev || (!g->seal->prot_any && !in_list(g->seal->prot_dev, dev)))
		return 0;
	return bpf_map_lookup_elem(&trusted, &f) != 0;
}

static __always_inline int is_regular(struct inode *ino)
{
	return ino && (ino->i_mode & S_IFMT) == S_IFREG;
}

/* Remember that a protected file (ino 0: a file system) is gone. */
static __always_inline void revoke(__u64 dev, __u64 ino)
{
	struct ld_file_key f = { .dev = dev, .ino = ino };
	struct ld_sealstate *st;
	__u8 one = 1;
	__u32 zero = 0;

	if (bpf_map_update_elem(&revoked, &f, &one, BPF_ANY) == 0)
		return;
	/* Full: fail closed, no exemption holds any more. */
	st = bpf_map_lookup_elem(&sealstate, &zero);
	if (st)
		st->revoke_full = 1;
}

/* The last name of a protected file is going away (unlink, or a rename over it). */
static __always_inline void revoke_if_last(const struct guard *g, struct dentry *victim)
{
	struct inode *ino = victim ? victim->d_inode : 0;
	__u64 dev, nr;

	if (!is_regular(ino) || ino->i_nlink > 1)
		return;
	ld_inode_id(ino, &dev, &nr);
	if (protected_file(g, dev, nr))
		revoke(dev, nr);
}

/* The current task's executable, when it is exempt in the sealed generation. */
static __always_inline int current_exempt(const struct guard *g, struct ld_task *s)
{
	struct task_struct *t = ld_current(BTF);
	struct ld_exe_key k = { .gen = g->set };

	if (ld_read_kthread(t, s, BTF))
		return 0;
	ld_read_exe(t, s, BTF);
	if (!s->exe_ino)
		return 0;
	k.dev = s->exe_dev;
	k.ino = s->exe_ino;
	return bpf_map_lookup_elem(&exes, &k) != 0;
}

/* ---- the pins ---------------------------------------------------------------------------- */

SEC("lsm/inode_unlink")
int BPF_PROG(ld_guard_unlink, struct inode *dir, struct dentry *dentry)
{
	struct guard g;

	if (!armed(&g))
		return 0;
	if (is_pin_dir(g.seal, dir))
		return refuse(LD_TAMPER_UNLINK, g.seal->pin_dev, g.seal->pin_ino);
	revoke_if_last(&g, dentry);
	return 0;
}

SEC("lsm/inode_rmdir")
int BPF_PROG(ld_guard_rmdir, struct inode *dir, struct dentry *dentry)
{
	struct guard g;

	if (!armed(&g))
		return 0;
	if (is_pin_dir(g.seal, dir) || is_pin_dir(g.seal, dentry->d_inode))
		return refuse(LD_TAMPER_RMDIR, g.seal->pin_dev, g.seal->pin_ino);
	return 0;
}

SEC("lsm/inode_rename")
int BPF_PROG(ld_guard_rename, struct inode *old_dir, struct dentry *old_dentry,
	     struct inode *new_dir, struct dentry *new_dentry)
{
	struct guard g;

	if (!armed(&g))
		return 0;
	if (is_pin_dir(g.seal, old_dir) || is_pin_dir(g.seal, new_dir) ||
	    is_pin_dir(g.seal, old_dentry->d_inode) || is_pin_dir(g.seal, new_dentry->d_inode))
		return refuse(LD_TAMPER_RENAME, g.seal->pin_dev, g.seal->pin_ino);
	revoke_if_last(&g, new_dentry);
	return 0;
}

/* ---- the file system holding them ------------------------------------------------------- */

static __always_inline __u64 mnt_dev(struct vfsmount *mnt)
{
	struct super_block *sb = mnt ? mnt->mnt_sb : 0;

	return sb ? sb->s_dev : 0;
}

static __always_inline int in_pin_mntns(const struct guard *g)
{
	return ld_read_mntns(ld_current(BTF), BTF) == g->seal->mntns;
}

/*
 * Unmounting the BPF file system is refused anywhere (a shared copy would propagate). Lazily
 * detaching a mount of a file system above it is refused in the pins' mount namespace, and
 * wherever that mount is shared: it would take the pins' mount with it.
 */
SEC("lsm/sb_umount")
int BPF_PROG(ld_guard_umount, struct vfsmount *mnt, int flags)
{
	struct guard g;
	__u64 dev;

	if (!armed(&g))
		return 0;
	dev = mnt_dev(mnt);
	if (dev == g.seal->bpffs_dev)
		return refuse(LD_TAMPER_UMOUNT, dev, 0);
	if ((flags & MNT_DETACH) && in_list(g.seal->anc_dev, dev) &&
	    ((mnt->mnt_flags & MNT_SHARED) || in_pin_mntns(&g)))
		return refuse(LD_TAMPER_UMOUNT, dev, 0);
	return 0;
}

/*
 * mount(2): moving a mount in the pins' mount namespace (the source is only a string here,
 * so every move there is refused), and any mount onto the BPF file system (it would hide
 * the pins).
 */
SEC("lsm/sb_mount")
int BPF_PROG(ld_guard_mount, const char *dev_name, const struct path *path, const char *type,
	     unsigned long flags, void *data)
{
	struct guard g;

	if (!armed(&g))
		return 0;
	if (mnt_dev(path->mnt) == g.seal->bpffs_dev)
		return refuse(LD_TAMPER_MOUNT_MOVE, g.seal->bpffs_dev, 0);
	if ((flags & MS_MOVE) && in_pin_mntns(&g))
		return refuse(LD_TAMPER_MOUNT_MOVE, 0, 0);
	return 0;
}

SEC("lsm/move_mount")
int BPF_PROG(ld_guard_move_mount, const struct path *from_path, const struct path *to_path)
{
	struct guard g;
	__u64 from;

	if (!armed(&g))
		return 0;
	from = mnt_dev(from_path->mnt);
	if (from == g.seal->bpffs_dev || in_list(g.seal->anc_dev, from) ||
	    mnt_dev(to_path->mnt) == g.seal->bpffs_dev)
		return refuse(LD_TAMPER_MOUNT_MOVE, from, 0);
	return 0;
}

/* ---- the maps and programs --------------------------------------------------------------- */

static __always_inline int our_map(const struct ld_seal *sl, __u32 id)
{
#pragma unroll
	for (int i = 0; i < LD_SEAL_MAPS; i++)
		if (sl->map_id[i] && sl->map_id[i] == id)
			return 1;
	return 0;
}

static __always_inline int our_prog(const struct ld_seal *sl, __u32 id)
{
#pragma unroll
	for (int i = 0; i < LD_SEAL_PROGS; i++)
		if (sl->prog_id[i] && sl->prog_id[i] == id)
			return 1;
	return 0;
}

SEC("lsm/bpf_map")
int BPF_PROG(ld_guard_bpf_map, struct bpf_map *map, unsigned int fmode)
{
	struct guard g;
	__u32 id;

	if (!armed(&g))
		return 0;
	id = map->id;
	if ((fmode & FMODE_WRITE) && id != g.seal->events_id && our_map(g.seal, id))
		return refuse(LD_TAMPER_MAP_WRITE, 0, id);
	return 0;
}

#define LD_USED_MAPS_MAX 64

/*
 * A program (other than ours) that uses one of the enforcer's maps cannot get a file
 * descriptor, so it can be neither loaded nor reopened. Nor can one of ours, once sealed (by
 * id or by its pin): a handle to a program is what BPF_PROG_TYPE_EXT (freplace of its global
 * functions, such as the object lookup), fentry/fexit on it or a prog array need, and nothing
 * of lockdown needs one after the seal. used_maps is an array of pointers, which BTF does not
 * type: it is read with probe reads, which the loader guarantees are allowed before it seals
 * (ld_probe_ok).
 */
SEC("lsm/bpf_prog")
int BPF_PROG(ld_guard_bpf_prog, struct bpf_prog *prog)
{
	struct bpf_prog_aux *aux = prog->aux;
	struct bpf_map **used;
	struct guard g;
	__u32 cnt, id;

	if (!armed(&g) || !aux)
		return 0;
	id = aux->id;
	if (our_prog(g.seal, id))
		return refuse(LD_TAMPER_PROG_FD, 0, id);
	if (!ld_probe_ok)
		return 0;
	/*
	 * A map-element iterator gets a writable pointer to every value of the map it is linked
	 * to, whatever the handle's mode, BPF_F_RDONLY_PROG or a freeze (bpf_iter_attach_map(),
	 * 5.10 to 7.2), and it names no map it uses: the map comes with the link. Refused to
	 * everyone once sealed; the target's name is the kernel's "bpf_iter_" + "bpf_map_elem".
	 */
	if (prog->type == BPF_PROG_TYPE_TRACING && prog->expected_attach_type == BPF_TRACE_ITER) {
		static const char want[] = "bpf_iter_bpf_map_elem";
		char name[sizeof(want)] = {};
		const char *fn = aux->attach_func_name;
		int same = 1;

		if (!fn || bpf_probe_read_kernel_str(name, sizeof(name), fn) < 0)
			return refuse(LD_TAMPER_MAP_ITER, 0, id);
#pragma unroll
		for (int i = 0; i < (int)sizeof(want); i++)
			same &= name[i] == want[i];
		if (same)
			return refuse(LD_TAMPER_MAP_ITER, 0, id);
	}
	cnt = aux->used_map_cnt;
	used = aux->used_maps;
	for (__u32 i = 0; i < LD_USED_MAPS_MAX && i < cnt; i++) {
		struct bpf_map *m = 0;
		__u32 mid = 0;

		if (bpf_probe_read_kernel(&m, sizeof(m), &used[i]) || !m)
			return refuse(LD_TAMPER_PROG_MAPS, 0, id);
		if (bpf_core_read(&mid, sizeof(mid), &m->id) || our_map(g.seal, mid))
			return refuse(LD_TAMPER_PROG_MAPS, mid, id);
	}
	if (cnt > LD_USED_MAPS_MAX)
		return refuse(LD_TAMPER_PROG_MAPS, 0, id);
	return 0;
}

/* An inner-map template of the shape of a map the programs write (counters, rate, revoked,
 * sealstate, events): such an outer map could be given one of ours. */
static __always_inline int refuse_map_in_map(struct bpf_map *map)
{
	struct bpf_map *in;
	struct guard g;
	__u32 type, key, value, max;

	if (!armed(&g))
		return 0;
	type = map->map_type;
	if (type != BPF_MAP_TYPE_ARRAY_OF_MAPS && type != BPF_MAP_TYPE_HASH_OF_MAPS)
		return 0;
	in = map->inner_map_meta;
	if (!in)
		return 0;
	type = in->map_type;
	key = in->key_size;
	value = in->value_size;
	max = in->max_entries;
	if ((type == BPF_MAP_TYPE_PERCPU_ARRAY && value == sizeof(struct ld_counters)) ||
	    (type == BPF_MAP_TYPE_ARRAY && value == sizeof(struct ld_rate)) ||
	    (type == BPF_MAP_TYPE_ARRAY && value == sizeof(struct ld_sealstate)) ||
	    (type == BPF_MAP_TYPE_HASH && key == sizeof(struct ld_file_key)) ||
	    (type == BPF_MAP_TYPE_RINGBUF && max == 64 * 1024))
		return refuse(LD_TAMPER_MAP_IN_MAP, 0, 0);
	return 0;
}

/* Kernel change: 6.9 ("bpf,lsm: refactor bpf_map_alloc/bpf_map_free LSM hooks") renamed the
 * hook; the loader attaches the one the kernel has. */
SEC("lsm/bpf_map_alloc_security")
int BPF_PROG(ld_guard_map_alloc, struct bpf_map *map)
{
	return refuse_map_in_map(map);
}

SEC("lsm/bpf_map_create")
int BPF_PROG(ld_guard_map_create, struct bpf_map *map)
{
	return refuse_map_in_map(map);
}

/* ---- exemptions --------------------------------------------------------------------------- */

/*
 * ptrace attach, /proc/PID/mem, process_vm_writev and pidfd_getfd all ask for
 * PTRACE_MODE_ATTACH. Refused into init (whose mount namespace holds the pins) and into an
 * exempt process, unless the caller runs the same exempt executable.
 */
SEC("lsm/ptrace_access_check")
int BPF_PROG(ld_guard_ptrace, struct task_struct *child, unsigned int mode)
{
	struct ld_task self = {};
	struct mm_struct *mm;
	struct file *f;
	struct inode *ino;
	struct guard g;
	__u64 dev, nr;

	if (!(mode & PTRACE_MODE_ATTACH) || !armed(&g))
		return 0;
	if (child->pid == 1)
		return refuse(LD_TAMPER_PTRACE, 0, 1);
	mm = child->mm;
	f = mm ? mm->exe_file : 0;
	ino = f ? f->f_inode : 0;
	if (!ino)
		return 0;
	ld_inode_id(ino, &dev, &nr);
	{
		struct ld_exe_key k = { .gen = g.set, .dev = dev, .ino = nr };

		if (!bpf_map_lookup_elem(&exes, &k))
			return 0;
	}
	if (current_exempt(&g, &self) && self.exe_dev == dev && self.exe_ino == nr)
		return 0;
	return refuse(LD_TAMPER_PTRACE, dev, (__u64)child->tgid);
}

/* d's name is name (sizeof includes the NUL: a longer name differs at that byte). */
#define NAME_IS(d, name)                                                                           \
	({                                                                                         \
		char _n[sizeof(name)] = {};                                                        \
		__u16 _f = 0;                                                                      \
		int _same = 1;                                                                     \
		ld_read_dentry_name(d, _n, &_f, 1);                                                \
		_Pragma("unroll") for (int _i = 0; _i < (int)sizeof(name); _i++) _same &=          \
			_n[_i] == (name)[_i];                                                      \
		_same;                                                                             \
	})

/*
 * kernel.ftrace_enabled=0 turns every ftrace-managed BPF trampoline off at once (6.1 and
 * later; 5.10 answers EBUSY), the enforcer's and the guards': /proc/sys/kernel/ftrace_enabled
 * is not opened for writing once sealed, on any procfs mount, and apply --seal refuses while
 * it is 0.
 */
static __always_inline int ftrace_knob(struct file *file)
{
	struct dentry *d = file->f_path.dentry, *parent;
	struct super_block *sb = file->f_inode->i_sb;

	if (!sb || sb->s_magic != PROC_SUPER_MAGIC || !d)
		return 0;
	parent = d->d_parent;
	return parent && NAME_IS(d, "ftrace_enabled") && NAME_IS(parent, "kernel");
}

SEC("lsm/file_open")
int BPF_PROG(ld_guard_file_open, struct file *file)
{
	struct inode *ino = file->f_inode;
	struct guard g;
	__u64 dev, nr;

	if (!(file->f_mode & FMODE_WRITE) || !is_regular(ino) || !armed(&g))
		return 0;
	if (ftrace_knob(file))
		return refuse(LD_TAMPER_KNOB, 0, 0);
	ld_inode_id(ino, &dev, &nr);
	if (protected_file(&g, dev, nr))
		return refuse(LD_TAMPER_FILE_WRITE, dev, nr);
	return 0;
}

SEC("lsm/path_truncate")
int BPF_PROG(ld_guard_truncate, const struct path *path)
{
	struct dentry *d = path->dentry;
	struct inode *ino = d ? d->d_inode : 0;
	struct guard g;
	__u64 dev, nr;

	if (!is_regular(ino) || !armed(&g))
		return 0;
	ld_inode_id(ino, &dev, &nr);
	if (protected_file(&g, dev, nr))
		return refuse(LD_TAMPER_TRUNCATE, dev, nr);
	return 0;
}

/*
 * An exempt process may map code only from its own executable and from `trusted` (the
 * exempt executables, the system's library directories and Libraries=, as they were when
 * sealed): LD_PRELOAD, LD_LIBRARY_PATH or dlopen() of any other file is refused.
 */
static __always_inline int code_from(struct file *file)
{
	struct ld_task s = {};
	struct inode *ino;
	struct guard g;
	__u64 dev, nr;

	if (!file || !armed(&g) || !current_exempt(&g, &s))
		return 0;
	ino = file->f_inode;
	if (!ino)
		return 0;
	ld_inode_id(ino, &dev, &nr);
	if (dev == s.exe_dev && nr == s.exe_ino)
		return 0;
	{
		struct ld_file_key f = { .dev = dev, .ino = nr };

		if (bpf_map_lookup_elem(&trusted, &f) && !ld_revoked(dev, nr))
			return 0;
	}
	return refuse(LD_TAMPER_CODE, dev, nr);
}

SEC("lsm/mmap_file")
int BPF_PROG(ld_guard_mmap, struct file *file, unsigned long reqprot, unsigned long prot,
	     unsigned long flags)
{
	if (!(prot & PROT_EXEC))
		return 0;
	return code_from(file);
}

SEC("lsm/file_mprotect")
int BPF_PROG(ld_guard_mprotect, struct vm_area_struct *vma, unsigned long reqprot,
	     unsigned long prot)
{
	if (!(prot & PROT_EXEC))
		return 0;
	return code_from(vma->vm_file);
}

/* struct prctl_mm_map (include/uapi/linux/prctl.h): exe_fd after 11 u64, a pointer, a u32. */
#define LD_MM_MAP_EXE_FD_OFF (12 * 8 + 4)

/* prctl(PR_SET_MM, PR_SET_MM_EXE_FILE or PR_SET_MM_MAP with an exe_fd) points a process's
 * executable link (what the enforcer matches) at another file. */
SEC("lsm/task_prctl")
int BPF_PROG(ld_guard_prctl, int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	     unsigned long arg5)
{
	struct guard g;
	__s32 exe_fd = 0;

	if (option != PR_SET_MM || !armed(&g))
		return 0;
	if (arg2 == PR_SET_MM_EXE_FILE)
		return refuse(LD_TAMPER_EXE_LINK, 0, 0);
	if (arg2 != PR_SET_MM_MAP)
		return 0;
	if (arg4 < LD_MM_MAP_EXE_FD_OFF + sizeof(exe_fd) ||
	    bpf_probe_read_user(&exe_fd, sizeof(exe_fd),
				(const void *)(arg3 + LD_MM_MAP_EXE_FD_OFF)) ||
	    exe_fd != -1)
		return refuse(LD_TAMPER_EXE_LINK, 0, 0);
	return 0;
}

/* A file system that held protected files goes away: its device number may come back. */
SEC("lsm/sb_free_security")
int BPF_PROG(ld_guard_sb_free, struct super_block *sb)
{
	struct guard g;
	__u64 dev;

	if (!armed(&g))
		return 0;
	dev = sb->s_dev;
	if (dev && (g.seal->prot_any || in_list(g.seal->prot_dev, dev)))
		revoke(dev, 0);
	return 0;
}
