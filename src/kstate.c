// SPDX-License-Identifier: GPL-2.0-only
#include "kstate.h"
#include "mountinfo.h"
#include "util.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#ifndef SECURITYFS_MAGIC
#define SECURITYFS_MAGIC 0x73636673
#endif

static const char *const level_names[] = {
	[LD_LEVEL_NONE] = "none",
	[LD_LEVEL_INTEGRITY] = "integrity",
	[LD_LEVEL_CONFIDENTIALITY] = "confidentiality",
};

const char *ld_level_name(enum ld_level level)
{
	if ((unsigned int)level >= sizeof(level_names) / sizeof(level_names[0]))
		return NULL;
	return level_names[level];
}

int ld_level_from_name(const char *name, enum ld_level *level)
{
	for (unsigned int i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (strcmp(name, level_names[i]) == 0) {
			*level = (enum ld_level)i;
			return 0;
		}
	}
	return -EINVAL;
}

int ld_parse_level(const char *text, enum ld_level *level)
{
	const char *open = strchr(text, '[');
	const char *close;
	char name[32];
	size_t n;

	if (!open || strchr(open + 1, '['))
		return -EINVAL;
	close = strchr(open, ']');
	if (!close || strchr(close + 1, ']'))
		return -EINVAL;
	n = (size_t)(close - open - 1);
	if (n == 0 || n >= sizeof(name))
		return -EINVAL;
	memcpy(name, open + 1, n);
	name[n] = '\0';
	return ld_level_from_name(name, level);
}

int ld_parse_lsm_list(const char *text, struct ld_lsm_list *list)
{
	const char *p = text;

	list->count = 0;
	for (;;) {
		size_t n = strcspn(p, ",\n");

		if (n == 0 || n >= sizeof(list->names[0]) || list->count == LD_MAX_LSMS)
			return -EINVAL;
		memcpy(list->names[list->count], p, n);
		list->names[list->count][n] = '\0';
		list->count++;
		p += n;
		if (*p != ',')
			break;
		p++;
	}
	/* Only a trailing newline may follow the list. */
	if (*p == '\n')
		p++;
	return *p == '\0' ? 0 : -EINVAL;
}

bool ld_lsm_list_has(const struct ld_lsm_list *list, const char *name)
{
	for (unsigned int i = 0; i < list->count; i++)
		if (strcmp(list->names[i], name) == 0)
			return true;
	return false;
}

int ld_lsm_bpf_param(const struct ld_lsm_list *list, char *buf, size_t len)
{
	size_t off;
	int n = snprintf(buf, len, "lsm=");

	if (n < 0 || (size_t)n >= len)
		return -ENOSPC;
	off = (size_t)n;
	for (unsigned int i = 0; i < list->count; i++) {
		n = snprintf(buf + off, len - off, "%s,", list->names[i]);
		if (n < 0 || (size_t)n >= len - off)
			return -ENOSPC;
		off += (size_t)n;
	}
	n = snprintf(buf + off, len - off, "bpf");
	return (n < 0 || (size_t)n >= len - off) ? -ENOSPC : 0;
}

int ld_parse_efivar_u8(const uint8_t *buf, size_t len, uint8_t *value)
{
	if (len < 5)
		return -EINVAL;
	*value = buf[4];
	return 0;
}

enum ld_efivar_state ld_read_efivar_u8(const char *name, const char *guid, uint8_t *value, int *err)
{
	char path[256];
	char buf[64];
	struct stat st;
	long n;

