/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The enforcer's maps, declared once for both BPF objects: lockdown.bpf.c (the decision on
 * lsm/locked_down) creates them; seal.bpf.c (the guards of a sealed enforcer) is loaded with
 * the same maps (the loader hands it their fds). The layouts are the ABI in lockdown_abi.h.
 *
 * Maps that only user space writes carry BPF_F_RDONLY_PROG: no BPF program, ours or another,
 * can write them, and sealing freezes them against writes from user space too. Map memory
 * stays small: hash maps allocate per element (BPF_F_NO_PREALLOC) and the ring buffer is
 * 64 KiB. On 5.10 map memory is charged to RLIMIT_MEMLOCK of the creating user (the loader
 * charges a user of its own there, see loader.c), from 5.11 to the memory cgroup.
 */
#ifndef LD_MAPS_BPF_H
#define LD_MAPS_BPF_H

#include "vmlinux_min.h"

#include <bpf/bpf_helpers.h>

#include "lockdown_abi.h"
#include "meta.h"

#define LD_RDONLY_ARRAY(name, value_type, entries)                                                 \
	struct {                                                                                   \
		__uint(type, BPF_MAP_TYPE_ARRAY);                                                  \
		__uint(max_entries, entries);                                                      \
		__uint(map_flags, BPF_F_RDONLY_PROG);                                              \
		__type(key, __u32);                                                                \
		__type(value, value_type);                                                         \
	} name SEC(".maps")

#define LD_HASH(name, key_type, value_type, entries, flags)                                        \
	struct {                                                                                   \
		__uint(type, BPF_MAP_TYPE_HASH);                                                   \
		__uint(max_entries, entries);                                                      \
		__uint(map_flags, BPF_F_NO_PREALLOC | (flags));                                    \
		__type(key, key_type);                                                             \
		__type(value, value_type);                                                         \
	} name SEC(".maps")

/* Written by user space only. */
LD_RDONLY_ARRAY(abi, struct ld_abi, 1);
LD_RDONLY_ARRAY(active, struct ld_active, 1);
LD_RDONLY_ARRAY(policy, struct ld_policy, LD_GENS);
LD_RDONLY_ARRAY(meta, struct ld_meta, LD_GENS); /* read by user space only */
LD_RDONLY_ARRAY(seal, struct ld_seal, 1);
/* Subject tables: key (with the table set) -> rule index. */
LD_HASH(exes, struct ld_exe_key, __u32, LD_EXE_MAX *LD_GENS, BPF_F_RDONLY_PROG);
LD_HASH(cgroups, struct ld_cgroup_key, __u32, LD_CGROUP_MAX *LD_GENS, BPF_F_RDONLY_PROG);
LD_HASH(uids, struct ld_uid_key, __u32, LD_UID_MAX *LD_GENS, BPF_F_RDONLY_PROG);
/* Object rules: (file, narrowing subject) with the table set -> rule index. */
LD_HASH(objects, struct ld_obj_key, __u32, LD_OBJECT_MAX *LD_GENS, BPF_F_RDONLY_PROG);
/* Once sealed: the exempt executables and the files they may map as code, which nobody may
 * write (value unused). */
LD_HASH(trusted, struct ld_file_key, __u8, LD_TRUSTED_MAX, BPF_F_RDONLY_PROG);

/* Written by the programs. */
LD_HASH(revoked, struct ld_file_key, __u8, LD_REVOKE_MAX, 0);

/* The module or kexec image each thread last had the kernel read (lockdown.bpf.c): least
 * recently used entries give way, so a thread that never got to the decision costs nothing. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, LD_LOADING_MAX);
	__type(key, __u32);
	__type(value, struct ld_loading);
} loading SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ld_sealstate);
} sealstate SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, LD_SLOTS);
	__type(key, __u32);
	__type(value, struct ld_counters);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LD_SLOTS);
	__type(key, __u32);
	__type(value, struct ld_rate);
} rate SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} events SEC(".maps");

#endif
