/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one home for differences between the kernels lockdown supports (5.10 to 7.2). Each fix
 * names the kernel change it answers. lockdown.bpf.c reads kernel memory only through these.
 *
 * Two ways to reach the current task, chosen by the loader (src/enforcer/loader.c):
 *  - LD_BTF: bpf_get_current_task_btf() returns a BTF pointer, and fields are plain loads that
 *    the verifier turns into fault-safe loads. No probe-read helper, so nothing here asks the
 *    lockdown hook (`bpf_read_kernel`) for permission.
 *    Kernel change: bpf_get_current_task_btf() arrived in 5.11 (3ca1032ab7ab, "bpf: Add
 *    bpf_get_current_task_btf()"); on 5.10 a program calling it is rejected at load.
 *  - LD_PROBE: bpf_get_current_task() gives a plain number, and BPF_CORE_READ() reads through
 *    bpf_probe_read_kernel(). The kernel asks lockdown (`bpf_read_kernel`, spelt `bpf_read` before
 *    5.14) whether that helper may be used when the program is verified (ff40e51043af, "bpf,
 *    lockdown, audit: Fix buggy SELinux lockdown permission checks", 5.13 and 5.10.y stable):
 *    the program must be loaded before any policy denies `bpf_read_kernel` (the loader loads
 *    once, then only rewrites maps). On a 5.10.y older than that fix the check ran on every
 *    call and would re-enter this hook; those kernels are not supported.
 */
#ifndef LD_CORE_FIXES_BPF_H
#define LD_CORE_FIXES_BPF_H

#include "vmlinux_min.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

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
 * members by name, so `mm->exe_file` relocates on every kernel unchanged.
 *
 * The current pid namespace: task->thread_pid (4.19+) ->level is 0 exactly in the initial pid
 * namespace. The namespace's inode number for events comes from nsproxy->pid_ns_for_children,
 * which is the task's own namespace except right after unshare(CLONE_NEWPID) without fork; a
 * variable index into pid->numbers[] would need a probe read. Level 0 always reports the
 * initial namespace's fixed number.
 */

#endif
