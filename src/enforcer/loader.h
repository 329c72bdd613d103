/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Inside the enforcer's loader (not for commands: they use enforcer.h). loader.c sequences a
 * first load, a re-apply and a removal from the steps below:
 *   system.c  what the loader asks of the running system: privileges, memory limit, the BPF
 *             file system, the active LSMs and lockdown level, hooks and helpers the kernel
 *             has, the pin lock;
 *   tables.c  writing a compiled policy into one table set (generation) of the pinned maps,
 *             clearing a set, and waiting until no program call still reads the old one.
 */
#ifndef LD_ENFORCER_LOADER_H
#define LD_ENFORCER_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "enforcer.h"
#include "kstate.h"

#define LD_BPF_FS	 "/sys/fs/bpf"
#define LD_BPF_FS_MAGIC	 0xcafe4a11
#define LD_PROC_PID_INIT 0xEFFFFFFCu /* the initial pid namespace's inode number */

/* ---- system.c ---------------------------------------------------------------------------- */

/* CAP_SYS_ADMIN, or CAP_BPF and CAP_PERFMON: what loading and pinning need. */
bool ld_sys_privileged(void);
/* Why the kernel said EPERM to a process with (or without) those capabilities. */
const char *ld_sys_perm_hint(void);
/* RLIMIT_MEMLOCK as high as allowed (map memory is charged to it before 5.11). */
void ld_sys_raise_memlock(void);
/* Whether the kernel charges BPF memory to memory cgroups (5.11+) instead of RLIMIT_MEMLOCK. */
bool ld_sys_memcg_accounting(void);
__u64 ld_sys_realtime_ns(void);
/* The kernel's HZ, from the resolution of the coarse clocks (1000 when it cannot tell). */
__u32 ld_sys_kernel_hz(void);
/* LD_BPF_FS mounted, or mounted here; 0 or -errno with why. */
int ld_sys_ensure_bpffs(char *why, size_t whylen);
/* 0 when BPF LSM is active (or the LSM list cannot be read); -EOPNOTSUPP with the fix in why. */
int ld_sys_check_bpf_lsm(char *why, size_t whylen);
/* The kernel's own lockdown level; LD_LEVEL_NONE when it cannot be read. */
enum ld_level ld_sys_kernel_level(void);
/* The inode number of a /proc/.../ns/ file (a namespace's id). */
int ld_sys_ns_inode(const char *path, __u32 *ino);
/* The program variant this kernel runs: BTF task access (5.11+), or probe reads. */
enum ld_variant ld_sys_variant(void);
/* Whether the kernel (or the BTF file btf_path) has the LSM hook `name`. */
bool ld_sys_has_lsm_hook(const char *btf_path, const char *name);
/* Waits for the exclusive lock of LD_LOCK_FILE: its fd (close it to unlock), or -errno. */
int ld_sys_lock_pins(char *why, size_t whylen);
/* The id of the BPF program pinned at path; 0 when there is none (or it cannot be read). */
__u32 ld_sys_pinned_prog_id(const char *path);

/* ---- tables.c ---------------------------------------------------------------------------- */

struct ld_pinned;

/* Write c with metadata m into table set `set` (not in force); on failure its subjects are
 * left empty. 0 or -errno with why. */
int ld_tables_write(const struct ld_pinned *p, __u32 set, const struct ld_compiled *c,
		    const struct ld_meta *m, char *why, size_t whylen);
/* Delete the subjects of table set `set`. */
int ld_tables_clear(const struct ld_pinned *p, __u32 set);
/* The ABI stamp (struct ld_abi) of this build. */
int ld_tables_write_abi(const struct ld_pinned *p, char *why, size_t whylen);
/* Returns once no program call that may have read the previous `active` is still running. */
void ld_tables_wait_readers(void);

#endif
