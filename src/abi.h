/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The names of the ABI's enums (src/include/lockdown_abi.h, meta.h), in one place for every
 * command and renderer: what events, status, check, explain and metrics print.
 */
#ifndef LD_ABI_NAMES_H
#define LD_ABI_NAMES_H

/* "allow", "audit", "deny" (enum ld_action); "?" for anything else. */
const char *ld_action_name(unsigned int action);
/* "enforce", "audit" (enum ld_mode). */
const char *ld_mode_name(unsigned int mode);
/* "default", "host", "uid", "cgroup", "executable" (enum ld_match). */
const char *ld_match_name(unsigned int match);
/* "allowed", "audited", "denied" (enum ld_outcome). */
const char *ld_outcome_name(unsigned int outcome);
/* A tamper kind's short name ("unlink", "map-write", ...) and one-line description. */
const char *ld_tamper_name(unsigned int kind);
const char *ld_tamper_description(unsigned int kind);
/* "btf" or "probe-read (5.10)": the program variant (enum ld_variant). */
const char *ld_variant_name(unsigned int variant);

#endif