	*err = 0;
	if (stat("/sys/firmware/efi", &st) != 0)
		return LD_EFIVAR_NOT_EFI;
	if (stat("/sys/firmware/efi/efivars", &st) != 0) {
		*err = errno;
		return LD_EFIVAR_NO_EFIVARFS;
	}
	snprintf(path, sizeof(path), "/sys/firmware/efi/efivars/%s-%s", name, guid);
	n = ld_read_file(path, buf, sizeof(buf));
	if (n < 0) {
		*err = (int)-n;
		if (n != -ENOENT)
			return LD_EFIVAR_ERROR;
		/* An empty efivars directory means efivarfs is not mounted. */
		snprintf(path, sizeof(path), "/sys/firmware/efi/efivars/SecureBoot-%s",
			 LD_EFI_GLOBAL_GUID);
		if (access(path, F_OK) != 0 && access("/sys/firmware/efi/efivars", F_OK) == 0) {
			struct statfs sfs;

			if (statfs("/sys/firmware/efi/efivars", &sfs) == 0 &&
			    sfs.f_type != 0xde5e81e4 /* EFIVARFS_MAGIC */)
				return LD_EFIVAR_NO_EFIVARFS;
		}
		return LD_EFIVAR_ABSENT;
	}
	if (ld_parse_efivar_u8((const uint8_t *)buf, (size_t)n, value) != 0) {
		*err = EINVAL;
		return LD_EFIVAR_ERROR;
	}
	return LD_EFIVAR_OK;
}

static bool is_securityfs(const char *dir)
{
	struct statfs sfs;

	return statfs(dir, &sfs) == 0 && sfs.f_type == SECURITYFS_MAGIC;
}

/* Look through mountinfo for a securityfs mounted somewhere other than the usual place. */
static bool find_mounted(char *dir, size_t len)
{
	struct ld_mounts ms;
	const struct ld_mount *m;
	bool found;

	if (ld_mounts_read(NULL, &ms) != 0)
		return false;
	m = ld_mounts_by_fstype(&ms, "securityfs");
	found = m && m->mountpoint[0] == '/' && strlen(m->mountpoint) < len;
	if (found)
		memcpy(dir, m->mountpoint, strlen(m->mountpoint) + 1);
	ld_mounts_free(&ms);
	return found;
}

int ld_securityfs_find(struct ld_securityfs *fs, bool writable, char *why, size_t whylen)
{
	static const char std_dir[] = "/sys/kernel/security";
	unsigned long flags = writable ? 0 : MS_RDONLY;

	fs->private_mount = false;
	if (is_securityfs(std_dir)) {
		snprintf(fs->dir, sizeof(fs->dir), "%s", std_dir);
		return 0;
	}
	if (find_mounted(fs->dir, sizeof(fs->dir)) && is_securityfs(fs->dir))
		return 0;

	/*
	 * Not mounted: mount it in a mount namespace of our own, so nothing changes for the rest
	 * of the system. This needs CAP_SYS_ADMIN.
	 */
	if (unshare(CLONE_NEWNS) != 0) {
		int err = errno;

		snprintf(why, whylen,
			 "securityfs is not mounted and mounting it privately failed: %s",
			 err == EPERM ? "needs root (CAP_SYS_ADMIN)" : strerror(err));
		return -err;
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("securityfs", std_dir, "securityfs", flags | MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  NULL) != 0) {
		int err = errno;

		snprintf(why, whylen, "securityfs is not mounted and mounting it on %s failed: %s",
			 std_dir, strerror(err));
		return -err;
	}
	snprintf(fs->dir, sizeof(fs->dir), "%s", std_dir);
	fs->private_mount = true;
	return 0;
}

int ld_read_level_file(const char *path, enum ld_level *level)
{
	char buf[128];
	long n = ld_read_file(path, buf, sizeof(buf));

	if (n < 0)
		return (int)n;
	return ld_parse_level(buf, level);
}

int ld_read_lsm_file(const char *path, struct ld_lsm_list *list)
{
	char buf[512];
	long n = ld_read_file(path, buf, sizeof(buf));

	if (n < 0)
		return (int)n;
	return ld_parse_lsm_list(buf, list);
}

int ld_securityfs_file(const struct ld_securityfs *fs, const char *name, char *path, size_t len)
{
	return ld_path_join(path, len, fs->dir, name);
}

int ld_read_sig_enforce(const char *path)
{
	char buf[16];
	long n = ld_read_file(path, buf, sizeof(buf));

	if (n < 0)
		return (int)n;
	ld_rstrip(buf);
	if (strcmp(buf, "Y") == 0 || strcmp(buf, "1") == 0)
		return 1;
	if (strcmp(buf, "N") == 0 || strcmp(buf, "0") == 0)
		return 0;
	return -EINVAL;
}
