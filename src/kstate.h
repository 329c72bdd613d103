/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's own lockdown state and the facts around it: securityfs level and LSM list,
 * EFI Secure Boot variables, module signature enforcement. Parsers are pure (tested on
 * strings); readers find the files on the running system.
 */
#ifndef LD_KSTATE_H
#define LD_KSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ld_level {
	LD_LEVEL_NONE = 0,
	LD_LEVEL_INTEGRITY = 1,
	LD_LEVEL_CONFIDENTIALITY = 2,
};

/* "none", "integrity", "confidentiality"; NULL for out-of-range values. */
const char *ld_level_name(enum ld_level level);
/* Returns 0 and sets *level, or -EINVAL for an unknown name. */
int ld_level_from_name(const char *name, enum ld_level *level);

/*
 * Parse securityfs "lockdown" content, e.g. "none [integrity] confidentiality\n":
 * exactly one bracketed, known level. Returns 0 or -EINVAL.
 */
int ld_parse_level(const char *text, enum ld_level *level);

/* LSM list as in securityfs "lsm" ("lockdown,capability,bpf"). */
#define LD_MAX_LSMS 32
struct ld_lsm_list {
	char names[LD_MAX_LSMS][32];
	unsigned int count;
};
/* Returns 0, or -EINVAL on an empty list, an empty or over-long name, or too many names. */
int ld_parse_lsm_list(const char *text, struct ld_lsm_list *list);
bool ld_lsm_list_has(const struct ld_lsm_list *list, const char *name);
/* Write "lsm=<list>,bpf" into buf: the boot parameter that makes BPF LSM active. */
int ld_lsm_bpf_param(const struct ld_lsm_list *list, char *buf, size_t len);

/*
 * EFI variable as read from efivarfs: 4 bytes of attributes, then the data.
 * For the one-byte boolean variables (SecureBoot, SetupMode, MokSBStateRT) sets *value to
 * the data byte. Returns 0, or -EINVAL when the content is too short.
 */
int ld_parse_efivar_u8(const uint8_t *buf, size_t len, uint8_t *value);

#define LD_EFI_GLOBAL_GUID "8be4df61-93ca-11d2-aa0d-00e098032b8c"
#define LD_EFI_SHIM_GUID   "605dab50-e046-4300-abb6-3dd810dd8b23"

/* Result of reading one EFI variable on the running system. */
enum ld_efivar_state {
	LD_EFIVAR_OK,
	LD_EFIVAR_NOT_EFI,     /* /sys/firmware/efi absent: BIOS boot */
	LD_EFIVAR_NO_EFIVARFS, /* EFI boot, efivarfs not mounted */
	LD_EFIVAR_ABSENT,      /* variable does not exist */
	LD_EFIVAR_ERROR,       /* unreadable or malformed (see err) */
};
enum ld_efivar_state ld_read_efivar_u8(const char *name, const char *guid, uint8_t *value,
				       int *err);

/*
 * Where to find securityfs. Tests set an explicit file (LOCKDOWN_LEVEL_FILE); otherwise the
 * mounted securityfs is used, or mounted read-only (rw for raise) in a private mount
 * namespace of this process when it is not mounted anywhere.
 */
struct ld_securityfs {
	char dir[256];
	bool private_mount;
};
/* Returns 0 with fs->dir set, or -errno; why gets a one-line explanation on failure. */
int ld_securityfs_find(struct ld_securityfs *fs, bool writable, char *why, size_t whylen);

/* The path of securityfs file name ("lockdown", "lsm") into path: 0, or -ENAMETOOLONG. */
int ld_securityfs_file(const struct ld_securityfs *fs, const char *name, char *path, size_t len);

/* Read the kernel's lockdown level from a file (securityfs "lockdown" or a test file). */
int ld_read_level_file(const char *path, enum ld_level *level);
/* Read the LSM list from a file (securityfs "lsm"): 0, -errno, or -EINVAL (malformed). */
int ld_read_lsm_file(const char *path, struct ld_lsm_list *list);

/* /sys/module/module/parameters/sig_enforce: "Y" or "N". Returns 0/1 or -errno. */
int ld_read_sig_enforce(const char *path);

#endif
