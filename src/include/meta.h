/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Value of the pinned `meta` array map, one entry per table set: what user space needs
 * to render a policy it did not load itself (status, events and stats run as other processes).
 * The BPF program never reads it; it is declared in the object so it lives and dies with the
 * other maps. Fixed-size types only (included by src/bpf/lockdown.bpf.c).
 */
#ifndef LD_META_H
#define LD_META_H

#include "lockdown_abi.h"

#define LD_META_NAME_LEN   48
#define LD_META_SOURCE_LEN 256
#define LD_META_MAGIC	   0x4c444d33u /* "LDM3": the entry was written by this format */

enum ld_variant {
	LD_VARIANT_BTF = 1,   /* bpf_get_current_task_btf(), 5.11+ */
	LD_VARIANT_PROBE = 2, /* bpf_get_current_task() + probe reads, 5.10 */
};

struct ld_meta {
#ifdef LD_ABI_SKEW
	__u64 skew; /* the upgrade test's build: a struct that changed */
#endif
	__u32 magic;
	__u32 mode;	  /* enum ld_mode */
	__u64 applied_ns; /* CLOCK_REALTIME when this generation was put in force */
	__u64 loaded_ns;  /* CLOCK_REALTIME when the program was first attached */
	__u32 variant;	  /* enum ld_variant */
	__u32 nrules;
	__u32 nexes;
	__u32 ncgroups;
	__u32 nuids;
	__u32 init_netns; /* the initial net namespace's inode number given to the program */
	__u32 gen;	  /* the generation this entry describes (ld_active.gen, ld_event.gen) */
	__u32 nobjects;	  /* object rules (Module=, Kexec=) */
	__u8 digest[32];
	char source[LD_META_SOURCE_LEN];
	char rule_names[LD_RULES][LD_META_NAME_LEN];
};

#endif
