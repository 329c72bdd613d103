// SPDX-License-Identifier: GPL-2.0-only
/* The names of the ABI's enums (see abi.h). */
#include "abi.h"
#include "lockdown_abi.h"
#include "meta.h"

const char *ld_action_name(unsigned int action)
{
	switch (action) {
	case LD_ACT_ALLOW:
		return "allow";
	case LD_ACT_AUDIT:
		return "audit";
	case LD_ACT_DENY:
		return "deny";
	default:
		return "?";
	}
}

const char *ld_mode_name(unsigned int mode)
{
	return mode == LD_MODE_AUDIT ? "audit" : mode == LD_MODE_ENFORCE ? "enforce" : "?";
}

const char *ld_match_name(unsigned int match)
{
	switch (match) {
	case LD_MATCH_DEFAULT:
		return "default";
	case LD_MATCH_HOST:
		return "host";
	case LD_MATCH_UID:
		return "uid";
	case LD_MATCH_CGROUP:
		return "cgroup";
	case LD_MATCH_EXE:
		return "executable";
	case LD_MATCH_OBJECT:
		return "object";
	default:
		return "?";
	}
}

const char *ld_outcome_name(unsigned int outcome)
{
	switch (outcome) {
	case LD_OUT_ALLOWED:
		return "allowed";
	case LD_OUT_AUDITED:
		return "audited";
	case LD_OUT_DENIED:
		return "denied";
	default:
		return "?";
	}
}

static const struct {
	const char *name, *description;
} tampers[LD_TAMPER_KINDS] = {
	[LD_TAMPER_UNLINK] = { "unlink", "removing a pin of the sealed enforcer" },
	[LD_TAMPER_RMDIR] = { "rmdir", "removing the sealed enforcer's pin directory" },
	[LD_TAMPER_RENAME] = { "rename", "renaming in or out of the sealed enforcer's pins" },
	[LD_TAMPER_UMOUNT] = { "umount", "unmounting what holds the sealed enforcer" },
	[LD_TAMPER_MOUNT_MOVE] = { "mount", "moving or covering what holds the sealed enforcer" },
	[LD_TAMPER_MAP_WRITE] = { "map-write",
				  "a writable handle to a map of the sealed enforcer" },
	[LD_TAMPER_PROG_MAPS] = { "prog-maps", "a BPF program using the sealed enforcer's maps" },
	[LD_TAMPER_MAP_IN_MAP] = { "map-in-map",
				   "a map-in-map that could hold the enforcer's maps" },
	[LD_TAMPER_PTRACE] = { "ptrace", "ptrace or memory access into an exempt process or init" },
	[LD_TAMPER_FILE_WRITE] = { "file-write", "writing a file an exemption depends on" },
	[LD_TAMPER_TRUNCATE] = { "truncate", "truncating a file an exemption depends on" },
	[LD_TAMPER_CODE] = { "code", "an exempt process mapping code not listed when sealed" },
	[LD_TAMPER_EXE_LINK] = { "exe-link", "changing a process's executable link" },
	[LD_TAMPER_PROG_FD] = { "prog-fd", "a handle to a program of the sealed enforcer" },
	[LD_TAMPER_MAP_ITER] = { "map-iter", "a map-element iterator, which writes any map" },
	[LD_TAMPER_KNOB] = { "knob", "a kernel switch that would turn the enforcer's hooks off" },
};

const char *ld_tamper_name(unsigned int kind)
{
	return kind < LD_TAMPER_KINDS ? tampers[kind].name : "?";
}

const char *ld_tamper_description(unsigned int kind)
{
	return kind < LD_TAMPER_KINDS ? tampers[kind].description : "?";
}

const char *ld_variant_name(unsigned int variant)
{
	return variant == LD_VARIANT_PROBE ? "probe-read (5.10)" : "btf";
}
