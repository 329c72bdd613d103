// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where a policy comes from: a file, or --profile NAME (NAME.conf in the administrator's or
 * the installed directory, else a preset built into the binary), and what commands share
 * around that: the reasons to compile against and the exit code of a compilation.
 */
#include "internal.h"
#include "reasons.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- presets --------------------------------------------------------------------------- */

const struct ld_preset *ld_preset_lookup(const char *name)
{
	for (unsigned int i = 0; i < ld_preset_count; i++)
		if (strcmp(ld_presets[i].name, name) == 0)
			return &ld_presets[i];
	return NULL;
}

const char *ld_preset_names(void)
{
	static char buf[512];

	if (!buf[0]) {
		size_t off = 0;

		for (unsigned int i = 0; i < ld_preset_count && off < sizeof(buf); i++)
			off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s%s", i ? ", " : "",
						ld_presets[i].name);
	}
	return buf;
}

/*
 * The directories --profile NAME looks in for NAME.conf before the built-in presets: the
 * administrator's (/etc/lockdown), then the installed presets (/usr/share/lockdown/policies).
 * LOCKDOWN_PROFILE_PATH (colon-separated) replaces the list; tests use it.
 */
static const char *profile_path(void)
{
	const char *env = getenv("LOCKDOWN_PROFILE_PATH");

	return env ? env : LD_SYSCONFDIR "/lockdown:" LD_DATADIR "/lockdown/policies";
}

static bool valid_profile_name(const char *name)
{
	if (!*name || strlen(name) > 64)
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			return false;
	return true;
}

int ld_policy_compile_profile(const char *name, const struct ld_reasons *rs,
			      const struct ld_policy_opts *opts, struct ld_compiled *out,
			      struct ld_diag *diag)
{
	const struct ld_preset *p = ld_preset_lookup(name);
	const char *dirs = profile_path();
	char file[128];

	memset(out, 0, sizeof(*out));
	snprintf(file, sizeof(file), "profile:%.64s", name);
	if (!valid_profile_name(name)) {
		ld_diag_add(diag, LD_DIAG_ERROR, file, 0,
			    "a profile name is letters, digits, '-' and '_' (profiles: %s)",
			    ld_preset_names());
		return -ENOENT;
	}
	while (*dirs) {
		size_t n = strcspn(dirs, ":");
		char path[PATH_MAX];

		if (n && n + strlen(name) + 7 < sizeof(path)) {
			snprintf(path, sizeof(path), "%.*s/%s.conf", (int)n, dirs, name);
			if (access(path, F_OK) == 0)
				return ld_policy_compile_file(path, rs, opts, out, diag);
		}
		dirs += n + (dirs[n] == ':');
	}
	if (!p) {
		ld_diag_add(diag, LD_DIAG_ERROR, file, 0,
			    "no such profile (NAME.conf in %s, or built in: %s)", profile_path(),
			    ld_preset_names());
		return -ENOENT;
	}
	return ld_policy_compile_buffer(file, p->text, p->len, rs, opts, out, diag);
}

/* ---- for commands ---------------------------------------------------------------------- */

int ld_policy_load(const char *path, const char *profile, const struct ld_reasons *rs,
		   const struct ld_policy_opts *opts, struct ld_compiled *out, struct ld_diag *diag)
{
	int ret;

	if (!!path == !!profile) {
		memset(out, 0, sizeof(*out));
		ld_diag_add(diag, LD_DIAG_ERROR, "lockdown", 0,
			    "give either a policy file or --profile NAME (profiles: %s)",
			    ld_preset_names());
		return -ENOMSG; /* usage: not an invalid policy */
	}
	ret = profile ? ld_policy_compile_profile(profile, rs, opts, out, diag)
		      : ld_policy_compile_file(path, rs, opts, out, diag);
	return ret;
}

int ld_policy_source(const char *cmd, const char *path, const char *profile, const char *btf,
		     struct ld_reasons *rs)
{
	char err[512];

	if (!!path == !!profile)
		return ld_usage_error(cmd,
				      "give a policy file or --profile NAME, one of them "
				      "(profiles: %s)",
				      ld_preset_names());
	if (ld_reasons_load(btf, rs, err, sizeof(err)) != 0) {
		ld_err("%s: %s", cmd, err);
		return LD_EXIT_ERR;
	}
	return 0;
}

int ld_policy_exit_code(int ret)
{
	if (ret == 0)
		return 0;
	return ret == -EINVAL ? 1 : 2;
}
