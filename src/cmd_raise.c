// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown raise: raise the kernel's own lockdown level through securityfs.
 *
 * The kernel's level is a ratchet: it can be raised, never lowered, until reboot. We read the
 * current level first so that a lowering attempt is explained rather than reported as a bare
 * EPERM, ask for confirmation, write, and read back.
 */
#include "cmds.h"
#include "kstate.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool confirm(enum ld_level from, enum ld_level to)
{
	char answer[16];

	fprintf(stderr,
		"Raise kernel lockdown from '%s' to '%s'? It cannot be lowered until reboot. "
		"[y/N] ",
		ld_level_name(from), ld_level_name(to));
	if (!fgets(answer, sizeof(answer), stdin))
		return false;
	return answer[0] == 'y' || answer[0] == 'Y';
}

static int write_level(const char *path, enum ld_level to)
{
	const char *name = ld_level_name(to);
	int fd = ld_open_regular(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = write(fd, name, strlen(name));
	if (n < 0) {
		int err = errno;

		close(fd);
		return -err;
	}
	close(fd);
	return (size_t)n == strlen(name) ? 0 : -EIO;
}

static int report(enum ld_level from, enum ld_level to, bool changed)
{
	if (ld_g.json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "previous", json_object_new_string(ld_level_name(from)));
		json_object_object_add(o, "kernel_level",
				       json_object_new_string(ld_level_name(to)));
		json_object_object_add(o, "changed", json_object_new_boolean(changed));
		ld_json_print(o);
	} else if (changed) {
		printf("kernel lockdown raised: %s -> %s (until reboot)\n", ld_level_name(from),
		       ld_level_name(to));
	} else {
		printf("kernel lockdown is already '%s'; nothing to do\n", ld_level_name(to));
	}
	return LD_EXIT_OK;
}

int cmd_raise(int argc, char **argv)
{
	const char *file;
	struct ld_securityfs fs;
	enum ld_level cur, to, now;
	struct ld_args a;
	bool yes;
	char path[300], why[256];
	int ret;

	if (!ld_args_parse("raise", argc, argv, &a))
		return a.exit;
	/* Tests stand a plain file in for securityfs's; never a user's option. */
	file = getenv("LOCKDOWN_LEVEL_FILE");
	yes = ld_flag(&a, "yes");
	if (ld_level_from_name(a.operand[0], &to) != 0 || to == LD_LEVEL_NONE)
		return ld_usage_error("raise",
				      "'%s' is not a level to raise to; use integrity or "
				      "confidentiality",
				      a.operand[0]);

	if (!file) {
		if (ld_securityfs_find(&fs, true, why, sizeof(why)) != 0) {
			ld_err("raise: %s", why);
			return LD_EXIT_ERR;
		}
		if (ld_path_join(path, sizeof(path), fs.dir, "lockdown") != 0) {
			ld_err("raise: %s/lockdown: path too long", fs.dir);
			return LD_EXIT_ERR;
		}
		file = path;
	}
	ret = ld_read_level_file(file, &cur);
	if (ret != 0) {
		ld_err("raise: cannot read the current level from %s: %s", file,
		       ret == -EINVAL ? "unexpected content" : ld_errno_hint(-ret));
		return LD_EXIT_ERR;
	}
	if (cur == to)
		return report(cur, to, false);
	if (cur > to) {
		ld_err("raise: kernel lockdown is '%s'; it cannot be lowered to '%s' until reboot",
		       ld_level_name(cur), ld_level_name(to));
		return LD_EXIT_FAIL;
	}

	if (!yes) {
		if (!isatty(STDIN_FILENO)) {
			ld_err("raise: refusing to raise lockdown without --yes when stdin is not "
			       "a "
			       "terminal");
			return LD_EXIT_ERR;
		}
		if (!confirm(cur, to)) {
			ld_err("raise: not confirmed; the level stays '%s'", ld_level_name(cur));
			return LD_EXIT_FAIL;
		}
	}

	ret = write_level(file, to);
	switch (-ret) {
	case 0:
		break;
	case EPERM:
		/* lock_kernel_down() answers EPERM when the level is already at or above. */
		ld_err("raise: the kernel refused (EPERM): lockdown is already at or above '%s' "
		       "and cannot be lowered, or this process lacks CAP_SYS_ADMIN",
		       ld_level_name(to));
		return LD_EXIT_FAIL;
	case EACCES:
		ld_err("raise: %s: permission denied (needs root)", file);
		return LD_EXIT_ERR;
	case EINVAL:
		ld_err("raise: the kernel does not accept level '%s' (EINVAL): its lockdown file "
		       "offers another set of levels",
		       ld_level_name(to));
		return LD_EXIT_ERR;
	default:
		ld_err("raise: writing %s: %s", file, ld_errno_hint(-ret));
		return LD_EXIT_ERR;
	}

	/*
	 * Read back: the kernel's file shows the new level in brackets. (A plain file given with
	 * LOCKDOWN_LEVEL_FILE now holds just the name, which does not parse; nothing to check then.)
	 */
	if (ld_read_level_file(file, &now) == 0 && now != to) {
		ld_err("raise: wrote '%s' but the kernel reports '%s'", ld_level_name(to),
		       ld_level_name(now));
		return LD_EXIT_ERR;
	}
	return report(cur, to, true);
}
