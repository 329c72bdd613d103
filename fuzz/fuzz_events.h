/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The input of fuzz-events (fuzz_events.c), shared with the program that writes its seeds
 * (seed_events.c). In this order, a short input padded with zero bytes:
 *
 *   struct fe_head
 *   struct ld_event     the ring-buffer record (handed over in head.record_size bytes)
 *   struct fe_pins      a pinned map's info and the ABI stamp as the kernel reports them;
 *                       counters for the metrics
 *   struct ld_meta      the pinned `meta` entry of table set 0
 *   struct ld_meta      ... of table set 1
 *   the rest            the executable's path, as readlink(/proc/PID/exe) gives it
 */
#ifndef LD_FUZZ_EVENTS_H
#define LD_FUZZ_EVENTS_H

#include "lockdown_abi.h"
#include "meta.h"

enum fe_flags {
	FE_REASONS = 1 << 0,  /* the kernel's reason names are known */
	FE_META0 = 1 << 1,    /* the `meta` entry of set 0 was read (else its lookup failed) */
	FE_META1 = 1 << 2,    /* ... of set 1 */
	FE_EXE_PATH = 1 << 3, /* /proc/PID/exe still names the file: the path at the end */
	FE_LOADED = 1 << 4,   /* metrics: the enforcer is loaded */
	FE_LEVEL = 1 << 5,    /* metrics: the kernel's own level is known */
	FE_SEALED = 1 << 6,   /* metrics: the policy in force is sealed */
	FE_PRETTY = 1 << 7,   /* JSON as -p prints it */
};

struct fe_head {
	__u8 flags;	   /* enum fe_flags */
	__s8 level;	   /* metrics: the kernel's own level (enum ld_level, or anything) */
	__u16 record_size; /* bytes of the ring-buffer record; 0: sizeof(struct ld_event) */
	__u8 map;	   /* the pinned map (pin order, modulo their number) fe_pins.info is */
	__u8 cut;	   /* the size of a short buffer the renderers also write into */
	__u16 pad;
	__s64 mono_to_real; /* CLOCK_REALTIME - CLOCK_MONOTONIC */
};

struct fe_pins {
	__u32 type, key_size, value_size, max_entries; /* struct bpf_map_info's shape */
	struct ld_abi stamp;			       /* the `abi` map's entry */
	struct ld_counters counters[4];		       /* metrics: slot n has counters[n % 4] */
};

#endif
